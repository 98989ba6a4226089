"""Words on the screen, in Chinese (default) and English, from one message catalogue: the gettext
catalogues houqin/locale/{zh_CN,en}/LC_MESSAGES/houqin.po (docs/messages.md), compiled to .mo files and
read here with the standard library's gettext, lazily and once per language. The diagnostics' texts are
in the same catalogue; houqin.messages renders them."""

from __future__ import annotations

import functools
import gettext
import os
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

LANGS = ("zh", "en")
LOCALE = Path(__file__).parent / "locale"
FOLDERS = {"zh": "zh_CN", "en": "en"}
# Set by the test suite (tests/conftest.py): a message missing from a catalogue raises MissingMessage.
# Without it houqin shows the other language's text (or the key), says once on stderr what is missing,
# and carries on: a missing word is a bug to report, never a reason to lose the clerk's work.
STRICT = "HOUQIN_STRICT_MESSAGES"
# Keys of t() that name an entry of a table: step.handler is the role handler, status.paid the status.
PREFIXED = {"step.": "role", "status.": "status"}


class MissingMessage(LookupError):
    """A message the code names is not in a catalogue (raised in strict mode, the tests)."""


class _NotFound(Exception):
    pass


class _Missing(gettext.NullTranslations):
    """Each catalogue's fallback: tells a missing message from one whose text is its key."""

    def gettext(self, message: str) -> str:
        raise _NotFound

    def pgettext(self, context: str, message: str) -> str:
        raise _NotFound

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        raise _NotFound

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        raise _NotFound


@functools.cache
def catalogue(lang: str) -> gettext.GNUTranslations:
    """The compiled catalogue of a language (zh or en), read on first use."""
    with (LOCALE / FOLDERS[lang] / "LC_MESSAGES" / "houqin.mo").open("rb") as f:
        found = gettext.GNUTranslations(f)
    found.add_fallback(_Missing())
    return found


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "zh"


def _lookup(key: str, lang: str, context: str | None, n: int | None) -> str:
    if not key:
        raise _NotFound  # gettext's msgid "" is the catalogue's header, never a message
    found = catalogue(lang)
    if n is not None:
        return found.npgettext(context, key, key, n) if context else found.ngettext(key, key, n)
    return found.pgettext(context, key) if context else found.gettext(key)


_WARNED: set[str] = set()


def message(key: str, lang: str, context: str | None = None, n: int | None = None) -> str:
    """The text of a message (of `context`; the form for `n`, for a plural one) in the reader's language."""
    lang = _lang(lang)
    try:
        return _lookup(key, lang, context, n)
    except _NotFound:
        if not key:
            return ""  # no message named, as a blank cell of a form's total row
    where = f"{context}|{key}" if context else key
    if os.environ.get(STRICT):
        raise MissingMessage(f"no message {where} in the {lang} catalogue (houqin/locale, docs/messages.md)")
    if where not in _WARNED:
        _WARNED.add(where)
        print(f"houqin: the message {where} is missing from the {lang} catalogue (please report it)", file=sys.stderr)
    try:
        return _lookup(key, "zh" if lang == "en" else "en", context, n)
    except _NotFound:
        return key


def known(key: str) -> bool:
    """Whether t() has a message for this key (the Chinese catalogue has every one)."""
    context, bare = _split(key)
    try:
        _lookup(bare, "zh", context, None)
    except _NotFound:
        return False
    return True


class Words(Mapping[str, tuple[str, str]]):
    """One table of the catalogue (the messages of a msgctxt: roles, fields, statuses…) as key → (zh, en)."""

    def __init__(self, context: str) -> None:
        self.context = context
        self._words: dict[str, tuple[str, str]] = {}  # read once each: word() runs for every row of a table

    @functools.cached_property
    def _keys(self) -> tuple[str, ...]:
        mark = f"{self.context}\x04"
        held = vars(catalogue("zh"))["_catalog"]  # gettext's messages: it has no public way to list them
        return tuple(sorted(k[len(mark) :] for k in held if isinstance(k, str) and k.startswith(mark)))

    @functools.cached_property
    def _known(self) -> frozenset[str]:
        return frozenset(self._keys)

    def __getitem__(self, key: str) -> tuple[str, str]:
        found = self._words.get(key)
        if found is None:
            if key not in self._known:
                raise KeyError(key)
            found = self._words[key] = (message(key, "zh", self.context), message(key, "en", self.context))
        return found

    def __contains__(self, key: object) -> bool:
        return key in self._known

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


# The school's words, one table each, used wherever a role, step, field or status is shown (diagnostics,
# tables, --as). The key is what YAML and the options take; Chinese text shows the word with its key,
# 经手人(handler), so the clerk knows both what it is and what to type. English shows the key (a field's
# English word is its key).
ROLES = Words("role")  # people's roles (people.yaml) and the signature steps (policy.signatures.chains)
FIELDS = Words("field")  # the fields of records and of the directory files (the key is the YAML key)
STATUSES = Words("status")
# Other ways a person types a step after --as (the school's own words for the same signatures).
ROLE_SYNONYMS: dict[str, str] = {
    "保管员": "keeper",
    "主任": "director",
    "总务处主任": "director",
    "后勤主任": "director",
    "部门主任": "department_head",
    "分管领导": "supervisor",
    "分管校长": "supervisor",
    "报修人": "acceptor",
    "移交保管人": "giver",
    "接收保管人": "receiver",
}


def word(key: str, lang: str, table: Mapping[str, tuple[str, str]] = ROLES) -> str:
    """The plain word: 经手人 / handler (the key itself when the table lacks it)."""
    found = table.get(key)
    if found is None:
        return key
    return found[1] if lang == "en" else found[0]


def labelled(key: str, lang: str, table: Mapping[str, tuple[str, str]] = ROLES) -> str:
    """The word with its key in Chinese, 经手人(handler); the key in English."""
    if lang == "en" or key not in table:
        return key
    return f"{table[key][0]}({key})"


def field_label(path: str, lang: str) -> str:
    """A field, or a path to one (invoices.0.date), as the reader knows it: 日期(invoices.0.date)."""
    if lang == "en":
        return path
    names = [p for p in path.split(".") if not p.isdigit()]
    found = FIELDS.get(names[-1]) if names else None
    return f"{found[0]}({path})" if found else path


def role_key(text: str) -> str:
    """The step or role a person typed, as its key: handler, 经手人, 'department head' all name a step
    by its key; a text that names none is returned as it is (the caller says it is unknown)."""
    wanted = text.strip()
    if wanted in ROLES:
        return wanted
    for key, (zh, en) in ROLES.items():
        if wanted in (zh, en) or wanted.lower() == en:
            return key
    return ROLE_SYNONYMS.get(wanted, wanted)


class Steps:
    """Steps (or roles) to be shown in the reader's language when a message is rendered: the
    services that raise errors do not know the language, t() does."""

    def __init__(self, keys: Iterable[str], sep: str = " → ") -> None:
        self.keys = tuple(keys)
        self.sep = sep

    def render(self, lang: str) -> str:
        return self.sep.join(word(k, lang) for k in self.keys) or "-"

    def __str__(self) -> str:
        return self.render("en")


@dataclass(frozen=True)
class RecordName:
    """A kind of record (or of the directory's entries) as a message names it: the catalogue's msgctxt
    record, "资产" to a Chinese reader and "asset" to an English one; a diagnostic, whose words are data
    kept in both languages, names it "资产/asset" (both())."""

    key: str

    def render(self, lang: str) -> str:
        return message(self.key, lang, "record")

    def both(self) -> str:
        return f"{self.render('zh')}/{self.render('en')}"

    def __str__(self) -> str:
        return self.both()


def default_lang() -> str:
    lang = os.environ.get("HOUQIN_LANG", "zh")
    return lang if lang in LANGS else "zh"


def t(key: str, lang: str, **params: object) -> str:
    """The message `key` in the reader's language, its {parameters} filled in (an absent one shows ?).
    step.KEY and status.KEY are words of the tables: a step a school named in its own policy shows as its
    key, as word() shows it."""
    context, key = _split(key)
    if context is not None:
        return word(key, lang, ROLES if context == "role" else STATUSES)
    return fill(message(key, lang), lang, params)


def _split(key: str) -> tuple[str | None, str]:
    if key.startswith("st"):
        for prefix, table in PREFIXED.items():
            if key.startswith(prefix):
                return table, key.removeprefix(prefix)
    return None, key


def nt(key: str, n: int, lang: str, **params: object) -> str:
    """A message about a count, in the plural form `n` takes (1 error, 2 errors; Chinese has one form);
    {n} is the count unless a parameter says otherwise."""
    return fill(message(key, lang, None, n), lang, {"n": n, **params})


def fill(template: str, lang: str, params: Mapping[str, object]) -> str:
    shown = {k: v.render(lang) if hasattr(v, "render") else str(v) for k, v in params.items()}
    return template.format_map(defaultdict(lambda: "?", shown))
