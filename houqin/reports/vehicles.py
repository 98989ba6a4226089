"""A vehicle's log: its trips and costs in odometer order (what the vehicles check reads)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from decimal import Decimal

from houqin.checks.vehicles import trips_by_vehicle
from houqin.models.ledger import Ledger
from houqin.models.records import VehicleCost


@dataclass(frozen=True)
class LogRow:
    id: str
    date: dt.date
    what: str  # trip | fuel | maintenance
    odometer: Decimal
    km: Decimal | None
    who: str
    detail: str

    def as_dict(self) -> dict[str, object]:
        return {
            k: (v.isoformat() if isinstance(v, dt.date) else str(v) if isinstance(v, Decimal) else v)
            for k, v in asdict(self).items()
        }


def vehicle_log(ledger: Ledger, vehicle: str) -> list[LogRow]:
    rows = [
        LogRow(t.id, t.date, "trip", t.odometer_end or Decimal(0), t.km, t.driver, f"{t.purpose}（{t.destination}）")
        for t in trips_by_vehicle(ledger).get(vehicle, [])
    ]
    for c in ledger.records(VehicleCost):
        if c.vehicle == vehicle:
            litres = f"{c.litres} L " if c.litres is not None else ""
            rows.append(LogRow(c.id, c.date, c.type, c.odometer, None, c.expense, f"{litres}{c.amount} 元"))
    return sorted(rows, key=lambda r: (r.odometer, r.what != "trip", r.date, r.id))  # a trip before the fill after it
