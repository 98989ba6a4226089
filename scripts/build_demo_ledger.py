"""Build the bundled demonstration ledger (ledgers/) for the fictional 青禾县实验小学.

Deterministic: the same script always writes the same files. It uses houqin's own models and
renderer, so the files are exactly what houqin's write commands would produce. Run from the
project root:  python scripts/build_demo_ledger.py [OUT_DIR]
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
from decimal import Decimal
from pathlib import Path

from houqin.ledger.roundtrip import render_records, to_yaml, yaml_rt
from houqin.models.base import Approval, Record, Source
from houqin.models.calendar import DEFAULT_CALENDAR
from houqin.models.kinds import KIND_BY_MODEL
from houqin.models.records import (
    Acceptance,
    Assessment,
    Asset,
    BalanceAssertion,
    CashAdvance,
    Damage,
    DamageSettlement,
    Disposal,
    Income,
    Invoice,
    Loan,
    Meeting,
    Move,
    Payment,
    Purchase,
    PurchaseLine,
    Quote,
    ReceiptBook,
    ReceiptVoid,
    Reimbursement,
    Repair,
    RepairDone,
    Responsible,
    Return,
    Settlement,
    StockIn,
    StockOut,
)
from houqin.services.init import GITATTRIBUTES, GITIGNORE

D = dt.date
rng = random.Random(20260901)

PRINCIPAL, VICE, DIRECTOR, ACCOUNTANT, CASHIER, KEEPER, CLERK, AUDITOR = (
    "王建国",
    "刘志强",
    "李明",
    "孙慧",
    "赵丽",
    "周强",
    "吴芳",
    "郑国华",
)
HEADS = {"教务处": "钱红", "政教处": "冯刚"}
CLASS_TEACHERS = [
    "陈晓东",
    "杨丽华",
    "黄海燕",
    "张敏",
    "徐静",
    "马俊",
    "朱玉兰",
    "胡建军",
    "郭晓燕",
    "林秀英",
    "罗志刚",
    "梁春梅",
]
SUBJECT_TEACHERS = [
    "谢文斌",
    "宋佳",
    "唐小军",
    "许丽娟",
    "韩雪",
    "邓伟",
    "曹芳",
    "彭磊",
    "曾红霞",
    "肖勇",
    "田甜",
    "董晓明",
    "袁媛",
    "潘建华",
    "蒋琳",
    "蔡敏",
]
NEW_TEACHERS = ["余思雨", "杜可欣"]
LEFT_TEACHER = "何伟"


def person(name: str, roles: list[object], department: str, joined: dt.date, left: dt.date | None = None) -> dict:
    out: dict[str, object] = {"name": name, "roles": roles}
    if name in KEY_FILES:
        out["keys"] = demo_keys(name)
    out.update(department=department, joined=joined)
    if left:
        out["left"] = left
    return out


def people() -> list[dict]:
    out = [
        person(PRINCIPAL, ["principal"], "校长室", D(2008, 8, 25)),
        person(VICE, ["vice_principal", "teacher"], "校长室", D(2005, 8, 28)),
        person(DIRECTOR, ["director", "keeper"], "总务处", D(2009, 8, 26)),
        person(ACCOUNTANT, ["accountant"], "财务室", D(2012, 3, 1)),
        person(CASHIER, ["cashier"], "财务室", D(2014, 8, 25)),
        person(KEEPER, ["keeper", "staff"], "总务处", D(2011, 9, 1)),
        person(CLERK, ["clerk"], "总务处", D(2016, 8, 29)),
        person(AUDITOR, ["auditor", "teacher"], "稽核小组", D(2006, 8, 28)),
    ]
    for dept, name in HEADS.items():
        out.append(person(name, ["department_head", "teacher"], dept, D(2007, 8, 27)))
    for i, name in enumerate(CLASS_TEACHERS):
        out.append(person(name, ["teacher"], f"{i // 2 + 1}年级组", D(2004 + i % 10, 8, 28)))
    for i, name in enumerate(SUBJECT_TEACHERS):
        out.append(person(name, ["teacher"], "综合组" if i % 2 else "语数组", D(2006 + i % 9, 8, 27)))
    for name in NEW_TEACHERS:
        out.append(person(name, ["teacher"], "综合组", D(2024, 8, 26)))
    out.append(person(LEFT_TEACHER, ["teacher"], "综合组", D(2013, 8, 26), left=D(2026, 1, 31)))
    return with_canteen_staff(with_audit_group(out))


GRADES = "一二三四五六"


def places() -> list[dict]:
    out = []
    for i, teacher in enumerate(CLASS_TEACHERS):
        grade, cls = i // 2, i % 2 + 1
        out.append(
            {
                "id": f"JX-{grade + 1}0{cls}",
                "name": f"{GRADES[grade]}年级({cls})班",
                "kind": "classroom",
                "building": "教学楼",
                "keeper": teacher,
            }
        )
    out += [
        {"id": "XZ-301", "name": "校长室", "kind": "office", "building": "行政楼", "keeper": PRINCIPAL},
        {"id": "XZ-201", "name": "总务处", "kind": "office", "building": "行政楼", "keeper": DIRECTOR},
        {"id": "XZ-202", "name": "财务室", "kind": "office", "building": "行政楼", "keeper": ACCOUNTANT},
        {"id": "XZ-203", "name": "教务处", "kind": "office", "building": "行政楼", "keeper": HEADS["教务处"]},
        {"id": "XZ-204", "name": "政教处", "kind": "office", "building": "行政楼", "keeper": HEADS["政教处"]},
        {
            "id": "XZ-101",
            "name": "教师办公室（语数）",
            "kind": "office",
            "building": "行政楼",
            "keeper": SUBJECT_TEACHERS[0],
        },
        {
            "id": "XZ-102",
            "name": "教师办公室（综合）",
            "kind": "office",
            "building": "行政楼",
            "keeper": SUBJECT_TEACHERS[1],
        },
        {"id": "SY-301", "name": "计算机教室", "kind": "function", "building": "实验楼", "keeper": SUBJECT_TEACHERS[2]},
        {"id": "SY-201", "name": "科学实验室", "kind": "function", "building": "实验楼", "keeper": SUBJECT_TEACHERS[3]},
        {"id": "SY-202", "name": "科学仪器室", "kind": "function", "building": "实验楼", "keeper": SUBJECT_TEACHERS[3]},
        {"id": "SY-101", "name": "音乐教室", "kind": "function", "building": "实验楼", "keeper": SUBJECT_TEACHERS[4]},
        {"id": "SY-102", "name": "美术教室", "kind": "function", "building": "实验楼", "keeper": SUBJECT_TEACHERS[5]},
        {"id": "SY-103", "name": "图书室", "kind": "function", "building": "实验楼", "keeper": SUBJECT_TEACHERS[6]},
        {"id": "SY-302", "name": "录播教室", "kind": "function", "building": "实验楼", "keeper": SUBJECT_TEACHERS[2]},
        {"id": "TY-001", "name": "体育器材室", "kind": "sports", "building": "风雨操场", "keeper": SUBJECT_TEACHERS[7]},
        {"id": "CK-001", "name": "总务仓库", "kind": "storeroom", "building": "行政楼", "keeper": KEEPER},
        {"id": "SW-001", "name": "操场", "kind": "outdoor", "keeper": SUBJECT_TEACHERS[7]},
        {"id": "SW-002", "name": "门卫室", "kind": "other", "keeper": KEEPER},
    ]
    return out


ITEMS = [
    ("paper-a4", "A4复印纸", "包", "印刷耗材", 40, "23.50"),
    ("paper-a3", "A3复印纸", "包", "印刷耗材", 10, "46.00"),
    ("toner-hp", "硒鼓（HP 88A）", "个", "印刷耗材", 4, "168.00"),
    ("ink-stencil", "油印油墨", "支", "印刷耗材", 6, "35.00"),
    ("chalk-white", "无尘粉笔（白）", "盒", "教学用品", 60, "6.50"),
    ("chalk-color", "无尘粉笔（彩）", "盒", "教学用品", 20, "8.00"),
    ("marker", "白板笔", "支", "教学用品", 50, "2.80"),
    ("exercise-book", "作业本", "本", "教学用品", 500, "1.20"),
    ("pen-gel", "中性笔", "支", "办公用品", 100, "1.50"),
    ("folder", "档案盒", "个", "办公用品", 30, "4.50"),
    ("stapler-pin", "订书钉", "盒", "办公用品", 20, "2.00"),
    ("broom", "扫帚", "把", "清洁用品", 20, "12.00"),
    ("mop", "拖把", "把", "清洁用品", 20, "18.00"),
    ("detergent", "洗手液", "瓶", "清洁用品", 30, "9.90"),
    ("disinfectant", "84消毒液", "瓶", "清洁用品", 20, "7.50"),
    ("bulb-led", "LED灯管", "根", "维修材料", 30, "15.00"),
    ("tap", "水龙头", "个", "维修材料", 10, "28.00"),
    ("lock", "挂锁", "把", "维修材料", 10, "22.00"),
]

CATEGORIES = [
    ("A01010200", "教学用房", 50, False),
    ("A02010105", "台式计算机", 6, False),
    ("A02010108", "便携式计算机", 6, False),
    ("A02020500", "打印设备", 6, False),
    ("A02021100", "投影仪", 6, False),
    ("A02020700", "电子白板（交互式一体机）", 6, False),
    ("A02061804", "空调机", 6, False),
    ("A02090100", "音响设备", 5, False),
    ("A02100000", "教学仪器", 5, True),
    ("A02110000", "体育设备", 5, True),
    ("A02120000", "乐器", 5, True),
    ("A04010000", "图书", 0, False),
    ("A05010203", "课桌、讲台、实验桌", 15, False),
    ("A05010501", "书柜", 15, False),
    ("A05010502", "文件柜", 15, False),
    ("A05040403", "教具", 5, False),
]


def gbt14885_2022(name: str, category: str) -> str:
    """The GB/T 14885-2022 code of a planned asset (#15 item 7; houqin/templates/asset_codes.yaml): the
    computers' codes moved (A02010104 台式计算机 → A02010105, A02010105 便携式计算机 → A02010108), the
    air conditioners and whiteboards go to the leaves the table has; the desks, lecterns, lab and
    meeting tables and office desk sets (学生课桌椅 and 办公家具 before, A050102 and A050101 — the
    latter is 床类 in 2022) to 教学、实验用桌, over 15 years (应用指南: 家具 不低于15年); the easels to
    教具; the old 书柜及档案柜 is split into 书柜 and 文件柜. 教学仪器 and 乐器 keep their older codes, which
    the table cannot place (docs/assets.md)."""
    moved = {"A02010104": "A02010105", "A02010105": "A02010108", "A02061800": "A02061804",
             "A02021200": "A02020700", "A05010200": "A05010203"}  # fmt: skip
    if category == "A05010300":
        return "A05010501" if "书柜" in name else "A05010502"
    if category == "A05010100":
        return "A05040403" if name == "画架" else "A05010203"
    return moved.get(category, category)


BUDGET = {
    "30201": ("办公费", "130000.00"),
    "30202": ("印刷费", "30000.00"),
    "30206": ("电费", "90000.00"),
    "30211": ("差旅费", "20000.00"),
    "30213": ("维修（护）费", "80000.00"),
    "30216": ("培训费", "25000.00"),
    "30218": ("专用材料费", "50000.00"),
    "31002": ("办公设备购置", "150000.00"),
    "31003": ("专用设备购置", "200000.00"),
}

CANTEEN_MONTHS = [(2026, m) for m in (3, 4, 5, 6, 9, 10, 11)]
CANTEEN_KEEPER = "冯刚"  # 政教处 runs the canteen
CANTEEN_LINE = "canteen-food"  # 伙食费 spent on food: the canteen fund's own line, not the public budget's


def canteen_account() -> dict[str, object]:
    """食堂: students' board held by the school, a fund inside the books with its own spending lines."""
    return {
        "id": "canteen", "name": "食堂（伙食费专户）", "kind": "fund", "opening": Decimal("0.00"),
        "opened": D(2026, 1, 31), "lines": [CANTEEN_LINE, "canteen-fuel"],
    }  # fmt: skip


# 学生伙食费 received each month and what the food cost: close to zero profit over the term (零盈利).
CANTEEN_INCOME = {
    3: "46800.00",
    4: "45600.00",
    5: "46200.00",
    6: "39600.00",
    9: "47400.00",
    10: "44400.00",
    11: "46800.00",
}
CANTEEN_COST = {m: (Decimal(v) * Decimal("0.985")).quantize(Decimal("0.01")) for m, v in CANTEEN_INCOME.items()}

LOT_REASON = "单价未达标准但使用期限超过一年的大批同类物资，按固定资产管理"


class Ids:
    def __init__(self) -> None:
        self.seq: dict[tuple[str, int], int] = {}

    def next(self, prefix: str, year: int) -> str:
        n = self.seq.get((prefix, year), 0) + 1
        self.seq[(prefix, year)] = n
        return f"{prefix}-{year}-{n:04d}"


ids = Ids()
invoice_counter = [0]


def new_invoice(day: dt.date, amount: Decimal | None = None) -> Invoice:
    invoice_counter[0] += 1
    number = f"{day.year % 100:02d}44{rng.randrange(10**6):06d}{invoice_counter[0]:010d}"
    return Invoice(number=number, date=day, amount=amount)


def money(x: float | str | Decimal) -> Decimal:
    return Decimal(str(x)).quantize(Decimal("0.01"))


COMPENSATION_ID = "SR-2026-0042"  # the receipt of the board's compensation (see money_in)
PURCHASES: list[Purchase] = []
PURCHASE_OF: dict[tuple[int, int, str], str] = {}  # (year, month, supplier) → the month's restock purchase
SUPPLIERS = ["青禾县文汇办公用品店", "县百货批发部", "宏达五金建材店", "县政府采购中心协议供货商", "青禾县华联电器城"]


def purchase(
    accepted: dt.date,
    department: str,
    requester: str,
    head: str,
    budget_line: str,
    purpose: str,
    lines: list[PurchaseLine],
    supplier: str,
    acceptor: str,
    witness: str,
) -> str:
    """请购 a week before the goods come, approved up the chain its amount needs (三家报价 and a meeting
    where policy asks), accepted on the day they arrive; returns its id."""
    total = sum((line.total for line in lines), Decimal(0))
    asked = accepted - dt.timedelta(days=7)
    approvals = [
        Approval(role="department_head", by=head, on=asked + dt.timedelta(days=1)),
        Approval(role="supervisor", by=VICE, on=asked + dt.timedelta(days=2)),
        # 一支笔: the principal consents to every purchase, before the goods are bought (policy tier 0)
        Approval(role="principal", by=PRINCIPAL, on=asked + dt.timedelta(days=3)),
    ]
    quotes: tuple[Quote, ...] = ()
    if total >= Decimal("5000"):
        others = [x for x in SUPPLIERS if x != supplier][:2]
        quotes = tuple(
            Quote(supplier=name, amount=money(total * factor), on=asked + dt.timedelta(days=1))
            for name, factor in ((supplier, Decimal("1")), (others[0], Decimal("1.04")), (others[1], Decimal("1.07")))
        )
    meeting = None
    if total >= Decimal("50000"):
        meeting = Meeting(
            on=asked + dt.timedelta(days=2),
            attendees=(PRINCIPAL, VICE, DIRECTOR, ACCOUNTANT),
            decision=f"同意{purpose}，按报价最低者采购",
        )
    record = Purchase(
        id=ids.next("CG", asked.year),
        date=asked,
        department=department,
        requester=requester,
        budget_line=budget_line,
        purpose=purpose,
        lines=tuple(lines),
        quotes=quotes,
        meeting=meeting,
        approvals=tuple(approvals),
        accepted=Acceptance(on=accepted, acceptor=acceptor, witness=witness, supplier=supplier),
    )
    PURCHASES.append(record)
    return record.id


def consented(purchase_id: str) -> dt.date:
    """The day the principal approved a purchase of this script (一支笔, prior consent)."""
    (found,) = [p for p in PURCHASES if p.id == purchase_id]
    approval = found.approval("principal")
    assert approval is not None
    return approval.on


def assets() -> list[Asset]:
    plan: list[tuple[str, str, str, str, int, str, str, str, dt.date, str | None]] = []
    # (name, category, model, unit, quantity, price, place, funding, date, reason)
    for i, _teacher in enumerate(CLASS_TEACHERS):
        grade, cls = i // 2, i % 2 + 1
        room = f"JX-{grade + 1}0{cls}"
        year = 2016 + (i % 5)
        plan.append(
            (
                "学生课桌椅（单人）",
                "A05010200",
                "KZY-120可升降",
                "套",
                45,
                "320.00",
                room,
                "财政拨款",
                D(year, 8, 20),
                LOT_REASON,
            )
        )
        plan.append(("讲台", "A05010100", "木质 1.2m", "张", 1, "1200.00", room, "财政拨款", D(year, 8, 20), None))
        plan.append(
            (
                "交互式智能一体机",
                "A02021200",
                "希沃 86英寸",
                "台",
                1,
                "16800.00",
                room,
                "财政拨款",
                D(2021 + i % 3, 8, 15),
                None,
            )
        )
        plan.append(("柜式空调", "A02061800", "格力 3匹", "台", 1, "6200.00", room, "自筹资金", D(2019, 6, 10), None))
        plan.append(("图书角书柜", "A05010300", "钢制", "个", 2, "1050.00", room, "捐赠", D(2018, 5, 20), None))
    for n in range(50):
        plan.append(
            (
                "学生计算机",
                "A02010104",
                "联想 启天M437",
                "台",
                1,
                "4350.00",
                "SY-301",
                "财政拨款",
                D(2022, 7, 1 + n % 20),
                None,
            )
        )
    plan.append(("教师机", "A02010104", "联想 启天M455", "台", 1, "5600.00", "SY-301", "财政拨款", D(2022, 7, 1), None))
    for room, keeper_n in (
        ("XZ-301", 1),
        ("XZ-201", 3),
        ("XZ-202", 3),
        ("XZ-203", 2),
        ("XZ-204", 2),
        ("XZ-101", 6),
        ("XZ-102", 6),
    ):
        for k in range(keeper_n):
            plan.append(
                (
                    "办公计算机",
                    "A02010104",
                    "联想 扬天M4000",
                    "台",
                    1,
                    "4680.00",
                    room,
                    "财政拨款",
                    D(2020 + k % 4, 3, 15),
                    None,
                )
            )
        plan.append(
            ("激光打印机", "A02020500", "HP LaserJet M203", "台", 1, "1680.00", room, "财政拨款", D(2021, 4, 12), None)
        )
        plan.append(
            ("办公桌椅", "A05010100", "钢木 1.4m", "套", keeper_n, "1350.00", room, "财政拨款", D(2017, 8, 1), None)
        )
        plan.append(("文件柜", "A05010300", "钢制 五节", "个", 2, "1100.00", room, "财政拨款", D(2017, 8, 1), None))
    for n in range(100):
        plan.append(
            (
                "平板电脑（移动学习终端）",
                "A02010105",
                "华为 MatePad 11",
                "台",
                1,
                "2999.00",
                "SY-301",
                "上级调拨",
                D(2025, 3, 3 + n % 20),
                None,
            )
        )
    for _n in range(6):
        plan.append(
            (
                "笔记本电脑",
                "A02010105",
                "华为 MateBook 14",
                "台",
                1,
                "5999.00",
                "XZ-203",
                "财政拨款",
                D(2024, 9, 10),
                None,
            )
        )
    instruments = [
        ("学生显微镜", "XSP-2CA", 25, "1580.00"),
        ("天文望远镜", "星特朗 80EQ", 2, "2380.00"),
        ("演示电表", "J0408", 4, "1650.00"),
        ("人体骨骼模型", "170cm", 1, "1880.00"),
        ("数字化实验系统", "朗威 DISLab", 1, "38000.00"),
        ("电子天平", "JJ500", 6, "1520.00"),
    ]
    for name, model, qty, price in instruments:
        plan.append((name, "A02100000", model, "台", qty, price, "SY-202", "财政拨款", D(2023, 5, 18), None))
    plan.append(("实验桌", "A05010100", "全钢 2.4m", "张", 12, "2600.00", "SY-201", "财政拨款", D(2023, 5, 18), None))
    music = [
        ("立式钢琴", "珠江 UP118", 2, "16500.00"),
        ("电子琴", "雅马哈 PSR-E473", 10, "2450.00"),
        ("架子鼓", "Pearl 5鼓", 1, "5800.00"),
    ]
    for name, model, qty, price in music:
        plan.append((name, "A02120000", model, "台", qty, price, "SY-101", "财政拨款", D(2021, 10, 9), None))
    plan.append(
        ("音响系统", "A02090100", "雅马哈 STAGEPAS", "套", 1, "8900.00", "SY-101", "财政拨款", D(2021, 10, 9), None)
    )
    plan.append(("画架", "A05010100", "榉木", "个", 40, "260.00", "SY-102", "财政拨款", D(2021, 10, 9), LOT_REASON))
    sports = [
        ("篮球架", "移动式 成人", 4, "6800.00"),
        ("乒乓球台", "红双喜 T2023", 6, "2300.00"),
        ("跳高架", "铝合金", 2, "1650.00"),
        ("体操垫", "加厚 2m", 20, "380.00"),
    ]
    for name, model, qty, price in sports:
        reason = LOT_REASON if Decimal(price) < 1500 else None
        plan.append((name, "A02110000", model, "台", qty, price, "TY-001", "财政拨款", D(2020, 9, 5), reason))
    for year in range(2016, 2027):
        plan.append(
            (
                f"图书（{year}年采购）",
                "A04010000",
                "各类",
                "册",
                800 + 37 * (year % 7),
                "28.50",
                "SY-103",
                "财政拨款" if year % 3 else "捐赠",
                D(year, 10, 12),
                LOT_REASON,
            )
        )
    plan.append(
        ("录播系统", "A02021100", "奥威亚 AW-RS", "套", 1, "96000.00", "SY-302", "财政拨款", D(2024, 12, 20), None)
    )
    plan.append(("投影仪", "A02021100", "爱普生 CB-X50", "台", 1, "4200.00", "XZ-301", "财政拨款", D(2019, 3, 1), None))
    plan.append(("会议桌", "A05010100", "实木 3.6m", "张", 1, "5600.00", "XZ-301", "财政拨款", D(2017, 8, 1), None))
    plan.append(
        ("监控主机", "A02010104", "海康 DS-7816", "台", 1, "3800.00", "SW-002", "财政拨款", D(2022, 1, 8), None)
    )
    plan.append(("保安器材柜", "A05010300", "钢制", "个", 1, "1150.00", "SW-002", "财政拨款", D(2022, 1, 8), None))
    # 2026: this year's additions (bought through the reimbursements below).
    plan.append(
        ("激光打印机", "A02020500", "HP LaserJet M233", "台", 1, "1899.00", "XZ-201", "财政拨款", D(2026, 3, 16), None)
    )
    plan.append(
        ("便携式扩音器", "A02090100", "得胜 SC-TX", "台", 8, "268.00", "XZ-203", "财政拨款", D(2026, 4, 8), LOT_REASON)
    )
    plan.append(("空调", "A02061800", "美的 1.5匹", "台", 2, "3299.00", "XZ-202", "财政拨款", D(2026, 6, 2), None))
    plan.append(
        ("学生计算机", "A02010104", "联想 启天M450", "台", 12, "4580.00", "SY-301", "财政拨款", D(2026, 9, 8), None)
    )

    keepers = {p["id"]: p["keeper"] for p in places()}
    out = []
    for name, category, model, unit, qty, price, room, funding, day, reason in sorted(plan, key=lambda p: p[8]):
        category = gbt14885_2022(name, category)
        bought = None
        if day.year == 2026:
            line = PurchaseLine(asset=name, category=category, quantity=Decimal(qty), estimate=money(price))
            teaching = room.startswith("SY")
            bought = purchase(
                day,
                "教务处" if teaching else "总务处",
                SUBJECT_TEACHERS[0] if teaching else KEEPER,
                HEADS["教务处"] if teaching else DIRECTOR,
                "31003" if category.startswith("A021") else "31002",
                f"购置{name}",
                [line],
                SUPPLIERS[3] if teaching else SUPPLIERS[4],
                KEEPER,
                keepers[room] if keepers[room] != KEEPER else DIRECTOR,
            )
        out.append(
            Asset(
                id=ids.next("ZC", day.year),
                date=day,
                name=name,
                category=category,
                model=model,
                unit=unit,
                quantity=qty,
                unit_price=money(price),
                place=room,
                keeper=keepers[room],
                funding=funding,
                purchase=bought,
                below_threshold_reason=reason,
            )
        )
    return out


def stock() -> tuple[list[StockIn], list[StockOut]]:
    ins: list[StockIn] = []
    outs: list[StockOut] = []
    on_hand = {item[0]: 0 for item in ITEMS}
    staff = CLASS_TEACHERS + SUBJECT_TEACHERS
    suppliers = ["青禾县文汇办公用品店", "县百货批发部", "宏达五金建材店"]
    term_days = [D(2026, 2, 20) + dt.timedelta(days=n) for n in range(0, 140)]
    term_days += [D(2026, 9, 1) + dt.timedelta(days=n) for n in range(0, 80)]
    school_days = [d for d in term_days if d.weekday() < 5]
    for day in school_days:
        # Restock on the first school day of each month.
        if day.day <= 3 and not any(i.date.month == day.month and i.date.year == day.year for i in ins):
            wanted: dict[str, list[tuple[str, int, str]]] = {}
            for item_id, _name, _unit, category, reorder, price in ITEMS:
                qty = reorder * 2 + rng.randrange(reorder + 1)
                supplier = suppliers[2] if category == "维修材料" else suppliers[0 if category != "清洁用品" else 1]
                wanted.setdefault(supplier, []).append((item_id, qty, price))
            for supplier, lines in wanted.items():
                bought = purchase(
                    day,
                    "总务处",
                    KEEPER,
                    DIRECTOR,
                    "30213" if "五金" in supplier else "30201",
                    f"{day.month}月份易耗品补充",
                    [PurchaseLine(item=i, quantity=Decimal(q), estimate=money(p)) for i, q, p in lines],
                    supplier,
                    KEEPER,
                    DIRECTOR,
                )
                PURCHASE_OF[(day.year, day.month, supplier)] = bought
                for item_id, qty, price in lines:
                    ins.append(
                        StockIn(
                            id=ids.next("RK", day.year),
                            date=day,
                            item=item_id,
                            quantity=Decimal(qty),
                            unit_price=money(price),
                            supplier=supplier,
                            origin=bought,
                            acceptor=KEEPER,
                            approvals=(Approval(role="witness", by=DIRECTOR, on=day),),
                        )
                    )
                    on_hand[item_id] += qty
        for _ in range(rng.randrange(0, 3)):
            item_id, _name, _unit, category, reorder, _price = rng.choice(ITEMS)
            qty = max(1, rng.randrange(1, max(2, reorder // 3)))
            if on_hand[item_id] < qty:
                continue
            receiver = rng.choice(staff)
            purpose = {
                "印刷耗材": "试卷印刷",
                "教学用品": "课堂教学",
                "办公用品": "办公",
                "清洁用品": "班级卫生",
                "维修材料": "零星维修",
            }[category]
            approvals: tuple[Approval, ...] = ()
            if category == "印刷耗材":
                approvals = (Approval(role="supervisor", by=VICE, on=day),)
            outs.append(
                StockOut(
                    id=ids.next("CK", day.year),
                    date=day,
                    item=item_id,
                    quantity=Decimal(qty),
                    receiver=receiver,
                    purpose=purpose,
                    issued_by=KEEPER,
                    approvals=approvals,
                )
            )
            on_hand[item_id] -= qty
    return ins, outs


def expenses(stock_in: list[StockIn], asset_list: list[Asset]) -> tuple[list[Reimbursement], list[CashAdvance]]:
    claims: list[Reimbursement] = []
    advances: list[CashAdvance] = []
    witnesses = [KEEPER, CLERK, AUDITOR, HEADS["教务处"]]

    def claim(
        day: dt.date,
        payee: str,
        amount: Decimal,
        line: str,
        purpose: str,
        handler: str,
        *,
        signed: int = 3,
        paid: bool = True,
        advance: str | None = None,
        account: str = "bank",
        purchase: str | None = None,
    ) -> None:
        inv_day = day - dt.timedelta(days=rng.randrange(0, 12))
        if purchase is not None:  # goods are bought (and invoiced) only after the principal consented
            inv_day = max(inv_day, consented(purchase))
        steps = [
            ("handler", handler, day),
            ("witness", rng.choice([w for w in witnesses if w != handler]), day),
            ("principal", PRINCIPAL, day + dt.timedelta(days=rng.randrange(0, 3))),
        ]
        approvals = tuple(Approval(role=r, by=b, on=o) for r, b, o in steps[:signed])
        payment = Payment(on=steps[2][2] + dt.timedelta(days=1), by=CASHIER, account=account) if paid else None
        claims.append(
            Reimbursement(
                id="BX-0000-0000",
                date=day,
                payee=payee,
                amount=amount,
                budget_line=line,
                purpose=purpose,
                invoices=(new_invoice(inv_day, amount),),
                approvals=approvals,
                payment=payment,
                advance=advance,
                purchase=purchase,
            )
        )

    # Monthly consumables bought for stock: one claim per month per supplier.
    by_month: dict[tuple[int, int, str], Decimal] = {}
    for r in stock_in:
        key = (r.date.year, r.date.month, r.supplier or "")
        by_month[key] = by_month.get(key, Decimal("0")) + r.quantity * r.unit_price
    for (year, month, supplier), total in sorted(by_month.items()):
        line = "30213" if "五金" in supplier else "30201"
        bought = PURCHASE_OF[(year, month, supplier)]
        claim(D(year, month, 4), supplier, money(total), line, f"{month}月份易耗品采购入库", KEEPER, purchase=bought)
    for a in asset_list:
        if a.date.year == 2026:
            line = "31003" if a.category.startswith("A021") else "31002"
            claim(
                a.date, "县政府采购中心协议供货商", money(a.value), line, f"购置{a.name}", DIRECTOR, purchase=a.purchase
            )
    # Electricity, printing, training, travel, repairs across both terms.
    months = [(2026, m) for m in (2, 3, 4, 5, 6, 7, 9, 10, 11)]
    for year, month in months:
        day = D(year, month, 15 if month != 2 else 25)
        claim(day, "国网青禾县供电公司", money(6800 + rng.randrange(0, 3000)), "30206", f"{month}月电费", DIRECTOR)
        if month in (3, 6, 10):
            claim(
                D(year, month, 20),
                "青禾县彩虹印务",
                money(2400 + rng.randrange(0, 900)),
                "30202",
                "试卷及练习册印刷",
                HEADS["教务处"],
            )
        if month in (4, 9):
            claim(D(year, month, 10), "县教师进修学校", money(3200), "30216", "教师信息技术培训", HEADS["教务处"])
        if month in (5, 10):
            claim(
                D(year, month, 12),
                "宏达五金建材店",
                money(1800 + rng.randrange(0, 1500)),
                "30213",
                "门窗、水电零星维修",
                DIRECTOR,
            )
    # Travel claims through cash advances (借款 → 报销冲账).
    trips = [
        (D(2026, 3, 23), SUBJECT_TEACHERS[3], "2000.00", "1620.00", "赴市里参加科学教研活动"),
        (D(2026, 5, 11), HEADS["政教处"], "3000.00", "2860.00", "带队参加市中小学生运动会"),
        (D(2026, 10, 19), HEADS["教务处"], "1500.00", "1500.00", "赴省城参加课程改革培训"),
    ]
    for day, who, lent, spent, purpose in trips:
        adv_id = ids.next("JK", day.year)
        settle_day = day + dt.timedelta(days=12)
        claim(settle_day, who, money(spent), "30211", purpose, who, advance=adv_id, account="cash")
        advances.append(
            CashAdvance(
                id=adv_id,
                date=day,
                person=who,
                amount=money(lent),
                purpose=purpose,
                approvals=(Approval(role="principal", by=PRINCIPAL, on=day),),
                payment=Payment(on=day, by=CASHIER, account="cash"),
                settlement=Settlement(
                    on=settle_day + dt.timedelta(days=1), expenses=(), cash_returned=money(lent) - money(spent)
                ),
            )
        )
    # One advance still open (recent, within the 30 days of policy).
    open_day = D(2026, 11, 16)
    advances.append(
        CashAdvance(
            id=ids.next("JK", 2026),
            date=open_day,
            person=SUBJECT_TEACHERS[7],
            amount=money("2500.00"),
            purpose="带队参加县中小学生田径运动会",
            approvals=(Approval(role="principal", by=PRINCIPAL, on=open_day),),
            payment=Payment(on=open_day + dt.timedelta(days=1), by=CASHIER, account="cash"),
        )
    )
    # The latest claims are still collecting signatures (not paid): a realistic pending list.
    claim(
        D(2026, 11, 18), "青禾县文汇办公用品店", money("436.00"), "30201", "教研活动用品", CLERK, signed=2, paid=False
    )
    claim(
        D(2026, 11, 19),
        "宏达五金建材店",
        money("1265.00"),
        "30213",
        "教学楼卫生间水管维修",
        DIRECTOR,
        signed=1,
        paid=False,
    )
    # The canteen (食堂与学校一套账): food bought each school month, paid from the canteen account.
    for year, month in CANTEEN_MONTHS:
        day = D(year, month, 20 if (year, month) == (2026, 11) else 25)  # the demo stands on 2026-11-24
        claim(
            day,
            "青禾县粮油食品公司",
            CANTEEN_COST[month],
            CANTEEN_LINE,
            f"{month}月食堂食材采购",
            CANTEEN_KEEPER,
            account="canteen",
        )
    claims.sort(key=lambda c: c.date)
    numbered = []
    for c in claims:
        numbered.append(c.model_copy(update={"id": ids.next("BX", c.date.year)}))
    # Settlements name the claims that cleared each advance.
    settled = []
    for a in advances:
        if a.settlement is not None:
            cleared = tuple(c.id for c in numbered if c.advance == a.id)
            a = a.model_copy(update={"settlement": a.settlement.model_copy(update={"expenses": cleared})})
        settled.append(a)
    return numbered, settled


def loans(asset_list: list[Asset]) -> list[Loan]:
    laptops = [a for a in asset_list if a.name == "笔记本电脑"]
    projector = next(a for a in asset_list if a.name == "投影仪")
    scopes = next(a for a in asset_list if a.name == "天文望远镜")
    plan = [
        (D(2026, 3, 2), laptops[0], 1, SUBJECT_TEACHERS[8], "公开课准备", D(2026, 3, 13), D(2026, 3, 12)),
        (D(2026, 4, 7), projector, 1, HEADS["政教处"], "家长会", D(2026, 4, 10), D(2026, 4, 10)),
        (D(2026, 5, 18), scopes, 2, SUBJECT_TEACHERS[3], "天文观测活动", D(2026, 5, 22), D(2026, 5, 21)),
        (D(2026, 6, 1), laptops[1], 1, NEW_TEACHERS[0], "新教师汇报课", D(2026, 6, 12), D(2026, 6, 15)),
        (D(2026, 10, 12), laptops[2], 1, SUBJECT_TEACHERS[9], "区级赛课", D(2026, 10, 23), D(2026, 10, 22)),
        (D(2026, 11, 9), laptops[3], 1, NEW_TEACHERS[1], "青年教师基本功比赛", D(2026, 12, 4), None),
    ]
    out = []
    for day, asset, qty, who, purpose, due, back in plan:
        returned = Return(on=back, received_by=DIRECTOR, condition="完好") if back else None
        out.append(
            Loan(
                id=ids.next("JY", day.year),
                date=day,
                asset=asset.id,
                quantity=qty,
                borrower=who,
                purpose=purpose,
                due=due,
                returned=returned,
                approvals=(Approval(role="keeper", by=DIRECTOR, on=day),),
            )
        )
    return out


def moves_and_disposals(asset_list: list[Asset]) -> tuple[list[Move], list[Disposal]]:
    """A term's worth of 调拨 and 处置: a partial lot moved between classrooms, a laptop handed to a new
    keeper, old office computers scrapped with the full approval chain, a broken one reported lost."""
    keepers = {p["id"]: p["keeper"] for p in places()}
    desks = next(a for a in asset_list if a.name.startswith("学生课桌椅") and a.place == "JX-101")
    laptop = next(a for a in asset_list if a.name == "笔记本电脑")
    old_pcs = [a for a in asset_list if a.name == "办公计算机" and a.date.year == 2020][:2]
    tablet = next(a for a in asset_list if a.name.startswith("平板电脑"))
    moves = [
        Move(
            id=ids.next("DB", 2026),
            date=D(2026, 3, 9),
            asset=desks.id,
            quantity=5,
            to_place="JX-102",
            to_keeper=keepers["JX-102"],
            reason="一年级(2)班插班生增加",
            approvals=(
                Approval(role="giver", by=desks.keeper, on=D(2026, 3, 9)),
                Approval(role="receiver", by=keepers["JX-102"], on=D(2026, 3, 9)),
            ),
        ),
        Move(
            id=ids.next("DB", 2026),
            date=D(2026, 9, 2),
            asset=laptop.id,
            to_place="XZ-204",
            to_keeper=keepers["XZ-204"],
            reason="政教处工作需要",
            approvals=(
                Approval(role="giver", by=laptop.keeper, on=D(2026, 9, 2)),
                Approval(role="receiver", by=keepers["XZ-204"], on=D(2026, 9, 2)),
            ),
        ),
    ]
    chain = (("keeper", KEEPER), ("director", DIRECTOR), ("principal", PRINCIPAL))
    disposals = [
        Disposal(
            id=ids.next("CZ", 2026),
            date=D(2026, 7, 6),
            asset=pc.id,
            type="scrap",
            reason="主板损坏，维修费用超过残值，经鉴定报废",
            approvals=tuple(Approval(role=r, by=b, on=D(2026, 7, 6 + i)) for i, (r, b) in enumerate(chain)),
        )
        for pc in old_pcs
    ]
    disposals.append(
        Disposal(
            id=ids.next("CZ", 2026),
            date=D(2026, 10, 15),
            asset=tablet.id,
            type="loss",
            reason="秋季运动会期间遗失，已报告派出所，责任认定见损坏赔偿记录",
            approvals=tuple(Approval(role=r, by=b, on=D(2026, 10, 15 + i)) for i, (r, b) in enumerate(chain)),
        )
    )
    return moves, disposals


def repairs_and_damages(asset_list: list[Asset]) -> tuple[list[Repair], list[Damage]]:
    """报修 with the reporter's acceptance, one ticket still open, and two damage cases: a student's
    (paid by the guardian) and a teacher's (waived by the principal)."""
    board = next(a for a in asset_list if a.name == "交互式智能一体机" and a.place == "JX-501")
    projector = next(a for a in asset_list if a.name == "投影仪")
    tickets = [
        (
            D(2026, 3, 16),
            None,
            "JX-201",
            CLASS_TEACHERS[2],
            "教室后门锁坏，无法上锁",
            D(2026, 3, 17),
            "更换门锁",
            "45.00",
        ),
        (D(2026, 4, 20), projector.id, None, PRINCIPAL, "投影仪开机无画面", D(2026, 4, 24), "更换灯泡", "380.00"),
        (D(2026, 9, 7), None, "SY-201", SUBJECT_TEACHERS[3], "实验室水龙头漏水", D(2026, 9, 8), "更换水龙头", None),
        (
            D(2026, 10, 30),
            board.id,
            None,
            CLASS_TEACHERS[8],
            "一体机屏幕碎裂（学生课间打闹）",
            D(2026, 11, 12),
            "更换屏幕总成",
            None,
        ),
        (D(2026, 11, 20), None, "TY-001", SUBJECT_TEACHERS[7], "器材室窗户玻璃破损", None, None, None),
    ]
    repairs = []
    for day, asset, place, reporter, fault, done_on, work, cost in tickets:
        done = None
        if done_on and work:
            done = (
                RepairDone(on=done_on, work=work, repairer="宏达五金建材店", cost=money(cost))
                if cost
                else RepairDone(on=done_on, work=work, repairer="学校维修工")
            )
        approvals = (Approval(role="acceptor", by=reporter, on=done_on),) if done_on else ()
        repairs.append(
            Repair(
                id=ids.next("WX", day.year),
                date=day,
                asset=asset,
                place=place,
                reporter=reporter,
                fault=fault,
                done=done,
                approvals=approvals,
            )
        )
    damages = [
        Damage(
            id=ids.next("PC", 2026),
            date=D(2026, 5, 21),
            asset=scopes_of(asset_list).id,
            responsible=Responsible(type="staff", name=SUBJECT_TEACHERS[3]),
            description="天文观测活动中三脚架松脱，目镜摔坏",
            assessed=Assessment(on=D(2026, 5, 25), by=DIRECTOR, amount=money("180.00")),
            settled=DamageSettlement(on=D(2026, 5, 28), type="waived"),
            approvals=(
                Approval(role="principal", by=PRINCIPAL, on=D(2026, 5, 28), note="教学活动中的意外损坏，免于赔偿"),
            ),
        ),
        Damage(
            id=ids.next("PC", 2026),
            date=D(2026, 10, 30),
            asset=board.id,
            responsible=Responsible(type="student", name="王小明", class_="五年级(1)班", guardian="王建军"),
            description="课间追逐打闹撞击一体机，屏幕碎裂",
            assessed=Assessment(on=D(2026, 11, 3), by=DIRECTOR, amount=money("1200.00")),
            settled=DamageSettlement(
                on=D(2026, 11, 10), type="paid", amount=money("1200.00"), receipt="0012345", income=COMPENSATION_ID
            ),
        ),
    ]
    return repairs, damages


def scopes_of(asset_list: list[Asset]) -> Asset:
    return next(a for a in asset_list if a.name == "天文望远镜")


def write_list(path: Path, header: str, items: list[dict] | list[Record]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if items and isinstance(items[0], Record):
        body = render_records(items)  # type: ignore[arg-type]
    else:
        import io

        buf = io.StringIO()
        yaml_rt().dump(to_yaml(items), buf)
        body = buf.getvalue()
    path.write_text(header + body, encoding="utf-8")


# Demonstration keys (issue #20). Each is derived from the person's name, so the build is reproducible
# (Ed25519 signs deterministically) and a reader can make the same key again. They are public — their
# private halves are committed in examples/keys/ — and so prove nothing: never use them for a real school.
KEYS_ADDED = D(2026, 1, 15)
SCHOOL = "青禾县实验小学"
KEY_DIR = Path(__file__).resolve().parents[1] / "examples" / "keys"
KEY_FILES = {
    PRINCIPAL: "principal-wang-jianguo",
    VICE: "vice-principal-liu-zhiqiang",
    DIRECTOR: "director-li-ming",
    ACCOUNTANT: "accountant-sun-hui",
    CASHIER: "cashier-zhao-li",
    KEEPER: "keeper-zhou-qiang",
    CLERK: "clerk-wu-fang",
}


def demo_seed(name: str) -> bytes:
    import hashlib

    return hashlib.sha256(f"houqin demonstration key, never for a real school: {name}".encode()).digest()


def demo_sign(name: str, message: bytes) -> str:
    from houqin import sshsig

    return sshsig.sign_ed25519(demo_seed(name), message)


def demo_keys(name: str) -> list[dict]:
    """people.yaml's keys of a keyed person: the principal's key is the anchor and signs itself; every
    other key is registered under it."""
    from houqin import sshsig
    from houqin.models.statements import key_statement

    line = sshsig.public_of_seed(demo_seed(name)).line()
    anchor = name == PRINCIPAL
    statement = key_statement(SCHOOL, name, line, KEYS_ADDED.isoformat(), anchor)
    entry: dict[str, object] = {"key": f"{line} {KEY_FILES[name]}-DEMO", "added": KEYS_ADDED}
    if anchor:
        entry["anchor"] = True
    entry["sig"] = demo_sign(PRINCIPAL, statement)
    return [entry]


def write_demo_key_files() -> None:
    """examples/keys/: each demonstration key as OpenSSH writes it (a private key file and its .pub),
    for `houqin … --key examples/keys/principal-wang-jianguo`. The private file is rewritten only when
    its key changed (OpenSSH's format holds a random check number, so a rewrite would differ)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from houqin import sshsig

    KEY_DIR.mkdir(parents=True, exist_ok=True)
    for name, stem in KEY_FILES.items():
        line = f"{sshsig.public_of_seed(demo_seed(name)).line()} {stem}-DEMO\n"
        pub = KEY_DIR / f"{stem}.pub"
        if pub.is_file() and pub.read_text("utf-8") == line and (KEY_DIR / stem).is_file():
            continue
        private = Ed25519PrivateKey.from_private_bytes(demo_seed(name)).private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH, serialization.NoEncryption()
        )
        (KEY_DIR / stem).write_bytes(private)
        (KEY_DIR / stem).chmod(0o600)
        pub.write_text(line, encoding="utf-8")


def signed_by_demo_keys(record: Record) -> Record:
    """Every step (and the payment) of a record signed by the demonstration key of its signer, in the
    chain's order, as `houqin sign … --key` would sign it; a signer with no key keeps a typed name."""
    from houqin.models.base import Signed
    from houqin.models.statements import paid, payment_field, payment_statement, step_statement

    if not isinstance(record, Signed):
        return record
    for i, a in enumerate(record.approvals):
        if a.by in KEY_FILES and a.sig is None:
            approvals = list(record.approvals)
            approvals[i] = a.model_copy(update={"sig": demo_sign(a.by, step_statement(SCHOOL, record, i))})
            record = record.model_copy(update={"approvals": tuple(approvals)})
    payment = paid(record)  # a claim's or an advance's payment, a settlement's refunds (多退)
    if payment is not None and payment.by in KEY_FILES and payment.sig is None:
        sig = demo_sign(payment.by, payment_statement(SCHOOL, record))
        record = record.model_copy(update={payment_field(record): payment.model_copy(update={"sig": sig})})
    return record


def main(out: Path) -> None:
    config = (Path(__file__).resolve().parents[1] / "houqin" / "templates" / "houqin.yaml").read_text("utf-8")
    config = config.format(school=SCHOOL, y0=2026, y1=2027, y=2026, today="2026-02-20").replace(
        "terms:\n", "terms:\n  - {id: 2025-2026-2, start: 2026-02-20, end: 2026-07-10}\n"
    )
    config = fee_limit_policy(config)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.iterdir():  # a rebuild starts from nothing: no record of an earlier build survives
        if old.is_dir() and old.name.isdigit():
            shutil.rmtree(old)
    (out / "houqin.yaml").write_text(
        config.replace(
            "school:\n  name: 青禾县实验小学",
            'school:\n  name: 青禾县实验小学\n  code: "3607210001"\n  address: 青禾县城关镇学府路8号',
        ),
        encoding="utf-8",
    )
    write_list(out / "people.yaml", "# 教职工名单 — people (see docs/ledger-format.md)\n", people())
    write_list(out / "places.yaml", "# 地点与保管人 — places and their keepers (责任到人)\n", places())
    catalog = {
        "items": [{"id": i, "name": n, "unit": u, "category": c, "reorder_level": r} for i, n, u, c, r, _ in ITEMS]
        + LAB_CHEMICALS,
        "asset_categories": [
            {"code": c, "name": n, "life_years": life, **({"special": True} if special else {})}
            for c, n, life, special in CATEGORIES
        ],
        "budget_lines": [
            {"id": line, "name": name, "year": 2026, "amount": Decimal(amount)}
            for line, (name, amount) in BUDGET.items()
        ]
        + [
            {"id": line, "name": name, "year": 2026, "amount": Decimal(amount)} for line, name, amount in VEHICLE_BUDGET
        ],
        "funding_sources": ["财政拨款", "自筹资金", "捐赠", "上级调拨"],
        "meters": METERS,
        **safety_catalog(),
        **vehicle_catalog(),
        "accounts": [
            {"id": "cash", "name": "现金", "opening": Decimal("3000.00"), "opened": D(2026, 1, 31)},
            {"id": "bank", "name": "银行存款", "opening": Decimal("420000.00"), "opened": D(2026, 1, 31)},
            canteen_account(),
            {"id": DAIBAN, "name": "代办费专户", "kind": "fund", "lines": [DAIBAN_LINE]},
        ],
    }
    import io

    buf = io.StringIO()
    yaml_rt().dump(to_yaml(catalog), buf)
    (out / "catalog.yaml").write_text(
        "# 目录 — consumables, asset classes (GB/T 14885-2022), budget lines\n" + buf.getvalue(), encoding="utf-8"
    )
    asset_list = assets()
    stock_in, stock_out = stock()
    claims, advances = expenses(stock_in, asset_list)
    loan_list = loans(asset_list)
    move_list, disposal_list = moves_and_disposals(asset_list)
    repair_list, damage_list = repairs_and_damages(asset_list)
    by_file: dict[Path, list[Record]] = {}
    records = [*PURCHASES, *asset_list, *stock_in, *stock_out, *claims, *advances, *loan_list, *move_list]
    records += [*disposal_list, *money_in(claims, advances, damage_list), *office_registers()]
    write_demo_key_files()
    records += term_end_follow_ups()
    records += audit_group_records()
    records += safety_registers()
    records += responsibility_records()
    records += canteen_records()
    records += vehicle_records()
    records += cash_banked(records)
    records += fees_on_behalf(records)
    records = receipts(records)
    damage_list = damages_booked(damage_list, records)
    for r in [*records, *repair_list, *damage_list]:
        r = signed_by_demo_keys(r)
        kind = KIND_BY_MODEL[type(r)]
        by_file.setdefault(out / r.id.split("-")[1] / kind.filename, []).append(r)
    for path, records in sorted(by_file.items()):
        kind = KIND_BY_MODEL[type(records[0])]
        year = path.parent.name
        write_list(
            path,
            f"# {year} 年{kind.zh}记录 ({kind.en}, {year}) — houqin ledger, see docs/ledger-format.md\n",
            sorted(records, key=lambda r: (r.date, r.id)),
        )
    (out / ".gitignore").write_text(GITIGNORE)
    (out / ".gitattributes").write_text(GITATTRIBUTES)  # record files merge with houqin's driver in every clone
    counts = stocktakes(out)
    write_list(
        out / "2026" / "stocktakes.yaml",
        "# 2026 年盘点记录 (stocktakes, 2026) — houqin ledger, see docs/ledger-format.md\n",
        counts,
    )
    year_close_2025(out)
    asserted, closed = month_ends(out)
    for made in (asserted, closed):
        kind = KIND_BY_MODEL[type(made[0])]
        write_list(
            out / "2026" / kind.filename,
            f"# 2026 年{kind.zh}记录 ({kind.en}, 2026) — houqin ledger, see docs/ledger-format.md\n",
            made,
        )


def fee_limit_policy(config: str) -> str:
    """一费制: the province sets the limit per student and term, and the school writes it (no national figure:
    a school publishing fees without it is warned, FEE007). The demonstration province's figure."""
    line = '  # fee_limit_per_term: "200.00"                # 一费制：本省核定的每生每学期收费限额（各省自定；未写则提示 FEE007）\n'
    assert line in config
    return config.replace(
        line, '  fee_limit_per_term: "200.00"                  # 一费制：本省核定的每生每学期收费限额\n'
    )


RECEIPT_BOOK_SIZE = 25
RECEIPT_SPOILED = 2026008  # a receipt the cashier spoiled and voided (金额写错), its copies kept in the book


def receipt_steps(*steps: tuple[str, str], on: dt.date) -> tuple[Approval, ...]:
    """票据领用 (会计发放，领用人签收) and 作废 (领用人作废，会计核实): both steps signed on the day."""
    return tuple(Approval(role=role, by=by, on=on) for role, by in steps)


def receipts(records: list[Record]) -> list[Record]:
    """票据管理: the cashier's receipt books, issued by the accountant, a new one when the last is used up;
    every receipted income (grants come by bank, unreceipted) takes the next number, in the order of the
    days, one spoiled receipt voided on its day. Returns the records with the books, the void and the
    numbered income."""
    receipted = sorted(
        (r for r in records if isinstance(r, Income) and r.kind != "grant" and r.date >= D(2026, 2, 20)),
        key=lambda r: (r.date, r.id),
    )
    numbered: dict[str, Income] = {}
    extra: list[Record] = []
    number = 2026000
    for r in receipted:
        number += 1
        if number == RECEIPT_SPOILED:
            extra.append(
                ReceiptVoid(
                    id=ids.next("ZF", 2026), date=r.date, number=number, by=CASHIER, reason="金额写错，重开",
                    approvals=receipt_steps(("holder", CASHIER), ("accountant", ACCOUNTANT), on=r.date),
                )
            )  # fmt: skip
            number += 1
        if (number - 2026001) % RECEIPT_BOOK_SIZE == 0:
            extra.append(
                ReceiptBook(
                    id=ids.next("PJ", 2026),
                    date=min(r.date, D(2026, 2, 20)) if number == 2026001 else r.date,
                    first=number,
                    last=number + RECEIPT_BOOK_SIZE - 1,
                    holder=CASHIER,
                    issued_by=ACCOUNTANT,
                    series="青财收字",
                    approvals=receipt_steps(
                        ("accountant", ACCOUNTANT),
                        ("holder", CASHIER),
                        on=min(r.date, D(2026, 2, 20)) if number == 2026001 else r.date,
                    ),
                )
            )
        numbered[r.id] = r.model_copy(update={"receipt": number})
    return [numbered.get(r.id, r) if isinstance(r, Income) else r for r in records] + extra


DAIBAN, DAIBAN_LINE = "daiban", "daiban-spent"  # 代办费: the fund of fees collected on behalf, and its line
WORKBOOK_COST = money("33.20")  # what a student's workbooks cost this term, against the 35.00 collected


def fees_on_behalf(records: list[Record]) -> list[Record]:
    """代办费: the spring term's workbooks bought out of the fees collected on behalf, and the term-end
    settlement — the cost shared by head, each class refunded the difference (多退少补), published."""
    from houqin.models.records import ClassBalance, FeeSettlement

    item, term = "workbook-2025-2026-2", "2025-2026-2"
    paid = sorted(
        (r for r in records if isinstance(r, Income) and r.fee_item == item and r.class_ and r.students),
        key=lambda r: r.class_ or "",
    )
    heads = sum(r.students or 0 for r in paid)
    spent = WORKBOOK_COST * heads
    day = D(2026, 3, 16)
    claim = Reimbursement(
        id=ids.next("BX", 2026), date=day, payee="青禾县新华书店", amount=spent, budget_line=DAIBAN_LINE,
        purpose=f"{term} 作业本（代办，{heads} 人）", invoices=(new_invoice(day - dt.timedelta(days=2), spent),),
        fee_item=item,
        approvals=(
            Approval(role="handler", by=HEADS["教务处"], on=day), Approval(role="witness", by=KEEPER, on=day),
            Approval(role="principal", by=PRINCIPAL, on=day),
        ),
        payment=Payment(on=day + dt.timedelta(days=1), by=CASHIER, account=DAIBAN),
    )  # fmt: skip
    classes = []
    for r in paid:
        share = WORKBOOK_COST * (r.students or 0)  # by head: every student had the same workbooks
        classes.append(
            ClassBalance(
                class_=r.class_ or "",
                students=r.students or 0,
                collected=r.amount,
                spent=share,
                refund=r.amount - share,
            )
        )
    settled = FeeSettlement(  # 学期结束时结清: on the term's last day (2026-07-10), refunded the next school day
        id=ids.next("JS", 2026), date=D(2026, 7, 10), term=term, fee_item=item,
        collected=sum((r.amount for r in paid), Decimal("0.00")), spent=spent, classes=tuple(classes), by=ACCOUNTANT,
        published=D(2026, 7, 10), where="校门公示栏、家长群",
        approvals=(  # 会计编制，校长批准
            Approval(role="accountant", by=ACCOUNTANT, on=D(2026, 7, 10)),
            Approval(role="principal", by=PRINCIPAL, on=D(2026, 7, 10)),
        ),
        refunded=Payment(on=D(2026, 7, 13), by=CASHIER, account=DAIBAN),  # 多退: back to each class
    )  # fmt: skip
    return [claim, settled]


def cash_banked(records: list[Record]) -> list[Record]:
    """收支两条线: the cash the cashier takes in goes to the bank in full the next day, never paid out."""
    from houqin.models.records import Transfer

    out: list[Record] = []
    for r in sorted((r for r in records if isinstance(r, Income) and r.account == "cash"), key=lambda r: r.date):
        out.append(
            Transfer(
                id=ids.next("ZZ", 2026), date=r.date + dt.timedelta(days=1), from_account="cash", to_account="bank",
                amount=r.amount, by=CASHIER, purpose=f"{r.purpose or '现金收入'}送存银行",
            )
        )  # fmt: skip
    return out


def damages_booked(damage_list: list[Damage], records: list[Record]) -> list[Damage]:
    """A paid case names its income, and the receipt that income was written under (一套账)."""
    numbers = {r.id: r.receipt for r in records if isinstance(r, Income) and r.receipt}
    out = []
    for d in damage_list:
        if d.settled is not None and d.settled.income in numbers:
            receipt = f"{numbers[d.settled.income]}"
            d = d.model_copy(update={"settled": d.settled.model_copy(update={"receipt": receipt})})
        out.append(d)
    return out


def money_in(claims: list[Reimbursement], advances: list[CashAdvance], damages: list[Damage]) -> list[Record]:
    """The receipts and the cashier's transfers of 2026: the county's monthly funds, the term's fees (after
    the principal approved and published them), canteen board, the compensation for a broken board, and
    cash drawn from the bank at the start of each month for what the month pays in cash."""
    from houqin.models.money_flow import claim_cash
    from houqin.models.records import FeeItem, FeeNotice, Income, Transfer

    out: list[Record] = []
    notices = [
        ("2025-2026-2", D(2026, 2, 21), D(2026, 3, 9)),
        ("2026-2027-1", D(2026, 8, 28), D(2026, 9, 7)),
    ]
    for term, published, collected in notices:
        notice_id = ids.next("GS", published.year)
        out.append(
            FeeNotice(
                id=notice_id,
                date=published,
                term=term,
                items=(
                    FeeItem(
                        id=f"workbook-{term}",
                        name="作业本费",
                        amount=money("35.00"),
                        basis="青价费〔2025〕8号",
                        on_behalf=True,
                    ),
                ),
                published=published,
                where="校门公示栏、家长群",
                approvals=(Approval(role="principal", by=PRINCIPAL, on=published),),
            )
        )
        for n, teacher in enumerate(CLASS_TEACHERS):
            students = 40 + (n * 7) % 9
            out.append(
                Income(
                    id="SR-0000-0000",
                    date=collected,
                    kind="fee",
                    amount=money("35.00") * students,
                    account=DAIBAN,  # 代办费 kept apart in its own fund
                    payer=f"{n // 2 + 1}年级({n % 2 + 1})班",
                    received_by=CASHIER,
                    fee_item=f"workbook-{term}",
                    class_=f"{n // 2 + 1}年级({n % 2 + 1})班",
                    students=students,
                    purpose=f"{term} 作业本费（班主任{teacher}代收）",
                )
            )
    for month in range(2, 12):
        out.append(
            Income(
                id="SR-0000-0000",
                date=D(2026, month, 5),
                kind="grant",
                amount=money("52000.00"),
                account="bank",
                payer="青禾县教育局",
                received_by=CASHIER,
                purpose=f"{month}月公用经费拨款",
            )
        )
    for (_year, month), amount in zip(CANTEEN_MONTHS, CANTEEN_INCOME.values(), strict=True):
        out.append(
            Income(
                id="SR-0000-0000",
                date=D(2026, month, 6),
                kind="canteen",
                amount=money(amount),
                account="canteen",
                payer=f"全校学生{month}月伙食费",
                received_by=CASHIER,
            )
        )
    board = next(d for d in damages if d.settled is not None and d.settled.type == "paid")
    out.append(
        Income(
            id="SR-0000-0000",
            date=D(2026, 11, 10),
            kind="compensation",
            amount=money("1200.00"),
            account="cash",
            payer="王建军（学生家长）",
            received_by=CASHIER,
            damage=board.id,
            purpose="交互式一体机损坏赔偿",
        )
    )
    receipts = sorted((r for r in out if isinstance(r, Income)), key=lambda r: (r.date, r.kind, r.payer))
    numbered: list[Record] = [r for r in out if not isinstance(r, Income)]
    for r in receipts:
        numbered.append(r.model_copy(update={"id": ids.next("SR", r.date.year)}))
    assert any(r.id == COMPENSATION_ID and isinstance(r, Income) and r.kind == "compensation" for r in numbered)
    # 提取备用金: on the first of each month, what the month will pay in cash.
    by_id = {a.id: a for a in advances}
    need: dict[int, Decimal] = {}
    for c in claims:
        if c.payment is not None and c.payment.account == "cash":
            need[c.payment.on.month] = need.get(c.payment.on.month, Decimal(0)) + claim_cash(
                c, by_id.get(c.advance or "")
            )
    for a in advances:
        if a.payment is not None and a.payment.account == "cash":
            need[a.payment.on.month] = need.get(a.payment.on.month, Decimal(0)) + a.amount
    for month, amount in sorted(need.items()):
        if amount:
            rounded = (amount / 100).to_integral_value(rounding="ROUND_CEILING") * 100
            out_day = D(2026, month, 1)
            numbered.append(
                Transfer(
                    id=ids.next("ZZ", 2026),
                    date=out_day,
                    from_account="bank",
                    to_account="cash",
                    amount=money(rounded),
                    by=CASHIER,
                    purpose="提取备用金",
                )
            )
    return numbered


METERS = [
    {"id": "E-JXL", "name": "教学楼电表", "kind": "electricity", "place": "教学楼", "serves": 1260},
    {"id": "E-SYL", "name": "实验楼电表", "kind": "electricity", "place": "实验楼", "serves": 1260},
    {"id": "W-ALL", "name": "全校总水表", "kind": "water", "place": "全校", "serves": 1340},
]
# kWh (or m³) a day in a school month; holidays (寒暑假) use a third of it.
METER_DAILY = {"E-JXL": 310, "E-SYL": 140, "W-ALL": 42}


def office_registers() -> list[Record]:
    """A year of meter readings (the 25th of each month, from September 2025), a round on every school
    day of 2026's terms (the calendar's working days), and the print jobs of 教务处 — each approved by the supervisor before printing."""
    from houqin.models.records import MeterReading, Patrol, PatrolFinding, PrintJob

    out: list[Record] = []
    days = [D(2025, 9, 25)] + [D(2025 + (8 + m) // 12, (8 + m) % 12 + 1, 25) for m in range(1, 14)]
    days = [d for d in days if d <= D(2026, 11, 24)]
    for meter in METERS:
        value = Decimal(10000 + 1000 * len(str(meter["id"])))
        previous = None
        for day in days:
            if previous is not None:
                for n in range((day - previous).days):
                    d = previous + dt.timedelta(days=n)
                    holiday = d.month in (1, 2, 7, 8) and not (d.month == 2 and d.day >= 20)
                    daily = (
                        METER_DAILY[str(meter["id"])] * (104 if d.year == 2026 else 100) // 100
                    )  # a bit more in 2026
                    value += daily // (3 if holiday else 1)
            out.append(
                MeterReading(
                    id=ids.next("CB", day.year), date=day, meter=str(meter["id"]), reading=value, reader=KEEPER
                )
            )
            previous = day
    walks = [("2025-2026-2", D(2026, 2, 20), D(2026, 7, 10)), ("2026-2027-1", D(2026, 9, 1), D(2026, 11, 23))]
    places_walked = [["JX-101", "JX-102", "JX-201", "TY-001"], ["SY-101", "SY-301", "XZ-101", "JX-301"]]
    problems = [
        ("JX-101", "damage", "后门闭门器松动"),
        ("TY-001", "safety", "篮球架底座螺栓松动"),
        ("JX-201", "hygiene", "楼梯间垃圾未清"),
        ("SY-301", "fire", "灭火器压力不足"),
        ("XZ-101", "damage", "走廊灯管不亮"),
    ]
    n = 0
    for _term, start, end in walks:
        for k in range((end - start).days + 1):
            day = start + dt.timedelta(days=k)
            if not DEFAULT_CALENDAR.working(day):  # 校历: no round on a national holiday, one on a 调休 day
                continue
            n += 1
            findings: tuple[PatrolFinding, ...] = ()
            if n % 9 == 0:
                place, kind, text = problems[(n // 9) % len(problems)]
                findings = (PatrolFinding(place=place, kind=kind, text=text, resolved=day + dt.timedelta(days=2)),)
            walked = places_walked[n % 2]
            out.append(
                Patrol(
                    id=ids.next("XS", day.year),
                    date=day,
                    inspector=KEEPER if n % 3 else DIRECTOR,
                    places=tuple(dict.fromkeys([*walked, *(f.place for f in findings)])),
                    findings=findings,
                )
            )
    for month in (3, 4, 5, 6, 9, 10, 11):
        issued_on = D(2026, month, 5)
        out.append(
            StockOut(
                id=ids.next("CK", 2026),
                date=issued_on,
                item="paper-a4",
                quantity=Decimal(10),
                receiver=HEADS["教务处"],
                department="教务处",
                purpose="文印室用纸",
                issued_by=KEEPER,
                approvals=(Approval(role="supervisor", by=VICE, on=issued_on),),
            )
        )
        for k, (pages, copies, purpose) in enumerate(((4, 420, "单元测验"), (8, 420, "期中试卷"), (2, 60, "教研材料"))):
            day = D(2026, month, 6 + 7 * k)
            out.append(
                PrintJob(
                    id=ids.next("WY", 2026),
                    date=day,
                    requester=HEADS["教务处"],
                    department="教务处",
                    pages=pages,
                    copies=copies,
                    paper="paper-a4",
                    purpose=f"{month}月{purpose}",
                    approvals=(Approval(role="supervisor", by=VICE, on=day),),
                    done=day + dt.timedelta(days=1),
                )
            )
    out += shop_and_milk()
    return out


def shop_and_milk() -> list[Record]:
    """The school shop's batches and sales (进货台帐、进售双价), and the milk of three classes this term:
    the fee published and approved, each class's order, weekly deliveries, and the money collected."""
    from houqin.models.records import FeeItem, FeeNotice, Income, MilkDelivery, MilkOrder, ShopBatch, ShopSale

    out: list[Record] = []
    goods = [
        ("纯牛奶250ml", "盒", "2.10", "2.50", 180, 240),
        ("全麦面包", "袋", "3.00", "3.50", 7, 40),
        ("中性笔（黑）", "支", "1.10", "1.50", 1800, 200),
        ("作业本", "本", "0.60", "0.80", 3650, 500),
    ]
    for week in range(7):
        day = D(2026, 10, 12) + dt.timedelta(days=7 * week)
        for k, (name, unit, cost, price, life, qty) in enumerate(goods):
            if k >= 2 and week % 3:
                continue  # stationery is bought every third week
            made = day - dt.timedelta(days=1 if life < 30 else 20)
            batch = ShopBatch(
                id=ids.next("SD", 2026), date=day, goods=name, batch=made.strftime("%Y%m%d"), quantity=Decimal(qty),
                unit=unit, cost=money(cost), price=money(price), produced=made, shelf_life_days=life,
                supplier="青禾县副食品批发部" if k < 2 else "青禾县文汇办公用品店",
                supplier_id="91360721MA35R8QX19" if k < 2 else "91360721MA35K2LP75", acceptor=CLERK,
                paid=Payment(on=day, by=CASHIER, account="bank"),  # 一套账: the cashier pays the shop's goods
            )  # fmt: skip
            out.append(batch)
            sold = 0
            for n in range(5):
                sell_day = day + dt.timedelta(days=n)
                if sell_day >= D(2026, 11, 24) or sell_day >= batch.expires:
                    break
                out.append(
                    ShopSale(
                        id=ids.next("XH", 2026), date=sell_day, batch=batch.id, quantity=Decimal(qty // 8), seller=CLERK
                    )
                )
                sold += qty // 8
            if batch.expires < D(2026, 11, 24) and qty > sold:  # what did not sell comes off on its last day
                out.append(
                    ShopSale(
                        id=ids.next("XH", 2026), date=batch.expires - dt.timedelta(days=1), batch=batch.id,
                        quantity=Decimal(qty - sold), seller=CLERK, removed=True,
                    )
                )  # fmt: skip
    out += shop_takings(out)
    item = "milk-2026-2027-1"
    notice_day = D(2026, 8, 28)
    out.append(
        FeeNotice(
            id=ids.next("GS", 2026), date=notice_day, term="2026-2027-1",
            items=(FeeItem(id=item, name="学生奶（自愿订购）", amount=money("160.00"), basis="家长自愿，县教育局〔2026〕5号"),),
            published=notice_day, where="校门公示栏、家长群",
            approvals=(Approval(role="principal", by=PRINCIPAL, on=notice_day),),
        )
    )  # fmt: skip
    for n, teacher in enumerate(CLASS_TEACHERS[:3]):
        klass = f"{n // 2 + 1}年级({n % 2 + 1})班"
        students = 30 + 3 * n
        out.append(
            MilkOrder(id=ids.next("DN", 2026), date=D(2026, 9, 2), term="2026-2027-1", class_=klass,
                      students=students, cartons=students * 80, fee_item=item)
        )  # fmt: skip
        out.append(
            Income(
                id=ids.next("SR", 2026), date=D(2026, 9, 4), kind="fee", amount=money("160.00") * students,
                account="bank", payer=klass, received_by=CASHIER, fee_item=item, class_=klass, students=students,
                purpose=f"2026-2027-1 学生奶费（班主任{teacher}代收）",
            )
        )  # fmt: skip
        for week in range(11):
            day = D(2026, 9, 7) + dt.timedelta(days=7 * week)
            out.append(
                MilkDelivery(id=ids.next("SN", 2026), date=day, class_=klass, cartons=students * 5, received_by=teacher)
            )
    return out


def shop_takings(shop: list[Record]) -> list[Record]:
    """商店营业款按日解缴: each day's takings handed by the shop's clerk to the cashier, who banks them that
    day as income of kind shop (not kept in the shop, not spent from the till: 不设账外账)."""
    from houqin.models.records import Income, ShopBatch, ShopSale

    prices = {b.id: b.price for b in shop if isinstance(b, ShopBatch)}
    took: dict[dt.date, Decimal] = {}
    for s in shop:
        if isinstance(s, ShopSale) and not s.removed:
            took[s.date] = took.get(s.date, Decimal("0.00")) + s.quantity * prices[s.batch]
    out: list[Record] = []
    for day, amount in sorted(took.items()):
        out.append(
            Income(
                id=ids.next("SR", 2026), date=day, kind="shop", amount=money(amount), account="bank",
                payer=f"学校商店（{CLERK}交款）", received_by=CASHIER, purpose=f"{day} 商店营业款解缴",
                takings_from=day, takings_to=day,
            )
        )  # fmt: skip
    return out


def year_close_2025(out: Path) -> None:
    """年终结账 of the years before the books began: the register brought in (2016-2025) and the last
    meter readings, closed by the accountant on the day the books began and approved by the principal
    the next day, as `houqin finance close-year 2025` writes it; the open items carried into 2026."""
    from houqin.checks.engine import run_checks
    from houqin.ledger.files import MemorySource, WorktreeSource
    from houqin.ledger.load import load_ledger
    from houqin.ledger.roundtrip import render_records
    from houqin.ledger.store import file_header, record_file
    from houqin.services.year_close import close_year

    day = D(2026, 2, 20)
    files = MemorySource.read_all(WorktreeSource(out), memo=False)
    loaded = load_ledger(out, files, use_cache=False)
    opening, carried = close_year(loaded.ledger, loaded.digests, 2025, ACCOUNTANT, day, run_checks(loaded, today=day))
    approved = (*opening.approvals, Approval(role="principal", by=PRINCIPAL, on=day + dt.timedelta(days=1)))
    opening = signed_by_demo_keys(opening.model_copy(update={"approvals": approved}))
    by_kind: dict[Path, list[Record]] = {}
    for r in carried:  # where the write puts them: the open year's file of their kind, or its carried file
        by_kind.setdefault(record_file(out, r, 2026), []).append(r)
    for path, copies in sorted(by_kind.items()):
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        if not text:
            text = file_header(KIND_BY_MODEL[type(copies[0])], "2026", path.name)
        path.write_text(text + render_records(copies), encoding="utf-8")
    kind = KIND_BY_MODEL[type(opening)]
    write_list(
        out / "2026" / kind.filename,
        f"# 2026 年{kind.zh}记录 ({kind.en}, 2026) — houqin ledger, see docs/ledger-format.md\n",
        [opening],
    )


def month_ends(out: Path) -> tuple[list[Record], list[Record]]:
    """The cashier's balances at each month's end and the accountant's closes, February to October."""
    from houqin.checks.engine import run_checks
    from houqin.ledger.load import LoadResult, load_ledger
    from houqin.models.closing import month_bounds
    from houqin.models.money_flow import balances, flows
    from houqin.services.finance import close_month

    ledger = load_ledger(out, use_cache=False).ledger
    all_flows = flows(ledger)
    months = [f"2026-{m:02d}" for m in range(2, 11)]
    asserted: list[Record] = []
    for month in months:
        _first, last = month_bounds(month)
        held = balances(all_flows, last)
        for account in ("cash", "bank", "canteen"):
            asserted.append(
                BalanceAssertion(
                    id=ids.next("DZ", last.year),
                    date=last,
                    account=account,
                    amount=held.get(account, Decimal("0.00")),
                    by=CASHIER,
                )
            )
    for record in asserted:  # as a fresh load would read them (the ids check wants the right file)
        ledger = ledger.with_record(record.model_copy(update={"source": Source("2026/assertions.yaml", 0)}))
    closed: list[Record] = []
    for month in months:
        _first, last = month_bounds(month)
        day = last + dt.timedelta(days=5)
        diagnostics = run_checks(LoadResult(ledger, ()))
        close = close_month(ledger, month, ACCOUNTANT, day, diagnostics)
        # The accountant closes; the principal acknowledges the report (清结情况报告校长) the next day.
        acknowledged = (*close.approvals, Approval(role="principal", by=PRINCIPAL, on=day + dt.timedelta(days=1)))
        close = close.model_copy(update={"id": ids.next("JZ", day.year), "approvals": acknowledged})
        close = signed_by_demo_keys(close)
        ledger = ledger.with_record(close.model_copy(update={"source": Source("2026/closes.yaml", 0)}))
        closed.append(close)
    return asserted, closed


def stocktakes(out: Path) -> list[Record]:
    """The term's counts, made the way the office makes them: print the sheets, fill them in, reconcile.
    The start-of-term counts agree with the books; the end-of-term count of 2025-2026-2 finds a chair
    short in a classroom, a laptop in the wrong office, a damaged computer, an unregistered printer
    donated by parents, and two packs of paper short in the store (approved by the director)."""
    from houqin.ledger.load import load_ledger
    from houqin.models.counting import CountRow
    from houqin.reports.inventory import count_sheets, reconcile
    from houqin.services.stocktake import stocktake_record

    Line = tuple[Decimal | None, str, str]  # counted (None: two fewer than the books), condition, note

    def filled(ledger, day: dt.date, changes: dict[tuple[str, str], Line]) -> list[CountRow]:  # type: ignore[no-untyped-def]
        rows = []
        for sheet in count_sheets(ledger, day):
            for n, line in enumerate(sheet.lines, start=4):
                counted, condition, note = changes.get((sheet.place, line.id), (line.book, "完好", ""))
                counted = line.book - 2 if counted is None else counted
                rows.append(CountRow("盘点表.xlsx", n, sheet.place, line.id, line.name, counted, condition, "", note))
        return rows

    term_end = {
        ("JX-101", "ZC-2016-0001"): (None, "完好", ""),
        ("CK-001", "paper-a4"): (None, "", "受潮两包已丢弃"),
        ("SY-301", "ZC-2022-0016"): (Decimal(1), "损坏", "屏幕碎裂"),
        ("XZ-204", "ZC-2020-0005"): (Decimal(0), "", ""),
    }
    found = [
        CountRow("盘点表.xlsx", 40, "XZ-203", "ZC-2020-0005", "办公计算机", Decimal(1), "完好", "", "借调未登记"),
        CountRow("盘点表.xlsx", 41, "XZ-201", "", "喷墨打印机（家长委员会赠）", Decimal(1), "完好", "", "未登记"),
    ]
    plans: list[tuple[str, str, dt.date, dict[tuple[str, str], Line], list[CountRow]]] = [
        ("2025-2026-2", "term-start", D(2026, 2, 24), {}, []),
        ("2025-2026-2", "term-end", D(2026, 7, 8), term_end, found),
        ("2026-2027-1", "term-start", D(2026, 9, 3), {}, []),
    ]
    made: list[Record] = []
    for term, at, day, changes, extra in plans:
        ledger = load_ledger(out, use_cache=False).ledger
        rows = filled(ledger, day, changes) + extra
        result = reconcile(ledger, rows, day)
        record, _ = stocktake_record(ledger, result, term=term, at=at, counted_by=(KEEPER, CLERK), director=DIRECTOR)
        record = signed_by_demo_keys(acknowledged(record.model_copy(update={"id": ids.next("PD", day.year)})))
        made.append(record)
        write_list(
            out / "2026" / "stocktakes.yaml",
            "# 2026 年盘点记录 (stocktakes, 2026) — houqin ledger, see docs/ledger-format.md\n",
            made,
        )
    return made


# --- the term-end report to the principal and its follow-up (issue #18, item 1)

TERM_END_COUNT = "PD-2026-0002"  # the end-of-term count of 2025-2026-2 (stocktakes(), the second plan)


def acknowledged(record: Record) -> Record:
    """书面上报校长室: the principal reads each count's report and signs it three days after the count."""
    from houqin.models.records import Stocktake

    assert isinstance(record, Stocktake)
    ack = Approval(role="principal", by=PRINCIPAL, on=record.date + dt.timedelta(days=3))
    return record.model_copy(update={"approvals": (*record.approvals, ack)})


def term_end_follow_ups() -> list[Record]:
    """What the office did about the term-end count's findings: the two chairs short in 一年级(1)班
    written off as lost (报损, approved), the laptop found in 教务处 taken back to 政教处 (a recovery), and
    the cracked monitor in 计算机教室 sent for repair and accepted by its keeper."""
    from houqin.models.records import Recovery

    keepers = {p["id"]: p["keeper"] for p in places()}
    chain = (("keeper", KEEPER), ("director", DIRECTOR), ("principal", PRINCIPAL))
    return [
        Disposal(
            id=ids.next("CZ", 2026),
            date=D(2026, 7, 9),
            asset="ZC-2016-0001",
            type="loss",
            quantity=2,
            from_place="JX-101",
            reason="期末盘点短少2套，查找未果，报损",
            approvals=tuple(Approval(role=r, by=b, on=D(2026, 7, 9 + i)) for i, (r, b) in enumerate(chain)),
        ),
        Recovery(
            id=ids.next("ZH", 2026),
            date=D(2026, 7, 9),
            stocktake=TERM_END_COUNT,
            asset="ZC-2020-0005",
            place="XZ-204",
            by=keepers["XZ-204"],
            detail="教务处借用未登记，已送回政教处",
        ),
        Repair(
            id=ids.next("WX", 2026),
            date=D(2026, 7, 9),
            asset="ZC-2022-0016",
            reporter=keepers["SY-301"],
            fault="显示器屏幕碎裂（期末盘点发现）",
            done=RepairDone(on=D(2026, 7, 16), work="更换液晶屏", repairer="青禾县联想服务站", cost=Decimal("0.00")),
            approvals=(Approval(role="acceptor", by=keepers["SY-301"], on=D(2026, 7, 16)),),
        ),
    ]


# --- the audit group (稽核小组, issue #18 item 2)

AUDIT_GROUP = (AUDITOR, "林秀英", "谢文斌")  # 郑国华 leads it; two teachers elected by the staff


def with_audit_group(people_list: list[dict]) -> list[dict]:
    """The two teachers elected to the audit group hold the auditor role from the 2025-2026 school year."""
    for p in people_list:
        if p["name"] in AUDIT_GROUP[1:]:
            p["roles"] = [*p["roles"], {"role": "auditor", "since": D(2025, 9, 1)}]
    return people_list


def audit_group_records() -> list[Record]:
    """The audit group's audit of 2025-2026-2, five days after the term: the term's claims, cash, the
    budget and the counts; two findings from the July count, each answered by the director."""
    from houqin.models.records import Audit, AuditAnswer

    day = D(2026, 7, 15)
    return [
        Audit(
            id=ids.next("JH", 2026),
            date=day,
            term="2025-2026-2",
            members=AUDIT_GROUP,
            scope="本学期经费收支、报销单据三章、现金与银行对账、预算执行、期末盘点（houqin audit pack 稽核资料）",
            findings=(
                "期末盘点发现政教处的办公计算机在教务处使用，借用未办手续",
                "期末盘点发现一年级(1)班短少学生椅2套，须查明原因并按规定报损",
            ),
            answers=(
                AuditAnswer(
                    finding=1,
                    on=D(2026, 7, 20),
                    by=DIRECTOR,
                    text="已送回政教处（ZH-2026-0001）；部门间借用一律登记借用或调拨",
                ),
                AuditAnswer(
                    finding=2,
                    on=D(2026, 7, 20),
                    by=DIRECTOR,
                    text="已查找未果，按报损程序处理（CZ-2026-0004，校长已批准）",
                ),
            ),
            approvals=tuple(
                Approval(role="auditor", by=name, on=day + dt.timedelta(days=i)) for i, name in enumerate(AUDIT_GROUP)
            ),
        )
    ]


# --- the safety registers (issue #18 item 5)

LAB_CHEMICALS = [
    {"id": "alcohol-95", "name": "酒精（95%，酒精灯用）", "unit": "瓶", "category": "危险化学品", "reorder_level": 4}
]
FIRE_EQUIPMENT = [
    ("MHQ-JX101", "extinguisher", "JX-101", D(2029, 6, 30)),
    ("MHQ-JX201", "extinguisher", "JX-201", D(2029, 6, 30)),
    ("MHQ-JX301", "extinguisher", "JX-301", D(2029, 6, 30)),
    ("MHQ-SY201", "extinguisher", "SY-201", D(2028, 9, 30)),
    ("MHQ-SY301", "extinguisher", "SY-301", D(2028, 9, 30)),
    ("MHQ-XZ101", "extinguisher", "XZ-101", D(2030, 3, 31)),
    ("MHQ-CK001", "extinguisher", "CK-001", D(2030, 3, 31)),
    ("XHS-JX101", "hydrant", "JX-101", None),
    ("XHS-SY201", "hydrant", "SY-201", None),
    ("BJ-SY301", "alarm", "SY-301", None),
]


def safety_catalog() -> dict[str, object]:
    """catalog.yaml's fire equipment (消防设施 per place, with the extinguishers' expiry) and the person
    responsible for each utility (水、电、气、炉等有专人负责)."""
    return {
        "fire_equipment": [
            {"id": i, "kind": k, "place": p, **({"expires": e} if e else {})} for i, k, p, e in FIRE_EQUIPMENT
        ],
        "utilities": [
            {"kind": "water", "responsible": KEEPER, "place": "全校供水"},
            {"kind": "electricity", "responsible": KEEPER, "place": "配电房"},
            {"kind": "gas", "responsible": DIRECTOR, "place": "食堂燃气"},
        ],
    }


def safety_registers() -> list[Record]:
    """The keeper's monthly round of the fire equipment (the 10th, March to November; in September the
    computer room's extinguisher had lost pressure and was recharged by October), and the science lab's
    alcohol: the opening stock, and each issue signed by the keeper and the director (双人领发)."""
    from houqin.models.records import FireCheck, FireCheckItem

    out: list[Record] = []
    for month in range(3, 12):
        day = D(2026, month, 10)
        items = tuple(
            FireCheckItem(equipment=i, result="fault", detail="压力表指针在红区，已送充装")
            if (month, i) == (9, "MHQ-SY301")
            else FireCheckItem(equipment=i)
            for i, _k, _p, _e in FIRE_EQUIPMENT
        )
        out.append(FireCheck(id=ids.next("XF", 2026), date=day, inspector=KEEPER, items=items))
    lab_keeper = SUBJECT_TEACHERS[3]  # 科学实验室
    out.append(
        StockIn(
            id=ids.next("RK", 2026),
            date=D(2026, 2, 24),
            item="alcohol-95",
            quantity=Decimal(12),
            unit_price=Decimal("12.00"),
            origin="期初结存",
            acceptor=KEEPER,
            approvals=(Approval(role="witness", by=DIRECTOR, on=D(2026, 2, 24)),),
        )
    )
    for day, qty in ((D(2026, 3, 16), 3), (D(2026, 5, 11), 2), (D(2026, 9, 14), 3), (D(2026, 11, 9), 2)):
        out.append(
            StockOut(
                id=ids.next("CK", 2026),
                date=day,
                item="alcohol-95",
                quantity=Decimal(qty),
                receiver=lab_keeper,
                department="综合组",
                purpose="科学课分组实验（酒精灯）",
                issued_by=KEEPER,
                approvals=(Approval(role="co_issuer", by=DIRECTOR, on=day),),
            )
        )
    return out


# --- keepers' responsibility (责任到人, issue #18 item 7)


def responsibility_records() -> list[Record]:
    """保管责任书 for every place, issued by the director at the start of each school year the books
    cover (2025-2026 from the books' first day, 2026-2027 on the first day of term) and signed by the
    keeper the next school day."""
    from houqin.models.records import Responsibility

    out: list[Record] = []
    for year, issued, signed in (
        ("2025-2026", D(2026, 2, 20), D(2026, 2, 24)),
        ("2026-2027", D(2026, 9, 1), D(2026, 9, 2)),
    ):
        for p in places():
            out.append(
                Responsibility(
                    id=ids.next("ZR", issued.year),
                    date=issued,
                    year=year,
                    place=str(p["id"]),
                    keeper=str(p["keeper"]),
                    approvals=(
                        Approval(role="director", by=DIRECTOR, on=issued),
                        Approval(role="responsible", by=str(p["keeper"]), on=signed),
                    ),
                )
            )
    return out


# --- canteen food safety (食堂, issue #18 item 3)

CANTEEN_STAFF = ("黄秀兰", "刘桂芳", "王德明")  # 黄秀兰 runs the kitchen and keeps the samples
MENU = [
    ("红烧鸡块", "炒青菜", "番茄蛋汤"),
    ("土豆烧牛肉", "清炒包菜", "紫菜汤"),
    ("糖醋里脊", "蒜蓉菠菜", "冬瓜汤"),
    ("鱼香肉丝", "炒豆芽", "白菜豆腐汤"),
    ("卤鸡腿", "炒西兰花", "萝卜汤"),
]
FOOD_SUPPLIERS = (
    (
        "青禾县绿源蔬菜配送站",
        "JY13607210012345",
        (("青菜", 120, "斤", "2.20"), ("土豆", 80, "斤", "1.80"), ("鸡蛋", 60, "斤", "5.50")),
    ),
    ("青禾县康达肉类食品有限公司", "JY13607210023456", (("猪肉", 90, "斤", "14.00"), ("鸡块", 70, "斤", "11.00"))),
    ("青禾县粮油储备供应站", "JY13607210034567", (("大米", 400, "斤", "2.60"), ("食用油", 30, "升", "12.00"))),
)


def with_canteen_staff(people_list: list[dict]) -> list[dict]:
    """The canteen's three workers (职工, department 食堂)."""
    return people_list + [person(name, ["staff"], "食堂", D(2015 + i, 8, 25)) for i, name in enumerate(CANTEEN_STAFF)]


def canteen_records() -> list[Record]:
    """This term's canteen: each worker's health certificate; lunch on every working day of the term so
    far (about 620 students), three dishes sampled at 11:20 and thrown away two days later, a school
    leader at table in turn; and each week's food from three licensed suppliers, every batch with its
    certificate (索证索票)."""
    from houqin.models.records import Discard, FoodLine, FoodReceipt, HealthCertificate, Meal, Sample

    out: list[Record] = [
        HealthCertificate(
            id=ids.next("HZ", 2026),
            date=D(2026, 8, 20),
            person=name,
            number=f"36072120260{i + 1:05d}",
            until=D(2027, 8, 19),
        )
        for i, name in enumerate(CANTEEN_STAFF)
    ]
    today = D(2026, 11, 24)
    days = DEFAULT_CALENDAR.working_days(D(2026, 9, 1), D(2026, 11, 23))
    leaders = (PRINCIPAL, VICE, DIRECTOR)
    for n, day in enumerate(days):
        dishes = MENU[n % len(MENU)]
        thrown = day + dt.timedelta(days=2)
        out.append(
            Meal(
                id=ids.next("CC", 2026),
                date=day,
                served=612 + (n * 7) % 25,
                samples=tuple(Sample(dish=d, grams=Decimal(130 + (n * 11 + k * 7) % 40)) for k, d in enumerate(dishes)),
                sampled_at="11:20",
                sample_keeper=CANTEEN_STAFF[0],
                discarded=Discard(on=thrown, at="11:40", by=CANTEEN_STAFF[0]) if thrown <= today else None,
                accompanied_by=(leaders[n % 3],),
                staff=CANTEEN_STAFF,
            )
        )
    weeks = sorted({d - dt.timedelta(days=d.weekday()) for d in days})
    for monday in weeks:
        day = next(d for d in days if d >= monday)
        for s, (supplier, licence, goods) in enumerate(FOOD_SUPPLIERS):
            out.append(
                FoodReceipt(
                    id=ids.next("SC", 2026),
                    date=day,
                    supplier=supplier,
                    licence=licence,
                    lines=tuple(
                        FoodLine(
                            name=name,
                            quantity=Decimal(qty * 3),
                            unit=unit,
                            amount=(Decimal(qty * 3) * Decimal(price)).quantize(Decimal("0.01")),
                            certificate=f"{day:%Y%m%d}-{s + 1}{k + 1:02d}",
                        )
                        for k, (name, qty, unit, price) in enumerate(goods)
                    ),
                    acceptor=CANTEEN_STAFF[0],
                )
            )
    return out


# --- 公车 and 公务接待 (issue #18 item 4)

SCHOOL_CAR = "赣G·A1234"
VEHICLE_BUDGET = [("30231", "公务用车运行维护费", "30000.00"), ("30217", "公务接待费", "10000.00")]


def vehicle_catalog() -> dict[str, object]:
    return {"vehicles": [{"id": SCHOOL_CAR, "name": "公务用车（五菱宏光）", "keeper": KEEPER}]}


def vehicle_records() -> list[Record]:
    """The school car's year: two trips a month in term (taking pupils to contests, fetching supplies,
    the director to the county bureau), each approved the day before by the vice principal; fuel at each
    month's end, paid by a claim and within what the log explains; a service in October; and the county
    bureau's inspectors received in November on their letter, approved the day before."""
    from houqin.models.records import Reception, Trip, VehicleCost

    out: list[Record] = []
    odometer = 48200
    purposes = [("送学生参加县数学竞赛", "县第一中学", 26), ("采购教学用品", "县城文汇办公用品店", 18),
                ("总务主任到县教育局报送资料", "县教育局", 22), ("接送外出培训教师", "市教育学院", 96)]  # fmt: skip

    def claim(day: dt.date, payee: str, amount: Decimal, line: str, purpose: str) -> Reimbursement:
        steps = (("handler", KEEPER, day), ("witness", CLERK, day), ("principal", PRINCIPAL, day))
        return Reimbursement(
            id=ids.next("BX", 2026), date=day, payee=payee, amount=amount, budget_line=line, purpose=purpose,
            invoices=(new_invoice(day, amount),), approvals=tuple(Approval(role=r, by=b, on=o) for r, b, o in steps),
            payment=Payment(on=day + dt.timedelta(days=1), by=CASHIER, account="bank"),
        )  # fmt: skip

    n = 0
    for month in (3, 4, 5, 6, 9, 10, 11):
        since_fuel = 0
        for day in (D(2026, month, 11), D(2026, month, 18)):
            day = DEFAULT_CALENDAR.due(day)
            purpose, where, km = purposes[n % len(purposes)]
            n += 1
            out.append(
                Trip(
                    id=ids.next("CL", 2026),
                    date=day,
                    vehicle=SCHOOL_CAR,
                    driver=KEEPER,
                    purpose=purpose,
                    destination=where,
                    odometer_start=Decimal(odometer),
                    odometer_end=Decimal(odometer + 2 * km),
                    approvals=(Approval(role="supervisor", by=VICE, on=day - dt.timedelta(days=1)),),
                )
            )
            odometer += 2 * km
            since_fuel += 2 * km
        fuel_day = DEFAULT_CALENDAR.due(D(2026, month, 20))
        litres = (Decimal(since_fuel) * Decimal("0.09")).quantize(Decimal("0.1"))
        paid = claim(
            fuel_day,
            "中国石化青禾加油站",
            (litres * Decimal("7.80")).quantize(Decimal("0.01")),
            "30231",
            f"{month}月公务用车加油",
        )
        out += [paid, VehicleCost(
            id=ids.next("CF", 2026), date=fuel_day, vehicle=SCHOOL_CAR, type="fuel", amount=paid.amount,
            expense=paid.id, odometer=Decimal(odometer), litres=litres,
        )]  # fmt: skip
        if month == 10:
            service = claim(D(2026, 10, 22), "青禾县顺达汽车维修厂", Decimal("680.00"), "30231", "公务用车例行保养")
            out += [service, VehicleCost(
                id=ids.next("CF", 2026), date=D(2026, 10, 22), vehicle=SCHOOL_CAR, type="maintenance",
                amount=service.amount, expense=service.id, odometer=Decimal(odometer),
            )]  # fmt: skip
    meal = claim(D(2026, 11, 18), "青禾县学府路便民餐馆", Decimal("240.00"), "30217", "县教育局督导室来校督导工作餐")
    out += [meal, Reception(
        id=ids.next("JD", 2026), date=D(2026, 11, 18), guest_unit="青禾县教育局督导室", letter="青教督函〔2026〕12号",
        guests=("陈志明", "李晓红"), staff=(PRINCIPAL,), amount=meal.amount, expense=meal.id,
        approvals=(Approval(role="principal", by=PRINCIPAL, on=D(2026, 11, 17)),),
    )]  # fmt: skip
    return out


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("ledgers"))
