"""Packaging for bigcommerce: a client for the BigCommerce v2 API, with a local sandbox."""
from pathlib import Path

from setuptools import find_packages, setup

HERE = Path(__file__).parent

setup(
    name="bigcommerce",
    version="1.0.0",
    description="Client for the BigCommerce v2 API, with a stateful local sandbox store",
    long_description=(HERE / "README.rst").read_text(encoding="utf-8"),
    long_description_content_type="text/x-rst",
    license="MIT",
    packages=find_packages(include=["bigcommerce", "bigcommerce.*"]),
    package_data={"bigcommerce": ["py.typed"], "bigcommerce.rate_limit": ["window.lua"]},
    python_requires=">=3.9",
    install_requires=[
        "requests>=2.25",
        "pyjwt>=2.4",
    ],
    extras_require={
        # orjson parses a 250-item page ~2x faster than the json module (benchmarks/run.py, decode).
        "fast": ["orjson>=3.9"],
        # redis: RedisRateLimiter, one store's quota shared by every process and machine (Lua scripts, pooled
        # sockets that survive a fork); imported only when a RedisRateLimiter is made.
        "redis": ["redis>=4.5"],
        # hypothesis: property-based tests (payload verifiers; the two JSON decoders agree).
        # orjson: the tests run the fast decoder; the json-module path is tested by switching it off.
        # mypy, pyright and types-requests: the typing tests check what editors see after ``api.``;
        # mypy and ruff also run over the package in CI (mypy --strict, the ruff rules in pyproject.toml).
        "test": [
            "pytest>=7", "vcrpy>=5", "hypothesis>=6", "orjson>=3.9",
            "mypy>=1.10", "types-requests", "pyright>=1.1.380", "ruff>=0.6,<1",
            # redis: the shared-limiter tests run against a real redis-server (.ci/run installs it).
            "redis>=4.5",
        ],
    },
    entry_points={
        "pytest11": ["bigcommerce = bigcommerce.pytest_plugin"],
    },
    classifiers=[
        "Programming Language :: Python :: 3",
        "Programming Language :: Python :: 3.9",
        "Programming Language :: Python :: 3.10",
        "Programming Language :: Python :: 3.11",
        "Programming Language :: Python :: 3.12",
        "Programming Language :: Python :: 3.13",
        "Typing :: Typed",
    ],
)
