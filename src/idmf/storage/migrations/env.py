"""Alembic environment: runs on the engine the app injects (never reads a URL from a file)."""

from alembic import context

from idmf.storage.tables import metadata

engine = context.config.attributes["engine"]

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    context.run_migrations()
