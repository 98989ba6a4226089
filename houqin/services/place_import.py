"""houqin place import: the list of rooms (地点表) into places.yaml.

Pure, like people import: each row a place with its id, name, kind (the school's word: 班级, 办公室,
功能室, 库房 …), building and keeper. A place places.yaml already holds (same id, or same name after
normalising) is left as it is; a row without an id gets QT-001, QT-002 … as --add-missing does."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pydantic import ValidationError

from houqin.inputs.sheets import Sheet, cell_text
from houqin.models.directory import Place
from houqin.models.ledger import Ledger
from houqin.services.matching import Resolver, map_columns, normal
from houqin.services.people_import import BadRow

HEADERS: Mapping[str, str] = {
    "编号": "id",
    "地点编号": "id",
    "房间号": "id",
    "id": "id",
    "名称": "name",
    "地点": "name",
    "地点名称": "name",
    "房间名称": "name",
    "name": "name",
    "类型": "kind",
    "用途": "kind",
    "kind": "kind",
    "楼宇": "building",
    "所在楼": "building",
    "楼栋": "building",
    "building": "building",
    "保管人": "keeper",
    "负责人": "keeper",
    "责任人": "keeper",
    "keeper": "keeper",
    "序号": "-",
}
KINDS: Mapping[str, str] = {
    "班级": "classroom",
    "教室": "classroom",
    "普通教室": "classroom",
    "办公室": "office",
    "功能室": "function",
    "专用教室": "function",
    "实验室": "function",
    "体育": "sports",
    "体育器材室": "sports",
    "库房": "storeroom",
    "仓库": "storeroom",
    "保管室": "storeroom",
    "楼宇": "building",
    "楼": "building",
    "室外": "outdoor",
    "操场": "outdoor",
    "其他": "other",
    "": "other",
}


@dataclass(frozen=True)
class PlaceRow:
    row: int
    place: Place


@dataclass(frozen=True)
class PlacesPlan:
    places: tuple[PlaceRow, ...]
    known: tuple[str, ...]
    bad: tuple[BadRow, ...]


def column_map(headers: tuple[str, ...]) -> dict[int, str]:
    known = {normal(k): v for k, v in HEADERS.items()}
    return map_columns(headers, lambda h: known.get(normal(h)), ("name", "keeper"))


def plan_places(ledger: Ledger, sheet: Sheet) -> PlacesPlan:
    mapping = column_map(sheet.headers)
    names = Resolver.of(ledger)
    used = set(ledger.place_by_id)
    fresh = (f"QT-{n:03d}" for n in range(1, 10_000) if f"QT-{n:03d}" not in used)
    seen: set[str] = set()
    places: list[PlaceRow] = []
    known: list[str] = []
    bad: list[BadRow] = []
    for row, cells in sheet.rows:
        values = {f: cell_text(cells[i]) if i < len(cells) else "" for i, f in mapping.items()}
        if not any(values.values()):
            continue
        name, pid = values.get("name", ""), values.get("id", "")
        if not name:
            bad.append(BadRow(row, "missing", "name"))
            continue
        if (pid and pid in ledger.place_by_id) or names.place(name) is not None:
            known.append(name)
            continue
        keeper = names.person(values.get("keeper", ""))
        if keeper is None:
            bad.append(BadRow(row, "unknown_keeper", values.get("keeper", "") or "-"))
            continue
        kind = KINDS.get(normal(values.get("kind", "")), values.get("kind", ""))
        pid = pid or next(fresh)
        if pid in seen or normal(name) in seen:
            bad.append(BadRow(row, "duplicate_place", pid if pid in seen else name))
            continue
        try:
            place = Place.model_validate(
                {"id": pid, "name": name, "kind": kind, "building": values.get("building") or None, "keeper": keeper}
            )
        except ValidationError:
            bad.append(BadRow(row, "unknown_kind", values.get("kind", "")))
            continue
        seen.update((pid, normal(name)))
        places.append(PlaceRow(row, place))
    return PlacesPlan(tuple(places), tuple(known), tuple(bad))
