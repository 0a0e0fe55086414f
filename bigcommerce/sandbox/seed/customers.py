"""Generated customers: names, companies, addresses, three customer groups, one password."""
from __future__ import annotations

import random

from bigcommerce.sandbox.seed.common import CUSTOMER_SPACING_S, SEED_EPOCH_S, SEED_PASSWORD, ensure
from bigcommerce.sandbox.seed.vocabulary import CITIES, COMPANIES, FIRST_NAMES, LAST_NAMES, STREETS
from bigcommerce.sandbox.state import State


def seed_customers(store: State, rng: random.Random, count: int) -> None:
    """Add ``count`` customers with one or two addresses each, in the Retail/Wholesale/VIP groups."""
    groups = [
        ensure(store, "customer_groups", {"name": "Retail"}, {"is_default": True})["id"],
        ensure(store, "customer_groups", {"name": "Wholesale"}, {
            "discount_rules": [{"type": "all", "method": "percent", "amount": "10.0000"}]})["id"],
        ensure(store, "customer_groups", {"name": "VIP"}, {
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
