"""houqin asset import: the school's own register, with odd columns and encodings, checked row by
row; nothing written unless every row is good (or --skip-bad)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from houqin.cli.app import app
from tests.conftest import git

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
runner = CliRunner()

HEADER = "资产名称,分类代码,规格型号,单价,数量,取得日期,存放地点,保管人,经费来源,备注\n"
GOOD = [
    "台式电脑,A02010105,联想,4350,2,2024-03-01,SY-301,李主任,财政拨款,\n",
    "课桌椅,A02010105,KZY,320,45,2024/8/20,JX-101,张老师,财政拨款,大批同类物资\n",
]


def run(root: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--ledger", str(root), *args])
    return result.exit_code, result.output


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*.yaml")}


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8-sig") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_clean_import_in_one_commit(git_ledger: Callable[..., Path], tmp_path: Path) -> None:
    root = git_ledger()
    sheet = write(tmp_path, "register.csv", "青禾县实验小学资产清查表\n" + HEADER + "".join(GOOD))
    code, out = run(root, "asset", "import", str(sheet))
    assert code == 0, out
    assert "已导入 2 项资产" in out
    assert git(root, "log", "-1", "--format=%s") == "asset import 2 records from register.csv\n"
    text = (root / "2024/assets.yaml").read_text()
    assert "- id: ZC-2024-0001\n  date: 2024-03-01\n  name: 台式电脑" in text
    assert "  quantity: 45\n" in text and "  below_threshold_reason: 大批同类物资\n" in text
    assert run(root, "check") == (0, "")


def test_bad_rows_refuse_the_whole_import(git_ledger: Callable[..., Path], tmp_path: Path) -> None:
    root = git_ledger()
    before = snapshot(root)
    rows = [
        *GOOD,
        "投影仪,A02010105,,,1,2024-03-01,SY-301,李主任,财政拨款,\n",
        "笔记本,A02010105,,5999,1,2024-02-30,SY-301,李主任,财政拨款,\n",
        "打印机,A02010105,,1680,1,2024-03-01,SY-301,无名氏,财政拨款,\n",
        "拖把,A02010105,,18,1,2024-03-01,SY-301,李主任,财政拨款,\n",
    ]
    sheet = write(tmp_path, "register.csv", HEADER + "".join(rows))
    code, out = run(root, "asset", "import", str(sheet))
    assert code == 2  # cells that are not what their column says are bad input (docs/moving-in.md)
    assert snapshot(root) == before
    assert "导入 register.csv 被拒绝：3 行有问题" in out
    assert f"{sheet}:4: error[IMP001] 第 4 行：缺少：单价(unit_price)" in out
    assert f"{sheet}:5: error[IMP001] 第 5 行：日期(date) 2024-02-30：没有这一天" in out
    assert "无名氏" not in out  # a name the ledger lacks is listed once, in the dry run's summary
    assert f"{sheet}:7: error[IMP001] 第 7 行：单价 18.00 低于固定资产标准 1000.00，须在备注中说明理由" in out
    code, out = run(root, "--lang", "en", "asset", "import", str(sheet))
    assert f"{sheet}:4: error[IMP001] row 4: missing: unit_price" in out
    assert f"{sheet}:5: error[IMP001] row 5: date 2024-02-30: no such date" in out
    code, out = run(root, "asset", "import", str(sheet), "--dry-run")
    assert code == 2 and snapshot(root) == before and "3 行可导入" in out
    assert "  人员 无名氏：1 行需要\n" in out
    code, out = run(root, "asset", "import", str(sheet), "--skip-bad")
    assert code == 1 and "导入被拒绝：登记表中有账本尚未登记的名称" in out
    code, out = run(root, "asset", "import", str(sheet), "--skip-bad", "--add-missing")
    assert code == 0 and "已导入 3 项资产" in out


def test_gb18030_tabs_and_a_column_map(git_ledger: Callable[..., Path], tmp_path: Path) -> None:
    root = git_ledger()
    odd = "设备名称\t分类代码\t单价（元）\t取得日期\t存放地点\t使用人\t购买商家\n"
    sheet = write(
        tmp_path, "设备.csv", odd + "台式电脑\tA02010105\t4350\t2024年3月1日\tSY-301\t李主任\t联想专卖\n", "gb18030"
    )
    code, out = run(root, "asset", "import", str(sheet), "--dry-run")
    assert code == 2 and "找不到必需的列：name" in out
    code, out = run(root, "asset", "import", str(sheet), "--map", "设备名称=name", "--map", "购买商家=supplier")
    assert code == 0, out
    assert "  supplier: 联想专卖\n" in (root / "2024/assets.yaml").read_text()


@pytest.mark.parametrize(
    ("name", "content", "args", "needle"),
    [
        ("x.xlsx", b"this is not a zip", (), "无法读取"),
        ("x.pdf", b"%PDF", (), "只能导入 .xlsx、.xls、.ods 或 .csv"),
        ("x.csv", "甲,乙\n1,2\n".encode(), (), "找不到表头"),
        ("x.csv", HEADER.encode(), ("--map", "不存在=name"), "表中没有列 不存在"),
        ("x.csv", HEADER.encode(), ("--map", "资产名称"), "--map 的写法"),
        ("x.csv", b"\xff\xfe\x00\x01garbage\xff", (), "既不是 UTF-8、GB18030 也不是 UTF-16"),
    ],
)
def test_unreadable_inputs_exit_2(
    ledger_dir: Callable[..., Path], tmp_path: Path, name: str, content: bytes, args: tuple[str, ...], needle: str
) -> None:
    root = ledger_dir()
    before = snapshot(root)
    path = tmp_path / name
    path.write_bytes(content)
    code, out = run(root, "asset", "import", str(path), *args, "--no-commit")
    assert code == 2, out
    assert needle in out and "Traceback" not in out
    assert snapshot(root) == before


def test_the_bundled_example_register(tmp_path: Path) -> None:
    """examples/asset-register.xlsx (title row, numbers as numbers, Excel dates) against the bundled school."""
    import shutil

    root = tmp_path / "ledgers"
    shutil.copytree(ROOT / "ledgers", root, ignore=shutil.ignore_patterns(".houqin"))
    code, out = run(root, "asset", "import", str(EXAMPLES / "asset-register.xlsx"), "--dry-run")
    assert code == 2  # two rows with unreadable cells
    assert "8 行可导入（原值合计 130,980.00 元），2 行有问题" in out
    code, out = run(root, "asset", "import", str(EXAMPLES / "asset-register-gb18030.csv"), "--dry-run")
    assert "8 行可导入（原值合计 130,980.00 元），2 行有问题" in out
