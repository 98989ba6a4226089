"""houqin people: the staff list."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from houqin.cli.options import NoCommit
from houqin.cli.state import get_state

if TYPE_CHECKING:
    from houqin.diagnostics import Diagnostic
    from houqin.ledger.store import WriteSession
    from houqin.models.directory import Person, Place
    from houqin.services.people_import import PeoplePlan

app = typer.Typer(help="教职工 / People: import the staff list (教职工名单).", no_args_is_help=True)


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="The staff list: .xlsx, .xls, .ods or .csv.")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show who would be added; write nothing.")] = False,
    no_commit: NoCommit = False,
) -> None:
    """导入教职工名单 / Import the staff list into people.yaml (headers: 姓名, 部门, 职务 in the school's
    words — 校长、总务主任、会计、出纳、保管员、教师 …, 入职日期, 电话). Names people.yaml already holds are
    left as they are; nothing is written unless every row is good.

    Example: houqin people import 教职工名单.xlsx --dry-run
    """
    from houqin.diagnostics import diag
    from houqin.errors import RefusedError
    from houqin.i18n import t, word
    from houqin.inputs.sheets import read_sheet
    from houqin.ledger.load import load_ledger
    from houqin.render.console import console, print_diagnostics
    from houqin.services.people_import import HEADERS, plan_people
    from houqin.services.writes import write_directory

    state = get_state(ctx)
    root = state.root(write=not dry_run)
    table = read_sheet(file, HEADERS)
    out = console()
    added: list[Person] = []

    def show(plan: PeoplePlan) -> list[Diagnostic]:
        sep = "、" if state.lang == "zh" else ", "
        for p in plan.people:
            roles = sep.join(word(r.role, state.lang) for r in p.person.roles)
            out.print(f"  {p.row}: {p.person.name}  {p.person.department or '-'}  {roles}", markup=False)
        out.print(t("people_plan", state.lang, new=len(plan.people), known=len(plan.known), bad=len(plan.bad)))
        return [diag("IMP001", table.path, b.row, row=b.row, kind=b.kind, value=b.value) for b in plan.bad]

    if dry_run:
        plan = plan_people(load_ledger(root, strict=True).ledger, table)
        problems = show(plan)
        print_diagnostics(out, problems, state.lang, None)
        if problems:
            raise typer.Exit(2)
        return

    def build(session: WriteSession) -> tuple[list[Person], list[Place]]:
        plan = plan_people(session.ledger, table)
        problems = show(plan)
        if problems:
            refused = RefusedError("import_refused", problems, file=file.name, bad=len(problems))
            refused.exit_code = 2  # cells that are not what their column says: bad input
            raise refused
        added.extend(p.person for p in plan.people)
        return added, []

    write_directory(root, build, f"people import from {file.name}", commit=not no_commit)
    out.print(t("people_done", state.lang, count=len(added)))
