"""政府会计制度 vouchers (issue #17, item 4): each event a 记账凭证 with its 财务会计 entry and, where money
moves, its 预算会计 entry; every voucher balanced on both sides; the register tied to 1601/1602 (and stock
to 1302) at every month's end; the account map in catalog.yaml; the 科目代码 in hledger and beancount."""

from __future__ import annotations

import textwrap
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from houqin.cli.app import app
from houqin.ledger.load import load_ledger
from houqin.reports.vouchers import Tie, month_vouchers, months_between
from tests.conftest import BUNDLED, GOOD_ASSET, GOOD_EXPENSE, write_ledger

runner = CliRunner()


@pytest.fixture(scope="module")
def demo():  # type: ignore[no-untyped-def]
    return load_ledger(BUNDLED).ledger


def test_every_voucher_balances_and_money_has_its_budget_entry(demo) -> None:  # type: ignore[no-untyped-def]
    mv = month_vouchers(demo, "2026-10")
    assert mv.vouchers and mv.balanced
    for v in mv.vouchers:
        moves_money = any(x.code in ("1001", "1002") for x in v.financial) and not v.record.startswith(("JK", "ZZ"))
        assert bool(v.budget) == moves_money, v
    claim = next(v for v in mv.vouchers if v.record == "BX-2026-0047")
    assert [(x.code, x.debit, x.credit) for x in claim.financial] == [
        ("5001", Decimal("9366.00"), Decimal("0.00")),
        ("1002", Decimal("0.00"), Decimal("9366.00")),
    ]
    assert [(x.code, x.name) for x in claim.budget] == [("7201", "事业支出"), ("8001", "资金结存")]
    scrap = next(v for v in mv.vouchers if v.record == "CZ-2026-0003")
    assert {x.code for x in scrap.financial} == {"1602", "1901", "1601", "5801"}
    assert mv.vouchers[-2].summary == "计提本月固定资产折旧" and mv.vouchers[-2].financial[1].code == "1602"
    assert [v.number for v in mv.vouchers] == [f"记-{n:04d}" for n in range(1, len(mv.vouchers) + 1)]


def test_the_register_ties_to_1601_and_1602_at_every_months_end(demo) -> None:  # type: ignore[no-untyped-def]
    for month in months_between("2025-09", "2026-11"):
        mv = month_vouchers(demo, month)
        assert mv.balanced and mv.tied, (month, [t for t in mv.ties if not t.ties])
        assert [t.code for t in mv.ties] == ["1601", "1602", "1302"]


def test_a_tie_that_does_not_hold_is_shown() -> None:
    tie = Tie("1602", "固定资产累计折旧", Decimal("100.00"), Decimal("0.00"), Decimal("10.00"), Decimal("111.00"), True)
    assert tie.books == Decimal("110.00") and not tie.ties


def test_the_export_as_xlsx(tmp_path: Path) -> None:
    out = tmp_path / "v.xlsx"
    result = runner.invoke(
        app, ["--ledger", str(BUNDLED), "export", "vouchers", "--month", "2026-10", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    wb = load_workbook(out)
    rows = list(wb["记账凭证"].iter_rows(min_row=3, values_only=True))
    sides: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0])
    for number, _day, _summary, side, _code, _name, debit, credit, _record in rows:
        sides[number, side][0] += debit or 0
        sides[number, side][1] += credit or 0
    assert all(round(d - c, 2) == 0 for d, c in sides.values())
    assert {r[4] for r in rows} >= {"1001", "1002", "1302", "1601", "1602", "5001", "7201", "8001"}
    ties = list(wb["登记簿核对"].iter_rows(min_row=2, values_only=True))
    assert [t[0] for t in ties] == ["1601", "1602", "1302"] and all(t[-1] == "相符" for t in ties)


def test_the_account_map_is_the_catalogs(tmp_path: Path) -> None:
    from tests.conftest import BASE

    extra = "voucher_accounts:\n  - {role: expense, code: '5001.01', name: 业务活动费用—商品和服务费用}\n"
    root = write_ledger(tmp_path / "l", {"catalog.yaml": textwrap.dedent(BASE["catalog.yaml"]) + extra, "2026/expenses.yaml": GOOD_EXPENSE,
                                         "2026/assets.yaml": GOOD_ASSET})  # fmt: skip
    mv = month_vouchers(load_ledger(root).ledger, "2026-03")
    claim = next(v for v in mv.vouchers if v.record == "BX-2026-0001")
    assert claim.financial[0].code == "5001.01" and claim.financial[0].name == "业务活动费用—商品和服务费用"
    asset = next(v for v in mv.vouchers if v.record == "ZC-2026-0001")
    assert next((x.code, x.debit) for x in asset.financial) == ("1601", Decimal("4999.00"))
    assert mv.tied


def test_bad_voucher_input_is_refused(tmp_path: Path) -> None:
    from tests.conftest import BASE

    root = write_ledger(
        tmp_path / "l",
        {
            "catalog.yaml": textwrap.dedent(BASE["catalog.yaml"])
            + "voucher_accounts:\n  - {role: nope, code: '1', name: x}\n"
        },
    )
    for args in (
        ("export", "vouchers", "--month", "2026-03"),
        ("export", "vouchers"),
        ("export", "vouchers", "--month", "2026-13"),
    ):
        result = runner.invoke(app, ["--ledger", str(root), *args, "--out", str(tmp_path / "v.xlsx")])
        assert result.exit_code == 2, result.output
    assert not (tmp_path / "v.xlsx").exists()


def test_hledger_and_beancount_carry_the_account_code(tmp_path: Path) -> None:
    for target, shown in (("hledger", "account Assets:Bank  ; 银行存款, code:1002"), ("beancount", '  code: "1002"')):
        out = tmp_path / f"books.{target}"
        assert runner.invoke(app, ["--ledger", str(BUNDLED), "export", target, "--out", str(out)]).exit_code == 0
        text = out.read_text(encoding="utf-8")
        assert shown in text and ("code:5001" in text or 'code: "5001"' in text)
