"""Expected CLI failures: one line, bilingual “中文 / English”, exit 2, saying what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(list(args))
    _, err = capsys.readouterr()
    return code, err


@pytest.fixture(scope="module")
def field(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = str(tmp_path_factory.mktemp("messages") / "field")
    assert main(["demo", "--role", "field", "--data-dir", folder]) == 0
    return folder


@pytest.mark.parametrize(("args", "expected"), [
    (["report", "deadbeef", "-o", "{tmp}/a.pdf"],
     "没有编号为 deadbeef 的检查（见 inspector inspections list）/ no inspection deadbeef "
     "(see inspector inspections list)"),
    (["report", "97d", "-o", "{tmp}/a.pdf"],
     "检查编号至少要写前 8 个字符 / an inspection id needs at least 8 characters: 97d"),
    (["checklist", "print", "--tier", "village", "-o", "{tmp}/a.txt"],
     "输出文件名必须以 .pdf 结尾 / the output file name must end in .pdf: {tmp}/a.txt"),
    (["sites", "import", "{tmp}/nofile.csv"], "找不到文件 / no such file: {tmp}/nofile.csv"),
    (["bundle", "import", "{tmp}/nofile.bundle"],
     "找不到文件 / file not found: {tmp}/nofile.bundle"),
    (["bundle", "verify", "{tmp}/nofile.bundle"],
     "找不到文件 / file not found: {tmp}/nofile.bundle"),
    (["init", "--role", "office"],
     "本机已经是外业笔记本，更改角色需要确认（--change-role）/ this installation is already "
     "a field laptop; changing the role needs explicit confirmation (--change-role)"),
    (["bundle", "export", "--kind", "receipt", "-o", "{tmp}/r.bundle"],
     "外业笔记本不能导出回执数据包，只能导出检查结果数据包 / a field laptop does not export "
     "receipt bundles (it exports results)"),
    (["assignments", "add", "--site", "330799001001", "--inspectors", "王芳", "--from",
      "2026-13-01", "--to", "2026-12-31"],
     "--from 日期无效，请按 年-月-日 写，例如 2026-12-01 / --from: not a valid date; write "
     "YYYY-MM-DD, e.g. 2026-12-01: 2026-13-01"),
], ids=["unknown id", "short id", "not pdf", "csv missing", "bundle missing",
        "verify missing", "role change", "kind", "bad date"])
def test_expected_failures_are_one_bilingual_line(capsys: pytest.CaptureFixture[str], field: str,
                                                  tmp_path: Path, args: list[str],
                                                  expected: str) -> None:
    filled = [a.replace("{tmp}", str(tmp_path)) for a in args]
    code, err = run(capsys, *filled, "--data-dir", field)
    assert code == 2
    assert err == f"inspector: error: {expected.replace('{tmp}', str(tmp_path))}\n"


def test_a_data_directory_that_is_a_file(capsys: pytest.CaptureFixture[str],
                                         tmp_path: Path) -> None:
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("")
    code, err = run(capsys, "sites", "list", "--data-dir", str(not_a_folder))
    assert code == 2
    assert err == ("inspector: error: 数据目录是一个文件而不是文件夹 / the data directory is a "
                   f"file, not a folder: {not_a_folder}\n")


def test_an_unknown_device_names_its_fingerprint_once(capsys: pytest.CaptureFixture[str],
                                                      field: str, tmp_path: Path) -> None:
    office = str(tmp_path / "office")
    assert main(["init", "--role", "office", "--data-dir", office]) == 0
    bundle = tmp_path / "results.bundle"
    assert main(["bundle", "export", "-o", str(bundle), "--data-dir", field]) == 0
    code, err = run(capsys, "bundle", "import", str(bundle), "--data-dir", office)
    assert code == 2 and err.count("\n") == 1
    assert err.startswith("inspector: error: 未登记的设备，请核对指纹后选择信任 / unknown device; "
                          "compare the fingerprint, then trust it (--trust-new-device): "
                          "“演示外业笔记本”（")
    assert err.count("指纹 / fingerprint") == 1 and "指纹 fingerprint" not in err


def test_a_damaged_database_is_one_line_not_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "inspector.sqlite3").write_bytes(b"garbage " * 500)
    code, err = run(capsys, "sites", "list", "--data-dir", str(data))
    assert code == 2
    assert err.startswith("inspector: error: ") and err.count("\n") == 1
    assert "不是本程序的数据库" in err and "is not an Inspector database" in err


def test_a_full_disk_or_a_blocked_photo_store_is_one_line(
    capsys: pytest.CaptureFixture[str], field: str, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from inspector.services import photo_store
    from inspector.services.sync import export, importer

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "r.bundle"))

    monkeypatch.setattr(export, "export_bundle", full)
    code, err = run(capsys, "bundle", "export", "-o", str(tmp_path / "r.bundle"),
                    "--data-dir", field)
    assert code == 1
    assert err == (f"inspector: error: 磁盘空间已满，请清理后重试 / the disk is full; free some "
                   f"space and try again: {tmp_path / 'r.bundle'}\n")

    def blocked(*_args: object, **_kwargs: object) -> None:
        raise photo_store.PhotoStoreError("照片库无法写入 / the photo store cannot be written")

    monkeypatch.setattr(importer, "import_bundle", blocked)
    code, err = run(capsys, "bundle", "import", str(tmp_path / "r.bundle"), "--data-dir", field)
    assert code == 2
    assert err == "inspector: error: 照片库无法写入 / the photo store cannot be written\n"


def test_long_work_shows_progress_on_a_terminal_only() -> None:
    import io

    from inspector.cli.common import ConsoleProgress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    progress = ConsoleProgress("导出 / exporting", screen, interval=0)
    progress.progress(50, 200, "photos/ab.jpg")
    progress.progress(200, 200, "manifest.json")
    assert "导出 / exporting  25%  photos/ab.jpg" in screen.getvalue()
    assert "100%  manifest.json" in screen.getvalue()
    progress.finish()
    assert screen.getvalue().endswith("\r")  # the line is cleared for what follows
    piped = io.StringIO()
    quiet = ConsoleProgress("导出 / exporting", piped, interval=0)
    quiet.progress(1, 2, "x")
    quiet.finish()
    assert piped.getvalue() == ""  # nothing in a pipe or a log file
