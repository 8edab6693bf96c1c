"""Alembic environment: runs on the engine the app injects (never reads a URL from a file).

The whole upgrade is one transaction that first takes the database's write lock (SQLite: BEGIN IMMEDIATE;
PostgreSQL: a transaction-scoped advisory lock), so when several copies of the app start on a new database at
once, one creates the tables and the others wait, then find them there and do nothing.
"""

from alembic import context

from idmf.storage.tables import metadata

engine = context.config.attributes["engine"]
MIGRATION_LOCK = 0x1D3F  # any fixed number: the key of PostgreSQL's advisory lock for migrations

with engine.begin() as connection:
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    elif connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    context.run_migrations()
