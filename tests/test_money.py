"""Issue #16, the seed's money rules: accounts as policy (any number, each with its kind and keeper),
一支笔 before the money is committed, goods only through the office — each rule with a ledger that
breaks it and the exact diagnostic."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import BASE
from tests.test_finance import CASH_IN
from tests.test_purchases import CLAIM, PURCHASE
from tests.test_rules import lines

TILL = """\
          - {id: shop-till, name: 商店收银, kind: cash, keeper: clerk}
          - {id: nongshang, name: 农商银行存款, kind: bank}
"""
ACCOUNTS = BASE["catalog.yaml"].rstrip(" ") + TILL
PEOPLE = (
    BASE["people.yaml"].rstrip(" ")
    + "        - {name: 钱文员, roles: [clerk], department: 总务处, joined: 2010-09-01}\n"
)
SHOP_TAKINGS = CASH_IN.replace("account: cash", "account: shop-till").replace(
    "received_by: 赵出纳", "received_by: 钱文员"
)


def test_accounts_the_school_lists_are_accounts_of_the_books(ledger_dir: Callable[..., Path]) -> None:
    transfer = (
        "- id: ZZ-2026-0001\n  date: 2026-03-10\n  from_account: bank\n  to_account: nongshang\n"
        '  amount: "1000.00"\n  by: 赵出纳\n'
    )
    files = {"catalog.yaml": ACCOUNTS, "people.yaml": PEOPLE, "2026/income.yaml": SHOP_TAKINGS}
    assert lines(ledger_dir({**files, "2026/transfers.yaml": transfer})) == []


MONEY_CASES: list[tuple[str, dict[str, str], list[str]]] = [
    (
        "SCH001 an account of unknown kind",
        {"catalog.yaml": ACCOUNTS.replace("kind: bank}", "kind: savings}")},
        ["catalog.yaml:13: error[SCH001] 字段 种类(kind) 无效：取值不在允许范围内：savings"],
    ),
    (
        "SCH001 a new account without its kind",
        {"catalog.yaml": ACCOUNTS.replace(", kind: bank}", "}")},
        [
            "catalog.yaml:13: error[SCH001] 字段 种类(kind) 无效：账户 nongshang 须写明种类 kind：cash（现金）、"
            "bank（银行存款）或 fund（账内专项资金）"
        ],
    ),
    (
        "FIN013 an account the books do not have",
        {"2026/income.yaml": CASH_IN.replace("account: cash", "account: xiaojinku")},
        [
            "2026/income.yaml:1: error[FIN013] SR-2026-0001 记在账户 xiaojinku 上，但账本没有这个账户（有：cash、bank、canteen）"
        ],
    ),
    (
        "FIN014 the shop's till handled by someone not its keeper",
        {"catalog.yaml": ACCOUNTS, "people.yaml": PEOPLE, "2026/income.yaml": SHOP_TAKINGS.replace("钱文员", "张老师")},
        [
            "2026/income.yaml:1: error[FIN014] SR-2026-0001 的商店收银由 张老师 经手（2026-03-09），但商店收银只能由办事员办理"
        ],
    ),
    (
        "PUR011 the goods were bought before the principal consented",
        {
            "2026/purchases.yaml": PURCHASE.replace(
                "principal, by: 王校长, on: 2026-03-01", "principal, by: 王校长, on: 2026-03-04"
            ).replace("2026-03-02", "2026-03-05"),
            "2026/expenses.yaml": CLAIM,
        },
        [
            "2026/expenses.yaml:9: error[PUR011] BX-2026-0001 的发票 26442000000012345678 开于 2026-03-03，早于请购单 "
            "CG-2026-0001 的校长(principal)批准（2026-03-04）：开支须事先征得同意，不是事后补签"
        ],
    ),
]


def test_a_tier_is_a_local_policy_the_school_writes_down(ledger_dir: Callable[..., Path]) -> None:
    """Ledgers made by houqin init before 一支笔 became the default wrote their tier (1000) in houqin.yaml and
    keep it; a ledger that writes none has the principal approve every purchase."""
    from tests.test_purchases import UNAPPROVED

    tier = BASE["houqin.yaml"].rstrip(" ") + '        policy:\n          principal_threshold: "1000.00"\n'
    assert lines(ledger_dir({"houqin.yaml": tier, "2026/purchases.yaml": UNAPPROVED})) == []
    assert [line.split("]")[0] for line in lines(ledger_dir({"2026/purchases.yaml": UNAPPROVED}, name="b"))] == [
        "2026/purchases.yaml:1: error[PUR001"
    ]


@pytest.mark.parametrize(("name", "files", "expected"), MONEY_CASES, ids=[c[0] for c in MONEY_CASES])
def test_money_rule(ledger_dir: Callable[..., Path], name: str, files: dict[str, str], expected: list[str]) -> None:
    assert lines(ledger_dir(files)) == expected
