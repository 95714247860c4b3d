"""Every --help of the command line speaks Chinese first, and its lines fit the terminal."""

from __future__ import annotations

import re
import unicodedata

import pytest

from inspector.cli import main

CJK = re.compile(r"[\u4e00-\u9fff]")
COMMANDS = ["demo", "checklist", "sites", "inspections", "report", "init", "device", "bundle",
            "assignments", "devices"]
ACTIONS = [["checklist", "print"], ["sites", "import"], ["bundle", "import"],
           ["assignments", "add"], ["devices", "revoke"]]


def display_width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def help_of(capsys: pytest.CaptureFixture[str], *words: str) -> str:
    assert main([*words, "--help"]) == 0
    return capsys.readouterr().out


def test_every_help_is_bilingual_and_fits(capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    top = help_of(capsys)
    listed = {line.split()[0]: line for line in top.splitlines()
              if line.startswith("    ") and line.split()[0] in COMMANDS}
    assert sorted(listed) == sorted(COMMANDS)
    assert all(CJK.search(line) for line in listed.values()), listed
    assert "社区教育站点督导检查" in top and "显示本帮助并退出" in top

    pages = {" ".join(words): help_of(capsys, *words) for words in [[c] for c in COMMANDS]
             + ACTIONS}
    assert not [name for name, page in pages.items() if not CJK.search(page.split("\n\n")[1])]
    too_wide = [line for page in [top, *pages.values()] for line in page.splitlines()
                if display_width(line) > 80]
    assert not too_wide, too_wide


@pytest.mark.parametrize(("args", "expected"), [
    (["sites", "import"], "inspector sites import: error: 缺少必需的参数 file / the following "
                          "arguments are required: file"),
    (["sites", "list", "--bogus"], "inspector: error: 无法识别的参数 --bogus / unrecognized "
                                   "arguments: --bogus"),
    (["checklist", "show", "--tier", "x"],
     "inspector checklist show: error: 参数 --tier：层级“x”无法识别，可写 county（县）、township"
     "（乡镇）或 village（村） / unknown tier 'x'; use county, township or village"),
    (["bundle", "export", "--kind", "x", "-o", "a"],
     "inspector bundle export: error: 参数 --kind 的值 'x' 无效 / argument --kind: invalid "
     "choice: 'x'；可选 / choose from: 'results', 'assignment', 'receipt'"),
])
def test_argparse_errors_are_bilingual_too(capsys: pytest.CaptureFixture[str], args: list[str],
                                          expected: str) -> None:
    assert main(args) == 2
    assert capsys.readouterr().err == expected + "\n"


def test_help_headings_are_bilingual(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sites", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("用法 / usage: inspector sites")
    assert "参数 / positional arguments:" in out and "选项 / options:" in out
