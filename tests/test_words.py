"""Every role, step, field and status appears in the reader's language (houqin.i18n's word tables),
and --as takes the school's words for a step as well as its key."""

from __future__ import annotations

import re
import typing
from collections.abc import Callable
from pathlib import Path

import pydantic
import pytest
from typer.testing import CliRunner

from houqin.cli.app import app
from houqin.i18n import FIELDS, ROLES, STATUSES, RecordName, field_label, labelled, role_key
from houqin.messages import CATALOG, WORD_PARAMS
from houqin.models import config, directory, records
from houqin.models.config import DEFAULT_CHAINS, DEFAULT_SIGNERS
from houqin.models.kinds import KINDS
from tests.conftest import GOOD_ASSET, GOOD_EXPENSE, git
from tests.test_repairs import DAMAGE

runner = CliRunner()
UNSIGNED = GOOD_EXPENSE.split("  approvals:")[0]


def run(root: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--ledger", str(root), *args])
    return result.exit_code, result.output


def _fields_of(model: type[pydantic.BaseModel], seen: set[type]) -> set[str]:
    if model in seen:
        return set()
    seen.add(model)
    names = set(model.model_fields)
    for f in model.model_fields.values():
        for arg in typing.get_args(f.annotation) or (f.annotation,):
            for inner in typing.get_args(arg) or (arg,):
                if isinstance(inner, type) and issubclass(inner, pydantic.BaseModel):
                    names |= _fields_of(inner, seen)
    return names


def test_every_field_of_every_model_has_a_chinese_word() -> None:
    seen: set[type] = set()
    names: set[str] = set()
    for module in (records, directory, config):
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, pydantic.BaseModel)
                and value.__module__ == module.__name__
            ):
                names |= _fields_of(value, seen)
    assert sorted(names - set(FIELDS)) == []


def test_every_step_and_role_has_a_chinese_word() -> None:
    steps = {s for chain in DEFAULT_CHAINS.values() for s in chain} | set(DEFAULT_SIGNERS)
    roles = set(typing.get_args(directory.RoleSpan.model_fields["role"].annotation))
    assert sorted((steps | roles) - set(ROLES)) == []


def test_every_message_naming_a_step_or_field_shows_it_in_words() -> None:
    """A code whose text takes a step, chain, role list or field says which of its parameters those are."""
    for code, msg in CATALOG.items():
        named = set(re.findall(r"\{(step|chain|roles|field|fields|previous|other)\}", msg.zh))
        if named & {"step", "chain", "roles", "field", "fields"}:
            assert named - {"previous", "other"} <= set(WORD_PARAMS.get(code, {})), code


def test_labels() -> None:
    assert labelled("handler", "zh") == "经手人(handler)"
    assert labelled("handler", "en") == "handler"
    assert field_label("invoices.0.date", "zh") == "日期(invoices.0.date)"
    assert field_label("colour", "zh") == "colour"
    assert STATUSES["paid"] == ("已赔付", "paid")


@pytest.mark.parametrize(
    ("typed", "key"),
    [("经手人", "handler"), ("证明人", "witness"), ("校长", "principal"), ("witness", "witness"),
     ("主管领导", "supervisor"), ("部门负责人", "department_head"), ("department head", "department_head"),
     ("总务主任", "director"), ("验收人", "acceptor"), ("移交人", "giver"), ("接收人", "receiver"),
     ("保管人", "keeper"), ("分管领导", "supervisor"), ("会计", "accountant"), ("无此环节", "无此环节")],
)  # fmt: skip
def test_role_key_takes_every_chinese_step_name(typed: str, key: str) -> None:
    assert role_key(typed) == key


def test_expense_sign_takes_the_chinese_step_names(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger({"2026/expenses.yaml": UNSIGNED})
    sign = ["expense", "sign", "BX-2026-0001"]
    assert run(root, *sign, "--as", "经手人", "--by", "张老师", "--on", "2026-03-05")[0] == 0
    assert run(root, *sign, "--as", "证明人", "--by", "李主任", "--on", "2026-03-05")[0] == 0
    assert run(root, *sign, "--as", "校长", "--by", "王校长", "--on", "2026-03-06")[0] == 0
    text = (root / "2026/expenses.yaml").read_text()
    assert "{role: handler, by: 张老师" in text and "{role: witness, by: 李主任" in text
    assert "{role: principal, by: 王校长" in text
    assert git(root, "log", "-1", "--format=%s") == "expense sign BX-2026-0001 principal 王校长\n"
    code, out = run(root, *sign, "--as", "证明人", "--by", "李主任")
    assert (code, out.strip()) == (2, "houqin: BX-2026-0001 的 证明人 已签字。")


def test_an_unknown_step_names_the_steps_in_words(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger({"2026/expenses.yaml": UNSIGNED})
    code, out = run(root, "expense", "sign", "BX-2026-0001", "--as", "总务主任", "--by", "李主任")
    assert code == 2
    assert out.strip() == (
        "houqin: 没有签批环节 总务主任；此类单据的环节为 经手人 → 证明人 → 校长"
        "（--as 可写中文或 handler | witness | principal）"
    )
    code, out = run(root, "--lang", "en", "expense", "sign", "BX-2026-0001", "--as", "auditor", "--by", "李主任")
    assert out.strip() == (
        "houqin: No signature step auditor; the steps of this record are handler → witness → principal "
        "(--as takes handler | witness | principal)"
    )


def test_chinese_diagnostics_name_steps_and_fields_in_chinese(ledger_dir: Callable[..., Path]) -> None:
    twice = GOOD_EXPENSE.replace("witness, by: 李主任", "witness, by: 张老师")
    root = ledger_dir({"2026/expenses.yaml": twice})
    code, out = run(root, "check")
    assert code == 1
    assert "error[SOD001] 张老师 同时签了 证明人(witness) 和 经手人(handler)" in out
    _, out = run(root, "--lang", "en", "check")
    assert "error[SOD001] 张老师 signed both as witness and as handler" in out
    root = ledger_dir({"2026/assets.yaml": GOOD_ASSET.replace("  place: SY-301\n", "")}, name="b")
    code, out = run(root, "check")
    assert code == 1
    assert "error[SCH001] 字段 存放地点(place) 无效：缺少必填字段" in out


def test_finance_report_shows_claim_and_damage_status_in_words(ledger_dir: Callable[..., Path]) -> None:
    root = ledger_dir({"2026/expenses.yaml": UNSIGNED, "2026/assets.yaml": GOOD_ASSET, "2026/damages.yaml": DAMAGE})
    code, out = run(root, "finance", "report", "2026-03", "--format", "md")
    assert code == 0, out
    assert "| BX-2026-0001 | 2026-03-05 | 文具店 | 1,299.50 | 待签：经手人、证明人、校长 |" in out
    assert "已定损 |" in out and "已赔付 |" in out and "paid" not in out
    code, out = run(root, "--lang", "en", "finance", "report", "2026-03", "--format", "md")
    assert "| awaiting: handler, witness, principal |" in out and "| paid |" in out


def test_audit_pack_shows_a_settled_case_in_both_languages(ledger_dir: Callable[..., Path]) -> None:
    import datetime as dt

    from houqin.ledger.load import load_ledger
    from houqin.reports.audit import audit_pack

    ledger = load_ledger(ledger_dir({"2026/assets.yaml": GOOD_ASSET, "2026/damages.yaml": DAMAGE})).ledger
    pack = audit_pack(ledger, ledger.config.terms[0], dt.date(2026, 7, 1), [], [])
    (damages,) = [t for t in pack.tables if t.key == "damages"]
    assert damages.rows[0][-1] == "2026-03-25 已赔付 paid"


def test_a_step_typed_in_chinese_into_yaml_is_told_its_key(ledger_dir: Callable[..., Path]) -> None:
    root = ledger_dir({"2026/expenses.yaml": GOOD_EXPENSE.replace("role: witness", "role: 证明人")})
    code, out = run(root, "check")
    assert code == 1
    assert "error[APR004] 此类单据没有 证明人（YAML 中应写 witness） 这一签批环节（应为 经手人 → 证明人 → 校长）" in out
    _, out = run(root, "--lang", "en", "check")
    assert "error[APR004] this kind of record has no 证明人 (write witness) step" in out


def test_an_unknown_record_is_named_by_its_kind_in_the_readers_language(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger()
    code, out = run(root, "expense", "sign", "BX-2026-0099", "--as", "经手人", "--by", "张老师")
    assert (code, out.strip()) == (2, "houqin: 找不到报销单 BX-2026-0099。")
    code, out = run(root, "--lang", "en", "advance", "approve", "JK-2026-0099", "--by", "王校长")
    assert (code, out.strip()) == (2, "houqin: No advance JK-2026-0099.")


def test_a_kind_of_record_is_named_from_the_catalogue_in_each_language_and_in_both_in_a_diagnostic() -> None:
    assert (RecordName("asset").render("zh"), RecordName("asset").render("en")) == ("资产", "asset")
    assert RecordName("budget_line").both() == "预算科目/budget line"
    for kind in KINDS:
        for link in kind.links:
            zh, en = link.what.render("zh"), link.what.render("en")
            assert zh != en and zh and en and link.what.both() == f"{zh}/{en}", (kind.name, link.path)
