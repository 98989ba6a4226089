"""houqin against hledger and beancount, in the same run, on equivalent ledgers.

Usage: python benchmarks/bench.py [--sizes 1000,10000,100000] [--county] [--runs 3] [--out benchmarks/RESULTS.md]

For each size it generates (once, into benchmarks/data/) a houqin ledger and the same transactions
as an hledger journal and a beancount file, makes the ledger a git repository with houqin's hook,
and times, as medians of --runs runs with the peak memory (max RSS) of each command:
`houqin --help`, `houqin check` cold (no cache) and warm (nothing changed) and after one file
changed, `houqin asset add` and `houqin expense sign` including their git commit (and hook),
`houqin overview`, and `hledger check`, `hledger bal`, `bean-check`. --county adds the 1M-record
ledger, run once. Peers that cannot be installed are skipped with a message, never faked.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
BIN = Path(sys.executable).parent
HOUQIN = [str(BIN / "houqin")] if (BIN / "houqin").exists() else [sys.executable, "-m", "houqin"]
LABELS = {1_000: "1k", 10_000: "10k", 100_000: "100k", 1_000_000: "1M"}


@dataclass
class Timing:
    seconds: float
    max_rss_mb: float
    ok: bool


def run(cmd: list[str], cwd: Path | None = None, expect: tuple[int, ...] = (0,)) -> Timing:
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "COLUMNS": "120"}
    )
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if code not in expect:
        print(f"  ! {' '.join(cmd[:4])}… exited {code}: {err.strip()[:300]}", file=sys.stderr)
    return Timing(elapsed, usage.ru_maxrss / 1024, code in expect)


def median(timings: list[Timing]) -> Timing:
    return Timing(
        statistics.median(t.seconds for t in timings), max(t.max_rss_mb for t in timings), all(t.ok for t in timings)
    )


def ensure_peers() -> dict[str, list[str] | None]:
    peers: dict[str, list[str] | None] = {"hledger": None, "bean-check": None}
    if shutil.which("hledger") is None and os.geteuid() == 0 and shutil.which("apt-get"):
        print("installing hledger (Debian package)…")
        subprocess.run(["apt-get", "update", "-qq"], check=False, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "hledger"], check=False, capture_output=True)
    if shutil.which("hledger"):
        peers["hledger"] = ["hledger"]
    else:
        print("skipping hledger: it is not installed and could not be installed here")
    bean = BIN / "bean-check"
    if not bean.exists():
        print("installing beancount (PyPI)…")
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "-q", "beancount>=3,<4"], check=False, capture_output=True
        )
    if bean.exists():
        peers["bean-check"] = [str(bean)]
    else:
        print("skipping beancount: it could not be installed here")
    return peers


def prepare(n: int) -> Path:
    root = DATA / LABELS.get(n, str(n)) / "ledger"
    if not (root / "houqin.yaml").exists():
        print(f"generating {n} records…")
        if root.parent.exists():
            shutil.rmtree(root.parent)
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(n), str(root)], check=True)
    if not (root / ".git").exists():
        git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@localhost"]
        subprocess.run([*git, "init", "-q"], cwd=root, check=True)
        subprocess.run([*git, "add", "-A"], cwd=root, check=True)
        subprocess.run([*git, "commit", "-q", "--no-verify", "-m", "generated"], cwd=root, check=True)
        subprocess.run(["git", "config", "user.name", "bench"], cwd=root, check=True)
        subprocess.run(["git", "config", "user.email", "bench@localhost"], cwd=root, check=True)
        subprocess.run([*HOUQIN, "--ledger", str(root), "hook", "install"], check=True, capture_output=True)
    return root


def unsigned_claims(root: Path) -> list[str]:
    last = max(p.name for p in root.iterdir() if p.name.isdigit())
    text = (root / last / "expenses.yaml").read_text(encoding="utf-8")
    ids: list[str] = []
    for block in text.split("\n- id: ")[1:]:
        if "role: witness" in block and "role: principal" not in block:
            ids.append(block.split("\n", 1)[0])
    return ids


def measure(n: int, runs: int, peers: dict[str, list[str] | None]) -> dict[str, Timing]:
    return measure_at(prepare(n), n, runs, peers)


def measure_at(root: Path, n: int, runs: int, peers: dict[str, list[str] | None]) -> dict[str, Timing]:
    """Every timing of one ledger (its peers' files beside it, in ledger-peers/)."""
    peer_dir = root.parent / "ledger-peers"
    last = max(p.name for p in root.iterdir() if p.name.isdigit())
    keeper = (root / "places.yaml").read_text(encoding="utf-8").split("keeper: ", 1)[1].split("}", 1)[0]
    place = (root / "places.yaml").read_text(encoding="utf-8").split("id: ", 1)[1].split(",", 1)[0]
    check = [*HOUQIN, "--ledger", str(root), "check"]
    out: dict[str, Timing] = {}
    print(f"[{LABELS.get(n, n)}] houqin --help")
    out["houqin --help"] = median([run([*HOUQIN, "--help"]) for _ in range(runs)])
    cold = []
    for _ in range(runs):
        shutil.rmtree(root / ".houqin" / "cache", ignore_errors=True)
        cold.append(run(check))
    out["houqin check, cold (no cache)"] = median(cold)
    print(f"[{LABELS.get(n, n)}] check cold {out['houqin check, cold (no cache)'].seconds:.2f} s")
    out["houqin check, warm (nothing changed)"] = median([run(check) for _ in range(runs)])
    changed = root / last / "stock-out.yaml"
    original = changed.read_bytes()
    touched = []
    for k in range(runs):
        changed.write_bytes(original + f"# bench edit {k}\n".encode())
        touched.append(run(check))
    changed.write_bytes(original)
    run(check)
    out["houqin check, warm (one file changed)"] = median(touched)
    base = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=True
    ).stdout.strip()
    add = [
        *HOUQIN,
        "--ledger",
        str(root),
        "asset",
        "add",
        "--name",
        "投影仪",
        "--category",
        "A02010104",
        "--price",
        "4200",
        "--place",
        place,
        "--keeper",
        keeper,
        "--date",
        f"{last}-12-30",
        "--origin",
        "捐赠",
        "--document",
        "捐赠协议2026-01",
    ]
    out["houqin asset add (+ git commit)"] = median([run(add) for _ in range(runs)])
    claims = unsigned_claims(root)
    signs = []
    for claim in claims[:runs]:
        signs.append(
            run(
                [
                    *HOUQIN,
                    "--ledger",
                    str(root),
                    "expense",
                    "sign",
                    claim,
                    "--as",
                    "principal",
                    "--by",
                    "王建国",
                    "--on",
                    f"{last}-11-21",
                ]
            )
        )
    if signs:
        out["houqin expense sign (+ git commit)"] = median(signs)
    out["houqin overview (report, warm)"] = median(
        [run([*HOUQIN, "--ledger", str(root), "overview", "--at", f"{last}-11-30"]) for _ in range(runs)]
    )
    if peers["hledger"]:
        journal = str(peer_dir / "ledger.journal")
        out["hledger check"] = median([run([*peers["hledger"], "-f", journal, "check"]) for _ in range(runs)])
        out["hledger bal"] = median([run([*peers["hledger"], "-f", journal, "bal"]) for _ in range(runs)])
    if peers["bean-check"]:
        out["bean-check"] = median(
            [run([*peers["bean-check"], str(peer_dir / "ledger.beancount")]) for _ in range(runs)]
        )
    out.update(close_month(root, last, runs))
    # Leave the ledger as generated for the next run: drop the commits made by the write timings.
    subprocess.run(["git", "reset", "-q", "--hard", base], cwd=root, check=True)
    return out


def close_month(root: Path, year: str, runs: int) -> dict[str, Timing]:
    """`houqin finance close` for October of the last year, warm: the books are declared to start that
    month (so no earlier close is due), the cashier asserts the balances the report shows, then the close
    is timed (and undone with git between runs); the month's report alone is timed too."""
    import json

    month = f"{year}-10"
    config = root / "houqin.yaml"
    config.write_text(config.read_text(encoding="utf-8") + f"started: {month}-01\n", encoding="utf-8")
    subprocess.run(["git", "commit", "-qam", "bench: books start"], cwd=root, check=True)
    report = [*HOUQIN, "--ledger", str(root), "finance", "report", month]
    data = json.loads(subprocess.run([*report, "--format", "json"], capture_output=True, text=True, check=True).stdout)
    closing = {row[0]: row[4] for row in data["sections"]["accounts"]["rows"]}
    for account, name in (("cash", "现金"), ("bank", "银行存款")):
        run(
            [
                *HOUQIN,
                "--ledger",
                str(root),
                "finance",
                "assert",
                account,
                closing[name],
                "--on",
                f"{month}-31",
                "--by",
                "赵丽",
            ]
        )
    before = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=True
    ).stdout.strip()
    out = {"houqin finance report (one month, warm)": median([run([*report, "--format", "json"]) for _ in range(runs)])}
    closes = []
    for _ in range(runs):
        closes.append(
            run([*HOUQIN, "--ledger", str(root), "finance", "close", month, "--by", "孙慧", "--format", "json"])
        )
        subprocess.run(["git", "reset", "-q", "--hard", before], cwd=root, check=True)
    out["houqin finance close (one month, + git commit)"] = median(closes)
    return out


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = [f"Python {platform.python_version()}"]
    for cmd in (["hledger", "--version"], [str(BIN / "bean-check"), "--version"], ["git", "--version"]):
        with contextlib.suppress(OSError, IndexError):
            versions.append(
                subprocess.run(cmd, capture_output=True, text=True, check=False).stdout.strip().splitlines()[0]
            )
    return f"{os.cpu_count()} cores, {cpu}, {platform.system()} {platform.release()}; " + "; ".join(versions)


def table(results: dict[int, dict[str, Timing]]) -> list[str]:
    sizes = sorted(results)
    rows = list(dict.fromkeys(k for r in results.values() for k in r))
    lines = ["| | " + " | ".join(LABELS.get(n, str(n)) for n in sizes) + " |", "|---|" + "---|" * len(sizes)]
    for row in rows:
        cells = []
        for n in sizes:
            t = results[n].get(row)
            cells.append("—" if t is None else f"{t.seconds:.2f} s, {t.max_rss_mb:.0f} MB" + ("" if t.ok else " ✗"))
        lines.append(f"| {row} | " + " | ".join(cells) + " |")
    hl = "hledger check"
    for row in (
        "houqin check, cold (no cache)",
        "houqin check, warm (nothing changed)",
        "houqin check, warm (one file changed)",
    ):
        cells = []
        for n in sizes:
            a, b = results[n].get(row), results[n].get(hl)
            cells.append("—" if not a or not b else f"{a.seconds / b.seconds:.2f}×")
        lines.append(f"| {row} ÷ hledger check | " + " | ".join(cells) + " |")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--county", action="store_true", help="also the 1M-record ledger, run once")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=None, help="write the table (markdown) here")
    args = parser.parse_args()
    peers = ensure_peers()
    results = {n: measure(n, args.runs, peers) for n in (int(s) for s in args.sizes.split(","))}
    if args.county:
        results[1_000_000] = measure(1_000_000, 1, peers)
    lines = table(results)
    print("\n".join(lines))
    if args.out:
        args.out.write_text(
            f"Machine: {machine()}\n\nRuns: median of {args.runs}"
            f"{' (1M: one run)' if args.county else ''}.\n\n" + "\n".join(lines) + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
