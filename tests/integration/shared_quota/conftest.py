"""Fixtures of the shared-limiter tests: real redis-server processes and small sandboxes.

Without ``redis-server`` these tests skip, unless ``BIGCOMMERCE_REQUIRE_REDIS=1`` (set by
``.ci/run``), where its absence is a failure.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any, Callable

import pytest
from redis_server import RedisServer, redis_binary

from bigcommerce.sandbox import Sandbox
from tests.conftest import stopped_after_the_test

pytest.importorskip("redis", reason="the redis extra: pip install 'bigcommerce[redis]'")


def _need_redis() -> None:
    if redis_binary() is None:
        if os.environ.get("BIGCOMMERCE_REQUIRE_REDIS") == "1":
            pytest.fail("redis-server is required here (BIGCOMMERCE_REQUIRE_REDIS=1) but not installed")
        pytest.skip("redis-server is not installed")


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    """One Redis for the module's tests (each test uses its own key prefix)."""
    _need_redis()
    server = RedisServer().start()
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture
def make_redis() -> Iterator[Callable[[], RedisServer]]:
    """``make_redis()``: a private Redis that the test may stop and start; stopped at the end."""
    _need_redis()
    made: list[RedisServer] = []

    def make() -> RedisServer:
        server = RedisServer().start()
        made.append(server)
        return server

    try:
        yield make
    finally:
        for server in made:
            server.stop()


@pytest.fixture
def prefix(request: pytest.FixtureRequest) -> str:
    """A key prefix no other test shares."""
    return f"test:{request.node.name}:{os.getpid()}:"


@pytest.fixture
def make_sandbox() -> Iterator[Callable[..., Sandbox]]:
    """``make_sandbox(products=..., quota=..., window_ms=...)``: stopped after the test."""

    def build(**options: Any) -> Sandbox:
        options.setdefault("max_lifetime_s", 180)
        options.setdefault("customers", 0)
        options.setdefault("orders", 0)
        return Sandbox(**options).start()

    yield from stopped_after_the_test(build)
