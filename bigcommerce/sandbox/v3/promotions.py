"""v3 promotions and their coupon codes: state-only tables (v3-resources.md §3.31, ``promotions.v3.yml``).

Promotions: POST creates one (201; ``redemption_type`` AUTOMATIC or COUPON, ``name`` and
``rules`` required; a COUPON promotion may name its first code in ``codes``); GET lists with
offset paging (``limit`` ≤ 250), filters ``id``, ``name``, ``code`` (a promotion having the
code), ``currency_code``, ``redemption_type``, ``status``, ``query`` (in the name or a code) and
``sort`` by ``id``, ``name`` or ``start_date`` (``priority`` and ``channels`` are not served).
``DELETE ?id:in=`` (required, ≤ 50 ids) deletes them, except promotions that still have codes: 422
``{errors: [...], meta: {total, success, failed}}``, the others deleted. ``DELETE
/promotions/{id}`` answers 204 even for no promotion, and deletes the promotion's codes with it.

Coupon codes (COUPON promotions only, 422 otherwise): POST creates one (201; a code used
anywhere in the store is a 409), GET lists them with offset and cursor paging and ``code``,
``DELETE ?id:in=`` (≤ 250) or ``?code=``, and ``DELETE …/codes/{code_id}`` answer 204 even when
nothing matches. ``POST …/codegen`` makes ``batch_size`` (1 to 250) codes of a BULK coupon
promotion (405 for any other), reproducible for a store: the same store makes the same codes.
``GET /promotions/codes?code=`` finds a code across promotions, ``DELETE`` deletes it.
Refusals are the spec's ``{errors: [{status, title, type, errors?}]}``.
"""
from __future__ import annotations

import random
import string
from collections.abc import Mapping
from typing import Any

from bigcommerce.sandbox.responses import NO_CONTENT, StoreResponse, dumps
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.answers import data_response, list_response
from bigcommerce.sandbox.v3.errors import ERROR_TYPE
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import (
    CURSOR_AND_OFFSET,
    LIST,
    Call,
    Family,
    Field,
    Route,
    Unique,
    col,
    on,
)
from bigcommerce.sandbox.v3.writes import ItemError, apply, prepare
from bigcommerce.sandbox.values import iso8601

DELETE_MAX, CODE_DELETE_MAX, CODEGEN_MAX = 50, 250, 250
CODE_ALPHABET = string.ascii_uppercase + string.digits

PROMOTION_FIELDS: tuple[Field, ...] = (
    col("id", codec="int", read_only=True),
    col("redemption_type", codec="str", choices=("AUTOMATIC", "COUPON")),
    col("name", codec="str", min_length=1),
    col("display_name", codec="str"),
    col("channels", codec="list"),
    col("customer", codec="dict_or_null"),
    col("rules", codec="list"),
    col("current_uses", codec="int", read_only=True),
    col("max_uses", codec="int_or_null", minimum=0),
    col("status", codec="str", choices=("ENABLED", "DISABLED", "INVALID")),
    col("start_date", codec="date"),
    col("end_date", codec="date_or_null"),
    col("stop", codec="bool"),
    col("can_be_used_with_other_promotions", codec="bool"),
    col("currency_code", codec="str"),
    col("notifications", codec="list"),
    col("shipping_address", codec="dict_or_null"),
    col("schedule", codec="dict_or_null"),
    col("created_from", codec="str", read_only=True),
    col("coupon_type", codec="str", choices=("SINGLE", "BULK")),
)

CODE_FIELDS: tuple[Field, ...] = (
    col("id", codec="int", read_only=True),
    col("code", codec="str", min_length=1, max_length=50),
    col("current_uses", codec="int", read_only=True),
    col("max_uses", codec="int", minimum=0),
    col("max_uses_per_customer", codec="int", minimum=0),
    col("created", codec="date", read_only=True),
)

PROMOTIONS = Family(
    name="promotions", table="promotions", label="promotion", fields=PROMOTION_FIELDS,
    required=("redemption_type", "name", "rules"),
    filters={"id": on("id", kind="int"), "name": on("name"), "code": on("<promotion_codes.code", op="has"),
             "currency_code": on("currency_code"), "redemption_type": on("redemption_type"),
             "status": on("status"), "query": on("name", "<promotion_codes.code", op="keyword")},
    sorts={"id": "id", "name": "name", "start_date": "start_date"},
)

PROMOTION_CODES = Family(
    name="promotion_codes", table="promotion_codes", label="coupon code", fields=CODE_FIELDS,
    required=("code",), filters={"code": on("code"), "id:in": on("id", op="in", kind="int")},
    paging=CURSOR_AND_OFFSET, unique=(Unique(("code",)),),
    parent_table="promotions", parent_column="promotion_id",
)


def _refused(status: int, title: str, errors: Mapping[str, str] | None = None,
             meta: Mapping[str, int] | None = None) -> StoreResponse:
    """The promotions spec's error body: an ``errors`` array of error objects."""
    item: dict[str, Any] = {"status": status, "title": title, "type": ERROR_TYPE}
    if errors:
        item["errors"] = dict(errors)
    body: dict[str, Any] = {"errors": [item]}
    if meta is not None:
        body["meta"] = dict(meta)
    return StoreResponse(status, dumps(body), {})


def _ids(raw: str) -> list[int] | None:
    parts = [part.strip() for part in raw.split(",") if part.strip()]
    return [int(part) for part in parts] if all(part.isdigit() for part in parts) else None


def _codes_of(state: State, promotion_id: int) -> list[dict[str, Any]]:
    return list(state.tables["promotion_codes"].children(promotion_id).values())


def _drop_codes(state: State, promotion_id: int) -> None:
    table = state.tables["promotion_codes"]
    for row in _codes_of(state, promotion_id):
        table.remove(table.key_of(row))


# -- promotions ---------------------------------------------------------------------------------------------

def create_promotion(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """POST /promotions: 201; a COUPON promotion's ``codes`` object becomes its first code."""
    body = call.body if isinstance(call.body, dict) else None
    try:
        prepared = prepare(state, FAMILIES, PROMOTIONS, call.body)
        assert body is not None
        first = body.get("codes")
        if body.get("redemption_type") == "COUPON":
            prepared.fields.setdefault("coupon_type", "SINGLE")
            code = prepare(state, FAMILIES, PROMOTION_CODES, first, parent_id=0) if isinstance(first, dict) else None
        elif "coupon_type" in body:
            raise ItemError(422, {"coupon_type": "Only a COUPON promotion has a coupon_type."})
        else:
            code = None
    except ItemError as exc:
        return _refused(422 if exc.status != 409 else 409, "The promotion was not valid.", exc.errors)
    row = apply(state, prepared)
    if code is not None:
        code.parent_id = row["id"]
        apply(state, code)
    return data_response(renderer.render(PROMOTIONS, row), status=201)


def _promotion(state: State, call: Call) -> dict[str, Any] | None:
    return state.tables["promotions"].rows.get(call.ids[0])


def get_promotion(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    row = _promotion(state, call)
    if row is None:
        return _refused(404, f"Promotion {call.ids[0]} not found.")
    return data_response(renderer.render(PROMOTIONS, row))


def update_promotion(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """PUT /promotions/{id}: the changed fields; the redemption type stays what it was."""
    row = _promotion(state, call)
    if row is None:
        return _refused(404, f"Promotion {call.ids[0]} not found.")
    body = call.body
    if isinstance(body, dict) and body.get("redemption_type", row["redemption_type"]) != row["redemption_type"]:
        return _refused(422, "The promotion was not valid.",
                        {"redemption_type": "The redemption type of a promotion cannot change."})
    try:
        prepared = prepare(state, FAMILIES, PROMOTIONS, body, row=row)
    except ItemError as exc:
        return _refused(422, "The promotion was not valid.", exc.errors)
    return data_response(renderer.render(PROMOTIONS, apply(state, prepared)))


def delete_promotion(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """DELETE /promotions/{id}: 204, whether or not the promotion existed (§2.13)."""
    if _promotion(state, call) is not None:
        _drop_codes(state, call.ids[0])
        state.tables["promotions"].remove(call.ids[0])
    return NO_CONTENT


def delete_promotions(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """DELETE /promotions?id:in=: at most 50; promotions that have codes stay (422 counting them)."""
    ids = _ids(call.query.get("id:in", ""))
    empty = {"total": 0, "success": 0, "failed": 0}
    if not ids:
        return _refused(422, "Parameter id:in is required", meta=empty)
    if len(ids) > DELETE_MAX:
        return _refused(422, f"At most {DELETE_MAX} promotions can be deleted at once.", meta=empty)
    table, failed = state.tables["promotions"], {}
    for index, promotion_id in enumerate(ids):
        if promotion_id not in table.rows:
            continue
        if _codes_of(state, promotion_id):
            failed[f"{index}.code"] = f"Failed for id={promotion_id}. Error: some relating codes are still present."
            continue
        table.remove(promotion_id)
    if failed:
        meta = {"total": len(ids), "success": len(ids) - len(failed), "failed": len(failed)}
        return _refused(422, "Errors occurred in bulk delete action.", failed, meta)
    return NO_CONTENT


# -- coupon codes -------------------------------------------------------------------------------------------

def _coupon(state: State, call: Call) -> dict[str, Any] | StoreResponse:
    row = _promotion(state, call)
    if row is None:
        return _refused(404, f"Promotion {call.ids[0]} not found.")
    if row.get("redemption_type") != "COUPON":
        return _refused(422, "Only a COUPON promotion has coupon codes.")
    return row


def create_code(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """POST /promotions/{promotion_id}/codes: one code (201); a code already in use is a 409."""
    promotion = _coupon(state, call)
    if isinstance(promotion, StoreResponse):
        return promotion
    try:
        prepared = prepare(state, FAMILIES, PROMOTION_CODES, call.body, parent_id=promotion["id"])
    except ItemError as exc:
        return _refused(exc.status, "The coupon code was not valid.", exc.errors)
    return data_response(renderer.render(PROMOTION_CODES, apply(state, prepared)), status=201)


def delete_codes(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """DELETE /promotions/{promotion_id}/codes?id:in= (≤ 250) or ?code=: 204."""
    raw, code = call.query.get("id:in", ""), call.query.get("code", "")
    ids = _ids(raw)
    empty = {"total": 0, "success": 0, "failed": 0}
    if not raw and not code:
        return _refused(422, "Parameter id:in is required", meta=empty)
    if raw and ids is None:
        return _refused(422, "Parameter id:in must list code ids.", meta=empty)
    if ids and len(ids) > CODE_DELETE_MAX:
        return _refused(422, f"At most {CODE_DELETE_MAX} codes can be deleted at once.", meta=empty)
    table = state.tables["promotion_codes"]
    for row in _codes_of(state, call.ids[0]):
        if (ids and row["id"] in ids) or (code and str(row.get("code", "")).casefold() == code.casefold()):
            table.remove(row["id"])
    return NO_CONTENT


def delete_code(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """DELETE /promotions/{promotion_id}/codes/{code_id}: 204, whether or not it existed."""
    promotion_id, code_id = call.ids
    row = state.tables["promotion_codes"].rows.get(code_id)
    if row is not None and row.get("promotion_id") == promotion_id:
        state.tables["promotion_codes"].remove(code_id)
    return NO_CONTENT


def _by_code(state: State, call: Call) -> list[dict[str, Any]] | StoreResponse:
    code = call.query.get("code", "")
    if not code:
        return _refused(422, "Parameter code is required")
    return [row for row in state.tables["promotion_codes"].ordered().values()
            if str(row.get("code", "")).casefold() == code.casefold()]


def find_code(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """GET /promotions/codes?code=: the code, wherever it is, as a one-page list."""
    rows = _by_code(state, call)
    if isinstance(rows, StoreResponse):
        return rows
    items = [dumps(renderer.render(PROMOTION_CODES, row)) for row in rows]
    pagination = {"total": len(items), "count": len(items), "per_page": 50, "current_page": 1,
                  "total_pages": 1 if items else 0, "links": {"current": "?page=1&limit=50"}}
    return list_response(items, {"pagination": pagination})


def delete_by_code(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    rows = _by_code(state, call)
    if isinstance(rows, StoreResponse):
        return rows
    for row in rows:
        state.tables["promotion_codes"].remove(row["id"])
    return NO_CONTENT


def generate_codes(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """POST /promotions/{promotion_id}/codegen: ``batch_size`` new codes of a BULK coupon promotion."""
    promotion = _promotion(state, call)
    if promotion is None:
        return _refused(404, f"Promotion {call.ids[0]} not found.")
    if promotion.get("redemption_type") != "COUPON" or promotion.get("coupon_type") != "BULK":
        return StoreResponse(405, dumps({"status": 405, "title": "Method Not Allowed", "error": (
            "Bulk code generation is only supported for promotions with redemption_type of 'COUPON' "
            "and coupon_type of 'BULK'.")}), {})
    body = call.body if isinstance(call.body, dict) else {}
    size, errors = body.get("batch_size"), {}
    if not isinstance(size, int) or isinstance(size, bool) or not 1 <= size <= CODEGEN_MAX:
        errors["batch_size"] = f"The field 'batch_size' must be an integer from 1 to {CODEGEN_MAX}."
    limits = {name: body.get(name, 1) for name in ("max_uses", "max_uses_per_customer")}
    for name, value in limits.items():
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 100_000:
            errors[name] = f"The field '{name}' must be an integer from 0 to 100000."
    prefix, suffix = str(body.get("prefix", "")), str(body.get("suffix", ""))
    delimiter = str(body.get("delimiter", "")) if prefix or suffix else ""
    excluded = set(body.get("exclude_characters") or ())
    alphabet = "".join(char for char in CODE_ALPHABET if char not in excluded) or CODE_ALPHABET
    if errors:
        return _refused(422, "The request payload is invalid.", errors)
    assert isinstance(size, int)
    codes_table = state.tables["promotion_codes"]
    known = {str(row.get("code")) for row in codes_table.rows.values()}
    picker = random.Random(f"{state.store_hash}/{promotion['id']}/{codes_table.next_id}")  # reproducible
    made: list[dict[str, Any]] = []
    while len(made) < size:
        middle = "".join(picker.choice(alphabet) for _ in range(int(body.get("code_length") or 16)))
        code = delimiter.join(part for part in (prefix, middle, suffix) if part)
        if code not in known:
            known.add(code)
            made.append(apply(state, prepare(state, FAMILIES, PROMOTION_CODES, {"code": code, **limits},
                                             parent_id=promotion["id"])))
    data = {"created": iso8601(made[0]["created"]), **limits, "batch_size": size,
            "codes": [{"code": row["code"]} for row in made]}
    return data_response(data, status=201)


FAMILIES: Mapping[str, Family] = {family.name: family for family in (PROMOTIONS, PROMOTION_CODES)}

ACTIONS = {
    "promotion_create": create_promotion, "promotions_delete": delete_promotions, "promotion_get": get_promotion,
    "promotion_update": update_promotion, "promotion_delete": delete_promotion, "code_create": create_code,
    "codes_delete": delete_codes, "code_delete": delete_code, "code_find": find_code,
    "code_delete_by_code": delete_by_code, "codes_generate": generate_codes,
}

ROUTES: tuple[Route, ...] = (
    Route("promotions", "promotions", {"GET": LIST, "POST": "promotion_create", "DELETE": "promotions_delete"}),
    Route("promotions/{id}", "promotions",
          {"GET": "promotion_get", "PUT": "promotion_update", "DELETE": "promotion_delete"}),
    Route("promotions/{promotion_id}/codes", "promotion_codes",
          {"GET": LIST, "POST": "code_create", "DELETE": "codes_delete"}, per_parent=True),
    Route("promotions/{promotion_id}/codes/{code_id}", "promotion_codes", {"DELETE": "code_delete"}),
    Route("promotions/{promotion_id}/codegen", "promotion_codes", {"POST": "codes_generate"}),
    Route("promotions/codes", "promotion_codes", {"GET": "code_find", "DELETE": "code_delete_by_code"}),
)
