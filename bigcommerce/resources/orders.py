"""Orders and everything hanging off one: products, shipments, addresses, quotes, taxes."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from .. import urls
from .base import (
    ApiSubResource,
    CollectionDeleteableApiResource,
    CollectionDeleteableApiSubResource,
    CountableApiResource,
    CountableApiSubResource,
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
    _count_of,
    subresource,
)

if TYPE_CHECKING:
    from ..connection import Connection


class _OrderChild(ListableApiSubResource, GettableApiSubResource):
    parent_resource = "orders"
    parent_key = "order_id"


class OrderProducts(_OrderChild, CountableApiSubResource):
    """GET /orders/{order_id}/products; store-wide count at /orders/products/count."""
    resource_name = "products"
    count_resource = "orders/products"


class OrderShipments(
    _OrderChild, CreateableApiSubResource, UpdateableApiSubResource, DeleteableApiSubResource,
    CollectionDeleteableApiSubResource, CountableApiSubResource,
):
    """GET /orders/{order_id}/shipments. Create needs order_address_id and items; ``shipment["items"]`` is the data."""
    resource_name = "shipments"
    count_resource = "orders/shipments"


class OrderShippingAddresses(_OrderChild, UpdateableApiSubResource, CountableApiSubResource):
    """GET /orders/{order_id}/shipping_addresses; PUT does not recalculate shipping or tax."""
    resource_name = "shipping_addresses"


class OrderCoupons(_OrderChild):
    """GET /orders/{order_id}/coupons: read-only."""
    resource_name = "coupons"


class OrderMessages(_OrderChild):
    """GET /orders/{order_id}/messages: read-only; filters is_flagged, status, customer_id, dates."""
    resource_name = "messages"


class OrderTaxes(_OrderChild):
    """GET /orders/{order_id}/taxes: read-only; ``details=True`` adds line-item detail."""
    resource_name = "taxes"


class OrderShippingQuotes(ApiSubResource):
    """GET /orders/{order_id}/shipping_addresses/{address_id}/shipping_quotes.

    Orders created in the control panel or through the API have no quote: None.
    """
    resource_name = "shipping_quotes"
    parent_resource = "orders"
    parent_key = "order_id"

    @classmethod
    def get(  # type: ignore[override]
        cls, order_id: urls.ResourceId, shipping_address_id: urls.ResourceId,
        connection: Connection | None = None, **params: Any,
    ) -> Any:
        conn = cls._require(connection)
        path = urls.join("orders", order_id, "shipping_addresses", shipping_address_id, "shipping_quotes")
        return cls._wrap(conn.request("GET", path, params=params), conn, _parent_id=order_id)


class OrderConsignments(ApiSubResource):
    """GET /orders/{order_id}/consignments (``include=`` line_items, shipping quotes)."""
    resource_name = "consignments"
    parent_resource = "orders"
    parent_key = "order_id"

    @classmethod
    def get(cls, order_id: urls.ResourceId, connection: Connection | None = None, **params: Any) -> Any:  # type: ignore[override]
        conn = cls._require(connection)
        return cls._wrap(conn.request("GET", cls._path(order_id), params=params), conn, _parent_id=order_id)


class OrderFees(ApiSubResource):
    """GET /orders/{order_id}/fees."""
    resource_name = "fees"
    parent_resource = "orders"
    parent_key = "order_id"

    @classmethod
    def get(cls, order_id: urls.ResourceId, connection: Connection | None = None, **params: Any) -> Any:  # type: ignore[override]
        conn = cls._require(connection)
        return cls._wrap(conn.request("GET", cls._path(order_id), params=params), conn, _parent_id=order_id)


class Orders(
    GettableApiResource, ListableApiResource, CreateableApiResource, UpdateableApiResource,
    DeleteableApiResource, CollectionDeleteableApiResource, CountableApiResource,
):
    """GET /orders. DELETE archives rather than erases. Create needs products and billing_address."""
    resource_name = "orders"

    products = subresource(OrderProducts)
    shipments = subresource(OrderShipments)
    shipping_addresses = subresource(OrderShippingAddresses)
    coupons = subresource(OrderCoupons)
    messages = subresource(OrderMessages)
    taxes = subresource(OrderTaxes)

    @classmethod
    def count_by_status(cls, connection: Connection | None = None, **filters: Any) -> dict[str, Any]:
        """``GET /orders/count``: ``{"count": N, "statuses": [...]}`` with per-status counts."""
        conn = cls._require(connection)
        body = conn.request("GET", cls._path() + "/count", params=filters)
        _count_of(body)
        return cast(dict[str, Any], body)

    def shipping_quotes(self, shipping_address_id: urls.ResourceId, **params: Any) -> Any | None:
        """This order's quote for one shipping address (None when it has none)."""
        return OrderShippingQuotes.get(self._id(), shipping_address_id, connection=self._connection, **params)

    def consignments(self, **params: Any) -> Any:
        return OrderConsignments.get(self._id(), connection=self._connection, **params)

    def fees(self, **params: Any) -> Any:
        return OrderFees.get(self._id(), connection=self._connection, **params)


class OrderStatuses(ListableApiResource, GettableApiResource):
    """GET /order_statuses: the fixed list, not paginated."""
    resource_name = "order_statuses"
    paginated = False
