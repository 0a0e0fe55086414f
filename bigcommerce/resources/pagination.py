"""Walking v2 pages: ``page``/``limit``, and the many ways a collection ends.

A v2 list ends with a 204 (past the last page, or nothing matched), an empty
page, or a page shorter than ``limit``. Collections that ignore ``page``
(``order_statuses``) would repeat forever, so a page whose first object equals
the previous page's first object also ends the walk.
"""
from __future__ import annotations

from typing import Any, Iterator

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


def list_page(connection: Any, path: str, params: dict[str, Any], paginated: bool = True) -> list:
    """One page as a list: [] on a 204."""
    if paginated and ("page" in params or "limit" in params):
        _page_params(params)
    body = connection.request("GET", path, params=params)
    if body is None:
        return []
    return body if isinstance(body, list) else [body]


def iterate_pages(connection: Any, path: str, params: dict[str, Any], paginated: bool = True) -> Iterator[Any]:
    """Every item of a collection, one page at a time, in the API's order."""
    if not paginated:
        yield from list_page(connection, path, params, paginated=False)
        return
    filters, page, limit = _page_params(params)
    previous_first = None
    while True:
        body = connection.request("GET", path, params={**filters, "page": page, "limit": limit})
        if not body:
            return
        if not isinstance(body, list):
            yield body
            return
        if previous_first is not None and body[0] == previous_first:
            return
        previous_first = body[0]
        yield from body
        if len(body) < limit:
            return
        page += 1
