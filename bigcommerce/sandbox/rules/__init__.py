"""Per-resource write rules: what the store does when a row is created, updated or deleted.

Tables keyed by resource name, one interpreter (``v2.writes``):

* ``PREPARE[name](state, fields, existing_row_or_None)`` runs on the cleaned fields of a
  body before they are stored or merged: derived fields, cross-row checks (ApiError).
* ``AFTER_CREATE`` / ``AFTER_UPDATE`` run once the row is stored (rows it implies).
* ``BEFORE_DELETE`` may refuse a delete.

Fields carry v2 names and stored values. One module per family, as in ``catalog``.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Callable, Optional

from bigcommerce.sandbox.rules.content import prepare_blog_post, prepare_page
from bigcommerce.sandbox.rules.customers import prepare_address, prepare_customer
from bigcommerce.sandbox.rules.marketing import prepare_banner, prepare_gift_certificate
from bigcommerce.sandbox.rules.orders import after_create_order, after_update_order, prepare_order, prepare_shipment
from bigcommerce.sandbox.rules.products import (
    check_category_delete,
    prepare_category,
    prepare_image,
    prepare_option_set_option,
    prepare_option_value,
    prepare_product,
    prepare_video,
    sync_product_options,
)
from bigcommerce.sandbox.rules.settings import check_currency_delete, prepare_currency, prepare_hook
from bigcommerce.sandbox.rules.shipping import prepare_zone
from bigcommerce.sandbox.state import State

Prepare = Callable[[State, dict[str, Any], Optional[dict[str, Any]]], None]
After = Callable[[State, dict[str, Any], Mapping[str, Any]], None]
BeforeDelete = Callable[[State, Mapping[str, Any]], None]

PREPARE: dict[str, Prepare] = {
    "products": prepare_product,
    "product_images": prepare_image,
    "product_videos": prepare_video,
    "option_values": prepare_option_value,
    "option_set_options": prepare_option_set_option,
    "categories": prepare_category,
    "customers": prepare_customer,
    "customer_addresses": prepare_address,
    "orders": prepare_order,
    "order_shipments": prepare_shipment,
    "order_shipping_addresses": prepare_address,
    "blog_posts": prepare_blog_post,
    "pages": prepare_page,
    "currencies": prepare_currency,
    "gift_certificates": prepare_gift_certificate,
    "banners": prepare_banner,
    "hooks": prepare_hook,
    "shipping_zones": prepare_zone,
}

AFTER_CREATE: dict[str, After] = {
    "products": lambda state, row, body: sync_product_options(state, row, row),
    "orders": after_create_order,
}

AFTER_UPDATE: dict[str, After] = {
    "products": sync_product_options,
    "orders": after_update_order,
}

BEFORE_DELETE: dict[str, BeforeDelete] = {
    "categories": check_category_delete,
    "currencies": check_currency_delete,
}

__all__ = ["AFTER_CREATE", "AFTER_UPDATE", "BEFORE_DELETE", "PREPARE", "After", "BeforeDelete", "Prepare"]
