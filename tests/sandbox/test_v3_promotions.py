"""v3 promotions and coupon codes over the sandbox's HTTP surface (v3-resources.md §3.31, promotions.v3.yml)."""
from __future__ import annotations

import json
from typing import Any, Callable

import pytest

from bigcommerce.sandbox import Sandbox
from bigcommerce.sandbox.store import Store
from tests.sandbox.v3_http import data, v3

MakeSandbox = Callable[..., Sandbox]
RULES = [{"action": {"cart_value": {"discount": {"fixed_amount": "5"}}}, "apply_once": True}]


@pytest.fixture
def sb(make_real_sandbox: MakeSandbox) -> Sandbox:
    return make_real_sandbox()


def promotion(sb: Sandbox, name: str, kind: str = "AUTOMATIC", **fields: Any) -> dict[str, Any]:
    made: dict[str, Any] = data(v3(sb, "POST", "promotions", json={"name": name, "redemption_type": kind,
                                                                    "rules": RULES, **fields}), 201)
    return made


def errors_of(answer: Any, status: int) -> list[dict[str, Any]]:
    """The promotions error body: ``{errors: [{status, title, type, errors?}]}`` (§2.9)."""
    assert answer.status_code == status, (answer.status_code, answer.text[:300])
    items: list[dict[str, Any]] = answer.json()["errors"]
    assert items and all(item["status"] == status and "title" in item for item in items)
    return items


def test_a_promotion_is_created_with_201_and_its_defaults(sb: Sandbox) -> None:
    made = promotion(sb, "Five off")
    assert (made["redemption_type"], made["status"], made["current_uses"], made["created_from"]) == (
        "AUTOMATIC", "ENABLED", 0, "api")
    assert made["rules"] == RULES and made["start_date"].endswith("+00:00") and made["end_date"] is None
    assert data(v3(sb, "GET", f"promotions/{made['id']}"))["name"] == "Five off"


def test_a_promotion_needs_redemption_type_name_and_rules(sb: Sandbox) -> None:
    [item] = errors_of(v3(sb, "POST", "promotions", json={"display_name": "x"}), 422)
    assert {"redemption_type", "name", "rules"} <= set(item["errors"])
    errors_of(v3(sb, "POST", "promotions", json={"name": "x", "redemption_type": "MAYBE", "rules": RULES}), 422)


def test_the_promotion_list_filters_sorts_and_pages_by_offset(sb: Sandbox) -> None:
    promotion(sb, "b-auto")
    promotion(sb, "a-coupon", "COUPON")
    promotion(sb, "c-coupon", "COUPON", status="DISABLED")
    coupons = data(v3(sb, "GET", "promotions", params={"redemption_type": "coupon", "sort": "name",
                                                        "direction": "desc"}))
    assert [p["name"] for p in coupons] == ["c-coupon", "a-coupon"]
    assert [p["name"] for p in data(v3(sb, "GET", "promotions", params={"status": "DISABLED"}))] == ["c-coupon"]
    answer = v3(sb, "GET", "promotions", params={"limit": 1, "page": 3}).json()
    assert [p["name"] for p in answer["data"]] == ["c-coupon"] and answer["meta"]["pagination"]["total"] == 3
    assert v3(sb, "GET", "promotions", params={"limit": 251}).status_code == 422


def test_put_changes_a_promotion_but_not_its_redemption_type(sb: Sandbox) -> None:
    made = promotion(sb, "Five off")
    assert data(v3(sb, "PUT", f"promotions/{made['id']}", json={"status": "DISABLED"}))["status"] == "DISABLED"
    errors_of(v3(sb, "PUT", f"promotions/{made['id']}", json={"redemption_type": "COUPON"}), 422)
    errors_of(v3(sb, "PUT", "promotions/999", json={"name": "x"}), 404)
    errors_of(v3(sb, "GET", "promotions/999"), 404)


def test_delete_one_promotion_answers_204_even_when_it_does_not_exist(sb: Sandbox) -> None:
    """§3.31 / §2.13: ``DELETE /promotions/{id}`` is 204 even for no promotion."""
    made = promotion(sb, "Gone", "COUPON", codes={"code": "GONE"})
    assert v3(sb, "DELETE", f"promotions/{made['id']}").status_code == 204
    assert v3(sb, "DELETE", "promotions/12345").status_code == 204
    assert data(v3(sb, "GET", "promotions/codes", params={"code": "GONE"})) == []


def test_bulk_delete_needs_id_in_takes_50_and_keeps_promotions_with_codes(sb: Sandbox) -> None:
    """§3.31 / §2.8: promotions that still have codes cannot be deleted: 422 {errors, meta}."""
    plain = promotion(sb, "Plain")
    coupon = promotion(sb, "Coupon", "COUPON", codes={"code": "KEEP"})
    body = v3(sb, "DELETE", "promotions").json()
    assert body["meta"] == {"total": 0, "success": 0, "failed": 0}
    errors_of(v3(sb, "DELETE", "promotions"), 422)
    errors_of(v3(sb, "DELETE", "promotions", params={"id:in": ",".join(str(n) for n in range(1, 52))}), 422)
    answer = v3(sb, "DELETE", "promotions", params={"id:in": f"{plain['id']},{coupon['id']}"})
    [item] = errors_of(answer, 422)
    assert list(item["errors"]) == ["1.code"] and answer.json()["meta"] == {"total": 2, "success": 1, "failed": 1}
    assert [p["id"] for p in data(v3(sb, "GET", "promotions"))] == [coupon["id"]]


def test_coupon_codes_are_created_listed_by_cursor_and_unique_in_the_store(sb: Sandbox) -> None:
    coupon = promotion(sb, "Coupon", "COUPON")
    made = [data(v3(sb, "POST", f"promotions/{coupon['id']}/codes", json={"code": f"C{n}", "max_uses": 5}), 201)
            for n in range(3)]
    assert [(c["code"], c["max_uses"], c["current_uses"]) for c in made] == [("C0", 5, 0), ("C1", 5, 0), ("C2", 5, 0)]
    errors_of(v3(sb, "POST", f"promotions/{coupon['id']}/codes", json={"code": "C1"}), 409)
    first = v3(sb, "GET", f"promotions/{coupon['id']}/codes", params={"limit": 2}).json()
    assert [c["code"] for c in first["data"]] == ["C0", "C1"]
    after = first["meta"]["cursor_pagination"]["links"]["next"]
    rest = v3(sb, "GET", f"promotions/{coupon['id']}/codes{after}").json()
    assert [c["code"] for c in rest["data"]] == ["C2"]
    assert [c["code"] for c in data(v3(sb, "GET", f"promotions/{coupon['id']}/codes", params={"code": "c2"}))] == [
        "C2"]
    assert v3(sb, "GET", "promotions/999/codes").status_code == 404


def test_an_automatic_promotion_has_no_coupon_codes(sb: Sandbox) -> None:
    auto = promotion(sb, "Auto")
    errors_of(v3(sb, "POST", f"promotions/{auto['id']}/codes", json={"code": "NOPE"}), 422)


def test_coupon_code_deletes_answer_204_and_need_a_filter(sb: Sandbox) -> None:
    coupon = promotion(sb, "Coupon", "COUPON")
    ids = [data(v3(sb, "POST", f"promotions/{coupon['id']}/codes", json={"code": f"D{n}"}), 201)["id"]
           for n in range(4)]
    errors_of(v3(sb, "DELETE", f"promotions/{coupon['id']}/codes"), 422)
    assert v3(sb, "DELETE", f"promotions/{coupon['id']}/codes", params={"id:in": ids[0]}).status_code == 204
    assert v3(sb, "DELETE", f"promotions/{coupon['id']}/codes", params={"code": "D1"}).status_code == 204
    assert v3(sb, "DELETE", f"promotions/{coupon['id']}/codes/{ids[2]}").status_code == 204
    assert v3(sb, "DELETE", f"promotions/{coupon['id']}/codes/{ids[2]}").status_code == 204  # gone: still 204
    assert v3(sb, "DELETE", "promotions/codes", params={"code": "D3"}).status_code == 204
    assert data(v3(sb, "GET", f"promotions/{coupon['id']}/codes")) == []
    errors_of(v3(sb, "GET", "promotions/codes"), 422)


def test_codegen_makes_batch_size_codes_for_bulk_coupons_only(sb: Sandbox) -> None:
    """§3.31: ``batch_size`` ≤ 250; 405 unless it is a bulk-coupon promotion."""
    bulk = promotion(sb, "Bulk", "COUPON", coupon_type="BULK")
    single = promotion(sb, "Single", "COUPON")
    made = data(v3(sb, "POST", f"promotions/{bulk['id']}/codegen",
                   json={"batch_size": 5, "prefix": "VIP", "delimiter": "-", "max_uses": 3}), 201)
    assert made["batch_size"] == 5 and made["max_uses"] == 3 and len({c["code"] for c in made["codes"]}) == 5
    assert all(c["code"].startswith("VIP-") for c in made["codes"])
    listed = data(v3(sb, "GET", f"promotions/{bulk['id']}/codes"))
    assert sorted(c["code"] for c in listed) == sorted(c["code"] for c in made["codes"])
    errors_of(v3(sb, "POST", f"promotions/{bulk['id']}/codegen", json={"batch_size": 251}), 422)
    assert v3(sb, "POST", f"promotions/{single['id']}/codegen", json={"batch_size": 1}).status_code == 405


def test_promotions_and_codes_survive_dump_and_load(sb: Sandbox) -> None:
    coupon = promotion(sb, "Coupon", "COUPON", codes={"code": "SAVED"}, end_date="2030-01-01T00:00:00+00:00")
    store = Store()
    store.load(json.loads(json.dumps(sb.store.dump())))
    again = json.loads(store.handle_v3("GET", f"promotions/{coupon['id']}", {}, None).body)["data"]
    assert again == coupon
    codes = json.loads(store.handle_v3("GET", f"promotions/{coupon['id']}/codes", {}, None).body)["data"]
    assert [c["code"] for c in codes] == ["SAVED"]


def test_promotions_filter_by_one_of_their_codes_and_by_query_in_name_or_code(sb: Sandbox) -> None:
    """§3.31: filters ``code`` and ``query`` (name or code)."""
    promotion(sb, "Summer sale", "COUPON", codes={"code": "SUN25"})
    promotion(sb, "Winter sale", "COUPON", codes={"code": "SNOW10"})
    promotion(sb, "Loyalty")
    assert [p["name"] for p in data(v3(sb, "GET", "promotions", params={"code": "SUN25"}))] == ["Summer sale"]
    assert [p["name"] for p in data(v3(sb, "GET", "promotions", params={"query": "snow"}))] == ["Winter sale"]
    assert [p["name"] for p in data(v3(sb, "GET", "promotions", params={"query": "sale"}))] == [
        "Summer sale", "Winter sale"]
    assert data(v3(sb, "GET", "promotions", params={"code": "SUN"})) == []
