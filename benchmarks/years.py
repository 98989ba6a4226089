"""The year-end close against the same books left open (issue #19 item 1), in one run.

Usage: python benchmarks/years.py [--sizes 100000] [--runs 3]

For each size it takes the generated ledger of bench.py (benchmarks/data/), copies it and closes every year before the last with `houqin finance close-year` (timed once). Then
it times, on the ledger left open and on the closed one, the commands of bench.py (check cold and warm,
asset add and expense sign with their commit and hook, the month's report and close) next to
`hledger check` on the same books, and prints a Markdown table of the seconds, the peak memory and the
ratios to hledger for benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import DATA, HOUQIN, LABELS, Timing, ensure_peers, measure_at, prepare, run

ACCOUNTANT = "孙慧"


def closed_copy(n: int) -> tuple[Path, Timing]:
    """A copy of the generated ledger with the years before the last closed, and the close's timing."""
    source = prepare(n)
    target = DATA / f"{LABELS.get(n, n)}-closed"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source.parent, target, symlinks=True)
    root = target / "ledger"
    last = max(int(p.name) for p in root.iterdir() if p.name.isdigit())
    close = [*HOUQIN, "--ledger", str(root), "finance", "close-year", str(last - 1), "--by", ACCOUNTANT]
    timing = run(close)
    return root, timing


def _ratio(t: Timing, peer: Timing | None) -> str:
    return f"{t.seconds / peer.seconds:.2f}×" if peer else "–"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    peers = ensure_peers()
    for n in (int(x) for x in args.sizes.split(",")):
        open_books = measure_at(prepare(n), n, args.runs, peers)
        root, close = closed_copy(n)
        closed = measure_at(root, n, args.runs, peers)
        hl = open_books.get("hledger check")
        print(
            f"\n### {LABELS.get(n, n)} records: years before the last closed (close-year {close.seconds:.1f} s, "
            f"{close.max_rss_mb:.0f} MB)\n"
        )
        print("| command | open: s | ÷ hledger | MB | closed: s | ÷ hledger | MB |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for name, before in open_books.items():
            after = closed.get(name)
            if after is None or name.startswith(("hledger", "bean")):
                continue
            print(
                f"| {name} | {before.seconds:.2f} | {_ratio(before, hl)} | {before.max_rss_mb:.0f} | "
                f"{after.seconds:.2f} | {_ratio(after, hl)} | {after.max_rss_mb:.0f} |"
            )
        if hl:
            print(f"| hledger check (same books) | {hl.seconds:.2f} | 1× | {hl.max_rss_mb:.0f} | | | |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
