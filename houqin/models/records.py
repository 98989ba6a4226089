"""The dated records of a ledger, one class per kind, named in the school's words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, ClassVar, Literal

from pydantic import ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from houqin.models.base import (
    Count,
    Counted,
    Day,
    Frozen,
    Lined,
    Money,
    MoneyOrZero,
    Quantity,
    Record,
    Signed,
    SignedMoney,
    Text,
)


class Invoice(Lined):
    """发票: a fully digital invoice (数电票) has a 20-digit number; older ones a code and an 8-digit number."""

    number: Text
    code: Text | None = None
    date: Day
    amount: Money | None = None
    issuer: Text | None = None

    @property
    def key(self) -> str:
        return f"{self.code}-{self.number}" if self.code else self.number


# An account of the books, by its id in catalog.yaml (cash 现金, bank 银行存款, canteen 食堂 by default,
# and any the school lists): the finance check refuses an id the catalog does not know (FIN013).
Account = Text


class Payment(Frozen):
    """Paid by the cashier from an account on a day."""

    on: Day
    by: Text
    account: Account = "bank"
    sig: Text | None = None  # the cashier's SSHSIG of the payment's statement (docs/signatures.md)


class Asset(Signed):
    """固定资产卡片: one asset, or a lot of identical ones (desks, chairs) with a quantity."""

    prefix: ClassVar[str] = "ZC"

    name: Text
    category: Text
    model: Text | None = None
    unit: Text = "台"
    quantity: Count = 1
    unit_price: Money
    place: Text
    keeper: Text
    funding: Text
    supplier: Text | None = None
    invoice: Invoice | None = None
    purchase: Text | None = None
    # Without a purchase: where it came from (捐赠, 调入, 盘盈, 期初结存: policy.goods.asset_origins) and the
    # document that says so (捐赠协议、调拨单、盘点单号、期初资产清册).
    origin: Text | None = None
    document: Text | None = None
    below_threshold_reason: Text | None = None

    @property
    def value(self) -> Decimal:
        return self.unit_price * self.quantity


class Meeting(Frozen):
    """三重一大: the collective decision of the leadership — when, who attended, what was decided."""

    on: Day
    attendees: tuple[Text, ...] = Field(min_length=1)
    decision: Text


class Reimbursement(Signed):
    """报销单: a payment claim with its invoices and the three signatures (经手人、证明人、校长)."""

    prefix: ClassVar[str] = "BX"

    payee: Text
    amount: Money
    budget_line: Text
    purpose: Text
    invoices: tuple[Invoice, ...] = Field(min_length=1)
    purchase: Text | None = None
    advance: Text | None = None
    # The principal's own claim (docs/signatures.md): the leadership meeting that approved it, or the
    # superior authority's approval number, as policy.signatures.own_requests asks.
    meeting: Meeting | None = None
    authority: Text | None = None
    payment: Payment | None = None
    fee_item: Text | None = None  # 代办费: spent against this item collected on behalf (settled at term end)


class StockIn(Signed):
    """入库: consumables received into stock, from a purchase, a donation, or a count surplus."""

    prefix: ClassVar[str] = "RK"

    item: Text
    quantity: Quantity
    unit_price: Money
    supplier: Text | None = None
    origin: Text
    acceptor: Text
    delivered_by: Text | None = None  # 送货人: the supplier's contact, who neither accepts nor witnesses

    @property
    def value(self) -> Decimal:
        return self.quantity * self.unit_price


class StockOut(Signed):
    """领用/出库: consumables issued to a person or department for a purpose."""

    prefix: ClassVar[str] = "CK"

    item: Text
    quantity: Quantity
    receiver: Text
    department: Text | None = None
    purpose: Text
    issued_by: Text


class Return(Frozen):
    on: Day
    received_by: Text
    condition: Text | None = None


class Loan(Signed):
    """借用: an asset lent to a person until a due day, closed by its return (借还销号)."""

    prefix: ClassVar[str] = "JY"

    asset: Text
    quantity: Count = 1
    borrower: Text
    purpose: Text | None = None
    due: Day
    returned: Return | None = None


class Settlement(Frozen):
    on: Day
    expenses: tuple[Text, ...] = ()
    cash_returned: MoneyOrZero = Decimal("0.00")


class CashAdvance(Signed):
    """借款 (借条): cash advanced to a person with the principal's approval, settled within the policy's days."""

    prefix: ClassVar[str] = "JK"

    person: Text
    amount: Money
    purpose: Text
    meeting: Meeting | None = None  # the principal's own advance: see Reimbursement
    authority: Text | None = None
    payment: Payment | None = None
    settlement: Settlement | None = None


class Move(Signed):
    """调拨: all or part of an asset moved to another place and/or keeper, signed by both keepers."""

    prefix: ClassVar[str] = "DB"

    asset: Text
    quantity: Count | None = None
    from_place: Text | None = None
    to_place: Text
    to_keeper: Text
    reason: Text | None = None


class Disposal(Signed):
    """处置: 报废 (scrap), 转让/调出 (transfer) or 报损 (loss); once approved the quantity leaves the books."""

    prefix: ClassVar[str] = "CZ"

    asset: Text
    type: Literal["scrap", "transfer", "loss"]
    quantity: Count | None = None
    from_place: Text | None = None
    reason: Text
    recipient: Text | None = None
    authority: Text | None = None
    proceeds: MoneyOrZero | None = None


class RepairDone(Frozen):
    """维修完毕: what was done, what it cost and which reimbursement paid for it."""

    on: Day
    work: Text
    repairer: Text | None = None
    cost: MoneyOrZero | None = None
    expense: Text | None = None


class Repair(Signed):
    """报修单: a fault on an asset or in a place, closed by the reporter's acceptance (报修人验收签字)."""

    prefix: ClassVar[str] = "WX"

    asset: Text | None = None
    place: Text | None = None
    reporter: Text
    fault: Text
    done: RepairDone | None = None


class Responsible(Frozen):
    """Who caused the damage: a member of staff, or a student through class and guardian."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", str_strip_whitespace=True, populate_by_name=True, defer_build=True
    )

    type: Literal["staff", "student", "other"]
    name: Text
    class_: Text | None = Field(default=None, alias="class")
    guardian: Text | None = None


class Assessment(Frozen):
    on: Day
    by: Text
    amount: Money
    reason: Text | None = None


class DamageSettlement(Frozen):
    on: Day
    type: Literal["paid", "waived"]
    amount: Money | None = None
    receipt: Text | None = None
    income: Text | None = None


class Damage(Signed):
    """公物损坏赔偿 (谁损坏谁赔偿): the asset, who is responsible, the assessed amount, and payment or waiver."""

    prefix: ClassVar[str] = "PC"

    asset: Text
    responsible: Responsible
    description: Text
    assessed: Assessment | None = None
    settled: DamageSettlement | None = None


class PurchaseLine(Lined):
    """One line of a purchase request: a catalog consumable (`item`) or a new fixed asset (`asset`, with
    its GB/T `category`), a quantity and the estimated unit price."""

    item: Text | None = None
    asset: Text | None = None
    category: Text | None = None
    quantity: Quantity
    estimate: Money

    @model_validator(mode="after")
    def _one_thing(self) -> PurchaseLine:
        if (self.item is None) == (self.asset is None):
            raise PydanticCustomError("purchase_line", "a line names either an item (consumable) or an asset")
        if self.asset is not None and self.category is None:
            raise PydanticCustomError("purchase_line", "a new asset needs its category (GB/T 14885 code)")
        return self

    @property
    def total(self) -> Decimal:
        return self.quantity * self.estimate


class Quote(Lined):
    """报价 (货比三家): one supplier's price for the whole request."""

    supplier: Text
    amount: Money
    on: Day


class Acceptance(Frozen):
    """验收: the goods arrived and were counted by the acceptor in front of a witness."""

    on: Day
    acceptor: Text
    witness: Text
    supplier: Text | None = None


class Purchase(Signed):
    """请购单: a department's request, approved up the chain by amount, bought centrally and accepted (验收);
    acceptance produces the stock-in records (origin: this id) and asset cards (purchase: this id)."""

    prefix: ClassVar[str] = "CG"

    department: Text
    requester: Text
    budget_line: Text
    purpose: Text
    lines: tuple[PurchaseLine, ...] = Field(min_length=1)
    quotes: tuple[Quote, ...] = ()
    meeting: Meeting | None = None
    authority: Text | None = None  # the principal's own request: the superior's approval number
    accepted: Acceptance | None = None

    @property
    def estimate(self) -> Decimal:
        return sum((line.total for line in self.lines), Decimal("0.00"))


class Adjustment(Lined):
    """盘盈/盘亏 of a consumable, approved: the book quantity on the count day becomes the counted one."""

    item: Text
    book: Counted
    counted: Counted
    unit_cost: MoneyOrZero

    @property
    def difference(self) -> Decimal:
        return self.counted - self.book

    @property
    def value(self) -> Decimal:
        return self.difference * self.unit_cost


FINDINGS = ("missing", "wrong_place", "wrong_keeper", "surplus", "short", "over", "condition")


class Finding(Lined):
    """What the count found wrong with an asset, and what is to be done: find it, scrap it, move it on
    the books, register it (盘盈), repair it."""

    asset: Text | None = None
    name: Text | None = None
    place: Text
    kind: Literal["missing", "wrong_place", "wrong_keeper", "surplus", "short", "over", "condition"]
    action: Literal["find", "scrap", "move", "register", "repair", "none"] = "none"
    book: Counted | None = None
    counted: Counted | None = None
    detail: Text | None = None


class Stocktake(Signed):
    """盘点: the count at the start (期初清点) or end (期末全面检查) of a term, signed by the counters, with
    the consumable adjustments approved per policy and the findings reported to the principal."""

    prefix: ClassVar[str] = "PD"

    term: Text
    at: Literal["term-start", "term-end"] = "term-end"
    places: tuple[Text, ...] = Field(min_length=1)
    counted_by: tuple[Text, ...] = Field(min_length=1)
    adjustments: tuple[Adjustment, ...] = ()
    findings: tuple[Finding, ...] = ()

    @property
    def adjusted_value(self) -> Decimal:
        return sum((abs(a.value) for a in self.adjustments), Decimal("0.00"))


class Deduction(Lined):
    """Money kept back from a receipt and spent on the spot: 坐收坐支, which the rules forbid (R12)."""

    purpose: Text
    amount: Money


class Income(Signed):
    """收入: every receipt goes into an account of the books (收支两条线) — fees (only items approved and
    published, 收费公示), damage compensation, canteen receipts, grants, other."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", str_strip_whitespace=True, populate_by_name=True, defer_build=True
    )
    prefix: ClassVar[str] = "SR"

    kind: Literal["fee", "compensation", "canteen", "grant", "shop", "other"]
    amount: Money
    account: Account = "bank"
    payer: Text
    received_by: Text
    purpose: Text | None = None
    fee_item: Text | None = None
    class_: Text | None = Field(default=None, alias="class")
    students: int | None = Field(default=None, ge=1)
    damage: Text | None = None
    deductions: tuple[Deduction, ...] = ()
    # 及时开票，及时入帐: the number of the receipt (收据) written for it, from a book its recorder holds,
    # and the day it was written when that is not the day it is booked.
    receipt: int | None = Field(default=None, ge=1)
    receipt_date: Day | None = None
    # 商店营业款解缴 (kind shop): the days of sales whose takings this deposits, from and to.
    takings_from: Day | None = None
    takings_to: Day | None = None
    # 少补: a class's top-up collected against its 代办费 settlement (JS-…), not a fee at the published rate.
    settlement: Text | None = None

    @property
    def receipted(self) -> dt.date:
        return self.receipt_date or self.date


class ReceiptBook(Signed):
    """票据领用登记: a book of numbered receipts (收据, `first` to `last`) issued to a person, who alone
    writes its receipts and returns the book with every copy, the spoiled ones marked void. Signed by
    the accountant who issues it (发放人) and the holder who receives it (领用人签收)."""

    prefix: ClassVar[str] = "PJ"

    first: int = Field(ge=1)
    last: int = Field(ge=1)
    holder: Text
    issued_by: Text
    series: Text | None = None

    @model_validator(mode="after")
    def _range(self) -> ReceiptBook:
        if self.last < self.first:
            raise PydanticCustomError(
                "receipt_range", "the last number is below the first: {value}", {"value": self.last}
            )
        return self

    def holds(self, number: int) -> bool:
        return self.first <= number <= self.last


class ReceiptVoid(Signed):
    """作废收据: a receipt spoiled and voided by its book's holder, every copy kept in the book; signed by
    the holder who voids it and the accountant who sees every copy and approves it (会计核实)."""

    prefix: ClassVar[str] = "ZF"

    number: int = Field(ge=1)
    by: Text
    reason: Text
    copies_kept: bool = True


class FeeItem(Lined):
    """One fee the school may collect, per student, on the authority of a document (收费依据); an item
    collected on behalf (代办费: workbooks, insurance, milk) is spent against and settled at term end."""

    id: Text
    name: Text
    amount: Money
    basis: Text | None = None
    on_behalf: bool = False


class ClassBalance(Lined):
    """One class's 代办费 at term end: what it paid, its share of what was spent (by head), and the
    difference — refunded when it paid more (多退), topped up when less (少补)."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", str_strip_whitespace=True, populate_by_name=True, defer_build=True
    )

    class_: Text = Field(alias="class")
    students: int = Field(ge=1)
    collected: MoneyOrZero
    spent: MoneyOrZero
    refund: MoneyOrZero = Decimal("0.00")  # 多退
    top_up: MoneyOrZero = Decimal("0.00")  # 少补


class FeeSettlement(Signed):
    """代办费结算: an item collected on behalf, settled at term end — collected, spent against it, and each
    class's refund or top-up (多退少补), published (公示) where the fee notice was; prepared by the
    accountant and approved by the principal before any refund is paid or top-up collected."""

    prefix: ClassVar[str] = "JS"

    term: Text
    fee_item: Text
    collected: MoneyOrZero
    spent: MoneyOrZero
    classes: tuple[ClassBalance, ...] = Field(min_length=1)
    by: Text
    published: Day
    where: Text
    refunded: Payment | None = None  # 多退: the refunds paid back to the classes, by the cashier, from an account

    @property
    def refunds(self) -> Decimal:
        return sum((c.refund for c in self.classes), Decimal("0.00"))


class FeeNotice(Signed):
    """收费公示: the fee items of a term, approved by the principal and published before any is collected."""

    prefix: ClassVar[str] = "GS"

    term: Text
    items: tuple[FeeItem, ...] = Field(min_length=1)
    published: Day
    where: Text


class CountDecision(Frozen):
    """校长的处理决定 on a cash count that differs from the books (由出纳赔偿、报批核销、转入其他收入 …)."""

    on: Day
    by: Text
    decision: Text


class BalanceAssertion(Record):
    """对账: the cashier counted (or the bank statement says) this balance at the end of the day. A cash
    count that differs from the books and stands (现金短缺/溢余) records the books' figure beside it; the
    difference is booked on the day and awaits the principal's decision."""

    prefix: ClassVar[str] = "DZ"

    account: Account
    amount: MoneyOrZero
    books: MoneyOrZero | None = None
    by: Text
    decision: CountDecision | None = None

    @property
    def difference(self) -> Decimal:
        """Counted minus the books (below zero: a shortage); zero when no difference was recorded, and
        for any account but cash, whose differences are never booked."""
        if self.books is None or self.account != "cash":
            return Decimal("0.00")
        return self.amount - self.books


class Transfer(Record):
    """提现/存现/转账: money moved between two accounts of the books by the cashier (现金 ↔ 银行存款)."""

    prefix: ClassVar[str] = "ZZ"

    from_account: Account
    to_account: Account
    amount: Money
    by: Text
    purpose: Text | None = None


class BudgetAdjustment(Signed):
    """预算调整: a budget line raised (or cut) for a year, approved by the principal."""

    prefix: ClassVar[str] = "TZ"

    budget_line: Text
    year: int = Field(ge=2000, le=2100)
    amount: SignedMoney
    reason: Text


class Close(Signed):
    """月结 (每月清结): a month's books closed as they stood at its end — a fingerprint of every record
    dated in the month and of every earlier record with a step (a signature, a payment, a return …) dated
    in it, each without the steps dated after the month, and a digest chained to the previous close, so a
    later change to what was sealed is caught (R15, R16) while later steps on open items are not."""

    prefix: ClassVar[str] = "JZ"

    month: Text
    closed_by: Text
    seal: int = Field(default=1, ge=1)  # how its fingerprints were taken (models/closing.py); 1 if absent
    records: int = Field(ge=0)
    fingerprints: tuple[Text, ...] = ()
    previous: Text | None = None
    digest: Text


class Reopen(Signed):
    """重新开账: a closed month opened again, for a reason, with the principal's approval."""

    prefix: ClassVar[str] = "KZ"

    month: Text
    close: Text | None = None  # the close it reopens (older reopenings name none: see models/closing.py)
    reason: Text


class OpeningBalance(Lined):
    """An account's balance carried into the year (上年结转): what it held at the closed year's end."""

    account: Text
    amount: MoneyOrZero


class OpeningStock(Lined):
    """An item's stock on hand carried into the year, with its value at cost (期初结存)."""

    item: Text
    quantity: Counted
    value: MoneyOrZero


class OpeningHolding(Lined):
    """Where some of an asset stood at the closed year's end, and who kept it."""

    place: Text
    keeper: Text
    quantity: Count


class OpeningAsset(Lined):
    """An asset on the books at the closed year's end: where it stood, and its accumulated depreciation
    (累计折旧) and net value (净值) then."""

    asset: Text
    holdings: tuple[OpeningHolding, ...]
    depreciation: MoneyOrZero
    net: MoneyOrZero


class YearOpening(Signed):
    """年终结账、新年开账: the books of every year up to `closed` closed, and the year `year` opened with
    what it needs of them — the accounts' balances, the stock on hand with its cost, the asset register
    with its depreciation, the open items (copied into the new year's files: their fingerprints as they
    stood at the year's end), the invoice numbers a later claim may not use again, and a fingerprint
    of every file of the closed years — under a digest chained to the closed year's last close. Checks,
    writes and reports of the open year read this and the open year's files; `houqin check --full`
    reads every year (models/year_close.py, docs/finance.md "The year-end close")."""

    prefix: ClassVar[str] = "NJ"

    year: int = Field(ge=1900)
    closed: int = Field(ge=1900)
    closed_by: Text
    balances: tuple[OpeningBalance, ...] = ()
    stock: tuple[OpeningStock, ...] = ()
    assets: tuple[OpeningAsset, ...] = ()
    carried: tuple[Text, ...] = ()
    invoices: tuple[Text, ...] = ()
    last_ids: tuple[Text, ...] = ()  # the highest id of each kind and closed year: never given again
    receipts: tuple[Text, ...] = ()  # 'BOOK N': a carried receipt book's numbers up to N were used by then
    files: tuple[Text, ...] = ()
    previous: Text | None = None
    digest: Text


class MeterReading(Record):
    """抄表 (水电表要每期一查): a meter's reading on a day, by whom; a reading below the previous one needs
    the reason (a new meter: `replaced`, with the old meter's final reading)."""

    prefix: ClassVar[str] = "CB"

    meter: Text
    reading: Counted
    reader: Text
    replaced: bool = False
    reason: Text | None = None


class PatrolFinding(Lined):
    """One thing a round found: where, what kind, what; a repair ticket or a damage case it opened, and
    the day it was dealt with."""

    place: Text
    kind: Literal["safety", "hygiene", "damage", "fire", "other"]
    text: Text
    repair: Text | None = None
    damage: Text | None = None
    resolved: Day | None = None


class Patrol(Record):
    """每日巡视: the day's round — who walked, which places, what was found."""

    prefix: ClassVar[str] = "XS"

    inspector: Text
    places: tuple[Text, ...] = Field(min_length=1)
    findings: tuple[PatrolFinding, ...] = ()


class PrintJob(Signed):
    """文印 (主管审批复印和油印): a print job — who, how many pages and copies, on which paper, what for —
    approved by the supervisor before it is done."""

    prefix: ClassVar[str] = "WY"

    requester: Text
    department: Text
    pages: int = Field(ge=1)
    copies: int = Field(ge=1)
    paper: Text
    purpose: Text
    done: Day | None = None

    @property
    def sheets(self) -> int:
        return self.pages * self.copies


class ShopBatch(Record):
    """商店进货台帐: one batch bought from a supplier named in full (real-name: licence or ID number), with
    its invoice, purchase and sale price side by side (进售双价), production date and shelf life."""

    prefix: ClassVar[str] = "SD"

    goods: Text
    batch: Text
    quantity: Quantity
    unit: Text = "件"
    cost: Money
    price: Money
    produced: Day
    shelf_life_days: int = Field(ge=1)
    supplier: Text
    supplier_id: Text
    acceptor: Text
    invoice: Invoice | None = None
    paid: Payment | None = None  # 货款: paid by the cashier from an account of the books (一套账)

    @property
    def value(self) -> Decimal:
        return self.quantity * self.cost

    @property
    def expires(self) -> dt.date:
        return self.produced + dt.timedelta(days=self.shelf_life_days)


class ShopSale(Record):
    """商店销售: what a day sold of a batch — or, with `removed`, took off the shelf unsold (下架: expired or
    spoiled goods leave the shelf this way, never by being sold)."""

    prefix: ClassVar[str] = "XH"

    batch: Text
    quantity: Quantity
    seller: Text
    removed: bool = False


class MilkOrder(Record):
    """学生奶订购: a class's order for a term — how many students, how many cartons, the published fee item."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", str_strip_whitespace=True, populate_by_name=True, defer_build=True
    )
    prefix: ClassVar[str] = "DN"

    term: Text
    class_: Text = Field(alias="class")
    students: int = Field(ge=1)
    cartons: int = Field(ge=1)
    fee_item: Text


class MilkDelivery(Record):
    """学生奶配送: cartons delivered to a class on a day, received by whom."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", str_strip_whitespace=True, populate_by_name=True, defer_build=True
    )
    prefix: ClassVar[str] = "SN"

    class_: Text = Field(alias="class")
    cartons: int = Field(ge=1)
    received_by: Text


def requester_of(r: Signed) -> str | None:
    """Whose request a record is — the borrower of an advance, the payee of a claim, the requester of
    a purchase — so that nobody approves their own (SOD003) and the principal's own take their route."""
    if isinstance(r, CashAdvance):
        return r.person
    if isinstance(r, Reimbursement):
        return r.payee
    if isinstance(r, Purchase):
        return r.requester
    return None


def principals_own(ledger_holds: Callable[[str, str, dt.date], bool], r: Signed) -> bool:
    """Is `r` a request of a person holding the principal's role on its day (校长本人的)?"""
    requester = requester_of(r)
    return requester is not None and ledger_holds(requester, "principal", r.date)


# --- the rest of the office (issue #18)


class Recovery(Record):
    """盘点问题处理: an asset a count found missing or out of place that was found again, or put back where
    the books have it (找回、归位), recorded by the keeper; with a damage case, a write-off (报损) or a move,
    one of the ways a count's finding is resolved (docs/office.md)."""

    prefix: ClassVar[str] = "ZH"

    stocktake: Text
    asset: Text
    place: Text
    by: Text
    detail: Text


class AuditAnswer(Lined):
    """被稽核方的答复: the answer to one of an audit's findings (numbered from 1), by whom and when. Recorded
    after the members signed, so it is left out of what they signed (models/statements.py: LATER)."""

    finding: int = Field(ge=1)
    on: Day
    by: Text
    text: Text


class Audit(Signed):
    """稽核记录 (稽核小组每学期稽核): the audit group's work for a term — its members (holding the auditor
    role, neither the accountant nor the cashier), the day, what was audited, what was found and each
    finding's answer; signed by every member (step `auditor`, once per member)."""

    prefix: ClassVar[str] = "JH"

    term: Text
    members: tuple[Text, ...] = Field(min_length=1)
    scope: Text
    findings: tuple[Text, ...] = ()
    answers: tuple[AuditAnswer, ...] = ()


class FireCheckItem(Lined):
    """One piece of fire equipment as the inspector found it: in order (ok), or not (fault, with what)."""

    equipment: Text
    result: Literal["ok", "fault"] = "ok"
    detail: Text | None = None


class FireCheck(Record):
    """消防设施检查 (消防设施等进行检查): a round of the fire equipment — extinguishers' pressure and seals,
    hydrants, alarms — by the inspector, each item's result recorded."""

    prefix: ClassVar[str] = "XF"

    inspector: Text
    items: tuple[FireCheckItem, ...] = Field(min_length=1)


class Responsibility(Signed):
    """保管责任书 (责任到人): a place's keeper takes charge of it and of what is kept there for a school year
    (2026-2027); issued by the director and signed by the keeper (steps director → responsible)."""

    prefix: ClassVar[str] = "ZR"

    year: Text
    place: Text
    keeper: Text


# --- 食堂食品安全 (issue #18 item 3)

CLOCK_TIME = r"^([01]\d|2[0-3]):[0-5]\d$"  # 11:40


class FoodLine(Lined):
    """一种食材: what was received, how much and for how much, and its batch's certificate (索票: the
    检验检疫合格证明 or the 出厂检验合格证 number)."""

    name: Text
    quantity: Quantity
    unit: Text
    amount: MoneyOrZero
    certificate: Text | None = None


class FoodReceipt(Record):
    """食材进货验收 (索证索票): food accepted into the canteen from a supplier whose licence (食品经营许可证 or
    营业执照) is recorded, each batch with its certificate; the acceptor signs for it."""

    prefix: ClassVar[str] = "SC"

    supplier: Text
    licence: Text | None = None
    lines: tuple[FoodLine, ...] = Field(min_length=1)
    acceptor: Text

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal("0.00"))


class Sample(Lined):
    """留样: one dish's sample, in grams."""

    dish: Text
    grams: Quantity


class Discard(Frozen):
    """留样销毁: when the samples were thrown away, and by whom."""

    on: Day
    at: Annotated[str, Field(pattern=CLOCK_TIME)]
    by: Text


class Meal(Record):
    """每餐记录 (食堂): a meal served — how many students ate, each dish sampled (留样: weight, time,
    keeper) and when the samples were discarded, the school leaders who ate with the students (陪餐),
    and the canteen staff on duty (each with a valid 健康证)."""

    prefix: ClassVar[str] = "CC"

    meal: Literal["breakfast", "lunch", "dinner"] = "lunch"
    served: Count
    samples: tuple[Sample, ...] = Field(min_length=1)
    sampled_at: Annotated[str, Field(pattern=CLOCK_TIME)]
    sample_keeper: Text
    discarded: Discard | None = None
    accompanied_by: tuple[Text, ...] = ()
    staff: tuple[Text, ...] = ()


class HealthCertificate(Record):
    """健康证明 (食品从业人员健康证): a canteen worker's certificate, valid from its date until `until`."""

    prefix: ClassVar[str] = "HZ"

    person: Text
    number: Text
    until: Day


# --- 公车与公务接待 (issue #18 item 4)


class Trip(Signed):
    """出车登记 (公车使用): a trip of a school vehicle — driver, purpose, where, the odometer before and
    after — approved before it set out (step `supervisor`). Requested before the day without the
    odometer (用车申请), the readings are logged on its return (houqin vehicle return)."""

    prefix: ClassVar[str] = "CL"

    vehicle: Text
    driver: Text
    purpose: Text
    destination: Text
    odometer_start: Counted | None = None
    odometer_end: Counted | None = None

    @property
    def logged(self) -> bool:
        return self.odometer_start is not None and self.odometer_end is not None

    @property
    def km(self) -> Decimal:
        if self.odometer_start is None or self.odometer_end is None:
            return Decimal(0)
        return self.odometer_end - self.odometer_start


class VehicleCost(Record):
    """车辆费用 (加油、维修保养): a cost of a vehicle, with the claim that paid it and, for fuel, the litres
    and the odometer at the pump — checked against the vehicle's trip log."""

    prefix: ClassVar[str] = "CF"

    vehicle: Text
    type: Literal["fuel", "maintenance"]
    amount: Money
    expense: Text
    odometer: Counted
    litres: Quantity | None = None


class Reception(Signed):
    """公务接待: an official visit received — the visitors' unit and their official letter (公函), the
    guest list, the school's staff at table, what it cost and the claim that paid it; approved by the
    principal before the event."""

    prefix: ClassVar[str] = "JD"

    guest_unit: Text
    letter: Text | None = None
    guests: tuple[Text, ...] = ()
    staff: tuple[Text, ...] = ()
    amount: Money
    expense: Text | None = None
