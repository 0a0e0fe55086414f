"""Paths and query strings: every id and segment checked, every filter in the API's own format."""
from __future__ import annotations

import datetime

import pytest

from bigcommerce import urls


@pytest.mark.parametrize(
    "rid, segment",
    [(0, "0"), (35, "35"), (2147483647, "2147483647"), ("35", "35"), ("dQw4w9WgXcQ", "dQw4w9WgXcQ"),
     ("a-b_c", "a-b_c")],
    ids=repr,
)
def test_check_id_accepts_ints_and_plain_tokens(rid: object, segment: str) -> None:
    assert urls.check_id(rid) == segment


@pytest.mark.parametrize("rid", [True, False, None, 1.5, 35.0, b"35", [35], {"id": 35}], ids=repr)
def test_check_id_refuses_other_types_with_type_error(rid: object) -> None:
    with pytest.raises(TypeError):
        urls.check_id(rid)


@pytest.mark.parametrize(
    "rid", [-1, "", " 35", "35 ", "35\n", "1/../customers", "..", ".", "1?x=y", "1#top", "1&x=y", "%2e%2e",
            "1;x", "١٢", "３５"],  # noqa: RUF001 (fullwidth digits on purpose)
    ids=repr,
)
def test_check_id_refuses_anything_but_a_plain_token_with_value_error(rid: object) -> None:
    with pytest.raises(ValueError):
        urls.check_id(rid)


def test_check_id_names_what_it_checked_in_the_message() -> None:
    with pytest.raises(ValueError, match="store_hash"):
        urls.check_id("abc/../x", "store_hash")


@pytest.mark.parametrize(
    "resource, path",
    [("products", "products"), ("/products/", "products"), ("products/35/images", "products/35/images"),
     ("products/35/images.json", "products/35/images.json"), ("shipping/carrier/connection",
                                                              "shipping/carrier/connection")],
)
def test_check_resource_accepts_relative_paths_and_trims_slashes(resource: str, path: str) -> None:
    assert urls.check_resource(resource) == path


@pytest.mark.parametrize(
    "resource",
    ["", "/", "products/../customers", "../customers", "products/.", "products/./35", "products//35",
     "products?limit=5", "products#top", "products/%2e%2e", "products\\35", "products/ 35",
     "https://evil.example/products", "products/35\n"],
    ids=repr,
)
def test_check_resource_refuses_unsafe_paths_with_value_error(resource: str) -> None:
    with pytest.raises(ValueError):
        urls.check_resource(resource)


@pytest.mark.parametrize("resource", [None, 5, b"products", ["products"]], ids=repr)
def test_check_resource_refuses_non_strings_with_type_error(resource: object) -> None:
    with pytest.raises(TypeError):
        urls.check_resource(resource)


def test_join_checks_every_part() -> None:
    assert urls.join("products", 35, "images") == "products/35/images"
    assert urls.join("orders", 0) == "orders/0"
    with pytest.raises(ValueError):
        urls.join("products", "35/../../customers")
    with pytest.raises(TypeError):
        urls.join("products", None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "value, text",
    [
        ([1, 2, 3], "1,2,3"),
        ((4, 5), "4,5"),
        ({3, 1, 2}, "1,2,3"),
        (frozenset({"b", "a"}), "a,b"),
        ([True, False], "true,false"),
        (True, "true"),
        (False, "false"),
        (0, "0"),
        ("", ""),
        ("a,b", "a,b"),
        ("89.0000", "89.0000"),
        (datetime.datetime(2018, 4, 10, 18, 59, 5, tzinfo=datetime.timezone.utc), "Tue, 10 Apr 2018 18:59:05 +0000"),
        (datetime.datetime(2017, 4, 20, 11, 32, tzinfo=datetime.timezone(datetime.timedelta(hours=-4))),
         "Thu, 20 Apr 2017 11:32:00 -0400"),
        (datetime.datetime(2018, 4, 10, 18, 59, 5), "Tue, 10 Apr 2018 18:59:05 +0000"),
        (datetime.date(2018, 4, 10), "2018-04-10"),
    ],
    ids=repr,
)
def test_query_value_writes_filters_as_the_api_reads_them(value: object, text: str) -> None:
    assert urls.query_value(value) == text


def test_encode_query_leaves_out_none_and_keeps_falsy_values() -> None:
    query = urls.encode_query({"name": None, "is_visible": False, "min_id": 0, "keyword_filter": "",
                               "id:in": [1, 2], "limit": 250})

    assert query == {"is_visible": "false", "min_id": "0", "keyword_filter": "", "id:in": "1,2", "limit": "250"}


def test_encode_query_of_nothing_is_empty() -> None:
    assert urls.encode_query({}) == {}
    assert urls.encode_query({"page": None}) == {}


def test_encode_query_does_not_change_its_argument() -> None:
    filters = {"id:in": [1, 2], "name": None}

    urls.encode_query(filters)

    assert filters == {"id:in": [1, 2], "name": None}
