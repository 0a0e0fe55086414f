"""The v2 query string: filters (``catalog`` ``Filter``s) as row tests, sorting, ``page``/``limit``.

``matching`` yields the rows of a collection that pass every filter of the query;
``is_plain`` says when a page is a plain slice of the id order (no filter, no sort, no
archived order to hide), the fast path of unfiltered lists.
"""
from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from typing import Any, Callable

from bigcommerce.sandbox.catalog import DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, ORDER_SORT_FIELDS, Filter, Resource
from bigcommerce.sandbox.responses import LIMIT_EXCEEDED, ApiError
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.values import as_number, money, parse_date, to_bool, to_int

RowTest = Callable[[Mapping[str, Any]], bool]


# ------------------------------------------------------------------ filters

def _lookup(row: Mapping[str, Any], name: str, defaults: Mapping[str, Any]) -> Any:
    if "." in name:
        head, _, tail = name.partition(".")
        inner = row.get(head, defaults.get(head)) or {}
        return inner.get(tail) if isinstance(inner, dict) else None
    return row.get(name, defaults.get(name))


def _parse_filter_value(name: str, spec: Filter, raw: str) -> Any:
    try:
        if spec.kind == "int":
            return to_int(raw)
        if spec.kind == "bool":
            return to_bool(raw)
        if spec.kind == "decimal":
            return float(money(raw))
        if spec.kind == "date":
            return parse_date(raw)
        return raw
    except (ValueError, TypeError) as exc:
        kind = {"int": "integer", "bool": "boolean (true or false)", "decimal": "number",
                "date": "RFC 2822 or ISO 8601 date"}.get(spec.kind, spec.kind)
        raise ApiError(
            400, f"The filter '{name}' is invalid.",
            {"invalid_reason": f"'{raw}' is not a valid {kind}."},
        ) from exc


def _parse_values(name: str, spec: Filter, raw: str) -> list[Any]:
    """One value, or several for comma-separated integer filters (``status_id=1,11``)."""
    parts = raw.split(",") if spec.kind == "int" and "," in raw else [raw]
    return [_parse_filter_value(name, spec, part) for part in parts]


def _fold(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


def make_predicate(res: Resource, name: str, raw: str) -> RowTest:
    """A row test for one query parameter of ``res`` (ApiError 400 for a bad value)."""
    spec = res.filters[name]
    values = _parse_values(name, spec, raw)
    defaults, target, op = res.fields, spec.field, spec.op

    def get(row: Mapping[str, Any]) -> Any:
        return _lookup(row, target, defaults)

    if op in ("min", "max"):
        bound = values[0]
        convert = as_number if spec.kind == "decimal" else (lambda v: v if v not in (None, "") else None)
        if op == "min":
            return lambda row: (v := convert(get(row))) is not None and v >= bound
        return lambda row: (v := convert(get(row))) is not None and v <= bound
    if op == "like":
        needle = values[0].casefold()
        return lambda row: needle in str(get(row) or "").casefold()
    if op == "keyword":
        needle = values[0].casefold()
        return lambda row: any(
            needle in str(_lookup(row, f, defaults) or "").casefold()
            for f in ("name", "description", "sku")
        )
    if op == "has":
        wanted = {_fold(v) for v in values}
        return lambda row: any(_fold(item) in wanted for item in (get(row) or ()))
    if op == "low":
        flag = values[0]
        return lambda row: (
            _lookup(row, "inventory_level", defaults) <= _lookup(row, "inventory_warning_level", defaults)
        ) == flag
    if op == "day":
        day = time.gmtime(values[0])[:3]
        return lambda row: get(row) is not None and time.gmtime(get(row))[:3] == day
    wanted = {_fold(v) for v in values}
    if op == "ne":
        return lambda row: _fold(get(row)) not in wanted
    if spec.kind == "decimal":
        return lambda row: as_number(get(row)) in wanted
    return lambda row: _fold(get(row)) in wanted


# ------------------------------------------------------------------ selection

def predicates(res: Resource, query: Mapping[str, str]) -> list[RowTest]:
    """Every row test of the query; archived orders are hidden unless ``is_deleted`` is asked."""
    tests = [make_predicate(res, name, raw) for name, raw in query.items() if name in res.filters]
    if res.name == "orders" and "is_deleted" not in query:
        tests.append(lambda row: not row.get("is_deleted", False))
    return tests


def source(state: State, res: Resource, parent_id: int | None) -> dict[Any, dict[str, Any]]:
    """The rows a collection path lists, ascending id: one parent's, or the whole table's."""
    table = state.tables[res.name]
    return table.children(parent_id) if parent_id is not None else table.ordered()


def matching(state: State, res: Resource, parent_id: int | None,
             query: Mapping[str, str]) -> Iterator[dict[str, Any]]:
    """The collection's rows that pass every filter of the query, ascending id."""
    tests = predicates(res, query)
    rows = source(state, res, parent_id).values()
    if not tests:
        return iter(rows)
    return (row for row in rows if all(test(row) for test in tests))


def is_plain(state: State, res: Resource, query: Mapping[str, str]) -> bool:
    """True when the page is a slice of the id order: no filter, no sort, no archive."""
    if res.order != "id" or any(name in res.filters for name in query):
        return False
    if res.name == "orders":
        return not state.archived_orders and "sort" not in query
    return True


# ------------------------------------------------------------------ order and pages

def sort_rows(res: Resource, rows: list[dict[str, Any]], query: Mapping[str, str]) -> None:
    """Put matched rows in the resource's order, or the ``sort`` an order list asks for."""
    if res.order == "-published_date":
        rows.sort(key=lambda row: (row.get("published_date") or 0, row["id"]), reverse=True)
    elif res.order == "name":
        rows.sort(key=lambda row: str(row.get("name", "")).casefold())
    if res.name == "orders" and "sort" in query:
        name, _, direction = query["sort"].partition(":")
        if name not in ORDER_SORT_FIELDS or direction not in ("", "asc", "desc"):
            raise ApiError(400, "The filter 'sort' is invalid.",
                           {"invalid_reason": f"'{query['sort']}' is not a sortable field."})
        defaults = res.fields
        rows.sort(key=lambda row: (row.get(name, defaults.get(name)) is None,
                                   row.get(name, defaults.get(name)) or 0, row["id"]),
                  reverse=direction == "desc")


def parse_paging(query: Mapping[str, str]) -> tuple[int, int]:
    """``page`` and ``limit`` as the API reads them: 400 when not positive, 413 above 250."""
    numbers = []
    for name, default in (("page", 1), ("limit", DEFAULT_PAGE_LIMIT)):
        raw = query.get(name)
        if raw is None:
            numbers.append(default)
            continue
        text = str(raw).strip()
        if not text.isdigit() or int(text) < 1:
            reason = f"'{raw}' is not a positive integer."
            raise ApiError(400, f"The field '{name}' is invalid.", {"invalid_reason": reason})
        numbers.append(int(text))
    page, limit = numbers
    if limit > MAX_PAGE_LIMIT:
        raise ApiError(413, LIMIT_EXCEEDED, {"max_limit": MAX_PAGE_LIMIT})
    return page, limit
