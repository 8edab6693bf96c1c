"""Documents attached to an assessment version as evidence, locked with the version when it is signed off.

Existing assessments need nothing else: links from impacts to actions, findings and documents live inside the
answers (new keys, absent until used), so every stored answer reads as before.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TABLE = "assessment_document"
LOCKED = "This assessment version is signed off and locked; start a new version to change it"
_LOCKED_ROW = "(SELECT locked FROM assessment WHERE id = {}.assessment_id)"

SQLITE_TRIGGERS = {
    f"{TABLE}_locked_insert": f"BEFORE INSERT ON {TABLE} FOR EACH ROW WHEN {_LOCKED_ROW.format('NEW')}",
    f"{TABLE}_locked_update": (f"BEFORE UPDATE ON {TABLE} FOR EACH ROW WHEN {_LOCKED_ROW.format('OLD')} "
                               f"OR {_LOCKED_ROW.format('NEW')}"),
    f"{TABLE}_locked_delete": f"BEFORE DELETE ON {TABLE} FOR EACH ROW WHEN {_LOCKED_ROW.format('OLD')}",
}


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("assessment_id", sa.Integer(), sa.ForeignKey("assessment.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("document_id", sa.String(32), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("media_type", sa.String(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name, when in SQLITE_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {when} BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END")
    elif dialect == "postgresql":  # idmf_child_locked() is migration 0004's, shared by every content table
        op.execute(f"CREATE TRIGGER {TABLE}_locked BEFORE INSERT OR UPDATE OR DELETE ON {TABLE} "
                   "FOR EACH ROW EXECUTE FUNCTION idmf_child_locked()")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    elif dialect == "postgresql":
        op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_locked ON {TABLE}")
    op.drop_table(TABLE)
