"""A record's paper form (reports/forms.py) as a printable A4 page, HTML or PDF (render/pdf.py)."""

from __future__ import annotations

import html
from decimal import Decimal
from pathlib import Path

from houqin.i18n import ROLES, known, t, word
from houqin.reports.forms import Form, FormCheck, Grid, SignBox

FORM_CSS = """
@page { size: A4; margin: 14mm 14mm 16mm; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; color: #000;
       font-size: 11pt; }
header { min-height: 30mm; }
header .qr { float: right; width: 30mm; height: 30mm; margin-left: -30mm; }
header .qr svg { width: 30mm; height: 30mm; }
h1 { font-size: 18pt; text-align: center; margin: 2mm 0 1mm; letter-spacing: 2pt; }
p.school { text-align: center; margin: 0; font-size: 12pt; }
p.meta { font-size: 9pt; margin: 1mm 0 3mm; }
table { border-collapse: collapse; width: 100%; margin-bottom: 4mm; }
th, td { border: 0.6pt solid #000; padding: 1.6mm 2mm; vertical-align: top; overflow-wrap: anywhere; }
th { font-weight: normal; background: #eee; white-space: nowrap; }
td.label { width: 22%; background: #f4f4f4; white-space: nowrap; }
td.num { text-align: right; }
tr.blank td { height: 7mm; }
h2 { font-size: 11pt; margin: 2mm 0 1mm; }
.signs { margin-top: 4mm; }
.sign { display: inline-block; vertical-align: top; margin: 0 2mm 2mm 0; border: 0.6pt solid #000; width: 38mm; min-height: 22mm; padding: 1.5mm; font-size: 9.5pt; }
.sign .step { font-weight: bold; }
.sign .name { font-size: 12pt; margin-top: 2mm; min-height: 6mm; }
.sign .key { font-size: 6.5pt; word-break: break-all; color: #333; }
.sign .line { border-bottom: 0.6pt solid #000; height: 6mm; margin-top: 1mm; }
footer { margin-top: 5mm; font-size: 8pt; color: #333; }
"""
NUMERIC = {"col.amount", "col.unit_price", "form.estimate", "col.value", "col.accumulated", "col.net"}
WORD_CELLS = ("event.", "finding.")


def _text(key: str, lang: str) -> str:
    return word(key, lang) if key in ROLES else t(key, lang)


def _cell(value: str, lang: str) -> str:
    return t(value, lang) if value.startswith(WORD_CELLS) and known(value) else value


def _lines(form: Form, lang: str) -> str:
    e = html.escape
    cells = [f'<td class="label">{e(_text(k, lang))}</td><td>{e(v)}</td>' for k, v in form.lines]
    if len(cells) % 2:
        cells.append('<td class="label"></td><td></td>')
    rows = "".join(f"<tr>{cells[i]}{cells[i + 1]}</tr>" for i in range(0, len(cells), 2))
    return f"<table>{rows}</table>"


def _grid(grid: Grid, lang: str, said: bool = False) -> str:
    """A table of the form; `said`: its title and columns are words already (the month's report), not keys."""
    e = html.escape
    head = "".join(f"<th>{e(c if said else _text(c, lang))}</th>" for c in grid.columns)
    klass = ["num" if c in NUMERIC else "" for c in grid.columns]
    body = []
    for row in grid.rows or (("",) * len(grid.columns),):
        blank = ' class="blank"' if not any(row) else ""
        tds = "".join(f'<td class="{k}">{e(_cell(v, lang))}</td>' for k, v in zip(klass, row, strict=True))
        body.append(f"<tr{blank}>{tds}</tr>")
    foot = ""
    if grid.total:
        foot = (
            "<tr>"
            + "".join(
                f'<td class="{k}"><b>{e(t(v, lang) if known(v) else v)}</b></td>'
                for k, v in zip(klass, grid.total, strict=True)
            )
            + "</tr>"
        )
    return (
        f"<h2>{e(grid.title if said else t(grid.title, lang))}</h2><table><tr>{head}</tr>{''.join(body)}{foot}</table>"
    )


def _month(form: Form, lang: str) -> list[Grid]:
    """The month's report (月度清结报告) on a close's form: its sections as the form's tables."""
    if form.month is None:
        return []
    from houqin.money import fmt_yuan
    from houqin.render.finance import sections

    def text(cell: object) -> str:
        return fmt_yuan(cell) if isinstance(cell, Decimal) else "" if cell is None else str(cell)

    return [
        Grid(
            s.title,
            s.columns,
            tuple(tuple(text(c) for c in row) for row in s.rows),
            tuple(text(c) for c in s.total) if s.total else (),
        )
        for s in sections(form.month, lang)
        if s.rows
    ]


def _sign(box: SignBox, lang: str) -> str:
    e = html.escape
    if not box.name:
        return (
            f'<div class="sign"><div class="step">{e(_text(box.step, lang))}</div>'
            f'<div class="line"></div><div>{e(t("form.day", lang))}</div><div class="line"></div></div>'
        )
    key = f'<div class="key">{e(t("form.key", lang))} {e(box.key)}</div>' if box.key else ""
    return (
        f'<div class="sign"><div class="step">{e(_text(box.step, lang))}</div>'
        f'<div class="name">{e(box.name)}</div><div>{e(str(box.on or ""))}</div>{key}</div>'
    )


def form_html(form: Form, lang: str) -> str:
    """The form as one A4 page: title, the record's id and QR, its lines and tables, the signatures."""
    import segno

    e = html.escape
    title = t(form.title, lang)
    qr = segno.make(form.code, error="m").svg_inline(border=1, omitsize=True) if form.code else ""
    meta = t("form.meta", lang, id=form.record, code=form.code) if form.record else t("form.blank_meta", lang)
    grids = "".join(_grid(g, lang) for g in form.grids) + "".join(_grid(g, lang, said=True) for g in _month(form, lang))
    signs = "".join(_sign(s, lang) for s in form.signs)
    footer = f"<footer>{e(t('form.verify_hint', lang, code=form.code))}</footer>" if form.code else ""
    return (
        f'<!doctype html><html lang="{"en" if lang == "en" else "zh-CN"}"><head><meta charset="utf-8">'
        f"<title>{e(title)} {e(form.record)}</title><style>{FORM_CSS}</style></head><body>"
        f'<header><div class="qr">{qr}</div><p class="school">{e(form.school)}</p><h1>{e(title)}</h1>'
        f'<p class="meta">{e(meta)}</p></header>'
        f'{_lines(form, lang)}{grids}<div class="signs">{signs}</div>{footer}</body></html>\n'
    )


def write_form(form: Form, lang: str, path: Path) -> None:
    """The form to `path`, PDF when it ends in .pdf, else HTML; nothing is written if it cannot be."""
    from houqin.render.pdf import write_page

    write_page(form_html(form, lang), path)


def print_form_check(check: FormCheck, lang: str, fmt: str) -> None:
    from houqin.render.console import console

    if fmt == "json":
        import json

        doc = {
            "schema": "houqin.verify-form/1",
            "record": check.record,
            "kind": check.kind,
            "paper": check.paper,
            "books": check.books,
            "matches": check.matches,
        }
        console().print_json(json.dumps(doc, ensure_ascii=False))
        return
    if check.matches:
        console().print(t("form.verify.match", lang, id=check.record, fp=check.books))
    else:
        console().print(t("form.verify.differs", lang, id=check.record, paper=check.paper, books=check.books))
