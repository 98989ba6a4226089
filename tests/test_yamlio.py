"""The fast reader agrees with ruamel.yaml (YAML 1.2), the writer's own reader, on what people type
and on every bundled file; and it refuses what a ledger must never hold."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from houqin.ledger.roundtrip import to_yaml, yaml_rt
from houqin.ledger.yamlio import parse
from tests.conftest import BUNDLED


def ruamel_plain(text: str) -> Any:
    """What ruamel's round-trip reader sees, as plain Python (dates as ISO strings, like ours)."""

    def plain(node: Any) -> Any:
        if isinstance(node, dict):
            return {plain(k): plain(v) for k, v in node.items()}
        if isinstance(node, list):
            return [plain(v) for v in node]
        if isinstance(node, dt.date):
            return node.isoformat()
        if isinstance(node, str):
            return str(node)
        if isinstance(node, bool) or node is None:
            return node
        if isinstance(node, int):
            return int(node)
        if isinstance(node, float):
            return float(node)
        return node

    return plain(yaml_rt().load(text))


def ours(text: str) -> Any:
    value, problem = parse(text.encode())
    assert problem is None, problem

    def plain(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: plain(v) for k, v in node.items()}
        if isinstance(node, list):
            return [plain(v) for v in node]
        return node

    return plain(value)


def test_yaml_12_scalars() -> None:
    assert ours("a: yes\nb: 012\nc: 1:20\nd: 1234.50\ne: 2024-03-05\nf: true\ng: ~\nh: 0o17\ni: off\n") == {
        "a": "yes",
        "b": 12,
        "c": "1:20",
        "d": 1234.5,
        "e": "2024-03-05",
        "f": True,
        "g": None,
        "h": 15,
        "i": "off",
    }


def test_refusals() -> None:
    assert parse(b"a: 1\na: 2\n")[1].code == "YAML002"  # type: ignore[union-attr]
    assert parse(b"a: &x 1\nb: *x\n")[1].code == "YAML004"  # type: ignore[union-attr]
    assert parse(b"a: {<<: {b: 1}}\n")[1].code == "YAML004"  # type: ignore[union-attr]
    assert parse(b"a: !!python/name:os.system x\n")[1].code == "YAML003"  # type: ignore[union-attr]
    assert parse(b"a: !!binary aGVsbG8=\n")[1].code == "YAML003"  # type: ignore[union-attr]
    assert parse(b"a: !custom x\n")[1].code == "YAML003"  # type: ignore[union-attr]


def test_billion_laughs_is_refused_at_once() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    _value, problem = parse(bomb.encode())
    assert problem is not None and problem.code == "YAML004"


def test_every_bundled_file_reads_the_same_both_ways() -> None:
    files = sorted(BUNDLED.rglob("*.yaml"))
    assert len(files) > 10
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert ours(text) == ruamel_plain(text), path


def test_houqin_files_survive_a_ruamel_round_trip_byte_for_byte() -> None:
    """What houqin appends is what a full ruamel load + dump would write: no reformatting later."""
    y = yaml_rt()
    for path in sorted(BUNDLED.glob("20*/*.yaml")):
        text = path.read_text(encoding="utf-8")
        buf = io.StringIO()
        y.dump(y.load(text), buf)
        assert buf.getvalue() == text, path


texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), max_size=12)
scalars = st.one_of(
    texts,
    st.integers(min_value=-(10**12), max_value=10**12),
    st.booleans(),
    st.none(),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1)),
    st.sampled_from(["yes", "no", "on", "off", "012", "1:20", "0x1F", "1e3", "1234.50", ".inf", "~", "null", ""]),
)
keys = st.text(alphabet="abcdefghij_", min_size=1, max_size=6)
documents = st.lists(st.dictionaries(keys, st.one_of(scalars, st.lists(scalars, max_size=3)), max_size=5), max_size=4)


@settings(max_examples=150, deadline=None)
@given(documents)
@example([{"_": "?0"}, {"a": "-x", "b": ": y", "c": "[z"}])  # plain for ruamel, broken for libyaml
def test_what_houqin_writes_reads_back_the_same(doc: list[dict[str, Any]]) -> None:
    buf = io.StringIO()
    yaml_rt().dump(to_yaml(doc), buf)
    text = buf.getvalue()
    assert ours(text) == ruamel_plain(text)

    def expected(v: Any) -> Any:
        if isinstance(v, dict):
            return {k: expected(x) for k, x in v.items()}
        if isinstance(v, list):
            return [expected(x) for x in v]
        return v.isoformat() if isinstance(v, dt.date) else v

    assert ours(text) == expected(doc)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    parse(data)
