"""Fixtures for the sandbox's own tests: a small fake Store and bounded servers.

The fake Store keeps the HTTP-layer tests independent of the real catalog: it
records what the server passed it and answers predictably. Tests that need the
real Store ask for ``real_store_sandbox`` (skipped while store.py is absent).
"""
from __future__ import annotations

import importlib.util
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Callable

import pytest

from bigcommerce.sandbox import Sandbox
from tests.conftest import stopped_after_the_test

# Every sandbox in these tests stops by itself even if a test forgets it.
TEST_LIFETIME_S = 60.0
PAGE_LIMIT_MAX = 250


@dataclass
class FakeResponse:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


class FakeStore:
    """Products only: list/page, get, create, delete, count; records every call."""

    def __init__(self, *, store_hash: str = "fake", base_url: str = "") -> None:
        self.store_hash = store_hash
        self.base_url = base_url
        self.calls: list[tuple[str, str, dict, object]] = []
        self.products: dict[int, dict] = {}
        self._next_id = 1
        self._lock = threading.Lock()

    def add_products(self, count: int) -> None:
        for _ in range(count):
            self.insert("products", {"name": f"Product {self._next_id}", "price": "10.0000"})

    def insert(self, path: str, fields: dict) -> dict:
        with self._lock:
            item = {"id": self._next_id, **fields}
            self.products[self._next_id] = item
            self._next_id += 1
            return item

    def store_info(self) -> dict:
        return {"name": "Fake Store", "domain": "fake.example.com", "secure_url": "https://fake.example.com"}

    def seed(self, **counts: int) -> None:
        self.add_products(counts.get("products", 0))

    def load(self, data: dict) -> None:
        for product in data.get("products", []):
            self.insert("products", product)

    def dump(self) -> dict:
        return {"products": list(self.products.values())}

    def handle(self, method: str, path: str, query: dict, body: object) -> FakeResponse:
        with self._lock:
            self.calls.append((method, path, dict(query), body))
        parts = path.split("/")
        if parts[0] != "products":
            return self._json(404, [{"status": 404, "message": "Not found."}])
        if len(parts) == 1 and method == "GET":
            limit = int(query.get("limit", "50"))
            if limit > PAGE_LIMIT_MAX:
                return self._json(413, [{"status": 413, "message": "Limit too large."}])
            page = int(query.get("page", "1"))
            items = sorted(self.products.values(), key=lambda p: p["id"])
            chunk = items[(page - 1) * limit : page * limit]
            return self._json(200, chunk) if chunk else FakeResponse(204, b"")
        if len(parts) == 1 and method == "POST":
            if not isinstance(body, dict) or "name" not in body:
                return self._json(400, [{"status": 400, "message": "name is required."}])
            item = self.insert("products", body)
            return self._json(201, item, {"Location": f"{self.base_url}/products/{item['id']}"})
        if parts[1:] == ["count"] and method == "GET":
            return self._json(200, {"count": len(self.products)})
        if len(parts) == 2 and parts[1].isdigit():
            item = self.products.get(int(parts[1]))
            if item is None:
                return self._json(404, [{"status": 404, "message": "Not found."}])
            if method == "GET":
                return self._json(200, item)
            if method == "DELETE":
                with self._lock:
                    self.products.pop(item["id"], None)
                return FakeResponse(204, b"")
        return self._json(405, [{"status": 405, "message": "Method not allowed."}])

    @staticmethod
    def _json(status: int, payload: object, headers: dict | None = None) -> FakeResponse:
        return FakeResponse(status, json.dumps(payload).encode(), headers or {})


def new_sandbox(products: int = 0, *, start: bool = True, **options: object) -> Sandbox:
    """A sandbox on a fake store holding ``products`` products, started unless told."""
    store = FakeStore()
    store.add_products(products)
    options.setdefault("max_lifetime_s", TEST_LIFETIME_S)
    sandbox = Sandbox(store=store, products=0, customers=0, orders=0, **options)  # type: ignore[arg-type]
    return sandbox.start() if start else sandbox


@pytest.fixture
def make_sandbox() -> Iterator[Callable[..., Sandbox]]:
    """Factory of fake-store sandboxes (``make_sandbox(products=3, quota=2)``), all stopped at test end."""
    yield from stopped_after_the_test(new_sandbox)


@pytest.fixture
def sandbox(make_sandbox: Callable[..., Sandbox]) -> Sandbox:
    """A fresh sandbox on a fake store with 30 products, stopped at test end."""
    return make_sandbox(products=30)


@pytest.fixture(scope="module")
def shared_sandbox() -> Iterator[Sandbox]:
    """One sandbox per module for tests that do not change the data."""
    sb = new_sandbox(products=30)
    try:
        yield sb
    finally:
        sb.stop()


@pytest.fixture
def clean_sandbox(shared_sandbox: Sandbox) -> Iterator[Sandbox]:
    shared_sandbox.faults.clear()
    shared_sandbox.stats.reset()
    shared_sandbox.set_quota(None)
    shared_sandbox.set_latency(0)
    shared_sandbox.store.calls.clear()
    yield shared_sandbox
    shared_sandbox.faults.clear()
    shared_sandbox.set_latency(0)


def real_store_available() -> bool:
    return importlib.util.find_spec("bigcommerce.sandbox.store") is not None


@pytest.fixture
def real_sandbox() -> Iterator[Sandbox]:
    """A sandbox on the real Store (20 products), skipped while store.py is absent."""
    if not real_store_available():
        pytest.skip("bigcommerce.sandbox.store is not written yet")
    sb = Sandbox(products=20, customers=5, orders=5, max_lifetime_s=TEST_LIFETIME_S).start()
    try:
        yield sb
    finally:
        sb.stop()


def new_real_sandbox(**options: object) -> Sandbox:
    """A started sandbox on the real Store; empty unless ``products=``/``customers=``/``orders=`` say."""
    for name in ("products", "customers", "orders"):
        options.setdefault(name, 0)
    options.setdefault("max_lifetime_s", TEST_LIFETIME_S)
    return Sandbox(**options).start()  # type: ignore[arg-type]


@pytest.fixture
def make_real_sandbox() -> Iterator[Callable[..., Sandbox]]:
    """Factory of real-Store sandboxes (``make_real_sandbox(products=5, quota=3)``), stopped at test end."""
    yield from stopped_after_the_test(new_real_sandbox)


@pytest.fixture(scope="module")
def seeded_sandbox() -> Iterator[Sandbox]:
    """One real-Store sandbox per module (30 products, 12 customers) for tests that only read."""
    sb = new_real_sandbox(products=30, customers=12)
    try:
        yield sb
    finally:
        sb.stop()
