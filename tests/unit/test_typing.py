"""What a type checker sees: the facade's resources are their classes, with the verbs' real types.

mypy runs in strict mode on a small user program; ``reveal_type`` lines say
what an editor offers after ``api.``. The resource attributes declared on
``BigcommerceApi`` must be exactly the resource classes, or a new class
would be invisible to type checkers (or a removed one still offered).
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bigcommerce.api import BigcommerceApi, _resource_names

mypy_api = pytest.importorskip("mypy.api")

ROOT = Path(__file__).resolve().parents[2]

USER_PROGRAM = '''
import bigcommerce
from bigcommerce.api import BigcommerceApi

api = BigcommerceApi(client_id="id", store_hash="abc123", access_token="token")
reveal_type(api.Products.get(1))
reveal_type(api.Products.all())
reveal_type(api.Products.iterall(concurrency=4))
reveal_type(api.Products.count(is_visible=True))
reveal_type(api.ProductImages.get(1, 2))
reveal_type(api.ProductImages.get(1))
reveal_type(api.ProductImages.all(1))
reveal_type(api.CountryStates.iterall())
reveal_type(api.Products.get(1).update(name="Kettle"))
reveal_type(api.OrderCoupons.get(1, 2).parent_id())
reveal_type(api.connection)
reveal_type(bigcommerce.Client("store.example.com", "token", "admin").Orders.get(5))
reveal_type(api.v3.Products.iterall(include=["variants"]))
reveal_type(api.v3.Products.all())
reveal_type(api.v3.Products.update_many([{"id": 1, "price": 9.5}]))
reveal_type(api.v3.ProductVariants.get(1, 2))
api.Prodcuts.all()
api.Products.get(1).delete(force=True)
api.v3.Prodcuts.all()
'''

EXPECTED = [
    "bigcommerce.resources.products.Products",
    "builtins.list[bigcommerce.resources.products.Products]",
    "typing.Iterator[bigcommerce.resources.products.Products]",
    "builtins.int",
    "bigcommerce.resources.products.ProductImages",
    "builtins.list[bigcommerce.resources.products.ProductImages]",
    "builtins.list[bigcommerce.resources.products.ProductImages]",
    "typing.Iterator[bigcommerce.resources.geography.CountryStates]",
    "bigcommerce.resources.products.Products",
    "builtins.int | builtins.str",
    "bigcommerce.connection.Connection",
    "bigcommerce.resources.orders.Orders",
    "typing.Iterator[bigcommerce.v3.catalog_products.Products]",
    "bigcommerce.v3.base.V3List[bigcommerce.v3.catalog_products.Products]",
    "bigcommerce.v3.batch.BatchResult[bigcommerce.v3.catalog_products.Products]",
    "bigcommerce.v3.catalog_variants.ProductVariants",
]


@pytest.fixture(scope="module")
def mypy_output(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("typing")
    program = folder / "program.py"
    program.write_text(textwrap.dedent(USER_PROGRAM))
    config = folder / "mypy.ini"
    config.write_text("[mypy]\n")
    os.environ.setdefault("MYPYPATH", "")
    saved = os.environ["MYPYPATH"]
    os.environ["MYPYPATH"] = str(ROOT)  # the package of this checkout, not an installed copy
    try:
        stdout, stderr, _ = mypy_api.run([
            "--strict", "--config-file", str(config), "--cache-dir", str(folder / "cache"),
            "--no-error-summary", "--hide-error-context", str(program),
        ])
    finally:
        os.environ["MYPYPATH"] = saved
    assert not stderr, stderr
    return stdout.splitlines()


def test_reveal_type_shows_each_verb_returning_its_resource_class(mypy_output: list[str]) -> None:
    revealed = [
        match.group(1) for line in mypy_output
        if (match := re.search(r'Revealed type is "(.*)"', line))
    ]
    # mypy versions spell builtins and iterators differently; the types are the same.
    spelled = [re.sub(r"\bbuiltins\.", "", t).replace("collections.abc.Iterator", "typing.Iterator") for t in revealed]
    assert spelled == [t.replace("builtins.", "") for t in EXPECTED]


def test_a_misspelt_resource_and_a_wrong_argument_are_type_errors(mypy_output: list[str]) -> None:
    errors = [line for line in mypy_output if ": error:" in line]
    assert len(errors) == 3, mypy_output
    assert '"BigcommerceApi" has no attribute "Prodcuts"' in errors[0]
    assert 'Unexpected keyword argument "force"' in errors[1]
    assert '"V3Api" has no attribute "Prodcuts"' in errors[2]


PYRIGHT_EXPECTED = [
    "Products", "list[Products]", "Iterator[Products]", "int", "ProductImages", "list[ProductImages]",
    "list[ProductImages]", "Iterator[CountryStates]", "Products", "int | str", "Connection", "Orders",
    "Iterator[Products]", "V3List[Products]", "BatchResult[Products]", "ProductVariants",
]


def test_pyright_sees_the_same_types(tmp_path: Path) -> None:
    pytest.importorskip("pyright")
    (tmp_path / "program.py").write_text(textwrap.dedent(USER_PROGRAM))
    (tmp_path / "pyrightconfig.json").write_text(json.dumps({"extraPaths": [str(ROOT)]}))
    run = subprocess.run(
        [sys.executable, "-m", "pyright", "--outputjson", "--pythonpath", sys.executable, "program.py"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    report = json.loads(run.stdout[run.stdout.index("{"):])
    messages = [d["message"] for d in report["generalDiagnostics"]]
    revealed = [m.split('" is "', 1)[1][:-1] for m in messages if m.startswith("Type of ")]
    errors = [d for d in report["generalDiagnostics"] if d["severity"] == "error"]

    assert revealed == PYRIGHT_EXPECTED
    assert any('"Prodcuts"' in d["message"] for d in errors)
    assert any('"force"' in d["message"] for d in errors)
    assert {d["range"]["start"]["line"] + 1 for d in errors} == {22, 23, 24}  # the wrong lines, nothing else


def test_the_declared_resource_attributes_are_exactly_the_resource_classes() -> None:
    declared = {
        name for name, hint in BigcommerceApi.__annotations__.items() if str(hint).startswith("type[resources.")
    }
    assert declared == set(_resource_names())
    for name in declared:
        assert BigcommerceApi.__annotations__[name] == f"type[resources.{name}]"


def test_api_v3_declares_exactly_the_v3_classes_and_the_readme_lists_them() -> None:
    """tools/v3_tables.py writes both from the classes; --check fails when either is stale."""
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "v3_tables.py"), "--check"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_package_ships_py_typed() -> None:
    assert (ROOT / "bigcommerce" / "py.typed").is_file()
