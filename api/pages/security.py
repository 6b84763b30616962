"""Headers every page carries: scripts and styles from this server only, no framing."""

from __future__ import annotations

from litestar.datastructures import ResponseHeader

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    )
)
"""No inline script or style anywhere: the desk's script and stylesheet live under /static."""

PAGE_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def page_response_headers() -> list[ResponseHeader]:
    """``PAGE_HEADERS`` for a router's ``response_headers``."""
    return [ResponseHeader(name=name, value=value) for name, value in PAGE_HEADERS.items()]
