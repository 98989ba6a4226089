"""houqin init: a new ledger repository with templates, git, the hook and a first commit."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

from houqin.errors import UsageError
from houqin.layout import CATALOG_FILE, CONFIG_FILE, PEOPLE_FILE, PLACES_FILE
from houqin.ledger import git
from houqin.ledger.save import atomic_write

TEMPLATES = (CONFIG_FILE, PEOPLE_FILE, PLACES_FILE, CATALOG_FILE)
GITIGNORE = (
    "# houqin's cache and lock: safe to delete, never committed\n.houqin/\n"
    "# a write interrupted by a crash can leave its temporary file; houqin check reports it\n*.houqin-tmp\n"
)
GITATTRIBUTES = git.ATTRIBUTES


def render_template(name: str, school: str, today: dt.date) -> str:
    text = resources.files("houqin.templates").joinpath(name).read_text(encoding="utf-8")
    y0 = today.year if today.month >= 8 else today.year - 1
    return text.format(school=_yaml_text(school), y=today.year, y0=y0, y1=y0 + 1, today=today.isoformat())


def _yaml_text(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def create_ledger(directory: Path, school: str, today: dt.date, commit: bool = True) -> Path:
    if not school.strip():
        raise UsageError("school_required")
    if directory.exists() and any(directory.iterdir()):
        raise UsageError("dir_not_empty", path=str(directory))
    directory.mkdir(parents=True, exist_ok=True)
    for name in TEMPLATES:
        atomic_write(directory / name, render_template(name, school.strip(), today).encode("utf-8"))
    atomic_write(directory / ".gitignore", GITIGNORE.encode())
    atomic_write(directory / ".gitattributes", GITATTRIBUTES.encode())
    if commit:
        git.init_repo(directory)
        git.install_hook(directory)
        git.install_merge_driver(directory)
        paths = [directory / n for n in (*TEMPLATES, ".gitignore", ".gitattributes")]
        git.commit_paths(directory, paths, f"init: {school.strip()} 后勤账本")
    return directory
