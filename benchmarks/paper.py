"""Paper and the accountant's tools (#17): one form to PDF, the labels of 1,000 units, `houqin find` and
the filtered lists at N records, and a month's vouchers at N records. Each command a separate process
(as a clerk runs it), its wall time: the first run (the caches cold) and the second (warm).

    python benchmarks/paper.py [--records 100000] [--out benchmarks/paper.md]

Run it with PYTHONPATH pointing at the code to measure."""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def generate(n: int, out: Path) -> None:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(n, out)


def lot_ledger(root: Path, units: int) -> Path:
    """The bundled ledger's directory files and one lot of `units` desks."""
    root.mkdir(parents=True)
    for name in ("houqin.yaml", "people.yaml", "places.yaml", "catalog.yaml"):
        (root / name).write_bytes((ROOT / "ledgers" / name).read_bytes())
    (root / "2026").mkdir()
    (root / "2026" / "assets.yaml").write_text(
        textwrap.dedent(f"""\
            - id: ZC-2026-0001
              date: 2026-03-02
              name: 学生课桌椅（单人）
              category: A05010201
              quantity: {units}
              unit: 套
              unit_price: "380.00"
              place: JX-101
              keeper: 陈晓东
              funding: 财政拨款
            """),
        encoding="utf-8",
    )
    return root


def timed(ledger: Path, *args: str) -> float:
    env = {**os.environ, "HOUQIN_TODAY": "2026-11-24", "PYTHONPATH": os.environ.get("PYTHONPATH", str(ROOT))}
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "houqin", "--ledger", str(ledger), *args],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    took = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"houqin {' '.join(args)} failed ({proc.returncode}): {proc.stderr[-800:]}")
    return took


def first_id(root: Path, kind: str) -> str:
    for path in sorted(root.glob(f"20*/{kind}.yaml"), reverse=True):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("- id: "):
                return line[6:]
    raise SystemExit(f"no {kind} in {root}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    rows: list[tuple[str, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)

        def measure(label: str, ledger: Path, *command: str) -> None:
            rows.append((label, timed(ledger, *command), timed(ledger, *command)))
            print(f"{label}: {rows[-1][1]:.2f} s, {rows[-1][2]:.2f} s", flush=True)

        measure(
            "form to PDF (报销单, bundled ledger)",
            ROOT / "ledgers",
            "form",
            "BX-2026-0002",
            "--out",
            str(work / "f.pdf"),
        )
        lots = lot_ledger(work / "lot", args.units)
        measure(
            f"labels of {args.units:,} units to PDF (3x8)",
            lots,
            "asset",
            "label",
            "ZC-2026-0001",
            "--out",
            str(work / "l.pdf"),
        )
        measure(
            f"labels of {args.units:,} units to HTML",
            lots,
            "asset",
            "label",
            "ZC-2026-0001",
            "--out",
            str(work / "l.html"),
        )
        big = work / "big"
        start = time.perf_counter()
        generate(args.records, big)
        print(f"generated {args.records:,} records in {time.perf_counter() - start:.1f} s", flush=True)
        n = f"{args.records:,}"
        claim = first_id(big, "expenses")
        measure(f"form to PDF at {n} records", big, "form", claim, "--out", str(work / "g.pdf"))
        measure(f"find 课桌 at {n} records", big, "find", "课桌", "--format", "json")
        measure(f"find an invoice number at {n} records", big, "find", "0000000000000012", "--format", "json")
        measure(
            f"asset list --name 计算机 --min-value 3000 at {n}",
            big,
            "asset",
            "list",
            "--name",
            "计算机",
            "--min-value",
            "3000",
            "--format",
            "json",
        )
        measure(
            f"expense list --payee 供电 --min-amount 500 at {n}",
            big,
            "expense",
            "list",
            "--payee",
            "供电",
            "--min-amount",
            "500",
            "--format",
            "json",
        )
        measure(
            f"export vouchers --month 2026-10 at {n}",
            big,
            "export",
            "vouchers",
            "--month",
            "2026-10",
            "--out",
            str(work / "v.xlsx"),
        )
        measure(f"due at {n}", big, "due", "--format", "json")
    table = ["| command | first run (cold caches) | second run |", "|---|---:|---:|"]
    table += [f"| {label} | {a:.2f} s | {b:.2f} s |" for label, a, b in rows]
    text = "\n".join(table) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
