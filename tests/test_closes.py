"""The monthly close at its edges (issue #13): what a close seals and what may follow it, reopening on
the day of the close, months closed out of order, and back-dated writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import GOOD_EXPENSE
from tests.test_rules import lines

ASSERTIONS = """\
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
