"""Shared test fixtures: cassette replay (never the network) and API objects pointed at fake hosts."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Callable

import pytest
import vcr
from vcr.request import Request

from bigcommerce.api import BigcommerceApi
from bigcommerce.retry import RetryPolicy
from bigcommerce.sandbox import Sandbox

ROOT = Path(__file__).resolve().parent.parent
CASSETTES = ROOT / "cassettes"

# Where the cassettes say the requests went. Nothing listens there: replay only.
STORE_HASH = "abc123"
CLIENT_ID = "test-client-id"
ACCESS_TOKEN = "test-access-token"
BASIC_HOST = "store-abc123.mybigcommerce.com"
BASIC_AUTH = ("admin", "test-api-token")

# Replay only: a request no cassette holds fails the test; nothing reaches a network.
replay = vcr.VCR(
    cassette_library_dir=str(CASSETTES),
    record_mode="none",
    match_on=["method", "scheme", "host", "port", "path", "query", "body"],
    filter_headers=["Authorization", "X-Auth-Client", "X-Auth-Token"],
    decode_compressed_response=True,
)


CREDENTIAL_HEADERS = ("Authorization", "X-Auth-Token", "X-Auth-Client")


def declared_headers(sent: Request, recorded: Request) -> None:
    """Matcher: the request carries each header the cassette lists, and no unlisted credential."""
    for name, value in recorded.headers.items():
        assert sent.headers.get(name) == value, f"{name}: sent {sent.headers.get(name)!r}, cassette {value!r}"
    for name in CREDENTIAL_HEADERS:
        if name not in recorded.headers:
            assert name not in sent.headers, f"{name} was sent; the cassette expects none"


# Replay that also checks credentials: cassettes list the auth headers each request must carry.
checked = vcr.VCR(
    cassette_library_dir=str(CASSETTES),
    record_mode="none",
    match_on=["method", "scheme", "host", "port", "path", "query", "body", "declared_headers"],
    decode_compressed_response=True,
)
checked.register_matcher("declared_headers", declared_headers)


class SleepRecorder:
    """Stands in for time.sleep: remembers the waits instead of waiting."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture
def sleeps() -> SleepRecorder:
    return SleepRecorder()


@pytest.fixture
def api(sleeps: SleepRecorder) -> BigcommerceApi:
    """OAuth against https://api.bigcommerce.com/stores/abc123/v2/, retries sleeping into ``sleeps``."""
    return BigcommerceApi(
        client_id=CLIENT_ID,
        store_hash=STORE_HASH,
        access_token=ACCESS_TOKEN,
        retry=RetryPolicy(sleep=sleeps, jitter=False),
    )


@pytest.fixture
def basic_api(sleeps: SleepRecorder) -> BigcommerceApi:
    """Basic auth against https://store-abc123.mybigcommerce.com/api/v2/."""
    return BigcommerceApi(host=BASIC_HOST, basic_auth=BASIC_AUTH, retry=RetryPolicy(sleep=sleeps, jitter=False))


def stopped_after_the_test(build: Callable[..., Sandbox]) -> Iterator[Callable[..., Sandbox]]:
    """The body of a factory fixture: ``build``'s sandboxes, every one stopped when the test ends."""
    made: list[Sandbox] = []

    def make(*args: Any, **options: Any) -> Sandbox:
        sandbox = build(*args, **options)
        made.append(sandbox)
        return sandbox

    try:
        yield make
    finally:
        for sandbox in made:
            sandbox.stop()
