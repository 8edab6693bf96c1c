"""Teams on PostgreSQL: who each login is and which organisations they see; the login on audit entries.

New tables `team_member` and `team_grant` (written only by `idmf-cli team …`, run by the database owner); a
`login` column on `status_event`, which in team mode the database itself fills with `session_user`; an index
on `assessment.organisation`, which row-level security filters on. The roles, policies and functions of team
mode are not made here: `idmf-cli team init` installs them (idmf.storage.team_sql), because creating roles
needs rights an ordinary upgrade does not have. SQLite databases get the empty tables and nothing else.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "team_member",
        sa.Column("login", sa.String(63), primary_key=True),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("key_id", sa.String(64), nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("added_by", sa.String(), nullable=False),
    )
    op.create_table(
        "team_grant",
        sa.Column("login", sa.String(63), primary_key=True),
        sa.Column("organisation", sa.String(), primary_key=True),
    )
    # Plain ADD COLUMN (no batch): on SQLite a batch would recreate the table and drop its triggers (0004, 0007).
    op.add_column("status_event", sa.Column("login", sa.String(63), nullable=True))
    op.create_index("ix_assessment_organisation", "assessment", ["organisation"])


def downgrade() -> None:
    op.drop_index("ix_assessment_organisation", table_name="assessment")
    op.execute("ALTER TABLE status_event DROP COLUMN login")
    op.drop_table("team_grant")
    op.drop_table("team_member")
