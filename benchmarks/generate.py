"""Generate a realistic houqin ledger of N records, with the same transactions as an hledger journal
and a beancount file (2+ postings each), for benchmarks/bench.py.

Usage: python benchmarks/generate.py N OUT_DIR

The ledger is clean (it passes every check), spread over years at about 10,000 records a year (a
large school), and written in houqin's own house style — the text is exactly what houqin's writer
produces (tests/test_benchmarks.py holds the generator to that). Deterministic for a given N.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from decimal import Decimal
from pathlib import Path

PER_YEAR = 10_000
UNSIGNED = 12
MIX = (
    ("assets", 0.18),
    ("stock-in", 0.10),
    ("stock-out", 0.32),
    ("expenses", 0.30),
    ("loans", 0.07),
    ("advances", 0.03),
)
PRINCIPAL, DIRECTOR, KEEPER, CASHIER, CLERK, ACCOUNTANT = "王建国", "李明", "周强", "赵丽", "吴芳", "孙慧"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红梅兰玉晓燕春雪海波宁琳丹慧"
ITEMS = [
    ("paper-a4", "A4复印纸", "包", "印刷耗材", "23.50"),
    ("toner", "硒鼓", "个", "印刷耗材", "168.00"),
    ("chalk", "无尘粉笔", "盒", "教学用品", "6.50"),
    ("marker", "白板笔", "支", "教学用品", "2.80"),
    ("pen", "中性笔", "支", "办公用品", "1.50"),
    ("folder", "档案盒", "个", "办公用品", "4.50"),
    ("broom", "扫帚", "把", "清洁用品", "12.00"),
    ("mop", "拖把", "把", "清洁用品", "18.00"),
    ("bulb", "LED灯管", "根", "维修材料", "15.00"),
    ("tap", "水龙头", "个", "维修材料", "28.00"),
]
CATEGORIES = [
    ("A02010105", "台式计算机", 6, "4350.00"),
    ("A02010108", "便携式计算机", 6, "5999.00"),
    ("A02020500", "打印设备", 6, "1680.00"),
    ("A02021200", "交互式电子白板（一体机）", 6, "16800.00"),
    ("A02061804", "空调机", 6, "3299.00"),
    ("A05010203", "教学、实验用桌", 15, "1350.00"),
    ("A02100000", "教学仪器", 5, "1580.00"),
]
GOODS_LINES = ("30201", "30218")
PURCHASE_LINES = ("31002", "31003", "31007")
LINES = [
    ("30201", "办公费"),
    ("30202", "印刷费"),
    ("30206", "电费"),
    ("30211", "差旅费"),
    ("30213", "维修（护）费"),
    ("31002", "办公设备购置"),
]
ACCOUNT = {
    "30201": "Office",
    "30202": "Printing",
    "30206": "Electricity",
    "30211": "Travel",
    "30213": "Repairs",
    "31002": "OfficeEquipment",
}


def camel(item: str) -> str:
    """An account name component both hledger and beancount accept (beancount wants a capital first)."""
    return "".join(part.capitalize() for part in item.split("-"))


def q(text: str) -> str:
    return f'"{text}"'


def staff_names(n: int) -> list[str]:
    rng = random.Random(7)
    names: list[str] = []
    while len(names) < n:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
        if name not in names and name not in (PRINCIPAL, DIRECTOR, KEEPER, CASHIER, CLERK, ACCOUNTANT):
            names.append(name)
    return names


class Out:
    """Buffers per file; houqin text, hledger and beancount transactions side by side."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: dict[str, list[str]] = {}
        self.hledger: list[str] = []
        self.bean: list[str] = []

    def record(self, year: int, kind: str, text: str) -> None:
        self.files.setdefault(f"{year}/{kind}.yaml", []).append(text)

    def txn(self, day: dt.date, text: str, postings: list[tuple[str, Decimal, str]]) -> None:
        self.hledger.append(f"{day} {text}\n" + "".join(f"    {a}  {v:.2f} {c}\n" for a, v, c in postings))
        self.bean.append(f'{day} * "{text}"\n' + "".join(f"  {a}  {v:.2f} {c}\n" for a, v, c in postings))


def approvals(steps: list[tuple[str, str, dt.date]]) -> str:
    return "  approvals:\n" + "".join(f"  - {{role: {r}, by: {b}, on: {o}}}\n" for r, b, o in steps)


def generate(n: int, root: Path) -> None:
    rng = random.Random(n)
    per_year = max(PER_YEAR, n // 20)  # a county-scale ledger: twenty years, more records a year
    years = max(1, -(-n // per_year))
    first = 2026 - years + 1
    staff = staff_names(130)
    teachers = staff[5:]
    places = [(f"R-{i:03d}", f"{i // 10 + 1}号楼{i % 10 + 1}室", teachers[i % len(teachers)]) for i in range(100)]
    out = Out(root)
    seq: dict[tuple[str, int], int] = {}

    def next_id(prefix: str, year: int) -> str:
        seq[(prefix, year)] = seq.get((prefix, year), 0) + 1
        return f"{prefix}-{year}-{seq[(prefix, year)]:04d}"

    kinds = [k for k, _ in MIX]
    weights = [w for _, w in MIX]
    assets_by_year: dict[int, list[str]] = {}
    lent: dict[str, list[tuple[dt.date, dt.date]]] = {}
    on_hand: dict[str, int] = {}
    invoice_no = 0
    for i in range(n):
        year = first + i * years // n
        day = dt.date(year, 1, 1) + dt.timedelta(days=((i * years) % n) * 320 // n)  # in order, by mid-November
        kind = rng.choices(kinds, weights)[0]
        stock_item = rng.choice(ITEMS)
        stock_qty = rng.randrange(1, 10)
        if kind == "stock-out" and on_hand.get(stock_item[0], 0) < stock_qty:
            kind = "stock-in"  # nothing to issue yet: receive some first
        if kind == "loans":
            due = day + dt.timedelta(days=14)
            pool = assets_by_year.get(year, [])
            free = [
                a
                for a in rng.sample(pool, min(8, len(pool)))
                if all(due < start or day > end for start, end in lent.get(a, []))
            ]
            if not free:
                kind = "assets"  # nothing free to lend that day: register something instead
        if kind == "assets":
            code, cname, _life, price = rng.choice(CATEGORIES)
            room, _name, keeper = rng.choice(places)
            rid = next_id("ZC", year)
            assets_by_year.setdefault(year, []).append(rid)
            qty = rng.choice((1, 1, 1, 2, 5))
            text = (
                f"- id: {rid}\n  date: {day}\n  name: {cname}\n  category: {code}\n"
                + (f"  quantity: {qty}\n" if qty != 1 else "")
                + f"  unit_price: {q(price)}\n  place: {room}\n  keeper: {keeper}\n  funding: 财政拨款\n"
                + "  origin: 期初结存\n  document: 期初资产清册\n"  # the register brought in (no purchase)
            )
            value = Decimal(price) * qty
            out.txn(day, f"{rid} {cname}", [(f"Assets:Fixed:{code}", value, "CNY"), ("Assets:Bank", -value, "CNY")])
        elif kind == "stock-in":
            item, name, _unit, _cat, price = stock_item
            rid = next_id("RK", year)
            qty = rng.randrange(20, 200)
            on_hand[item] = on_hand.get(item, 0) + qty
            value = Decimal(price) * qty
            bought = next_id("CG", year)  # 请购 → 审批 → 验收, the same day at this scale
            quotes = "".join(
                f"  - {{supplier: {s}, amount: {q(str(value + k))}, on: {day}}}\n"
                for k, s in enumerate(("县文汇办公用品店", "县百货批发部", "市办公用品公司"))
            )
            out.record(
                year,
                "purchases",
                f"- id: {bought}\n  date: {day}\n  department: 总务处\n  requester: {KEEPER}\n"
                f'  budget_line: "30201"\n  purpose: 补充库存\n  lines:\n'
                f"  - {{item: {item}, quantity: {qty}, estimate: {q(price)}}}\n"
                + (f"  quotes:\n{quotes}" if value >= 5000 else "")
                + approvals(
                    [("department_head", DIRECTOR, day), ("supervisor", DIRECTOR, day), ("principal", PRINCIPAL, day)]
                )
                + f"  accepted: {{on: {day}, acceptor: {KEEPER}, witness: {DIRECTOR}, supplier: 县文汇办公用品店}}\n",
            )
            text = (
                f"- id: {rid}\n  date: {day}\n  item: {item}\n  quantity: {qty}\n  unit_price: {q(price)}\n"
                f"  supplier: 县文汇办公用品店\n  origin: {bought}\n  acceptor: {KEEPER}\n"
                + approvals([("witness", DIRECTOR, day)])
            )
            out.txn(
                day, f"{rid} {name}", [(f"Assets:Stock:{camel(item)}", value, "CNY"), ("Assets:Bank", -value, "CNY")]
            )
        elif kind == "stock-out":
            item, name, _unit, category, price = stock_item
            rid = next_id("CK", year)
            qty = stock_qty
            on_hand[item] -= qty
            who = rng.choice(teachers)
            text = (
                f"- id: {rid}\n  date: {day}\n  item: {item}\n  quantity: {qty}\n  receiver: {who}\n"
                f"  purpose: 教学使用\n  issued_by: {KEEPER}\n"
            ) + (approvals([("supervisor", DIRECTOR, day)]) if category == "印刷耗材" else "")
            value = Decimal(price) * qty
            out.txn(
                day,
                f"{rid} {name}",
                [("Expenses:Consumables", value, "CNY"), (f"Assets:Stock:{camel(item)}", -value, "CNY")],
            )
        elif kind == "expenses":
            line, lname = rng.choice(LINES)
            rid = next_id("BX", year)
            invoice_no += 1
            amount = Decimal(rng.randrange(5000, 500000)) / 100
            if line in PURCHASE_LINES:  # equipment is bought through a purchase, never claimed alone (PUR012)
                line, lname = LINES[0]
            if line in GOODS_LINES:  # goods above the claim threshold come through a purchase (PUR012)
                amount = min(amount, Decimal("999.00"))
            handler = rng.choice(teachers)
            principal_day = day + dt.timedelta(days=1)
            text = (
                f"- id: {rid}\n  date: {day}\n  payee: 县文汇办公用品店\n  amount: {q(f'{amount:.2f}')}\n"
                f"  budget_line: {q(line)}\n  purpose: {lname}\n  invoices:\n"
                f"  - {{number: {q(f'{year % 100:02d}44{invoice_no:016d}')}, date: {day}, amount: {q(f'{amount:.2f}')}}}\n"
                + approvals(
                    [("handler", handler, day), ("witness", CLERK, day), ("principal", PRINCIPAL, principal_day)]
                )
                + f"  payment: {{on: {principal_day + dt.timedelta(days=1)}, by: {CASHIER}, account: bank}}\n"
            )
            out.txn(
                day, f"{rid} {lname}", [(f"Expenses:{ACCOUNT[line]}", amount, "CNY"), ("Assets:Bank", -amount, "CNY")]
            )
        elif kind == "loans":
            asset = free[0]
            lent.setdefault(asset, []).append((day, due))
            rid = next_id("JY", year)
            who = rng.choice(teachers)
            text = (
                f"- id: {rid}\n  date: {day}\n  asset: {asset}\n  borrower: {who}\n  due: {due}\n"
                + approvals([("keeper", DIRECTOR, day)])
                + f"  returned: {{on: {due - dt.timedelta(days=1)}, received_by: {DIRECTOR}}}\n"
            )
            out.txn(
                day,
                f"{rid} {asset}",
                [("Assets:Lent", Decimal(1), "ITEM"), ("Assets:Fixed:InPlace", Decimal(-1), "ITEM")],
            )
        else:
            rid = next_id("JK", year)
            who = rng.choice(teachers)
            amount = Decimal(rng.randrange(500, 5000))
            text = (
                f"- id: {rid}\n  date: {day}\n  person: {who}\n  amount: {q(f'{amount:.2f}')}\n  purpose: 差旅借款\n"
                + approvals([("principal", PRINCIPAL, day)])
                + f"  payment: {{on: {day}, by: {CASHIER}, account: cash}}\n"
                + f'  settlement: {{on: {day + dt.timedelta(days=10)}, cash_returned: "{amount:.2f}"}}\n'
            )
            out.txn(
                day, f"{rid} 借款", [("Assets:Receivable:Advances", amount, "CNY"), ("Assets:Cash", -amount, "CNY")]
            )
        out.record(year, kind, text)

    # Claims still waiting for the principal's signature (houqin expense sign is timed on them).
    last = first + years - 1
    for k in range(UNSIGNED):
        rid = next_id("BX", last)
        invoice_no += 1
        day = dt.date(last, 11, 20)
        out.record(
            last,
            "expenses",
            (
                f'- id: {rid}\n  date: {day}\n  payee: 县文汇办公用品店\n  amount: "{100 + k}.00"\n  budget_line: "30201"\n'
                f'  purpose: 办公费\n  invoices:\n  - {{number: "{last % 100:02d}44{invoice_no:016d}", date: {day}}}\n'
                + approvals([("handler", teachers[k], day), ("witness", CLERK, day)])
            ),
        )
    root.mkdir(parents=True, exist_ok=True)
    (root / "houqin.yaml").write_text("schema: 1\nschool:\n  name: 基准测试学校\ncurrency: CNY\n", encoding="utf-8")
    people = [
        f"- {{name: {PRINCIPAL}, roles: [principal], joined: 1990-09-01}}\n",
        f"- {{name: {DIRECTOR}, roles: [director, keeper], joined: 1990-09-01}}\n",
        f"- {{name: {KEEPER}, roles: [keeper], joined: 1990-09-01}}\n",
        f"- {{name: {CASHIER}, roles: [cashier], joined: 1990-09-01}}\n",
        f"- {{name: {CLERK}, roles: [clerk], joined: 1990-09-01}}\n",
        f"- {{name: {ACCOUNTANT}, roles: [accountant], joined: 1990-09-01}}\n",
    ]
    people += [f"- {{name: {t}, roles: [teacher], joined: 1990-09-01}}\n" for t in teachers]
    (root / "people.yaml").write_text("".join(people), encoding="utf-8")
    (root / "places.yaml").write_text(
        "".join(f"- {{id: {pid}, name: {name}, kind: classroom, keeper: {k}}}\n" for pid, name, k in places),
        encoding="utf-8",
    )
    catalog = ["items:\n"] + [f"- {{id: {i}, name: {n}, unit: {u}, category: {c}}}\n" for i, n, u, c, _ in ITEMS]
    catalog += ["asset_categories:\n"] + [
        f"- {{code: {c}, name: {n}, life_years: {life}}}\n" for c, n, life, _ in CATEGORIES
    ]
    # Opening balances large enough for twenty years of a county's spending (the check never sees red).
    catalog += [
        "accounts:\n",
        '- {id: cash, name: 现金, opening: "1000000000.00", opened: 1990-01-01}\n',
        '- {id: bank, name: 银行存款, opening: "100000000000.00", opened: 1990-01-01}\n',
    ]
    catalog += ["budget_lines:\n"] + [
        f'- {{id: {q(line)}, name: {name}, year: {y}, amount: "99999999.00"}}\n'
        for y in range(first, 2027)
        for line, name in LINES
    ]
    (root / "catalog.yaml").write_text("".join(catalog), encoding="utf-8")
    for rel, texts in out.files.items():
        path = root / rel
        path.parent.mkdir(exist_ok=True)
        path.write_text("".join(texts), encoding="utf-8")
    (root / ".gitignore").write_text(".houqin/\n")
    peers = root.parent / f"{root.name}-peers"
    peers.mkdir(exist_ok=True)
    (peers / "ledger.journal").write_text("\n".join(out.hledger), encoding="utf-8")
    accounts = sorted({line.split()[0] for t in out.bean for line in t.splitlines()[1:]})
    opens = "".join(f"{first}-01-01 open {a}\n" for a in accounts)
    (peers / "ledger.beancount").write_text(
        'option "operating_currency" "CNY"\n' + opens + "\n" + "\n".join(out.bean), encoding="utf-8"
    )


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]))
