"""Multipart uploads: the form sent byte for byte, the answers as objects, refusals before any request.

The cassette ``cassettes/v3/uploads/uploads.yaml`` holds the multipart bodies written out by
hand from RFC 7578 (boundary, part headers, CRLFs) and answers from BigCommerce's v3 OpenAPI
examples (category image, theme upload job, product image).
"""
from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Any

import pytest

from bigcommerce.api import BigcommerceApi
from bigcommerce.v3 import CategoryImage, ProductImages, Themes
from bigcommerce.v3.uploads import multipart
from tests.conftest import ACCESS_TOKEN, CLIENT_ID, STORE_HASH, replay

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 8
ZIP = b"PK\x03\x04theme"


def boundary(content: bytes, *fields: tuple[str, str]) -> str:
    digest = hashlib.sha256(content)
    for key, value in fields:
        digest.update(f"\0{key}\0{value}".encode())
    return "bigcommerce-" + digest.hexdigest()[:32]


def form(mark: str, file_field: str, filename: str, kind: str, content: bytes, *fields: tuple[str, str]) -> bytes:
    """A multipart/form-data body as RFC 7578 writes it: plain fields, then the file."""
    body = b""
    for key, value in fields:
        body += f'--{mark}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
    body += (f'--{mark}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{filename}"\r\n'
             f"Content-Type: {kind}\r\n\r\n").encode() + content + b"\r\n"
    return body + f"--{mark}--\r\n".encode()


@pytest.fixture
def api() -> BigcommerceApi:
    return BigcommerceApi(client_id=CLIENT_ID, store_hash=STORE_HASH, access_token=ACCESS_TOKEN)


def test_the_form_is_the_one_the_rfc_describes_and_the_same_every_time() -> None:
    fields = (("is_thumbnail", "true"), ("sort_order", "2"))
    body, header = multipart("image_file", PNG, "kettle.png", fields={"is_thumbnail": True, "sort_order": 2})
    mark = boundary(PNG, *fields)
    assert header == f"multipart/form-data; boundary={mark}"
    assert body == form(mark, "image_file", "kettle.png", "image/png", PNG, *fields)
    assert multipart("image_file", PNG, "kettle.png", fields={"is_thumbnail": True, "sort_order": 2})[0] == body


def test_a_path_a_binary_file_and_bytes_send_the_same_content(tmp_path: Path) -> None:
    path = tmp_path / "kettle.png"
    path.write_bytes(PNG)
    from_path = multipart("image_file", str(path))
    with open(path, "rb") as handle:
        from_handle = multipart("image_file", handle)
    from_bytes = multipart("image_file", PNG, filename="kettle.png")
    assert from_path == from_handle == from_bytes
    assert b'filename="kettle.png"' in from_path[0] and b"Content-Type: image/png" in from_path[0]


def test_uploads_send_the_form_and_answer_objects(api: BigcommerceApi, tmp_path: Path) -> None:
    with replay.use_cassette("v3/uploads/uploads.yaml", allow_playback_repeats=False) as cassette:
        image = api.v3.CategoryImage.upload(7, file=PNG, filename="logo.png")
        job = api.v3.Themes.create(file=ZIP, filename="cornerstone.zip")
        path = tmp_path / "kettle.png"
        path.write_bytes(PNG)
        product_image = api.v3.ProductImages.upload(174, file=path, is_thumbnail=True, description="Front")
    assert cassette.all_played
    assert isinstance(image, CategoryImage) and image["image_url"].endswith("group_1545334669__76009.png")
    assert isinstance(job, Themes) and job["job_id"] == "ceea1917b1518f5ae491da6ad8a56336"
    assert isinstance(product_image, ProductImages) and product_image.id == 372 and product_image.parent_ids() == (
        174,)


@pytest.mark.parametrize("call, error, message", [
    (lambda api, tmp: api.v3.CategoryImage.upload(7, file=str(tmp / "missing.png")), FileNotFoundError,
     "missing.png"),
    (lambda api, tmp: api.v3.CategoryImage.upload(7, file=io.StringIO("a text file")), TypeError, "binary mode"),
    (lambda api, tmp: api.v3.CategoryImage.upload(7, file=12345), TypeError, "path, bytes or a file"),
    (lambda api, tmp: api.v3.ProductImages.upload(174, file=PNG, description=object()), TypeError,
     "form field description"),
    (lambda api, tmp: api.v3.CategoryImage.upload(file=PNG), TypeError, "category_id"),
])
def test_bad_uploads_are_refused_before_any_request(
    api: BigcommerceApi, tmp_path: Path, call: Any, error: type[Exception], message: str
) -> None:
    with replay.use_cassette("capabilities/no_requests.yaml") as cassette, pytest.raises(error, match=message):
        call(api, tmp_path)
    assert cassette.play_count == 0


def test_a_json_create_is_still_a_json_create_where_the_api_takes_both() -> None:
    assert ProductImages.create.__qualname__.startswith("CreateableV3")
    assert Themes.create.__qualname__.startswith("UploadOnlyV3")
