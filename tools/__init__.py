"""Developer tooling (not installed with the app): screenshots and rendered Word samples for the docs."""
