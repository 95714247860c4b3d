"""Site registry CSV: good files in UTF-8 and GBK, bad rows reported with nothing imported."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

from inspector.services.context import AppContext
from inspector.services.sites import list_sites, site_id_for_code, site_tree
from inspector.services.sites_csv import CsvImportError, export_sites, import_sites
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
    context: AppContext, tmp_path: Path, row: str, reason: str
) -> None:
    with pytest.raises(CsvImportError) as info, context.db.transaction() as session:
        import_sites(session, write(tmp_path, GOOD + row + "\n"))
    assert count_sites(context) == 0
    problems = [str(p) for p in info.value.problems]
    assert any("line 6" in p and reason in p for p in problems) or any(
        reason in p for p in problems
    ), problems


def test_every_bad_row_is_listed_with_its_line(context: AppContext, tmp_path: Path) -> None:
    text = GOOD + ",,village,x,,,\n" + ",某村,nowhere,x,,,\n"
    with pytest.raises(CsvImportError) as info, context.db.transaction() as session:
        import_sites(session, write(tmp_path, text))
    assert [p.line for p in info.value.problems] == [6, 7]


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
