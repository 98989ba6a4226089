"""The monthly close at its edges (issue #13): what a close seals and what may follow it, reopening on
the day of the close, months closed out of order, and back-dated writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import GOOD_EXPENSE
from tests.test_rules import lines

FEBRUARY = """\
- id: DZ-2026-0001
  date: 2026-02-28
  account: cash
  amount: "5000.00"
  by: 赵出纳
- id: DZ-2026-0002
  date: 2026-02-28
  account: bank
  amount: "200000.00"
  by: 赵出纳
"""
MARCH = """\
- id: DZ-2026-0003
  date: 2026-03-31
  account: cash
  amount: "5000.00"
  by: 赵出纳
- id: DZ-2026-0004
  date: 2026-03-31
  account: bank
  amount: "198700.50"
  by: 赵出纳
"""


ASSERTIONS = FEBRUARY + MARCH


def close_months(root: Path, *closes: tuple[str, dt.date]) -> None:
    """Close each month on its day through the service, as `houqin finance close` would."""
    from houqin.checks.engine import run_checks
    from houqin.ledger.load import load_ledger
    from houqin.ledger.roundtrip import render_records
    from houqin.services.finance import close_month

    for month, day in closes:
        loaded = load_ledger(root, use_cache=False)
        sealed = close_month(loaded.ledger, month, "孙老师", day, run_checks(loaded))
        path = root / "2026/closes.yaml"
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        path.write_text(old + render_records([sealed]), encoding="utf-8")


def run(root: Path, *args: str) -> tuple[int, str]:
    from houqin.cli.app import app

    result = CliRunner().invoke(app, ["--ledger", str(root), *args])
    return result.exit_code, result.output


def standing(root: Path) -> dict[str, str]:
    from houqin.ledger.load import load_ledger
    from houqin.models.closing import standing_closes

    return {m: c.id for m, c in standing_closes(load_ledger(root, use_cache=False).ledger).items()}


# --- item 3: reopening on the day of the close


def test_reopen_on_the_day_of_the_close_reopens_it(git_ledger: Callable[..., Path]) -> None:
    from tests.conftest import git

    root = git_ledger({"2026/assertions.yaml": ASSERTIONS, "2026/expenses.yaml": GOOD_EXPENSE})
    close_months(root, ("2026-02", dt.date(2026, 3, 5)))
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "close")
    assert standing(root) == {"2026-02": "JZ-2026-0001"}
    code, out = run(root, "finance", "reopen", "2026-02", "--on", "2026-03-05", "--reason", "补记", "--approved-by", "王校长")  # fmt: skip
    assert code == 0, out
    assert "已提交：finance reopen 2026-02 KZ-2026-0001" in out
    assert standing(root) == {}
    assert "close: JZ-2026-0001" in (root / "2026/reopens.yaml").read_text(encoding="utf-8")
    # Closed again on the same day: the new close follows the reopening and stands.
    close_months(root, ("2026-02", dt.date(2026, 3, 5)))
    assert standing(root) == {"2026-02": "JZ-2026-0002"}
    assert lines(root) == []


def test_reopen_refused_when_it_would_change_nothing(git_ledger: Callable[..., Path]) -> None:
    from tests.conftest import git

    root = git_ledger({"2026/assertions.yaml": ASSERTIONS, "2026/expenses.yaml": GOOD_EXPENSE})
    close_months(root, ("2026-02", dt.date(2026, 3, 5)), ("2026-03", dt.date(2026, 4, 3)))
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "close")
    head = git(root, "rev-parse", "HEAD")
    reopen = ("finance", "reopen", "--reason", "补记", "--approved-by", "王校长")
    code, out = run(root, *reopen[:2], "2026-03", *reopen[2:], "--on", "2026-04-02")
    assert code == 2
    assert "2026-03 于 2026-04-03 结账（JZ-2026-0002），不能在此之前的 2026-04-02 重新开账" in out
    code, out = run(root, *reopen[:2], "2026-02", *reopen[2:], "--on", "2026-04-10")
    assert code == 2
    assert "2026-03 仍已结账（JZ-2026-0002）：先重新开账 2026-03，再重新开账 2026-02" in out
    code, out = run(root, *reopen[:2], "2026-04", *reopen[2:])
    assert code == 2
    assert "2026-04 没有结账，无需重新开账。" in out
    assert git(root, "rev-parse", "HEAD") == head and not (root / "2026/reopens.yaml").exists()
    assert standing(root) == {"2026-02": "JZ-2026-0001", "2026-03": "JZ-2026-0002"}


def test_a_reopening_names_the_close_it_reopens(ledger_dir: Callable[..., Path]) -> None:
    """CLS007: the close a reopening names is not a close of its month, or is dated after it."""
    root = ledger_dir({"2026/assertions.yaml": ASSERTIONS, "2026/expenses.yaml": GOOD_EXPENSE})
    close_months(root, ("2026-02", dt.date(2026, 3, 5)))
    reopen = (
        "- id: KZ-2026-0001\n  date: 2026-03-05\n  month: 2026-02\n  close: {close}\n  reason: 补记\n"
        "  approvals:\n  - {{role: principal, by: 王校长, on: 2026-03-05}}\n"
    )
    (root / "2026/reopens.yaml").write_text(reopen.format(close="JZ-2026-0009"), encoding="utf-8")
    assert lines(root) == [
        "2026/reopens.yaml:1: error[CLS007] 重新开账 KZ-2026-0001（2026-02）所指的结账 JZ-2026-0009 不是该月的结账，"
        "或日期在重新开账之后"
    ]
    assert standing(root) == {"2026-02": "JZ-2026-0001"}
    (root / "2026/reopens.yaml").write_text(
        reopen.format(close="JZ-2026-0001").replace("2026-03-05", "2026-03-04"), encoding="utf-8"
    )
    assert [x.split("]")[0] for x in lines(root)] == ["2026/reopens.yaml:1: error[CLS007"]
    (root / "2026/reopens.yaml").write_text(reopen.format(close="JZ-2026-0001"), encoding="utf-8")
    assert lines(root) == []
    assert standing(root) == {}


# --- item 2: a close seals the month as it stood on the close's day; later steps on open items follow

OPEN_ITEMS = {
    "2026/assets.yaml": """\
        - id: ZC-2026-0001
          date: 2026-02-02
          name: 台式电脑
          category: A02010105
          unit_price: "4999.00"
          place: SY-301
          keeper: 李主任
          funding: 财政拨款
        """,
    "2026/expenses.yaml": """\
        - id: BX-2026-0001
          date: 2026-02-25
          payee: 文具店
          amount: "1299.50"
          budget_line: "30201"
          purpose: 办公用品
          invoices:
          - {number: "26442000000012345678", date: 2026-02-24, amount: "1299.50"}
          approvals:
          - {role: handler, by: 张老师, on: 2026-02-25}
          - {role: witness, by: 李主任, on: 2026-02-25}
        """,
    "2026/loans.yaml": """\
        - id: JY-2026-0001
          date: 2026-02-10
          asset: ZC-2026-0001
          borrower: 张老师
          purpose: 公开课
          due: 2026-12-31
          approvals:
          - {role: keeper, by: 李主任, on: 2026-02-10}
        """,
    "2026/repairs.yaml": """\
        - id: WX-2026-0001
          date: 2026-02-15
          place: SY-301
          reporter: 张老师
          fault: 投影仪不亮
        """,
}


def test_later_steps_on_open_items_leave_the_sealed_month_as_it_was(git_ledger: Callable[..., Path]) -> None:
    from houqin.ledger.load import load_ledger
    from houqin.reports.finance import month_report
    from tests.conftest import git

    root = git_ledger({**OPEN_ITEMS, "2026/assertions.yaml": FEBRUARY})
    close_months(root, ("2026-02", dt.date(2026, 3, 5)))
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "close February")
    february = month_report(load_ledger(root, use_cache=False).ledger, "2026-02")
    assert [(x.id, x.status, x.steps) for x in february.open_claims] == [("BX-2026-0001", "awaiting", ("principal",))]
    assert [(x.id, x.who, x.what) for x in february.still_open] == [
        ("JY-2026-0001", "张老师", "借出未还（应还 2026-12-31）"),
        ("WX-2026-0001", "张老师", "报修未修复"),
    ]
    code, out = run(root, "finance", "report", "2026-02", "--format", "md")
    assert code == 0, out
    assert "## 月末未办结事项" in out and "| JY-2026-0001 | 2026-02-10 | 张老师 | 借出未还（应还 2026-12-31） |" in out
    steps = [
        ("expense", "sign", "BX-2026-0001", "--as", "principal", "--by", "王校长", "--on", "2026-03-10"),
        ("expense", "pay", "BX-2026-0001", "--by", "赵出纳", "--on", "2026-03-11"),
        ("asset", "return", "JY-2026-0001", "--received-by", "李主任", "--on", "2026-03-12"),
        ("repair", "close", "WX-2026-0001", "--work", "更换灯泡", "--accepted-by", "张老师", "--on", "2026-03-12"),
        ("finance", "assert", "cash", "5000.00", "--on", "2026-03-31", "--by", "赵出纳"),
        ("finance", "assert", "bank", "198700.50", "--on", "2026-03-31", "--by", "赵出纳"),
    ]
    for step in steps:
        code, out = run(root, *step)
        assert code == 0, out
        assert "已提交" in out
    assert lines(root) == []
    assert month_report(load_ledger(root, use_cache=False).ledger, "2026-02") == february
    # March's close seals those steps, on the February records they were taken on.
    close_months(root, ("2026-03", dt.date(2026, 4, 3)))
    march = load_ledger(root, use_cache=False).ledger.record_by_id["JZ-2026-0002"]
    sealed = [f.split(" ")[0] for f in march.fingerprints]
    assert sealed == ["BX-2026-0001", "DZ-2026-0003", "DZ-2026-0004", "JY-2026-0001", "WX-2026-0001"]
    assert lines(root) == []
    # What was sealed stays sealed: a sealed step changed is CLS001, for each close that sealed it.
    path = root / "2026/expenses.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("on: 2026-03-11", "on: 2026-03-12"), encoding="utf-8")
    assert lines(root) == [
        "2026/expenses.yaml:1: error[CLS001] BX-2026-0001 属于已结账的 2026-03（JZ-2026-0002），结账后被修改"
    ]
    path.write_text(path.read_text(encoding="utf-8").replace("payee: 文具店", "payee: 文具商店"), encoding="utf-8")
    assert lines(root) == [
        "2026/expenses.yaml:1: error[CLS001] BX-2026-0001 属于已结账的 2026-02（JZ-2026-0001），结账后被修改",
        "2026/expenses.yaml:1: error[CLS001] BX-2026-0001 属于已结账的 2026-03（JZ-2026-0002），结账后被修改",
    ]


def test_a_step_dated_in_the_closed_month_is_refused(git_ledger: Callable[..., Path]) -> None:
    """A close seals the month as it stood at its end: a step dated on or before the month's end, added
    after the close, is back-dated (CLS001); the same step dated after the month's end — even before the
    close's own day, or on it — is a fact of the open month."""
    from tests.conftest import git

    root = git_ledger({**OPEN_ITEMS, "2026/assertions.yaml": FEBRUARY})
    close_months(root, ("2026-02", dt.date(2026, 3, 5)))
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "close February")
    head = git(root, "rev-parse", "HEAD")
    code, out = run(root, "asset", "return", "JY-2026-0001", "--received-by", "李主任", "--on", "2026-02-28")
    assert code == 1
    assert "error[CLS001] JY-2026-0001 属于已结账的 2026-02（JZ-2026-0001），结账后被修改" in out
    assert git(root, "rev-parse", "HEAD") == head and git(root, "status", "--porcelain") == ""
    code, out = run(root, "asset", "return", "JY-2026-0001", "--received-by", "李主任", "--on", "2026-03-01")
    assert code == 0, out
    code, out = run(root, "expense", "sign", "BX-2026-0001", "--as", "principal", "--by", "王校长", "--on", "2026-03-05")  # fmt: skip
    assert code == 0, out  # on the close's own day


def test_close_seals_as_of_its_day_whatever_came_after() -> None:
    """The fingerprint a close takes is the record without the steps dated after the close, so a close
    made from a ledger that already holds later steps seals what a close on the day would have."""
    from houqin.models.as_of import as_of, step_days, step_fields
    from houqin.models.closing import fingerprint
    from houqin.models.records import Patrol, PrintJob, Purchase, Reimbursement

    fields = {
        "id": "BX-2026-0001", "date": "2026-02-25", "payee": "文具店", "amount": "10.00",
        "budget_line": "30201", "purpose": "笔", "invoices": [{"number": "26442000000012345678", "date": "2026-02-24"}],
    }  # fmt: skip
    handler = {"role": "handler", "by": "张老师", "on": "2026-02-25"}
    claim = Reimbursement.model_validate({**fields, "approvals": [handler]})
    later = Reimbursement.model_validate(
        {
            **fields,
            "approvals": [handler, {"role": "principal", "by": "王校长", "on": "2026-03-10"}],
            "payment": {"on": "2026-03-11", "by": "赵出纳", "account": "bank"},
        }
    )
    assert as_of(later, dt.date(2026, 3, 5)) == claim
    assert fingerprint(later, dt.date(2026, 3, 5)) == fingerprint(claim)
    assert fingerprint(later, dt.date(2026, 3, 10)) != fingerprint(claim)
    assert sorted(step_days(later)) == [dt.date(2026, 2, 25), dt.date(2026, 3, 10), dt.date(2026, 3, 11)]
    patrol = Patrol.model_validate(
        {"id": "XS-2026-0001", "date": "2026-02-10", "inspector": "李主任", "places": ["SY-301"],
         "findings": [{"place": "SY-301", "kind": "safety", "text": "插座松动", "resolved": "2026-03-02"}]}
    )  # fmt: skip
    assert as_of(patrol, dt.date(2026, 2, 28)).findings[0].resolved is None
    assert list(step_days(patrol)) == [dt.date(2026, 3, 2)]
    job = PrintJob.model_validate(
        {"id": "WY-2026-0001", "date": "2026-02-10", "requester": "张老师", "department": "语文组", "pages": 2,
         "copies": 40, "paper": "paper-a4", "purpose": "试卷", "done": "2026-02-12"}
    )  # fmt: skip
    assert as_of(job, dt.date(2026, 2, 11)).done is None and as_of(job, dt.date(2026, 2, 12)) is job
    assert {"approvals", "quotes", "meeting", "accepted"} <= set(step_fields(Purchase))


# --- item 4: months close in order, and nothing is dated on or before a closed month's end

SIGNED_FEBRUARY_CLAIM = OPEN_ITEMS["2026/expenses.yaml"] + ("  - {role: principal, by: 王校长, on: 2026-02-26}\n")
STOCK_IN = ("stock", "in", "paper-a4", "-q", "10", "--price", "23.50", "--origin", "捐赠", "--acceptor", "李主任")


def test_a_month_is_not_closed_while_an_earlier_one_is_open(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger({"2026/expenses.yaml": GOOD_EXPENSE, "2026/assets.yaml": OPEN_ITEMS["2026/assets.yaml"]})
    code, out = run(root, "finance", "close", "2026-04", "--by", "孙老师")
    assert code == 1
    assert "之前的 2026-02、2026-03 尚未结账（按月依次结账）" in out
    code, out = run(root, "finance", "close", "2026-03", "--by", "孙老师")
    assert code == 1
    assert "上月 2026-02 尚未结账" in out


def test_nothing_is_dated_in_an_open_month_before_a_closed_one(git_ledger: Callable[..., Path]) -> None:
    """CLS008: a ledger whose March was left open under a closed April (a close by hand, or an old
    houqin): a record dated in March would change April's figures, so it is refused."""
    from tests.conftest import git

    april = FEBRUARY + MARCH + MARCH.replace("0003", "0005").replace("0004", "0006").replace("03-31", "04-30")
    root = git_ledger({"2026/assertions.yaml": april, "2026/expenses.yaml": GOOD_EXPENSE})
    close_months(root, *((f"2026-0{m}", dt.date(2026, m + 1, 3)) for m in (2, 3, 4)))
    closes = (root / "2026/closes.yaml").read_text(encoding="utf-8").split("- id: ")
    (root / "2026/closes.yaml").write_text("- id: ".join(c for c in closes if "month: 2026-03" not in c))
    git(root, "add", "-A")
    git(root, "commit", "-q", "--no-verify", "-m", "March's close lost")
    assert "2026/expenses.yaml:1: error[CLS008] BX-2026-0001 日期在未结账的 2026-03，而其后的 2026-04 已结账（JZ-2026-0003）" in lines(root)  # fmt: skip
    code, out = run(root, *STOCK_IN, "--date", "2026-03-20")
    assert code == 1
    assert "error[CLS008] RK-2026-0001 日期在未结账的 2026-03，而其后的 2026-04 已结账（JZ-2026-0003）" in out
    code, out = run(root, *STOCK_IN, "--date", "2026-05-06", "--no-commit")  # the hook would refuse the old errors
    assert code == 0, out


def test_nothing_is_dated_on_or_before_a_closed_months_end(git_ledger: Callable[..., Path]) -> None:
    """A record dated in a closed month is CLS002; so is a step dated in it on an earlier record the
    close did not seal (paying February's claim on a day of closed March); after the close it is new."""
    from tests.conftest import git

    root = git_ledger({**OPEN_ITEMS, "2026/expenses.yaml": SIGNED_FEBRUARY_CLAIM, "2026/assertions.yaml": FEBRUARY})
    close_months(root, ("2026-02", dt.date(2026, 3, 5)))
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "close February")
    code, out = run(root, *STOCK_IN, "--date", "2026-02-20")
    assert code == 1
    assert "error[CLS002] RK-2026-0001 日期在已结账的 2026-02（JZ-2026-0001），是结账后补入的" in out
    march = MARCH.replace('"198700.50"', '"200000.00"')
    (root / "2026/assertions.yaml").write_text(FEBRUARY + march, encoding="utf-8")
    close_months(root, ("2026-03", dt.date(2026, 4, 3)))
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "close March")
    head = git(root, "rev-parse", "HEAD")
    code, out = run(root, "expense", "pay", "BX-2026-0001", "--by", "赵出纳", "--on", "2026-03-20")
    assert code == 1
    assert "error[CLS002] BX-2026-0001 日期在已结账的 2026-03（JZ-2026-0002），是结账后补入的" in out
    assert git(root, "rev-parse", "HEAD") == head
    code, out = run(root, "expense", "pay", "BX-2026-0001", "--by", "赵出纳", "--on", "2026-04-06")
    assert code == 0, out
    assert [x for x in lines(root) if "CLS" in x] == []


def test_the_bundled_closes_seal_what_a_close_on_their_day_would_have() -> None:
    """The October close (2026-11-05) seals the damage case and the repair of 10-30 as they stood on
    10-31, without their steps of 11-03 to 11-12 (an assessment, a settlement, a repair done and
    accepted), which are November's facts."""
    from houqin.checks.engine import run_checks
    from houqin.ledger.load import load_ledger
    from houqin.models.closing import fingerprint, month_bounds, sealed_as_of, sealed_records, standing_closes
    from tests.conftest import BUNDLED

    loaded = load_ledger(BUNDLED, use_cache=False)
    ledger = loaded.ledger
    assert [d for d in run_checks(loaded) if d.code.startswith("CLS")] == []
    closes = standing_closes(ledger)
    assert sorted(closes) == [f"2026-{m:02d}" for m in range(2, 11)]
    for month, close in closes.items():
        end = sealed_as_of(close)
        assert end == month_bounds(month)[1]
        assert close.fingerprints == tuple(fingerprint(r, end, close.seal) for r in sealed_records(ledger, month))
    october = {f.split(" ")[0]: f for f in closes["2026-10"].fingerprints}
    for rid in ("PC-2026-0002", "WX-2026-0004"):
        record = ledger.record_by_id[rid]
        assert october[rid] == fingerprint(record, dt.date(2026, 10, 31)) != fingerprint(record)


def test_a_close_taken_by_an_older_houqin_still_verifies(ledger_dir: Callable[..., Path]) -> None:
    """Closes written before `seal: 2` fingerprinted every field; they verify as they were taken, and a
    field added to records since (a count's `books`) does not break them while it is unset."""
    from houqin.ledger.load import load_ledger
    from houqin.models.closing import chain_digest, fingerprint, sealed_records

    root = ledger_dir({"2026/assertions.yaml": FEBRUARY})
    ledger = load_ledger(root, use_cache=False).ledger
    day = dt.date(2026, 3, 5)
    prints = tuple(fingerprint(r, day, seal=1) for r in sealed_records(ledger, "2026-02"))
    assert prints != tuple(fingerprint(r, day) for r in sealed_records(ledger, "2026-02"))
    old = (
        f"- id: JZ-2026-0001\n  date: {day}\n  month: 2026-02\n  closed_by: 孙老师\n  records: {len(prints)}\n"
        "  fingerprints:\n" + "".join(f"  - {p}\n" for p in prints) + f"  digest: {chain_digest(None, prints)}\n"
    )
    (root / "2026/closes.yaml").write_text(old, encoding="utf-8")
    assert lines(root) == []
    path = root / "2026/assertions.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('"5000.00"', '"5000.01"'), encoding="utf-8")
    assert (
        "2026/assertions.yaml:1: error[CLS001] DZ-2026-0001 属于已结账的 2026-02（JZ-2026-0001），结账后被修改"
        in lines(root)
    )


def test_an_older_reopening_that_names_no_close_undoes_the_close_of_its_day(ledger_dir: Callable[..., Path]) -> None:
    """A reopening written before reopenings named their close undoes the latest close of its month
    dated on or before it — on the close's own day too (it used to sort before it and undo nothing)."""
    root = ledger_dir({"2026/assertions.yaml": FEBRUARY})
    close_months(root, ("2026-02", dt.date(2026, 3, 5)))
    reopen = (
        "- id: KZ-2026-0001\n  date: {day}\n  month: 2026-02\n  reason: 补记\n"
        "  approvals:\n  - {{role: principal, by: 王校长, on: {day}}}\n"
    )
    (root / "2026/reopens.yaml").write_text(reopen.format(day="2026-03-04"), encoding="utf-8")
    assert standing(root) == {"2026-02": "JZ-2026-0001"}  # dated before the close: it reopened an earlier one
    (root / "2026/reopens.yaml").write_text(reopen.format(day="2026-03-05"), encoding="utf-8")
    assert standing(root) == {}
    assert lines(root) == []
