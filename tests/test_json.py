"""--format json on every read command (issue #17, item 5): the test walks the real command tree, finds
every command that reads (lists, shows, reports), runs each with --format json on the bundled ledger and
checks the document names its schema, which docs/json.md documents."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer.main
from typer.testing import CliRunner

from houqin.cli.app import app
from tests.conftest import BUNDLED, ROOT

runner = CliRunner()
READ_VERBS = {"list", "show", "report", "balance", "expiring"}
READ_COMMANDS = {"overview", "pending", "check", "verify-form", "due", "find"}
WRITES = {"damage report"}  # 登记损坏: reporting damage writes a record
# How each read command is run here (the arguments it needs besides --format json).
SAMPLES: dict[str, tuple[str, ...]] = {
    "overview": (),
    "pending": ("--person", "王建国"),
    "check": (),
    "verify-form": ("houqin-form:1:BX-2026-0001:d3d831978287c480",),
    "asset list": ("--place", "SY-301"),
    "asset show": ("ZC-2022-0013",),
    "expense list": ("--month", "2026-03"),
    "stock balance": (),
    "purchase list": (),
    "finance report": ("2026-10",),
    "budget show": (),
    "meter list": (),
    "meter report": (),
    "patrol report": ("--term", "2026-2027-1"),
    "print report": ("--month", "2026-10"),
    "key list": (),
    "shop expiring": (),
    "milk report": ("--term", "2026-2027-1"),
    "due": (),
    "find": ("电脑",),
    "calendar show": (),
    "safety list": (),
    "canteen report": ("--month", "2026-10"),
    "receipt list": (),
    "county report": ("--in", "{county}"),  # a county dataset made for the test (docs/county.md)
}


def read_commands() -> list[str]:
    found: list[str] = []

    def walk(command: Any, path: list[str]) -> None:
        if hasattr(command, "commands"):
            for name, sub in command.commands.items():
                walk(sub, [*path, name])
        elif (
            not command.hidden
            and (path[-1] in READ_VERBS or " ".join(path) in READ_COMMANDS)
            and " ".join(path) not in WRITES
        ):
            found.append(" ".join(path))

    walk(typer.main.get_command(app), [])
    return found


def test_the_walk_finds_the_read_commands() -> None:
    found = read_commands()
    assert {"asset list", "asset show", "expense list", "overview", "finance report", "due", "find"} <= set(found)
    assert "asset add" not in found and "form" not in found


def test_every_read_command_offers_json_with_a_documented_schema(tmp_path: Path) -> None:
    from houqin.services.county import build_county

    county = tmp_path / "county"
    build_county([str(BUNDLED)], county)  # the bundled ledger is a folder of a larger repository: refused
    docs = (ROOT / "docs" / "json.md").read_text(encoding="utf-8")
    missing = [c for c in read_commands() if c not in SAMPLES]
    assert not missing, f"a read command without a sample here: {missing}"
    for command in read_commands():
        sample = [arg.format(county=county) for arg in SAMPLES[command]]
        result = runner.invoke(app, ["--ledger", str(BUNDLED), *command.split(), *sample, "--format", "json"])
        assert result.exit_code in (0, 1), (command, result.output)  # due and verify-form say 1 for "overdue"/"changed"
        doc = json.loads(result.stdout)
        schema = f"houqin.{command.replace(' ', '.').replace('-', '-')}/1"
        assert doc["schema"] == schema, command
        assert f"`{schema}`" in docs, f"{schema} is not in docs/json.md"


def test_money_is_a_decimal_string_and_days_are_iso() -> None:
    result = runner.invoke(
        app, ["--ledger", str(BUNDLED), "asset", "show", "ZC-2022-0013", "--format", "json", "--at", "2026-11-24"]
    )
    doc = json.loads(result.stdout)
    assert doc["asset"]["unit_price"] == "4350.00" and doc["at"] == "2026-11-24"
    assert doc["value"] == {
        "cost": "4350.00",
        "accumulated": "3202.08",  # July 2022 to November 2026: 53 of 72 months
        "months": 53,
        "life_months": 72,
        "net": "1147.92",
    }
