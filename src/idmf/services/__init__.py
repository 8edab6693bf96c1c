"""Application services: what the GUI and CLI call to change assessments."""
