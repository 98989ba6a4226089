"""The rest of the office: meters (R33), daily rounds (R34), print jobs (R20) — each rule with a ledger
that breaks it, and the commands end to end."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import BASE, git
from tests.test_rules import lines

CATALOG = BASE["catalog.yaml"].rstrip(" ") + (
    "        meters:\n          - {id: E-1, name: 教学楼电表, kind: electricity, place: SY-301, serves: 400}\n"
)


def reading(n: int, day: str, value: str, extra: str = "") -> str:
    return f"- id: CB-2026-{n:04d}\n  date: {day}\n  meter: E-1\n  reading: {value}\n  reader: 周保管\n{extra}"


READINGS = reading(1, "2026-02-21", "1000") + reading(2, "2026-03-21", "1600") + reading(3, "2026-04-20", "2200")
ROUND = """\
- id: XS-2026-0001
  date: 2026-03-02
  inspector: 周保管
  places: [SY-301, JX-101]
  findings:
  - {place: JX-101, kind: damage, text: 后门锁坏}
"""
PRINT = """\
- id: WY-2026-0001
  date: 2026-03-02
  requester: 张老师
  department: 语文组
  pages: 4
  copies: 100
  paper: paper-a4
  purpose: 单元测验
  approvals:
  - {role: supervisor, by: 刘副校长, on: 2026-03-02}
  done: 2026-03-03
"""


def test_clean_registers(ledger_dir: Callable[..., Path]) -> None:
    root = ledger_dir({"catalog.yaml": CATALOG, "2026/meter-readings.yaml": READINGS, "2026/print-jobs.yaml": PRINT})
    assert lines(root) == []


OFFICE_CASES: list[tuple[str, dict[str, str], list[str]]] = [
    (
        "MTR001 meter running backwards",
        {"catalog.yaml": CATALOG, "2026/meter-readings.yaml": READINGS.replace("reading: 2200", "reading: 1500")},
        [
            "2026/meter-readings.yaml:11: error[MTR001] 抄表 CB-2026-0003：教学楼电表 读数 1500 低于上次（2026-03-21）的 1600"
        ],
    ),
    (
        "MTR002 far above the usual",
        {
            "catalog.yaml": CATALOG,
            "2026/meter-readings.yaml": READINGS + reading(4, "2026-05-20", "4200"),
        },
        [
            "2026/meter-readings.yaml:16: warning[MTR002] 抄表 CB-2026-0004：教学楼电表 本期日均用量 66.7，远高于以往的 20.7（是否漏水、漏电？）"
        ],
    ),
    (
        "MTR003 not read in a term",
        {"catalog.yaml": CATALOG},
        ["houqin.yaml: warning[MTR003] 教学楼电表 在学期 2025-2026-2 内没有抄表记录（水电表要每期一查）"],
    ),
    (
        "MTR004 unknown meter",
        {"2026/meter-readings.yaml": reading(1, "2026-02-21", "1000")},
        ["2026/meter-readings.yaml:1: error[MTR004] 抄表 CB-2026-0001 的表 E-1 不在 catalog.yaml 的水电表(meters)中"],
    ),
    (
        "PAT002 finding left open",
        {"2026/patrols.yaml": ROUND},
        [
            "2026/patrols.yaml:6: warning[PAT002] 巡视 XS-2026-0001 在 JX-101 发现的问题（后门锁坏）已 246 天未处理（节假日不计）",
            "houqin.yaml: info[PAT001] 学期 2025-2026-2 有 90 个上课日没有巡视记录（最早 2026-03-03）",
        ],
    ),
    (
        "PRT001 printed before approval",
        {"2026/print-jobs.yaml": PRINT.replace("on: 2026-03-02}", "on: 2026-03-04}")},
        ["2026/print-jobs.yaml:1: error[PRT001] 文印 WY-2026-0001 于 2026-03-03 印制，此前未经主管领导审批"],
    ),
]


@pytest.mark.parametrize(("name", "files", "expected"), OFFICE_CASES, ids=[c[0] for c in OFFICE_CASES])
def test_office_rule(ledger_dir: Callable[..., Path], name: str, files: dict[str, str], expected: list[str]) -> None:
    assert lines(ledger_dir(files)) == expected


def test_meter_report_and_a_replaced_meter(ledger_dir: Callable[..., Path]) -> None:
    from houqin.ledger.load import load_ledger
    from houqin.reports.office import meter_periods

    swapped = READINGS + reading(4, "2026-05-20", "300", "  replaced: true\n  reason: 旧表损坏，5月6日换新表\n")
    root = ledger_dir({"catalog.yaml": CATALOG, "2026/meter-readings.yaml": swapped})
    assert lines(root) == []
    periods = meter_periods(load_ledger(root).ledger)
    assert [(str(p.start), p.used, p.cost, p.per_head) for p in periods] == [
        ("2026-02-21", Decimal(600), Decimal("390.00"), Decimal("1.50")),
        ("2026-03-21", Decimal(600), Decimal("390.00"), Decimal("1.50")),
        ("2026-04-20", Decimal(300), Decimal("195.00"), Decimal("0.75")),
    ]


def test_round_with_a_repair_and_a_print_job_end_to_end(git_ledger: Callable[..., Path]) -> None:
    from typer.testing import CliRunner

    from houqin.cli.app import app

    root = git_ledger({"catalog.yaml": CATALOG})
    runner = CliRunner()

    def run(*args: str) -> tuple[int, str]:
        result = runner.invoke(app, ["--ledger", str(root), *args])
        return result.exit_code, result.output

    code, out = run("patrol", "log", "--by", "周保管", "--place", "SY-301", "--finding", "JX-101:damage:后门锁坏:repair", "--date", "2026-03-02")  # fmt: skip
    assert code == 0, out
    assert "已开报修单：WX-2026-0001" in out
    assert git(root, "log", "-1", "--format=%s") == "patrol log XS-2026-0001 周保管 (opened WX-2026-0001)\n"
    code, out = run("patrol", "report", "--term", "2025-2026-2")
    assert code == 0 and "巡视 1 次" in out and "后门锁坏" in out
    assert run("meter", "read", "E-1", "1000", "--by", "周保管", "--date", "2026-03-01")[0] == 0
    code, out = run("meter", "read", "E-1", "900", "--by", "周保管", "--date", "2026-04-01")
    assert code == 1 and "error[MTR001]" in out
    assert run("meter", "read", "E-1", "900", "--by", "周保管", "--date", "2026-04-01", "--reason", "电力公司校表")[0] == 0  # fmt: skip
    code, out = run("print", "request", "--requester", "张老师", "--department", "语文组", "--pages", "4", "--copies", "250", "--purpose", "期中试卷", "--date", "2026-04-20")  # fmt: skip
    assert code == 0, out
    code, out = run("print", "done", "WY-2026-0001", "--on", "2026-04-21")
    assert code == 1 and "error[PRT001]" in out  # 主管审批复印和油印
    assert run("sign", "WY-2026-0001", "--as", "supervisor", "--by", "刘副校长", "--on", "2026-04-20")[0] == 0
    assert run("print", "done", "WY-2026-0001", "--on", "2026-04-21")[0] == 0
    code, out = run("print", "report", "--month", "2026-04")
    assert code == 0 and "语文组" in out and "1000" in out and "2.0" in out


def test_audit_pack_of_a_term(tmp_path: Path) -> None:
    """稽核资料: the workbook has a sheet per table, the index names every file's digest, the printed
    digest is the manifest's, and a quietly edited closed month shows as BROKEN."""
    import hashlib
    import shutil

    from openpyxl import load_workbook
    from typer.testing import CliRunner

    from houqin.cli.app import app
    from tests.conftest import BUNDLED

    books = tmp_path / "books"
    shutil.copytree(BUNDLED, books, ignore=shutil.ignore_patterns(".houqin"))
    git(books, "init", "-q")
    git(books, "add", "-A")
    git(books, "commit", "-qm", "书")
    out = tmp_path / "pack"
    result = CliRunner().invoke(
        app, ["--ledger", str(books), "audit", "pack", "--term", "2025-2026-2", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    manifest = (out / "MANIFEST.sha256").read_bytes()
    assert hashlib.sha256(manifest).hexdigest() in result.output.replace("\n", "")
    for line in manifest.decode().splitlines():
        digest, name = line.split("  ")
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest
    book = load_workbook(out / "稽核资料-2025-2026-2.xlsx")
    assert book.sheetnames == [
        "checks", "closes", "stocktakes", "expenses", "advances", "damages", "budget", "keys", "git-log", "history",
        "audits",
    ]  # fmt: skip
    keys = [row for row in book["keys"].iter_rows(min_row=3, values_only=True)]
    assert [(r[0], r[5]) for r in keys if r[5]] == [("王建国", "信任根 anchor")] and len(keys) == 7
    assert {r[6] for r in keys} == {"是 yes"}
    closes = [row for row in book["closes"].iter_rows(min_row=3, values_only=True)]
    assert [r[1] for r in closes] == ["2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07"]
    assert {r[-1] for r in closes} == {"相符 holds"}
    claims = [row for row in book["expenses"].iter_rows(min_row=3, values_only=True)]
    assert claims and all(r[7] and r[8] and r[9] for r in claims)  # every claim's three signatures are shown
    # A quiet edit of a closed month shows in the next pack.
    path = books / "2026/expenses.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("月份易耗品采购入库", "月份易耗品采购", 1), encoding="utf-8"
    )
    CliRunner().invoke(app, ["--ledger", str(books), "audit", "pack", "--term", "2025-2026-2", "--out", str(out)])
    closes = [
        row for row in load_workbook(out / "稽核资料-2025-2026-2.xlsx")["closes"].iter_rows(min_row=3, values_only=True)
    ]
    assert "不符 BROKEN" in {r[-1] for r in closes}
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "CLS001" in index


BATCH = """\
- id: SD-2026-0001
  date: 2026-03-02
  goods: 纯牛奶250ml
  batch: "20260301"
  quantity: 100
  unit: 盒
  cost: "2.10"
  price: "2.50"
  produced: 2026-03-01
  shelf_life_days: 30
  supplier: 青禾县副食品批发部
  supplier_id: 91360721MA35XXXX1C
  acceptor: 周保管
"""


def sale(n: int, day: str, qty: int) -> str:
    return f"- id: XH-2026-{n:04d}\n  date: {day}\n  batch: SD-2026-0001\n  quantity: {qty}\n  seller: 周保管\n"


MILK_NOTICE = """\
- id: GS-2026-0001
  date: 2026-02-21
  term: 2025-2026-2
  items:
  - {id: milk, name: 学生奶, amount: "120.00"}
  published: 2026-02-21
  where: 校门公示栏
  approvals:
  - {role: principal, by: 王校长, on: 2026-02-21}
"""
ORDER = """\
- id: DN-2026-0001
  date: 2026-02-25
  term: 2025-2026-2
  class: 一年级(1)班
  students: 2
  cartons: 160
  fee_item: milk
"""
MILK_PAID = """\
- id: SR-2026-0001
  date: 2026-03-02
  kind: fee
  amount: "240.00"
  account: bank
  payer: 一年级(1)班
  received_by: 赵出纳
  fee_item: milk
  class: 一年级(1)班
  students: 2
"""


def delivery(n: int, day: str, cartons: int) -> str:
    return f"- id: SN-2026-{n:04d}\n  date: {day}\n  class: 一年级(1)班\n  cartons: {cartons}\n  received_by: 张老师\n"


SHOP_CASES: list[tuple[str, dict[str, str], list[str]]] = [
    (
        "SHP004 expired on arrival",
        {"2026/shop-batches.yaml": BATCH.replace("date: 2026-03-02", "date: 2026-04-02")},
        [
            "2026/shop-batches.yaml:1: error[SHP004] 进货 SD-2026-0001：纯牛奶250ml 已于 2026-03-31 过期，不得入库",
            "2026/shop-batches.yaml:1: warning[SHP006] 进货 SD-2026-0001：纯牛奶250ml 已于 2026-03-31 过期，货架上还有 100 盒",
        ],
    ),
    (
        "SHP005 supplier id without its check character",
        {
            "2026/shop-batches.yaml": BATCH.replace("91360721MA35XXXX1C", '"123"'),
            "2026/shop-sales.yaml": sale(1, "2026-03-20", 100),
        },
        [
            "2026/shop-batches.yaml:1: error[SHP005] 进货 SD-2026-0001：供应商 青禾县副食品批发部 的证照号码 123 "
            "不是有效的统一社会信用代码或身份证号码"
        ],
    ),
    (
        "SHP001 sold past its shelf life",
        {"2026/shop-batches.yaml": BATCH, "2026/shop-sales.yaml": sale(1, "2026-03-31", 5)},
        [
            "2026/shop-batches.yaml:1: warning[SHP006] 进货 SD-2026-0001：纯牛奶250ml 已于 2026-03-31 过期，货架上还有 95 盒",
            "2026/shop-sales.yaml:1: error[SHP001] 销售 XH-2026-0001：纯牛奶250ml（批次 20260301）已于 2026-03-31 过期，不得销售",
        ],
    ),
    (
        "SHP002 more than the batch held",
        {
            "2026/shop-batches.yaml": BATCH,
            "2026/shop-sales.yaml": sale(1, "2026-03-05", 80) + sale(2, "2026-03-06", 30),
        },
        ["2026/shop-sales.yaml:6: error[SHP002] 销售 XH-2026-0002：纯牛奶250ml 该批次只剩 20"],
    ),
    (
        "SHP003 dearer than outside",
        {
            "houqin.yaml": BASE["houqin.yaml"].rstrip(" ")
            + '        policy:\n          shop_references: {纯牛奶250ml: "2.50"}\n',
            "2026/shop-batches.yaml": BATCH,
        },
        [
            "2026/shop-batches.yaml:1: warning[SHP003] 进货 SD-2026-0001：纯牛奶250ml 售价 2.50 元不低于校外参考价 2.50 元",
            "2026/shop-batches.yaml:1: warning[SHP006] 进货 SD-2026-0001：纯牛奶250ml 已于 2026-03-31 过期，货架上还有 100 盒",
        ],
    ),
    (
        "REF009 a sale of a batch never bought",
        {"2026/shop-sales.yaml": sale(1, "2026-03-05", 5)},
        ["2026/shop-sales.yaml:1: error[REF009] 引用的商店批次/shop batch SD-2026-0001 不存在"],
    ),
    (
        "REF005 printed on paper not in the catalog",
        {"2026/print-jobs.yaml": PRINT.replace("paper: paper-a4", "paper: paper-b5")},
        ["2026/print-jobs.yaml:1: error[REF005] 物品 paper-b5 不在 catalog.yaml 的物品目录中"],
    ),
    (
        "MLK001 milk never published",
        {"2026/milk-orders.yaml": ORDER},
        [
            "2026/milk-orders.yaml:1: error[MLK001] 学生奶订购 DN-2026-0001 的收费项目 milk 没有经校长批准并公示",
            "2026/milk-orders.yaml:1: warning[MLK002] 学生奶订购 DN-2026-0001（一年级(1)班）订 160 盒，实际配送 0 盒",
        ],
    ),
    (
        "MLK002 and MLK003 short delivered and short paid",
        {
            "2026/fee-notices.yaml": MILK_NOTICE,
            "2026/milk-orders.yaml": ORDER,
            "2026/milk-deliveries.yaml": delivery(1, "2026-03-02", 150),
            "2026/income.yaml": MILK_PAID.replace('"240.00"', '"120.00"').replace("students: 2", "students: 1"),
        },
        [
            "2026/milk-orders.yaml:1: warning[MLK002] 学生奶订购 DN-2026-0001（一年级(1)班）订 160 盒，实际配送 150 盒",
            "2026/milk-orders.yaml:1: warning[MLK003] 学生奶订购 DN-2026-0001（一年级(1)班）应收 240.00 元，实收 120.00 元",
        ],
    ),
    (
        "MLK004 delivered without an order",
        {"2026/milk-deliveries.yaml": delivery(1, "2026-03-02", 10)},
        [
            "2026/milk-deliveries.yaml:1: error[MLK004] 学生奶配送 SN-2026-0001：一年级(1)班 在 2026-03-02 所在学期没有订购记录"
        ],
    ),
]


@pytest.mark.parametrize(("name", "files", "expected"), SHOP_CASES, ids=[c[0] for c in SHOP_CASES])
def test_shop_and_milk_rule(
    ledger_dir: Callable[..., Path], name: str, files: dict[str, str], expected: list[str]
) -> None:
    assert lines(ledger_dir(files)) == expected


def test_shop_and_milk_through_the_cli(git_ledger: Callable[..., Path]) -> None:
    from typer.testing import CliRunner

    from houqin.cli.app import app

    files = {
        "2026/fee-notices.yaml": MILK_NOTICE,
        "2026/milk-orders.yaml": ORDER,
        "2026/milk-deliveries.yaml": delivery(1, "2026-03-02", 160),
        "2026/income.yaml": MILK_PAID,
    }
    root = git_ledger(files)
    runner = CliRunner()

    def run(*args: str) -> tuple[int, str]:
        result = runner.invoke(app, ["--ledger", str(root), *args])
        return result.exit_code, result.output

    code, out = run("milk", "report", "--term", "2025-2026-2")
    assert code == 0 and "一年级(1)班" in out and "160" in out and "240.00" in out
    code, out = run("shop", "in", "面包", "-q", "20", "--cost", "3.00", "--price", "3.50", "--produced", "2026-11-20",
                    "--shelf-life", "7", "--supplier", "青禾县副食品批发部", "--supplier-id", "91360721MA35XXXX1C",
                    "--acceptor", "周保管", "--date", "2026-11-21")  # fmt: skip
    assert code == 0, out
    code, out = run("shop", "expiring", "--days", "10")
    assert code == 0 and "面包" in out and "2026-11-27" in out
    code, out = run("shop", "sell", "SD-2026-0001", "-q", "5", "--seller", "周保管", "--date", "2026-11-28")
    assert code == 1 and "error[SHP001]" in out  # past its shelf life: refused
    assert run("shop", "sell", "SD-2026-0001", "-q", "5", "--seller", "周保管", "--date", "2026-11-24")[0] == 0


def test_the_monthly_report_includes_utilities_and_paper() -> None:
    from houqin.ledger.load import load_ledger
    from houqin.reports.finance import month_report
    from tests.conftest import BUNDLED

    r = month_report(load_ledger(BUNDLED, use_cache=False).ledger, "2026-10")
    assert [(p.meter, p.used, p.cost) for p in r.utilities] == [
        ("E-JXL", Decimal(9660), Decimal("6279.00")),  # 9,660 kWh × 0.65
        ("E-SYL", Decimal(4350), Decimal("2827.50")),
        ("W-ALL", Decimal(1290), Decimal("4515.00")),  # 1,290 m³ × 3.50
    ]
    assert [(p.department, p.jobs, p.sheets, p.packs_issued) for p in r.paper] == [("教务处", 3, 5160, Decimal(10))]


def test_a_round_can_open_a_damage_case(git_ledger: Callable[..., Path]) -> None:
    from typer.testing import CliRunner

    from houqin.cli.app import app
    from houqin.ledger.load import load_ledger
    from houqin.models.records import Damage, Patrol
    from tests.conftest import GOOD_ASSET

    root = git_ledger({"2026/assets.yaml": GOOD_ASSET})
    result = CliRunner().invoke(app, [
        "--ledger", str(root), "patrol", "log", "--by", "周保管", "--place", "SY-301",
        "--finding", "SY-301:damage:显示器被划伤:damage=ZC-2026-0001", "--date", "2026-03-10",
    ])  # fmt: skip
    assert result.exit_code == 0, result.output
    ledger = load_ledger(root).ledger
    (case,) = ledger.records(Damage)
    (patrol,) = ledger.records(Patrol)
    assert isinstance(case, Damage) and (case.asset, case.responsible.name) == ("ZC-2026-0001", "待查")
    assert isinstance(patrol, Patrol) and patrol.findings[0].damage == case.id
    assert git(root, "log", "-1", "--format=%s") == f"patrol log {patrol.id} 周保管 (opened {case.id})\n"
