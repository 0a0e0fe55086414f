"""All 52 resource classes against the sandbox: list or get, create/get/update/delete, subresources.

The class list comes from README.rst's table ("Every v2 resource and
subresource"), checked against ``bigcommerce.resources``; each class then runs
the operations the table gives it, over real HTTP.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import pytest

from bigcommerce import resources
from bigcommerce.api import BigcommerceApi
from bigcommerce.exception import ResourceNotFound, UnsupportedOperation
from bigcommerce.resources.base import (
    CollectionDeleteableApiResource,
    CollectionDeleteableApiSubResource,
    CountableApiSubResource,
    GettableApiSubResource,
)
from bigcommerce.sandbox import Sandbox
from bigcommerce.sandbox.catalog import BY_NAME
from bigcommerce.sandbox.seed import SEED_PASSWORD

README = Path(__file__).resolve().parents[2] / "README.rst"
OPERATIONS = ("all", "iterall", "get", "create", "update", "delete", "delete_all", "count",
              "count_by_status", "validate")


def readme_table() -> dict[str, tuple[str, tuple[str, ...]]]:
    """``{class: (path, operations)}`` from the README's table of every v2 resource."""
    text = README.read_text(encoding="utf-8")
    block = text[text.index("Every v2 resource and subresource:"):]
    rule = re.search(r"^(=+ +=+ +=+)$", block, re.M)
    assert rule is not None
    widths = [len(part) for part in rule.group(1).split(" ") if part]
    body = block[rule.end():].split("\n")[1:]
    table: dict[str, tuple[str, tuple[str, ...]]] = {}
    for line in body[2:]:  # the header row and the rule under it
        if line.startswith("="):
            break
        name = line[:widths[0]].strip()
        path = line[widths[0] + 1:widths[0] + 1 + widths[1]].strip()
        ops = line[widths[0] + widths[1] + 2:].strip()
        table[name] = (path, tuple(op.strip().replace(" (sunset)", "") for op in ops.split(",")))
    return table


TABLE = readme_table()
CLASSES = sorted(TABLE)


def rows(sandbox: Sandbox, table: str, **match: Any) -> list[dict[str, Any]]:
    defaults = BY_NAME[table].fields
    return [row for row in sandbox.store.dump()[table]
            if all(row.get(k, defaults.get(k)) == v for k, v in match.items())]


def parent_with_children(sandbox: Sandbox, table: str) -> Any:
    key = BY_NAME[table].parent_key
    return rows(sandbox, table)[0][key]


def first_id(sandbox: Sandbox, table: str) -> Any:
    return rows(sandbox, table)[0]["id"]


# -- what each class needs --------------------------------------------------------------------

Fields = Callable[[Sandbox, Any], dict[str, Any]]


@dataclass(frozen=True)
class Spec:
    """How to exercise one class: its sandbox table, its parent, what to create and change."""

    table: str | None = None
    parent: str | None = None  # the parent's table, for subresources
    create: Fields | None = None
    update: dict[str, Any] = field(default_factory=dict)
    archives: bool = False  # DELETE archives instead of erasing (orders)


def _order_shipment(sandbox: Sandbox, order_id: int) -> dict[str, Any]:
    address = rows(sandbox, "order_shipping_addresses", order_id=order_id)[0]
    line = rows(sandbox, "order_products", order_id=order_id)[0]
    return {"order_address_id": address["id"], "tracking_number": "1Z999",
            "items": [{"order_product_id": line["id"], "quantity": 1}]}


def _order(sandbox: Sandbox, _: Any) -> dict[str, Any]:
    return {"products": [{"product_id": 1, "quantity": 2}],
            "billing_address": {"first_name": "Ada", "last_name": "Lovelace", "street_1": "1 Main St",
                                "city": "Austin", "state": "Texas", "zip": "78701",
                                "country": "United States", "email": "ada@example.com"}}


SPECS: dict[str, Spec] = {
    "Banners": Spec("banners", create=lambda sb, _: {
        "name": "Spring", "content": "<p>Spring sale</p>", "page": "home_page", "location": "top",
        "date_type": "always"}, update={"name": "Autumn"}),
    "BlogPosts": Spec("blog_posts", create=lambda sb, _: {"title": "Hello", "body": "<p>First post</p>"},
                      update={"title": "Hello again"}),
    "BlogTags": Spec(),
    "Brands": Spec("brands", create=lambda sb, _: {"name": "Round Trip Brand"}, update={"name": "Renamed Brand"}),
    "Categories": Spec("categories", create=lambda sb, _: {"name": "Round Trip"}, update={"name": "Renamed"}),
    "Countries": Spec("countries"),
    "States": Spec("country_states"),
    "CountryStates": Spec("country_states", parent="countries"),
    "Coupons": Spec("coupons", create=lambda sb, _: {
        "name": "Ten off", "type": "per_total_discount", "amount": "10", "code": "TENOFF",
        "applies_to": {"entity": "categories", "ids": [0]}}, update={"name": "Eleven off"}),
    "Currencies": Spec("currencies", create=lambda sb, _: {
        "currency_code": "NZD", "currency_exchange_rate": "1.65", "token_location": "left", "token": "NZ$",
        "decimal_token": ".", "thousands_token": ",", "decimal_places": 2, "name": "New Zealand Dollar"},
        update={"name": "Kiwi Dollar"}),
    "CustomerGroups": Spec("customer_groups", create=lambda sb, _: {"name": "Trade"}, update={"name": "Trade+"}),
    "Customers": Spec("customers", create=lambda sb, _: {
        "first_name": "Grace", "last_name": "Hopper", "email": "grace@example.com"}, update={"last_name": "Murray"}),
    "CustomerAddresses": Spec("customer_addresses", parent="customers", create=lambda sb, _: {
        "first_name": "Grace", "last_name": "Hopper", "street_1": "1 Navy Way", "city": "Arlington",
        "state": "Virginia", "zip": "22202", "country": "United States", "phone": "555-0100"},
        update={"city": "Norfolk"}),
    "CustomerPasswords": Spec(parent="customers"),
    "GiftCertificates": Spec("gift_certificates", create=lambda sb, _: {
        "to_name": "Ann", "to_email": "ann@example.com", "from_name": "Bob", "from_email": "bob@example.com",
        "amount": "25"}, update={"to_name": "Anna"}),
    "Webhooks": Spec("hooks", create=lambda sb, _: {
        "scope": "store/order/*", "destination": "https://app.example.com/hooks"}, update={"is_active": True}),
    "OptionSets": Spec("option_sets", create=lambda sb, _: {"name": "Colours"}, update={"name": "Colors"}),
    "OptionSetOptions": Spec("option_set_options", parent="option_sets",
                             create=lambda sb, _: {"option_id": first_id(sb, "options")},
                             update={"display_name": "Pick one"}),
    "Options": Spec("options", create=lambda sb, _: {"name": "Colour", "type": "S"}, update={"display_name": "Colour"}),
    "OptionValues": Spec("option_values", parent="options", create=lambda sb, _: {"label": "Teal", "value": "teal"},
                         update={"label": "Dark Teal"}),
    "OrderStatuses": Spec("order_statuses"),
    "Orders": Spec("orders", create=_order, update={"staff_notes": "Call first"}, archives=True),
    "OrderConsignments": Spec(parent="orders"),
    "OrderCoupons": Spec("order_coupons", parent="orders"),
    "OrderFees": Spec(parent="orders"),
    "OrderMessages": Spec("order_messages", parent="orders"),
    "OrderProducts": Spec("order_products", parent="orders"),
    "OrderShipments": Spec("order_shipments", parent="orders", create=_order_shipment,
                           update={"tracking_number": "1Z000"}),
    "OrderShippingAddresses": Spec("order_shipping_addresses", parent="orders", update={"city": "Dallas"}),
    "OrderShippingQuotes": Spec(parent="orders"),
    "OrderTaxes": Spec("order_taxes", parent="orders"),
    "Pages": Spec("pages", create=lambda sb, _: {"name": "About us", "type": "page"}, update={"name": "About"}),
    "PaymentMethods": Spec("payment_methods"),
    "Products": Spec("products", create=lambda sb, _: {
        "name": "Round Trip Kettle", "type": "physical", "price": "49.99",
        "categories": [first_id(sb, "categories")], "availability": "available", "weight": 1.2},
        update={"name": "Renamed Kettle"}),
    "ProductConfigurableFields": Spec("product_configurable_fields", parent="products"),
    "ProductCustomFields": Spec("product_custom_fields", parent="products",
                                create=lambda sb, _: {"name": "Origin", "text": "Portugal"}, update={"text": "Spain"}),
    "ProductDiscountRules": Spec("product_discount_rules", parent="products",
                                 create=lambda sb, _: {"min": 2, "max": 4, "type": "percent", "type_value": 5},
                                 update={"type_value": 7}),
    "GoogleProductSearchMappings": Spec("product_google_mappings", parent="products"),
    "ProductImages": Spec("product_images", parent="products",
                          create=lambda sb, _: {"image_file": "https://cdn.example.com/new.jpg"},
                          update={"description": "Side view"}),
    "ProductOptions": Spec("product_options", parent="products"),
    "ProductReviews": Spec("product_reviews", parent="products", create=lambda sb, _: {
        "author": "Ann", "title": "Lovely", "review": "Works well.", "rating": 5}, update={"title": "Lovely!"}),
    "ProductRules": Spec("product_rules", parent="products", create=lambda sb, _: {
        "conditions": [{"product_option_id": 1, "option_value_id": 1, "sku_id": None}]},
        update={"is_enabled": False}),
    "ProductSkus": Spec("product_skus", parent="products", create=lambda sb, _: {
        "sku": "RT-SKU-1", "options": [{"product_option_id": 1, "option_value_id": 1}]},
        update={"sku": "RT-SKU-2"}),
    "ProductVideos": Spec("product_videos", parent="products",
                          create=lambda sb, _: {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ"},
                          update={"name": "Unboxing"}),
    "Redirects": Spec("redirects", create=lambda sb, _: {
        "path": "/old-kettle/", "forward": {"type": "manual", "ref": "/kettles/"}}, update={"path": "/older-kettle/"}),
    "ShippingCarrierConnection": Spec(),
    "ShippingMethods": Spec("shipping_methods"),
    "ShippingZones": Spec("shipping_zones", create=lambda sb, _: {"name": "Canada"}, update={"name": "Canada East"}),
    "ShippingZoneMethods": Spec("shipping_zone_methods", parent="shipping_zones",
                                create=lambda sb, _: {"name": "Courier", "type": "perorder", "settings": {"rate": 9}},
                                update={"name": "Express courier"}),
    "Store": Spec(),
    "TaxClasses": Spec("tax_classes"),
    "Time": Spec(),
}

LISTABLE = [name for name in CLASSES if "all" in TABLE[name][1] and name not in ("Store", "Time")]
ROUND_TRIP = [name for name in CLASSES if SPECS[name].create is not None]


@pytest.fixture(scope="module")
def stocked(shop: Sandbox) -> Sandbox:
    """The module's store, plus one of everything the generated catalog leaves empty."""
    insert = shop.store.insert
    insert("banners", {"name": "Summer", "content": "<p>Summer sale</p>"})
    insert("blog/posts", {"title": "Care guide", "body": "<p>Oil your boards.</p>", "tags": ["care", "wood"]})
    insert("pages", {"name": "Shipping", "type": "page"})
    insert("redirects", {"path": "/sale/", "forward": {"type": "manual", "ref": "/summer/"}})
    insert("gift_certificates", {"to_name": "Ann", "to_email": "ann@example.com", "from_name": "Bob",
                                 "from_email": "bob@example.com", "amount": "50.0000"})
    insert("hooks", {"scope": "store/product/*", "destination": "https://app.example.com/hook"})
    insert("products/1/rules", {"conditions": []})
    insert("orders/1/taxes", {"name": "Sales Tax", "rate": "8.2500"})
    return shop


@pytest.fixture
def store(stocked: Sandbox, sandbox: Sandbox) -> Sandbox:
    return sandbox


def call_args(spec: Spec, sandbox: Sandbox, parent_id: Any = None) -> tuple[Any, ...]:
    if spec.parent is None:
        return ()
    if parent_id is None:
        parent_id = parent_with_children(sandbox, spec.table) if spec.table else first_id(sandbox, spec.parent)
    return (parent_id,)


# -- the table is the truth ---------------------------------------------------------------------


def test_the_readme_table_lists_the_52_classes_the_package_exports(api: BigcommerceApi) -> None:
    exported = {
        name for name in resources.__all__
        if isinstance(getattr(resources, name), type)
        and issubclass(getattr(resources, name), resources.ApiResource)
        and getattr(resources, name).resource_name
    }

    assert len(TABLE) == 52
    assert set(TABLE) == exported == set(SPECS)
    assert set(TABLE) <= set(dir(api))


@pytest.mark.parametrize("name", CLASSES)
def test_each_class_has_the_readme_path(name: str) -> None:
    cls = getattr(resources, name)
    path, _ = TABLE[name]

    if getattr(cls, "parent_resource", ""):
        assert path.startswith(cls.parent_resource + "/{" + cls.parent_key + "}/")
        assert path.endswith("/" + cls.resource_name)
    else:
        assert path == cls.resource_name


def offers(api: BigcommerceApi, name: str, op: str) -> bool:
    """Whether ``api.<name>`` (class operations) or one of its objects (update, delete) has ``op``."""
    cls = getattr(resources, name)
    if op in ("update", "delete") and not isinstance(cls.__dict__.get(op), classmethod):
        obj = cls({"id": 1, cls.__dict__.get("parent_key", "") or "x": 1}, api.connection)
        return hasattr(obj, op)
    return hasattr(getattr(api, name), op)


@pytest.mark.parametrize("name", CLASSES)
def test_each_class_offers_exactly_the_readme_operations(api: BigcommerceApi, sandbox: Sandbox, name: str) -> None:
    _, documented = TABLE[name]

    offered = tuple(op for op in OPERATIONS if offers(api, name, op))

    assert sorted(offered) == sorted(documented)
    assert sandbox.stats.total == 0


# -- list, or the single GET ----------------------------------------------------------------------


def single(api: BigcommerceApi, store: Sandbox, name: str) -> tuple[Any, str, str, Any]:
    """For a class without a list: (its answer, method, path, the documented non-instance answer or cls)."""
    cls = getattr(resources, name)
    order_id, customer_id = first_id(store, "orders"), first_id(store, "customers")
    address = rows(store, "order_shipping_addresses", order_id=order_id)[0]["id"]
    if name == "Store":
        return api.Store.get(), "GET", "store", cls
    if name == "Time":
        return api.Time.get(), "GET", "time", cls
    if name == "OrderConsignments":
        return api.OrderConsignments.get(order_id), "GET", f"orders/{order_id}/consignments", cls
    if name == "OrderFees":
        return api.OrderFees.get(order_id), "GET", f"orders/{order_id}/fees", cls
    if name == "OrderShippingQuotes":  # API-made orders have no quote: 204, None
        path = f"orders/{order_id}/shipping_addresses/{address}/shipping_quotes"
        return api.OrderShippingQuotes.get(order_id, address), "GET", path, None
    if name == "CustomerPasswords":
        answer = api.CustomerPasswords.validate(customer_id, SEED_PASSWORD)
        return answer, "POST", f"customers/{customer_id}/validate", True
    if name == "ShippingCarrierConnection":  # every answer is 204
        answer = api.ShippingCarrierConnection.create({"carrier_id": "dhl"})
        api.ShippingCarrierConnection.delete({"carrier_id": "dhl"})
        return answer, "POST", "shipping/carrier/connection", None
    raise AssertionError(f"{name} is listable")


@pytest.mark.parametrize("name", CLASSES)
def test_the_list_or_the_single_get_answers_with_instances_of_the_class(
    api: BigcommerceApi, store: Sandbox, name: str
) -> None:
    spec, cls = SPECS[name], getattr(resources, name)
    if name not in LISTABLE:
        answer, method, path, expected = single(api, store, name)
        if expected is cls:
            assert type(answer) is cls and answer
        else:
            assert answer is expected
        assert store.stats.count(method, path) == 1
        return
    args = call_args(spec, store)

    listed = getattr(api, name).all(*args)

    assert listed, f"{name}: the sandbox should hold some"
    assert all(type(item) is cls for item in listed)
    if spec.table is not None:
        parent_key = BY_NAME[spec.table].parent_key if spec.parent else None
        stored = rows(store, spec.table, **({parent_key: args[0]} if parent_key else {}))
        if spec.table == "orders":
            stored = [row for row in stored if not row.get("is_deleted")]
        assert len(listed) == min(50, len(stored))


@pytest.mark.parametrize("name", [n for n in LISTABLE if "get" in TABLE[n][1]])
def test_get_by_id_returns_the_listed_object(api: BigcommerceApi, store: Sandbox, name: str) -> None:
    spec, cls = SPECS[name], getattr(resources, name)
    args = call_args(spec, store)
    listed = getattr(api, name).all(*args)

    one = getattr(api, name).get(*args, listed[0]["id"])

    assert type(one) is cls
    assert one["id"] == listed[0]["id"]
    assert dict(one) == dict(listed[0])


def test_blog_tags_list_each_tag_with_its_posts(api: BigcommerceApi, store: Sandbox) -> None:
    post = rows(store, "blog_posts")[0]

    tags = {tag["tag"]: tag["post_ids"] for tag in api.BlogTags.all()}

    assert tags["care"] == [post["id"]] and tags["wood"] == [post["id"]]
    assert all(type(tag) is resources.BlogTags for tag in api.BlogTags.iterall())


@pytest.mark.parametrize("name", ["Store", "Time"])
def test_a_single_object_resource_answers_all_and_get_with_one_instance(
    api: BigcommerceApi, store: Sandbox, name: str
) -> None:
    wrapper = getattr(api, name)

    first, second = wrapper.all(), wrapper.get()

    assert type(first) is getattr(resources, name) and type(second) is type(first)
    key = "secure_url" if name == "Store" else "time"
    assert first[key] and second[key]
    if name == "Store":
        assert first.secure_url == store.base_url and first["id"] == store.store_hash


def test_order_consignments_get_returns_the_orders_consignments(api: BigcommerceApi, store: Sandbox) -> None:
    order_id = first_id(store, "orders")
    addresses = rows(store, "order_shipping_addresses", order_id=order_id)

    consignments = api.OrderConsignments.get(order_id)

    assert type(consignments) is resources.OrderConsignments
    assert [entry["id"] for entry in consignments["shipping"]] == [a["id"] for a in addresses]
    assert api.Orders.get(order_id).consignments() == consignments


def test_order_fees_get_returns_the_orders_fees(api: BigcommerceApi, store: Sandbox) -> None:
    order_id = first_id(store, "orders")

    fees = api.OrderFees.get(order_id)

    assert type(fees) is resources.OrderFees and fees["fees"] == []
    assert api.Orders.get(order_id).fees() == fees


def test_an_api_made_order_has_no_shipping_quote(api: BigcommerceApi, store: Sandbox) -> None:
    address = rows(store, "order_shipping_addresses")[0]

    assert api.OrderShippingQuotes.get(address["order_id"], address["id"]) is None
    assert api.Orders.get(address["order_id"]).shipping_quotes(address["id"]) is None
    path = f"orders/{address['order_id']}/shipping_addresses/{address['id']}/shipping_quotes"
    assert store.stats.count("GET", path) == 2


def test_customer_passwords_validate_answers_true_only_for_the_password(
    api: BigcommerceApi, store: Sandbox
) -> None:
    customer_id = first_id(store, "customers")

    assert api.CustomerPasswords.validate(customer_id, SEED_PASSWORD) is True
    assert api.CustomerPasswords.validate(customer_id, "not-it") is False
    assert api.Customers.get(customer_id).validate_password(SEED_PASSWORD) is True
    assert store.stats.count("POST", f"customers/{customer_id}/validate") == 3


def test_shipping_carrier_connection_create_update_delete_answer_none(
    api: BigcommerceApi, store: Sandbox
) -> None:
    assert api.ShippingCarrierConnection.create({"carrier_id": "ups"}) is None
    assert store.store.dump()["carrier_connections"]["ups"] == {}

    assert api.ShippingCarrierConnection.update({"carrier_id": "ups"}) is None
    assert api.ShippingCarrierConnection.delete({"carrier_id": "ups"}) is None

    assert "ups" not in store.store.dump()["carrier_connections"]
    assert [store.stats.count(m, "shipping/carrier/connection") for m in ("POST", "PUT", "DELETE")] == [1, 1, 1]


def test_shipping_carrier_connection_create_sends_the_connection_settings(
    api: BigcommerceApi, store: Sandbox
) -> None:
    api.ShippingCarrierConnection.create({"carrier_id": "fedex", "connection": {"key": "a", "password": "b"}})

    assert store.store.dump()["carrier_connections"]["fedex"] == {"key": "a", "password": "b"}


# -- create, get, update, delete, then 404 ----------------------------------------------------------


@pytest.mark.parametrize("name", ROUND_TRIP)
def test_create_get_update_delete_then_get_raises_resource_not_found(
    api: BigcommerceApi, store: Sandbox, name: str
) -> None:
    spec, cls = SPECS[name], getattr(resources, name)
    wrapper = getattr(api, name)
    args = call_args(spec, store, first_id(store, spec.parent) if spec.parent else None)
    fields = spec.create(store, args[0] if args else None)

    created = wrapper.create(*args, **fields)
    assert type(created) is cls
    for key in ("name", "title", "sku", "label", "code", "path", "scope"):
        if key in fields:
            assert created[key] == fields[key]

    fetched = wrapper.get(*args, created["id"])
    assert type(fetched) is cls and dict(fetched) == dict(created)

    updated = fetched.update(**spec.update)
    assert type(updated) is cls and updated["id"] == created["id"]
    refetched = wrapper.get(*args, created["id"])
    for key, value in spec.update.items():
        assert updated[key] == value and refetched[key] == value

    assert refetched.delete() is None
    if spec.archives:
        assert wrapper.get(*args, created["id"])["is_deleted"] is True
        assert created["id"] not in [o.id for o in wrapper.iterall()]
        return
    with pytest.raises(ResourceNotFound):
        wrapper.get(*args, created["id"])


def test_an_order_shipping_address_can_be_updated_but_not_created_or_deleted(
    api: BigcommerceApi, store: Sandbox
) -> None:
    address = rows(store, "order_shipping_addresses")[-1]

    fetched = api.OrderShippingAddresses.get(address["order_id"], address["id"])
    updated = fetched.update(city="Dallas")

    assert updated.city == "Dallas"
    assert api.OrderShippingAddresses.get(address["order_id"], address["id"]).city == "Dallas"
    assert not hasattr(api.OrderShippingAddresses, "create") and not hasattr(fetched, "delete")


def test_a_configurable_field_can_be_fetched_and_deleted_but_not_created(
    api: BigcommerceApi, store: Sandbox
) -> None:
    stored = rows(store, "product_configurable_fields")[-1]

    fetched = api.ProductConfigurableFields.get(stored["product_id"], stored["id"])
    assert fetched.name == stored["name"]

    assert fetched.delete() is None
    with pytest.raises(ResourceNotFound):
        api.ProductConfigurableFields.get(stored["product_id"], stored["id"])
    assert not hasattr(api.ProductConfigurableFields, "create")


# -- subresources both ways -------------------------------------------------------------------------

HELPERS = [
    (parent_name, helper, declared.child.__name__)
    for parent_name in CLASSES
    for helper, declared in vars(getattr(resources, parent_name)).items()
    if isinstance(declared, resources.subresource)
]


def test_every_subresource_with_a_listing_parent_has_a_helper() -> None:
    children = {child for _, _, child in HELPERS}

    assert len(HELPERS) == 21
    assert children == {name for name in CLASSES if SPECS[name].parent and "all" in TABLE[name][1]}


@pytest.mark.parametrize(("parent_name", "helper", "child_name"), HELPERS)
def test_the_class_form_and_the_parents_helper_agree(
    api: BigcommerceApi, store: Sandbox, parent_name: str, helper: str, child_name: str
) -> None:
    child, spec = getattr(api, child_name), SPECS[child_name]
    child_cls = getattr(resources, child_name)
    parent_id = parent_with_children(store, spec.table)
    parent = getattr(api, parent_name).get(parent_id)
    bound = getattr(parent, helper)

    from_class = child.all(parent_id, limit=250)
    from_parent = bound(limit=250)

    assert from_class and from_parent == from_class
    assert all(type(item) is child_cls for item in from_parent)
    assert list(bound.iterall()) == list(child.iterall(parent_id)) == from_class
    assert list(bound.iterall(limit=1)) == from_class
    if issubclass(child_cls, GettableApiSubResource) and "id" in from_class[0]:
        assert bound(from_class[0]["id"]) == child.get(parent_id, from_class[0]["id"]) == from_class[0]
    if issubclass(child_cls, CountableApiSubResource) and child_cls.count_per_parent:
        assert bound.count() == child.count(parent_id) == len(from_class)


@pytest.mark.parametrize("how", ["all", "iterall", "concurrent iterall", "get", "helper", "helper iterall"])
def test_a_subresource_whose_body_hides_its_parent_still_updates_itself(
    api: BigcommerceApi, store: Sandbox, how: str
) -> None:
    zone_id = parent_with_children(store, "shipping_zone_methods")
    method_id = rows(store, "shipping_zone_methods", zone_id=zone_id)[0]["id"]
    zone = api.ShippingZones.get(zone_id)
    fetch = {
        "all": lambda: api.ShippingZoneMethods.all(zone_id)[0],
        "iterall": lambda: next(api.ShippingZoneMethods.iterall(zone_id)),
        "concurrent iterall": lambda: next(api.ShippingZoneMethods.iterall(zone_id, concurrency=2)),
        "get": lambda: api.ShippingZoneMethods.get(zone_id, method_id),
        "helper": lambda: zone.methods()[0],
        "helper iterall": lambda: next(zone.methods.iterall()),
    }[how]
    method = fetch()
    assert "zone_id" not in method  # the API does not send it back

    updated = method.update(name=f"Renamed via {how}")

    assert updated.id == method_id and updated.name == f"Renamed via {how}"
    assert store.stats.count("PUT", f"shipping/zones/{zone_id}/methods/{method_id}") == 1


SUB_DELETE_ALL = [name for name in CLASSES
                  if issubclass(getattr(resources, name), CollectionDeleteableApiSubResource)]
INSERT_FIELDS: dict[str, Callable[[int], dict[str, Any]]] = {
    "OptionSetOptions": lambda n: {"option_id": 1},
    "ProductVideos": lambda n: {"id": f"video{n:06d}"},
}


@pytest.mark.parametrize("name", SUB_DELETE_ALL)
def test_delete_all_removes_only_that_parents_subresources(
    fresh_sandbox: Callable[..., Sandbox], name: str
) -> None:
    sb = fresh_sandbox(products=3, customers=3, orders=3)
    api = BigcommerceApi(**sb.oauth_kwargs())
    spec = SPECS[name]
    parents = [row["id"] for row in sb.store.dump()[spec.parent]][:3]
    assert len(parents) == 3
    for parent_id in parents:
        for n in range(2):
            sb.store.insert(f"{BY_NAME[spec.table].path.replace('{pid}', str(parent_id))}",
                            INSERT_FIELDS.get(name, lambda n: {})(n))
    keep = len(rows(sb, spec.table, **{BY_NAME[spec.table].parent_key: parents[2]}))
    parent_resource = next(p for p, _, child in HELPERS if child == name)
    helper = next(h for p, h, child in HELPERS if child == name)

    assert getattr(api, name).delete_all(parents[0]) is None
    getattr(getattr(api, parent_resource).get(parents[1]), helper).delete_all()

    assert getattr(api, name).all(parents[0]) == []
    assert getattr(api, name).all(parents[1]) == []
    assert len(getattr(api, name).all(parents[2])) == keep >= 2
    assert sb.stats.count("DELETE") == 2


TOP_DELETE_ALL = [name for name in CLASSES
                  if issubclass(getattr(resources, name), CollectionDeleteableApiResource)]
TOP_INSERT: dict[str, dict[str, Any]] = {
    "Banners": {"name": "b", "content": "c"},
    "BlogPosts": {"title": "t", "body": "b"},
    "Brands": {"name": "b"},
    "Categories": {"name": "c"},
    "Coupons": {"name": "c", "code": "C", "type": "free_shipping"},
    "Currencies": {"currency_code": "JPY", "name": "Yen"},
    "GiftCertificates": {"to_name": "a", "amount": "5"},
    "Options": {"name": "o", "type": "T"},
    "Redirects": {"path": "/x/", "forward": {"type": "manual", "ref": "/y/"}},
}


@pytest.mark.parametrize("name", TOP_DELETE_ALL)
def test_delete_all_of_a_top_level_collection_empties_it(
    fresh_sandbox: Callable[..., Sandbox], name: str
) -> None:
    sb = fresh_sandbox(products=0, customers=2, orders=3)
    api = BigcommerceApi(**sb.oauth_kwargs())
    path = getattr(resources, name).resource_name
    if name in TOP_INSERT:
        for _ in range(3):
            sb.store.insert(path, TOP_INSERT[name])
    before = getattr(api, name).all()
    assert len(before) >= 3

    assert getattr(api, name).delete_all() is None

    after = getattr(api, name).all()
    if name == "Currencies":  # the default currency stays (S21)
        assert [c.currency_code for c in after] == ["USD"]
    else:
        assert after == []
    if name == "Orders":  # archived, not erased
        assert all(api.Orders.get(o.id).is_deleted for o in before)
        assert api.Orders.count() == 0


# -- sunset collection deletes -------------------------------------------------------------------------

SUNSET = {"Products": "v3", "Customers": "v3", "CustomerGroups": "one by one", "OptionSets": "one by one"}


def test_the_readme_marks_exactly_the_sunset_deletes() -> None:
    text = README.read_text(encoding="utf-8")
    marked = {line.split()[0] for line in text.splitlines() if "delete_all (sunset)" in line}

    assert marked == set(SUNSET)


@pytest.mark.parametrize("name", sorted(SUNSET))
def test_a_sunset_delete_all_raises_unsupported_operation_before_any_request(
    api: BigcommerceApi, basic_api: BigcommerceApi, sandbox: Sandbox, name: str
) -> None:
    before = len(sandbox.store.dump()[BY_NAME[SPECS[name].table].name])

    for client in (api, basic_api):
        with pytest.raises(UnsupportedOperation, match=SUNSET[name]) as caught:
            getattr(client, name).delete_all()
        assert isinstance(caught.value, NotImplementedError)
        assert "sunset" in str(caught.value)

    assert sandbox.stats.total == 0
    assert len(sandbox.store.dump()[SPECS[name].table]) == before
