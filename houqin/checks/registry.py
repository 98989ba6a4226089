"""The named checks, in the order they run. An immutable tuple: adding a check is an edit here.

Each check is one or more parts, and each part says what it reads (see checks/engine.py): that is
what lets an unchanged part's findings be reused. A part that reads a kind it does not declare
fails (UndeclaredRead), so a declaration here cannot silently be too narrow."""

from __future__ import annotations

from dataclasses import dataclass

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
from houqin.checks.engine import ALL_KINDS, CheckFn, Part
from houqin.checks.names import CHECK_NAMES as NAMES
from houqin.i18n import message
from houqin.models.closing import UNSEALED

CLOSE_BOOKS = UNSEALED  # the closes and reopenings, which a close does not seal
SEALED = ALL_KINDS - UNSEALED
ASSET_EVENTS = frozenset({"assets", "moves", "loans", "disposals"})  # what the asset replay reads
STOCK = frozenset({"stock-in", "stock-out", "stocktakes"})  # what stock_moves reads
MONEY = frozenset(
    {"advances", "income", "expenses", "transfers", "assertions", "shop-batches", "fee-settlements"}
)  # what money_flow.flows reads


def whole(run: CheckFn, *reads: frozenset[str] | str, dated: bool = False) -> Part:
    """A part that reads every record of these kinds."""
    return Part(run, _kinds(reads), dated=dated)


def per_file(run: CheckFn, *reads: frozenset[str] | str, sees: dict[str, frozenset[str]] | None = None) -> Part:
    """A part whose findings about a file depend on that file's records alone (and on the kinds in
    `sees`, looked up by id, for files of each kind)."""
    return Part(run, _kinds(reads), per_file=True, sees=sees or {})


def _kinds(reads: tuple[frozenset[str] | str, ...]) -> frozenset[str]:
    out: set[str] = set()
    for r in reads:
        out |= {r} if isinstance(r, str) else r
    return frozenset(out)


@dataclass(frozen=True)
class Check:
    name: str
    parts: tuple[Part, ...]  # none: the schema check, whose findings are the loader's

    @property
    def zh(self) -> str:
        """What the check looks at, in the school's words (the message catalogue's msgctxt check)."""
        return message(self.name, "zh", "check")

    @property
    def en(self) -> str:
        return message(self.name, "en", "check")


CHECKS: tuple[Check, ...] = (
    Check("schema", ()),
    Check(
        "ids",
        (per_file(ids.check_id_forms, ALL_KINDS), whole(ids.check_ids_unique, ALL_KINDS)),
    ),
    Check(
        "dates",
        (Part(dates.check_future_dates, ALL_KINDS, per_file=True, dated=True),),
    ),
    Check(
        "refs",
        (whole(refs.check_place_keepers), per_file(refs.check_refs, ALL_KINDS, sees=refs.LINKS)),
    ),
    Check(
        "approval-chain",
        (per_file(approvals.check_approval_chain, ALL_KINDS),),
    ),
    Check(
        "signatures",
        (per_file(signatures.check_signatures, ALL_KINDS), whole(signatures.check_names)),
    ),
    Check(
        "keys",
        (whole(keys.check_keys), per_file(keys.check_key_signatures, ALL_KINDS, sees={"*": CLOSE_BOOKS})),
    ),
    Check(
        "by-key",
        (per_file(keys.check_not_by_key, ALL_KINDS), whole(keys.check_who_has_no_key)),
    ),
    Check(
        "separation-of-duties",
        (
            per_file(duties.check_separation, ALL_KINDS),
            whole(duties.check_accountant_not_cashier),
            per_file(duties.check_own_requests, *duties.OWN_KINDS),
        ),
    ),
    Check(
        "invoice",
        (
            per_file(invoices.check_invoice_forms, "expenses", "assets"),
            whole(invoices.check_invoices_claimed_once, "expenses"),
        ),
    ),
    Check(
        "capitalisation",
        (per_file(capitalisation.check_capitalisation, "assets"),),
    ),
    Check(
        "assets",
        (whole(assets.check_assets, ASSET_EVENTS), whole(assets.check_category_codes)),
    ),
    Check("loans", (whole(loans.check_loans, "loans", dated=True),)),
    Check("repairs", (whole(repairs.check_repairs, "repairs", dated=True),)),
    Check(
        "damage",
        (whole(damages.check_damages, "damages", "income", ASSET_EVENTS),),
    ),
    Check(
        "stock",
        (whole(stock.check_stock, STOCK),),
    ),
    Check(
        "purchase",
        (
            whole(purchases.check_purchases, "purchases"),
            per_file(
                purchases.check_booked_goods, "stock-in", "assets", "expenses", sees={"*": frozenset({"purchases"})}
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
        (whole(finance.check_finance, MONEY, "fee-notices", "assertions", dated=True),),
    ),
    Check(
        "fees",
        (whole(fees.check_fees, "fee-notices", "fee-settlements", "income", "expenses", dated=True),),
    ),
    Check(
        "receipts",
        (whole(receipts.check_receipts, "income", "receipt-books", "receipt-voids", dated=True),),
    ),
    Check(
        "budget",
        (whole(budget.check_budget, "budget-adjustments", "expenses"),),
    ),
    Check(
        "advances",
        (whole(advances.check_advances, "advances", "expenses", dated=True),),
    ),
    Check(
        "close",
        (
            whole(closes.check_closes, CLOSE_BOOKS, dated=True),
            per_file(closes.check_sealed_records, SEALED, sees={"*": CLOSE_BOOKS}),
            whole(closes.check_sealed_missing, SEALED, CLOSE_BOOKS),
        ),
    ),
    Check(
        "year",
        (
            whole(year_close.check_opening, ALL_KINDS),
            whole(year_close.check_closed_files, year_close.YEAR_KINDS),
        ),
    ),
    Check(
        "meters",
        (whole(office.check_meters, "meter-readings", dated=True),),
    ),
    Check(
        "patrols",
        (whole(office.check_patrols, "patrols", "repairs", dated=True),),
    ),
    Check(
        "printing",
        (whole(office.check_printing, "print-jobs"),),
    ),
    Check(
        "shop",
        (
            whole(shop.check_shop, "shop-batches", "shop-sales"),
            whole(shop.check_shelf, "shop-batches", "shop-sales", dated=True),
            whole(shop.check_takings, "shop-batches", "shop-sales", "income", dated=True),
        ),
    ),
    Check(
        "milk",
        (whole(shop.check_milk, "milk-orders", "milk-deliveries", "income", "fee-notices", dated=True),),
    ),
    Check(
        "calendar",
        (whole(calendar.check_calendar, ALL_KINDS, dated=True),),
    ),
    Check(
        "audit",
        (whole(audit.check_audits, "audits", dated=True), whole(audit.check_unaudited, ALL_KINDS, dated=True)),
    ),
    Check(
        "safety",
        (
            whole(safety.check_fire, "fire-checks", dated=True),
            whole(safety.check_dual_issue, "stock-out"),
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
            whole(food_safety.check_receipts, "food-receipts"),
            whole(food_safety.check_meals, "meals", "health-certificates", dated=True),
        ),
    ),
    Check(
        "vehicles",
        (
            whole(vehicles.check_trips, "trips", dated=True),
            whole(vehicles.check_costs, "vehicle-costs", "trips", "expenses"),
            whole(vehicles.check_receptions, "receptions", "expenses", dated=True),
        ),
    ),
)

CHECK_NAMES: tuple[str, ...] = tuple(c.name for c in CHECKS)
assert CHECK_NAMES == NAMES, "houqin/checks/names.py lists the checks of this registry, in order"
