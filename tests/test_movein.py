"""Moving in (#15): the school's asset register as it really is — title rows, merged cells, a 合计
row, prices and dates typed every way — in .xlsx, .xls, .ods, GB18030 csv and UTF-16 text; names
matched, what the ledger lacks listed once, and a second import matched instead of duplicated.
The registers are written by tests/movein_sheets.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from houqin.cli.app import app
from houqin.dates import NotADay, parse_sheet_day
from tests import movein_sheets as sheets
from tests.conftest import BASE, git

runner = CliRunner()

# The ledger with what the register names and the base ledger lacks: 钱老师, 三年级(2)班, 社会捐赠.
COMPLETE = {
    "people.yaml": BASE["people.yaml"].rstrip(" ") + "        - {name: 钱老师, roles: [teacher], joined: 2010-09-01}\n",
    "places.yaml": BASE["places.yaml"].rstrip(" ")
    + "        - {id: JX-302, name: 三年级(2)班, kind: classroom, keeper: 钱老师}\n",
    "catalog.yaml": BASE["catalog.yaml"].replace("[财政拨款, 自筹资金]", "[财政拨款, 自筹资金, 社会捐赠]"),
}
WRITERS: dict[str, Callable[[Path], Path]] = {
    "登记表.xlsx": sheets.write_xlsx,
    "登记表.xls": sheets.write_xls,
    "登记表.ods": sheets.write_ods,
    "登记表.csv": lambda p: sheets.write_text(p, "gb18030", ","),
    "登记表-utf8.csv": lambda p: sheets.write_text(p, "utf-8-sig", ","),
    "登记表.txt": lambda p: sheets.write_text(p, "utf-16", "\t"),
}


def run(root: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--ledger", str(root), *args])
    return result.exit_code, result.output


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*.yaml")}


@pytest.mark.parametrize("name", list(WRITERS))
def test_every_format_reads_the_same_register(git_ledger: Callable[..., Path], tmp_path: Path, name: str) -> None:
    root = git_ledger(COMPLETE)
    sheet = WRITERS[name](tmp_path / name)
    code, out = run(root, "asset", "import", str(sheet), "--dry-run")
    assert code == 0, out
    assert f"{sheet}：5 行可导入（原值合计 36,796.00 元），0 行有问题。" in out
    assert "1 行合计/小计未导入，已与导入的行核对。" in out
    assert "warning" not in out
    code, out = run(root, "asset", "import", str(sheet))
    assert code == 0, out
    text = (root / "2019/assets.yaml").read_text(encoding="utf-8")
    # ４２９９．００ under a title, in a merged 计算机教室 (SY-301), category by name
    assert (
        "- id: ZC-2019-0001\n  date: 2019-03-05\n  name: 台式电脑\n  category: A02010105\n  model: 联想启天M430\n"
        '  quantity: 2\n  unit_price: "4299.00"\n  place: SY-301\n  keeper: 李主任\n'
        "  funding: 财政拨款\n  note: 原编号 GD-001\n"
    ) in text
    assert "- id: ZC-2019-0002\n  date: 2019-03-05\n" in text and '  unit_price: "5699.00"\n  place: SY-301\n' in text
    # 2019年3月: the month's first day; ￥6,200.00
    assert "- id: ZC-2019-0003\n  date: 2019-03-01\n  name: 数字显微镜\n  category: A02109900\n" in text
    assert '  unit_price: "6200.00"\n' in text
    # the Excel serial 43529, 4，299.00, and 一年级（1）班 as JX-101
    assert "- id: ZC-2019-0004\n  date: 2019-03-05\n  name: 交互式一体机\n" in text
    assert '  unit_price: "4299.00"\n  place: JX-101\n  keeper: 张老师\n' in text
    assert "- id: ZC-2019-0005\n  date: 2019-09-01\n  name: 钢琴\n" in text and "  place: JX-302\n" in text
    assert "ZC-2019-0006" not in text  # the 合计 row is not an asset
    assert run(root, "check") == (0, "")


def test_what_the_ledger_lacks_is_listed_once(git_ledger: Callable[..., Path], tmp_path: Path) -> None:
    root = git_ledger()
    before = snapshot(root)
    sheet = sheets.write_xlsx(tmp_path / "登记表.xlsx")
    lacking = (
        "登记表中有账本尚未登记的人员、地点或经费来源（共 3 个）：\n"
        "  人员 钱老师：1 行需要\n"
        "  地点 三年级(2)班：1 行需要（登记表中的保管人 钱老师）\n"
        "  经费来源 社会捐赠：1 行需要\n"
        "未写入任何记录。核对上面的名单后加 --add-missing 一并登记（人员角色为 staff，地点类型为 other），"
        "或先改正登记表中的名称。\n"
    )
    code, out = run(root, "asset", "import", str(sheet), "--dry-run")
    assert code == 1 and lacking in out and "REF" not in out
    code, out = run(root, "asset", "import", str(sheet))
    assert code == 1 and lacking in out
    assert "导入被拒绝：登记表中有账本尚未登记的名称（见上），未写入任何记录。" in out
    assert snapshot(root) == before
    code, out = run(root, "--lang", "en", "asset", "import", str(sheet), "--dry-run")
    assert (
        "  place 三年级(2)班: needed by 1 row (keeper on the register: 钱老师)\n" in out
    )  # plural forms (#14): was "1 rows"

    code, out = run(root, "asset", "import", str(sheet), "--add-missing")
    assert code == 0, out
    assert "  地点 三年级(2)班：1 行需要（登记为 QT-001，类型 other，保管人 钱老师）\n" in out
    assert "已导入 5 项资产。" in out
    assert git(root, "log", "-1", "--format=%s") == "asset import 5 records from 登记表.xlsx\n"
    diff = git(root, "show", "HEAD", "--format=", "--", "people.yaml", "places.yaml", "catalog.yaml")
    added = [line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert added == [
        "-funding_sources: [财政拨款, 自筹资金]",
        "+funding_sources: [财政拨款, 自筹资金, 社会捐赠]",
        "+- {name: 钱老师, roles: [staff]}",
        "+- {id: QT-001, name: 三年级(2)班, kind: other, keeper: 钱老师}",
    ]
    assert "  place: QT-001\n" in (root / "2019/assets.yaml").read_text(encoding="utf-8")
    assert run(root, "check") == (0, "")


def test_a_second_import_is_matched_not_duplicated(git_ledger: Callable[..., Path], tmp_path: Path) -> None:
    root = git_ledger(COMPLETE)
    first = sheets.write_xlsx(tmp_path / "登记表.xlsx")
    assert run(root, "asset", "import", str(first))[0] == 0
    head = git(root, "rev-parse", "HEAD")
    code, out = run(root, "asset", "import", str(sheets.write_xls(tmp_path / "登记表.xls")))
    assert code == 0, out
    assert "5 行已在账中（按原编号），与账面一致，不再导入。" in out and "已导入 0 项资产。" in out
    assert git(root, "rev-parse", "HEAD") == head

    data = [list(r) for r in sheets.rows(total="48,796.00")]
    data[0][sheets.PLACE], data[0][sheets.PLACE + 1] = "一年级(1)班", "张老师"  # GD-001 moved, merged over 3 rows
    data[3][sheets.PLACE + 1] = "李主任"  # GD-004 kept by someone else
    data[4][6], data[4][8] = 2, 24000  # GD-005: the register says 2 pianos
    data[-1][6] = 7
    later = sheets.write_xlsx(tmp_path / "登记表2.xlsx", [tuple(r) for r in data])
    before = snapshot(root)
    code, out = run(root, "asset", "import", str(later), "--dry-run")
    assert code == 0, out
    assert (
        "0 行与账面一致（按原编号），5 行与账面不同：\n"
        "  第 4 行 ZC-2019-0001（原编号 GD-001）：存放地点 SY-301 → JX-101；保管人 李主任 → 张老师\n"
        "  第 5 行 ZC-2019-0002（原编号 GD-002）：存放地点 SY-301 → JX-101\n"
        "  第 6 行 ZC-2019-0003（原编号 GD-003）：存放地点 SY-301 → JX-101\n"
        "  第 7 行 ZC-2019-0004（原编号 GD-004）：保管人 张老师 → 李主任\n"
        "  第 8 行 ZC-2019-0005（原编号 GD-005）：数量 1 → 2\n"
        "用 --update 把地点、保管人的变化记为调拨（每项一条记录）；数量的变化须用 houqin asset add 或 houqin asset scrap 办理。\n"
    ) in out
    assert snapshot(root) == before and "warning" not in out
    code, out = run(root, "asset", "import", str(later), "--update")
    assert code == 0, out
    assert "已按登记表记录 4 次调拨。" in out
    moves = (root / f"{dt.date.today().year}/moves.yaml").read_text(encoding="utf-8")
    assert moves.count("- id: DB-") == 4
    assert (
        "  asset: ZC-2019-0004\n  to_place: JX-101\n  to_keeper: 李主任\n  reason: 按登记表更正（原编号 GD-004）\n"
        in moves
    )
    assert "ZC-2019-0005" not in moves
    assert run(root, "check") == (0, "")
    code, out = run(root, "asset", "import", str(later), "--dry-run")
    assert "4 行与账面一致（按原编号），1 行与账面不同：" in out


def test_a_totals_row_that_disagrees_is_a_warning(git_ledger: Callable[..., Path], tmp_path: Path) -> None:
    root = git_ledger(COMPLETE)
    data = [list(r) for r in sheets.rows(total="36,696.00")]
    data[-1][6] = 5
    sheet = sheets.write_xls(tmp_path / "登记表.xls", [tuple(r) for r in data])
    code, out = run(root, "asset", "import", str(sheet), "--dry-run")
    assert code == 0, out
    assert f"{sheet}:10: warning[IMP002] 第 10 行（合计）：表中数量(quantity)为 5，导入的行合计 6" in out
    assert f"{sheet}:10: warning[IMP002] 第 10 行（合计）：表中金额(amount)为 36,696.00，导入的行合计 36,796.00" in out
    code, out = run(root, "--lang", "en", "asset", "import", str(sheet), "--dry-run")
    assert "row 10 (合计): the sheet's amount is 36,696.00, the imported rows add up to 36,796.00" in out


def _xlsx_of(path: Path, header: tuple[str, ...], body: list[tuple[object, ...]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.append([sheets.TITLE])
    ws.append(list(header))
    for r in body:
        ws.append(list(r))
    book.save(path)
    return path


H = ("资产名称", "资产分类", "单价", "取得日期", "存放地点", "保管人")


@pytest.mark.parametrize(
    ("name", "make", "needle"),
    [
        ("旧表.xls", lambda p: p.write_bytes(b"<html>not a workbook</html>"), "旧表.xls 无法读取"),
        (
            "加密.xlsx",
            lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504),
            "加密.xlsx 设有打开密码：请在 Excel/WPS 中去掉密码",
        ),
        ("空.xlsx", lambda p: _xlsx_of(p, ("甲", "乙"), [("1", "2")]), "空.xlsx 的前 20 行中找不到表头"),
        (
            "两列.xlsx",
            lambda p: _xlsx_of(
                p, (*H, "使用人"), [("电脑", "A02010105", 4350, "2024-03-01", "SY-301", "李主任", "张老师")]
            ),
            "列 保管人 和 使用人 都对应字段 keeper：用 --map 使用人=- 忽略其中一列",
        ),
        (
            "面议.xlsx",
            lambda p: _xlsx_of(p, H, [("电脑", "A02010105", "面议", "2024-03-01", "SY-301", "李主任")]),
            "面议.xlsx:3: error[IMP001] 第 3 行：单价(unit_price) 面议 不是金额（如 1299.50）",
        ),
        (
            "月份.xlsx",
            lambda p: _xlsx_of(p, H, [("电脑", "A02010105", 4350, "2019年13月", "SY-301", "李主任")]),
            "月份.xlsx:3: error[IMP001] 第 3 行：日期(date) 2019年13月：没有这一天",
        ),
        ("报告.pdf", lambda p: p.write_bytes(b"%PDF-1.4"), "只能导入 .xlsx、.xls、.ods 或 .csv（.txt）文件"),
    ],
)
def test_bad_input_exits_2_and_writes_nothing(
    git_ledger: Callable[..., Path], tmp_path: Path, name: str, make: Callable[[Path], object], needle: str
) -> None:
    root = git_ledger()
    before = snapshot(root)
    path = tmp_path / name
    make(path)
    for args in (("--dry-run",), ()):
        code, out = run(root, "asset", "import", str(path), *args)
        assert code == 2, out
        assert needle in out and "Traceback" not in out
        assert snapshot(root) == before


def test_a_long_register_prints_a_summary(git_ledger: Callable[..., Path], tmp_path: Path) -> None:
    root = git_ledger()
    body = [(f"电脑{i}", "台式计算机", "4,350.00元", "2024年3月1日", "计算机教室", "李主任") for i in range(60)]
    sheet = _xlsx_of(tmp_path / "大表.xlsx", H, body)
    code, out = run(root, "asset", "import", str(sheet), "--dry-run")
    assert code == 0, out
    assert "共 60 行，未逐行列出（加 --show-rows 列出每一行）。" in out and "ZC-2024-0060" not in out
    assert f"{sheet}：60 行可导入（原值合计 261,000.00 元），0 行有问题。" in out
    code, out = run(root, "asset", "import", str(sheet), "--dry-run", "--show-rows")
    assert "ZC-2024-0060" in out and "未逐行列出" not in out


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2019-03-05", dt.date(2019, 3, 5)),
        ("2019.3.5", dt.date(2019, 3, 5)),
        ("2019/3/5", dt.date(2019, 3, 5)),
        ("2019年3月5日", dt.date(2019, 3, 5)),
        ("２０１９年３月５日", dt.date(2019, 3, 5)),
        ("2019年3月", dt.date(2019, 3, 1)),
        ("2019-03", dt.date(2019, 3, 1)),
        ("43529", dt.date(2019, 3, 5)),
    ],
)
def test_register_days(text: str, day: dt.date) -> None:
    assert parse_sheet_day(text) == day


@pytest.mark.parametrize(
    ("text", "why"), [("2019年13月", "no_such_day"), ("2019-02-30", "no_such_day"), ("去年", "format")]
)
def test_register_days_refused(text: str, why: str) -> None:
    with pytest.raises(NotADay) as err:
        parse_sheet_day(text)
    assert err.value.why == why


def test_names_match_after_normalising_unless_ambiguous() -> None:
    from houqin.services.matching import _index

    index = _index([("三年级(2)班", "JX-302"), ("音乐 教室", "YY-1"), ("实验室（一）", "A"), ("实验室(一)", "B")])
    assert index.get("三年级(2)班") == "JX-302"
    assert index.get("三年级(2)班".replace("(", "（").replace(")", "）")) is None  # exact only; Resolver normalises
    from houqin.services.matching import normal

    assert index.get(normal("三年级（2）班")) == "JX-302"
    assert index.get(normal("音乐教室")) == "YY-1"
    assert index.get("实验室（一）") == "A" and index.get("实验室(一)") == "B"  # exact names still match
    assert normal("实验室(一)") not in index or index[normal("实验室(一)")] == "B"


def test_a_long_register_is_drawn_as_rich_draws_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """asset list of thousands of assets takes the fast road (render/plain_table.py); it must draw
    exactly the table Rich would."""
    import io

    from rich.console import Console

    from houqin.ledger.load import open_ledger
    from houqin.render import assets as render
    from houqin.reports.assets import register
    from tests.conftest import BUNDLED

    reg = register(open_ledger(BUNDLED), dt.date(2026, 11, 30))
    monkeypatch.setattr(render, "LONG", 10)
    assert len(reg.rows) > render.LONG

    def drawn(depreciation: bool) -> list[str]:
        out = io.StringIO()
        render.print_register(Console(file=out, width=400), reg, "zh", depreciation)
        return [line.rstrip() for line in out.getvalue().splitlines()]

    fast = (drawn(False), drawn(True))
    monkeypatch.setattr(render, "LONG", 10**9)
    assert fast == (drawn(False), drawn(True))


def test_people_import_adds_the_staff_list_once(git_ledger: Callable[..., Path], tmp_path: Path) -> None:
    root = git_ledger()
    sheet = sheets.write_staff_xls(tmp_path / "教职工名单.xls")
    before = snapshot(root)
    code, out = run(root, "people", "import", str(sheet), "--dry-run")
    assert code == 0, out
    assert "4 人将加入 people.yaml，1 人已在其中，0 行有问题。" in out and snapshot(root) == before
    code, out = run(root, "people", "import", str(sheet))
    assert code == 0, out
    assert "已加入 4 人。" in out
    assert git(root, "log", "-1", "--format=%s") == "people import from 教职工名单.xls\n"
    diff = git(root, "show", "HEAD", "--format=", "--", "people.yaml")
    assert [line for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")] == [
        '+- {name: 钱老师, roles: [teacher], department: 三年级组, joined: 2012-08-28, phone: "13800000000"}',
        "+- {name: 孙会计, roles: [accountant], department: 财务室, joined: 2015-03-01}",
        "+- {name: 吴保管, roles: [director, keeper], department: 总务处, joined: 2016-08-01}",
        "+- {name: 郑师傅, roles: [staff], department: 后勤}",
    ]
    assert run(root, "check") == (0, "")
    code, out = run(root, "people", "import", str(sheet))
    assert code == 0 and "0 人将加入 people.yaml，5 人已在其中" in out and "已加入 0 人。" in out


def test_people_import_refuses_a_role_it_does_not_know(git_ledger: Callable[..., Path], tmp_path: Path) -> None:
    root = git_ledger()
    before = snapshot(root)
    rows = [*sheets.STAFF, (6, "冯门卫", "后勤", "门卫队长", "", ""), (7, "孙会计", "财务室", "出纳", "", "")]
    sheet = sheets.write_staff_xls(tmp_path / "名单.xls", rows)
    for args in (("--dry-run",), ()):
        code, out = run(root, "people", "import", str(sheet), *args)
        assert code == 2, out
        assert f"{sheet}:8: error[IMP001] 第 8 行：职务 门卫队长 不是 houqin 的角色" in out
        assert f"{sheet}:9: error[IMP001] 第 9 行：姓名 孙会计 在表中出现两次" in out
        assert snapshot(root) == before


def test_overview_of_an_empty_ledger_prints_the_next_steps(tmp_path: Path) -> None:
    code, out = runner.invoke(app, ["init", str(tmp_path / "账本"), "--school", "测试小学"]).exit_code, ""
    assert code == 0
    code, out = run(tmp_path / "账本", "overview")
    assert code == 0, out
    assert out.endswith(
        "下一步（搬入账本，见 docs/moving-in.md）：\n"
        "  教职工名单：houqin people import 教职工名单.xlsx\n"
        "  地点与保管人：houqin place import 地点表.xlsx（或由 houqin asset import 登记表 --add-missing 一并登记）\n"
        "  固定资产登记表：houqin asset import 固定资产登记表.xlsx --dry-run\n"
        "  库房期初结存：houqin stock import 期初库存.xlsx\n"
        "  现金、银行存款期初余额：houqin finance open --cash 金额 --bank 金额 --on 日期 --by 会计 --key 会计的密钥\n"
        "  年度预算：在 catalog.yaml 的 budget_lines 中写各科目的 amount（预算为 0 的科目不能报销）\n"
        "  校长的签字密钥（信任根，见 docs/signatures.md）：houqin key add --person 校长姓名 --file 公钥.pub --anchor\n"
    )
    sheet = sheets.write_staff_xls(tmp_path / "教职工名单.xls")
    assert run(tmp_path / "账本", "people", "import", str(sheet))[0] == 0
    code, out = run(tmp_path / "账本", "overview")
    assert "教职工名单：" not in out and "  固定资产登记表：" in out
    code, out = run(ROOT_LEDGER, "overview")
    assert "下一步" not in out  # the bundled school has moved in


ROOT_LEDGER = Path(__file__).resolve().parents[1] / "ledgers"


def test_the_dry_run_shows_depreciation_to_date_and_the_registers_differences(
    git_ledger: Callable[..., Path], tmp_path: Path
) -> None:
    """A desktop bought 2019-03-05 for 4,299.00 × 2 over 6 years (72 months, from its own month: 政府会计准则第3号)
    is fully depreciated by now; one bought in January 2024 has had 35 months (January 2024 to November 2026)
    of 6,000.00 / 72. The register's 累计折旧/净值 are compared with houqin's."""
    root = git_ledger(COMPLETE)
    header = ("资产名称", "资产分类", "单价", "数量", "取得日期", "存放地点", "保管人", "累计折旧", "净值")
    body = [
        ("台式电脑", "台式计算机", "4299", 2, "2019-03-05", "计算机教室", "李主任", "8,598.00", "0"),
        ("台式电脑", "台式计算机", "6000", 1, "2024年1月", "计算机教室", "李主任", "1,000.00", "3083.33"),
    ]
    sheet = _xlsx_of(tmp_path / "折旧.xlsx", header, body)
    code, out = run(root, "asset", "import", str(sheet), "--dry-run")
    assert code == 0, out
    assert "按各类折旧年限，截至今日累计折旧 11,514.67 元，净值 3,083.33 元。" in out
    assert (
        f"{sheet}:4: warning[IMP003] 第 4 行：表中累计折旧(accumulated)为 1,000.00，"
        "houqin 按折旧年限 6 年、已提 35 个月算得 2,916.67"
    ) in out
    assert f"{sheet}:3: warning" not in out and f"{sheet}:4: warning[IMP003] 第 4 行：表中净值" not in out


def test_a_school_that_charges_from_the_next_month_says_so_in_its_policy(
    git_ledger: Callable[..., Path], tmp_path: Path
) -> None:
    """depreciation.start: next_month (the enterprise rule an old register may follow): 34 months, not 35."""
    root = git_ledger(COMPLETE)
    with (root / "houqin.yaml").open("a", encoding="utf-8") as config:
        config.write("policy:\n  depreciation: {start: next_month}\n")
    header = ("资产名称", "资产分类", "单价", "数量", "取得日期", "存放地点", "保管人", "累计折旧")
    body = [("台式电脑", "台式计算机", "6000", 1, "2024年1月", "计算机教室", "李主任", "2,916.67")]
    sheet = _xlsx_of(tmp_path / "折旧.xlsx", header, body)
    code, out = run(root, "asset", "import", str(sheet), "--dry-run")
    assert code == 0, out
    assert "截至今日累计折旧 2,833.33 元，净值 3,166.67 元。" in out
    assert "已提 34 个月算得 2,833.33" in out


PLACES_HEADER = ("序号", "编号", "名称", "类型", "楼宇", "保管人")


def test_place_import_adds_the_rooms(git_ledger: Callable[..., Path], tmp_path: Path) -> None:
    root = git_ledger()
    body = [
        (1, "JX-101", "一年级(1)班", "班级", "教学楼", "张老师"),  # already in places.yaml
        (2, "JX-302", "三年级（2）班", "班级", "教学楼", "张老师"),
        (3, "", "音乐室", "功能室", "艺术楼", "李主任"),
        (4, "TY-01", "体育器材室", "体育器材室", "", "周保管"),
    ]
    sheet = _xlsx_of(tmp_path / "地点表.xlsx", PLACES_HEADER, body)
    code, out = run(root, "place", "import", str(sheet), "--dry-run")
    assert code == 0, out
    assert "3 个地点将加入 places.yaml，1 个已在其中，0 行有问题。" in out
    assert "  5: QT-001  音乐室  功能室  李主任" in out  # the kind in the user's words
    code, out = run(root, "--lang", "en", "place", "import", str(sheet), "--dry-run")
    assert "  6: TY-01  体育器材室  sports store  周保管" in out
    code, out = run(root, "place", "import", str(sheet))
    assert code == 0 and "已加入 3 个地点。" in out, out
    assert git(root, "log", "-1", "--format=%s") == "places import from 地点表.xlsx\n"
    diff = git(root, "show", "HEAD", "--format=", "--", "places.yaml")
    assert [line for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")] == [
        "+- {id: JX-302, name: 三年级(2)班, kind: classroom, building: 教学楼, keeper: 张老师}",
        "+- {id: QT-001, name: 音乐室, kind: function, building: 艺术楼, keeper: 李主任}",
        "+- {id: TY-01, name: 体育器材室, kind: sports, keeper: 周保管}",
    ]
    assert run(root, "check") == (0, "")
    code, out = run(root, "place", "import", str(sheet))
    assert code == 0 and "0 个地点将加入 places.yaml，4 个已在其中" in out


def test_place_import_refuses_unknown_keepers_and_kinds(git_ledger: Callable[..., Path], tmp_path: Path) -> None:
    root = git_ledger()
    before = snapshot(root)
    body = [(1, "SS-1", "学生宿舍", "宿舍", "", "张老师"), (2, "BG-9", "档案室", "办公室", "", "无名氏")]
    sheet = _xlsx_of(tmp_path / "地点表.xlsx", PLACES_HEADER, body)
    for args in (("--dry-run",), ()):
        code, out = run(root, "place", "import", str(sheet), *args)
        assert code == 2, out
        assert f"{sheet}:3: error[IMP001] 第 3 行：类型 宿舍 不是地点类型" in out
        assert (
            f"{sheet}:4: error[IMP001] 第 4 行：保管人 无名氏 不在 people.yaml 中（先导入教职工名单：houqin people import）"
            in out
        )
        assert snapshot(root) == before


def test_a_register_names_todays_keeper_who_may_have_joined_after_the_purchase(
    git_ledger: Callable[..., Path], tmp_path: Path
) -> None:
    """A register says who keeps an asset now: 钱老师 joined in 2010 and keeps a piano bought in 2009.
    For an asset older than the books (`started`), the keeper is checked on the day the books began."""
    header = ("资产名称", "资产分类", "单价", "数量", "取得日期", "存放地点", "保管人")
    body = [("钢琴", "教学仪器", "12000", 1, "2009年5月", "三年级(2)班", "钱老师")]
    sheet = _xlsx_of(tmp_path / "登记表.xlsx", header, body)
    root = git_ledger(COMPLETE)
    code, out = run(root, "asset", "import", str(sheet), "--dry-run")
    assert code == 1 and "error[REF002] 保管人(keeper) 中的人员 钱老师 在 2009-05-01 不在职" in out
    with (root / "houqin.yaml").open("a", encoding="utf-8") as config:
        config.write("started: 2026-02-20\n")
    code, out = run(root, "asset", "import", str(sheet), "--dry-run")
    assert code == 0, out
    assert "1 行可导入（原值合计 12,000.00 元），0 行有问题。" in out
