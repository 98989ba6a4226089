"""Canteen food safety (食堂, R42): 索证索票 on food accepted, 留样 of every dish (125 g, 48 h), 陪餐 by a
school leader, staff with a valid 健康证 on the day they work, a meal on record each school day; the
month's food cost per student-meal."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

from houqin.cli.app import app
from tests.conftest import git
from tests.test_rules import lines

RECEIPT = """\
- id: SC-2026-0001
  date: 2026-11-02
  supplier: 青禾县绿源蔬菜配送站
  licence: JY13607210012345
  lines:
  - {name: 青菜, quantity: 50, unit: 斤, amount: "90.00", certificate: QJ-20261102-03}
  - {name: 猪肉, quantity: 20, unit: 斤, amount: "300.00", certificate: DJ-3607-8812}
  acceptor: 周保管
"""
CERTS = """\
- {id: HZ-2026-0001, date: 2026-01-10, person: 周保管, number: "3607212026000001", until: 2026-12-31}
"""


def meal(day: str = "2026-11-20", grams: str = "150", leader: str = "王校长", staff: str = "周保管", extra: str = "") -> str:  # fmt: skip
    return (
        f"- id: CC-2026-0001\n  date: {day}\n  meal: lunch\n  served: 400\n  samples:\n"
        f"  - {{dish: 红烧鸡块, grams: {grams}}}\n  - {{dish: 炒青菜, grams: 130}}\n  sampled_at: '11:20'\n"
        f"  sample_keeper: 周保管\n  accompanied_by: [{leader}]\n  staff: [{staff}]\n{extra}"
    )


def case(**files: str) -> dict[str, str]:
    return {"2026/health-certificates.yaml": CERTS} | {f"2026/{k.replace('_', '-')}.yaml": v for k, v in files.items()}


FOOD_CASES: list[tuple[str, dict[str, str], list[str]]] = [
    (
        "FOOD001 no supplier's licence",
        case(food_receipts=RECEIPT.replace("  licence: JY13607210012345\n", "")),
        [
            "2026/food-receipts.yaml:1: error[FOOD001] 食材验收 SC-2026-0001：供货方 青禾县绿源蔬菜配送站 的许可证号 — 缺失或无效"
            "（索证：食品经营许可证 JY+14 位数字，或营业执照统一社会信用代码）"
        ],
    ),
    (
        "FOOD002 a batch without its certificate",
        case(food_receipts=RECEIPT.replace(", certificate: DJ-3607-8812", "")),
        ["2026/food-receipts.yaml:7: error[FOOD002] 食材验收 SC-2026-0001：猪肉 没有这批货的检验检疫合格证明（索票）"],
    ),
    (
        "FOOD003 a sample too small",
        case(meals=meal(grams="100")),
        ["2026/meals.yaml:6: error[FOOD003] 餐次 CC-2026-0001：红烧鸡块 留样 100 克，少于 125 克"],
    ),
    (
        "FOOD004 samples thrown away too soon",
        case(meals=meal(extra="  discarded: {on: 2026-11-21, at: '16:00', by: 周保管}\n")),
        ["2026/meals.yaml:1: error[FOOD004] 餐次 CC-2026-0001：留样只保存了 28.7 小时，不足 48 小时"],
    ),
    (
        "FOOD005 no leader at table",
        case(meals=meal(leader="张老师")),
        ["2026/meals.yaml:1: warning[FOOD005] 餐次 CC-2026-0001（2026-11-20 午餐）没有学校负责人陪餐记录"],
    ),
    (
        "FOOD006 a worker whose certificate expired",
        case(meals=meal(), health_certificates=CERTS.replace("until: 2026-12-31", "until: 2026-10-31")),
        ["2026/meals.yaml:1: error[FOOD006] 餐次 CC-2026-0001：周保管 在 2026-11-20 上岗，但没有当日有效的健康证"],
    ),
    (
        "FOOD007 school days without a meal on record",
        case(meals=meal(day="2026-07-06")),
        ["houqin.yaml: warning[FOOD007] 学期 2025-2026-2 有 4 个上课日没有午餐记录（最早 2026-07-07）"],
    ),
]


def test_food_safety_rules(ledger_dir: Callable[..., Path]) -> None:
    for name, files, expected in FOOD_CASES:
        assert lines(ledger_dir(files, name=name.split()[0])) == expected, name


def test_a_clean_canteen_and_its_month(ledger_dir: Callable[..., Path]) -> None:
    from houqin.ledger.load import load_ledger
    from houqin.reports.canteen import canteen_month

    kept = meal(day="2026-07-10", extra="  discarded: {on: 2026-07-12, at: '11:30', by: 周保管}\n")
    root = ledger_dir(case(meals=kept, food_receipts=RECEIPT.replace("2026-11-02", "2026-07-06")))
    assert lines(root) == []
    m = canteen_month(load_ledger(root).ledger, "2026-07")
    assert (m.food_cost, m.student_meals, m.per_student_meal, m.accompanied) == (
        Decimal("390.00"), 400, Decimal("0.98"), 1,
    )  # fmt: skip


def test_receive_meal_discard_certificate_report_through_the_cli(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger()
    runner = CliRunner()

    def run(*args: str) -> tuple[int, str]:
        result = runner.invoke(app, ["--ledger", str(root), *args])
        return result.exit_code, result.output

    code, out = run("canteen", "certificate", "--person", "周保管", "--number", "3607212026000001", "--until", "2026-12-31", "--date", "2026-01-10")  # fmt: skip
    assert code == 0, out
    code, out = run("canteen", "receive", "--supplier", "绿源配送站", "--licence", "JY13607210012345", "--item", "青菜:50:斤:90.00:QJ-03", "--item", "猪肉:20:斤:300.00:DJ-12", "--acceptor", "周保管", "--date", "2026-07-10")  # fmt: skip
    assert code == 0, out
    code, out = run("canteen", "receive", "--supplier", "无证摊贩", "--item", "青菜:5:斤:9.00", "--acceptor", "周保管", "--date", "2026-07-10")  # fmt: skip
    assert code == 1 and "error[FOOD001]" in out and "error[FOOD002]" in out
    code, out = run("canteen", "meal", "--served", "400", "--sample", "红烧鸡块:150", "--sample", "炒青菜:100", "--at", "11:20", "--keeper", "周保管", "--accompanied-by", "王校长", "--staff", "周保管", "--date", "2026-07-10")  # fmt: skip
    assert code == 1 and "error[FOOD003]" in out
    code, out = run("canteen", "meal", "--served", "400", "--sample", "红烧鸡块:150", "--sample", "炒青菜:130", "--at", "11:20", "--keeper", "周保管", "--accompanied-by", "王校长", "--staff", "周保管", "--date", "2026-07-10")  # fmt: skip
    assert code == 0, out
    assert git(root, "log", "-1", "--format=%s") == "canteen meal CC-2026-0001 2026-07-10 lunch\n"
    # Found trying houqin as a new school: a discard before the sample was taken read "-47.7 hours", and
    # one dated after today was taken.
    code, out = run("canteen", "discard", "CC-2026-0001", "--on", "2026-07-09", "--at", "12:00", "--by", "周保管")
    assert code == 2 and "CC-2026-0001 的留样在 2026-07-10 11:20 才留取，不能在此之前销毁" in " ".join(out.split())
    code, out = run("canteen", "discard", "CC-2026-0001", "--on", "2026-11-30", "--at", "12:00", "--by", "周保管")
    assert code == 2 and "在今天（2026-11-24）之后" in out
    code, out = run("canteen", "discard", "CC-2026-0001", "--on", "2026-07-11", "--at", "09:00", "--by", "周保管")
    assert code == 1 and "error[FOOD004]" in out
    code, out = run("canteen", "discard", "CC-2026-0001", "--on", "2026-07-12", "--at", "11:30", "--by", "周保管")
    assert code == 0, out
    code, out = run("canteen", "report", "--month", "2026-07", "--format", "json")
    data = json.loads(out)
    assert data["per_student_meal"] == "0.98" and data["student_meals"] == 400
    code, out = run("canteen", "report", "--month", "2026-07")
    assert code == 0 and "0.98" in out
    assert run("check", "food-safety") == (0, "")


def test_the_months_report_carries_the_food_cost_per_student_meal(ledger_dir: Callable[..., Path], tmp_path: Path) -> None:  # fmt: skip
    """The finance report (and so the close's) has the canteen's line: food received, meals, student-meals
    and food cost per student-meal, the same figures in every form; a month without food or meals has none."""
    import openpyxl

    second = (
        meal(day="2026-07-09", extra="  discarded: {on: 2026-07-11, at: '11:30', by: 周保管}\n")
        .replace("CC-2026-0001", "CC-2026-0002")
        .replace("served: 400", "served: 380")
    )
    kept = meal(day="2026-07-10", extra="  discarded: {on: 2026-07-12, at: '11:30', by: 周保管}\n")
    root = ledger_dir(case(meals=second + kept, food_receipts=RECEIPT.replace("2026-11-02", "2026-07-06")))
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(app, ["--ledger", str(root), "finance", "report", *args])
        assert result.exit_code == 0, result.output
        return result.output

    # 390.00 元 of food for 400 + 380 = 780 student-meals: 0.50 元 each.
    data = json.loads(run("2026-07", "--format", "json"))
    food = data["sections"]["food"]
    assert food["columns"] == ["食材成本", "餐次", "用餐人次", "每人次食材成本"]
    assert food["rows"] == [["390.00", 2, 780, "0.50"]]
    text = run("2026-07")
    assert "食堂伙食成本" in text and "│   390.00 │    2 │      780 │           0.50 │" in text
    english = json.loads(runner.invoke(app, ["--ledger", str(root), "--lang", "en", "finance", "report", "2026-07", "--format", "json"]).output)  # fmt: skip
    assert english["sections"]["food"]["columns"][-1] == "Food cost per student-meal"
    run("2026-07", "--format", "xlsx", "--out", str(tmp_path / "m.xlsx"))
    sheet = openpyxl.load_workbook(tmp_path / "m.xlsx")["食堂伙食成本"]
    assert [c.value for c in sheet[sheet.max_row]] == [390.0, 2, 780, 0.5]
    run("2026-07", "--format", "html", "--out", str(tmp_path / "m.html"))
    page = (tmp_path / "m.html").read_text("utf-8")
    assert "食堂伙食成本" in page and "0.50" in page and "780" in page
    assert "food" not in json.loads(run("2026-06", "--format", "json"))["sections"]
