"""food-safety: 食堂食品安全 (R42) — food accepted with the supplier's licence (索证) and each batch's
certificate (索票); a sample of every dish of every meal, of at least the policy's grams, kept at least the
policy's hours (留样, 125 g and 48 h); a school leader eats with the students at every meal (陪餐); the
canteen staff on duty hold a valid health certificate (健康证) that day; and, once a school keeps its
meals in houqin, each working day of a term has each of its meals on record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from houqin import clock
from houqin.diagnostics import Diagnostic, diag
from houqin.i18n import Words
from houqin.layout import CONFIG_FILE
from houqin.models.config import Policy
from houqin.models.identifiers import credit_code_ok
from houqin.models.ledger import Ledger
from houqin.models.records import FoodReceipt, HealthCertificate, Meal

MEAL_NAMES = Words("meal")  # breakfast → 早餐 / breakfast (the message catalogue)


def licence_ok(text: str) -> bool:
    """食品经营许可证 JY + 14 digits, or the supplier's 统一社会信用代码 (营业执照)."""
    t = text.strip().upper()
    return (len(t) == 16 and t.startswith("JY") and t[2:].isdigit()) or credit_code_ok(t)


def check_receipts(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    for r in ledger.records(FoodReceipt):
        if r.licence is None or not licence_ok(r.licence):
            yield diag(
                "FOOD001",
                r.source.file,
                r.source.line,
                record=r.id,
                id=r.id,
                supplier=r.supplier,
                licence=r.licence or "—",
            )
        for line in r.lines:
            if line.certificate is None:
                yield diag("FOOD002", r.source.file, line.line, record=r.id, id=r.id, name=line.name)


def kept_hours(m: Meal) -> float | None:
    if m.discarded is None:
        return None
    start = dt.datetime.combine(m.date, dt.time.fromisoformat(m.sampled_at))
    end = dt.datetime.combine(m.discarded.on, dt.time.fromisoformat(m.discarded.at))
    return (end - start).total_seconds() / 3600


def valid_certificate(certs: list[HealthCertificate], day: dt.date) -> bool:
    return any(c.date <= day <= c.until for c in certs)


def check_meals(ledger: Ledger, policy: Policy, today: dt.date | None = None) -> Iterator[Diagnostic]:
    today = today or clock.today()
    meals = [m for m in ledger.records(Meal)]
    certs: dict[str, list[HealthCertificate]] = {}
    for c in ledger.records(HealthCertificate):
        certs.setdefault(c.person, []).append(c)
    for m in meals:
        file = m.source.file
        zh, en = MEAL_NAMES[m.meal]
        for s in m.samples:
            if s.grams < policy.sample_grams:
                yield diag(
                    "FOOD003", file, s.line, record=m.id, id=m.id, dish=s.dish, grams=s.grams, least=policy.sample_grams
                )
        hours = kept_hours(m)
        if hours is not None and hours < policy.sample_hours:
            yield diag(
                "FOOD004", file, m.source.line, record=m.id, id=m.id, hours=f"{hours:.1f}", least=policy.sample_hours,
            )  # fmt: skip
        if not any(any(ledger.holds(p, role, m.date) for role in policy.meal_companions) for p in m.accompanied_by):
            yield diag("FOOD005", file, m.source.line, record=m.id, id=m.id, date=m.date, meal=zh, meal_en=en)
        for person in m.staff:
            if not valid_certificate(certs.get(person, []), m.date):
                yield diag("FOOD006", file, m.source.line, record=m.id, id=m.id, person=person, date=m.date)
    yield from _missing_meals(ledger, policy, meals, today)


def _missing_meals(ledger: Ledger, policy: Policy, meals: list[Meal], today: dt.date) -> Iterator[Diagnostic]:
    if not meals:
        return  # a school without a canteen, or not keeping its meals in houqin, is not told every day
    had = {(m.date, m.meal) for m in meals}
    first = min(m.date for m in meals)
    cal = ledger.config.calendar
    for term in ledger.config.terms:
        start, end = max(term.start, first), min(term.end, today - dt.timedelta(days=1))
        if start > end:
            continue
        for meal in policy.canteen_meals:
            missed = [d for d in cal.working_days(start, end) if (d, meal) not in had]
            if missed:
                zh, en = MEAL_NAMES.get(meal, (meal, meal))
                yield diag(
                    "FOOD007", CONFIG_FILE, 0, record=term.id, term=term.id, meal=zh, meal_en=en, days=len(missed),
                    first=missed[0],
                )  # fmt: skip
