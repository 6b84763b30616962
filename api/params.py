"""Query parameters shared by several routes."""

from __future__ import annotations

from typing import Annotated, Literal

from litestar.params import Parameter

Include = Annotated[
    Literal["rejected"] | None,
    Parameter(
        description="rejected: also count statements fact-checkers rejected "
        "(hidden from walks, appearances, lookups, lists and reports by default)"
    ),
]
"""``?include=rejected``."""


def including_rejected(include: str | None) -> bool:
    return include == "rejected"
