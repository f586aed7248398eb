"""The page cache: bounded, least recently used first out, never a body of another version."""

from __future__ import annotations

from services.query.page_cache import PageCache

V1, V2 = (1, 1), (1, 2)


def test_the_least_recently_used_body_goes_first() -> None:
    cache: PageCache[bytes] = PageCache(2)
    cache.put("a", V1, b"A")
    cache.put("b", V1, b"B")
    assert cache.get("a", V1) == b"A"  # a is now the more recently used
    cache.put("c", V1, b"C")
    assert cache.get("b", V1) is None
    assert (cache.get("a", V1), cache.get("c", V1)) == (b"A", b"C")


def test_a_body_read_at_another_version_is_not_served() -> None:
    cache: PageCache[bytes] = PageCache()
    cache.put("a", V1, b"A")
    assert cache.get("a", V2) is None
    cache.put("a", V2, b"A2")
    assert cache.get("a", V2) == b"A2"
