"""Walking v2 pages: ``page``/``limit``, and the many ways a collection ends.

A v2 list ends with a 204 (past the last page, or nothing matched), an empty
page, or a page shorter than ``limit``. Collections that ignore ``page``
(``order_statuses``) would repeat forever, so a page whose first object equals
the previous page's first object also ends the walk.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from itertools import count
from typing import Any, Callable

MAX_PAGE_SIZE = 250
MAX_CONCURRENCY = 32


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
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or not 1 <= concurrency <= MAX_CONCURRENCY:
        raise ValueError(f"concurrency must be an int from 1 to {MAX_CONCURRENCY}, not {concurrency!r}")
    if not paginated:
        yield from list_page(connection, path, params, paginated=False)
        return
    filters, page, limit = _page_params(params)

    def fetch(number: int) -> Any:
        return connection.request("GET", path, params={**filters, "page": number, "limit": limit})

    if concurrency > 1:
        yield from _iterate_concurrently(fetch, page, limit, concurrency)
        return
    walk = _Walk(limit)
    for number in count(page):
        items, more = walk.take(fetch(number))
        yield from items
        if not more:
            return


class _Walk:
    """The end-of-collection rule both walks follow, page by page in page order."""

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


def _iterate_concurrently(
    fetch: Callable[[int], Any], first_page: int, limit: int, workers: int
) -> Iterator[Any]:
    """Pages requested by a bounded pool, yielded in page order.

    At most ``workers`` pages are in flight besides the one being consumed: a
    new page is requested only when one taken off the front was full and new,
    so the walk ends like the sequential one, and the pages requested past
    the end are exactly those already in flight then (at most ``workers - 1``,
    answered 204 by the API). Every request sent is awaited before the walk
    returns, so the number of requests is the same on every run.
    """
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="bigcommerce-page")
    walk = _Walk(limit)
    try:
        pending: deque[Future[Any]] = deque(pool.submit(fetch, first_page + n) for n in range(workers))
        next_page = first_page + workers
        while pending:
            items, more = walk.take(pending.popleft().result())
            if more:
                # Keep the pool busy while this page is consumed.
                pending.append(pool.submit(fetch, next_page))
                next_page += 1
            yield from items
            if not more:
                return
    finally:
        # Wait for pages already on the wire: once the walk returns, no request
        # of it is still running (using quota, racing a close of the session).
        pool.shutdown(wait=True)
