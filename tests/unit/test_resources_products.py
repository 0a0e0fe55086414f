"""Products and their ten subresources, replayed from cassettes/products/.

The v2 catalog has no OpenAPI spec, so these bodies follow the field lists of
BigCommerce's 2016 v2 catalog documentation: decimals as four-place strings,
RFC 2822 dates, related collections as ``{"url", "resource"}`` link objects.
"""
from __future__ import annotations

import pytest

from bigcommerce.api import BigcommerceApi
from bigcommerce.exception import ResourceNotFound
from bigcommerce.resources import (
    GoogleProductSearchMappings,
    ProductConfigurableFields,
    ProductCustomFields,
    ProductDiscountRules,
    ProductImages,
    ProductOptions,
    ProductReviews,
    ProductRules,
    Products,
    ProductSkus,
    ProductVideos,
)
from tests.conftest import replay

NO_REQUESTS = "capabilities/no_requests.yaml"


def test_all_returns_products_with_the_documented_fields(api: BigcommerceApi) -> None:
    with replay.use_cassette("products/list.yaml") as cassette:
        products = api.Products.all(limit=2)
    assert cassette.all_played
    assert [p.id for p in products] == [32, 33]
    terrarium = products[0]
    assert isinstance(terrarium, Products)
    assert terrarium.name == terrarium["name"] == "[Sample] Orbit Terrarium - Large"
    assert terrarium.price == "109.0000"
    assert terrarium.categories == [21, 23]
    assert terrarium.date_created == "Fri, 21 Sep 2012 02:31:01 +0000"
    assert terrarium.primary_image["id"] == 224


def test_all_keeps_subresource_links_as_data_while_the_attributes_are_helpers(api: BigcommerceApi) -> None:
    with replay.use_cassette("products/list.yaml"):
        terrarium = api.Products.all(limit=2)[0]
    assert terrarium["images"]["resource"] == "/products/32/images"
    assert terrarium["images"]["url"].endswith("/api/v2/products/32/images.json")
    assert terrarium["discount_rules"]["resource"] == "/products/32/discountrules"
    assert terrarium["option_set"]["resource"] == "/optionsets/15"
    for helper in ("images", "skus", "rules", "videos", "custom_fields", "discount_rules",
                   "configurable_fields", "options"):
        assert callable(getattr(terrarium, helper))
        assert getattr(terrarium, helper) is not terrarium[helper]


def test_all_sends_the_documented_product_filters(api: BigcommerceApi) -> None:
    with replay.use_cassette("products/list_with_filters.yaml") as cassette:
        products = api.Products.all(is_visible=True, category=21, min_price=50, keyword_filter="terrarium")
    assert cassette.all_played
    assert [p.sku for p in products] == ["OTL"]


def test_iterall_yields_every_product_of_a_short_first_page(api: BigcommerceApi) -> None:
    with replay.use_cassette("products/iterall.yaml") as cassette:
        names = [p.name for p in api.Products.iterall()]
    assert cassette.play_count == 1
    assert names == ["[Sample] Orbit Terrarium - Large", "[Sample] Orbit Terrarium - Small"]


def test_get_keeps_subresource_links(api: BigcommerceApi) -> None:
    with replay.use_cassette("products/get_by_id.yaml") as cassette:
        product = api.Products.get(77)
    assert cassette.all_played
    assert isinstance(product, Products)
    assert product.price == "49.0000"
    assert product["images"]["resource"] == "/products/77/images"


def test_get_of_a_missing_product_raises_resource_not_found(api: BigcommerceApi) -> None:
    with replay.use_cassette("products/get_missing.yaml"):
        with pytest.raises(ResourceNotFound, match="The requested resource was not found"):
            api.Products.get(999)


def test_count_sends_the_list_filters_to_products_count(api: BigcommerceApi) -> None:
    with replay.use_cassette("products/count_with_filters.yaml") as cassette:
        assert api.Products.count(is_visible=True, brand_id=36) == 12
    assert cassette.all_played


def test_create_posts_the_required_fields_and_returns_the_new_product(api: BigcommerceApi) -> None:
    with replay.use_cassette("products/create.yaml") as cassette:
        product = api.Products.create(
            name="Hanging Planter", type="physical", price="24.0000", categories=[23],
            availability="available", weight="2.0000", is_visible=True,
        )
    assert cassette.all_played
    assert isinstance(product, Products)
    assert product.id == 34 and product.option_set is None


def test_images_helper_lists_the_images_of_that_product(api: BigcommerceApi) -> None:
    with replay.use_cassette("products/images_of_product.yaml") as cassette:
        images = api.Products.get(32).images()
    assert cassette.all_played
    assert [i.id for i in images] == [247, 248]
    assert all(isinstance(i, ProductImages) for i in images)
    assert images[0].is_thumbnail is True


SUBRESOURCES = [
    pytest.param(ProductImages, "images", 32, 248, ("image_file", "sample_images/orbit_terrarium_1__248.jpg"),
                 id="images"),
    pytest.param(ProductSkus, "skus", 5, (7, 5), ("sku", "MBA-1atest"), id="skus"),
    pytest.param(ProductRules, "rules", 5, 2,
                 ("price_adjuster", {"adjuster": "relative", "adjuster_value": "10.0000"}), id="rules"),
    pytest.param(ProductVideos, "videos", 30, (5, "dQw4w9WgXcQ"), ("name", "Product demo"), id="videos"),
    pytest.param(ProductCustomFields, "custom_fields", 5, 2, ("text", "Portugal"), id="custom_fields"),
    pytest.param(ProductDiscountRules, "discount_rules", 5, 1, ("type_value", "3.0000"), id="discount_rules"),
    pytest.param(ProductConfigurableFields, "configurable_fields", 5, 3, ("name", "Engraving"),
                 id="configurable_fields"),
    pytest.param(ProductReviews, "reviews", 5, 2, ("status", 0), id="reviews"),
]


@pytest.mark.parametrize("cls, name, parent, one, field", SUBRESOURCES)
def test_subresource_lists_and_gets_under_its_product(api: BigcommerceApi, cls, name, parent, one, field) -> None:
    wrapper = getattr(api, cls.__name__)
    pid, child_id = one if isinstance(one, tuple) else (parent, one)
    with replay.use_cassette(f"products/{name}.yaml") as cassette:
        listed = wrapper.all(parent)
        fetched = wrapper.get(pid, child_id)
    assert cassette.all_played
    assert listed and all(type(item) is cls for item in listed)
    assert all(item.product_id == parent for item in listed)
    assert type(fetched) is cls
    assert fetched.id == child_id and fetched.product_id == pid
    key, value = field
    assert fetched[key] == value and getattr(fetched, key) == value


def test_skus_carry_their_option_value_pairs_and_four_place_prices(api: BigcommerceApi) -> None:
    with replay.use_cassette("products/skus.yaml"):
        skus = api.ProductSkus.all(5)
    assert skus[0].options == [{"product_option_id": 15, "option_value_id": 17},
                               {"product_option_id": 16, "option_value_id": 28}]
    assert skus[1].adjusted_price == "2.0000"
    assert skus[1].is_purchasing_disabled is True


def test_product_videos_use_youtube_ids_as_string_ids(api: BigcommerceApi) -> None:
    with replay.use_cassette("products/videos.yaml") as cassette:
        (listed,) = api.ProductVideos.all(30)
        video = api.ProductVideos.get(5, "dQw4w9WgXcQ")
    assert cassette.all_played
    assert listed.id == "UmhvxsOwhqk"
    assert isinstance(video, ProductVideos) and video.id == "dQw4w9WgXcQ"


def test_product_video_update_puts_to_the_youtube_id_path(api: BigcommerceApi) -> None:
    video = ProductVideos({"id": "dQw4w9WgXcQ", "product_id": 5, "sort_order": 1, "name": "Product demo"},
                          api.connection)
    with replay.use_cassette("products/video_update.yaml") as cassette:
        updated = video.update(name="New video title", sort_order=2)
    assert cassette.all_played
    assert isinstance(updated, ProductVideos)
    assert (updated.id, updated.name, updated.sort_order) == ("dQw4w9WgXcQ", "New video title", 2)


def test_image_count_without_a_product_is_store_wide(api: BigcommerceApi) -> None:
    with replay.use_cassette("products/images_count_store_wide.yaml") as cassette:
        assert api.ProductImages.count() == 86
    assert cassette.all_played


def test_image_count_with_a_product_id_counts_that_products_images(api: BigcommerceApi) -> None:
    with replay.use_cassette("products/images_count_per_product.yaml") as cassette:
        assert api.ProductImages.count(5) == 3
    assert cassette.all_played


def test_image_count_through_the_products_wrapper_is_the_same_count(api: BigcommerceApi) -> None:
    with replay.use_cassette("products/images_count_store_wide.yaml") as cassette:
        assert api.Products.images.count() == 86
    assert cassette.all_played


def test_product_options_get_with_only_the_product_id_lists_its_options(api: BigcommerceApi) -> None:
    with replay.use_cassette("products/options_get_lists.yaml") as cassette:
        options = api.ProductOptions.get(1)
    assert cassette.all_played
    assert [o.display_name for o in options] == ["iPod Capacities", "Accessories"]
    assert all(isinstance(o, ProductOptions) for o in options)


def test_product_options_get_with_product_and_option_ids_fetches_one(api: BigcommerceApi) -> None:
    with replay.use_cassette("products/option_get.yaml") as cassette:
        option = api.ProductOptions.get(1, 2)
    assert cassette.all_played
    assert isinstance(option, ProductOptions)
    assert option.option_id == 9 and option.is_required is False


def test_options_helper_lists_and_gets_the_options_of_a_product(api: BigcommerceApi) -> None:
    with replay.use_cassette("products/options_helper.yaml") as cassette:
        product = api.Products.get(1)
        options = product.options()
        first = product.options(1)
    assert cassette.all_played
    assert [o.id for o in options] == [13, 14]
    assert isinstance(first, ProductOptions) and first.display_name == "iPod Capacities"
    assert product["options"]["resource"] == "/products/1/options"


def test_product_options_are_read_only(api: BigcommerceApi) -> None:
    with replay.use_cassette("products/option_get.yaml"):
        option = api.ProductOptions.get(1, 2)
    with pytest.raises(AttributeError):
        option.delete
    for operation in ("create", "delete_all", "count"):
        with pytest.raises(AttributeError):
            getattr(api.ProductOptions, operation)


def test_google_mappings_helper_lists_the_products_mappings(api: BigcommerceApi) -> None:
    with replay.use_cassette("products/google_mappings.yaml") as cassette:
        (mapping,) = api.Products.get(5).google_mappings()
    assert cassette.all_played
    assert isinstance(mapping, GoogleProductSearchMappings)
    assert mapping.product_id == 5 and mapping.enabled is True
    assert mapping.google_shopping_product_category_path == "Home & Garden > Decor > Terrariums"


def test_google_mappings_have_no_get_by_id(api: BigcommerceApi) -> None:
    product = Products({"id": 5}, api.connection)
    with replay.use_cassette(NO_REQUESTS) as cassette:
        with pytest.raises(TypeError):
            product.google_mappings(3)
    assert cassette.play_count == 0
    with pytest.raises(AttributeError):
        api.GoogleProductSearchMappings.get


def test_configurable_fields_can_be_listed_but_not_created(api: BigcommerceApi) -> None:
    with replay.use_cassette("products/configurable_fields.yaml"):
        fields = api.ProductConfigurableFields.all(5)
    assert fields[1].allowed_file_types == "jpg,png"
    with pytest.raises(AttributeError):
        api.ProductConfigurableFields.create


def test_sku_list_without_a_product_id_raises_before_any_request(api: BigcommerceApi) -> None:
    with replay.use_cassette(NO_REQUESTS) as cassette:
        with pytest.raises(TypeError, match="product_id"):
            api.ProductSkus.all(sku="MB-1")
    assert cassette.play_count == 0
