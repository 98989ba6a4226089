"""Writes, checks and reports over closed years (issue #19 items 1-2), each against hledger in the same run.

Usage: python benchmarks/years.py [--sizes 100000,1000000] [--runs 3] [--big-runs 1] [--out FILE]

For each size it takes the generated ledger of bench.py (benchmarks/data/) and a copy of it with every
year before the last closed by one `houqin finance close-year` (made once and kept, with the close's
timing, in benchmarks/data/<size>-closed/: the close of 1M records takes a quarter of an hour). On the
closed copy it times `houqin --help`, `houqin check` cold and warm, `houqin asset add` and `houqin expense
sign` with their commit and pre-commit hook (each the first command after a check), the hook's own
program just after a write, the month's report and the month's close, each command as a separate
process with its peak memory (max RSS) and CPU time, and next to each, interleaved, `hledger check` on
`houqin export hledger` of the same books (the generator's own journal is timed once beside it, as a
second reference). It prints a Markdown table per size, the targets of #19 item 2 marked, and the
growth (log-log slope) of each command between the sizes.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import DATA, HOUQIN, LABELS, ensure_peers, prepare, unsigned_claims

ACCOUNTANT, CASHIER, PRINCIPAL = "孙慧", "赵丽", "王建国"
NICE = ["nice", "-n", "5"] if shutil.which("nice") else []


@dataclass
class Run:
    seconds: float
    cpu: float
    mb: float
    ok: bool


def run(cmd: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """One command as its own process (under nice): wall time, CPU of it and its children, peak memory."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [*NICE, *cmd],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "COLUMNS": "120", **(env or {})},
    )
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if code != 0:
        print(f"  ! {' '.join(cmd[:6])}… exited {code}: {err.strip()[:300]}", file=sys.stderr)
    return Run(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, code == 0)


def median(runs: list[Run]) -> Run:
    return Run(
        statistics.median(r.seconds for r in runs),
        statistics.median(r.cpu for r in runs),
        max(r.mb for r in runs),
        all(r.ok for r in runs),
    )


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout.strip()


def closed_copy(n: int) -> tuple[Path, dict[str, float]]:
    """The generated ledger with the years before the last closed, made once and kept."""
    target = DATA / f"{LABELS.get(n, n)}-closed"
    root = target / "ledger"
    record = target / "close-year.json"
    if record.exists() and (root / ".git").exists() and "close-year" in git(root, "log", "-1", "--format=%s"):
        return root, json.loads(record.read_text())
    source = prepare(n)
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source.parent, target, symlinks=True)
    last = max(int(p.name) for p in root.iterdir() if p.name.isdigit())
    print(f"[{LABELS.get(n, n)}] close-year {last - 1} …")
    close = run([*HOUQIN, "--ledger", str(root), "finance", "close-year", str(last - 1), "--by", ACCOUNTANT])
    found = {"seconds": close.seconds, "cpu": close.cpu, "mb": close.mb}
    record.write_text(json.dumps(found))
    return root, found


def measure(root: Path, n: int, runs: int, hledger: list[str]) -> tuple[dict[str, Run], dict[str, Run], dict[str, Run]]:
    """houqin's timings, the hledger check next to each, and the references (export, generator's journal)."""
    label = LABELS.get(n, n)
    base = git(root, "rev-parse", "HEAD")
    last = max(p.name for p in root.iterdir() if p.name.isdigit())
    journal = root.parent / "closed.journal"
    refs: dict[str, Run] = {}
    refs["houqin export hledger (every year)"] = run(
        [*HOUQIN, "--ledger", str(root), "export", "hledger", "--out", str(journal)]
    )
    refs["hledger check, the generator's journal"] = run(
        [*hledger, "-f", str(root.parent / "ledger-peers" / "ledger.journal"), "check"]
    )
    peer = [*hledger, "-f", str(journal), "check"]
    place, keeper = _place(root)
    check = [*HOUQIN, "--ledger", str(root), "check"]
    out: dict[str, list[Run]] = {}
    side: dict[str, list[Run]] = {}

    def pair(name: str, timed: Run) -> None:
        out.setdefault(name, []).append(timed)
        side.setdefault(name, []).append(run(peer))
        print(f"[{label}] {name}: {timed.seconds:.2f} s, {timed.mb:.0f} MB / hledger {side[name][-1].seconds:.2f} s")

    run([*HOUQIN, "--ledger", str(root), "hook", "install"])  # this houqin's hook, not the one the books were made with
    claims = unsigned_claims(root)
    for k in range(runs):
        pair("houqin --help", run([*HOUQIN, "--help"]))
        shutil.rmtree(root / ".houqin" / "cache", ignore_errors=True)
        pair("houqin check, cold (no cache)", run(check))
        pair("houqin check, warm (nothing changed)", run(check))
        run(check)
        pair("houqin asset add (+ git commit and hook), after a check", run(_asset_add(root, place, keeper, last)))
        told = {"HOUQIN_CHECKED_TREE": git(root, "write-tree")}  # what houqin's commit tells its hook
        pair("the pre-commit hook alone, after a houqin write", run([str(root / ".git/hooks/pre-commit")], root, told))
        pair("the hook's Python, answering from the cache (a commit houqin did not make)", run(_hook(root), cwd=root))
        run(check)
        sign = [*HOUQIN, "--ledger", str(root), "expense", "sign", claims[k], "--as", "principal", "--by", PRINCIPAL]
        pair("houqin expense sign (+ git commit and hook), after a check", run([*sign, "--on", f"{last}-11-21"]))
    month = _month_ready(root, last)
    report = [*HOUQIN, "--ledger", str(root), "finance", "report", month, "--format", "json"]
    run(report)
    run(check)  # the books just changed (houqin.yaml): the close, like the writes, comes after a check
    ready = git(root, "rev-parse", "HEAD")
    for _ in range(runs):
        pair("houqin finance report (one month, warm)", run(report))
        close = [*HOUQIN, "--ledger", str(root), "finance", "close", month, "--by", ACCOUNTANT, "--format", "json"]
        pair("houqin finance close (one month, + git commit)", run(close))
        subprocess.run(["git", "reset", "-q", "--hard", ready], cwd=root, check=True)
    subprocess.run(["git", "reset", "-q", "--hard", base], cwd=root, check=True)
    return {k: median(v) for k, v in out.items()}, {k: median(v) for k, v in side.items()}, refs


def _place(root: Path) -> tuple[str, str]:
    text = (root / "places.yaml").read_text(encoding="utf-8")
    return text.split("id: ", 1)[1].split(",", 1)[0], text.split("keeper: ", 1)[1].split("}", 1)[0]


def _asset_add(root: Path, place: str, keeper: str, last: str) -> list[str]:
    return [
        *HOUQIN, "--ledger", str(root), "asset", "add", "--name", "投影仪", "--category", "A02010105",
        "--price", "4200", "--place", place, "--keeper", keeper, "--date", f"{last}-11-20", "--origin", "捐赠",
        "--document", "捐赠协议",
    ]  # fmt: skip


def _hook(root: Path) -> list[str]:
    """The program the installed hook runs, with the same Python (what a commit waits for)."""
    return [sys.executable, "-c", "import sys\nfrom houqin.cli.hook import main\nmain(sys.argv[1])", "."]


def _month_ready(root: Path, year: str) -> str:
    """October of the last year made closable: the books begin that month (no earlier close due) and the
    cashier asserts the balances the report shows."""
    month = f"{year}-10"
    config = root / "houqin.yaml"
    config.write_text(config.read_text(encoding="utf-8") + f"started: {month}-01\n", encoding="utf-8")
    subprocess.run(["git", "commit", "-qam", "bench: books start"], cwd=root, check=True)
    report = [*HOUQIN, "--ledger", str(root), "finance", "report", month, "--format", "json"]
    data = json.loads(subprocess.run(report, capture_output=True, text=True, check=True).stdout)
    closing = {row[0]: row[4] for row in data["sections"]["accounts"]["rows"]}
    for account, name in (("cash", "现金"), ("bank", "银行存款")):
        run(
            [
                *HOUQIN, "--ledger", str(root), "finance", "assert", account, closing[name], "--on", f"{month}-31",
                "--by", CASHIER,
            ]
        )  # fmt: skip
    return month


WRITES = (
    "houqin asset add (+ git commit and hook), after a check",
    "houqin expense sign (+ git commit and hook), after a check",
)
REPORTS = ("houqin finance report (one month, warm)", "houqin finance close (one month, + git commit)")


def target(name: str, n: int, mine: Run, peer: Run, small: dict[str, Run] | None) -> str:
    """The #19 item 2 target of this command at this size, and whether it holds."""
    ratio = mine.seconds / peer.seconds
    if n < 1_000_000 or small is None:
        goals = {
            "houqin check, cold (no cache)": ("≤ 2.5× hledger", ratio <= 2.5),
            "houqin check, warm (nothing changed)": ("≤ 0.1× hledger", ratio <= 0.1),
            "houqin --help": ("≤ 0.1 s", mine.seconds <= 0.1),
            "the pre-commit hook alone, after a houqin write": ("≤ 0.1 s", mine.seconds <= 0.1),
            "the hook's Python, answering from the cache (a commit houqin did not make)": (
                "≤ 0.1 s",
                mine.seconds <= 0.1,
            ),
            WRITES[0]: ("≤ 0.3× hledger", ratio <= 0.3),
            WRITES[1]: ("≤ 0.3× hledger", ratio <= 0.3),
        }
        goal = goals.get(name)
    else:
        before = small.get(name)
        growth = mine.seconds / before.seconds if before else math.inf
        if name in WRITES:
            goal = (f"≤ 1.5× its 100k time (is {growth:.1f}×), ≤ 1 GB", growth <= 1.5 and mine.mb <= 1024)
        elif name in REPORTS:
            goal = (f"≤ 2× its 100k time (is {growth:.1f}×), ≤ 1 GB", growth <= 2 and mine.mb <= 1024)
        else:
            goal = ("≤ 1 GB", mine.mb <= 1024)
    if goal is None:
        return "–"
    return f"{goal[0]}: **{'held' if goal[1] else 'missed'}**"


def table(n: int, mine: dict[str, Run], side: dict[str, Run], refs: dict[str, Run], close: dict[str, float],
          small: dict[str, Run] | None) -> list[str]:  # fmt: skip
    lines = [
        f"### {LABELS.get(n, n)} records, every year before the last closed "
        f"(close-year once: {close['seconds']:.0f} s, {close['mb']:.0f} MB)",
        "",
        "| command | houqin: s | CPU s | MB | hledger check next to it: s | CPU s | ÷ hledger | CPU ÷ | target |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name, t in mine.items():
        peer = side[name]
        lines.append(
            f"| {name} | {t.seconds:.2f}{'' if t.ok else ' ✗'} | {t.cpu:.2f} | {t.mb:.0f} | {peer.seconds:.2f} | "
            f"{peer.cpu:.2f} | {t.seconds / peer.seconds:.2f}× | {t.cpu / peer.cpu:.2f}× | "
            f"{target(name, n, t, peer, small)} |"
        )
    for name, t in refs.items():
        lines.append(f"| {name} | {t.seconds:.2f} | {t.cpu:.2f} | {t.mb:.0f} | | | | | reference |")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--big-runs", type=int, default=1, help="runs at 1M and above")
    parser.add_argument("--out", type=Path, default=None, help="also write the tables (markdown) here")
    args = parser.parse_args()
    # houqin as installed: its bytecode written (an editable install has none; `make install` writes it).
    import houqin

    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(houqin.__file__).parent)], check=True)
    hledger = ensure_peers()["hledger"]
    if not hledger:
        print("hledger is needed for the ratios")
        return 1
    found: dict[int, dict[str, Run]] = {}
    lines: list[str] = []
    for n in sorted(int(x) for x in args.sizes.split(",")):
        root, close = closed_copy(n)
        mine, side, refs = measure(root, n, args.runs if n < 1_000_000 else args.big_runs, hledger)
        smaller = [m for m in found if m < n]
        lines += [*table(n, mine, side, refs, close, found[max(smaller)] if smaller else None), ""]
        found[n] = mine
        print("\n".join(lines), flush=True)
    sizes = sorted(found)
    if len(sizes) > 1:
        lines += [f"Growth, log-log slope of the wall time from {LABELS.get(sizes[0])} to {LABELS.get(sizes[-1])}:", ""]
        for name in found[sizes[-1]]:
            a, b = found[sizes[0]].get(name), found[sizes[-1]][name]
            if a:
                slope = math.log(b.seconds / a.seconds) / math.log(sizes[-1] / sizes[0])
                lines.append(f"- {name}: {slope:.2f}")
    print("\n".join(lines))
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
