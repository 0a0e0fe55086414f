"""The sandbox's v3 variant options, modifiers and their values (v3-resources.md §3.3, §3.4), and
their one state with v2's product options, options and option values, both ways."""
from __future__ import annotations

import json
from typing import Any, Callable

import pytest

from bigcommerce.sandbox import Sandbox
from bigcommerce.sandbox.store import Store
from tests.sandbox.v3_http import data, error_of, product_body, size_variants, v2, v3

MakeSandbox = Callable[..., Sandbox]

OPTION_KEYS = ["id", "product_id", "name", "display_name", "type", "sort_order", "option_values", "config"]
MODIFIER_KEYS = ["id", "product_id", "name", "display_name", "type", "required", "sort_order", "config",
                 "option_values"]
VALUE_KEYS = ["id", "label", "sort_order", "value_data", "is_default"]
MODIFIER_VALUE_KEYS = ["id", "option_id", "label", "sort_order", "value_data", "is_default", "adjusters"]


@pytest.fixture
def sb(make_real_sandbox: MakeSandbox) -> Sandbox:
    return make_real_sandbox()


def new_product(sb: Sandbox, name: str = "Tee", **fields: Any) -> int:
    return int(data(v3(sb, "POST", "catalog/products", json=product_body(name, **fields)))["id"])


def colour_option(*labels: str, **fields: Any) -> dict[str, Any]:
    return {"display_name": "Colour", "type": "radio_buttons",
            "option_values": [{"label": label, "sort_order": n} for n, label in enumerate(labels)], **fields}


# -- variant options (§3.3) ------------------------------------------------------------------

def test_an_option_is_created_listed_read_updated_and_deleted_in_the_specs_shape(sb: Sandbox) -> None:
    pid = new_product(sb)
    path = f"catalog/products/{pid}/options"
    created = data(v3(sb, "POST", path, json=colour_option("Red", "Blue", sort_order=2)))
    assert list(created) == OPTION_KEYS
    assert (created["product_id"], created["display_name"], created["type"], created["sort_order"]) == (
        pid, "Colour", "radio_buttons", 2)
    assert created["name"].startswith("Colour") and created["name"].endswith(f"-{pid}")
    assert [list(value) for value in created["option_values"]] == [VALUE_KEYS, VALUE_KEYS]
    assert [value["label"] for value in created["option_values"]] == ["Red", "Blue"]
    listed = v3(sb, "GET", path)
    assert listed.json()["meta"]["pagination"]["total"] == 1 and listed.json()["data"] == [created]
    assert data(v3(sb, "GET", f"{path}/{created['id']}")) == created
    narrow = data(v3(sb, "GET", f"{path}/{created['id']}", params={"exclude_fields": "option_values,name,config"}))
    assert list(narrow) == ["id", "product_id", "display_name", "type", "sort_order"]
    assert list(data(v3(sb, "GET", path, params={"include_fields": "type"}))[0]) == ["id", "type"]
    updated = data(v3(sb, "PUT", f"{path}/{created['id']}", json={
        "display_name": "Shade", "type": "dropdown",
        "option_values": [{"id": created["option_values"][0]["id"], "label": "Crimson", "sort_order": 0},
                          {"label": "Green", "sort_order": 5}]}))
    assert (updated["display_name"], updated["type"]) == ("Shade", "dropdown")
    assert [value["label"] for value in updated["option_values"]] == ["Crimson", "Blue", "Green"]
    assert v3(sb, "DELETE", f"{path}/{created['id']}").status_code == 204
    error_of(v3(sb, "GET", f"{path}/{created['id']}"), 404)
    assert data(v3(sb, "GET", path)) == []


def test_an_option_post_requires_display_name_type_and_option_values_with_label_and_sort_order(sb: Sandbox) -> None:
    path = f"catalog/products/{new_product(sb)}/options"
    for missing in ("display_name", "type", "option_values"):
        body = colour_option("Red")
        del body[missing]
        assert missing in error_of(v3(sb, "POST", path, json=body), 422)["errors"]
    assert "type" in error_of(v3(sb, "POST", path, json=colour_option("Red", type="text")), 422)["errors"]
    assert "option_values" in error_of(v3(sb, "POST", path, json=colour_option()), 422)["errors"]
    no_label = colour_option("Red")
    del no_label["option_values"][0]["label"]
    assert "option_values.0.label" in error_of(v3(sb, "POST", path, json=no_label), 422)["errors"]
    no_sort = colour_option("Red")
    del no_sort["option_values"][0]["sort_order"]
    assert "option_values.0.sort_order" in error_of(v3(sb, "POST", path, json=no_sort), 422)["errors"]
    assert "display_name" in error_of(v3(sb, "POST", path, json=colour_option("R", display_name="x" * 256)),
                                      422)["errors"]
    assert data(v3(sb, "GET", path)) == []


def test_a_display_name_another_option_or_modifier_of_the_product_has_is_a_409(sb: Sandbox) -> None:
    pid = new_product(sb)
    data(v3(sb, "POST", f"catalog/products/{pid}/options", json=colour_option("Red")))
    again = error_of(v3(sb, "POST", f"catalog/products/{pid}/options", json=colour_option("Blue")), 409)
    assert "display_name" in again["errors"]
    as_modifier = {"display_name": "colour", "type": "text", "required": False}
    error_of(v3(sb, "POST", f"catalog/products/{pid}/modifiers", json=as_modifier), 409)
    other = new_product(sb, "Cap")
    data(v3(sb, "POST", f"catalog/products/{other}/options", json=colour_option("Red")))


def test_a_missing_product_option_or_value_is_a_404(sb: Sandbox) -> None:
    pid, other = new_product(sb), new_product(sb, "Cap")
    option = data(v3(sb, "POST", f"catalog/products/{pid}/options", json=colour_option("Red")))
    value_id = option["option_values"][0]["id"]
    error_of(v3(sb, "GET", "catalog/products/999/options"), 404)
    error_of(v3(sb, "POST", "catalog/products/999/options", json=colour_option("Red")), 404)
    error_of(v3(sb, "GET", f"catalog/products/{other}/options/{option['id']}"), 404)
    error_of(v3(sb, "GET", f"catalog/products/{pid}/modifiers/{option['id']}"), 404)
    error_of(v3(sb, "GET", f"catalog/products/{pid}/options/{option['id']}/values/{value_id + 100}"), 404)
    second = data(v3(sb, "POST", f"catalog/products/{pid}/options", json=colour_option("Big", display_name="Size")))
    error_of(v3(sb, "GET", f"catalog/products/{pid}/options/{second['id']}/values/{value_id}"), 404)
    error_of(v3(sb, "PUT", f"catalog/products/{pid}/options/{second['id']}/values/{value_id}",
                json={"label": "X", "sort_order": 0}), 404)


def test_option_values_are_created_read_updated_and_deleted(sb: Sandbox) -> None:
    pid = new_product(sb)
    option = data(v3(sb, "POST", f"catalog/products/{pid}/options", json=colour_option("Red")))
    path = f"catalog/products/{pid}/options/{option['id']}/values"
    created = data(v3(sb, "POST", path, json={"label": "Blue", "sort_order": 1, "is_default": True}))
    assert list(created) == VALUE_KEYS and (created["label"], created["is_default"]) == ("Blue", True)
    for missing in ("label", "sort_order"):
        body = {"label": "Green", "sort_order": 2}
        del body[missing]
        assert missing in error_of(v3(sb, "POST", path, json=body), 422)["errors"]
        assert missing in error_of(v3(sb, "PUT", f"{path}/{created['id']}", json=body), 422)["errors"]
    assert data(v3(sb, "GET", f"{path}/{created['id']}")) == created
    updated = data(v3(sb, "PUT", f"{path}/{created['id']}", json={"label": "Navy", "sort_order": 4}))
    assert (updated["label"], updated["sort_order"], updated["is_default"]) == ("Navy", 4, True)
    narrow = data(v3(sb, "GET", path, params={"include_fields": "label"}))
    assert narrow == [{"id": option["option_values"][0]["id"], "label": "Red"}, {"id": created["id"], "label": "Navy"}]
    assert v3(sb, "DELETE", f"{path}/{created['id']}").status_code == 204
    assert [value["label"] for value in data(v3(sb, "GET", path))] == ["Red"]


def test_one_value_of_an_option_is_the_default(sb: Sandbox) -> None:
    pid = new_product(sb)
    option = data(v3(sb, "POST", f"catalog/products/{pid}/options", json={
        "display_name": "Size", "type": "rectangles",
        "option_values": [{"label": "S", "sort_order": 0, "is_default": True}, {"label": "M", "sort_order": 1}]}))
    path = f"catalog/products/{pid}/options/{option['id']}/values"
    data(v3(sb, "PUT", f"{path}/{option['option_values'][1]['id']}",
            json={"label": "M", "sort_order": 1, "is_default": True}))
    assert [(v["label"], v["is_default"]) for v in data(v3(sb, "GET", path))] == [("S", False), ("M", True)]


def test_swatch_colours_are_value_data_of_at_most_three_colours(sb: Sandbox) -> None:
    pid = new_product(sb)
    option = data(v3(sb, "POST", f"catalog/products/{pid}/options", json={
        "display_name": "Finish", "type": "swatch",
        "option_values": [{"label": "Beige", "sort_order": 1, "value_data": {"colors": ["#FAFAEB"]}},
                          {"label": "Zebra", "sort_order": 2, "value_data": {"colors": ["#000000", "#FFFFFF"]}}]}))
    assert [v["value_data"] for v in option["option_values"]] == [{"colors": ["#FAFAEB"]},
                                                                   {"colors": ["#000000", "#FFFFFF"]}]
    four = {"label": "Rainbow", "sort_order": 3, "value_data": {"colors": ["#000000"] * 4}}
    path = f"catalog/products/{pid}/options/{option['id']}/values"
    assert "value_data" in error_of(v3(sb, "POST", path, json=four), 422)["errors"]
    image = data(v3(sb, "POST", path, json={"label": "Oak", "sort_order": 4,
                                            "value_data": {"image_url": "https://example.com/oak.png"}}))
    assert image["value_data"] == {"image_url": "https://example.com/oak.png"}


def test_an_option_has_at_most_250_values_and_its_lists_page_by_50_up_to_250(sb: Sandbox) -> None:
    pid = new_product(sb)
    path = f"catalog/products/{pid}/options"
    too_many = colour_option(*(f"C{n}" for n in range(251)))
    assert "option_values" in error_of(v3(sb, "POST", path, json=too_many), 422)["errors"]
    option = data(v3(sb, "POST", path, json=colour_option(*(f"C{n}" for n in range(250)))))
    values = f"{path}/{option['id']}/values"
    assert "option_values" in error_of(v3(sb, "POST", values, json={"label": "One more", "sort_order": 0}),
                                       422)["errors"]
    first = v3(sb, "GET", values).json()
    assert len(first["data"]) == 50 and first["meta"]["pagination"]["total_pages"] == 5
    assert first["meta"]["pagination"]["links"]["next"] == "?page=2&limit=50"
    assert len(data(v3(sb, "GET", values, params={"limit": 250}))) == 250
    assert "limit" in error_of(v3(sb, "GET", values, params={"limit": 251}), 422)["errors"]
    assert "limit" in error_of(v3(sb, "GET", path, params={"limit": 251}), 422)["errors"]


def test_deleting_a_value_deletes_the_variants_using_it_and_deleting_an_option_deletes_its_variants(
        sb: Sandbox) -> None:
    pid = new_product(sb, variants=size_variants("S", "M", "L"))
    option = data(v3(sb, "GET", f"catalog/products/{pid}/options"))[0]
    small = next(v for v in option["option_values"] if v["label"] == "S")
    path = f"catalog/products/{pid}/options/{option['id']}"
    assert v3(sb, "DELETE", f"{path}/values/{small['id']}").status_code == 204
    assert [v["sku"] for v in data(v3(sb, "GET", f"catalog/products/{pid}/variants"))] == ["V-M", "V-L"]
    assert v3(sb, "DELETE", path).status_code == 204
    assert data(v3(sb, "GET", f"catalog/products/{pid}/variants")) == []
    assert v2(sb, "GET", f"products/{pid}/options").status_code == 204


# -- modifiers (§3.4) --------------------------------------------------------------------------

def test_a_modifier_is_created_with_its_values_and_adjusters_in_the_specs_shape(sb: Sandbox) -> None:
    pid = new_product(sb)
    path = f"catalog/products/{pid}/modifiers"
    created = data(v3(sb, "POST", path, json={
        "display_name": "Donation", "type": "radio_buttons", "required": True, "sort_order": 0,
        "option_values": [{"label": "+5", "sort_order": 0, "value_data": {},
                           "adjusters": {"price": {"adjuster": "relative", "adjuster_value": 5}}}]}))
    assert list(created) == MODIFIER_KEYS and (created["type"], created["required"]) == ("radio_buttons", True)
    value = created["option_values"][0]
    assert list(value) == MODIFIER_VALUE_KEYS and value["option_id"] == created["id"]
    assert value["adjusters"] == {"price": {"adjuster": "relative", "adjuster_value": 5}, "weight": {},
                                  "image_url": "", "purchasing_disabled": {"status": False, "message": ""}}
    assert data(v3(sb, "GET", f"catalog/products/{pid}/options")) == []
    assert data(v3(sb, "GET", path)) == [created]
    values = f"{path}/{created['id']}/values"
    more = data(v3(sb, "POST", values, json={"label": "+10", "sort_order": 1}))
    assert more["option_id"] == created["id"]
    assert data(v3(sb, "PUT", f"{values}/{more['id']}", json={"is_default": True}))["is_default"] is True
    assert data(v3(sb, "PUT", f"{path}/{created['id']}", json={"required": False}))["required"] is False
    assert v3(sb, "DELETE", f"{values}/{more['id']}").status_code == 204
    assert v3(sb, "DELETE", f"{path}/{created['id']}").status_code == 204
    assert data(v3(sb, "GET", path)) == []


def test_a_modifier_post_requires_required_display_name_and_type(sb: Sandbox) -> None:
    path = f"catalog/products/{new_product(sb)}/modifiers"
    for missing in ("required", "display_name", "type"):
        body = {"required": True, "display_name": "Note", "type": "text"}
        del body[missing]
        assert missing in error_of(v3(sb, "POST", path, json=body), 422)["errors"]
    bad_type = {"required": True, "display_name": "Note", "type": "poem"}
    assert "type" in error_of(v3(sb, "POST", path, json=bad_type), 422)["errors"]
    with_values = {"required": True, "display_name": "Note", "type": "text",
                   "option_values": [{"label": "a", "sort_order": 0}]}
    assert "option_values" in error_of(v3(sb, "POST", path, json=with_values), 422)["errors"]
    text = data(v3(sb, "POST", path, json={"required": False, "display_name": "Note", "type": "text"}))
    assert text["option_values"] == []


def test_a_checkbox_modifier_is_created_with_yes_and_no_values(sb: Sandbox) -> None:
    pid = new_product(sb)
    created = data(v3(sb, "POST", f"catalog/products/{pid}/modifiers", json={
        "display_name": "Insurance", "type": "checkbox", "required": True,
        "config": {"checkbox_label": "$5 for insurance", "checked_by_default": False}}))
    assert created["config"] == {"checkbox_label": "$5 for insurance", "checked_by_default": False}
    assert [(v["label"], v["value_data"], v["is_default"]) for v in created["option_values"]] == [
        ("Yes", {"checked_value": True}, False), ("No", {"checked_value": False}, True)]


def test_the_modifier_image_upload_is_not_served(sb: Sandbox) -> None:
    pid = new_product(sb)
    modifier = data(v3(sb, "POST", f"catalog/products/{pid}/modifiers",
                       json={"display_name": "Insurance", "type": "checkbox", "required": True}))
    value_id = modifier["option_values"][0]["id"]
    error_of(v3(sb, "POST", f"catalog/products/{pid}/modifiers/{modifier['id']}/values/{value_id}/image",
                json={"image_file": "x"}), 501)


# -- one state with v2 ---------------------------------------------------------------------------

def test_a_v3_option_with_values_is_a_v2_product_option_of_an_option_with_those_values(sb: Sandbox) -> None:
    pid = new_product(sb)
    option = data(v3(sb, "POST", f"catalog/products/{pid}/options", json={
        "display_name": "Finish", "type": "swatch",
        "option_values": [{"label": "Black", "sort_order": 0, "value_data": {"colors": ["#000000"]}},
                          {"label": "Silver", "sort_order": 1, "value_data": {"colors": ["#C0C0C0"]}}]}))
    product_options = v2(sb, "GET", f"products/{pid}/options").json()
    assert [(o["id"], o["display_name"], o["is_required"]) for o in product_options] == [(option["id"], "Finish", True)]
    assert "_v3" not in product_options[0]
    shared = v2(sb, "GET", f"options/{product_options[0]['option_id']}").json()
    assert (shared["type"], shared["name"], shared["display_name"]) == ("CS", option["name"], "Finish")
    values = v2(sb, "GET", f"options/{shared['id']}/values").json()
    assert [(v["id"], v["label"], v["value"]) for v in values] == [
        (option["option_values"][0]["id"], "Black", "#000000"), (option["option_values"][1]["id"], "Silver", "#C0C0C0")]
    assert all("_v3" not in value for value in values)


def test_variants_naming_v3_options_are_skus_whose_options_point_at_them(sb: Sandbox) -> None:
    pid = new_product(sb)
    option = data(v3(sb, "POST", f"catalog/products/{pid}/options", json=colour_option("Red", "Blue")))
    red, blue = option["option_values"]
    for value in (red, blue):
        data(v3(sb, "POST", f"catalog/products/{pid}/variants", json={
            "sku": f"T-{value['label']}", "option_values": [{"id": value["id"], "option_id": option["id"]}]}))
    skus = v2(sb, "GET", f"products/{pid}/skus").json()
    assert [(s["sku"], s["options"]) for s in skus] == [
        ("T-Red", [{"product_option_id": option["id"], "option_value_id": red["id"]}]),
        ("T-Blue", [{"product_option_id": option["id"], "option_value_id": blue["id"]}])]
    variants = data(v3(sb, "GET", f"catalog/products/{pid}/variants"))
    assert [v["option_values"][0]["option_display_name"] for v in variants] == ["Colour", "Colour"]


def test_a_product_created_with_three_variants_shows_its_option_and_values(sb: Sandbox) -> None:
    pid = new_product(sb, variants=size_variants("S", "M", "L"))
    options = data(v3(sb, "GET", f"catalog/products/{pid}/options"))
    assert [(o["display_name"], o["type"]) for o in options] == [("Size", "radio_buttons")]
    assert [v["label"] for v in options[0]["option_values"]] == ["S", "M", "L"]
    variants = data(v3(sb, "GET", f"catalog/products/{pid}/variants"))
    assert [v["option_values"][0]["id"] for v in variants] == [v["id"] for v in options[0]["option_values"]]
    assert {v["option_values"][0]["option_id"] for v in variants} == {options[0]["id"]}
    other = new_product(sb, "Cap", variants=size_variants("XL", prefix="C"))
    assert [v["label"] for v in data(v3(sb, "GET", f"catalog/products/{other}/options"))[0]["option_values"]] == [
        "XL"]


def test_v2_option_sets_and_value_edits_are_read_by_v3_as_options_and_modifiers(sb: Sandbox) -> None:
    size = v2(sb, "POST", "options", json={"name": "Shirt size", "display_name": "Size", "type": "S"}).json()
    small = v2(sb, "POST", f"options/{size['id']}/values", json={"label": "Small", "value": "S"}).json()
    note = v2(sb, "POST", "options", json={"name": "Gift note", "type": "T"}).json()
    option_set = v2(sb, "POST", "option_sets", json={"name": "Shirts"}).json()
    v2(sb, "POST", f"option_sets/{option_set['id']}/options", json={"option_id": size["id"], "is_required": True})
    v2(sb, "POST", f"option_sets/{option_set['id']}/options", json={"option_id": note["id"]})
    pid = new_product(sb, option_set_id=option_set["id"])
    options = data(v3(sb, "GET", f"catalog/products/{pid}/options"))
    assert [(o["display_name"], o["type"], o["name"]) for o in options] == [("Size", "dropdown", "Shirt size")]
    assert [(v["id"], v["label"]) for v in options[0]["option_values"]] == [(small["id"], "Small")]
    modifiers = data(v3(sb, "GET", f"catalog/products/{pid}/modifiers"))
    assert [(m["display_name"], m["type"], m["required"]) for m in modifiers] == [("Gift note", "text", False)]
    v2(sb, "PUT", f"options/{size['id']}/values/{small['id']}", json={"label": "Petite"})
    value_path = f"catalog/products/{pid}/options/{options[0]['id']}/values/{small['id']}"
    assert data(v3(sb, "GET", value_path))["label"] == "Petite"
    v2(sb, "DELETE", f"options/{size['id']}/values/{small['id']}")
    error_of(v3(sb, "GET", value_path), 404)


def test_v3_option_rows_survive_dump_and_load() -> None:
    store = Store()
    product = store.handle_v3("POST", "catalog/products", {}, product_body("Tee"))
    pid = json.loads(product.body)["data"]["id"]
    store.handle_v3("POST", f"catalog/products/{pid}/modifiers", {}, {
        "display_name": "Wrap", "type": "dropdown", "required": False, "config": {"note": 1},
        "option_values": [{"label": "Paper", "sort_order": 0, "value_data": {"kind": "paper"},
                           "adjusters": {"price": {"adjuster": "relative", "adjuster_value": 2}}}]})
    before = store.handle_v3("GET", f"catalog/products/{pid}/modifiers", {}, None).body
    copy = Store()
    copy.load(store.dump())
    assert copy.handle_v3("GET", f"catalog/products/{pid}/modifiers", {}, None).body == before
    assert b'"value_data":{"kind":"paper"}' in before and b'"adjuster_value":2' in before


def test_a_variant_cannot_be_built_from_a_modifier(sb: Sandbox) -> None:
    pid = new_product(sb)
    modifier = data(v3(sb, "POST", f"catalog/products/{pid}/modifiers", json={
        "display_name": "Wrap", "type": "dropdown", "required": False,
        "option_values": [{"label": "Paper", "sort_order": 0}]}))
    naming = {"sku": "W-1", "option_values": [{"id": modifier["option_values"][0]["id"], "option_id": modifier["id"]}]}
    assert "option_values" in error_of(v3(sb, "POST", f"catalog/products/{pid}/variants", json=naming), 422)["errors"]
    by_name = {"sku": "W-2", "option_values": [{"option_display_name": "wrap", "label": "Paper"}]}
    assert "option_values" in error_of(v3(sb, "POST", f"catalog/products/{pid}/variants", json=by_name), 422)["errors"]
    other = {"sku": "W-3", "option_values": [{"option_display_name": "Colour", "label": "Red"}]}
    data(v3(sb, "POST", f"catalog/products/{pid}/variants", json=other))
    assert [o["display_name"] for o in data(v3(sb, "GET", f"catalog/products/{pid}/options"))] == ["Colour"]
    assert [m["id"] for m in data(v3(sb, "GET", f"catalog/products/{pid}/modifiers"))] == [modifier["id"]]
