"""Request bodies: what has a form on the wire is sent in the API version's form; the rest raises first."""
from __future__ import annotations

import collections.abc
import datetime
import json
import uuid
from decimal import Decimal
from typing import Any

import pytest

from bigcommerce.api import BigcommerceApi
from bigcommerce.connection import OAuthConnection
from bigcommerce.encoding import ISO8601, RFC2822, encode_json, format_date
from bigcommerce.resources import Products
from tests.conftest import ACCESS_TOKEN, CLIENT_ID, STORE_HASH, replay

NO_REQUESTS = "capabilities/no_requests.yaml"
UTC = datetime.timezone.utc
PARIS_WINTER = datetime.timezone(datetime.timedelta(hours=1))


def decoded(body: Any, style: str) -> Any:
    return json.loads(encode_json(body, style))


@pytest.fixture
def v3() -> OAuthConnection:
    return OAuthConnection(CLIENT_ID, STORE_HASH, ACCESS_TOKEN, api_path="/stores/{}/v3/{}")


# -- the forms ------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "rfc2822", "iso8601"), [
    (datetime.datetime(2023, 1, 1, 9, 30, tzinfo=UTC), "Sun, 01 Jan 2023 09:30:00 +0000", "2023-01-01T09:30:00Z"),
    (datetime.datetime(2023, 1, 1, 9, 30), "Sun, 01 Jan 2023 09:30:00 +0000", "2023-01-01T09:30:00Z"),
    (datetime.datetime(2023, 2, 1, 9, 30, tzinfo=PARIS_WINTER),
     "Wed, 01 Feb 2023 09:30:00 +0100", "2023-02-01T09:30:00+01:00"),
    (datetime.date(2023, 1, 31), "Tue, 31 Jan 2023 00:00:00 +0000", "2023-01-31"),
])
def test_dates_take_the_form_of_the_api_version(value: datetime.date, rfc2822: str, iso8601: str) -> None:
    assert format_date(value, RFC2822) == rfc2822
    assert format_date(value, ISO8601) == iso8601
    assert decoded({"d": value}, RFC2822) == {"d": rfc2822}
    assert decoded({"d": value}, ISO8601) == {"d": iso8601}


@pytest.mark.parametrize(("value", "v2", "v3"), [
    (Decimal("45.95"), "45.95", 45.95),
    (Decimal("45.9500"), "45.9500", 45.95),
    (Decimal("1E+2"), "100", 100.0),
    (Decimal("-0.0001"), "-0.0001", -0.0001),
])
def test_decimals_are_v2_strings_and_v3_numbers_with_the_same_digits(value: Decimal, v2: str, v3: float) -> None:
    assert decoded({"price": value}, RFC2822) == {"price": v2}
    assert decoded({"price": value}, ISO8601) == {"price": v3}


def test_uuids_sets_and_other_mappings_have_their_plain_json_forms() -> None:
    widget = uuid.UUID("12345678-1234-5678-1234-567812345678")
    body = {"uuid": widget, "categories": {19, 18}, "nested": _ReadOnlyMapping({"a": 1})}

    assert decoded(body, ISO8601) == {
        "uuid": "12345678-1234-5678-1234-567812345678", "categories": [18, 19], "nested": {"a": 1},
    }


def test_plain_json_is_encoded_as_json_dumps_encodes_it() -> None:
    body = [{"name": "Kettle ☕", "price": 1.5, "tags": ["a", None, True], "sku": 0}]
    assert encode_json(body, RFC2822) == json.dumps(body).encode("utf-8")


# -- what has no form raises, naming the field ------------------------------------------


@pytest.mark.parametrize(("body", "field"), [
    ({"price": object()}, "price"),
    ({"custom_fields": [{"name": "a", "value": "b"}, {"name": "c", "value": object()}]}, r"custom_fields\[1\]\.value"),
    ([{"id": 1}, {"id": 2, "price": lambda: 1}], r"\[1\]\.price"),
    ({"file": open}, "file"),
])
def test_a_value_without_a_json_form_is_a_type_error_naming_its_field(body: Any, field: str) -> None:
    for style in (RFC2822, ISO8601):
        with pytest.raises(TypeError, match=rf"request body field {field}: \w+ has no JSON form"):
            encode_json(body, style)


@pytest.mark.parametrize(("body", "field"), [
    ({"price": float("nan")}, "price"),
    ({"weights": [1.0, float("inf")]}, r"weights\[1\]"),
    ({"price": Decimal("NaN")}, "price"),
])
def test_a_number_json_cannot_carry_is_a_value_error_naming_its_field(body: Any, field: str) -> None:
    for style in (RFC2822, ISO8601):
        with pytest.raises(ValueError, match=rf"request body field {field}:"):
            encode_json(body, style)


def test_a_v3_decimal_a_json_number_would_round_is_refused_not_rounded() -> None:
    exact = Decimal("12345678901234567.89")

    assert decoded({"price": exact}, RFC2822) == {"price": "12345678901234567.89"}
    with pytest.raises(ValueError, match=r"request body field price: .*round it first"):
        encode_json({"price": exact}, ISO8601)


def test_a_body_that_contains_itself_is_a_value_error() -> None:
    body: dict[str, Any] = {"name": "loop"}
    body["self"] = body
    with pytest.raises(ValueError, match="circular"):
        encode_json(body, RFC2822)


def test_the_error_names_the_type_but_never_shows_the_value() -> None:
    class Secret:
        def __repr__(self) -> str:
            return "hunter2"

        __str__ = __repr__

    with pytest.raises(TypeError) as caught:
        encode_json({"_authentication": {"password": Secret()}}, RFC2822)
    assert "_authentication.password" in str(caught.value)
    assert "hunter2" not in str(caught.value)


# -- through the client: raised before any request, sent in the right form --------------


def test_update_with_an_object_raises_before_any_request(api: BigcommerceApi) -> None:
    product = Products({"id": 77}, api.connection)
    with replay.use_cassette(NO_REQUESTS) as cassette:
        with pytest.raises(TypeError, match="request body field price"):
            product.update(price=object())
        with pytest.raises(TypeError, match="request body field custom_fields"):
            api.Products.create(name="Kettle", custom_fields=[{"name": "x", "value": object()}])
    assert cassette.play_count == 0


def test_v2_bodies_carry_rfc2822_dates_and_decimal_strings(api: BigcommerceApi) -> None:
    with replay.use_cassette("encoding/dates_and_decimals.yaml", allow_playback_repeats=False) as cassette:
        post = api.BlogPosts.create(
            title="Winter sale", body="Sale", published_date=datetime.datetime(2023, 1, 1, 9, 30, tzinfo=UTC),
            meta_keywords=("sale",),
        )
        product = Products({"id": 77}, api.connection).update(
            price=Decimal("45.9500"), sale_price=Decimal("1E+2"), date_created=datetime.date(2023, 1, 1),
        )
    assert cassette.play_count == 2
    assert post.id == 3 and product.price == "45.9500"


def test_v3_bodies_and_filters_carry_iso8601_dates_and_decimal_numbers(v3: OAuthConnection) -> None:
    with replay.use_cassette("encoding/dates_and_decimals.yaml") as cassette:
        body = v3.make_request("PUT", "catalog/products/77", {
            "price": Decimal("45.95"),
            "preorder_release_date": datetime.datetime(2023, 1, 1, 9, 30),
            "availability_date": datetime.datetime(2023, 2, 1, 9, 30, tzinfo=PARIS_WINTER),
        })
        v3.get("catalog/products", **{"date_modified:min": datetime.datetime(2023, 1, 1, tzinfo=UTC)})
    assert cassette.play_count == 2
    assert body["data"]["price"] == 45.95


class _ReadOnlyMapping(collections.abc.Mapping):  # type: ignore[type-arg]
    """A mapping that is not a dict, which json.dumps alone would refuse."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Any:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)
