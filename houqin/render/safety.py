"""The safety registers: fire equipment and utilities, as tables or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

from houqin.i18n import t
from houqin.render.json_out import document
from houqin.reports.safety import FireRow, UtilityRow, as_json


def print_fire_register(out: Console, rows: Sequence[FireRow], lang: str) -> None:
    table = Table(title=t("title.fire", lang), title_justify="left")
    for key in ("col.id", "col.kind", "col.place", "fire.last", "fire.due", "fire.expires"):
        table.add_column(t(key, lang))
    for r in rows:
        last = f"{r.last} {t('fire.' + r.result, lang)}" if r.last and r.result else "—"
        due = f"[yellow]{r.due}[/]" if r.overdue else str(r.due or "—")
        expires = f"[red]{r.expires}[/]" if r.expired else str(r.expires or "—")
        table.add_row(r.id, t("fire.kind." + r.kind, lang), r.place, last, due, expires)
    out.print(table)


def print_utilities(out: Console, rows: Sequence[UtilityRow], lang: str) -> None:
    table = Table(title=t("title.utilities", lang), title_justify="left")
    for key in ("col.kind", "utility.responsible", "utility.where"):
        table.add_column(t(key, lang))
    for r in rows:
        who = r.responsible or f"[yellow]{t('utility.none', lang)}[/]"
        if r.responsible and not r.on_staff:
            who = f"[yellow]{r.responsible}（{t('utility.gone', lang)}）[/]"
        table.add_row(f"{r.name} {r.kind}" if lang == "zh" else r.kind, who, r.place or "")
    out.print(table)


def rows_json(command: str, rows: Sequence[FireRow] | Sequence[UtilityRow]) -> str:
    doc = document(command, as_json(list(rows)))  # type: ignore[arg-type]
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
