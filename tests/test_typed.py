"""Typed records and facts written once (issue #14 items 3 and 4): `Ledger.records(Model)` gives that
model's records; a check's signature is verified when the registry is built; the links between
records are declared once per kind (models/kinds.py) and are what the refs check walks."""

from __future__ import annotations

import datetime as dt
import re
import typing
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel

from houqin.checks import registry
from houqin.checks.engine import BadCheck, Part
from houqin.checks.names import CHECK_NAMES, NAMED, check_of_code
from houqin.diagnostics import Diagnostic
from houqin.ledger.load import load_ledger
from houqin.messages import CATALOG
from houqin.models.config import Policy
from houqin.models.kinds import KIND_BY_MODEL, KIND_BY_PREFIX, KINDS, RecordKind, kinds, linked_kinds, links_of
from houqin.models.ledger import Ledger, UndeclaredRead
from houqin.models.records import Asset, Loan, Reimbursement, Stocktake, YearOpening
from tests.conftest import BUNDLED


@pytest.fixture(scope="module")
def bundled() -> Ledger:
    return load_ledger(BUNDLED, use_cache=False).ledger


def test_records_by_model_are_that_models_records(bundled: Ledger) -> None:
    for kind in KINDS:
        found = bundled.records(kind.model)
        assert found == bundled.held.get(kind.name, ())
        assert all(type(r) is kind.model for r in found)
    loans = bundled.records(Loan)
    assert loans and all(loan.borrower for loan in loans)  # typed: mypy sees tuple[Loan, ...]


def test_a_view_gives_only_what_it_declares_by_model(bundled: Ledger) -> None:
    view = bundled.view(kinds(Loan), "check 'x'")
    assert view.records(Loan) == bundled.records(Loan)
    with pytest.raises(UndeclaredRead, match="expenses"):
        view.records(Reimbursement)
    rel = bundled.records(Loan)[0].source.file
    file_view = bundled.file_view(rel, RecordKind.LOANS, kinds(Loan), kinds(Asset), "check 'x'")
    assert file_view.records(Loan) == bundled.file_records("loans", rel)
    assert file_view.seen(Asset) == bundled.records(Asset)  # looked up in the whole ledger
    with pytest.raises(UndeclaredRead):
        file_view.seen(Reimbursement)


def test_the_kinds_are_one_enum_tied_to_their_models() -> None:
    assert [k.key for k in KINDS] == list(RecordKind)
    assert all(k.name == k.key.value and type(k.name) is str for k in KINDS)  # plain text for the cache
    assert len({k.model for k in KINDS}) == len({k.prefix for k in KINDS}) == len(KINDS)
    assert all(KIND_BY_PREFIX[k.model.prefix] is k and KIND_BY_MODEL[k.model] is k for k in KINDS)


# What a registered check may look like, and what it may not.
def _fine(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    yield from ()


def _fine_dated(ledger: Ledger, policy: Policy, today: dt.date | None = None) -> Iterator[Diagnostic]:
    yield from ()


def _no_policy(ledger: Ledger) -> Iterator[Diagnostic]:
    yield from ()


def _policy_second(policy: Policy, ledger: Ledger) -> Iterator[Diagnostic]:
    yield from ()


def _returns_text(ledger: Ledger, policy: Policy) -> Iterator[str]:
    yield ""


def _wants_more(ledger: Ledger, policy: Policy, today: dt.date, extra: int) -> Iterator[Diagnostic]:
    yield from ()


def _wants_a_keyword(ledger: Ledger, policy: Policy, *, strict: bool) -> Iterator[Diagnostic]:
    yield from ()


def test_the_registry_accepts_checks_of_the_declared_signature() -> None:
    assert registry.whole(_fine, Loan).reads == {"loans"}
    assert registry.whole(_fine_dated, Loan, dated=True).dated
    assert registry.per_file(_fine, Loan, sees={"*": kinds(Asset)}).per_file
    assert all(isinstance(p, Part) for c in registry.CHECKS for p in c.parts)  # every rule passed at import


@pytest.mark.parametrize(
    ("run", "dated", "why"),
    [
        (_no_policy, False, "must take ledger, policy"),
        (_policy_second, False, "not the ledger"),
        (_returns_text, False, "must return diagnostics"),
        (_fine_dated, False, "not dated"),  # it would never be given the day
        (_fine, True, "must take ledger, policy, today"),
        (_wants_more, True, "must take"),
        (_wants_a_keyword, False, "keyword"),
    ],
)
def test_a_check_with_the_wrong_signature_is_refused_at_registration(
    run: typing.Callable[..., object], dated: bool, why: str
) -> None:
    with pytest.raises(BadCheck, match=why):
        Part(run, kinds(Loan), dated=dated)  # type: ignore[arg-type]


def test_a_part_declaring_no_such_kind_is_refused() -> None:
    with pytest.raises(BadCheck, match="loan"):
        Part(_fine, frozenset({"loan"}))
    with pytest.raises(BadCheck):
        Part(_fine, kinds(Loan), per_file=True, sees={"loans": frozenset({"asset"})})


def test_check_names_and_code_prefixes_are_written_once() -> None:
    assert tuple(c.name for c in registry.CHECKS) == CHECK_NAMES == tuple(n.name for n in NAMED)
    assert [(c.zh, c.en) for c in registry.CHECKS] == [(n.zh, n.en) for n in NAMED]
    prefixes = [p for n in NAMED for p in n.codes]
    assert len(prefixes) == len(set(prefixes))  # a code's letters name one check
    for code in CATALOG:
        check_of_code(code)  # every code in the catalogue belongs to a check (or is git's)


# Fields named like a link that are not ids of records, and why.
NOT_LINKS = {
    ("purchases", "lines.asset"): "the name of an asset to buy, before it has a card",
    ("assets", "origin"): "where an asset without a purchase came from: 捐赠, 调入 …",
    ("shop-batches", "batch"): "the supplier's batch number printed on the goods",
}
ID = re.compile(r"^([A-Z]{2})-\d{4}-\d{4,6}$")


def _models_in(annotation: object) -> list[type[BaseModel]]:
    out: list[type[BaseModel]] = []
    for a in typing.get_args(annotation) or (annotation,):
        if isinstance(a, type) and issubclass(a, BaseModel):
            out.append(a)
        elif typing.get_args(a):
            out += _models_in(a)
    return out


def _fields(model: type[BaseModel], prefix: str = "") -> Iterator[tuple[str, bool]]:
    """(dotted path, holds parts) of every field of a model and of the parts it holds."""
    for name, info in model.model_fields.items():
        parts = _models_in(info.annotation)
        yield f"{prefix}{name}", bool(parts)
        for part in parts:
            yield from _fields(part, f"{prefix}{name}.")


def test_every_field_named_like_a_link_is_declared_once() -> None:
    """A new field `expense:` (or `asset:` …) in any record is either a declared link of its kind or
    listed above as not one: a link cannot be added to a model and left out of the declarations."""
    link_names = {link.path.rsplit(".", 1)[-1] for k in KINDS for link in k.links}
    undeclared = []
    for kind in KINDS:
        declared = {link.path for link in kind.links}
        assert all(path in dict(_fields(kind.model)) for path in declared), kind.name  # no stale path
        for path, holds_parts in _fields(kind.model):
            if path.rsplit(".", 1)[-1] in link_names and not holds_parts and path not in declared:
                undeclared.append((kind.name, path))
    assert sorted(undeclared) == sorted(NOT_LINKS)


def _id_values(value: object, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _id_values(getattr(value, name), f"{path}.{name}" if path else name)
    elif isinstance(value, tuple):
        for v in value:
            yield from _id_values(v, path)
    elif isinstance(value, str) and (m := ID.match(value)) and m.group(1) in KIND_BY_PREFIX and path != "id":
        yield path, value


def test_every_id_a_bundled_record_names_is_through_a_declared_link(bundled: Ledger) -> None:
    for record in bundled.all_records():
        kind = KIND_BY_MODEL[type(record)]
        declared = {(link.path, link.to.prefix) for link in kind.links}
        for path, rid in _id_values(record, ""):
            if isinstance(record, YearOpening) and path == "last_ids":
                continue  # the highest id given of each kind, not a reference
            assert (path, rid[:2]) in declared, f"{kind.name}: {path} names {rid}"


def test_the_refs_check_walks_the_declarations(bundled: Ledger) -> None:
    sees = linked_kinds()
    assert sees["loans"] == {"assets"} and sees["stock-in"] == {"purchases", "stocktakes"}
    refs_part = next(p for c in registry.CHECKS if c.name == "refs" for p in c.parts if p.per_file)
    assert refs_part.sees == sees
    named = [(link.to, rid) for r in bundled.all_records() for link, rid, _line in links_of(r)]
    assert named and all(bundled.find(rid, model) is not None for model, rid in named)


def test_a_link_is_walked_at_the_declared_line(bundled: Ledger) -> None:
    asset = bundled.records(Asset)[0].model_copy(update={"purchase": "CG-2099-0001"})
    assert [(link.path, rid, line) for link, rid, line in links_of(asset)] == [
        ("purchase", "CG-2099-0001", asset.source.line)
    ]
    count = next(s for s in bundled.records(Stocktake) if any(f.asset for f in s.findings))
    found = [(rid, line) for _link, rid, line in links_of(count)]
    assert found == [(f.asset, f.line) for f in count.findings if f.asset]  # a finding's own line
    assert all(line != count.source.line for _rid, line in found)


def test_the_id_form_is_stated_once() -> None:
    """The id's shape (ZC-2026-0001) is written in models/base.py only; the ids check, the next id, the
    year-end close and the scanned-text lookups build on it, so one cannot drift from another."""
    from houqin.models.base import ID_FORM, ID_NUMBERED

    root = Path(__file__).resolve().parent.parent / "houqin"
    spelled = [
        str(p.relative_to(root))
        for p in root.rglob("*.py")
        if p.name != "base.py" and re.search(r"\[A-Z\]\{2\}-", p.read_text(encoding="utf-8"))
    ]
    assert spelled == []
    assert ID_FORM.match("ZC-2026-0001") and not ID_FORM.match("ZC-2026-0000001")
    assert not ID_FORM.match("ZC-２０２６-0001")  # full-width digits are no id
    m = ID_NUMBERED.match("ZC-2026-0000001")
    assert m is not None and m.groups() == ("2026", "0000001")
