"""The house-style reader gives exactly what the strict libyaml reader gives — the same values of the
same types, the same line of every mapping, key and item — or gives up: on every bundled and
generated file, on documents houqin writes, and on arbitrary text."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from houqin.ledger.housestyle import read
from houqin.ledger.roundtrip import to_yaml, yaml_rt
from houqin.ledger.yamlio import LinedDict, LinedList, strict_parse
from tests.conftest import BUNDLED
from tests.test_benchmarks import generate


def same(a: Any, b: Any, where: str = "") -> None:
    """Equal values of equal types, with equal lines all the way down."""
    assert type(a) is type(b), (where, a, b)
    if isinstance(a, LinedDict):
        assert (a.line, a.key_lines, list(a)) == (b.line, b.key_lines, list(b)), where
        for k in a:
            same(a[k], b[k], f"{where}.{k}")
    elif isinstance(a, LinedList):
        assert (a.line, a.item_lines, len(a)) == (b.line, b.item_lines, len(b)), where
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            same(x, y, f"{where}[{i}]")
    else:
        assert a == b or (a != a and b != b), (where, a, b)  # NaN is NaN


def agree(text: str) -> bool:
    """The readers agree; True when the house-style reader took the text at all."""
    quick = read(text)
    if quick is None:
        return False
    strict, problem = strict_parse(text.encode("utf-8"))
    assert problem is None, (problem, text)
    same(quick, strict)
    return True


def test_every_bundled_file_reads_the_same_both_ways() -> None:
    files = sorted(BUNDLED.glob("*.yaml")) + sorted(BUNDLED.glob("20*/*.yaml"))
    taken = [p for p in files if agree(p.read_text(encoding="utf-8"))]
    record_files = [p for p in files if p.parent != BUNDLED]
    assert set(record_files) <= set(taken)  # every record file houqin wrote takes the fast road


def test_every_generated_file_reads_the_same_both_ways(tmp_path: Path) -> None:
    generate(300, tmp_path / "ledger")
    files = sorted((tmp_path / "ledger").glob("20*/*.yaml"))
    assert files and all(agree(p.read_text(encoding="utf-8")) for p in files)


def test_what_is_not_the_house_style_is_left_to_libyaml() -> None:
    for text in (
        "- a: |\n    two\n    lines\n",  # block scalar
        "- a: x # a comment after a value\n",
        "- a: &x 1\n  b: *x\n",  # anchor and alias
        "- a: !!str 1\n",  # tag
        "- a: 1\n  a: 2\n",  # duplicate key: libyaml's reader names it
        '- a: "esc\\"aped"\n',
        "- a: 'it''s'\n",
        "- a: plain\n    continued\n",
        "- a: 1\n\tb: 2\n",
        "---\n- a: 1\n",
        "- {a: {b: 1}}\n",
        "- a: x\r\n",
        "a: yes\nb: 0x\n",  # fine for both, but 0x is not an int: equal either way
    ):
        quick = read(text)
        if quick is not None:
            same(quick, strict_parse(text.encode())[0])


texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
scalars = st.one_of(
    texts,
    st.integers(min_value=-(10**40), max_value=10**40),
    st.decimals(places=2, allow_nan=False, allow_infinity=False, min_value=-(10**9), max_value=10**9),
    st.booleans(),
    st.none(),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1)),
    st.sampled_from(["yes", "no", "012", "1:20", "0x1F", "0o17", "1e3", "1234.50", ".inf", "-.5", "~", "null", ""]),
)
keys = st.text(alphabet="abcdefghij_-TN", min_size=1, max_size=6)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(keys, inner, max_size=3)),
    max_leaves=8,
)
documents = st.lists(st.dictionaries(keys, values, max_size=5), max_size=4)


@settings(max_examples=300, deadline=None)
@given(documents)
@example([{"_": "?0"}, {"a": "-x", "b": ": y", "c": "[z", "d": "a, b", "e": "x #y"}])
def test_what_houqin_writes_reads_the_same_both_ways(doc: list[dict[str, Any]]) -> None:
    buf = io.StringIO()
    yaml_rt().dump(to_yaml(doc), buf)
    agree(buf.getvalue())


tokens = st.sampled_from(
    ["a", "b", "x y", "1", "-1", "0o7", "0x1f", "1e3", "-.5", ".nan", "true", "True", "yes", "~", "null", "", " ",
     "2026-01-01", "ZC-2026-0001", '"q"', "'q'", '"a, b"', "a,b", "a: b", "a #b", "a#b", "-", "- x", "[x]", "{x}",
     "&a", "*a", "!t", "|", ">", "?", "%", "@", "`", "中文", "a:", "a ", "12345678901234567890123456789012"]
)  # fmt: skip
names = st.sampled_from(["a", "b", "id", "on", "true", "null", "1", "a b", "a-b", "_"])


@st.composite
def yaml_lines(draw: st.DrawFn) -> str:
    """Text made of the lines the house style is made of, at random indents, with tricky scalars."""
    out = []
    for _ in range(draw(st.integers(1, 4))):
        indent = " " * draw(st.sampled_from([0, 0, 0, 0, 2, 2, 4, 1]))
        k, k2, v, v2 = draw(names), draw(names), draw(tokens), draw(tokens)
        form = draw(st.integers(0, 9))
        line = [
            f"- {k}: {v}", f"{k}: {v}", f"{k}:", f"- {v}", f"- {{{k}: {v}, {k2}: {v2}}}", f"{k}: [{v}, {v2}]",
            "# note", "", f"{k}: {{{k2}: [{v}]}}", f"- [{v}]",
        ][form]  # fmt: skip
        out.append(indent + line if line else "")
    return "\n".join(out) + "\n"


@settings(max_examples=600, deadline=None)
@given(yaml_lines())
@example("- {a: 1, b: 2}\n- {a: 1,b: 2}\n")
@example("- a: 1\n  b: 2\n- [a:]\n")
@example("- [x, a:]\n")
@example("- a: 1234567890123456789012345678901234567890\n  b: 0x1234567890123456789012345678901234567890\n")
@example("a:\n- 1\n- [x, y]\nb:\n  c: ~\n")
def test_arbitrary_text_is_read_the_same_or_left_alone(text: str) -> None:
    quick = read(text)
    if quick is not None:
        strict, problem = strict_parse(text.encode("utf-8"))
        assert problem is None, (text, problem)
        same(quick, strict)
