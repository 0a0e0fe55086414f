"""The store's quota: the in-process :class:`RateLimiter` (the default, ``window``) and the
:class:`RedisRateLimiter` that shares one store's window among processes and machines
(``shared``, needs ``pip install 'bigcommerce[redis]'``; redis is imported only when one is made).

A connection takes either through ``rate_limiter=``: a ``RateLimiter`` is one store's window
for the connections given it; a ``RedisRateLimiter`` serves any number of stores, keyed by
store hash (or host for basic auth).
"""
from __future__ import annotations

from .shared import Booking, RedisRateLimiter, StoreRateLimiter
from .window import (
    DEFAULT_MAX_RATE_LIMIT_WAIT_S,
    HEADER_NAMES,
    HEADERLESS_429_BACKOFF_S,
    MAX_HEADERLESS_429_BACKOFF_S,
    PROBE_WAIT_S,
    RateLimiter,
    read_headers,
)

__all__ = [
    "DEFAULT_MAX_RATE_LIMIT_WAIT_S", "HEADERLESS_429_BACKOFF_S", "HEADER_NAMES", "MAX_HEADERLESS_429_BACKOFF_S",
    "PROBE_WAIT_S", "Booking", "RateLimiter", "RedisRateLimiter", "StoreRateLimiter", "read_headers",
]
