"""Portfolio facts: what each assessment contributes to the portfolio, kept so a portfolio need not parse every
answer of every assessment again (issue 20: 0.4 s of client CPU per portfolio on 20,000 assessments).

`assessment.answers_changed` counts changes to an assessment's answers. The database counts them itself, with
triggers on `answer`, so no path (the app, a workflow step clearing answers, `psql`) can change an answer
without making that assessment's stored facts stale. A facts row is used only while its `answers_changed`
equals the assessment's and its `basis` (the app and form definitions that computed it) is the reader's.

In team mode only `idmf_store_portfolio_facts` (idmf.storage.team_sql, installed by `team init`) writes facts,
for the EDI roles. On SQLite a batch operation that recreates `answer` drops these triggers (as 0004 notes).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_BUMP = "UPDATE assessment SET answers_changed = answers_changed + 1 WHERE id = {}.assessment_id"
SQLITE_TRIGGERS = {
    "answer_changed_insert": f"AFTER INSERT ON answer FOR EACH ROW BEGIN {_BUMP.format('NEW')}; END",
    "answer_changed_update": f"AFTER UPDATE ON answer FOR EACH ROW BEGIN {_BUMP.format('NEW')}; END",
    "answer_changed_delete": f"AFTER DELETE ON answer FOR EACH ROW BEGIN {_BUMP.format('OLD')}; END",
}
# One statement-level trigger per event (PostgreSQL allows transition tables only on single-event triggers): a
# statement saving many answers bumps each assessment once. SECURITY DEFINER: in team mode the people connected
# have no right to update the counter themselves, so they cannot put it back after changing an answer.
_PG_EVENTS = {"insert": "NEW TABLE AS changed", "update": "NEW TABLE AS changed", "delete": "OLD TABLE AS changed"}
POSTGRES_STATEMENTS = (
    """CREATE OR REPLACE FUNCTION idmf_answers_changed() RETURNS trigger LANGUAGE plpgsql
       SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
        UPDATE assessment SET answers_changed = answers_changed + 1
            WHERE id IN (SELECT DISTINCT assessment_id FROM changed);
        RETURN NULL;
    END $$""",
    *(f"""CREATE TRIGGER answer_changed_{event} AFTER {event.upper()} ON answer REFERENCING {table}
          FOR EACH STATEMENT EXECUTE FUNCTION idmf_answers_changed()""" for event, table in _PG_EVENTS.items()),
)


def upgrade() -> None:
    # Plain ADD COLUMN (no batch): on SQLite a batch would recreate the table and drop its triggers (0004, 0007).
    op.add_column("assessment", sa.Column("answers_changed", sa.Integer(), nullable=False, server_default="0"))
    op.create_table(
        "portfolio_facts",
        sa.Column("assessment_id", sa.Integer(), sa.ForeignKey("assessment.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("answers_changed", sa.Integer(), nullable=False),
        sa.Column("basis", sa.String(), nullable=False),
        sa.Column("facts", sa.Text(), nullable=False),
        sa.Column("computed_by", sa.String(), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        for statement in POSTGRES_STATEMENTS:
            op.execute(statement)
    else:
        for name, body in SQLITE_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for event in _PG_EVENTS:
            op.execute(f"DROP TRIGGER IF EXISTS answer_changed_{event} ON answer")
        op.execute("DROP FUNCTION IF EXISTS idmf_answers_changed()")
    else:
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("portfolio_facts")
    op.execute("ALTER TABLE assessment DROP COLUMN answers_changed")
