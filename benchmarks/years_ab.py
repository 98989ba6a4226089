"""Two versions of houqin on closed books, side by side: each timed command of the old code on its ledger,
then the new code's on its own (the same books, closed by each version's `close-year`), each followed by
`hledger check` on the export of those books, interleaved, so that both see the same load of a shared
machine. Used for #19 item 2's carried register (benchmarks/RESULTS.md):

    git archive OLD houqin | tar -x -C /tmp/before
    python benchmarks/years_ab.py --before-code /tmp/before --before data/100k-closed-before/ledger \\
        --after data/100k-closed/ledger --journal data/100k-closed-before/closed.journal

Each ledger is put back to the commit it was at when the run ends."""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import unsigned_claims
from years import PRINCIPAL, Run, _asset_add, _place, git, run

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before-code", type=Path, required=True, help="a tree holding the old houqin package")
    parser.add_argument("--before", type=Path, required=True, help="the ledger the old code closed")
    parser.add_argument("--after", type=Path, required=True, help="the ledger this code closed")
    parser.add_argument("--journal", type=Path, required=True, help="houqin export hledger of the books")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    sides = {
        "before": (args.before_code.resolve(), args.before.resolve()),
        "after": (HERE.parent, args.after.resolve()),
    }
    heads = {name: git(root, "rev-parse", "HEAD") for name, (_code, root) in sides.items()}
    peer = ["hledger", "-f", str(args.journal), "check"]
    times: dict[tuple[str, str], list[Run]] = {}
    peers: dict[tuple[str, str], list[Run]] = {}

    def timed(side: str, name: str, cmd: list[str], prepare: list[str] | None = None) -> None:
        code, _root = sides[side]
        os.environ["PYTHONPATH"] = str(code)
        if prepare is not None:
            run(prepare)
        found = run(cmd)
        if not found.ok:
            raise SystemExit(f"{side}: {name} failed")
        times.setdefault((name, side), []).append(found)
        peers.setdefault((name, side), []).append(run(peer))
        print(f"{side:6} {name}: {found.seconds:.2f} s, {found.cpu:.2f} s CPU, {found.mb:.0f} MB", flush=True)

    houqin = [sys.executable, "-m", "houqin"]
    try:
        for k in range(args.runs):
            for side, (_code, root) in sides.items():
                check = [*houqin, "--ledger", str(root), "check"]
                shutil.rmtree(root / ".houqin" / "cache", ignore_errors=True)
                timed(side, "check, cold (no cache)", check)
                timed(side, "check, warm (nothing changed)", check)
            for side, (_code, root) in sides.items():
                check = [*houqin, "--ledger", str(root), "check"]
                last = max(p.name for p in root.iterdir() if p.name.isdigit())
                place, keeper = _place(root)
                add = _asset_add(root, place, keeper, last)
                add = [*houqin, *add[add.index("--ledger") :]]
                timed(side, "asset add (+ commit and hook), after a check", add, check)
            for side, (_code, root) in sides.items():
                check = [*houqin, "--ledger", str(root), "check"]
                last = max(p.name for p in root.iterdir() if p.name.isdigit())
                claim = unsigned_claims(root)[k]
                sign = [*houqin, "--ledger", str(root), "expense", "sign", claim, "--as", "principal"]
                sign += ["--by", PRINCIPAL, "--on", f"{last}-11-21"]
                timed(side, "expense sign (+ commit and hook), after a check", sign, check)
    finally:
        for name, (_code, root) in sides.items():
            git(root, "reset", "-q", "--hard", heads[name])
    print("\n| command | before: s | CPU s | MB | ÷ hledger (CPU ÷) | after: s | CPU s | MB | ÷ hledger (CPU ÷) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name in dict.fromkeys(n for n, _s in times):
        cells = []
        for side in sides:
            mine, other = times[(name, side)], peers[(name, side)]
            wall, cpu = statistics.median(r.seconds for r in mine), statistics.median(r.cpu for r in mine)
            hw, hc = statistics.median(r.seconds for r in other), statistics.median(r.cpu for r in other)
            mb = max(r.mb for r in mine)
            cells += [f"{wall:.2f}", f"{cpu:.2f}", f"{mb:.0f}", f"{wall / hw:.2f}× ({cpu / hc:.2f}×)"]
        print(f"| {name} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
