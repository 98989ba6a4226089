"""The ledger's records interface (models/ledger.py: Records) and the directory lookups its views share
(issue #14 item 6): what a holder of records is asked, answered by default from the records, by the
loader's cache when it can, and passed on by views; nothing found by getattr."""

from __future__ import annotations

import dataclasses
import datetime as dt
import typing
from pathlib import Path

import pytest

from houqin.ledger.codec import model_codec
from houqin.ledger.load import LazyRecords, load_ledger
from houqin.models.base import ID_BLOCK, ID_NUMBERED
from houqin.models.config import Config, School
from houqin.models.directory import Person
from houqin.models.ledger import Ledger, PlainRecords, Records, UndeclaredRead
from houqin.models.records import Asset, Loan, Reimbursement
from tests.conftest import BUNDLED


@pytest.fixture(scope="module")
def bundled() -> Ledger:
    return load_ledger(BUNDLED, use_cache=False).ledger


def test_a_ledger_built_from_a_dict_has_the_records_interface(bundled: Ledger) -> None:
    claims = bundled.records(Reimbursement)
    plain = Ledger(config=bundled.config, people=bundled.people, held={"expenses": claims})
    assert isinstance(plain.held, PlainRecords) and isinstance(bundled.held, LazyRecords)
    assert list(plain.id_sources("expenses")) == list(bundled.id_sources("expenses"))
    assert plain.held.file_records("expenses", "2026/expenses.yaml") is None  # a plain holder: ask the kind
    assert plain.file_records("expenses", "2026/expenses.yaml") == bundled.file_records(
        "expenses", "2026/expenses.yaml"
    )
    assert plain.latest_step("expenses", "2026/expenses.yaml") is None
    assert bundled.latest_step("expenses", "2026/expenses.yaml") is not None  # the cache knows it


def test_views_pass_the_questions_on_and_refuse_what_they_do_not_declare(bundled: Ledger) -> None:
    view = bundled.view(frozenset({"expenses"}), "check 'x'")
    assert isinstance(view.held, Records)
    assert list(view.id_sources("expenses")) == list(bundled.id_sources("expenses"))
    with pytest.raises(UndeclaredRead):
        list(view.id_sources("loans"))
    with pytest.raises(UndeclaredRead):
        view.records(Loan)
    assert view.directory is bundled.directory  # the directory's lookups are shared, not rebuilt
    added = bundled.with_record(bundled.records(Reimbursement)[0])
    assert added.directory is bundled.directory


def test_new_people_get_new_lookups(bundled: Ledger) -> None:
    newcomer = Person(name="新来的老师", joined=dt.date(2026, 9, 1))
    assert "新来的老师" not in bundled.person_by_name
    after = dataclasses.replace(bundled, people=(*bundled.people, newcomer))
    assert after.directory is not bundled.directory
    assert "新来的老师" in after.person_by_name and after.active("新来的老师", dt.date(2026, 9, 2))


def test_the_codec_fills_in_what_model_construct_would(bundled: Ledger) -> None:
    for kind in {type(r) for r in bundled.all_records()}:
        encode, decode = model_codec(kind)
        for r in bundled.records(kind)[:20]:
            row = encode(r)
            back, sure = decode(row), kind.model_construct(set(kind.model_fields), **dict(r.__dict__))
            assert back == r and back.model_fields_set == set(kind.model_fields)
            assert back.model_dump() == r.model_dump()
            assert back.__getstate__() == sure.__getstate__()  # every slot, as pydantic's own API leaves it
        assert decode.__globals__["fast"]  # the slots filled in, not model_construct


def test_decoded_records_share_one_fields_set_and_a_copy_changes_only_its_own(bundled: Ledger) -> None:
    claims = bundled.records(Reimbursement)
    encode, decode = model_codec(Reimbursement)
    one, two = decode(encode(claims[0])), decode(encode(claims[1]))
    assert one.model_fields_set is two.model_fields_set  # a set per record was a third of a card's memory
    changed = one.model_copy(update={"purpose": "另一事由"})
    assert changed.model_fields_set is not one.model_fields_set and changed.purpose == "另一事由"
    assert one.model_fields_set == two.model_fields_set == set(Reimbursement.model_fields)
    with pytest.raises(ValueError):
        one.purpose = "x"  # type: ignore[misc]  # frozen: nothing is set after decoding
    assert one.model_fields_set == set(Reimbursement.model_fields)


def test_the_codec_falls_back_to_model_construct_where_the_slots_differ() -> None:
    from pydantic import BaseModel, ConfigDict, PrivateAttr

    class Extra(BaseModel):
        model_config = ConfigDict(frozen=True, extra="allow")
        a: int

    class Private(BaseModel):
        model_config = ConfigDict(frozen=True)
        a: int
        _seen: int = PrivateAttr(default=7)

    for cls in (Extra, Private):
        encode, decode = model_codec(cls)
        back = decode(encode(cls(a=1)))
        assert back == cls(a=1) and back.__getstate__() == cls.model_construct(a=1).__getstate__()
    assert model_codec(Private)[1]((1,))._seen == 7  # model_construct set the private default


def test_the_codec_stops_filling_in_slots_once_they_differ() -> None:
    from pydantic import BaseModel, ConfigDict

    class Plain(BaseModel):
        model_config = ConfigDict(frozen=True)
        a: int

    decode = model_codec(Plain)[1]
    real = Plain.model_construct

    def marked(*args: object, **kwargs: object) -> Plain:  # a pydantic that leaves something more
        made = real(*args, **kwargs)  # type: ignore[arg-type]
        object.__setattr__(made, "__pydantic_extra__", {})
        return made

    decode.__globals__["construct"] = marked
    first, second = decode((1,)), decode((2,))
    assert first.__pydantic_extra__ == {} and second.__pydantic_extra__ == {}  # model_construct's, for good


def test_the_codec_proves_a_large_record_without_decoding_it_twice() -> None:
    """The proof on the first row compares the model built both ways from one decoding of its fields:
    a year opening's 340,000 register lines are decoded once, not once for each way (1M books)."""
    from pydantic import BaseModel, ConfigDict

    class Line(BaseModel):
        model_config = ConfigDict(frozen=True)
        a: int

    class Register(BaseModel):
        model_config = ConfigDict(frozen=True)
        name: str
        lines: tuple[Line, ...]

    encode, decode = model_codec(Register)
    inner = decode.__globals__["dec_Line"]
    calls: list[object] = []

    def counted(row: tuple[object, ...]) -> Line:
        calls.append(row)
        return typing.cast(Line, inner(row))

    decode.__globals__["dec_Line"] = counted
    row = encode(Register(name="登记簿", lines=tuple(Line(a=i) for i in range(100))))
    back = decode(row)
    assert len(calls) == 100 and decode.__globals__["fast"]
    assert back == Register(name="登记簿", lines=tuple(Line(a=i) for i in range(100)))
    assert back.__getstate__() == Register.model_construct(name="登记簿", lines=back.lines).__getstate__()
    assert decode(row) == back and len(calls) == 200  # the next row filled in, each line decoded once


def test_an_empty_ledger(tmp_path: Path) -> None:
    empty = Ledger(config=Config(school=School(name="空")))
    assert empty.records(Asset) == () and list(empty.id_sources("assets")) == []
    assert empty.record_by_id.get("ZC-2026-0001") is None


def test_ids_under_a_folder_are_the_same_from_every_holder() -> None:
    """ids_under (the presence test of the year-end close, YRC003) answers from the cache's ids where
    the holder can: the same set as walking the ids one by one, from the loaded ledger, after a write,
    in a view, and refusing an undeclared kind."""
    from houqin.ledger.load import load_ledger
    from tests.conftest import BUNDLED

    ledger = load_ledger(BUNDLED).ledger
    card = ledger.records(Asset)[0]
    moved = card.model_copy(update={"id": "ZC-2027-0001", "source": card.source._replace(file="2027/assets.yaml")})
    for held in (ledger.held, ledger.with_record(moved).held, ledger.view(frozenset({"assets"}), "x").held):
        for folder in ("2026/", "2027/", "2016/", ""):
            walked = frozenset(rid for rid, file, _line, _day in held.id_sources("assets") if file.startswith(folder))
            assert held.ids_under("assets", folder) == walked
    assert ledger.with_record(moved).held.ids_under("assets", "2027/") == {"ZC-2027-0001"}
    with pytest.raises(UndeclaredRead):
        ledger.view(frozenset({"loans"}), "x").held.ids_under("assets", "2026/")


def walked_highest(held: Records, kind: str, prefix: str, block: int) -> int | None:
    """What the next id read before each file kept its tops: every id walked."""
    numbers = [int(m.group(2)) for rid in held.id_set(kind) if rid.startswith(prefix) and (m := ID_NUMBERED.match(rid))]
    return max((n for n in numbers if n // ID_BLOCK == block), default=None)


def test_the_highest_id_numbers_are_the_same_from_every_holder(tmp_path: Path) -> None:
    """highest_number (the next id, in a desk's block) answers from each file's tops where the holder
    can: the same as walking every id, from the cache, a fresh read, a plain ledger, after a write (a
    new card in another desk's block, a number too long for ID_FORM) and in a view, refusing an
    undeclared kind; and the next id is one above it, in this desk's block."""
    from houqin.ledger.store import next_id
    from houqin.models.kinds import KIND_BY_NAME
    from houqin.models.ledger import Overlay

    ledger = load_ledger(BUNDLED).ledger
    card = ledger.records(Asset)[0]
    added = [
        card.model_copy(update={"id": rid, "source": card.source._replace(file="2026/assets.yaml")})
        for rid in ("ZC-2026-20007", "ZC-2026-123456", "ZC-2026-x1")
    ]
    written = ledger.with_record(added[0]).with_record(added[1]).with_record(added[2])
    plain = PlainRecords({k: ledger.held[k] for k in ledger.held})
    holders = [
        ledger.held,
        load_ledger(BUNDLED, use_cache=False).ledger.held,
        plain,
        written.held,
        Overlay(plain, {"assets": tuple(added)}),
        ledger.view(frozenset({"assets", "loans"}), "x").held,
    ]
    asked = 0
    for held in holders:
        for kind in ("assets", "loans"):
            for prefix in (f"{KIND_BY_NAME[kind].prefix}-{y}-" for y in (2016, 2025, 2026, 2027)):
                for block in (0, 2, 12):
                    expected = walked_highest(held, kind, prefix, block)
                    assert held.highest_number(kind, prefix, block) == expected, (type(held), kind, prefix, block)
                    asked += expected is not None
    assert asked > 20  # a comparison of nothing proves nothing
    for held in holders:
        for kind in ("assets", "loans"):
            own = f"{KIND_BY_NAME[kind].prefix}-"
            assert held.foreign_ids(kind) == {i for i in held.id_set(kind) if not i.startswith(own)}, type(held)
    assert written.held.foreign_ids("assets") == set()  # ZC-2026-x1: odd, but its kind's prefix
    odd = card.model_copy(update={"id": "JY-2026-0001"})
    assert ledger.with_record(odd).held.foreign_ids("assets") == {"JY-2026-0001"}
    assert written.highest_number("assets", "ZC-2026-", 2) == 20007
    assert written.highest_number("assets", "ZC-2026-", 12) == 123456
    with pytest.raises(UndeclaredRead):
        ledger.view(frozenset({"loans"}), "x").held.highest_number("assets", "ZC-2026-", 0)
    kind = KIND_BY_NAME["assets"]
    before = walked_highest(ledger.held, "assets", "ZC-2026-", 0)
    assert before is not None and next_id(written, kind, 2026) == f"ZC-2026-{before + 1:04d}"
    assert next_id(ledger, kind, 2031) == "ZC-2031-0001"


def test_the_years_records_are_dated_in_are_the_same_from_every_holder() -> None:
    """years_dated (the calendar check's years in use) skips a file dated wholly outside the days asked
    where the holder can: the same years as walking every record's day, from the cache, a fresh read,
    a plain ledger, after a write adding a card and after one moving a card to another year (a rewrite,
    whose old day the base still holds), and in a view."""
    from houqin.models.ledger import Overlay

    ledger = load_ledger(BUNDLED).ledger
    cards = ledger.records(Asset)
    new = cards[0].model_copy(update={"id": "ZC-2030-0001", "date": dt.date(2030, 3, 1)})
    moved = cards[-1].model_copy(update={"date": dt.date(2031, 5, 1)})
    plain = PlainRecords({k: ledger.held[k] for k in ledger.held})
    holders = [
        ledger.held,
        load_ledger(BUNDLED, use_cache=False).ledger.held,
        plain,
        ledger.with_record(new).held,
        ledger.with_record(moved).held,
        ledger.with_record(cards[1].model_copy(update={"name": "改名"})).held,  # rewritten on its own day
        Overlay(ledger.held, {}, {"assets": (moved,)}),
        ledger.view(frozenset({"assets", "expenses"}), "x").held,
    ]
    spans = [
        (dt.date(y0, 1, 1), dt.date(y1, 12, 31)) for y0, y1 in ((2000, 2040), (2016, 2016), (2025, 2031), (2026, 2026))
    ]
    spans.append((dt.date(2026, 9, 1), dt.date(2026, 9, 30)))
    found = 0
    for held in holders:
        for kind in ("assets", "expenses"):
            for first, last in spans:
                walked = {
                    dt.date.fromordinal(s[3]).year
                    for s in held.id_sources(kind)
                    if first.toordinal() <= s[3] <= last.toordinal()
                }
                assert held.years_dated(kind, first.toordinal(), last.toordinal()) == walked, (
                    type(held),
                    kind,
                    first,
                    last,
                )
                found += len(walked)
    assert found > 20
    wide = (dt.date(2000, 1, 1).toordinal(), dt.date(2040, 1, 1).toordinal())
    assert 2031 in ledger.with_record(moved).held.years_dated("assets", *wide)
    assert cards[-1].date.year not in ledger.with_record(moved).held.years_dated("assets", *wide) or any(
        c.date.year == cards[-1].date.year for c in cards[:-1]
    )
    with pytest.raises(UndeclaredRead):
        ledger.view(frozenset({"loans"}), "x").held.years_dated("assets", *wide)


@pytest.mark.parametrize("base_twice", [False, True])
@pytest.mark.parametrize("adds", [("new",), ("old",), ("new", "old"), ("new", "new2", "old", "old2")])
def test_records_added_are_counted_as_their_ids_are_listed(base_twice: bool, adds: tuple[str, ...]) -> None:
    """Overlay.id_count with records added (a new card, or one rewritten in place of the card of its id)
    is what its list of ids gives — counted from the sets when the base holds each id once, from the
    list when it holds one twice — and the same when asked again after the list is built."""
    from houqin.models.base import NOWHERE
    from houqin.models.ledger import Overlay

    cards = load_ledger(BUNDLED, use_cache=False).ledger.records(Asset)[:6]
    base = [*cards[:4], *((cards[1],) if base_twice else ())]
    made = {
        "new": cards[4].model_copy(update={"source": NOWHERE}),
        "new2": cards[5].model_copy(update={"source": NOWHERE}),
        "old": cards[1].model_copy(update={"name": "改名"}),
        "old2": cards[2].model_copy(update={"name": "改名"}),
    }
    held = Overlay(PlainRecords({"assets": tuple(base)}), {}, {"assets": tuple(made[a] for a in adds)})
    counted = held.id_count("assets")
    listed = len(list(held.id_sources("assets")))
    assert counted == listed == held.id_count("assets")
    assert listed == len(base) + sum(a.startswith("new") for a in adds) - (base_twice and "old" in adds)


def test_a_months_sealed_records_are_the_same_from_the_steps_the_cache_keeps() -> None:
    """sealed_records over the cache's latest step of each record (decoding only the month's records
    and the earlier ones stepped since) finds what a reading of every record finds, month by month;
    the steps the cache names are each record's latest; and a record picked is the very object its
    file's records hold afterwards (its fingerprint is not taken twice)."""
    from houqin.models.as_of import last_step
    from houqin.models.closing import fingerprint, month_bounds, sealed_records
    from houqin.models.kinds import KINDS

    cached = load_ledger(BUNDLED).ledger
    assert isinstance(cached.held, LazyRecords)
    plain = dataclasses.replace(cached, held=PlainRecords({k.name: cached.records(k.model) for k in KINDS}))
    first = month_bounds("2026-06")[0].toordinal()
    for kind in KINDS:
        late = cached.late_steps(kind.name, first)
        assert late == {r.id for r in plain.records(kind.model) if last_step(r).toordinal() >= first}, kind.name
    fresh = load_ledger(BUNDLED).ledger
    for month in (f"2026-{m:02d}" for m in range(1, 13)):
        picked = sealed_records(fresh, month)
        assert [fingerprint(r) for r in picked] == [fingerprint(r) for r in sealed_records(plain, month)], month
    again = load_ledger(BUNDLED).ledger
    claims = again.held.pick("expenses", {"BX-2026-0003", "BX-2026-0010"})
    whole = {r.id: r for r in again.records(Reimbursement)}
    assert claims and all(whole[c.id] is c for c in claims)
