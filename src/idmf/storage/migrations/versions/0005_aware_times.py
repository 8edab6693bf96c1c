"""Times are stored with their time zone on PostgreSQL, as the table models say (UTC, aware).

The earlier migrations made naive `timestamp` columns, while the models write aware UTC datetimes: on a
server whose TimeZone is not UTC, PostgreSQL shifted them on the way in. The stored values were written in
UTC by the app, so they are read as UTC here. SQLite keeps every time as text and needs nothing.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

COLUMNS = {
    "assessment": ("created_at", "updated_at"),
    "answer": ("updated_at",),
    "comment": ("created_at", "resolved_at", "changed_at"),
    "status_event": ("at",),
    "signoff": ("signed_at",),
    "review_copy": ("received_at", "verdict_at"),
    "review_exchange": ("at",),
}


def _alter(kind: str, cast: str) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, columns in COLUMNS.items():
        changes = ", ".join(f"ALTER COLUMN {c} TYPE {kind} USING {c} {cast}" for c in columns)
        op.execute(f"ALTER TABLE {table} {changes}")


def upgrade() -> None:
    _alter("timestamp with time zone", "AT TIME ZONE 'UTC'")


def downgrade() -> None:
    _alter("timestamp without time zone", "AT TIME ZONE 'UTC'")
