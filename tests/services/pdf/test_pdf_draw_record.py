"""The draw record (抽取记录): the seed, the fingerprint, the rules and every pair, on A4."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pdf_helpers import all_text, font_problems, ink_ratio, render_pages, squeeze

from inspector.domain.draw import draw
from inspector.domain.draw_rules import GroupBy, Inspector, Quota, Rules, Sample, Site
from inspector.domain.tiers import Tier
from inspector.services.pdf.common import PdfError
from inspector.services.pdf.draw_record import write_draw_record

TOWNS = {"t1": "城关镇", "t2": "河口乡"}


def county() -> list[Site]:
    sites = [Site("c0", "县社区教育学院", Tier.COUNTY)]
    for town, name in TOWNS.items():
        sites.append(Site(f"{town}-s", f"{name}社区学校", Tier.TOWNSHIP, town, name))
        sites += [Site(f"{town}-v{n}", f"{name}第{n}教学点", Tier.VILLAGE, town, name)
                  for n in range(1, 4)]
    return sites


INSPECTORS = [Inspector("i1", "张伟", cap=4, avoid_townships=frozenset({"t1"})),
              Inspector("i2", "王芳", cap=4, avoid_sites=frozenset({"c0"})),
              Inspector("i3", "李娜"), Inspector("i4", "刘洋")]


def test_the_record_holds_the_seed_the_fingerprint_and_every_pair(tmp_path: Path) -> None:
    rules = Rules(sample=Sample(GroupBy.TOWNSHIP, Quota(percent=50)))
    result = draw(county(), INSPECTORS, rules, "县督导室 2026 春季")
    built = write_draw_record(tmp_path / "record.pdf", result, "2026年春季综合督导",
                              drawn_on=date(2026, 3, 1))
    text = all_text(built.path)
    for expected in ("县督导室2026春季", result.fingerprint, "inspector-draw-1",
                     "2026年春季综合督导", "2026-03-01", "监督人", "签名", "50%"):
        assert expected in text, expected
    assert result.pairings
    for pairing in result.pairings:
        assert squeeze(pairing.site.name) in text
        for person in pairing.inspectors:
            assert person.name in text
    for group in result.groups:
        assert squeeze(group.label.split(" / ")[0]) in text  # the Chinese part
    assert font_problems(built.path) == []
    images = render_pages(built.path, tmp_path / "png")
    assert len(images) == built.pages >= 1
    assert all(ink_ratio(image) > 0.01 for image in images)


def test_a_missing_folder_is_a_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    result = draw(county(), INSPECTORS, Rules(), 7)
    with pytest.raises(PdfError, match="folder does not exist"):
        write_draw_record(tmp_path / "none" / "record.pdf", result, "x")
    assert list(tmp_path.iterdir()) == []
