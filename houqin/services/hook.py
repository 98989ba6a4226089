"""houqin hook install: the pre-commit check, the merge driver, and the `.gitattributes` line that
makes git use that driver on record files — committed, so that every clone merges the same way."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from houqin.errors import GitError
from houqin.ledger import git
from houqin.ledger.save import ledger_lock

ATTRIBUTES_MESSAGE = "hook install: 记录文件按记录合并 / record files merge with houqin's driver (.gitattributes)"


@dataclass(frozen=True)
class HookInstalled:
    hook: Path
    attributes_file: Path
    attributes: str  # "present", "committed", or "written" (left for a person to commit)


def install_hook_and_driver(root: Path) -> HookInstalled:
    """Install the hook and the driver in this clone, and give the record files the driver in
    `.gitattributes`. That line is committed on its own (no rule reads `.gitattributes`, so the
    commit skips the check of the records it does not touch); when the file holds someone's
    uncommitted edits, or git cannot commit now, it is written and left for a person to commit."""
    hook = git.install_hook(root)
    git.install_merge_driver(root)
    with ledger_lock(root):
        path = root / git.ATTRIBUTES_FILE
        edited = bool(git.changed_since_head(root, [git.ATTRIBUTES_FILE])) and path.exists()
        if not git.ensure_merge_attributes(root):
            return HookInstalled(hook, path, "present")
        if edited:
            return HookInstalled(hook, path, "written")
        try:
            git.ensure_index_free(root)
            git.commit_paths(root, [path], ATTRIBUTES_MESSAGE, verify=False)
        except GitError:
            return HookInstalled(hook, path, "written")
    return HookInstalled(hook, path, "committed")
