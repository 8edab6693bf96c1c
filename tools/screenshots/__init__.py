"""Screenshot scripts for the README: `python -m tools.screenshots.base|review|census OUTDIR`."""
