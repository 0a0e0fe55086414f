"""v3 content families over the sandbox's HTTP surface: pages and redirects (over the v2 rows), scripts,
widget templates, widgets, placements and regions (state-only, uuid ids).

Each test cites the section of v3-resources.md (or the spec file) whose rule it checks.
"""
from __future__ import annotations

import json
import re
from typing import Any, Callable

import pytest

from bigcommerce.sandbox import Sandbox
from bigcommerce.sandbox.store import Store
from tests.sandbox.v3_http import data, error_of, product_body, v2, v3

MakeSandbox = Callable[..., Sandbox]


@pytest.fixture
def sb(make_real_sandbox: MakeSandbox) -> Sandbox:
    return make_real_sandbox()


def page(name: str, **fields: Any) -> dict[str, Any]:
    return {"name": name, "type": "page", **fields}


# -- pages: contract (§3.27, pages.v3.yml) ------------------------------------------------------------

def test_a_page_posted_as_an_object_answers_201_with_an_object(sb: Sandbox) -> None:
    created = data(v3(sb, "POST", "content/pages", json=page("About", body="<p>Hi</p>")), 201)
    assert isinstance(created, dict) and created["name"] == "About" and created["type"] == "page"
    assert (created["channel_id"], created["parent_id"], created["is_visible"]) == (1, 0, True)
    assert created["url"] == "/about/" and "body" not in created


def test_pages_posted_as_an_array_answer_an_array_and_include_body_adds_the_body(sb: Sandbox) -> None:
    created = data(v3(sb, "POST", "content/pages", params={"include": "body"},
                      json=[page("One", body="<b>1</b>"), page("Two", body="<b>2</b>")]), 201)
    assert [(p["name"], p["body"]) for p in created] == [("One", "<b>1</b>"), ("Two", "<b>2</b>")]


def test_a_page_without_name_or_type_is_a_422_input_is_invalid(sb: Sandbox) -> None:
    body = error_of(v3(sb, "POST", "content/pages", json={"type": "page"}), 422)
    assert body["title"] == "Input is invalid" and "name" in body["detail"]
    body = error_of(v3(sb, "POST", "content/pages", json={"name": "No type"}), 422)
    assert "type" in body["detail"]


def test_a_raw_page_needs_a_body_and_a_link_page_a_link(sb: Sandbox) -> None:
    assert "body" in error_of(v3(sb, "POST", "content/pages", json={"name": "R", "type": "raw"}), 422)["detail"]
    assert "link" in error_of(v3(sb, "POST", "content/pages", json={"name": "L", "type": "link"}), 422)["detail"]
    made = data(v3(sb, "POST", "content/pages", json={"name": "L", "type": "link", "link": "https://x.example"}), 201)
    assert made["link"] == "https://x.example"


def test_a_bulk_create_keeps_the_valid_entries_and_answers_422_for_the_invalid(sb: Sandbox) -> None:
    """§2.8 / createPages: "an invalid input in any one entry will return 422. The entries that are valid
    will still be created"."""
    error_of(v3(sb, "POST", "content/pages", json=[page("Kept"), {"name": "Bad", "type": "nope"}]), 422)
    assert [p["name"] for p in data(v3(sb, "GET", "content/pages"))] == ["Kept"]


def test_a_duplicate_page_name_is_refused(sb: Sandbox) -> None:
    data(v3(sb, "POST", "content/pages", json=page("Same")), 201)
    assert "name" in error_of(v3(sb, "POST", "content/pages", json=page("Same")), 422)["detail"]


def test_the_page_list_filters_by_id_in_name_and_name_like_and_pages_by_offset(sb: Sandbox) -> None:
    for name in ("Alpha", "Beta", "Gamma"):
        data(v3(sb, "POST", "content/pages", json=page(name, body=f"about {name.lower()}")), 201)
    assert [p["name"] for p in data(v3(sb, "GET", "content/pages", params={"id:in": "1,3"}))] == ["Alpha", "Gamma"]
    assert [p["name"] for p in data(v3(sb, "GET", "content/pages", params={"name": "Beta"}))] == ["Beta"]
    assert [p["name"] for p in data(v3(sb, "GET", "content/pages", params={"name:like": "gamm"}))] == ["Gamma"]
    answer = v3(sb, "GET", "content/pages", params={"limit": 2, "page": 2}).json()
    assert [p["name"] for p in answer["data"]] == ["Gamma"]
    assert answer["meta"]["pagination"]["total"] == 3 and answer["meta"]["pagination"]["total_pages"] == 2


def test_get_page_applies_the_list_filters_and_404s_when_they_leave_it_out(sb: Sandbox) -> None:
    """§3.27: a page that does not match the query's filters is a 404 even though it exists."""
    made = data(v3(sb, "POST", "content/pages", json=page("About")), 201)
    assert data(v3(sb, "GET", f"content/pages/{made['id']}"))["name"] == "About"
    error_of(v3(sb, "GET", f"content/pages/{made['id']}", params={"name": "Other"}), 404)
    body = error_of(v3(sb, "GET", "content/pages/99"), 404)
    assert body["title"] == "A Page was not found with an ID of 99"


def test_a_page_id_that_is_not_an_integer_is_a_422(sb: Sandbox) -> None:
    """pages.v3.yml getPage 422: "One or more path parameter(s) did not have the correct datatype"."""
    assert "bar" in error_of(v3(sb, "GET", "content/pages/bar"), 422)["detail"]
    error_of(v3(sb, "GET", "catalog/products/bar"), 404)  # other families keep their 404


def test_put_pages_takes_an_object_or_an_array_of_items_with_ids(sb: Sandbox) -> None:
    one = data(v3(sb, "POST", "content/pages", json=page("One")), 201)
    two = data(v3(sb, "POST", "content/pages", json=page("Two")), 201)
    changed = data(v3(sb, "PUT", "content/pages", json=[{"id": one["id"], "meta_description": "first"},
                                                        {"id": two["id"], "is_visible": False}]))
    assert [(p["meta_description"], p["is_visible"]) for p in changed] == [("first", True), ("", False)]
    single = data(v3(sb, "PUT", "content/pages", json={"id": one["id"], "sort_order": 4}))
    assert isinstance(single, dict) and single["sort_order"] == 4


def test_put_pages_changes_nothing_when_an_id_is_missing_or_unknown(sb: Sandbox) -> None:
    one = data(v3(sb, "POST", "content/pages", json=page("One")), 201)
    assert "id" in error_of(v3(sb, "PUT", "content/pages", json=[{"name": "X"}]), 422)["detail"]
    error_of(v3(sb, "PUT", "content/pages", json=[{"id": one["id"], "name": "Renamed"}, {"id": 77}]), 404)
    assert data(v3(sb, "GET", f"content/pages/{one['id']}"))["name"] == "One"


def test_put_one_page_updates_it_and_404s_for_an_unknown_id(sb: Sandbox) -> None:
    one = data(v3(sb, "POST", "content/pages", json=page("One")), 201)
    assert data(v3(sb, "PUT", f"content/pages/{one['id']}", json={"name": "Uno"}))["name"] == "Uno"
    error_of(v3(sb, "PUT", "content/pages/55", json={"name": "X"}), 404)


def test_delete_pages_needs_id_in(sb: Sandbox) -> None:
    """§2.7: ``DELETE /content/pages`` requires ``id:in``."""
    data(v3(sb, "POST", "content/pages", json=page("Kept")), 201)
    assert "id" in error_of(v3(sb, "DELETE", "content/pages"), 422)["detail"]
    assert len(data(v3(sb, "GET", "content/pages"))) == 1


def test_delete_pages_deletes_those_found_and_404s_naming_one_missing(sb: Sandbox) -> None:
    """§2.8: a 404 when some ids were missing, although the others were deleted."""
    made = data(v3(sb, "POST", "content/pages", json=[page("A"), page("B"), page("C")]), 201)
    ids = [p["id"] for p in made]
    assert v3(sb, "DELETE", "content/pages", params={"id:in": f"{ids[0]},{ids[1]}"}).status_code == 204
    body = error_of(v3(sb, "DELETE", "content/pages", params={"id:in": f"{ids[2]},999"}), 404)
    assert "999" in body["title"]
    assert data(v3(sb, "GET", "content/pages")) == []


def test_deleting_a_parent_page_reparents_its_children_unless_delete_children(sb: Sandbox) -> None:
    """deleteChildrenQuery: children get parent_id 0 and is_visible false, or go with their parent."""
    parent = data(v3(sb, "POST", "content/pages", json=page("Parent")), 201)
    child = data(v3(sb, "POST", "content/pages", json=page("Child", parent_id=parent["id"])), 201)
    assert v3(sb, "DELETE", f"content/pages/{parent['id']}", params={"delete_children": "true"}).status_code == 204
    moved = data(v3(sb, "GET", f"content/pages/{child['id']}"))
    assert (moved["parent_id"], moved["is_visible"]) == (0, False)
    other = data(v3(sb, "POST", "content/pages", json=page("Other")), 201)
    grand = data(v3(sb, "POST", "content/pages", json=page("Kid", parent_id=other["id"])), 201)
    data(v3(sb, "POST", "content/pages", json=page("Grandkid", parent_id=grand["id"])), 201)
    params = {"id:in": str(other["id"]), "delete_children": "true"}
    assert v3(sb, "DELETE", "content/pages", params=params).status_code == 204
    assert [p["name"] for p in data(v3(sb, "GET", "content/pages"))] == ["Child"]


def test_a_page_parent_must_exist(sb: Sandbox) -> None:
    assert "parent_id" in error_of(v3(sb, "POST", "content/pages", json=page("Orphan", parent_id=42)), 422)["detail"]


# -- pages: one state with v2 ----------------------------------------------------------------------

def test_a_page_created_through_v3_is_a_v2_page_and_a_v2_change_is_read_by_v3(sb: Sandbox) -> None:
    made = data(v3(sb, "POST", "content/pages", json=page("Shipping", body="<p>Fast</p>", channel_id=1)), 201)
    as_v2 = v2(sb, "GET", f"pages/{made['id']}").json()
    assert (as_v2["name"], as_v2["body"], as_v2["type"], as_v2["url"]) == ("Shipping", "<p>Fast</p>", "page",
                                                                          "/shipping/")
    assert "_v3" not in as_v2 and "channel_id" not in as_v2
    v2(sb, "PUT", f"pages/{made['id']}", json={"name": "Delivery", "is_visible": False})
    again = data(v3(sb, "GET", f"content/pages/{made['id']}", params={"include": "body"}))
    assert (again["name"], again["is_visible"], again["body"]) == ("Delivery", False, "<p>Fast</p>")


def test_a_v2_page_is_listed_and_deleted_through_v3(sb: Sandbox) -> None:
    created = v2(sb, "POST", "pages", json={"name": "Legacy", "type": "page", "body": "old"}).json()
    listed = data(v3(sb, "GET", "content/pages", params={"channel_id": 1}))
    assert [(p["id"], p["name"], p["channel_id"]) for p in listed] == [(created["id"], "Legacy", 1)]
    assert v3(sb, "DELETE", "content/pages", params={"id:in": created["id"]}).status_code == 204
    assert v2(sb, "GET", f"pages/{created['id']}").status_code == 404


# -- redirects: contract (§3.28, redirects.v3.yml) -------------------------------------------------------

def redirect(path: str, to: dict[str, Any], site_id: int = 1) -> dict[str, Any]:
    return {"from_path": path, "site_id": site_id, "to": to}


def test_put_redirects_upserts_by_site_and_path_and_answers_201(sb: Sandbox) -> None:
    made = data(v3(sb, "PUT", "storefront/redirects", json=[redirect("/old/", {"type": "url", "url": "/new/"})]), 201)
    assert made == [{"id": 1, "site_id": 1, "from_path": "/old/", "to": {"type": "url", "url": "/new/"}}]
    again = data(v3(sb, "PUT", "storefront/redirects", json=[redirect("/old/", {"type": "url", "url": "/newer/"})]),
                 201)
    assert again[0]["id"] == 1 and again[0]["to"]["url"] == "/newer/"
    assert len(data(v3(sb, "GET", "storefront/redirects"))) == 1


def test_put_redirects_needs_from_path_and_site_id_and_saves_nothing_when_one_is_invalid(sb: Sandbox) -> None:
    body = error_of(v3(sb, "PUT", "storefront/redirects",
                       json=[redirect("/a/", {"type": "url", "url": "/b/"}), {"to": {"type": "url", "url": "/c/"}}]),
                    422)
    assert {"1.from_path", "1.site_id"} <= set(body["errors"])
    error_of(v3(sb, "PUT", "storefront/redirects", json=[redirect("/a/", {"type": "nowhere"})]), 422)
    assert data(v3(sb, "GET", "storefront/redirects")) == []
    error_of(v3(sb, "PUT", "storefront/redirects", json={"from_path": "/a/", "site_id": 1}), 400)


def test_a_redirect_to_an_entity_prints_its_id_and_path_and_include_to_url_the_full_url(sb: Sandbox) -> None:
    target = data(v3(sb, "POST", "content/pages", json=page("Returns")), 201)
    to_page = {"type": "page", "entity_id": target["id"]}
    data(v3(sb, "PUT", "storefront/redirects", json=[redirect("/refunds/", to_page)]), 201)
    plain = data(v3(sb, "GET", "storefront/redirects"))[0]
    assert plain["to"] == {"type": "page", "entity_id": target["id"], "url": "/returns/"} and "to_url" not in plain
    full = data(v3(sb, "GET", "storefront/redirects", params={"include": "to_url"}))[0]
    assert full["to_url"] == f"https://store-{sb.store_hash}.mybigcommerce.com/returns/"


def test_redirect_filters_keyword_matches_only_the_start_of_the_path(sb: Sandbox) -> None:
    """redirects.v3.yml keyword: ``blue`` matches ``/blue`` and ``/blue-shirt``, not ``/royal-blue-shirt``."""
    paths = ("/blue", "/blue-shirt", "/royal-blue-shirt")
    data(v3(sb, "PUT", "storefront/redirects", json=[redirect(p, {"type": "url", "url": "/x/"}) for p in paths]), 201)
    found = data(v3(sb, "GET", "storefront/redirects", params={"keyword": "/blue"}))
    assert [r["from_path"] for r in found] == ["/blue", "/blue-shirt"]
    assert [r["id"] for r in data(v3(sb, "GET", "storefront/redirects", params={"id:min": 2, "id:max": 2}))] == [2]
    ordered = data(v3(sb, "GET", "storefront/redirects", params={"sort": "from_path", "direction": "desc"}))
    assert [r["from_path"] for r in ordered] == ["/royal-blue-shirt", "/blue-shirt", "/blue"]
    assert [r["site_id"] for r in data(v3(sb, "GET", "storefront/redirects", params={"site_id": 2}))] == []


def test_delete_redirects_needs_id_in_or_site_id_and_answers_204(sb: Sandbox) -> None:
    """§2.7: ``id:in`` required; the spec's text lets ``site_id`` delete every redirect of a site."""
    data(v3(sb, "PUT", "storefront/redirects",
            json=[redirect(p, {"type": "url", "url": "/x/"}) for p in ("/a", "/b", "/c")]), 201)
    error_of(v3(sb, "DELETE", "storefront/redirects"), 422)
    assert v3(sb, "DELETE", "storefront/redirects", params={"id:in": "1,2"}).status_code == 204
    assert [r["from_path"] for r in data(v3(sb, "GET", "storefront/redirects"))] == ["/c"]
    assert v3(sb, "DELETE", "storefront/redirects", params={"site_id": 1}).status_code == 204
    assert data(v3(sb, "GET", "storefront/redirects")) == []


def test_redirects_have_no_per_id_path_and_no_post(sb: Sandbox) -> None:
    """§3.28: no per-id path, no POST."""
    error_of(v3(sb, "POST", "storefront/redirects", json=[]), 405)
    error_of(v3(sb, "GET", "storefront/redirects/1"), 404)


# -- redirects: one state with v2 ------------------------------------------------------------------------

def test_a_v3_redirect_is_a_v2_redirect_and_the_reverse(sb: Sandbox) -> None:
    data(v3(sb, "PUT", "storefront/redirects", json=[redirect("/sale/", {"type": "url", "url": "/offers/"})]), 201)
    as_v2 = v2(sb, "GET", "redirects").json()
    assert [(r["path"], r["forward"]) for r in as_v2] == [("/sale/", {"type": "manual", "ref": "/offers/"})]
    assert "_v3" not in as_v2[0]
    product = data(v3(sb, "POST", "catalog/products", json=product_body("Mug")))
    v2(sb, "POST", "redirects", json={"path": "/old-mug/", "forward": {"type": "product", "ref": product["id"]}})
    found = data(v3(sb, "GET", "storefront/redirects", params={"keyword": "/old-mug"}))
    assert found[0]["site_id"] == 1
    assert found[0]["to"] == {"type": "product", "entity_id": product["id"], "url": product["custom_url"]["url"]}
    v3(sb, "DELETE", "storefront/redirects", params={"id:in": found[0]["id"]})
    assert v2(sb, "GET", f"redirects/{found[0]['id']}").status_code == 404


# -- scripts (§3.25, scripts.v3.yml): uuid ids --------------------------------------------------------------

UUID = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"


def script(name: str, **fields: Any) -> dict[str, Any]:
    return {"name": name, "kind": "src", "src": "https://cdn.example.com/app.js", **fields}


def test_a_script_is_created_with_a_uuid_and_read_updated_and_deleted_by_it(sb: Sandbox) -> None:
    made = data(v3(sb, "POST", "content/scripts", json=script("Tracker", location="footer")))
    assert re.match(UUID, made["uuid"]) and "id" not in made
    assert (made["location"], made["visibility"], made["load_method"], made["enabled"]) == (
        "footer", "storefront", "default", True)
    assert data(v3(sb, "GET", f"content/scripts/{made['uuid']}"))["name"] == "Tracker"
    changed = data(v3(sb, "PUT", f"content/scripts/{made['uuid']}", json={"description": "counts visits"}))
    assert changed["description"] == "counts visits" and changed["uuid"] == made["uuid"]
    assert v3(sb, "DELETE", f"content/scripts/{made['uuid']}").status_code == 204
    error_of(v3(sb, "GET", f"content/scripts/{made['uuid']}"), 404)


def test_an_unknown_or_malformed_script_uuid_is_a_404(sb: Sandbox) -> None:
    error_of(v3(sb, "GET", "content/scripts/00000000-0000-4000-8000-000000000000"), 404)
    error_of(v3(sb, "PUT", "content/scripts/not-a-uuid", json={"name": "x"}), 404)
    error_of(v3(sb, "DELETE", "content/scripts/1"), 404)


def test_a_script_needs_a_name_and_follows_the_kind_rule(sb: Sandbox) -> None:
    """§3.25: kind=src needs src and no html; kind=script_tag needs html and no src."""
    assert "name" in error_of(v3(sb, "POST", "content/scripts", json={"kind": "src", "src": "x"}), 422)["errors"]
    assert "src" in error_of(v3(sb, "POST", "content/scripts", json={"name": "S", "kind": "src"}), 422)["errors"]
    both = {"name": "T", "kind": "script_tag", "html": "<script></script>", "src": "https://x"}
    assert "src" in error_of(v3(sb, "POST", "content/scripts", json=both), 422)["errors"]
    tag = data(v3(sb, "POST", "content/scripts", json={**both, "src": ""}))
    assert tag["kind"] == "script_tag"
    error_of(v3(sb, "PUT", f"content/scripts/{tag['uuid']}", json={"html": ""}), 422)


def test_scripts_sort_by_name_and_filter_by_channel(sb: Sandbox) -> None:
    for name, channel in (("b", 1), ("a", 1), ("c", 2)):
        data(v3(sb, "POST", "content/scripts", json=script(name, channel_id=channel)))
    listed = data(v3(sb, "GET", "content/scripts", params={"sort": "name", "direction": "desc"}))
    assert [s["name"] for s in listed] == ["c", "b", "a"]
    assert [s["name"] for s in data(v3(sb, "GET", "content/scripts", params={"channel_id:in": "2"}))] == ["c"]


def test_a_channel_takes_at_most_50_scripts(sb: Sandbox) -> None:
    """§3.25: 50 scripts per channel."""
    for n in range(50):
        data(v3(sb, "POST", "content/scripts", json=script(f"s{n}")))
    error_of(v3(sb, "POST", "content/scripts", json=script("one too many")), 422)
    data(v3(sb, "POST", "content/scripts", json=script("other channel", channel_id=2)))


# -- widget templates, widgets, placements, regions (§3.26, widgets.v3.yml) ------------------------------

def template(sb: Sandbox, name: str = "Banner") -> dict[str, Any]:
    made: dict[str, Any] = data(v3(sb, "POST", "content/widget-templates",
                                   json={"name": name, "template": "<h1>{{title}}</h1>"}))
    return made


def test_a_widget_template_is_created_listed_read_updated_and_deleted(sb: Sandbox) -> None:
    made = template(sb)
    assert re.match(UUID, made["uuid"]) and made["kind"] == "custom" and made["schema"] == []
    assert [t["uuid"] for t in data(v3(sb, "GET", "content/widget-templates"))] == [made["uuid"]]
    assert data(v3(sb, "GET", "content/widget-templates", params={"widget_template_kind": "other"})) == []
    changed = data(v3(sb, "PUT", f"content/widget-templates/{made['uuid']}", json={"name": "Hero"}))
    assert changed["name"] == "Hero"
    assert v3(sb, "DELETE", f"content/widget-templates/{made['uuid']}").status_code == 204
    error_of(v3(sb, "GET", f"content/widget-templates/{made['uuid']}"), 404)


def test_a_widget_template_needs_name_and_template(sb: Sandbox) -> None:
    body = error_of(v3(sb, "POST", "content/widget-templates", json={"schema": []}), 422)
    assert {"name", "template"} <= set(body["errors"])


def test_a_widget_names_an_existing_template_and_prints_it(sb: Sandbox) -> None:
    made = template(sb)
    missing = {"name": "W", "widget_template_uuid": "00000000-0000-4000-8000-000000000000"}
    assert "widget_template_uuid" in error_of(v3(sb, "POST", "content/widgets", json=missing), 422)["errors"]
    assert "widget_template_uuid" in error_of(v3(sb, "POST", "content/widgets", json={"name": "W"}), 422)["errors"]
    widget = data(v3(sb, "POST", "content/widgets", json={"name": "W", "widget_template_uuid": made["uuid"],
                                                          "widget_configuration": {"title": "Sale"}}))
    assert widget["widget_template"]["uuid"] == made["uuid"] and widget["widget_configuration"] == {"title": "Sale"}
    found = data(v3(sb, "GET", "content/widgets", params={"widget_template_uuid": made["uuid"], "name:in": "W,X"}))
    assert [w["uuid"] for w in found] == [widget["uuid"]]
    error_of(v3(sb, "PUT", f"content/widgets/{widget['uuid']}", json={"widget_template_uuid": "nope"}), 422)


def test_a_placement_names_an_existing_widget_and_regions_list_the_placed_regions(sb: Sandbox) -> None:
    made = template(sb)
    widget = data(v3(sb, "POST", "content/widgets", json={"name": "W", "widget_template_uuid": made["uuid"]}))
    body = error_of(v3(sb, "POST", "content/placements", json={"template_file": "pages/home", "widget_uuid": "x"}), 422)
    assert "widget_uuid" in body["errors"]
    assert "template_file" in error_of(v3(sb, "POST", "content/placements", json={"widget_uuid": widget["uuid"]}),
                                       422)["errors"]
    placed = data(v3(sb, "POST", "content/placements", json={
        "widget_uuid": widget["uuid"], "template_file": "pages/home", "region": "home_below_menu"}))
    assert placed["status"] == "inactive" and placed["widget"]["uuid"] == widget["uuid"]
    assert data(v3(sb, "GET", "content/regions", params={"template_file": "pages/home"})) == [
        {"name": "home_below_menu"}]
    assert data(v3(sb, "GET", "content/regions", params={"template_file": "pages/product"})) == []
    assert data(v3(sb, "GET", "content/regions", params={"templateFile": "pages/home"})) == [
        {"name": "home_below_menu"}]
    error_of(v3(sb, "GET", "content/regions"), 422)
    active = data(v3(sb, "PUT", f"content/placements/{placed['uuid']}", json={"status": "active"}))
    assert active["status"] == "active"
    listed = data(v3(sb, "GET", "content/placements", params={"template_file": "pages/home"}))
    assert [p["uuid"] for p in listed] == [placed["uuid"]]
    assert v3(sb, "DELETE", f"content/placements/{placed['uuid']}").status_code == 204
    assert data(v3(sb, "GET", "content/placements")) == []


def test_a_widget_template_preview_renders_the_configuration(sb: Sandbox) -> None:
    """§3.26: POST …/{uuid}/preview → {data: {html}} (no meta, §2.4)."""
    made = template(sb)
    answer = v3(sb, "POST", f"content/widget-templates/{made['uuid']}/preview",
                json={"widget_configuration": {"title": "Hello"}})
    assert answer.status_code == 200 and answer.json() == {"data": {"html": "<h1>Hello</h1>"}}
    error_of(v3(sb, "POST", "content/widget-templates/nope/preview", json={}), 404)


# -- the state-only tables in dump()/load() --------------------------------------------------------------

def test_scripts_and_widgets_survive_dump_and_load_with_their_uuids(sb: Sandbox) -> None:
    made = template(sb)
    widget = data(v3(sb, "POST", "content/widgets", json={"name": "W", "widget_template_uuid": made["uuid"]}))
    tracker = data(v3(sb, "POST", "content/scripts", json=script("Tracker")))
    store = Store()
    store.load(json.loads(json.dumps(sb.store.dump())))
    answer = store.handle_v3("GET", f"content/widgets/{widget['uuid']}", {}, None)
    assert answer.status == 200 and json.loads(answer.body)["data"]["widget_template"]["name"] == "Banner"
    again = json.loads(store.handle_v3("GET", f"content/scripts/{tracker['uuid']}", {}, None).body)["data"]
    assert again == tracker
    fresh = json.loads(store.handle_v3("POST", "content/scripts", {}, script("Next")).body)["data"]
    assert fresh["uuid"] not in (tracker["uuid"], made["uuid"], widget["uuid"])
