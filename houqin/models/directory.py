"""The people, places and catalog a ledger refers to (people.yaml, places.yaml, catalog.yaml)."""

from __future__ import annotations

import datetime as dt
import re
import typing
import unicodedata
from decimal import Decimal
from typing import Any, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from houqin.models.base import Day, Frozen, Lined, MoneyOrZero, Text

# The roles a person may hold: written once, as the type people.yaml is validated against; ROLES is
# the same list for code that iterates it.
Role = Literal[
    "principal",
    "vice_principal",
    "director",
    "department_head",
    "accountant",
    "cashier",
    "keeper",
    "clerk",
    "teacher",
    "auditor",
    "staff",
]
ROLES: tuple[str, ...] = typing.get_args(Role)


class RoleSpan(Frozen):
    """A role held from a day until a day (both optional: open-ended)."""

    role: Role
    since: Day | None = None
    until: Day | None = None

    @model_validator(mode="before")
    @classmethod
    def _plain(cls, data: Any) -> Any:
        return {"role": data} if isinstance(data, str) else data

    def covers(self, day: dt.date) -> bool:
        return (self.since is None or self.since <= day) and (self.until is None or day <= self.until)


class PersonKey(Lined):
    """One of a person's OpenSSH public keys (docs/signatures.md): the key line, the day it was
    registered and, once revoked, the day it stopped. `sig` is the principal's key signature over the
    registration (the anchor's: its own); `revoke_sig` the one over the revocation. Whether the line
    reads, and whether the signatures verify, is the keys check's business (file:line diagnostics)."""

    key: Text
    added: Day
    revoked: Day | None = None
    anchor: bool = False
    sig: Text | None = None
    revoke_sig: Text | None = None

    def valid_on(self, day: dt.date) -> bool:
        return self.added <= day and (self.revoked is None or day < self.revoked)


class Person(Lined):
    """A member of staff. The name is the key every record signs with; homonyms get a suffix (张伟2)."""

    name: Text
    roles: tuple[RoleSpan, ...] = ()
    keys: tuple[PersonKey, ...] = ()
    department: Text | None = None
    joined: Day | None = None
    left: Day | None = None
    phone: Text | None = None

    def active_on(self, day: dt.date) -> bool:
        return (self.joined is None or self.joined <= day) and (self.left is None or day < self.left)

    def holds(self, role: str, day: dt.date) -> bool:
        return self.active_on(day) and any(r.role == role and r.covers(day) for r in self.roles)


class Place(Lined):
    """A room or area where assets stand (教室、办公室、功能室、库房、操场), with its keeper (责任到人)."""

    id: Text
    name: Text
    kind: Literal["classroom", "office", "function", "sports", "storeroom", "building", "outdoor", "other"]
    building: Text | None = None
    keeper: Text
    active: bool = True


class Item(Lined):
    """A consumable (易耗品) kept in stock, counted in its unit."""

    id: Text
    name: Text
    unit: Text
    category: Text
    reorder_level: int = Field(default=0, ge=0)


_CATEGORY_CODE = re.compile(r"^A0[1-7]\d{0,8}$")


class AssetCategory(Lined):
    """A GB/T 14885-2022 class the school uses; `life_years` drives depreciation (0: not depreciated)."""

    code: Text
    name: Text
    life_years: int = Field(ge=0)
    special: bool = False
    unit: Text | None = None  # 计量单位 of its assets when none is given (default: by class, asset_codes.yaml)

    @field_validator("code")
    @classmethod
    def _code(cls, value: str) -> str:
        if not _CATEGORY_CODE.match(value):
            raise PydanticCustomError("category_code", "not a GB/T 14885 code: {value}", {"value": value})
        return value


def category_code_ok(code: str) -> bool:
    return bool(_CATEGORY_CODE.match(code))


class BudgetLine(Lined):
    """A line of the year's budget (政府支出经济分类 codes, e.g. 30201 办公费)."""

    id: Text
    name: Text
    year: int = Field(ge=2000, le=2100)
    amount: MoneyOrZero


ACCOUNT_KINDS = ("cash", "bank", "fund")
# The three accounts every ledger has, and their kinds: a school lists more in catalog.yaml (a second
# bank account, the shop's till, the canteen's card account, the 代办费 account), each with its kind.
DEFAULT_ACCOUNT_KINDS = {"cash": "cash", "bank": "bank", "canteen": "fund"}


class Account(Lined):
    """An account of the one set of books (一本帐): its kind — cash (现金, a till or a safe), bank (银行存款)
    or fund (a fund kept apart inside the books: the canteen's 伙食费, the 代办费 collected on behalf) —, the
    role of the person who keeps it (the cashier, by default), and the balance it opened with."""

    id: Text
    name: Text
    kind: Literal["cash", "bank", "fund"] | None = Field(default=None, validate_default=True)  # see _kind_known
    keeper: Text = "cashier"
    opening: MoneyOrZero = Decimal("0.00")
    opened: Day | None = None
    # A fund's own spending lines (the canteen's 食材、燃料…): its money is spent on these, never on the
    # school's public budget lines, and they are kept out of the budget's execution.
    lines: tuple[Text, ...] = ()

    @field_validator("keeper")
    @classmethod
    def _a_role(cls, value: str) -> str:
        if value not in ROLES:
            raise PydanticCustomError("unknown_role", "not a role: {value}", {"value": value})
        return value

    @field_validator("kind")
    @classmethod
    def _kind_known(cls, value: str | None, info: ValidationInfo) -> str | None:
        """cash, bank and canteen have their kinds by default; any other account says its own."""
        named = info.data.get("id")
        if value is None and isinstance(named, str) and named not in DEFAULT_ACCOUNT_KINDS:
            raise PydanticCustomError("account_kind", "account {value} says its kind", {"value": named})
        return value

    @property
    def nature(self) -> str:
        """Its kind: as written, or the default of cash, bank and canteen."""
        return self.kind or DEFAULT_ACCOUNT_KINDS[self.id]


class Meter(Lined):
    """A water or electricity meter (水电表) of a building or place; `serves` is how many people it serves
    (for consumption per head)."""

    id: Text
    name: Text
    kind: Literal["electricity", "water"]
    place: Text
    serves: int | None = Field(default=None, ge=1)


class VoucherAccount(Lined):
    """One line of the voucher account map (docs/finance.md): what houqin posts (`role`: cash, expense,
    assets …) to which account of the school's 政府会计制度 chart, by its code and name. catalog.yaml lists
    only what differs from the 制度's defaults (models/vouchers.py)."""

    role: Text
    code: Text
    name: Text


class FireEquipment(Lined):
    """消防设施: an extinguisher, a hydrant or an alarm at a place, with the day it must be replaced
    (灭火器有效期/报废年限) where it has one."""

    id: Text
    kind: Literal["extinguisher", "hydrant", "alarm", "other"]
    place: Text
    expires: Day | None = None


class Vehicle(Lined):
    """公车: a school vehicle, its plate as the id, and the person responsible for it."""

    id: Text
    name: Text
    keeper: Text | None = None


class Utility(Lined):
    """水、电、气、炉等有专人负责: one of the school's utilities and the person responsible for it."""

    kind: Literal["water", "electricity", "gas", "boiler"]
    responsible: Text | None = None
    place: Text | None = None


DEFAULT_ACCOUNTS = (
    Account(id="cash", name="现金"),
    Account(id="bank", name="银行存款"),
    Account(id="canteen", name="食堂"),
)


def account_names(accounts: tuple[Account, ...]) -> dict[str, str]:
    """Each account's name as the school writes it in catalog.yaml, the default where it lists none."""
    return {a.id: a.name for a in (*DEFAULT_ACCOUNTS, *accounts)}


def fund_lines(accounts: tuple[Account, ...]) -> dict[str, str]:
    """Each fund's own spending line → the fund's account id."""
    return {line: a.id for a in all_accounts(accounts).values() for line in a.lines}


def all_accounts(accounts: tuple[Account, ...]) -> dict[str, Account]:
    """Every account of the books by id: the three defaults, and those catalog.yaml lists (which win)."""
    return {a.id: a for a in (*DEFAULT_ACCOUNTS, *accounts)}


class Catalog(Frozen):
    items: tuple[Item, ...] = ()
    accounts: tuple[Account, ...] = DEFAULT_ACCOUNTS
    meters: tuple[Meter, ...] = ()
    fire_equipment: tuple[FireEquipment, ...] = ()  # 消防设施 (issue #18)
    utilities: tuple[Utility, ...] = ()  # 水、电、气、炉的专人
    vehicles: tuple[Vehicle, ...] = ()  # 公车
    asset_categories: tuple[AssetCategory, ...] = ()
    budget_lines: tuple[BudgetLine, ...] = ()
    funding_sources: tuple[Text, ...] = ("财政拨款", "自筹资金", "捐赠", "上级调拨")
    voucher_accounts: tuple[VoucherAccount, ...] = ()


# Characters that look alike in a name (a variant, a traditional form, a Cyrillic or Greek letter for a
# Latin one) mapped to one form; NFKC already folds full-width letters and digits, compatibility
# ideographs and Kangxi radicals. Not a full traditional→simplified table: the characters of names.
_LOOKALIKE = str.maketrans(
    "囯國圀喆堃峯島嶋張陳劉黃趙吳孫楊鄭馬羅鄧許謝韓馮蔣蕭葉蘇盧錢華偉紅麗強軍東劍龍鳳雲輝傑濤興鵬廣貴寶靜蘭嬌鋒義慶榮發濱彥長學書門鄉聰穎飛"
    "аеорсхіјԁһкмтуАВЕКМНОРСТХУΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "国国国哲坤峰岛岛张陈刘黄赵吴孙杨郑马罗邓许谢韩冯蒋萧叶苏卢钱华伟红丽强军东剑龙凤云辉杰涛兴鹏广贵宝静兰娇锋义庆荣发滨彦长学书门乡聪颖飞"
    "aeopcxijdhkmtyABEKMHOPCTXYABEZHIKMNOPTYX",
)


def _hidden(c: str) -> bool:
    """A character that prints as nothing or as a blank (zero-width, joiners, BOM, controls, spaces)."""
    return unicodedata.category(c) in ("Cf", "Cc", "Zs", "Zl", "Zp") or c.isspace()


def invisible_characters(name: str) -> list[str]:
    """The characters of a name that do not show."""
    return [c for c in name if _hidden(c)]


def name_skeleton(name: str) -> str:
    """What a name looks like: NFKC, no invisible characters, look-alikes folded, case folded."""
    shown = "".join(c for c in unicodedata.normalize("NFKC", name) if not _hidden(c))
    return shown.translate(_LOOKALIKE).casefold()
