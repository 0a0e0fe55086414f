"""Options and option sets: the choices a product offers, and their values (D16)."""
from __future__ import annotations

from bigcommerce.sandbox.catalog.schema import ALL_OPS, COLLECTION_COUNT, Link, Resource, eq, ids, merge, op_set

OPTION_TYPES = ("C", "D", "F", "MT", "RB", "RT", "S", "P", "CS", "T", "N")

OPTIONS = Resource(
    name="options",
    path="options",
    ops=ALL_OPS,
    fields={"id": None, "name": "", "display_name": "", "type": "", "values": None},
    required=("name", "type"),
    types={"name": "str", "display_name": "str", "type": "str"},
    enums={"type": OPTION_TYPES},
    filters=merge(eq("name"), eq("display_name"), eq("type"), ids()),
    counts=COLLECTION_COUNT,
    links=(Link("values", "options/{id}/values"),),
)

OPTION_VALUES = Resource(
    name="option_values",
    path="options/{pid}/values",
    ops=op_set("L G C U D DA"),
    fields={
        "id": None, "option_id": None, "label": "", "sort_order": 0, "value": "",
        "is_default": False,
    },
    required=("label", "value"),
    types={"label": "str", "value": "str", "sort_order": "int", "is_default": "bool"},
    parent="options",
    parent_key="option_id",
    hidden=frozenset({"_v3"}),  # what only v3 knows (value_data, modifier adjusters)
)

OPTION_SETS = Resource(
    name="option_sets",
    path="option_sets",
    ops=op_set("L G C U D N"),  # DA sunset (SUN)
    fields={"id": None, "name": "", "options": None},
    required=("name",),
    types={"name": "str"},
    filters=merge(eq("name"), ids()),
    counts=COLLECTION_COUNT,
    links=(Link("options", "optionsets/{id}/options"),),
)

OPTION_SET_OPTIONS = Resource(
    name="option_set_options",
    path="option_sets/{pid}/options",
    ops=op_set("L G C U D DA"),
    fields={
        "id": None, "option_id": 0, "option_set_id": None, "display_name": "",
        "sort_order": 0, "is_required": False, "option": None, "values": [],
    },
    required=("option_id",),
    types={"option_id": "int", "display_name": "str", "sort_order": "int", "is_required": "bool"},
    read_only=frozenset({"values"}),
    parent="option_sets",
    parent_key="option_set_id",
    links=(Link("option", "options/{option_id}"),),
)
