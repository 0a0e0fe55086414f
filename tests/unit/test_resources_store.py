"""Store profile, time, currencies, tax classes, payment methods (cassettes/store/)."""
from __future__ import annotations

from bigcommerce.api import BigcommerceApi
from bigcommerce.resources import Currencies, PaymentMethods, Store, TaxClasses, Time
from tests.conftest import replay


def test_store_all_returns_one_store_object(api: BigcommerceApi) -> None:
    with replay.use_cassette("store/store.yaml") as cassette:
        store = api.Store.all()
    assert cassette.all_played
    assert isinstance(store, Store)
    assert store.id == "abc123"
    assert store.secure_url == "https://store-abc123.mybigcommerce.com"
    assert store.timezone["name"] == "America/Chicago"
    assert store.features["checkout_type"] == "optimized"


def test_store_get_is_the_same_single_get(api: BigcommerceApi) -> None:
    with replay.use_cassette("store/store.yaml") as cassette:
        store = api.Store.get()
    assert cassette.all_played
    assert isinstance(store, Store) and store.currency == "USD"


def test_time_all_returns_the_servers_unix_time(api: BigcommerceApi) -> None:
    with replay.use_cassette("store/time.yaml") as cassette:
        now = api.Time.all()
    assert cassette.all_played
    assert isinstance(now, Time)
    assert now["time"] == 1529512970


def test_time_over_basic_auth_uses_the_store_host(basic_api: BigcommerceApi) -> None:
    with replay.use_cassette("store/time_basic_auth.yaml") as cassette:
        assert basic_api.Time.all()["time"] == 1529512970
    assert cassette.all_played
    assert cassette.requests[0].host == "store-abc123.mybigcommerce.com"


def test_currencies_list_and_get(api: BigcommerceApi) -> None:
    with replay.use_cassette("store/currencies.yaml") as cassette:
        currencies = api.Currencies.all()
        euro = api.Currencies.get(2)
    assert cassette.all_played
    assert [c.currency_code for c in currencies] == ["USD", "EUR"]
    assert all(isinstance(c, Currencies) for c in currencies)
    assert isinstance(euro, Currencies)
    assert euro.token == "€" and euro.is_default is False
    assert euro.last_updated == "Tue, 12 Jun 2018 14:41:56 +0000"


def test_currencies_delete_all_removes_the_non_default_ones(api: BigcommerceApi) -> None:
    with replay.use_cassette("store/currencies_delete_all.yaml") as cassette:
        assert api.Currencies.delete_all() is None
    assert cassette.all_played


def test_tax_classes_list_and_get(api: BigcommerceApi) -> None:
    with replay.use_cassette("store/tax_classes.yaml") as cassette:
        classes = api.TaxClasses.all()
        shipping = api.TaxClasses.get(2)
    assert cassette.all_played
    assert [c.name for c in classes] == ["Non-Taxable Products", "Shipping", "Gift Wrapping"]
    assert isinstance(shipping, TaxClasses) and shipping.id == 2


def test_payment_methods_list_sorted_by_name(api: BigcommerceApi) -> None:
    with replay.use_cassette("store/payment_methods.yaml") as cassette:
        methods = api.PaymentMethods.all()
    assert cassette.all_played
    assert all(isinstance(m, PaymentMethods) for m in methods)
    assert [m.code for m in methods] == ["cod", "squarev2"]
    assert methods[1].test_mode is False
