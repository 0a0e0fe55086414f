"""Store-wide settings and reference data: the store profile, time, currencies, tax classes, payments."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .base import (
    ApiResource,
    CollectionDeleteableApiResource,
    CreateableApiResource,
    DeleteableApiResource,
    GettableApiResource,
    ListableApiResource,
    UpdateableApiResource,
)

if TYPE_CHECKING:
    from ..connection import Connection


class _Single(ApiResource):
    """A path that answers one object, not a list."""

    @classmethod
    def all(cls, connection: Connection | None = None) -> Any:
        """``GET /{resource}``: the one object (kept under the old client's name)."""
        conn = cls._require(connection)
        return cls._wrap(conn.request("GET", cls._path()), conn)

    @classmethod
    def get(cls, connection: Connection | None = None) -> Any:  # type: ignore[override]
        """``GET /{resource}``: the one object."""
        return cls.all(connection=connection)


class Store(_Single):
    """GET /store: the store profile (``secure_url`` feeds the customer-login URL)."""
    resource_name = "store"


class Time(_Single):
    """GET /time: ``{"time": <unix seconds>}``, BigCommerce's clock."""
    resource_name = "time"


class Currencies(
    GettableApiResource, ListableApiResource, CreateableApiResource, UpdateableApiResource,
    DeleteableApiResource, CollectionDeleteableApiResource,
):
    """GET /currencies. delete_all removes every currency but the default."""
    resource_name = "currencies"


class TaxClasses(ListableApiResource, GettableApiResource):
    """GET /tax_classes: read-only."""
    resource_name = "tax_classes"


class PaymentMethods(ListableApiResource):
    """GET /payments/methods: the enabled methods, by name."""
    resource_name = "payments/methods"
