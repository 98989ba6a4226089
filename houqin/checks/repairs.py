"""repairs: 报修单送到后勤处，维修完毕由报修人负责验收签字 — a ticket names an asset or a place, is closed
only with the reporter's acceptance, not before it was opened, and is not left open past the policy's
days (a warning)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from houqin import clock
from houqin.diagnostics import Diagnostic, diag
from houqin.models.config import Policy
from houqin.models.ledger import Ledger
from houqin.models.records import Repair


def check_repairs(ledger: Ledger, policy: Policy, today: dt.date | None = None) -> Iterator[Diagnostic]:
    today = today or clock.today()
    for r in ledger.records(Repair):
        file, line = r.source
        if r.asset is None and r.place is None:
            yield diag("REP003", file, line, record=r.id, id=r.id)
        if r.done is None:
            age = ledger.config.calendar.elapsed(r.date, today)  # national holidays not counted
            if age > policy.repair_open_days:
                yield diag("REP002", file, line, record=r.id, id=r.id, days=age, limit=policy.repair_open_days)
            continue
        if r.done.on < r.date:
            yield diag("REP004", file, line, record=r.id, id=r.id, on=r.done.on, date=r.date)
        accepted = r.approval("acceptor")
        if accepted is None or accepted.by != r.reporter:
            yield diag("REP001", file, line, record=r.id, id=r.id, reporter=r.reporter)
