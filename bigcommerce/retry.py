"""RetryPolicy: when a failed request may be sent again, and after how long.

A value owned by the connection, not a loop inside the transport. The rule that
matters: a request whose body may have been processed is sent again only when
the method is idempotent, so a POST never creates a duplicate.
"""
from __future__ import annotations

import math
import random
import time
from dataclasses import dataclass, field
from typing import Callable

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRY_STATUSES = frozenset({500, 502, 503, 504})

DEFAULT_MAX_RETRIES = 3
DEFAULT_BACKOFF_S = 0.5
DEFAULT_MAX_BACKOFF_S = 30.0


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how patiently to send a failed request again.

    ``max_retries`` counts the attempts after the first; 0 turns retries off.
    The wait before retry *n* (0-based) is ``backoff_s * 2**n``, capped at
    ``max_backoff_s``, with "full jitter" (a uniform share of it) so that many
    clients do not retry in step. ``sleep`` is injectable for tests.
    """

    max_retries: int = DEFAULT_MAX_RETRIES
    backoff_s: float = DEFAULT_BACKOFF_S
    max_backoff_s: float = DEFAULT_MAX_BACKOFF_S
    jitter: bool = True
    retry_statuses: frozenset[int] = RETRY_STATUSES
    sleep: Callable[[float], None] = field(default=time.sleep, compare=False)
    random: Callable[[], float] = field(default=random.random, compare=False, repr=False)

    def __post_init__(self) -> None:
        if isinstance(self.max_retries, bool) or not isinstance(self.max_retries, int) or self.max_retries < 0:
            raise ValueError(f"max_retries must be a non-negative int, not {self.max_retries!r}")
        for name in ("backoff_s", "max_backoff_s"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
                raise ValueError(f"{name} must be a finite, non-negative number of seconds, not {value!r}")

    @classmethod
    def none(cls) -> RetryPolicy:
        """Never retry (429 waits aside, which the rate limiter owns)."""
        return cls(max_retries=0)

    def backoff(self, retry: int) -> float:
        """Seconds to wait before retry number ``retry`` (0-based)."""
        # The exponent is capped so that a huge retry count cannot overflow a float.
        ceiling = min(self.backoff_s * 2.0 ** min(retry, 64), self.max_backoff_s)
        if not self.jitter:
            return ceiling
        return ceiling / 2 + self.random() * ceiling / 2

    def may_retry_status(self, method: str, status: int, retry: int) -> bool:
        """A 5xx answer: the body may have been processed, so idempotent methods only."""
        return (
            retry < self.max_retries
            and status in self.retry_statuses
            and method.upper() in IDEMPOTENT_METHODS
        )

    def may_retry_failure(self, method: str, retry: int, *, reached_server: bool) -> bool:
        """No answer: any method if the request provably never left, else idempotent only."""
        if retry >= self.max_retries:
            return False
        return not reached_server or method.upper() in IDEMPOTENT_METHODS
