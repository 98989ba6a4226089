"""收据领用登记: each receipt book, who holds it, how far it is used, what was voided and the next number."""

from __future__ import annotations

from dataclasses import dataclass

from houqin.checks.receipts import books, uses
from houqin.models.ledger import Ledger
from houqin.models.records import ReceiptVoid


@dataclass(frozen=True)
class BookRow:
    id: str
    date: str
    series: str
    first: int
    last: int
    holder: str
    issued_by: str
    used: int
    voided: tuple[int, ...]
    next: int | None  # the number to write next; none when the book is used up

    @property
    def left(self) -> int:
        return 0 if self.next is None else self.last - self.next + 1


def receipt_books(ledger: Ledger) -> list[BookRow]:
    all_uses = uses(ledger)
    rows = []
    for book in books(ledger):
        mine = [u for u in all_uses if book.holds(u.number)]
        top = max((u.number for u in mine), default=book.first - 1)
        voided = tuple(sorted(u.number for u in mine if isinstance(u.record, ReceiptVoid)))
        rows.append(
            BookRow(
                id=book.id,
                date=str(book.date),
                series=book.series or "",
                first=book.first,
                last=book.last,
                holder=book.holder,
                issued_by=book.issued_by,
                used=len({u.number for u in mine}) - len(set(voided)),
                voided=voided,
                next=top + 1 if top < book.last else None,
            )
        )
    return rows
