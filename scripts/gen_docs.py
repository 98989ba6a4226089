"""Generate docs/cli.md (from --help) and docs/checks.md (from the check registry and the message
catalogue). tests/test_docs.py fails when either is stale: run `python scripts/gen_docs.py`."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer
from typer.testing import CliRunner

from houqin.checks.names import check_of_code
from houqin.checks.registry import CHECKS
from houqin.cli.app import app
from houqin.messages import CATALOG
from houqin.models.kinds import KIND_BY_MODEL, KINDS

DOCS = Path(__file__).resolve().parents[1] / "docs"


def walk(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every command of the tree under `command`, itself first, with the words that run it. Typer vendors
    its own click, so a group is known by its shape (it has `commands`), never by its class."""
    yield path, command
    if hasattr(command, "commands"):
        for name, sub in command.commands.items():
            yield from walk(sub, (*path, name))


def documented(typer_app: typer.Typer) -> tuple[tuple[str, ...], ...]:
    """What docs/cli.md has a section for: houqin itself and every command a person runs — not the groups
    (their --help only lists their commands) nor a hidden command (merge-driver: git runs it)."""
    return tuple(
        path
        for path, cmd in walk(typer.main.get_command(typer_app))
        if not path or not (hasattr(cmd, "commands") or cmd.hidden)
    )


def problems(typer_app: typer.Typer, reference: str) -> list[str]:
    """What a command of the tree lacks: help, an `Example: houqin <its words>` line (global options may
    come first), its section in `reference` (the text of docs/cli.md). Empty when every command has all."""
    found = []
    shown = set(documented(typer_app))
    for path, cmd in walk(typer.main.get_command(typer_app)):
        name = " ".join(("houqin", *path))
        text = cmd.help or ""
        if not text.strip():
            found.append(f"{name}: no help")
        if (
            path in shown
            and path
            and not re.search(rf"Example: houqin (?:-\S+ \S+ )*{re.escape(' '.join(path))}(?![\w-])", text)
        ):
            found.append(f"{name}: no `Example: {name} …` in its help")
        if path in shown and f"\n## {name}\n" not in reference:
            found.append(f"{name}: no section in docs/cli.md")
    return found


def cli_md() -> str:
    runner = CliRunner()
    parts = ["# Command reference\n\nGenerated from `--help` by `scripts/gen_docs.py`; do not edit by hand.\n"]
    for cmd in documented(app):
        out = runner.invoke(app, [*cmd, "--help"], env={"COLUMNS": "100"}, terminal_width=100).output
        parts.append(f"\n## {' '.join(('houqin', *cmd))}\n\n```\n{out.rstrip()}\n```\n")
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
        check = check_of_code(code)
        cells = [msg.zh, msg.en, msg.hint_zh]
        lines.append(
            f"| `{code}` | {check} | {msg.severity} | " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"
        )
    lines += [
        "",
        "## References between records",
        "",
        "A record names another by its id in these fields (declared once, in `houqin/models/kinds.py`);",
        "the check named looks each id up, and `refs` reports one that names no such record (`REF009`).\n",
        "| file | field | names | looked up by |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {kind.filename} | `{link.path}` | {KIND_BY_MODEL[link.to].filename} (`{link.to.prefix}-…`) | `{link.by}` |"
        for kind in KINDS
        for link in kind.links
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    (DOCS / "cli.md").write_text(cli_md(), encoding="utf-8")
    (DOCS / "checks.md").write_text(checks_md(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
