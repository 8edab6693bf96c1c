"""Census: the cache of ONS Census 2021 figures (values, areas, ICB lookup) and the census tables attached to
an assessment (a frozen copy, so a later cache refresh never changes a signed-off document).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "census_value",
        sa.Column("table_code", sa.String(), primary_key=True),
        sa.Column("area_code", sa.String(), primary_key=True),
        sa.Column("category", sa.String(), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("dataset_id", sa.String(), nullable=False),
        sa.Column("retrieved", sa.Date(), nullable=False),
    )
    op.create_table(
        "census_area",
        sa.Column("code", sa.String(), primary_key=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("parent_code", sa.String(), nullable=True),
        sa.Column("short_code", sa.String(), nullable=True),
    )
    op.create_index("ix_census_area_name", "census_area", ["name"])
    op.create_index("ix_census_area_kind", "census_area", ["kind"])
    op.create_table(
        "census_icb_member",
        sa.Column("icb_code", sa.String(), primary_key=True),
        sa.Column("lad_code", sa.String(), primary_key=True),
        sa.Column("share", sa.Float(), nullable=True),
        sa.Column("best_fit", sa.Boolean(), nullable=False, server_default=sa.true()),
    )
    op.create_index("ix_census_icb_member_lad_code", "census_icb_member", ["lad_code"])
    op.create_table(
        "assessment_census",
        sa.Column("assessment_id", sa.Integer(), sa.ForeignKey("assessment.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("position", sa.Integer(), primary_key=True),
        sa.Column("table_json", sa.JSON(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("assessment_census")
    op.drop_index("ix_census_icb_member_lad_code", table_name="census_icb_member")
    op.drop_table("census_icb_member")
    op.drop_index("ix_census_area_kind", table_name="census_area")
    op.drop_index("ix_census_area_name", table_name="census_area")
    op.drop_table("census_area")
    op.drop_table("census_value")
