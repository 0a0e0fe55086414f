"""The second generation: ``api.<Class>`` resources, as README.rst "Resources" and "Objects" show them.

Each test runs over OAuth (``/stores/{hash}/v2/``) and legacy basic auth
(``/api/v2/``) through ``any_api``, against the sandbox over loopback HTTP.
"""
from __future__ import annotations

import datetime
import pickle
from decimal import Decimal
from email.utils import parsedate_to_datetime
from typing import Any

import pytest

import bigcommerce
from bigcommerce.api import BigcommerceApi
from bigcommerce.exception import ResourceNotFound
from bigcommerce.mapping import Mapping
from bigcommerce.resources import (
    CountryStates,
    Customers,
    Orders,
    OrderShipments,
    ProductImages,
    ProductOptions,
    Products,
)
from bigcommerce.sandbox import Sandbox
from bigcommerce.sandbox.catalog import BY_NAME


def rows(sandbox: Sandbox, table: str, **match: Any) -> list[dict[str, Any]]:
    """Stored rows of one table whose fields (defaults filled in) equal ``match``."""
    defaults = BY_NAME[table].fields
    return [row for row in sandbox.store.dump()[table]
            if all(row.get(k, defaults.get(k)) == v for k, v in match.items())]


def a_category(sandbox: Sandbox) -> int:
    return sandbox.store.dump()["categories"][-1]["id"]


def product_with_options(sandbox: Sandbox) -> int:
    return rows(sandbox, "product_options")[0]["product_id"]


@pytest.fixture
def spare_product(sandbox: Sandbox) -> int:
    """A new product with two images, put straight into the store (so each auth mode gets its own)."""
    product = sandbox.store.insert("products", {"name": "Spare", "price": "10.00", "categories": [a_category(sandbox)]})
    for number in (1, 2):
        sandbox.store.insert(f"products/{product['id']}/images", {"image_file": f"s/spare-{number}.jpg"})
    return product["id"]


# -- the README's Resources block -----------------------------------------------------------


def test_all_returns_one_page_of_fifty_products_by_default(any_api: BigcommerceApi) -> None:
    page = any_api.Products.all()

    assert len(page) == 50
    assert [p.id for p in page] == list(range(1, 51))
    assert all(type(p) is Products for p in page)


def test_all_with_filters_limit_and_page_returns_that_page_of_matches(
    any_api: BigcommerceApi, sandbox: Sandbox
) -> None:
    page = any_api.Products.all(is_visible=True, limit=250, page=2)

    visible = [row["id"] for row in rows(sandbox, "products", is_visible=True)]
    assert len(visible) > 250
    assert [p.id for p in page] == visible[250:500]
    assert all(p.is_visible is True for p in page)


def test_iterall_yields_every_product(any_api: BigcommerceApi, sandbox: Sandbox) -> None:
    ids = [p.id for p in any_api.Products.iterall()]

    assert ids == [row["id"] for row in rows(sandbox, "products")]


def test_get_returns_one_product_instance(any_api: BigcommerceApi) -> None:
    product = any_api.Products.get(1)

    assert type(product) is Products
    assert product.id == 1 and product.name


def test_count_returns_the_number_of_products(any_api: BigcommerceApi, sandbox: Sandbox) -> None:
    assert any_api.Products.count() == len(rows(sandbox, "products"))


def test_create_update_delete_a_product_as_the_readme_shows(any_api: BigcommerceApi, sandbox: Sandbox) -> None:
    p = any_api.Products.create(name="Kettle", type="physical", price="49.99",
                                categories=[a_category(sandbox)], availability="available", weight=1.2)
    assert type(p) is Products
    assert (p.name, p.price, p.weight) == ("Kettle", "49.9900", "1.2000")

    p = any_api.Products.get(p.id).update(price="199.90")
    assert p.price == "199.9000"
    assert rows(sandbox, "products", id=p.id)[0]["price"] == "199.9000"

    assert any_api.Products.get(p.id).delete() is None
    assert rows(sandbox, "products", id=p.id) == []
    with pytest.raises(ResourceNotFound):
        any_api.Products.get(p.id)


def test_update_returns_a_new_object_and_leaves_the_fetched_one_alone(any_api: BigcommerceApi) -> None:
    fetched = any_api.Products.get(3)
    old_price = fetched.price

    updated = fetched.update(price="12.34")

    assert updated.price == "12.3400"
    assert fetched.price == old_price


def test_product_options_get_with_the_parent_id_alone_lists_the_products_options(
    any_api: BigcommerceApi, sandbox: Sandbox
) -> None:
    pid = product_with_options(sandbox)

    options = any_api.ProductOptions.get(pid)

    assert isinstance(options, list) and options
    assert all(type(o) is ProductOptions for o in options)
    assert [o.id for o in options] == [row["id"] for row in rows(sandbox, "product_options", product_id=pid)]
    assert sandbox.stats.count("GET", f"products/{pid}/options") == 1


def test_product_options_get_with_two_ids_gets_one_option(any_api: BigcommerceApi, sandbox: Sandbox) -> None:
    pid = product_with_options(sandbox)
    option_id = rows(sandbox, "product_options", product_id=pid)[0]["id"]

    option = any_api.ProductOptions.get(pid, option_id)

    assert type(option) is ProductOptions and option.id == option_id
    assert sandbox.stats.count("GET", f"products/{pid}/options/{option_id}") == 1


def test_the_parents_options_helper_lists_and_gets_the_same_options(
    any_api: BigcommerceApi, sandbox: Sandbox
) -> None:
    pid = product_with_options(sandbox)
    listed = any_api.Products.get(pid).options()
    option_id = listed[0].id

    one = any_api.Products.get(pid).options(option_id)

    assert listed == any_api.ProductOptions.get(pid)
    assert one == any_api.ProductOptions.get(pid, option_id)


def test_the_auth_keyword_is_basic_auth_under_its_old_name(sandbox: Sandbox) -> None:
    api = BigcommerceApi(host=sandbox.base_url, auth=(sandbox.username, sandbox.api_token))

    assert api.Products.count() == len(rows(sandbox, "products"))
    assert repr(api.connection).endswith("/api/v2/>")


def test_a_host_given_with_the_api_path_reaches_the_same_store(sandbox: Sandbox) -> None:
    api = BigcommerceApi(host=sandbox.base_url + "/api/v2", basic_auth=(sandbox.username, sandbox.api_token))

    assert api.Time.all()["time"] > 0
    assert sandbox.stats.count("GET", "time") == 1


def test_conflicting_credentials_raise_before_any_request(sandbox: Sandbox) -> None:
    with pytest.raises(TypeError):
        BigcommerceApi(**sandbox.oauth_kwargs(), basic_auth=(sandbox.username, sandbox.api_token))
    with pytest.raises(ValueError, match="store_hash"):
        BigcommerceApi(client_id=sandbox.client_id, access_token=sandbox.access_token, host=sandbox.base_url)

    assert sandbox.stats.total == 0


def test_a_customer_found_by_name_leads_to_their_orders(any_api: BigcommerceApi, sandbox: Sandbox) -> None:
    with_orders = {row["customer_id"] for row in rows(sandbox, "orders")} - {0}
    wanted = next(row for row in rows(sandbox, "customers") if row["id"] in with_orders)

    customer = any_api.Customers.all(first_name=wanted["first_name"], last_name=wanted["last_name"])[0]
    orders = any_api.Orders.all(customer_id=customer.id)

    assert type(customer) is Customers
    assert (customer.first_name, customer.last_name) == (wanted["first_name"], wanted["last_name"])
    assert orders and all(type(o) is Orders and o.customer_id == customer.id for o in orders)
    assert [o.id for o in orders] == [row["id"] for row in rows(sandbox, "orders", customer_id=customer.id)]


# -- subresources from the class and from the parent -----------------------------------------


def test_subresource_class_calls_take_the_parent_id_first(any_api: BigcommerceApi, sandbox: Sandbox) -> None:
    pid = 5
    stored = [row["id"] for row in rows(sandbox, "product_images", product_id=pid)]

    listed = any_api.ProductImages.all(5)
    one = any_api.ProductImages.get(5, stored[0])

    assert [i.id for i in listed] == stored
    assert type(one) is ProductImages and one.id == stored[0] and one.product_id == 5
    assert any_api.ProductImages.count(5) == len(stored)
    assert any_api.ProductImages.count() == len(rows(sandbox, "product_images"))


def test_subresource_create_and_delete_all_take_the_parent_id_first(
    any_api: BigcommerceApi, sandbox: Sandbox
) -> None:
    image = any_api.ProductImages.create(6, image_file="https://cdn.example.com/kettle.jpg")
    assert image.product_id == 6 and image.image_file == "https://cdn.example.com/kettle.jpg"
    assert image.id in [i.id for i in any_api.ProductImages.all(6)]

    assert any_api.ProductImages.delete_all(6) is None

    assert any_api.ProductImages.all(6) == []
    assert any_api.ProductImages.count(6) == 0
    assert rows(sandbox, "product_images", product_id=7)  # other products keep theirs


def test_the_parents_helper_lists_gets_iterates_counts_creates_and_deletes_all(
    any_api: BigcommerceApi, sandbox: Sandbox, spare_product: int
) -> None:
    product = any_api.Products.get(spare_product)
    stored = [row["id"] for row in rows(sandbox, "product_images", product_id=spare_product)]
    assert len(stored) == 2

    assert [i.id for i in product.images()] == stored
    assert [i.id for i in product.images(limit=1)] == stored[:1]
    assert [i.id for i in product.images(page=2, limit=1)] == stored[1:2]
    assert product.images(stored[0]).id == stored[0]
    assert [i.id for i in product.images.iterall()] == stored
    assert product.images.count() == len(stored)

    made = product.images.create(image_file="https://cdn.example.com/extra.jpg")
    assert product.images.count() == len(stored) + 1 and made.product_id == spare_product

    product.images.delete_all()
    assert product.images() == [] and product.images.count() == 0


def test_skus_iterall_works_from_the_class_and_from_the_parent(any_api: BigcommerceApi, sandbox: Sandbox) -> None:
    product_id = rows(sandbox, "product_skus")[0]["product_id"]
    stored = [row["sku"] for row in rows(sandbox, "product_skus", product_id=product_id)]
    product = any_api.Products.get(product_id)

    assert [s.sku for s in any_api.ProductSkus.iterall(product_id)] == stored
    assert [s.sku for s in product.skus.iterall()] == stored
    assert [s.sku for s in product.skus(limit=1)] == stored[:1]


def test_a_subresource_object_fetched_from_the_class_can_update_and_delete_itself(
    any_api: BigcommerceApi, sandbox: Sandbox, spare_product: int
) -> None:
    image_id = rows(sandbox, "product_images", product_id=spare_product)[0]["id"]
    image = any_api.ProductImages.get(spare_product, image_id)

    updated = image.update(description="Front view")
    assert updated.description == "Front view"

    updated.delete()
    with pytest.raises(ResourceNotFound):
        any_api.ProductImages.get(spare_product, image_id)
    assert len(rows(sandbox, "product_images", product_id=spare_product)) == 1


def test_a_helper_without_a_store_operation_is_an_attribute_error(any_api: BigcommerceApi) -> None:
    product = any_api.Products.get(10)

    with pytest.raises(AttributeError):
        product.options.create(option_id=1)
    with pytest.raises(AttributeError):
        product.google_mappings.count()


# -- filters ---------------------------------------------------------------------------------


def test_a_list_filter_is_sent_comma_joined(any_api: BigcommerceApi, sandbox: Sandbox) -> None:
    orders = list(any_api.Orders.iterall(status_id=[10, 11]))

    expected = [row["id"] for row in rows(sandbox, "orders") if row["status_id"] in (10, 11)]
    assert [o.id for o in orders] == expected and expected
    assert any_api.Orders.count(status_id=[10, 11]) == len(expected)


def test_a_boolean_filter_is_sent_as_true_or_false(any_api: BigcommerceApi, sandbox: Sandbox) -> None:
    hidden = list(any_api.Products.iterall(is_visible=False))

    assert hidden and all(p.is_visible is False for p in hidden)
    assert len(hidden) == len(rows(sandbox, "products", is_visible=False))


def test_a_datetime_filter_is_sent_as_rfc_2822(any_api: BigcommerceApi, sandbox: Sandbox) -> None:
    since = datetime.datetime(2023, 1, 1, 3, 0, tzinfo=datetime.timezone.utc)

    products = list(any_api.Products.iterall(min_date_created=since))

    expected = [row["id"] for row in rows(sandbox, "products")
                if parsedate_to_datetime(row["date_created"]) >= since]
    assert [p.id for p in products] == expected
    assert 0 < len(expected) < len(rows(sandbox, "products"))


def test_a_none_filter_is_left_out(any_api: BigcommerceApi) -> None:
    assert any_api.Products.all(brand_id=None, limit=7) == any_api.Products.all(limit=7)


WIRE = b'[{"id": 424242, "name": "Only sent when the query string matched"}]'


@pytest.mark.parametrize(("filters", "on_the_wire"), [
    ({"id:in": [1, 2]}, {"id:in": "1,2"}),
    ({"is_visible": True, "is_featured": False}, {"is_visible": "true", "is_featured": "false"}),
    ({"min_date_created": datetime.datetime(2023, 1, 1, 3, 0, tzinfo=datetime.timezone.utc)},
     {"min_date_created": "Sun, 01 Jan 2023 03:00:00 +0000"}),
    ({"min_date_modified": datetime.datetime(2023, 1, 1, 3, 0)},
     {"min_date_modified": "Sun, 01 Jan 2023 03:00:00 +0000"}),
    ({"name": "Kettle & Co", "brand_id": None}, {"name": "Kettle & Co"}),
])
def test_filters_reach_the_store_encoded_as_documented(
    any_api: BigcommerceApi, sandbox: Sandbox, filters: dict[str, Any], on_the_wire: dict[str, str]
) -> None:
    from bigcommerce.sandbox import FaultRule

    rule = sandbox.faults.add(FaultRule(kind="status", status=200, body=WIRE, path="products", query=on_the_wire))

    found = any_api.Products.all(**filters)

    assert rule.fired == 1, f"no request carried {on_the_wire}"
    assert [p.id for p in found] == [424242]


def test_count_by_status_returns_the_whole_body(any_api: BigcommerceApi, sandbox: Sandbox) -> None:
    body = any_api.Orders.count_by_status()

    assert body["count"] == len(rows(sandbox, "orders")) == any_api.Orders.count()
    assert sum(status["count"] for status in body["statuses"]) == body["count"]
    assert {status["id"] for status in body["statuses"]} == {row["id"] for row in rows(sandbox, "order_statuses")}


# -- objects ----------------------------------------------------------------------------------


def test_every_key_the_api_sent_is_kept_and_readable_as_an_attribute(
    any_api: BigcommerceApi, sandbox: Sandbox
) -> None:
    raw = any_api.connection.make_request("GET", "products/11")

    product = any_api.Products.get(11)

    assert dict(product) == dict(raw)
    assert product.sku == product["sku"] and product.date_created == product["date_created"]


def test_a_key_named_like_a_method_is_data_by_key_and_the_method_by_attribute(
    any_api: BigcommerceApi,
) -> None:
    product = any_api.Products.get(12)

    assert product["images"]["resource"] == "/products/12/images"
    assert product["images"]["url"].endswith("/products/12/images.json")
    assert callable(product.images)
    assert product["options"]["resource"] == "/products/12/options"


def test_a_shipments_line_items_are_in_its_items_key(any_api: BigcommerceApi, sandbox: Sandbox) -> None:
    stored = rows(sandbox, "order_shipments")[0]

    shipment = any_api.OrderShipments.get(stored["order_id"], stored["id"])

    assert type(shipment) is OrderShipments
    assert [item["order_product_id"] for item in shipment["items"]] == [
        item["order_product_id"] for item in stored["items"]
    ]
    assert callable(shipment.items)


def test_dates_are_rfc_2822_strings_and_prices_decimal_strings(any_api: BigcommerceApi) -> None:
    product = any_api.Products.get(13)

    assert product.date_created.endswith("+0000") and product.date_created[3:5] == ", "
    assert isinstance(product.price, str) and product.price.count(".") == 1


def test_str_and_repr_never_show_the_connection_or_a_credential(sandbox: Sandbox) -> None:
    for api in (BigcommerceApi(**sandbox.oauth_kwargs()), BigcommerceApi(**sandbox.basic_kwargs())):
        product = api.Products.get(14)
        shown = str(product) + repr(product) + repr(api) + repr(api.connection) + repr(api.Products)
        for secret in (sandbox.access_token, sandbox.api_token):
            assert secret not in shown
        assert "_connection" not in str(product)
        assert pickle.loads(pickle.dumps(product)) == product


def test_results_are_bigcommerce_mappings(any_api: BigcommerceApi) -> None:
    store = any_api.Store.all()

    assert isinstance(store, bigcommerce.Mapping) and isinstance(store, Mapping)
    assert store.secure_url == store["secure_url"]


def test_an_operation_the_api_lacks_is_an_attribute_error_without_a_request(
    any_api: BigcommerceApi, sandbox: Sandbox
) -> None:
    with pytest.raises(AttributeError):
        any_api.Pages.count()
    with pytest.raises(AttributeError):
        any_api.OrderStatuses.create(name="Mine")
    with pytest.raises(AttributeError):
        any_api.BlogTags.get(1)
    with pytest.raises(AttributeError):
        any_api.NoSuchResource.all()
    with pytest.raises(AttributeError):
        any_api.Store.get().update(name="Renamed")
    with pytest.raises(AttributeError, match="no operation 'update'"):
        any_api.Countries.update  # the placeholder property is not an operation

    assert sandbox.stats.count(path="pages/count") == 0
    assert sandbox.stats.count("POST") == 0


def test_an_object_operation_called_on_the_class_explains_itself(any_api: BigcommerceApi) -> None:
    with pytest.raises(AttributeError, match=r"api\.Products\.get\(id\)\.update"):
        any_api.Products.update(price="1")


# -- the 0.9 client, store-wide subresource lists, parent ids, request bodies ----------------


def test_the_09_client_reaches_resources_over_basic_auth(sandbox: Sandbox) -> None:
    client = bigcommerce.Client(sandbox.base_url, sandbox.api_token, sandbox.username)

    products = client.Products.all(limit=5)
    renamed = client.Products.get(products[0].id).update(name="Renamed through Client")

    assert len(products) == 5 and all(isinstance(p, Products) for p in products)
    assert renamed.name == "Renamed through Client"
    assert rows(sandbox, "products", id=products[0].id)[0]["name"] == "Renamed through Client"
    with pytest.raises(bigcommerce.Unauthorised):
        bigcommerce.Client(sandbox.base_url, "wrong-token", sandbox.username).Products.all()


def test_country_states_without_a_country_is_the_all_states_list(any_api: BigcommerceApi) -> None:
    every = any_api.CountryStates.all(limit=250)

    assert [s.id for s in every] == [s.id for s in any_api.States.all(limit=250)]
    assert len({s.country_id for s in every}) > 1
    assert all(isinstance(s, CountryStates) for s in every)


def test_a_subresource_object_knows_its_parent_id(any_api: BigcommerceApi, spare_product: int) -> None:
    image = any_api.ProductImages.all(spare_product)[0]
    listed = any_api.Products.get(spare_product).images()[1]

    assert image.parent_id() == spare_product == listed.parent_id()


def test_a_body_value_without_a_json_form_raises_before_any_request(
    any_api: BigcommerceApi, sandbox: Sandbox, spare_product: int
) -> None:
    product = any_api.Products.get(spare_product)
    sandbox.stats.reset()

    with pytest.raises(TypeError, match="request body field price: object has no JSON form"):
        product.update(price=object())

    assert sandbox.stats.total == 0
    assert rows(sandbox, "products", id=spare_product)[0]["price"] == "10.0000"


def test_decimals_and_datetimes_in_a_body_reach_the_store_in_v2_form(
    any_api: BigcommerceApi, spare_product: int
) -> None:
    product = any_api.Products.get(spare_product).update(price=Decimal("12.3400"))
    post = any_api.BlogPosts.create(
        title="Encoded on purpose", body="Dates as RFC 2822",
        published_date=datetime.datetime(2023, 1, 1, 9, 30, tzinfo=datetime.timezone.utc),
    )

    assert product.price == "12.3400"
    assert post.published_date_iso8601 == "2023-01-01T09:30:00+0000"
