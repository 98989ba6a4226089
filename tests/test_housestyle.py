"""The house-style reader gives exactly what the strict libyaml reader gives — the same values of the
same types, the same line of every mapping, key and item — or gives up: on every bundled and
generated file, on documents houqin writes, and on arbitrary text. A set of deliberate mutations of
the reader shows that these tests catch each one."""

from __future__ import annotations

import datetime as dt
import io
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from houqin.ledger import housestyle
from houqin.ledger.housestyle import read
from houqin.ledger.roundtrip import to_yaml, yaml_rt
from houqin.ledger.yamlio import LinedDict, LinedList, resolve_plain, strict_parse
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


Reader = Callable[[str], Any]


def agree(text: str, reader: Reader = read) -> bool:
    """The readers agree; True when the house-style reader took the text at all."""
    quick = reader(text)
    if quick is None:
        return False
    strict, problem = strict_parse(text.encode("utf-8"))
    assert problem is None, (problem, text)
    same(quick, strict)
    return True


def bundled_files_agree(reader: Reader = read) -> None:
    files = sorted(BUNDLED.glob("*.yaml")) + sorted(BUNDLED.glob("20*/*.yaml"))
    taken = [p for p in files if agree(p.read_text(encoding="utf-8"), reader)]
    record_files = [p for p in files if p.parent != BUNDLED]
    assert set(record_files) <= set(taken)  # every record file houqin wrote takes the fast road


def generated_files_agree(files: list[Path], reader: Reader = read) -> None:
    assert files
    for p in files:
        assert agree(p.read_text(encoding="utf-8"), reader), p


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("housestyle") / "ledger"
    generate(300, root)
    return sorted(root.glob("20*/*.yaml"))


def test_every_bundled_file_reads_the_same_both_ways() -> None:
    bundled_files_agree()


def test_every_generated_file_reads_the_same_both_ways(generated: list[Path]) -> None:
    generated_files_agree(generated)


NOT_HOUSE_STYLE = (
    "- a: |\n    two\n    lines\n",  # block scalar
    "- a: &x 1\n  b: *x\n",  # anchor and alias
    "- a: !!str 1\n",  # tag
    "- a: b'c # d\n",  # a quote inside a plain scalar, then a comment: the reader does not cut it
    "- a: 1\n  a: 2\n",  # duplicate key: libyaml's reader names it
    "- {a: 1, a: 2}\n",  # … in a flow mapping too
    '- a: "esc\\"aped"\n',
    '- a: "tab\\there"\n',  # an escape
    "- a: 'it''s'\n",
    "- a: plain\n    continued\n",
    "- a: 1\n\tb: 2\n",
    "---\n- a: 1\n",
    "- a: x\r\n",
    "- null: 1\n",  # a key YAML reads as no string
    "- a: x\n  # a comment\n b: y\n",  # a key out of line
)
# Close to the edge of the house style, but in it: taken, and read the same.
HOUSE_STYLE_AT_THE_EDGE = (
    "- {a: {b: 1}}\n",
    "a: yes\nb: 0x\n",  # yes is no boolean in YAML 1.2, nor 0x an int
    "- a: x#y\n  b: '#'\n  c: \"a: b\"\n",
    "- a: -1\n  b: -.5\n  c: '-'\n  d: [-1, x]\n",
    "- a: x # a comment after a value\n  b: 'y #' # and after a quoted one\n  c: [1, 2]  #\n  d:  # empty\n",
    "    - a: 1\n      b:\n          - x\n    - c: {d: 2}\n",  # indented as a whole, sequences indented
    '- id: ZC-2026-0001  # 已贴标签\n  name: "a \' #b" # a quote of the other kind inside\n',
)


def gives_up_on_what_is_not_the_house_style(reader: Reader = read) -> None:
    for text in NOT_HOUSE_STYLE:
        assert reader(text) is None, text
    for text in HOUSE_STYLE_AT_THE_EDGE:
        assert agree(text, reader), text


def test_what_is_not_the_house_style_is_left_to_libyaml() -> None:
    gives_up_on_what_is_not_the_house_style()


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


def written(doc: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    yaml_rt().dump(to_yaml(doc), buf)
    return buf.getvalue()


@settings(max_examples=300, deadline=None)
@given(documents)
@example([{"_": "?0"}, {"a": "-x", "b": ": y", "c": "[z", "d": "a, b", "e": "x #y"}])
def test_what_houqin_writes_reads_the_same_both_ways(doc: list[dict[str, Any]]) -> None:
    """Anything houqin may write: the fast reader agrees, or gives up and libyaml reads it cleanly (but a
    number too long to be one, which the strict reader refuses, YAML007)."""
    text = written(doc)
    if not agree(text):
        problem = strict_parse(text.encode("utf-8"))[1]
        assert problem is None or problem.code == "YAML007", (text, problem)


# What a record looks like: keys are names, texts need no escape, numbers fit, a mapping inside a flow list
# has no single key (ruamel writes `[k: v]` for that, which houqin's records never hold).
house_texts = st.text(
    alphabet=st.sampled_from([*"abcxyz XYZ019-:.,#[]{}&*!|>?%@`~_/+=", *"中文学校后勤，。、（）￥"]), max_size=12
)
house_keys = st.from_regex(r"\A[a-z][a-z_]{0,6}\Z").filter(lambda k: resolve_plain(k) == k)
house_scalars = st.one_of(
    house_texts,
    st.integers(min_value=-(10**18), max_value=10**18),
    st.decimals(places=2, allow_nan=False, allow_infinity=False, min_value=-(10**9), max_value=10**9),
    st.booleans(),
    st.none(),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1)),
    st.sampled_from(["yes", "no", "012", "1:20", "0x1F", "0o17", "1e3", "1234.50", ".inf", "-.5", "~", "null", ""]),
)


def _not_one_key(v: Any) -> bool:
    return not (isinstance(v, dict) and len(v) == 1)


house_values = st.recursive(
    house_scalars,
    lambda inner: st.one_of(
        st.lists(inner.filter(_not_one_key), max_size=3), st.dictionaries(house_keys, inner, max_size=3)
    ),
    max_leaves=8,
)
house_documents = st.lists(st.dictionaries(house_keys, house_values, max_size=5), min_size=1, max_size=4)


@settings(max_examples=300, deadline=None)
@given(house_documents)
@example([{"role": "handler", "by": "张明", "on": dt.date(2026, 3, 5), "amount": "1299.50", "tags": ["a", "b"]}])
def test_what_houqin_writes_in_the_house_style_takes_the_fast_road(doc: list[dict[str, Any]]) -> None:
    assert agree(written(doc)), written(doc)


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
        comment = draw(st.sampled_from(["", "", "", " # c", "  #", " #'x", ' # "y', "#z"]))
        out.append(indent + line + comment if line else "")
    return "\n".join(out) + "\n"


EXAMPLES = (
    "- {a: 1, b: 2}\n- {a: 1,b: 2}\n",
    "- a: 1\n  b: 2\n- [a:]\n",
    "- [x, a:]\n",
    "- a: 1234567890123456789012345678901234567890\n  b: 0x1234567890123456789012345678901234567890\n",
    "a:\n- 1\n- [x, y]\nb:\n  c: ~\n",
)


def read_the_same_or_left_alone(text: str, reader: Reader = read) -> None:
    quick = reader(text)
    if quick is not None:
        strict, problem = strict_parse(text.encode("utf-8"))
        assert problem is None, (text, problem)
        same(quick, strict)


@settings(max_examples=600, deadline=None)
@given(yaml_lines())
@example(EXAMPLES[0])
@example(EXAMPLES[1])
@example(EXAMPLES[2])
@example(EXAMPLES[3])
@example(EXAMPLES[4])
def test_arbitrary_text_is_read_the_same_or_left_alone(text: str) -> None:
    read_the_same_or_left_alone(text)


# Deliberate mutations of ledger/housestyle.py: each (old, new) is applied to a copy of its source, and
# the agreement checks above, run with the mutant's reader, must catch it.
MUTATIONS = {
    "a line off": ("enumerate(text.split(\"\\n\"), start=1)", "enumerate(text.split(\"\\n\"), start=2)"),
    "an item's line off": ("out.item_lines.append(number)", "out.item_lines.append(number + 1)"),
    "an indented document refused": ("reader.node(lines[0][1])", "reader.node(0)"),
    "a flow item's line off": ("out.item_lines.append(line)\n", "out.item_lines.append(line + 1)\n"),
    "a key's line off": ("out.key_lines[key] = number", "out.key_lines[key] = number + 1"),
    "a comment after a plain scalar holding a quote accepted": ("or \" #\" in text\n", "\n"),
    "a comment looked for inside quotes": ("            quote = c\n", "            pass\n"),
    "a comment kept in the value": ("content = _before_comment(content)", "content = content"),
    "an escape accepted": ('if "\\\\" in text or UNUSUAL.search(text):', "if UNUSUAL.search(text):"),
    "a carriage return accepted": ('UNUSUAL = re.compile("[^\\n', 'UNUSUAL = re.compile("[^\\r\\n'),
    "a doubled quote accepted": ("or quote in text[1:-1]", ""),
    "a duplicate key accepted": ("resolve_plain(key) != key or key in out:\n                raise GiveUp\n            out.key_lines[key] = number", "resolve_plain(key) != key:\n                raise GiveUp\n            out.key_lines[key] = number"),
    "a duplicate key accepted in a flow mapping": ("        if resolve_plain(key) != key or key in out:\n            raise GiveUp\n        out.key_lines[key] = line\n        out[key] = _scalar", "        if resolve_plain(key) != key:\n            raise GiveUp\n        out.key_lines[key] = line\n        out[key] = _scalar"),
    "a key YAML reads as no string accepted": ("if not KEY.fullmatch(key) or resolve_plain(key) != key or key in out:\n                raise GiveUp\n            out.key_lines", "if not KEY.fullmatch(key) or key in out:\n                raise GiveUp\n            out.key_lines"),
    "plain scalars left unresolved": ("    return resolve_plain(text)\n", "    return text\n"),
    "quoted scalars resolved": ("        return text[1:-1]\n", "        return resolve_plain(text[1:-1])\n"),
    "a huge number accepted": ("        raise GiveUp  # a huge number", "        pass  # a huge number"),
    "giving up on everything": ("    if not lines:\n        return None\n", "    if lines:\n        return None\n"),
}  # fmt: skip


def reader_of(source: str) -> Reader:
    module = types.ModuleType("housestyle_mutant")
    exec(compile(source, "housestyle_mutant.py", "exec"), module.__dict__)
    found: Reader = module.read
    return found


def agreement_checks(reader: Reader, generated: list[Path]) -> None:
    """What the tests above check, with `reader` in place of the house-style reader."""
    bundled_files_agree(reader)
    generated_files_agree(generated, reader)
    gives_up_on_what_is_not_the_house_style(reader)
    for text in EXAMPLES:
        read_the_same_or_left_alone(text, reader)


SOURCE = Path(housestyle.__file__).read_text(encoding="utf-8")


def test_the_agreement_checks_pass_on_an_unmutated_copy(generated: list[Path]) -> None:
    agreement_checks(reader_of(SOURCE), generated)


@pytest.mark.parametrize("mutation", list(MUTATIONS))
def test_each_mutation_of_the_reader_is_caught(mutation: str, generated: list[Path]) -> None:
    old, new = MUTATIONS[mutation]
    assert SOURCE.count(old) == 1, f"{mutation}: the mutation no longer applies to ledger/housestyle.py"
    with pytest.raises(AssertionError):
        agreement_checks(reader_of(SOURCE.replace(old, new)), generated)


@pytest.mark.parametrize("value", ["0:?", "x:", "a:b", "10:30:x"])
def test_a_colon_in_a_flow_value_is_written_quoted_and_read_alike(value: str) -> None:
    """Found by hypothesis: houqin wrote `- {a: 0:?}`, which libyaml refuses and the fast reader took."""
    from houqin.ledger.roundtrip import _scalar

    assert isinstance(_scalar(value), str) and type(_scalar(value)).__name__ == "DoubleQuotedScalarString"
    assert read(f"- {{a: {value}}}\n") is None  # the fast reader leaves it to the strict one
    assert agree(f'- {{a: "{value}"}}\n')
