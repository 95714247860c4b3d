"""Sync bundles: devices, bundle log, conflicts, assignments, and sync bookkeeping columns.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Tables whose records travel in bundles; each gets three nullable columns
# (see inspector.storage.models.SYNC_COLUMNS). Adding nullable columns needs
# no table copy in SQLite, so existing data is untouched.
SYNCED = ("sites", "inspectors", "inspections", "responses", "photos", "inspection_events")


def _record_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
    ]


def _sync_columns() -> list[sa.Column]:
    return [
        sa.Column("sync_vv", sa.Text(), nullable=True),
        sa.Column("sync_rev", sa.Integer(), nullable=True),
        sa.Column("sync_seq", sa.Integer(), nullable=True),
    ]


def upgrade() -> None:
    for table in SYNCED:
        with op.batch_alter_table(table) as batch_op:
            for column in _sync_columns():
                batch_op.add_column(column)

    op.create_table(
        "assignments",
        *_record_columns(),
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("inspector_name", sa.String(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("assignments") as batch_op:
        batch_op.create_index(batch_op.f("ix_assignments_site_id"), ["site_id"], unique=False)

    op.create_table(
        "sync_devices",
        *_record_columns(),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("trusted_at", sa.DateTime(), nullable=False),
        sa.Column("trusted_by", sa.String(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_by", sa.String(), nullable=False),
        sa.Column("revoke_reason", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("sync_devices") as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_devices_status"), ["status"], unique=False)

    op.create_table(
        "sync_bundles",
        *_record_columns(),
        sa.Column("direction", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("device_name", sa.String(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("bundle_created_at", sa.DateTime(), nullable=False),
        sa.Column("manifest_sha256", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(), nullable=False),
        sa.Column("scope", sa.String(), nullable=False),
        sa.Column("counts", sa.Text(), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.Column("actor", sa.String(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("device_id", "sequence"),
    )
    with op.batch_alter_table("sync_bundles") as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_bundles_direction"), ["direction"], unique=False)
        batch_op.create_index(batch_op.f("ix_sync_bundles_device_id"), ["device_id"], unique=False)

    op.create_table(
        "sync_conflicts",
        *_record_columns(),
        sa.Column("table_name", sa.String(), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("local_json", sa.Text(), nullable=False),
        sa.Column("remote_json", sa.Text(), nullable=False),
        sa.Column("remote_vv", sa.Text(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("resolution", sa.String(), nullable=False),
        sa.Column("resolved_by", sa.String(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("sync_conflicts") as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_conflicts_record_id"), ["record_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sync_conflicts_status"), ["status"], unique=False)


def downgrade() -> None:
    op.drop_table("sync_conflicts")
    op.drop_table("sync_bundles")
    op.drop_table("sync_devices")
    op.drop_table("assignments")
    for table in SYNCED:
        with op.batch_alter_table(table, recreate="always") as batch_op:
            for name in ("sync_seq", "sync_rev", "sync_vv"):
                batch_op.drop_column(name)
