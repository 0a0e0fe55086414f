"""``api.v3``: the v3 classes with the connection filled in, over the store's one session and quota."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..api import ApiResourceWrapper
from ..connection import OAuthConnection
from .base import V3Resource
from .connection import V3Connection
from .declared import DeclaredV3Classes

if TYPE_CHECKING:
    from ..api import BigcommerceApi

__all__ = ["V3Api"]


class V3Api(DeclaredV3Classes):
    """``api.v3.Products`` is ``bigcommerce.v3.Products`` with ``api.v3.connection`` filled in."""

    def __init__(self, api: BigcommerceApi) -> None:
        if not isinstance(api.connection, OAuthConnection):
            raise TypeError(
                "the v3 API needs OAuth credentials: BigcommerceApi(client_id=..., store_hash=..., "
                "access_token=...); basic auth reaches v2 only"
            )
        self.connection = V3Connection(api.connection)
        self._wrappers: dict[str, ApiResourceWrapper] = {}

    if not TYPE_CHECKING:  # type checkers see the declared classes above, so a typo is an error

        def __getattr__(self, name: str) -> ApiResourceWrapper:
            if name.startswith("_"):
                raise AttributeError(name)
            wrappers = self.__dict__.setdefault("_wrappers", {})
            if name not in wrappers:
                wrappers[name] = ApiResourceWrapper(v3_class(name), self)
            return wrappers[name]

    def __dir__(self) -> list[str]:
        return sorted(set(super().__dir__()) | set(v3_class_names()))

    def __repr__(self) -> str:
        return f"<V3Api {self.connection!r}>"


def v3_class(name: str) -> type[V3Resource]:
    """The class of ``bigcommerce.v3`` called ``name``, or AttributeError."""
    from .. import v3

    cls = getattr(v3, name, None) if not name.startswith("_") else None
    if not (isinstance(cls, type) and issubclass(cls, V3Resource) and cls.path):
        raise AttributeError(f"api.v3 has no class named {name!r}")
    return cls


def v3_class_names() -> list[str]:
    from .. import v3

    return [name for name in v3.__all__ if isinstance(getattr(v3, name), type)
            and issubclass(getattr(v3, name), V3Resource) and getattr(v3, name).path]
