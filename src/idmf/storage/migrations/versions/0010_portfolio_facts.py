"""Portfolio facts: what each assessment contributes to the portfolio, kept so a portfolio need not parse every
answer and status change of every assessment again (issue 20: 0.4 s of client CPU per portfolio on 20,000
assessments, and a query of every status change).

`assessment.facts_changed` counts changes to what the facts are worked out from: the assessment's answers and
its status changes. The database counts them itself, with triggers on `answer` and `status_event`, so no path
(the app, a workflow step clearing answers, `psql`) can change them without making the kept facts stale. A facts
row is used only while its `facts_changed` equals the assessment's and its `basis` (the app and form definitions
that worked it out) is the reader's.

In team mode only `idmf_store_portfolio_facts` (idmf.storage.team_sql, installed by `team init`) writes facts,
for the EDI roles. On SQLite a batch operation that recreates `answer` or `status_event` drops these triggers (as
0004 notes).

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

_BUMP = "UPDATE assessment SET facts_changed = facts_changed + 1 WHERE id = {}.assessment_id"
SQLITE_TRIGGERS = {
    "answer_changed_insert": f"AFTER INSERT ON answer FOR EACH ROW BEGIN {_BUMP.format('NEW')}; END",
    "answer_changed_update": f"AFTER UPDATE ON answer FOR EACH ROW BEGIN {_BUMP.format('NEW')}; END",
    "answer_changed_delete": f"AFTER DELETE ON answer FOR EACH ROW BEGIN {_BUMP.format('OLD')}; END",
    # Status events are only ever added (0004 and 0007 refuse changing or deleting them).
    "status_event_changed_insert": f"AFTER INSERT ON status_event FOR EACH ROW BEGIN {_BUMP.format('NEW')}; END",
}
# One statement-level trigger per event (PostgreSQL allows transition tables only on single-event triggers): a
# statement saving many answers bumps each assessment once. SECURITY DEFINER: in team mode the people connected
# have no right to update the counter themselves, so they cannot put it back after changing an answer.
PG_TRIGGERS = {"answer_changed_insert": ("INSERT ON answer", "NEW"),
               "answer_changed_update": ("UPDATE ON answer", "NEW"),
               "answer_changed_delete": ("DELETE ON answer", "OLD"),
               "status_event_changed_insert": ("INSERT ON status_event", "NEW")}
POSTGRES_STATEMENTS = (
    """CREATE OR REPLACE FUNCTION idmf_facts_changed() RETURNS trigger LANGUAGE plpgsql
       SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
        UPDATE assessment SET facts_changed = facts_changed + 1
            WHERE id IN (SELECT DISTINCT assessment_id FROM changed);
        RETURN NULL;
    END $$""",
    *(f"""CREATE TRIGGER {name} AFTER {event} REFERENCING {rows} TABLE AS changed
          FOR EACH STATEMENT EXECUTE FUNCTION idmf_facts_changed()""" for name, (event, rows) in PG_TRIGGERS.items()),
)


def upgrade() -> None:
    # Plain ADD COLUMN (no batch): on SQLite a batch would recreate the table and drop its triggers (0004, 0007).
    op.add_column("assessment", sa.Column("facts_changed", sa.Integer(), nullable=False, server_default="0"))
    op.create_table(
        "portfolio_facts",
        sa.Column("assessment_id", sa.Integer(), sa.ForeignKey("assessment.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("facts_changed", sa.Integer(), nullable=False),
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
        for name, (event, _) in PG_TRIGGERS.items():
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {event.split()[-1]}")
        op.execute("DROP FUNCTION IF EXISTS idmf_facts_changed()")
    else:
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("portfolio_facts")
    op.execute("ALTER TABLE assessment DROP COLUMN facts_changed")
