"""The letters (督导意见书) of the letters-and-rectification tab: every letter on the left, the
chosen letter's items on the right. A draft's items are edited (in place, or Enter for the
editor), merged, dropped (Delete, after asking) or added for another finding of its
inspection; then the letter is issued, and printed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from inspector.services import api
from inspector.ui.core.file_dialogs import FileDialogs, Purpose
from inspector.ui.pages.office.letters_data import next_number, wanting_criteria
from inspector.ui.pages.office.letters_items import ItemEdit, ItemEditDialog, ItemsTable
from inspector.ui.pages.office.letters_words import (
    ITEMS_CHANGED,
    cell,
    chinese,
    date_text,
    letter_number_text,
    selected_rows,
    stretch,
    table,
)

if TYPE_CHECKING:
    from inspector.services.api.office import ItemView, LetterView
    from inspector.services.context import AppContext
    from inspector.ui.core.operations import Operations
    from inspector.ui.core.worker import JobHandle
    from inspector.ui.dialogs.letter_issue import LetterIssueDialog
    from inspector.ui.pages.office.letters_data import Snapshot

SITE, NUMBER, ISSUED, DEADLINE, ITEMS = range(5)


class LettersPanel(QWidget):
    """Shows a :class:`Snapshot`'s letters; its changes are operations of ``ops``."""

    letter_issued = Signal(object)  # the LetterView, as issued

    def __init__(self, ops: Operations, actor: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.actor = actor
        self.context: AppContext | None = None
        self.snapshot: Snapshot | None = None
        self.dialogs = FileDialogs(self._settings_file)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.letters = table([self.tr("Site"), self.tr("Number"), self.tr("Issued"),
                              self.tr("Deadline"), self.tr("Items")], self.tr("Letters"))
        self.letters.setSelectionMode(self.letters.SelectionMode.SingleSelection)
        stretch(self.letters, (SITE,))
        splitter.addWidget(self.letters)
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        side.addWidget(self.heading)
        self.items = ItemsTable()
        side.addWidget(self.items, 1)
        side.addLayout(self._buttons())
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([460, 800])
        layout.addWidget(splitter, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        self.letters.itemSelectionChanged.connect(self._show_letter)
        self.items.itemSelectionChanged.connect(self._allow)
        self.items.edited.connect(self.apply_edit)
        self.items.doubleClicked.connect(
            lambda index: None if index.flags() & Qt.ItemFlag.ItemIsEditable
            else self.edit_item())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self.items, self.edit_item,
                      context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.items, self.drop_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self._allow()

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Edit the item (Enter); F2 edits a cell in place"))
        self.merge_button = QPushButton(self.tr("&Merge"))
        self.merge_button.setToolTip(self.tr("Merge the selected items into one"))
        self.drop_button = QPushButton(self.tr("Drop…"))
        self.drop_button.setToolTip(self.tr("Drop the item from the draft (Delete)"))
        self.add_button = QPushButton(self.tr("&Add item…"))
        self.add_button.setToolTip(self.tr("An item for another finding of the inspection"))
        self.issue_button = QPushButton(self.tr("&Issue…"))
        self.print_button = QPushButton(self.tr("Print letter…"))
        self.edit_button.clicked.connect(lambda: self.edit_item())
        self.merge_button.clicked.connect(lambda: self.merge_selected())
        self.drop_button.clicked.connect(lambda: self.drop_selected())
        self.add_button.clicked.connect(lambda: self.add_item())
        self.issue_button.clicked.connect(lambda: self.issue())
        self.print_button.clicked.connect(lambda: self.print_letter())
        for button in (self.edit_button, self.merge_button, self.drop_button, self.add_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.issue_button)
        row.addWidget(self.print_button)
        return row

    def _settings_file(self) -> Path | None:
        return self.context.paths.settings_file if self.context is not None else None

    # ------------------------------------------------------------------ showing

    def show_snapshot(self, snapshot: Snapshot) -> None:
        current = self.current_letter()
        chosen = [item.id for item in self.selected_items()]
        self.snapshot = snapshot
        self.letters.blockSignals(True)
        self.letters.setRowCount(0)
        for letter in snapshot.letters:
            row = self.letters.rowCount()
            self.letters.insertRow(row)
            issued = letter.issued_on is not None
            values = [letter.site_name, letter_number_text(letter.number, issued),
                      date_text(letter.issued_on), date_text(letter.deadline),
                      str(len(letter.items))]
            for column, text in enumerate(values):
                self.letters.setItem(row, column, cell(text, data=letter.id))
        self.letters.blockSignals(False)
        wanted = current.id if current is not None else None
        rows = [r for r in range(self.letters.rowCount()) if self._letter_id(r) == wanted]
        self.letters.selectRow(rows[0] if rows else 0)
        self._show_letter()
        for item_id in chosen:
            self.items.select_item(item_id)

    def _letter_id(self, row: int) -> str | None:
        item = self.letters.item(row, 0)
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def current_letter(self) -> LetterView | None:
        if self.snapshot is None:
            return None
        rows = selected_rows(self.letters)
        return self.snapshot.letter(self._letter_id(rows[0])) if rows else None

    def select_letter(self, letter_id: str) -> None:
        for row in range(self.letters.rowCount()):
            if self._letter_id(row) == letter_id:
                self.letters.selectRow(row)

    def selected_items(self) -> list[ItemView]:
        letter = self.current_letter()
        if letter is None:
            return []
        ids = [self.items.item_id(row) for row in selected_rows(self.items)]
        return [item for item in letter.items if item.id in ids]

    def _show_letter(self) -> None:
        letter, snapshot = self.current_letter(), self.snapshot
        language = "zh" if chinese() else "en"
        if letter is None or snapshot is None:
            self.heading.setText(self.tr("No letters yet. Approving an inspection with "
                                         "findings drafts its site's letter.")
                                 if snapshot is not None and not snapshot.letters else "")
            self.items.show_items([])
            self._allow()
            return
        if letter.issued_on is None:
            heading = self.tr("<b>%1</b> · draft letter with %2 item(s): edit, merge or drop "
                              "items, then issue it.")
        else:
            heading = self.tr("<b>%1</b> · %3, issued %4 by %5, deadline %6 · %2 item(s)")
        self.heading.setText(
            heading.replace("%1", letter.site_name).replace("%2", str(len(letter.items)))
            .replace("%3", letter.number).replace("%4", date_text(letter.issued_on))
            .replace("%5", letter.issued_by).replace("%6", date_text(letter.deadline)))
        self.items.show_items([
            (item.id, item.state, snapshot.criterion_text(item.criterion_id, language),
             snapshot.rating_text(item.rating, language), item.finding, item.requirement,
             item.responsible, item.deadline) for item in letter.items])
        if letter.items:
            self.items.selectRow(0)
        self._allow()

    def _allow(self) -> None:
        letter = self.current_letter()
        draft = letter is not None and letter.issued_on is None
        chosen = self.selected_items()
        self.edit_button.setEnabled(len(chosen) == 1)
        self.merge_button.setEnabled(draft and len(chosen) >= 2)
        self.drop_button.setEnabled(draft and len(chosen) == 1)
        self.add_button.setEnabled(draft and letter is not None
                                   and letter.inspection_id is not None)
        self.issue_button.setEnabled(draft and bool(letter and letter.items))
        self.print_button.setEnabled(letter is not None)  # a draft prints marked 草稿

    # ------------------------------------------------------------------ item changes

    def _write(self, fn: Callable[[AppContext], object], name: str,
               done: Callable[[object], object] | None = None) -> JobHandle | None:
        context = self.context
        if context is None:
            return None
        operation = self.ops.write(self, lambda _c: fn(context), name, changes=ITEMS_CHANGED)
        if done is not None:
            operation.on_success(done)
        return operation.start()

    def apply_edit(self, item_id: str, edit: ItemEdit) -> JobHandle | None:
        from inspector.services.rectification import ItemChange

        if edit.is_empty():
            return None
        change = ItemChange(edit.requirement, edit.responsible, edit.deadline)
        today = date.today()
        return self._write(lambda c: api.office.edit_item(c, item_id, change, today),
                           "edit item")

    def edit_dialog(self, item: ItemView) -> ItemEditDialog:
        snapshot = self.snapshot
        language = "zh" if chinese() else "en"
        criterion = snapshot.criterion_text(item.criterion_id, language) if snapshot else ""
        letter = self.current_letter()
        return ItemEditDialog(criterion, item.finding, item.requirement, item.responsible,
                              item.deadline, letter is not None and letter.issued_on is None,
                              date.today(), self)

    def edit_item(self) -> JobHandle | None:
        chosen = self.selected_items()
        if len(chosen) != 1:
            return None
        dialog = self.edit_dialog(chosen[0])
        if not dialog.exec():
            return None
        return self.apply_edit(chosen[0].id, dialog.change())

    def merge_selected(self) -> JobHandle | None:
        chosen = [item.id for item in self.selected_items()]
        if len(chosen) < 2:
            return None
        return self._write(lambda c: api.office.merge_items(c, chosen), "merge items",
                           lambda kept: self._said(self.tr("%1 items merged into one.")
                                                   .replace("%1", str(len(chosen)))))

    def drop_selected(self) -> JobHandle | None:
        letter = self.current_letter()
        chosen = self.selected_items()
        if letter is None or letter.issued_on is not None or len(chosen) != 1:
            return None
        snapshot = self.snapshot
        language = "zh" if chinese() else "en"
        what = snapshot.criterion_text(chosen[0].criterion_id, language) if snapshot else ""
        answer = QMessageBox.question(
            self, self.tr("Drop the item"),
            self.tr("Drop this item from the draft letter?\n\n%1\n\nIt can be added again "
                    "with “Add item…” while the letter is a draft.").replace("%1", what),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return None
        item_id = chosen[0].id
        return self._write(lambda c: api.office.drop_item(c, item_id), "drop item",
                           lambda _v: self._said(self.tr("The item was dropped.")))

    def add_item(self) -> JobHandle | None:
        """Offer the inspection's other findings (only criteria it found wanting)."""
        letter, context = self.current_letter(), self.context
        if letter is None or context is None or letter.inspection_id is None:
            return None
        inspection_id = letter.inspection_id
        return self.ops.read(self, lambda _c: api.inspections.load_checklist(
            context, inspection_id), "findings of the inspection") \
            .on_success(lambda data: self._choose_finding(letter, data)).start()

    def _choose_finding(self, letter: LetterView, data: object) -> JobHandle | None:
        snapshot = self.snapshot
        language = "zh" if chinese() else "en"
        offered = wanting_criteria(data, letter.items)  # type: ignore[arg-type]
        if not offered or snapshot is None:
            QMessageBox.information(self, self.tr("Add an item"), self.tr(
                "Every finding of the inspection already has an item in this letter."))
            return None
        labels = [f"{snapshot.rating_text(rating, language)} · "
                  f"{snapshot.criterion_text(cid, language)}" for cid, rating in offered]
        chosen, ok = QInputDialog.getItem(self, self.tr("Add an item"), self.tr(
            "An item for which finding of the inspection?"), labels, 0, False)
        if not ok or chosen not in labels:
            return None
        criterion_id = offered[labels.index(chosen)][0]
        return self._write(lambda c: api.office.add_item(c, letter.id, criterion_id),
                           "add item")

    # ------------------------------------------------------------------ the letter

    def issue_dialog(self, letter: LetterView) -> LetterIssueDialog:
        from inspector.ui.dialogs.letter_issue import LetterIssueDialog

        snapshot = self.snapshot
        assert snapshot is not None
        today = date.today()
        settings = snapshot.settings
        number = next_number(settings, snapshot.issued_this_year(today), today)
        return LetterIssueDialog(letter.site_name, len(letter.items), number, settings.issuer,
                                 settings.deadline_days, self.actor(), today, self)

    def issue(self) -> JobHandle | None:
        letter = self.current_letter()
        if letter is None or letter.issued_on is not None or self.snapshot is None:
            return None
        dialog = self.issue_dialog(letter)
        if not dialog.exec():
            return None
        deadline, issued_by = dialog.values()
        today, letter_id = date.today(), letter.id
        return self._write(
            lambda c: api.office.issue_letter(c, letter_id, deadline, issued_by, today),
            "issue letter", self._issued)

    def _issued(self, letter: object) -> None:
        self.letter_issued.emit(letter)
        number = getattr(letter, "number", "")
        self._said(self.tr("Issued as %1. Print it with “Print letter…”.").replace("%1", number))

    def print_letter(self) -> JobHandle | None:
        """Save the letter as a PDF where the user says (a draft's pages marked 草稿)."""
        letter, context = self.current_letter(), self.context
        if letter is None or context is None:
            return None
        name = f"督导意见书-{letter.site_name}-{letter.number or '草稿'}.pdf"
        path = self.dialogs.save_file(self, self.tr("Save the letter as PDF"), name,
                                      self.tr("PDF files (*.pdf)"), Purpose.DOCUMENTS)
        if path is None:
            return None
        letter_id = letter.id
        return self.ops.read(self, lambda _c: api.office_printing.write_letter_pdf(
            context, letter_id, path), "print letter") \
            .on_success(lambda _r: self._said(self.tr("Saved to %1.").replace(
                "%1", str(path)))).start()

    def _said(self, text: str) -> None:
        self.status.setText(text)
