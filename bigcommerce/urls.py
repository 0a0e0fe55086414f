"""Building request paths and query strings safely.

Ids and path segments are checked before any request is sent, so that a stray
``0``, ``None`` or ``'1/../customers'`` can never turn into a request on the
wrong resource (the old client's ``if rid:`` deleted whole collections).
"""
from __future__ import annotations

import datetime
import re
from typing import Any, Union

from .encoding import RFC2822, format_date

ResourceId = Union[int, str]

# A plain token: numeric ids, YouTube video ids (letters, digits, '-' and '_').
_ID_PATTERN = re.compile(r"[A-Za-z0-9_-]+\Z")
# A segment of a resource path: the same, plus '.' for a '.json' suffix.
_SEGMENT_PATTERN = re.compile(r"[A-Za-z0-9_.-]+\Z")


def check_id(rid: object, what: str = "id") -> str:
    """The id as a path segment, or ValueError/TypeError before any request."""
    if isinstance(rid, bool) or not isinstance(rid, (int, str)):
        raise TypeError(f"{what} must be an int or a string token, not {type(rid).__name__}")
    if isinstance(rid, int):
        if rid < 0:
            raise ValueError(f"{what} must not be negative: {rid}")
        return str(rid)
    if not _ID_PATTERN.match(rid):
        raise ValueError(
            f"{what} {rid!r} is not a plain token (letters, digits, '-', '_'): "
            "refusing to build a path from it"
        )
    return rid


def check_resource(resource: object) -> str:
    """A relative resource path such as ``'products'`` or ``'products/5/images'``."""
    if not isinstance(resource, str):
        raise TypeError(f"resource must be a string path, not {type(resource).__name__}")
    path = resource.strip("/")
    if not path:
        raise ValueError("resource must name a path, e.g. 'products'")
    for segment in path.split("/"):
        if not _SEGMENT_PATTERN.match(segment) or segment in (".", ".."):
            raise ValueError(f"resource {resource!r} has an unsafe path segment {segment!r}")
    return path


def join(resource: str, *ids: ResourceId) -> str:
    """``join('products', 5, 'images')`` → ``'products/5/images'``, every part checked."""
    parts = [check_resource(resource)]
    for part in ids:
        parts.append(check_id(part))
    return "/".join(parts)


def query_value(value: Any, dates: str = RFC2822) -> str:
    """One filter value as the API reads it: lists comma-joined, booleans true/false.

    A datetime is RFC 2822 for v2 and ISO 8601 for v3 (``dates``); a date is
    ISO 8601 (``2023-01-31``) in both, as the filters read it.
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime):
        return format_date(value, dates)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value) if isinstance(value, (set, frozenset)) else value
        return ",".join(query_value(item, dates) for item in items)
    return str(value)


def encode_query(query: dict[str, Any], dates: str = RFC2822) -> dict[str, str]:
    """Filters as strings; a None value is left out (it means "no filter")."""
    return {key: query_value(value, dates) for key, value in query.items() if value is not None}
