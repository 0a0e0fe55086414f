"""A local, stateful BigCommerce store that speaks real HTTP over loopback.

For demos, integration tests and users' own tests: ``Sandbox`` serves the v2
REST API (OAuth and basic-auth URL forms), part of the v3 REST API over the same
data (``Sandbox.v3_api_url``; catalog products, variants, product metafields and
the summary, customers and addresses, content pages, redirects, scripts, widgets,
promotions and coupon codes, store metafields and system logs), a minimal GraphQL endpoint and the
OAuth token exchange, enforces a store-like rate-limit window and fails on
demand (``FaultRule``). It imports nothing from the client side of the package.
"""
from __future__ import annotations

from bigcommerce.sandbox.auth import Credentials
from bigcommerce.sandbox.faults import FAULT_KINDS, FaultInjector, FaultRule
from bigcommerce.sandbox.quota import DEFAULT_WINDOW_MS, UNLIMITED_QUOTA, QuotaState, RateWindow
from bigcommerce.sandbox.sandbox import Sandbox
from bigcommerce.sandbox.stats import NO_ANSWER, RequestStats

__all__ = [
    "DEFAULT_WINDOW_MS",
    "FAULT_KINDS",
    "NO_ANSWER",
    "UNLIMITED_QUOTA",
    "Credentials",
    "FaultInjector",
    "FaultRule",
    "QuotaState",
    "RateWindow",
    "RequestStats",
    "Sandbox",
]
