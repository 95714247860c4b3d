"""The guideline template: the shipped file read as the issue describes, and the loader's checks."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from inspector import assets
from inspector.domain.templates import ChecklistTemplate, TemplateError, load_template
from inspector.domain.tiers import Tier


@pytest.fixture(scope="module")
def template() -> ChecklistTemplate:
    files = assets.checklist_files()
    assert [f.name for f in files] == ["community-education-3tier.v1.json"]
    return load_template(files[0])


@pytest.fixture
def raw() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(assets.checklist_files()[0].read_text(encoding="utf-8"))
    return data


def write(tmp_path: Path, data: Any) -> Path:
    path = tmp_path / "community-education-3tier.v1.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_structure_and_counts_per_tier(template: ChecklistTemplate) -> None:
    assert template.key == "community-education-3tier@1"
    assert len(template.indicators) == 4
    assert [i.label() for i in template.indicators] == [
        "一、基础保障", "二、队伍建设", "三、教学活动与服务", "四、可持续发展",
    ]
    level2 = [l2 for l1 in template.indicators for l2 in l1.indicators]
    assert [l2.number for l2 in level2] == [
        "（一）", "（二）", "（三）", "（四）", "（五）", "（六）",
        "（七）", "（八）", "（九）", "（十）", "（十一）",
    ]
    assert len(template.criteria()) == 40
    assert len(template.criteria(Tier.COUNTY)) == 27
    assert len(template.criteria(Tier.TOWNSHIP)) == 22
    assert len(template.criteria(Tier.VILLAGE)) == 21


def test_empty_cells_are_covered_by_the_cell_to_their_left(template: ChecklistTemplate) -> None:
    funding = template.level2("funding").criteria
    assert [c.tiers for c in funding] == [frozenset(Tier)]
    # The township criteria of (五), (八) and (九) apply to village stations too.
    for indicator in ("activities", "research", "digital"):
        township = [c for c in template.level2(indicator).criteria if Tier.TOWNSHIP in c.tiers]
        assert township and all(Tier.VILLAGE in c.tiers for c in township)
        assert not [c for c in township if Tier.COUNTY in c.tiers]
    # (七) has only a county cell: all three tiers.
    assert all(c.tiers == frozenset(Tier) for c in template.level2("community").criteria)
    # (六) has a cell per tier: nothing shared.
    assert all(len(c.tiers) == 1 for c in template.level2("guidance").criteria)


@pytest.mark.parametrize(
    ("tier", "criterion_id", "text"),
    [
        (
            Tier.COUNTY,
            "facilities.c2",
            "提供多功能教室、图书阅览室、数字化学习室等，服务社区居民学习。",
        ),
        (Tier.COUNTY, "research.c1", "积极开展社区教育实践研究，探索中国特色社区教育发展模式。"),
        (Tier.TOWNSHIP, "activities.t2", "积极开展家庭教育指导，开办家长学校。"),
        (Tier.TOWNSHIP, "guidance.t1", "指导和支持村（社区）教学站（点）正常开展教学。"),
        (Tier.VILLAGE, "facilities.v1", "有可供开展社区教育活动的固定场所。"),
        (Tier.VILLAGE, "guidance.v1", "指导社区居民结合自身实际和需求，积极参与各类学习活动。"),
        (Tier.VILLAGE, "outcomes.c1", "办学质量不断提高，辐射面进一步扩大。"),
    ],
)
def test_exact_texts(template: ChecklistTemplate, tier: Tier, criterion_id: str, text: str) -> None:
    criterion = template.criterion(criterion_id)
    assert criterion.applies_to(tier)
    assert criterion.text.zh == text
    assert criterion.text.en


def test_extraction_artefacts_are_cleaned(template: ChecklistTemplate) -> None:
    for criterion in template.criteria():
        assert " " not in criterion.text.zh
        assert "," not in criterion.text.zh
        assert "●" not in criterion.text.zh
    titles = [l2.title.zh for l1 in template.indicators for l2 in l1.indicators]
    assert "服务社区建设" in titles
    assert "数字化学习平台和资源" in titles


def test_rating_scale_comes_from_the_template(template: ChecklistTemplate) -> None:
    labels = [(o.label.zh, o.counted, o.note_required) for o in template.rating_scale]
    assert labels == [
        ("符合", True, False), ("基本符合", True, True), ("不符合", True, True),
        ("不适用", False, False),
    ]


def test_ids_are_unique_and_follow_the_scheme(template: ChecklistTemplate) -> None:
    ids = [c.id for c in template.criteria()]
    assert len(set(ids)) == len(ids)
    for criterion in template.criteria():
        indicator, local = criterion.id.split(".")
        assert indicator == criterion.level2_id
        assert local[0] in "ctv" and local[1:].isdigit()


def _break(data: dict[str, Any], how: str) -> None:
    first = data["indicators"][0]["indicators"][0]["criteria"][0]
    if how == "unknown tier":
        first["tiers"] = ["county", "province"]
    elif how == "duplicate id":
        data["indicators"][0]["indicators"][0]["criteria"][1]["id"] = first["id"]
    elif how == "missing text":
        first["text"]["zh"] = "  "
    elif how == "bad rating scale":
        data["rating_scale"][0]["score"] = "full"
    elif how == "not counted with a score":
        data["rating_scale"][3]["score"] = 0
    elif how == "bad weight":
        first["weight"] = -1
    elif how == "unsupported schema":
        data["schema"] = 99
    elif how == "tier listed twice":
        first["tiers"] = ["county", "county"]
    elif how == "version not in the file name":
        data["version"] = 2


@pytest.mark.parametrize(
    ("how", "message"),
    [
        ("unknown tier", "criterion 'facilities.c1': unknown tier 'province'"),
        ("duplicate id", "duplicate id 'facilities.c1'"),
        ("missing text", "criterion 'facilities.c1': missing zh text in 'text'"),
        ("bad rating scale", "rating_scale[0]: a counted rating needs a numeric 'score'"),
        ("not counted with a score", "rating_scale[3]: a rating that is not counted"),
        ("bad weight", "criterion 'facilities.c1': weight must be a positive number"),
        ("unsupported schema", "schema: unsupported schema 99"),
        ("tier listed twice", "criterion 'facilities.c1': a tier is listed twice"),
        ("version not in the file name",
         "must be named community-education-3tier.v2.json (the id and version it holds)"),
    ],
)
def test_bad_files_are_refused_naming_file_and_entry(
    tmp_path: Path, raw: dict[str, Any], how: str, message: str
) -> None:
    data = copy.deepcopy(raw)
    _break(data, how)
    path = write(tmp_path, data)
    with pytest.raises(TemplateError) as info:
        load_template(path)
    assert str(path) in str(info.value)
    assert message in str(info.value)


def test_unreadable_and_non_json_files(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="cannot be read"):
        load_template(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\xff\xfe{ not json")
    with pytest.raises(TemplateError, match="not a valid UTF-8 JSON file"):
        load_template(bad)


def test_good_copy_loads(tmp_path: Path, raw: dict[str, Any]) -> None:
    template = load_template(write(tmp_path, raw))
    assert len(template.criteria(Tier.VILLAGE)) == 21
