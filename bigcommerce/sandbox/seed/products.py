"""The generated catalog: brands, a category tree, options and option sets, then N products.

Each product gets images and, for small catalogs, custom fields, SKUs (every third product
2-4 variants of one option, besides those of option sets), reviews, videos, bulk-pricing
rules, configurable fields, Google Shopping mappings and metafields (every fifth product;
every tenth in large catalogs). Names come from
``vocabulary`` (finish, noun, size, then collection laps), so 100,000 products stay unique.
"""
from __future__ import annotations

import random
from typing import Any

from bigcommerce.sandbox.rules.products import sync_product_options
from bigcommerce.sandbox.seed.common import PRODUCT_SPACING_S, SEED_EPOCH_S, ensure
from bigcommerce.sandbox.seed.vocabulary import (
    BRANDS,
    COLLECTIONS,
    DEPARTMENTS,
    FIRST_NAMES,
    LAST_NAMES,
    OPTION_SETS,
    OPTIONS,
    REVIEW_TEXTS,
    REVIEW_TITLES,
    VIDEO_IDS,
    Noun,
)
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.values import slug


def _scaffold(store: State) -> dict[str, Any]:
    """Brands, category tree, options and option sets the generated products use."""
    brands = [ensure(store, "brands", {"name": name}, {
        "page_title": name, "search_keywords": name.lower(),
        "image_file": f"m/{100 + i}/{slug(name)}__{40000 + i * 37}.png",
    })["id"] for i, name in enumerate(BRANDS)]
    lines = []  # (category id, department, noun tuple, finishes)
    for sort, (department, subcategories) in enumerate(DEPARTMENTS):
        top = ensure(store, "categories", {"name": department, "parent_id": 0}, {
            "sort_order": sort, "url": f"/{slug(department)}/",
            "description": f"<p>Everything for the {department.lower()}.</p>",
        })
        for sub_sort, (subcategory, nouns, finishes) in enumerate(subcategories):
            sub = ensure(store, "categories", {"name": subcategory, "parent_id": top["id"]}, {
                "sort_order": sub_sort, "url": f"/{slug(department)}/{slug(subcategory)}/",
                "description": f"<p>{subcategory} chosen by our buyers.</p>",
            })
            for noun in nouns:
                lines.append((sub["id"], department, noun, finishes))
    options: dict[str, int] = {}
    for name, display, kind, values in OPTIONS:
        option = ensure(store, "options", {"name": name}, {"display_name": display, "type": kind})
        options[name] = option["id"]
        if not store.table("option_values").children(option["id"]):
            for sort, (label, value) in enumerate(values):
                store.add_row("option_values", {
                    "option_id": option["id"], "label": label, "value": value, "sort_order": sort,
                    "is_default": sort == 0 and kind != "C",
                })
    option_sets = []
    for name, members in OPTION_SETS:
        option_set = ensure(store, "option_sets", {"name": name}, {})
        if not store.table("option_set_options").children(option_set["id"]):
            for sort, member in enumerate(members):
                store.add_row("option_set_options", {
                    "option_set_id": option_set["id"], "option_id": options[member],
                    "display_name": {o[0]: o[1] for o in OPTIONS}[member], "sort_order": sort,
                    "is_required": member != "Engraving",
                })
        option_sets.append(option_set["id"])
    return {"brands": brands, "lines": lines, "option_sets": option_sets, "options": options}


def _combos() -> list[tuple[int, str, Noun, str, str]]:
    """Every (line index, finish, noun, size) product name stem, in a fixed order."""
    out = []
    for line_index, (_, _, noun, finishes) in enumerate(_LINES_TEMPLATE):
        for finish in finishes:
            for size in noun[1]:
                out.append((line_index, finish, noun, size, f"{finish} {noun[0]} {size}"))
    return out


_LINES_TEMPLATE = [
    (None, department, noun, finishes)
    for department, subcategories in DEPARTMENTS
    for _, nouns, finishes in subcategories
    for noun in nouns
]
COMBOS = _combos()


def _product_name(index: int) -> tuple[int, str, Noun, str]:
    """A unique, realistic name for the index-th generated product."""
    line_index, finish, noun, _size, stem = COMBOS[index % len(COMBOS)]
    lap = index // len(COMBOS)
    if lap == 0:
        name = stem
    elif lap <= len(COLLECTIONS):
        name = f"{COLLECTIONS[lap - 1]} {stem}"
    else:
        name = f"{COLLECTIONS[lap % len(COLLECTIONS)]} {stem} Series {lap // len(COLLECTIONS)}"
    return line_index, finish, noun, name


def seed_products(store: State, rng: random.Random, count: int, *, light: bool) -> None:
    """Add ``count`` products (ids continuing the table's) with their subresources.

    ``light``: one image each and no other subresources (large catalogs).
    """
    scaffold = _scaffold(store)
    lines, brands, option_sets = scaffold["lines"], scaffold["brands"], scaffold["option_sets"]
    table = store.table("products")
    descriptions: dict[tuple[int, str], str] = {}
    start_index = table.next_id - 1
    for offset in range(count):
        index = start_index + offset
        line_index, finish, noun, name = _product_name(index)
        category_id, department, _, _ = lines[line_index]
        noun_name, _, base_price, weight, code = noun
        product_id = table.next_id
        price = base_price * (0.85 + rng.random() * 0.6)
        price_text = f"{int(price) + 0.99:.4f}"
        key = (line_index, finish)
        description = descriptions.get(key)
        if description is None:
            description = descriptions[key] = (
                f"<p>Our {finish.lower()} {noun_name.lower()} is made to be used every day and to "
                f"last for years. Designed for the {department.lower()}, finished by hand.</p>"
            )
        created = SEED_EPOCH_S + product_id * PRODUCT_SPACING_S
        row: dict[str, Any] = {
            "id": product_id, "name": name, "sku": f"{code}-{finish[:3].upper()}-{product_id:06d}",
            "description": description, "price": price_text, "calculated_price": price_text,
            "cost_price": f"{price * 0.45:.4f}", "weight": f"{weight:.4f}",
            "inventory_level": rng.randrange(0, 400), "inventory_warning_level": 5,
            "inventory_tracking": "simple", "is_visible": rng.random() < 0.95,
            "is_featured": rng.random() < 0.08, "categories": [category_id],
            "brand_id": brands[product_id % len(brands)], "date_created": created,
            "date_modified": created + rng.randrange(0, 45 * 86400),
            "custom_url": f"/{slug(name)}/", "search_keywords": f"{noun_name.lower()}, {finish.lower()}",
            "total_sold": rng.randrange(0, 300), "view_count": rng.randrange(0, 5000),
            "upc": f"{880000000000 + product_id:012d}",
        }
        if rng.random() < 0.12:
            sale = f"{int(price * 0.8) + 0.99:.4f}"
            row["sale_price"] = row["calculated_price"] = sale
        if rng.random() < 0.03:
            row["condition"] = "Refurbished"
        if option_sets and product_id % 7 == 0:
            row["option_set_id"] = option_sets[product_id % len(option_sets)]
        store.add_row("products", row)
        _seed_product_children(store, rng, row, finish, light)
        if "option_set_id" in row:
            sync_product_options(store, row, row)
            if not light:
                _seed_skus(store, row)
        elif not light and product_id % 3 == 0:
            _seed_variants(store, row, scaffold["options"])


def _seed_product_children(store: State, rng: random.Random, product: dict[str, Any], finish: str,
                           light: bool) -> None:
    product_id, created = product["id"], product["date_created"]
    stem = product["custom_url"].strip("/")
    images = 1 if light else 1 + rng.randrange(3)
    for position in range(images):
        store.add_row("product_images", {
            "product_id": product_id, "image_file": f"{stem[0]}/{product_id % 997:03d}/{stem}-{position + 1}.jpg",
            "is_thumbnail": position == 0, "sort_order": position, "date_created": created,
        })
    if product_id % (10 if light else 5) == 0:
        store.add_row("metafields", {
            "resource_type": "product", "resource_id": product_id, "namespace": "Warehouse Locations",
            "key": "Location", "value": f"Aisle {product_id % 20 + 1}, Bin {product_id % 50 + 1}",
            "permission_set": "read", "description": "Where the product is shelved",
            "date_created": created, "date_modified": created,
        })
        if not light and product_id % 10 == 0:
            store.add_row("metafields", {
                "resource_type": "product", "resource_id": product_id, "namespace": "Shipping",
                "key": "hs_code", "value": "7323.93", "permission_set": "write", "description": "",
                "date_created": created, "date_modified": created,
            })
    if product_id % (10 if light else 3) == 0:
        store.add_row("product_custom_fields", {"product_id": product_id, "name": "Material", "text": finish})
        if not light:
            store.add_row("product_custom_fields", {"product_id": product_id, "name": "Warranty", "text": "2 years"})
    if light:
        return
    if product_id % 4 == 0:
        total = 0
        for number in range(1 + rng.randrange(2)):
            rating = 3 + rng.randrange(3)
            total += rating
            store.add_row("product_reviews", {
                "product_id": product_id, "author": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)[0]}.",
                "title": rng.choice(REVIEW_TITLES), "review": rng.choice(REVIEW_TEXTS), "rating": rating,
                "status": 1, "date_created": created + (number + 1) * 86400 * 7,
            })
        product["rating_total"], product["rating_count"] = total, number + 1
    if product_id % 25 == 0:
        store.add_row("product_discount_rules", {
            "product_id": product_id, "min": 5, "max": 9, "type": "percent", "type_value": 5,
        })
        store.add_row("product_discount_rules", {
            "product_id": product_id, "min": 10, "max": 0, "type": "percent", "type_value": 10,
        })
    if product_id % 40 == 0:
        store.add_row("product_configurable_fields", {
            "product_id": product_id, "name": "Engraving text", "type": "T", "is_required": False, "sort_order": 0,
        })
    if product_id % 50 == 0:
        video_id = VIDEO_IDS[product_id % len(VIDEO_IDS)]
        store.add_row("product_videos", {
            "id": video_id, "product_id": product_id, "sort_order": 0, "name": f"{product['name']} in use",
        })
    if product_id % 10 == 0:
        store.add_row("product_google_mappings", {
            "product_id": product_id, "category_id": product["categories"][0], "enabled": True,
            "global_trade_item_number": product["upc"], "manufacturer_part_number": product["sku"],
            "google_shopping_product_category_path": "Home & Garden",
        })


def _seed_skus(store: State, product: dict[str, Any]) -> None:
    """One SKU per value of the product's first option (Finish or Size)."""
    product_options = list(store.table("product_options").children(product["id"]).values())
    if not product_options:
        return
    first = product_options[0]
    for value in store.table("option_values").children(first["option_id"]).values():
        store.add_row("product_skus", {
            "product_id": product["id"], "sku": f"{product['sku']}-{value['value'].strip('#')[:3].upper()}",
            "inventory_level": 10 + value["id"] % 40, "inventory_warning_level": 3,
            "options": [{"product_option_id": first["id"], "option_value_id": value["id"]}],
        })


def _seed_variants(store: State, product: dict[str, Any], options: dict[str, int]) -> None:
    """2-4 variants of one option (Size or Finish), as a v3 ``variants`` create would make them.

    Counts and levels come from the product id, not the RNG, so the rest of the catalog stays
    the same whether or not variants are seeded.
    """
    product_id = product["id"]
    name = "Size" if (product_id // 3) % 2 else "Finish"
    option_id = options.get(name)
    if option_id is None:
        return
    values = list(store.table("option_values").children(option_id).values())
    chosen = values[: min(len(values), 2 + product_id % 3)]
    if len(chosen) < 2:
        return
    product_option = store.add_row("product_options", {
        "product_id": product_id, "option_id": option_id, "display_name": name, "sort_order": 0, "is_required": True,
    })
    for position, value in enumerate(chosen):
        store.add_row("product_skus", {
            "product_id": product_id, "sku": f"{product['sku']}-{value['value'].strip('#')[:3].upper()}",
            "inventory_level": 5 + (product_id * 7 + position * 13) % 60, "inventory_warning_level": 3,
            "options": [{"product_option_id": product_option["id"], "option_value_id": value["id"]}],
        })
    product["inventory_tracking"] = "sku"
