"""houqin.yaml: the school, its calendar, and the policy every threshold comes from.

Every figure here has the common national default, because local rules differ: a school writes only
what it changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from houqin.models.base import Day, Frozen, MoneyOrZero, Quantity, Text
from houqin.models.calendar import DEFAULT_CALENDAR, SchoolCalendar
from houqin.models.depreciation import DepreciationStart

SCHEMA_VERSION = 1


class School(Frozen):
    name: Text
    code: Text | None = None
    address: Text | None = None


class Term(Frozen):
    """A school term (学期), e.g. 2025-2026-1: the first term of the 2025-2026 school year."""

    id: Text
    start: Day
    end: Day


class Capitalisation(Frozen):
    """固定资产 thresholds: general equipment 1,000 元, special (专用) equipment 1,500 元."""

    general: MoneyOrZero = Decimal("1000.00")
    special: MoneyOrZero = Decimal("1500.00")


DEFAULT_CHAINS: dict[str, tuple[str, ...]] = {
    "expenses": ("handler", "witness", "principal"),
    "advances": ("principal",),
    "loans": ("keeper",),
    "moves": ("giver", "receiver"),
    "disposals": ("keeper", "director", "principal"),
    "repairs": ("acceptor",),
    "damages": ("principal",),
    "purchases": ("department_head", "supervisor", "principal"),
    "stocktakes": ("director", "principal"),
    "fee-notices": ("principal",),
    "budget-adjustments": ("principal",),
    "reopens": ("principal",),
    "closes": ("accountant", "principal"),  # 会计结账, 报告校长 (older closes carry no approvals)
    "openings": ("accountant", "principal"),  # 年终结账: 会计结账, 校长审核
    "print-jobs": ("supervisor",),
    "responsibilities": ("director", "responsible"),  # 保管责任书: 总务主任签发，保管人签收
    "trips": ("supervisor",),  # 出车: approved by the supervisor before it sets out
    "receptions": ("principal",),  # 公务接待: approved by the principal before the event
    "audits": ("auditor",),  # 稽核记录: signed by each member of the group
    "receipt-books": ("accountant", "holder"),  # 票据领用: 会计发放，领用人签收
    "receipt-voids": ("holder", "accountant"),  # 作废收据: 领用人作废，会计核实
    "fee-settlements": ("accountant", "principal"),  # 代办费结算: 会计编制，校长批准
}
DEFAULT_SIGNERS: dict[str, tuple[str, ...] | Literal["any"]] = {
    "handler": "any",
    "witness": "any",
    "principal": ("principal",),
    "supervisor": ("vice_principal", "director"),
    "department_head": ("department_head", "director"),
    "acceptor": "any",
    "keeper": ("keeper", "director"),
    "director": ("director",),
    "giver": "any",
    "receiver": "any",
    "accountant": ("accountant",),
    "auditor": ("auditor",),  # 稽核小组: each member signs the audit record
    "responsible": "any",  # 保管责任书: checked to be the record's keeper
    "co_issuer": "any",  # 双人领发: the second person beside the keeper (checked: not the keeper or receiver)
    "holder": "any",  # 收据领用人: checked to be the book's holder, the void's voider (REC010)
}


class OwnRequests(Frozen):
    """校长本人的报销、借款、请购 (docs/signatures.md): the principal may not approve their own request
    (SOD003), so the principal's step of it is signed by a person holding one of `signers` (by default
    the vice-principal), and the record carries what the school's route asks: the leadership meeting
    that decided it (领导班子集体研究), the superior authority's approval number (上级主管部门批复), or
    either."""

    signers: tuple[str, ...] = ("vice_principal",)
    requires: Literal["meeting", "authority", "either"] = "either"


class SignatureRules(Frozen):
    """Which steps each kind needs, in order, and which people-roles may sign each step.

    `any` means any person active on that day (经手人 and 证明人 may be any member of staff).
    """

    chains: dict[str, tuple[str, ...]] = Field(default_factory=lambda: dict(DEFAULT_CHAINS))
    # Kinds whose chain is complete when recorded (a move is signed as it happens); the others are
    # signed over days and must be complete before the money moves.
    complete_when_recorded: tuple[str, ...] = ("loans", "moves")
    # Kinds whose steps must be signed by different people (a keeper moving an asset between two of
    # their own rooms signs both sides of the move).
    distinct_signers: tuple[str, ...] = (
        "expenses", "advances", "disposals", "receipt-books", "receipt-voids", "fee-settlements",
    )  # fmt: skip
    # Kinds approved beforehand (事前审批): the chain is signed on or before the record's day — the
    # trip's, the reception's — not after it; an approval dated later is no approval (VEH002, RCP003).
    approved_beforehand: tuple[str, ...] = ("trips", "receptions")
    # Kinds whose step is signed once by each of the record's `members` (the audit group), not once.
    signed_by_members: tuple[str, ...] = ("audits",)
    signers: dict[str, tuple[str, ...] | Literal["any"]] = Field(default_factory=lambda: dict(DEFAULT_SIGNERS))
    approver_steps: tuple[str, ...] = ("principal", "supervisor", "department_head")
    cashier_may_not_sign: tuple[str, ...] = ("witness", "principal", "supervisor", "department_head")
    # Who must sign by key (docs/signatures.md): true (everyone), the people-roles listed (a signer
    # holding one of them that day), or false (nobody yet: the default of ledgers written before keys).
    require_keys: bool | tuple[str, ...] = False
    own_requests: OwnRequests = OwnRequests()

    def key_required(self, holds: Callable[[str], bool]) -> bool:
        """Must a signer sign by key? `holds(role)`: does the signer hold that role on the day."""
        if isinstance(self.require_keys, bool):
            return self.require_keys
        return any(holds(role) for role in self.require_keys)

    @model_validator(mode="before")
    @classmethod
    def _over_defaults(cls, data: Any) -> Any:
        """A school writes only the chains and signers it changes; every other kind keeps the default
        (so a ledger written before a kind existed still has that kind's approvals checked)."""
        if isinstance(data, dict):
            data = dict(data)
            if isinstance(data.get("chains"), dict):
                data["chains"] = {**DEFAULT_CHAINS, **data["chains"]}
            if isinstance(data.get("signers"), dict):
                data["signers"] = {**DEFAULT_SIGNERS, **data["signers"]}
        return data


class Quota(Frozen):
    """教学用品量化限时发放: at most `quantity` of an item to a department per term (a warning beyond)."""

    department: Text
    item: Text
    quantity: Quantity


class Goods(Frozen):
    """后勤统一采购、开支单据与物品入库签字手续 (R8): which claims are for goods and so name an accepted
    purchase, where an asset card may come from without one, and from which day these rules apply."""

    # 设备购置: every claim on these lines is for goods bought through the office.
    purchase_lines: tuple[Text, ...] = ("31002", "31003", "31007")
    # 办公费、专用材料费: claims for goods; at or above `claim_threshold` they name an accepted purchase.
    goods_lines: tuple[Text, ...] = ("30201", "30218")
    claim_threshold: MoneyOrZero = Decimal("1000.00")
    # An asset card at or above the capitalisation threshold without a purchase: one of these, with its document.
    asset_origins: tuple[Text, ...] = ("捐赠", "调入", "盘盈", "期初结存")
    # Stock received without a witness: an opening balance carried in, a count's surplus (PD-…, signed there).
    unwitnessed_origins: tuple[Text, ...] = ("期初结存",)
    # The day these apply from; default: the day the books began (`started`). A ledger that states
    # neither was written before houqin kept that day, and opts in by writing `since`.
    since: Day | None = None


class Receipts(Frozen):
    """票据管理 (及时开票，及时入帐): which income carries a receipt from a numbered book, how soon after
    the receipt it is booked, and from which day these apply."""

    kinds: tuple[Text, ...] = ("fee", "compensation", "canteen", "other")  # a grant comes by bank, unreceipted
    book_within_days: int = Field(default=3, ge=0)
    # The day these apply from; default: the day the books began (`started`); see Goods.since.
    since: Day | None = None


class Depreciation(Frozen):
    """折旧: which month an asset's depreciation starts (docs/assets.md). The default is the standard's
    (政府会计准则第3号: 当月增加的固定资产，当月开始计提折旧); `next_month` keeps books that were
    kept the enterprise way (从下月起计提)."""

    start: DepreciationStart = "same_month"


class Policy(Frozen):
    capitalisation: Capitalisation = Capitalisation()
    invoice_max_age_days: int = Field(default=180, ge=1)
    advance_settle_days: int = Field(default=30, ge=1)
    quote_threshold: MoneyOrZero = Decimal("5000.00")
    collective_decision_threshold: MoneyOrZero = Decimal("50000.00")
    # 一支笔 (学校一切开支，必须征得校长同意): the principal approves every purchase; a tier below which the
    # supervisor approves alone is a local policy the school writes down (docs/finance.md).
    principal_threshold: MoneyOrZero = Decimal("0.00")
    repair_open_days: int = Field(default=14, ge=1)
    label_layout: Text = "3x8"  # the A4 sticker sheet of asset labels (models/labels.py, docs/paper.md)
    disposal_authority_threshold: MoneyOrZero = Decimal("200000.00")
    supervised_categories: tuple[str, ...] = ("印刷耗材",)  # 主管审批复印和油印
    close_grace_days: int = Field(default=10, ge=0)
    # 三重一大: who sits in the leadership on a day, and the share of them a meeting needs (⅔).
    leadership_roles: tuple[str, ...] = ("principal", "vice_principal")
    collective_quorum: Fraction = Fraction(2, 3)
    # 来源去向清楚: where stock may come from besides a purchase (CG-…) or a stocktake (PD-…).
    stock_origins: tuple[str, ...] = ("捐赠", "调入", "期初结存")
    quotas: tuple[Quota, ...] = ()
    # 盘点: the director approves count differences up to this value; above it the principal too.
    stocktake_director_limit: MoneyOrZero = Decimal("500.00")
    stocktake_grace_days: int = Field(default=30, ge=0)
    # 书面上报校长室: the principal acknowledges a count's report within these days of the count; each
    # asset finding is resolved (damage case, write-off, move, recovery) within these (holidays not counted).
    stocktake_report_days: int = Field(default=15, ge=0)
    finding_resolve_days: int = Field(default=30, ge=0)
    # 稽核小组每学期稽核: an audit record per term within these days of its end, by at least this many
    # members; each finding answered within these days of the audit (holidays not counted).
    audit_grace_days: int = Field(default=30, ge=0)
    audit_min_members: int = Field(default=3, ge=1)
    audit_answer_days: int = Field(default=30, ge=0)
    # 安全: fire equipment inspected at least every these days (每月检查); items of these categories
    # issued only with two signatures (双人领发); the utilities every school has a named person for.
    fire_check_days: int = Field(default=31, ge=1)
    dual_issue_categories: tuple[str, ...] = ("危险化学品",)
    utilities: tuple[str, ...] = ("water", "electricity")
    # 食堂: 留样 of each dish at least these grams, kept these hours; who may eat with the students (陪餐);
    # the meals the canteen serves on each school day.
    sample_grams: Decimal = Decimal(125)
    sample_hours: int = Field(default=48, ge=1)
    meal_companions: tuple[str, ...] = ("principal", "vice_principal", "director")
    canteen_meals: tuple[Literal["breakfast", "lunch", "dinner"], ...] = ("lunch",)
    # 公车: fuel no more than this many litres per 100 km logged; 公务接待: at most this per head.
    fuel_per_100km: Decimal = Decimal(12)
    reception_per_head: MoneyOrZero = Decimal("100.00")
    stock_place: Text | None = None  # where consumables are counted (default: the first storeroom)
    canteen_margin: Decimal = Decimal("0.03")
    canteen_month_margin: Decimal = Decimal("0.10")  # 零盈利 watched monthly too, with a month's wider swing
    # 不分发结余性福利: a fund's payment whose purpose says one of these is a payout to staff, an error.
    welfare_words: tuple[Text, ...] = ("福利", "奖金", "补贴", "慰问", "分红", "结余分配", "过节费")
    tariffs: dict[str, MoneyOrZero] = Field(
        default_factory=lambda: {"electricity": Decimal("0.65"), "water": Decimal("3.50")}
    )  # 元 per kWh / per m³
    meter_spike: Decimal = Decimal("2.0")  # a period's daily use above this × the usual is warned (a leak?)
    sheets_per_pack: int = Field(default=500, ge=1)  # A4 paper: sheets in one 包
    # 商店: the price of each goods outside the school; the shop's price must stay below it (a warning).
    shop_references: dict[str, MoneyOrZero] = Field(default_factory=dict)
    # 代办费: items collected on behalf are settled within this many days of the term's end; 一费制: the
    # fees of a term per student stay within the limit the province sets (none set: not checked).
    fee_settle_days: int = Field(default=30, ge=0)
    # 代办费 settled on or after the term's last day (学期结束时结清), or up to these days before it.
    fee_settle_early_days: int = Field(default=0, ge=0)
    fee_limit_per_term: MoneyOrZero | None = None
    # 收支两条线: cash taken in is deposited to the bank in full within this many days (当日送存; 1: by the next day).
    cash_deposit_days: int = Field(default=1, ge=0)
    # 商店营业款: a day's takings are deposited (income of kind shop) within this many days (1: daily).
    shop_deposit_days: int = Field(default=1, ge=0)
    require_signed_commits: bool = False  # `houqin check --since` lists commits not signed (GPG/SSH) by a good key  # 食堂零盈利: a term's result within ±3% of its income
    signatures: SignatureRules = SignatureRules()
    goods: Goods = Goods()
    receipts: Receipts = Receipts()
    depreciation: Depreciation = Depreciation()

    @field_validator("collective_quorum", mode="before")
    @classmethod
    def _fraction(cls, value: Any) -> Fraction:
        if isinstance(value, Fraction):
            return value
        try:
            share = Fraction(str(value).strip())
        except (ValueError, ZeroDivisionError):
            raise PydanticCustomError("fraction", "a share like 2/3 or 0.5: {value}", {"value": value}) from None
        if not 0 < share <= 1:
            raise PydanticCustomError("fraction", "a share between 0 and 1: {value}", {"value": value})
        return share


class Config(Frozen):
    schema_: int = Field(default=SCHEMA_VERSION, alias="schema")
    school: School
    currency: Literal["CNY"] = "CNY"
    fiscal_year_start: Text = "01-01"
    office: Text | None = None
    # 账本启用日期: the day these books began; counts are expected only for terms from then on.
    started: Day | None = None
    terms: tuple[Term, ...] = ()
    # 校历: national holidays and make-up days (models/calendar.py); the shipped default when not written.
    calendar: SchoolCalendar = DEFAULT_CALENDAR
    policy: Policy = Policy()

    def term_of(self, day: dt.date) -> Term | None:
        for term in self.terms:
            if term.start <= day <= term.end:
                return term
        return None
