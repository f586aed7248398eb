"""Page furniture by its shape: datelines cut off, captions, credits and posts dropped."""

from __future__ import annotations

import pytest

from services.timeline.story.furniture import is_furniture, strip_lead


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("VENICE, Louisiana -- Federal officials shut down fishing.", "Federal officials"),
        (
            "WASHINGTON | Thu May 27, 2010 3:54 pm EDT WASHINGTON (Reuters) - Obama took charge.",
            "Obama took charge.",
        ),
        ("Sun May 30, 2010 3:40 pm EDT (Reuters) - With the failure of the top kill", "With the"),
        ("May 11, 2010 20:24 UTC With the spotlight on the spill, BP fell.", "With the"),
        ("Photograph: Gerald Herbert/AP Underwater robots dived to the well.", "Underwater"),
        ("PORT-AU-PRINCE, 13 janvier -- Les secours cherchent des survivants.", "Les secours"),
        ("BERLIN (dpa) - Die Regierung hat am Montag beschlossen.", "Die Regierung"),
    ],
)
def test_a_dateline_is_cut_off_in_any_language(text: str, lead: str) -> None:
    assert strip_lead(text).startswith(lead)


@pytest.mark.parametrize(
    "text",
    [
        "BP said on Tuesday that the cap had held -- for now -- after a day of tests.",
        "The rig exploded on April 20, killing 11 workers.",
        "The well was finally sealed on 19 September 2010.",
        "Le puits a été scellé le 19 septembre 2010.",
        "Oil stopped leaking into the Gulf of Mexico on 15 July for the first time.",
        "Il a déclaré lundi que l'aide arrivait - enfin - dans la capitale.",
    ],
)
def test_a_sentence_without_a_dateline_is_left_alone(text: str) -> None:
    assert strip_lead(text) == text
    assert not is_furniture(text)


@pytest.mark.parametrize(
    "text",
    [
        "Oil floats on the surface of the Gulf of Mexico near the site June 2, 2010.",
        "Des secouristes dans les décombres de Port-au-Prince, 13 janvier 2010.",
        "Workers clean a beach in Grand Isle (AP Photo/Gerald Herbert).",
        "Posted by: CaptainSad | June 7, 2010 3:31 PM | Report abuse How was he to fix it?",
        "At 12:46 pm on 10 Jun 2010, TonyP wrote: The reputation of the country suffers.",
    ],
)
def test_captions_credits_and_posts_are_furniture(text: str) -> None:
    assert is_furniture(text)
