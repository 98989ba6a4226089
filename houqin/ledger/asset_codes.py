"""The asset category codes houqin ships (houqin/templates/asset_codes.yaml): the edition's classes and
leaves that could be sourced, the codes that moved from the older catalogs, and the default unit of
each class. Read once; a constant of the installed houqin, like its templates."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from houqin.ledger.yamlio import parse


@dataclass(frozen=True)
class CodeTable:
    edition: str
    source: str
    compiled: str
    names: dict[str, str]  # code → the edition's name
    moved: dict[str, tuple[str, str]]  # an older code → (its name then, its code in the edition)
    units: dict[str, str]  # code prefix → unit

    def is_class(self, code: str) -> bool:
        """A code another code of the table lies under (A02010100 计算机 over A02010105): not a leaf."""
        return bool(self.under(code))

    def under(self, code: str) -> list[str]:
        """The codes of the table under `code`, in order. The levels are 2 digits each after the letter
        and first digit; zeros pad a class's code (A02010100 is A020101 and any leaf of it)."""
        stem = code.rstrip("0")
        stem = stem if (len(stem) - 3) % 2 == 0 else stem + "0"
        return sorted(other for other in self.names if other != code and other.startswith(stem))

    def unit_of(self, code: str) -> str:
        """The unit an asset of this class is counted in by default (the longest matching prefix)."""
        best = max((p for p in self.units if code.startswith(p)), key=len, default=None)
        return self.units[best] if best is not None else "台"


@functools.cache
def code_table() -> CodeTable:
    raw = resources.files("houqin").joinpath("templates/asset_codes.yaml").read_bytes()
    data, problem = parse(raw)
    if problem is not None or not isinstance(data, dict):  # houqin's own file: a broken copy is a bug
        raise ValueError("houqin/templates/asset_codes.yaml is not a mapping")
    return CodeTable(
        edition=str(data["edition"]),
        source=str(data["source"]),
        compiled=str(data["compiled"]),
        names={str(c["code"]): str(c["name"]) for c in data["codes"]},
        moved={str(m["old"]): (str(m["name"]), str(m["new"])) for m in data["moved"]},
        units={str(k): str(v) for k, v in data["units"].items()},
    )
