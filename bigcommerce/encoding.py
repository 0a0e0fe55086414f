"""Values on the wire: dates and decimals in the form each API version reads, and nothing guessed.

v2 reads dates as RFC 2822 (``Sun, 01 Jan 2023 00:00:00 +0000``) and prices
as decimal strings; v3 reads dates as ISO 8601 and prices as JSON numbers.
A value with no such form (an ``object()``, a file, a model instance) is a
``TypeError`` that names its field, raised before any request: encoding it
as its ``str()`` would store ``"<object object at 0x...>"`` in the shop.
"""
from __future__ import annotations

import datetime
import json
import math
import uuid
from collections.abc import Mapping as AbstractMapping
from decimal import Decimal
from email.utils import format_datetime
from typing import Any, Callable

__all__ = ["ISO8601", "RFC2822", "encode_json", "format_date"]

# The two date styles: v2 (and the legacy basic-auth API) and everything newer.
RFC2822 = "rfc2822"
ISO8601 = "iso8601"


def format_date(value: datetime.date, style: str) -> str:
    """A date or datetime as the API version reads it; a naive datetime is taken as UTC."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=datetime.timezone.utc)
        if style == RFC2822:
            return format_datetime(value)
        text = value.isoformat()
        return text[:-6] + "Z" if text.endswith("+00:00") else text
    if style == RFC2822:
        midnight = datetime.datetime(value.year, value.month, value.day, tzinfo=datetime.timezone.utc)
        return format_datetime(midnight)
    return value.isoformat()


def _decimal(value: Decimal, style: str) -> Any:
    if not value.is_finite():
        raise ValueError(f"{value} is not a number JSON can carry")
    if style == RFC2822:
        return format(value, "f")  # v2: a decimal string, never exponent notation
    number = float(value)
    if Decimal(repr(number)) != value:
        raise ValueError(f"{value} has more digits than a JSON number keeps exactly; round it first")
    return number


def _encoder_for(style: str) -> Callable[[Any], Any]:
    def default(value: Any) -> Any:
        """What json.dumps calls for a value it does not know."""
        if isinstance(value, (datetime.date, datetime.datetime)):
            return format_date(value, style)
        if isinstance(value, Decimal):
            return _decimal(value, style)
        if isinstance(value, uuid.UUID):
            return str(value)
        if isinstance(value, (set, frozenset)):
            return sorted(value)
        if isinstance(value, AbstractMapping):
            return dict(value)
        raise TypeError(f"{type(value).__name__} has no JSON form")

    return default


_ENCODERS = {RFC2822: _encoder_for(RFC2822), ISO8601: _encoder_for(ISO8601)}


def encode_json(body: Any, style: str) -> bytes:
    """``body`` as UTF-8 JSON; ``TypeError``/``ValueError`` naming the field for what has no form."""
    default = _ENCODERS[style]
    try:
        return json.dumps(body, default=default, allow_nan=False).encode("utf-8")
    except (TypeError, ValueError) as error:
        failure = error  # the one fast pass failed: walk the body to name the field
    try:
        _check(body, "", default)
    except RecursionError:
        raise ValueError("the request body contains itself (a circular reference)") from None
    raise failure


def _check(value: Any, where: str, default: Callable[[Any], Any]) -> None:
    """Walk the body and raise for the first value that cannot be sent, naming where it is."""
    if value is None or isinstance(value, (str, bool, int)):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"request body field {where or '(the body)'!s}: {value} is not a number JSON can carry")
        return
    if isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            _check(item, f"{where}[{index}]", default)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise TypeError(f"request body field {where or '(the body)'!s}: key {key!r} is not a string")
            _check(item, f"{where}.{key}" if where else str(key), default)
        return
    try:
        converted = default(value)
    except (TypeError, ValueError) as error:
        raise type(error)(f"request body field {where or '(the body)'!s}: {error}") from None
    if converted is not value:
        _check(converted, where, default)
