"""What every store has before anyone adds a product: statuses, countries, currencies, methods.

``load_reference`` fills the 15 order statuses, a few real countries with their states,
currencies (USD default), tax classes, payment methods, legacy shipping methods, a
United States shipping zone with three methods, the default inventory location (id 1), the
store's own storefront: channel 1 (``storefront``/``bigcommerce``, channels.v3.yml: "Will
always return the default BigCommerce storefront with an ID of 1") and its site, site 1, and
the default category tree (id 1, channel 1) that holds every category v2 creates.
"""
from __future__ import annotations

from typing import Any

from bigcommerce.sandbox.seed.locations import add_default_location
from bigcommerce.sandbox.state import State

REFERENCE_EPOCH_S = 1514764800  # 2018-01-01T00:00:00Z: reference data "creation" date

# The category tree of the default storefront (channel 1): every v2 category is in it.
DEFAULT_TREE: dict[str, Any] = {"id": 1, "name": "Default", "channels": [1]}

ORDER_STATUSES: tuple[tuple[int, str, int, str], ...] = (
    # id, name, sort order, system description (S21 orders spec)
    (0, "Incomplete", 0, "An incomplete order happens when a shopper reached the payment page, "
                         "but did not complete the transaction."),
    (1, "Pending", 1, "Customer started the checkout process, but did not complete it."),
    (2, "Shipped", 8, "Order has been shipped, but receipt has not been confirmed; "
                      "seller has used the Ship Items action."),
    (3, "Partially Shipped", 6, "Only some items in the order have been shipped, "
                                "due to some products being pre-order only or other reasons."),
    (4, "Refunded", 11, "Seller has used the Refund action."),
    (5, "Cancelled", 9, "Seller has cancelled an order, due to a stock inconsistency or other reasons."),
    (6, "Declined", 10, "Seller has marked the order as declined for lack of manual payment, or other reasons."),
    (7, "Awaiting Payment", 2, "Customer has completed checkout process, but payment has yet to be confirmed."),
    (8, "Awaiting Pickup", 5, "Order has been pulled, and is awaiting customer pickup "
                              "from a seller-specified location."),
    (9, "Awaiting Shipment", 4, "Order has been pulled and packaged, and is awaiting collection "
                                "from a shipping provider."),
    (10, "Completed", 7, "Client has paid for their digital product and their file(s) are available for download."),
    (11, "Awaiting Fulfillment", 3, "Customer has completed the checkout process and payment has been confirmed."),
    (12, "Manual Verification Required", 13, "Order on hold while some aspect needs to be manually confirmed."),
    (13, "Disputed", 12, "Customer has initiated a dispute resolution process "
                         "for the PayPal transaction that paid for the order."),
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


DEFAULT_CHANNEL_ID = 1
DEFAULT_CHANNEL_NAME = "Sandbox Store"  # the name ``GET /store`` answers


def default_site_url(store: State) -> str:
    """The storefront's primary URL: the host ``GET /store`` names as the domain."""
    return f"https://store-{store.store_hash}.mybigcommerce.com"


def load_reference(store: State) -> None:
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
    store.add_row("channels", {
        "id": DEFAULT_CHANNEL_ID, "name": DEFAULT_CHANNEL_NAME, "type": "storefront", "platform": "bigcommerce",
        "status": "active", "date_created": stamp, "date_modified": stamp,
    })
    store.add_row("sites", {"id": 1, "url": default_site_url(store), "channel_id": DEFAULT_CHANNEL_ID,
                            "created_at": stamp, "updated_at": stamp})
    add_default_location(store)
    store.add_row("category_trees", {**DEFAULT_TREE, "channels": list(DEFAULT_TREE["channels"])})

