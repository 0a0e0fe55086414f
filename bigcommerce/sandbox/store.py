"""The sandbox's in-memory BigCommerce store: its state, and the v2 API over it behind one ``handle``.

The HTTP layer authenticates a request, parses its JSON body and calls
``Store.handle(method, path, query, body)`` for v2 or ``Store.handle_v3(...)`` for v3 (the
``v3`` view package: ``{data, meta}`` envelopes, ISO dates, JSON-number prices, batches, over
the same rows, so a write through one version is seen at once by the other). v2 answers like
the real v2 API:
documented operations only (405 otherwise), integer ids per collection that are never
reused, RFC 2822 dates, four-place decimal strings, ``{url, resource}`` link objects,
``page``/``limit`` paging with 204 past the end, filters, counts, and v2 error arrays.

Where things are: the rows live in ``state`` (one ``Table`` per resource of ``catalog``);
``v2`` and ``v3`` render and validate (each ``view`` module lists the choices made where the
sources leave room); ``rows`` and ``rules`` hold what writes imply; ``seed`` fills a store and reads and writes
seed files. One lock serialises every call.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from typing import Any, Callable

from bigcommerce.sandbox.responses import NO_CONTENT, ApiError, StoreResponse
from bigcommerce.sandbox.seed import dump_data, load_data, load_reference, populate
from bigcommerce.sandbox.state import State, Table
from bigcommerce.sandbox.v2.routes import match_route
from bigcommerce.sandbox.v2.special import store_profile
from bigcommerce.sandbox.v2.view import V2View
from bigcommerce.sandbox.v3.view import V3View
from bigcommerce.sandbox.values import COERCE, money, parse_date, rfc2822, slug, youtube_id


class Store(State):
    """Every v2 resource of one BigCommerce store, in memory. Thread-safe (one lock)."""

    def __init__(self, *, store_hash: str = "sandbox", base_url: str = "",
                 clock: Callable[[], float] = time.time) -> None:
        super().__init__(store_hash=store_hash, base_url=base_url, clock=clock)
        self._lock = threading.RLock()
        self.v2 = V2View(self)
        self.v3 = V3View(self)
        load_reference(self)

    def handle(self, method: str, path: str, query: dict[str, str], body: object | None) -> StoreResponse:
        """Answer one v2 request. ``path`` has no leading slash and no ``.json``."""
        with self._lock:
            if method.upper() != "GET":
                self.v3.forget()
            return self.v2.handle(method, path, query, body)

    def handle_v3(self, method: str, path: str, query: dict[str, str], body: object | None) -> StoreResponse:
        """Answer one v3 request. ``path`` is below ``/v3/`` (``catalog/products``), no leading slash."""
        with self._lock:
            if method.upper() != "GET":
                self.v2.forget()
                self.v3.forget()
            return self.v3.handle(method, path, query, body)

    def seed(self, *, products: int = 0, customers: int = 0, orders: int = 0, seed: int = 0) -> None:
        """Add a deterministic generated catalog, customers and orders (see ``seed``)."""
        with self._lock:
            self.forget()
            populate(self, products=products, customers=customers, orders=orders, seed=seed)

    def load(self, data: Mapping[str, Any]) -> None:
        """Add or replace rows from a ``dump()``-shaped dict (format in ``seed.files``)."""
        with self._lock:
            self.forget()
            load_data(self, data)

    def dump(self) -> dict[str, Any]:
        """Every row of every resource, JSON-ready; ``load()`` restores it exactly."""
        with self._lock:
            return dump_data(self)

    def insert(self, path: str, fields: Mapping[str, Any]) -> dict[str, Any]:
        """Create an object directly (no validation, read-only fields allowed); its body."""
        with self._lock:
            self.v3.forget()
            return self.v2.insert(path, fields)

    def forget(self) -> None:
        """Drop both views' cached bodies (rows changed outside ``handle``)."""
        self.v2.forget()
        self.v3.forget()

    def store_info(self) -> dict[str, Any]:
        """The ``GET /store`` body."""
        with self._lock:
            return store_profile(self)


__all__ = [
    "COERCE", "NO_CONTENT", "ApiError", "Store", "StoreResponse", "Table", "match_route", "money", "parse_date",
    "rfc2822", "slug", "youtube_id",
]
