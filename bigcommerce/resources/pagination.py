"""Walking v2 pages: ``page``/``limit``, and the many ways a collection ends.

A v2 list ends with a 204 (past the last page, or nothing matched), an empty
page, or a page shorter than ``limit``. Collections that ignore ``page``
(``order_statuses``) would repeat forever, so a page whose first object equals
the previous page's first object also ends the walk.
"""
from __future__ import annotations

from collections.abc import Iterator
from itertools import count
from typing import Any

from ..pages import MAX_CONCURRENCY, check_concurrency, in_page_order

__all__ = ["MAX_CONCURRENCY", "MAX_PAGE_SIZE", "iterate_pages", "list_page"]

MAX_PAGE_SIZE = 250


def _page_params(params: dict[str, Any]) -> tuple[dict[str, Any], int, int]:
    """Filters without paging, the first page, and the page size; checked before any request."""
    filters = dict(params)
    page = filters.pop("page", 1)
    limit = filters.pop("limit", MAX_PAGE_SIZE)
    for name, value in (("page", page), ("limit", limit)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"{name} must be a positive int, not {value!r}")
    if limit > MAX_PAGE_SIZE:
        raise ValueError(f"limit must be at most {MAX_PAGE_SIZE} (the API answers 413 above it), not {limit}")
    return filters, page, limit


def list_page(connection: Any, path: str, params: dict[str, Any], paginated: bool = True) -> list[Any]:
    """One page as a list: [] on a 204."""
    if paginated and ("page" in params or "limit" in params):
        _page_params(params)
    body = connection.request("GET", path, params=params)
    if body is None:
        return []
    return body if isinstance(body, list) else [body]


def iterate_pages(
    connection: Any, path: str, params: dict[str, Any], paginated: bool = True, concurrency: int = 1
) -> Iterator[Any]:
    """Every item of a collection in the API's order; ``concurrency`` pages fetched at once."""
    workers = check_concurrency(concurrency)
    if not paginated:
        yield from list_page(connection, path, params, paginated=False)
        return
    filters, page, limit = _page_params(params)

    def fetch(number: int) -> Any:
        return connection.request("GET", path, params={**filters, "page": number, "limit": limit})

    yield from in_page_order(fetch, count(page), _Walk(limit).take, workers)


class _Walk:
    """The end-of-collection rule of a v2 walk, page by page in page order."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.previous_first: Any = None

    def take(self, body: Any) -> tuple[list[Any], bool]:
        """The page's items, and whether a next page may hold more."""
        if not body:
            return [], False
        if not isinstance(body, list):
            return [body], False
        if self.previous_first is not None and body[0] == self.previous_first:
            return [], False  # the API repeated a page: it ignores ``page``
        self.previous_first = body[0]
        return body, len(body) >= self.limit
