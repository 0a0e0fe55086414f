"""The v3 query string: filters as row tests, ``sort``/``direction``, and offset or cursor pages.

``predicates`` turns every parameter the family declares (``id:in``, ``date_modified:min``,
``keyword``...) into a row test; unknown parameters are ignored, values that cannot be read
are a 422 naming the parameter. ``select`` picks one page and ``page_meta`` writes its
``meta.pagination`` and/or ``meta.cursor_pagination`` with query-string links (§2.5).
"""
from __future__ import annotations

import base64
import binascii
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Callable
from urllib.parse import quote

from bigcommerce.sandbox.rows import EXTRA
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.codecs import uuid_row_id
from bigcommerce.sandbox.v3.errors import invalid
from bigcommerce.sandbox.v3.schema import CURSOR, CURSOR_AND_OFFSET, CURSOR_OR_OFFSET, Family, Filter
from bigcommerce.sandbox.values import as_number, parse_date, to_bool, to_int

Row = Mapping[str, Any]
Rows = Sequence[Row]
RowTest = Callable[[Row], bool]

BARE_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LIST_OPS = frozenset({"in", "not_in", "has_any", "like"})
# Query parameters about the answer's shape, never filters; paging parameters are left out of links.
PAGING = frozenset({"page", "limit", "before", "after"})


# ------------------------------------------------------------------ filters

def _read_value(name: str, spec: Filter, raw: str, now: int) -> Any:
    try:
        if spec.kind == "int":
            return to_int(raw)
        if spec.kind == "bool":
            return to_bool(raw)
        if spec.kind == "number":
            return float(raw)
        if spec.kind == "uuid":
            return uuid_row_id(raw)
        if spec.kind == "date":
            if BARE_DATE.match(raw.strip()):
                return parse_date(raw.strip()) + (now % 86400 if spec.bare_date == "now" else 0)
            return parse_date(raw)
        return raw.casefold()
    except (ValueError, TypeError) as exc:
        words = {"int": "an integer", "bool": "true or false", "number": "a number", "date": "an ISO 8601 date",
                 "uuid": "a uuid"}
        raise invalid({name: f"'{raw}' is not {words.get(spec.kind, 'valid')}."},
                      f"The filter '{name}' is invalid.") from exc


def _column(state: State, column: str, defaults: Mapping[str, Any],
            extra_defaults: Mapping[str, Any] | None = None) -> Callable[[Row], Any]:
    """How a filter column is read from a row: a field, a dotted ``_v3`` value, a lookup, or
    (``<table.field``) the values of a field over the row's children in another table."""
    extra_defaults = extra_defaults or {}
    if column.startswith("<"):
        table_name, _, field_name = column[1:].partition(".")
        children = state.tables[table_name]
        return lambda row: [value.casefold() if isinstance(value, str) else value for value in
                            (child.get(field_name) for child in children.by_parent.get(row["id"], {}).values())]
    if ">" in column:
        local, _, target = column.partition(">")
        table_name, _, field_name = target.partition(".")
        rows = state.tables[table_name].rows
        return lambda row: rows.get(row.get(local), {}).get(field_name)
    if "." in column:
        head, _, tail = column.partition(".")
        unset = extra_defaults.get(tail) if head == EXTRA else None  # a v3-only field never written
        return lambda row: (row.get(head) or {}).get(tail, unset)
    fallback = defaults.get(column)
    return lambda row: row.get(column, fallback)


def _comparable(kind: str) -> Callable[[Any], Any]:
    if kind == "number":
        return as_number
    if kind == "date":
        def date_of(value: Any) -> Any:
            if isinstance(value, str):
                try:
                    return parse_date(value) if value else None
                except ValueError:
                    return None
            return value
        return date_of
    if kind == "str":
        return lambda value: value.casefold() if isinstance(value, str) else value
    return lambda value: value


def make_predicate(state: State, family: Family, name: str, raw: str, now: int) -> RowTest:
    """A row test for one query parameter of the family (V3Error 422 for a value it cannot read)."""
    spec = family.filters[name]
    parts = raw.split(",") if spec.op in LIST_OPS else [raw]
    values = [_read_value(name, spec, part, now) for part in parts if part != "" or spec.kind == "str"]
    if not values:
        raise invalid({name: "A value is required."}, f"The filter '{name}' is invalid.")
    defaults = state.tables[family.table].resource.fields
    extra_defaults = {item.name: item.default for item in family.fields if item.extra}
    readers = [_column(state, column, defaults, extra_defaults) for column in spec.columns]
    norm = _comparable(spec.kind)
    read = readers[0]
    if len(readers) == 1:
        get: Callable[[Row], Any] = lambda row: norm(read(row))  # noqa: E731
    else:
        get = lambda row: norm(" ".join(str(r(row) or "") for r in readers))  # noqa: E731
    op = spec.op
    first: Any = values[0]
    if op == "keyword":
        return lambda row: any(first in _text(r(row)) for r in readers)
    if op == "prefix":
        return lambda row: any(str(get(row) or "").startswith(value) for value in values)
    if op == "like":
        return lambda row: any(value in str(get(row) or "") for value in values)
    if op == "has":
        return lambda row: first in (read(row) or ())
    if op == "has_any":
        any_of = set(values)
        return lambda row: not any_of.isdisjoint(read(row) or ())
    if op == "low":
        level, warning = readers
        return lambda row: (level(row) <= warning(row)) == first
    if op == "out":
        return lambda row: (readers[0](row) <= 0) == first
    comparisons: Mapping[str, Callable[[Any], bool]] = {
        "min": lambda v: v is not None and v >= first, "max": lambda v: v is not None and v <= first,
        "greater": lambda v: v is not None and v > first, "less": lambda v: v is not None and v < first,
    }
    if op in comparisons:
        test = comparisons[op]
        return lambda row: test(get(row))
    choices = set(values)
    if spec.kind == "date" and op == "eq" and BARE_DATE.match(raw.strip()):
        day = first // 86400
        return lambda row: (value := get(row)) is not None and value // 86400 == day
    if op == "not_in":
        return lambda row: get(row) not in choices
    return lambda row: get(row) in choices


def _text(value: Any) -> str:
    """A column's value as searchable text (the values of a list, one after another)."""
    if isinstance(value, list):
        return " ".join(str(item) for item in value).casefold()
    return str(value or "").casefold()


def predicates(state: State, family: Family, query: Mapping[str, str]) -> list[RowTest]:
    """Every row test of the query: its filters, and the family's fixed ``scope``."""
    now = state.now()
    tests = [make_predicate(state, family, name, raw, now) for name, raw in query.items() if name in family.filters]
    tests.extend(_equals(column, value) for column, value in family.scope.items())
    return tests


def _equals(column: str, value: Any) -> RowTest:
    return lambda row: row.get(column) == value


def has_filter(family: Family, query: Mapping[str, str]) -> bool:
    return any(name in family.filters for name in query)


# ------------------------------------------------------------------ order

def sort_rows(state: State, family: Family, rows: list[Any], query: Mapping[str, str]) -> None:
    """Order matched rows by ``sort`` (+ ``direction``, or ``field:direction``); ascending id by default."""
    raw = query.get("sort", "")
    direction = query.get("direction", "asc").lower()
    if family.sort_style == "combined" and raw:
        raw, _, direction = raw.partition(":")
        direction = direction or "asc"
    if direction not in ("asc", "desc"):
        raise invalid({"direction": f"'{direction}' is not asc or desc."}, "The sort direction is invalid.")
    if not raw:
        if direction == "desc":
            rows.reverse()
        return
    target = family.sorts.get(raw)
    field = family.field_named(target) if target else None
    if field is None:
        choices = ", ".join(family.sorts)
        raise invalid({"sort": f"'{raw}' is not one of: {choices}."}, "The sort field is invalid.")
    number_like = field.codec.startswith("number")
    key = field.key
    fallback = field.default if field.extra else state.tables[family.table].resource.fields.get(key)
    def stored(row: Row) -> Any:
        return (row.get(EXTRA) or {}).get(key, fallback) if field.extra else row.get(key, fallback)

    def sort_key(row: Row) -> tuple[Any, ...]:
        value = stored(row)
        if number_like:
            value = as_number(value)
        elif isinstance(value, str):
            value = value.casefold()
        return (value is None, value if value is not None else 0, row["id"])

    rows.sort(key=sort_key, reverse=direction == "desc")


# ------------------------------------------------------------------ pages

@dataclass
class Page:
    """One page of a list: its rows, where it starts, and what the meta block needs."""

    rows: Rows
    total: int
    offset: int
    limit: int
    page: int
    cursor: str  # "after" or "before" when the request paged by cursor, else ""


def encode_cursor(row_id: int) -> str:
    """The opaque cursor of a row, as the specs' examples spell it (``aWQ6Nw==`` is ``id:7``)."""
    return base64.b64encode(f"id:{row_id}".encode()).decode("ascii")


def decode_cursor(text: str) -> int:
    try:
        decoded = base64.b64decode(text.encode("ascii"), validate=True).decode("ascii")
        kind, _, value = decoded.partition(":")
        if kind != "id":
            raise ValueError(text)
        return int(value)
    except (ValueError, UnicodeError, binascii.Error) as exc:
        raise invalid({"cursor": f"'{text}' is not a cursor this API gave."}, "The cursor is invalid.") from exc


def paging(family: Family, query: Mapping[str, str]) -> tuple[int, int]:
    """``page`` and ``limit``: 422 when not positive integers or above the family's maximum."""
    numbers = []
    for name, default in (("page", 1), ("limit", family.default_limit)):
        raw = query.get(name)
        if raw is None or raw == "":
            numbers.append(default)
            continue
        text = raw.strip()
        if not text.isdigit() or int(text) < 1:
            raise invalid({name: f"'{raw}' is not a positive integer."}, f"The parameter '{name}' is invalid.")
        numbers.append(int(text))
    page, limit = numbers
    if limit > family.max_limit:
        raise invalid({"limit": f"The limit must be at most {family.max_limit}."}, "The parameter 'limit' is invalid.")
    return page, limit


def select(family: Family, rows: Rows, query: Mapping[str, str], ids: Sequence[int] | None = None) -> Page:
    """The page the query asks for: by ``before``/``after`` when the family pages by cursor, else by ``page``.

    ``ids``: the rows' ids when the rows are in ascending id order (a cursor is then found by bisection).
    """
    page, limit = paging(family, query)
    if family.paging == CURSOR_OR_OFFSET and query.get("page") and (query.get("before") or query.get("after")):
        raise invalid({"page": "A cursor (before, after) cannot be used with page."},
                      "The parameter 'page' is invalid.")
    if family.paging in (CURSOR, CURSOR_AND_OFFSET, CURSOR_OR_OFFSET):
        for kind in ("after", "before"):
            if query.get(kind):
                anchor = decode_cursor(query[kind])
                if ids is not None:
                    position = (bisect_right if kind == "after" else bisect_left)(ids, anchor)
                else:
                    position = _position(rows, anchor, after=kind == "after")
                start = position if kind == "after" else max(0, position - limit)
                end = start + limit if kind == "after" else position
                return Page(rows[start:end], len(rows), start, limit, start // limit + 1, kind)
    offset = (page - 1) * limit
    return Page(rows[offset:offset + limit], len(rows), offset, limit, page, "")


def _position(rows: Rows, anchor: int, *, after: bool) -> int:
    """Where the rows after (or before) the cursor's row start; by id order if the row is gone."""
    for index, row in enumerate(rows):
        if row["id"] == anchor:
            return index + 1 if after else index
    return sum(1 for row in rows if row["id"] < anchor or (after and row["id"] == anchor))


def _link(query: Mapping[str, str], tail: Iterable[tuple[str, Any]]) -> str:
    items = [(name, value) for name, value in query.items() if name not in PAGING]
    items.extend(tail)
    return "?" + "&".join(f"{quote(str(k), safe=':')}={quote(str(v), safe=':,')}" for k, v in items)


def page_meta(family: Family, page: Page, query: Mapping[str, str]) -> dict[str, Any]:
    """``meta`` of a list answer: ``pagination`` and/or ``cursor_pagination`` as the family's paging says."""
    meta: dict[str, Any] = {}
    cursor_family = family.paging in (CURSOR, CURSOR_AND_OFFSET)
    with_offset = family.paging != CURSOR or not page.cursor
    with_cursor = cursor_family and (family.paging == CURSOR_AND_OFFSET or page.cursor or page.page == 1)
    if family.paging == CURSOR_OR_OFFSET:
        with_offset, with_cursor = not page.cursor, not query.get("page")
    if with_offset:
        total_pages = -(-page.total // page.limit)
        links = {}
        if page.page > 1:
            links["previous"] = _link(query, (("page", page.page - 1), ("limit", page.limit)))
        links["current"] = _link(query, (("page", page.page), ("limit", page.limit)))
        if page.page < total_pages:
            links["next"] = _link(query, (("page", page.page + 1), ("limit", page.limit)))
        meta["pagination"] = {
            "total": page.total, "count": len(page.rows), "per_page": page.limit, "current_page": page.page,
            "total_pages": total_pages, "links": links,
        }
        if not family.offset_links:
            del meta["pagination"]["links"]
    if with_cursor:
        cursor: dict[str, Any] = {"count": len(page.rows), "per_page": page.limit}
        links = {}
        if page.rows:
            start, end = encode_cursor(page.rows[0]["id"]), encode_cursor(page.rows[-1]["id"])
            cursor["start_cursor"], cursor["end_cursor"] = start, end
            if page.offset > 0:
                links["previous"] = _link(query, (("limit", page.limit), ("before", start)))
            links["current"] = _link(query, (("limit", page.limit), *([(page.cursor, query[page.cursor])]
                                                                      if page.cursor else [])))
            if page.offset + len(page.rows) < page.total:
                links["next"] = _link(query, (("limit", page.limit), ("after", end)))
        cursor["links"] = links
        meta["cursor_pagination"] = cursor
    return meta


def wanted(query: Mapping[str, str], name: str) -> frozenset[str]:
    """The comma-separated values of ``include``, ``include_fields`` or ``exclude_fields``."""
    return frozenset(part.strip() for part in query.get(name, "").split(",") if part.strip())

