"""``inspector checklist show``: the criteria of one tier, in guideline order."""

from __future__ import annotations

import argparse
from typing import Any

from inspector.cli import print_cmd
from inspector.cli.common import add_command, add_format, add_group, add_tier, opened, print_json
from inspector.domain.tiers import Tier
from inspector.services import api


def register(commands: Any) -> None:
    sub = add_group(commands, "checklist", "检查表模板 / checklist templates")
    show = add_command(sub, "show", "列出某一层级检查表的条目 / "
                                    "list the criteria of a tier's checklist", run_show)
    add_tier(show, required=True)
    show.add_argument("--language", choices=["zh", "en"], default="zh",
                      help="文本输出的语言 / language of the text output")
    add_format(show)
    print_cmd.add_checklist_print(sub)  # `checklist print`: inspector/cli/print_cmd.py


def run_show(args: argparse.Namespace) -> int:
    from inspector.domain.outline import outline  # loaded when showing, not at start

    tier = Tier(args.tier)  # already a Tier (add_tier parses every name of it)
    with opened(args) as context:
        template = api.templates.latest_template(context)
    rows = [(level1.indicator, section.indicator, criterion)
            for level1 in outline(template, tier).indicators
            for section in level1.sections for criterion in section.criteria]
    if args.format == "json":
        print_json([
            {
                "id": criterion.id,
                "level1": level1.label("zh"),
                "level1_en": level1.title.en,
                "level2": level2.label("zh"),
                "level2_en": level2.title.en,
                "text": criterion.text.zh,
                "text_en": criterion.text.en,
                "tiers": [t.value for t in Tier if t in criterion.tiers],
                "template": template.key,
            }
            for level1, level2, criterion in rows
        ])
        return 0
    language = args.language
    print(f"{template.title.get(language)} — {template.tier_name(tier, language)} "
          f"({template.key}, {len(rows)} 条 / criteria)")
    current = None
    for level1, level2, criterion in rows:
        if current != level2.id:
            current = level2.id
            print(f"\n{level1.label(language)} / {level2.label(language)}")
        print(f"  [{criterion.id}] {criterion.text.get(language)}")
    return 0
