"""houqin export parquet and houqin county build|report (issue #19, items 3-5): five schools rolled up,
the county's figures checked one by one against each school's own reports; the dataset read through
DuckDB SQL alone and through pyarrow.dataset; refused schools, a duplicate school code, an old schema
version and unreachable sources; partitions rewritten only when they change."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import shutil
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.dataset as ds
import pytest
from typer.testing import CliRunner

from houqin.cli.app import app
from houqin.ledger.load import open_ledger
from houqin.ledger.parquet import MANIFEST, schema_text
from houqin.models.records import Asset, Reimbursement
from houqin.reports.assets import overdue_loans, register
from houqin.reports.county import KEPT, connect, county_report, materialize, run_query
from houqin.reports.finance import budget_use
from houqin.services.checking import check_ledger
from houqin.services.county import build_county
from houqin.services.dataset import export_parquet
from tests.conftest import BUNDLED, ROOT, git

TODAY = dt.date(2027, 3, 1)  # the demo's loan and advance are overdue, months unclosed, a count missing
YEAR_END = dt.date(2026, 12, 31)
CODES = ("3607210001", "3607210002", "3607210003", "3607210004", "3607210005")
runner = CliRunner()


def _generate(n: int, out: Path) -> None:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(n, out)


def commit_all(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "--no-verify", "-m", message)


def make_school(base: Path, index: int, n: int) -> Path:
    """A generated school with its own code and its own invoice numbers, in its own repository."""
    root = base / f"school{index}"
    _generate(n, root)
    config = root / "houqin.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  name: 基准测试学校\n", f'  name: 第{index}小学\n  code: "{CODES[index]}"\n'
        ),
        encoding="utf-8",
    )
    for path in root.glob("*/expenses.yaml"):
        text = re.sub(r'number: "(\d\d)44000', lambda m: f'number: "{m[1]}44{index:03d}', path.read_text("utf-8"))
        path.write_text(text, encoding="utf-8")
    git(root, "init", "-q")
    commit_all(root, "ledger")
    return root


def first_invoice(root: Path) -> str:
    found = re.search(r'number: "(\d{20})"', (root / "2026" / "expenses.yaml").read_text("utf-8"))
    assert found is not None
    return found[1]


@pytest.fixture(scope="module")
def schools(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The bundled demo school and four generated ones (the last over two years, 2025 and 2026);
    school 2 claims one of school 1's invoices."""
    base = tmp_path_factory.mktemp("county")
    demo = base / "school0"
    shutil.copytree(BUNDLED, demo, ignore=shutil.ignore_patterns(".houqin", ".git"))
    git(demo, "init", "-q")
    commit_all(demo, "demo")
    roots = [demo] + [make_school(base, i, n) for i, n in ((1, 500), (2, 650), (3, 800), (4, 12000))]
    expenses = roots[2] / "2026" / "expenses.yaml"
    expenses.write_text(
        expenses.read_text("utf-8").replace(first_invoice(roots[2]), first_invoice(roots[1]), 1), encoding="utf-8"
    )
    commit_all(roots[2], "an invoice another school claimed")
    return roots


@pytest.fixture(scope="module")
def county(schools: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bureau") / "county"
    b = build_county([str(s) for s in schools], out, today=TODAY, finish=materialize)
    assert sorted(p.name for p in (out / KEPT).iterdir()) == ["paid.parquet", "shared_invoices.parquet"]
    assert [o.status for o in b.schools] == ["exported"] * 5, [o.as_dict() for o in b.schools]
    return out


def by_school(rows: tuple[tuple[Any, ...], ...]) -> dict[str, list[tuple[Any, ...]]]:
    out: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for row in rows:
        out[row[0]].append(row[1:])
    return out


def own_assets(ledger: Any, day: dt.date) -> dict[str, list[Any]]:
    """What the school's own register (houqin asset list) says on `day`, added up by class."""
    own: dict[str, list[Any]] = {}
    for row in register(ledger, day).rows:
        q, c, a, n = own.get(row.category, [0, Decimal(0), Decimal(0), Decimal(0)])
        own[row.category] = [q + row.quantity, c + row.value.cost, a + row.value.accumulated, n + row.value.net]
    return own


def test_the_asset_and_budget_figures_of_every_year_are_the_schools_own(schools: list[Path], county: Path) -> None:
    """Each year's 资产年报 at its 31 December (the year not yet over: on the build's day) and budget."""
    seen = 0
    for year, day in ((2025, dt.date(2025, 12, 31)), (2026, YEAR_END), (2027, TODAY)):
        r = county_report(county, year=year, only=("assets", "budget"))
        assets, budget = by_school(r.section("assets").rows), by_school(r.section("budget").rows)
        for code, root in zip(CODES, schools, strict=True):
            ledger = open_ledger(root)
            own = own_assets(ledger, day)
            assert {row[0]: list(row[2:]) for row in assets.get(code, [])} == own, (code, year)
            use = sorted((u.line, u.limit, u.year_to_date) for u in budget_use(ledger, day))
            assert [(row[0], row[2], row[3]) for row in budget.get(code, [])] == use, (code, year)
            seen += bool(own)
    assert seen == 2 + 5 + 5  # 2025: the demo (older assets) and the two-year school; 2026 and 2027: all five


def test_the_rollup_matches_each_schools_own_reports_figure_by_figure(schools: list[Path], county: Path) -> None:
    r = county_report(county, year=2026, threshold=Decimal("1000000.00"))
    assert r.as_of == TODAY and r.year == 2026
    assets = by_school(r.section("assets").rows)
    budget = by_school(r.section("budget").rows)
    loans = by_school(r.section("loans").rows)
    advances = by_school(r.section("advances").rows)
    unclosed = by_school(r.section("unclosed").rows)
    stocktakes = by_school(r.section("stocktakes").rows)
    assert set(assets) == set(CODES)
    for code, root in zip(CODES, schools, strict=True):
        ledger = open_ledger(root)
        assert {row[0]: list(row[2:]) for row in assets[code]} == own_assets(ledger, YEAR_END), code
        use = budget_use(ledger, YEAR_END)
        assert [(row[0], row[2], row[3]) for row in budget[code]] == sorted(
            (u.line, u.limit, u.year_to_date) for u in use
        )
        assert [row[0] for row in loans.get(code, [])] == sorted(o.loan.id for o in overdue_loans(ledger, TODAY))
        found = check_ledger(root, today=TODAY)
        assert [row[0] for row in advances.get(code, [])] == sorted(d.record for d in found if d.code == "ADV001")
        assert [row[0] for row in unclosed.get(code, [])] == sorted(
            d.args["month"] for d in found if d.code == "CLS006"
        )
        pd = sorted(
            (d.args["term"], "term-end" if d.code == "PD001" else "term-start")
            for d in found
            if d.code in ("PD001", "PD002")
        )
        assert [tuple(row) for row in stocktakes.get(code, [])] == pd
    # The demo school has something in each of its own sections, so the comparison above is not empty.
    assert loans[CODES[0]] and advances[CODES[0]] and unclosed[CODES[0]] and stocktakes[CODES[0]]


def test_the_cross_school_checks_find_what_no_single_school_sees(schools: list[Path], county: Path) -> None:
    r = county_report(county, year=2026, threshold=Decimal("1000000.00"))
    invoices = r.section("invoices").rows
    params = {"as_of": TODAY, "threshold": Decimal("1000000.00")}
    for key in ("invoices", "suppliers"):  # the queries themselves agree with what the build kept
        assert run_query(connect(county, kept=False), key, params).rows == r.section(key).rows
    assert [(row[0], row[1]) for row in invoices] == [(first_invoice(schools[1]), f"{CODES[1]}, {CODES[2]}")]
    paid: dict[tuple[str, int], dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    kept: dict[str, set[str]] = defaultdict(set)
    for code, root in zip(CODES, schools, strict=True):
        ledger = open_ledger(root)
        for e in ledger.records(Reimbursement):
            pay = getattr(e, "payment", None)
            if pay is not None and pay.on <= TODAY:
                paid[(e.payee, pay.on.year)][code] += e.amount  # type: ignore[attr-defined]
        for row in register(ledger, YEAR_END).rows:
            for keeper in row.keepers:
                kept[keeper].add(code)
    expected = sorted(
        (payee, year, len(v), sum(v.values()))
        for (payee, year), v in paid.items()
        if len(v) > 1 and sum(v.values()) > Decimal("1000000.00")
    )
    assert expected and [tuple(row[:4]) for row in r.section("suppliers").rows] == sorted(
        expected, key=lambda x: (x[1], x[0])
    )
    keepers = {row[0]: row[2] for row in r.section("keepers").rows}
    assert keepers == {k: ", ".join(sorted(v)) for k, v in kept.items() if len(v) > 1}
    higher = county_report(county, threshold=Decimal("900000000.00"))
    assert higher.section("suppliers").rows == ()


def test_the_dataset_reads_through_duckdb_sql_alone_and_through_pyarrow_dataset(
    schools: list[Path], county: Path
) -> None:
    counts = {code: len(open_ledger(root).records(Reimbursement)) for code, root in zip(CODES, schools, strict=True)}
    con = duckdb.connect()
    glob = f"{county}/expenses/*/*/*.parquet"
    rows = con.execute(
        f"SELECT school, count(*), typeof(any_value(amount)), typeof(any_value(date)) "
        f"FROM read_parquet('{glob}', hive_partitioning = true, hive_types = {{'school': 'VARCHAR'}}) "
        "GROUP BY school ORDER BY school"
    ).fetchall()
    assert rows == [(code, counts[code], "DECIMAL(18,2)", "DATE") for code in CODES]
    commits = con.execute(f"SELECT DISTINCT commit FROM read_parquet('{glob}')").fetchall()
    heads = {git(root, "rev-parse", "HEAD").strip() for root in schools}
    assert {c for (c,) in commits} == heads
    part = ds.partitioning(pa.schema([("school", pa.string()), ("year", pa.int32())]), flavor="hive")
    assets = ds.dataset(county / "assets", format="parquet", partitioning=part)
    assert assets.schema.field("unit_price").type == pa.decimal128(18, 2)
    assert assets.schema.field("date").type == pa.date32()
    table = assets.to_table(filter=ds.field("school") == CODES[1], columns=["id", "year", "unit_price"])
    ledger = open_ledger(schools[1])
    assert sorted(table.column("id").to_pylist()) == sorted(a.id for a in ledger.records(Asset))
    assert sum(table.column("unit_price").to_pylist()) == sum(a.unit_price for a in ledger.records(Asset))  # type: ignore[attr-defined]


def test_the_schema_is_the_one_docs_county_md_lists() -> None:
    doc = (ROOT / "docs" / "county.md").read_text("utf-8")
    block = doc.split("<!-- schema -->\n```text\n", 1)[1].split("```", 1)[0]
    assert block == schema_text(), "the Parquet schema changed: raise SCHEMA_VERSION and update docs/county.md"


def test_a_rebuild_reads_only_the_school_whose_commit_moved(schools: list[Path], tmp_path: Path) -> None:
    sources = [str(s) for s in schools[1:3]]
    out = tmp_path / "county"
    build_county(sources, out, today=TODAY, finish=materialize)
    kept = {p.name: p.stat().st_ino for p in (out / KEPT).iterdir()}
    again = build_county(sources, out, today=TODAY, finish=materialize)
    assert [o.status for o in again.schools] == ["unchanged", "unchanged"] and again.written == 0
    assert {p.name: p.stat().st_ino for p in (out / KEPT).iterdir()} == kept  # nothing changed: kept as worked out
    build_county(sources, out, today=TODAY + dt.timedelta(days=1), finish=materialize)
    assert all(p.stat().st_ino != kept[p.name] for p in (out / KEPT).iterdir())  # another day: worked out again
    kept = {p.name: p.stat().st_ino for p in (out / KEPT).iterdir()}
    work = tmp_path / "work"
    git(tmp_path, "clone", "-q", str(schools[1]), str(work))
    assets = work / "2026" / "assets.yaml"
    assets.write_text(assets.read_text("utf-8").replace("  funding: 财政拨款\n", "  funding: 自筹资金\n", 1), "utf-8")
    commit_all(work, "funding corrected")
    before = {p: p.stat().st_ino for p in out.rglob("*.parquet")}
    moved = build_county([str(work), sources[1]], out, today=TODAY + dt.timedelta(days=1), finish=materialize)
    assert [o.status for o in moved.schools] == ["exported", "unchanged"]
    assert all(p.stat().st_ino != kept[p.name] for p in (out / KEPT).iterdir())
    manifest = json.loads((out / MANIFEST).read_text("utf-8"))
    written = [rel for rel in manifest["partitions"] if (out / rel).stat().st_ino not in before.values()]
    assert written and all(f"school={CODES[1]}" in rel for rel in written)
    assert f"assets/school={CODES[1]}/year=2026/part-0.parquet" in written
    assert not any(rel.startswith("expenses/") for rel in written)  # unchanged partitions were not rewritten


def test_refused_schools_are_named_and_the_rest_accepted(schools: list[Path], tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    git(tmp_path, "clone", "-q", str(schools[3]), str(bad))
    assets = bad / "2026" / "assets.yaml"
    text = assets.read_text("utf-8")
    assets.write_text(text + text.split("\n- ", 1)[0] + "\n", "utf-8")  # the first asset twice: a duplicate id
    commit_all(bad, "a broken ledger")
    twin = tmp_path / "twin"
    git(tmp_path, "clone", "-q", str(schools[4]), str(twin))
    out = tmp_path / "county"
    sources = [
        str(schools[1]),
        str(bad),
        str(schools[4]),
        str(twin),
        str(tmp_path / "nowhere"),
        f"file://{tmp_path}/gone.git",
    ]
    code, shown = invoke("county", "build", *sources, "--out", str(out), "--format", "json")
    assert code == 1
    result = {r["source"]: r for r in json.loads(shown)["schools"]}
    assert result[str(schools[1])]["status"] == "exported"
    assert result[str(bad)]["reason"] == "county.reason.check_errors"
    assert result[str(schools[4])]["reason"] == result[str(twin)]["reason"] == "county.reason.duplicate"
    assert str(twin) in result[str(schools[4])]["reason_text"]
    assert result[str(tmp_path / "nowhere")]["reason"] == "county.reason.no_such_path"
    assert result[f"file://{tmp_path}/gone.git"]["reason"] == "county.reason.unreachable"
    manifest = json.loads((out / MANIFEST).read_text("utf-8"))
    assert {e["school"] for e in manifest["partitions"].values()} == {CODES[1]}
    code, text_out = invoke("--lang", "en", "county", "build", *sources, "--out", str(out))
    assert code == 1 and "Traceback" not in text_out and "no such folder" in text_out and "claimed by" in text_out
    code, text_out = invoke("--lang", "en", "county", "report", "--in", str(out))
    assert code == 0 and "schools: 1" in text_out


def test_an_old_schema_version_is_named_and_a_build_migrates_it(schools: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "county"
    build_county([str(schools[1])], out, today=TODAY)
    manifest = out / MANIFEST
    data = json.loads(manifest.read_text("utf-8"))
    manifest.write_text(json.dumps({**data, "schema_version": 0}), "utf-8")
    code, shown = invoke("--lang", "en", "county", "report", "--in", str(out))
    shown = " ".join(shown.split())
    assert code == 2 and "schema version 0" in shown and "houqin county build" in shown and "Traceback" not in shown
    b = build_county([str(schools[1])], out, today=TODAY)
    assert b.migrated_from == 0 and b.schools[0].status == "exported"
    assert county_report(out).section("assets").rows


def test_report_formats(county: Path, tmp_path: Path) -> None:
    code, shown = invoke("county", "report", "--in", str(county), "--format", "json")
    assert code == 0
    data = json.loads(shown)
    assert data["schema"] == "houqin.county.report/1" and data["as_of"] == "2027-03-01"
    assert set(data["sections"]) >= {"assets", "invoices", "keepers"}
    assert data["sections"]["assets"][0]["cost"].count(".") == 1
    code, shown = invoke("county", "report", "--in", str(county))
    assert code == 0 and "资产年报 2027" in shown and "同一发票在两所以上学校报销" in shown
    for fmt in ("xlsx", "html"):
        target = tmp_path / f"report.{fmt}"
        code, _ = invoke("county", "report", "--in", str(county), "--format", fmt, "--out", str(target))
        assert code == 0 and target.stat().st_size > 1000
    code, shown = invoke("county", "report", "--in", str(county), "--format", "xlsx")
    assert code == 2 and "--out" in shown
    code, shown = invoke("county", "report", "--in", str(tmp_path / "none"))
    assert code == 2 and "houqin county build" in shown


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_export_parquet_rewrites_only_the_partitions_that_changed(schools: list[Path], tmp_path: Path) -> None:
    work = tmp_path / "school"
    git(tmp_path, "clone", "-q", str(schools[1]), str(work))
    out = tmp_path / "dataset"
    code, shown = invoke("--ledger", str(work), "export", "parquet", "--out", str(out))
    assert code == 0, shown
    inodes = {p.relative_to(out): p.stat().st_ino for p in out.rglob("*.parquet")}
    stock = work / "2026" / "stock-out.yaml"
    stock.write_text(stock.read_text("utf-8").replace("  purpose: 教学使用\n", "  purpose: 办公使用\n", 1), "utf-8")
    code, shown = invoke("--ledger", str(work), "export", "parquet", "--out", str(out))
    assert code == 2 and "未提交" in shown
    commit_all(work, "purpose")
    e = export_parquet(work, out)
    assert e.result.written == [f"stock-out/school={CODES[1]}/year=2026/part-0.parquet"]
    after = {p.relative_to(out): p.stat().st_ino for p in out.rglob("*.parquet")}
    assert {k for k in after if after[k] != inodes.get(k)} == {Path(e.result.written[0])}
    commits = duckdb.sql(f"SELECT DISTINCT commit FROM read_parquet('{out}/stock-out/*/*/*.parquet')").fetchall()
    assert commits == [(e.commit,)]


def test_export_parquet_refuses_what_it_cannot_do_cleanly(tmp_path: Path, schools: list[Path]) -> None:
    nocode = tmp_path / "nocode"
    shutil.copytree(BUNDLED, nocode, ignore=shutil.ignore_patterns(".houqin", ".git"))
    config = nocode / "houqin.yaml"
    config.write_text(config.read_text("utf-8").replace('  code: "3607210001"\n', ""), "utf-8")
    git(nocode, "init", "-q")
    commit_all(nocode, "no code")
    code, shown = invoke("--ledger", str(nocode), "export", "parquet", "--out", str(tmp_path / "d"))
    assert code == 2 and "school.code" in shown and not (tmp_path / "d").exists()
    foreign = tmp_path / "photos"
    foreign.mkdir()
    (foreign / "a.jpg").write_bytes(b"x")
    code, shown = invoke("--ledger", str(schools[1]), "export", "parquet", "--out", str(foreign))
    assert code == 2 and sorted(p.name for p in foreign.iterdir()) == ["a.jpg"]


def test_a_failed_write_leaves_the_old_dataset_whole(
    schools: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "county"
    build_county([str(schools[1])], out, today=TODAY)
    before = sorted(str(p.relative_to(out)) for p in out.rglob("*"))
    from houqin.ledger import parquet

    calls = {"n": 0}
    real = parquet._link

    def failing(source: Path, target: Path) -> None:
        calls["n"] += 1
        if calls["n"] > 3:
            raise OSError(28, "No space left on device", str(target))
        real(source, target)

    monkeypatch.setattr(parquet, "_link", failing)
    with pytest.raises(OSError):
        build_county([str(schools[1])], out, today=TODAY, rebuild=True)
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*")) == before
    assert [p.name for p in tmp_path.iterdir() if "houqin-new" in p.name] == []


def test_a_school_whose_closes_do_not_verify_is_refused(schools: list[Path], tmp_path: Path) -> None:
    """A record of a closed month changed after its close (and committed past the hook): the seal no
    longer matches, the school's own check says so, and the county refuses the school."""
    tampered = tmp_path / "tampered"
    git(tmp_path, "clone", "-q", str(schools[0]), str(tampered))
    expenses = tampered / "2026" / "expenses.yaml"
    expenses.write_text(expenses.read_text("utf-8").replace("  purpose: 2月电费\n", "  purpose: 2月水费\n", 1), "utf-8")
    commit_all(tampered, "a sealed claim changed")
    b = build_county([str(tampered), str(schools[1])], tmp_path / "county", today=TODAY)
    refused, accepted = b.schools
    assert (refused.status, refused.reason, accepted.status) == ("refused", "county.reason.check_errors", "exported")
    assert "CLS001" in refused.params["codes"] or "CLS002" in refused.params["codes"]


def test_one_build_of_a_dataset_at_a_time(schools: list[Path], tmp_path: Path) -> None:
    from houqin.errors import InputError
    from houqin.ledger.parquet import dataset_lock

    out = tmp_path / "county"
    with dataset_lock(out), pytest.raises(InputError) as refused:
        build_county([str(schools[1])], out, today=TODAY)
    assert refused.value.key == "dataset_busy" and not out.exists()
    assert build_county([str(schools[1])], out, today=TODAY).schools[0].status == "exported"


def test_the_build_reads_what_the_school_committed_not_its_own_clone(schools: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "county"
    build_county([str(schools[1])], out, today=TODAY)
    (clone,) = (tmp_path / ".county.clones").iterdir()
    assets = clone / "2026" / "assets.yaml"
    assets.write_text(assets.read_text("utf-8").replace("  funding: 财政拨款\n", "  funding: 捐赠\n"), "utf-8")
    build_county([str(schools[1])], out, today=TODAY, rebuild=True)
    funding = duckdb.sql(f"SELECT DISTINCT funding FROM read_parquet('{out}/assets/*/*/*.parquet')").fetchall()
    assert funding == [("财政拨款",)]
