"""The vocabulary of the v3 tables: ``Field``, ``Filter``, ``Include``, ``Batch``, ``Family``, ``Route``.

A ``Family`` says how one kind of v3 object maps onto rows of the shared state (which table,
which column holds each v3 field and in which form) and which rules of the API apply to it
(required fields, unique values, filters, sorts, paging, includes, batch limits and their
answers, bulk-delete guards). ``Route`` ties a path template to a family and names the
operation each method runs: a generic verb above, or the name of an ``Action`` its family module
declares for what no verb covers (refund quotes, adjustments). The family modules
(``catalog``, ``customers``, ...) declare; the view interprets. Nothing here runs logic beyond
building values.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from bigcommerce.sandbox.responses import StoreResponse
    from bigcommerce.sandbox.state import State
    from bigcommerce.sandbox.v3.render import Renderer

# The operations a route can run (``view.OPERATIONS`` interprets them).
LIST, GET, CREATE, UPDATE, DELETE = "list", "get", "create", "update", "delete"
CREATE_MANY, UPDATE_MANY, UPSERT_MANY = "create_many", "update_many", "upsert_many"
DELETE_WHERE, DELETE_LISTED, SUMMARY = "delete_where", "delete_listed", "summary"
# The operations of a per-id path.
ITEM: Mapping[str, str] = {"GET": GET, "PUT": UPDATE, "DELETE": DELETE}

# How a batch that partly fails is answered (v3-resources.md §2.8).
MULTI_STATUS = "207"  # saved items in data, errors object; 422 when nothing was saved
BATCH_ERRORS = "batch_errors"  # nothing saved, 422 {batch_errors: [...]}
COUNTS = "counts"  # saved items in data, errors list, meta {total, success, failed}; 422 when any failed
ATOMIC = "atomic"  # nothing saved, one 422 (or 409) error object naming every failure

# Paging styles (§2.5): offset only; offset and cursor with the customers' rule (both blocks on
# the first page, pagination only past it, cursor_pagination only when a cursor was sent);
# offset and cursor, both blocks on every page (metafields).
OFFSET, CURSOR, CURSOR_AND_OFFSET = "offset", "cursor", "cursor+offset"
# Offset and cursor, the price lists' rule: both blocks unless the request picks one (a cursor:
# cursor_pagination only; ``page``: pagination only), and a cursor cannot be sent with ``page``.
CURSOR_OR_OFFSET = "cursor|offset"


@dataclass(frozen=True)
class Field:
    """One v3 field: where its value is stored and how it is read and written (``codecs``)."""

    name: str
    column: str = ""  # row key ("" = the v3 name); extra fields live in row["_v3"][name]
    codec: str = "same"
    default: Any = None  # the v3 value of an extra field never written
    read_only: bool = False
    extra: bool = False
    computed: str = ""  # ``render.COMPUTED`` key: a value derived from other rows, read-only
    choices: tuple[Any, ...] = ()
    min_length: int = 0
    max_length: int | None = None
    minimum: float | None = None  # bounds of a number the specs declare (prices: 0)
    maximum: float | None = None
    include: str = ""  # rendered only when ``include=`` names this value (customers' storecredit)

    @property
    def key(self) -> str:
        """The row key holding the stored value."""
        return self.column or self.name


def col(name: str, column: str = "", codec: str = "same", **options: Any) -> Field:
    """A field stored in a row column the v2 view shares (``column`` when the names differ)."""
    return Field(name, column, codec, **options)


def extra(name: str, default: Any, codec: str = "same", **options: Any) -> Field:
    """A field only v3 has, stored in the row's ``_v3`` dict; ``default`` until written."""
    return Field(name, "", codec, default=default, extra=True, **options)


def computed(name: str, key: str = "", **options: Any) -> Field:
    """A field derived from the state (``render.COMPUTED[key or name]``), read-only unless a
    ``column`` and ``codec`` say where a written value goes."""
    options.setdefault("read_only", "codec" not in options)
    return Field(name, computed=key or name, **options)


@dataclass(frozen=True)
class Filter:
    """One query parameter: a test of the rows' ``columns`` by ``op`` on values parsed as ``kind``.

    ``op``: eq, in, not_in, min, max, greater, less, like (substring, any of a list), keyword
    (substring of any column), prefix (the value starts with it: redirects' keyword), has (the
    list column holds the value), has_any. A column may be dotted (``_v3.mpn``), a lookup
    (``brand_id>brands.name``: the name of the brand the row's ``brand_id`` names) or
    ``<table.field`` (the values of a field over the row's children in that table: a
    promotion's coupon codes). Several columns are joined with a space (a customer's full name).
    ``bare_date``: what a date without a time means: ``midnight`` or ``now`` (the request's time
    of day, as products' ``date_modified:min``).
    """

    columns: tuple[str, ...]
    op: str = "eq"
    kind: str = "str"  # str | int | bool | number | date | uuid (a ``codecs.row_uuid``, read as its row id)
    bare_date: str = "midnight"


def on(*columns: str, op: str = "eq", kind: str = "str", bare_date: str = "midnight") -> Filter:
    return Filter(tuple(columns), op, kind, bare_date)


def bounds(name: str, kind: str, column: str = "", ops: str = "min max") -> dict[str, Filter]:
    """``name`` (eq) and ``name:op`` for each op of ``ops`` on one column."""
    target = column or name
    out = {name: on(target, kind=kind)}
    for op in ops.split():
        out[f"{name}:{op}"] = on(target, op=op, kind=kind)
    return out


def id_filters(column: str = "id") -> dict[str, Filter]:
    """``id``, ``id:in``, ``id:not_in``, ``id:min``, ``id:max``, ``id:greater``, ``id:less``."""
    return bounds("id", "int", column, "in not_in min max greater less")


@dataclass(frozen=True)
class Include:
    """An ``include=`` value: rows of ``family`` embedded under the include's name."""

    family: str
    table: str  # child table whose rows under the object are embedded
    single: str = ""  # "" = a list; "thumbnail": the one row with is_thumbnail (else the first)


@dataclass(frozen=True)
class Batch:
    """Array writes: at most ``max_items`` (413 above), and how a partial failure is answered."""

    partial: str
    max_items: int | None = None
    too_large_title: str | None = None  # the 413 body's title; None: a 413 without a body


@dataclass(frozen=True)
class Unique:
    """Stored values of ``fields`` that no two rows may share: 409, or with ``skip`` the item is
    left out of the answer and nothing changes (customer addresses). Store-wide, per parent, or
    ``among`` the rows with the same values of other fields (named in no error)."""

    fields: tuple[str, ...]
    per_parent: bool = False
    skip_empty: bool = False
    skip: bool = False
    among: tuple[str, ...] = ()  # only rows sharing these fields' values compete (a category's siblings)


@dataclass(frozen=True)
class Reference:
    """A field naming rows of another table, which must exist (409); 0 means none when ``zero_ok``.

    ``key``: the target rows' column the value names (a widget's ``widget_template_uuid`` names a
    template's ``uuid``); ``status``: the answer when it names none (the widget specs say 422).
    """

    field: str
    table: str
    label: str  # "category": named in the 409
    zero_ok: bool = True
    key: str = "id"
    status: int = 409


@dataclass(frozen=True)
class Family:
    """One kind of v3 object over one state table, and the API rules that apply to it."""

    name: str
    table: str
    label: str  # "product": named in error titles
    fields: tuple[Field, ...]
    required: tuple[str, ...] = ()
    update_required: tuple[str, ...] = ()  # fields an update must also send (order metafields' PUT)
    filters: Mapping[str, Filter] = field(default_factory=dict)
    sorts: Mapping[str, str] = field(default_factory=dict)  # sort value -> the v3 field it orders by
    sort_style: str = "separate"  # separate: sort= + direction=; combined: sort=field:asc
    default_limit: int = 50
    max_limit: int = 250
    paging: str = OFFSET
    includes: Mapping[str, Include] = field(default_factory=dict)
    unique: tuple[Unique, ...] = ()
    references: tuple[Reference, ...] = ()
    nested: Mapping[str, str] = field(default_factory=dict)  # create body key -> child family name
    batch: Batch | None = None
    delete_filters: tuple[str, ...] = ()  # a bulk DELETE needs one of these parameters
    delete_unfiltered: int = 422  # the answer without one (customers: 204, nothing deleted)
    delete_max: int | None = None  # ids in one id:in, rows in one bulk DELETE
    scope: Mapping[str, Any] = field(default_factory=dict)  # column values every row of the family has
    parent_table: str = ""  # rows belong to a row of this table (products for variants)...
    parent_column: str = ""  # ...named by this column (product_id, resource_id)
    max_per_parent: int | None = None
    empty_list: int = 200  # 204: an empty list is answered without a body
    # The row column a path's own id names: "id" (integers, as most families), or a string column
    # (scripts' and widgets' "uuid", filled in on create) whose value the path carries.
    key_column: str = "id"
    parent_key: str = "id"  # the parent table's column a path's parent id names (carts: uuid)
    malformed_id: int = 404  # the answer to a path id that is not an integer (pages: 422)
    offset_links: bool = True  # False: meta.pagination has no links (price lists, §2.5)
    parent_label: str = ""  # the parent's word in errors ("variant"); "" = parent_table without its "s"
    id_field: str = "id"  # the field naming the object, which include_fields always keeps (category_id)
    # A check of the stored fields against other rows that no declaration says (an attribute value
    # against its attribute's type): field -> message, a 422; None: no such check.
    item_check: Callable[[State, Mapping[str, Any]], Mapping[str, str]] | None = None

    @property
    def parent_word(self) -> str:
        """How errors name the parent: ``parent_label``, else the table name in the singular."""
        return self.parent_label or self.parent_table[:-1]

    def field_named(self, name: str) -> Field | None:
        for item in self.fields:
            if item.name == name:
                return item
        return None

    @property
    def id_key(self) -> str:
        """The row key holding the v3 ``id`` (``serial`` for videos, keyed by YouTube id)."""
        item = self.field_named("id")
        return item.key if item is not None else "id"


@dataclass(frozen=True)
class Route:
    """A served path template, its family and each method's operation.

    ``per_parent``: the first path parameter is the parent's id (``{product_id}``); without it,
    a new object names its parent in the body (``product_id``, ``resource_id``, ``customer_id``).
    Item operations (get, update, delete) take the object's id from the last path parameter.
    Three-level paths: ``parent_index`` says which path id is the parent's (a variant metafield's
    parent is the variant, id 1), and ``parent_owner`` the parent row's column that must hold
    the id before it (the variant's ``product_id``), else 404.
    """

    template: str
    family: str
    ops: Mapping[str, str]
    per_parent: bool = False
    parent_index: int = 0
    parent_owner: str = ""
    text_params: int = 0  # the last n path parameters are text keys (a currency code), not ids


@dataclass
class Call:
    """One v3 request, routed: its family, the ids in its path, its query and body.

    ``ids``: every id of the path in order (a three-level path has two or three);
    ``parent_id`` is the first of them on a ``per_parent`` route, ``item_id`` the last on an item
    operation.
    """

    route: Route
    family: Family
    parent_id: int | None
    item_id: int | None
    query: Mapping[str, str]
    body: object
    ids: tuple[int, ...] = ()
    keys: tuple[str, ...] = ()  # the route's text path parameters (``text_params``)


# An operation a family module implements itself: it reads and writes the state, renders with
# the view's renderer and answers (or raises ``errors.V3Error``).
Action = Callable[["State", "Renderer", Call], "StoreResponse"]
