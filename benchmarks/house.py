"""The house's own measures (#14): how thin the commands are, how typed the records, how many stores the words keep.

    python benchmarks/house.py [ROOT]        # ROOT: a checkout (default: this one)

Counted from the source with `ast`, not by grep, so a word in a comment or a string does not count:

- cli lines: the lines of houqin/cli/*.py;
- ledger loads in cli: calls of load_ledger / open_ledger made in houqin/cli/;
- parse_day(...) or today(): the expression written out instead of one date option;
- Rich outside render: modules outside houqin/render/ that import rich;
- record narrowings: isinstance(x, M) and `assert isinstance(...)` where M is a record model of
  houqin/models/records.py (the narrowing an untyped `of_kind` forces);
- asserts: every `assert` statement in houqin/ (control flow by assert vanishes under python -O);
- translation stores: module-level tables whose values are (中文, english) pairs of strings, and the
  callables (a class, a function) called with a Chinese string followed by an English one at module
  level (Kind(…, "请购", "purchases") forty times is one store); plus the inline choices
  `… if lang == "en" else …`.
Upward imports are import-linter's to count (`lint-imports`, make lint).
"""

from __future__ import annotations

import ast
import itertools
import sys
from collections.abc import Iterator
from pathlib import Path


def _modules(root: Path) -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted((root / "houqin").rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _record_models(root: Path) -> set[str]:
    tree = ast.parse((root / "houqin/models/records.py").read_text(encoding="utf-8"))
    return {node.name for node in tree.body if isinstance(node, ast.ClassDef)}


def _chinese(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and any("\u4e00" <= c <= "\u9fff" for c in node.value)
    )


def _english(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and any(c.isascii() and c.isalpha() for c in node.value)
        and not _chinese(node)
    )


def _pair(node: ast.expr) -> bool:
    return isinstance(node, ast.Tuple) and len(node.elts) == 2 and _chinese(node.elts[0]) and _english(node.elts[1])


def _worded_calls(tree: ast.Module) -> set[str]:
    """The callables called at module level with a Chinese string and then an English one."""
    found: set[str] = set()
    for stmt in tree.body:
        if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            continue
        for node in ast.walk(stmt):
            if isinstance(node, ast.Call):
                args = [*node.args, *(k.value for k in node.keywords)]
                if any(_chinese(a) and _english(b) for a, b in itertools.pairwise(args)):
                    fn = node.func
                    found.add(fn.id if isinstance(fn, ast.Name) else fn.attr if isinstance(fn, ast.Attribute) else "?")
    return found


def _is_store(value: ast.expr | None) -> bool:
    if not isinstance(value, ast.Dict) or not value.values:
        return False
    pairs = sum(1 for v in value.values if v is not None and _pair(v))
    return pairs >= max(2, len(value.values) // 2)


def _lang_choice(node: ast.AST) -> bool:
    if not isinstance(node, ast.IfExp) or not isinstance(node.test, ast.Compare):
        return False
    names = [n for n in (node.test.left, *node.test.comparators) if isinstance(n, ast.Name | ast.Attribute)]
    consts = [c for c in node.test.comparators if isinstance(c, ast.Constant)]
    spelled = {getattr(n, "id", getattr(n, "attr", "")) for n in names}
    return bool(spelled & {"lang"}) and any(c.value in ("en", "zh") for c in consts)


def measure(root: Path) -> dict[str, int]:
    models = _record_models(root)
    counts = dict.fromkeys(
        (
            "cli lines",
            "ledger loads in cli",
            "parse_day(...) or today()",
            "Rich outside render",
            "record narrowings",
            "asserts",
            "translation stores",
            "inline language choices",
        ),
        0,
    )
    worded: set[str] = set()
    counts["cli lines"] = sum(
        len(p.read_text(encoding="utf-8").splitlines()) for p in (root / "houqin/cli").glob("*.py")
    )
    for path, tree in _modules(root):
        rel = path.relative_to(root / "houqin").parts
        in_cli, in_render = rel[0] == "cli", rel[0] == "render"
        rich = False
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                rich = rich or any(n == "rich" or n.startswith("rich.") for n in names)
            elif isinstance(node, ast.Call) and in_cli:
                fn = node.func
                name = fn.id if isinstance(fn, ast.Name) else fn.attr if isinstance(fn, ast.Attribute) else ""
                counts["ledger loads in cli"] += name in ("load_ledger", "open_ledger")
            elif isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or) and len(node.values) == 2:
                first, second = node.values
                counts["parse_day(...) or today()"] += (
                    isinstance(first, ast.Call)
                    and getattr(first.func, "id", getattr(first.func, "attr", "")) == "parse_day"
                    and isinstance(second, ast.Call)
                    and getattr(second.func, "id", getattr(second.func, "attr", "")) == "today"
                )
            elif isinstance(node, ast.Assert):
                counts["asserts"] += 1
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "isinstance" and len(node.args) == 2:
                target = node.args[1]
                kinds = target.elts if isinstance(target, ast.Tuple) else [target]
                counts["record narrowings"] += any(isinstance(k, ast.Name) and k.id in models for k in kinds)
            counts["inline language choices"] += _lang_choice(node)
        counts["Rich outside render"] += rich and not in_render
        for stmt in tree.body:
            value = stmt.value if isinstance(stmt, ast.Assign | ast.AnnAssign) else None
            counts["translation stores"] += _is_store(value)
        worded |= {f"{path.name}:{name}" for name in _worded_calls(tree)}
    counts["translation stores"] += len(worded)
    return counts


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
    for name, value in measure(root).items():
        print(f"{name:28} {value:6}")


if __name__ == "__main__":
    main()
