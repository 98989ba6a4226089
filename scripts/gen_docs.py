"""Generate docs/cli.md (from --help) and docs/checks.md (from the check registry and the message
catalogue). tests/test_docs.py fails when either is stale: run `python scripts/gen_docs.py`."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from typer.testing import CliRunner

from houqin.checks.registry import CHECKS
from houqin.cli.app import app
from houqin.messages import CATALOG

DOCS = Path(__file__).resolve().parents[1] / "docs"
COMMANDS = (
    (),
    ("check",),
    ("overview",),
    ("init",),
    ("desk",),
    ("repair-lock",),
    ("hook", "install"),
    ("asset", "add"),
    ("expense", "add"),
    ("expense", "sign"),
    ("expense", "list"),
    ("sign",),
    ("key", "add"),
    ("key", "revoke"),
    ("key", "list"),
    ("pending",),
    ("unsign",),
    ("asset", "list"),
    ("asset", "show"),
    ("asset", "move"),
    ("asset", "loan"),
    ("asset", "return"),
    ("asset", "scrap"),
    ("asset", "transfer"),
    ("asset", "import"),
    ("asset", "label"),
    ("repair", "open"),
    ("repair", "close"),
    ("damage", "report"),
    ("damage", "assess"),
    ("damage", "settle"),
    ("stock", "in"),
    ("stock", "out"),
    ("stock", "balance"),
    ("stock", "import"),
    ("purchase", "request"),
    ("purchase", "approve"),
    ("purchase", "quote"),
    ("purchase", "meeting"),
    ("purchase", "accept"),
    ("purchase", "list"),
    ("inventory", "sheet"),
    ("inventory", "reconcile"),
    ("expense", "pay"),
    ("income", "add"),
    ("fee", "publish"),
    ("advance", "request"),
    ("advance", "approve"),
    ("advance", "pay"),
    ("advance", "settle"),
    ("budget", "show"),
    ("budget", "adjust"),
    ("finance", "assert"),
    ("finance", "transfer"),
    ("finance", "close"),
    ("finance", "report"),
    ("finance", "reopen"),
    ("finance", "decide"),
    ("meter", "read"),
    ("meter", "list"),
    ("meter", "report"),
    ("patrol", "log"),
    ("patrol", "resolve"),
    ("patrol", "report"),
    ("print", "request"),
    ("print", "done"),
    ("print", "report"),
    ("audit", "pack"),
    ("shop", "in"),
    ("shop", "sell"),
    ("shop", "expiring"),
    ("milk", "order"),
    ("milk", "deliver"),
    ("milk", "report"),
)
PREFIX_CHECK = {
    "YAML": "schema",
    "SCH": "schema",
    "ID": "ids",
    "REF": "refs",
    "DAT": "dates",
    "APR": "approval-chain",
    "SIG": "signatures",
    "KEY": "keys",
    "SOD": "separation-of-duties",
    "INV": "invoice",
    "CAP": "capitalisation",
    "AST": "assets",
    "DEP": "assets",
    "LOAN": "loans",
    "REP": "repairs",
    "DMG": "damage",
    "IMP": "schema",
    "STK": "stock",
    "PUR": "purchase",
    "PD": "stocktake",
    "FIN": "finance",
    "BUD": "budget",
    "ADV": "advances",
    "CLS": "close",
    "MTR": "meters",
    "PAT": "patrols",
    "PRT": "printing",
    "SHP": "shop",
    "MLK": "milk",
    "GIT": "git",
}


def cli_md() -> str:
    runner = CliRunner()
    parts = ["# Command reference\n\nGenerated from `--help` by `scripts/gen_docs.py`; do not edit by hand.\n"]
    for cmd in COMMANDS:
        out = runner.invoke(app, [*cmd, "--help"], env={"COLUMNS": "100"}, terminal_width=100).output
        parts.append(f"\n## houqin {' '.join(cmd)}\n\n```\n{out.rstrip()}\n```\n")
    return "".join(parts)


def checks_md() -> str:
    lines = [
        "# Checks and diagnostics\n",
        "Generated from the registry and the message catalogue by",
        "`scripts/gen_docs.py`; do not edit by hand. Run `houqin check NAME…` to run some checks only.\n",
        "| check | what it guards |",
        "|---|---|",
    ]
    lines += [f"| `{c.name}` | {c.zh} — {c.en} |" for c in CHECKS]
    lines += ["", "| code | check | severity | message (zh) | message (en) | hint |", "|---|---|---|---|---|---|"]
    for code, msg in CATALOG.items():
        check = PREFIX_CHECK[re.match(r"[A-Z]+", code).group(0)]  # type: ignore[union-attr]
        cells = [msg.zh, msg.en, msg.hint_zh]
        lines.append(
            f"| `{code}` | {check} | {msg.severity} | " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    (DOCS / "cli.md").write_text(cli_md(), encoding="utf-8")
    (DOCS / "checks.md").write_text(checks_md(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
