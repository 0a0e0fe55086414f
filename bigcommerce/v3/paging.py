"""Walking v3 lists: the paging each endpoint really uses, declared per class, never guessed.

* ``OFFSET``: ``page``/``limit`` with ``meta.pagination``. Once the first page
  gives ``total_pages`` (``total_page`` on routes, ``{offset, limit,
  total_items}`` on ``/sites``), the rest is fetched ``concurrency`` pages at
  a time in page order and no page past the last is requested. Without that
  meta the walk stops on a short or empty page, as in v2.
* ``CURSOR``: ``meta.cursor_pagination.links.next`` is followed as the API
  wrote it (the specs disagree on which cursor feeds ``after``), one page at
  a time.
* ``LAST_ID``: keyset paging, ``after`` = the last item's id (channel listings).
* ``NONE``: one request answers the whole list.
"""
from __future__ import annotations

import enum
import math
from collections.abc import Iterator
from itertools import count
from typing import Any, Callable
from urllib.parse import parse_qsl

from ..pages import check_concurrency, in_page_order
from .connection import V3Connection

__all__ = ["CURSOR", "LAST_ID", "NONE", "OFFSET", "Page", "Paging", "fetch_page", "walk"]


class Paging(enum.Enum):
    OFFSET = "offset"
    CURSOR = "cursor"
    LAST_ID = "last_id"
    NONE = "none"


OFFSET = Paging.OFFSET
CURSOR = Paging.CURSOR
LAST_ID = Paging.LAST_ID
NONE = Paging.NONE

# The parameters a walk owns; a caller's ``page`` or ``after`` is where a walk starts.
_CURSOR_PARAMS = ("before", "after", "page")


class Page:
    """One answer to a list GET: its items and its ``meta`` ({} when none)."""

    __slots__ = ("items", "meta")

    def __init__(self, body: Any) -> None:
        # dict.get, not Mapping.get: the items become resource objects once, not Mappings first.
        data = dict.get(body, "data") if isinstance(body, dict) and "data" in body else body
        if data is None:
            self.items: list[Any] = []  # 204: the API's empty list (product images, reviews, transactions)
        elif isinstance(data, list):
            self.items = data
        else:
            self.items = [data]
        meta = body.get("meta") if isinstance(body, dict) else None
        self.meta: dict[str, Any] = meta if isinstance(meta, dict) else {}

    def total_pages(self, limit: int) -> int | None:
        """How many pages the list has, from whichever offset meta the endpoint sends."""
        pagination = self.meta.get("pagination")
        if isinstance(pagination, dict):
            for key in ("total_pages", "total_page"):
                value = pagination.get(key)
                if isinstance(value, int) and not isinstance(value, bool):
                    return value
        # /sites: {offset, limit, total_items}, at the top of meta or inside pagination.
        for block in (self.meta, pagination if isinstance(pagination, dict) else {}):
            total = block.get("total_items")
            if isinstance(total, int) and not isinstance(total, bool):
                return math.ceil(total / limit)
        return None

    def next_offset_query(self, limit: int) -> dict[str, str] | None:
        """Where a cursor list answers only ``meta.pagination`` (some metafield lists): the next page number."""
        pagination = self.meta.get("pagination")
        if not isinstance(pagination, dict) or "cursor_pagination" in self.meta:
            return None
        current, total = pagination.get("current_page"), self.total_pages(limit)
        if isinstance(current, int) and total is not None and current < total:
            return {"page": str(current + 1)}
        return None

    def next_query(self) -> dict[str, str] | None:
        """The query of ``meta.cursor_pagination.links.next``, or None at the end."""
        cursor = self.meta.get("cursor_pagination")
        links = cursor.get("links") if isinstance(cursor, dict) else None
        link = links.get("next") if isinstance(links, dict) else None
        if not isinstance(link, str) or not link.strip("?"):
            return None
        return dict(parse_qsl(link.split("?", 1)[-1], keep_blank_values=True))


def check_limit(value: object, maximum: int, name: str = "limit") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{name} must be a positive int, not {value!r}")
    if value > maximum:
        raise ValueError(f"{name} must be at most {maximum} for this endpoint, not {value}")
    return value


def fetch_page(connection: V3Connection, path: str, params: dict[str, Any], max_limit: int) -> Page:
    """One GET of a list, ``limit`` checked first."""
    if "limit" in params:
        check_limit(params["limit"], max_limit)
    if "page" in params:
        check_limit(params["page"], 2**31, "page")
    return Page(connection.request("GET", path, params=params))


def walk(
    connection: V3Connection, path: str, params: dict[str, Any], paging: Paging, max_limit: int,
    concurrency: int = 1, id_field: str = "id",
) -> Iterator[Any]:
    """Every item of a list, in the API's order."""
    workers = check_concurrency(concurrency)
    filters = dict(params)
    if paging is NONE:
        yield from fetch_page(connection, path, filters, max_limit).items
        return
    limit = check_limit(filters.pop("limit", max_limit), max_limit)
    if paging is OFFSET:
        yield from _offset(connection, path, filters, limit, workers)
    elif paging is CURSOR:
        yield from _cursor(connection, path, filters, limit)
    else:
        yield from _last_id(connection, path, filters, limit, id_field)


def _offset(connection: V3Connection, path: str, filters: dict[str, Any], limit: int, workers: int) -> Iterator[Any]:
    start = check_limit(filters.pop("page", 1), 2**31, "page")

    def fetch(number: int) -> Page:
        return Page(connection.request("GET", path, params={**filters, "page": number, "limit": limit}))

    first = fetch(start)
    yield from first.items
    total = first.total_pages(limit)
    if total is not None:
        if start >= total or not first.items:
            return
        # The count is known: exactly the pages that exist, none past the last.
        yield from in_page_order(fetch, iter(range(start + 1, total + 1)), _until_empty, workers)
        return
    if len(first.items) < limit:
        return
    yield from in_page_order(fetch, count(start + 1), _ShortPage(limit, first.items).take, workers)


def _until_empty(page: Page) -> tuple[list[Any], bool]:
    """A page inside the known count; an empty one means the list shrank while walked."""
    return page.items, bool(page.items)


class _ShortPage:
    """No page count: the walk ends on a short or empty page, or a page the API repeats."""

    def __init__(self, limit: int, first: list[Any]) -> None:
        self.limit = limit
        self.previous_first = first[0] if first else None

    def take(self, page: Page) -> tuple[list[Any], bool]:
        items = page.items
        if not items or items[0] == self.previous_first:
            return [], False
        self.previous_first = items[0]
        return items, len(items) >= self.limit


def _cursor(connection: V3Connection, path: str, filters: dict[str, Any], limit: int) -> Iterator[Any]:
    query: dict[str, Any] = {**filters, "limit": limit}
    seen: set[tuple[tuple[str, str], ...]] = set()
    previous_first: Any = None
    while True:
        page = Page(connection.request("GET", path, params=query))
        if page.items and page.items[0] == previous_first:
            return  # the API ignored the way to the next page and repeated this one
        previous_first = page.items[0] if page.items else None
        yield from page.items
        following = page.next_query() or page.next_offset_query(limit)
        if not page.items or following is None:
            return
        query = {key: value for key, value in query.items() if key not in _CURSOR_PARAMS}
        query.update(following)
        marker = tuple(sorted((k, str(v)) for k, v in query.items()))
        if marker in seen:  # a next link that leads back: stop rather than loop
            return
        seen.add(marker)


def _last_id(
    connection: V3Connection, path: str, filters: dict[str, Any], limit: int, id_field: str
) -> Iterator[Any]:
    query: dict[str, Any] = {**filters, "limit": limit}
    last: Callable[[list[Any]], Any] = lambda items: items[-1].get(id_field) if isinstance(items[-1], dict) else None  # noqa: E731
    while True:
        page = Page(connection.request("GET", path, params=query))
        yield from page.items
        if len(page.items) < limit:
            return
        after = last(page.items)
        if after is None or after == query.get("after"):
            return
        query["after"] = after
