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
        for r in ledger.of_kind(kind.name):
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


def _time(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - start)
        if proc.returncode not in (0,):
            raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stdout[-2000:]}{proc.stderr[-2000:]}")
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="houqin-keys-bench-"))
    typed, keyed = work / "typed", work / "keyed"
    _generate(args.size, typed)
    shutil.copytree(typed, keyed)
    made = sign_everything(keyed)
    houqin = [sys.executable, "-m", "houqin", "--ledger"]
    print(f"{args.size} records, {made} signatures made by key")
    for name, root in (("typed", typed), ("by key", keyed)):
        cold = _time([*houqin, str(root), "check", "--no-cache"], args.runs)
        subprocess.run([*houqin, str(root), "check"], capture_output=True, check=False)
        warm = _time([*houqin, str(root), "check"], args.runs)
        print(f"{name:>7}: cold check {cold:.2f} s, warm check {warm:.3f} s")
    key = write_key_files("王校长", work / "k", "wang")
    from houqin.ledger.signer import sign

    start = time.perf_counter()
    for _ in range(args.runs):
        sign(b"houqin-signature-v1\n", key)
    print(f"ssh-keygen -Y sign of one step: {(time.perf_counter() - start) / args.runs * 1000:.0f} ms")
    shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
