"""Customers, their addresses and groups (v2 customers are deprecated in favour of v3)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .. import urls
from .base import (
    ApiSubResource,
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
    subresource,
    sunset,
)

if TYPE_CHECKING:
    from ..connection import Connection


class CustomerAddresses(
    GettableApiSubResource, ListableApiSubResource, CreateableApiSubResource,
    UpdateableApiSubResource, DeleteableApiSubResource, CollectionDeleteableApiSubResource,
    CountableApiSubResource,
):
    """GET /customers/{customer_id}/addresses; count per customer. ``state`` must not be null."""
    resource_name = "addresses"
    parent_resource = "customers"
    parent_key = "customer_id"


class CustomerPasswords(ApiSubResource):
    """POST /customers/{customer_id}/validate: check a password without signing in."""
    resource_name = "validate"
    parent_resource = "customers"
    parent_key = "customer_id"

    @classmethod
    def validate(cls, customer_id: urls.ResourceId, password: str, connection: Connection | None = None) -> bool:
        """True when ``password`` is the customer's (the API answers ``true`` or ``"true"``)."""
        if not isinstance(password, str):
            raise TypeError("password must be a string")
        conn = cls._require(connection)
        body = conn.request("POST", cls._path(customer_id), json={"password": password})
        success = body.get("success") if isinstance(body, dict) else None
        return success is True or success == "true"


class Customers(
    GettableApiResource, ListableApiResource, CreateableApiResource, UpdateableApiResource,
    DeleteableApiResource, CountableApiResource,
):
    """GET /customers; filters first_name, last_name, email, customer_group_id, dates.

    Create needs first_name, last_name and email; set a password with
    ``_authentication={"password": ...}``.
    """
    resource_name = "customers"
    addresses = subresource(CustomerAddresses)

    delete_all = sunset("DELETE /customers", "delete customers one by one, or use v3 DELETE /v3/customers?id:in=...")

    def validate_password(self, password: str) -> bool:
        """POST /customers/{id}/validate for this customer."""
        return CustomerPasswords.validate(self._id(), password, connection=self._connection)


class CustomerGroups(
    GettableApiResource, ListableApiResource, CreateableApiResource, UpdateableApiResource,
    DeleteableApiResource, CountableApiResource,
):
    """GET /customer_groups. PUT replaces the whole set of discount rules."""
    resource_name = "customer_groups"

    delete_all = sunset("DELETE /customer_groups", "delete customer groups one by one")
