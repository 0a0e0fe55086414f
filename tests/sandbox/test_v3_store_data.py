"""v3 store metafields and system logs over the sandbox's HTTP surface (v3-resources.md §3.33)."""
from __future__ import annotations

import json
from typing import Any, Callable

import pytest

from bigcommerce.sandbox import Sandbox
from bigcommerce.sandbox.store import Store
from tests.sandbox.v3_http import data, error_of, product_body, v2, v3

MakeSandbox = Callable[..., Sandbox]


@pytest.fixture
def sb(make_real_sandbox: MakeSandbox) -> Sandbox:
    return make_real_sandbox()


def metafield(key: str, **fields: Any) -> dict[str, Any]:
    return {"namespace": "shop", "key": key, "value": f"v-{key}", "permission_set": "read", **fields}


def test_store_metafields_are_created_in_batch_and_read_one_by_one(sb: Sandbox) -> None:
    """§3.33: no single-create path; the batch POST answers {data, errors, meta: {total, success, failed}}."""
    answer = v3(sb, "POST", "store/metafields", json=[metafield("a"), metafield("b")])
    body = answer.json()
    assert answer.status_code == 200 and body["meta"] == {"total": 2, "success": 2, "failed": 0}
    assert [(m["key"], m["resource_type"], m["resource_id"]) for m in body["data"]] == [
        ("a", "store", 0), ("b", "store", 0)]
    one = data(v3(sb, "GET", f"store/metafields/{body['data'][0]['id']}"))
    assert one["value"] == "v-a"
    assert v3(sb, "POST", "store/metafields/1", json=metafield("c")).status_code == 405


def test_a_store_metafield_namespace_and_key_is_used_once(sb: Sandbox) -> None:
    v3(sb, "POST", "store/metafields", json=[metafield("a")])
    answer = v3(sb, "POST", "store/metafields", json=[metafield("a"), metafield("b")])
    body = answer.json()
    assert answer.status_code == 422 and body["meta"] == {"total": 2, "success": 1, "failed": 1}
    assert [m["key"] for m in body["data"]] == ["b"]


def test_store_metafields_are_not_product_metafields(sb: Sandbox) -> None:
    product = data(v3(sb, "POST", "catalog/products", json=product_body("Mug")))
    data(v3(sb, "POST", f"catalog/products/{product['id']}/metafields", json=metafield("same")))
    v3(sb, "POST", "store/metafields", json=[metafield("same")])
    assert [m["resource_type"] for m in data(v3(sb, "GET", "store/metafields"))] == ["store"]
    product_metafield = data(v3(sb, "GET", f"catalog/products/{product['id']}/metafields"))[0]
    error_of(v3(sb, "GET", f"store/metafields/{product_metafield['id']}"), 404)


def test_store_metafields_update_in_batch_and_one_and_delete_by_a_body_of_ids(sb: Sandbox) -> None:
    made = v3(sb, "POST", "store/metafields", json=[metafield("a"), metafield("b"), metafield("c")]).json()["data"]
    changed = v3(sb, "PUT", "store/metafields", json=[{"id": made[0]["id"], "value": "new"}]).json()
    assert changed["data"][0]["value"] == "new"
    assert data(v3(sb, "PUT", f"store/metafields/{made[1]['id']}", json={"value": "other"}))["value"] == "other"
    assert v3(sb, "DELETE", f"store/metafields/{made[1]['id']}").status_code == 204
    answer = v3(sb, "DELETE", "store/metafields", json=[made[0]["id"], 999])
    assert answer.status_code == 422 and answer.json()["meta"] == {"total": 2, "success": 1, "failed": 1}
    assert [m["key"] for m in data(v3(sb, "GET", "store/metafields"))] == ["c"]


def test_store_metafields_page_by_offset_and_cursor_and_filter(sb: Sandbox) -> None:
    v3(sb, "POST", "store/metafields", json=[metafield(k) for k in "abc"] + [metafield("d", namespace="other")])
    first = v3(sb, "GET", "store/metafields", params={"limit": 2}).json()
    assert {"pagination", "cursor_pagination"} <= set(first["meta"])
    after = first["meta"]["cursor_pagination"]["links"]["next"]
    rest = v3(sb, "GET", f"store/metafields{after}").json()
    assert [m["key"] for m in first["data"] + rest["data"]] == ["a", "b", "c", "d"]
    assert [m["key"] for m in data(v3(sb, "GET", "store/metafields", params={"namespace": "other"}))] == ["d"]
    assert [m["key"] for m in data(v3(sb, "GET", "store/metafields", params={"key:in": "a,c"}))] == ["a", "c"]


def test_system_logs_list_is_empty_and_valid_on_a_new_store(sb: Sandbox) -> None:
    answer = v3(sb, "GET", "store/systemlogs").json()
    assert answer["data"] == [] and answer["meta"]["pagination"]["total"] == 0
    assert answer["meta"]["pagination"]["per_page"] == 50


def test_deleting_a_product_through_either_view_writes_a_system_log(sb: Sandbox) -> None:
    first = data(v3(sb, "POST", "catalog/products", json=product_body("Kettle")))
    second = data(v3(sb, "POST", "catalog/products", json=product_body("Teapot")))
    v3(sb, "DELETE", f"catalog/products/{first['id']}")
    v2(sb, "DELETE", f"products/{second['id']}")
    logs = data(v3(sb, "GET", "store/systemlogs"))
    assert [(log["type"], log["module"], log["severity"]) for log in logs] == [("general", "catalog", 4)] * 2
    assert "Kettle" in logs[0]["message"] and "Teapot" in logs[1]["message"]
    assert logs[0]["date_created"].endswith("+00:00")
    assert data(v3(sb, "GET", "store/systemlogs", params={"type:not": "general"})) == []
    assert len(data(v3(sb, "GET", "store/systemlogs", params={"severity:min": 3, "id:in": logs[1]["id"]}))) == 1
    newest = data(v3(sb, "GET", "store/systemlogs", params={"sort": "date_created", "direction": "desc"}))
    assert [log["id"] for log in newest] == [logs[1]["id"], logs[0]["id"]]
    assert v3(sb, "POST", "store/systemlogs", json={}).status_code == 405


def test_store_metafields_and_logs_survive_dump_and_load(sb: Sandbox) -> None:
    v3(sb, "POST", "store/metafields", json=[metafield("kept")])
    product = data(v3(sb, "POST", "catalog/products", json=product_body("Gone")))
    v3(sb, "DELETE", f"catalog/products/{product['id']}")
    store = Store()
    store.load(json.loads(json.dumps(sb.store.dump())))
    assert [m["key"] for m in json.loads(store.handle_v3("GET", "store/metafields", {}, None).body)["data"]] == [
        "kept"]
    assert len(json.loads(store.handle_v3("GET", "store/systemlogs", {}, None).body)["data"]) == 1
