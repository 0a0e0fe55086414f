#!/usr/bin/env python3
"""Writes what follows from the v3 classes: the facade's type declarations and the README's class table.

    python tools/v3_tables.py          # rewrite bigcommerce/v3/declared.py and the README table
    python tools/v3_tables.py --check  # exit 1 when either is out of date (the tests run this)

``api.v3.Products`` is typed through ``bigcommerce/v3/declared.py`` (one
``Name: type[module.Name]`` line per class), and README.rst lists every class
between the ``.. v3-classes-begin`` and ``.. v3-classes-end`` comments.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bigcommerce import v3  # noqa: E402
from bigcommerce.v3.api import v3_class_names  # noqa: E402
from bigcommerce.v3.paging import Paging  # noqa: E402

DECLARED = ROOT / "bigcommerce" / "v3" / "declared.py"
README = ROOT / "README.rst"
BEGIN, END = ".. v3-classes-begin", ".. v3-classes-end"
VERBS = ("all", "iterall", "count", "get", "create", "update", "delete", "create_many", "update_many",
         "delete_many")


def batch_column(klass: type) -> str:
    """The batch limit; ``POST/PUT`` where the two differ (price records: ``100/1000``)."""
    if not klass.batch_limit:
        return ""
    if klass.update_batch_limit and klass.update_batch_limit != klass.batch_limit:
        return f"{klass.batch_limit}/{klass.update_batch_limit}"
    return str(klass.batch_limit)


def classes() -> list[type[v3.V3Resource]]:
    return sorted((getattr(v3, name) for name in v3_class_names()), key=lambda c: (c.path, c.__name__))


def declared_module() -> str:
    found = classes()
    modules = sorted({cls.__module__.rsplit(".", 1)[1] for cls in found})
    lines = [
        '"""The v3 classes as ``api.v3`` attributes, for type checkers. Written by tools/v3_tables.py."""',
        "from __future__ import annotations",
        "",
    ]
    if modules:
        lines += ["from typing import TYPE_CHECKING", "", "if TYPE_CHECKING:", "    from . import (",
                  *(f"        {module}," for module in modules), "    )", ""]
    lines += [
        "",
        "class DeclaredV3Classes:",
        '    """``api.v3.Products`` is ``bigcommerce.v3.Products`` with the connection filled in."""',
        "",
    ]
    if not found:
        lines.pop()  # a class with only its docstring
    for cls in sorted(found, key=lambda c: c.__name__):
        lines.append(f"    {cls.__name__}: type[{cls.__module__.rsplit('.', 1)[1]}.{cls.__name__}]")
    return "\n".join(lines) + "\n"


def operations(cls: type) -> str:
    return ", ".join(verb for verb in VERBS if callable(getattr(cls, verb, None))) + _extra(cls)


def _extra(cls: type) -> str:
    own = [name for name, member in vars(cls).items()
           if not name.startswith("_") and callable(member) and name not in VERBS]
    return (", " + ", ".join(sorted(own))) if own else ""


def paging(cls: type[v3.V3Resource]) -> str:
    if not callable(getattr(cls, "iterall", None)):
        return ""
    kind = cls.paging.value if isinstance(cls.paging, Paging) else str(cls.paging)
    if cls.collection_path and cls.collection_paging and cls.collection_paging is not cls.paging:
        kind += f" / {cls.collection_paging.value}"
    return kind


def readme_table() -> str:
    rows = [(c.__name__, c.path + (f" (+ {c.collection_path})" if c.collection_path else ""), operations(c),
             paging(c), batch_column(c)) for c in classes()]
    header = ("Class", "Path", "Operations", "Paging", "Batch")
    widths = [max(len(header[i]), *(len(r[i]) for r in rows)) if rows else len(header[i]) for i in range(5)]
    rule = " ".join("=" * w for w in widths)
    out = [rule, " ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip(), rule]
    out += [" ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in rows]
    out.append(rule)
    return "\n".join(out)


def readme_with_table(text: str) -> str:
    if BEGIN not in text or END not in text:
        raise SystemExit(f"README.rst has no {BEGIN} / {END} markers")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{BEGIN}\n\n{readme_table()}\n\n{END}{tail}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    wanted = {DECLARED: declared_module(), README: readme_with_table(README.read_text(encoding="utf-8"))}
    stale = [path for path, text in wanted.items() if not path.exists() or path.read_text(encoding="utf-8") != text]
    if args.check:
        for path in stale:
            print(f"out of date: {path.relative_to(ROOT)} (run python tools/v3_tables.py)")
        return 1 if stale else 0
    for path in stale:
        path.write_text(wanted[path], encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
