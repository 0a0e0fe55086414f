"""List answers the family modules' actions build from rows (or items) they picked themselves.

``list_rows`` answers such rows as the view's ``_list`` does (filters, sort, paging, the
generic ``meta``); ``items_page`` pages plain items (assignments, sort orders); ``too_large``
is the 413 of a batch over its limit. ``filtered`` applies a family's filters, sort and page to
some rows and serializes the page, for lists whose ``meta`` is not the generic block; each
family module then writes its own ``meta``: ``/sites`` (``{offset, limit, total_items}``),
site routes (``total_page``), and the keyset pages of channel listings (``keyset``: ``after``
= the previous page's last id, ``meta.pagination`` ``{count, total, links, total_pages}``,
v3-resources.md §2.5).
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote

from bigcommerce.sandbox.responses import StoreResponse, dumps
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.answers import list_response
from bigcommerce.sandbox.v3.errors import SHORT_ERROR_TYPE, V3Error, invalid
from bigcommerce.sandbox.v3.query import PAGING, Page, page_meta, paging, predicates, select, sort_rows, wanted
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import Call, Family

Row = Mapping[str, Any]


def serialized(renderer: Renderer, family: Family, rows: Iterable[Row], query: Mapping[str, str]) -> list[bytes]:
    """The rows as the list's items, with the query's ``include``/``include_fields``/``exclude_fields``."""
    includes, only, exclude = wanted(query, "include"), wanted(query, "include_fields"), wanted(query, "exclude_fields")
    return [renderer.json(family, row, includes, only, exclude) for row in rows]


def matching(state: State, family: Family, source: Mapping[Any, Row], query: Mapping[str, str]) -> list[Row]:
    """The rows of ``source`` (ascending id) that pass the query's filters, in its sort order."""
    tests = predicates(state, family, query)
    rows = [row for row in source.values() if all(test(row) for test in tests)]
    sort_rows(state, family, rows, query)
    return rows


def filtered(state: State, renderer: Renderer, family: Family, source: Mapping[Any, Row],
             query: Mapping[str, str]) -> tuple[Page, list[bytes]]:
    """One offset page (``page``/``limit``) of the matching rows, and its items serialized."""
    page = select(family, matching(state, family, source, query), query)
    return page, serialized(renderer, family, page.rows, query)


def list_rows(state: State, renderer: Renderer, family: Family, rows: Iterable[Row],
              query: Mapping[str, str]) -> StoreResponse:
    """The family's filters, sort and paging over ``rows``, in the list envelope with the generic ``meta``."""
    page = select(family, matching(state, family, dict(enumerate(rows)), query), query)
    return list_response(serialized(renderer, family, page.rows, query), page_meta(family, page, query))


def items_page(call: Call, items: list[dict[str, Any]]) -> StoreResponse:
    """One offset page (``page``/``limit``) of plain items, in the list envelope."""
    number, limit = paging(call.family, call.query)
    offset = (number - 1) * limit
    chosen = Page(items[offset:offset + limit], len(items), offset, limit, number, "")
    return list_response([dumps(item) for item in chosen.rows], page_meta(call.family, chosen, call.query))


def too_large(limit: int) -> V3Error:
    """413 for an array of more than ``limit`` items, in the words of the specs' 413 examples."""
    return V3Error(413, f"The request payload is too large. The maximum items allowed in the array is {limit}.",
                   {}, error_type=SHORT_ERROR_TYPE)


def link(query: Mapping[str, str], tail: Iterable[tuple[str, Any]]) -> str:
    """A pagination link: the query's filters, then ``tail`` (paging), as a query string."""
    items = [(name, value) for name, value in query.items() if name not in PAGING]
    items.extend(tail)
    return "?" + "&".join(f"{quote(str(k), safe=':')}={quote(str(v), safe=':,')}" for k, v in items)


def _integer(query: Mapping[str, str], name: str, default: int | None) -> int | None:
    raw = query.get(name)
    if raw is None or raw == "":
        return default
    text = raw.strip()
    if not text.isdigit():
        raise invalid({}, f'Query parameter "{name}" value must be integer. For input string: "{raw}".')
    return int(text)


def keyset(state: State, renderer: Renderer, family: Family, source: Mapping[Any, Row],
           query: Mapping[str, str]) -> tuple[list[bytes], dict[str, Any]]:
    """A page after the row ``after`` names (by id), at most ``limit`` rows: items and ``meta``."""
    limit = _integer(query, "limit", family.default_limit) or 0
    if limit < 1 or limit > family.max_limit:
        raise invalid({"limit": f"The limit must be from 1 to {family.max_limit}."},
                      f'Query parameter "limit" value must be from 1 to {family.max_limit}.')
    after = _integer(query, "after", None)
    rows = matching(state, family, source, query)
    start = 0 if after is None else bisect_right([row["id"] for row in rows], after)
    chosen = rows[start:start + limit]
    links = {}
    if start > 0:
        back = max(0, start - limit)
        links["previous"] = link(query, (("limit", limit), *((("after", rows[back - 1]["id"]),) if back else ())))
    links["current"] = link(query, (("limit", limit), *((("after", after),) if after is not None else ())))
    if start + limit < len(rows):
        links["next"] = link(query, (("limit", limit), ("after", chosen[-1]["id"])))
    pagination = {"count": len(chosen), "total": len(rows), "links": links, "total_pages": -(-len(rows) // limit)}
    return serialized(renderer, family, chosen, query), {"pagination": pagination}
