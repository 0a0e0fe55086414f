"""Cart line items and cart bodies: what a line names in the catalog, its prices, the cart's sums.

A line item names a v2 product row and optionally one of its SKU rows (the v3 variant). Its
``original_price`` is the catalog's: the variant's own price, else the product's ``price``;
its ``list_price`` the price override the request sent, else the variant's own price or the
product's ``calculated_price`` (its sale price when it has one). The sandbox applies no
promotions or taxes, so ``sale_price`` is the list price and ``discount_amount`` is 0:
``extended_*`` = price x quantity, ``base_amount`` = the sum of the lines' extended list prices,
``cart_amount`` = the sum of their extended sale prices minus the cart-level discount
(carts.v3.yml ``Cart_Full``). Amounts are computed in decimals, rounded to cents.
"""
from __future__ import annotations

from collections.abc import Collection, Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.codecs import number
from bigcommerce.sandbox.v3.errors import V3Error, invalid
from bigcommerce.sandbox.v3.render import option_values
from bigcommerce.sandbox.values import iso8601

Row = dict[str, Any]
CENT = Decimal("0.01")
OPTIONS_INCLUDE = {"physical": "line_items.physical_items.options", "digital": "line_items.digital_items.options"}
# The 409 of every write that carries a stale ``version`` (carts.v3.yml ``CartConflictErrorResponse``).
CONFLICT_TITLE = "The request cannot be processed due to a possible conflict. Please review the changes and try again."


def money(value: Decimal) -> int | float | None:
    return number(str(value.quantize(CENT, ROUND_HALF_UP)))


def decimal(value: Any) -> Decimal:
    try:
        return Decimal(str(value if value not in (None, "") else "0"))
    except InvalidOperation:
        return Decimal(0)


def check_version(cart: Mapping[str, Any], body: object) -> None:
    """409 when the body names a ``version`` other than the cart's (optimistic concurrency, §3.21)."""
    if not isinstance(body, dict) or body.get("version") is None:
        return
    if body["version"] != cart.get("version", 1):
        raise V3Error(409, CONFLICT_TITLE, {"version": f"The cart is at version {cart.get('version', 1)}, "
                                                       f"not {body['version']}."})


# ------------------------------------------------------------------ line items named in a request

def _positive_int(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or int(value) != value or value < 1:
        return None
    return int(value)


def line_fields(state: State, item: object, where: str) -> Row:
    """The stored fields of one requested line item; 422 naming what is missing or unknown."""
    if not isinstance(item, dict):
        raise invalid({where: "A line item must be an object."}, "The line item is not valid.")
    errors: dict[str, str] = {}
    product = state.tables["products"].rows.get(item.get("product_id")) if isinstance(
        item.get("product_id"), int) else None
    if item.get("product_id") is None:
        errors[f"{where}.product_id"] = "product_id is required."
    elif product is None:
        errors[f"{where}.product_id"] = f"Product {item.get('product_id')!r} does not exist."
    quantity = _positive_int(item.get("quantity"))
    if quantity is None:
        errors[f"{where}.quantity"] = "quantity is required and must be a whole number of at least 1."
    variant_id = item.get("variant_id")
    if product is not None and variant_id is not None:
        sku = state.tables["product_skus"].rows.get(variant_id) if isinstance(variant_id, int) else None
        if sku is None or sku.get("product_id") != product["id"]:
            errors[f"{where}.variant_id"] = f"Variant {variant_id!r} of product {product['id']} does not exist."
    elif product is not None and not item.get("option_selections") and _has_variants(state, product["id"]):
        errors[f"{where}.variant_id"] = "variant_id is required: the product has variants."
    list_price = item.get("list_price")
    if list_price is not None and (isinstance(list_price, bool) or not isinstance(list_price, (int, float))
                                   or list_price < 0):
        errors[f"{where}.list_price"] = "list_price must be a number of at least 0."
    if errors:
        raise invalid(errors, "The line item is not valid.")
    selections = item.get("option_selections") or []
    return {"product_id": item["product_id"], "variant_id": variant_id, "quantity": quantity,
            "list_price": None if list_price is None else str(list_price), "name": str(item.get("name") or ""),
            "option_selections": list(selections) if isinstance(selections, list) else []}


def _has_variants(state: State, product_id: int) -> bool:
    return any(sku.get("options") for sku in state.tables["product_skus"].children(product_id).values())


def same_line(row: Mapping[str, Any], fields: Mapping[str, Any]) -> bool:
    """A new line the cart already holds (same product, variant, options, price): its quantity grows."""
    return all(row.get(name) == fields[name] for name in ("product_id", "variant_id", "list_price",
                                                            "option_selections", "name"))


# ------------------------------------------------------------------ rendering

def _prices(state: State, line: Mapping[str, Any]) -> tuple[Decimal, Decimal]:
    """(original_price, list_price) of one line from the catalog and the override."""
    product = state.tables["products"].rows.get(line.get("product_id"), {})
    sku = state.tables["product_skus"].rows.get(line.get("variant_id"), {}) if line.get("variant_id") else {}
    own = sku.get("price")
    original = decimal(own if own is not None else product.get("price"))
    catalog = decimal(own) if own is not None else decimal(product.get("calculated_price") or product.get("price"))
    override = line.get("list_price")
    return original, (decimal(override) if override is not None else catalog)


def _options(state: State, line: Mapping[str, Any]) -> list[dict[str, Any]]:
    sku = state.tables["product_skus"].rows.get(line.get("variant_id"), {}) if line.get("variant_id") else {}
    if sku:
        return [{"name": value.get("option_display_name"), "nameId": value.get("option_id"),
                 "value": value.get("label"), "valueId": value.get("id")} for value in option_values(state, sku)]
    return [{"name": str(choice.get("name") or ""), "nameId": choice.get("option_id"),
             "value": str(choice.get("value") if choice.get("value") is not None else choice.get("option_value")),
             "valueId": choice.get("option_value")}
            for choice in line.get("option_selections") or [] if isinstance(choice, dict)]


def render_line(state: State, line: Mapping[str, Any], includes: Collection[str]) -> tuple[str, Row, Decimal,
                                                                                                   Decimal]:
    """(physical | digital, the ``ItemPhysicalGet`` body, extended list price, extended sale price)."""
    product = state.tables["products"].rows.get(line.get("product_id"), {})
    sku = state.tables["product_skus"].rows.get(line.get("variant_id"), {}) if line.get("variant_id") else {}
    kind = "digital" if product.get("type") == "digital" else "physical"
    quantity = int(line.get("quantity") or 1)
    original, list_price = _prices(state, line)
    extended = list_price * quantity
    url = str(product.get("custom_url") or f"/{product.get('id')}/")
    body: Row = {
        "id": line["uuid"], "parent_id": None, "variant_id": line.get("variant_id"),
        "product_id": line.get("product_id"), "sku": str(sku.get("sku") or product.get("sku") or ""),
        "name": line.get("name") or product.get("name", ""),
        "url": f"https://store-{state.store_hash}.mybigcommerce.com{url}", "quantity": quantity,
        "taxable": True, "image_url": "", "discounts": [], "coupons": [], "discount_amount": 0,
        "coupon_amount": 0, "original_price": money(original), "list_price": money(list_price),
        "sale_price": money(list_price), "extended_list_price": money(extended),
        "extended_sale_price": money(extended), "is_require_shipping": kind == "physical", "is_mutable": True,
        "added_by_promotion": False,
    }
    if kind == "physical":
        body["gift_wrapping"] = None
    if OPTIONS_INCLUDE[kind] in includes:
        body["options"] = _options(state, line)
    return kind, body, extended, extended


def lines_of(state: State, cart: Mapping[str, Any]) -> list[Row]:
    return list(state.tables["cart_items"].children(cart["id"]).values())


def render_cart(state: State, cart: Mapping[str, Any], includes: Collection[str] = ()) -> Row:
    """The ``Cart_Full`` body of a cart (carts.v3.yml), in the spec's field order."""
    items: dict[str, list[Row]] = {"physical": [], "digital": []}
    base = sale = Decimal(0)
    for line in lines_of(state, cart):
        kind, body, extended_list, extended_sale = render_line(state, line, includes)
        items[kind].append(body)
        base += extended_list
        sale += extended_sale
    discount = Decimal(0)
    return {
        "id": cart["uuid"], "customer_id": cart.get("customer_id", 0), "channel_id": cart.get("channel_id", 1),
        "email": cart.get("email", ""), "currency": {"code": cart.get("currency", "USD")}, "tax_included": False,
        "base_amount": money(base), "discount_amount": money(discount), "manual_discount_amount": 0,
        "cart_amount": money(sale - discount), "coupons": [], "discounts": [],
        "line_items": {"physical_items": items["physical"], "digital_items": items["digital"],
                       "gift_certificates": [], "custom_items": []},
        "created_time": iso8601(cart.get("date_created")), "updated_time": iso8601(cart.get("date_modified")),
        "locale": cart.get("locale", "en-US"), "version": cart.get("version", 1),
    }
