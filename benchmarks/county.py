"""The county at scale (issue #19, item 5): real school ledgers built by `houqin county build`, and a
county of many schools for the bureau's DuckDB queries.

Usage: python benchmarks/county.py [--real 4] [--records 100000] [--schools 200] [--runs 3] [--dir DIR]

1. `--real` ledgers of `--records` records each (benchmarks/generate.py: ten years of 10,000 a year)
   are generated, each with its own school code and invoice numbers, committed, and built with
   `houqin county build` in a child process: the first build (clone, cold check, export), the
   rebuild with nothing changed, and the rebuild after one school commits a change. Time and peak
   memory (max RSS of the child) of each.
2. The county of `--schools` schools is made from those real exports: each further school is a copy
   of one real school's partitions under its own school code, with the invoice numbers rewritten so
   that no invoice is shared by accident (the rest — people, suppliers — stays as generated, the
   same in every school). This is said in benchmarks/RESULTS.md: the 200 schools are not built from
   200 ledgers, only the real ones are.
3. Each section of `houqin county report` is run as one DuckDB query on the county, `--runs` times
   (median, and the first, cold run); the dataset's size on disk; peak memory of the report process.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import generate  # noqa: E402

ENV = {**os.environ, "HOUQIN_TODAY": "2026-11-24", "PYTHONPATH": str(ROOT)}
GIT = ["git", "-c", "user.email=bench@houqin", "-c", "user.name=bench"]


def code_of(i: int) -> str:
    return f"3607{i:06d}"


def make_school(base: Path, i: int, records: int) -> Path:
    root = base / f"school{i:03d}"
    shutil.rmtree(root, ignore_errors=True)
    generate(records, root)
    config = root / "houqin.yaml"
    config.write_text(
        config.read_text("utf-8").replace("  name: 基准测试学校\n", f'  name: 第{i}小学\n  code: "{code_of(i)}"\n'),
        "utf-8",
    )
    for path in root.glob("*/expenses.yaml"):
        text = re.sub(r'number: "(\d\d)44000', lambda m: f'number: "{m[1]}44{i:03d}', path.read_text("utf-8"))
        path.write_text(text, "utf-8")
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    subprocess.run([*GIT, "commit", "-q", "--no-verify", "-m", "ledger"], cwd=root, check=True)
    return root


def timed(args: list[str]) -> tuple[float, float, str]:
    """Seconds and peak MB of one child process (resource: the largest child so far, so the caller
    runs each measured command after smaller ones or reads it as an upper bound)."""
    start = time.perf_counter()
    proc = subprocess.run(
        ["/usr/bin/time", "-f", "%M", sys.executable, *args], env=ENV, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - start
    rss_kb = int(proc.stderr.strip().splitlines()[-1])
    return seconds, rss_kb / 1024, proc.stdout


def size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def rewrite_invoices(table: object, i: int) -> object:
    import pyarrow as pa
    import pyarrow.compute as pc

    assert isinstance(table, pa.Table)
    column = table.column("invoices").combine_chunks()
    values = column.values
    names = [f.name for f in values.type]
    number = pc.binary_replace_slice(values.field("number"), start=4, stop=7, replacement=f"{i:03d}")
    fields = [number if n == "number" else values.field(n) for n in names]
    struct = pa.StructArray.from_arrays(fields, fields=list(values.type))
    lists = pa.ListArray.from_arrays(column.offsets, struct)
    return table.set_column(table.schema.get_field_index("invoices"), "invoices", lists)


def synthesize(real_out: Path, county: Path, real: int, schools: int) -> None:
    """The county of `schools` schools from the real schools' partitions (see the module's text)."""
    import pyarrow.parquet as pq

    shutil.rmtree(county, ignore_errors=True)
    manifest = json.loads((real_out / "houqin-dataset.json").read_text("utf-8"))
    parts: dict[str, object] = {}
    rows = []
    for i in range(schools):
        src = code_of(i % real)
        code = code_of(i)
        for rel, entry in manifest["partitions"].items():
            if entry["school"] != src:
                continue
            new = rel.replace(f"school={src}", f"school={code}")
            target = county / new
            target.parent.mkdir(parents=True, exist_ok=True)
            if i < real:
                os.link(real_out / rel, target)
            elif entry["dataset"] == "expenses":
                pq.write_table(rewrite_invoices(pq.read_table(real_out / rel), i), target, compression="zstd")
            else:
                os.link(real_out / rel, target)
            parts[new] = {**entry, "school": code}
        rows.append({"source": f"synthetic {i}", "school": code, "status": "exported", "as_of": "2026-11-24"})
    county.mkdir(parents=True, exist_ok=True)
    (county / "houqin-dataset.json").write_text(
        json.dumps(
            {
                "format": manifest["format"],
                "schema_version": manifest["schema_version"],
                "build": {"as_of": "2026-11-24", "schools": rows},
                "partitions": parts,
            }
        ),
        "utf-8",
    )


def build_phase(base: Path, name: str, sources: list[str], lines: list[str]) -> Path:
    """First build, rebuild with nothing changed, rebuild after one school committed a change."""
    out = base / name
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(base / f".{name}.clones", ignore_errors=True)
    build = ["-m", "houqin", "county", "build", *sources, "--out", str(out)]
    n = len(sources)
    s, mb, _ = timed(build)
    lines.append(f"first build, {n} schools: {s:.1f} s ({s / n:.2f} s a school), peak {mb:.0f} MB")
    s, mb, _ = timed(build)
    lines.append(f"rebuild, nothing changed: {s:.2f} s, peak {mb:.0f} MB")
    changed = Path(sources[0]) / "2026" / "assets.yaml"
    changed.write_text(changed.read_text("utf-8").replace("  funding: 财政拨款\n", "  funding: 自筹资金\n", 1), "utf-8")
    subprocess.run([*GIT, "commit", "-q", "--no-verify", "-am", "one change"], cwd=sources[0], check=True)
    s, mb, _ = timed(build)
    lines.append(f"rebuild after one school changed: {s:.1f} s, peak {mb:.0f} MB")
    manifest = json.loads((out / "houqin-dataset.json").read_text("utf-8"))
    lines.append(f"dataset: {size_mb(out):.1f} MB, {len(manifest['partitions'])} partitions")
    return out


def many_phase(base: Path, many: int, records: int, lines: list[str]) -> None:
    start = time.perf_counter()
    sources = [str(make_school(base / "small", i, records)) for i in range(many)]
    lines.append(f"{many} small ledgers of {records} records generated in {time.perf_counter() - start:.1f} s")
    build_phase(base, "many", sources, lines)


class Lines(list[str]):
    """Each figure printed as soon as it is measured (a long run that fails keeps what it had)."""

    def append(self, line: str) -> None:
        print(line, flush=True)
        super().append(line)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--real", type=int, default=4)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--schools", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/houqin-county-bench"))
    parser.add_argument("--many", type=int, default=0, help="also build this many small real ledgers")
    parser.add_argument("--many-records", type=int, default=1000)
    parser.add_argument("--report-only", action="store_true", help="reuse the county DIR/county of a former run")
    args = parser.parse_args()
    base: Path = args.dir
    base.mkdir(parents=True, exist_ok=True)
    lines = Lines()
    lines.append(f"real schools {args.real} × {args.records} records; county {args.schools} schools")

    county = base / "county"
    if not args.report_only:
        start = time.perf_counter()
        sources = [str(make_school(base / "ledgers", i, args.records)) for i in range(args.real)]
        lines.append(f"generate + commit {args.real} ledgers: {time.perf_counter() - start:.1f} s")
        out = build_phase(base, "real", sources, lines)
        if args.many:
            many_phase(base, args.many, args.many_records, lines)
        county = base / "county"
        start = time.perf_counter()
        synthesize(out, county, args.real, args.schools)
        files = sum(1 for _ in county.rglob("*.parquet"))
        lines.append(
            f"county of {args.schools} schools made in {time.perf_counter() - start:.1f} s: "
            f"{size_mb(county):.0f} MB, {files} files"
        )
    s, mb, _ = timed(
        [
            "-c",
            "import sys; from pathlib import Path; from houqin.reports.county import materialize; "
            "materialize(Path(sys.argv[1]))",
            str(county),
        ]
    )
    lines.append(
        f"county aggregates worked out once (what the build does before its swap): {s:.1f} s, peak {mb:.0f} MB"
    )
    probe = (
        "import sys, json, time\n"
        "from pathlib import Path\n"
        "from houqin.reports.county import SECTIONS, connect, run_query\n"
        "import datetime as dt\n"
        "from decimal import Decimal\n"
        f"runs = {args.runs}\n"
        "params = {'year': 2026, 'as_of': dt.date(2026, 11, 24), 'threshold': Decimal('1000000.00')}\n"
        "t0 = time.perf_counter(); con = connect(Path(sys.argv[1])); opened = time.perf_counter() - t0\n"
        "times = {k: [run_query(con, k, params).seconds for _ in range(runs)] for k in SECTIONS}\n"
        "rows = {k: len(run_query(con, k, params).rows) for k in SECTIONS}\n"
        "raw = connect(Path(sys.argv[1]), kept=False)\n"
        "for k in ('invoices', 'suppliers'):\n"
        "    times[k + ', worked out by the query'] = [run_query(raw, k, params).seconds for _ in range(runs)]\n"
        "    rows[k + ', worked out by the query'] = len(run_query(raw, k, params).rows)\n"
        'n = con.execute("SELECT (SELECT count(*) FROM assets) + (SELECT count(*) FROM expenses) + '
        "(SELECT count(*) FROM stock_in) + (SELECT count(*) FROM stock_out) + (SELECT count(*) FROM loans) + "
        '(SELECT count(*) FROM advances) + (SELECT count(*) FROM purchases)").fetchone()[0]\n'
        "print(json.dumps({'open': opened, 'times': times, 'rows': rows, 'records': n}))\n"
    )
    s, mb, shown = timed(["-c", probe, str(county)])
    data = json.loads(shown.strip().splitlines()[-1])
    lines.append(f"records in the county: {data['records']:,}; opening the views {data['open']:.2f} s")
    lines.append(f"report process: {s:.1f} s in all, peak {mb:.0f} MB")
    for key, runs in data["times"].items():
        lines.append(
            f"  {key}: first {runs[0]:.2f} s, median {statistics.median(runs):.2f} s ({data['rows'][key]} rows)"
        )
    s, mb, _ = timed(["-m", "houqin", "county", "report", "--in", str(county), "--format", "json"])
    lines.append(f"houqin county report --format json, whole command: {s:.1f} s, peak {mb:.0f} MB")


if __name__ == "__main__":
    main()
