"""Inspection history (completed, reopened) and a general note per inspection.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "inspection_events",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("actor", sa.String(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["inspection_id"], ["inspections.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("inspection_events") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_inspection_events_inspection_id"), ["inspection_id"], unique=False
        )
    # SQLite cannot add a NOT NULL column with a default in place on older
    # versions, so the table is copied; foreign keys are off during migrations
    # (Database.migrate), which keeps the responses and photos that point here.
    with op.batch_alter_table("inspections", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("general_note", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("inspections", recreate="always") as batch_op:
        batch_op.drop_column("general_note")
    with op.batch_alter_table("inspection_events") as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspection_events_inspection_id"))
    op.drop_table("inspection_events")
