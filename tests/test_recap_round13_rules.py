"""The general rules added after round 13 of held-out recap articles, each tested both
ways: the shape it is for, and the look-alike it must leave alone."""

from __future__ import annotations

from episodetui.core.recaps import parse_recap

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
