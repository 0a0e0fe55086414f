"""Coupons, banners and gift certificates."""
from __future__ import annotations

from .base import (
    CollectionDeleteableApiResource,
    CountableApiResource,
    CreateableApiResource,
    DeleteableApiResource,
    GettableApiResource,
    ListableApiResource,
    UpdateableApiResource,
)


class _Marketing(
    GettableApiResource, ListableApiResource, CreateableApiResource, UpdateableApiResource,
    DeleteableApiResource, CollectionDeleteableApiResource,
):
    """Get, list, create, update, delete one, delete all."""


class Coupons(_Marketing, CountableApiResource):
    """GET /coupons; filters code, name, type, min_id, max_id. DELETE /coupons removes one page per call."""
    resource_name = "coupons"


class Banners(_Marketing, CountableApiResource):
    """GET /banners."""
    resource_name = "banners"


class GiftCertificates(_Marketing):
    """GET /gift_certificates; creating one through the API sends no email."""
    resource_name = "gift_certificates"
