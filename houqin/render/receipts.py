"""The receipt books (收据领用登记) as a table or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict

from rich.console import Console
from rich.table import Table

from houqin.i18n import t
from houqin.render.json_out import document
from houqin.reports.receipts import BookRow


def print_receipt_books(out: Console, rows: Sequence[BookRow], lang: str) -> None:
    if not rows:
        out.print(t("no_receipt_books", lang))
        return
    table = Table(title=t("title.receipts", lang), title_justify="left")
    keys = ("col.id", "col.date", "rec.series", "rec.numbers", "rec.holder", "rec.issued_by", "rec.used", "rec.voided", "rec.next", "rec.left")  # fmt: skip
    for key in keys:
        table.add_column(t(key, lang), justify="right" if key in ("rec.used", "rec.next", "rec.left") else "left")
    for r in rows:
        voided = t("sep.list", lang).join(str(n) for n in r.voided)
        nxt = str(r.next) if r.next is not None else t("rec.used_up", lang)
        numbers = f"{r.first}–{r.last}"
        table.add_row(r.id, r.date, r.series, numbers, r.holder, r.issued_by, str(r.used), voided, nxt, str(r.left))
    out.print(table)


def receipt_books_json(rows: Sequence[BookRow]) -> str:
    doc = document("receipt list", [{**asdict(r), "left": r.left} for r in rows])
    return json.dumps(doc, ensure_ascii=False, indent=2, default=str) + "\n"
