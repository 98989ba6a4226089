"""git: the ledger's history. Commits of houqin's own writes, the pre-commit hook, and reading the
index so the hook checks exactly what is being committed."""

from __future__ import annotations

import datetime as dt
import os
import shlex
import shutil
import signal
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from houqin.errors import DiskFullError, GitError, IndexBehindError
from houqin.layout import TOP_FILES
from houqin.ledger.files import git_blob_id, is_record_path

HOOK_MARK = "# installed by houqin"
HOOK_PROGRAM = """import sys
try:
    from houqin.cli.hook import main
except ImportError:
    sys.exit(127)
main(sys.argv[1])"""


def git(
    cwd: Path, *args: str, stdin: bytes | None = None, check: bool = True, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False, env=_env(env))
    except FileNotFoundError:
        raise GitError("git_missing") from None
    if check and proc.returncode != 0:
        _raise_if_disk_full(proc, cwd)
        raise GitError("git_failed", command=" ".join(args[:2]), output=_text(proc))
    return proc


def _env(extra: dict[str, str] | None) -> dict[str, str] | None:
    return {**os.environ, **extra} if extra else None


# What git says when the disk is full, a quota is reached or a file would grow past `ulimit -f`.
DISK_FULL_WORDS = ("No space left on device", "Out of diskspace", "Disk quota exceeded", "File too large")


# What git says when it cannot write a file, without always saying why (a ref's lock on a full disk).
WRITE_FAILED_WORDS = ("couldn't write", "unable to write", "could not write")
NEARLY_FULL = 64 * 1024  # bytes free below which a failed write is the disk's


def _raise_if_disk_full(proc: subprocess.CompletedProcess[bytes], cwd: Path | None = None) -> None:
    """A full disk is the school's to fix, not a bug: say so (exit 2), never a git failure. Git does not
    always name the cause ("couldn't write '…/master.lock'"): a failed write on a disk all but full is one."""
    text = _text(proc)
    if any(word in text for word in DISK_FULL_WORDS) or proc.returncode == -signal.SIGXFSZ:
        raise DiskFullError("disk_full_git", output=text)
    if cwd is not None and any(word in text for word in WRITE_FAILED_WORDS):
        try:
            free = shutil.disk_usage(cwd).free
        except OSError:
            return
        if free < NEARLY_FULL:
            raise DiskFullError("disk_full_git", output=text)


def _text(proc: subprocess.CompletedProcess[bytes]) -> str:
    return (proc.stdout + proc.stderr).decode("utf-8", "replace").strip()


def toplevel(path: Path) -> Path | None:
    proc = git(path, "rev-parse", "--show-toplevel", check=False)
    return Path(proc.stdout.decode().strip()) if proc.returncode == 0 else None


def own_dirs(root: Path) -> list[Path]:
    """git's own directories for this repository: the git directory, the one shared by its
    worktrees, and the hooks git runs (core.hooksPath may put them anywhere)."""
    proc = git(root, "rev-parse", "--absolute-git-dir", "--git-common-dir", "--git-path", "hooks", check=False)
    if proc.returncode != 0:
        return []
    return [(root / line).resolve() for line in proc.stdout.decode().splitlines() if line]


def is_tracked(top: Path, path: Path) -> bool:
    """Whether git tracks this file (in the index) in the repository at `top`."""
    rel = os.path.relpath(path, top)
    proc = git(top, "ls-files", "-z", "--", rel, check=False)
    return proc.returncode == 0 and bool(proc.stdout.strip(b"\0"))


def init_repo(root: Path) -> None:
    git(root, "init", "-q")
    # A ledger works even where the machine has no git identity yet; the user can change it later.
    if git(root, "config", "user.name", check=False).returncode != 0:
        git(root, "config", "user.name", "houqin")
    if git(root, "config", "user.email", check=False).returncode != 0:
        git(root, "config", "user.email", "houqin@localhost")


def ensure_index_free(root: Path) -> None:
    """Refuse to start a write while git's index is locked: another git is running, or one was killed
    mid-commit and left `.git/index.lock` behind. houqin does not remove the lock on its own (a git on
    another computer cannot be seen); it names the file, its age, who holds it, and, when it is stale,
    `houqin repair-lock`."""
    from houqin.ledger.index_lock import find_index_lock

    lock = find_index_lock(root)
    if lock is None:
        return
    if lock.stale:
        raise GitError("index_lock_stale", path=str(lock.path), minutes=lock.minutes)
    raise GitError("index_locked", path=str(lock.path), minutes=lock.minutes)


def _names(proc: subprocess.CompletedProcess[bytes]) -> list[str]:
    return [n.decode("utf-8", "surrogateescape") for n in proc.stdout.split(b"\0") if n]


def _has_head(root: Path) -> bool:
    return git(root, "rev-parse", "-q", "--verify", "HEAD", check=False).returncode == 0


def changed_since_head(root: Path, rel: list[str]) -> list[str]:
    """Which of these ledger files (relative to the ledger) differ in the working tree from HEAD,
    untracked ones included."""
    if not rel:
        return []
    changed = _names(git(root, "diff", "--name-only", "-z", "--relative", "HEAD", "--", *rel, check=False))
    untracked = _names(git(root, "ls-files", "--others", "--exclude-standard", "-z", "--", *rel, check=False))
    return sorted({*changed, *untracked})


def refuse_staged(root: Path) -> None:
    """A write commits only what it writes: refuse while other changes to the ledger are staged,
    naming them. A file staged as it stood before the last commit while the working tree already
    matches that commit is git's index lagging behind a houqin commit cut short: it is brought up."""
    if not _has_head(root):
        return
    staged = _names(git(root, "diff", "--cached", "--name-only", "-z", "--relative", "HEAD", "--", ".", check=False))
    if not staged:
        return
    at_head = _same_as_head(root, staged)
    lagging = [name for name in staged if name in at_head]
    if lagging:
        follow_commit(root, [root / name for name in lagging])
    left = [name for name in staged if name not in at_head]
    if left:
        raise GitError("staged_changes", files=" ".join(left))


def _same_as_head(root: Path, rel: list[str]) -> set[str]:
    """Which of these files hold, in the working tree, exactly the bytes HEAD has for them."""
    listed = git(root, "ls-tree", "-z", "HEAD", "--", *rel, check=False).stdout
    head: dict[str, str] = {}
    for entry in listed.split(b"\0"):
        meta, _, raw = entry.partition(b"\t")
        if raw:
            head[raw.decode("utf-8", "surrogateescape")] = meta.split()[2].decode()  # relative to the ledger
    same: set[str] = set()
    for rel_name, sha in head.items():
        path = root / rel_name
        if path.is_file() and not path.is_symlink() and git_blob_id(path.read_bytes()) == sha:
            same.add(rel_name)
    return same


def refuse_uncommitted(root: Path, paths: list[Path]) -> None:
    """Refuse to rewrite and commit a file that already differs from HEAD (a hand edit, a write killed
    before its commit): its commit would carry those changes under this record's name."""
    if not _has_head(root):
        return
    changed = changed_since_head(root, [os.path.relpath(p, root) for p in paths])
    if changed:
        raise GitError("uncommitted_changes", files=" ".join(changed))


def commit_paths(
    root: Path,
    paths: list[Path],
    message: str,
    *,
    verify: bool = True,
    sign_with: Path | None = None,
    vouched: Mapping[str, str] | None = None,
) -> str:
    """Commit exactly these paths as they stand in the working tree, on top of HEAD, and nothing else
    (other staged work is not taken along). The commit is built in an index of houqin's own; git's
    index is brought up to the commit only once it has landed, so a commit refused by the hook, by
    git or by a full disk leaves git's index as it was. With `sign_with` (an SSH key file) the commit
    is signed by that key (git's SSH signing, `gpg.format=ssh`). `vouched`: the git object id of
    every ledger file a check without errors has just seen; when the commit holds exactly those
    files, the hook is told the commit's tree (CHECKED_TREE) and lets it through without starting
    Python. Returns the new commit id."""
    rel = [os.path.relpath(p, root) for p in paths]
    where = _where(root)
    private = _private_index(where)
    env = {"GIT_INDEX_FILE": str(private)}
    try:
        _head_index(root, where, private, env)
        git(root, "add", "--", *rel, env=env)
        if vouched is not None and GitIndexSource(root, env).blob_ids() == dict(vouched):
            env[CHECKED_TREE] = git(root, "write-tree", env=env).stdout.decode().strip()
        signing = ["-c", "gpg.format=ssh", "-c", f"user.signingkey={sign_with}"] if sign_with else []
        flags = [*([] if verify else ["--no-verify"]), *(["-S"] if sign_with else [])]
        proc = git(root, *signing, "commit", "-q", *flags, "-m", message, env=env, check=False)
        if proc.returncode != 0:
            _raise_if_disk_full(proc, root)
            raise GitError("commit_refused", output=_text(proc))
        entries = git(root, "ls-files", "-s", "-z", "--full-name", "--", *rel, env=env, check=False)
    finally:
        private.unlink(missing_ok=True)
    follow_commit(root, paths, entries.stdout if entries.returncode == 0 else None)
    return git(root, "rev-parse", "HEAD").stdout.decode().strip()


PRIVATE_INDEX = "houqin-index-"
# The tree of a commit houqin makes of files it has just checked without an error (see commit_paths):
# the hook compares it with the tree being committed and, when they are one, needs no check of its own.
CHECKED_TREE = "HOUQIN_CHECKED_TREE"


@dataclass(frozen=True)
class _Where:
    gitdir: Path  # absolute
    index: Path  # git's own index, absolute
    has_head: bool


def _where(root: Path) -> _Where:
    """The git directory, git's index and whether HEAD exists, in one call of git."""
    proc = git(root, "rev-parse", "--absolute-git-dir", "--git-path", "index", "-q", "--verify", "HEAD", check=False)
    lines = proc.stdout.decode().splitlines()
    if len(lines) < 2:
        raise GitError("git_failed", command="rev-parse --absolute-git-dir", output=_text(proc))
    index = Path(lines[1])
    return _Where(Path(lines[0]), index if index.is_absolute() else root / index, proc.returncode == 0)


def _private_index(where: _Where) -> Path:
    return where.gitdir / f"{PRIVATE_INDEX}{os.getpid()}"


def _head_index(root: Path, where: _Where, private: Path, env: dict[str, str]) -> None:
    """Make `private` an index of HEAD's tree (of nothing, before the first commit). Read from git's
    own index by a one-tree merge (`read-tree -m HEAD`), which holds HEAD's tree all the same but
    keeps git's file status for each entry that matches it: without it, `git commit` re-reads and
    hashes every file of the working tree to refresh the index (0.11 s of a write at 100k records).
    What is staged in git's index and not in HEAD is not taken along (the entry is HEAD's). Where the
    index cannot be copied or merged, the plain `read-tree HEAD`."""
    if not where.has_head:
        git(root, "read-tree", "--empty", env=env)
        return
    try:
        shutil.copyfile(where.index, private)
        if git(root, "read-tree", "-m", "HEAD", env=env, check=False).returncode == 0:
            return
    except OSError:
        pass
    private.unlink(missing_ok=True)
    git(root, "read-tree", "HEAD", env=env)


def follow_commit(root: Path, paths: list[Path], entries: bytes | None = None) -> None:
    """Bring git's index up to the commit just made, for these paths only. Failing that, the commit
    stands (IndexBehindError): the next write brings the index up (see `refuse_staged`). `entries`:
    the paths' entries in the index the commit was made from (`ls-files -s -z --full-name`), which
    git's index takes as they are (`update-index --index-info`; a path without one is removed), then
    refreshed, hashing only those files: `git reset` read them against HEAD's tree besides (at 1M
    records 70 ms for the claims' 6.7 MB, about 30 ms so)."""
    rel = [os.path.relpath(p, root) for p in paths]
    proc = _take_entries(root, rel, entries) if entries is not None else None
    if proc is None or proc.returncode != 0:
        proc = git(root, "reset", "-q", "--", *rel, check=False)
    if proc.returncode not in (0, 1):  # 1: only "unstaged changes after reset", never for these paths
        raise IndexBehindError("index_behind", paths=" ".join(rel), output=_text(proc))


def _take_entries(root: Path, rel: list[str], entries: bytes) -> subprocess.CompletedProcess[bytes] | None:
    """git's index given these paths' entries (None: the listing does not name them as expected).
    The listing names them from the top of the repository: the ledger's folder in it (the prefix) is
    what a listed path has before its name."""
    listed = {line.split(b"\t", 1)[1]: line for line in entries.split(b"\0") if b"\t" in line}
    names = [Path(name).as_posix().encode() for name in rel]
    prefixes = {full[: -len(name)] for name in names for full in listed if full == name or full.endswith(b"/" + name)}
    if len(prefixes) != 1:
        return None  # none listed (every path removed) or not as expected: let reset say
    prefix = prefixes.pop()
    lines: list[bytes] = []
    for name, path in zip(names, rel, strict=True):
        entry = listed.get(prefix + name)
        if entry is None and (root / path).exists():
            return None  # committed, yet not in the index it was committed from: let reset say
        lines.append(entry if entry is not None else b"0 " + b"0" * 40 + b"\t" + prefix + name)
    proc = git(root, "update-index", "-z", "--index-info", stdin=b"\0".join(lines) + b"\0", check=False)
    return proc if proc.returncode != 0 else git(root, "update-index", "-q", "--refresh", check=False)


def hook_path(root: Path) -> Path:
    proc = git(root, "rev-parse", "--git-path", "hooks/pre-commit")
    return (root / proc.stdout.decode().strip()).resolve()


def install_hook(root: Path) -> Path:
    """Write the pre-commit hook. It runs `houqin check --staged` on the ledger inside the repository,
    with the Python that installed it (falling back to `houqin` on PATH)."""
    top = toplevel(root)
    if top is None:
        raise GitError("not_a_repo", path=str(root))
    ledger_rel = os.path.relpath(root.resolve(), top.resolve())
    path = hook_path(root)
    if path.exists() and HOOK_MARK not in path.read_text(errors="replace"):
        raise GitError("hook_exists", path=str(path))
    python = shlex.quote(sys.executable)
    ledger = shlex.quote(ledger_rel)
    # A commit houqin makes of files it has just checked names their tree (CHECKED_TREE): when it is the
    # tree being committed, the hook has nothing to check. Otherwise one interpreter start: the Python
    # that installed houqin runs the check, or says (127) that it no longer has houqin, and then
    # `houqin` on PATH does.
    script = f"""#!/bin/sh
{HOOK_MARK}: refuse a commit that breaks the school's rules.
if [ -n "${{{CHECKED_TREE}:-}}" ] && [ "$(git write-tree 2>/dev/null)" = "${CHECKED_TREE}" ]; then
    exit 0
fi
cd "$(git rev-parse --show-toplevel)" || exit 2
if [ -x {python} ]; then
    {python} -c '{HOOK_PROGRAM}' {ledger}
    code=$?
    [ "$code" -eq 127 ] || exit "$code"
fi
exec houqin --ledger {ledger} check --staged
"""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(script)
    path.chmod(0o755)
    return path


def install_merge_driver(root: Path) -> None:
    """Register houqin's record-aware merge driver in this clone (git does not copy it on clone)."""
    python = shlex.quote(sys.executable)
    git(root, "config", "merge.houqin.name", "houqin: merge ledger record files record by record")
    git(root, "config", "merge.houqin.driver", f"{python} -m houqin merge-driver %O %A %B")


ATTRIBUTES_FILE = ".gitattributes"
MERGE_LINE = "[0-9][0-9][0-9][0-9]/*.yaml merge=houqin"
ATTRIBUTES = (
    "*.yaml text eol=lf diff\n"
    "# Record files merge record by record (houqin's merge driver, set up by `houqin hook install`):\n"
    "# two clerks' additions never conflict; whatever a merge breaks, houqin check reports.\n"
    f"{MERGE_LINE}\n"
)


def ensure_merge_attributes(root: Path) -> bool:
    """Give the ledger's record files houqin's merge driver in `.gitattributes` (written beside what
    is already there); True if the file changed. The driver git runs is configured per clone
    (`install_merge_driver`); which files it runs on travels with the ledger, in this file."""
    from houqin.ledger.save import atomic_write

    path = root / ATTRIBUTES_FILE
    old = path.read_text(encoding="utf-8") if path.is_file() else ""
    if any(line.split() == MERGE_LINE.split() for line in old.splitlines()):
        return False
    if not old:
        new = ATTRIBUTES
    else:
        new = old + ("" if old.endswith("\n") else "\n") + "".join(ATTRIBUTES.splitlines(keepends=True)[1:])
    atomic_write(path, new.encode("utf-8"))
    return True


class _GitBlobs:
    """Ledger files read from git objects (`_blobs`: path → blob id), all in one `git cat-file --batch`,
    and only when first asked for: the blob ids alone name the content (see `blob_ids`)."""

    root: Path
    _blobs: dict[str, str]
    _links: set[str]
    _loaded: dict[str, bytes] | None = None

    @property
    def _data(self) -> dict[str, bytes]:
        if self._loaded is None:
            self._loaded = self._read_all()
        return self._loaded

    def _listed(self, names: list[str]) -> list[str]:
        top = [n for n in TOP_FILES if n in names]
        return top + sorted(n for n in names if n not in TOP_FILES and "/" in n and n[:4].isdigit())

    def blob_ids(self) -> dict[str, str]:
        """Each ledger file's git object id, by path: a content hash, known without reading a blob."""
        return {rel: self._blobs[rel] for rel in self._listed(list(self._blobs))}

    def _keep(self, rel: str) -> bool:
        return rel in TOP_FILES or is_record_path(rel) or rel.count("/") == 1

    def _read_all(self) -> dict[str, bytes]:
        if not self._blobs:
            return {}
        names = list(self._blobs)
        out = git(self.root, "cat-file", "--batch", stdin="".join(self._blobs[n] + "\n" for n in names).encode()).stdout
        data: dict[str, bytes] = {}
        pos = 0
        for name in names:
            header_end = out.index(b"\n", pos)
            size = int(out[pos:header_end].split()[2])
            start = header_end + 1
            data[name] = out[start : start + size]
            pos = start + size + 1
        return data

    def paths(self) -> list[str]:
        return self._listed(list(self._data))

    def read(self, rel: str) -> bytes | None:
        data = self._data.get(rel)
        if data is not None and rel in self._links:
            return link_marker(rel, data)
        return data


def link_marker(rel: str, target: bytes) -> bytes:
    """What a committed symlink reads as: where it leads, never the text of its target path."""
    from houqin.ledger.files import LINKED, OUTSIDE

    text = target.decode("utf-8", "surrogateescape")
    joined = os.path.normpath(os.path.join(os.path.dirname(rel), text))
    if os.path.isabs(text) or joined == ".." or joined.startswith("../"):
        return OUTSIDE
    return LINKED + joined.encode("utf-8", "surrogateescape")


class GitIndexSource(_GitBlobs):
    """The ledger's files as staged in git's index (or in the index `env` names): what the commit
    under way will contain."""

    def __init__(self, root: Path, env: dict[str, str] | None = None) -> None:
        self.root = root
        out = git(root, "ls-files", "-s", "-z", "--", ".", env=env).stdout
        self._blobs = {}
        self._links = set()
        for entry in out.split(b"\0"):
            if not entry:
                continue
            meta, _, name = entry.partition(b"\t")
            mode, sha, stage = meta.decode().split()
            rel = name.decode("utf-8", "surrogateescape")
            if stage == "0" and mode != "160000" and self._keep(rel):
                self._blobs[rel] = sha
                if mode == "120000":
                    self._links.add(rel)


class GitCommitSource(_GitBlobs):
    """The ledger's files as they stood in one commit (for `houqin check --since`)."""

    def __init__(self, root: Path, commit: str) -> None:
        self.root = root
        out = git(root, "ls-tree", "-r", "-z", commit, "--", ".").stdout
        self._blobs = {}
        self._links = set()
        for entry in out.split(b"\0"):
            if not entry:
                continue
            meta, _, name = entry.partition(b"\t")
            mode, kind, sha = meta.decode().split()
            rel = name.decode("utf-8", "surrogateescape")
            if kind == "blob" and self._keep(rel):
                self._blobs[rel] = sha
                if mode == "120000":
                    self._links.add(rel)


@dataclass(frozen=True)
class Commit:
    sha: str
    author: str
    date: str
    subject: str
    signature: str  # git's %G?: G good, U good but untrusted, N none, B bad, E cannot check …
    signer: str


def commits_since(root: Path, since: str | dt.date, until: dt.date | None = None) -> list[Commit]:
    """The commits after revision `since` (or made on or after day `since`, up to day `until`) up to HEAD
    that touch the ledger, oldest first."""
    fmt = "%H%x1f%an%x1f%ad%x1f%s%x1f%G?%x1f%GS%x1e"
    if isinstance(since, dt.date):
        span = [f"--since={since} 00:00", *([f"--until={until} 23:59:59"] if until else []), "HEAD"]
    else:
        span = [f"{since}..HEAD"]
    proc = git(root, "log", "--reverse", "--date=short", f"--format={fmt}", *span, "--", ".", check=False)
    if proc.returncode != 0:
        raise GitError("bad_revision", rev=since, output=_text(proc))
    out = []
    for entry in proc.stdout.decode("utf-8", "replace").split("\x1e"):
        fields = entry.strip("\n").split("\x1f")
        if len(fields) == 6:
            out.append(Commit(*fields))
    return out


def parent_of(root: Path, commit: str) -> str | None:
    proc = git(root, "rev-parse", "--verify", "-q", f"{commit}^", check=False)
    return proc.stdout.decode().strip() if proc.returncode == 0 else None


def log_between(root: Path, since: dt.date, until: dt.date) -> list[tuple[str, str, str, str, str]]:
    """Who changed what in the ledger between two days: (commit, author, date, subject, files)."""
    proc = git(
        root, "log", "--date=short", f"--since={since} 00:00", f"--until={until} 23:59:59",
        "--format=%x1e%H%x1f%an%x1f%ad%x1f%s", "--name-only", "--", ".", check=False,
    )  # fmt: skip
    if proc.returncode != 0:
        return []
    out = []
    for entry in proc.stdout.decode("utf-8", "replace").split("\x1e"):
        head, _, files = entry.strip("\n").partition("\n")
        fields = head.split("\x1f")
        if len(fields) == 4:
            out.append((fields[0][:10], fields[1], fields[2], fields[3], " ".join(files.split())))
    return out
