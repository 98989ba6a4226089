"""公车 and 公务接待 (R43): trips approved before they set out, the odometer continuous, fuel and
maintenance claims linked to a vehicle and checked against its log; receptions with 公函, guest list,
the principal's prior approval, the limit per head and the staff allowed at table."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from houqin.cli.app import app
from tests.conftest import BASE, GOOD_EXPENSE, git
from tests.test_rules import lines

CATALOG = (
    BASE["catalog.yaml"].rstrip(" ") + "        vehicles:\n          - {id: 赣G·A1234, name: 校车, keeper: 周保管}\n"
)


def trip(n: int, start: int, end: int, day: str = "2026-03-10", approved: str = "2026-03-09", vehicle: str = "赣G·A1234") -> str:  # fmt: skip
    return (
        f"- id: CL-2026-{n:04d}\n  date: {day}\n  vehicle: {vehicle}\n  driver: 周保管\n  purpose: 送参赛学生\n"
        f"  destination: 县体育馆\n  odometer_start: {start}\n  odometer_end: {end}\n"
        f"  approvals:\n  - {{role: supervisor, by: 刘副校长, on: {approved}}}\n"
    )


TRIPS = trip(1, 1000, 1100) + trip(2, 1100, 1300, day="2026-03-12", approved="2026-03-12")


def fuel(litres: str = "30", amount: str = "1299.50", odometer: int = 1300, n: int = 2) -> str:
    first = "- id: CF-2026-0001\n  date: 2026-03-09\n  vehicle: 赣G·A1234\n  type: fuel\n  amount: \"1299.50\"\n  expense: BX-2026-0001\n  odometer: 1000\n  litres: 40\n"  # fmt: skip
    return first + (
        f'- id: CF-2026-{n:04d}\n  date: 2026-03-13\n  vehicle: 赣G·A1234\n  type: fuel\n  amount: "{amount}"\n'
        f"  expense: BX-2026-0001\n  odometer: {odometer}\n  litres: {litres}\n"
    )


def reception(extra: str = "", guests: str = "[陈督学, 李督学]", staff: str = "[王校长]", amount: str = "240.00", approved: str = "2026-04-01") -> str:  # fmt: skip
    return (
        f"- id: JD-2026-0001\n  date: 2026-04-02\n  guest_unit: 县教育局督导室\n{extra}  guests: {guests}\n"
        f'  staff: {staff}\n  amount: "{amount}"\n  approvals:\n  - {{role: principal, by: 王校长, on: {approved}}}\n'
    )


LETTER = "  letter: 青教督函〔2026〕12号\n"
# A trip requested for the day after tomorrow (用车申请), approved the day before: no odometer yet.
REQUEST = (
    "- id: CL-2026-0001\n  date: 2026-11-26\n  vehicle: 赣G·A1234\n  driver: 周保管\n  purpose: 送参赛学生\n"
    "  destination: 县体育馆\n  approvals:\n  - {role: supervisor, by: 刘副校长, on: 2026-11-19}\n"
)

VEHICLE_CASES: list[tuple[str, dict[str, str], list[str]]] = [
    (
        "VEH001 a vehicle not registered",
        {"2026/trips.yaml": trip(1, 1000, 1100, vehicle="赣G·B9999")},
        ["2026/trips.yaml:1: error[VEH001] CL-2026-0001：车辆 赣G·B9999 不在 catalog.yaml 的 vehicles 中"],
    ),
    (
        "VEH002 approved after it set out",
        {"catalog.yaml": CATALOG, "2026/trips.yaml": trip(1, 1000, 1100, approved="2026-03-11")},
        ["2026/trips.yaml:1: error[VEH002] 出车 CL-2026-0001（赣G·A1234，2026-03-10）出车前没有主管领导批准"],
    ),
    (
        "VEH002 never approved, and its day is past",
        {"catalog.yaml": CATALOG, "2026/trips.yaml": trip(1, 1000, 1100).split("  approvals:")[0]},
        ["2026/trips.yaml:1: error[VEH002] 出车 CL-2026-0001（赣G·A1234，2026-03-10）出车前没有主管领导批准"],
    ),
    (
        "VEH007 a trip past its day never logged back",
        {"catalog.yaml": CATALOG, "2026/trips.yaml": REQUEST.replace("2026-11-26", "2026-11-20")},
        [
            "2026/trips.yaml:1: warning[VEH007] 出车 CL-2026-0001（赣G·A1234，2026-11-20）已过出车日期，还没有登记回车里程"
        ],
    ),
    (
        "VEH003 an odometer running back",
        {"catalog.yaml": CATALOG, "2026/trips.yaml": trip(1, 1100, 1000)},
        ["2026/trips.yaml:1: error[VEH003] CL-2026-0001：里程表读数 1000 小于 1100"],
    ),
    (
        "VEH004 kilometres nobody logged",
        {"catalog.yaml": CATALOG, "2026/trips.yaml": trip(1, 1000, 1100) + trip(2, 1250, 1300, day="2026-03-12")},
        [
            "2026/trips.yaml:11: warning[VEH004] 出车 CL-2026-0002：赣G·A1234 出车时里程 1250，与上次出车 CL-2026-0001 "
            "收车时的 1100 不符（有未登记的行驶？）"
        ],
    ),
    (
        "VEH005 a cost its claim does not pay",
        {
            "catalog.yaml": CATALOG,
            "2026/trips.yaml": TRIPS,
            "2026/expenses.yaml": GOOD_EXPENSE,
            "2026/vehicle-costs.yaml": fuel(amount="386.00"),
        },
        [
            "2026/vehicle-costs.yaml:9: error[VEH005] CF-2026-0002 所列报销单 BX-2026-0001 不存在，或金额与 386.00 元不符"
        ],
    ),
    (
        "VEH006 more fuel than the log explains",
        {
            "catalog.yaml": CATALOG,
            "2026/trips.yaml": TRIPS,
            "2026/expenses.yaml": GOOD_EXPENSE,
            "2026/vehicle-costs.yaml": fuel(litres="60"),
        },
        [
            "2026/vehicle-costs.yaml:9: warning[VEH006] 加油 CF-2026-0002：赣G·A1234 加油 60 升，但自上次加油以来出车登记只有 300 公里"
            "（按每百公里 12 升计不应超过）"
        ],
    ),
    (
        "RCP001 no official letter",
        {"2026/receptions.yaml": reception()},
        ["2026/receptions.yaml:1: error[RCP001] 公务接待 JD-2026-0001：县教育局督导室 没有公函（无公函不接待）"],
    ),
    (
        "RCP002 no guest list",
        {"2026/receptions.yaml": reception(LETTER, guests="[]", amount="50.00")},
        ["2026/receptions.yaml:1: error[RCP002] 公务接待 JD-2026-0001 没有接待对象名单"],
    ),
    (
        "RCP003 approved after the day",
        {"2026/receptions.yaml": reception(LETTER, approved="2026-04-03")},
        ["2026/receptions.yaml:1: error[RCP003] 公务接待 JD-2026-0001（2026-04-02）事前没有校长批准"],
    ),
    (
        "RCP004 above the limit per head",
        {"2026/receptions.yaml": reception(LETTER, amount="360.00")},
        ["2026/receptions.yaml:1: error[RCP004] 公务接待 JD-2026-0001：人均 120.00 元（3 人），超过标准 100.00 元"],
    ),
    (
        "RCP005 too many staff at table",
        {"2026/receptions.yaml": reception(LETTER, staff="[王校长, 刘副校长, 李主任, 张老师]", amount="300.00")},
        ["2026/receptions.yaml:1: error[RCP005] 公务接待 JD-2026-0001：接待对象 2 人，陪同 4 人，超过 3 人"],
    ),
]


def test_vehicle_and_reception_rules(ledger_dir: Callable[..., Path]) -> None:
    for name, files, expected in VEHICLE_CASES:
        assert lines(ledger_dir(files, name=name.split()[0])) == expected, name


def test_a_clean_log_and_reception(ledger_dir: Callable[..., Path]) -> None:
    files = {"catalog.yaml": CATALOG, "2026/trips.yaml": TRIPS, "2026/expenses.yaml": GOOD_EXPENSE}
    assert (
        lines(ledger_dir({**files, "2026/vehicle-costs.yaml": fuel(), "2026/receptions.yaml": reception(LETTER)})) == []
    )


def test_trip_cost_log_and_reception_through_the_cli(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger({"catalog.yaml": CATALOG, "2026/expenses.yaml": GOOD_EXPENSE})
    runner = CliRunner()

    def run(*args: str) -> tuple[int, str]:
        result = runner.invoke(app, ["--ledger", str(root), *args])
        return result.exit_code, result.output

    code, out = run("vehicle", "trip", "--vehicle", "赣G·A1234", "--driver", "周保管", "--purpose", "送参赛学生", "--destination", "县体育馆", "--start", "1000", "--end", "1100", "--approved-by", "刘副校长", "--approved-on", "2026-03-09", "--date", "2026-03-10")  # fmt: skip
    assert code == 0, out
    assert git(root, "log", "-1", "--format=%s") == "vehicle trip CL-2026-0001 赣G·A1234\n"
    code, out = run("vehicle", "trip", "--vehicle", "赣G·Z0000", "--driver", "周保管", "--purpose", "x", "--destination", "y", "--start", "1", "--end", "2")  # fmt: skip
    assert code == 2 and "赣G·A1234" in out
    code, out = run("vehicle", "trip", "--vehicle", "赣G·A1234", "--driver", "周保管", "--purpose", "采购", "--destination", "县城", "--start", "1100", "--end", "1180", "--date", "2026-03-12")  # fmt: skip
    assert code == 1 and "error[VEH002]" in out
    code, out = run("vehicle", "cost", "--vehicle", "赣G·A1234", "--type", "fuel", "--amount", "1299.50", "--expense", "BX-2026-0001", "--odometer", "1100", "--litres", "10", "--date", "2026-03-13")  # fmt: skip
    assert code == 0, out
    code, out = run("vehicle", "log", "--vehicle", "赣G·A1234", "--format", "json")
    rows = json.loads(out)["rows"]
    assert [r["what"] for r in rows] == ["trip", "fuel"] and rows[0]["km"] == "100"
    code, out = run("vehicle", "log", "--vehicle", "赣G·A1234")
    assert code == 0 and "送参赛学生" in out
    code, out = run("reception", "add", "--unit", "县教育局督导室", "--letter", "青教督函〔2026〕12号", "--guest", "陈督学", "--guest", "李督学", "--staff", "王校长", "--amount", "240.00", "--date", "2026-04-02")  # fmt: skip
    assert code == 1 and "error[RCP003]" in out  # refused: a reception is approved beforehand
    code, out = run("reception", "add", "--unit", "县教育局督导室", "--letter", "青教督函〔2026〕12号", "--guest", "陈督学", "--guest", "李督学", "--staff", "王校长", "--amount", "240.00", "--approved-by", "王校长", "--approved-on", "2026-04-01", "--date", "2026-04-02")  # fmt: skip
    assert code == 0, out
    assert run("check", "vehicles") == (0, "")


def test_requests_are_approved_beforehand_through_sign_pending_and_due(git_ledger: Callable[..., Path]) -> None:
    """A trip and a reception written ahead of their day await the approver (houqin pending, houqin due,
    due on the day itself); `houqin sign` approves them on or before the day and is refused after it;
    the trip is logged back on its return, the reception linked to its claim, neither breaking the
    approval (LATER); a request not yet approved before its day is no error, nor a record of the future."""
    root = git_ledger({"catalog.yaml": CATALOG, "2026/expenses.yaml": GOOD_EXPENSE.replace("1299.50", "240.00")})
    runner = CliRunner()

    def run(*args: str, today: str = "2026-11-24") -> tuple[int, str]:
        result = runner.invoke(app, ["--ledger", str(root), *args], env={"HOUQIN_TODAY": today})
        return result.exit_code, result.output

    code, out = run("vehicle", "trip", "--vehicle", "赣G·A1234", "--driver", "周保管", "--purpose", "送参赛学生", "--destination", "县体育馆", "--date", "2026-11-26")  # fmt: skip
    assert code == 0, out
    code, out = run("reception", "add", "--unit", "县教育局督导室", "--letter", "青教督函〔2026〕12号", "--guest", "陈督学", "--guest", "李督学", "--staff", "王校长", "--amount", "240.00", "--date", "2026-11-27")  # fmt: skip
    assert code == 0, out
    assert run("check") == (0, "")
    code, out = run("pending", "--person", "刘副校长", "--format", "json")
    assert [(r["id"], r["step"]) for r in json.loads(out)["rows"]] == [("CL-2026-0001", "supervisor")]
    code, out = run("pending", "--person", "刘副校长")
    assert out.splitlines()[0] == "等待 刘副校长 签字：1 件"  # a trip moves no money: no sum of 0.00 元
    code, out = run("pending", "--person", "王校长", "--format", "json")
    assert [(r["id"], r["step"]) for r in json.loads(out)["rows"]] == [("JD-2026-0001", "principal")]
    code, out = run("due", "--person", "刘副校长", "--format", "json")
    items = json.loads(out)["items"]
    assert [(i["record"], i["due"], i["command"]) for i in items] == [
        ("CL-2026-0001", "2026-11-26", "houqin sign CL-2026-0001 --as supervisor --by 刘副校长")
    ]
    # After its day the approval is too late: refused (the hook refuses the commit), nothing written.
    head = git(root, "rev-parse", "HEAD")
    code, out = run("sign", "CL-2026-0001", "--as", "supervisor", "--by", "刘副校长", today="2026-11-27")
    assert code != 0 and "error[VEH002]" in out and git(root, "rev-parse", "HEAD") == head
    assert run("sign", "CL-2026-0001", "--as", "supervisor", "--by", "刘副校长")[0] == 0
    assert run("sign", "JD-2026-0001", "--as", "principal", "--by", "王校长", "--on", "2026-11-25")[0] == 0
    code, out = run("pending", "--person", "刘副校长", "--format", "json")
    assert json.loads(out)["rows"] == []
    # Back from the trip: not before its day; then the odometer, outside what the supervisor signed.
    assert run("vehicle", "return", "CL-2026-0001", "--start", "1000", "--end", "1052")[0] == 2
    code, out = run("vehicle", "return", "CL-2026-0001", "--start", "1000", "--end", "1052", today="2026-11-26")
    assert code == 0, out
    assert git(root, "log", "-1", "--format=%s") == "vehicle return CL-2026-0001\n"
    assert run("vehicle", "return", "CL-2026-0001", "--end", "1060", today="2026-11-26")[0] == 2
    code, out = run("reception", "claim", "JD-2026-0001", "--expense", "BX-2026-0001", today="2026-11-28")
    assert code == 0, out
    assert run("check", today="2026-11-28") == (0, "")
    code, out = run("vehicle", "log", "--vehicle", "赣G·A1234", "--format", "json", today="2026-11-28")
    assert [(r["id"], r["km"]) for r in json.loads(out)["rows"]] == [("CL-2026-0001", "52")]
    # A request never approved, once its day is past, is an error; a trip never logged back a warning.
    code, out = run("vehicle", "trip", "--vehicle", "赣G·A1234", "--driver", "周保管", "--purpose", "采购", "--destination", "县城", "--date", "2026-11-30", today="2026-11-28")  # fmt: skip
    assert code == 0, out
    code, out = run("check", "vehicles", today="2026-12-01")
    assert "error[VEH002] 出车 CL-2026-0002" in out and "warning[VEH007] 出车 CL-2026-0002" in out
