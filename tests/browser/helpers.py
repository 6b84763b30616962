"""What the browser tests ask a page: the diagram's names, the flags, the focus, and the
keyboard's way to a control."""

from __future__ import annotations

from typing import Any


def diagram_names(page: Any) -> list[str]:
    """The diagram's nodes in order, each one's text exactly as it is (issue 13: the
    source's name as its text)."""
    return page.locator("#panel svg.chain-diagram [data-source-id]").all_text_contents()


def flags_shown(page: Any) -> list[str]:
    return page.locator("#panel ul.flags:not(.compact) > li").evaluate_all(
        "items => items.map(li => li.dataset.flag)"
    )


def words(text: str | None) -> str:
    return " ".join((text or "").split())


def focused(page: Any) -> dict[str, Any]:
    """What has the keyboard focus, and whether it is drawn."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            return {
                tag: el.tagName.toLowerCase(), id: el.id, cls: el.getAttribute('class') || '',
                statement: el.dataset ? el.dataset.statementId || null : null,
                href: el.getAttribute('href'), name: el.getAttribute('name'),
                text: (el.textContent || '').trim().slice(0, 80),
                outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
            };
        }"""
    )


def tab_until(
    page: Any, wanted: Any, limit: int = 60, *, backwards: bool = False
) -> dict[str, Any]:
    """Press Tab (Shift+Tab ``backwards``) until ``wanted(focused)`` holds; every stop on
    the way must show its focus."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        now = focused(page)
        if now["tag"] != "body":
            assert now["outline"], f"focus is not visible on {now}"
        if wanted(now):
            return now
    raise AssertionError("the keyboard never reached what it looked for")
