"""houqin county report: the bureau's questions of the county's dataset, each one DuckDB query over the
Parquet files (docs/county.md) — what each school reports, side by side, and what no single school can
see: one invoice claimed at two schools, one supplier paid by several schools beyond the procurement
threshold in a year, one person keeping assets at two schools."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from houqin.errors import InputError
from houqin.ledger.parquet import MANIFEST, SCHEMA_VERSION, datasets, manifest_version, read_manifest

# 政府采购 分散采购限额标准 (货物、服务, central budget units): a county sets its own; --threshold.
THRESHOLD = Decimal("1000000.00")
SECTIONS = ("assets", "budget", "unclosed", "loans", "advances", "stocktakes", "invoices", "suppliers", "keepers")


@dataclass(frozen=True)
class Section:
    """One question's answer: the column keys (words in i18n `county.col.*`) and the rows."""

    key: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    seconds: float = 0.0


@dataclass(frozen=True)
class CountyReport:
    path: Path
    as_of: dt.date
    year: int
    threshold: Decimal
    schools: tuple[dict[str, Any], ...]
    sections: tuple[Section, ...] = field(default=())

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)


def connect(path: Path, *, kept: bool = True) -> Any:
    """A DuckDB connection with a view per dataset of the county's folder (an empty one when no school
    has rows of that kind), reading the partitions' school and year from the paths; and a view per
    aggregate of the whole county, read from what the build kept (`kept`) or else worked out."""
    import duckdb

    manifest = read_manifest(path)
    if manifest is None:
        raise InputError("county_no_dataset", path=str(path))
    version = manifest_version(manifest)
    if version != SCHEMA_VERSION:
        raise InputError("county_old_schema", path=str(path), found=version, want=SCHEMA_VERSION)
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    con.execute("SET parquet_metadata_cache = true")  # the sections read the same files' footers again
    for name, (by_year, schema) in datasets().items():
        files = path / name
        glob = f"{files}/*/*/*.parquet" if by_year else f"{files}/*/*.parquet"
        view = name.replace("-", "_")
        if any(files.glob("*/*/*.parquet" if by_year else "*/*.parquet")):
            types = "{'school': 'VARCHAR', 'year': 'INTEGER'}" if by_year else "{'school': 'VARCHAR'}"
            quoted = glob.replace("'", "''")
            con.execute(
                f"CREATE VIEW {view} AS SELECT * FROM read_parquet('{quoted}', hive_partitioning = true, "
                f"hive_types = {types})"
            )
        else:
            import pyarrow as pa

            cols = [pa.field("school", pa.string()), *([pa.field("year", pa.int32())] if by_year else []), *schema]
            empty = pa.schema(cols).empty_table()
            con.register(f"{view}_empty", empty)
            con.execute(f"CREATE VIEW {view} AS SELECT * FROM {view}_empty")
    as_of = _as_of(manifest)
    for name, sql in AGGREGATES.items():
        file = path / KEPT / f"{name}.parquet"
        if kept and file.is_file():
            quoted = str(file).replace("'", "''")
            con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{quoted}')")
        else:
            con.execute(f"CREATE VIEW {name} AS {sql.replace('$as_of', f'DATE {as_of.isoformat()!r}')}")
    return con


def _as_of(manifest: dict[str, Any]) -> dt.date:
    """The day of the build (or of a school's latest export, for one school's own dataset)."""
    build = manifest.get("build")
    if isinstance(build, dict) and isinstance(build.get("as_of"), str):
        return dt.date.fromisoformat(build["as_of"])
    schools = manifest.get("schools")
    days = [dt.date.fromisoformat(s["as_of"]) for s in schools.values()] if isinstance(schools, dict) else []
    return max(days, default=dt.date.min)


Q_ASSETS = """
SELECT school, category, any_value(category_name), sum(quantity), sum(cost), sum(accumulated), sum(net)
FROM asset_values WHERE year = $year
GROUP BY school, category ORDER BY school, category"""

Q_BUDGET = """
WITH spent AS (
  SELECT school, budget_line AS line, sum(amount) AS spent FROM expenses
  WHERE year = $year AND date <= $as_of GROUP BY ALL)
SELECT b.school, b.line, b.name, b."limit", coalesce(s.spent, 0.00) AS spent,
       b."limit" - coalesce(s.spent, 0.00),
       CASE WHEN b."limit" > 0 THEN round(coalesce(s.spent, 0) * 100 / b."limit", 1)::DECIMAL(8, 1) END
FROM budget b LEFT JOIN spent s USING (school, line)
WHERE b.year = $year ORDER BY b.school, b.line"""

Q_UNCLOSED = """
SELECT school, json_extract_string(params, '$.month') AS month FROM findings
WHERE code = 'CLS006' ORDER BY school, month"""

Q_LOANS = """
SELECT school, id, asset, borrower, due, date_diff('day', due, $as_of) AS days FROM loans
WHERE date <= $as_of AND (returned IS NULL OR returned.on > $as_of) AND due < $as_of
ORDER BY school, id"""

Q_ADVANCES = """
SELECT a.school, a.id, a.person, a.amount, a.payment.on, date_diff('day', a.payment.on, $as_of) AS days
FROM advances a JOIN schools s USING (school)
WHERE a.payment IS NOT NULL AND a.payment.on <= $as_of AND (a.settlement IS NULL OR a.settlement.on > $as_of)
  AND date_diff('day', a.payment.on, $as_of) > s.advance_settle_days
ORDER BY a.school, a.id"""

Q_STOCKTAKES = """
SELECT school, json_extract_string(params, '$.term') AS term,
       CASE code WHEN 'PD001' THEN 'term-end' ELSE 'term-start' END AS count_at
FROM findings WHERE code IN ('PD001', 'PD002') ORDER BY school, term, count_at"""

# Claims only (报销): an asset card or a shop batch names the invoice its claim reimbursed, so the same
# number there is no second claim. Within a school an invoice is claimed once (INV002 refuses the
# ledger otherwise), so one invoice seen twice is seen at two schools; candidates are found by the
# keys' hashes (cheap to group), then confirmed on the keys themselves.
A_SHARED_INVOICES = """
WITH claimed AS (
  SELECT school, id, unnest(list_transform(invoices,
         lambda x: CASE WHEN x.code IS NULL THEN x.number ELSE x.code || '-' || x.number END)) AS invoice
  FROM expenses),
twice AS (SELECT hash(invoice) AS h FROM claimed GROUP BY h HAVING count(*) > 1),
seen AS (SELECT * FROM claimed WHERE hash(invoice) IN (SELECT h FROM twice))
SELECT invoice, string_agg(DISTINCT school, ', ' ORDER BY school) AS schools,
       string_agg(school || ':' || id, ', ' ORDER BY school, id) AS records
FROM seen GROUP BY invoice HAVING count(DISTINCT school) > 1"""

# What each school paid each payee in each year (by the payment's day, up to the build's).
A_PAID = """
SELECT payee, year(payment.on) AS paid_year, school, sum(amount) AS amount FROM expenses
WHERE payment IS NOT NULL AND payment.on <= $as_of GROUP BY ALL"""

# The aggregates of the whole county: each a view, worked out by the build once (materialize) on the
# new dataset before it is swapped in and read back from `_county/`, or worked out by the query when
# the dataset has none (one school's own export). They read every claim of every school: the work
# that takes seconds at county scale.
AGGREGATES = {"shared_invoices": A_SHARED_INVOICES, "paid": A_PAID}
KEPT = "_county"

Q_INVOICES = "SELECT invoice, schools, records FROM shared_invoices ORDER BY invoice"

Q_SUPPLIERS = """
SELECT payee, paid_year, count(*), sum(amount), string_agg(school || ' ' || amount::VARCHAR, ', ' ORDER BY school)
FROM paid GROUP BY payee, paid_year HAVING count(*) > 1 AND sum(amount) > $threshold
ORDER BY paid_year, payee"""

Q_KEEPERS = """
WITH kept AS (
  SELECT DISTINCT school, unnest(keepers) AS person FROM asset_values WHERE year = $year)
SELECT person, count(*), string_agg(school, ', ' ORDER BY school)
FROM kept GROUP BY person HAVING count(*) > 1 ORDER BY person"""

QUERIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "assets": (Q_ASSETS, ("school", "category", "category_name", "quantity", "cost", "accumulated", "net")),
    "budget": (Q_BUDGET, ("school", "line", "line_name", "limit", "spent", "remaining", "used")),
    "unclosed": (Q_UNCLOSED, ("school", "month")),
    "loans": (Q_LOANS, ("school", "id", "asset", "borrower", "due", "days")),
    "advances": (Q_ADVANCES, ("school", "id", "person", "amount", "paid", "days")),
    "stocktakes": (Q_STOCKTAKES, ("school", "term", "at")),
    "invoices": (Q_INVOICES, ("invoice", "schools", "records")),
    "suppliers": (Q_SUPPLIERS, ("payee", "year", "school_count", "amount", "by_school")),
    "keepers": (Q_KEEPERS, ("person", "school_count", "schools")),
}


def materialize(path: Path) -> None:
    """Work out the county's aggregates once, into `_county/` of the dataset at `path` (the build gives
    it its new tree before the swap)."""
    con = connect(path, kept=False)
    (path / KEPT).mkdir(exist_ok=True)
    for name in AGGREGATES:
        quoted = str(path / KEPT / f"{name}.parquet").replace("'", "''")
        con.execute(f"COPY (SELECT * FROM {name}) TO '{quoted}' (FORMAT parquet)")
    con.close()


def run_query(con: Any, key: str, params: dict[str, Any]) -> Section:
    sql, columns = QUERIES[key]
    used = {k: v for k, v in params.items() if f"${k}" in sql}
    start = time.perf_counter()
    rows = con.execute(sql, used).fetchall()
    return Section(key, columns, tuple(tuple(r) for r in rows), time.perf_counter() - start)


def county_report(
    path: Path,
    *,
    year: int | None = None,
    threshold: Decimal = THRESHOLD,
    only: Sequence[str] = SECTIONS,
) -> CountyReport:
    """Every section (or those named) of the county's report, as of the day of the build."""
    con = connect(path)
    manifest = read_manifest(path) or {}
    as_of = _as_of(manifest)
    if as_of == dt.date.min:
        raise InputError("county_no_dataset", path=str(path / MANIFEST))
    build = manifest.get("build")
    if isinstance(build, dict):
        schools = tuple(s for s in build.get("schools", ()) if isinstance(s, dict))
    else:  # one school's own export (houqin export parquet)
        schools = tuple({"school": k, **v, "status": "exported"} for k, v in manifest.get("schools", {}).items())
    year = year or as_of.year
    params = {"year": year, "as_of": as_of, "threshold": threshold}
    sections = tuple(run_query(con, key, params) for key in only)
    con.close()
    return CountyReport(path, as_of, year, threshold, schools, sections)
