"""Signatures by people: signers and trusted-signers lists; signed audit entries, sign-offs and review files;
an audit log that can only grow.

New tables `signer` and `trust_list`. New columns: the signer and signature of each audit entry; the
approver's key, signed statement and signed Word document of each sign-off; the request and reply ids and
signer of each review file sent or received (and whether a request was withdrawn); the request a review copy
came in. Triggers refuse UPDATE and DELETE of every audit row (`status_event`), on SQLite and PostgreSQL
(where TRUNCATE is refused too): entries are only ever added.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

PERMANENT = "The audit log cannot be changed or deleted: entries are only ever added"

SQLITE_TRIGGERS = (
    f"""CREATE TRIGGER status_event_no_update BEFORE UPDATE ON status_event
        BEGIN SELECT RAISE(ABORT, '{PERMANENT}'); END""",
    f"""CREATE TRIGGER status_event_no_delete BEFORE DELETE ON status_event
        BEGIN SELECT RAISE(ABORT, '{PERMANENT}'); END""",
)
SQLITE_DROP = ("DROP TRIGGER IF EXISTS status_event_no_update", "DROP TRIGGER IF EXISTS status_event_no_delete")
POSTGRES_TRIGGERS = (
    f"""CREATE OR REPLACE FUNCTION idmf_audit_permanent() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION '{PERMANENT}' USING ERRCODE = 'integrity_constraint_violation';
    END $$""",
    """CREATE TRIGGER status_event_permanent BEFORE UPDATE OR DELETE ON status_event
       FOR EACH ROW EXECUTE FUNCTION idmf_audit_permanent()""",
    """CREATE TRIGGER status_event_no_truncate BEFORE TRUNCATE ON status_event
       FOR EACH STATEMENT EXECUTE FUNCTION idmf_audit_permanent()""",
)
POSTGRES_DROP = (
    "DROP TRIGGER IF EXISTS status_event_no_truncate ON status_event",
    "DROP TRIGGER IF EXISTS status_event_permanent ON status_event",
    "DROP FUNCTION IF EXISTS idmf_audit_permanent()",
)

# Plain ADD COLUMN (no batch): on SQLite a batch would recreate the table and drop its triggers (0004).
NEW_COLUMNS = {
    "status_event": (sa.Column("signer_key", sa.String(64), nullable=True),
                     sa.Column("signature", sa.Text(), nullable=True),
                     sa.Column("person_key", sa.String(64), nullable=True)),
    "signoff": (sa.Column("signer_key", sa.String(64), nullable=True),
                sa.Column("signature", sa.Text(), nullable=True),
                sa.Column("document", sa.LargeBinary(), nullable=True)),
    "review_exchange": (sa.Column("request_id", sa.String(32), nullable=True),
                        sa.Column("reply_id", sa.String(32), nullable=True),
                        sa.Column("signer_key", sa.String(64), nullable=True),
                        sa.Column("withdrawn", sa.Boolean(), nullable=False, server_default=sa.false())),
    "review_copy": (sa.Column("request_id", sa.String(32), nullable=True),),
}


def _create_tables() -> None:
    op.create_table(
        "signer",
        sa.Column("key_id", sa.String(64), primary_key=True),
        sa.Column("public_key", sa.String(64), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("organisation", sa.String(), nullable=False, server_default=""),
        sa.Column("first_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("list_role", sa.String(), nullable=True),
        sa.Column("vouched_role", sa.String(), nullable=True),
        sa.Column("vouched_by", sa.String(), nullable=True),
        sa.Column("vouched_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_table(
        "trust_list",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("organisation", sa.String(), nullable=False),
        sa.Column("admin_key_id", sa.String(64), nullable=False),
        sa.Column("admin_name", sa.String(), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("list_json", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("imported_by", sa.String(), nullable=False),
    )


def upgrade() -> None:
    for table, columns in NEW_COLUMNS.items():
        for column in columns:
            op.add_column(table, column)
    _create_tables()
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_TRIGGERS if dialect == "sqlite" else POSTGRES_TRIGGERS if dialect == "postgresql" else ():
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_DROP if dialect == "sqlite" else POSTGRES_DROP if dialect == "postgresql" else ():
        op.execute(statement)
    op.drop_table("trust_list")
    op.drop_table("signer")
    for table, columns in NEW_COLUMNS.items():
        for column in columns:
            # Plain DROP COLUMN (SQLite 3.35+): a batch would recreate the table and drop its triggers.
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column.name}")
