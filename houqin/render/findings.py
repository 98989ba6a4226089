"""The count reports and their findings: a table per stocktake, or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

from houqin.i18n import nt, t
from houqin.models.kinds import KIND_BY_NAME
from houqin.render.json_out import document
from houqin.reports.findings import CountReport


def print_count_reports(out: Console, reports: Sequence[CountReport], lang: str) -> None:
    for r in reports:
        ack = f"{r.acknowledged_by} {r.acknowledged_on}" if r.acknowledged_by else t("findings.not_ack", lang)
        at = r.at_zh if lang == "zh" else r.at
        out.print(t("findings.report", lang, id=r.id, term=r.term, at=at, date=r.date, ack=ack))
        if not r.findings:
            out.print("  " + t("findings.none", lang))
            continue
        table = Table(title_justify="left")
        for key in ("col.id", "col.place", "col.finding", "col.resolution"):
            table.add_column(t(key, lang))
        for f in r.findings:
            if f.resolved_by and f.resolved_kind:
                kind = KIND_BY_NAME[f.resolved_kind]
                done = (
                    f"{f.resolved_by}（{kind.zh}，{f.resolved_on}）"
                    if lang == "zh"
                    else f"{f.resolved_by} ({kind.en}, {f.resolved_on})"
                )
            else:
                done = f"[yellow]{nt('findings.open', r.days, lang, days=r.days)}[/]"
            what = f.kind_zh if lang == "zh" else f.kind
            if f.detail:
                what = f.detail if f.detail.startswith(what) else f"{what}：{f.detail}"
            table.add_row(f.asset, f.place, what, done)
        out.print(table)


def count_reports_json(reports: Sequence[CountReport]) -> str:
    doc = document("inventory findings", [r.as_dict() for r in reports])
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
