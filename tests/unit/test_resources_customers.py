"""Customers, their addresses and passwords, customer groups (cassettes/customers/, customers.v2 examples)."""
from __future__ import annotations

import pytest

from bigcommerce.api import BigcommerceApi
from bigcommerce.resources import CustomerAddresses, CustomerGroups, Customers, Orders
from tests.conftest import replay

NO_REQUESTS = "capabilities/no_requests.yaml"


def test_all_returns_customers_with_the_addresses_link_as_data(api: BigcommerceApi) -> None:
    with replay.use_cassette("customers/list.yaml") as cassette:
        customers = api.Customers.all()
    assert cassette.all_played
    assert [c.email for c in customers] == ["jane@example.com", "bc@example.com"]
    jane = customers[0]
    assert isinstance(jane, Customers)
    assert jane.store_credit == "0.0000"
    assert jane.date_created == "Wed, 10 Jan 2018 21:02:23 +0000"
    assert jane["addresses"]["resource"] == "/customers/1/addresses"
    assert jane["addresses"]["url"] == "https://api.bigcommerce.com/stores/abc123/v2/customers/1/addresses"
    assert callable(jane.addresses)


def test_get_returns_one_customer(api: BigcommerceApi) -> None:
    with replay.use_cassette("customers/get.yaml") as cassette:
        customer = api.Customers.get(1)
    assert cassette.all_played
    assert isinstance(customer, Customers)
    assert customer.first_name == customer["first_name"] == "Jane"
    assert customer._authentication == {}


def test_count_returns_the_number_of_customers(api: BigcommerceApi) -> None:
    with replay.use_cassette("customers/count.yaml") as cassette:
        assert api.Customers.count() == 27
    assert cassette.all_played


def test_find_a_customer_by_name_then_list_their_orders(api: BigcommerceApi) -> None:
    with replay.use_cassette("customers/search_then_orders.yaml") as cassette:
        customer = api.Customers.all(first_name="John", last_name="Smith")[0]
        orders = api.Orders.all(customer_id=customer.id)
    assert cassette.all_played
    assert customer.id == 20
    assert [o.id for o in orders] == [100]
    assert all(isinstance(o, Orders) and o.customer_id == customer.id for o in orders)


def test_create_sends_the_password_inside_the_authentication_object(api: BigcommerceApi) -> None:
    with replay.use_cassette("customers/create.yaml") as cassette:
        customer = api.Customers.create(
            first_name="Jane", last_name="Doe", email="janedoe@example.com", company="BigCommerce",
            _authentication={"password": "12w69Y217PYR96J"},
        )
    assert cassette.all_played
    assert isinstance(customer, Customers) and customer.id == 1
    assert customer["_authentication"] == {}


def test_addresses_list_for_one_customer_and_get_one(api: BigcommerceApi) -> None:
    with replay.use_cassette("customers/addresses.yaml") as cassette:
        addresses = api.CustomerAddresses.all(11)
        address = api.CustomerAddresses.get(5, 3)
    assert cassette.all_played
    assert [a.id for a in addresses][:3] == [16, 23, 30]
    assert all(isinstance(a, CustomerAddresses) and a.customer_id == 11 for a in addresses)
    assert isinstance(address, CustomerAddresses)
    assert (address.customer_id, address.street_1) == (5, "123 Main Street")


def test_addresses_count_per_customer(api: BigcommerceApi) -> None:
    with replay.use_cassette("customers/addresses_count.yaml") as cassette:
        assert api.CustomerAddresses.count(11) == 27
    assert cassette.all_played


def test_addresses_count_needs_a_customer_id(api: BigcommerceApi) -> None:
    with replay.use_cassette(NO_REQUESTS) as cassette:
        with pytest.raises(TypeError, match="customer_id"):
            api.CustomerAddresses.count()
    assert cassette.play_count == 0


def test_address_create_posts_under_the_customer(api: BigcommerceApi) -> None:
    with replay.use_cassette("customers/address_create.yaml") as cassette:
        address = api.CustomerAddresses.create(
            5, first_name="Jane", last_name="Doe", company="BigCommerce", street_1="123 Main Street",
            city="Austin", state="Texas", zip="78726", country="United States", phone="123-345-7890",
        )
    assert cassette.all_played
    assert isinstance(address, CustomerAddresses) and address.id == 3


@pytest.mark.parametrize(
    "case, expected",
    [("validate_true", True), ("validate_false", False), ("validate_false_string", False)],
)
def test_password_validate_reads_the_success_flag(api: BigcommerceApi, case, expected) -> None:
    with replay.use_cassette(f"customers/{case}.yaml") as cassette:
        assert api.CustomerPasswords.validate(5, "12w69Y217PYR96J") is expected
    assert cassette.all_played


def test_password_validate_from_a_customer_object(api: BigcommerceApi) -> None:
    with replay.use_cassette("customers/validate_from_customer.yaml") as cassette:
        assert api.Customers.get(1).validate_password("not-my-password") is False
    assert cassette.all_played


def test_password_validate_with_a_non_string_raises_before_any_request(api: BigcommerceApi) -> None:
    with replay.use_cassette(NO_REQUESTS) as cassette:
        with pytest.raises(TypeError):
            api.CustomerPasswords.validate(5, None)
    assert cassette.play_count == 0


def test_customer_groups_list_and_get(api: BigcommerceApi) -> None:
    with replay.use_cassette("customers/groups.yaml") as cassette:
        groups = api.CustomerGroups.all()
        group = api.CustomerGroups.get(2)
    assert cassette.all_played
    assert [g.name for g in groups] == ["B2B", "5% Discount"]
    assert isinstance(group, CustomerGroups)
    assert group.category_access == {"type": "specific", "categories": [18, 19, 23, 34]}
    assert group.discount_rules[0]["amount"] == "5.0000"


def test_customer_groups_count_with_a_filter(api: BigcommerceApi) -> None:
    with replay.use_cassette("customers/groups_count.yaml") as cassette:
        assert api.CustomerGroups.count(is_group_for_guests=True) == 1
    assert cassette.all_played
