"""Data for the sandbox store: fixed reference data, a seeded generator, JSON load/dump.

* ``load_reference`` fills what every store has before anyone adds a product: the 15
  order statuses, a few real countries with their states, currencies (USD default), tax
  classes, payment methods, legacy shipping methods and a United States shipping zone.
* ``populate`` adds a realistic catalog (brands, a category tree, options, option sets),
  N products with images, custom fields and, for small catalogs, SKUs, reviews, videos and
  bulk-pricing rules; M customers with addresses and groups; K orders placed by those
  customers for those products. The same ``seed`` gives the same data: dates start at
  ``SEED_EPOCH_S``, never at the clock. Above ``LARGE_SEED_PRODUCTS`` products get one
  image and no other subresources, so 100,000 products stay fast and small.
* ``dump_data``/``load_data``: the JSON seed-file format, below.

Seed-file format (``dump()`` writes it, ``load()`` reads it)::

    {
      "format": "bigcommerce-sandbox/1",
      "next_ids": {"products": 101, ...},          # optional: ids are never reused
      "products": [{"id": 1, "name": "...", "date_created": "Tue, 10 Apr 2018 ...", ...}],
      "product_images": [{"id": 1, "product_id": 1, "image_file": "..."}],
      "orders": [...], "order_products": [...], ...,
      "carrier_connections": {"carrier_id": {...connection fields...}}
    }

Keys are the resource names of ``catalog.RESOURCES``; subresource rows carry their parent
key (``product_id``, ``order_id``, ``customer_id``, ``country_id``, ``option_id``,
``option_set_id``, ``zone_id``). Rows hold API field names with API values (RFC 2822
dates, decimal strings); fields left out take the API defaults, rows without ``id`` get
the next one, rows whose id exists replace it. ``dump`` writes only stored fields (no
link objects or computed fields); a customer's password appears as
``"_authentication": {"password": ...}``. For hand-written files, subresources may also
be nested in their parent under the subresource's path name (``"images": [...]`` in a
product, ``"addresses"`` in a customer, ``"states"`` in a country...), and an order given
with a ``products`` list of line items and no ``total_inc_tax`` is built like
``POST /orders`` (lines, shipping address and totals computed).
"""
from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any, Mapping

from bigcommerce.sandbox.catalog import BY_NAME, CHILDREN, RESOURCES, Resource

if TYPE_CHECKING:
    from bigcommerce.sandbox.store import Store

DUMP_FORMAT = "bigcommerce-sandbox/1"
REFERENCE_EPOCH_S = 1514764800  # 2018-01-01T00:00:00Z: reference data "creation" date
SEED_EPOCH_S = 1672531200  # 2023-01-01T00:00:00Z: first seeded product
PRODUCT_SPACING_S = 37  # seconds between two seeded products' date_created
CUSTOMER_SPACING_S = 1301
ORDER_SPACING_S = 2711
LARGE_SEED_PRODUCTS = 5000  # above this: one image per product and no other subresources
SEED_PASSWORD = "SandboxPass1!"  # every seeded customer's password (POST .../validate)

# ------------------------------------------------------------------ reference data

ORDER_STATUSES: tuple[tuple[int, str, int, str], ...] = (
    # id, name, sort order, system description (S21 orders spec)
    (0, "Incomplete", 0, "An incomplete order happens when a shopper reached the payment page, but did not complete the transaction."),
    (1, "Pending", 1, "Customer started the checkout process, but did not complete it."),
    (2, "Shipped", 8, "Order has been shipped, but receipt has not been confirmed; seller has used the Ship Items action."),
    (3, "Partially Shipped", 6, "Only some items in the order have been shipped, due to some products being pre-order only or other reasons."),
    (4, "Refunded", 11, "Seller has used the Refund action."),
    (5, "Cancelled", 9, "Seller has cancelled an order, due to a stock inconsistency or other reasons."),
    (6, "Declined", 10, "Seller has marked the order as declined for lack of manual payment, or other reasons."),
    (7, "Awaiting Payment", 2, "Customer has completed checkout process, but payment has yet to be confirmed."),
    (8, "Awaiting Pickup", 5, "Order has been pulled, and is awaiting customer pickup from a seller-specified location."),
    (9, "Awaiting Shipment", 4, "Order has been pulled and packaged, and is awaiting collection from a shipping provider."),
    (10, "Completed", 7, "Client has paid for their digital product and their file(s) are available for download."),
    (11, "Awaiting Fulfillment", 3, "Customer has completed the checkout process and payment has been confirmed."),
    (12, "Manual Verification Required", 13, "Order on hold while some aspect needs to be manually confirmed."),
    (13, "Disputed", 12, "Customer has initiated a dispute resolution process for the PayPal transaction that paid for the order."),
    (14, "Partially Refunded", 14, "Seller has partially refunded the order."),
)

US_STATES = (
    ("Alabama", "AL"), ("Alaska", "AK"), ("Arizona", "AZ"), ("Arkansas", "AR"),
    ("California", "CA"), ("Colorado", "CO"), ("Connecticut", "CT"), ("Delaware", "DE"),
    ("District of Columbia", "DC"), ("Florida", "FL"), ("Georgia", "GA"), ("Hawaii", "HI"),
    ("Idaho", "ID"), ("Illinois", "IL"), ("Indiana", "IN"), ("Iowa", "IA"), ("Kansas", "KS"),
    ("Kentucky", "KY"), ("Louisiana", "LA"), ("Maine", "ME"), ("Maryland", "MD"),
    ("Massachusetts", "MA"), ("Michigan", "MI"), ("Minnesota", "MN"), ("Mississippi", "MS"),
    ("Missouri", "MO"), ("Montana", "MT"), ("Nebraska", "NE"), ("Nevada", "NV"),
    ("New Hampshire", "NH"), ("New Jersey", "NJ"), ("New Mexico", "NM"), ("New York", "NY"),
    ("North Carolina", "NC"), ("North Dakota", "ND"), ("Ohio", "OH"), ("Oklahoma", "OK"),
    ("Oregon", "OR"), ("Pennsylvania", "PA"), ("Rhode Island", "RI"), ("South Carolina", "SC"),
    ("South Dakota", "SD"), ("Tennessee", "TN"), ("Texas", "TX"), ("Utah", "UT"),
    ("Vermont", "VT"), ("Virginia", "VA"), ("Washington", "WA"), ("West Virginia", "WV"),
    ("Wisconsin", "WI"), ("Wyoming", "WY"),
)

COUNTRIES: tuple[tuple[str, str, str, tuple[tuple[str, str], ...]], ...] = (
    ("Australia", "AU", "AUS", (
        ("Australian Capital Territory", "ACT"), ("New South Wales", "NSW"),
        ("Northern Territory", "NT"), ("Queensland", "QLD"), ("South Australia", "SA"),
        ("Tasmania", "TAS"), ("Victoria", "VIC"), ("Western Australia", "WA"),
    )),
    ("Canada", "CA", "CAN", (
        ("Alberta", "AB"), ("British Columbia", "BC"), ("Manitoba", "MB"),
        ("New Brunswick", "NB"), ("Newfoundland and Labrador", "NL"),
        ("Northwest Territories", "NT"), ("Nova Scotia", "NS"), ("Nunavut", "NU"),
        ("Ontario", "ON"), ("Prince Edward Island", "PE"), ("Quebec", "QC"),
        ("Saskatchewan", "SK"), ("Yukon", "YT"),
    )),
    ("France", "FR", "FRA", ()),
    ("Germany", "DE", "DEU", (
        ("Baden-Württemberg", "BW"), ("Bayern", "BY"), ("Berlin", "BE"), ("Brandenburg", "BB"),
        ("Bremen", "HB"), ("Hamburg", "HH"), ("Hessen", "HE"), ("Mecklenburg-Vorpommern", "MV"),
        ("Niedersachsen", "NI"), ("Nordrhein-Westfalen", "NW"), ("Rheinland-Pfalz", "RP"),
        ("Saarland", "SL"), ("Sachsen", "SN"), ("Sachsen-Anhalt", "ST"),
        ("Schleswig-Holstein", "SH"), ("Thüringen", "TH"),
    )),
    ("Japan", "JP", "JPN", ()),
    ("New Zealand", "NZ", "NZL", ()),
    ("United Kingdom", "GB", "GBR", ()),
    ("United States", "US", "USA", US_STATES),
)

CURRENCIES: tuple[dict[str, Any], ...] = (
    {"is_default": True, "country_iso2": "US", "currency_code": "USD", "name": "US Dollar",
     "currency_exchange_rate": "1.0000000000", "token": "$", "is_transactional": True},
    {"country_iso2": "EU", "currency_code": "EUR", "name": "Euro", "token": "€",
     "currency_exchange_rate": "0.9200000000", "auto_update": True},
    {"country_iso2": "GB", "currency_code": "GBP", "name": "British Pound", "token": "£",
     "currency_exchange_rate": "0.7900000000", "auto_update": True},
    {"country_iso2": "AU", "currency_code": "AUD", "name": "Australian Dollar", "token": "A$",
     "currency_exchange_rate": "1.5200000000", "auto_update": True},
    {"country_iso2": "CA", "currency_code": "CAD", "name": "Canadian Dollar", "token": "C$",
     "currency_exchange_rate": "1.3600000000", "auto_update": True},
)

TAX_CLASSES = ("Non-Taxable Products", "Shipping", "Gift Wrapping")

PAYMENT_METHODS: tuple[tuple[str, str, bool], ...] = (
    ("bankdeposit", "Bank Deposit", False), ("cheque", "Check", False),
    ("cod", "Cash on Delivery", False), ("paypalexpress", "PayPal Express Checkout", False),
    ("squarev2", "Square", False), ("testgateway", "Test Payment Gateway", True),
)

SHIPPING_METHODS = (
    ("Flat Rate", "shipping_flatrate"), ("Ship by Weight", "shipping_byweight"),
    ("Free Shipping", "shipping_free"),
)

ZONE_METHODS: tuple[dict[str, Any], ...] = (
    {"name": "Flat Rate", "type": "perorder", "settings": {"rate": 12}},
    {"name": "Ship by Weight", "type": "weight", "settings": {
        "default_cost": 0, "default_cost_type": "fixed_amount",
        "range": [
            {"lower_limit": 0, "upper_limit": 5, "shipping_cost": 8},
            {"lower_limit": 5, "upper_limit": 20, "shipping_cost": 15},
            {"lower_limit": 20, "upper_limit": 100, "shipping_cost": 29},
        ]}},
    {"name": "Free Shipping", "type": "freeshipping", "settings": {}, "enabled": False},
)


def load_reference(store: Store) -> None:
    """Fill the data every store has before anyone creates anything."""
    stamp = REFERENCE_EPOCH_S
    for status_id, name, order, description in ORDER_STATUSES:
        store.add_row("order_statuses", {
            "id": status_id, "name": name, "system_label": name, "custom_label": name,
            "system_description": description, "order": order,
        })
    for country, iso2, iso3, states in COUNTRIES:
        row = store.add_row("countries", {"country": country, "country_iso2": iso2, "country_iso3": iso3})
        for state, abbreviation in states:
            store.add_row("country_states", {
                "state": state, "state_abbreviation": abbreviation, "country_id": row["id"],
            })
    for currency in CURRENCIES:
        store.add_row("currencies", {**currency, "last_updated": stamp})
    for name in TAX_CLASSES:
        store.add_row("tax_classes", {"name": name, "created_at": stamp, "updated_at": stamp})
    for code, name, test_mode in PAYMENT_METHODS:
        store.add_row("payment_methods", {"code": code, "name": name, "test_mode": test_mode})
    for name, method_name in SHIPPING_METHODS:
        store.add_row("shipping_methods", {"name": name, "method_name": method_name})
    zone = store.add_row("shipping_zones", {
        "name": "United States", "type": "country", "locations": [{"id": 1, "country_iso2": "US"}],
    })
    for method in ZONE_METHODS:
        store.add_row("shipping_zone_methods", {**method, "zone_id": zone["id"]})


def store_profile(store: Store) -> dict[str, Any]:
    """The ``GET /store`` body: fields of the S21 example, values of this sandbox."""
    host = f"store-{store.store_hash}.mybigcommerce.com"
    currency = next((row for row in store.table("currencies").rows.values() if row.get("is_default")), {})
    return {
        "id": store.store_hash,
        "domain": host,
        "secure_url": store.base_url or f"https://{host}",
        "control_panel_base_url": f"https://{host}",
        "status": "live",
        "name": "Sandbox Store",
        "first_name": "Jane",
        "last_name": "Doe",
        "address": "100 Congress Avenue\nAustin, TX 78701\nUnited States",
        "country": "United States",
        "country_code": "US",
        "phone": "512-555-0100",
        "admin_email": "jane.doe@example.com",
        "order_email": f"orders@{host}",
        "favicon_url": f"https://cdn11.bigcommerce.com/s-{store.store_hash}/product_images/favicon.ico",
        "timezone": {
            "name": "America/Chicago", "raw_offset": -21600, "dst_offset": -18000,
            "dst_correction": True,
            "date_format": {"display": "M jS Y", "export": "M jS Y", "extended_display": "M jS Y @ g:i A"},
        },
        "language": "en",
        "currency": currency.get("currency_code", "USD"),
        "currency_symbol": currency.get("token", "$"),
        "decimal_separator": currency.get("decimal_token", "."),
        "thousands_separator": currency.get("thousands_token", ","),
        "decimal_places": currency.get("decimal_places", 2),
        "currency_symbol_location": currency.get("token_location", "left"),
        "weight_units": "LBS",
        "dimension_units": "Inches",
        "dimension_decimal_places": 2,
        "dimension_decimal_token": ".",
        "dimension_thousands_token": ",",
        "plan_name": "Sandbox",
        "plan_level": "Sandbox",
        "plan_is_trial": False,
        "industry": "Home & Garden",
        "logo": [],
        "is_price_entered_with_tax": False,
        "store_id": 1000000 + sum(ord(char) for char in store.store_hash),
        "default_site_id": 1000,
        "default_channel_id": 1,
        "active_comparison_modules": [],
        "features": {
            "stencil_enabled": True, "sitewidehttps_enabled": True, "facebook_catalog_id": "",
            "checkout_type": "optimized", "wishlists_enabled": True,
            "graphql_storefront_api_enabled": True, "shopper_consent_tracking_enabled": False,
            "multi_storefront_enabled": False,
        },
    }


# ------------------------------------------------------------------ generated catalog

# Department -> subcategory -> nouns (noun, sizes, base price, weight lbs, code) and finishes.
Noun = tuple[str, tuple[str, ...], int, float, str]  # name, sizes, base price USD, weight lbs, sku code
DEPARTMENTS: tuple[tuple[str, tuple[tuple[str, tuple[Noun, ...], tuple[str, ...]], ...]], ...] = (
    ("Kitchen", (
        ("Cookware", (
            ("Kettle", ("1.7 L", "1.2 L"), 49, 2.6, "KET"), ("Saucepan", ("16 cm", "20 cm"), 39, 2.2, "SCP"),
            ("Frying Pan", ("24 cm", "28 cm"), 45, 3.1, "FRP"), ("Dutch Oven", ("4.5 L", "6 L"), 129, 11.0, "DOV"),
        ), ("Brushed Steel", "Matte Black", "Copper", "Enamel", "Cast Iron")),
        ("Cutlery", (
            ("Chef's Knife", ("20 cm", "15 cm"), 89, 0.5, "CKN"), ("Bread Knife", ("23 cm",), 59, 0.4, "BKN"),
            ("Paring Knife", ("9 cm",), 29, 0.2, "PKN"),
        ), ("Damascus Steel", "Brushed Steel", "Matte Black", "Olive Wood")),
        ("Tableware", (
            ("Serving Bowl", ("24 cm", "30 cm"), 34, 2.0, "SBW"), ("Dinner Plate Set", ("4 pcs", "6 pcs"), 59, 6.5, "DPS"),
            ("Coffee Mug", ("350 ml", "450 ml"), 14, 0.8, "MUG"), ("Teapot", ("0.8 L", "1.2 L"), 42, 1.9, "TPT"),
        ), ("Ceramic", "Stoneware", "Glass", "Enamel", "Porcelain")),
    )),
    ("Home", (
        ("Lighting", (
            ("Table Lamp", ("Small", "Large"), 79, 4.2, "TLP"), ("Pendant Light", ("30 cm", "45 cm"), 119, 3.5, "PND"),
            ("Floor Lamp", ("150 cm",), 159, 12.0, "FLP"),
        ), ("Brass", "Matte Black", "Oak", "Rattan", "Opal Glass")),
        ("Textiles", (
            ("Throw Blanket", ("130 x 170 cm",), 69, 2.4, "THB"), ("Cushion Cover", ("45 x 45 cm", "50 x 50 cm"), 24, 0.4, "CSH"),
            ("Table Runner", ("180 cm",), 29, 0.5, "TRN"),
        ), ("Linen", "Cotton", "Merino Wool", "Velvet")),
        ("Storage", (
            ("Storage Basket", ("Medium", "Large"), 36, 1.5, "SBK"), ("Wall Shelf", ("60 cm", "90 cm"), 54, 6.0, "WSH"),
        ), ("Rattan", "Oak", "Bamboo", "Walnut", "Seagrass")),
    )),
    ("Garden", (
        ("Tools", (
            ("Pruning Shears", ("20 cm",), 32, 0.6, "PRS"), ("Hand Trowel", ("30 cm",), 18, 0.5, "HTR"),
            ("Watering Can", ("5 L", "9 L"), 38, 2.0, "WCN"),
        ), ("Carbon Steel", "Copper", "Galvanised Steel")),
        ("Planters", (
            ("Planter", ("20 cm", "35 cm"), 28, 3.0, "PLT"), ("Hanging Planter", ("15 cm",), 22, 1.2, "HPL"),
        ), ("Terracotta", "Concrete", "Glazed Ceramic", "Fibreglass")),
    )),
    ("Bath", (
        ("Towels", (
            ("Bath Towel", ("70 x 140 cm",), 26, 1.3, "BTW"), ("Hand Towel", ("50 x 90 cm",), 14, 0.6, "HTW"),
        ), ("Organic Cotton", "Linen", "Bamboo", "Waffle Cotton")),
        ("Bath Accessories", (
            ("Soap Dispenser", ("300 ml",), 19, 0.9, "SDP"), ("Toothbrush Holder", ("Standard",), 12, 0.5, "TBH"),
        ), ("Ceramic", "Frosted Glass", "Bamboo", "Matte Black")),
    )),
    ("Office", (
        ("Desk", (
            ("Desk Organizer", ("Standard",), 27, 1.4, "DSO"), ("Notebook", ("A5", "A4"), 12, 0.6, "NTB"),
            ("Pen Holder", ("Standard",), 15, 0.4, "PEN"),
        ), ("Oak", "Walnut", "Leather", "Brushed Steel")),
    )),
)

COLLECTIONS = (
    "Nordic", "Heritage", "Atelier", "Coastal", "Urban", "Studio", "Harvest", "Alpine",
    "Meadow", "Harbor", "Summit", "Canyon", "Prairie", "Aurora", "Ember", "Tidal",
)

BRANDS = (
    "Fjord & Pine", "Hearthstone", "Lumen Works", "Atlas Home", "Copperleaf",
    "Northbound Goods", "Kiln & Co.", "Greenhaven", "Meridian", "Oakridge Supply",
)

OPTIONS: tuple[tuple[str, str, str, tuple[tuple[str, str], ...]], ...] = (
    # name, display name, type, values (label, value)
    ("Finish", "Finish", "CS", (("Silver", "#C0C0C0"), ("Black", "#000000"), ("Copper", "#B87333"), ("White", "#FFFFFF"))),
    ("Size", "Size", "RB", (("Small", "S"), ("Medium", "M"), ("Large", "L"))),
    ("Gift Wrap", "Add gift wrapping", "C", (("Yes", "Yes"),)),
    ("Engraving", "Engraving text", "T", ()),
)

OPTION_SETS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Finishes", ("Finish",)), ("Sizes", ("Size",)), ("Gift Options", ("Gift Wrap", "Engraving")),
)

FIRST_NAMES = (
    "Olivia", "Liam", "Emma", "Noah", "Amelia", "Oliver", "Ava", "Elijah", "Sophia", "Mateo",
    "Isabella", "Lucas", "Mia", "Levi", "Charlotte", "Ethan", "Harper", "James", "Evelyn",
    "Aiden", "Priya", "Kenji", "Fatima", "Diego", "Chloe", "Hannah", "Samuel", "Zoe", "Omar",
    "Grace",
)
LAST_NAMES = (
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
    "Martinez", "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore",
    "Jackson", "Martin", "Lee", "Nguyen", "Patel", "Kim", "Schmidt", "O'Brien", "Rossi",
    "Tanaka", "Dubois", "Okafor", "Walker",
)
COMPANIES = ("", "", "", "Acme Interiors", "Bright Spaces LLC", "Cedar & Stone", "Hollow Tree Cafe")
CITIES: tuple[tuple[str, str, str, str, str], ...] = (
    ("Austin", "Texas", "78701", "United States", "US"), ("Portland", "Oregon", "97205", "United States", "US"),
    ("Chicago", "Illinois", "60601", "United States", "US"), ("Denver", "Colorado", "80202", "United States", "US"),
    ("Boston", "Massachusetts", "02108", "United States", "US"), ("Seattle", "Washington", "98101", "United States", "US"),
    ("Brooklyn", "New York", "11201", "United States", "US"), ("Toronto", "Ontario", "M5H 2N2", "Canada", "CA"),
    ("Vancouver", "British Columbia", "V6B 1A1", "Canada", "CA"), ("Sydney", "New South Wales", "2000", "Australia", "AU"),
    ("Melbourne", "Victoria", "3000", "Australia", "AU"), ("Berlin", "Berlin", "10115", "Germany", "DE"),
)
STREETS = ("Main Street", "Oak Avenue", "Maple Drive", "Cedar Lane", "Elm Street", "Lakeview Road", "Harbor Way", "Hillcrest Avenue")
PAYMENT_CHOICES = ("Credit Card", "Credit Card", "Credit Card", "PayPal Express Checkout", "Cash on Delivery")
ORDER_STATUS_WEIGHTS = ((10, 30), (11, 20), (2, 15), (7, 10), (9, 5), (5, 5), (1, 5), (4, 3), (14, 2), (3, 3), (12, 2))
REVIEW_TITLES = ("Love it", "Great quality", "Exactly as described", "Good value", "Beautiful finish", "Works well")
REVIEW_TEXTS = (
    "Arrived quickly and looks even better in person.",
    "Solid build and a lovely finish. Would buy again.",
    "Does the job well, though slightly smaller than I expected.",
    "Gift for my sister and she adores it.",
)
VIDEO_IDS = ("Qz1kX8c2fLw", "b7Tq4mN0pRs", "Hk3vY9aLx2E", "p0Wn5dR8tUc")


def _ensure(store: Store, name: str, match: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """An existing row with these field values, or a new one (so seeding twice reuses it)."""
    for row in store.table(name).rows.values():
        if all(row.get(key) == value for key, value in match.items()):
            return row
    return store.add_row(name, {**match, **extra})


def _scaffold(store: Store) -> dict[str, Any]:
    """Brands, category tree, options and option sets the generated products use."""
    brands = [_ensure(store, "brands", {"name": name}, {
        "page_title": name, "search_keywords": name.lower(),
        "image_file": f"m/{100 + i}/{_slug(name)}__{40000 + i * 37}.png",
    })["id"] for i, name in enumerate(BRANDS)]
    lines = []  # (category id, department, noun tuple, finishes)
    for sort, (department, subcategories) in enumerate(DEPARTMENTS):
        top = _ensure(store, "categories", {"name": department, "parent_id": 0}, {
            "sort_order": sort, "url": f"/{_slug(department)}/",
            "description": f"<p>Everything for the {department.lower()}.</p>",
        })
        for sub_sort, (subcategory, nouns, finishes) in enumerate(subcategories):
            sub = _ensure(store, "categories", {"name": subcategory, "parent_id": top["id"]}, {
                "sort_order": sub_sort, "url": f"/{_slug(department)}/{_slug(subcategory)}/",
                "description": f"<p>{subcategory} chosen by our buyers.</p>",
            })
            for noun in nouns:
                lines.append((sub["id"], department, noun, finishes))
    options: dict[str, int] = {}
    for name, display, kind, values in OPTIONS:
        option = _ensure(store, "options", {"name": name}, {"display_name": display, "type": kind})
        options[name] = option["id"]
        if not store.table("option_values").children(option["id"]):
            for sort, (label, value) in enumerate(values):
                store.add_row("option_values", {
                    "option_id": option["id"], "label": label, "value": value, "sort_order": sort,
                    "is_default": sort == 0 and kind != "C",
                })
    option_sets = []
    for name, members in OPTION_SETS:
        option_set = _ensure(store, "option_sets", {"name": name}, {})
        if not store.table("option_set_options").children(option_set["id"]):
            for sort, member in enumerate(members):
                store.add_row("option_set_options", {
                    "option_set_id": option_set["id"], "option_id": options[member],
                    "display_name": dict((o[0], o[1]) for o in OPTIONS)[member], "sort_order": sort,
                    "is_required": member != "Engraving",
                })
        option_sets.append(option_set["id"])
    return {"brands": brands, "lines": lines, "option_sets": option_sets}


def _slug(text: str) -> str:
    from bigcommerce.sandbox.store import slug

    return slug(text)


def _combos() -> list[tuple[int, str, tuple[str, tuple[str, ...], int, float, str], str, str]]:
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


def _product_name(index: int) -> tuple[int, str, tuple[str, tuple[str, ...], int, float, str], str]:
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


def populate(store: Store, *, products: int = 0, customers: int = 0, orders: int = 0, seed: int = 0) -> None:
    """Add generated products, customers and orders; same arguments and store, same data."""
    rng = random.Random(seed)
    if products:
        _seed_products(store, rng, products)
    if customers:
        _seed_customers(store, rng, customers)
    if orders:
        _seed_orders(store, rng, orders)


def _seed_products(store: Store, rng: random.Random, count: int) -> None:
    from bigcommerce.sandbox.store import _sync_product_options

    scaffold = _scaffold(store)
    lines, brands, option_sets = scaffold["lines"], scaffold["brands"], scaffold["option_sets"]
    table = store.table("products")
    light = count > LARGE_SEED_PRODUCTS
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
            "custom_url": f"/{_slug(name)}/", "search_keywords": f"{noun_name.lower()}, {finish.lower()}",
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
            _sync_product_options(store, row, row)
            if not light:
                _seed_skus(store, row)


def _seed_product_children(store: Store, rng: random.Random, product: dict[str, Any], finish: str,
                           light: bool) -> None:
    product_id, created = product["id"], product["date_created"]
    stem = product["custom_url"].strip("/")
    images = 1 if light else 1 + rng.randrange(3)
    for position in range(images):
        store.add_row("product_images", {
            "product_id": product_id, "image_file": f"{stem[0]}/{product_id % 997:03d}/{stem}-{position + 1}.jpg",
            "is_thumbnail": position == 0, "sort_order": position, "date_created": created,
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
        store.add_row("product_discount_rules", {"product_id": product_id, "min": 5, "max": 9, "type": "percent", "type_value": 5})
        store.add_row("product_discount_rules", {"product_id": product_id, "min": 10, "max": 0, "type": "percent", "type_value": 10})
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


def _seed_skus(store: Store, product: dict[str, Any]) -> None:
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


def _seed_customers(store: Store, rng: random.Random, count: int) -> None:
    groups = [
        _ensure(store, "customer_groups", {"name": "Retail"}, {"is_default": True})["id"],
        _ensure(store, "customer_groups", {"name": "Wholesale"}, {
            "discount_rules": [{"type": "all", "method": "percent", "amount": "10.0000"}]})["id"],
        _ensure(store, "customer_groups", {"name": "VIP"}, {
            "discount_rules": [{"type": "all", "method": "percent", "amount": "5.0000"}]})["id"],
    ]
    table = store.table("customers")
    for _ in range(count):
        customer_id = table.next_id
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        created = SEED_EPOCH_S + customer_id * CUSTOMER_SPACING_S
        company = rng.choice(COMPANIES)
        phone = f"{rng.randrange(200, 999)}-555-{rng.randrange(0, 10000):04d}"
        local = f"{first}.{last}".lower().replace("'", "")
        row = {
            "id": customer_id, "first_name": first, "last_name": last,
            "email": f"{local}{customer_id}@example.com", "company": company, "phone": phone,
            "date_created": created, "date_modified": created + rng.randrange(0, 90 * 86400),
            "customer_group_id": groups[customer_id % 3] if customer_id % 2 else 0,
            "registration_ip_address": f"203.0.113.{customer_id % 250 + 1}",
            "accepts_marketing": rng.random() < 0.4, "_password": SEED_PASSWORD,
        }
        store.add_row("customers", row)
        for _ in range(1 if rng.random() < 0.8 else 2):
            city, state, zip_code, country, iso2 = rng.choice(CITIES)
            store.add_row("customer_addresses", {
                "customer_id": customer_id, "first_name": first, "last_name": last, "company": company,
                "street_1": f"{rng.randrange(1, 9999)} {rng.choice(STREETS)}", "city": city, "state": state,
                "zip": zip_code, "country": country, "country_iso2": iso2, "phone": phone,
                "address_type": "commercial" if company else "residential",
            })


def _seed_orders(store: Store, rng: random.Random, count: int) -> None:
    orders_res = BY_NAME["orders"]
    customer_ids = list(store.table("customers").ordered())
    product_table = store.table("products")
    product_ids = list(product_table.ordered())
    coupon = _ensure(store, "coupons", {"code": "WELCOME10"}, {
        "name": "Welcome 10% off", "type": "percentage_discount", "amount": "10.0000",
        "applies_to": {"entity": "categories", "ids": [0]}, "date_created": SEED_EPOCH_S,
    })
    statuses = [status for status, weight in ORDER_STATUS_WEIGHTS for _ in range(weight)]
    table = store.table("orders")
    for _ in range(count):
        order_id = table.next_id
        created = SEED_EPOCH_S + 86400 * 30 + order_id * ORDER_SPACING_S
        customer_id = rng.choice(customer_ids) if customer_ids and rng.random() < 0.9 else 0
        billing = _billing_address(store, rng, customer_id)
        lines: list[dict[str, Any]] = []
        if product_ids:
            for product_id in rng.sample(product_ids, min(len(product_ids), 1 + rng.randrange(4))):
                lines.append({"product_id": product_id, "quantity": 1 + rng.randrange(3)})
        else:
            lines.append({"name": "Gift Card", "quantity": 1, "price_ex_tax": "25.00", "price_inc_tax": "25.00"})
        uses_coupon = order_id % 12 == 0
        subtotal = sum(_line_price(product_table, line) * line["quantity"] for line in lines)
        status_id = rng.choice(statuses)
        fields: dict[str, Any] = {
            "customer_id": customer_id, "status_id": status_id, "date_created": created,
            "date_modified": created + rng.randrange(3600, 7 * 86400), "billing_address": billing,
            "products": lines, "payment_method": rng.choice(PAYMENT_CHOICES),
            "payment_status": "captured" if status_id in (2, 3, 9, 10, 11) else "",
            "base_shipping_cost": "0.0000" if subtotal >= 100 else "12.0000",
            "shipping_cost_ex_tax": "0.0000" if subtotal >= 100 else "12.0000",
            "shipping_cost_inc_tax": "0.0000" if subtotal >= 100 else "12.0000",
            "cart_id": _uuid(rng), "order_source": "www", "ip_address": f"198.51.100.{order_id % 250 + 1}",
            "geoip_country": billing["country"], "geoip_country_iso2": billing["country_iso2"],
            "customer_message": "Please leave at the back door." if order_id % 9 == 0 else "",
        }
        if uses_coupon:
            fields["discount_amount"] = f"{subtotal * 0.10:.4f}"
        order = store._create(orders_res, None, fields, validate=False)
        if uses_coupon:
            store.add_row("order_coupons", {
                "order_id": order_id, "coupon_id": coupon["id"], "code": coupon["code"],
                "amount": "10.0000", "type": 1, "discount": fields["discount_amount"],
            })
            order["coupon_discount"] = fields["discount_amount"]
            coupon["num_uses"] = coupon.get("num_uses", 0) + 1
        if status_id in (2, 10):
            _ship_order(store, rng, order)
        if order_id % 15 == 0:
            store.add_row("order_messages", {
                "order_id": order_id, "customer_id": customer_id, "type": "customer",
                "subject": f"Question about order #{order_id}", "message": "Could you confirm the delivery date?",
                "status": "read" if status_id in (2, 10) else "unread", "date_created": created + 7200,
            })


def _line_price(products: Any, line: Mapping[str, Any]) -> float:
    product = products.rows.get(line.get("product_id"))
    if product is None:
        return float(line.get("price_ex_tax", 0))
    return float(product.get("calculated_price", 0))


def _billing_address(store: Store, rng: random.Random, customer_id: int) -> dict[str, Any]:
    customer = store.table("customers").rows.get(customer_id)
    if customer is not None:
        address = next(iter(store.table("customer_addresses").children(customer_id).values()), None)
        if address is not None:
            fields = ("first_name", "last_name", "company", "street_1", "street_2", "city", "state",
                      "zip", "country", "country_iso2", "phone")
            return {**{key: address.get(key, "") for key in fields}, "email": customer.get("email", "")}
    city, state, zip_code, country, iso2 = rng.choice(CITIES)
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    return {
        "first_name": first, "last_name": last, "street_1": f"{rng.randrange(1, 9999)} {rng.choice(STREETS)}",
        "city": city, "state": state, "zip": zip_code, "country": country, "country_iso2": iso2,
        "email": f"{first}.{last}.guest@example.com".lower().replace("'", ""),
    }


def _uuid(rng: random.Random) -> str:
    digits = f"{rng.getrandbits(128):032x}"
    return f"{digits[:8]}-{digits[8:12]}-4{digits[13:16]}-a{digits[17:20]}-{digits[20:]}"


def _ship_order(store: Store, rng: random.Random, order: dict[str, Any]) -> None:
    from bigcommerce.sandbox.store import rfc2822

    lines = list(store.table("order_products").children(order["id"]).values())
    address = next(iter(store.table("order_shipping_addresses").children(order["id"]).values()))
    shipped_at = order["date_created"] + 86400 * (1 + rng.randrange(4))
    billing = dict(order.get("billing_address") or {})
    billing.pop("form_fields", None)
    store.add_row("order_shipments", {
        "order_id": order["id"], "customer_id": order.get("customer_id", 0),
        "order_address_id": address["id"], "date_created": shipped_at,
        "tracking_number": f"9400{rng.randrange(10**17, 10**18)}", "shipping_method": "Flat Rate",
        "shipping_provider": "usps", "tracking_carrier": "usps", "billing_address": billing,
        "shipping_address": {key: address.get(key, "") for key in billing},
        "items": [{"order_product_id": line["id"], "product_id": line.get("product_id", 0),
                   "quantity": line["quantity"]} for line in lines],
    })
    for line in lines:
        line["quantity_shipped"] = line["quantity"]
    shipped = sum(line["quantity"] for line in lines)
    order["items_shipped"] = address["items_shipped"] = shipped
    order["date_shipped"] = rfc2822(shipped_at)


# ------------------------------------------------------------------ dump and load

COMPUTED_FIELDS: Mapping[str, frozenset[str]] = {
    "products": frozenset({"primary_image"}),
    "product_images": frozenset({"zoom_url", "thumbnail_url", "standard_url", "tiny_url"}),
    "product_skus": frozenset({"adjusted_price", "adjusted_weight"}),
    "option_set_options": frozenset({"values"}),
    "categories": frozenset({"parent_category_list"}),
    "blog_posts": frozenset({"published_date_iso8601"}),
    "redirects": frozenset({"url"}),
}


def dump_data(store: Store) -> dict[str, Any]:
    """Every stored row, JSON-ready, in the seed-file format of this module's docstring."""
    from bigcommerce.sandbox.store import rfc2822

    data: dict[str, Any] = {"format": DUMP_FORMAT}
    data["next_ids"] = {res.name: store.table(res.name).next_id for res in RESOURCES if res.id_kind != "str"}
    for res in RESOURCES:
        rows = []
        for row in store.table(res.name).ordered().values():
            out = dict(row)
            for name in res.dates:
                if isinstance(out.get(name), (int, float)):
                    out[name] = rfc2822(out[name])
            password = out.pop("_password", None)
            if password is not None:
                out["_authentication"] = {"password": password}
            rows.append(out)
        data[res.name] = rows
    data["carrier_connections"] = {key: dict(value) for key, value in store._carrier_connections.items()}
    return data


def load_data(store: Store, data: Mapping[str, Any]) -> None:
    """Add or replace the rows of a seed file (format in this module's docstring)."""
    if not isinstance(data, Mapping):
        raise ValueError("a seed must be a JSON object")
    pending: dict[str, list[dict[str, Any]]] = {res.name: [] for res in RESOURCES}
    for res in RESOURCES:
        for row in data.get(res.name) or ():
            if not isinstance(row, Mapping):
                raise ValueError(f"{res.name}: every row must be an object")
            pending[res.name].append(dict(row))
    for res in RESOURCES:  # parents come before their children in RESOURCES
        for raw in pending[res.name]:
            _load_row(store, res, raw, pending)
    for name, next_id in (data.get("next_ids") or {}).items():
        if name in BY_NAME and isinstance(next_id, int):
            table = store.table(name)
            table.next_id = max(table.next_id, next_id)
    for carrier_id, connection in (data.get("carrier_connections") or {}).items():
        store._carrier_connections[str(carrier_id)] = dict(connection)


_SKIP = object()
_NATIVE: Mapping[str, type] = {  # stored values already of these types need no coercion
    "str": str, "str_or_null": str, "int": int, "int_or_null": int, "bool": bool, "list": list,
    "dict": dict, "dict_or_null": dict, "date": int,
}
_PLANS: dict[str, tuple[dict[str, Any], tuple[tuple[Resource, str], ...]]] = {}


def _plan(res: Resource) -> tuple[dict[str, Any], tuple[tuple[Resource, str], ...]]:
    """Per resource, once: how each file field is read (coercion kind, or skipped) and
    which keys hold nested children."""
    plan = _PLANS.get(res.name)
    if plan is None:
        skip = COMPUTED_FIELDS.get(res.name, frozenset()) | {link.field for link in res.links}
        kinds: dict[str, Any] = {}
        for name in (*res.fields, *res.hidden, *((res.parent_key,) if res.parent_key else ())):
            kinds[name] = _SKIP if name in skip else ("date" if name in res.dates else res.types.get(name))
        nested = tuple((BY_NAME[child], BY_NAME[child].sub_name) for child in CHILDREN[res.name])
        plan = _PLANS[res.name] = (kinds, nested)
    return plan


def _load_row(store: Store, res: Resource, raw: dict[str, Any], pending: dict[str, list[dict[str, Any]]]) -> None:
    kinds, children = _plan(res)
    nested: list[tuple[Resource, list[Any]]] = []
    for child, sub_name in children:
        value = raw.get(sub_name)
        if isinstance(value, list) and not (res.name == "orders" and sub_name == "products"):
            nested.append((child, raw.pop(sub_name)))
    if res.name == "orders" and isinstance(raw.get("products"), list) and "total_inc_tax" not in raw:
        row = store._create(res, None, raw, validate=False)
    else:
        if res.name == "orders":
            raw.pop("products", None)
        row = store.add_row(res.name, _normalize(store, res, kinds, raw))
    for child, rows in nested:
        for item in rows:
            if isinstance(item, Mapping):
                _load_row(store, child, {**item, child.parent_key: row["id"]}, pending)  # type: ignore[misc]


def _normalize(store: Store, res: Resource, kinds: Mapping[str, Any], raw: Mapping[str, Any]) -> dict[str, Any]:
    """A file row in storage form: known fields only, dates as unix seconds, decimals as strings."""
    from bigcommerce.sandbox.store import COERCE, youtube_id

    row: dict[str, Any] = {}
    for name, value in raw.items():
        kind = kinds.get(name, _SKIP)
        if kind is _SKIP:
            if name == "_authentication" and isinstance(value, Mapping) and value.get("password") is not None:
                row["_password"] = str(value["password"])
            continue
        if kind is not None and value is not None and type(value) is not _NATIVE.get(kind):
            try:
                value = COERCE[kind](value)
            except (ValueError, TypeError, ArithmeticError):
                if kind == "date":
                    value = store.now()
        row[name] = value
    if res.id_kind == "str" and row.get("id") is None and raw.get("url"):
        row["id"] = youtube_id(str(raw["url"]))
    if res.name == "products":  # hand-written rows: derive what a POST would
        if "calculated_price" not in row:
            sale = row.get("sale_price", "0")
            row["calculated_price"] = sale if float(sale or 0) > 0 else row.get("price", "0.0000")
        if "custom_url" not in row and row.get("name"):
            row["custom_url"] = f"/{_slug(str(row['name']))}/"
    return row

