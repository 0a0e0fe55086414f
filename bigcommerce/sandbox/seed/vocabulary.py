"""Words of the generated catalog: departments, product lines and finishes, names and places.

Plain data for ``seed.products``, ``seed.customers`` and ``seed.orders``: changing a list
changes every seeded store, so tests that count seeded rows change with it.
"""
from __future__ import annotations

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
            ("Serving Bowl", ("24 cm", "30 cm"), 34, 2.0, "SBW"),
            ("Dinner Plate Set", ("4 pcs", "6 pcs"), 59, 6.5, "DPS"),
            ("Coffee Mug", ("350 ml", "450 ml"), 14, 0.8, "MUG"), ("Teapot", ("0.8 L", "1.2 L"), 42, 1.9, "TPT"),
        ), ("Ceramic", "Stoneware", "Glass", "Enamel", "Porcelain")),
    )),
    ("Home", (
        ("Lighting", (
            ("Table Lamp", ("Small", "Large"), 79, 4.2, "TLP"), ("Pendant Light", ("30 cm", "45 cm"), 119, 3.5, "PND"),
            ("Floor Lamp", ("150 cm",), 159, 12.0, "FLP"),
        ), ("Brass", "Matte Black", "Oak", "Rattan", "Opal Glass")),
        ("Textiles", (
            ("Throw Blanket", ("130 x 170 cm",), 69, 2.4, "THB"),
            ("Cushion Cover", ("45 x 45 cm", "50 x 50 cm"), 24, 0.4, "CSH"),
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
    ("Finish", "Finish", "CS",
     (("Silver", "#C0C0C0"), ("Black", "#000000"), ("Copper", "#B87333"), ("White", "#FFFFFF"))),
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
    ("Boston", "Massachusetts", "02108", "United States", "US"),
    ("Seattle", "Washington", "98101", "United States", "US"),
    ("Brooklyn", "New York", "11201", "United States", "US"), ("Toronto", "Ontario", "M5H 2N2", "Canada", "CA"),
    ("Vancouver", "British Columbia", "V6B 1A1", "Canada", "CA"),
    ("Sydney", "New South Wales", "2000", "Australia", "AU"),
    ("Melbourne", "Victoria", "3000", "Australia", "AU"), ("Berlin", "Berlin", "10115", "Germany", "DE"),
)
STREETS = (
    "Main Street", "Oak Avenue", "Maple Drive", "Cedar Lane", "Elm Street", "Lakeview Road", "Harbor Way",
    "Hillcrest Avenue",
)
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
