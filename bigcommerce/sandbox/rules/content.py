"""Write rules of store content: blog post URLs, summaries and dates; page URLs."""
from __future__ import annotations

import re
from typing import Any

from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.values import slug


def prepare_blog_post(state: State, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    """Published now unless dated; ``url`` from the title; ``summary`` from the body's text."""
    if row is None:
        fields.setdefault("published_date", state.now())
        if not fields.get("url") and fields.get("title"):
            fields["url"] = f"/blog/{slug(fields['title'])}/"
    if "body" in fields:
        text = re.sub(r"<[^>]+>", " ", str(fields["body"]))
        text = re.sub(r"\s+", " ", text).strip()
        fields["summary"] = text if len(text) <= 100 else text[:100].rsplit(" ", 1)[0] + " [...]"
    if "url" in fields:
        fields["preview_url"] = fields["url"]


def prepare_page(state: State, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    """``url`` from the name."""
    if row is None and not fields.get("url") and fields.get("name"):
        fields["url"] = f"/{slug(fields['name'])}/"
