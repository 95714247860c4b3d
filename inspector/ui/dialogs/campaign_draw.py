"""A new supervision campaign (督导计划): its name, kind and period, the inspector list,
the draw's rules; Draw shows the sites and their inspectors (and the seed), Save keeps the
campaign with one assignment per site, Print writes the draw record (抽取记录).

A draw that cannot be met says why in one line here, and nothing is saved. The work runs
through the window's operations: the draw and the record as reads, saving as a write
that changes the assignments (they travel in the next assignment bundle).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.draw_rules import DrawError
from inspector.domain.supervision import CampaignKind
from inspector.errors import UserError
from inspector.services import api, text_limits
from inspector.ui.core.file_dialogs import FileDialogs, Purpose
from inspector.ui.core.operations import Change, Operations
from inspector.ui.dialogs.campaign_draw_form import DrawForm
from inspector.ui.labels import in_ui_language, tier_name

if TYPE_CHECKING:
    from inspector.domain.draw import Draw
    from inspector.domain.draw_rules import Inspector, Site
    from inspector.services.context import AppContext


#: Groups named in the summary above the drawn sites (all of them in its tooltip).
GROUPS_SHOWN = 8


def short_fingerprint(fingerprint: str) -> str:
    """The first 16 hex digits, in fours, as fingerprints are read out: "38B9 97A4 …"."""
    head = fingerprint[:16].upper()
    return " ".join(head[i:i + 4] for i in range(0, len(head), 4))


def campaign_kind_name(kind: CampaignKind) -> str:
    names = {
        CampaignKind.COMPREHENSIVE: QCoreApplication.translate("CampaignKinds",
                                                               "comprehensive supervision"),
        CampaignKind.SPECIAL: QCoreApplication.translate("CampaignKinds", "special supervision"),
        CampaignKind.REINSPECTION: QCoreApplication.translate("CampaignKinds", "re-inspection"),
    }
    return names[kind]


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setTabKeyNavigation(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    return table


def _set_rows(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            table.setItem(row, column, QTableWidgetItem(text))


class CampaignDrawDialog(QDialog):
    """Accepted once the campaign is saved (:attr:`campaign_id`)."""

    def __init__(self, ops: Operations, context: AppContext, actor: str, today: date,
                 settings_file: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.context = context
        self.actor = actor
        self.today = today
        self.files = FileDialogs(lambda: settings_file)
        self.sites: list[Site] = []
        self.inspectors: list[Inspector] = []
        self.inspectors_file: Path | None = None
        self.drawn: Draw | None = None
        self.campaign_id: str | None = None
        self.setWindowTitle(self.tr("New campaign"))
        row = QHBoxLayout()
        row.addLayout(self._left(), 2)
        row.addLayout(self._right(), 3)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        layout.addWidget(self.message)
        layout.addLayout(self._buttons())
        self.form.changed.connect(self._out_of_date)
        self._out_of_date()
        self.resize(1180, 740)
        ops.read(self, lambda _c: (api.supervision.registry_sites(context),
                                   api.supervision.site_codes(context)), "registry") \
            .on_success(self._registry_ready).start()

    def _left(self) -> QVBoxLayout:
        column = QVBoxLayout()
        basics = QFormLayout()
        basics.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.name = QLineEdit()
        self.name.setMaxLength(text_limits.LETTER_FIELD.max_chars)
        self.name.setPlaceholderText(self.tr("e.g. 2026 autumn supervision"))
        self.name.setAccessibleName(self.tr("Campaign name"))
        basics.addRow(self.tr("&Name:"), self.name)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind"))
        for kind in CampaignKind:
            self.kind.addItem(campaign_kind_name(kind), kind.value)
        basics.addRow(self.tr("&Kind:"), self.kind)
        today = QDate(self.today.year, self.today.month, self.today.day)
        self.start = QDateEdit(today)
        self.end = QDateEdit(today.addDays(30))
        self.end.setMinimumDate(today)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.start.dateChanged.connect(
            lambda start: self.end.setMinimumDate(max(start, today)))
        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel("–"))
        period.addWidget(self.end)
        period.addStretch(1)
        self.start.setAccessibleName(self.tr("First day"))
        self.end.setAccessibleName(self.tr("Last day"))
        basics.addRow(self.tr("&Period:"), period)
        label = basics.labelForField(period)
        if isinstance(label, QLabel):
            label.setBuddy(self.start)
        column.addLayout(basics)
        self.form = DrawForm()
        column.addWidget(self.form)
        column.addStretch(1)
        return column

    def _right(self) -> QVBoxLayout:
        column = QVBoxLayout()
        people = QGroupBox(self.tr("Inspectors"))
        box = QVBoxLayout(people)
        line = QHBoxLayout()
        self.list_button = QPushButton(self.tr("&Inspector list (CSV)…"))
        self.list_button.setToolTip(self.tr("Columns 姓名 (name), 上限 (cap), 回避场所 (sites to "
                                            "step aside from), 回避乡镇 (townships)"))
        self.list_button.clicked.connect(self.choose_inspectors)
        line.addWidget(self.list_button)
        self.list_summary = QLabel(self.tr("No list chosen yet."))
        self.list_summary.setWordWrap(True)
        line.addWidget(self.list_summary, 1)
        box.addLayout(line)
        self.people = _table([self.tr("Name"), self.tr("Cap"), self.tr("Steps aside from (回避)")],
                             self.tr("Inspectors"))
        self.people.setMaximumHeight(self.fontMetrics().height() * 9)
        box.addWidget(self.people)
        column.addWidget(people)
        result = QGroupBox(self.tr("Draw"))
        box = QVBoxLayout(result)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        box.addWidget(self.summary)
        self.preview = _table([self.tr("Site"), self.tr("Tier"), self.tr("Township"),
                               self.tr("Inspectors")], self.tr("Sites drawn"))
        box.addWidget(self.preview, 1)
        column.addWidget(result, 1)
        return column

    def _buttons(self) -> QHBoxLayout:
        """Draw and Print on the left; Save (once drawn) and Cancel on the right."""
        row = QHBoxLayout()
        self.draw_button = QPushButton(self.tr("&Draw"))
        self.print_button = QPushButton(self.tr("P&rint draw record…"))
        self.draw_button.clicked.connect(self.draw)
        self.print_button.clicked.connect(self.choose_record_file)
        row.addWidget(self.draw_button)
        row.addWidget(self.print_button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton(self.tr("&Save campaign"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        return row

    # ------------------------------------------------------------------ the registry, the list

    def _registry_ready(self, found: tuple[list[Site], dict[str, str]]) -> None:
        self.sites, codes = found
        code_of = {site_id: code for code, site_id in codes.items()}
        townships = {s.township_id: s.township_name or "" for s in self.sites if s.township_id}
        self.form.set_townships(sorted(townships.items(),
                                       key=lambda t: (code_of.get(t[0], "~"), t[1])))

    def choose_inspectors(self) -> None:
        path = self.files.open_file(self, self.tr("Which inspector list?"),
                                    self.tr("CSV files (*.csv);;All files (*)"),
                                    Purpose.DOCUMENTS)
        if path is not None:
            self.load_inspectors(path)

    def load_inspectors(self, path: Path) -> None:
        """Read the inspector list (their 回避 found in the registry) and show it."""
        context = self.context
        self.ops.read(self, lambda _c: api.supervision.read_inspector_list(context, path),
                      "inspector list") \
            .on_success(lambda people: self._inspectors_ready(path, people)) \
            .on_failure(self._failed).start()

    def _inspectors_ready(self, path: Path, people: list[Inspector]) -> None:
        self.inspectors, self.inspectors_file = people, path
        names = {site.id: site.name for site in self.sites}
        townships = {s.township_id: s.township_name or "" for s in self.sites if s.township_id}
        rows = []
        for person in people:
            avoided = sorted(townships.get(t, t) for t in person.avoid_townships) + \
                sorted(names.get(s, s) for s in person.avoid_sites)
            rows.append([person.name, "" if person.cap is None else str(person.cap),
                         "、".join(avoided)])
        _set_rows(self.people, rows)
        stepping = sum(1 for p in people if p.avoid_sites or p.avoid_townships)
        self.list_summary.setText(
            self.tr("%1: %n inspector(s), %2 with sites to step aside from", "", len(people))
            .replace("%1", path.name).replace("%2", str(stepping)))
        self._out_of_date()

    # ------------------------------------------------------------------ drawing

    def _out_of_date(self) -> None:
        """The answers changed: a draw shown for the old ones may not be saved or printed."""
        self.drawn = None
        self.preview.setRowCount(0)
        self.summary.setText(self.tr("Choose the inspector list and the rules, then Draw.")
                             if not self.inspectors else self.tr("Not drawn yet."))
        self.message.clear()
        self.save_button.setEnabled(False)
        self.print_button.setEnabled(False)
        self.save_button.setDefault(False)
        self.draw_button.setDefault(True)

    def draw(self) -> None:
        problem = self.form.problem()
        if not self.inspectors:
            problem = self.tr("Choose the inspector list first.")
        if problem:
            self.say(problem)
            return
        try:
            rules = self.form.rules()
        except DrawError as exc:
            self.say(str(exc))
            return
        context, people, seed = self.context, list(self.inspectors), self.form.seed_value()
        self.message.clear()
        self.ops.read(self, lambda _c: api.supervision.draw_campaign(context, people, rules,
                                                                     seed), "draw") \
            .on_success(self._drawn).on_failure(self._failed).start()

    def _drawn(self, result: Draw) -> None:
        self._out_of_date()
        self.drawn = result
        _set_rows(self.preview, [
            [p.site.name, tier_name(p.site.tier), p.site.township_name or "—",
             "、".join(i.name for i in p.inspectors)] for p in result.pairings])
        groups = [f"{in_ui_language(g.label)} {g.drawn}/{g.in_scope}" for g in result.groups]
        shown = "；".join(groups[:GROUPS_SHOWN]) + ("；…" if len(groups) > GROUPS_SHOWN else "")
        self.summary.setToolTip("\n".join(groups))
        self.summary.setText(
            self.tr("Seed %1 · %n site(s) drawn · fingerprint %2…", "", len(result.pairings))
            .replace("%1", str(result.seed)).replace("%2", short_fingerprint(result.fingerprint))
            + "\n" + self.tr("Drawn of those in scope: %1").replace("%1", shown))
        self.save_button.setEnabled(True)
        self.print_button.setEnabled(True)
        self.draw_button.setDefault(False)
        self.save_button.setDefault(True)

    def say(self, text: str, problem: bool = True) -> None:
        """One line under the dialog's answers: what stops it (red) or what was done."""
        self.message.setStyleSheet("color: #b00020;" if problem else "")
        self.message.setText(text)

    def _failed(self, exc: BaseException) -> None:
        """An expected failure (the rules cannot be met, a bad list, a period in the past)
        is said here in one line; anything else goes to the error display."""
        if isinstance(exc, UserError):
            self.say(str(exc))
        else:
            self.ops.show_failure(self, exc, self.windowTitle())

    # ------------------------------------------------------------------ saving, printing

    def save(self) -> None:
        drawn = self.drawn
        if drawn is None:
            self.draw()
            return
        context, name = self.context, self.name.text()
        kind = CampaignKind(self.kind.currentData())
        start: date = self.start.date().toPython()  # type: ignore[assignment]
        end: date = self.end.date().toPython()  # type: ignore[assignment]
        people, rules, actor, today = list(self.inspectors), drawn.rules, self.actor, self.today
        self.save_button.setEnabled(False)
        self.ops.write(self, lambda _c: api.office.create_campaign(
            context, name, kind, start, end, people, rules, drawn.seed, actor, today),
            "create campaign", changes=Change.ASSIGNMENTS) \
            .on_success(self._saved).on_failure(self._failed) \
            .on_done(lambda: self.save_button.setEnabled(self.drawn is not None)).start()

    def _saved(self, result: tuple[str, Draw]) -> None:
        self.campaign_id = result[0]
        self.accept()

    def choose_record_file(self) -> None:
        if self.drawn is None:
            return
        name = self.name.text().strip() or self.tr("draw")
        path = self.files.save_file(self, self.tr("Save the draw record as"),
                                    self.tr("Draw record %1.pdf").replace("%1", name),
                                    self.tr("PDF files (*.pdf)"), Purpose.DOCUMENTS)
        if path is not None:
            self.print_record(path)

    def print_record(self, path: Path) -> None:
        """Write the draw record (抽取记录) PDF of the draw shown."""
        drawn = self.drawn
        if drawn is None:
            return
        name = self.name.text().strip()
        if not name:
            self.say(self.tr("Give the campaign a name first: it is printed on the record."))
            return
        today = self.today
        self.ops.read(self, lambda _c: api.supervision.write_draw_record(
            path, drawn, name, today), "draw record") \
            .on_success(lambda _built: self.say(
                self.tr("Draw record written: %1").replace("%1", str(path)), problem=False)) \
            .on_failure(self._failed).start()
