"""safety: the safety registers (R44) — 消防设施等进行检查: each piece of fire equipment inspected within
the policy's days, none past its expiry; 双人领发: laboratory chemicals (the policy's categories) issued
only with a second person's signature beside the keeper's (their stock never negative is the stock
check's); 水、电、气、炉等有专人负责: each utility has a named person on the staff."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from houqin import clock
from houqin.diagnostics import Diagnostic, diag
from houqin.i18n import Words
from houqin.layout import CATALOG_FILE
from houqin.models.config import Policy
from houqin.models.ledger import Ledger
from houqin.models.records import FireCheck, StockOut

CO_ISSUER = "co_issuer"  # 双人领发: the second person's step on a stock-out


def last_inspections(ledger: Ledger) -> dict[str, FireCheck]:
    """Each piece of fire equipment's latest inspection."""
    out: dict[str, FireCheck] = {}
    for r in sorted((r for r in ledger.records(FireCheck)), key=lambda r: r.sort_key):
        for item in r.items:
            out[item.equipment] = r
    return out


def check_fire(ledger: Ledger, policy: Policy, today: dt.date | None = None) -> Iterator[Diagnostic]:
    today = today or clock.today()
    known = {e.id for e in ledger.catalog.fire_equipment}
    for r in ledger.records(FireCheck):
        for item in r.items:
            if item.equipment not in known:
                yield diag("SAF003", r.source.file, item.line, record=r.id, id=r.id, equipment=item.equipment)
    last = last_inspections(ledger)
    started = ledger.config.started
    for e in ledger.catalog.fire_equipment:
        if e.expires is not None and e.expires < today:
            yield diag("SAF002", CATALOG_FILE, e.line, record=e.id, id=e.id, place=e.place, expires=e.expires)
        seen = last.get(e.id)
        since = seen.date if seen else started
        if since is not None and (today - since).days > policy.fire_check_days:
            yield diag(
                "SAF001", CATALOG_FILE, e.line, record=e.id, id=e.id, place=e.place, since=since,
                days=(today - since).days, limit=policy.fire_check_days,
            )  # fmt: skip


def check_dual_issue(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    for r in ledger.records(StockOut):
        item = ledger.item_by_id.get(r.item)
        if item is None or item.category not in policy.dual_issue_categories:
            continue
        second = r.approval(CO_ISSUER)
        if second is None or second.by in (r.issued_by, r.receiver):
            yield diag(
                "SAF004", r.source.file, r.source.line, record=r.id, id=r.id, item=item.name, category=item.category,
                issued_by=r.issued_by,
            )  # fmt: skip


UTILITY_NAMES = Words("utility")  # water → 供水 / water (the message catalogue)


def check_utilities(ledger: Ledger, policy: Policy, today: dt.date | None = None) -> Iterator[Diagnostic]:
    today = today or clock.today()
    if not ledger.catalog.utilities:
        return  # a school that does not keep this register in houqin is not told about it at every check
    by_kind = {u.kind: u for u in ledger.catalog.utilities}
    for kind in policy.utilities:
        if kind not in by_kind:
            zh, en = UTILITY_NAMES.get(kind, (kind, kind))
            yield diag("SAF005", CATALOG_FILE, 0, record=kind, kind=kind, kind_zh=zh, kind_en=en)
    for u in ledger.catalog.utilities:
        zh, en = UTILITY_NAMES[u.kind]
        if u.responsible is None:
            yield diag("SAF005", CATALOG_FILE, u.line, record=u.kind, kind=u.kind, kind_zh=zh, kind_en=en)
            continue
        person = ledger.person_by_name.get(u.responsible)
        if person is None or (person.left is not None and person.left <= today):
            yield diag(
                "SAF006", CATALOG_FILE, u.line, record=u.kind, kind=u.kind, kind_zh=zh, kind_en=en, name=u.responsible,
            )  # fmt: skip
