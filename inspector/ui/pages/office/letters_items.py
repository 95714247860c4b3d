"""A letter's items: the table that lists them (edited in place with F2 or a double click:
the requirement of a draft, the person responsible, the deadline) and the small editor
Enter opens for the whole item."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.supervision import ItemState
from inspector.services import text_limits
from inspector.ui.dialogs.parts import CheckedOk, qdate
from inspector.ui.pages.office.letters_words import cell, date_text, state_text, stretch

CRITERION, RATING, FINDING, REQUIREMENT, RESPONSIBLE, DEADLINE, STATE = range(7)
#: The columns that may be edited in place, when the item allows it.
IN_PLACE = (REQUIREMENT, RESPONSIBLE, DEADLINE)
ITEM_ROLE = Qt.ItemDataRole.UserRole
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1  # what an editor in place starts from


@dataclass(frozen=True)
class ItemEdit:
    """What the user changed of an item (None: left as it was)."""

    requirement: str | None = None
    responsible: str | None = None
    deadline: date | None = None

    def is_empty(self) -> bool:
        return self.requirement is None and self.responsible is None and self.deadline is None


def editable(state: ItemState, column: int, requirement: str = "") -> bool:
    """Whether ``column`` of an item in ``state`` may be changed (as the services allow:
    the wording only while the letter is a draft; the person and the deadline until the
    item is closed). A requirement of several lines is edited in the editor (Enter)."""
    if state in (ItemState.CLOSED, ItemState.DROPPED):
        return False
    if column == REQUIREMENT:
        return state is ItemState.DRAFT and "\n" not in requirement
    return column in (RESPONSIBLE, DEADLINE)


class _InPlace(QStyledItemDelegate):
    """Editors in the cells; what is typed is handed to :attr:`ItemsTable.edited` instead of
    being written into the table (the table shows what was saved, once it is)."""

    def __init__(self, view: ItemsTable) -> None:
        super().__init__(view)
        self.view = view

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        if index.column() == DEADLINE:
            editor = QDateEdit(parent)
            editor.setDisplayFormat("yyyy-MM-dd")
            editor.setCalendarPopup(True)
            editor.setMinimumDate(qdate(date.today()))
            editor.setAccessibleName(QCoreApplication.translate("ItemsTable", "Deadline"))
            return editor
        line = QLineEdit(parent)
        line.setMaxLength(text_limits.NAME_MAX if index.column() == RESPONSIBLE
                          else text_limits.NOTE_MAX)
        line.setAccessibleName(
            QCoreApplication.translate("ItemsTable", "Person responsible")
            if index.column() == RESPONSIBLE
            else QCoreApplication.translate("ItemsTable", "Requirement"))
        return line

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        value = index.data(VALUE_ROLE)
        if isinstance(editor, QDateEdit):
            editor.setDate(qdate(value if isinstance(value, date) else date.today()))
        elif isinstance(editor, QLineEdit):
            editor.setText(str(value or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        item_id = str(index.data(ITEM_ROLE))
        before = index.data(VALUE_ROLE)
        if isinstance(editor, QDateEdit):
            chosen = editor.date().toPython()
            if isinstance(chosen, date) and chosen != before:
                self.view.edited.emit(item_id, ItemEdit(deadline=chosen))
        elif isinstance(editor, QLineEdit):
            text = editor.text().strip()
            if text == str(before or "").strip():
                return
            if index.column() == RESPONSIBLE:
                self.view.edited.emit(item_id, ItemEdit(responsible=text))
            elif text:  # an empty requirement is refused by the services anyway
                self.view.edited.emit(item_id, ItemEdit(requirement=text))


class ItemsTable(QTableWidget):
    """One row per item of a letter; ``edited(item id, ItemEdit)`` when a cell was changed."""

    edited = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        headers = [self.tr("Criterion"), self.tr("Rating"), self.tr("Finding"),
                   self.tr("Requirement"), self.tr("Responsible"), self.tr("Deadline"),
                   self.tr("State")]
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(headers)
        self.setAccessibleName(self.tr("Items of the letter"))
        self.verticalHeader().setVisible(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.horizontalHeader().setHighlightSections(False)
        stretch(self, (CRITERION, FINDING, REQUIREMENT))
        self.setItemDelegate(_InPlace(self))

    def show_items(self, rows: list[tuple[str, ItemState, str, str, str, str, str,
                                          date | None]]) -> None:
        """``rows``: (item id, state, criterion, rating, finding, requirement, responsible,
        deadline), in the letter's order."""
        self.setRowCount(0)
        for item_id, state, criterion, rating, finding, requirement, responsible, \
                deadline in rows:
            row = self.rowCount()
            self.insertRow(row)
            values = {CRITERION: (criterion, None), RATING: (rating, None),
                      FINDING: (finding, None), REQUIREMENT: (requirement, requirement),
                      RESPONSIBLE: (responsible, responsible),
                      DEADLINE: (date_text(deadline), deadline),
                      STATE: (state_text(state), None)}
            for column, (text, value) in values.items():
                item = cell(text or ("—" if column in (RESPONSIBLE, FINDING) else ""),
                            data=item_id)
                item.setData(VALUE_ROLE, value)
                if column in IN_PLACE and editable(state, column, requirement):
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                self.setItem(row, column, item)

    def item_id(self, row: int) -> str | None:
        item = self.item(row, 0)
        return str(item.data(ITEM_ROLE)) if item is not None else None

    def select_item(self, item_id: str) -> None:
        for row in range(self.rowCount()):
            if self.item_id(row) == item_id:
                self.selectRow(row)
                return


class ItemEditDialog(CheckedOk, QDialog):
    """The whole item: the finding it answers, the requirement (while the letter is a draft),
    the person responsible and the item's own deadline. OK gives :meth:`change`."""

    def __init__(self, criterion: str, finding: str, requirement: str, responsible: str,
                 deadline: date | None, draft: bool, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self._before = (requirement, responsible, deadline)
        self.setWindowTitle(self.tr("Rectification item"))
        self.setMinimumSize(560, 420)
        layout = QVBoxLayout(self)
        about = QLabel(f"<b>{criterion}</b>")
        about.setWordWrap(True)
        layout.addWidget(about)
        found = QLabel(self.tr("Finding: %1").replace("%1", finding or "—"))
        found.setWordWrap(True)
        layout.addWidget(found)
        form = QFormLayout()
        self.requirement = QPlainTextEdit(requirement)
        self.requirement.setTabChangesFocus(True)
        self.requirement.setReadOnly(not draft)
        self.requirement.setAccessibleName(self.tr("Requirement"))
        form.addRow(self.tr("&Requirement:"), self.requirement)
        self.responsible = QLineEdit(responsible)
        self.responsible.setMaxLength(text_limits.NAME_MAX)
        self.responsible.setAccessibleName(self.tr("Person responsible"))
        self.responsible.setPlaceholderText(self.tr("Who puts it right at the site"))
        form.addRow(self.tr("Res&ponsible:"), self.responsible)
        row = QHBoxLayout()
        self.own_deadline = QCheckBox(self.tr("&Own deadline"))
        self.own_deadline.setChecked(deadline is not None)
        self.own_deadline.setEnabled(deadline is None)  # a deadline set can move, not vanish
        self.deadline = QDateEdit(qdate(deadline or today))
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.deadline.setAccessibleName(self.tr("Deadline"))
        self.deadline.setEnabled(deadline is not None)
        self.own_deadline.toggled.connect(self.deadline.setEnabled)
        row.addWidget(self.own_deadline)
        row.addWidget(self.deadline)
        row.addStretch(1)
        form.addRow(self.tr("Deadline:"), row)
        hint = QLabel(self.tr("Without a deadline of its own the item takes the letter's."))
        hint.setWordWrap(True)
        form.addRow("", hint)
        layout.addLayout(form, 1)
        self.add_problem_and_buttons(layout)
        (self.requirement if draft else self.responsible).setFocus()

    def change(self) -> ItemEdit:
        requirement, responsible, deadline = self._before
        text = self.requirement.toPlainText().strip()
        person = self.responsible.text().strip()
        chosen = self.deadline.date().toPython() if self.own_deadline.isChecked() else None
        return ItemEdit(
            requirement=text if not self.requirement.isReadOnly() and text != requirement.strip()
            else None,
            responsible=person if person != responsible.strip() else None,
            deadline=chosen if isinstance(chosen, date) and chosen != deadline else None)

    def problem_text(self) -> str:
        if not self.requirement.isReadOnly() and not self.requirement.toPlainText().strip():
            return self.tr("The requirement cannot be empty.")
        change = self.change()
        if change.deadline is not None and change.deadline < self.today:
            return self.tr("The deadline is in the past: choose today or a later day.")
        return ""

