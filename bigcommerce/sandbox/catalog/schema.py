"""The vocabulary of the resource tables: ``Resource``, ``Filter``, ``Link`` and their builders.

Each family module (``products``, ``orders``...) declares its resources with these; the
package ``__init__`` assembles them. Nothing here runs logic beyond building values.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# Operation codes, as in v2-resources.md.
LIST, GET, CREATE, UPDATE, DELETE, DELETE_ALL, COUNT = "L", "G", "C", "U", "D", "DA", "N"

DEFAULT_PAGE_LIMIT = 50
MAX_PAGE_LIMIT = 250

ZERO = "0.0000"


@dataclass(frozen=True)
class Filter:
    """One query parameter: compare row[field] with the parsed value using op."""

    field: str
    op: str  # eq | ne | min | max | like | has | keyword | low | day
    kind: str  # int | str | bool | decimal | date


def eq(name: str, kind: str = "str") -> dict[str, Filter]:
    """``name=value``: the field equals the value."""
    return {name: Filter(name, "eq", kind)}


def min_max(name: str, kind: str, row_field: str | None = None) -> dict[str, Filter]:
    """``min_{name}`` and ``max_{name}``: inclusive bounds on ``row_field`` (default ``name``)."""
    target = row_field or name
    return {f"min_{name}": Filter(target, "min", kind), f"max_{name}": Filter(target, "max", kind)}


def ids() -> dict[str, Filter]:
    """``min_id`` and ``max_id``."""
    return min_max("id", "int")


def dates(*names: str) -> dict[str, Filter]:
    """``min_``/``max_`` bounds on each date field."""
    out: dict[str, Filter] = {}
    for name in names:
        out.update(min_max(name, "date"))
    return out


def merge(*parts: Mapping[str, Filter]) -> dict[str, Filter]:
    """One filter table from several."""
    out: dict[str, Filter] = {}
    for part in parts:
        out.update(part)
    return out


@dataclass(frozen=True)
class Link:
    """A ``{url, resource}`` object printed in a parent body; None when `when` is falsy."""

    field: str
    template: str  # formatted with the rendered object, e.g. "products/{id}/images"
    when: str | None = None


@dataclass(frozen=True)
class Resource:
    """One v2 resource or subresource and the documented behaviour the store emulates."""

    name: str  # key in dump()/load(): "products", "product_images", ...
    path: str  # "products" or "products/{pid}/images"
    ops: frozenset[str]
    fields: Mapping[str, Any]  # defaults, in output order
    required: tuple[str, ...] = ()
    types: Mapping[str, str] = field(default_factory=dict)  # input coercion per field
    enums: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)
    read_only: frozenset[str] = frozenset()
    writable_extra: frozenset[str] = frozenset()  # accepted input not printed as-is
    dates: tuple[str, ...] = ()  # stored as unix seconds, printed as RFC 2822
    created: str | None = None  # set to now on create
    modified: str | None = None  # set to now on create and update
    filters: Mapping[str, Filter] = field(default_factory=dict)
    counts: frozenset[str] = frozenset()  # "collection", "parent", "store"
    paginated: bool = True
    id_kind: str = "int"  # int | str (video ids) | int_str (ints printed as strings)
    links: tuple[Link, ...] = ()
    parent: str | None = None
    parent_key: str | None = None
    hidden: frozenset[str] = frozenset()  # stored but never printed
    store_list: bool = False  # GET {parent}/{sub} lists across all parents
    order: str = "id"  # id | -published_date | name

    @property
    def segments(self) -> tuple[str, ...]:
        return tuple(self.path.split("/"))

    @property
    def sub_name(self) -> str:
        """Last path segment of a subresource ("images")."""
        return self.segments[-1]


def op_set(codes: str) -> frozenset[str]:
    """Operation codes from a space-separated string: ``op_set("L G N")``."""
    return frozenset(codes.split())


ALL_OPS = op_set("L G C U D DA N")
SUB_OPS = ALL_OPS
PER_PARENT_AND_STORE = frozenset({"parent", "store"})
COLLECTION_COUNT = frozenset({"collection"})
