"""The general rules added after round 13 of held-out recap articles, each tested both
ways: the shape it is for, and the look-alike it must leave alone."""

from __future__ import annotations

from episodetui.core.html_blocks import PARAGRAPH, Block
from episodetui.core.recaps import guess_target, parse_recap
from episodetui.core.recaps.furniture import kind_of_drop

_PARA = (
    "The whole hour turns on one quiet conversation in the kitchen, and it is the best scene of the year. "
    "Nobody raises a voice, nobody leaves the room, and by the end everything has changed for all of them."
)


def _titled(headline: str, titles: list[str]) -> str:
    parts = [headline, ""]
    for number, title in enumerate(titles, 1):
        parts += [f"{number}. {title}", "", _PARA, ""]
    return "\n".join(parts)


def test_numbered_titles_over_prose_with_no_lead_in_are_moments():
    text = _titled(
        'Dunmore Bay 2x04: "The Crossing"',
        ["Cass steals the boat", "The village turns on Ewan", "Ma Reilly's secret", "The storm"],
    )
    parsed = parse_recap(text)
    assert [m.text for m in parsed.key_moments] == [
        "Cass steals the boat",
        "The village turns on Ewan",
        "Ma Reilly's secret",
        "The storm",
    ]
    assert parsed.paragraphs == [_PARA] * 4


def test_a_reviews_numbered_sections_a_ranking_or_two_titles_stay_in_the_body():
    for headline, titles in (
        ("Cinder Lane 2x06: The Long Table", ["Introduction", "Synopsis", "The acting", "Verdict"]),
        ("Cinder Lane 2x06 review", ["Cass steals the boat", "The village turns on Ewan", "The storm"]),
        ("Thornwall Power Rankings: Episode 5", ["Edda Vane", "Regent Orlan", "The Ferryman"]),
        ('Dunmore Bay 2x04: "The Crossing"', ["Cass steals the boat", "The storm"]),
        (
            "The 5 most shocking deaths of Dunmore Bay",
            ["Cass steals the boat", "The village turns", "The storm"],
        ),
    ):
        parsed = parse_recap(_titled(headline, titles))
        assert parsed.key_moments == [], headline
        assert f"1. {titles[0]}" in parsed.paragraphs, headline


def test_numbered_titles_run_into_their_text_need_other_evidence():
    text = "\n\n".join(
        [
            "Stonebridge, August 10",
            "Every week we look at the characters of Stonebridge.",
            "1. Queen Adela: Just when we thought she was done, she won the battle at the river herself.",
            "2. Corin: He still does not know who his mother was, and the talks will be hard.",
            "3. Little Wren: A sparring session in the yard, and the whole castle is afraid of her.",
        ]
    )
    assert parse_recap(text).key_moments == []


def _kind(text: str) -> str | None:
    return kind_of_drop(Block(PARAGRAPH, text))


def test_a_source_caption_a_missed_one_prompt_a_channel_promo_and_a_next_week_title_go():
    assert _kind("The premiere opens on the flooded chapel | Source: Kestrel TV") == "caption"
    assert _kind("Have we missed one? Let us know.") is not None
    assert _kind("Did I miss anything obvious?") is not None
    assert _kind("The video for episode 14 is up on my channel.") is not None
    assert _kind('Next week: "Landfall".') is not None
    for line in (
        "The source of the fire is never explained, and the show seems to know it.",
        "Have we missed the point of the lighthouse? Maybe, but the show has too.",
        "The ferry is up on the rocks, and the whole village comes down to look.",
        "Next week: the wedding, and probably more lightning.",
    ):
        assert _kind(line) is None, line


def test_a_run_in_title_goes_on_past_a_colon_with_lower_case_after_it():
    text = "\n\n".join(
        [
            "Marlow Heights episode 7: 3 details you probably missed",
            "Easter eggs and callbacks make a second watch worth it. Here are the ones we caught.",
            "1) The painting in the hall: it's the same one: The portrait is the one from season one, moved.",
            "2) Room 14: The hotel room number matches the date of the fire, which is no accident.",
            "3) The song at the wake: It's the song Leo sang in the pilot, slowed down on a piano.",
        ]
    )
    parsed = parse_recap(text)
    assert [m.text for m in parsed.key_moments] == [
        "The painting in the hall: it's the same one",
        "Room 14",
        "The song at the wake",
    ]
    one = "1) Best comeback: when the mayor walks back in, nobody in the hall says a word for a minute."
    assert [m.text for m in parse_recap(text.replace(text.split("\n\n")[2], one)).key_moments][
        0
    ] == "Best comeback"


def _colon_led(headline: str, lead_in: str, leads: list[str]) -> str:
    return "\n\n".join([headline, _PARA, lead_in] + [f"{lead}: {_PARA}" for lead in leads])


def test_plain_colon_led_paragraphs_under_a_list_headline_are_moments_and_the_pointer_line_goes():
    text = _colon_led(
        "Kelderwick: the most surprising moments of the premiere",
        "Here were the biggest surprises:",
        ["Ilsa learns who wrote the letters", "The many, many homecomings", "The lighthouse goes dark"],
    )
    parsed = parse_recap(text)
    assert [m.text for m in parsed.key_moments] == [
        "Ilsa learns who wrote the letters",
        "The many, many homecomings",
        "The lighthouse goes dark",
    ]
    assert "Here were the biggest surprises:" not in parsed.paragraphs
    assert parsed.paragraphs == [_PARA] * 4


def test_one_word_fields_a_conversation_or_no_list_evidence_stay_paragraphs():
    for headline, leads in (
        ("Kelderwick: the most surprising moments of the premiere", ["Plot", "Acting", "Pacing"]),
        ("Kelderwick: the most surprising moments of the premiere", ["Aunt Vera", "Uncle Tom", "Aunt Vera"]),
        (
            "Kelderwick 3x01 recap",
            ["Ilsa learns who wrote the letters", "The many homecomings", "The light goes dark"],
        ),
    ):
        parsed = parse_recap(_colon_led(headline, "So, how did it go?", leads))
        assert parsed.key_moments == [], leads


def test_quotes_after_a_named_episode_hold_its_title_not_a_show():
    library = ["Cinder Lane", "The Long Table"]
    after = guess_target('Cinder Lane Season 2, Episode 6 Review: "The Long Table"', library)
    assert (after.show_title, after.season, after.number) == ("Cinder Lane", 2, 6)
    before = guess_target("Review: 'The Long Table' Season 2, Episode 5 - \"Windfall\"", library)
    assert (before.show_title, before.season, before.number) == ("The Long Table", 2, 5)


def test_a_premieres_season_code_in_a_spoiler_line_beats_an_ordinal_in_the_prose():
    text = "\n\n".join(
        [
            "'Emberfell' premiere recap: reunions and a secret",
            'This post contains spoilers for the Emberfell season 2 premiere, "Homecoming."',
            "In the first season it was the king who came north; now it is his daughter, and she is not alone.",
        ]
    )
    found = guess_target(parse_recap(text), ["Emberfell"])
    assert (found.show_title, found.season, found.number) == ("Emberfell", 2, 1)
    without_code = text.replace("season 2 premiere", "premiere")
    found = guess_target(parse_recap(without_code), ["Emberfell"])
    assert (found.season, found.number) == (1, 1)  # the ordinal is all there is
