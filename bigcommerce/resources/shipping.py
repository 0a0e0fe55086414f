"""Shipping zones and their methods, the legacy method list, and carrier connections."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from ..connection import Connection


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

    # The body has a field named ``connection`` (the carrier's settings), so the
    # body is one dict argument rather than keyword arguments.

    @classmethod
    def create(cls, body: dict[str, Any], connection: Connection | None = None) -> None:
        """Connect a carrier: ``{"carrier_id": ..., "connection": {...settings}}``."""
        cls._require(connection).request("POST", cls._path(), json=_carrier_body(body))

    @classmethod
    def update(cls, body: dict[str, Any], connection: Connection | None = None) -> None:  # type: ignore[override]
        """Change a carrier's settings: ``{"carrier_id": ..., "connection": {...}}``."""
        cls._require(connection).request("PUT", cls._path(), json=_carrier_body(body))

    @classmethod
    def delete(cls, body: dict[str, Any], connection: Connection | None = None) -> None:
        """Disconnect a carrier: ``{"carrier_id": ...}``."""
        cls._require(connection).request("DELETE", cls._path(), json=_carrier_body(body))


def _carrier_body(body: object) -> dict[str, Any]:
    if not isinstance(body, dict) or "carrier_id" not in body:
        raise TypeError("the carrier connection body must be a dict with a carrier_id")
    return body
