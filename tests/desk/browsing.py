"""A browser's part for the desk's TestClient tests: sign in with a key, read the form
token off a page, post a form the way a page does."""

from __future__ import annotations

import re
from typing import Any

from litestar.testing import TestClient

from api.pages.cookie import COOKIE_NAME

TOKEN_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def form_token(client: TestClient[Any], path: str = "/login") -> str:
    """The token the page at ``path`` puts in its forms (for this client's cookie)."""
    response = client.get(path)
    assert response.status_code == 200, response.text
    found = TOKEN_RE.search(response.text)
    assert found is not None, f"no form token on {path}"
    return found.group(1)


def sign_in(client: TestClient[Any], key: str) -> str:
    """Sign in at /login as a browser does; returns the form token of the new session."""
    token = form_token(client)
    response = client.post("/login", data={"key": key, "csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303, response.text
    assert client.cookies.get(COOKIE_NAME)
    return form_token(client, "/")


def session_cookie(client: TestClient[Any]) -> str:
    value = client.cookies.get(COOKIE_NAME)
    assert value is not None
    return value
