"""A ledger in another valid YAML style against the house style (#19 item 2: "a ledger in any valid
YAML style within 1.2× of the house style, cold"):

    python benchmarks/styles.py LEDGER --journal EXPORT.journal [--runs 3]

LEDGER is a closed ledger (benchmarks/years.py builds one: benchmarks/data/100000-closed). It is copied
twice: one copy as it is (the house style houqin writes), the other with the open year's record files
rewritten by ruamel.yaml in block style (no flow mappings) with a comment after each record's first
line (with --indented, also four spaces a mapping and sequences indented six, dashes at four), the way a clerk's editor or another tool might leave them; the opening (its digest is of its
text) stays as it is. Each copy is committed; then `houqin check --no-cache` runs on each in turn,
interleaved, each followed by `hledger check` on the export, and the medians are printed. Both copies
must give the same findings."""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

sys.path.insert(0, str(Path(__file__).resolve().parent))

from years import Run, run

KEEP = {"openings.yaml"}


def block(node: object) -> None:
    if isinstance(node, CommentedMap | CommentedSeq):
        node.fa.set_block_style()
        for child in node.values() if isinstance(node, CommentedMap) else node:
            block(child)


def restyle(path: Path, indented: bool) -> None:
    yaml = YAML(typ="rt")
    yaml.width = 4096
    if indented:
        yaml.indent(mapping=4, sequence=6, offset=4)
    data = yaml.load(path.read_text(encoding="utf-8"))
    block(data)
    out = io.StringIO()
    yaml.dump(data, out)
    lines = [
        f"{line}  # 已核对原始凭证" if line.lstrip(" ").startswith("- id: ") else line
        for line in out.getvalue().splitlines()
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def copy(ledger: Path, where: Path, restyled: bool, indented: bool) -> Path:
    root = where / ("restyled" if restyled else "house")
    shutil.copytree(ledger, root, symlinks=True, ignore=shutil.ignore_patterns(".houqin"))
    if restyled:
        year = max(p for p in root.iterdir() if p.is_dir() and p.name.isdigit())
        for path in sorted(year.glob("*.yaml")):
            if path.name not in KEEP:
                restyle(path, indented)
        subprocess.run(["git", "-C", str(root), "commit", "-qam", "restyled", "--no-verify"], check=True)
    return root


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ledger", type=Path)
    parser.add_argument("--journal", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--indented", action="store_true", help="four-space mappings, sequences indented six")
    args = parser.parse_args()
    peer = ["hledger", "-f", str(args.journal), "check"]
    houqin = [sys.executable, "-m", "houqin"]
    with tempfile.TemporaryDirectory() as tmp:
        roots = {
            name: copy(args.ledger.resolve(), Path(tmp), name == "restyled", args.indented)
            for name in ("house", "restyled")
        }
        found = {name: subprocess.run([*houqin, "--ledger", str(r), "check", "--no-cache"], capture_output=True, text=True)
                 for name, r in roots.items()}  # fmt: skip
        if found["house"].stdout != found["restyled"].stdout.replace(str(roots["restyled"]), str(roots["house"])):
            print(found["house"].stdout[-2000:], found["restyled"].stdout[-2000:], sep="\n----\n")
            raise SystemExit("the two styles do not give the same findings")
        times: dict[str, list[Run]] = {name: [] for name in roots}
        peers: dict[str, list[Run]] = {name: [] for name in roots}
        for _ in range(args.runs):
            for name, root in roots.items():
                times[name].append(run([*houqin, "--ledger", str(root), "check", "--no-cache"]))
                peers[name].append(run(peer))
                print(f"{name:9} {times[name][-1].seconds:.2f} s, {times[name][-1].cpu:.2f} s CPU", flush=True)
    for name in roots:
        s = statistics.median(r.seconds for r in times[name])
        c = statistics.median(r.cpu for r in times[name])
        p = statistics.median(r.seconds for r in peers[name])
        print(
            f"{name:9} median {s:.2f} s, {c:.2f} s CPU, {max(r.mb for r in times[name]):.0f} MB; hledger {p:.2f} s; ratio {s / p:.2f}×"
        )
    ratio = statistics.median(r.seconds for r in times["restyled"]) / statistics.median(
        r.seconds for r in times["house"]
    )
    print(f"restyled ÷ house style, cold check: {ratio:.2f}× (target ≤ 1.2×)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
