"""Review and sign-off: comments, the hash-chained audit log, sign-offs, review copies, and locked versions.

A signed-off version is locked: database triggers refuse any INSERT, UPDATE or DELETE of its answers and
attached census tables, and any change to the content columns of its assessment row (or deleting it), so
even a direct SQL statement cannot change it. Sign-off records themselves can never be changed or deleted.

Note for later migrations: on SQLite, a batch operation that *recreates* the assessment, answer or
assessment_census table drops these triggers; such a migration must re-create them (see SQLITE_TRIGGERS).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

LOCKED = "This assessment version is signed off and locked; start a new version to change it"
SIGNED = "A sign-off record cannot be changed or deleted"

# Columns of a locked assessment row that may still change: bookkeeping, not content.
_CONTENT_COLUMNS = ("locked", "uid", "version_number", "form_id", "form_version", "title", "organisation", "lead",
                    "status", "steps_complete", "created_at")
_SQLITE_CHANGED = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in _CONTENT_COLUMNS)

CHILD_TABLES = ("answer", "assessment_census")  # rows that belong to one assessment version (content)


def _sqlite_child_triggers(table: str) -> tuple[str, ...]:
    locked = "(SELECT locked FROM assessment WHERE id = {}.assessment_id)"
    return (
        f"""CREATE TRIGGER {table}_locked_insert BEFORE INSERT ON {table}
            FOR EACH ROW WHEN {locked.format('NEW')}
            BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END""",
        f"""CREATE TRIGGER {table}_locked_update BEFORE UPDATE ON {table}
            FOR EACH ROW WHEN {locked.format('OLD')} OR {locked.format('NEW')}
            BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END""",
        f"""CREATE TRIGGER {table}_locked_delete BEFORE DELETE ON {table}
            FOR EACH ROW WHEN {locked.format('OLD')}
            BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END""",
    )


SQLITE_TRIGGERS = (
    f"""CREATE TRIGGER assessment_locked_update BEFORE UPDATE ON assessment
        FOR EACH ROW WHEN OLD.locked AND ({_SQLITE_CHANGED})
        BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END""",
    f"""CREATE TRIGGER assessment_locked_delete BEFORE DELETE ON assessment
        FOR EACH ROW WHEN OLD.locked
        BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END""",
    *(trigger for table in CHILD_TABLES for trigger in _sqlite_child_triggers(table)),
    f"""CREATE TRIGGER signoff_no_update BEFORE UPDATE ON signoff
        BEGIN SELECT RAISE(ABORT, '{SIGNED}'); END""",
    f"""CREATE TRIGGER signoff_no_delete BEFORE DELETE ON signoff
        BEGIN SELECT RAISE(ABORT, '{SIGNED}'); END""",
)
SQLITE_TRIGGER_NAMES = ("assessment_locked_update", "assessment_locked_delete", "signoff_no_update",
                        "signoff_no_delete", *(f"{t}_locked_{op}" for t in CHILD_TABLES
                                               for op in ("insert", "update", "delete")))

_PG_NEW = ", ".join(f"NEW.{c}" for c in _CONTENT_COLUMNS)
_PG_OLD = ", ".join(f"OLD.{c}" for c in _CONTENT_COLUMNS)

POSTGRES_STATEMENTS = (
    f"""CREATE OR REPLACE FUNCTION idmf_assessment_locked() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF OLD.locked THEN
            IF TG_OP = 'DELETE' THEN
                RAISE EXCEPTION '{LOCKED}' USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            IF ROW({_PG_NEW}) IS DISTINCT FROM ROW({_PG_OLD}) THEN
                RAISE EXCEPTION '{LOCKED}' USING ERRCODE = 'integrity_constraint_violation';
            END IF;
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
    END $$""",
    """CREATE TRIGGER assessment_locked BEFORE UPDATE OR DELETE ON assessment
       FOR EACH ROW EXECUTE FUNCTION idmf_assessment_locked()""",
    f"""CREATE OR REPLACE FUNCTION idmf_child_locked() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'INSERT' THEN
            IF EXISTS (SELECT 1 FROM assessment WHERE id = OLD.assessment_id AND locked) THEN
                RAISE EXCEPTION '{LOCKED}' USING ERRCODE = 'integrity_constraint_violation';
            END IF;
        END IF;
        IF TG_OP <> 'DELETE' THEN
            IF EXISTS (SELECT 1 FROM assessment WHERE id = NEW.assessment_id AND locked) THEN
                RAISE EXCEPTION '{LOCKED}' USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            RETURN NEW;
        END IF;
        RETURN OLD;
    END $$""",
    *(f"""CREATE TRIGGER {table}_locked BEFORE INSERT OR UPDATE OR DELETE ON {table}
        FOR EACH ROW EXECUTE FUNCTION idmf_child_locked()""" for table in CHILD_TABLES),
    f"""CREATE OR REPLACE FUNCTION idmf_signoff_permanent() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION '{SIGNED}' USING ERRCODE = 'integrity_constraint_violation';
    END $$""",
    """CREATE TRIGGER signoff_permanent BEFORE UPDATE OR DELETE ON signoff
       FOR EACH ROW EXECUTE FUNCTION idmf_signoff_permanent()""",
)
POSTGRES_DROP = (
    "DROP TRIGGER IF EXISTS signoff_permanent ON signoff",
    *(f"DROP TRIGGER IF EXISTS {table}_locked ON {table}" for table in CHILD_TABLES),
    "DROP TRIGGER IF EXISTS assessment_locked ON assessment",
    "DROP FUNCTION IF EXISTS idmf_signoff_permanent()",
    "DROP FUNCTION IF EXISTS idmf_child_locked()",
    "DROP FUNCTION IF EXISTS idmf_assessment_locked()",
)


def _create_comment_table() -> None:
    op.create_table(
        "comment",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("origin", sa.String(32), nullable=False, unique=True),
        sa.Column("assessment_uid", sa.String(32), nullable=False),
        sa.Column("version_number", sa.Integer(), nullable=False),
        sa.Column("anchor", sa.String(), nullable=False),
        sa.Column("parent_id", sa.Integer(), sa.ForeignKey("comment.id", ondelete="CASCADE"), nullable=True),
        sa.Column("author", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("resolved_by", sa.String(), nullable=True),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_comment_assessment", "comment", ["assessment_uid", "version_number"])


def _create_audit_and_signoff_tables() -> None:
    op.create_table(
        "status_event",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("assessment_id", sa.Integer(), sa.ForeignKey("assessment.id"), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("assessment_uid", sa.String(32), nullable=False),
        sa.Column("version_number", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("from_status", sa.String(), nullable=False),
        sa.Column("to_status", sa.String(), nullable=False),
        sa.Column("person", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False, server_default=""),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.UniqueConstraint("assessment_id", "seq", name="uq_status_event_seq"),
    )
    op.create_index("ix_status_event_assessment_id", "status_event", ["assessment_id"])
    op.create_table(
        "signoff",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("assessment_id", sa.Integer(), sa.ForeignKey("assessment.id"), nullable=False, unique=True),
        sa.Column("assessment_uid", sa.String(32), nullable=False),
        sa.Column("version_number", sa.Integer(), nullable=False),
        sa.Column("committee", sa.String(), nullable=False),
        sa.Column("meeting_date", sa.Date(), nullable=False),
        sa.Column("approver", sa.String(), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(), nullable=False),
    )


def _create_review_file_tables() -> None:
    op.create_table(
        "review_copy",
        sa.Column("assessment_id", sa.Integer(), sa.ForeignKey("assessment.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("content_sha256", sa.String(64), nullable=False),
        sa.Column("content_json", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("received_from", sa.String(), nullable=False, server_default=""),
        sa.Column("verdict", sa.String(), nullable=True),
        sa.Column("verdict_by", sa.String(), nullable=True),
        sa.Column("verdict_comment", sa.Text(), nullable=True),
        sa.Column("verdict_at", sa.DateTime(), nullable=True),
    )
    op.create_table(
        "review_exchange",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("assessment_uid", sa.String(32), nullable=False),
        sa.Column("version_number", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("direction", sa.String(), nullable=False),
        sa.Column("content_sha256", sa.String(64), nullable=False),
        sa.Column("file_sha256", sa.String(64), nullable=False),
        sa.Column("person", sa.String(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_review_exchange_assessment", "review_exchange", ["assessment_uid", "version_number"])


def upgrade() -> None:
    # Plain ADD COLUMN (no batch): on SQLite a batch would recreate the table.
    op.add_column("assessment", sa.Column("locked", sa.Boolean(), nullable=False, server_default=sa.false()))
    _create_comment_table()
    _create_audit_and_signoff_tables()
    _create_review_file_tables()
    dialect = op.get_bind().dialect.name
    statements = SQLITE_TRIGGERS if dialect == "sqlite" else POSTGRES_STATEMENTS if dialect == "postgresql" else ()
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in SQLITE_TRIGGER_NAMES:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    elif dialect == "postgresql":
        for statement in POSTGRES_DROP:
            op.execute(statement)
    for table in ("review_exchange", "review_copy", "signoff", "status_event", "comment"):
        op.drop_table(table)
    with op.batch_alter_table("assessment") as batch:
        batch.drop_column("locked")
