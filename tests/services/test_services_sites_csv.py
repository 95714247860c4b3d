"""Site registry CSV: good files in UTF-8 and GBK, bad rows reported with nothing imported."""

from __future__ import annotations

import csv
import io
import re
import sqlite3
import time
from pathlib import Path

import pytest
from sqlmodel import select

from inspector import assets
from inspector.cli import main
from inspector.domain.tiers import Tier
from inspector.services.context import AppContext
from inspector.services.site_list_file import CsvImportError, escape_cell, unescape_cell
from inspector.services.site_registry import SiteRegistry
from inspector.services.sites import SiteData, find_by_code, list_sites, site_id_for_code, site_tree
from inspector.services.sites_csv import export_sites, import_sites
from inspector.storage.models import Site

HEADER = "区划代码,名称,层级,上级,地址,联系人,联系电话\n"
GOOD = HEADER + (
    "330781000000,兰溪市社区教育学院,县（市、区）社区教育学院,,兰溪市文教路1号,王芳,0579-88888888\n"
    "330781001000,云山街道社区学校,乡镇,330781000000,云山街道,李强,\n"
    "330781001201,䶮山村教学站,教学站,330781001000,,,\n"
    ",无码村教学点,village,云山街道社区学校,,,\n"
)


def write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "sites.csv"
    path.write_bytes(text.encode(encoding))
    return path


def count_sites(context: AppContext) -> int:
    with context.db.session() as session:
        return len(session.exec(select(Site)).all())


def dump_sites(context: AppContext) -> list[tuple[object, ...]]:
    """Every column of every row of the sites table, as SQLite holds it."""
    with sqlite3.connect(context.paths.database) as connection:
        rows = connection.execute("SELECT * FROM sites ORDER BY id").fetchall()
    connection.close()
    return rows


DEMO_CSV = assets.real_path(assets.resource("demo", "sites.csv"))


@pytest.fixture
def registry(context: AppContext) -> AppContext:
    """The demo county's 31 sites (without the demo inspections)."""
    with context.db.transaction() as session:
        import_sites(session, DEMO_CSV)
    return context


def refused(context: AppContext, path: Path) -> list[str]:
    """Import ``path``, expect a refusal that changes nothing, and return its problems."""
    before = dump_sites(context)
    with pytest.raises(CsvImportError) as info, context.db.transaction() as session:
        import_sites(session, path)
    assert dump_sites(context) == before
    return [str(p) for p in info.value.problems]


def test_good_file_builds_the_hierarchy(context: AppContext, tmp_path: Path) -> None:
    with context.db.transaction() as session:
        result = import_sites(session, write(tmp_path, GOOD))
    assert (result.created, result.updated, result.unchanged) == (4, 0, 0)
    with context.db.session() as session:
        roots = site_tree(session)
    assert [r.name for r in roots] == ["兰溪市社区教育学院"]
    township = roots[0].children[0]
    assert township.name == "云山街道社区学校"
    assert {v.name for v in township.children} == {"无码村教学点", "䶮山村教学站"}
    assert roots[0].id == site_id_for_code("330781000000")


def test_gbk_file_from_chinese_excel(context: AppContext, tmp_path: Path) -> None:
    text = GOOD.replace("䶮山村", "岩山村")  # GBK has no 䶮; GB18030 does
    with context.db.transaction() as session:
        result = import_sites(session, write(tmp_path, text, "gbk"))
    assert result.encoding == "GBK" and result.created == 4
    with context.db.session() as session:
        assert "岩山村教学站" in {s.name for s in list_sites(session)}


def test_reimport_changes_nothing_and_edits_update(context: AppContext, tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    with context.db.transaction() as session:
        import_sites(session, path)
    with context.db.session() as session:
        before = {s.id: (s.revision, s.updated_at) for s in list_sites(session)}
    with context.db.transaction() as session:
        again = import_sites(session, path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    with context.db.session() as session:
        assert {s.id: (s.revision, s.updated_at) for s in list_sites(session)} == before
    edited = write(tmp_path, GOOD.replace("兰溪市文教路1号", "兰溪市文教路2号"))
    with context.db.transaction() as session:
        result = import_sites(session, edited)
    assert (result.created, result.updated, result.unchanged) == (0, 1, 3)


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("33078100100X,某村教学站,village,330781001000,,,", "12"),
        (",,village,330781001000,,,", "name is empty"),
        (",某村教学站,province,330781001000,,,", "unknown tier 'province'"),
        (",某村教学站,village,,,,", "parent site is missing"),
        (",某村教学站,village,999999999999,,,", "parent not found"),
        (",某村教学站,village,330781000000,,,", "is a county site, not a township site"),
        ("330781000000,又一个学院,county,,,,", "repeats line 2"),
    ],
)
def test_a_bad_row_is_reported_and_nothing_is_imported(
    registry: AppContext, tmp_path: Path, row: str, reason: str
) -> None:
    problems = refused(registry, write(tmp_path, GOOD + row + "\n"))
    assert len(problems) == 1 and "第 6 行 / line 6:" in problems[0], problems
    assert reason in problems[0], problems


def test_every_bad_row_is_listed_with_its_line(context: AppContext, tmp_path: Path) -> None:
    text = GOOD + ",,village,x,,,\n" + ",某村,nowhere,x,,,\n"
    with pytest.raises(CsvImportError) as info, context.db.transaction() as session:
        import_sites(session, write(tmp_path, text))
    problems = info.value.problems
    assert [p.line for p in problems] == [6, 7]
    assert problems[0].reason == ("缺少名称 / the name is empty；"
                                  "找不到上级站点 / parent not found: x")
    assert problems[1].reason == "层级无法识别 / unknown tier 'nowhere'"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        ("名字,电话\n张三,1\n".encode(), "missing columns"),
        (b"\x81\x30\xff\xff\xfe", "not UTF-8 or GBK"),
        (HEADER.encode(), "lists no sites"),
    ],
)
def test_files_that_are_not_site_lists(
    context: AppContext, tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    with pytest.raises(CsvImportError, match=reason), context.db.transaction() as session:
        import_sites(session, path)


def test_export_round_trip_with_bom(demo_context: AppContext, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    with demo_context.db.session() as session:
        count = export_sites(session, out)
    assert count == 31
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "青溪县社区教育学院" in raw.decode("utf-8-sig")
    with demo_context.db.transaction() as session:
        result = import_sites(session, out)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 31)


# -- the county → township → village hierarchy survives any import ----------


def test_a_township_with_villages_cannot_become_a_village(
    registry: AppContext, tmp_path: Path
) -> None:
    path = write(tmp_path, "区划代码,名称,层级,上级\n"
                           "330799101000,溪口镇社区学校,village,330799001000\n")
    problems = refused(registry, path)
    assert problems == [
        "第 2 行 / line 2: 溪口镇社区学校 下还有 4 个村级站点，不能改为村级 / 溪口镇社区学校 "
        "still has 4 village stations under it, cannot become a village station"
    ]


def test_the_county_college_with_townships_cannot_become_a_township(
    registry: AppContext, tmp_path: Path
) -> None:
    path = write(tmp_path, "区划代码,名称,层级,上级\n"
                           "330799999999,新学院,county,\n"
                           "330799000000,青溪县社区教育学院,township,330799999999\n")
    problems = refused(registry, path)
    assert len(problems) == 1 and problems[0].startswith("第 3 行 / line 3: 青溪县社区教育学院 下"
                                                         "还有 6 个乡镇级站点，不能改为乡镇级")


def test_a_township_whose_villages_move_away_may_become_a_village(
    registry: AppContext, tmp_path: Path
) -> None:
    rows = "".join(f"33079910120{i},{name}村教学站,village,330799001000\n"
                   for i, name in ((1, "溪口"), (2, "上塘"), (3, "下塘"), (4, "柿林")))
    path = write(tmp_path, "区划代码,名称,层级,上级\n"
                           "330799101000,溪口镇社区学校,village,330799001000\n" + rows)
    with registry.db.transaction() as session:
        result = import_sites(session, path)
    assert (result.created, result.updated) == (0, 5)
    with registry.db.session() as session:
        moved = find_by_code(session, "330799101000")
        assert moved is not None and moved.tier == "village"
    out = tmp_path / "out.csv"
    with registry.db.session() as session:
        export_sites(session, out)
    with registry.db.transaction() as session:
        again = import_sites(session, out)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 31)


def test_the_issue_example_on_the_command_line(
    registry: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(registry.paths.data_dir)
    registry.close()
    path = write(tmp_path, "区划代码,名称,层级,上级\n"
                           "330799101000,溪口镇社区学校,village,330799001000\n")
    assert main(["sites", "import", str(path), "--data-dir", data]) == 2
    err = capsys.readouterr().err
    assert "第 2 行" in err and "nothing imported" in err and "Traceback" not in err
    out = tmp_path / "out.csv"
    assert main(["sites", "export", str(out), "--data-dir", data]) == 0
    assert main(["sites", "import", str(out), "--data-dir", data]) == 0
    assert "0 added, 0 updated, 31 unchanged" in capsys.readouterr().out


# -- a file without the optional columns leaves them alone -------------------


def site_row(context: AppContext, code: str) -> Site:
    with context.db.session() as session:
        site = find_by_code(session, code)
    assert site is not None
    return site


def test_absent_columns_leave_fields_as_they_are(registry: AppContext, tmp_path: Path) -> None:
    before = dump_sites(registry)
    with registry.db.transaction() as session:
        result = import_sites(session, write(tmp_path, "名称,层级,上级\n"
                                                       "溪口村教学站,village,溪口镇社区学校\n"))
    assert (result.created, result.updated, result.unchanged) == (0, 0, 1)
    assert dump_sites(registry) == before
    with registry.db.transaction() as session:
        result = import_sites(session, write(tmp_path, "名称,层级,上级,联系人\n"
                                                       "溪口村教学站,village,溪口镇社区学校,王五\n"))
    assert result.updated == 1
    site = site_row(registry, "330799101201")
    assert site.id == site_id_for_code("330799101201")
    assert (site.contact, site.address, site.phone) == (
        "王五", "青溪县溪口镇溪口村文化礼堂", "13316252221")

    # The program's own export still re-imports, and so does the demo, without a change.
    out = tmp_path / "out.csv"
    with registry.db.session() as session:
        export_sites(session, out)
    after_partial = dump_sites(registry)
    with registry.db.transaction() as session:
        again = import_sites(session, out)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 31)
    assert dump_sites(registry) == after_partial
    with registry.db.transaction() as session:
        demo = import_sites(session, DEMO_CSV)
    assert (demo.created, demo.updated, demo.unchanged) == (0, 1, 30)


def test_empty_cells_clear_details_but_never_the_code(registry: AppContext, tmp_path: Path) -> None:
    path = write(tmp_path, "区划代码,名称,层级,上级,地址,联系人,联系电话\n"
                           ",溪口村教学站,village,溪口镇社区学校,,曾立军,\n"
                           ",上塘村教学站,village,溪口镇社区学校,新地址\n")  # stops short
    with registry.db.transaction() as session:
        result = import_sites(session, path)
    assert (result.created, result.updated) == (0, 2)
    cleared = site_row(registry, "330799101201")
    assert (cleared.address, cleared.contact, cleared.phone) == ("", "曾立军", "")
    short = site_row(registry, "330799101202")
    assert (short.address, short.contact, short.phone) == ("新地址", "傅志强", "18629361589")


def test_a_site_that_lost_its_code_gets_it_back(registry: AppContext) -> None:
    """A registry damaged by an older version: the site kept its code-derived id, lost its code."""
    with sqlite3.connect(registry.paths.database) as connection:
        connection.execute("UPDATE sites SET code = NULL WHERE code = '330799101201'")
    connection.close()
    with registry.db.transaction() as session:
        result = import_sites(session, DEMO_CSV)
    assert (result.created, result.updated, result.unchanged) == (0, 1, 30)
    assert site_row(registry, "330799101201").id == site_id_for_code("330799101201")
    assert count_sites(registry) == 31


# -- every problem of every row, in one report -------------------------------


def test_all_kinds_of_problems_are_reported_together(registry: AppContext, tmp_path: Path) -> None:
    path = write(tmp_path, HEADER
                 + "33079910100X,坏镇社区学校,township,330799000000,,,\n"   # 2 bad code
                 + ",,village,330799001000,,,\n"                          # 3 no name
                 + ",某村,nowhere,330799001000,,,\n"                      # 4 bad tier
                 + ",好村,village,坏镇社区学校,,,\n"                       # 5 parent is row 2
                 + ",好村二,village,33079910100X,,,\n"                     # 6 parent is row 2
                 + ",孤村,village,没有的镇,,,\n"                           # 7 no such parent
                 + "330799101000,溪口镇社区学校,village,330799001000,,,\n")  # 8 strands villages
    problems = refused(registry, path)
    lines = [int(p.split(" 行")[0].removeprefix("第 ")) for p in problems]
    assert lines == [2, 3, 4, 7, 8], problems
    assert "12" in problems[0] and "name is empty" in problems[1]
    assert "unknown tier 'nowhere'" in problems[2] and "parent not found: 没有的镇" in problems[3]
    assert "is a village site, not a township site" not in problems[4]


def test_damage_from_before_does_not_block_an_import_that_repairs_it(
    registry: AppContext, tmp_path: Path
) -> None:
    """An older version could make a township with villages a village; the demo list mends it."""
    with sqlite3.connect(registry.paths.database) as connection:
        connection.execute("UPDATE sites SET tier = 'village' WHERE code = '330799101000'")
    connection.close()
    with registry.db.transaction() as session:
        other = import_sites(session, write(tmp_path, "名称,层级,上级\n"
                                                      "新村教学站,村,城关街道社区学校\n"))
    assert other.created == 1
    with registry.db.transaction() as session:
        mended = import_sites(session, DEMO_CSV)
    assert (mended.updated, mended.unchanged) == (1, 30)
    assert site_row(registry, "330799101000").tier == "township"


# -- formula injection, control characters and lengths ------------------------

FORMULAS = {
    "name": "=cmd|' /C calc'!A0",
    "address": "@SUM(1+1)*cmd|' /C calc'!A0",
    "contact": "-2+3+cmd|' /C calc'!A0",
    "phone": "+86 579 8812 3456",
}


def test_formula_cells_are_escaped_and_come_back_exactly(
    registry: AppContext, tmp_path: Path
) -> None:
    path = write(tmp_path, HEADER
                 + f"330799101299,{FORMULAS['name']},village,330799101000,"
                 + f"{FORMULAS['address']},\"{FORMULAS['contact']}\",{FORMULAS['phone']}\n"
                 + "330799101298,'=已经带引号,village,330799101000,'',-,\n")
    with registry.db.transaction() as session:
        assert import_sites(session, path).created == 2
    stored = site_row(registry, "330799101299")
    assert (stored.name, stored.address, stored.contact, stored.phone) == tuple(
        FORMULAS.values())
    # A quote the file put before "=" is Excel's "this is text" mark: it is not kept.
    assert site_row(registry, "330799101298").name == "=已经带引号"
    assert site_row(registry, "330799101298").address == "''"

    out = tmp_path / "out.csv"
    with registry.db.session() as session:
        export_sites(session, out)
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    cells = [cell for row in rows for cell in row]
    for value in FORMULAS.values():
        assert "'" + value in cells and value not in cells
    # What a spreadsheet would run is never the first character of a cell.
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]

    before = dump_sites(registry)
    with registry.db.transaction() as session:
        again = import_sites(session, out)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 33)
    assert dump_sites(registry) == before


@pytest.mark.parametrize(
    "value", ["=1+1", "'=1+1", "''@x", "-", "+", "'", "''", "a=b", "", "'plain", "\t=x"])
def test_escaping_undoes_exactly(value: str) -> None:
    escaped = escape_cell(value)
    assert unescape_cell(escaped) == value
    assert escaped[:1] not in ("=", "+", "-", "@", "\t")


def test_nul_control_characters_and_overlong_cells_are_refused(
    registry: AppContext, tmp_path: Path
) -> None:
    path = write(tmp_path, HEADER
                 + ",东门\x00教学点,village,溪口镇社区学校,,,\n"            # 2 NUL in the name
                 + "," + "长" * 2_000 + ",village,溪口镇社区学校,,,\n"      # 3 name too long
                 + ",好村,village,溪口镇社区学校," + "路" * 201 + ",,\n"     # 4 address too long
                 + ",好村二,village,溪口镇社区学校,,\u202e伟张,\n"          # 5 bidi override
                 + ",好村三,village,溪口镇社区学校,,,\n")                   # 6 fine
    problems = refused(registry, path)
    assert len(problems) == 4, problems
    assert problems[0].startswith("第 2 行") and "U+0000" in problems[0]
    assert problems[1].startswith("第 3 行") and "2,000 characters, at most 100" in problems[1]
    assert problems[2].startswith("第 4 行") and "the address is too long" in problems[2]
    assert problems[3].startswith("第 5 行") and "U+202E" in problems[3]
    assert all(len(problem) < 400 for problem in problems)  # the 2,000 characters not repeated


# -- many rows at once, written in bulk ---------------------------------------


def test_changed_sites_get_a_new_revision_and_time_as_the_orm_gives(
    registry: AppContext, tmp_path: Path
) -> None:
    with registry.db.session() as session:
        before = {s.code: (s.revision, s.updated_at) for s in list_sites(session)}
    path = write(tmp_path, "区划代码,名称,层级,上级,地址\n"
                           "330799101201,溪口村教学站,village,330799101000,新地址\n"
                           "330799101290,新建村教学站,village,330799101000,\n")
    with registry.db.transaction() as session:
        result = import_sites(session, path)
    assert (result.created, result.updated, result.unchanged) == (1, 1, 0)
    with registry.db.session() as session:
        after = {s.code: s for s in list_sites(session)}
    changed, new = after["330799101201"], after["330799101290"]
    assert changed.revision == before["330799101201"][0] + 1
    assert changed.updated_at > before["330799101201"][1]
    assert changed.updated_at.tzinfo is not None and new.revision == 1
    assert new.parent_id == site_id_for_code("330799101000")
    others = {code: (s.revision, s.updated_at) for code, s in after.items()
              if code not in ("330799101201", "330799101290")}
    assert others == {code: value for code, value in before.items() if code != "330799101201"}
    # Stored exactly as the ORM stores times, so sorting and sync compare them alike.
    with sqlite3.connect(registry.paths.database) as connection:
        stamps = connection.execute(
            "SELECT updated_at FROM sites WHERE code IN ('330799101201', '330799101290', "
            "'330799000000')").fetchall()
    connection.close()
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}", s) for (s,) in stamps)


def test_sites_another_program_changed_meanwhile_are_never_overwritten(
    registry: AppContext,
) -> None:
    """Between reading the registry and writing it, another program changes a site: the writing
    notices (it takes the write lock, then compares) and stores nothing of the stale plan."""
    with registry.db.transaction() as session:
        plan = SiteRegistry.load(session)
        town = plan.find_by_code("330799101000")
        plan.upsert(SiteData(name="新村教学站", tier=Tier.VILLAGE, code="330799101291"), town)
        with sqlite3.connect(registry.paths.database) as other:  # another program's change
            other.execute("UPDATE sites SET tier = 'village', revision = revision + 1 "
                          "WHERE code = '330799101000'")
        other.close()
        assert plan.write(session) is False
        # With the write lock held the sites cannot change any more: read again, it fits.
        again = SiteRegistry.load(session)
        town = again.find_by_code("330799101000")
        assert town is not None and town.tier == "village"
        again.upsert(SiteData(name="新村教学站", tier=Tier.TOWNSHIP, code="330799101291"),
                     again.find_by_code("330799000000"))
        assert again.write(session) is True
    with registry.db.session() as session:
        assert find_by_code(session, "330799101291") is not None


def test_twenty_thousand_rows_import_quickly(context: AppContext, tmp_path: Path) -> None:
    lines = [HEADER, "330700000000,新县社区教育学院,county,,,,\n"]
    lines += [f"3307{t:05d}000,第{t}镇社区学校,township,330700000000,,,\n"
              for t in range(1, 201)]
    lines += [f"3307{n % 200 + 1:05d}{n // 200 + 1:03d},第{n}村教学站,village,"
              f"3307{n % 200 + 1:05d}000,,,\n" for n in range(19_799)]
    path = write(tmp_path, "".join(lines))
    start = time.perf_counter()
    with context.db.transaction() as session:
        result = import_sites(session, path)
    seconds = time.perf_counter() - start
    assert result.created == 20_000
    assert seconds < 20, seconds  # about 1.5 s here; row-by-row took minutes
    with context.db.transaction() as session:
        again = import_sites(session, path)
    assert again.unchanged == 20_000
