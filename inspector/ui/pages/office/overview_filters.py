"""The overview's filters: the period (all time, a year, dates chosen, or a campaign: its
sites and its period), the tier, the township, and whether only approved results count
(the default) or everything received. Each change says :attr:`OverviewFilters.changed`;
:meth:`OverviewFilters.wanted` gives the services' filter."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from inspector.domain.tiers import TIER_ORDER, Tier
from inspector.ui.labels import tier_name

if TYPE_CHECKING:
    from inspector.services.overview import OverviewFilter
    from inspector.ui.pages.office.overview_data import CampaignChoice

ALL, YEAR, DATES, CAMPAIGN = "all", "year", "dates", "campaign"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class OverviewFilters(QWidget):
    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Period"))
        self.period.setMinimumContentsLength(18)
        self.period.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        period_label = QLabel(self.tr("&Period:"))
        period_label.setBuddy(self.period)
        self.start = QDateEdit(_qdate(today.replace(month=1, day=1)))
        self.end = QDateEdit(_qdate(today))
        for edit, name in ((self.start, self.tr("From")), (self.end, self.tr("To"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
            edit.setVisible(False)
        self.end.setMinimumDate(self.start.date())
        self.dash = QLabel("–")
        self.dash.setVisible(False)
        self.tier = QComboBox()
        self.tier.setAccessibleName(self.tr("Tier"))
        self.tier.addItem(self.tr("All tiers"), None)
        for tier in TIER_ORDER:
            self.tier.addItem(tier_name(tier), tier.value)
        tier_label = QLabel(self.tr("T&ier:"))
        tier_label.setBuddy(self.tier)
        self.township = QComboBox()
        self.township.setAccessibleName(self.tr("Township"))
        self.township.setMinimumContentsLength(14)
        self.township.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.township.addItem(self.tr("All townships"), None)
        township_label = QLabel(self.tr("Tow&nship:"))
        township_label.setBuddy(self.township)
        self.approved = QCheckBox(self.tr("&Approved results only"))
        self.approved.setChecked(True)
        self.approved.setToolTip(self.tr("Unticked: every result received counts, those "
                                         "awaiting review too"))
        for widget in (period_label, self.period, self.start, self.dash, self.end,
                       tier_label, self.tier, township_label, self.township, self.approved):
            row.addWidget(widget)
        row.addStretch(1)
        self._years: tuple[int, ...] = ()
        self._campaigns: tuple[CampaignChoice, ...] = ()
        self.set_choices((), (), ())
        self.period.currentIndexChanged.connect(lambda _i: self._period_changed())
        self.start.dateChanged.connect(self._start_changed)
        self.end.dateChanged.connect(lambda _d: self.changed.emit())
        self.tier.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.township.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.approved.toggled.connect(lambda _on: self.changed.emit())

    # ------------------------------------------------------------------ choices

    def set_choices(self, years: Sequence[int], townships: Sequence[tuple[str, str]],
                    campaigns: Sequence[CampaignChoice]) -> None:
        """Offer the years with results (and this year), the townships (id, name) and the
        campaigns, keeping what is chosen when it is still offered."""
        offered = tuple(sorted({*years, self.today.year}, reverse=True))
        if offered != self._years or tuple(campaigns) != self._campaigns:
            self._years, self._campaigns = offered, tuple(campaigns)
            chosen = self.period.currentData()
            self.period.blockSignals(True)
            self.period.clear()
            self.period.addItem(self.tr("All time"), ALL)
            for year in offered:
                self.period.addItem(self.tr("Year %1").replace("%1", str(year)),
                                    f"{YEAR}:{year}")
            self.period.addItem(self.tr("Dates…"), DATES)
            for campaign in campaigns:
                self.period.addItem(self.tr("Campaign: %1").replace("%1", campaign.name),
                                    f"{CAMPAIGN}:{campaign.id}")
                self.period.setItemData(self.period.count() - 1, self.tr(
                    "%1 to %2").replace("%1", campaign.start.isoformat())
                    .replace("%2", campaign.end.isoformat()), Qt.ItemDataRole.ToolTipRole)
            self._choose(self.period, chosen)
            self.period.blockSignals(False)
            metrics = self.period.view().fontMetrics()  # the list shows whole names
            self.period.view().setMinimumWidth(metrics.height() * 2 + max(
                metrics.horizontalAdvance(self.period.itemText(i))
                for i in range(self.period.count())))
            self._show_dates()
        chosen_township = self.township.currentData()
        if tuple(self.township.itemData(i) for i in range(1, self.township.count())) != \
                tuple(township_id for township_id, _name in townships):
            self.township.blockSignals(True)
            while self.township.count() > 1:
                self.township.removeItem(1)
            for township_id, name in townships:
                self.township.addItem(name, township_id)
            self._choose(self.township, chosen_township)
            self.township.blockSignals(False)

    @staticmethod
    def _choose(combo: QComboBox, data: object) -> None:
        index = combo.findData(data) if data is not None else 0
        combo.setCurrentIndex(max(index, 0))

    def _period_changed(self) -> None:
        self._show_dates()
        self.changed.emit()

    def _show_period_tip(self) -> None:
        """A campaign's whole name and dates when the box is too narrow for them."""
        tip = self.period.currentData(Qt.ItemDataRole.ToolTipRole)
        text = self.period.currentText()
        self.period.setToolTip(f"{text} ({tip})" if tip else text)

    def _start_changed(self, value: QDate) -> None:
        self.end.blockSignals(True)  # one change, one read
        self.end.setMinimumDate(value)
        self.end.blockSignals(False)
        self.changed.emit()

    def _show_dates(self) -> None:
        self._show_period_tip()
        dates = self.period.currentData() == DATES
        for widget in (self.start, self.dash, self.end):
            widget.setVisible(dates)

    # ------------------------------------------------------------------ choosing

    def choose_township(self, township_id: str | None) -> bool:
        index = self.township.findData(township_id) if township_id is not None else 0
        if index >= 0:
            self.township.setCurrentIndex(index)
        return index >= 0

    def choose_period(self, kind: str, value: str = "") -> bool:
        index = self.period.findData(f"{kind}:{value}" if value else kind)
        if index >= 0:
            self.period.setCurrentIndex(index)
        return index >= 0

    def wanted(self, stale_years: int) -> OverviewFilter:
        from inspector.services.overview import OverviewFilter

        kind, _colon, value = str(self.period.currentData() or ALL).partition(":")
        start = end = None
        campaign = None
        if kind == YEAR:
            start, end = date(int(value), 1, 1), date(int(value), 12, 31)
        elif kind == DATES:
            start, end = _day(self.start.date()), _day(self.end.date())
        elif kind == CAMPAIGN:
            campaign = value
        tier = self.tier.currentData()
        return OverviewFilter(start, end, campaign, Tier(tier) if tier else None,
                              self.township.currentData(), self.approved.isChecked(),
                              stale_years)
