"""Backups in the window: File → Restore from backup…, Open backups folder, the periodic backup timer, and
the offer to restore when the start-up check finds a damaged data file."""
