"""A planned import of the directory (people import, place import) as the screen shows it: a line per
new person or place, the count, and every bad row."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from houqin.diagnostics import Diagnostic
from houqin.i18n import t, word
from houqin.render.console import print_diagnostics
from houqin.services.directory_import import DirectoryPlan
from houqin.services.people_import import PeoplePlan


def _lines(plan: DirectoryPlan, lang: str) -> list[str]:
    if isinstance(plan, PeoplePlan):
        sep = t("sep.list", lang)
        return [
            f"  {p.row}: {p.person.name}  {p.person.department or '-'}  {sep.join(word(r.role, lang) for r in p.person.roles)}"
            for p in plan.people
        ]
    return [
        f"  {p.row}: {p.place.id}  {p.place.name}  {t('place.kind.' + p.place.kind, lang)}  {p.place.keeper}"
        for p in plan.places
    ]


def print_directory_plan(
    out: Console, plan: DirectoryPlan, what: str, problems: list[Diagnostic], lang: str, root: Path | None = None
) -> None:
    lines = _lines(plan, lang)
    for line in lines:
        out.print(line, markup=False)
    out.print(t(f"{what}_plan", lang, new=len(lines), known=len(plan.known), bad=len(plan.bad)))
    print_diagnostics(out, problems, lang, root)
