"""The term audit pack (稽核小组每学期稽核审计): everything of a term the audit group reads — the checks,
the closes and whether their digests still hold, the counts, every claim with its signatures and
invoices, advances, damage cases, the budget, who changed what in git, every commit of the term checked as
it stood (houqin check --since), and the audit group's own records of the term. Pure tables; the writer in
houqin.render.audit turns them into files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from houqin.diagnostics import Diagnostic
from houqin.i18n import STATUSES, fill, message, word
from houqin.ledger import git
from houqin.ledger.load import open_ledger
from houqin.models.config import Term
from houqin.models.ledger import Ledger
from houqin.models.records import Audit, CashAdvance, Close, Damage, Reimbursement, Stocktake
from houqin.reports.finance import budget_use
from houqin.services.checking import check_ledger
from houqin.services.history import CommitAudit, audit_since
from houqin.services.keys import key_rows
from houqin.services.stocktake import term_dates

Cell = str | int | float | None


@dataclass(frozen=True)
class Table:
    key: str  # the file's name
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclass
class AuditPack:
    school: str
    term: Term
    until: dt.date
    tables: list[Table] = field(default_factory=list)
    findings: int = 0  # errors and warnings of the checks


def bilingual(key: str, **params: object) -> str:
    """A heading (or a word of a cell) of the pack, which is one bilingual document by design: the
    catalogue's Chinese text, then its English one (msgctxt audit): 检查结果 checks. A space parts them,
    but none after a full-width bracket, which carries its own: 预算执行（截至 2026-07-10）budget."""
    zh = fill(message(key, "zh", "audit"), "zh", params)
    en = fill(message(key, "en", "audit"), "en", params)
    return f"{zh}{'' if zh.endswith('）') else ' '}{en}"


def chinese(key: str, **params: object) -> str:
    """The pack's running text (its title, the index's lines, the audit group's signing line), written
    in Chinese only (msgctxt audit; the English catalogue holds its translation)."""
    return fill(message(key, "zh", "audit"), "zh", params)


def _money(value: object) -> float:
    return float(str(value))


def term_pack(root: Path, term: str, today: dt.date) -> AuditPack:
    """The term's audit pack from the ledger at `root` (every year read: the term may lie in a closed
    one): the checks as they stand and, when the ledger is in git, git's record of who changed what
    over the term and every commit of the term checked as it stood (houqin check --since)."""
    ledger = open_ledger(root, full=True)
    term_dates(ledger, term)  # an unknown term is refused, naming the terms there are
    chosen = next(x for x in ledger.config.terms if x.id == term)
    until = min(chosen.end, today)
    log: Sequence[tuple[str, ...]] = []
    history: Sequence[CommitAudit] = []
    if git.toplevel(root):
        log = git.log_between(root, chosen.start, until)
        commits = git.commits_since(root, chosen.start, until)
        history = audit_since(root, commits, ledger.config.policy.require_signed_commits)
    return audit_pack(ledger, chosen, today, check_ledger(root), log, history)


def audit_pack(
    ledger: Ledger,
    term: Term,
    today: dt.date,
    diagnostics: Sequence[Diagnostic],
    log: Sequence[tuple[str, ...]],
    history: Sequence[CommitAudit] = (),
) -> AuditPack:
    until = min(term.end, today)
    pack = AuditPack(ledger.config.school.name, term, until)

    def within(day: dt.date) -> bool:
        return term.start <= day <= until

    pack.findings = len(diagnostics)
    pack.tables.append(
        Table(
            "checks",
            bilingual("checks"),
            (
                bilingual("severity"),
                bilingual("code"),
                bilingual("file"),
                bilingual("line"),
                bilingual("record"),
                bilingual("message"),
            ),
            tuple((d.severity.value, d.code, d.file, d.line, d.record, d.message("zh")) for d in diagnostics),
        )
    )
    # A close holds unless the close check found its month changed or its digest out of the chain.
    broken = {dict(d.params).get("close") for d in diagnostics if d.code in ("CLS001", "CLS002", "CLS003")}
    broken |= {d.record for d in diagnostics if d.code == "CLS004"}
    rows: list[tuple[Cell, ...]] = []
    for c in sorted((r for r in ledger.records(Close)), key=lambda r: r.sort_key):
        if not c.month <= f"{until:%Y-%m}" or c.month < f"{term.start:%Y-%m}":
            continue
        holds = c.id not in broken
        rows.append(
            (
                c.id,
                c.month,
                str(c.date),
                c.closed_by,
                c.records,
                c.digest,
                c.previous or "",
                bilingual("holds") if holds else bilingual("broken"),
            )
        )
    pack.tables.append(
        Table(
            "closes",
            bilingual("closes"),
            (
                bilingual("id"),
                bilingual("month"),
                bilingual("closed_on"),
                bilingual("closed_by"),
                bilingual("records"),
                bilingual("digest"),
                bilingual("previous"),
                bilingual("verified"),
            ),
            tuple(rows),
        )
    )
    rows = []
    for s in ledger.records(Stocktake):
        if s.term == term.id:
            for adj in s.adjustments:
                rows.append(
                    (
                        s.id,
                        str(s.date),
                        s.at,
                        bilingual("adjustment"),
                        adj.item,
                        "",
                        _money(adj.book),
                        _money(adj.counted),
                        _money(adj.value),
                    )
                )
            for f in s.findings:
                rows.append(
                    (
                        s.id,
                        str(s.date),
                        s.at,
                        f.kind,
                        f.asset or f.name or "",
                        f.place,
                        _money(f.book) if f.book is not None else None,
                        _money(f.counted) if f.counted is not None else None,
                        None,
                    )
                )
            if not s.adjustments and not s.findings:
                rows.append((s.id, str(s.date), s.at, bilingual("agrees"), "", "", None, None, None))
    pack.tables.append(
        Table(
            "stocktakes",
            bilingual("stocktakes"),
            (
                bilingual("count_id"),
                bilingual("date"),
                bilingual("at"),
                bilingual("count_finding"),
                bilingual("item"),
                bilingual("place"),
                bilingual("book"),
                bilingual("counted"),
                bilingual("value"),
            ),
            tuple(rows),
        )
    )
    rows = []
    for e in sorted(
        (r for r in ledger.records(Reimbursement) if within(r.date)),
        key=lambda r: r.sort_key,
    ):
        signed = {a.role: f"{a.by} {a.on}" for a in e.approvals}
        rows.append((
            e.id, str(e.date), e.payee, _money(e.amount), e.budget_line, e.purpose,
            "; ".join(f"{i.key} ({i.date})" for i in e.invoices),
            signed.get("handler", ""), signed.get("witness", ""), signed.get("principal", ""),
            f"{e.payment.on} {e.payment.account} {e.payment.by}" if e.payment else "",
            e.purchase or "", e.advance or "",
        ))  # fmt: skip
    pack.tables.append(
        Table(
            "expenses",
            bilingual("reimbursements"),
            (
                bilingual("id"),
                bilingual("date"),
                bilingual("payee"),
                bilingual("amount"),
                bilingual("budget_line"),
                bilingual("purpose"),
                bilingual("invoices"),
                bilingual("handler"),
                bilingual("witness"),
                bilingual("principal"),
                bilingual("payment"),
                bilingual("purchase"),
                bilingual("advance"),
            ),
            tuple(rows),
        )
    )
    rows = []
    for a in ledger.records(CashAdvance):
        if within(a.date):
            settled = (
                f"{a.settlement.on}: {', '.join(a.settlement.expenses)} + {a.settlement.cash_returned}"
                if a.settlement
                else bilingual("advance_open")
            )
            approved = a.approval("principal")
            rows.append(
                (
                    a.id,
                    str(a.date),
                    a.person,
                    _money(a.amount),
                    a.purpose,
                    f"{approved.by} {approved.on}" if approved else "",
                    f"{a.payment.on}" if a.payment else "",
                    settled,
                )
            )
    pack.tables.append(
        Table(
            "advances",
            bilingual("advances"),
            (
                bilingual("id"),
                bilingual("date"),
                bilingual("borrower"),
                bilingual("amount"),
                bilingual("purpose"),
                bilingual("approved"),
                bilingual("paid"),
                bilingual("advance_settled"),
            ),
            tuple(rows),
        )
    )
    rows = []
    for d in ledger.records(Damage):
        if within(d.date):
            rows.append((
                d.id, str(d.date), d.asset, d.responsible.type, d.responsible.name, d.description,
                _money(d.assessed.amount) if d.assessed else None,
                f"{d.settled.on} {word(d.settled.type, 'zh', STATUSES)} {d.settled.type}"
                if d.settled else bilingual("damage_open"),
            ))  # fmt: skip
    pack.tables.append(
        Table(
            "damages",
            bilingual("damages"),
            (
                bilingual("id"),
                bilingual("date"),
                bilingual("asset"),
                bilingual("responsible_type"),
                bilingual("responsible"),
                bilingual("description"),
                bilingual("assessed"),
                bilingual("damage_settled"),
            ),
            tuple(rows),
        )
    )
    pack.tables.append(
        Table(
            "budget",
            bilingual("budget", until=until),
            (
                bilingual("line_id"),
                bilingual("line_name"),
                bilingual("line_budget"),
                bilingual("year_to_date"),
                bilingual("remaining"),
                bilingual("used"),
            ),
            tuple(
                (b.line, b.name, _money(b.limit), _money(b.year_to_date), _money(b.remaining), float(b.used))
                for b in budget_use(ledger, until)
            ),
        )
    )
    pack.tables.append(
        Table(
            "keys",
            bilingual("keys"),
            (
                bilingual("key_person"),
                bilingual("fingerprint"),
                bilingual("key_type"),
                bilingual("added"),
                bilingual("revoked"),
                bilingual("anchor"),
                bilingual("trusted"),
            ),
            tuple(
                (
                    k.person,
                    k.fingerprint,
                    k.type,
                    str(k.added),
                    str(k.revoked) if k.revoked else "",
                    bilingual("anchor") if k.anchor else "",
                    bilingual("yes") if k.trusted else bilingual("no"),
                )
                for k in key_rows(ledger)
            ),
        )
    )
    pack.tables.append(
        Table(
            "git-log",
            bilingual("git_log"),
            (bilingual("commit"), bilingual("author"), bilingual("date"), bilingual("subject"), bilingual("files")),
            tuple(log),
        )
    )
    pack.tables.append(_history(history))
    pack.tables.append(_audits(ledger, term))
    return pack


def _history(history: Sequence[CommitAudit]) -> Table:
    """houqin check --since over the term: each commit that brought errors in (made past the hook, with
    --no-verify) or that policy wanted signed, with what it broke; a last row says how many were checked."""
    rows: list[tuple[Cell, ...]] = []
    for a in history:
        c = a.commit
        if a.unsigned:
            rows.append((c.sha[:10], c.author, c.date, c.subject, "", "", bilingual("unsigned", signature=c.signature)))
        for d in a.introduced:
            rows.append((c.sha[:10], c.author, c.date, c.subject, d.code, d.location(), d.message("zh")))
    bad = sum(1 for a in history if not a.clean)
    rows.append(
        (
            "",
            "",
            "",
            bilingual("checked", n=len(history), bad=bad),
            "",
            "",
            "",
        )
    )
    return Table(
        "history",
        bilingual("history"),
        (
            bilingual("commit"),
            bilingual("author"),
            bilingual("date"),
            bilingual("subject"),
            bilingual("code"),
            bilingual("where"),
            bilingual("problem"),
        ),
        tuple(rows),
    )


def _audits(ledger: Ledger, term: Term) -> Table:
    """The audit group's own records of the term: members and their signatures, findings and answers."""
    rows: list[tuple[Cell, ...]] = []
    for r in sorted((x for x in ledger.records(Audit) if x.term == term.id), key=lambda x: x.sort_key):
        signed = "、".join(f"{a.by} {a.on}" for a in r.approvals if a.role == "auditor")
        answers = {a.finding: a for a in r.answers}
        for n, text in enumerate(r.findings or ("",), start=1):
            a = answers.get(n)
            rows.append((
                r.id, str(r.date), "、".join(r.members), signed, r.scope, n if r.findings else None, text,
                f"{a.on} {a.by}：{a.text}" if a else ("" if not r.findings else bilingual("answer_open")),
            ))  # fmt: skip
    return Table(
        "audits",
        bilingual("audits"),
        (
            bilingual("id"),
            bilingual("date"),
            bilingual("members"),
            bilingual("signed"),
            bilingual("scope"),
            bilingual("finding_no"),
            bilingual("finding"),
            bilingual("answer"),
        ),
        tuple(rows),
    )
