"""Storage: every table and every SQL statement of the app, the engine, migrations, backups.

Above it only idmf.services touches it: the front ends (idmf.ui, idmf.cli) go through the services.
"""
