"""Signatures by key: what verification adds to a cold and a warm `houqin check` (issue #20).

Generates a ledger (benchmarks/generate.py), and a copy of it with every signature made by key (one
demonstration key per person, registered under the principal's anchor), then times `houqin check`
on both: cold (--no-cache) and warm (the second of two cached runs); and one `ssh-keygen -Y sign`.

    python benchmarks/keys.py --size 10000 --runs 3
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from houqin.ledger.load import load_ledger  # noqa: E402
from houqin.ledger.roundtrip import render_records  # noqa: E402
from houqin.models.base import Record, Signed  # noqa: E402
from houqin.models.kinds import KINDS  # noqa: E402
from houqin.models.statements import key_statement, step_statement  # noqa: E402
from tests.keyring import pub_line, sshsig, write_key_files  # noqa: E402


def _generate(n: int, out: Path) -> None:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(n, out)


def sign_everything(root: Path) -> int:
    """Give every person a key and sign every approval by key; returns the signatures made."""
    ledger = load_ledger(root, use_cache=False).ledger
    school = ledger.config.school.name
    principal = next(p.name for p in ledger.people if any(r.role == "principal" for r in p.roles))
    lines = []
    for line in (root / "people.yaml").read_text(encoding="utf-8").splitlines():
        name = line.split("name: ", 1)[1].split(",", 1)[0]
        anchor = name == principal
        statement = key_statement(school, name, pub_line(name), "1990-09-01", anchor)
        entry = f"{{key: {pub_line(name)}, added: 1990-09-01{', anchor: true' if anchor else ''}, "
        entry += f"sig: {sshsig(principal, statement)}}}"
        lines.append(f"{line[:-1]}, keys: [{entry}]}}")
    (root / "people.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    made = 0
    for kind in KINDS:
        by_file: dict[str, list[Record]] = {}
        for r in ledger.records(kind.model):
            by_file.setdefault(r.source.file, []).append(r)
        for file, records in by_file.items():
            if not any(isinstance(r, Signed) and r.approvals for r in records):
                continue
            signed: list[Record] = []
            for r in records:
                if isinstance(r, Signed):
                    for i, a in enumerate(r.approvals):
                        sig = sshsig(a.by, step_statement(school, r, i))
                        approvals = list(r.approvals)
                        approvals[i] = a.model_copy(update={"sig": sig})
                        r = r.model_copy(update={"approvals": tuple(approvals)})
                        made += 1
                signed.append(r)
            (root / file).write_text(render_records(signed), encoding="utf-8")
    return made


ACCOUNTANT = "孙会计"


def close_months_by_key(root: Path, last_month: int = 10, by_key: bool = True) -> int:
    """The months of the year closed as a school closes them: the cashier's balance at each month's end,
    then the accountant's close signed by key and the principal's acknowledgement by key, January to
    `last_month` (the months after stay open). Returns the months closed."""
    import datetime as dt
    from decimal import Decimal

    from houqin.checks.engine import run_checks
    from houqin.ledger.load import LoadResult
    from houqin.models.base import Approval, Source
    from houqin.models.closing import month_bounds
    from houqin.models.money_flow import balances, flows
    from houqin.models.records import BalanceAssertion
    from houqin.services.finance import CloseRefused, close_month

    people = root / "people.yaml"
    lines = people.read_text(encoding="utf-8").splitlines()
    principal = lines[0].split("name: ", 1)[1].split(",", 1)[0]
    school = load_ledger(root, use_cache=False).ledger.config.school.name
    statement = key_statement(school, ACCOUNTANT, pub_line(ACCOUNTANT), "1990-09-01", False)
    entry = f"{{key: {pub_line(ACCOUNTANT)}, added: 1990-09-01, sig: {sshsig(principal, statement)}}}"
    keys = f", keys: [{entry}]" if by_key else ""
    lines.append(f"- {{name: {ACCOUNTANT}, roles: [accountant], joined: 1990-09-01{keys}}}")
    people.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ledger = load_ledger(root, use_cache=False).ledger
    cashier = next(p.name for p in ledger.people if any(r.role == "cashier" for r in p.roles))
    year = max(r.date.year for r in ledger.all_records())
    first = min(r.date for r in ledger.all_records())
    # Every month from the first record's to `last_month` of the last year: months close in order.
    months = [f"{y}-{m:02d}" for y in range(first.year, year + 1) for m in range(1, 13)]
    months = [m for m in months if f"{first:%Y-%m}" <= m <= f"{year}-{last_month:02d}"]
    all_flows = flows(ledger)
    asserted = []
    for n, month in enumerate(months, start=1):
        last = month_bounds(month)[1]
        held = balances(all_flows, last)
        for k, account in enumerate(("cash", "bank")):
            asserted.append(
                BalanceAssertion(
                    id=f"DZ-{last.year}-{2 * n + k - 1:04d}", date=last, account=account,
                    amount=held.get(account, Decimal("0.00")), by=cashier,
                    source=Source(f"{last.year}/assertions.yaml", 0),
                )
            )  # fmt: skip
    for y in sorted({r.date.year for r in asserted}):
        (root / f"{y}/assertions.yaml").write_text(
            render_records([r for r in asserted if r.date.year == y]), encoding="utf-8"
        )
    for record in asserted:
        ledger = ledger.with_record(record)
    closes = []
    # The books' errors do not change as months close (a close adds no error): check them once.
    diagnostics = run_checks(LoadResult(ledger, ()))
    for n, month in enumerate(months, start=1):
        day = month_bounds(month)[1] + dt.timedelta(days=3)
        try:
            close = close_month(ledger, month, ACCOUNTANT, day, diagnostics)
        except CloseRefused as refused:
            raise SystemExit(
                f"{month} cannot be closed: {refused.details} {[d.code for d in refused.diagnostics][:10]}"
            ) from None
        close = close.model_copy(
            update={"id": f"JZ-{day.year}-{n:04d}", "source": Source(f"{day.year}/closes.yaml", 0)}
        )
        close = close.model_copy(
            update={"approvals": (*close.approvals, Approval(role="principal", by=principal, on=day))}
        )
        for i, a in enumerate(close.approvals if by_key else ()):
            approvals = list(close.approvals)
            approvals[i] = a.model_copy(update={"sig": sshsig(a.by, step_statement(school, close, i))})
            close = close.model_copy(update={"approvals": tuple(approvals)})
        ledger = ledger.with_record(close)
        closes.append(close)
    for y in sorted({c.date.year for c in closes}):
        (root / f"{y}/closes.yaml").write_text(
            render_records([c for c in closes if c.date.year == y]), encoding="utf-8"
        )
    return len(closes)


def _time(cmd: list[str], runs: int) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system, the command and its worker processes): the
    CPU time is steadier on a machine shared with other work."""
    import resource

    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if proc.returncode not in (0,):
            raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stdout[-2000:]}{proc.stderr[-2000:]}")
    return statistics.median(times), statistics.median(cpu)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep the three ledgers in this directory")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="houqin-keys-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    typed, keyed = work / "typed", work / "keyed"
    typed_closed, sealed = work / "typed-closed", work / "sealed"
    _generate(args.size, typed)
    shutil.copytree(typed, keyed)
    made = sign_everything(keyed)
    shutil.copytree(typed, typed_closed)
    shutil.copytree(keyed, sealed)
    close_months_by_key(typed_closed, by_key=False)
    closed = close_months_by_key(sealed)
    houqin = [sys.executable, "-m", "houqin", "--ledger"]
    print(f"{args.size} records, {made} signatures made by key; {closed} months closed (the last two copies)")
    variants = (
        ("typed, no close", typed),
        ("by key, no close", keyed),
        ("typed, months closed", typed_closed),
        ("by key, months closed by key", sealed),
    )
    for name, root in variants:
        cold, cold_cpu = _time([*houqin, str(root), "check", "--no-cache"], args.runs)
        subprocess.run([*houqin, str(root), "check"], capture_output=True, check=False)
        warm, warm_cpu = _time([*houqin, str(root), "check"], args.runs)
        print(
            f"{name:>28}: cold check {cold:.2f} s ({cold_cpu:.2f} s CPU), warm check {warm:.3f} s ({warm_cpu:.3f} s CPU)"
        )
    if shutil.which("hledger"):  # the peer on the same books: hledger on houqin's own export of them
        journal = work / "typed.journal"
        subprocess.run(
            [*houqin, str(typed), "export", "hledger", "--out", str(journal)], capture_output=True, check=True
        )
        peer, peer_cpu = _time(["hledger", "-f", str(journal), "check"], args.runs)
        print(f"{'hledger check (same books)':>28}: {peer:.2f} s ({peer_cpu:.2f} s CPU)")
    key = write_key_files("王校长", work / "k", "wang")
    from houqin.ledger.signer import sign

    start = time.perf_counter()
    for _ in range(args.runs):
        sign(b"houqin-signature-v1\n", key)
    print(f"ssh-keygen -Y sign of one step: {(time.perf_counter() - start) / args.runs * 1000:.0f} ms")
    if not args.keep:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
