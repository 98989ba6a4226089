"""The message catalogue: houqin/locale/{zh_CN,en}/LC_MESSAGES/houqin.po, the one source of the words on
the screen (docs/messages.md). Babel does the work; houqin itself reads only the compiled .mo files,
with the standard library's gettext.

    python scripts/catalogue.py            check (make lint): every message the code names is in both
                                           catalogues, every message in them is used, the .mo and the
                                           .pot are fresh; exit 1 and a list of what is wrong if not
    python scripts/catalogue.py compile    write the .mo files and the .pot template from the .po files
    python scripts/catalogue.py absorb REV add the messages that the old dictionaries (houqin.i18n.TEXT,
                                           ROLES, …, houqin.messages.CATALOG, …) hold at git revision REV
                                           and the catalogues lack (those the code uses), then compile: for a branch written
                                           before the catalogue (git show REV:houqin/i18n.py)
    python scripts/catalogue.py prune      remove the unused messages the check finds, then compile
    python scripts/catalogue.py plural KEY "ONE"
                                           make the message KEY a plural one (houqin.i18n.nt): its English
                                           text becomes the plural form and ONE the singular; Chinese keeps
                                           its one form

The check and compile take --root DIR (a copy of the project, as the tests use)."""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import functools
import io
import re
import subprocess
import sys
import types
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALES = {"zh": "zh_CN", "en": "en"}
DOMAIN = "houqin"
# Fixed dates in the headers, so that a compile writes the same bytes twice (the .mo is committed).
STAMP = dt.datetime(2026, 12, 2, tzinfo=dt.UTC)

# The functions (and errors) whose first argument names a message, and the context it is looked for in
# (None: the plain keys of houqin.i18n.t). Babel's extractor reads them from the code.
KEYWORDS: dict[str, str | None] = {
    "t": None,
    "nt": None,
    "HouqinError": None,
    "UsageError": None,
    "InputError": None,
    "RefusedError": None,
    "GitError": None,
    "DiskFullError": None,
    "IndexBehindError": None,
    "SourceRefused": None,
    "RowTrouble": "import_reason",
    "diag": "diagnostic",
    "bilingual": "audit",
    "chinese": "audit",
    "RecordName": "record",
}
# Contexts whose messages are used only where a keyword call names them: the audit pack's words (its
# keys, id or date, are strings everywhere else), and the names of kinds of record in messages (i18n.RecordName).
KEYED = {"audit", "record"}
# Contexts whose messages are tables of the school's words or of the diagnostics: kept whole whether or
# not the code names each entry (a role is a role the ledger may hold, whatever the code prints).
TABLES = {
    "schema_reason",
    "role",
    "field",
    "status",
    "kind",
    "check",
    "yaml_problem",
    "sign_command",
    "pay_command",
    "any_sign",
}
# Why pydantic finds a field wrong (schema_reason) is a table too: its keys are pydantic's error types.
# Keys the code composes in a way the patterns cannot see: form.title.<kind>.<variant> (reports/forms.py).
COMPOSED = ("form.title.disposals.",)
# Keys of houqin.i18n.t that name a table's entry: step.handler is the role handler (i18n.PREFIXED).
PREFIXED = {"step.": "role", "status.": "status"}


HEADER = """\
# houqin's words on the screen: the one source of them (docs/messages.md).
# Edit the .po files; then python scripts/catalogue.py compile, and python scripts/catalogue.py."""


def po_path(root: Path, lang: str) -> Path:
    return root / "houqin" / "locale" / LOCALES[lang] / "LC_MESSAGES" / f"{DOMAIN}.po"


def pot_path(root: Path) -> Path:
    return root / "houqin" / "locale" / f"{DOMAIN}.pot"


def load(root: Path, lang: str) -> Catalog:
    with po_path(root, lang).open("rb") as f:
        catalog = read_po(f, locale=LOCALES[lang], domain=DOMAIN)
    catalog.header_comment = HEADER
    catalog.msgid_bugs_address = "docs/messages.md"
    return catalog


def new_catalog(lang: str | None) -> Catalog:
    catalog = Catalog(
        locale=LOCALES[lang] if lang else None,
        domain=DOMAIN,
        project="houqin",
        version="0.1.0",
        copyright_holder="houqin",
        msgid_bugs_address="docs/messages.md",
        creation_date=STAMP,
        revision_date=STAMP,
        language_team="houqin",
        last_translator="houqin",
        fuzzy=False,
        header_comment=HEADER,
    )
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=0, sort_output=False, ignore_obsolete=True, include_previous=False)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def template(zh: Catalog) -> Catalog:
    """The .pot: every message of the catalogue without its text (the zh catalogue holds them all)."""
    pot = new_catalog(None)
    for m in zh:
        if m.id:
            pot.add(m.id, "" if isinstance(m.id, str) else ("", ""), context=m.context)
    return pot


def compiled(root: Path) -> dict[Path, bytes]:
    """What compile writes: the .mo of each catalogue and the .pot, from the .po files as they stand."""
    out = {}
    for lang in LOCALES:
        out[po_path(root, lang).with_suffix(".mo")] = mo_bytes(load(root, lang))
    out[pot_path(root)] = po_bytes(template(load(root, "zh")))
    return out


def compile_all(root: Path) -> None:
    for path, data in compiled(root).items():
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
            print(f"wrote {path.relative_to(root)}")


# --- what the code uses -------------------------------------------------------------------------------


@dataclass
class Used:
    """What the code names: messages by (context, key) from Babel's extraction of the keyword calls,
    every string constant, the patterns of keys built at run time (f"due.what.{kind}", "fire." + x), and the
    diagnostic codes the checks emit."""

    named: set[tuple[str | None, str]] = field(default_factory=set)
    where: dict[tuple[str | None, str], str] = field(default_factory=dict)
    constants: set[str] = field(default_factory=set)
    patterns: set[str] = field(default_factory=set)
    codes: dict[str, object] = field(default_factory=dict)

    @functools.cached_property
    def matcher(self) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in sorted(self.patterns)) or "(?!)")

    def uses(self, context: str | None, key: str) -> bool:
        if context is None:
            return key in self.constants or key.startswith(COMPOSED) or bool(self.matcher.fullmatch(key))
        if context in ("diagnostic", "hint", "refused"):
            return key in self.codes
        if context in KEYED:
            return (context, key) in self.named
        return key in self.constants or context in TABLES


def sources(root: Path) -> Iterator[Path]:
    yield from sorted((root / "houqin").rglob("*.py"))


def calls(found: list[ast.Call]) -> Callable[..., Iterator[tuple[int, str, tuple[str, ...], list[str]]]]:
    """A Babel extraction method over a module's calls: each call of a keyword with the literal keys its
    first argument can be (both of `"a" if x else "b"`; none of a key built at run time). Babel's own
    Python extractor reads tokens, and joins the two branches of such a choice into one key."""

    def extract(fileobj: object, keywords: Iterable[str], comment_tags: object, options: object) -> Iterator[Any]:
        for node in found:
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if name in keywords:
                for key in literal_keys(node.args[0]):
                    yield node.lineno, name, (key,), []

    return extract


def literal_keys(node: ast.expr) -> Iterator[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.IfExp):
        yield from literal_keys(node.body)
        yield from literal_keys(node.orelse)


def pattern(node: ast.JoinedStr | ast.BinOp) -> str | None:
    """A key built at run time as a pattern of the keys it can be (f"due.what.{kind}", f"{what}_plan",
    "fire." + result), or None when too little of it is written out to tell."""
    parts = node.values if isinstance(node, ast.JoinedStr) else [node.left, node.right]
    out, written = [], ""
    for part in parts:
        if isinstance(part, ast.Constant) and isinstance(part.value, str):
            if not re.fullmatch(r"[a-z0-9_.-]+", part.value):
                return None
            out.append(re.escape(part.value))
            written += part.value
        else:
            out.append(r"[a-z0-9_.-]+")
    return "".join(out) if len(written) >= 3 and re.search(r"[a-z]", written) else None


def used(root: Path) -> Used:
    found = Used()
    for path in sources(root):
        named, constants, patterns = scan(path.read_bytes())
        for lineno, key in named:
            found.named.add(key)
            found.where.setdefault(key, f"{path.relative_to(root)}:{lineno}")
        found.constants |= constants
        found.patterns |= patterns
    found.codes = dict(severities(root))
    return found


@functools.lru_cache(maxsize=1024)
def scan(source: bytes) -> tuple[list[tuple[int, tuple[str | None, str]]], frozenset[str], frozenset[str]]:
    """One module: the messages its keyword calls name (Babel's extraction), its string constants, and
    the patterns of the keys it builds (kept by content, so a copy of the project is read fast)."""
    keyed: list[ast.Call] = []
    constants: set[str] = set()
    patterns: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and node.args:
            keyed.append(node)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            constants.add(node.value)
        elif isinstance(node, ast.JoinedStr) or (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add)):
            built = pattern(node)
            if built:
                patterns.add(built)
    named: list[tuple[int, tuple[str | None, str]]] = []
    for context, keywords in GROUPS.items():
        for lineno, key, _, _ in extract(calls(keyed), io.BytesIO(), keywords=keywords):
            named.append((lineno, split_prefixed(key) if context is None else (context, key)))
    return named, frozenset(constants), frozenset(patterns)


# The keywords by the context they name messages in: one Babel extraction each.
GROUPS: dict[str | None, dict[str, tuple[int, ...]]] = {}
for _name, _context in KEYWORDS.items():
    GROUPS.setdefault(_context, {})[_name] = (1,)


def split_prefixed(key: str) -> tuple[str | None, str]:
    for prefix, context in PREFIXED.items():
        if key.startswith(prefix):
            return context, key.removeprefix(prefix)
    return None, key


def severities(root: Path) -> dict[str, str]:
    """The diagnostic codes (houqin.messages.SEVERITIES), read from the source so a copy can be checked."""
    tree = ast.parse((root / "houqin" / "messages.py").read_bytes())
    for node in tree.body:
        target = node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(target, ast.Name) and target.id == "SEVERITIES" and isinstance(node.value, ast.Dict):
            return {
                k.value: ast.unparse(v)
                for k, v in zip(node.value.keys, node.value.values, strict=True)
                if isinstance(k, ast.Constant) and isinstance(k.value, str)
            }
    raise SystemExit("houqin/messages.py has no SEVERITIES table")


# --- the check --------------------------------------------------------------------------------------


def entries(catalog: Catalog) -> dict[tuple[str | None, str], Message]:
    return {(m.context, m.id if isinstance(m.id, str) else m.id[0]): m for m in catalog if m.id}


def problems(root: Path) -> list[str]:
    """Everything wrong with the catalogues, one line each (none: all is well)."""
    out: list[str] = []
    code = used(root)
    cats = {lang: load(root, lang) for lang in LOCALES}
    held = {lang: entries(c) for lang, c in cats.items()}
    for lang, catalog in cats.items():
        want = 1 if lang == "zh" else 2
        if catalog.num_plurals != want:
            out.append(
                f"{po_path(root, lang).relative_to(root)}: Plural-Forms has nplurals={catalog.num_plurals}, not {want}"
            )
        for (context, key), m in held[lang].items():
            strings = m.string if isinstance(m.string, tuple) else (m.string,)
            if not all(strings) or (not isinstance(m.id, str) and len(strings) != want):
                out.append(f"{lang}: {show(context, key)} has no text (or not one per plural form)")
    for key in code.named:
        for lang in LOCALES:
            if key not in held[lang]:
                out.append(f"missing in {lang}: {show(*key)} (used at {code.where[key]})")
    for code_ in code.codes:
        for context in ("diagnostic", "hint"):
            for lang in LOCALES:
                if (context, code_) not in held[lang]:
                    out.append(
                        f"missing in {lang}: {show(context, code_)} (the diagnostic {code_} of houqin/messages.py)"
                    )
    for a, b in (("zh", "en"), ("en", "zh")):
        for key in held[a].keys() - held[b].keys():
            if key not in code.named:
                out.append(f"missing in {b}: {show(*key)} (the {a} catalogue has it)")
    for key in sorted(held["zh"].keys() | held["en"].keys(), key=lambda k: (k[0] or "", k[1])):
        if not code.uses(*key):
            out.append(f"unused: {show(*key)} (no code names it: delete it from both .po files)")
        elif key[0] == "refused" and key[1] not in code.codes:
            out.append(f"unused: {show(*key)} (no such diagnostic)")
    for path, data in compiled(root).items():
        if not path.exists() or path.read_bytes() != data:
            out.append(f"stale: {path.relative_to(root)} (run: python scripts/catalogue.py compile)")
    return out


def show(context: str | None, key: str) -> str:
    return f"{context}|{key}" if context else key


def prune(root: Path) -> None:
    code = used(root)
    for lang in LOCALES:
        catalog = load(root, lang)
        for (context, key), m in list(entries(catalog).items()):
            if not code.uses(context, key):
                catalog.delete(m.id, context=context)
                print(f"{lang}: removed {show(context, key)}")
        po_path(root, lang).write_bytes(po_bytes(catalog))
    compile_all(root)


# --- absorbing the old dictionaries ---------------------------------------------------------------


def old_module(root: Path, rev: str, path: str, name: str) -> types.ModuleType | None:
    """houqin/i18n.py or houqin/messages.py as it stood at `rev`, run as a module of its own (None when
    that revision has no dictionaries in it any more)."""
    shown = subprocess.run(["git", "show", f"{rev}:{path}"], cwd=root, capture_output=True, check=True, text=True)
    module = types.ModuleType(name)
    sys.modules[name] = module  # dataclasses look their module up
    try:
        exec(compile(shown.stdout, f"{rev}:{path}", "exec"), module.__dict__)
    finally:
        del sys.modules[name]
    return module


def old_entries(root: Path, rev: str) -> Iterator[tuple[str | None, str, str, str]]:
    """(context, key, zh, en) for every word of the old dictionaries at `rev`."""
    i18n = old_module(root, rev, "houqin/i18n.py", "old_i18n")
    tables = {"role": "ROLES", "field": "FIELDS", "status": "STATUSES"}
    assert i18n is not None
    text: dict[str, tuple[str, str]] = getattr(i18n, "TEXT", {})
    for key, (zh, en) in text.items():
        context, bare = split_prefixed(key)
        if context and bare in getattr(i18n, tables[context], {}):
            continue  # step.handler and status.paid were copies of ROLES and STATUSES
        yield None, key, zh, en
    for context, name in tables.items():
        for key, (zh, en) in getattr(i18n, name, {}).items():
            yield context, key, zh, en
    messages = old_module(root, rev, "houqin/messages.py", "old_messages")
    assert messages is not None
    for code, m in getattr(messages, "CATALOG", {}).items():
        yield "diagnostic", code, m.zh, m.en
        yield "hint", code, m.hint_zh, m.hint_en
    for context, name in (
        ("refused", "AT_REFUSAL"),
        ("schema_reason", "SCHEMA_REASONS"),
        ("import_reason", "IMPORT_REASONS"),
        ("sign_command", "SIGN_COMMANDS"),
        ("pay_command", "PAY_COMMANDS"),
    ):
        for key, (zh, en) in getattr(messages, name, {}).items():
            yield context, key, zh, en
    if hasattr(messages, "ANY_SIGN"):
        zh, en = messages.ANY_SIGN
        yield "any_sign", "sign", zh, en
    for problem, zh in getattr(messages, "YAML_PROBLEMS", {}).items():
        yield "yaml_problem", problem, zh, problem
    for context, path, name in SMALL_TABLES:
        for key, (zh, en) in literal_table(root, rev, path, name).items():
            yield context, key, zh, en
    for context, path, call in CALL_TABLES:
        for key, zh, en in literal_calls(root, rev, path, call):
            yield context, key, zh, en
    severities = {code: m.severity.name for code, m in getattr(messages, "CATALOG", {}).items()}
    known = set(severities_or_empty(root))
    for code, severity in severities.items():
        if code not in known:
            print(f"add to houqin/messages.py SEVERITIES: {code!r}: {severity[0]},")


# The smaller stores the catalogue took over: (context, file, the dict's name), and (context, file, the
# class whose calls held the words: Kind("loans", Loan, "借用", "loans") gives loans → 借用 / loans).
SMALL_TABLES = (
    ("meal", "houqin/checks/food_safety.py", "MEAL_NAMES"),
    ("utility", "houqin/checks/safety.py", "UTILITY_NAMES"),
    ("count_at", "houqin/checks/stocktake.py", "AT_NAMES"),
    ("asset_finding", "houqin/checks/stocktake.py", "ASSET_FINDINGS"),
)
CALL_TABLES = (("kind", "houqin/models/kinds.py", "Kind"), ("check", "houqin/checks/registry.py", "Check"))


def old_source(root: Path, rev: str, path: str) -> ast.Module:
    shown = subprocess.run(["git", "show", f"{rev}:{path}"], cwd=root, capture_output=True, check=False, text=True)
    return ast.parse(shown.stdout if shown.returncode == 0 else "")


def literal_table(root: Path, rev: str, path: str, name: str) -> dict[str, tuple[str, str]]:
    """A dict of (zh, en) pairs written out in a module at `rev` ({} when it is not there any more)."""
    for node in ast.walk(old_source(root, rev, path)):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            try:
                value = ast.literal_eval(node.value)
            except ValueError:
                return {}  # no longer written out: Words("…")
            return {k: tuple(v) for k, v in value.items()}
    return {}


def literal_calls(root: Path, rev: str, path: str, call: str) -> Iterator[tuple[str, str, str]]:
    """The (key, zh, en) of each call `call(key, _, zh, en)` in a module at `rev`."""
    for node in ast.walk(old_source(root, rev, path)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == call
            and len(node.args) == 4
        ):
            words = [node.args[i] for i in (0, 2, 3)]
            if all(isinstance(w, ast.Constant) and isinstance(w.value, str) for w in words):
                key, zh, en = (str(w.value) for w in words if isinstance(w, ast.Constant))
                yield key, zh, en


def severities_or_empty(root: Path) -> dict[str, str]:
    try:
        return severities(root)
    except SystemExit:
        return {}


def absorb(root: Path, rev: str) -> None:
    code = used(root)
    found = [e for e in old_entries(root, rev) if code.uses(e[0], e[1])]  # dead keys stay out
    for lang in LOCALES:
        path = po_path(root, lang)
        catalog = load(root, lang) if path.exists() else new_catalog(lang)
        held = entries(catalog)
        added = 0
        for context, key, zh, en in found:
            if (context, key) in held:
                text = held[context, key].string
                if (text if isinstance(text, str) else text[-1]) != (zh if lang == "zh" else en):
                    print(
                        f"{lang}: {show(context, key)} differs at {rev} (kept the catalogue's; edit the .po if {rev} is right)"
                    )
                continue
            catalog.add(key, zh if lang == "zh" else en, context=context)
            added += 1
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(po_bytes(catalog))
        print(f"{path.relative_to(root)}: {added} messages added")
    compile_all(root)


def pluralise(root: Path, key: str, one: str) -> None:
    for lang in LOCALES:
        catalog = load(root, lang)
        m = catalog.get(key)
        if m is None:
            raise SystemExit(f"no message {key} in {lang}")
        if isinstance(m.id, str):
            text = m.string if isinstance(m.string, str) else m.string[0]
            catalog[key] = Message((key, key), (text,) if lang == "zh" else (one, text), flags=m.flags)
        po_path(root, lang).write_bytes(po_bytes(catalog))
    compile_all(root)


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "command", nargs="?", default="check", choices=("check", "compile", "absorb", "prune", "plural")
    )
    parser.add_argument("args", nargs="*", help="absorb: REV; plural: KEY ONE")
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args(list(argv) if argv is not None else None)
    root: Path = args.root
    if args.command == "compile":
        compile_all(root)
    elif args.command == "absorb":
        absorb(root, (args.args or ["HEAD"])[0])
    elif args.command == "plural":
        key, one = args.args
        pluralise(root, key, one)
    elif args.command == "prune":
        prune(root)
    else:
        found = problems(root)
        for line in found:
            print(line)
        if found:
            print(f"{len(found)} problems in the message catalogue (docs/messages.md)", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
