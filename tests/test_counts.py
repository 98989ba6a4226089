"""Counts at their edges (issue #13): a stocktake recorded twice, and the cashier's count of the safe
when it differs from the books (现金短缺/溢余), which is recorded with its difference and decided by
the principal; a second identical count on a day, or a count by anyone but the cashier, is refused."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import BUNDLED, ROOT
from tests.keyring import bundled_key
from tests.test_rules import lines


def run(root: Path, *args: str) -> tuple[int, str]:
    from houqin.cli.app import app

    result = CliRunner().invoke(app, ["--ledger", str(root), *args])
    return result.exit_code, result.output


# --- a stocktake recorded twice


def test_a_stocktake_of_the_same_term_and_places_is_recorded_once(tmp_path: Path) -> None:
    root = tmp_path / "ledgers"
    shutil.copytree(BUNDLED, root, ignore=shutil.ignore_patterns(".houqin"))
    reconcile = (
        "inventory", "reconcile", str(ROOT / "examples/count-sheet-SY-301.csv"), "--term", "2026-2027-1",
        "--on", "2026-11-20", "--record", "--counter", "周强", "--counter", "吴芳", "--director", "李明", "--no-commit",
        "--key", str(bundled_key(tmp_path / "keys", "director-li-ming")),
    )  # fmt: skip
    code, out = run(root, *reconcile)
    assert code == 0, out
    before = (root / "2026/stocktakes.yaml").read_text(encoding="utf-8")
    code, out = run(root, *reconcile)
    assert code == 1
    assert "error[PD006] 盘点 PD-2026-0005 与 PD-2026-0004 重复：学期 2026-2027-1 的期末盘点已清点过 SY-301" in out
    assert (root / "2026/stocktakes.yaml").read_text(encoding="utf-8") == before


def test_a_duplicate_stocktake_by_hand(ledger_dir: Callable[..., Path]) -> None:
    again = "- id: PD-2026-0003\n  date: 2026-02-22\n  term: 2025-2026-2\n  at: term-start\n  places: [JX-101, SY-301]\n  counted_by: [李主任]\n  approvals:\n  - {role: principal, by: 王校长, on: 2026-02-23}\n"  # fmt: skip
    root = ledger_dir({})
    path = root / "2026/stocktakes.yaml"
    path.write_text(path.read_text(encoding="utf-8") + again, encoding="utf-8")
    assert lines(root) == [
        "2026/stocktakes.yaml:16: error[PD006] 盘点 PD-2026-0003 与 PD-2026-0001 重复：学期 2025-2026-2 的期初清点已清点过 SY-301"
    ]
    path.write_text(path.read_text(encoding="utf-8").replace("places: [JX-101, SY-301]", "places: [JX-101]"))
    assert lines(root) == []


# --- the cashier's count of the safe (现金短缺/溢余)

CASH_PAID = """\
- id: BX-2026-0001
  date: 2026-03-05
  payee: 文具店
  amount: "120.00"
  budget_line: "30201"
  purpose: 办公用品
  invoices:
  - {number: "26442000000012345678", date: 2026-03-03, amount: "120.00"}
  approvals:
  - {role: handler, by: 张老师, on: 2026-03-05}
  - {role: witness, by: 李主任, on: 2026-03-05}
  - {role: principal, by: 王校长, on: 2026-03-06}
  payment: {on: 2026-03-07, by: 赵出纳, account: cash}
"""


def test_a_cash_shortage_is_recorded_with_its_difference_and_decided_by_the_principal(
    git_ledger: Callable[..., Path],
) -> None:
    root = git_ledger({"2026/expenses.yaml": CASH_PAID})
    count = ("finance", "assert", "cash", "4800.00", "--on", "2026-03-31", "--by", "赵出纳")
    code, out = run(root, *count)
    assert code == 1  # the books say 4880.00: a miscount is not recorded as a shortage by accident
    assert "error[FIN007] 对账 DZ-2026-0001：2026-03-31 现金实有 4800.00 元，账面 4880.00 元，相差 -80.00 元" in out
    assert "--record-difference" in out
    code, out = run(root, *count, "--record-difference")
    assert code == 0, out
    text = (root / "2026/assertions.yaml").read_text(encoding="utf-8")
    assert 'amount: "4800.00"' in text and 'books: "4880.00"' in text
    assert lines(root) == [
        "2026/assertions.yaml:2: warning[FIN009] 对账 DZ-2026-0001：2026-03-31 现金短缺 80.00 元"
        "（实点 4800.00 元，账面 4880.00 元），尚待校长决定如何处理"
    ]
    from houqin.ledger.load import load_ledger
    from houqin.reports.finance import month_report

    still = month_report(load_ledger(root, use_cache=False).ledger, "2026-03").still_open
    assert [(x.id, x.who, x.what) for x in still] == [("DZ-2026-0001", "赵出纳", "现金短缺 80.00 元，待校长决定")]
    code, out = run(root, "finance", "close", "2026-03", "--by", "孙老师")
    assert code == 1
    assert "DZ-2026-0001 现金短缺 80.00 元尚待校长决定：houqin finance decide DZ-2026-0001" in out
    # The books now hold what the safe holds; a later count of it agrees.
    code, out = run(root, "finance", "assert", "cash", "4800.00", "--on", "2026-04-01", "--by", "赵出纳")
    assert code == 0, out
    code, out = run(root, "finance", "decide", "DZ-2026-0001", "--by", "李主任", "--decision", "由出纳赔偿", "--on", "2026-04-02")  # fmt: skip
    assert code == 1
    assert "error[FIN010] 对账 DZ-2026-0001 的短缺/溢余由 李主任 决定（2026-04-02），但只有校长能决定" in out
    code, out = run(root, "finance", "decide", "DZ-2026-0001", "--by", "王校长", "--decision", "由出纳赔偿", "--on", "2026-04-02")  # fmt: skip
    assert code == 0, out
    assert lines(root) == []
    code, out = run(root, "finance", "decide", "DZ-2026-0001", "--by", "王校长", "--decision", "核销")
    assert code == 2
    assert "DZ-2026-0001 已有校长的决定（2026-04-02）" in out
    march = month_report(load_ledger(root, use_cache=False).ledger, "2026-03")
    assert next((a.account, a.paid, a.closing) for a in march.accounts) == (
        "cash",
        Decimal("200.00"),
        Decimal("4800.00"),
    )


def test_a_difference_is_recorded_for_cash_only_and_never_for_an_equal_count(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger({"2026/expenses.yaml": CASH_PAID})
    code, out = run(root, "finance", "assert", "bank", "190000.00", "--on", "2026-03-31", "--by", "赵出纳", "--record-difference")  # fmt: skip
    assert code == 2
    assert "只有现金清点可登记短缺或溢余" in out
    code, out = run(root, "finance", "assert", "cash", "4880.00", "--on", "2026-03-31", "--by", "赵出纳", "--record-difference")  # fmt: skip
    assert code == 0, out
    assert "books:" not in (root / "2026/assertions.yaml").read_text(encoding="utf-8")


def test_a_second_identical_count_and_a_count_by_anyone_but_the_cashier_are_refused(
    git_ledger: Callable[..., Path],
) -> None:
    root = git_ledger({"2026/expenses.yaml": CASH_PAID})
    count = ("finance", "assert", "cash", "4880.00", "--on", "2026-03-31")
    code, out = run(root, *count, "--by", "赵出纳")
    assert code == 0, out
    code, out = run(root, *count, "--by", "赵出纳")
    assert code == 1
    assert "error[FIN011] 对账 DZ-2026-0002 与 DZ-2026-0001 重复：2026-03-31 现金已清点为 4880.00 元" in out
    code, out = run(root, "finance", "assert", "cash", "4880.00", "--on", "2026-04-01", "--by", "张老师")
    assert code == 1
    assert "error[FIN012] 对账 DZ-2026-0002 由 张老师 清点，但 张老师 在 2026-04-01 不是出纳" in out
    assert len((root / "2026/assertions.yaml").read_text(encoding="utf-8").split("- id:")) == 2


def test_a_surplus_by_hand(ledger_dir: Callable[..., Path]) -> None:
    """A count above the books (现金溢余) recorded by hand: the same warning until the principal decides,
    and a wrong books figure is still FIN007."""
    count = '- id: DZ-2026-0001\n  date: 2026-03-31\n  account: cash\n  amount: "4900.00"\n  books: "4880.00"\n  by: 赵出纳\n'  # fmt: skip
    root = ledger_dir({"2026/expenses.yaml": CASH_PAID, "2026/assertions.yaml": count})
    assert lines(root) == [
        "2026/assertions.yaml:1: warning[FIN009] 对账 DZ-2026-0001：2026-03-31 现金溢余 20.00 元"
        "（实点 4900.00 元，账面 4880.00 元），尚待校长决定如何处理"
    ]
    decided = count + "  decision: {on: 2026-04-01, by: 王校长, decision: 转入其他收入}\n"
    (root / "2026/assertions.yaml").write_text(decided.replace('"4880.00"', '"4890.00"'), encoding="utf-8")
    assert lines(root) == [
        "2026/assertions.yaml:1: error[FIN007] 对账 DZ-2026-0001：2026-03-31 现金实有 4900.00 元，账面 4880.00 元，相差 20.00 元"
    ]
    (root / "2026/assertions.yaml").write_text(decided, encoding="utf-8")
    assert lines(root) == []


def test_a_recorded_shortage_is_in_the_exported_books(ledger_dir: Callable[..., Path], tmp_path: Path) -> None:
    """The shortage is booked against 待处理财产损溢, so the exported count still holds in hledger."""
    import subprocess

    from tests.test_export import export, hledger, tool

    count = '- id: DZ-2026-0001\n  date: 2026-03-31\n  account: cash\n  amount: "4800.00"\n  books: "4880.00"\n  by: 赵出纳\n'  # fmt: skip
    root = ledger_dir({"2026/expenses.yaml": CASH_PAID, "2026/assertions.yaml": count})
    from houqin.ledger.load import load_ledger
    from houqin.reports.books import Posting, books

    (txn,) = [t for t in books(load_ledger(root, use_cache=False).ledger).txns if t.code == "DZ-2026-0001"]
    assert txn.narration == "现金短缺"
    assert txn.postings == (Posting("Assets:Cash", Decimal("-80.00")), Posting("Assets:Suspense:CashCount", Decimal("80.00")))  # fmt: skip
    journal = export(root, "hledger", tmp_path / "books.journal")
    assert "现金短缺" in journal.read_text(encoding="utf-8")
    subprocess.run([tool("hledger"), "-f", str(journal), "check"], check=True)  # the count's assertion holds
    held = hledger(journal, "bal", "Assets")
    assert held["Assets:Cash"] == Decimal("4800.00") and held["Assets:Suspense:CashCount"] == Decimal("80.00")
