"""The checklist page's layout and dialogs: full texts, no needless scrolling, editable details."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from ui_helpers import LOAD_TIMEOUT_MS, open_window, start_inspection_in

from inspector.services import api
from inspector.services.context import AppContext
from inspector.ui.dialogs.finish import MissingDialog

VILLAGE = "上塘村教学站"


def test_missing_dialog_shows_each_criterion_in_full(qtbot: QtBot,
                                                     demo_context: AppContext) -> None:
    paths = demo_context.paths
    demo_context.close()
    with open_window(qtbot, paths) as window:
        start_inspection_in(qtbot, window, VILLAGE)
        page = window.checklist
        assert page is not None and page.data is not None and window.context is not None
        check = api.inspections.check_finish(window.context, page.data.inspection_id, "zh")
        dialog = MissingDialog(check, page.data, page.numbers, "zh", window)
        qtbot.addWidget(dialog)
        dialog.show()
        texts = [dialog.list.item(row).text() for row in range(dialog.list.count())]
        criteria = [page.data.template.criterion(p.criterion_id).text.get("zh")
                    for p in check.problems]
        longest = max(criteria, key=len)
        assert len(longest) > 40  # the old dialog cut these off at 40 characters
        for text, criterion in zip(texts, criteria, strict=True):
            assert text.endswith(criterion)
        assert dialog.list.wordWrap()
        row = criteria.index(longest)
        rect = dialog.list.visualItemRect(dialog.list.item(row))
        assert rect.width() <= dialog.list.viewport().width()
        assert rect.height() > dialog.list.fontMetrics().height() * 1.5  # wrapped
        dialog.close()


def test_indicator_tree_needs_no_horizontal_scrolling(qtbot: QtBot,
                                                      demo_context: AppContext) -> None:
    paths = demo_context.paths
    demo_context.close()
    with open_window(qtbot, paths) as window:
        window.resize(1180, 680)
        start_inspection_in(qtbot, window, VILLAGE)
        page = window.checklist
        assert page is not None
        tree = page.indicators
        qtbot.waitUntil(lambda: tree.topLevelItemCount() > 0)
        header = tree.header()
        assert header.sectionViewportPosition(1) + header.sectionSize(1) <= (
            tree.viewport().width())
        assert not tree.horizontalScrollBar().isVisible()


def test_details_of_a_draft_can_be_changed_and_are_autosaved(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    from datetime import date

    from PySide6.QtCore import QDate

    from inspector.services.context import open_context
    from inspector.services.inspections import load_state

    paths = demo_context.paths
    demo_context.close()
    with open_window(qtbot, paths) as window:
        start_inspection_in(qtbot, window, VILLAGE)
        page = window.checklist
        assert page is not None and page.data is not None
        assert page.details_button.isVisible()
        dialog = window.inspections.details_dialog()  # type: ignore[union-attr]
        assert dialog is not None
        qtbot.addWidget(dialog)
        assert dialog.inspectors.text() == "王芳、李明"
        dialog.visit_date.setDate(QDate(2026, 11, 27))
        dialog.inspectors.setText(" 王芳、赵刚 ")
        dialog.site_staff.setText("站长 刘梅")
        with qtbot.waitSignal(page.saver.saved, timeout=LOAD_TIMEOUT_MS) as saved:
            window.inspections.apply_details(dialog)  # type: ignore[union-attr]
        assert saved.args[0] == "details"
        assert "王芳、赵刚" in page.details.text() and "站长 刘梅" in page.details.text()
        assert "2026-11-27" in page.title.text()
        inspection_id = page.data.inspection_id
        context = open_context(paths)
        try:
            with context.db.session() as session:
                stored = load_state(session, inspection_id).inspection
                assert (stored.visit_date, stored.inspectors, stored.site_staff) == (
                    date(2026, 11, 27), "王芳、赵刚", "站长 刘梅")
        finally:
            context.close()
        with qtbot.waitSignal(page.loaded, timeout=LOAD_TIMEOUT_MS):
            page.reload()
        assert page.data.inspectors == "王芳、赵刚"  # type: ignore[union-attr]

        # An empty inspectors field is not accepted.
        again = window.inspections.details_dialog()  # type: ignore[union-attr]
        assert again is not None
        qtbot.addWidget(again)
        again.inspectors.setText("  ")
        again._accept_if_complete()
        assert again.result() != again.DialogCode.Accepted and again.problem.text()


def test_esc_leaves_the_note_so_that_digits_rate_again(qtbot: QtBot,
                                                       demo_context: AppContext) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QApplication

    from inspector.services.inspections import load_state

    paths = demo_context.paths
    demo_context.close()
    with open_window(qtbot, paths) as window:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=LOAD_TIMEOUT_MS)
        start_inspection_in(qtbot, window, VILLAGE)
        page = window.checklist
        assert page is not None
        assert "Esc" in page.help.text() and page.help.isVisibleTo(page)
        card = page.current_card()
        assert card is not None
        # The page takes the focus once it is shown; keys typed before that go elsewhere.
        # The site list, reloaded in the background as the inspection starts, does not
        # take the keyboard away from the page once that is shown.
        qtbot.waitUntil(lambda: not window.worker.busy, timeout=LOAD_TIMEOUT_MS)
        assert page.isAncestorOf(QApplication.focusWidget())
        qtbot.keySequence(QApplication.focusWidget(), QKeySequence("F2"))
        qtbot.waitUntil(card.note.hasFocus, timeout=LOAD_TIMEOUT_MS)
        qtbot.keyClicks(card.note, "3")  # in the note a digit is text
        assert card.note.toPlainText() == "3" and card.rating() is None
        qtbot.keyClick(card.note, Qt.Key.Key_Escape)
        assert not card.note.hasFocus() and card.isAncestorOf(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_3)
        assert card.rating() == page.data.template.rating_scale[2].id  # type: ignore[union-attr]
        assert card.note.toPlainText() == "3"
        qtbot.waitUntil(lambda: page.saver.pending == 0, timeout=LOAD_TIMEOUT_MS)
        assert window.context is not None and page.data is not None
        with window.context.db.session() as session:
            stored = load_state(session, page.data.inspection_id).responses[card.criterion.id]
        assert (stored.rating, stored.note) == (card.rating(), "3")


def test_a_completed_inspection_shows_no_editing_hints(qtbot: QtBot,
                                                       demo_context: AppContext) -> None:
    from datetime import date

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication
    from ui_helpers import add_completed_inspection

    done = add_completed_inspection(demo_context, "330799101202", date(2026, 10, 8))
    paths = demo_context.paths
    demo_context.close()
    with open_window(qtbot, paths) as window:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=LOAD_TIMEOUT_MS)
        assert window.inspections is not None
        with qtbot.waitSignal(window.inspections.opened, timeout=LOAD_TIMEOUT_MS):
            window.open_inspection(done)
        page = window.checklist
        assert page is not None and page.data is not None and page.data.completed
        assert not page.help.isVisibleTo(page)
        assert page.cards and all(card.note.placeholderText() == "" for card in page.cards)
        written = [card for card in page.cards if card.note.toPlainText()]
        assert written and all(card.note.isVisibleTo(card) for card in written)  # 制度未上墙
        assert all(not card.note.isVisibleTo(card) for card in page.cards
                   if card not in written)  # no empty boxes
        written[0].note.setFocus()
        assert written[0].note.hasFocus()
        qtbot.keyClick(written[0].note, Qt.Key.Key_Escape)  # a read-only note is left too
        assert not written[0].note.hasFocus() and written[0].hasFocus()


def test_rating_shows_the_note_hint_without_moving_the_next_card(
    qtbot: QtBot, demo_context: AppContext,
) -> None:
    """The hint that a rating needs a note appears in the note field itself: rating a
    criterion with the mouse never moves the card below it (the next click would miss)."""
    from PySide6.QtCore import Qt

    paths = demo_context.paths
    demo_context.close()
    with open_window(qtbot, paths) as window:
        window.resize(1024, 700)
        start_inspection_in(qtbot, window, VILLAGE)
        page = window.checklist
        assert page is not None
        page.move_indicator(4)  # 教育活动: three criteria
        qtbot.waitUntil(lambda: len(page.cards) == 3, timeout=LOAD_TIMEOUT_MS)
        first, second, third = page.cards
        qtbot.waitUntil(lambda: second.height() > 0)

        def layout() -> list[tuple[int, int]]:
            return [(card.y(), card.height()) for card in page.cards]

        before = layout()
        assert not first.missing_note
        for rating, words in (("partly", "what is missing"), ("not_met", "what is missing"),
                              ("not_applicable", "does not apply"), ("meets", None)):
            qtbot.mouseClick(first.rating_buttons[rating], Qt.MouseButton.LeftButton)
            qtbot.wait(0)
            page.criteria_area.widget().layout().activate()  # type: ignore[union-attr]
            assert layout() == before, rating
            assert first.missing_note == (words is not None)
            if words is not None:
                assert words in first.note.placeholderText()
                assert words in first.note.accessibleDescription()
        qtbot.mouseClick(first.rating_buttons["not_met"], Qt.MouseButton.LeftButton)
        # The click on the next card lands where it was, and makes that card the current one.
        qtbot.mouseClick(second.rating_buttons["meets"], Qt.MouseButton.LeftButton)
        assert second.rating() == "meets" and page.current_card() is second
        assert layout() == before
        first.note.setFocus()
        qtbot.keyClicks(first.note, "x")  # a note is being written: the hint goes
        assert not first.missing_note and "needs a note" not in first.note.placeholderText()
        assert layout() == before
        assert third.rating() is None


@pytest.mark.parametrize("size", [(1024, 700), (1600, 1000)])
def test_english_indicator_names_wrap_instead_of_being_cut(
    qtbot: QtBot, demo_context: AppContext, size: tuple[int, int],
) -> None:
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QSplitter, QStyle

    from inspector.ui.core.settings import UiSettings

    paths = demo_context.paths
    demo_context.close()
    with open_window(qtbot, paths, UiSettings(language="en")) as window:
        window.resize(*size)
        start_inspection_in(qtbot, window, VILLAGE)
        page = window.checklist
        assert page is not None
        tree = page.indicators
        qtbot.waitUntil(lambda: tree.topLevelItemCount() > 0)
        items = [item for top in tree.top_items() for item in [top, *tree.children_of(top)]]
        assert any(item.text(0).startswith("（九）Digital learning") for item in items)
        margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                          tree) + 1

        def lines_cut_off() -> tuple[list[str], int]:
            """Names that do not fit their row or whose row is taller than they need (rows
            laid out for another width), and how many rows have two lines or more."""
            cut, wrapped = [], 0
            for item in items:
                rect = tree.visualItemRect(item)  # the whole row: the names are the first column
                width = tree.header().sectionSize(0) - rect.left() - 2 * margin
                metrics = QFontMetrics(item.font(0))
                needed = metrics.boundingRect(QRect(0, 0, width, 10_000),
                                              int(Qt.TextFlag.TextWordWrap), item.text(0))
                if (needed.width() > width or needed.height() > rect.height()
                        or rect.height() > needed.height() + metrics.lineSpacing()):
                    cut.append(item.text(0))
                wrapped += rect.height() > metrics.lineSpacing() * 1.5
            return cut, wrapped

        # The indicators get a fair share of the window; each name is whole.
        qtbot.waitUntil(lambda: tree.width() >= page.width() * 0.2, timeout=LOAD_TIMEOUT_MS)
        qtbot.waitUntil(lambda: lines_cut_off()[0] == [], timeout=5000)
        assert not tree.horizontalScrollBar().isVisible()
        # Made narrow with the splitter: the names wrap onto more lines ...
        splitter = tree.parentWidget()
        assert isinstance(splitter, QSplitter)
        splitter.setSizes([190, splitter.width() - 190])

        def wrapped_whole() -> bool:
            cut, wrapped = lines_cut_off()
            return not cut and wrapped > 0

        qtbot.waitUntil(wrapped_whole, timeout=5000)
        # ... and take one line again once it is wide.
        splitter.setSizes([600, splitter.width() - 600])
        qtbot.waitUntil(lambda: lines_cut_off() == ([], 0), timeout=5000)


def test_ctrl_pgdn_reaches_the_general_photos_and_the_overall_comment(
        qtbot: QtBot, demo_context: AppContext) -> None:
    """The keyboard reaches every section: after the last indicator come the general
    photos, then the overall comment (综合意见), and back again with Ctrl+PgUp."""
    paths = demo_context.paths
    demo_context.close()
    with open_window(qtbot, paths) as window:
        start_inspection_in(qtbot, window, "上塘村教学站")
        page = window.checklist
        assert page is not None
        last = len(page.groups) - 1
        for _ in range(last):
            page.move_indicator(1)
        assert page.group_index == last
        page.move_indicator(1)
        assert page.indicators.currentItem() is page.indicators.general_item()
        page.move_indicator(1)
        assert page.indicators.currentItem() is page.indicators.overall_item()
        assert page.overall_comment is not None
        page.move_indicator(1)  # the end: nothing happens
        assert page.indicators.currentItem() is page.indicators.overall_item()
        page.move_indicator(-1)
        assert page.indicators.currentItem() is page.indicators.general_item()
        page.move_indicator(-1)
        assert page.group_index == last and page.cards
