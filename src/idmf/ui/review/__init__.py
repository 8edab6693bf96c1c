"""The review and sign-off screens: readiness checklist, comments pane, Review menu and its dialogs."""
