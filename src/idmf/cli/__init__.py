"""The headless command line, `idmf-cli`."""
