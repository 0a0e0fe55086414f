"""Mapping: the dict every API object is, with its keys readable as attributes."""
from __future__ import annotations

import json
from typing import Any


class Mapping(dict):
    """A dict that keeps every key the API sent and lets ``obj.name`` read ``obj["name"]``.

    Attribute lookup tries the class first, so where a key shares its name with a
    method (``items``, ``count``, ``options``) the attribute is the method and
    ``obj["items"]`` is the data. Nothing is dropped. Private state (a
    resource's connection) lives in ``__dict__``, never among the keys, so it
    stays out of ``str``, ``repr``, ``==`` and JSON.
    """

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


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if not (isinstance(k, str) and k.startswith("_"))}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def decode_json(text: str) -> Any:
    """Parse a response body once, building Mapping objects for every JSON object."""
    return json.loads(text, object_pairs_hook=Mapping)
