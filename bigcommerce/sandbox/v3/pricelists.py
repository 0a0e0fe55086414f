"""v3 price lists, price records and price-list assignments: state-only rows (v3-resources.md §3.17).

No v2 resource shows them: they are the ``price_lists``, ``price_list_records`` and
``price_list_assignments`` tables of ``state.STATE_ONLY``. A record is keyed by (price list,
variant, currency): the variant is a ``product_skus`` row, which must exist (deleting it, or the
price list, drops its records); the currency is one of the store's currencies, stored in lower
case as the spec's examples print it. Rules from ``price_lists.v3.yml``: lists, records and
assignments page both ways and print both meta blocks unless the request picks one, with no
``links`` in ``pagination`` (§2.5); a new list needs a unique ``name`` (409); the record batches
are capped at 1000 (PUT) and 100 (POST) items (413 above, §2.7) and are **strict**: one invalid
item saves nothing and the answer is 422 ``{batch_errors: [{data, field_errors}]}`` (the
store-wide ``/pricelists/records`` answers the first failure as ``{data, field_errors}``);
success is ``{data: {}, meta: {}}``. A POST fails for a record that exists. ``DELETE /pricelists``
without a filter deletes every price list, as its summary says; ``DELETE …/records`` without one,
every record of the list. Choices: a new record needs ``price``; ``calculated_price`` is the
``sale_price`` when set, else the ``price``; items repeating another item's key are refused.
Assignments live in ``pricelist_assignments``.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bigcommerce.sandbox.responses import NO_CONTENT, StoreResponse, dumps
from bigcommerce.sandbox.rows import remove_row
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3 import pricelist_assignments
from bigcommerce.sandbox.v3.answers import data_response
from bigcommerce.sandbox.v3.errors import bad_input, invalid, not_found
from bigcommerce.sandbox.v3.lists import list_rows, too_large
from bigcommerce.sandbox.v3.query import predicates, wanted
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import (
    CREATE,
    CURSOR_OR_OFFSET,
    ITEM,
    LIST,
    Action,
    Call,
    Family,
    Field,
    Route,
    Unique,
    bounds,
    col,
    computed,
    on,
)
from bigcommerce.sandbox.v3.writes import ItemError, Prepared, apply, prepare

Row = dict[str, Any]
UPSERT_LIMIT, CREATE_LIMIT = 1000, 100  # items per PUT / POST of records (§2.7)
TIER_TYPES = ("fixed", "price", "percent")

PRICE_LIST_FIELDS: tuple[Field, ...] = (
    col("id", codec="int", read_only=True),
    col("name", codec="str", min_length=1, max_length=255),
    col("date_created", codec="date", read_only=True), col("date_modified", codec="date", read_only=True),
    col("active", codec="bool"),
)

RECORD_FIELDS: tuple[Field, ...] = (
    col("price_list_id", codec="int", read_only=True),
    col("variant_id", codec="int", read_only=True),
    col("price", codec="number", minimum=0),
    col("sale_price", codec="number_or_null", minimum=0),
    col("retail_price", codec="number_or_null", minimum=0),
    col("map_price", codec="number_or_null", minimum=0),
    col("calculated_price", codec="number", read_only=True),
    col("date_created", codec="date", read_only=True), col("date_modified", codec="date", read_only=True),
    col("currency", codec="str", read_only=True),
    col("product_id", codec="int", read_only=True),
    col("bulk_pricing_tiers", codec="list", include="bulk_pricing_tiers"),
    computed("sku", "variant_sku", include="sku"),
)

_DATES = {
    f"{name}{suffix}": on(name, op=op, kind="date")
    for name in ("date_created", "date_modified") for suffix, op in (("", "eq"), (":min", "min"), (":max", "max"))
}
_PRICES = {key: spec for name in ("price", "sale_price", "retail_price", "map_price", "calculated_price")
           for key, spec in bounds(name, "number").items()}

PRICE_LISTS = Family(
    name="price_lists", table="price_lists", label="price list", fields=PRICE_LIST_FIELDS, required=("name",),
    filters={"name": on("name"), "name:like": on("name", op="like"), "id:in": on("id", op="in", kind="int"),
             **_DATES},
    paging=CURSOR_OR_OFFSET, offset_links=False, unique=(Unique(("name",)),),
)

PRICE_RECORDS = Family(
    name="price_list_records", table="price_list_records", label="price record", fields=RECORD_FIELDS,
    required=("price",),
    filters={"variant_id:in": on("variant_id", op="in", kind="int"),
             "product_id:in": on("product_id", op="in", kind="int"),
             "currency": on("currency"), "currency:in": on("currency", op="in"),
             "sku": on("variant_id>product_skus.sku"), "sku:in": on("variant_id>product_skus.sku", op="in"),
             **_PRICES, **_DATES},
    paging=CURSOR_OR_OFFSET, offset_links=False,
    parent_table="price_lists", parent_column="price_list_id",
)

FAMILIES: Mapping[str, Family] = {
    family.name: family for family in (PRICE_LISTS, PRICE_RECORDS, pricelist_assignments.ASSIGNMENTS)
}


# ------------------------------------------------------------------ price lists

def _delete_price_lists(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """``DELETE /pricelists``: those ``id:in`` / ``name`` select, every one without a filter."""
    tests = predicates(state, PRICE_LISTS, call.query)
    table = state.tables["price_lists"]
    for row in [row for row in table.ordered().values() if all(test(row) for test in tests)]:
        remove_row(state, table.resource, row)
    return NO_CONTENT


# ------------------------------------------------------------------ records: finding

class RecordError(Exception):
    """One refused record: the identifiers it was sent with and field -> message errors."""

    def __init__(self, data: Mapping[str, Any], errors: Mapping[str, str]) -> None:
        super().__init__(dict(errors))
        self.data = {name: data.get(name) for name in ("price_list_id", "variant_id", "sku", "currency")}
        self.errors = dict(errors)


class Records:
    """Lookups one request needs: records by key per price list, variants by SKU, the store's currencies."""

    def __init__(self, state: State) -> None:
        self.state = state
        self._by_list: dict[int, dict[tuple[int, str], Row]] = {}
        self._by_sku: dict[str, Row] | None = None
        self.currencies = {str(row.get("currency_code", "")).casefold()
                           for row in state.tables["currencies"].rows.values()}

    def find(self, list_id: int, variant_id: int, currency: str) -> Row | None:
        keyed = self._by_list.get(list_id)
        if keyed is None:
            children = self.state.tables["price_list_records"].children(list_id).values()
            keyed = self._by_list[list_id] = {(row["variant_id"], row["currency"]): row for row in children}
        return keyed.get((variant_id, currency))

    def variant(self, item: Mapping[str, Any], errors: dict[str, str]) -> Row | None:
        """The SKU row an item names by ``variant_id`` or ``sku``."""
        skus = self.state.tables["product_skus"].rows
        variant_id, sku = item.get("variant_id"), item.get("sku")
        if variant_id is not None:
            if isinstance(variant_id, bool) or not isinstance(variant_id, int):
                errors["variant_id"] = "The field 'variant_id' must be an integer."
            elif variant_id not in skus:
                errors["variant_id"] = f"The variant {variant_id} does not exist."
            else:
                return skus[variant_id]
            return None
        if isinstance(sku, str) and sku:
            if self._by_sku is None:
                self._by_sku = {str(row.get("sku", "")).casefold(): row for row in skus.values()}
            found = self._by_sku.get(sku.casefold())
            if found is None:
                errors["sku"] = f"No variant has the SKU '{sku}'."
            return found
        errors["variant_id"] = "One of 'variant_id' or 'sku' is required."
        return None

    def currency(self, value: Any, errors: dict[str, str]) -> str:
        if not isinstance(value, str) or not value:
            errors["currency"] = "The field 'currency' is required."
            return ""
        if value.casefold() not in self.currencies:
            errors["currency"] = f"The currency '{value}' is not one of the store's currencies."
        return value.casefold()


# ------------------------------------------------------------------ records: writing

def _tier_errors(tiers: Any) -> dict[str, str]:
    if tiers is None:
        return {}
    if not isinstance(tiers, list):
        return {"bulk_pricing_tiers": "The field 'bulk_pricing_tiers' must be an array."}
    for index, tier in enumerate(tiers):
        ok = isinstance(tier, dict) and tier.get("type") in TIER_TYPES and all(
            isinstance(tier.get(name), int) and not isinstance(tier.get(name), bool)
            for name in ("quantity_min", "quantity_max")) and isinstance(tier.get("amount"), (int, float)) \
            and not isinstance(tier.get("amount"), bool)
        if not ok:
            return {f"bulk_pricing_tiers.{index}": "A tier needs integer quantity_min and quantity_max, "
                                                  "a number amount and a type of fixed, price or percent."}
    return {}


def prepare_record(records: Records, item: object, list_id: int | None, *, create: bool,
                   pending: set[tuple[int, int, str]] | None = None) -> Prepared:
    """Check one record write (a create unless its key exists); RecordError when refused."""
    if not isinstance(item, dict):
        raise RecordError({}, {"body": "Each item must be a JSON object."})
    errors: dict[str, str] = {}
    if list_id is None:
        list_id = item.get("price_list_id")
        if isinstance(list_id, bool) or not isinstance(list_id, int):
            errors["price_list_id"] = "The field 'price_list_id' is required and must be an integer."
        elif list_id not in records.state.tables["price_lists"].rows:
            errors["price_list_id"] = f"The price list {list_id} does not exist."
    variant = records.variant(item, errors)
    currency = records.currency(item.get("currency"), errors)
    errors.update(_tier_errors(item.get("bulk_pricing_tiers")))
    sent = {**item, "price_list_id": list_id}
    if errors or variant is None or not isinstance(list_id, int):
        raise RecordError(sent, errors)
    key = (list_id, variant["id"], currency)
    sent["variant_id"] = variant["id"]
    if pending is not None:
        if key in pending:
            raise RecordError(sent, {"variant_id": "Another item of the batch has the same variant and currency."})
        pending.add(key)
    existing = records.find(*key)
    if create and existing is not None:
        raise RecordError(sent, {"currency": f"A price record for variant {variant['id']} in {currency} exists."})
    try:
        prepared = prepare(records.state, FAMILIES, PRICE_RECORDS, item, parent_id=list_id, row=existing)
    except ItemError as exc:
        raise RecordError(sent, exc.errors) from None
    if existing is None:
        prepared.fields.update(variant_id=variant["id"], currency=currency, product_id=variant.get("product_id"))
    merged = {**(existing or {}), **prepared.fields}
    sale = merged.get("sale_price")
    prepared.fields["calculated_price"] = sale if sale is not None else merged.get("price")
    return prepared


def _write_records(state: State, call: Call, *, create: bool, limit: int | None) -> StoreResponse:
    """A batch of records, strict: every item valid or nothing saved."""
    if not isinstance(call.body, list):
        raise bad_input("The request body must be a JSON array.")
    if limit is not None and len(call.body) > limit:
        raise too_large(limit)
    records, pending = Records(state), set[tuple[int, int, str]]()
    ready, failures = [], []
    for item in call.body:
        try:
            ready.append(prepare_record(records, item, call.parent_id, create=create, pending=pending))
        except RecordError as exc:
            failures.append(exc)
    if failures:
        if call.parent_id is None:  # /pricelists/records: one {data, field_errors}
            return StoreResponse(422, dumps({"data": failures[0].data, "field_errors": failures[0].errors}), {})
        errors = [{"data": exc.data, "field_errors": exc.errors} for exc in failures]
        return StoreResponse(422, dumps({"batch_errors": errors}), {})
    for prepared in ready:
        apply(state, prepared)
    return data_response({})


def _upsert_records(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    return _write_records(state, call, create=False, limit=UPSERT_LIMIT if call.parent_id is not None else None)


def _create_records(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    return _write_records(state, call, create=True, limit=CREATE_LIMIT)


def _delete_records(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """``DELETE …/records``: those ``currency``, ``variant_id:in``, ``sku:in`` select; all without a filter."""
    assert call.parent_id is not None
    tests = predicates(state, PRICE_RECORDS, call.query)
    table = state.tables["price_list_records"]
    for row in [row for row in table.children(call.parent_id).values() if all(test(row) for test in tests)]:
        remove_row(state, table.resource, row)
    return NO_CONTENT


# ------------------------------------------------------------------ records: one variant, one record

def _variant_records(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """``GET …/records/{variant_id}``: that variant's records in every currency."""
    assert call.parent_id is not None
    variant_id = call.ids[-1]
    rows = [row for row in state.tables["price_list_records"].children(call.parent_id).values()
            if row.get("variant_id") == variant_id]
    return list_rows(state, renderer, PRICE_RECORDS, rows, call.query)


def _one_record(state: State, call: Call) -> Row:
    assert call.parent_id is not None
    row = Records(state).find(call.parent_id, call.ids[-1], call.keys[0].casefold())
    if row is None:
        raise not_found("price record")
    return row


def _get_record(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    row = _one_record(state, call)
    return data_response(renderer.render(PRICE_RECORDS, row, wanted(call.query, "include")))


def _set_record(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """``PUT …/records/{variant_id}/{currency_code}``: an upsert; 404 for a variant that does not exist."""
    variant_id, currency = call.ids[-1], call.keys[0]
    if variant_id not in state.tables["product_skus"].rows:
        raise not_found("variant")
    if not isinstance(call.body, dict):
        raise bad_input("The request body must be a JSON object.")
    item = {**call.body, "variant_id": variant_id, "currency": currency}
    try:
        prepared = prepare_record(Records(state), item, call.parent_id, create=False)
    except RecordError as exc:
        raise invalid(exc.errors, "The price record was not valid.") from None
    return data_response(renderer.render(PRICE_RECORDS, apply(state, prepared), frozenset({"bulk_pricing_tiers"})))


def _delete_record(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    assert call.parent_id is not None
    row = Records(state).find(call.parent_id, call.ids[-1], call.keys[0].casefold())
    if row is not None:
        remove_row(state, state.tables["price_list_records"].resource, row)
    return NO_CONTENT


ACTIONS: Mapping[str, Action] = {
    "price_lists_delete": _delete_price_lists,
    "price_records_upsert": _upsert_records, "price_records_create": _create_records,
    "price_records_delete": _delete_records, "price_records_of_variant": _variant_records,
    "price_record_get": _get_record, "price_record_set": _set_record, "price_record_delete": _delete_record,
    **pricelist_assignments.ACTIONS,
}

RECORD = "pricelists/{price_list_id}/records"
ROUTES: tuple[Route, ...] = (
    Route("pricelists", "price_lists", {"GET": LIST, "POST": CREATE, "DELETE": "price_lists_delete"}),
    Route("pricelists/{price_list_id}", "price_lists", ITEM),
    Route("pricelists/records", "price_list_records", {"PUT": "price_records_upsert", "POST": "price_records_create"}),
    Route(RECORD, "price_list_records", {"GET": LIST, "PUT": "price_records_upsert", "POST": "price_records_create",
                                          "DELETE": "price_records_delete"}, per_parent=True),
    Route(f"{RECORD}/{{variant_id}}", "price_list_records", {"GET": "price_records_of_variant"}, per_parent=True),
    Route(f"{RECORD}/{{variant_id}}/{{currency_code}}", "price_list_records",
          {"GET": "price_record_get", "PUT": "price_record_set", "DELETE": "price_record_delete"},
          per_parent=True, text_params=1),
    *pricelist_assignments.ROUTES,
)
