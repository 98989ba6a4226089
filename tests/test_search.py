"""Search and filters (issue #17, item 6): asset list and expense list narrowed by name, payee, budget
line, status, days and amounts; houqin find over every record's id and text."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from houqin.cli.app import app
from tests.conftest import BUNDLED

runner = CliRunner()


def run_json(*args: str) -> dict[str, object]:
    result = runner.invoke(app, ["--ledger", str(BUNDLED), *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert isinstance(doc, dict)
    return doc


def rows(*args: str) -> list[dict[str, object]]:
    found = run_json(*args)["rows"]
    assert isinstance(found, list)
    return found


def test_assets_by_name_value_and_acquisition_days() -> None:
    every = rows("asset", "list", "--at", "2026-11-24")
    chosen = rows(
        "asset", "list", "--at", "2026-11-24", "--name", "计算机", "--min-value", "4000",
        "--acquired-from", "2022-01-01", "--acquired-to", "2022-12-31",
    )  # fmt: skip
    assert 0 < len(chosen) < len(every)
    assert all("计算机" in str(r["name"]) + str(r["model"]) for r in chosen)
    assert all(str(r["acquired"]).startswith("2022-") for r in chosen)
    expected = [
        r for r in every
        if "计算机" in str(r["name"]) + str(r["model"]) and str(r["acquired"]).startswith("2022-")
        and float(r["value"]["cost"]) / int(r["quantity"]) >= 4000  # type: ignore[index]
    ]  # fmt: skip
    assert [r["id"] for r in chosen] == [r["id"] for r in expected]


def test_a_value_range_is_inclusive() -> None:
    exact = rows("asset", "list", "--at", "2026-11-24", "--min-value", "4350", "--max-value", "4350")
    assert exact and all(float(r["value"]["cost"]) == 4350 * int(r["quantity"]) for r in exact)  # type: ignore[index]


def test_claims_by_payee_status_days_and_amount() -> None:
    chosen = rows(
        "expense", "list", "--payee", "供电", "--status", "paid", "--min-amount", "9000",
        "--from", "2026-01-01", "--to", "2026-06-30",
    )  # fmt: skip
    assert [r["id"] for r in chosen] == ["BX-2026-0001", "BX-2026-0015", "BX-2026-0028"]
    by_line = rows("expense", "list", "--budget-line", "30206")
    assert by_line and all(r["budget_line"] == "30206" for r in by_line)
    awaiting = rows("expense", "list", "--status", "awaiting")
    assert awaiting and all(r["awaiting"] for r in awaiting)


def test_find_over_names_payees_and_invoice_numbers() -> None:
    doc = run_json("find", "26443968260000000030")
    assert doc["total"] == 1
    (hit,) = doc["rows"]  # type: ignore[misc]
    assert hit["id"] == "BX-2026-0001" and hit["field"] == "invoices.number"
    doc = run_json("find", "供电", "--kind", "expenses", "--limit", "2")
    assert doc["total"] == 9 and doc["more"] == 7 and len(doc["rows"]) == 2  # type: ignore[arg-type]
    dates = [h["date"] for h in doc["rows"]]  # type: ignore[union-attr]
    assert dates == sorted(dates, reverse=True)
    assert run_json("find", "zc-2022-0013")["rows"][0]["id"] == "ZC-2022-0013"  # type: ignore[index]


@pytest.mark.parametrize(
    "args", [("find", " "), ("find", "x", "--kind", "nope"), ("asset", "list", "--min-value", "abc")]
)
def test_bad_search_input_is_refused(args: tuple[str, ...]) -> None:
    result = runner.invoke(app, ["--ledger", str(BUNDLED), *args])
    assert result.exit_code == 2
