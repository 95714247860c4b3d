"""Every command that writes a file refuses a missing folder instead of creating it.

A mistyped USB-stick path (``E:\\检查\\报告.pdf`` when the stick is F:) must fail with one
bilingual line, exit 2, and leave no new folder on the laptop.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.platypus import Paragraph

from inspector.cli import main
from inspector.services.demo_inspections import VISITS, demo_id
from inspector.services.pdf.common import DocumentInfo, PdfError
from inspector.services.pdf.pages import build_pdf


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def field_data(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = str(tmp_path_factory.mktemp("field") / "data")
    assert main(["demo", "--role", "field", "--data-dir", folder]) == 0
    return folder


def _commands(target_folder: Path) -> list[list[str]]:
    return [
        ["report", demo_id(VISITS[0].site_code, VISITS[0].label)[:8], "-o",
         str(target_folder / "q.pdf")],
        ["checklist", "print", "--tier", "village", "-o", str(target_folder / "c.pdf")],
        ["bundle", "export", "-o", str(target_folder / "x.bundle")],
        ["sites", "export", str(target_folder / "sites.csv")],
    ]


@pytest.mark.parametrize("index", range(4), ids=["report", "checklist", "bundle", "sites"])
def test_a_missing_folder_is_refused_and_not_created(
    capsys: pytest.CaptureFixture[str], field_data: str, tmp_path: Path, index: int
) -> None:
    capsys.readouterr()
    missing = tmp_path / "stick" / "dir"
    code, out, err = run(capsys, *_commands(missing)[index], "--data-dir", field_data)
    assert code == 2 and out == ""
    assert err == f"inspector: error: 目标文件夹不存在 / the folder does not exist: {missing}\n"
    assert not (tmp_path / "stick").exists()


@pytest.mark.parametrize("index", range(4), ids=["report", "checklist", "bundle", "sites"])
def test_an_existing_folder_is_written(
    capsys: pytest.CaptureFixture[str], field_data: str, tmp_path: Path, index: int
) -> None:
    capsys.readouterr()
    code, _, err = run(capsys, *_commands(tmp_path)[index], "--data-dir", field_data)
    assert code == 0, err
    assert len(list(tmp_path.iterdir())) == 1


def test_a_folder_given_as_the_output_file_is_refused(
    capsys: pytest.CaptureFixture[str], field_data: str, tmp_path: Path
) -> None:
    capsys.readouterr()
    folder = tmp_path / "a.pdf"
    folder.mkdir()
    code, _, err = run(capsys, "checklist", "print", "--tier", "village", "-o", str(folder),
                       "--data-dir", field_data)
    assert code == 2 and "请给出文件名 / this is a folder; give a file name" in err


def test_the_pdf_service_does_not_create_the_folder_either(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "r.pdf"
    info = DocumentInfo(title="t", template_key="k@1", template_version=1)
    with pytest.raises(PdfError, match="目标文件夹不存在 / the folder does not exist"):
        build_pdf(target, [Paragraph("x")], info)
    assert not target.parent.exists()


def test_a_bundle_exported_to_a_folder_is_named_there_and_a_bare_name_gets_its_suffix(
    capsys: pytest.CaptureFixture[str], field_data: str, tmp_path: Path
) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    code, _, err = run(capsys, "bundle", "export", "--all", "-o", str(stick),
                       "--data-dir", field_data)
    assert code == 0, err
    (named,) = stick.iterdir()
    assert named.name.startswith("results-") and named.name.endswith(".inspector-bundle")
    code, _, err = run(capsys, "bundle", "export", "--all", "-o", str(stick / "second"),
                       "--data-dir", field_data)
    assert code == 0, err
    assert (stick / "second.inspector-bundle").is_file()  # the import dialog lists it
