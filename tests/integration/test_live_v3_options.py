"""The v3 client's option and modifier classes against the sandbox over loopback: what they create
through v3 is what v2's product options, options and SKUs show (v3-resources.md §3.3, §3.4)."""
from __future__ import annotations

import pytest

from bigcommerce.api import BigcommerceApi
from bigcommerce.exception import ClientRequestException, ResourceNotFound
from bigcommerce.sandbox import Sandbox
from bigcommerce.v3 import ProductModifiers, ProductModifierValues, ProductOptions, ProductOptionValues


def new_product(api: BigcommerceApi, name: str) -> int:
    return int(api.v3.Products.create(name=name, type="physical", weight=1, price=10).id)


def test_an_option_and_its_values_through_the_client_are_v2_product_options_and_option_values(
        api: BigcommerceApi) -> None:
    pid = new_product(api, "Option kettle")
    option = api.v3.ProductOptions.create(pid, display_name="Colour", type="swatch", option_values=[
        {"label": "Red", "sort_order": 0, "value_data": {"colors": ["#FF0000"]}},
        {"label": "Blue", "sort_order": 1, "value_data": {"colors": ["#0000FF"]}}])
    assert isinstance(option, ProductOptions) and option.parent_ids() == (pid,)
    assert [o.id for o in api.v3.ProductOptions.all(pid)] == [option.id]
    assert api.v3.ProductOptions.count(pid) == 1

    v2_options = api.ProductOptions.all(pid)
    assert [(o.id, o.display_name) for o in v2_options] == [(option.id, "Colour")]
    v2_values = api.OptionValues.all(v2_options[0].option_id)
    assert [(v.label, v.value) for v in v2_values] == [("Red", "#FF0000"), ("Blue", "#0000FF")]

    renamed = option.update(display_name="Shade")
    assert renamed.display_name == "Shade" and api.v3.ProductOptions.get(pid, option.id).display_name == "Shade"
    option.delete()
    with pytest.raises(ResourceNotFound):
        api.v3.ProductOptions.get(pid, option.id)


def test_option_values_are_created_walked_updated_and_deleted_through_the_client(
        api: BigcommerceApi, sandbox: Sandbox) -> None:
    pid = new_product(api, "Values kettle")
    option = api.v3.ProductOptions.create(pid, display_name="Size", type="rectangles",
                                          option_values=[{"label": "S0", "sort_order": 0}])
    for n in range(1, 120):
        api.v3.ProductOptionValues.create(pid, option.id, label=f"S{n}", sort_order=n)
    sandbox.stats.reset()
    walked = list(api.v3.ProductOptionValues.iterall(pid, option.id, limit=50))
    assert [v.label for v in walked] == [f"S{n}" for n in range(120)]
    assert sandbox.stats.count("GET", f"v3/catalog/products/{pid}/options/{option.id}/values") == 3
    assert all(isinstance(v, ProductOptionValues) and v.parent_ids() == (pid, option.id) for v in walked)
    assert [v.label for v in option.values()][:2] == ["S0", "S1"]

    value = walked[1].update(label="Small", sort_order=1)
    assert value.label == "Small" and api.v3.ProductOptionValues.get(pid, option.id, value.id).label == "Small"
    value.delete()
    assert api.v3.ProductOptionValues.count(pid, option.id) == 119
    with pytest.raises(ClientRequestException) as caught:
        api.v3.ProductOptionValues.create(pid, option.id, label="No order")
    assert caught.value.status_code == 422 and any("sort_order" in message for message in caught.value.errors)


def test_variants_created_through_the_client_from_v3_option_values_are_v2_skus_pointing_at_them(
        api: BigcommerceApi) -> None:
    pid = new_product(api, "Variant kettle")
    option = api.v3.ProductOptions.create(pid, display_name="Colour", type="radio_buttons", option_values=[
        {"label": "Red", "sort_order": 0}, {"label": "Green", "sort_order": 1}])
    for value in option.option_values:
        api.v3.ProductVariants.create(pid, sku=f"VK-{value['label']}",
                                      option_values=[{"id": value["id"], "option_id": option.id}])
    skus = api.ProductSkus.all(pid)
    assert [(s.sku, s.options[0]["product_option_id"], s.options[0]["option_value_id"]) for s in skus] == [
        ("VK-Red", option.id, option.option_values[0]["id"]), ("VK-Green", option.id, option.option_values[1]["id"])]
    api.v3.ProductOptionValues.get(pid, option.id, option.option_values[0]["id"]).delete()
    assert [s.sku for s in api.ProductSkus.all(pid)] == ["VK-Green"]


def test_a_product_created_with_three_variants_lists_its_option_through_the_client(api: BigcommerceApi) -> None:
    created = api.v3.Products.create(
        name="Kettle of three sizes", type="physical", weight=1, price=49.99,
        variants=[{"sku": f"K3-{size}", "option_values": [{"option_display_name": "Size", "label": size}]}
                  for size in ("S", "M", "L")])
    options = created.options()
    assert [(o.display_name, o.type) for o in options] == [("Size", "radio_buttons")]
    assert [v["label"] for v in options[0].option_values] == ["S", "M", "L"]
    assert sorted(v.option_values[0]["id"] for v in created.variants()) == sorted(
        v["id"] for v in options[0].option_values)


def test_modifiers_and_their_values_through_the_client(api: BigcommerceApi) -> None:
    pid = new_product(api, "Modifier kettle")
    insurance = api.v3.ProductModifiers.create(pid, display_name="Insurance", type="checkbox", required=True)
    assert isinstance(insurance, ProductModifiers)
    values = insurance.values()
    assert [(v.label, v.value_data, v.option_id) for v in values] == [
        ("Yes", {"checked_value": True}, insurance.id), ("No", {"checked_value": False}, insurance.id)]
    assert all(isinstance(v, ProductModifierValues) for v in values)
    yes = values[0].update(adjusters={"price": {"adjuster": "relative", "adjuster_value": 5}})
    assert yes.adjusters["price"] == {"adjuster": "relative", "adjuster_value": 5}
    assert api.v3.ProductModifiers.all(pid)[0].required is True
    assert api.v3.ProductOptions.all(pid) == []
    assert [o.display_name for o in api.ProductOptions.all(pid)] == ["Insurance"]
    with pytest.raises(ClientRequestException) as caught:
        api.v3.ProductModifiers.create(pid, display_name="Note", type="text")
    assert caught.value.status_code == 422 and any("required" in message for message in caught.value.errors)
    insurance.delete()
    assert api.v3.ProductModifiers.count(pid) == 0
