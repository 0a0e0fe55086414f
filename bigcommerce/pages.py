"""Numbered pages fetched by a bounded pool and handed back in page order (v2 and v3 walks).

Shared by the v2 walk, which learns where a collection ends only from the
pages themselves, and the v3 offset walk, which knows ``total_pages`` after
the first page. Either way a page is requested only when one taken off the
front says more may follow, so at most ``workers`` requests are in flight
besides the page being consumed, and every request sent is awaited before
the walk returns: the number of requests is the same on every run.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable

MAX_CONCURRENCY = 32

# A page body -> its items, and whether a next page may hold more.
TakePage = Callable[[Any], "tuple[list[Any], bool]"]


def check_concurrency(concurrency: object) -> int:
    """``concurrency`` as a worker count, or ValueError before any request."""
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or not 1 <= concurrency <= MAX_CONCURRENCY:
        raise ValueError(f"concurrency must be an int from 1 to {MAX_CONCURRENCY}, not {concurrency!r}")
    return concurrency


def in_page_order(
    fetch: Callable[[int], Any], numbers: Iterator[int], take: TakePage, workers: int
) -> Iterator[Any]:
    """The items of pages ``numbers`` (fetched ``workers`` at a time), until ``take`` says the end."""
    if workers == 1:
        for number in numbers:
            items, more = take(fetch(number))
            yield from items
            if not more:
                return
        return
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="bigcommerce-page")
    try:
        pending: deque[Future[Any]] = deque()
        for number in numbers:
            pending.append(pool.submit(fetch, number))
            if len(pending) == workers:
                break
        while pending:
            items, more = take(pending.popleft().result())
            if more:
                # Keep the pool busy while this page is consumed.
                following = next(numbers, None)
                if following is not None:
                    pending.append(pool.submit(fetch, following))
            yield from items
            if not more:
                return
    finally:
        # Wait for pages already on the wire: once the walk returns, no request
        # of it is still running (using quota, racing a close of the session).
        pool.shutdown(wait=True)
