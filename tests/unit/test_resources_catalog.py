"""Brands, categories, options and option sets, replayed from cassettes/catalog/."""
from __future__ import annotations

import pytest

from bigcommerce.api import BigcommerceApi
from bigcommerce.exception import ClientRequestException
from bigcommerce.resources import (
    Brands,
    Categories,
    Options,
    OptionSetOptions,
    OptionSets,
    OptionValues,
)
from tests.conftest import replay


def test_brands_list_by_name_and_get_by_id(api: BigcommerceApi) -> None:
    with replay.use_cassette("catalog/brands.yaml") as cassette:
        (sagaform,) = api.Brands.all(name="Sagaform")
        ofs = api.Brands.get(37)
    assert cassette.all_played
    assert isinstance(sagaform, Brands) and sagaform.id == 36
    assert isinstance(ofs, Brands)
    assert ofs.name == ofs["name"] == "OFS"
    assert ofs.image_file == "o/ofs__94837.png"


def test_brands_count_returns_the_number_of_brands(api: BigcommerceApi) -> None:
    with replay.use_cassette("catalog/brands_count.yaml") as cassette:
        assert api.Brands.count() == 14
    assert cassette.all_played


def test_brand_create_returns_the_new_brand(api: BigcommerceApi) -> None:
    with replay.use_cassette("catalog/brand_create.yaml") as cassette:
        brand = api.Brands.create(name="Common Good")
    assert cassette.all_played
    assert isinstance(brand, Brands) and brand.id == 38


def test_categories_list_top_level_visible_and_get_a_child(api: BigcommerceApi) -> None:
    with replay.use_cassette("catalog/categories.yaml") as cassette:
        top = api.Categories.all(parent_id=0, is_visible=True)
        terrariums = api.Categories.get(23)
    assert cassette.all_played
    assert [c.name for c in top] == ["Bath", "Garden"]
    assert all(isinstance(c, Categories) for c in top)
    assert isinstance(terrariums, Categories)
    assert terrariums.parent_id == 21
    assert terrariums.parent_category_list == [21, 23]


def test_categories_count_takes_filters(api: BigcommerceApi) -> None:
    with replay.use_cassette("catalog/categories_count.yaml") as cassette:
        assert api.Categories.count(is_visible=True) == 9
    assert cassette.all_played


def test_category_create_posts_name_and_parent(api: BigcommerceApi) -> None:
    with replay.use_cassette("catalog/category_create.yaml") as cassette:
        planters = api.Categories.create(name="Planters", parent_id=21)
    assert cassette.all_played
    assert planters.id == 24 and planters.url == "/planters/"


def test_category_delete_that_would_orphan_products_raises_the_409(api: BigcommerceApi) -> None:
    with replay.use_cassette("catalog/category_delete_conflict.yaml") as cassette:
        garden = api.Categories.get(21)
        with pytest.raises(ClientRequestException) as caught:
            garden.delete()
    assert cassette.all_played
    assert caught.value.status_code == 409
    assert "without a category" in str(caught.value)


def test_options_list_and_get_keep_the_values_link(api: BigcommerceApi) -> None:
    with replay.use_cassette("catalog/options.yaml") as cassette:
        options = api.Options.all()
        size = api.Options.get(8)
    assert cassette.all_played
    assert [o.type for o in options] == ["RT", "CS"]
    assert isinstance(size, Options) and size.display_name == "Size"
    assert size["values"]["resource"] == "/options/8/values"
    assert callable(size.values)


def test_options_count_by_type(api: BigcommerceApi) -> None:
    with replay.use_cassette("catalog/options_count.yaml") as cassette:
        assert api.Options.count(type="RT") == 3
    assert cassette.all_played


def test_option_values_through_the_option_helper(api: BigcommerceApi) -> None:
    with replay.use_cassette("catalog/option_values.yaml") as cassette:
        size = api.Options.get(8)
        values = size.values()
        large = size.values(18)
    assert cassette.all_played
    assert [v.label for v in values] == ["Small", "Large"]
    assert all(isinstance(v, OptionValues) for v in values)
    assert isinstance(large, OptionValues) and large.option_id == 8


def test_option_value_create_posts_under_the_option(api: BigcommerceApi) -> None:
    with replay.use_cassette("catalog/option_value_create.yaml") as cassette:
        medium = api.OptionValues.create(8, label="Medium", value="Medium", sort_order=1)
    assert cassette.all_played
    assert isinstance(medium, OptionValues) and medium.id == 19


def test_option_sets_list_get_and_count(api: BigcommerceApi) -> None:
    with replay.use_cassette("catalog/option_sets.yaml") as cassette:
        sets = api.OptionSets.all()
        terrarium = api.OptionSets.get(15)
    assert cassette.all_played
    assert [s.name for s in sets] == ["Terrarium options", "Planter options"]
    assert isinstance(terrarium, OptionSets)
    assert terrarium["options"]["resource"] == "/optionsets/15/options"
    with replay.use_cassette("catalog/option_sets_count.yaml"):
        assert api.OptionSets.count() == 2


def test_option_set_options_through_the_option_set_helper(api: BigcommerceApi) -> None:
    with replay.use_cassette("catalog/option_set_options.yaml") as cassette:
        terrarium = api.OptionSets.get(15)
        (size,) = terrarium.options()
        same = terrarium.options(48)
    assert cassette.all_played
    assert isinstance(size, OptionSetOptions) and isinstance(same, OptionSetOptions)
    assert size == same
    assert size.option_set_id == 15 and size.is_required is True
    assert size["values"][1]["label"] == "Large"
