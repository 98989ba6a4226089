"""The books exported for hledger and beancount agree with houqin's own report (the real hledger and
bean-check read them); spreadsheets open in Excel and never run a formula from the ledger; the HTML
report renders in headless Chromium."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import BUNDLED, GOOD_EXPENSE

REQUIRED = os.environ.get("CI") == "true"  # in CI the tools are installed by `make test`; never skipped there


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        if REQUIRED:
            pytest.fail(f"{name} is not installed (scripts/test-tools.sh installs it)")
        pytest.skip(f"{name} is not installed (scripts/test-tools.sh installs it)")
    return path


def export(root: Path, target: str, out: Path) -> Path:
    from typer.testing import CliRunner

    from houqin.cli.app import app

    result = CliRunner().invoke(app, ["--ledger", str(root), "export", target, "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def hledger(journal: Path, *args: str) -> dict[str, Decimal]:
    proc = subprocess.run(
        [tool("hledger"), "-f", str(journal), *args, "-O", "csv", "--flat", "--no-total"],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = list(csv.reader(io.StringIO(proc.stdout)))[1:]
    return {account: Decimal(amount.replace(",", "").replace(" CNY", "")) for account, amount in rows}


def test_hledger_balances_equal_the_close_report(tmp_path: Path) -> None:
    from houqin.ledger.load import load_ledger
    from houqin.models.directory import all_accounts
    from houqin.reports.books import account_code, safe
    from houqin.reports.finance import month_report

    journal = export(BUNDLED, "hledger", tmp_path / "books.journal")
    subprocess.run([tool("hledger"), "-f", str(journal), "check"], check=True)  # balanced, assertions hold
    ledger = load_ledger(BUNDLED, use_cache=False).ledger
    for month in ("2026-03", "2026-09", "2026-10"):
        r = month_report(ledger, month)
        period = hledger(journal, "bal", "-p", month)
        spending = {k: v for k, v in period.items() if k.startswith("Expenses:")}
        assert spending == {f"Expenses:{safe(x.key)}": x.amount for x in r.spending}, month  # canteen-food too
        income = -sum((v for k, v in period.items() if k.startswith("Income:")), Decimal(0))
        returned = sum((x.amount for x in r.income if x.key == "advance-return"), Decimal(0))
        assert income == r.total_income - returned, month
        codes = {a: account_code(acc) for a, acc in all_accounts(ledger.catalog.accounts).items()}
        end = hledger(journal, "bal", "-e", _next_day(r.last), *sorted(set(codes.values())))
        assert end == {codes[a.account]: a.closing for a in r.accounts if a.closing}, month


def _next_day(day: object) -> str:
    import datetime as dt

    assert isinstance(day, dt.date)
    return str(day + dt.timedelta(days=1))


def test_beancount_reads_the_export_without_errors(tmp_path: Path) -> None:
    from beancount import loader

    path = export(BUNDLED, "beancount", tmp_path / "books.beancount")
    entries, errors, _options = loader.load_file(str(path))
    assert errors == []
    assert sum(1 for e in entries if type(e).__name__ == "Balance") == 27  # 3 accounts × 9 month ends


def test_spreadsheets_neutralise_formulas(ledger_dir: Callable[..., Path], tmp_path: Path) -> None:
    from openpyxl import load_workbook

    hostile = GOOD_EXPENSE.replace("payee: 文具店", 'payee: "=HYPERLINK(\\"http://x\\",\\"点我\\")"')
    root = ledger_dir({"2026/expenses.yaml": hostile})
    data = export(root, "csv", tmp_path / "books.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel opens it in Chinese
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    payees = {row[2] for row in rows[1:]}
    assert '\'=HYPERLINK("http://x","点我")' in payees
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)
    book = load_workbook(export(root, "xlsx", tmp_path / "books.xlsx"))
    cells = [c for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert '\'=HYPERLINK("http://x","点我")' in cells
    assert not any(c.startswith(("=", "+", "@")) for c in cells)


def test_html_report_renders_in_headless_chromium(tmp_path: Path) -> None:
    """The printable report, rendered by a real browser: the screenshot is a real picture of it."""
    from houqin.ledger.load import load_ledger
    from houqin.render.finance import report_html
    from houqin.reports.finance import month_report

    chromium = tool("chromium")
    page = tmp_path / "report.html"
    page.write_text(report_html(month_report(load_ledger(BUNDLED, use_cache=False).ledger, "2026-10"), "zh"), "utf-8")
    shot = tmp_path / "report.png"
    subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
         "--window-size=900,1400", f"--screenshot={shot}", page.as_uri()],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (900, 1400)
    assert len(data) > 20_000  # a page of tables and charts, not a blank one
