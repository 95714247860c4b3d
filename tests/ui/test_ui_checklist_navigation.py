"""The checklist page's keyboard moves and its one copy of the answers, without a window."""

from __future__ import annotations

from datetime import date

from inspector.domain.outline import outline
from inspector.domain.scoring import Answer
from inspector.domain.templates import ChecklistTemplate
from inspector.domain.tiers import Tier
from inspector.domain.values import InspectionStatus
from inspector.services.api.inspections import ChecklistData
from inspector.services.templates import shipped_templates
from inspector.ui.pages.checklist.answers import Answers
from inspector.ui.pages.checklist.navigation import ChecklistNavigation, Place


def _template() -> ChecklistTemplate:
    return shipped_templates()[0]


def _navigation(tier: Tier = Tier.VILLAGE) -> ChecklistNavigation:
    return ChecklistNavigation(outline(_template(), tier))


def test_criteria_run_on_into_the_next_and_previous_indicator() -> None:
    nav = _navigation()
    first_size = nav.sizes[0]
    for _ in range(first_size - 1):
        nav.move_criterion(1)
    assert nav.place == Place(0, first_size - 1)
    assert nav.move_criterion(1) == Place(1, 0)
    assert nav.move_criterion(-1) == Place(0, first_size - 1)
    assert _navigation().move_criterion(-1) == Place(0, 0)  # nothing before the first


def test_the_last_criterion_stays_put_and_sections_reach_photos_and_comment() -> None:
    nav = _navigation()
    last = len(nav.sizes) - 1
    nav.go(last, nav.sizes[last] - 1)
    assert nav.move_criterion(1) == Place(last, nav.sizes[last] - 1)
    assert nav.move_section(1) == Place(nav.general)
    assert nav.current_criterion() is None
    assert nav.move_criterion(1) == Place(nav.overall)  # outside indicators: sections
    assert nav.move_section(1) == Place(nav.overall)
    assert nav.move_section(-2) == Place(last, 0)  # a new indicator starts at the top


def test_locate_and_keep_a_place_across_a_reload() -> None:
    walk = outline(_template(), Tier.TOWNSHIP)
    nav = ChecklistNavigation(walk)
    target = walk.sections[2].criteria[1].id
    assert nav.locate(target) == Place(2, 1)
    assert nav.current_criterion() == target
    assert nav.locate("no-such-criterion") is None
    assert nav.set_outline(walk, keep=Place(2, 99)) == Place(2, len(walk.sections[2].criteria) - 1)
    assert nav.set_outline(walk, keep=Place(99)) == Place(nav.overall)


def test_answers_are_one_copy_and_leave_the_loaded_data_alone() -> None:
    template = _template()
    criterion = outline(template, Tier.VILLAGE).criteria[0].id
    data = ChecklistData(
        inspection_id="i", site_id="s", site_name="站", tier=Tier.VILLAGE,
        status=InspectionStatus.DRAFT, visit_date=date(2026, 12, 1), inspectors="王",
        site_staff="", completed_at=None, general_note="", template=template,
        answers={criterion: Answer(None, "有资料")}, photo_counts={None: 3})
    answers = Answers(data)
    assert answers.rate(criterion, "good") == Answer("good", "有资料")
    assert answers.write_note(criterion, "更新") == Answer("good", "更新")
    assert answers.rated() == {criterion} and answers.count_rated([criterion, "x"]) == 1
    assert data.answers[criterion] == Answer(None, "有资料")
    assert answers.general_photos == 3 and not answers.commented
