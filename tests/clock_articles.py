"""Three articles on three clocks, the shapes that showed one article on three different
days: en at +05:30 published just after local midnight, es at -03:00 published late in the
evening (already the next day in UTC), and en with the IANA zone America/New_York."""

from __future__ import annotations

from typing import Any

DELHI: dict[str, Any] = {
    "article_id": "clock-delhi",
    "source": "Delhi Wire",
    "title": "Metro line opens after delays",
    "body": "The metro line opened to passengers yesterday after two years of delays. "
    "Engineers inspected the tunnels before the opening.",
    "published_at": "2026-11-20T01:30:00+05:30",
    "language": "en",
}
BAIRES: dict[str, Any] = {
    "article_id": "clock-baires",
    "source": "Diario Sur",
    "title": "El gobierno presenta un plan de túneles",
    "body": "El ministro presentó hoy el plan de túneles para la ciudad. "
    "Los trabajos empezarán en marzo.",
    "published_at": "2026-12-03T22:10:00-03:00",
    "language": "es",
}
NYC: dict[str, Any] = {
    "article_id": "clock-nyc",
    "source": "City Desk",
    "title": "Storm reaches the coast",
    "body": "The storm reached the coast at 6 a.m. today, officials said. "
    "Power was restored in the tunnels built in the 1960s by the evening.",
    "published_at": "2026-11-20T09:15:00-05:00",
    "language": "en",
    "timezone": "America/New_York",
}
ARTICLES = (DELHI, BAIRES, NYC)
# The day each article is published on and the day its "yesterday"/"hoy"/"today" names, in
# the article's own calendar: every surface must show these.
LOCAL_DAYS = {
    "clock-delhi": ("2026-11-20", "2026-11-19"),
    "clock-baires": ("2026-12-03", "2026-12-03"),
    "clock-nyc": ("2026-11-20", "2026-11-20"),
}
