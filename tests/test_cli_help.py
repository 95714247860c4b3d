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
