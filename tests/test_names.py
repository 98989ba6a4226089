"""Names that can be mistaken for another's (issue #20 item 5): a signature is made under a name, so
王建囯 beside 王建国, 張偉 beside 张伟, or a name with a zero-width space is a warning at houqin check."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from houqin.checks.signatures import name_skeleton
from tests.conftest import BASE, GOOD_EXPENSE
from tests.test_rules import lines


def with_person(line: str) -> dict[str, str]:
    return {"people.yaml": BASE["people.yaml"].rstrip(" ") + f"        {line}\n"}


NAME_CASES: list[tuple[str, dict[str, str], list[str]]] = [
    (
        "SIG003 a variant character: 王校長 beside 王校长",
        with_person("- {name: 王校長, roles: [teacher], department: 语文组, joined: 2010-09-01}"),
        [
            "people.yaml:14: warning[SIG003] 王校長 与 王校长 的姓名看起来一样（异体字、繁简或形近字母）："
            "签字可能被记在错误的人名下"
        ],
    ),
    (
        "SIG004 a zero-width space in a name",
        with_person('- {name: "张\\u200B老师", roles: [teacher], department: 语文组, joined: 2010-09-01}'),
        [
            "people.yaml:14: warning[SIG003] 张\u200b老师 与 张老师 的姓名看起来一样（异体字、繁简或形近字母）："
            "签字可能被记在错误的人名下",
            "people.yaml:14: warning[SIG004] 张\u200b老师 的姓名中有看不见的字符（U+200B）：看起来一样的名字会被当成另一个人",
        ],
    ),
]


NAME_CASES.append(
    (
        "REF012 a signature under a look-alike of a name in people.yaml",
        {"2026/expenses.yaml": GOOD_EXPENSE.replace("by: 王校长", "by: 王校長")},
        [
            "2026/expenses.yaml:12: error[REF012] approvals.principal 中的人员 王校長 不在 people.yaml 中，"
            "但与其中的 王校长 看起来一样"
        ],
    )
)


@pytest.mark.parametrize(("name", "files", "expected"), NAME_CASES, ids=[c[0] for c in NAME_CASES])
def test_name_rule(ledger_dir: Callable[..., Path], name: str, files: dict[str, str], expected: list[str]) -> None:
    assert lines(ledger_dir(files)) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("王建国", "王建囯"),
        ("张伟", "張偉"),
        ("张伟2", "张伟２"),
        ("Anna", "Аnna"),
        ("李明", "李\u200d明"),
        ("赵丽", "赵 丽"),
    ],
)
def test_look_alikes_share_a_skeleton(a: str, b: str) -> None:
    assert a != b and name_skeleton(a) == name_skeleton(b)


@pytest.mark.parametrize(("a", "b"), [("张伟", "张伟2"), ("王建国", "王建军"), ("李明", "李鸣")])
def test_different_names_do_not(a: str, b: str) -> None:
    assert name_skeleton(a) != name_skeleton(b)


@given(st.text(alphabet=st.characters(categories=("Lo", "Nd")), min_size=1, max_size=4))
def test_a_name_is_its_own_look_alike_with_invisible_characters_added(name: str) -> None:
    assert name_skeleton(name) == name_skeleton("\u200b" + name + "\ufeff")


def test_the_bundled_staff_have_no_look_alike_names() -> None:
    from houqin.ledger.load import load_ledger
    from tests.conftest import BUNDLED

    people = load_ledger(BUNDLED, use_cache=False).ledger.people
    assert len({name_skeleton(p.name) for p in people}) == len(people)
