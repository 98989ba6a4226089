"""Printable registers (班级/办公室/功能室登记表) as HTML and xlsx (the QR labels are render/labels.py).
Only this package writes HTML or spreadsheets."""

from __future__ import annotations

import html
from pathlib import Path

from houqin.i18n import t
from houqin.money import fmt_yuan
from houqin.render.spreadsheet import save_workbook
from houqin.reports.assets import AssetRow, Register

PRINT_CSS = """
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; color: #111; }
h1 { font-size: 18px; text-align: center; margin: 0 0 4px; }
p.meta { text-align: center; margin: 0 0 10px; font-size: 12px; color: #444; }
table { border-collapse: collapse; width: 100%; font-size: 12px; }
th, td { border: 1px solid #555; padding: 4px 6px; }
th { background: #eee; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tfoot td { font-weight: bold; }
.sign { margin-top: 28px; display: flex; justify-content: space-between; font-size: 13px; }
@media print { th { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
"""


def status_text(r: AssetRow, lang: str) -> str:
    """在用, 借出 (2 lent), or for a written-off row 报废 CZ-2026-0004 2026-05-10."""
    if r.disposal:
        return t(
            "register.written_off", lang, how=t(f"event.{r.disposal_type}", lang), id=r.disposal, day=r.disposed_on
        )
    return t(f"status.{r.status}", lang) + (f" ({t('lent', lang, n=r.lent)})" if r.lent else "")


def _columns(lang: str, depreciation: bool) -> list[str]:
    keys = ["col.id", "col.name", "col.model", "col.quantity", "col.place", "col.keeper", "col.acquired", "col.value"]
    if depreciation:
        keys += ["col.accumulated", "col.net"]
    return [t(k, lang) for k in [*keys, "col.status"]]


def _cells(reg: Register, lang: str, depreciation: bool) -> list[list[str]]:
    rows = []
    for r in reg.rows:
        cells = [
            r.id,
            r.name,
            r.model,
            f"{r.quantity} {r.unit}",
            "、".join(r.places),
            "、".join(r.keepers),
            str(r.acquired),
            fmt_yuan(r.value.cost),
        ]
        if depreciation:
            cells += [fmt_yuan(r.value.accumulated), fmt_yuan(r.value.net)]
        rows.append([*cells, status_text(r, lang)])
    return rows


def register_title(reg: Register, lang: str) -> str:
    if reg.status == "disposed":
        return t("title.written_off", lang, date=reg.at, where=reg.place or reg.keeper or "")
    if reg.place:
        return t(
            "title.place_register",
            lang,
            place=reg.place,
            name=reg.place_name or "?",
            date=reg.at,
            keeper=reg.place_keeper or "?",
        )
    if reg.keeper:
        return t("title.keeper_register", lang, keeper=reg.keeper, date=reg.at)
    return t("title.register", lang, date=reg.at)


def register_html(reg: Register, school: str, lang: str, depreciation: bool = True) -> str:
    e = html.escape
    head = "".join(f"<th>{e(c)}</th>" for c in _columns(lang, depreciation))
    numeric = {3, 7, 8, 9} if depreciation else {3, 7}
    body = "".join(
        "<tr>"
        + "".join(f'<td class="num">{e(c)}</td>' if i in numeric else f"<td>{e(c)}</td>" for i, c in enumerate(row))
        + "</tr>"
        for row in _cells(reg, lang, depreciation)
    )
    span = len(_columns(lang, depreciation))
    total = f"{t('total', lang)}：{reg.quantity}，{t('col.value', lang)} {fmt_yuan(reg.cost)}"
    if depreciation:
        total += f"，{t('col.net', lang)} {fmt_yuan(reg.net)}"
    sign = e(t("register.sign", lang)).replace("    ", "</span><span>")
    return (
        f'<!doctype html><html lang="{"en" if lang == "en" else "zh-CN"}"><head><meta charset="utf-8">'
        f"<title>{e(register_title(reg, lang))}</title><style>{PRINT_CSS}</style></head><body>"
        f'<h1>{e(school)}</h1><p class="meta">{e(register_title(reg, lang))}</p>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody>"
        f'<tfoot><tr><td colspan="{span}">{e(total)}</td></tr></tfoot></table>'
        f'<div class="sign"><span>{sign}</span></div></body></html>\n'
    )


def register_xlsx(reg: Register, school: str, lang: str, path: Path, depreciation: bool = True) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    from houqin.render.spreadsheet import titled_workbook

    columns = _columns(lang, depreciation)
    wb, ws = titled_workbook((reg.place or reg.keeper or "登记表")[:31])
    ws.append([school])
    ws.append([register_title(reg, lang)])
    for row_index in (1, 2):
        ws.merge_cells(start_row=row_index, start_column=1, end_row=row_index, end_column=len(columns))
        ws.cell(row_index, 1).alignment = Alignment(horizontal="center")
    ws.cell(1, 1).font = Font(bold=True, size=14)
    ws.append(columns)
    thin = Side(style="thin")
    for cell in ws[3]:
        cell.font = Font(bold=True)
        cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
    for r in reg.rows:
        values: list[object] = [
            r.id,
            r.name,
            r.model,
            r.quantity,
            "、".join(r.places),
            "、".join(r.keepers),
            r.acquired,
            float(r.value.cost),
        ]
        if depreciation:
            values += [float(r.value.accumulated), float(r.value.net)]
        ws.append([*values, status_text(r, lang)])
    for row in ws.iter_rows(min_row=4, max_row=ws.max_row):
        for cell in row:
            cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
            if isinstance(cell.value, float):
                cell.number_format = "#,##0.00"
    ws.append(
        [t("total", lang), "", "", reg.quantity, "", "", "", float(reg.cost)]
        + ([float(reg.cost - reg.net), float(reg.net)] if depreciation else [])
    )
    ws.append([])
    ws.append([t("register.sign", lang)])
    for index, width in enumerate([15, 22, 18, 8, 10, 10, 12, 14, 14, 14, 8][: len(columns)], start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.print_title_rows = "3:3"
    save_workbook(wb, path)


def write_register(reg: Register, school: str, lang: str, fmt: str, path: Path) -> None:
    """The printable register written to `path` as `fmt`: xlsx, pdf or html."""
    from houqin.render.pdf import write_html, write_pdf

    if fmt == "xlsx":
        register_xlsx(reg, school, lang, path)
    elif fmt == "pdf":
        write_pdf(register_html(reg, school, lang), path)
    else:
        write_html(register_html(reg, school, lang), path)
