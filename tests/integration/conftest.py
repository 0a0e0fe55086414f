"""Integration fixtures: the real client against a real sandbox store, over loopback HTTP.

* ``shop``: one ``Sandbox`` per test module (600 products, 40 customers, 60
  orders), bounded by ``max_lifetime_s`` and stopped when the module ends.
* ``sandbox``: that same store for one test, with its faults cleared, its
  statistics reset and no quota, so a test can count the requests it made.
* ``fresh_sandbox``: a factory of small private stores, for tests that change
  a lot of state; every one is stopped when the test ends.
* ``api`` (OAuth), ``basic_api`` (legacy basic auth), ``any_api`` (both, as a
  parametrized fixture), ``conn`` (first-generation ``Connection``) and
  ``oauth_conn`` (first-generation ``OAuthConnection``), all bound to ``sandbox``.

A guard refuses name lookups and connections to anything but loopback in
these modules, so a mistake can never reach a real BigCommerce host.
"""
from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Callable

import pytest

from bigcommerce.api import BigcommerceApi
from bigcommerce.connection import Connection, OAuthConnection
from bigcommerce.sandbox import Sandbox
from tests.conftest import stopped_after_the_test

SHOP_PRODUCTS = 600
SHOP_CUSTOMERS = 40
SHOP_ORDERS = 60
SHOP_LIFETIME_S = 600.0
SMALL_LIFETIME_S = 120.0
SETTLE_TIMEOUT_S = 3.0
PAGE_THREAD_PREFIX = "bigcommerce-page"  # the client's page-fetching pool threads
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1", ""})
HERE = Path(__file__).resolve().parent

# The modules of this file's owner; the resilience modules keep their own fixtures and rules.
GUARDED_MODULES = frozenset({  # and every test_live_* module
    "test_live_generation1", "test_live_generation2", "test_resources_all", "test_pagination",
    "test_counts_and_filters", "test_live_errors", "test_oauth_flow", "test_live_graphql", "test_live_v3",
    "test_readme", "test_cli_demo",
})


# -- nothing but loopback ---------------------------------------------------------------


@pytest.fixture(autouse=True)
def loopback_only(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Refuse DNS lookups and connections to any host but 127.0.0.1 / ::1 in these modules."""
    name = request.module.__name__.rpartition(".")[2]
    if name not in GUARDED_MODULES and not name.startswith("test_live_"):
        return
    real_getaddrinfo = socket.getaddrinfo
    real_connect = socket.socket.connect

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else str(host or "")
        if name not in LOOPBACK_NAMES:
            raise OSError(f"integration tests never look up {name!r}: loopback only")
        return real_getaddrinfo(host, *args, **kwargs)

    def connect(sock: socket.socket, address: Any) -> Any:
        if isinstance(address, tuple) and address[0] not in LOOPBACK_NAMES:
            raise OSError(f"integration tests never connect to {address[0]!r}: loopback only")
        return real_connect(sock, address)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)


# -- sandboxes --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shop() -> Iterator[Sandbox]:
    """The module's store: 600 products, 40 customers, 60 orders; stopped after the module."""
    store = Sandbox(
        products=SHOP_PRODUCTS, customers=SHOP_CUSTOMERS, orders=SHOP_ORDERS,
        max_lifetime_s=SHOP_LIFETIME_S,
    ).start()
    try:
        yield store
    finally:
        store.stop()


def settle(store: Sandbox, timeout_s: float = SETTLE_TIMEOUT_S) -> None:
    """Wait for requests still running after an earlier test: a concurrent ``iterall`` returns
    while its page-ahead requests are in flight (see test_pagination's xfail), and a hang
    fault holds one open for a while. Bounded; never fails."""
    deadline = time.monotonic() + timeout_s
    for thread in threading.enumerate():
        if thread.name.startswith(PAGE_THREAD_PREFIX):
            thread.join(max(0.0, deadline - time.monotonic()))
    while store.stats.in_flight and time.monotonic() < deadline:
        time.sleep(0.01)


@pytest.fixture
def sandbox(shop: Sandbox) -> Iterator[Sandbox]:
    """The module's store for one test: no faults, no quota, no stray requests, statistics from zero."""
    shop.faults.clear()
    shop.set_quota(None)
    shop.set_latency(0)
    settle(shop)
    shop.stats.reset()
    yield shop
    shop.faults.clear()


@pytest.fixture
def fresh_sandbox() -> Iterator[Callable[..., Sandbox]]:
    """``fresh_sandbox(products=20, customers=5, orders=5)``: a private store, stopped after the test."""

    def build(products: int = 20, customers: int = 5, orders: int = 5, **options: Any) -> Sandbox:
        options.setdefault("max_lifetime_s", SMALL_LIFETIME_S)
        return Sandbox(products=products, customers=customers, orders=orders, **options).start()

    yield from stopped_after_the_test(build)


# -- clients ----------------------------------------------------------------------------


@pytest.fixture
def api(sandbox: Sandbox) -> BigcommerceApi:
    """OAuth: ``{base_url}/stores/{store_hash}/v2/`` with X-Auth-Token."""
    return BigcommerceApi(**sandbox.oauth_kwargs())


@pytest.fixture
def basic_api(sandbox: Sandbox) -> BigcommerceApi:
    """Legacy basic auth: ``{base_url}/api/v2/`` with a username and an API token."""
    return BigcommerceApi(**sandbox.basic_kwargs())


@pytest.fixture(params=["oauth", "basic"])
def any_api(request: pytest.FixtureRequest, sandbox: Sandbox) -> BigcommerceApi:
    """The facade over each auth mode in turn."""
    kwargs = sandbox.oauth_kwargs() if request.param == "oauth" else sandbox.basic_kwargs()
    return BigcommerceApi(**kwargs)


@pytest.fixture
def conn(sandbox: Sandbox) -> Connection:
    """The first generation's basic-auth connection."""
    return Connection(sandbox.base_url, (sandbox.username, sandbox.api_token))


@pytest.fixture
def oauth_conn(sandbox: Sandbox) -> OAuthConnection:
    """The first generation's OAuth connection."""
    return OAuthConnection(sandbox.client_id, sandbox.store_hash, sandbox.access_token, host=sandbox.base_url)


@pytest.fixture(params=["basic", "oauth"])
def any_conn(request: pytest.FixtureRequest, sandbox: Sandbox) -> Connection:
    """Each first-generation connection in turn."""
    if request.param == "basic":
        return Connection(sandbox.base_url, (sandbox.username, sandbox.api_token))
    return OAuthConnection(sandbox.client_id, sandbox.store_hash, sandbox.access_token, host=sandbox.base_url)
