"""A vehicle's log as a table or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

from houqin.i18n import t
from houqin.render.json_out import document
from houqin.reports.vehicles import LogRow


def print_vehicle_log(out: Console, vehicle: str, rows: Sequence[LogRow], lang: str) -> None:
    table = Table(title=t("title.vehicle_log", lang, vehicle=vehicle), title_justify="left")
    for key in ("col.id", "col.date", "col.kind", "vehicle.odometer", "vehicle.km", "vehicle.who", "vehicle.detail"):
        table.add_column(t(key, lang), justify="right" if key in ("vehicle.odometer", "vehicle.km") else "left")
    for r in rows:
        table.add_row(
            r.id,
            str(r.date),
            t(f"vehicle.{r.what}", lang),
            f"{r.odometer:f}",
            f"{r.km:f}" if r.km is not None else "",
            r.who,
            r.detail,
        )
    out.print(table)


def log_json(rows: Sequence[LogRow]) -> str:
    return json.dumps(document("vehicle log", [r.as_dict() for r in rows]), ensure_ascii=False, indent=2) + "\n"
