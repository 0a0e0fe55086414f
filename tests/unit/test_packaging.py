"""Packaging: typed, importable under the old module paths, 52 resources, no stale dependencies."""
from __future__ import annotations

import ast
import importlib
import importlib.metadata
import re
from pathlib import Path

import pytest

import bigcommerce
from bigcommerce import resources

ROOT = Path(__file__).resolve().parents[2]
RETIRED_DEPENDENCIES = {"nose", "streql"}


def test_the_package_ships_py_typed() -> None:
    assert (Path(bigcommerce.__file__).parent / "py.typed").is_file()


def _setup_keywords() -> dict[str, ast.expr]:
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "setup":
            return {keyword.arg: keyword.value for keyword in node.keywords if keyword.arg}
    raise AssertionError("setup.py has no setup(...) call")


def _requirement_names(requirements: list[str]) -> set[str]:
    return {re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0].lower() for requirement in requirements}


def test_setup_py_installs_py_typed_with_the_package() -> None:
    package_data = ast.literal_eval(_setup_keywords()["package_data"])

    assert "py.typed" in package_data["bigcommerce"]


def test_setup_py_does_not_depend_on_nose_or_streql() -> None:
    keywords = _setup_keywords()
    requirements = list(ast.literal_eval(keywords["install_requires"]))
    for extra in ast.literal_eval(keywords.get("extras_require", ast.Constant({}))).values():
        requirements.extend(extra)

    names = _requirement_names(requirements)

    assert names, "setup.py lists no requirements at all"
    assert {"requests", "pyjwt"} <= names
    assert not names & RETIRED_DEPENDENCIES


def test_the_installed_metadata_does_not_depend_on_nose_or_streql() -> None:
    requirements = importlib.metadata.requires("bigcommerce") or []

    assert not _requirement_names(requirements) & RETIRED_DEPENDENCIES


OLD_PATHS = [
    ("bigcommerce.api", ["BigcommerceApi"]),
    ("bigcommerce.connection", ["Connection", "OAuthConnection", "GraphQLConnection"]),
    ("bigcommerce.exception", ["HttpException", "ClientRequestException", "ServerException",
                               "RedirectionException", "RateLimitingException", "EmptyResponseWarning"]),
    ("bigcommerce.resources", ["Mapping", "ApiResource", "ApiSubResource", "ListableApiResource",
                               "ListableApiSubResource", "CreateableApiResource", "CreateableApiSubResource",
                               "UpdateableApiResource", "UpdateableApiSubResource", "DeleteableApiResource",
                               "DeleteableApiSubResource", "CollectionDeleteableApiResource",
                               "CollectionDeleteableApiSubResource", "CountableApiResource",
                               "CountableApiSubResource", "Products", "Orders", "OrderShipments"]),
    ("bigcommerce.customer_login_token", ["CustomerLoginTokens"]),
]


# Short ids; "resources" would be deselected by the usual -k "not resources" run.
OLD_PATH_IDS = ["api", "connection", "exception", "resource_classes", "customer_login_token"]


@pytest.mark.parametrize("module, names", OLD_PATHS, ids=OLD_PATH_IDS)
def test_the_old_module_paths_still_import(module: str, names: list[str]) -> None:
    imported = importlib.import_module(module)

    for name in names:
        assert isinstance(getattr(imported, name), type), f"{module}.{name}"


def test_every_http_exception_of_the_old_client_sits_under_http_exception() -> None:
    from bigcommerce import exception

    for name in ("ClientRequestException", "ServerException", "RedirectionException",
                 "RateLimitingException", "EmptyResponseWarning"):
        assert issubclass(getattr(exception, name), exception.HttpException), name
    assert issubclass(exception.RateLimitingException, exception.ClientRequestException)


def test_the_package_holds_exactly_52_resource_classes() -> None:
    found = {value for value in vars(resources).values()
             if isinstance(value, type) and getattr(value, "resource_name", "")}

    assert len(found) == 52
    assert {cls.__name__ for cls in found} <= set(resources.__all__)


def test_the_resource_mapping_is_the_same_class_everywhere() -> None:
    assert resources.Mapping is bigcommerce.Mapping
    assert bigcommerce.mapping.Mapping is bigcommerce.Mapping


def _fresh_python(code: str) -> str:
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          timeout=60, cwd=ROOT).stdout.strip()


def test_the_pytest_plugin_imports_neither_requests_nor_jwt_nor_the_client() -> None:
    loaded = _fresh_python(
        "import sys, bigcommerce.pytest_plugin; "
        "print(sorted(m for m in ('requests', 'jwt', 'bigcommerce.connection', 'bigcommerce.sandbox') "
        "if m in sys.modules))"
    )

    assert loaded == "[]"


def test_every_public_name_and_old_submodule_resolves_on_first_use() -> None:
    names = _fresh_python(
        "import bigcommerce; from bigcommerce import *; "
        "print(all(getattr(bigcommerce, n) is not None for n in bigcommerce.__all__), "
        "bigcommerce.urls.__name__, bigcommerce.rate_limit.__name__, BigcommerceApi.__name__)"
    )

    assert names == "True bigcommerce.urls bigcommerce.rate_limit BigcommerceApi"


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Produts'"):
        bigcommerce.Produts
    assert not hasattr(bigcommerce, "sandbox_typo")


def test_setup_py_installs_the_shared_limiters_lua_script() -> None:
    package_data = ast.literal_eval(_setup_keywords()["package_data"])
    assert "window.lua" in package_data["bigcommerce.rate_limit"]
    assert (Path(bigcommerce.__file__).parent / "rate_limit" / "window.lua").is_file()


def test_the_redis_extra_brings_redis_and_the_test_extra_includes_it() -> None:
    extras = ast.literal_eval(_setup_keywords()["extras_require"])
    assert any(req.startswith("redis") for req in extras["redis"])
    assert any(req.startswith("redis") for req in extras["test"])
