"""The named checks, in the order they run. An immutable tuple: adding a check is an edit here.

Each check is one or more parts, and each part says what it reads (see checks/engine.py): that is
what lets an unchanged part's findings be reused. A part that reads a kind it does not declare
fails (UndeclaredRead), so a declaration here cannot silently be too narrow."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, overload

from houqin.checks import (
    advances,
    approvals,
    assets,
    audit,
    budget,
    calendar,
    capitalisation,
    closes,
    damages,
    dates,
    duties,
    fees,
    finance,
    food_safety,
    ids,
    invoices,
    keys,
    loans,
    office,
    purchases,
    receipts,
    refs,
    repairs,
    responsibility,
    safety,
    shop,
    signatures,
    stock,
    stocktake,
    vehicles,
    year_close,
)
from houqin.checks.engine import CheckFn, DatedCheckFn, Part
from houqin.checks.names import BY_NAME
from houqin.checks.names import CHECK_NAMES as NAMES
from houqin.models.base import Record
from houqin.models.closing import UNSEALED
from houqin.models.kinds import ALL_KINDS, kinds, linked_kinds
from houqin.models.records import (
    Asset,
    Audit,
    BalanceAssertion,
    BudgetAdjustment,
    CashAdvance,
    Damage,
    Disposal,
    FeeNotice,
    FeeSettlement,
    FireCheck,
    FoodReceipt,
    HealthCertificate,
    Income,
    Loan,
    Meal,
    MeterReading,
    MilkDelivery,
    MilkOrder,
    Move,
    Patrol,
    PrintJob,
    Purchase,
    ReceiptBook,
    ReceiptVoid,
    Reception,
    Reimbursement,
    Repair,
    ShopBatch,
    ShopSale,
    StockIn,
    StockOut,
    Stocktake,
    Transfer,
    Trip,
    VehicleCost,
)

CLOSE_BOOKS = UNSEALED  # the closes and reopenings, which a close does not seal
# What the signatures by key of a file see: the closes, but for the closes' own files (a close seals no close).
SIGNED_SEES: dict[str, frozenset[str]] = {"*": CLOSE_BOOKS} | {kind: frozenset[str]() for kind in CLOSE_BOOKS}
SEALED = ALL_KINDS - UNSEALED
ASSET_EVENTS = kinds(Asset, Move, Loan, Disposal)  # what the asset replay reads
EVENTS = kinds(Move, Loan, Disposal)  # what the replay of one file's cards sees of the whole ledger
STOCK = kinds(StockIn, StockOut, Stocktake)  # what stock_moves reads
MONEY = kinds(
    CashAdvance, Income, Reimbursement, Transfer, BalanceAssertion, ShopBatch, FeeSettlement
)  # what money_flow.flows reads
Reads = type[Record] | frozenset[str]  # a kind, by its model, or a set of kinds


@overload
def whole(run: DatedCheckFn, *reads: Reads, dated: Literal[True], by_ids: bool = False) -> Part: ...
@overload
def whole(run: CheckFn, *reads: Reads, dated: Literal[False] = False, by_ids: bool = False) -> Part: ...
def whole(run: CheckFn | DatedCheckFn, *reads: Reads, dated: bool = False, by_ids: bool = False) -> Part:
    """A part that reads every record of these kinds (and, `dated`, is given the day). `by_ids`: its
    findings depend on the year openings and on which ids stand in which files alone, never on what
    the other records say nor on their lines, and each is about an id that a record appended can only
    make present — so a write that touched no opening leaves them as they were, but for those about an
    id it appended (tests/test_incremental.py holds every part so declared to it, on the bundled
    ledger with every record rewritten, and with records appended)."""
    return Part(run, _kinds(reads), dated=dated, by_ids=by_ids)


@overload
def per_file(
    run: DatedCheckFn,
    *reads: Reads,
    sees: Mapping[str, frozenset[str]] | None = None,
    dated: Literal[True],
    by_record: bool = False,
    by_month: bool = False,
    sees_ids: bool = False,
) -> Part: ...
@overload
def per_file(
    run: CheckFn,
    *reads: Reads,
    sees: Mapping[str, frozenset[str]] | None = None,
    dated: Literal[False] = False,
    by_record: bool = False,
    by_month: bool = False,
    sees_ids: bool = False,
) -> Part: ...
def per_file(
    run: CheckFn | DatedCheckFn,
    *reads: Reads,
    sees: Mapping[str, frozenset[str]] | None = None,
    dated: bool = False,
    by_record: bool = False,
    by_month: bool = False,
    sees_ids: bool = False,
) -> Part:
    """A part whose findings about a file depend on that file's records alone (and on the kinds in
    `sees`, looked up by id, for files of each kind). `by_record`: each finding is about one record of
    the file (`record=` its id) and depends on that record alone — so after a write that rewrote or
    appended a few records, only those are checked again (tests/test_incremental.py holds every part
    so declared to it, record by record, on the bundled ledgers). `by_month` (by record, seeing only the
    closes and reopenings): each finding rests on the record and on the states of the months it belongs
    to (checks/months.py) — so after a close or a reopening only the records of the months whose state
    changed are checked again. `sees_ids` (by record): of the kinds it sees it asks which ids they hold
    alone (Ledger.has; its view refuses to build their records), a record naming an id none holds has
    a finding naming it (`id`), and more ids change no other record's findings — so after a write that
    appended to the seen kinds' files and rewrote records there, only the records with a finding naming
    an id added are checked again."""
    return Part(
        run,
        _kinds(reads),
        per_file=True,
        sees=sees or {},
        dated=dated,
        by_record=by_record,
        by_month=by_month,
        sees_ids=sees_ids,
    )


def _kinds(reads: tuple[Reads, ...]) -> frozenset[str]:
    out: set[str] = set()
    for r in reads:
        out |= r if isinstance(r, frozenset) else kinds(r)
    return frozenset(out)


@dataclass(frozen=True)
class Check:
    name: str
    parts: tuple[Part, ...]  # none: the schema check, whose findings are the loader's

    @property
    def zh(self) -> str:
        """What the check looks at, in the school's words (the message catalogue's msgctxt check)."""
        return BY_NAME[self.name].zh

    @property
    def en(self) -> str:
        return BY_NAME[self.name].en


CHECKS: tuple[Check, ...] = (
    Check("schema", ()),
    Check(
        "ids",
        (per_file(ids.check_id_forms, ALL_KINDS, by_record=True), whole(ids.check_ids_unique, ALL_KINDS)),
    ),
    Check(
        "dates",
        (per_file(dates.check_future_dates, ALL_KINDS, dated=True, by_record=True),),
    ),
    Check(
        "refs",
        (
            whole(refs.check_place_keepers),
            per_file(refs.check_refs, ALL_KINDS, sees=linked_kinds(), by_record=True, sees_ids=True),
        ),
    ),
    Check(
        "approval-chain",
        (per_file(approvals.check_approval_chain, ALL_KINDS, by_record=True),),
    ),
    Check(
        "signatures",
        (per_file(signatures.check_signatures, ALL_KINDS, by_record=True), whole(signatures.check_names)),
    ),
    Check(
        "keys",
        (
            whole(keys.check_keys),
            per_file(
                keys.check_key_signatures,
                ALL_KINDS,
                sees=SIGNED_SEES,
                by_record=True,
                by_month=True,
            ),
        ),
    ),
    Check(
        "by-key",
        (per_file(keys.check_not_by_key, ALL_KINDS, by_record=True), whole(keys.check_who_has_no_key)),
    ),
    Check(
        "separation-of-duties",
        (
            per_file(duties.check_separation, ALL_KINDS, by_record=True),
            whole(duties.check_accountant_not_cashier),
            per_file(duties.check_own_requests, duties.OWN_KINDS, by_record=True),
        ),
    ),
    Check(
        "invoice",
        (
            per_file(invoices.check_invoice_forms, Reimbursement, Asset, by_record=True),
            whole(invoices.check_invoices_claimed_once, Reimbursement),
        ),
    ),
    Check(
        "capitalisation",
        (per_file(capitalisation.check_capitalisation, Asset, by_record=True),),
    ),
    Check(
        "assets",
        (
            per_file(assets.check_asset_events, Asset, sees={"assets": EVENTS}),
            per_file(assets.check_disposal_authority, Asset, sees={"assets": kinds(Disposal)}),
            whole(assets.check_handover, ASSET_EVENTS),
            whole(assets.check_place_keepers),
            whole(assets.check_category_codes),
        ),
    ),
    Check("loans", (whole(loans.check_loans, Loan, dated=True),)),
    Check("repairs", (whole(repairs.check_repairs, Repair, dated=True),)),
    Check(
        "damage",
        (
            per_file(damages.check_damage_values, Asset, sees={"assets": EVENTS | kinds(Damage)}),
            whole(damages.check_damages, Damage, Income),
        ),
    ),
    Check(
        "stock",
        (whole(stock.check_stock, STOCK),),
    ),
    Check(
        "purchase",
        (
            whole(purchases.check_purchases, Purchase),
            per_file(
                purchases.check_booked_goods, StockIn, Asset, Reimbursement, sees={"*": kinds(Purchase)}, by_record=True
            ),
        ),
    ),
    Check(
        "stocktake",
        (
            whole(stocktake.check_stocktakes, STOCK, dated=True),
            whole(stocktake.check_reports, stocktake.FOLLOW_UP, dated=True),
        ),
    ),
    Check(
        "finance",
        (whole(finance.check_finance, MONEY, FeeNotice, BalanceAssertion, dated=True),),
    ),
    Check(
        "fees",
        (whole(fees.check_fees, FeeNotice, FeeSettlement, Income, Reimbursement, dated=True),),
    ),
    Check(
        "receipts",
        (whole(receipts.check_receipts, Income, ReceiptBook, ReceiptVoid, dated=True),),
    ),
    Check(
        "budget",
        (whole(budget.check_budget, BudgetAdjustment, Reimbursement),),
    ),
    Check(
        "advances",
        (whole(advances.check_advances, CashAdvance, Reimbursement, dated=True),),
    ),
    Check(
        "close",
        (
            whole(closes.check_closes, CLOSE_BOOKS, dated=True),
            per_file(closes.check_sealed_records, SEALED, sees={"*": CLOSE_BOOKS}, by_record=True, by_month=True),
            whole(closes.check_sealed_missing, SEALED, CLOSE_BOOKS),
        ),
    ),
    Check(
        "year",
        (
            whole(year_close.check_opening, CLOSE_BOOKS),
            per_file(year_close.check_openings_file, year_close.YEAR_KINDS),
            per_file(year_close.check_carried, ALL_KINDS, sees={"*": year_close.YEAR_KINDS}, by_record=True),
            whole(year_close.check_carried_present, ALL_KINDS, by_ids=True),
            whole(year_close.check_figures, ALL_KINDS),
            whole(year_close.check_closed_files, year_close.YEAR_KINDS),
        ),
    ),
    Check(
        "meters",
        (whole(office.check_meters, MeterReading, dated=True),),
    ),
    Check(
        "patrols",
        (whole(office.check_patrols, Patrol, Repair, dated=True),),
    ),
    Check(
        "printing",
        (whole(office.check_printing, PrintJob),),
    ),
    Check(
        "shop",
        (
            whole(shop.check_shop, ShopBatch, ShopSale),
            whole(shop.check_shelf, ShopBatch, ShopSale, dated=True),
            whole(shop.check_takings, ShopBatch, ShopSale, Income, dated=True),
        ),
    ),
    Check(
        "milk",
        (whole(shop.check_milk, MilkOrder, MilkDelivery, Income, FeeNotice, dated=True),),
    ),
    Check(
        "calendar",
        (whole(calendar.check_calendar, ALL_KINDS, dated=True),),
    ),
    Check(
        "audit",
        (whole(audit.check_audits, Audit, dated=True), whole(audit.check_unaudited, ALL_KINDS, dated=True)),
    ),
    Check(
        "safety",
        (
            whole(safety.check_fire, FireCheck, dated=True),
            whole(safety.check_dual_issue, StockOut),
            whole(safety.check_utilities, dated=True),
        ),
    ),
    Check(
        "responsibility",
        (whole(responsibility.check_responsibilities, ALL_KINDS, dated=True),),
    ),
    Check(
        "food-safety",
        (
            whole(food_safety.check_receipts, FoodReceipt),
            whole(food_safety.check_meals, Meal, HealthCertificate, dated=True),
        ),
    ),
    Check(
        "vehicles",
        (
            whole(vehicles.check_trips, Trip, dated=True),
            whole(vehicles.check_costs, VehicleCost, Trip, Reimbursement),
            whole(vehicles.check_receptions, Reception, Reimbursement, dated=True),
        ),
    ),
)

CHECK_NAMES: tuple[str, ...] = tuple(c.name for c in CHECKS)
assert CHECK_NAMES == NAMES, "houqin/checks/names.py lists the checks of this registry, in order"
