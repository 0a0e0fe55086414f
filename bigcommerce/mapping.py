"""Mapping: the dict every API object is, with its keys readable as attributes."""
from __future__ import annotations

import json
from typing import Any

try:  # the optional "fast" extra: pip install 'bigcommerce[fast]'
    import orjson
except ImportError:  # pragma: no cover - exercised by patching in the tests
    orjson = None  # type: ignore[assignment]

# orjson reads an integer beyond 64 bits as a float, silently losing digits;
# a body with a run of 19 digits anywhere (-2**63 - 1 has 19) goes to the
# standard library instead.
# translate() maps every digit to "0" and everything else to "x" (~0.3 ms/MB).
_DIGITS_AS_ZERO = bytes(0x30 if 0x30 <= byte <= 0x39 else 0x78 for byte in range(256))
_LONG_DIGIT_RUN = b"0" * 19


class Mapping(dict[Any, Any]):
    """A dict that keeps every key the API sent and lets ``obj.name`` read ``obj["name"]``.

    Attribute lookup tries the class first, so where a key shares its name with a
    method (``items``, ``count``, ``options``) the attribute is the method and
    ``obj["items"]`` is the data. Nothing is dropped. Private state (a
    resource's connection) lives in ``__dict__``, never among the keys, so it
    stays out of ``str``, ``repr``, ``==`` and JSON.

    Nested objects become Mappings when first read, not when decoded: a
    250-product page holds ~3,000 objects and most are never looked at, so
    converting them all up front cost a third more than parsing the JSON.
    Every way of reading a value (``[]``, attributes, ``get``, ``values``,
    ``items``, ``pop``, ``setdefault``) hands out the converted object and
    keeps it in place, so edits to it stick. Two threads reading the same
    nested object for the first time at once may each get their own copy, so
    edit shared objects from one thread, as with any dict.
    """

    def __getitem__(self, key: Any) -> Any:
        value = dict.__getitem__(self, key)
        kind = type(value)
        if kind is dict:
            value = Mapping(value)
            dict.__setitem__(self, key, value)
        elif kind is list:
            _adopt_items(value)
        return value

    def get(self, key: Any, default: Any = None) -> Any:
        return self[key] if key in self else default

    def setdefault(self, key: Any, default: Any = None) -> Any:
        if key in self:
            return self[key]
        return dict.setdefault(self, key, default)

    def pop(self, key: Any, *default: Any) -> Any:
        return _adopt(dict.pop(self, key, *default))

    def popitem(self) -> tuple[Any, Any]:
        key, value = dict.popitem(self)
        return key, _adopt(value)

    def values(self) -> Any:
        self._adopt_all()
        return dict.values(self)

    def items(self) -> Any:
        self._adopt_all()
        return dict.items(self)

    def _adopt_all(self) -> None:
        for key in [k for k, v in dict.items(self) if type(v) is dict or type(v) is list]:
            self[key]

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(
                f"{type(self).__name__!s} object has no attribute or key {name!r}"
            ) from None

    def __setattr__(self, name: str, value: Any) -> None:
        if name.startswith("_"):
            object.__setattr__(self, name, value)
        else:
            self[name] = value

    def __delattr__(self, name: str) -> None:
        if name.startswith("_"):
            object.__delattr__(self, name)
            return
        try:
            del self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __dir__(self) -> list[str]:
        keys = [key for key in self if isinstance(key, str) and key.isidentifier()]
        return sorted(set(super().__dir__()) | set(keys))

    def __str__(self) -> str:
        """The data as plain dicts and lists, without private (underscored) fields."""
        return str(_plain(self))

    def __repr__(self) -> str:
        return f"<{type(self).__name__} at {hex(id(self))}, {self}>"

    # A dict subclass with __dict__ pickles its instance attributes too; a
    # connection must never travel with the data.
    def __reduce__(self) -> Any:
        return (type(self), (dict(self),))

    def __copy__(self) -> Mapping:
        return type(self)(self)


def _adopt(value: Any) -> Any:
    """A decoded value as the client hands it out: plain dicts become Mappings."""
    kind = type(value)
    if kind is dict:
        return Mapping(value)
    if kind is list:
        _adopt_items(value)
    return value


def _adopt_items(values: list[Any]) -> None:
    """Convert, in place, the plain dicts of a list (and of lists inside it)."""
    for index, value in enumerate(values):
        kind = type(value)
        if kind is dict:
            values[index] = Mapping(value)
        elif kind is list:
            _adopt_items(value)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if not (isinstance(k, str) and k.startswith("_"))}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def decode_json(text: str | bytes) -> Any:
    """Parse a response body once; the top-level objects are Mappings, nested ones become so when read."""
    return _adopt(parse_json(text))


def parse_json(text: str | bytes) -> Any:
    """Plain JSON values, exactly as ``json.loads`` gives them; faster with orjson installed.

    orjson parses a 250-product page in ~5 ms against ~11 ms. Whatever it
    refuses (NaN, a BOM, UTF-16, lone surrogates) the standard library reads,
    or rejects with its own error.
    """
    if orjson is not None and isinstance(text, bytes) and _LONG_DIGIT_RUN not in text.translate(_DIGITS_AS_ZERO):
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:
            pass
    return json.loads(text)
