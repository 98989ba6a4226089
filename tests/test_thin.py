"""The use cases and helpers thin commands stand on (issue #14 item 1): the reconciliation run under
the ledger's lock (services/reconcile.py), the selections and report assembly moved out of cli/
(reports.inventory.term_sheets, reports.assets.AssetQuery, reports.office), the one output helper
(render/output.show), the Day option type and the one place that turns findings into exit codes."""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from decimal import Decimal
from pathlib import Path
from typing import Annotated

import pytest
import typer
from typer.testing import CliRunner

from houqin.cli.options import Day, day_option
from houqin.errors import Findings, UnreadableFindings, UsageError
from tests.conftest import BUNDLED, GOOD_ASSET
from tests.test_stocktake import START

TERM = "2025-2026-2"
DAY = dt.date(2026, 7, 6)


def _row(counted: str | None, condition: str = "完好") -> object:
    from houqin.models.counting import CountRow

    amount = None if counted is None else Decimal(counted)
    return CountRow("盘点表.csv", 4, "SY-301", "ZC-2026-0001", "台式电脑", amount, condition, "", "", counted is None)


def _locked(root: Path) -> bool:
    """Whether another holder has the ledger's write lock (.houqin/lock) right now."""
    from houqin.ledger.save import state_dir

    fd = os.open(state_dir(root) / "lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


@pytest.fixture
def counted_ledger(git_ledger: Callable[..., Path]) -> Path:
    return git_ledger({"2026/assets.yaml": GOOD_ASSET, "2026/stocktakes.yaml": START})


def test_reconcile_count_without_a_record_compares_and_shows(counted_ledger: Path) -> None:
    from houqin.services.reconcile import reconcile_count

    seen: list[object] = []
    done = reconcile_count(
        counted_ledger, lambda: [_row("0")], DAY, TERM, shown=lambda ledger, result: seen.append(result)
    )
    assert done.written is None and done.pending is None
    assert seen == [done.result]
    (missing,) = done.result.differences
    assert (missing.kind, missing.id, missing.value) == ("missing", "ZC-2026-0001", Decimal("-4999.00"))


def test_reconcile_count_records_from_the_ledger_it_compared_under_the_lock(counted_ledger: Path) -> None:
    from houqin.models.records import Stocktake
    from houqin.services.reconcile import Recording, reconcile_count

    held: list[bool] = []
    compared: list[object] = []

    def shown(ledger: object, result: object) -> None:
        held.append(_locked(counted_ledger))
        compared.append(ledger)

    assert not _locked(counted_ledger)
    done = reconcile_count(
        counted_ledger,
        lambda: [_row("1")],
        DAY,
        TERM,
        shown=shown,
        recording=Recording("term-end", ("李主任",), commit=False),
    )
    assert held == [True]  # compared while the write lock was held: nobody could write in between
    assert not _locked(counted_ledger)
    assert done.written is not None and isinstance(done.written.record, Stocktake)
    assert done.written.record.counted_by == ("李主任",) and done.result.differences == []
    assert "inventory reconcile PD-2026-" in done.written.message and "(0 differences)" in done.written.message
    assert "PD-2026-" in (counted_ledger / "2026/stocktakes.yaml").read_text(encoding="utf-8").split("PD-2026-0001")[1]


def test_reconcile_count_refuses_to_record_an_uncounted_line_but_shows_it_first(counted_ledger: Path) -> None:
    from houqin.services.reconcile import Recording, reconcile_count

    before = (counted_ledger / "2026/stocktakes.yaml").read_bytes()
    seen: list[object] = []
    with pytest.raises(UsageError) as refused:
        reconcile_count(
            counted_ledger,
            lambda: [_row(None)],
            DAY,
            TERM,
            shown=lambda ledger, result: seen.append(result),
            recording=Recording("term-end", ("李主任",), commit=False),
        )
    assert refused.value.key == "rec.uncounted_refused" and refused.value.params["rows"] == "盘点表.csv:4"
    assert len(seen) == 1  # the count was shown (and its report could be written) before the refusal
    assert (counted_ledger / "2026/stocktakes.yaml").read_bytes() == before


def test_reconcile_count_needs_counters_and_a_known_term(counted_ledger: Path) -> None:
    from houqin.services.reconcile import Recording, reconcile_count

    with pytest.raises(UsageError) as no_one:
        reconcile_count(counted_ledger, lambda: [_row("1")], DAY, TERM, recording=Recording("term-end", ()))
    assert no_one.value.key == "counters_needed"
    with pytest.raises(UsageError) as term:
        reconcile_count(counted_ledger, _never, DAY, "2099-2100-1")  # the sheets are read once the term is known
    assert term.value.key == "unknown_term"
    totals: list[int] = []

    def progress(total: int) -> AbstractContextManager[Callable[[int], None]]:
        totals.append(total)
        return nullcontext(lambda done: None)

    reconcile_count(counted_ledger, lambda: [_row("1"), _row("1")], DAY, TERM, progress=progress)
    assert totals == [2]


def _never() -> list[object]:
    raise AssertionError("the count sheets were read before the term was known")


def test_term_sheets_refuses_an_unknown_place_or_term(ledger_dir: Callable[..., Path]) -> None:
    from houqin.ledger.load import open_ledger
    from houqin.reports.inventory import term_sheets

    ledger = open_ledger(ledger_dir({"2026/assets.yaml": GOOD_ASSET}))
    (sheet,) = term_sheets(ledger, TERM, DAY, ["SY-301"])
    assert (sheet.place, [line.id for line in sheet.lines]) == ("SY-301", ["ZC-2026-0001"])
    with pytest.raises(UsageError) as place:
        term_sheets(ledger, TERM, DAY, ["XX-999"])
    assert (place.value.key, place.value.params) == ("unknown_place", {"place": "XX-999"})
    with pytest.raises(UsageError) as term:
        term_sheets(ledger, "1999-2000-1", DAY)
    assert term.value.key == "unknown_term"


def test_asset_query_selects_the_register_and_says_when_history_is_read() -> None:
    from houqin.ledger.load import open_ledger
    from houqin.reports.assets import AssetFilter, AssetQuery, register, select_assets

    ledger = open_ledger(BUNDLED)
    day = dt.date(2026, 11, 24)
    query = AssetQuery(place="JX-101", only=AssetFilter(min_value=Decimal("5000")))
    reg = select_assets(ledger, day, query)
    everything = select_assets(ledger, day, AssetQuery(place="JX-101"))
    assert reg.rows and all("JX-101" in r.places for r in reg.rows)
    assert {r.id for r in reg.rows} == {"ZC-2019-0002", "ZC-2021-0016"} < {r.id for r in everything.rows}
    assert reg == register(ledger, day, place="JX-101", only=AssetFilter(min_value=Decimal("5000")))
    assert not query.reads_history
    assert AssetQuery(status="disposed").reads_history and AssetQuery(status="all").reads_history


def test_office_reports_meter_list_and_expiring_batches() -> None:
    from houqin.checks.office import readings_by_meter
    from houqin.checks.shop import expiring
    from houqin.ledger.load import open_ledger
    from houqin.reports.office import expiring_batches, meter_list

    ledger = open_ledger(BUNDLED)
    meters = meter_list(ledger)
    assert [m.meter for m in meters] == list(ledger.catalog.meters)
    last = {m: rows[-1] for m, rows in readings_by_meter(ledger).items()}
    assert [m.last for m in meters] == [last.get(m.id) for m in ledger.catalog.meters]
    day = dt.date(2026, 11, 24)
    found = expiring_batches(ledger, day, 3660)
    assert found and [(e.batch, e.left) for e in found] == expiring(ledger, day, 3660)
    assert all(e.expires == e.batch.expires for e in found)


def test_show_gives_each_format_its_way(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from houqin.render.output import show

    told: list[str] = []
    page = {"md": lambda: "# 月报\n"}
    files = {"xlsx": lambda path: path.write_text("xlsx", encoding="utf-8")}

    def text(out: object) -> None:
        told.append("text")

    show("text", "finance report", {"a": 1}, text, pages=page, files=files)
    assert told == ["text"] and capsys.readouterr().out == ""
    show("json", "finance report", {"a": Decimal("1.50")}, text, fields={"month": "2026-10"})
    document = json.loads(capsys.readouterr().out)
    assert document == {"schema": "houqin.finance.report/1", "month": "2026-10", "a": "1.50"}
    show("md", "finance report", None, text, pages=page)
    assert capsys.readouterr().out == "# 月报\n"
    show("md", "finance report", None, text, pages=page, out=tmp_path / "r.md", written="fin.written", lang="en")
    assert (tmp_path / "r.md").read_text(encoding="utf-8") == "# 月报\n"
    assert "r.md" in capsys.readouterr().out
    with pytest.raises(UsageError) as no_out:
        show("xlsx", "finance report", None, text, files=files)
    assert no_out.value.key == "xlsx_needs_out"
    show("xlsx", "finance report", None, text, files=files, out=tmp_path / "r.xlsx")
    assert (tmp_path / "r.xlsx").read_text(encoding="utf-8") == "xlsx"
    with pytest.raises(ValueError):
        show("pdf", "finance report", None, text, files=files, out=tmp_path / "r.pdf")


def test_day_reads_once_with_the_option_named_and_passes_a_day_through() -> None:
    on = Day("--on")
    assert on("2026年11月30日") == dt.date(2026, 11, 30) == on("2026/11/30")
    assert on(dt.date(2026, 1, 2)) == dt.date(2026, 1, 2)
    with pytest.raises(UsageError) as impossible:
        on("2026-02-30")
    assert (impossible.value.key, impossible.value.params["option"]) == ("day_no_such_day", "--on")
    with pytest.raises(UsageError) as garbled:
        Day("--at")("soon")
    assert (garbled.value.key, garbled.value.params["option"]) == ("day_format", "--at")


def test_a_day_option_defaults_to_houqin_today(monkeypatch: pytest.MonkeyPatch) -> None:
    app = typer.Typer()

    @app.command()
    def when(*, day: Annotated[dt.date, day_option("--on", help="the day")]) -> None:
        typer.echo(day.isoformat())

    monkeypatch.setenv("HOUQIN_TODAY", "2027-03-04")
    assert CliRunner().invoke(app, []).output == "2027-03-04\n"
    assert CliRunner().invoke(app, ["--on", "2027.5.6"]).output == "2027-05-06\n"


@pytest.mark.parametrize(("raised", "code"), [(Findings, 1), (UnreadableFindings, 2)])
def test_findings_become_the_exit_code_in_app(raised: type[Findings], code: int) -> None:
    from houqin.cli.app import HouqinGroup

    app = typer.Typer(cls=HouqinGroup)

    @app.callback()
    def root() -> None: ...

    @app.command()
    def answer() -> None:
        typer.echo("shown")
        raise raised

    result = CliRunner().invoke(app, ["answer"])
    assert (result.exit_code, result.output) == (code, "shown\n")


def test_import_sheet_dry_run_plans_shows_and_says_what_fails(git_ledger: Callable[..., Path], tmp_path: Path) -> None:
    from houqin.inputs.sheets import read_sheet
    from houqin.services.importer import ASSETS
    from houqin.services.sheet_import import SheetImport, import_sheet
    from tests import movein_sheets as sheets
    from tests.test_movein import COMPLETE

    path = sheets.write_xlsx(tmp_path / "登记表.xlsx")
    job = SheetImport(ASSETS, read_sheet(path, list(ASSETS.headers)), path.name, {})
    shown: list[object] = []
    done = import_sheet(git_ledger(COMPLETE), job, dry_run=True, shown=shown.append)
    assert done.written is None and done.plan is not None and shown == [done.plan]
    assert len(done.plan.records) == 5 and done.findings is None
    lacking = import_sheet(git_ledger(), job, dry_run=True)  # the people and places the rows name are not there
    assert lacking.plan is not None and lacking.plan.lacking and type(lacking.findings) is Findings


def test_import_sheet_writes_every_row_in_one_commit(git_ledger: Callable[..., Path], tmp_path: Path) -> None:
    from houqin.inputs.sheets import read_sheet
    from houqin.services.importer import ASSETS
    from houqin.services.sheet_import import SheetImport, import_sheet
    from tests import movein_sheets as sheets
    from tests.conftest import git
    from tests.test_movein import COMPLETE

    root = git_ledger(COMPLETE)
    path = sheets.write_xlsx(tmp_path / "登记表.xlsx")
    job = SheetImport(ASSETS, read_sheet(path, list(ASSETS.headers)), path.name, {})
    done = import_sheet(root, job)
    assert done.written is not None and (done.added, done.moved) == (5, 0) and done.findings is None
    assert git(root, "log", "-1", "--format=%s") == "asset import 5 records from 登记表.xlsx\n"


def test_overrides_of_reads_the_map_or_refuses_it() -> None:
    from houqin.services.sheet_import import overrides_of

    assert overrides_of(["原 编号 = note", "数量=quantity"]) == {"原编号": "note", "数量": "quantity"}
    assert overrides_of(None) == {}
    with pytest.raises(UsageError) as bad:
        overrides_of(["原编号"])
    assert bad.value.key == "bad_map"


def test_import_directory_plans_then_writes_or_refuses(git_ledger: Callable[..., Path], tmp_path: Path) -> None:
    from houqin.errors import RefusedError
    from houqin.inputs.sheets import read_sheet
    from houqin.services.directory_import import entries, import_directory, problems
    from houqin.services.people_import import HEADERS
    from tests import movein_sheets as sheets

    root = git_ledger()
    good = read_sheet(sheets.write_staff_xls(tmp_path / "名单.xls"), HEADERS)
    people_before = (root / "people.yaml").read_bytes()
    plan = import_directory(root, good, "people", "名单.xls", dry_run=True)
    assert [p.name for p in entries(plan)[0]] == ["钱老师", "孙会计", "吴保管", "郑师傅"] and not entries(plan)[1]
    assert (root / "people.yaml").read_bytes() == people_before
    rows = [*sheets.STAFF, (6, "冯门卫", "后勤", "门卫队长", "", "")]
    bad = read_sheet(sheets.write_staff_xls(tmp_path / "坏.xls", rows), HEADERS)
    seen: list[object] = []
    with pytest.raises(RefusedError) as refused:
        import_directory(root, bad, "people", "坏.xls", shown=seen.append)
    assert refused.value.exit_code == 2 and len(seen) == 1  # shown, then refused: nothing written
    (problem,) = problems(seen[0], bad)  # type: ignore[arg-type]
    assert (problem.code, problem.line, dict(problem.params)["value"]) == ("IMP001", 8, "门卫队长")  # sheet row 8
    assert (root / "people.yaml").read_bytes() == people_before
    written = import_directory(root, good, "people", "名单.xls")
    assert len(entries(written)[0]) == 4 and "郑师傅" in (root / "people.yaml").read_text(encoding="utf-8")


def test_audit_history_audits_every_commit_since(git_ledger: Callable[..., Path]) -> None:
    from houqin.services.history import audit_history

    root = git_ledger()
    totals: list[int] = []

    def progress(total: int) -> object:
        from contextlib import nullcontext

        totals.append(total)
        return nullcontext(lambda done: None)

    history = audit_history(root, dt.date(2000, 1, 1), progress)  # type: ignore[arg-type]
    assert totals == [len(history.audits)] and history.audits
    assert history.bad == () and history.require_signed is False


def test_term_pack_refuses_an_unknown_term(git_ledger: Callable[..., Path]) -> None:
    from houqin.reports.audit import term_pack

    root = git_ledger()
    pack = term_pack(root, TERM, dt.date(2026, 11, 24))
    assert pack.term.id == TERM
    with pytest.raises(UsageError) as unknown:
        term_pack(root, "1999-2000-1", dt.date(2026, 11, 24))
    assert unknown.value.key == "unknown_term"
