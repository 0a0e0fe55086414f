"""The sandbox's in-memory BigCommerce v2 store: stateful resources behind one ``handle``.

The HTTP layer authenticates a request, parses its JSON body and calls
``Store.handle(method, path, query, body)``; the store answers like the real v2 API:
documented operations only (405 otherwise), integer ids per collection that are never
reused, RFC 2822 dates, four-place decimal strings, ``{url, resource}`` link objects,
``page``/``limit`` paging with 204 past the end, filters, counts, and v2 error arrays.

Storage: one ``Table`` per resource in ``catalog.RESOURCES``. Rows are sparse dicts (only
fields that differ from the catalog defaults, dates as unix seconds); rendering fills the
defaults and computed fields. Rows keep ascending-id order, so an unfiltered page is a
list slice, not a scan. One lock serialises every call.

Choices where the sources leave room (see also ``dump``/``load``):

* DELETE on an order archives it (``is_deleted: true``, S21/S26); archived orders leave
  lists and counts unless the ``is_deleted=true`` filter is given, and stay readable by id.
* ``secure_url`` in ``GET /store`` is ``base_url`` when set (so a storefront login URL
  reaches the sandbox), else ``https://store-{hash}.mybigcommerce.com``.
* Link objects print BigCommerce's aliases (``discountrules``, ``optionsets``,
  ``shippingaddresses``...); the router accepts the aliases and the underscored names.
* Collection DELETEs delete every matching row (the real API may stop after a page).
"""
from __future__ import annotations

import calendar
import json
import re
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation
from email.utils import mktime_tz, parsedate_tz
from itertools import islice
from typing import Any, Callable, Iterator, Mapping
from urllib.parse import parse_qs, urlparse

from bigcommerce.sandbox import catalog, seed as seeding
from bigcommerce.sandbox.catalog import (
    BY_NAME, CHILDREN, COUNT, CREATE, DELETE, DELETE_ALL, GET, LIST, MAX_PAGE_LIMIT,
    PATH_ALIASES, RESOURCES, SPECIAL_ROUTES, UPDATE, Filter, Resource,
)

NOT_FOUND = "The requested resource was not found."
METHOD_NOT_ALLOWED = "The requested method is not supported by this resource."
LIMIT_EXCEEDED = "The specified limit exceeds the maximum allowed."
NOT_AN_OBJECT = "The request body must be a JSON object."
SANDBOX_CLIENT_ID = "sandbox-client"  # hooks' client_id: the store never sees the header
MAX_PRODUCT_CATEGORIES = 1000
CENT = Decimal("0.0001")

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# ------------------------------------------------------------------ responses and errors

@dataclass
class StoreResponse:
    """What the HTTP layer sends back: status, serialized JSON, extra headers."""

    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


class ApiError(Exception):
    """A v2 error answer: ``[{"status", "message", "details"?}]``."""

    def __init__(self, status: int, message: str, details: Mapping[str, Any] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.details = details

    def response(self) -> StoreResponse:
        error: dict[str, Any] = {"status": self.status, "message": self.message}
        if self.details is not None:
            error["details"] = dict(self.details)
        return StoreResponse(self.status, _dumps([error]), {})


def _required(name: str) -> ApiError:
    text = f"The required field '{name}' was not supplied."
    return ApiError(400, text, {"invalid_reason": text})


def _invalid(name: str, reason: str) -> ApiError:
    return ApiError(400, f"The field '{name}' is invalid.", {"invalid_reason": reason})


def _dumps(payload: object) -> bytes:
    return json.dumps(payload, separators=(",", ":")).encode("ascii")


def _ok(payload: object, status: int = 200, headers: dict[str, str] | None = None) -> StoreResponse:
    return StoreResponse(status, _dumps(payload), headers or {})


NO_CONTENT = StoreResponse(204, b"", {})
# Serialized list items kept at most (a product is about 3.5 KB of JSON).
ITEM_CACHE_MAX = 50_000

# ------------------------------------------------------------------ dates and values


_DAY_PREFIXES: dict[int, str] = {}  # day number -> "Tue, 10 Apr 2018 ": dates are hot in lists
MAX_CACHED_DAYS = 200_000


def rfc2822(stamp: float | None) -> str:
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


_ISO_OFFSET = re.compile(r"([+-]\d{2})(\d{2})$")
_RFC2822_SHAPE = re.compile(r"^[A-Z][a-z]{2}, (\d{1,2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$")
_MONTH_NUMBERS = {name: number for number, name in enumerate(_MONTHS, 1)}
_CANONICAL_MONEY = re.compile(r"^-?\d+\.\d{4}$")


MIN_DATE_S = -2208988800  # 1900-01-01: dates outside these bounds are refused as invalid
MAX_DATE_S = 253402300799  # 9999-12-31T23:59:59Z


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


def _to_int(value: object) -> int:
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
        return int(value)
    raise ValueError(value)


def _to_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("true", "false", "1", "0"):
        return value.strip().lower() in ("true", "1")
    raise ValueError(value)


def _to_str(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise ValueError(value)


def _to_number(value: object) -> int | float:
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        return value
    number = float(money(value))
    return int(number) if number.is_integer() else number


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
    return [_to_int(item) for item in value]


COERCE: Mapping[str, Callable[[object], Any]] = {
    "str": _to_str,
    "str_or_null": _or_null(_to_str),
    "int": _to_int,
    "int_or_null": _or_null(_to_int),
    "decimal": money,
    "decimal_or_null": _or_null(money),
    "number": _to_number,
    "bool": _to_bool,
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


def slug(text: str) -> str:
    """A URL path segment the way the store derives ``custom_url`` from a name."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "item"


# ------------------------------------------------------------------ storage


class Table:
    """Rows of one resource in ascending-id order, with a per-parent index for subresources."""

    def __init__(self, resource: Resource) -> None:
        self.resource = resource
        self.rows: dict[Any, dict[str, Any]] = {}
        self.by_parent: dict[int, dict[Any, dict[str, Any]]] = {}
        self.next_id = 1
        self._keys: list[Any] | None = []
        self._unsorted = False

    def key(self, parent_id: int | None, item_id: Any) -> Any:
        return (parent_id, item_id) if self.resource.id_kind == "str" else item_id

    def key_of(self, row: Mapping[str, Any]) -> Any:
        parent_key = self.resource.parent_key
        return self.key(row.get(parent_key) if parent_key else None, row["id"])

    def add(self, row: dict[str, Any]) -> None:
        key = self.key_of(row)
        if key in self.rows:
            self.remove(key)
        if self.resource.id_kind != "str":
            if self.rows and key < next(reversed(self.rows)):
                self._unsorted = True
            self.next_id = max(self.next_id, key + 1)
        self.rows[key] = row
        if self._keys is not None and not self._unsorted:
            self._keys.append(key)
        else:
            self._keys = None
        if self.resource.parent_key:
            self.by_parent.setdefault(row[self.resource.parent_key], {})[key] = row

    def remove(self, key: Any) -> dict[str, Any]:
        row = self.rows.pop(key)
        self._keys = None
        if self.resource.parent_key:
            siblings = self.by_parent.get(row[self.resource.parent_key])
            if siblings is not None:
                siblings.pop(key, None)
                if not siblings:
                    del self.by_parent[row[self.resource.parent_key]]
        return row

    def ordered(self) -> dict[Any, dict[str, Any]]:
        """All rows, ascending id (re-sorting once after out-of-order inserts)."""
        if self._unsorted:
            self.rows = dict(sorted(self.rows.items()))
            for parent_id, siblings in self.by_parent.items():
                self.by_parent[parent_id] = dict(sorted(siblings.items()))
            self._unsorted = False
            self._keys = None
        return self.rows

    def children(self, parent_id: int) -> dict[Any, dict[str, Any]]:
        self.ordered()
        return self.by_parent.get(parent_id, {})

    def page_of_all(self, offset: int, limit: int) -> list[dict[str, Any]]:
        """One page over every row without looking at the others."""
        rows = self.ordered()
        if self._keys is None:
            self._keys = list(rows)
        return [rows[key] for key in self._keys[offset:offset + limit]]

    def allocate_id(self) -> int:
        new_id = self.next_id
        self.next_id += 1
        return new_id


# ------------------------------------------------------------------ routing


@dataclass(frozen=True)
class Route:
    """A matched path: what kind of endpoint, for which resource, with which ids."""

    kind: str  # collection|item|count|parent_count|store_count|store_collection|special
    resource: Resource | None = None
    handlers: Mapping[str, str] = field(default_factory=dict)  # special: method -> handler


OPS_BY_KIND: Mapping[str, Mapping[str, str]] = {
    "collection": {"GET": LIST, "POST": CREATE, "DELETE": DELETE_ALL},
    "store_collection": {"GET": LIST},
    "item": {"GET": GET, "PUT": UPDATE, "DELETE": DELETE},
    "count": {"GET": COUNT},
    "parent_count": {"GET": COUNT},
    "store_count": {"GET": COUNT},
}


def _build_routes() -> dict[tuple[int, str], list[tuple[tuple[str, ...], Route]]]:
    patterns: list[tuple[tuple[str, ...], Route]] = []
    for res in RESOURCES:
        segs = res.segments
        patterns.append((segs, Route("collection", res)))
        if res.ops & {GET, UPDATE, DELETE}:
            patterns.append((segs + ("{id}",), Route("item", res)))
        if res.parent is None:
            if "collection" in res.counts:
                patterns.append((segs + ("count",), Route("count", res)))
            continue
        if "parent" in res.counts:
            patterns.append((segs + ("count",), Route("parent_count", res)))
        store_wide = tuple(seg for seg in segs if seg != "{pid}")
        if "store" in res.counts:
            patterns.append((store_wide + ("count",), Route("store_count", res)))
        if res.store_list:
            patterns.append((store_wide, Route("store_collection", res)))
    specials: dict[tuple[str, ...], dict[str, str]] = {}
    for method, path, handler in SPECIAL_ROUTES:
        specials.setdefault(tuple(path.split("/")), {})[method] = handler
    for segs, handlers in specials.items():
        patterns.append((segs, Route("special", handlers=handlers)))
    index: dict[tuple[int, str], list[tuple[tuple[str, ...], Route]]] = {}
    for segs, route in sorted(patterns, key=lambda p: -sum(not s.startswith("{") for s in p[0])):
        index.setdefault((len(segs), segs[0]), []).append((segs, route))
    return index


ROUTES = _build_routes()


def match_route(path: str) -> tuple[Route, dict[str, str]] | None:
    """The route for a v2 path and its raw ``{pid}``/``{id}`` values, or None (404)."""
    parts = path.strip("/").split("/")
    first = PATH_ALIASES.get(parts[0], parts[0])
    for segs, route in ROUTES.get((len(parts), first), ()):
        params: dict[str, str] = {}
        for token, part in zip(segs, parts):
            if token.startswith("{"):
                if not part:
                    break
                params[token[1:-1]] = part
            elif part != token and PATH_ALIASES.get(part) != token:
                break
        else:
            return route, params
    return None


# ------------------------------------------------------------------ filters


def _lookup(row: Mapping[str, Any], name: str, defaults: Mapping[str, Any]) -> Any:
    if "." in name:
        head, _, tail = name.partition(".")
        inner = row.get(head, defaults.get(head)) or {}
        return inner.get(tail) if isinstance(inner, dict) else None
    return row.get(name, defaults.get(name))


def _parse_filter_value(name: str, spec: Filter, raw: str) -> Any:
    try:
        if spec.kind == "int":
            return _to_int(raw)
        if spec.kind == "bool":
            return _to_bool(raw)
        if spec.kind == "decimal":
            return float(money(raw))
        if spec.kind == "date":
            return parse_date(raw)
        return raw
    except (ValueError, TypeError) as exc:
        kind = {"int": "integer", "bool": "boolean (true or false)", "decimal": "number",
                "date": "RFC 2822 or ISO 8601 date"}.get(spec.kind, spec.kind)
        raise ApiError(
            400, f"The filter '{name}' is invalid.",
            {"invalid_reason": f"'{raw}' is not a valid {kind}."},
        ) from exc


def _parse_values(name: str, spec: Filter, raw: str) -> list[Any]:
    """One value, or several for comma-separated integer filters (``status_id=1,11``)."""
    parts = raw.split(",") if spec.kind == "int" and "," in raw else [raw]
    return [_parse_filter_value(name, spec, part) for part in parts]


def _fold(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


def _as_number(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def make_predicate(res: Resource, name: str, raw: str) -> Callable[[Mapping[str, Any]], bool]:
    """A row test for one query parameter of ``res`` (ApiError 400 for a bad value)."""
    spec = res.filters[name]
    values = _parse_values(name, spec, raw)
    defaults, target, op = res.fields, spec.field, spec.op

    def get(row: Mapping[str, Any]) -> Any:
        return _lookup(row, target, defaults)

    if op in ("min", "max"):
        bound = values[0]
        convert = _as_number if spec.kind == "decimal" else (lambda v: v if v not in (None, "") else None)
        if op == "min":
            return lambda row: (v := convert(get(row))) is not None and v >= bound
        return lambda row: (v := convert(get(row))) is not None and v <= bound
    if op == "like":
        needle = values[0].casefold()
        return lambda row: needle in str(get(row) or "").casefold()
    if op == "keyword":
        needle = values[0].casefold()
        return lambda row: any(
            needle in str(_lookup(row, f, defaults) or "").casefold()
            for f in ("name", "description", "sku")
        )
    if op == "has":
        wanted = {_fold(v) for v in values}
        return lambda row: any(_fold(item) in wanted for item in (get(row) or ()))
    if op == "low":
        flag = values[0]
        return lambda row: (
            _lookup(row, "inventory_level", defaults) <= _lookup(row, "inventory_warning_level", defaults)
        ) == flag
    if op == "day":
        day = time.gmtime(values[0])[:3]
        return lambda row: get(row) is not None and time.gmtime(get(row))[:3] == day
    wanted = {_fold(v) for v in values}
    if op == "ne":
        return lambda row: _fold(get(row)) not in wanted
    if spec.kind == "decimal":
        return lambda row: _as_number(get(row)) in wanted
    return lambda row: _fold(get(row)) in wanted


def parse_paging(query: Mapping[str, str]) -> tuple[int, int]:
    """``page`` and ``limit`` as the API reads them: 400 when not positive, 413 above 250."""
    numbers = []
    for name, default in (("page", 1), ("limit", catalog.DEFAULT_PAGE_LIMIT)):
        raw = query.get(name)
        if raw is None:
            numbers.append(default)
            continue
        text = str(raw).strip()
        if not text.isdigit() or int(text) < 1:
            reason = f"'{raw}' is not a positive integer."
            raise ApiError(400, f"The field '{name}' is invalid.", {"invalid_reason": reason})
        numbers.append(int(text))
    page, limit = numbers
    if limit > MAX_PAGE_LIMIT:
        raise ApiError(413, LIMIT_EXCEEDED, {"max_limit": MAX_PAGE_LIMIT})
    return page, limit


# ------------------------------------------------------------------ the store


class Store:
    """Every v2 resource of one BigCommerce store, in memory. Thread-safe (one lock)."""

    def __init__(self, *, store_hash: str = "sandbox", base_url: str = "",
                 clock: Callable[[], float] = time.time) -> None:
        self.store_hash = store_hash
        self.base_url = base_url
        self._clock = clock
        self._lock = threading.RLock()
        self._tables: dict[str, Table] = {res.name: Table(res) for res in RESOURCES}
        self._archived_orders: set[int] = set()
        self._carrier_connections: dict[str, dict[str, Any]] = {}
        # Serialized list items, so that reading pages again costs a join, not a render.
        # Any write empties it: rows can depend on other rows (a product's primary image).
        self._item_cache: dict[tuple[str, Any], bytes] = {}
        self._item_cache_base = base_url
        seeding.load_reference(self)

    # -- public API ---------------------------------------------------------------
    def handle(self, method: str, path: str, query: dict[str, str], body: object | None) -> StoreResponse:
        """Answer one v2 request. ``path`` has no leading slash and no ``.json``."""
        with self._lock:
            if method.upper() != "GET":
                self._item_cache.clear()
            try:
                return self._dispatch(method.upper(), path.strip("/"), query or {}, body)
            except ApiError as error:
                return error.response()
            except ValueError as error:  # a value our coercers could not read, deep in a body
                return _invalid("body", f"A value in the request is invalid: {error}").response()

    def seed(self, *, products: int = 0, customers: int = 0, orders: int = 0, seed: int = 0) -> None:
        """Add a deterministic generated catalog, customers and orders (see ``seed.py``)."""
        with self._lock:
            self._item_cache.clear()
            seeding.populate(self, products=products, customers=customers, orders=orders, seed=seed)

    def load(self, data: Mapping[str, Any]) -> None:
        """Add or replace rows from a ``dump()``-shaped dict (format in ``seed.py``)."""
        with self._lock:
            self._item_cache.clear()
            seeding.load_data(self, data)

    def dump(self) -> dict[str, Any]:
        """Every row of every resource, JSON-ready; ``load()`` restores it exactly."""
        with self._lock:
            return seeding.dump_data(self)

    def insert(self, path: str, fields: Mapping[str, Any]) -> dict[str, Any]:
        """Create an object directly (no validation, read-only fields allowed); its body."""
        with self._lock:
            self._item_cache.clear()
            found = match_route(path)
            if found is None or found[0].kind != "collection":
                raise KeyError(f"not a collection path: {path!r}")
            res = found[0].resource
            assert res is not None
            parent_id = self._parent_id(res, found[1])
            if res.parent is not None and parent_id not in self._tables[res.parent].rows:
                raise KeyError(f"no {res.parent} with id {parent_id}")
            row = self._create(res, parent_id, dict(fields), validate=False)
            return self._render(res, row)

    def store_info(self) -> dict[str, Any]:
        """The ``GET /store`` body."""
        with self._lock:
            return seeding.store_profile(self)

    # -- helpers shared with seed.py ----------------------------------------------
    def now(self) -> int:
        return int(self._clock())

    def table(self, name: str) -> Table:
        return self._tables[name]

    def add_row(self, name: str, row: dict[str, Any]) -> dict[str, Any]:
        """Store an already-normalized row (seed and load); assigns an id if missing."""
        table = self._tables[name]
        if row.get("id") is None and table.resource.id_kind != "str":
            row["id"] = table.allocate_id()
        table.add(row)
        if name == "orders":
            self._track_archive(row)
        return row

    def link(self, path: str) -> dict[str, str]:
        return {"url": f"{self.base_url}/api/v2/{path}.json", "resource": f"/{path}"}

    # -- dispatch -----------------------------------------------------------------
    def _dispatch(self, method: str, path: str, query: Mapping[str, str], body: object) -> StoreResponse:
        found = match_route(path) if path else None
        if found is None:
            raise ApiError(404, NOT_FOUND)
        route, params = found
        if route.kind == "special":
            handler = route.handlers.get(method)
            if handler is None:
                raise ApiError(405, METHOD_NOT_ALLOWED)
            return getattr(self, f"_special_{handler}")(method, params, query, body)
        res = route.resource
        assert res is not None
        op = OPS_BY_KIND[route.kind].get(method)
        if op is None or op not in res.ops:
            raise ApiError(405, METHOD_NOT_ALLOWED)
        parent_id = self._parent_id(res, params)
        if parent_id is not None:
            self._require(res.parent, parent_id)  # type: ignore[arg-type]
        if route.kind == "item":
            item_id = self._item_id(res, params["id"])
            return self._item_op(op, res, parent_id, item_id, body, query)
        if route.kind in ("count", "parent_count", "store_count"):
            return self._count(res, parent_id, query)
        if op == LIST:
            return self._list(res, parent_id, query)
        if op == CREATE:
            row = self._create(res, parent_id, body, validate=True)
            item_path = self._item_path(res, row)
            return _ok(self._render(res, row), 201, {"Location": f"{self.base_url}/api/v2/{item_path}"})
        return self._delete_all(res, parent_id, query)

    def _item_op(self, op: str, res: Resource, parent_id: int | None, item_id: Any,
                 body: object, query: Mapping[str, str]) -> StoreResponse:
        row = self._get_row(res, parent_id, item_id)
        if op == GET:
            rendered = self._render(res, row)
            if res.name == "orders":
                self._add_order_includes(rendered, query)
            return _ok(rendered)
        if op == UPDATE:
            return _ok(self._render(res, self._update(res, row, body)))
        if res.name == "hooks":  # DELETE answers 200 with the deleted hook (S21)
            rendered = self._render(res, row)
            self._delete_row(res, row)
            return _ok(rendered)
        self._delete_row(res, row)
        return NO_CONTENT

    @staticmethod
    def _parent_id(res: Resource, params: Mapping[str, str]) -> int | None:
        raw = params.get("pid")
        if raw is None or res.parent is None:
            return None
        if not raw.isdigit():
            raise ApiError(404, NOT_FOUND)
        return int(raw)

    @staticmethod
    def _item_id(res: Resource, raw: str) -> Any:
        if res.id_kind == "str":
            return raw
        if not raw.isdigit():
            raise ApiError(404, NOT_FOUND)
        return int(raw)

    def _require(self, name: str, item_id: int) -> dict[str, Any]:
        row = self._tables[name].rows.get(item_id)
        if row is None:
            raise ApiError(404, NOT_FOUND)
        return row

    def _get_row(self, res: Resource, parent_id: int | None, item_id: Any) -> dict[str, Any]:
        table = self._tables[res.name]
        row = table.rows.get(table.key(parent_id, item_id))
        if row is None or (res.parent_key and row.get(res.parent_key) != parent_id):
            raise ApiError(404, NOT_FOUND)
        return row

    def _item_path(self, res: Resource, row: Mapping[str, Any]) -> str:
        path = res.path.replace("{pid}", str(row.get(res.parent_key, "")))
        return f"{path}/{row.get('id')}"

    # -- render -------------------------------------------------------------------
    def _render(self, res: Resource, row: Mapping[str, Any]) -> dict[str, Any]:
        out = dict(res.fields)
        out.update(row)
        for name in res.dates:
            out[name] = rfc2822(out[name])
        api = f"{self.base_url}/api/v2/"
        for link in res.links:
            if link.when is not None and not out.get(link.when):
                out[link.field] = None
                continue
            path = link.template.format_map(out)
            out[link.field] = {"url": f"{api}{path}.json", "resource": f"/{path}"}
        for name in res.hidden:
            out.pop(name, None)
        extra = RENDER_EXTRAS.get(res.name)
        if extra is not None:
            extra(self, row, out)
        if res.id_kind == "int_str":
            out["id"] = str(out["id"])
        return out

    # -- list and count -----------------------------------------------------------
    def _predicates(self, res: Resource, query: Mapping[str, str]) -> list[Callable[[Mapping[str, Any]], bool]]:
        tests = [make_predicate(res, name, raw) for name, raw in query.items() if name in res.filters]
        if res.name == "orders" and "is_deleted" not in query:
            tests.append(lambda row: not row.get("is_deleted", False))
        return tests

    def _source(self, res: Resource, parent_id: int | None) -> dict[Any, dict[str, Any]]:
        table = self._tables[res.name]
        return table.children(parent_id) if parent_id is not None else table.ordered()

    def _matching(self, res: Resource, parent_id: int | None, query: Mapping[str, str]) -> Iterator[dict[str, Any]]:
        tests = self._predicates(res, query)
        rows = self._source(res, parent_id).values()
        if not tests:
            return iter(rows)
        return (row for row in rows if all(test(row) for test in tests))

    def _is_plain(self, res: Resource, query: Mapping[str, str]) -> bool:
        """True when the page is a slice of the id order: no filter, no sort, no archive."""
        if res.order != "id" or any(name in res.filters for name in query):
            return False
        if res.name == "orders":
            return not self._archived_orders and "sort" not in query
        return True

    def _list(self, res: Resource, parent_id: int | None, query: Mapping[str, str]) -> StoreResponse:
        if res.paginated:
            page, limit = parse_paging(query)
        else:
            page, limit = 1, len(self._tables[res.name].rows) or 1
        offset = (page - 1) * limit
        if self._is_plain(res, query):
            if parent_id is None:
                rows = self._tables[res.name].page_of_all(offset, limit)
            else:
                rows = list(islice(self._source(res, parent_id).values(), offset, offset + limit))
        else:
            matched = list(self._matching(res, parent_id, query))
            self._sort(res, matched, query)
            rows = matched[offset:offset + limit]
        if not rows:
            return NO_CONTENT
        if res.name != "orders":  # order bodies depend on the query (include=)
            return StoreResponse(200, b"[" + b",".join(self._item_json(res, row) for row in rows) + b"]", {})
        rendered = [self._render(res, row) for row in rows]
        if res.name == "orders":
            for item in rendered:
                self._add_order_includes(item, query)
        return _ok(rendered)

    def _item_json(self, res: Resource, row: Mapping[str, Any]) -> bytes:
        """One list item, serialized; cached until the next write or a new base URL."""
        if self._item_cache_base != self.base_url:
            self._item_cache.clear()
            self._item_cache_base = self.base_url
        parent = row.get(res.parent_key) if res.parent_key else None
        key = (res.name, parent, row.get("id"))
        cached = self._item_cache.get(key)
        if cached is None:
            if len(self._item_cache) >= ITEM_CACHE_MAX:
                self._item_cache.clear()
            cached = self._item_cache[key] = _dumps(self._render(res, row))
        return cached

    def _sort(self, res: Resource, rows: list[dict[str, Any]], query: Mapping[str, str]) -> None:
        if res.order == "-published_date":
            rows.sort(key=lambda row: (row.get("published_date") or 0, row["id"]), reverse=True)
        elif res.order == "name":
            rows.sort(key=lambda row: str(row.get("name", "")).casefold())
        if res.name == "orders" and "sort" in query:
            name, _, direction = query["sort"].partition(":")
            if name not in catalog.ORDER_SORT_FIELDS or direction not in ("", "asc", "desc"):
                raise ApiError(400, "The filter 'sort' is invalid.",
                               {"invalid_reason": f"'{query['sort']}' is not a sortable field."})
            defaults = res.fields
            rows.sort(key=lambda row: (row.get(name, defaults.get(name)) is None,
                                       row.get(name, defaults.get(name)) or 0, row["id"]),
                      reverse=direction == "desc")

    def _count(self, res: Resource, parent_id: int | None, query: Mapping[str, str]) -> StoreResponse:
        if res.name == "orders":
            return _ok(self._order_count(query))
        if any(name in res.filters for name in query):
            count = sum(1 for _ in self._matching(res, parent_id, query))
        else:
            count = len(self._source(res, parent_id))
        return _ok({"count": count})

    def _order_count(self, query: Mapping[str, str]) -> dict[str, Any]:
        per_status: dict[int, int] = {}
        total = 0
        for row in self._matching(BY_NAME["orders"], None, query):
            status_id = row.get("status_id", 1)
            per_status[status_id] = per_status.get(status_id, 0) + 1
            total += 1
        statuses = []
        for status in sorted(self._tables["order_statuses"].rows.values(), key=lambda s: s.get("order", 0)):
            entry = {key: status.get(key) for key in
                     ("id", "name", "system_label", "custom_label", "system_description")}
            entry["count"] = per_status.get(status["id"], 0)
            entry["sort_order"] = status.get("order", 0)
            statuses.append(entry)
        return {"statuses": statuses, "count": total}

    # -- create, update, delete ---------------------------------------------------
    def _clean(self, res: Resource, body: object, *, creating: bool, validate: bool) -> dict[str, Any]:
        """The writable, coerced fields of a request body (ApiError 400 when invalid)."""
        if not isinstance(body, dict):
            if validate:
                raise ApiError(400, NOT_AN_OBJECT)
            body = {}
        if validate and creating:
            for name in res.required:
                if body.get(name) is None:
                    raise _required(name)
        link_fields = {link.field for link in res.links}
        fields: dict[str, Any] = {}
        for name, value in body.items():
            if name not in res.writable_extra:
                if name not in res.fields or name in link_fields:
                    continue
                if validate and (name == "id" or name in res.read_only or name in res.dates
                                 and name not in res.types):
                    continue
                if name == res.parent_key:
                    continue
            kind = res.types.get(name) or ("date" if name in res.dates else None)
            if kind is not None:
                try:
                    value = COERCE[kind](value)
                except (ValueError, TypeError, ArithmeticError) as exc:
                    if validate:
                        raise _invalid(name, f"The field '{name}' {REASONS[kind]}.") from exc
            allowed = res.enums.get(name)
            if validate and allowed is not None and value not in allowed:
                choices = ", ".join(str(choice) for choice in allowed)
                raise _invalid(name, f"The field '{name}' must be one of: {choices}.")
            fields[name] = value
        return fields

    def _create(self, res: Resource, parent_id: int | None, body: object, *, validate: bool) -> dict[str, Any]:
        if parent_id is None and res.parent is not None:
            raise KeyError(f"{res.name} needs a parent id")
        if parent_id is not None:
            self._require(res.parent, parent_id)  # type: ignore[arg-type]
        fields = self._clean(res, body, creating=True, validate=validate)
        now = self.now()
        if res.parent_key:
            fields[res.parent_key] = parent_id
        for name in (res.created, res.modified):
            if name and name not in fields:
                fields[name] = now
        prepare = PREPARE.get(res.name)
        if prepare is not None:
            prepare(self, fields, None)
        table = self._tables[res.name]
        if res.id_kind != "str" and (fields.get("id") is None or validate):
            fields["id"] = table.allocate_id()
        if res.id_kind == "str" and fields["id"] in {k[1] for k in table.children(parent_id)}:
            raise ApiError(409, "The video is already attached to this product.")
        table.add(fields)
        after = AFTER_CREATE.get(res.name)
        if after is not None:
            after(self, fields, body if isinstance(body, dict) else {})
        return fields

    def _update(self, res: Resource, row: dict[str, Any], body: object) -> dict[str, Any]:
        fields = self._clean(res, body, creating=False, validate=True)
        prepare = PREPARE.get(res.name)
        if prepare is not None:
            prepare(self, fields, row)
        old_key = self._tables[res.name].key_of(row)
        row.update(fields)
        if res.modified:
            row[res.modified] = self.now()
        table = self._tables[res.name]
        if table.key_of(row) != old_key:  # a video's id follows its url
            table.remove(old_key)
            table.add(row)
        after = AFTER_UPDATE.get(res.name)
        if after is not None:
            after(self, row, fields)
        return row

    def _delete_row(self, res: Resource, row: dict[str, Any]) -> None:
        check = BEFORE_DELETE.get(res.name)
        if check is not None:
            check(self, row)
        if res.name == "orders":
            self._archive(row)
            return
        self._drop(res, row)

    def _drop(self, res: Resource, row: dict[str, Any]) -> None:
        """Remove a row and, recursively, everything under it."""
        table = self._tables[res.name]
        table.remove(table.key_of(row))
        for child_name in CHILDREN[res.name]:
            child_table = self._tables[child_name]
            for child in list(child_table.by_parent.get(row["id"], {}).values()):
                self._drop(child_table.resource, child)

    def _delete_all(self, res: Resource, parent_id: int | None, query: Mapping[str, str]) -> StoreResponse:
        rows = list(self._matching(res, parent_id, query))
        if res.name == "categories" and rows and self._products_with_categories():
            raise ApiError(409, "The categories cannot be deleted while products belong to them.",
                           {"conflict_reason": "Delete or re-categorise the products first."})
        for row in rows:
            if res.name == "currencies" and row.get("is_default"):
                continue  # DELETE /currencies keeps the default one (S21)
            if res.name == "orders":
                self._archive(row)
            else:
                self._drop(res, row)
        return NO_CONTENT

    # -- orders archive -----------------------------------------------------------
    def _archive(self, row: dict[str, Any]) -> None:
        row["is_deleted"] = True
        row["date_modified"] = self.now()
        self._archived_orders.add(row["id"])

    def _track_archive(self, row: Mapping[str, Any]) -> None:
        if row.get("is_deleted"):
            self._archived_orders.add(row["id"])
        else:
            self._archived_orders.discard(row["id"])

    def _products_with_categories(self) -> bool:
        return any(row.get("categories") for row in self._tables["products"].rows.values())

    def _add_order_includes(self, out: dict[str, Any], query: Mapping[str, str]) -> None:
        wanted = {part.strip() for part in query.get("include", "").split(",") if part.strip()}
        row = self._tables["orders"].rows[out["id"]]
        if "fees" in wanted:
            out["fees"] = list(row.get("fees", []))
        if wanted & {"consignments", "consignments.line_items"}:
            out["consignments"] = self._consignments(row, "consignments.line_items" in wanted)

    # -- special endpoints --------------------------------------------------------
    def _special_store_info(self, method: str, params: Mapping[str, str], query: Any, body: Any) -> StoreResponse:
        return _ok(self.store_info())

    def _special_time(self, method: str, params: Mapping[str, str], query: Any, body: Any) -> StoreResponse:
        return _ok({"time": self.now()})

    def _special_blog_tags(self, method: str, params: Mapping[str, str], query: Mapping[str, str],
                           body: Any) -> StoreResponse:
        page, limit = parse_paging(query)
        tags: dict[str, list[int]] = {}
        for post in self._tables["blog_posts"].ordered().values():
            for tag in post.get("tags", ()):
                tags.setdefault(tag, []).append(post["id"])
        items = [{"tag": tag, "post_ids": ids} for tag, ids in tags.items()]
        chunk = items[(page - 1) * limit: page * limit]
        return _ok(chunk) if chunk else NO_CONTENT

    def _special_validate_password(self, method: str, params: Mapping[str, str], query: Any,
                                   body: Any) -> StoreResponse:
        customer = self._require("customers", self._int_param(params["pid"]))
        if not isinstance(body, dict):
            raise ApiError(400, NOT_AN_OBJECT)
        password = body.get("password")
        if not isinstance(password, str):
            raise _required("password") if password is None else _invalid("password", "must be a string")
        stored = customer.get("_password")
        return _ok({"success": stored is not None and stored == password})

    def _special_shipping_quotes(self, method: str, params: Mapping[str, str], query: Any,
                                 body: Any) -> StoreResponse:
        order_id = self._int_param(params["pid"])
        self._require("orders", order_id)
        self._get_row(BY_NAME["order_shipping_addresses"], order_id, self._int_param(params["id"]))
        return NO_CONTENT  # orders made by API or control panel have no quote

    def _special_consignments(self, method: str, params: Mapping[str, str], query: Mapping[str, str],
                              body: Any) -> StoreResponse:
        order = self._require("orders", self._int_param(params["pid"]))
        with_items = "consignments.line_items" in query.get("include", "")
        return _ok(self._consignments(order, with_items))

    def _special_consignment_quotes(self, method: str, params: Mapping[str, str], query: Any,
                                    body: Any) -> StoreResponse:
        return self._special_shipping_quotes(method, params, query, body)

    def _special_fees(self, method: str, params: Mapping[str, str], query: Any, body: Any) -> StoreResponse:
        order = self._require("orders", self._int_param(params["pid"]))
        return _ok({"fees": list(order.get("fees", []))})

    def _special_carrier_connection(self, method: str, params: Mapping[str, str], query: Any,
                                    body: Any) -> StoreResponse:
        if not isinstance(body, dict):
            raise ApiError(400, NOT_AN_OBJECT)
        carrier_id = body.get("carrier_id")
        if not isinstance(carrier_id, str) or not carrier_id:
            raise _required("carrier_id") if carrier_id is None else _invalid("carrier_id", "must be a string")
        if method == "DELETE":
            self._carrier_connections.pop(carrier_id, None)
        else:
            connection = body.get("connection", {})
            if not isinstance(connection, dict):
                raise _invalid("connection", "The field 'connection' must be an object.")
            self._carrier_connections[carrier_id] = dict(connection)
        return NO_CONTENT

    @staticmethod
    def _int_param(raw: str) -> int:
        if not raw.isdigit():
            raise ApiError(404, NOT_FOUND)
        return int(raw)

    def _consignments(self, order: Mapping[str, Any], with_items: bool) -> dict[str, Any]:
        """Consignment view of a legacy order: one shipping consignment per address."""
        addresses = self._tables["order_shipping_addresses"].children(order["id"])
        products = self._tables["order_products"].children(order["id"])
        shipping = []
        for address in addresses.values():
            lines = [p for p in products.values() if p.get("order_address_id") == address["id"]]
            entry = {key: address.get(key, "") for key in catalog.ADDRESS_FIELDS}
            entry["id"] = address["id"]
            entry["shipping_method"] = address.get("shipping_method", "None")
            if with_items:
                entry["line_items"] = [self._render(BY_NAME["order_products"], p) for p in lines]
            else:
                entry["line_items"] = [self.link(f"orders/{order['id']}/products/{p['id']}") for p in lines]
            entry["shipping_quotes"] = self.link(
                f"orders/{order['id']}/consignments/shipping/{address['id']}/shipping_quotes")
            shipping.append(entry)
        return {"pickups": [], "shipping": shipping, "downloads": [], "email": {"gift_certificates": []}}

    # -- orders -------------------------------------------------------------------
    def order_line(self, item: object, index: int) -> dict[str, Any]:
        """One order product row built from a POSTed line (catalog or custom product)."""
        where = f"products[{index}]"
        if not isinstance(item, dict):
            raise _invalid(where, f"The field '{where}' must be an object.")
        try:
            quantity = _to_int(item.get("quantity", 1))
        except ValueError as exc:
            raise _invalid(f"{where}.quantity", "The quantity must be a positive integer.") from exc
        if quantity < 1:
            raise _invalid(f"{where}.quantity", "The quantity must be a positive integer.")
        line: dict[str, Any] = {"quantity": quantity}
        product_id = item.get("product_id")
        if product_id:
            product = self._tables["products"].rows.get(product_id) if isinstance(product_id, int) else None
            if product is None:
                raise _invalid(f"{where}.product_id", f"The product {product_id!r} does not exist.")
            defaults = catalog.PRODUCT_FIELDS
            name = product.get("name", "")
            line.update(product_id=product_id, name=name, name_customer=name, name_merchant=name,
                        sku=product.get("sku", ""), type=product.get("type", "physical"),
                        weight=product.get("weight", defaults["weight"]),
                        option_set_id=product.get("option_set_id"),
                        upc=product.get("upc") or "")
            price = product.get("calculated_price", defaults["calculated_price"])
        else:
            for name in ("name", "price_inc_tax", "price_ex_tax"):
                if item.get(name) is None:
                    raise _required(f"{where}.{name}")
            line.update(name=_to_str(item["name"]), name_customer=_to_str(item["name"]),
                        name_merchant=_to_str(item["name"]), sku=str(item.get("sku", "")),
                        upc=str(item.get("upc", "")))
            price = item["price_ex_tax"]
        try:
            ex_tax = Decimal(money(item.get("price_ex_tax", price)))
            inc_tax = Decimal(money(item.get("price_inc_tax", ex_tax)))
        except ValueError as exc:
            raise _invalid(f"{where}.price_ex_tax", "The price must be a number.") from exc
        line.update(_line_money(ex_tax, inc_tax, quantity))
        if isinstance(item.get("product_options"), list):
            line["product_options"] = item["product_options"]
        return line

    def order_status(self, status_id: int) -> dict[str, Any]:
        status = self._tables["order_statuses"].rows.get(status_id)
        if status is None:
            raise _invalid("status_id", f"{status_id} is not an order status id.")
        return status

    def country_iso2(self, country_name: str) -> str:
        for country in self._tables["countries"].rows.values():
            if country.get("country", "").casefold() == country_name.casefold():
                return country.get("country_iso2", "")
        return ""


def _line_money(ex_tax: Decimal, inc_tax: Decimal, quantity: int) -> dict[str, Any]:
    tax = inc_tax - ex_tax
    return {
        "base_price": str(ex_tax.quantize(CENT)), "price_ex_tax": str(ex_tax.quantize(CENT)),
        "price_inc_tax": str(inc_tax.quantize(CENT)), "price_tax": str(tax.quantize(CENT)),
        "base_total": str((ex_tax * quantity).quantize(CENT)),
        "total_ex_tax": str((ex_tax * quantity).quantize(CENT)),
        "total_inc_tax": str((inc_tax * quantity).quantize(CENT)),
        "total_tax": str((tax * quantity).quantize(CENT)),
    }


def _address(value: Mapping[str, Any], store: Store) -> dict[str, Any]:
    address = {key: str(value.get(key, "") or "") for key in catalog.ADDRESS_FIELDS}
    if not address["country_iso2"] and address["country"]:
        address["country_iso2"] = store.country_iso2(address["country"])
    return address


# ------------------------------------------------------------------ per-resource behaviour
# PREPARE[name](store, fields, existing_row_or_None) runs before a row is stored or merged;
# AFTER_CREATE / AFTER_UPDATE / BEFORE_DELETE run around the change;
# RENDER_EXTRAS[name](store, row, out) adds computed fields to a body.


def _prepare_product(store: Store, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    categories = fields.get("categories")
    if categories is not None and len(categories) > MAX_PRODUCT_CATEGORIES:
        raise ApiError(403, "A product cannot belong to more than 1,000 categories.")
    set_id = fields.get("option_set_id")
    if set_id is not None and set_id not in store.table("option_sets").rows:
        raise _invalid("option_set_id", f"The option set {set_id} does not exist.")
    if row is None and not fields.get("custom_url") and fields.get("name"):
        fields["custom_url"] = f"/{slug(fields['name'])}/"
    merged = {**(row or {}), **fields}
    price = merged.get("price", catalog.ZERO)
    sale = merged.get("sale_price", catalog.ZERO)
    fields["calculated_price"] = sale if _as_number(sale) > 0 else price


def _sync_product_options(store: Store, product: dict[str, Any], changed: Mapping[str, Any]) -> None:
    """Products expose their option set's options read-only: rebuild them when it changes."""
    if "option_set_id" not in changed:
        return
    table = store.table("product_options")
    for key in list(table.children(product["id"])):
        table.remove(key)
    set_id = product.get("option_set_id")
    if set_id is None:
        return
    for option in store.table("option_set_options").children(set_id).values():
        store.add_row("product_options", {
            "product_id": product["id"], "option_id": option.get("option_id", 0),
            "display_name": option.get("display_name", ""), "sort_order": option.get("sort_order", 0),
            "is_required": option.get("is_required", False),
        })


def _render_product(store: Store, row: Mapping[str, Any], out: dict[str, Any]) -> None:
    images = store.table("product_images").by_parent.get(row["id"])
    if not images:
        return
    chosen = next((image for image in images.values() if image.get("is_thumbnail")), None)
    chosen = chosen or next(iter(images.values()))
    urls = _image_urls(store, chosen)
    out["primary_image"] = {"id": chosen["id"], **urls}


def _image_urls(store: Store, image: Mapping[str, Any]) -> dict[str, str]:
    stem, dot, ext = image.get("image_file", "").rpartition(".")
    stem, ext = (stem, ext) if dot else (image.get("image_file", ""), "jpg")
    stem = stem.rsplit("/", 1)[-1] or "image"
    base = (f"https://cdn11.bigcommerce.com/s-{store.store_hash}/products/"
            f"{image.get('product_id')}/images/{image['id']}/{stem}")
    stamp = image.get("date_created") or 0
    return {
        "zoom_url": f"{base}.{stamp}.1280.1280.{ext}?c=2",
        "thumbnail_url": f"{base}.{stamp}.386.513.{ext}?c=2",
        "standard_url": f"{base}.{stamp}.220.290.{ext}?c=2",
        "tiny_url": f"{base}.{stamp}.44.58.{ext}?c=2",
    }


def _render_image(store: Store, row: Mapping[str, Any], out: dict[str, Any]) -> None:
    out.update(_image_urls(store, row))


def _prepare_image(store: Store, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    if row is not None:
        product_id = row["product_id"]
    else:
        product_id = fields["product_id"]
        siblings = store.table("product_images").children(product_id)
        fields.setdefault("sort_order", len(siblings))
        if not siblings:
            fields.setdefault("is_thumbnail", True)
    if fields.get("is_thumbnail"):
        for other in store.table("product_images").children(product_id).values():
            other["is_thumbnail"] = False


def _render_sku(store: Store, row: Mapping[str, Any], out: dict[str, Any]) -> None:
    product = store.table("products").rows.get(row.get("product_id"), {})
    if out.get("price") is None:
        out["adjusted_price"] = product.get("calculated_price", catalog.ZERO)
    else:
        out["adjusted_price"] = out["price"]
    weight = out.get("weight")
    out["adjusted_weight"] = weight if weight is not None else product.get("weight", catalog.ZERO)


YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")


def youtube_id(url: str) -> str:
    """The video id of a YouTube watch, short or embed URL; ValueError otherwise."""
    parsed = urlparse(url.strip())
    host = parsed.netloc.lower().split(":")[0]
    candidate = ""
    if host.endswith("youtu.be"):
        candidate = parsed.path.strip("/").split("/")[0]
    elif host.endswith("youtube.com") or host.endswith("youtube-nocookie.com"):
        if parsed.path == "/watch":
            candidate = parse_qs(parsed.query).get("v", [""])[0]
        elif parsed.path.startswith(("/embed/", "/v/", "/shorts/")):
            candidate = parsed.path.split("/")[2]
    if not YOUTUBE_ID.match(candidate):
        raise ValueError(url)
    return candidate


def _prepare_video(store: Store, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    url = fields.pop("url", None)
    if url is None:
        return
    try:
        fields["id"] = youtube_id(str(url))
    except ValueError as exc:
        raise _invalid("url", "The field 'url' must be a YouTube video URL.") from exc
    if row is None:
        fields.setdefault("name", f"YouTube video {fields['id']}")
        fields.setdefault("sort_order", len(store.table("product_videos").children(fields["product_id"])))


def _prepare_option_value(store: Store, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    if fields.get("is_default"):
        option_id = row["option_id"] if row is not None else fields["option_id"]
        for other in store.table("option_values").children(option_id).values():
            other["is_default"] = False


def _prepare_option_set_option(store: Store, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    if row is not None:
        fields.pop("option_id", None)  # read-only on update (D16)
        return
    if fields.get("option_id") not in store.table("options").rows:
        raise _invalid("option_id", f"The option {fields.get('option_id')!r} does not exist.")
    if not fields.get("display_name"):
        option = store.table("options").rows[fields["option_id"]]
        fields["display_name"] = option.get("display_name") or option.get("name", "")


def _render_option_set_option(store: Store, row: Mapping[str, Any], out: dict[str, Any]) -> None:
    values = store.table("option_values").children(row.get("option_id", 0)).values()
    out["values"] = [
        {"label": value.get("label", ""), "sort_order": value.get("sort_order", 0),
         "value": value.get("value", ""), "option_value_id": value["id"]}
        for value in values
    ]


def _prepare_category(store: Store, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    parent_id = fields.get("parent_id")
    if parent_id:
        if parent_id not in store.table("categories").rows or (row is not None and parent_id == row["id"]):
            raise _invalid("parent_id", f"The category {parent_id} cannot be the parent.")
    if row is None and not fields.get("url") and fields.get("name"):
        fields["url"] = f"/{slug(fields['name'])}/"


def _render_category(store: Store, row: Mapping[str, Any], out: dict[str, Any]) -> None:
    chain = [row["id"]]
    rows = store.table("categories").rows
    parent_id = row.get("parent_id", 0)
    while parent_id and parent_id in rows and parent_id not in chain and len(chain) < 8:
        chain.insert(0, parent_id)
        parent_id = rows[parent_id].get("parent_id", 0)
    out["parent_category_list"] = chain


def _check_category_delete(store: Store, row: Mapping[str, Any]) -> None:
    for product in store.table("products").rows.values():
        if product.get("categories") == [row["id"]]:
            raise ApiError(409, "The category cannot be deleted: a product would be left without a category.",
                           {"conflict_reason": f"Product {product['id']} belongs only to this category."})


def _prepare_customer(store: Store, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    auth = fields.pop("_authentication", None)
    if not isinstance(auth, dict):
        return
    password = auth.get("password")
    if password is not None:
        if not isinstance(password, str) or not password:
            raise _invalid("_authentication.password", "The password must be a non-empty string.")
        confirmation = auth.get("password_confirmation")
        if confirmation is not None and confirmation != password:
            raise _invalid("_authentication.password_confirmation", "The passwords do not match.")
        fields["_password"] = password
    if "force_reset" in auth:
        fields["reset_pass_on_login"] = bool(auth["force_reset"])


def _prepare_address(store: Store, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    if fields.get("country") and not fields.get("country_iso2"):
        fields["country_iso2"] = store.country_iso2(fields["country"])


def _prepare_order(store: Store, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    if "status_id" in fields:
        status = store.order_status(fields["status_id"])
        fields["status"] = status.get("name", "")
        fields["custom_status"] = status.get("custom_label", "")
    if "billing_address" in fields:
        merged = {**((row or {}).get("billing_address") or {}), **fields["billing_address"]}
        address = _address(merged, store)
        address["form_fields"] = list(merged.get("form_fields", []))
        fields["billing_address"] = address
    if "is_deleted" in fields and row is not None:
        fields["is_deleted"] = bool(fields["is_deleted"])
    lines = fields.pop("products", None)
    addresses = fields.pop("shipping_addresses", None)
    if row is None:
        built = [store.order_line(item, i) for i, item in enumerate(lines or [])]
        if not built and lines is not None and isinstance(lines, list):
            raise _invalid("products", "An order needs at least one product.")
        fields["_new_lines"] = built
        fields["_new_addresses"] = addresses if isinstance(addresses, list) else None
    elif isinstance(lines, list):
        fields["_line_changes"] = lines


def _after_create_order(store: Store, order: dict[str, Any], body: Mapping[str, Any]) -> None:
    lines = order.pop("_new_lines", [])
    given = order.pop("_new_addresses", None)
    sources = given if given else [order.get("billing_address") or {}]
    address_ids = []
    for source in sources:
        address = _address(source if isinstance(source, dict) else {}, store)
        address["shipping_method"] = str((source or {}).get("shipping_method", "None"))
        address["order_id"] = order["id"]
        address_ids.append(store.add_row("order_shipping_addresses", address)["id"])
    for line in lines:
        line["order_id"] = order["id"]
        line["order_address_id"] = address_ids[0]
        store.add_row("order_products", line)
    order["shipping_address_count"] = len(address_ids)
    _recompute_order(store, order, body)
    store._track_archive(order)


def _after_update_order(store: Store, order: dict[str, Any], changed: Mapping[str, Any]) -> None:
    changes = order.pop("_line_changes", None)
    store._track_archive(order)
    if changes is None:
        return
    table = store.table("order_products")
    current = table.children(order["id"])
    address_ids = list(store.table("order_shipping_addresses").children(order["id"]))
    for index, item in enumerate(changes):
        line_id = item.get("id") if isinstance(item, dict) else None
        if line_id is None:
            line = store.order_line(item, index)
            line["order_id"] = order["id"]
            line["order_address_id"] = address_ids[0] if address_ids else 0
            store.add_row("order_products", line)
            continue
        existing = current.get(line_id)
        if existing is None:
            raise _invalid(f"products[{index}].id", f"The order product {line_id!r} does not exist.")
        quantity = _to_int(item.get("quantity", existing.get("quantity", 1)))
        if quantity == 0:
            table.remove(line_id)
            continue
        ex_tax = Decimal(money(item.get("price_ex_tax", existing.get("price_ex_tax", catalog.ZERO))))
        inc_tax = Decimal(money(item.get("price_inc_tax", existing.get("price_inc_tax", ex_tax))))
        existing["quantity"] = quantity
        existing.update(_line_money(ex_tax, inc_tax, quantity))
    _recompute_order(store, order, {})


def _recompute_order(store: Store, order: dict[str, Any], given: Mapping[str, Any]) -> None:
    """Totals from the order's lines; shipping, handling, wrapping and discount as given."""
    lines = list(store.table("order_products").children(order["id"]).values())
    subtotal_ex = sum((Decimal(line.get("total_ex_tax", "0")) for line in lines), Decimal(0))
    subtotal_inc = sum((Decimal(line.get("total_inc_tax", "0")) for line in lines), Decimal(0))

    def amount(name: str, fallback: Decimal = Decimal(0)) -> Decimal:
        value = given.get(name, order.get(name))
        return Decimal(money(value)) if value is not None else fallback

    if "subtotal_ex_tax" in given and "subtotal_inc_tax" in given:
        subtotal_ex, subtotal_inc = amount("subtotal_ex_tax"), amount("subtotal_inc_tax")
    shipping_ex = amount("shipping_cost_ex_tax", amount("base_shipping_cost"))
    shipping_inc = amount("shipping_cost_inc_tax", shipping_ex)
    handling_ex, handling_inc = amount("handling_cost_ex_tax"), amount("handling_cost_inc_tax")
    wrapping_ex, wrapping_inc = amount("wrapping_cost_ex_tax"), amount("wrapping_cost_inc_tax")
    discount = amount("discount_amount")
    total_ex = subtotal_ex + shipping_ex + handling_ex + wrapping_ex - discount
    total_inc = subtotal_inc + shipping_inc + handling_inc + wrapping_inc - discount
    if "total_ex_tax" in given and "total_inc_tax" in given:
        total_ex, total_inc = amount("total_ex_tax"), amount("total_inc_tax")
    values = {
        "subtotal_ex_tax": subtotal_ex, "subtotal_inc_tax": subtotal_inc,
        "subtotal_tax": subtotal_inc - subtotal_ex, "base_shipping_cost": amount("base_shipping_cost", shipping_ex),
        "shipping_cost_ex_tax": shipping_ex, "shipping_cost_inc_tax": shipping_inc,
        "shipping_cost_tax": shipping_inc - shipping_ex, "handling_cost_ex_tax": handling_ex,
        "handling_cost_inc_tax": handling_inc, "handling_cost_tax": handling_inc - handling_ex,
        "wrapping_cost_ex_tax": wrapping_ex, "wrapping_cost_inc_tax": wrapping_inc,
        "wrapping_cost_tax": wrapping_inc - wrapping_ex, "discount_amount": discount,
        "total_ex_tax": total_ex, "total_inc_tax": total_inc, "total_tax": total_inc - total_ex,
    }
    for name, value in values.items():
        order[name] = str(value.quantize(CENT))
    order["items_total"] = sum(int(line.get("quantity", 0)) for line in lines)
    order["order_is_digital"] = bool(lines) and all(line.get("type") == "digital" for line in lines)
    addresses = store.table("order_shipping_addresses").children(order["id"])
    for address_id, address in addresses.items():
        address["items_total"] = sum(int(line.get("quantity", 0)) for line in lines
                                     if line.get("order_address_id") == address_id)


def _prepare_shipment(store: Store, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    order_id = row["order_id"] if row is not None else fields["order_id"]
    order = store.table("orders").rows[order_id]
    if "order_address_id" in fields:
        addresses = store.table("order_shipping_addresses").children(order_id)
        address = addresses.get(fields["order_address_id"])
        if address is None:
            raise _invalid("order_address_id", f"The address {fields['order_address_id']} is not on this order.")
        shipping = {key: address.get(key, "") for key in catalog.ADDRESS_FIELDS}
        fields["shipping_address"] = shipping
    if "items" in fields:
        lines = store.table("order_products").children(order_id)
        items = []
        for index, item in enumerate(fields["items"]):
            if not isinstance(item, dict) or item.get("order_product_id") not in lines:
                raise _invalid(f"items[{index}].order_product_id", "The item is not a product of this order.")
            line = lines[item["order_product_id"]]
            items.append({"order_product_id": line["id"], "product_id": line.get("product_id", 0),
                          "quantity": _to_int(item.get("quantity", line.get("quantity", 1)))})
        fields["items"] = items
    if row is None:
        fields["customer_id"] = order.get("customer_id", 0)
        billing = dict(order.get("billing_address") or {})
        billing.pop("form_fields", None)
        fields["billing_address"] = billing


def _prepare_blog_post(store: Store, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    if row is None:
        fields.setdefault("published_date", store.now())
        if not fields.get("url") and fields.get("title"):
            fields["url"] = f"/blog/{slug(fields['title'])}/"
    if "body" in fields:
        text = re.sub(r"<[^>]+>", " ", str(fields["body"]))
        text = re.sub(r"\s+", " ", text).strip()
        fields["summary"] = text if len(text) <= 100 else text[:100].rsplit(" ", 1)[0] + " [...]"
    if "url" in fields:
        fields["preview_url"] = fields["url"]


def _render_blog_post(store: Store, row: Mapping[str, Any], out: dict[str, Any]) -> None:
    stamp = row.get("published_date")
    if stamp is None:
        return
    moment = time.gmtime(stamp)
    out["published_date"] = {
        "date": time.strftime("%Y-%m-%d %H:%M:%S.000000", moment),
        "timezone_type": 1,
        "timezone": "+00:00",
    }
    out["published_date_iso8601"] = time.strftime("%Y-%m-%dT%H:%M:%S+0000", moment)


def _prepare_page(store: Store, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    if row is None and not fields.get("url") and fields.get("name"):
        fields["url"] = f"/{slug(fields['name'])}/"


def _render_redirect(store: Store, row: Mapping[str, Any], out: dict[str, Any]) -> None:
    forward = row.get("forward") or {}
    kind, ref = forward.get("type"), forward.get("ref")
    target = ""
    try:
        ref_id = _to_int(ref)
    except ValueError:
        ref_id = None
    if kind == "manual":
        target = str(ref or "")
    elif kind == "product" and ref_id in store.table("products").rows:
        target = store.table("products").rows[ref_id].get("custom_url", "")
    elif kind == "category" and ref_id in store.table("categories").rows:
        target = store.table("categories").rows[ref_id].get("url", "")
    elif kind == "page" and ref_id in store.table("pages").rows:
        target = store.table("pages").rows[ref_id].get("url", "")
    elif kind == "brand" and ref_id in store.table("brands").rows:
        target = f"/brands/{slug(store.table('brands').rows[ref_id].get('name', ''))}/"
    if target.startswith("/"):
        target = f"https://store-{store.store_hash}.mybigcommerce.com{target}"
    out["url"] = target


def _prepare_currency(store: Store, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    if fields.get("is_default"):
        for other in store.table("currencies").rows.values():
            other["is_default"] = False
    elif row is not None and row.get("is_default") and fields.get("is_default") is False:
        fields.pop("is_default")  # the default can only be replaced, not unset (S21)


def _check_currency_delete(store: Store, row: Mapping[str, Any]) -> None:
    if row.get("is_default"):
        raise ApiError(400, "The default currency cannot be deleted.")


def _prepare_gift_certificate(store: Store, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    if row is None:
        if not fields.get("code"):
            serial = store.table("gift_certificates").next_id
            digits = f"{(serial * 7919 + 104729) % 10**12:012d}"
            fields["code"] = "-".join(digits[i:i + 3] for i in range(0, 12, 3))
        fields.setdefault("balance", fields.get("amount", catalog.ZERO))


def _prepare_banner(store: Store, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    if row is None and fields.get("date_created") in (None, "0"):
        fields["date_created"] = str(store.now())


def _prepare_hook(store: Store, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    now = store.now()
    fields["updated_at"] = now
    if row is None:
        fields.setdefault("created_at", now)
        fields["store_hash"] = store.store_hash
        fields["client_id"] = SANDBOX_CLIENT_ID
    if "headers" in fields and fields["headers"] is None:
        fields["headers"] = {}


def _prepare_zone(store: Store, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    locations = fields.get("locations")
    if not isinstance(locations, list):
        return
    used = [loc.get("id", 0) for zone in store.table("shipping_zones").rows.values()
            for loc in zone.get("locations", []) if isinstance(loc, dict)]
    next_id = max([0] + [i for i in used if isinstance(i, int)]) + 1
    cleaned = []
    for location in locations:
        if not isinstance(location, dict):
            raise _invalid("locations", "Each location must be an object.")
        location = dict(location)
        if not isinstance(location.get("id"), int):
            location["id"] = next_id
            next_id += 1
        cleaned.append(location)
    fields["locations"] = cleaned


PREPARE: dict[str, Callable[[Store, dict[str, Any], dict[str, Any] | None], None]] = {
    "products": _prepare_product,
    "product_images": _prepare_image,
    "product_videos": _prepare_video,
    "option_values": _prepare_option_value,
    "option_set_options": _prepare_option_set_option,
    "categories": _prepare_category,
    "customers": _prepare_customer,
    "customer_addresses": _prepare_address,
    "orders": _prepare_order,
    "order_shipments": _prepare_shipment,
    "order_shipping_addresses": _prepare_address,
    "blog_posts": _prepare_blog_post,
    "pages": _prepare_page,
    "currencies": _prepare_currency,
    "gift_certificates": _prepare_gift_certificate,
    "banners": _prepare_banner,
    "hooks": _prepare_hook,
    "shipping_zones": _prepare_zone,
}

AFTER_CREATE: dict[str, Callable[[Store, dict[str, Any], Mapping[str, Any]], None]] = {
    "products": lambda store, row, body: _sync_product_options(store, row, row),
    "orders": _after_create_order,
}

AFTER_UPDATE: dict[str, Callable[[Store, dict[str, Any], Mapping[str, Any]], None]] = {
    "products": _sync_product_options,
    "orders": _after_update_order,
}

BEFORE_DELETE: dict[str, Callable[[Store, Mapping[str, Any]], None]] = {
    "categories": _check_category_delete,
    "currencies": _check_currency_delete,
}

RENDER_EXTRAS: dict[str, Callable[[Store, Mapping[str, Any], dict[str, Any]], None]] = {
    "products": _render_product,
    "product_images": _render_image,
    "product_skus": _render_sku,
    "option_set_options": _render_option_set_option,
    "categories": _render_category,
    "blog_posts": _render_blog_post,
    "redirects": _render_redirect,
}

