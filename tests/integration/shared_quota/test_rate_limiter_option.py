"""``rate_limiter=`` on every entry point: keyed by store, shared by v2, v3 and GraphQL calls of one store."""
from __future__ import annotations

from typing import Callable

import pytest
import redis

from bigcommerce import Connection, GraphQLConnection, OAuthConnection, RedisRateLimiter
from bigcommerce.api import BigcommerceApi, Client
from bigcommerce.rate_limit import RateLimiter, StoreRateLimiter
from bigcommerce.sandbox import Sandbox


@pytest.fixture
def shared(redis_url: str, prefix: str) -> RedisRateLimiter:
    return RedisRateLimiter.from_url(redis_url, prefix=prefix)


def test_every_entry_point_binds_the_shared_limiter_to_its_store(shared: RedisRateLimiter) -> None:
    oauth = {"client_id": "client", "store_hash": "abc123", "access_token": "token"}
    limiters = {
        "api": BigcommerceApi(**oauth, rate_limiter=shared).connection.rate_limiter,
        "oauth": OAuthConnection("client", "abc123", "token", rate_limiter=shared).rate_limiter,
        "graphql": GraphQLConnection("client", "abc123", "token", rate_limiter=shared).rate_limiter,
        "basic": Connection("store.example.com", ("user", "token"), rate_limiter=shared).rate_limiter,
        "basic api": BigcommerceApi(host="store.example.com", basic_auth=("u", "t"),
                                    rate_limiter=shared).connection.rate_limiter,
        "client": Client("store.example.com", "token", "user", rate_limiter=shared).connection.rate_limiter,
    }
    assert all(isinstance(limiter, StoreRateLimiter) for limiter in limiters.values())
    stores = {name: limiter.store for name, limiter in limiters.items()}  # type: ignore[union-attr]
    assert stores == {"api": "abc123", "oauth": "abc123", "graphql": "abc123", "basic": "store.example.com",
                      "basic api": "store.example.com", "client": "store.example.com"}


def test_the_old_options_reach_the_shared_limiter(shared: RedisRateLimiter) -> None:
    calls: list[object] = []
    conn = OAuthConnection(
        "client", "abc123", "token", rate_limiter=shared, max_rate_limit_wait=7,
        rate_limiting_management={"min_requests_remaining": 3, "wait": False, "callback_function": calls.append,
                                  "callback_args": "x"},
    )
    limiter = conn.rate_limiter
    assert isinstance(limiter, StoreRateLimiter)
    assert (limiter.reserve, limiter.wait, limiter.max_wait_s, limiter.callback_args) == (3, False, 7, "x")


def test_an_in_process_limiter_may_be_given_for_connections_of_one_store() -> None:
    window = RateLimiter(reserve=2)
    one = OAuthConnection("client", "abc123", "token", rate_limiter=window)
    two = Connection("store.example.com", ("user", "token"), rate_limiter=window)
    assert one.rate_limiter is window and two.rate_limiter is window
    with pytest.raises(ValueError, match="carries its own options"):
        OAuthConnection("client", "abc123", "token", rate_limiter=window,
                        rate_limiting_management={"min_requests_remaining": 1})
    with pytest.raises(TypeError, match="RateLimiter or a RedisRateLimiter"):
        OAuthConnection("client", "abc123", "token", rate_limiter="redis://localhost")  # type: ignore[arg-type]


def test_v2_v3_and_graphql_calls_of_one_store_book_from_one_shared_window(
    make_sandbox: Callable[..., Sandbox], shared: RedisRateLimiter, redis_url: str, prefix: str
) -> None:
    sandbox = make_sandbox(products=5, quota=50, window_ms=60_000)
    api = BigcommerceApi(**sandbox.oauth_kwargs(), rate_limiter=shared)
    graphql = GraphQLConnection(sandbox.client_id, sandbox.store_hash, sandbox.access_token, host=sandbox.base_url,
                                rate_limiter=shared)
    assert api.v3.connection.rate_limiter is api.connection.rate_limiter
    api.Products.get(1)
    api.v3.Products.get(2)
    graphql.query("query { site { settings { storeName } } }")
    api.v3.Products.all(limit=2)
    state = {k.decode(): v.decode() for k, v in redis.Redis.from_url(redis_url).hgetall(prefix + sandbox.store_hash)
             .items()}
    # Four requests, one window: what Redis counts left is what the store said after the last one.
    assert state["quota"] == "50" and state["left"] == "46" and state["inflight"] == "0"
    assert api.connection.rate_limit["requests_remaining"] == 46
