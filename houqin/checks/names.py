"""The names of the checks, in the order they run, with what each guards and the codes it reports: written
once, here, without importing the checks (start-up stays light; checks/registry.py gives each its parts)."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from houqin.errors import UsageError


@dataclass(frozen=True)
class Named:
    """A check's name, what it guards in both languages, and the prefixes of the codes it reports."""

    name: str
    zh: str
    en: str
    codes: tuple[str, ...]


NAMED: tuple[Named, ...] = (
    Named("schema", "文件格式与字段", "file format and fields", ("YAML", "SCH", "IMP")),
    Named("ids", "编号唯一且格式正确", "ids unique and well-formed", ("ID",)),
    Named("dates", "日期不晚于今天", "no record dated after today", ("DAT",)),
    Named(
        "refs",
        "人员、地点、物品、分类、预算科目存在且有效",
        "people, places, items, categories, budget lines exist",
        ("REF",),
    ),
    Named("approval-chain", "签批环节齐全且有序", "approval steps complete and in order", ("APR",)),
    Named(
        "signatures",
        "签字人具备相应角色，姓名不会被混淆",
        "signers hold the role on the day; no name can be mistaken for another",
        ("SIG",),
    ),
    Named(
        "keys",
        "密钥经校长签署登记、密钥签名有效且有序",
        "keys registered under the principal's key; key signatures verify, in order",
        ("KEY",),
    ),
    Named(
        "by-key",
        "哪些签字尚未用密钥（houqin check --keys）",
        "signatures not yet made by key (houqin check --keys)",
        (),
    ),
    Named("separation-of-duties", "不相容职务分离", "separation of duties", ("SOD",)),
    Named("invoice", "发票真实、未过期、未重复报销", "invoices well-formed, fresh, claimed once", ("INV",)),
    Named("capitalisation", "固定资产标准", "capitalisation threshold", ("CAP",)),
    Named("assets", "资产调拨、处置与交结", "asset moves, disposals and handovers", ("AST", "DEP")),
    Named("loans", "借还销号与逾期", "loans returned, overdue loans", ("LOAN",)),
    Named("repairs", "报修与验收", "repair tickets and acceptance", ("REP",)),
    Named("damage", "公物损坏赔偿", "damage compensation", ("DMG",)),
    Named(
        "stock",
        "库存不为负、来源去向清楚、复印用品主管审批",
        "stock never negative, clear sources, printing supplies approved",
        ("STK",),
    ),
    Named("purchase", "采购审批、货比三家、三重一大、验收", "purchase approval and acceptance", ("PUR",)),
    Named("stocktake", "期初清点与期末盘点", "term-start and term-end counts", ("PD",)),
    Named("finance", "收支两条线、收费公示、现金与对账", "income, fees, cash and balances", ("FIN",)),
    Named(
        "fees", "代办费多退少补、公示，一费制", "fees collected on behalf settled per term; the 一费制 limit", ("FEE",)
    ),
    Named(
        "receipts",
        "收据领用、按号使用、作废留存、及时入帐",
        "receipt books, numbers used once and in order, voids kept, income booked on time",
        ("REC",),
    ),
    Named("budget", "计划经费限额使用", "spending within the budget", ("BUD",)),
    Named("advances", "借款结清", "advances settled", ("ADV",)),
    Named("close", "每月清结、结账后不得改动", "months closed, closed months unchanged", ("CLS",)),
    Named("year", "年终结账、已结年度不得改动", "years closed, closed years unchanged", ("YRC",)),
    Named("meters", "水电表每期一查", "meters read each term, no leaks", ("MTR",)),
    Named("patrols", "每日巡视", "daily rounds, findings dealt with", ("PAT",)),
    Named("printing", "文印须主管审批", "print jobs approved by the supervisor", ("PRT",)),
    Named(
        "shop",
        "商店进售双价、过期商品、货款从账户支付、营业款按日解缴",
        "shop prices, shelf life, purchases paid from the books, takings deposited",
        ("SHP",),
    ),
    Named("milk", "学生奶订、送、收相符", "milk ordered, delivered and paid", ("MLK",)),
    Named("calendar", "校历：法定节假日与调休", "the school calendar: holidays and make-up days", ("CAL",)),
    Named("audit", "稽核小组每学期稽核", "the audit group's term audit", ("AUD",)),
    Named(
        "safety",
        "消防检查、双人领发、水电气炉专人负责",
        "fire equipment inspected, chemicals issued by two, a person for each utility",
        ("SAF",),
    ),
    Named("responsibility", "保管责任书（责任到人）", "keepers' responsibility records", ("RSP",)),
    Named(
        "food-safety",
        "食堂索证索票、留样、陪餐、健康证",
        "canteen: licences and certificates, samples, leaders at table, health certificates",
        ("FOOD",),
    ),
    Named("vehicles", "公车出车登记与费用、公务接待", "vehicle trips and costs, official receptions", ("VEH", "RCP")),
)

CHECK_NAMES: tuple[str, ...] = tuple(c.name for c in NAMED)
BY_NAME: Mapping[str, Named] = {c.name: c for c in NAMED}
# Codes no check reports: git's own findings (a commit refused, a hook missing).
OTHER_CODES: Mapping[str, str] = {"GIT": "git"}


def check_of_code(code: str) -> str:
    """The check that reports a diagnostic code (by its letters: REF009 → refs)."""
    letters = code.rstrip("0123456789")
    found = next((c.name for c in NAMED if letters in c.codes), None)
    return found if found is not None else OTHER_CODES[letters]


# Checks run only when asked for by name (or by `houqin check --keys`): by-key lists every signature
# not made by key where policy does not require one, which on most ledgers is every signature.
OPT_IN: tuple[str, ...] = ("by-key",)
DEFAULT_CHECKS: tuple[str, ...] = tuple(n for n in CHECK_NAMES if n not in OPT_IN)


def select(names: Sequence[str] | None) -> tuple[str, ...]:
    """The checks asked for, in the order they run (all but the opt-in ones when none are named)."""
    if not names:
        return DEFAULT_CHECKS
    unknown = [n for n in names if n not in CHECK_NAMES]
    if unknown:
        raise UsageError("unknown_check", name=", ".join(unknown), known=", ".join(CHECK_NAMES))
    return tuple(n for n in CHECK_NAMES if n in names)
