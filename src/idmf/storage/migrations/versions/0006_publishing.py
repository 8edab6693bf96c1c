"""Publishing: each assessment version's board-paper cover-sheet details and easy-read summary.

No lock triggers on this table, on purpose: a cover sheet is written after the assessment is signed off,
and it is not part of the signed content.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    stamp = sa.DateTime(timezone=True) if op.get_bind().dialect.name == "postgresql" else sa.DateTime()
    op.create_table(
        "publication",
        sa.Column("assessment_id", sa.Integer(), sa.ForeignKey("assessment.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("cover_sheet", sa.JSON(), nullable=True),
        sa.Column("easy_read", sa.JSON(), nullable=True),
        sa.Column("updated_at", stamp, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("publication")
