"""Store content: blog posts, pages and redirects (S21)."""
from __future__ import annotations

from bigcommerce.sandbox.catalog.schema import ALL_OPS, COLLECTION_COUNT, Filter, Resource, eq, merge, op_set

BLOG_POSTS = Resource(
    name="blog_posts",
    path="blog/posts",
    ops=ALL_OPS,
    fields={
        "id": None, "title": "", "url": "", "preview_url": "", "body": "", "tags": [],
        "summary": "", "is_published": False, "published_date": None,
        "published_date_iso8601": "", "meta_description": "", "meta_keywords": "",
        "author": "", "thumbnail_path": "",
    },
    required=("title", "body"),
    types={
        "title": "str", "url": "str", "body": "str", "tags": "list", "is_published": "bool",
        "published_date": "date", "meta_description": "str", "meta_keywords": "str",
        "author": "str", "thumbnail_path": "str",
    },
    read_only=frozenset({"preview_url", "summary", "published_date_iso8601"}),
    filters=merge(
        eq("is_published", "bool"), eq("url"), {"tag": Filter("tags", "has", "str")},
        {"published_date": Filter("published_date", "day", "date")},
    ),
    counts=COLLECTION_COUNT,
    order="-published_date",
)

PAGE_TYPES = ("page", "raw", "contact_form", "feed", "link", "blog")

PAGES = Resource(
    name="pages",
    path="pages",
    ops=op_set("L G C U D"),
    fields={
        "id": None, "parent_id": 0, "type": "page", "contact_fields": "", "email": "",
        "name": "", "url": "", "meta_description": "", "body": "", "mobile_body": "",
        "has_mobile_version": False, "is_visible": True, "is_homepage": False,
        "layout_file": "page.html", "sort_order": 0, "meta_title": "", "search_keywords": "",
        "meta_keywords": "", "feed": "", "link": "", "content_type": "text/html",
        "is_customers_only": False,
    },
    required=("name", "type"),
    types={
        "parent_id": "int", "type": "str", "name": "str", "url": "str", "body": "str",
        "is_visible": "bool", "is_homepage": "bool", "sort_order": "int", "feed": "str",
        "link": "str",
    },
    enums={"type": PAGE_TYPES},
    hidden=frozenset({"_v3"}),  # fields only the v3 view knows (channel_id)
)

REDIRECTS = Resource(
    name="redirects",
    path="redirects",
    ops=ALL_OPS,
    fields={"id": None, "path": "", "forward": {}, "url": ""},
    required=("path", "forward"),
    types={"path": "str", "forward": "dict"},
    read_only=frozenset({"url"}),
    counts=COLLECTION_COUNT,
    hidden=frozenset({"_v3"}),  # fields only the v3 view knows (site_id)
)
