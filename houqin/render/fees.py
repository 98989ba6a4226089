"""The 代办费 settlement's public notice: per class, no student named (多退少补，公示)."""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console
from rich.table import Table

from houqin.i18n import t
from houqin.money import fmt_yuan
from houqin.reports.finance import SettlementNotice


def print_fee_settlement(out: Console, notice: SettlementNotice, lang: str) -> None:
    s = notice.settlement
    table = Table(title=t("title.fee_settlement", lang, item=notice.item, term=s.term), title_justify="left")
    keys = ("fee.class", "fee.students", "fee.collected", "fee.spent", "fee.refund", "fee.top_up", "fee.per_student")
    for key in keys:
        table.add_column(t(key, lang), justify="left" if key == "fee.class" else "right")
    for c in s.classes:
        each = (c.refund - c.top_up) / c.students
        table.add_row(
            c.class_, str(c.students), fmt_yuan(c.collected), fmt_yuan(c.spent), fmt_yuan(c.refund),
            fmt_yuan(c.top_up), f"{each.quantize(Decimal('0.01')):+}",
        )  # fmt: skip
    out.print(table)
