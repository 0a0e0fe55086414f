"""The v3 machinery, once, on classes that exist only in these tests.

Envelope, both paging kinds and keyset paging, batches split into saved and
failed, the delete forms, collections without a per-id path, singletons,
composite keys and every error-body shape. Cassettes under
``cassettes/v3/machinery/`` take their bodies from BigCommerce's v3 OpenAPI
examples; a call that must send nothing runs against an empty cassette.
"""
from __future__ import annotations

from typing import Any

import pytest

from bigcommerce.api import BigcommerceApi
from bigcommerce.exception import (
    BatchItemFailed,
    ClientRequestException,
    HttpException,
    ResourceNotFound,
    Unauthorised,
)
from bigcommerce.v3 import (
    BODY,
    CURSOR,
    LAST_ID,
    BatchCreateableV3,
    BatchDeleteableV3,
    BatchResult,
    BatchUpdateableV3,
    CountableV3,
    CreateableV3,
    DeleteableSingletonV3,
    DeleteableV3,
    EmailTemplates,
    GettableV3,
    ListableV3,
    PutOnlySingletonV3,
    SingletonV3,
    UpdateableSingletonV3,
    UpdateableV3,
    V3Connection,
    V3List,
    subresource,
)
from tests.conftest import ACCESS_TOKEN, BASIC_AUTH, BASIC_HOST, CLIENT_ID, STORE_HASH, replay

NO_REQUESTS = "capabilities/no_requests.yaml"


class GadgetMetafields(ListableV3, GettableV3, BatchCreateableV3, BatchUpdateableV3, BatchDeleteableV3):
    path = "catalog/products/{product_id}/metafields"
    collection_path = "catalog/products/metafields"
    paging = CURSOR  # as ProductMetafields: the spec declares cursor parameters, its answer only offset meta
    delete_form = BODY
    batch_key = ("resource_id", "namespace", "key")
    owner_field = "resource_id"


class Gadgets(
    ListableV3, CountableV3, GettableV3, CreateableV3, UpdateableV3, DeleteableV3, BatchUpdateableV3,
    BatchDeleteableV3,
):
    path = "catalog/products"
    batch_limit = 2
    delete_limit = 2
    metafields = subresource(GadgetMetafields)


class Members(ListableV3, GettableV3, CreateableV3, UpdateableV3, DeleteableV3, BatchCreateableV3):
    path = "customers"
    paging = CURSOR
    item_path = False
    array_writes = True
    batch_limit = 10
    batch_key = ("email",)


class Listings(ListableV3):
    path = "channels/{channel_id}/listings"
    paging = LAST_ID
    id_field = "listing_id"


class Assignments(BatchDeleteableV3):
    path = "catalog/products/channel-assignments"
    id_filter = ""  # the bulk DELETE takes filters only


class Summary(SingletonV3):
    path = "catalog/summary"


class Preferences(UpdateableSingletonV3):
    path = "customers/settings"


class CheckoutUrl(PutOnlySingletonV3):
    path = "channels/{channel_id}/site/checkout-url"


class BrandImage(DeleteableSingletonV3):
    path = "catalog/brands/{brand_id}/image"


class Records(GettableV3, UpdateableV3):
    path = "pricelists/{price_list_id}/records"
    item_fields = ("variant_id", "currency")


class api_of:
    def __init__(self, connection: V3Connection) -> None:
        self.connection = connection


@pytest.fixture
def conn(api: BigcommerceApi) -> V3Connection:
    return api.v3.connection


# -- api.v3 and its connection ----------------------------------------------------------------


def test_api_v3_shares_the_v2_connections_session_quota_retries_and_timeouts(api: BigcommerceApi) -> None:
    v3 = api.v3.connection
    assert api.v3 is api.v3
    assert v3.full_path("catalog/products") == "https://api.bigcommerce.com/stores/abc123/v3/catalog/products"
    assert v3.rate_limiter is api.connection.rate_limiter
    assert v3._session is api.connection._session
    assert v3.retry is api.connection.retry and v3.timeout == api.connection.timeout
    api.connection._auth = object()
    assert v3._auth is api.connection._auth  # a token fetched later serves both versions


def test_api_v3_on_basic_auth_is_a_type_error_naming_oauth() -> None:
    api = BigcommerceApi(host=BASIC_HOST, basic_auth=BASIC_AUTH)
    with pytest.raises(TypeError, match="OAuth"):
        api.v3


def test_a_name_that_is_no_v3_class_is_an_attribute_error(api: BigcommerceApi) -> None:
    with pytest.raises(AttributeError, match="NoSuchThing"):
        api.v3.NoSuchThing
    with pytest.raises(AttributeError):
        api.v3.V3Resource


def test_the_connection_unwraps_data_and_make_request_keeps_the_whole_body(conn: V3Connection) -> None:
    with replay.use_cassette("v3/machinery/envelope.yaml") as cassette:
        product = conn.get("catalog/products", 174)
        whole = conn.make_request("GET", "catalog/products/174", params={
            "include": ["variants", "images"], "include_fields": "name,sku",
        })
        settings = conn.get("orders/settings")
    assert cassette.all_played
    assert product["name"] == "1L Le Parfait Jar 174" and "meta" not in product
    assert set(whole) == {"data", "meta"}
    assert settings["notifications"]["order_placed"]["email_addresses"] == ["owner@example.com"]


def test_the_old_clients_api_path_recipe_returns_the_whole_body() -> None:
    from bigcommerce.connection import OAuthConnection

    old = OAuthConnection(CLIENT_ID, STORE_HASH, ACCESS_TOKEN, api_path="/stores/{}/v3/{}")
    with replay.use_cassette("v3/machinery/envelope.yaml"):
        body = old.get("catalog/products/174")
    assert body["data"]["id"] == 174 and body["meta"] == {}


# -- paging -------------------------------------------------------------------------------------


def test_all_is_one_page_with_its_meta_and_count_reads_the_total(conn: V3Connection) -> None:
    with replay.use_cassette("v3/machinery/offset_one_page_of_two.yaml") as cassette:
        page = Gadgets.all(connection=conn, is_visible=True, include=["variants", "images"], limit=2)
        total = Gadgets.count(connection=conn, is_visible=True)
    assert cassette.all_played
    assert isinstance(page, V3List) and [g.id for g in page] == [1, 2]
    assert page.meta["pagination"]["total_pages"] == 3 and total == 5
    assert all(isinstance(g, Gadgets) for g in page)


@pytest.mark.parametrize("concurrency", [1, 2, 8])
def test_offset_walk_requests_exactly_the_pages_that_exist(conn: V3Connection, concurrency: int) -> None:
    with replay.use_cassette("v3/machinery/offset_three_pages.yaml") as cassette:
        ids = [g.id for g in Gadgets.iterall(connection=conn, limit=2, concurrency=concurrency)]
    assert ids == [1, 2, 3, 4, 5]
    assert cassette.play_count == 3  # total_pages = 3: never page 4, whatever the concurrency


def test_offset_walk_without_meta_stops_on_a_short_page(conn: V3Connection) -> None:
    with replay.use_cassette("v3/machinery/offset_without_meta.yaml") as cassette:
        ids = [g.id for g in Gadgets.iterall(connection=conn, limit=2)]
    assert ids == [1, 2, 3] and cassette.play_count == 2


def test_cursor_walk_follows_links_next_verbatim_keeping_the_filters(conn: V3Connection) -> None:
    with replay.use_cassette("v3/machinery/cursor_walk.yaml") as cassette:
        members = list(Members.iterall(connection=conn, limit=2, customer_group_id__in=[0], concurrency=4))
    assert [m.id for m in members] == [1, 2, 3, 4, 5]
    assert cassette.all_played and cassette.play_count == 3


def test_keyset_walk_sends_the_last_listing_id_as_after(conn: V3Connection) -> None:
    with replay.use_cassette("v3/machinery/last_id_walk.yaml") as cassette:
        listings = list(Listings.iterall(1, connection=conn, limit=2))
    assert [item.listing_id for item in listings] == [11, 12, 13] and cassette.play_count == 2
    assert listings[0].parent_ids() == (1,)


@pytest.mark.parametrize("call", [
    lambda c: Gadgets.all(connection=c, limit=251),
    lambda c: list(Gadgets.iterall(connection=c, limit=0)),
    lambda c: list(Gadgets.iterall(connection=c, concurrency=33)),
    lambda c: Listings.all(connection=c),
    lambda c: Gadgets.get(connection=c),
    lambda c: Gadgets.get(1, 2, connection=c),
])
def test_a_bad_argument_raises_before_any_request(conn: V3Connection, call: Any) -> None:
    with replay.use_cassette(NO_REQUESTS) as cassette:
        with pytest.raises((ValueError, TypeError)):
            call(conn)
    assert cassette.play_count == 0


# -- batches -------------------------------------------------------------------------------------


def test_update_many_chunks_by_the_limit_and_splits_a_207_and_a_422(conn: V3Connection) -> None:
    items = [{"id": i, "price": 9.5} for i in range(1, 6)]
    with replay.use_cassette("v3/machinery/batch_update_207_and_422.yaml") as cassette:
        result = Gadgets.update_many(items, connection=conn)
    assert cassette.all_played and cassette.play_count == 3  # 2 + 2 + 1: limit 2
    assert isinstance(result, BatchResult) and not result.ok
    assert [g.id for g in result.succeeded] == [1, 2, 3] == [g.id for g in result]
    assert [item["id"] for item, _ in result.failed] == [4, 5]
    partial, whole = result.failed[0][1], result.failed[1][1]
    assert isinstance(partial, BatchItemFailed) and "Inventory update failed" in str(partial)
    assert isinstance(whole, ClientRequestException) and whole.status_code == 422
    assert whole.errors == ["price: price must be greater than or equal to 0"]


def test_update_many_of_an_item_without_an_id_raises_before_any_request(conn: V3Connection) -> None:
    with replay.use_cassette(NO_REQUESTS) as cassette:
        with pytest.raises(ValueError, match="item 1 has no 'id'"):
            Gadgets.update_many([{"id": 1}, {"price": 2}], connection=conn)
        with pytest.raises(TypeError):
            Gadgets.update_many({"id": 1}, connection=conn)  # type: ignore[arg-type]
    assert cassette.play_count == 0


def test_a_partial_422_keeps_what_was_saved_and_fails_exactly_the_rest(conn: V3Connection) -> None:
    new = [{"resource_id": 10 + i, "namespace": "Warehouse Locations", "key": f"Location {i}", "value": "4 hours",
            "permission_set": "app_only"} for i in range(3)]
    with replay.use_cassette("v3/machinery/metafields_partial_422.yaml") as cassette:
        result = GadgetMetafields.create_many(new, connection=conn)
    assert cassette.all_played
    assert [m.id for m in result.succeeded] == [7, 8]
    (item, error), = result.failed
    assert item["key"] == "Location 1" and error.status_code == 422  # type: ignore[attr-defined]
    assert "key: Location 1 exists" in error.errors  # type: ignore[attr-defined]


def test_delete_many_chunks_ids_into_the_filter_or_sends_them_as_a_body(conn: V3Connection) -> None:
    with replay.use_cassette("v3/machinery/deletes.yaml") as cassette:
        by_filter = Gadgets.delete_many([1, 2, 3], connection=conn)
        by_body = GadgetMetafields.delete_many([7, 8], connection=conn)
        by_brand = Gadgets.delete_many(connection=conn, brand_id=36)
    assert cassette.all_played and cassette.play_count == 4
    assert by_filter.succeeded == [1, 2, 3] and by_body.succeeded == [7, 8] and by_filter.ok
    assert by_brand.ok


@pytest.mark.parametrize("call", [
    lambda c: Gadgets.delete_many([], connection=c),
    lambda c: Gadgets.delete_many(connection=c),
    lambda c: Gadgets.delete_many(None, connection=c, brand_id=None),
    lambda c: Gadgets.delete_many("1,2", connection=c),
    lambda c: Gadgets.delete_many([0, "1/../x"], connection=c),
    lambda c: Assignments.delete_many([1, 2], connection=c),
    lambda c: Assignments.delete_many(connection=c),
])
def test_a_bulk_delete_without_ids_or_filter_raises_before_any_request(conn: V3Connection, call: Any) -> None:
    with replay.use_cassette(NO_REQUESTS) as cassette:
        with pytest.raises((ValueError, TypeError)):
            call(conn)
    assert cassette.play_count == 0


# -- collections without a per-id path, singletons, composite keys, subresources ------------------


def test_a_collection_without_a_per_id_path_reads_writes_and_deletes_one_item_as_a_batch(conn: V3Connection) -> None:
    with replay.use_cassette("v3/machinery/customers_by_filter.yaml") as cassette:
        third = Members.get(3, connection=conn)
        with pytest.raises(ResourceNotFound, match="id:in=9"):
            Members.get(9, connection=conn)
        created = Members.create(connection=conn, email="string6@example.com", first_name="Jane", last_name="Doe")
        renamed = created.update(last_name="Roe")
        renamed.delete()
    assert cassette.all_played
    assert third.email == "string3@example.com" and isinstance(third, Members)
    assert created.id == 6 and renamed.last_name == "Roe"


def test_singletons_get_and_update_without_an_id_and_composite_keys_address_their_object(
    conn: V3Connection,
) -> None:
    with replay.use_cassette("v3/machinery/singletons_and_composite_keys.yaml") as cassette:
        summary = Summary.get(connection=conn)
        prefs = Preferences.update(connection=conn, privacy_settings={
            "ask_shopper_for_tracking_consent": True, "policy_url": "https://example.com",
        })
        record = Records.get(3, 45, "USD", connection=conn)
        repriced = record.update(price=11)
    assert cassette.all_played
    assert summary.variant_count == 20 and prefs.privacy_settings.ask_shopper_for_tracking_consent is True
    assert record.parent_ids() == (3,) and repriced.price == 11


def test_a_put_only_singleton_and_a_deleteable_one_have_exactly_those_verbs(conn: V3Connection) -> None:
    with replay.use_cassette("v3/machinery/singleton_put_and_delete.yaml") as cassette:
        url = CheckoutUrl.update(1, connection=conn, url="https://checkout.example.com")
        BrandImage.delete(5, connection=conn)
    assert cassette.all_played and url.url == "https://checkout.example.com"
    assert not hasattr(CheckoutUrl, "all") and not callable(getattr(BrandImage, "update", None))
    from bigcommerce.api import ApiResourceWrapper

    bound = ApiResourceWrapper(CheckoutUrl, api_of(conn))
    with pytest.raises(AttributeError):
        bound.get  # the API has no GET here: only update shows through
    assert callable(bound.update) and callable(ApiResourceWrapper(BrandImage, api_of(conn)).delete)


def test_a_parents_helper_lists_creates_and_deletes_under_it(conn: V3Connection) -> None:
    product = Gadgets({"id": 10, "name": "Jar"}, conn)
    helper = product.metafields
    assert repr(helper) == "<GadgetMetafields of (10,)>"
    with pytest.raises(AttributeError):
        helper.count
    with replay.use_cassette(NO_REQUESTS), pytest.raises(TypeError):
        GadgetMetafields.get(1, connection=conn)  # product id and metafield id are both needed


def test_a_cursor_list_that_answers_only_offset_meta_is_walked_by_page_not_cut_short(conn: V3Connection) -> None:
    with replay.use_cassette("v3/machinery/metafields_of_one_owner.yaml") as cassette:
        shelves = list(GadgetMetafields.iterall(10, connection=conn, limit=2))
    assert [m.key for m in shelves] == ["Shelf 0", "Shelf 1", "Shelf 2"] and cassette.play_count == 2


def test_a_batch_for_one_owner_goes_to_the_store_wide_path_naming_the_owner(conn: V3Connection) -> None:
    product = Gadgets({"id": 10, "name": "Jar"}, conn)
    with replay.use_cassette("v3/machinery/metafields_of_one_owner.yaml") as cassette:
        made = product.metafields.create_many([{"namespace": "Warehouse Locations", "key": "Bin", "value": "4 hours"}])
        gone = product.metafields.delete_many([30])
    assert cassette.play_count == 2
    assert made.ok and made.succeeded[0].resource_id == 10 and gone.succeeded == [30]


# -- errors -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("product_id", "kind", "title", "detail", "errors"), [
    (1, ResourceNotFound, "The requested product was not found.", None, ["The requested product was not found."]),
    (2, ClientRequestException, "Input is invalid", None,
     ["name: name must be unique", "price: price must be a number"]),
    (3, ClientRequestException, "Bad Request", "Input is invalid.", ["Bad Request"]),
    (4, ClientRequestException, None, None, ["code: SAVE10 exists", "Name is too long"]),
    (5, ClientRequestException, None, None, ["item 0: sku: sku is taken", "item 1: price: must be set"]),
    (6, Unauthorised, None, None, []),
    (7, ClientRequestException, None, None, []),
])
def test_every_v3_error_body_shape_becomes_a_readable_exception(
    conn: V3Connection, product_id: int, kind: type[HttpException], title: str | None, detail: str | None,
    errors: list[str],
) -> None:
    with replay.use_cassette("v3/machinery/error_shapes.yaml"):
        with pytest.raises(HttpException) as caught:
            Gadgets.get(product_id, connection=conn)
    error = caught.value
    assert type(error) is kind
    assert (error.title, error.detail, error.errors) == (title, detail, errors)
    text = str(error)
    assert text.startswith(f"GET /catalog/products/{product_id} -> {error.status_code}")
    for part in [title, detail, *errors]:
        if part:
            assert part in text
    assert ACCESS_TOKEN not in text
    if product_id == 2:
        assert error.type == "https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes"
    if product_id == 6:
        assert "Unauthorized: invalid token" in text  # plain text is quoted


def test_a_writes_query_parameters_go_in_the_query_and_the_rest_in_the_body(api: BigcommerceApi) -> None:
    with replay.use_cassette("v3/machinery/write_params.yaml", allow_playback_repeats=False) as cassette:
        one_channel = api.v3.SettingsStorefrontSearch.update(channel_id=2, default_product_sort="featured",
                                                             search_suggest=True)
        store_wide = api.v3.SettingsStorefrontSearch.update(search_suggest=False)
        template = EmailTemplates({"type_id": "account_reset_password_email"}, api.v3.connection)
        template.delete(channel_id=2)
    assert cassette.all_played
    assert one_channel["search_suggest"] is True and store_wide["search_suggest"] is False


def test_a_get_that_answers_text_returns_the_text(api: BigcommerceApi) -> None:
    with replay.use_cassette("v3/machinery/text_answers.yaml", allow_playback_repeats=False) as cassette:
        csv = api.v3.RedirectImexExportDownload.get("7a2f3e1c-5b44-4f0e-9d1a-2c3b4d5e6f70")
    assert cassette.all_played
    assert csv.splitlines() == ["Domain,Old Path,Manual URL/Path,Dynamic Target Type,Dynamic Target ID",
                                "store.example.com,/old-path,/redirect-target,,"]
