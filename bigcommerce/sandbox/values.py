"""Field values between their API form and their stored form, for every view and the seed files.

Rows store dates as unix seconds and money as four-place decimal strings; the v2 API prints
dates as RFC 2822, the v3 API as ISO 8601 (``iso8601``), and both accept RFC 2822, ISO 8601
or unix seconds. ``COERCE`` maps a
field's declared kind (``Resource.types`` in the catalog) to the function reading a
request value into its stored form (ValueError when it cannot), ``REASONS`` to the words
of the 400 that follows.
"""
from __future__ import annotations

import calendar
import re
import time
from collections.abc import Mapping
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation
from email.utils import mktime_tz, parsedate_tz
from typing import Any, Callable
from urllib.parse import parse_qs, urlparse

CENT = Decimal("0.0001")
MIN_DATE_S = -2208988800  # 1900-01-01: dates outside these bounds are refused as invalid
MAX_DATE_S = 253402300799  # 9999-12-31T23:59:59Z

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAY_PREFIXES: dict[int, str] = {}  # day number -> "Tue, 10 Apr 2018 ": dates are hot in lists
_ISO_DAYS: dict[int, str] = {}  # day number -> "2018-04-10T"
MAX_CACHED_DAYS = 200_000

_ISO_OFFSET = re.compile(r"([+-]\d{2})(\d{2})$")
_RFC2822_SHAPE = re.compile(
    r"^[A-Z][a-z]{2}, (\d{1,2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$"
)
_MONTH_NUMBERS = {name: number for number, name in enumerate(_MONTHS, 1)}
_CANONICAL_MONEY = re.compile(r"^-?\d+\.\d{4}$")
YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")


# ------------------------------------------------------------------ dates

def rfc2822(stamp: float | str | None) -> str:
    """Unix seconds as the v2 date string, always GMT: ``Tue, 10 Apr 2018 18:59:05 +0000``."""
    if stamp is None or stamp == "":
        return ""
    if isinstance(stamp, str):  # inserted as-is, not a date we could read
        return stamp
    day, seconds = divmod(int(stamp), 86400)
    prefix = _DAY_PREFIXES.get(day)
    if prefix is None:
        t = time.gmtime(day * 86400)
        prefix = f"{_DAYS[t.tm_wday]}, {t.tm_mday:02d} {_MONTHS[t.tm_mon - 1]} {t.tm_year} "
        if len(_DAY_PREFIXES) < MAX_CACHED_DAYS:
            _DAY_PREFIXES[day] = prefix
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{prefix}{hours:02d}:{minutes:02d}:{secs:02d} +0000"


def iso8601(stamp: float | str | None) -> str | None:
    """Unix seconds as the v3 date string, always UTC: ``2018-04-10T18:59:05+00:00``; None for no date."""
    if stamp is None or stamp == "":
        return None
    if isinstance(stamp, str):  # inserted as-is, not a date we could read
        return stamp
    day, seconds = divmod(int(stamp), 86400)
    prefix = _ISO_DAYS.get(day)
    if prefix is None:
        t = time.gmtime(day * 86400)
        prefix = f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}T"
        if len(_ISO_DAYS) < MAX_CACHED_DAYS:
            _ISO_DAYS[day] = prefix
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{prefix}{hours:02d}:{minutes:02d}:{secs:02d}+00:00"


def parse_date(value: object) -> int:
    """RFC 2822, ISO 8601 or unix seconds to unix seconds; ValueError otherwise."""
    stamp = _parse_date(value)
    if not MIN_DATE_S <= stamp <= MAX_DATE_S:
        raise ValueError(value)
    return stamp


def _parse_date(value: object) -> int:
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(value)
        return int(value)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(value)
    text = value.strip()
    if text.isdigit():
        return int(text)
    shape = _RFC2822_SHAPE.match(text)  # the form the API prints: read it without email.utils
    if shape is not None and shape.group(2) in _MONTH_NUMBERS:
        day, month, year, hour, minute, second, sign, off_h, off_m = shape.groups()
        stamp = calendar.timegm((int(year), _MONTH_NUMBERS[month], int(day), int(hour), int(minute),
                                 int(second), 0, 0, 0))
        offset = (int(off_h) * 3600 + int(off_m) * 60) * (1 if sign == "+" else -1)
        return stamp - offset
    if re.match(r"^\d{4}-\d{2}-\d{2}", text):
        iso = text[:-1] + "+00:00" if text.endswith("Z") else text
        iso = _ISO_OFFSET.sub(r"\1:\2", iso)
        iso = re.sub(r"\.(\d{1,6})\d*", lambda m: "." + m.group(1).ljust(6, "0"), iso)
        moment = datetime.fromisoformat(iso)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
        return int(moment.timestamp())
    parts = parsedate_tz(text)
    if parts is None:
        raise ValueError(value)
    return int(mktime_tz(parts))


# ------------------------------------------------------------------ numbers, flags, text

def money(value: object) -> str:
    """A number or numeric string as a four-place decimal string; ValueError otherwise."""
    if isinstance(value, bool) or value is None:
        raise ValueError(value)
    if type(value) is str and _CANONICAL_MONEY.match(value):
        return value
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation as exc:
        raise ValueError(value) from exc
    if not amount.is_finite():
        raise ValueError(value)
    return str(amount.quantize(CENT))


def to_int(value: object) -> int:
    """An integer, an integral float or a string of digits as an int; ValueError otherwise."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
        return int(value)
    raise ValueError(value)


def to_bool(value: object) -> bool:
    """A boolean, 0/1 or the strings true/false/1/0 as a bool; ValueError otherwise."""
    if isinstance(value, bool):
        return value
    if value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("true", "false", "1", "0"):
        return value.strip().lower() in ("true", "1")
    raise ValueError(value)


def to_str(value: object) -> str:
    """A string, or a number printed as one; ValueError otherwise."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise ValueError(value)


def to_number(value: object) -> int | float:
    """A JSON number, or a numeric string read as one (int when integral)."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        return value
    number = float(money(value))
    return int(number) if number.is_integer() else number


def as_number(value: Any) -> float:
    """A stored amount as a float for comparisons; 0.0 when it is not a number."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def _expect(kind: type) -> Callable[[object], Any]:
    def check(value: object) -> Any:
        if not isinstance(value, kind):
            raise ValueError(value)
        return value

    return check


def _or_null(convert: Callable[[object], Any]) -> Callable[[object], Any]:
    return lambda value: None if value is None else convert(value)


def _int_list(value: object) -> list[int]:
    if not isinstance(value, list):
        raise ValueError(value)
    return [to_int(item) for item in value]


COERCE: Mapping[str, Callable[[object], Any]] = {
    "str": to_str,
    "str_or_null": _or_null(to_str),
    "int": to_int,
    "int_or_null": _or_null(to_int),
    "decimal": money,
    "decimal_or_null": _or_null(money),
    "number": to_number,
    "bool": to_bool,
    "list": _expect(list),
    "int_list": _int_list,
    "dict": _expect(dict),
    "dict_or_null": _or_null(_expect(dict)),
    "date": parse_date,
    "rate": lambda value: f"{Decimal(money(value)):.10f}",
}

REASONS: Mapping[str, str] = {
    "str": "must be a string", "str_or_null": "must be a string", "int": "must be an integer",
    "int_or_null": "must be an integer", "decimal": "must be a number or a numeric string",
    "decimal_or_null": "must be a number or a numeric string",
    "number": "must be a number", "bool": "must be a boolean", "list": "must be an array",
    "int_list": "must be an array of integers", "dict": "must be an object",
    "dict_or_null": "must be an object", "date": "must be an RFC 2822 or ISO 8601 date",
    "rate": "must be a number or a numeric string",
}


# ------------------------------------------------------------------ derived strings

def slug(text: str) -> str:
    """A URL path segment the way the store derives ``custom_url`` from a name."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "item"


# Resized copies the CDN keeps of a product image: size name -> "width.height".
IMAGE_SIZES: Mapping[str, str] = {"zoom": "1280.1280", "thumbnail": "386.513", "standard": "220.290", "tiny": "44.58"}


def image_url(store_hash: str, image: Mapping[str, Any], size: str) -> str:
    """One CDN URL of a product image (``size`` a key of ``IMAGE_SIZES``), as the store names it."""
    stem, dot, ext = image.get("image_file", "").rpartition(".")
    stem, ext = (stem, ext) if dot else (image.get("image_file", ""), "jpg")
    stem = stem.rsplit("/", 1)[-1] or "image"
    stamp = image.get("date_created") or 0
    return (f"https://cdn11.bigcommerce.com/s-{store_hash}/products/{image.get('product_id')}/images/"
            f"{image['id']}/{stem}.{stamp}.{IMAGE_SIZES[size]}.{ext}?c=2")


def image_urls(store_hash: str, image: Mapping[str, Any]) -> dict[str, str]:
    """The four CDN URLs of a product image: ``zoom_url``, ``thumbnail_url``, ``standard_url``, ``tiny_url``."""
    return {f"{size}_url": image_url(store_hash, image, size) for size in IMAGE_SIZES}


def youtube_id(url: str) -> str:
    """The video id of a YouTube watch, short or embed URL; ValueError otherwise."""
    parsed = urlparse(url.strip())
    host = parsed.netloc.lower().split(":")[0]
    candidate = ""
    if host.endswith("youtu.be"):
        candidate = parsed.path.strip("/").split("/")[0]
    elif host.endswith(("youtube.com", "youtube-nocookie.com")):
        if parsed.path == "/watch":
            candidate = parse_qs(parsed.query).get("v", [""])[0]
        elif parsed.path.startswith(("/embed/", "/v/", "/shorts/")):
            candidate = parsed.path.split("/")[2]
    if not YOUTUBE_ID.match(candidate):
        raise ValueError(url)
    return candidate
