"""The books as an hledger journal, a beancount file, a CSV (UTF-8 with BOM, for Excel) and an xlsx; text
that could start a spreadsheet formula is neutralised."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from houqin.render.spreadsheet import csv_bytes, neutral, save_workbook
from houqin.reports.books import Books

CURRENCY = "CNY"


def _quote(text: str) -> str:
    return text.replace('"', "'").replace("\n", " ")


def hledger_journal(b: Books, school: str) -> str:
    out = [f"; {school} — exported by houqin; accounts in ASCII, Chinese names in the account comments", ""]
    out.append(f"commodity 1,000.00 {CURRENCY}")
    for account in sorted(b.names):
        code = f", code:{b.codes[account]}" if account in b.codes else ""  # 科目代码 as an hledger tag
        out.append(f"account {account}  ; {b.names[account]}{code}")
    out.append("")
    for x in b.txns:
        code = f" ({x.code})" if x.code else ""
        desc = f"{x.payee} | {x.narration}" if x.payee else x.narration
        out.append(f"{x.date}{code} {desc.replace(';', '；')}")
        for p in x.postings:
            out.append(f"    {p.account}  {p.amount:.2f} {CURRENCY}")
        out.append("")
    for s in b.assertions:
        # A balance assertion: a zero posting whose balance after it must be the cashier's count.
        out.append(f"{s.date} ({s.code}) 对账")
        out.append(f"    {s.account}  0 {CURRENCY} = {s.amount:.2f} {CURRENCY}")
        out.append("")
    return "\n".join(out)


def beancount_file(b: Books, school: str) -> str:
    out = [f'option "title" "{_quote(school)}"', f'option "operating_currency" "{CURRENCY}"', ""]
    for account in sorted(b.names):
        out.append(f"{b.opened[account]} open {account} {CURRENCY}")
        out.append(f'  name: "{_quote(b.names[account])}"')
        if account in b.codes:
            out.append(f'  code: "{b.codes[account]}"')  # 科目代码 (政府会计制度)
    out.append("")
    for x in b.txns:
        out.append(f'{x.date} * "{_quote(x.payee)}" "{_quote(x.narration)}"')
        if x.code:
            out.append(f'  record: "{x.code}"')
        for p in x.postings:
            out.append(f"  {p.account}  {p.amount:.2f} {CURRENCY}")
        out.append("")
    for s in b.assertions:
        # beancount checks a balance at the start of its day: the count at the end of a day is the next's.
        out.append(f"{s.date + dt.timedelta(days=1)} balance {s.account}  {s.amount:.2f} {CURRENCY}")
    return "\n".join(out) + "\n"


COLUMNS = ("日期 date", "单据 record", "对方 payee", "摘要 narration", "科目 account", "科目名称 name", "金额 amount")


def _rows(b: Books) -> list[list[object]]:
    rows: list[list[object]] = []
    for x in b.txns:
        for p in x.postings:
            rows.append([x.date, x.code, x.payee, x.narration, p.account, b.names.get(p.account, ""), p.amount])
    return rows


def books_csv(b: Books) -> bytes:
    return csv_bytes(COLUMNS, _rows(b))


def books_xlsx(b: Books, school: str, path: Path) -> None:
    from openpyxl.styles import Font

    from houqin.render.spreadsheet import titled_workbook

    wb, ws = titled_workbook("分录 journal")
    ws.append([f"{school} 会计分录"])
    ws.cell(1, 1).font = Font(bold=True, size=13)
    ws.append(list(COLUMNS))
    for row in _rows(b):
        ws.append(
            [float(v) if isinstance(v, Decimal) else v if isinstance(v, dt.date) else neutral(str(v)) for v in row]
        )
        ws.cell(ws.max_row, 7).number_format = "#,##0.00"
    for n, width in enumerate((12, 15, 22, 30, 28, 18, 14), start=1):
        ws.column_dimensions[chr(64 + n)].width = width
    accounts = wb.create_sheet("科目 accounts")
    accounts.append(["科目 account", "名称 name", "科目代码 code"])
    for account in sorted(b.names):
        accounts.append([account, b.names[account], b.codes.get(account, "")])
    save_workbook(wb, path)


def write_books(b: Books, school: str, target: str, path: Path) -> None:
    """The books written to `path` for another tool: xlsx, csv, an hledger journal or a beancount file."""
    from houqin.ledger.save import atomic_write

    if target == "xlsx":
        books_xlsx(b, school, path)
    elif target == "csv":
        atomic_write(path, books_csv(b))
    else:
        text = hledger_journal(b, school) if target == "hledger" else beancount_file(b, school)
        atomic_write(path, text.encode("utf-8"))
