"""记账凭证 of a month as the xlsx a 政府会计制度 package imports: one row per entry line (凭证号, 日期, 摘要,
会计 财务/预算, 科目代码, 科目名称, 借方, 贷方, 单据), and a sheet tying the register to 1601/1602 (and
stock to 1302)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from houqin.render.spreadsheet import neutral, save_workbook
from houqin.reports.vouchers import MonthVouchers

COLUMNS = ("凭证号", "日期", "摘要", "会计", "科目代码", "科目名称", "借方金额", "贷方金额", "单据")
TIE_COLUMNS = (
    "科目代码",
    "科目名称",
    "期初（登记簿）",
    "本月借方",
    "本月贷方",
    "期末（账簿）",
    "期末（登记簿）",
    "相符",
)


def _cell(value: object) -> object:
    if isinstance(value, Decimal):
        return float(value) if value else None
    if isinstance(value, dt.date):
        return value
    return neutral(str(value))


def vouchers_xlsx(mv: MonthVouchers, path: Path) -> None:
    from openpyxl.styles import Font

    from houqin.render.spreadsheet import titled_workbook

    wb, ws = titled_workbook("记账凭证")
    ws.append([f"{mv.school} {mv.month} 记账凭证（政府会计制度，财务会计与预算会计平行记账）"])
    ws.cell(1, 1).font = Font(bold=True, size=13)
    ws.append(list(COLUMNS))
    for v in mv.vouchers:
        for side, lines in (("财务会计", v.financial), ("预算会计", v.budget)):
            for x in lines:
                ws.append(
                    [_cell(c) for c in (v.number, v.date, v.summary, side, x.code, x.name, x.debit, x.credit, v.record)]
                )
                for col in (7, 8):
                    ws.cell(ws.max_row, col).number_format = "#,##0.00"
    for n, width in enumerate((10, 12, 40, 10, 9, 18, 14, 14, 15), start=1):
        ws.column_dimensions[chr(64 + n)].width = width
    ties = wb.create_sheet("登记簿核对")
    ties.append(list(TIE_COLUMNS))
    for t in mv.ties:
        ties.append([t.code, t.name, float(t.opening), float(t.debits), float(t.credits), float(t.books),
                     float(t.register), "相符" if t.ties else "不符"])  # fmt: skip
    save_workbook(wb, path)
