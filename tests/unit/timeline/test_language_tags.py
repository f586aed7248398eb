"""BCP 47 tags in any case reduce to the two-letter primary subtag the events carry."""

from __future__ import annotations

import pytest

from services.timeline.language_tags import primary_language


@pytest.mark.parametrize(
    ("tag", "language"),
    [
        ("en", "en"),
        ("EN", "en"),
        ("en-US", "en"),
        ("EN-gb", "en"),
        ("en_US", "en"),
        ("pt-BR", "pt"),
        ("es-419", "es"),
        ("zh-Hant-TW", "zh"),
        ("sr-Latn-RS", "sr"),
        ("it", "it"),
        ("tl", "tl"),  # langcodes would rename it 'fil', which has no two-letter form
        ("iw", "he"),  # deprecated code, replaced by the registry's preferred one
        ("deu", "de"),  # three-letter code with a two-letter equivalent
    ],
)
def test_accepted_tags_give_their_primary_subtag(tag: str, language: str) -> None:
    assert primary_language(tag) == language


@pytest.mark.parametrize(
    ("tag", "reason"),
    [
        ("xx", "unknown language tag"),
        ("", "not a language tag"),
        ("en--US", "not a language tag"),
        ("english", "not a language tag"),
        ("tlh", "no two-letter"),
        ("und", "no two-letter"),
    ],
)
def test_refused_tags_say_why(tag: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        primary_language(tag)
