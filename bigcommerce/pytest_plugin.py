"""pytest fixtures for testing code that talks to BigCommerce, against a local sandbox.

Loaded in every pytest run of an environment where ``bigcommerce`` is
installed, so this module imports nothing beyond pytest; the sandbox and the
client are imported only when a test asks for a fixture.

* ``bc_sandbox``: a running ``Sandbox`` (function scope), stopped after the test.
* ``bc_api``: a ``BigcommerceApi`` bound to it over OAuth.

Configure one test with ``@pytest.mark.bc_sandbox(products=20, quota=10)``
(any ``Sandbox`` keyword). ini options: ``bc_sandbox_products`` (default
products of the fixture) and ``bc_sandbox_max_lifetime_s`` (a bound on each
sandbox's life).
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from bigcommerce.api import BigcommerceApi
    from bigcommerce.sandbox import Sandbox

MARKER = "bc_sandbox"
DEFAULT_PRODUCTS = 50
DEFAULT_MAX_LIFETIME_S = 300.0


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        "bc_sandbox_products",
        help="products generated in the bc_sandbox fixture's store (default 50)",
        default=str(DEFAULT_PRODUCTS),
    )
    parser.addini(
        "bc_sandbox_max_lifetime_s",
        help="seconds after which a bc_sandbox stops by itself (default 300)",
        default=str(DEFAULT_MAX_LIFETIME_S),
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{MARKER}(**options): Sandbox keyword arguments for the bc_sandbox fixture, "
        "e.g. products=20, quota=10, latency_ms=50",
    )


def sandbox_options(request: pytest.FixtureRequest) -> dict[str, Any]:
    """The Sandbox keywords for this test: ini defaults, then the nearest marker's."""
    config = request.config
    options: dict[str, Any] = {
        "products": int(config.getini("bc_sandbox_products")),
        "customers": 10,
        "orders": 10,
        "max_lifetime_s": float(config.getini("bc_sandbox_max_lifetime_s")),
    }
    # Outer markers (module, class) first, so the one closest to the test wins.
    for marker in reversed(list(request.node.iter_markers(MARKER))):
        if marker.args:
            raise pytest.UsageError(f"@pytest.mark.{MARKER} takes keyword arguments only")
        options.update(marker.kwargs)
    return options


@pytest.fixture
def bc_sandbox(request: pytest.FixtureRequest) -> Iterator[Sandbox]:
    """A running BigCommerce sandbox on 127.0.0.1, stopped when the test ends."""
    from bigcommerce.sandbox import Sandbox

    sandbox = Sandbox(**sandbox_options(request)).start()
    try:
        yield sandbox
    finally:
        sandbox.stop()


@pytest.fixture
def bc_api(bc_sandbox: Sandbox) -> BigcommerceApi:
    """A ``BigcommerceApi`` talking to ``bc_sandbox`` over OAuth."""
    from bigcommerce.api import BigcommerceApi

    kwargs = bc_sandbox.oauth_kwargs()
    return BigcommerceApi(
        host=kwargs["host"],
        client_id=kwargs["client_id"],
        store_hash=kwargs["store_hash"],
        access_token=kwargs["access_token"],
    )
