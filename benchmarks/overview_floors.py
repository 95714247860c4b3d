"""The floors of ``benchmarks/overview.py``'s outputs, and the cases it runs in processes of
their own (so that each one's peak memory and first-use costs are its own).

- ``xlsx``          ``api.overview_outputs.write_workbook`` of every result (the default
                    filter): the county's workbook as ``inspector overview export`` writes it
- ``xlsx-floor``    openpyxl's own write-only mode writing the same cells: every sheet of the
                    workbook the ``xlsx`` case wrote, read back outside the timing (value,
                    number format, and text that looks like a formula kept as text, as the
                    workbook writes them), nothing else
- ``report``        ``api.overview_documents.write_county_report`` of a county of 300 sites
- ``report-floor``  plain ReportLab laying out the same content: the report's own
                    paragraphs and tables (the same markup, styles, widths and table
                    commands), its charts as the primitive shapes they are drawn with (no
                    chart code), the same fonts registered and the same page header and
                    footer (page N of M); the content is taken from the report's own story
                    in the parent process
- ``overview``      ``api.overview.county_overview`` (default filter) once, for its memory
"""

from __future__ import annotations

import json
import pickle
import re
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

TODAY = date.today()


def peak_rss_mb() -> float:
    """This process's peak resident memory (Linux VmHWM; NaN elsewhere)."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return float("nan")
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _context(data: Path):  # type: ignore[no-untyped-def]
    from inspector.app_paths import AppPaths
    from inspector.services.context import open_context

    return open_context(AppPaths.resolve(data))


# --------------------------------------------------------------------------- workbook

def case_xlsx(data: Path, out: Path) -> dict[str, float]:
    from inspector.services.api import overview_outputs
    from inspector.services.overview import OverviewFilter

    context = _context(data)
    start, cpu = time.perf_counter(), time.process_time()
    overview_outputs.write_workbook(context, OverviewFilter(), out, TODAY)
    result = {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu,
              "bytes": out.stat().st_size}
    context.close()
    return result


def workbook_cells(path: Path) -> list[tuple[str, list[list[Any]]]]:
    """Every sheet's rows: each cell its value, or (value, number format, kept as text)."""
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    book = load_workbook(path, read_only=True)
    sheets = []
    for sheet in book.worksheets:
        rows = []
        for row in sheet.iter_rows():
            cells: list[Any] = []
            for cell in row:
                value = getattr(cell, "value", None)
                if value is None:
                    cells.append(None)
                    continue
                fmt = cell.number_format
                text = bool(cell.style_array.quotePrefix)
                cells.append((value, fmt, text) if fmt != "General" or text else value)
            rows.append(cells)
        sheets.append((sheet.title, rows))
    book.close()
    return sheets


def case_xlsx_floor(workbook: Path, out: Path) -> dict[str, float]:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]

    sheets = workbook_cells(workbook)  # outside the timing
    cells = sum(len(row) for _title, rows in sheets for row in rows)
    start, cpu = time.perf_counter(), time.process_time()
    book = Workbook(write_only=True)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            values = []
            for value in row:
                if isinstance(value, tuple):
                    plain, fmt, text = value
                    cell = WriteOnlyCell(sheet, value=plain)
                    if text:
                        cell.data_type = "s"
                        cell.quotePrefix = True
                    if fmt != "General":
                        cell.number_format = fmt
                    values.append(cell)
                else:
                    values.append(value)
            sheet.append(values)
    book.save(out)
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu,
            "bytes": out.stat().st_size, "cells": cells}


# --------------------------------------------------------------------------- report

def case_report(data: Path, out: Path) -> dict[str, float]:
    from inspector.services.api import overview_documents
    from inspector.services.overview import OverviewFilter

    context = _context(data)
    start, cpu = time.perf_counter(), time.process_time()
    built = overview_documents.write_county_report(context, OverviewFilter(), out, TODAY)
    result = {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu,
              "bytes": out.stat().st_size, "pages": built.pages}
    context.close()
    return result


def _plain(value: Any) -> Any:
    """A table command's argument as plain data (colours as hex)."""
    from reportlab.lib import colors

    if isinstance(value, colors.Color):
        return {"color": value.hexval()}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def _style(style: Any) -> dict[str, Any]:
    return {"fontName": style.fontName, "fontSize": style.fontSize,
            "leading": style.leading, "alignment": style.alignment,
            "textColor": style.textColor.hexval(), "spaceBefore": style.spaceBefore,
            "spaceAfter": style.spaceAfter, "keepWithNext": getattr(style, "keepWithNext", 0),
            "firstLineIndent": style.firstLineIndent, "leftIndent": style.leftIndent}


def _describe(item: Any, styles: dict[str, Any]) -> Any:
    """One flowable of the report's story as plain data (a chart: its primitive shapes)."""
    from reportlab.graphics.shapes import Drawing
    from reportlab.platypus import (
        CondPageBreak,
        KeepTogether,
        PageBreak,
        Paragraph,
        Spacer,
        Table,
    )

    if isinstance(item, str):
        return item
    if isinstance(item, list):
        return [_describe(part, styles) for part in item]
    if isinstance(item, Paragraph):
        styles[item.style.name] = _style(item.style)
        return {"p": item.style.name, "text": item.text}
    if isinstance(item, Drawing):
        shapes = Drawing(item.width, item.height, *(_primitive(c) for c in item.contents))
        shapes.transform = item.transform
        shapes.hAlign = getattr(item, "hAlign", "LEFT")
        shapes.vAlign = getattr(item, "vAlign", "BOTTOM")
        return {"drawing": pickle.dumps(shapes)}
    if isinstance(item, PageBreak):
        return {"page": True}
    if isinstance(item, CondPageBreak):
        return {"cond": item.height}
    if isinstance(item, Spacer):
        return {"space": [item.width, item.height]}
    if isinstance(item, KeepTogether):
        return {"keep": [_describe(part, styles) for part in item._content]}
    if isinstance(item, Table):
        return {"rows": [[_describe(cell, styles) for cell in row] for row in item._cellvalues],
                "widths": item._argW, "heights": item._argH,
                "commands": [_plain(c) for c in getattr(item, "bench_commands", [])],
                "repeat": item.repeatRows, "split_in_row": item.splitInRow,
                "align": item.hAlign}
    return None  # a section's marker: nothing to lay out


def _primitive(node: Any) -> Any:
    """``node`` as the shapes it draws: a chart (a user node) by what it provides."""
    from reportlab.graphics.shapes import Group, UserNode

    while isinstance(node, UserNode):
        node = node.provideNode()
    if isinstance(node, Group):
        group = Group(*(_primitive(child) for child in node.contents))
        group.transform = node.transform
        return group
    return node


def report_floor_content(data: Path) -> dict[str, Any]:
    """The report's content as plain data, from its own story for the same figures."""
    from reportlab.platypus import tables

    from inspector import assets
    from inspector.services.office_settings import load_settings
    from inspector.services.overview import OverviewFilter, county_overview
    from inspector.services.pdf.county_common import period_words
    from inspector.services.pdf.county_report import DEFAULT_THRESHOLD, TITLE, _ReportBuilder
    from inspector.services.pdf.fonts import default_fonts
    from inspector.services.pdf.text import shorten

    context = _context(data)
    with context.db.session() as session:
        figures = county_overview(session, OverviewFilter(), TODAY)
        issuer = load_settings(session).issuer
    context.close()
    original = tables.Table._addCommand

    def recording(self: Any, command: Any) -> None:  # the table commands, as given
        self.__dict__.setdefault("bench_commands", []).append(tuple(command))
        original(self, command)

    tables.Table._addCommand = recording
    try:
        builder = _ReportBuilder(figures, issuer, DEFAULT_THRESHOLD, TODAY, default_fonts())
        story = builder.story()
    finally:
        tables.Table._addCommand = original
    styles: dict[str, Any] = {}
    flowables = [d for d in (_describe(item, styles) for item in story) if d is not None]
    section = story[0].section
    return {"styles": styles, "story": flowables,
            "page": {"title": section.title, "subtitle": section.subtitle,
                     "footer": f"{TITLE} · {shorten(builder.issuer or '—', 40)}",
                     "printed": f"打印日期 {TODAY.isoformat()} · Inspector x.y.z",
                     "doc_title": f"{TITLE} — {period_words(figures)}"},
            "fonts": {"InspectorCJK": str(assets.cjk_font_path()),
                      "InspectorLatin": "Vera.ttf"}}


def case_report_floor(content: dict[str, Any], out: Path) -> dict[str, float]:
    """Plain ReportLab: the same content, fonts and page decorations, no program code."""
    from reportlab import rl_config
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import (
        CondPageBreak,
        Frame,
        KeepTogether,
        PageBreak,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )
    from reportlab.platypus.doctemplate import BaseDocTemplate

    rl_config.useA85 = 0
    start, cpu = time.perf_counter(), time.process_time()
    for name, path in content["fonts"].items():
        pdfmetrics.registerFont(TTFont(name, path))
    styles = {
        name: ParagraphStyle(name, fontName=s["fontName"], fontSize=s["fontSize"],
                             leading=s["leading"], alignment=s["alignment"],
                             textColor=colors.HexColor(s["textColor"]),
                             spaceBefore=s["spaceBefore"], spaceAfter=s["spaceAfter"],
                             keepWithNext=s["keepWithNext"],
                             firstLineIndent=s["firstLineIndent"],
                             leftIndent=s["leftIndent"], wordWrap="CJK")
        for name, s in content["styles"].items()
    }

    def value(v: Any) -> Any:
        if isinstance(v, dict):
            return colors.HexColor(v["color"])
        if isinstance(v, list):
            return tuple(value(x) for x in v)
        return v

    def flowable(d: Any) -> Any:
        if isinstance(d, str):
            return d
        if isinstance(d, list):
            return [flowable(x) for x in d]
        if "p" in d:
            return Paragraph(d["text"], styles[d["p"]])
        if "drawing" in d:
            return pickle.loads(d["drawing"])
        if "page" in d:
            return PageBreak()
        if "space" in d:
            return Spacer(*d["space"])
        if "cond" in d:
            return CondPageBreak(d["cond"])
        if "keep" in d:
            return KeepTogether([flowable(x) for x in d["keep"]])
        return Table([[flowable(c) for c in row] for row in d["rows"]],
                     colWidths=d["widths"], rowHeights=d["heights"],
                     style=TableStyle([value(c) for c in d["commands"]]),
                     repeatRows=d["repeat"], splitInRow=d["split_in_row"],
                     hAlign=d["align"])

    story = [flowable(d) for d in content["story"]]
    page = content["page"]
    latin = re.compile(r"[\x20-\x7e]+")
    width, height = A4

    def draw_text(canvas: Canvas, x: float, y: float, text: str, size: float,
                  anchor: str = "start") -> None:
        runs, last = [], 0
        for match in latin.finditer(text):
            runs += [("InspectorCJK", text[last:match.start()]),
                     ("InspectorLatin", match.group())]
            last = match.end()
        runs.append(("InspectorCJK", text[last:]))
        total = sum(pdfmetrics.stringWidth(t, f, size) for f, t in runs)
        x -= total if anchor == "end" else total / 2 if anchor == "middle" else 0
        for font, run in runs:
            canvas.setFont(font, size)
            canvas.drawString(x, y, run)
            x += pdfmetrics.stringWidth(run, font, size)

    class NumberedCanvas(Canvas):  # ReportLab's "page N of M" recipe
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self.pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for number, state in enumerate(self.pages, start=1):
                self.__dict__.update(state)
                self.decorate(number, len(self.pages))
                Canvas.showPage(self)
            Canvas.save(self)

        def decorate(self, number: int, count: int) -> None:
            self.saveState()
            self.setFillColor(colors.HexColor("#424242"))
            draw_text(self, 16 * mm, height - 13 * mm, page["title"], 9)
            draw_text(self, 16 * mm, height - 18.5 * mm, page["subtitle"], 8)
            self.setStrokeColor(colors.HexColor("#9e9e9e"))
            self.setLineWidth(0.5)
            self.line(16 * mm, height - 24 * mm, width - 16 * mm, height - 24 * mm)
            self.line(16 * mm, 13 * mm, width - 16 * mm, 13 * mm)
            draw_text(self, 16 * mm, 8.5 * mm, page["footer"], 7.5)
            draw_text(self, width / 2, 8.5 * mm, f"第 {number} 页 / 共 {count} 页", 8.5,
                      "middle")
            draw_text(self, width - 16 * mm, 8.5 * mm, page["printed"], 7.5, "end")
            self.restoreState()

    doc = BaseDocTemplate(str(out), pagesize=A4, initialFontName="InspectorCJK",
                          title=page["doc_title"])
    doc.addPageTemplates([PageTemplate(frames=[Frame(
        16 * mm, 18 * mm, width - 32 * mm, height - 45 * mm,
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)])])
    doc.build(story, canvasmaker=NumberedCanvas)
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu,
            "bytes": out.stat().st_size, "pages": doc.page}


# --------------------------------------------------------------------------- memory

def case_overview(data: Path) -> dict[str, float]:
    from inspector.services.api import overview
    from inspector.services.overview import OverviewFilter

    context = _context(data)
    start = time.perf_counter()
    figures = overview.county_overview(context, OverviewFilter(), TODAY)
    result = {"seconds": time.perf_counter() - start, "sites": len(figures.figures.sites)}
    context.close()
    return result


# --------------------------------------------------------------------------- processes

def run_case(case: str, data: Path, source: Path, out: Path) -> None:
    """In a process of its own: imports first, then the case; prints its figures."""
    import openpyxl  # noqa: F401 - imports outside the timing
    import reportlab.platypus  # noqa: F401

    if case == "report-floor":
        content = pickle.loads(source.read_bytes())
        base = peak_rss_mb()
        result = case_report_floor(content, out)
    else:
        import inspector.services.api.overview_documents
        import inspector.services.api.overview_outputs
        import inspector.services.pdf.county_report  # noqa: F401

        base = peak_rss_mb()
        if case == "xlsx":
            result = case_xlsx(data, out)
        elif case == "xlsx-floor":
            result = case_xlsx_floor(source, out)
        elif case == "report":
            result = case_report(data, out)
        else:
            result = case_overview(data)
    result["peak_mb"] = peak_rss_mb()
    result["base_mb"] = base
    print(json.dumps(result))


def subprocess_case(case: str, data: Path, source: Path, out: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("overview.py")), "--case", case,
         "--data", str(data), "--source", str(source), "--out", str(out)],
        check=False, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"case {case} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])
