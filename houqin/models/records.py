"""The dated records of a ledger, one class per kind, named in the school's words."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar, Literal

from pydantic import ConfigDict, Field

from houqin.models.base import Count, Day, Frozen, Lined, Money, Quantity, Signed, Text


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


class Payment(Frozen):
    """Paid by the cashier from an account on a day."""

    on: Day
    by: Text
    account: Literal["cash", "bank"] = "bank"


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
    below_threshold_reason: Text | None = None

    @property
    def value(self) -> Decimal:
        return self.unit_price * self.quantity


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
    payment: Payment | None = None


class StockIn(Signed):
    """入库: consumables received into stock, from a purchase, a donation, or a count surplus."""

    prefix: ClassVar[str] = "RK"

    item: Text
    quantity: Quantity
    unit_price: Money
    supplier: Text | None = None
    origin: Text
    acceptor: Text


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
    cash_returned: Money = Decimal("0.00")


class CashAdvance(Signed):
    """借款 (借条): cash advanced to a person with the principal's approval, settled within the policy's days."""

    prefix: ClassVar[str] = "JK"

    person: Text
    amount: Money
    purpose: Text
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
    proceeds: Money | None = None


class RepairDone(Frozen):
    """维修完毕: what was done, what it cost and which reimbursement paid for it."""

    on: Day
    work: Text
    repairer: Text | None = None
    cost: Money | None = None
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

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True, populate_by_name=True)

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
