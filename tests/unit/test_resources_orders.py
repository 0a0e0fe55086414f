"""Orders and everything under one, replayed from cassettes/orders/ (orders.v2 examples)."""
from __future__ import annotations

import pytest

from bigcommerce.api import BigcommerceApi
from bigcommerce.exception import ResourceNotFound
from bigcommerce.resources import (
    OrderConsignments,
    OrderCoupons,
    OrderFees,
    OrderMessages,
    OrderProducts,
    Orders,
    OrderShipments,
    OrderShippingAddresses,
    OrderShippingQuotes,
    OrderStatuses,
    OrderTaxes,
)
from tests.conftest import replay

NO_REQUESTS = "capabilities/no_requests.yaml"


def test_all_filters_by_status_and_sorts(api: BigcommerceApi) -> None:
    with replay.use_cassette("orders/list.yaml") as cassette:
        orders = api.Orders.all(status_id=11, sort="date_created:desc")
    assert cassette.all_played
    (order,) = orders
    assert isinstance(order, Orders)
    assert order.id == 100 and order.status == "Awaiting Fulfillment"
    assert order.total_inc_tax == "361.9500"
    assert order.date_created == "Wed, 10 Jan 2018 21:05:30 +0000"


def test_get_returns_the_order_with_its_links_as_data(api: BigcommerceApi) -> None:
    with replay.use_cassette("orders/get.yaml") as cassette:
        order = api.Orders.get(218)
    assert cassette.all_played
    assert isinstance(order, Orders)
    assert order.customer_id == 11
    assert order.billing_address["email"] == "janedoe@example.com"
    assert order["products"]["resource"] == "/orders/218/products"
    assert order["shipping_addresses"]["resource"] == "/orders/218/shippingaddresses"
    assert order["products"]["url"] == "https://api.bigcommerce.com/stores/abc123/v2/orders/218/products"
    assert callable(order.products) and callable(order.coupons)


def test_get_of_a_missing_order_raises_resource_not_found(api: BigcommerceApi) -> None:
    with replay.use_cassette("orders/get_missing.yaml"):
        with pytest.raises(ResourceNotFound) as caught:
            api.Orders.get(999)
    assert caught.value.errors == ["The requested resource was not found."]


def test_count_returns_the_total_of_the_orders_count_example(api: BigcommerceApi) -> None:
    with replay.use_cassette("orders/count.yaml") as cassette:
        assert api.Orders.count() == 133
    assert cassette.all_played


def test_count_by_status_returns_the_total_and_per_status_counts(api: BigcommerceApi) -> None:
    with replay.use_cassette("orders/count.yaml") as cassette:
        counts = api.Orders.count_by_status()
    assert cassette.all_played
    assert counts["count"] == 133
    by_name = {s["name"]: s["count"] for s in counts["statuses"]}
    assert by_name["Awaiting Payment"] == 48 and by_name["Incomplete"] == 15
    assert sum(by_name.values()) == 133


def test_count_by_status_sends_the_list_filters(api: BigcommerceApi) -> None:
    with replay.use_cassette("orders/count_with_filters.yaml") as cassette:
        counts = api.Orders.count_by_status(min_date_created="2019-03-01T00:00:00+00:00", customer_id=11)
    assert cassette.all_played
    assert [s["id"] for s in counts["statuses"]] == [7, 11]


def test_create_posts_billing_address_and_products(api: BigcommerceApi) -> None:
    with replay.use_cassette("orders/create.yaml") as cassette:
        order = api.Orders.create(
            billing_address={"first_name": "Jane", "last_name": "Doe", "street_1": "123 Main Street",
                             "city": "Austin", "state": "Texas", "zip": "78751", "country": "United States",
                             "country_iso2": "US", "email": "janedoe@email.com"},
            products=[{"name": "BigCommerce Coffee Mug", "quantity": 1, "price_inc_tax": 50, "price_ex_tax": 45}],
        )
    assert cassette.all_played
    assert isinstance(order, Orders) and order.id == 218


def test_delete_archives_the_order_through_its_path(api: BigcommerceApi) -> None:
    with replay.use_cassette("orders/archive.yaml") as cassette:
        api.Orders.get(218).delete()
    assert cassette.all_played


SUBRESOURCES = [
    pytest.param(OrderProducts, "products", 149, (181, 116), id="products"),
    pytest.param(OrderShipments, "shipments", 225, (228, 11), id="shipments"),
    pytest.param(OrderShippingAddresses, "shipping_addresses", 229, (140, 42), id="shipping_addresses"),
    pytest.param(OrderCoupons, "coupons", 120, (120, 3), id="coupons"),
]


@pytest.mark.parametrize("cls, name, parent, one", SUBRESOURCES)
def test_subresource_lists_and_gets_under_its_order(api: BigcommerceApi, cls, name, parent, one) -> None:
    wrapper = getattr(api, cls.__name__)
    with replay.use_cassette(f"orders/{name}.yaml") as cassette:
        listed = wrapper.all(parent)
        fetched = wrapper.get(*one)
    assert cassette.all_played
    assert listed and all(type(item) is cls for item in listed)
    assert all(item.order_id == parent for item in listed)
    assert type(fetched) is cls
    assert (fetched.order_id, fetched.id) == one


def test_order_products_keep_options_and_discounts(api: BigcommerceApi) -> None:
    with replay.use_cassette("orders/products.yaml"):
        first = api.OrderProducts.all(149)[0]
    assert first.product_id == 77 and first.price_inc_tax == "65.2300"
    assert first.applied_discounts[0]["amount"] == "1.5900"
    assert first.product_options[0]["display_name"] == "Size"


def test_order_products_count_store_wide(api: BigcommerceApi) -> None:
    with replay.use_cassette("orders/products_count_store_wide.yaml") as cassette:
        assert api.OrderProducts.count() == 392
    assert cassette.all_played


def test_shipments_keep_the_items_key_as_data_beside_the_dict_method(api: BigcommerceApi) -> None:
    with replay.use_cassette("orders/shipments.yaml"):
        shipment = api.OrderShipments.get(228, 11)
    assert shipment["items"] == [
        {"order_product_id": 194, "product_id": 0, "quantity": 1},
        {"order_product_id": 195, "product_id": 0, "quantity": 1},
    ]
    assert callable(shipment.items)
    assert ("tracking_number", "EJ958083578US") in shipment.items()
    assert shipment.shipping_address["company"] == "Acme Pty Ltd"


def test_shipments_count_per_order(api: BigcommerceApi) -> None:
    with replay.use_cassette("orders/shipments_count.yaml") as cassette:
        assert api.OrderShipments.count(225) == 27
    assert cassette.all_played


def test_shipments_count_store_wide(api: BigcommerceApi) -> None:
    with replay.use_cassette("orders/shipments_count_store_wide.yaml") as cassette:
        assert api.OrderShipments.count() == 61
    assert cassette.all_played


def test_shipment_create_posts_address_and_items_and_gets_a_201(api: BigcommerceApi) -> None:
    with replay.use_cassette("orders/shipment_create.yaml") as cassette:
        shipment = api.OrderShipments.create(
            228, tracking_number="EJ958083578US", comments="Ready to go...", order_address_id=131,
            shipping_provider="usps",
            items=[{"order_product_id": 194, "product_id": 0, "quantity": 1},
                   {"order_product_id": 195, "product_id": 0, "quantity": 1}],
        )
    assert cassette.all_played
    assert isinstance(shipment, OrderShipments)
    assert shipment.id == 11 and len(shipment["items"]) == 2


def test_shipment_update_puts_to_the_orders_shipment_path(api: BigcommerceApi) -> None:
    with replay.use_cassette("orders/shipment_update.yaml") as cassette:
        shipment = api.OrderShipments.get(228, 11)
        updated = shipment.update(comments="Ready to go...")
    assert cassette.all_played
    assert updated.comments == "Ready to go..."


def test_shipping_address_count_per_order_and_none_store_wide(api: BigcommerceApi) -> None:
    with replay.use_cassette("orders/shipping_addresses_count.yaml") as cassette:
        assert api.OrderShippingAddresses.count(229) == 1
    assert cassette.all_played
    with replay.use_cassette(NO_REQUESTS) as cassette:
        with pytest.raises(TypeError, match="order_id"):
            api.OrderShippingAddresses.count()
    assert cassette.play_count == 0


def test_shipping_addresses_keep_the_quotes_link_as_data(api: BigcommerceApi) -> None:
    with replay.use_cassette("orders/shipping_addresses.yaml"):
        address = api.OrderShippingAddresses.get(140, 42)
    assert address["shipping_quotes"]["resource"] == "/orders/140/shippingaddresses/42/shippingquotes"
    assert address.form_fields == [{"name": "Wholesale ID", "value": "12345566"}]


def test_messages_filter_by_status_and_flag_and_get_one(api: BigcommerceApi) -> None:
    with replay.use_cassette("orders/messages.yaml") as cassette:
        (message,) = api.OrderMessages.all(181, status="unread", is_flagged=False)
        same = api.OrderMessages.get(181, 2)
    assert cassette.all_played
    assert isinstance(message, OrderMessages) and isinstance(same, OrderMessages)
    assert message == same
    assert message.subject == "Re: Order #181"


def test_taxes_with_details_and_get_one(api: BigcommerceApi) -> None:
    with replay.use_cassette("orders/taxes.yaml") as cassette:
        taxes = api.OrderTaxes.all(138, details=True)
        first = api.OrderTaxes.get(138, 13)
    assert cassette.all_played
    assert [t.line_amount for t in taxes] == ["17.6400", "4.4000"]
    assert isinstance(first, OrderTaxes) and first["class"] == "Default Tax Class"


def test_read_only_order_subresources_offer_no_writes(api: BigcommerceApi) -> None:
    for name in ("OrderCoupons", "OrderMessages", "OrderTaxes", "OrderProducts"):
        with pytest.raises(AttributeError):
            getattr(api, name).create


def test_shipping_quotes_get_returns_the_quote(api: BigcommerceApi) -> None:
    with replay.use_cassette("orders/shipping_quotes.yaml") as cassette:
        quote = api.OrderShippingQuotes.get(163, 64)
    assert cassette.all_played
    assert isinstance(quote, OrderShippingQuotes)
    assert quote.provider_code == "shipping_byweight" and quote.id == "24"


def test_shipping_quotes_get_returns_none_on_204(api: BigcommerceApi) -> None:
    with replay.use_cassette("orders/shipping_quotes_none.yaml") as cassette:
        assert api.OrderShippingQuotes.get(218, 120) is None
    assert cassette.all_played


def test_consignments_get_returns_the_consignment_groups(api: BigcommerceApi) -> None:
    with replay.use_cassette("orders/consignments.yaml") as cassette:
        consignments = api.OrderConsignments.get(218)
    assert cassette.all_played
    assert isinstance(consignments, OrderConsignments)
    assert consignments.pickups == []
    assert consignments.shipping[0]["shipping_zone_name"] == "United States"


def test_fees_get_returns_the_order_fees(api: BigcommerceApi) -> None:
    with replay.use_cassette("orders/fees.yaml") as cassette:
        (fee,) = api.OrderFees.get(218)
    assert cassette.all_played
    assert isinstance(fee, OrderFees)
    assert fee.type == "custom_fee" and fee.cost_inc_tax == "2.1600"


def test_order_helpers_reach_shipments_quotes_consignments_and_fees(api: BigcommerceApi) -> None:
    with replay.use_cassette("orders/order_helpers.yaml") as cassette:
        order = api.Orders.get(218)
        (shipment,) = order.shipments()
        quote = order.shipping_quotes(120)
        consignments = order.consignments()
        fees = order.fees()
    assert cassette.all_played
    assert isinstance(shipment, OrderShipments) and shipment.order_id == 218
    assert quote is None
    assert consignments.downloads == []
    assert fees[0].display_name_merchant == "Packaging fee"


def test_order_statuses_iterall_makes_one_request(api: BigcommerceApi) -> None:
    with replay.use_cassette("orders/statuses.yaml") as cassette:
        statuses = list(api.OrderStatuses.iterall())
    assert cassette.play_count == 1
    assert len(statuses) == 15
    assert all(isinstance(s, OrderStatuses) for s in statuses)
    assert statuses[0].name == "Incomplete"


def test_order_statuses_all_and_get(api: BigcommerceApi) -> None:
    with replay.use_cassette("orders/statuses.yaml") as cassette:
        statuses = api.OrderStatuses.all()
    assert cassette.all_played
    assert {s.id for s in statuses} >= {0, 11}
    with replay.use_cassette("orders/status_get.yaml") as cassette:
        status = api.OrderStatuses.get(11)
    assert cassette.all_played
    assert isinstance(status, OrderStatuses)
    assert status.custom_label == "Awaiting Fulfillment"


def test_parent_id_is_public_as_in_the_old_clients_tests() -> None:
    assert OrderCoupons({"id": 2, "order_id": 1}).parent_id() == 1
