"""The office's supervision loop: campaigns and their draws, reviews, feedback letters,
rectification items and reports, re-inspections, the office's settings, and which
inspectors use which field laptop and which laptop sent each inspection (an assignment
bundle addressed to a laptop carries theirs).

New tables only: existing tables and their data are untouched. The first five below
the campaigns (reviews, review comments, items, re-inspection targets and checks)
travel in bundles and carry the sync bookkeeping columns.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "campaigns",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("created_by", sa.String(), nullable=False),
        sa.Column("seed", sa.String(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("inputs", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "office_settings",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.Text(), server_default="", nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    op.create_table(
        "inspection_origins",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(["inspection_id"], ["inspections.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("inspection_id"),
    )
    op.create_table(
        "device_inspectors",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["device_id"], ["sync_devices.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("device_id", "name"),
    )
    with op.batch_alter_table("device_inspectors", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_device_inspectors_device_id"), ["device_id"], unique=False
        )
    op.create_table(
        "campaign_assignments",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.String(length=36), nullable=False),
        sa.Column("assignment_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(["assignment_id"], ["assignments.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaigns.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("assignment_id"),
    )
    with op.batch_alter_table("campaign_assignments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_campaign_assignments_campaign_id"), ["campaign_id"], unique=False
        )

    op.create_table(
        "feedback_letters",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=True),
        sa.Column("number", sa.String(), nullable=False),
        sa.Column("issuer", sa.String(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("issued_by", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["inspection_id"], ["inspections.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("feedback_letters", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_feedback_letters_inspection_id"), ["inspection_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_feedback_letters_site_id"), ["site_id"], unique=False)

    op.create_table(
        "rectification_items",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=True),
        sa.Column("criterion_id", sa.String(), nullable=False),
        sa.Column("rating", sa.String(), nullable=False),
        sa.Column("finding", sa.Text(), server_default="", nullable=False),
        sa.Column("requirement", sa.Text(), server_default="", nullable=False),
        sa.Column("responsible", sa.String(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("letter_id", sa.String(length=36), nullable=True),
        sa.Column("state_note", sa.Text(), server_default="", nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("sync_vv", sa.Text(), nullable=True),
        sa.Column("sync_rev", sa.Integer(), nullable=True),
        sa.Column("sync_seq", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["inspection_id"], ["inspections.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("rectification_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_rectification_items_inspection_id"), ["inspection_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_rectification_items_letter_id"), ["letter_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_rectification_items_site_id"), ["site_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_rectification_items_state"), ["state"], unique=False)

    op.create_table(
        "reviews",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("decision", sa.String(), nullable=False),
        sa.Column("comment", sa.Text(), server_default="", nullable=False),
        sa.Column("reviewer", sa.String(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("submission_event_id", sa.String(length=36), nullable=False),
        sa.Column("snapshot", sa.Text(), server_default="{}", nullable=False),
        sa.Column("sync_vv", sa.Text(), nullable=True),
        sa.Column("sync_rev", sa.Integer(), nullable=True),
        sa.Column("sync_seq", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["inspection_id"], ["inspections.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_reviews_inspection_id"), ["inspection_id"], unique=False
        )

    op.create_table(
        "rectification_reports",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("reported_on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), server_default="", nullable=False),
        sa.Column("recorded_by", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["rectification_items.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("rectification_reports", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_rectification_reports_item_id"), ["item_id"], unique=False
        )

    op.create_table(
        "reinspection_checks",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("verdict", sa.String(), nullable=True),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column("outcome", sa.String(), nullable=False),
        sa.Column("sync_vv", sa.Text(), nullable=True),
        sa.Column("sync_rev", sa.Integer(), nullable=True),
        sa.Column("sync_seq", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["inspection_id"], ["inspections.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["item_id"], ["rectification_items.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("inspection_id", "item_id"),
    )
    with op.batch_alter_table("reinspection_checks", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_reinspection_checks_inspection_id"), ["inspection_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_reinspection_checks_item_id"), ["item_id"], unique=False
        )

    op.create_table(
        "reinspection_targets",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("assignment_id", sa.String(length=36), nullable=False),
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("sync_vv", sa.Text(), nullable=True),
        sa.Column("sync_rev", sa.Integer(), nullable=True),
        sa.Column("sync_seq", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["assignment_id"], ["assignments.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["item_id"], ["rectification_items.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("assignment_id", "item_id"),
    )
    with op.batch_alter_table("reinspection_targets", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_reinspection_targets_assignment_id"), ["assignment_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_reinspection_targets_item_id"), ["item_id"], unique=False
        )

    op.create_table(
        "review_comments",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.String(length=36), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("criterion_id", sa.String(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("sync_vv", sa.Text(), nullable=True),
        sa.Column("sync_rev", sa.Integer(), nullable=True),
        sa.Column("sync_seq", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["inspection_id"], ["inspections.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["review_id"], ["reviews.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("review_comments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_review_comments_inspection_id"), ["inspection_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_review_comments_review_id"), ["review_id"], unique=False
        )

    op.create_table(
        "report_attachments",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.String(length=36), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("original_name", sa.String(), nullable=False),
        sa.Column("media_type", sa.String(), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["report_id"], ["rectification_reports.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("report_attachments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_report_attachments_report_id"), ["report_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_report_attachments_sha256"), ["sha256"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("report_attachments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_report_attachments_sha256"))
        batch_op.drop_index(batch_op.f("ix_report_attachments_report_id"))

    op.drop_table("report_attachments")
    with op.batch_alter_table("review_comments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_comments_review_id"))
        batch_op.drop_index(batch_op.f("ix_review_comments_inspection_id"))

    op.drop_table("review_comments")
    with op.batch_alter_table("reinspection_targets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reinspection_targets_item_id"))
        batch_op.drop_index(batch_op.f("ix_reinspection_targets_assignment_id"))

    op.drop_table("reinspection_targets")
    with op.batch_alter_table("reinspection_checks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reinspection_checks_item_id"))
        batch_op.drop_index(batch_op.f("ix_reinspection_checks_inspection_id"))

    op.drop_table("reinspection_checks")
    with op.batch_alter_table("rectification_reports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rectification_reports_item_id"))

    op.drop_table("rectification_reports")
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reviews_inspection_id"))

    op.drop_table("reviews")
    with op.batch_alter_table("rectification_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rectification_items_state"))
        batch_op.drop_index(batch_op.f("ix_rectification_items_site_id"))
        batch_op.drop_index(batch_op.f("ix_rectification_items_letter_id"))
        batch_op.drop_index(batch_op.f("ix_rectification_items_inspection_id"))

    op.drop_table("rectification_items")
    with op.batch_alter_table("feedback_letters", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_feedback_letters_site_id"))
        batch_op.drop_index(batch_op.f("ix_feedback_letters_inspection_id"))

    op.drop_table("feedback_letters")
    with op.batch_alter_table("campaign_assignments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_campaign_assignments_campaign_id"))

    op.drop_table("campaign_assignments")
    with op.batch_alter_table("device_inspectors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_device_inspectors_device_id"))

    op.drop_table("device_inspectors")
    op.drop_table("inspection_origins")
    op.drop_table("office_settings")
    op.drop_table("campaigns")
