"""houqin check as a use-case: read every file once, answer from the result cache when nothing
changed, otherwise load (record files from their own cache) and run the checks, each part of each
check answered from its own cache entry when nothing it reads has changed."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from houqin import clock
from houqin.checks.names import DEFAULT_CHECKS, select
from houqin.diagnostics import Diagnostic, decode_diagnostic, encode_diagnostic
from houqin.errors import InputError
from houqin.layout import CONFIG_FILE
from houqin.ledger.cache import Cache, cache_of, part_key, result_key
from houqin.ledger.files import FileSource, MemorySource, WorktreeSource

if TYPE_CHECKING:
    from houqin.ledger.load import LoadResult


def _key(digests: Mapping[str, str], names: Sequence[str], today: dt.date | None) -> str:
    return result_key(digests, ",".join(names), (today or clock.today()).isoformat())


def _git_key(blob_ids: Mapping[str, str], names: Sequence[str], today: dt.date | None) -> str:
    """The same result keyed by git's object ids instead (what the pre-commit hook knows for free)."""
    return _key({rel: f"git {sha}" for rel, sha in blob_ids.items()}, names, today)


def cached_result(root: Path, digests: Mapping[str, str], today: dt.date | None = None) -> list[Diagnostic] | None:
    """The diagnostics of every check on exactly these files, if an earlier run left them."""
    return _found(cache_of(root), _key(digests, DEFAULT_CHECKS, today))


def _found(store: Cache | None, key: str) -> list[Diagnostic] | None:
    """The diagnostics a run left under `key`, if any."""
    hit = store.get(key) if store is not None else None
    return [decode_diagnostic(row) for row in hit] if isinstance(hit, tuple) else None


def remember_result(
    root: Path,
    digests: Mapping[str, str],
    found: Sequence[Diagnostic],
    today: dt.date | None = None,
    blob_ids: Mapping[str, str] | None = None,
) -> None:
    """Keep the result of every check on these files; given their git object ids too, also under those,
    so that the hook of the commit about to be made answers without reading a blob."""
    store = cache_of(root)
    if store is not None:
        rows = tuple(encode_diagnostic(d) for d in found)
        store.put_result(_key(digests, DEFAULT_CHECKS, today), rows)
        if blob_ids is not None:
            store.put_result(_git_key(blob_ids, DEFAULT_CHECKS, today), rows)


def run_cached(
    root: Path,
    result: LoadResult,
    names: Sequence[str] | None = None,
    *,
    use_cache: bool = True,
    today: dt.date | None = None,
    prune: bool = False,
) -> list[Diagnostic]:
    """Run the checks, each part from the cache when what it reads is unchanged. A complete run
    (every check, `prune`) drops the cached parts it no longer uses."""
    from houqin.checks.engine import run_checks

    store = cache_of(root, use_cache)
    if store is None:
        return run_checks(result, names, today=today)
    used: set[str] = set()
    found = run_checks(result, names, store=store, key=part_key, today=today, used=used)
    if prune and select(names) == DEFAULT_CHECKS:
        store.prune_parts(used)
    return found


def check_ledger(
    root: Path,
    names: Sequence[str] | None = None,
    *,
    source: FileSource | None = None,
    use_cache: bool = True,
    today: dt.date | None = None,
    full: bool = False,
) -> list[Diagnostic]:
    """Every finding of the chosen checks. Once a year is closed, the open years are checked from their
    opening; `full` reads every year again and checks the openings against them (年终结账, R16)."""
    found = _check_files(root, names, source=source, use_cache=use_cache, today=today, full=full)
    if source is None and (names is None or set(DEFAULT_CHECKS) <= set(names)):
        found += repository_warnings(root)
    return found


def check_command(
    root: Path,
    names: Sequence[str] | None,
    *,
    staged: bool = False,
    with_keys: bool = False,
    use_cache: bool = True,
    full: bool = False,
) -> list[Diagnostic]:
    """What `houqin check` runs: the chosen checks (all by default, and by-key besides when asked) of the
    working tree, or of what git is about to commit (`staged`, the hook)."""
    source: FileSource | None = None
    if staged:
        from houqin.ledger.git import GitIndexSource

        source = GitIndexSource(root)
    if with_keys:
        names = [*(names or DEFAULT_CHECKS), "by-key"]
    return check_ledger(root, names, source=source, use_cache=use_cache, full=full)


def repository_warnings(root: Path) -> list[Diagnostic]:
    """What the working tree's repository says beside the files: a stale git index lock (GIT001).
    Never under the hook (--staged), where the lock is the committing git's own."""
    from houqin.diagnostics import diag
    from houqin.ledger.index_lock import find_index_lock

    lock = find_index_lock(root)
    if lock is None or not lock.stale:
        return []
    rel = os.path.relpath(lock.path, root)
    return [diag("GIT001", rel, 0, lock=rel, minutes=lock.minutes)]


def staged_result(root: Path, today: dt.date | None = None) -> list[Diagnostic] | None:
    """The diagnostics of every check on the files git is about to commit, if a run left them under
    their object ids (a houqin write does, for the commit it makes); None when none did."""
    from houqin.ledger.git import GitIndexSource

    store = cache_of(root)
    if store is None:
        return None
    return _found(store, _git_key(GitIndexSource(root).blob_ids(), DEFAULT_CHECKS, today))


def _check_files(
    root: Path,
    names: Sequence[str] | None = None,
    *,
    source: FileSource | None = None,
    use_cache: bool = True,
    today: dt.date | None = None,
    full: bool = False,
) -> list[Diagnostic]:
    chosen = select(names)
    worktree = source is None
    if worktree and not (root / CONFIG_FILE).is_file():
        raise InputError("not_a_ledger", path=str(root))
    store = cache_of(root, use_cache)
    blob_ids = getattr(source, "blob_ids", None)
    git_key = _git_key(blob_ids(), chosen, today) if blob_ids is not None and not full else None
    if git_key is not None and (known := _found(store, git_key)) is not None:
        return known
    files = MemorySource.read_all(source or WorktreeSource(root), memo=store is not None and not full, lazy=True)
    key = _key(files.digests(), (*chosen, "--full") if full else chosen, today)
    if store is not None:
        hit = store.get(key)
        if isinstance(hit, tuple):
            if git_key is not None:  # checked before as files (houqin check, then git add): the hook's key too
                store.put_result(git_key, hit)
            return [decode_diagnostic(row) for row in hit]
    # Only now the models, pydantic and the checks are imported: an unchanged ledger never needs them.
    from houqin.ledger.load import load_ledger

    result = load_ledger(root, files, use_cache=store is not None, prune=worktree and not full, full=full)
    found = run_cached(root, result, chosen, use_cache=store is not None, today=today, prune=worktree and not full)
    if store is not None:
        store.put_result(key, tuple(encode_diagnostic(d) for d in found))
        if git_key is not None:
            store.put_result(git_key, tuple(encode_diagnostic(d) for d in found))
    return found
