"""What one worker process does in the multi-process tests and the benchmark: walk a store's products.

A top-level function of an importable module, so ``multiprocessing`` can start it with
``spawn`` (a fresh interpreter, as Celery or RQ workers on other machines are).
"""
from __future__ import annotations

import time
from typing import Any

from bigcommerce.api import BigcommerceApi
from bigcommerce.rate_limit import RedisRateLimiter


def walk(api_kwargs: dict[str, Any], redis_url: str | None, version: str, concurrency: int, limit: int,
         prefix: str, start_at: float = 0.0) -> dict[str, Any]:
    """Every product id the walk saw and its wall time. ``start_at`` (``time.time()``): when all
    workers begin together, after their imports."""
    limiter = RedisRateLimiter.from_url(redis_url, prefix=prefix) if redis_url else None
    api = BigcommerceApi(**api_kwargs, rate_limiter=limiter)
    products = api.v3.Products if version == "v3" else api.Products  # imports before the clock starts
    time.sleep(max(0.0, start_at - time.time()))
    started = time.monotonic()
    ids = [product.id for product in products.iterall(concurrency=concurrency, limit=limit)]
    return {"ids": ids, "seconds": time.monotonic() - started}
