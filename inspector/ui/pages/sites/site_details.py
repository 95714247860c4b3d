"""The pane beside the site tree: what is known about the selected site."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from inspector.ui.labels import (
    assignment_text,
    in_progress_text,
    site_result_text,
    tier_name,
)
from inspector.ui.pages.sites.site_filter import ResultView

if TYPE_CHECKING:
    from inspector.services.site_tree import SiteNode


class SiteDetails(QWidget):
    """Name, tier, code, address, contact and inspection state of one site."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Site details"))
        self.site: SiteNode | None = None
        self.view = ResultView()  # as the site list shows results (see set_view)
        layout = QVBoxLayout(self)
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLabel] = {}
        for key, label in (
            ("tier", self.tr("Tier")),
            ("code", self.tr("Division code")),
            ("address", self.tr("Address")),
            ("contact", self.tr("Contact person")),
            ("phone", self.tr("Phone")),
            ("last", self.tr("Last inspection")),
            ("current", self.tr("In progress")),
            ("assignment", self.tr("Assignment")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(label)
            self.fields[key] = value
            self.form.addRow(label + self.tr(":"), value)
        layout.addLayout(self.form)
        self._last_label = self.form.labelForField(self.fields["last"])
        self.action_box = QVBoxLayout()  # filled by the inspection screens
        layout.addLayout(self.action_box)
        layout.addStretch(1)
        self.show_site(None)

    def set_view(self, view: ResultView) -> None:
        """Show the site's result as the site list does (at the county office: the last
        approved one, or every received one)."""
        self.view = view
        if view.office:
            label = (self.tr("Last result received") if view.all_received
                     else self.tr("Last approved result"))
        else:
            label = self.tr("Last inspection")
        self.fields["last"].setAccessibleName(label)
        if isinstance(self._last_label, QLabel):
            self._last_label.setText(label + self.tr(":"))
        self.show_site(self.site)

    def show_site(self, site: SiteNode | None) -> None:
        self.site = site
        if site is None:
            self.title.setText(self.tr("No site selected"))
            for value in self.fields.values():
                value.setText("")
            return
        self.title.setText(site.name)
        none = self.tr("none")
        values = {
            "tier": tier_name(site.tier),
            "code": site.code or "—",
            "address": site.address or "—",
            "contact": site.contact or "—",
            "phone": site.phone or "—",
            "last": site_result_text(site, self.view.approved_only, self.view.office,
                                     full=True) or none,
            "current": in_progress_text(site.in_progress) or none,
            "assignment": assignment_text(site.assignment) or none,
        }
        for key, text in values.items():
            self.fields[key].setText(text)
