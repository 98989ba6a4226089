"""The names of the checks, in the order they run, with what each guards and the codes it reports: written
once, here, without importing the checks (start-up stays light; checks/registry.py gives each its parts)."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from houqin.errors import UsageError


@dataclass(frozen=True)
class Named:
    """A check's name and the prefixes of the codes it reports; what it guards is in the catalogue."""

    name: str
    codes: tuple[str, ...]

    @property
    def zh(self) -> str:
        """What the check guards, in the school's words (the message catalogue's msgctxt check). The
        catalogue is read only when a name is shown: the pre-commit hook that has nothing to say never
        reads it."""
        from houqin.i18n import message

        return message(self.name, "zh", "check")

    @property
    def en(self) -> str:
        from houqin.i18n import message

        return message(self.name, "en", "check")


NAMED: tuple[Named, ...] = (
    Named("schema", ("YAML", "SCH", "IMP")),
    Named("ids", ("ID",)),
    Named("dates", ("DAT",)),
    Named("refs", ("REF",)),
    Named("approval-chain", ("APR",)),
    Named("signatures", ("SIG",)),
    Named("keys", ("KEY",)),
    Named("by-key", ()),
    Named("separation-of-duties", ("SOD",)),
    Named("invoice", ("INV",)),
    Named("capitalisation", ("CAP",)),
    Named("assets", ("AST", "DEP")),
    Named("loans", ("LOAN",)),
    Named("repairs", ("REP",)),
    Named("damage", ("DMG",)),
    Named("stock", ("STK",)),
    Named("purchase", ("PUR",)),
    Named("stocktake", ("PD",)),
    Named("finance", ("FIN",)),
    Named("fees", ("FEE",)),
    Named("receipts", ("REC",)),
    Named("budget", ("BUD",)),
    Named("advances", ("ADV",)),
    Named("close", ("CLS",)),
    Named("year", ("YRC",)),
    Named("meters", ("MTR",)),
    Named("patrols", ("PAT",)),
    Named("printing", ("PRT",)),
    Named("shop", ("SHP",)),
    Named("milk", ("MLK",)),
    Named("calendar", ("CAL",)),
    Named("audit", ("AUD",)),
    Named("safety", ("SAF",)),
    Named("responsibility", ("RSP",)),
    Named("food-safety", ("FOOD",)),
    Named("vehicles", ("VEH", "RCP")),
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
