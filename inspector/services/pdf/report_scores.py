"""The report's scores: the overall conclusion in words, part one's summary table and how
the score is computed, all as the template's scoring rules (:mod:`inspector.domain.scoring`)
compute them."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Table

from inspector.domain.scoring import Summary, summarize
from inspector.domain.templates import ChecklistTemplate
from inspector.domain.values import InspectionStatus
from inspector.services.pdf.blank_checklist import GRID, LEVEL1_FILL, LEVEL2_FILL
from inspector.services.pdf.common import CONTENT_WIDTH
from inspector.services.pdf.sources import ReportData
from inspector.services.pdf.text import Styles, make_table


def overall_result(data: ReportData) -> str:
    """The overall conclusion in words: the score and how many criteria got each rating.

    The guideline sets no pass mark, so the report gives no verdict of its own (such as
    符合 or 不符合 for the whole site): it states the score, the count of every rating
    and how many items need correcting, as the template's scoring rules compute them.
    """
    overall = summarize(data.template, data.tier, data.ratings(), "zh").overall
    counts = "、".join(f"{o.label.zh} {overall.counts.get(o.id, 0)} 项"
                      for o in data.template.rating_scale)
    unrated = overall.total - overall.rated
    if unrated:
        counts += f"、未评定 {unrated} 项"
    score = (f"得分率 {overall.percent}" if overall.score is not None
             else "得分率 —（没有计分的评定）")
    to_correct = sum(1 for o in data.template.rating_scale if o.note_required
                     for _ in range(overall.counts.get(o.id, 0)))
    text = f"{score}。共检查 {overall.total} 项：{counts}。"
    text += (f"需要整改 {to_correct} 项（见第三部分）。" if to_correct
             else "没有需要整改的项目。")
    if data.status != InspectionStatus.COMPLETED:
        text += "检查尚未完成，结论仅供参考。"
    return text


def scoring_note(template: ChecklistTemplate) -> str:
    """How the score is computed: which ratings count, with what score, and which do not."""
    counted = "、".join(f"“{o.label.zh}”{o.score:g} 分" for o in template.rating_scale
                       if o.counted and o.score is not None)
    excluded = "、".join(f"“{o.label.zh}”" for o in template.rating_scale
                        if not o.counted)
    note = f"得分率：各项按权重加权平均（{counted}）"
    if excluded:
        note += f"；{excluded}的项目不计入"
    return note + "。"


def summary_table(data: ReportData, styles: Styles) -> Table:
    """Part one's table: every indicator's count of each rating and its score, then the whole."""
    template = data.template
    summary = summarize(template, data.tier, data.ratings(), "zh")
    scale = template.rating_scale
    header = [styles.para("指标", styles.cell_center), styles.para("项数", styles.cell_center)]
    header += [styles.para(o.label.zh, styles.cell_center) for o in scale]
    header += [styles.para("未评定", styles.cell_center),
               styles.para("得分率", styles.cell_center)]
    rows: list[list[object]] = [header]
    commands: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), LEVEL1_FILL),
        ("LEFTPADDING", (1, 0), (-1, -1), 1.5),
        ("RIGHTPADDING", (1, 0), (-1, -1), 1.5),
    ]

    def row(item: Summary, label: str) -> list[object]:
        cells: list[object] = [styles.para(label, styles.cell),
                               styles.para(str(item.total), styles.cell_center)]
        cells += [styles.para(str(item.counts.get(o.id, 0)), styles.cell_center)
                  for o in scale]
        cells += [styles.para(str(item.total - item.rated), styles.cell_center),
                  styles.para(item.percent, styles.cell_center)]
        return cells

    for level1 in summary.level1:
        rows.append(row(level1, level1.label))
        commands.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), LEVEL2_FILL))
        for level2 in summary.level2:
            if template.level1_of(level2.id).id == level1.id:
                rows.append(row(level2, f"\u3000{level2.label}"))
    rows.append(row(summary.overall, f"总体（{summary.overall.label}）"))
    commands.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), LEVEL1_FILL))
    rating_w = 14 * mm
    count_w = 12 * mm
    label_w = CONTENT_WIDTH - rating_w * len(scale) - 3 * count_w - 3 * mm
    widths = [label_w, count_w] + [rating_w] * len(scale) + [count_w, count_w + 3 * mm]
    return make_table(rows, commands, colWidths=widths, repeatRows=1)
