"""Shipping zones and their methods, the legacy method list, and carrier connections."""
from __future__ import annotations

from typing import Any

from .base import (
    ApiResource,
    CreateableApiResource,
    CreateableApiSubResource,
    DeleteableApiResource,
    DeleteableApiSubResource,
    GettableApiResource,
    GettableApiSubResource,
    ListableApiResource,
    ListableApiSubResource,
    UpdateableApiResource,
    UpdateableApiSubResource,
    subresource,
)


class ShippingMethods(ListableApiResource, GettableApiResource):
    """GET /shipping/methods: the 2016 list; current stores use ShippingZoneMethods."""
    resource_name = "shipping/methods"


class ShippingZoneMethods(
    ListableApiSubResource, GettableApiSubResource, CreateableApiSubResource,
    UpdateableApiSubResource, DeleteableApiSubResource,
):
    """GET /shipping/zones/{zone_id}/methods."""
    resource_name = "methods"
    parent_resource = "shipping/zones"
    parent_key = "zone_id"


class ShippingZones(
    ListableApiResource, GettableApiResource, CreateableApiResource, UpdateableApiResource,
    DeleteableApiResource,
):
    """GET /shipping/zones. Create and update need a name."""
    resource_name = "shipping/zones"
    methods = subresource(ShippingZoneMethods)


class ShippingCarrierConnection(ApiResource):
    """POST/PUT/DELETE /shipping/carrier/connection: connect a carrier account; every answer is 204."""
    resource_name = "shipping/carrier/connection"

    @classmethod
    def create(cls, connection: Any = None, **fields: Any) -> None:
        """Connect a carrier: ``carrier_id`` and its ``connection`` settings."""
        cls._require(connection).request("POST", cls._path(), json=fields)

    @classmethod
    def update(cls, connection: Any = None, **fields: Any) -> None:  # type: ignore[override]
        """Change a carrier's connection settings."""
        cls._require(connection).request("PUT", cls._path(), json=fields)

    @classmethod
    def delete(cls, connection: Any = None, **fields: Any) -> None:
        """Disconnect a carrier: the body names ``carrier_id``."""
        cls._require(connection).request("DELETE", cls._path(), json=fields)
