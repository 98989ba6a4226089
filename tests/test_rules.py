"""Every rule of this capability, each with a ledger that breaks it and the exact diagnostic."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from houqin.checks.engine import run_checks
from houqin.diagnostics import Diagnostic
from houqin.ledger.load import load_ledger
from tests.conftest import BASE, GOOD_ASSET, GOOD_EXPENSE


def lines(root: Path, lang: str = "zh") -> list[str]:
    return [f"{d.location()}: {d.severity}[{d.code}] {d.message(lang)}" for d in diagnostics(root)]


def diagnostics(root: Path) -> list[Diagnostic]:
    return run_checks(load_ledger(root))


def expense(**changes: str) -> str:
    text = GOOD_EXPENSE
    for old, new in changes.items():
        text = text.replace(old.replace("__", " "), new)
    return text


def test_clean_ledger_has_no_diagnostics(ledger_dir: Callable[..., Path]) -> None:
    root = ledger_dir({"2026/expenses.yaml": GOOD_EXPENSE, "2026/assets.yaml": GOOD_ASSET})
    assert lines(root) == []


CASES: list[tuple[str, dict[str, str], list[str]]] = [
    (
        "SOD004 the accountant is also the cashier",
        {
            "people.yaml": BASE["people.yaml"].replace(
                "{name: 赵出纳, roles: [cashier]", "{name: 赵出纳, roles: [cashier, accountant]"
            )
        },
        ["people.yaml:4: error[SOD004] 赵出纳 同时担任会计和出纳：会计出纳须分设"],
    ),
    (
        "SOD005 the cashier pays a claim they signed as handler",
        {"2026/expenses.yaml": expense(**{"handler, by: 张老师": "handler, by: 赵出纳"})},
        ["2026/expenses.yaml:1: error[SOD005] 出纳 赵出纳 付了自己签过 经手人(handler) 的 BX-2026-0001"],
    ),
    # --- schema
    (
        "SCH001 money as float",
        {"2026/assets.yaml": GOOD_ASSET.replace('"4999.00"', "4999.00")},
        ['2026/assets.yaml:5: error[SCH001] 字段 单价(unit_price) 无效：金额须写成带引号的文字，如 "1299.50"'],
    ),
    (
        "SCH001 unknown key",
        {"2026/assets.yaml": GOOD_ASSET + "  colour: 红\n"},
        ["2026/assets.yaml:9: error[SCH001] 字段 colour 无效：未知字段（拼写错误？）"],
    ),
    (
        "SCH001 missing field",
        {"2026/assets.yaml": GOOD_ASSET.replace("  keeper: 李主任\n", "")},
        ["2026/assets.yaml:1: error[SCH001] 字段 保管人(keeper) 无效：缺少必填字段"],
    ),
    (
        "SCH001 impossible date",
        {"2026/assets.yaml": GOOD_ASSET.replace("2026-03-02", "2026-02-30")},
        ["2026/assets.yaml:2: error[SCH001] 字段 日期(date) 无效：没有这一天：2026-02-30"],
    ),
    (
        "SCH001 date not written YYYY-MM-DD",
        {"2026/assets.yaml": GOOD_ASSET.replace("2026-03-02", "2026/03/02")},
        ["2026/assets.yaml:2: error[SCH001] 字段 日期(date) 无效：日期须写成 YYYY-MM-DD：2026/03/02"],
    ),
    (
        "SCH001 negative quantity",
        {"2026/assets.yaml": GOOD_ASSET + "  quantity: -3\n"},
        ["2026/assets.yaml:9: error[SCH001] 字段 数量(quantity) 无效：数值太小：-3"],
    ),
    (
        "SCH001 nested approval field",
        {"2026/expenses.yaml": expense(**{"by: 李主任": "by: 李主任, when: x"})},
        ["2026/expenses.yaml:11: error[SCH001] 字段 approvals.1.when 无效：未知字段（拼写错误？）"],
    ),
    (
        "SCH002 unknown file",
        {"2026/notes.yaml": "- x\n"},
        ["2026/notes.yaml: warning[SCH002] 账本中有无法识别的文件，houqin 不会读取它"],
    ),
    (
        "SCH003 list item not a record",
        {"2026/assets.yaml": GOOD_ASSET + "- just text\n"},
        ["2026/assets.yaml:9: error[SCH003] 列表项应当是一条记录（键: 值 的映射）"],
    ),
    (
        "YAML001 syntax",
        {"2026/assets.yaml": GOOD_ASSET + "  - [unclosed\n"},
        [
            "2026/assets.yaml:9: error[YAML001] YAML 语法错误：找不到应有的键（缩进是否与上一行对齐？）"
            "（did not find expected key）"
        ],
    ),
    (
        "SCH004 what rests on an unreadable file is held back and counted",
        {
            "2026/assets.yaml": GOOD_ASSET.replace("李主任", "无名氏"),
            "places.yaml": "- {id: SY-301, name: 计算机教室, kind: function, keeper: 李主任\n",
        },
        [
            "places.yaml:2: error[YAML001] YAML 语法错误：花括号 { } 没有闭合（缺少逗号或右花括号？）"
            "（did not find expected ',' or '}'）",
            "places.yaml: info[SCH004] 另有 4 条由此引起的问题未列出：places.yaml 无法读取，依赖它的检查结果不可信",
        ],
    ),
    (
        "YAML002 duplicate key",
        {"2026/assets.yaml": GOOD_ASSET + "  keeper: 张老师\n"},
        ["2026/assets.yaml:9: error[YAML002] 重复的键 keeper（第 7 行已出现）"],
    ),
    (
        "YAML003 unsafe tag",
        {"2026/assets.yaml": GOOD_ASSET + "  model: !!python/object:os.system ls\n"},
        ["2026/assets.yaml:9: error[YAML003] 不允许的 YAML 标签 tag:yaml.org,2002:python/object:os.system"],
    ),
    (
        "YAML004 alias",
        {
            "2026/assets.yaml": GOOD_ASSET.replace("name: 台式电脑", "name: &n 台式电脑").replace("model", "x")
            + "  model: *n\n"
        },
        ["2026/assets.yaml:3: error[YAML004] 不允许使用锚点/别名（& 和 *）或合并键（<<）"],
    ),
    (
        "YAML005 not a list",
        {"2026/assets.yaml": "id: ZC-2026-0001\n"},
        ["2026/assets.yaml:1: error[YAML005] 此文件的顶层应当是记录列表（每条以 `- ` 开头）"],
    ),
    # --- ids
    (
        "ID001 duplicate id",
        {"2026/assets.yaml": GOOD_ASSET + GOOD_ASSET.replace("台式电脑", "另一台")},
        ["2026/assets.yaml:9: error[ID001] 编号 ZC-2026-0001 重复（另见 2026/assets.yaml:1）"],
    ),
    (
        "ID001 the id of a record of another kind",  # no kind's set holds it twice: the sets alone say nothing
        {"2026/assets.yaml": GOOD_ASSET, "2026/expenses.yaml": GOOD_EXPENSE.replace("BX-2026-0001", "ZC-2026-0001")},
        [
            "2026/expenses.yaml:1: error[ID001] 编号 ZC-2026-0001 重复（另见 2026/assets.yaml:1）",
            "2026/expenses.yaml:1: error[ID002] 编号 ZC-2026-0001 格式不对，应为 BX-年份-序号（如 BX-2025-0001）",
        ],
    ),
    (
        "ID002 wrong prefix",
        {"2026/assets.yaml": GOOD_ASSET.replace("ZC-2026", "BX-2026")},
        ["2026/assets.yaml:1: error[ID002] 编号 BX-2026-0001 格式不对，应为 ZC-年份-序号（如 ZC-2025-0001）"],
    ),
    (
        "ID003 year vs date",
        {"2026/assets.yaml": GOOD_ASSET.replace("2026-03-02", "2025-03-02")},
        ["2026/assets.yaml:1: error[ID003] 编号 ZC-2026-0001 的年份与日期 2025-03-02 不符"],
    ),
    (
        "ID004 wrong file",
        {"2025/assets.yaml": GOOD_ASSET},
        ["2025/assets.yaml:1: error[ID004] 记录 ZC-2026-0001 放错了文件：应在 2026/assets.yaml"],
    ),
    (
        "ID005 duplicate person",
        {
            "people.yaml": "- {name: 王校长, roles: [principal]}\n"
            "- {name: 李主任, roles: [director]}\n"
            "- {name: 张老师, roles: [teacher]}\n"
            "- {name: 张老师, roles: [teacher]}\n"
        },
        ["people.yaml:4: error[ID005] 人员/person 张老师 重复登记"],
    ),
    # --- refs
    (
        "REF001 unknown keeper",
        {"2026/assets.yaml": GOOD_ASSET.replace("keeper: 李主任", "keeper: 无名氏")},
        ["2026/assets.yaml:1: error[REF001] 保管人(keeper) 中的人员 无名氏 不在 people.yaml 中"],
    ),
    (
        "REF002 keeper had left",
        {"2026/assets.yaml": GOOD_ASSET.replace("keeper: 李主任", "keeper: 陈老师")},
        ["2026/assets.yaml:1: error[REF002] 保管人(keeper) 中的人员 陈老师 在 2026-03-02 不在职"],
    ),
    (
        "REF003 unknown place",
        {"2026/assets.yaml": GOOD_ASSET.replace("SY-301", "SY-999")},
        ["2026/assets.yaml:1: error[REF003] 地点 SY-999 不在 places.yaml 中"],
    ),
    (
        "REF004 inactive place",
        {"2026/assets.yaml": GOOD_ASSET.replace("SY-301", "OLD-1")},
        ["2026/assets.yaml:1: error[REF004] 地点 OLD-1 已停用"],
    ),
    (
        "REF006 category not in catalog",
        {"2026/assets.yaml": GOOD_ASSET.replace("A02010105", "A02010108")},
        ["2026/assets.yaml:1: warning[REF006] 资产分类 A02010108 不在 catalog.yaml 中"],
    ),
    (
        "REF007 malformed category",
        {"2026/assets.yaml": GOOD_ASSET.replace("A02010105", "B99")},
        ["2026/assets.yaml:1: error[REF007] 资产分类 B99 不是 GB/T 14885 代码"],
    ),
    (
        "REF008 unknown budget line",
        {"2026/expenses.yaml": expense(**{'"30201"': '"30299"'})},
        ["2026/expenses.yaml:1: error[REF008] 预算科目 30299 在 2026 年预算中不存在"],
    ),
    (
        "REF010 unknown funding",
        {"2026/assets.yaml": GOOD_ASSET.replace("财政拨款", "小金库")},
        ["2026/assets.yaml:1: error[REF010] 经费来源 小金库 不在 catalog.yaml 的经费来源(funding_sources)中"],
    ),
    (
        "REF001 unknown signer",
        {"2026/expenses.yaml": expense(**{"by: 李主任": "by: 路人甲"})},
        ["2026/expenses.yaml:11: error[REF001] 证明人(approvals.witness) 中的人员 路人甲 不在 people.yaml 中"],
    ),
    # --- approval chain
    (
        "APR001 paid without witness",
        {"2026/expenses.yaml": expense(**{"  - {role: witness, by: 李主任, on: 2026-03-05}\n": ""})},
        [
            "2026/expenses.yaml:1: error[APR001] BX-2026-0001 已付款，但缺少 证明人(witness) 签批（需 经手人 → 证明人 → 校长）"
        ],
    ),
    (
        "APR002 out of order",
        {
            "2026/expenses.yaml": expense(
                **{
                    "principal, by: 王校长, on: 2026-03-06": "principal, by: 王校长, on: 2026-03-04",
                    "date: 2026-03-05\n": "date: 2026-03-04\n",
                }
            )
        },
        [
            "2026/expenses.yaml:12: error[APR002] 校长(principal) 签于 2026-03-04，早于前一环节 证明人(witness)（2026-03-05）"
        ],
    ),
    (
        "APR003 signed before the claim",
        {
            "2026/expenses.yaml": expense(
                **{"handler, by: 张老师, on: 2026-03-05": "handler, by: 张老师, on: 2026-03-01"}
            )
        },
        ["2026/expenses.yaml:10: error[APR003] 经手人(handler) 签于 2026-03-01，早于单据日期 2026-03-05"],
    ),
    (
        "APR004 unknown step",
        {"2026/expenses.yaml": expense(**{"role: witness": "role: auditor"})},
        [
            "2026/expenses.yaml:1: error[APR001] BX-2026-0001 已付款，但缺少 证明人(witness) 签批（需 经手人 → 证明人 → 校长）",
            "2026/expenses.yaml:11: error[APR004] 此类单据没有 稽核人员(auditor) 这一签批环节（应为 经手人 → 证明人 → 校长）",
            "2026/expenses.yaml:11: error[SIG001] 李主任 在 2026-03-05 不具备 稽核人员(auditor) 签字资格（需要角色：稽核人员）",
        ],
    ),
    (
        "APR005 signed twice",
        {
            "2026/expenses.yaml": expense(
                **{"  payment:": "  - {role: principal, by: 王校长, on: 2026-03-06}\n  payment:"}
            )
        },
        ["2026/expenses.yaml:13: error[APR005] 校长(principal) 签了两次"],
    ),
    (
        "APR006 paid before signed",
        {"2026/expenses.yaml": expense(**{"on: 2026-03-07": "on: 2026-03-05"})},
        ["2026/expenses.yaml:1: error[APR006] BX-2026-0001 在 2026-03-05 付款，早于签批完成（2026-03-06）"],
    ),
    # --- signatures
    (
        "SIG001 principal signed by a teacher",
        {"2026/expenses.yaml": expense(**{"by: 王校长": "by: 刘副校长"})},
        [
            "2026/expenses.yaml:12: error[SIG001] 刘副校长 在 2026-03-06 不具备 校长(principal) 签字资格（需要角色：校长）"
        ],
    ),
    (
        "SIG001 role not yet held",
        {"2026/expenses.yaml": expense(**{"by: 王校长": "by: 孙老师"})},
        ["2026/expenses.yaml:12: error[SIG001] 孙老师 在 2026-03-06 不具备 校长(principal) 签字资格（需要角色：校长）"],
    ),
    (
        "SIG002 signer had left",
        {"2026/expenses.yaml": expense(**{"witness, by: 李主任": "witness, by: 陈老师"})},
        ["2026/expenses.yaml:11: error[SIG002] 陈老师 在 2026-03-05 不在职，签字无效"],
    ),
    # --- separation of duties
    (
        "SOD001 one person two steps",
        {"2026/expenses.yaml": expense(**{"witness, by: 李主任": "witness, by: 张老师"})},
        ["2026/expenses.yaml:11: error[SOD001] 张老师 同时签了 证明人(witness) 和 经手人(handler)"],
    ),
    (
        "SOD002 cashier witnesses",
        {"2026/expenses.yaml": expense(**{"witness, by: 李主任": "witness, by: 赵出纳"})},
        ["2026/expenses.yaml:11: error[SOD002] 出纳 赵出纳 不能作为 证明人(witness) 签字"],
    ),
    (
        "SOD003 approves own claim",
        {"2026/expenses.yaml": expense(**{"payee: 文具店": "payee: 王校长"})},
        ["2026/expenses.yaml:12: error[SOD003] 王校长 审批了自己的申请"],
    ),
    # --- invoices
    (
        "INV001 malformed",
        {"2026/expenses.yaml": expense(**{'"26442000000012345678"': '"2644200000001234"'})},
        ["2026/expenses.yaml:8: error[INV001] 发票号码 2644200000001234 格式不对"],
    ),
    (
        "INV001 old-style ok, bad code",
        {"2026/expenses.yaml": expense(**{'number: "26442000000012345678"': 'code: "14403190", number: "12345678"'})},
        ["2026/expenses.yaml:8: error[INV001] 发票号码 14403190-12345678 格式不对"],
    ),
    (
        "INV002 claimed twice",
        {"2026/expenses.yaml": GOOD_EXPENSE + expense(**{"BX-2026-0001": "BX-2026-0002"})},
        ["2026/expenses.yaml:21: error[INV002] 发票 26442000000012345678 已在 BX-2026-0001 报销过"],
    ),
    (
        "INV003 invoice after claim",
        {"2026/expenses.yaml": expense(**{"date: 2026-03-03": "date: 2026-03-09"})},
        ["2026/expenses.yaml:8: error[INV003] 发票日期 2026-03-09 晚于报销日期 2026-03-05"],
    ),
    (
        "INV004 invoice too old",
        {"2026/expenses.yaml": expense(**{"date: 2026-03-03": "date: 2025-09-01"})},
        ["2026/expenses.yaml:8: error[INV004] 发票日期 2025-09-01 距报销日期已 185 天，超过 180 天期限"],
    ),
    (
        "INV005 amounts differ",
        {"2026/expenses.yaml": expense(**{'amount: "1299.50"}': 'amount: "1200.00"}'})},
        ["2026/expenses.yaml:1: error[INV005] 发票金额合计 1200.00 与报销金额 1299.50 不符"],
    ),
    # --- capitalisation
    (
        "CAP001 below threshold",
        {"2026/assets.yaml": GOOD_ASSET.replace('"4999.00"', '"800.00"')},
        [
            "2026/assets.yaml:1: warning[CAP001] 资产 ZC-2026-0001 单价 800.00 元低于固定资产标准 1000.00 元，且未说明理由"
        ],
    ),
    (
        "CAP001 special threshold",
        {"2026/assets.yaml": GOOD_ASSET.replace('"4999.00"', '"1200.00"').replace("A02010105", "A02109900")},
        [
            "2026/assets.yaml:1: warning[CAP001] 资产 ZC-2026-0001 单价 1200.00 元低于固定资产标准 1500.00 元，且未说明理由"
        ],
    ),
]


@pytest.mark.parametrize(("name", "files", "expected"), CASES, ids=[c[0] for c in CASES])
def test_rule(ledger_dir: Callable[..., Path], name: str, files: dict[str, str], expected: list[str]) -> None:
    assert lines(ledger_dir(files)) == expected


def breaking_cases() -> list[tuple[str, dict[str, str], list[str]]]:
    """Every case of every rule table: a ledger that breaks a rule, and what the checks say."""
    from tests.test_assets import ASSET_CASES
    from tests.test_audit_group import AUDIT_CASES
    from tests.test_calendar import CALENDAR_CASES
    from tests.test_canteen_safety import FOOD_CASES
    from tests.test_edges import EDGE_CASES
    from tests.test_finance import FINANCE_CASES
    from tests.test_keys import KEY_CASES
    from tests.test_money import (
        CANTEEN_CASES,
        DAMAGE_CASES,
        FEE_CASES,
        MONEY_CASES,
        RECEIPT_CASES,
        SHOP_MONEY_CASES,
        TWO_LINES_CASES,
    )
    from tests.test_names import NAME_CASES
    from tests.test_office import OFFICE_CASES, SHOP_CASES
    from tests.test_own_requests import OWN_CASES
    from tests.test_purchases import PURCHASE_CASES
    from tests.test_repairs import REPAIR_CASES
    from tests.test_responsibility import RESPONSIBILITY_CASES
    from tests.test_safety_registers import SAFETY_CASES
    from tests.test_stock import STOCK_CASES
    from tests.test_stocktake import STOCKTAKE_CASES
    from tests.test_term_report import TERM_REPORT_CASES
    from tests.test_vehicles import VEHICLE_CASES

    return (
        CASES
        + ASSET_CASES
        + REPAIR_CASES
        + STOCK_CASES
        + PURCHASE_CASES
        + STOCKTAKE_CASES
        + FINANCE_CASES
        + OFFICE_CASES
        + SHOP_CASES
        + EDGE_CASES
        + KEY_CASES
        + OWN_CASES
        + NAME_CASES
        + CALENDAR_CASES
        + TERM_REPORT_CASES
        + AUDIT_CASES
        + SAFETY_CASES
        + RESPONSIBILITY_CASES
        + FOOD_CASES
        + VEHICLE_CASES
        + MONEY_CASES
        + RECEIPT_CASES
        + DAMAGE_CASES
        + SHOP_MONEY_CASES
        + TWO_LINES_CASES
        + CANTEEN_CASES
        + FEE_CASES
    )


def test_every_code_in_the_catalog_has_a_breaking_ledger() -> None:
    from houqin.messages import CATALOG

    cases = breaking_cases()
    tested = {line.split("[")[1].split("]")[0] for _, _, expected in cases for line in expected}
    untested = set(CATALOG) - tested
    # Codes that need a ledger this table cannot express are tested elsewhere (named here).
    elsewhere = {
        "YAML006": "test_load.py",
        "YAML007": "test_load.py",
        "YAML008": "test_load.py",
        "LOAN001": "test_assets.py::test_overdue_loan_is_a_warning",
        "IMP001": "test_import.py::test_bad_rows_refuse_the_whole_import",
        "IMP002": "test_movein.py::test_a_totals_row_that_disagrees_is_a_warning",
        "IMP003": "test_movein.py::test_the_dry_run_shows_depreciation_to_date_and_the_registers_differences",
        "YAML009": "test_hostile.py::test_invalid_utf8_and_oversized_files",
        "YAML010": "test_hostile.py::test_a_link_out_of_the_ledger_is_never_followed",
        "CLS001": "test_finance.py::test_close_refused_then_closed_then_tamper_caught",
        "CLS002": "test_finance.py::test_added_and_removed_records_and_an_altered_close",
        "CLS003": "test_finance.py::test_added_and_removed_records_and_an_altered_close",
        "CLS004": "test_finance.py::test_added_and_removed_records_and_an_altered_close",
        "CLS007": "test_closes.py::test_a_reopening_names_the_close_it_reopens",
        "CLS008": "test_closes.py::test_nothing_is_dated_in_an_open_month_before_a_closed_one",
        "YAML011": "test_safety.py::test_fifos_devices_and_links_each_get_a_diagnostic_and_never_block",
        "YAML012": "test_safety.py::test_fifos_devices_and_links_each_get_a_diagnostic_and_never_block",
        "KEY009": "test_keys.py::test_signatures_not_by_key_are_listed_only_when_asked",
        "KEY010": "test_keys.py::test_signatures_not_by_key_are_listed_only_when_asked",
        "KEY011": "test_keys.py::test_a_signer_withdraws_their_own_signature_by_key_and_it_stays_on_the_record",
        "GIT001": "test_safety.py::test_a_stale_index_lock_is_named_by_check_and_removed_by_repair_lock",
        "YRC001": "test_year_close.py::test_an_altered_opening_is_caught_and_its_figures_checked_against_every_year",
        "YRC002": "test_year_close.py::test_a_carried_record_changed_or_removed",
        "YRC003": "test_year_close.py::test_a_carried_record_changed_or_removed",
        "YRC004": "test_year_close.py::test_a_closed_years_file_changed_is_caught_without_reading_it",
        "YRC005": "test_year_close.py::test_nothing_new_is_dated_in_a_closed_year",
        "YRC006": "test_year_close.py::test_an_altered_opening_is_caught_and_its_figures_checked_against_every_year",
        "YRC007": "test_year_close.py::test_a_second_opening_of_the_year_or_a_deleted_one_is_caught",
        "YRC008": "test_year_close.py::test_a_year_reopening_written_by_hand_undoes_nothing",
    }
    assert untested == set(elsewhere)


def test_english_messages(ledger_dir: Callable[..., Path]) -> None:
    root = ledger_dir({"2026/expenses.yaml": expense(**{"witness, by: 李主任": "witness, by: 赵出纳"})})
    assert lines(root, "en") == ["2026/expenses.yaml:11: error[SOD002] the cashier 赵出纳 may not sign as witness"]
    (d,) = diagnostics(root)
    assert d.hint("en") == (
        "The cashier pays and neither witnesses nor approves, and the signer may withdraw it (houqin unsign ID "
        "--as STEP --by SIGNER --reason WHY), or delete it in the file, and have someone else sign (houqin expense "
        "sign BX-2026-0001 --as witness --by NAME)."
    )
    assert d.check == "separation-of-duties"


def test_stock_item_ref(ledger_dir: Callable[..., Path]) -> None:
    root = ledger_dir(
        {
            "2026/stock-out.yaml": """\
        - id: CK-2026-0001
          date: 2026-03-02
          item: paper-b5
          quantity: 2
          receiver: 张老师
          purpose: 印试卷
          issued_by: 李主任
        """
        }
    )
    assert lines(root) == [
        "2026/stock-out.yaml:1: error[REF005] 物品 paper-b5 不在 catalog.yaml 的物品目录中",
        "2026/stock-out.yaml:1: error[STK001] CK-2026-0001 领用 paper-b5 2，但 2026-03-02 库存只有 0：库存不能为负",
    ]


def test_loan_asset_ref(ledger_dir: Callable[..., Path]) -> None:
    root = ledger_dir(
        {
            "2026/assets.yaml": GOOD_ASSET,
            "2026/loans.yaml": """\
        - id: JY-2026-0001
          date: 2026-03-02
          asset: ZC-2026-0099
          borrower: 张老师
          due: 2026-03-09
          approvals:
          - {role: keeper, by: 李主任, on: 2026-03-02}
          returned: {on: 2026-03-08, received_by: 李主任}
        """,
        }
    )
    assert lines(root) == ["2026/loans.yaml:1: error[REF009] 引用的资产/asset ZC-2026-0099 不存在"]


def test_unsigned_unpaid_claim_is_not_an_error(ledger_dir: Callable[..., Path]) -> None:
    """A claim being signed over several days is normal; only paying it early is wrong."""
    text = GOOD_EXPENSE.split("      approvals:")[0]
    assert lines(ledger_dir({"2026/expenses.yaml": text})) == []


def test_one_bad_record_does_not_hide_the_others(ledger_dir: Callable[..., Path]) -> None:
    broken = GOOD_ASSET.replace('"4999.00"', "4999.00")
    second = GOOD_ASSET.replace("ZC-2026-0001", "ZC-2026-0002").replace("SY-301", "SY-999")
    root = ledger_dir({"2026/assets.yaml": broken + second})
    assert [d.code for d in diagnostics(root)] == ["SCH001", "REF003"]
