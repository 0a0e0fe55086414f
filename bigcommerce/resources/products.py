"""Products and their subresources (v2 catalog, deprecated by BigCommerce in favour of v3)."""
from __future__ import annotations

from .base import (
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


class _ProductChild(ListableApiSubResource):
    parent_resource = "products"
    parent_key = "product_id"


class _FullProductChild(
    _ProductChild, GettableApiSubResource, CreateableApiSubResource, UpdateableApiSubResource,
    DeleteableApiSubResource, CollectionDeleteableApiSubResource, CountableApiSubResource,
):
    """A product subresource with every operation: list, get, create, update, delete, delete all, count."""


class ProductImages(_FullProductChild):
    """GET /products/{product_id}/images; count store-wide at /products/images/count."""
    resource_name = "images"
    count_resource = "products/images"


class ProductSkus(_FullProductChild):
    """GET /products/{product_id}/skus; filters sku, min_id, max_id, inventory ranges."""
    resource_name = "skus"
    count_resource = "products/skus"


class ProductRules(_FullProductChild):
    """GET /products/{product_id}/rules."""
    resource_name = "rules"
    count_resource = "products/rules"


class ProductVideos(_FullProductChild):
    """GET /products/{product_id}/videos. Ids are YouTube ids (strings); create takes a ``url``."""
    resource_name = "videos"
    count_resource = "products/videos"


class ProductCustomFields(_FullProductChild):
    """GET /products/{product_id}/custom_fields."""
    resource_name = "custom_fields"
    count_resource = "products/custom_fields"


class ProductDiscountRules(_FullProductChild):
    """GET /products/{product_id}/discount_rules (bulk pricing)."""
    resource_name = "discount_rules"
    count_resource = "products/discount_rules"


class ProductConfigurableFields(
    _ProductChild, GettableApiSubResource, DeleteableApiSubResource,
    CollectionDeleteableApiSubResource, CountableApiSubResource,
):
    """GET /products/{product_id}/configurable_fields: no create or update in v2."""
    resource_name = "configurable_fields"
    count_resource = "products/configurable_fields"


class ProductReviews(
    _ProductChild, GettableApiSubResource, CreateableApiSubResource, UpdateableApiSubResource,
    DeleteableApiSubResource, CollectionDeleteableApiSubResource,
):
    """GET /products/{product_id}/reviews: no count endpoint is documented."""
    resource_name = "reviews"


class ProductOptions(_ProductChild, GettableApiSubResource):
    """GET /products/{product_id}/options: the option set applied to the product, read-only."""
    resource_name = "options"


class GoogleProductSearchMappings(_ProductChild):
    """GET /products/{product_id}/googleproductsearch: list only."""
    resource_name = "googleproductsearch"


class Products(
    GettableApiResource, ListableApiResource, CreateableApiResource, UpdateableApiResource,
    DeleteableApiResource, CountableApiResource,
):
    """GET /products. POST needs name, type, price, categories, availability, weight."""
    resource_name = "products"

    images = subresource(ProductImages)
    skus = subresource(ProductSkus)
    rules = subresource(ProductRules)
    videos = subresource(ProductVideos)
    custom_fields = subresource(ProductCustomFields)
    discount_rules = subresource(ProductDiscountRules)
    configurable_fields = subresource(ProductConfigurableFields)
    reviews = subresource(ProductReviews)
    options = subresource(ProductOptions)
    google_mappings = subresource(GoogleProductSearchMappings)

    delete_all = sunset(
        "DELETE /products",
        "delete products one by one, or use v3 DELETE /v3/catalog/products?id:in=...",
    )
