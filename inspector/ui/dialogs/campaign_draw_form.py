"""The rules of a campaign's draw as the draw dialog asks for them: the scope (tiers,
townships), the sample (all sites, a count or a share per group, and the groups),
inspectors per site and the seed. :meth:`DrawForm.rules` turns the answers into the
domain's :class:`~inspector.domain.draw_rules.Rules`; see docs/draw.md."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.draw_rules import GroupBy, Quota, Rules, Sample, SiteScope
from inspector.domain.tiers import TIER_ORDER, Tier
from inspector.ui.labels import tier_name

TOWNSHIP_ROLE = Qt.ItemDataRole.UserRole


def parse_seed(text: str) -> int | str | None:
    """As the command line reads ``--seed``: digits are a number, other text is kept as
    typed, nothing means "choose one at random"."""
    stripped = text.strip()
    if not stripped:
        return None
    return int(stripped) if stripped.isdigit() and stripped.isascii() else stripped


class DrawForm(QWidget):
    """Scope, sample, inspectors per site and seed; ``changed`` whenever one of them does
    (a draw shown for the old answers is then out of date)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._scope_box())
        column.addWidget(self._sample_box())
        rest = QFormLayout()
        rest.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.per_site = QSpinBox()
        self.per_site.setRange(1, 9)
        self.per_site.setValue(2)
        self.per_site.setAccessibleName(self.tr("Inspectors per site"))
        self.per_site.valueChanged.connect(lambda _v: self.changed.emit())
        rest.addRow(self.tr("Inspectors per si&te:"), self.per_site)
        self.seed = QLineEdit()
        self.seed.setMaxLength(100)
        self.seed.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 18)
        self.seed.setPlaceholderText(self.tr("Empty: chosen at random"))
        self.seed.setAccessibleName(self.tr("Seed"))
        self.seed.setToolTip(self.tr("A whole number or a short text. The same seed, registry, "
                                     "inspectors and rules always give the same draw."))
        self.seed.textChanged.connect(lambda _t: self.changed.emit())
        rest.addRow(self.tr("S&eed:"), self.seed)
        column.addLayout(rest)

    def _scope_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Scope"))
        layout = QVBoxLayout(box)
        tiers = QHBoxLayout()
        self.tier_boxes: dict[Tier, QCheckBox] = {}
        for tier in TIER_ORDER:
            check = QCheckBox(tier_name(tier))
            check.setChecked(True)
            check.toggled.connect(lambda _on: self.changed.emit())
            self.tier_boxes[tier] = check
            tiers.addWidget(check)
        tiers.addStretch(1)
        layout.addLayout(tiers)
        hint = QLabel(self.tr("Townships (none ticked: every township):"))
        layout.addWidget(hint)
        self.townships = QListWidget()
        self.townships.setAccessibleName(self.tr("Townships"))
        self.townships.setFlow(QListWidget.Flow.LeftToRight)
        self.townships.setWrapping(True)
        self.townships.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.townships.setSpacing(2)
        self.townships.setMaximumHeight(self.fontMetrics().height() * 5)
        self.townships.itemChanged.connect(lambda _item: self.changed.emit())
        layout.addWidget(self.townships)
        return box

    def _sample_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Sample"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.all_sites = QRadioButton(self.tr("All sites in scope"))
        self.by_count = QRadioButton(self.tr("A number per group:"))
        self.by_share = QRadioButton(self.tr("A share per group:"))
        self.all_sites.setChecked(True)
        self.modes = QButtonGroup(self)
        self.count = QSpinBox()
        self.count.setRange(1, 999)
        self.count.setValue(2)
        self.count.setAccessibleName(self.tr("Sites per group"))
        self.share = QSpinBox()
        self.share.setRange(1, 100)
        self.share.setValue(30)
        self.share.setSuffix("%")
        self.share.setAccessibleName(self.tr("Share per group"))
        self.share.setToolTip(self.tr("Rounded up: 30% of 3 sites is 1 site"))
        for button in (self.all_sites, self.by_count, self.by_share):
            self.modes.addButton(button)
        self.modes.buttonToggled.connect(lambda _b, _on: self._mode_changed())
        form.addRow(self.all_sites)
        form.addRow(self.by_count, self.count)
        form.addRow(self.by_share, self.share)
        self.group_by = QComboBox()
        self.group_by.setAccessibleName(self.tr("Groups"))
        for value, text in ((GroupBy.NONE, self.tr("the whole scope is one group")),
                            (GroupBy.TIER, self.tr("each tier")),
                            (GroupBy.TOWNSHIP, self.tr("each township")),
                            (GroupBy.TIER_TOWNSHIP, self.tr("each tier within each township"))):
            self.group_by.addItem(text, value.value)
        form.addRow(self.tr("&Groups:"), self.group_by)
        for widget in (self.count, self.share):
            widget.valueChanged.connect(lambda _v: self.changed.emit())
        self.group_by.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self._mode_changed()
        return box

    def _mode_changed(self) -> None:
        self.count.setEnabled(self.by_count.isChecked())
        self.share.setEnabled(self.by_share.isChecked())
        self.group_by.setEnabled(not self.all_sites.isChecked())
        self.changed.emit()

    # ------------------------------------------------------------------ values

    def set_townships(self, townships: Sequence[tuple[str, str]]) -> None:
        """The registry's townships (id, name), none ticked."""
        self.townships.blockSignals(True)
        self.townships.clear()
        for township_id, name in townships:
            item = QListWidgetItem(name)
            item.setData(TOWNSHIP_ROLE, township_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.townships.addItem(item)
        self.townships.blockSignals(False)

    def set_townships_ticked(self, township_ids: set[str]) -> None:
        for row in range(self.townships.count()):
            item = self.townships.item(row)
            ticked = item.data(TOWNSHIP_ROLE) in township_ids
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def ticked_townships(self) -> frozenset[str]:
        return frozenset(str(self.townships.item(row).data(TOWNSHIP_ROLE))
                         for row in range(self.townships.count())
                         if self.townships.item(row).checkState() == Qt.CheckState.Checked)

    def problem(self) -> str:
        """What stops the rules from being made, in words ("" when nothing does)."""
        if not any(check.isChecked() for check in self.tier_boxes.values()):
            return self.tr("Tick at least one tier.")
        return ""

    def rules(self) -> Rules:
        """The rules answered (may raise ``DrawError`` for a sample the domain refuses)."""
        tiers = frozenset(t for t, check in self.tier_boxes.items() if check.isChecked())
        every_tier = len(tiers) == len(self.tier_boxes)
        scope = SiteScope(frozenset() if every_tier else tiers, self.ticked_townships())
        if self.all_sites.isChecked():
            sample = Sample()
        else:
            quota = (Quota(count=self.count.value()) if self.by_count.isChecked()
                     else Quota(percent=self.share.value()))
            sample = Sample(GroupBy(self.group_by.currentData()), quota)
        return Rules(scope, sample, self.per_site.value())

    def seed_value(self) -> int | str | None:
        return parse_seed(self.seed.text())
