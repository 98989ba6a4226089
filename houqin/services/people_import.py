"""houqin people import: the staff list (教职工名单) into people.yaml.

Pure: the rows a reader found and the ledger in, the people to add and the rows it cannot take out.
Roles are the school's words (校长, 副校长, 总务主任, 会计, 出纳, 保管员, 教师 …, several joined by 、
or /); a person with none is `staff`. A name people.yaml already holds is left as it is (listed as
already there), so importing the list again adds only the new names."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pydantic import ValidationError

from houqin.dates import NotADay, parse_sheet_day
from houqin.i18n import ROLES, role_key
from houqin.inputs.sheets import Sheet, cell_text
from houqin.models.directory import Person, RoleSpan
from houqin.models.ledger import Ledger
from houqin.services.matching import map_columns, normal

HEADERS: Mapping[str, str] = {
    "姓名": "name",
    "教职工姓名": "name",
    "name": "name",
    "部门": "department",
    "所在部门": "department",
    "科室": "department",
    "年级组": "department",
    "department": "department",
    "职务": "roles",
    "岗位": "roles",
    "角色": "roles",
    "roles": "roles",
    "入职日期": "joined",
    "到校日期": "joined",
    "调入日期": "joined",
    "joined": "joined",
    "电话": "phone",
    "联系电话": "phone",
    "手机": "phone",
    "phone": "phone",
    "序号": "-",
}
# The school's words for roles beyond houqin.i18n's (ROLES and its synonyms).
WORDS: Mapping[str, str] = {
    "总务主任": "director",
    "会计": "accountant",
    "报账员": "accountant",
    "出纳": "cashier",
    "出纳员": "cashier",
    "教师": "teacher",
    "老师": "teacher",
    "班主任": "teacher",
    "职工": "staff",
    "工勤": "staff",
    "稽核": "auditor",
    "文员": "clerk",
}
SEPARATORS = "、,，/／;；"


@dataclass(frozen=True)
class PersonRow:
    row: int
    person: Person


@dataclass(frozen=True)
class BadRow:
    row: int
    kind: str  # a key of houqin.messages.IMPORT_REASONS
    value: str


@dataclass(frozen=True)
class PeoplePlan:
    people: tuple[PersonRow, ...]
    known: tuple[str, ...]  # names people.yaml already holds
    bad: tuple[BadRow, ...]


def roles_of(text: str) -> tuple[str, ...] | None:
    """Role keys for the school's words ('总务主任、保管员'); None when a word names no role."""
    words = text
    for sep in SEPARATORS:
        words = words.replace(sep, " ")
    keys = []
    for word in words.split():
        key = WORDS.get(word) or role_key(word)
        if key not in ROLES or key in ("handler", "witness", "supervisor", "acceptor", "giver", "receiver"):
            return None
        if key not in keys:
            keys.append(key)
    return tuple(keys) or ("staff",)


def column_map(headers: tuple[str, ...]) -> dict[int, str]:
    known = {normal(k): v for k, v in HEADERS.items()}
    return map_columns(headers, lambda h: known.get(normal(h)), ("name",))


def plan_people(ledger: Ledger, sheet: Sheet) -> PeoplePlan:
    mapping = column_map(sheet.headers)
    have = {normal(p.name) for p in ledger.people}
    seen: set[str] = set()
    people: list[PersonRow] = []
    known: list[str] = []
    bad: list[BadRow] = []
    for row, cells in sheet.rows:
        values = {f: cell_text(cells[i]) if i < len(cells) else "" for i, f in mapping.items()}
        name = "".join(values.get("name", "").split())
        if not name:
            if any(values.values()):
                bad.append(BadRow(row, "missing", "name"))
            continue
        if normal(name) in have:
            known.append(name)
            continue
        if normal(name) in seen:
            bad.append(BadRow(row, "duplicate_name", name))
            continue
        roles = roles_of(values.get("roles", ""))
        if roles is None:
            bad.append(BadRow(row, "unknown_role", values["roles"]))
            continue
        joined = None
        if values.get("joined"):
            try:
                joined = parse_sheet_day(values["joined"])
            except NotADay as err:
                bad.append(BadRow(row, "day_format" if err.why == "format" else "no_such_day", values["joined"]))
                continue
        try:
            person = Person(
                name=name,
                roles=tuple(RoleSpan.model_validate({"role": r}) for r in roles),
                department=values.get("department") or None,
                joined=joined,
                phone=values.get("phone") or None,
            )
        except ValidationError as exc:
            bad.append(BadRow(row, "not_understood", str(exc.errors(include_url=False)[0]["msg"])))
            continue
        seen.add(normal(name))
        people.append(PersonRow(row, person))
    return PeoplePlan(tuple(people), tuple(known), tuple(bad))
