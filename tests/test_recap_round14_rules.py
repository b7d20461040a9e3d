"""The general rules added after round 14 of held-out recap articles, each tested both
ways: the shape it is for, and the look-alike it must leave alone."""

from __future__ import annotations

from episodetui.core.html_blocks import PARAGRAPH, Block
from episodetui.core.recaps import guess_target, parse_recap
from episodetui.core.recaps.furniture import kind_of_drop

_PARA = (
    "The whole hour turns on one quiet conversation in the kitchen, and it is the best scene of the year. "
    "Nobody raises a voice, nobody leaves the room, and by the end everything has changed for all of them."
)
_QUESTIONS = [
    "Who sent the second letter?",
    "Why did Ilse go back to the mill?",
    "Is the ferryman still alive?",
]


def _questions(tail: list[str]) -> str:
    parts = ["Our Biggest Questions After the Tarnwick Premiere", "", "A lot happened on Sunday.", ""]
    for question in _QUESTIONS:
        parts += [question, "", _PARA, ""]
    return "\n".join(parts + tail)


def test_a_list_of_questions_reaches_the_page_end_past_a_link_line():
    parsed = parse_recap(_questions(["More Tarnwick coverage"]))
    assert [m.text for m in parsed.key_moments] == _QUESTIONS
    assert "More Tarnwick coverage" not in parsed.paragraphs


def test_questions_followed_by_more_prose_are_not_a_list():
    for tail in (
        ["Other notes", "", "The rest of the episode was quiet, and the show will be back next week."],
        [
            "A note on the music",
            "",
            "The score was the best part of the hour, and it deserves its own piece.",
        ],
    ):
        parsed = parse_recap(_questions(tail))
        assert parsed.key_moments == [], tail
        assert _QUESTIONS[0] in parsed.paragraphs, tail


def test_a_hyphenated_season_and_a_pilot_name_the_episode():
    titles = ["Ravensholt", "Greyhallow"]
    found = guess_target("Our Biggest Questions After the Ravensholt Season-2 Premiere", titles)
    assert (found.show_title, found.season, found.number) == ("Ravensholt", 2, 1)
    found = guess_target("'Greyhallow': 4 Questions We Need Answered After the Pilot", titles)
    assert (found.show_title, found.season, found.number) == ("Greyhallow", 1, 1)
    found = guess_target("Greyhallow Pilot Recap", titles)
    assert (found.season, found.number) == (1, 1)


def test_a_pilot_that_is_a_character_is_not_the_first_episode():
    for headline in (
        "Greyhallow 2x05: the pilot crashes in the marsh",
        "Greyhallow: the pilot was lying all along",
    ):
        found = guess_target(headline, ["Greyhallow"])
        assert found.number in (None, 5), headline
        assert found.show_title == "Greyhallow"


def test_quotes_after_a_show_and_its_season_hold_the_episodes_title():
    titles = ["Velmont", "Iron Tide"]
    found = guess_target("Velmont Season 2 Finale: 4 Things We Learned From 'The Iron Tide'", titles)
    assert found.show_title == "Velmont"
    found = guess_target("Why 'Iron Tide' is the show Velmont fans should watch next", titles)
    assert found.show_title == "Iron Tide"


def _ranked(first: str) -> str:
    return "\n\n".join(
        [
            "Hollow Acre 3x01: the three biggest moments",
            "After the escape we got three overdue reunions. They are ranked:",
            f"1. {first}",
            "2. Pell and the baby — This one landed too, even if the baby did not care who held her.",
            "3. The Ostrander twins — It has been so long since these two shared a scene on this show.",
        ]
    )


def test_a_title_glued_to_its_first_sentence_is_split_where_the_sentence_starts():
    parsed = parse_recap(
        _ranked("Mara and JoelI don't care whether these two ever become a couple. It was right.")
    )
    assert [m.text for m in parsed.key_moments] == [
        "Mara and Joel",
        "Pell and the baby",
        "The Ostrander twins",
    ]
    assert "I don't care whether these two ever become a couple. It was right." in parsed.paragraphs


def test_names_with_a_capital_inside_are_not_glue():
    for first, title in (
        ("Mara and McIntyre — They finally share a scene, and it is worth the wait.", "Mara and McIntyre"),
        (
            "DeShawn's YouTube video — The whole town watches it in the pub that night.",
            "DeShawn's YouTube video",
        ),
    ):
        parsed = parse_recap(_ranked(first))
        assert parsed.key_moments[0].text == title, first


def _indented(residue: str) -> str:
    return "\n".join(
        [
            'Brindlemoor 1x04: my favourite bits of "The Long Supper"',
            "",
            "These are my favourites, not ranked.",
            "  1. The Soup Course",
            "    For Agnes pretending the soup was her own recipe.",
            "  2. The Cellar Door",
            f"    {residue}",
            "    For the one shot that told you who was in the cellar.",
            "  3. The Carriage Home",
            "    For the silence. Six minutes of nobody saying anything.",
        ]
    )


def test_a_pictures_id_between_an_items_title_and_its_text_goes():
    for residue in ("51789490 8082 4a9f bca6 70beee4660e8", "51789490-8082-4a9f-bca6-70beee4660e8.jpg"):
        parsed = parse_recap(_indented(residue))
        assert [m.text for m in parsed.key_moments] == [
            "The Soup Course",
            "The Cellar Door",
            "The Carriage Home",
        ]
        assert "For the one shot that told you who was in the cellar." in parsed.paragraphs
        assert not any(residue in p for p in parsed.paragraphs)


def test_numbers_that_are_not_a_pictures_id_stay():
    parsed = parse_recap(_indented("Filmed in 1987 at 4 a.m. on a budget of 8082 pounds."))
    assert any("8082 pounds" in text for text in [*parsed.paragraphs, *(m.text for m in parsed.key_moments)])


def _countdown(subline: str, under_title: bool) -> str:
    parts = [
        "The 3 Most Shocking Moments of Kettlewood Season 2",
        _PARA,
    ]
    for number, title, word in (
        (3, "The Gate Stays Shut", "Field"),
        (2, "The Mill Burns", "Tinder"),
        (1, "The Last Supper", "Grace"),
    ):
        line = subline.format(number * 2, word)
        entry = [f"{number}. {title}", line, _PARA] if under_title else [f"{number}. {title}", _PARA, line]
        parts.append("\n".join(entry))
    return "\n\n".join(parts)


def test_an_episode_line_right_under_a_numbered_title_is_the_entrys_text():
    parsed = parse_recap(_countdown('Episode {}, "{}"', under_title=True))
    assert [m.text for m in parsed.key_moments] == [
        "The Gate Stays Shut",
        "The Mill Burns",
        "The Last Supper",
    ]
    assert 'Episode 6, "Field"' in parsed.paragraphs and 'Episode 2, "Grace"' in parsed.paragraphs
    assert guess_target(parsed, ["Kettlewood"]).number is None


def test_an_episode_line_under_a_paragraph_is_still_a_pictures_caption():
    parsed = parse_recap(_countdown('Kettlewood – Ep.{}: "{}"', under_title=False))
    assert not any("Tinder" in p for p in parsed.paragraphs)


def _learned(under: list[str]) -> str:
    parts = ["Velmont Season 2 Finale: 3 Things We Learned", _PARA]
    titles = ["Ada & Corin Walk The Wreckage", "The Harbourmaster Was Never In Charge", "The Tide Comes In"]
    for number, (title, line) in enumerate(zip(titles, under, strict=True), 1):
        parts += [f"{number}. {title}", line, _PARA]
    return "\n\n".join(parts)


def test_alt_text_made_of_the_titles_words_under_each_title_goes():
    parsed = parse_recap(_learned(["Velmont Ada Corin", "Velmont Harbourmaster", "Velmont Finale Tide"]))
    assert [m.text for m in parsed.key_moments][0] == "Ada & Corin Walk The Wreckage"
    assert parsed.paragraphs == [_PARA] * 4


def test_a_short_line_with_other_words_under_a_title_stays():
    under = ["Ada finds the letter", "The harbour at night", "Velmont Harbour Night"]
    parsed = parse_recap(_learned(under))
    assert "Velmont Harbour Night" in parsed.paragraphs or any(
        "Velmont Harbour Night" in m.detail for m in parsed.key_moments
    )


def test_a_photographer_and_agency_alone_on_a_line_is_a_credit():
    for credit, dropped in (
        ("Ana Ruiz/Stockline Images", True),
        ("Helen Vane/Kestrel", True),
        ("Mara/Joel", False),
        ("The deal was off/on all night, and nobody knew why.", False),
    ):
        parsed = parse_recap("\n\n".join(["Oakhollow 1x08 review", _PARA, credit, _PARA + " Again."]))
        assert (credit not in parsed.paragraphs) is dropped, credit


_LONG = (
    "Fenwick's newest drama is just as uncomfortable (the silences, the choir practice, the neighbours who will "
    "not speak) and as addictive as the trailers promised. The pilot aired tonight after weeks of teasers."
)


def test_a_bracketed_spoiler_warning_run_into_a_paragraphs_end_goes():
    for tail in ("[Warning: Spoilers ahead.]", "(Spoilers ahead!)", "*Spoilers below*"):
        parsed = parse_recap("\n\n".join(["Greyhallow pilot recap", f"{_LONG} {tail}", _PARA]))
        assert parsed.paragraphs[0] == _LONG, tail


def test_a_bracketed_aside_that_warns_of_nothing_stays():
    for tail in ("[Her words, not mine.]", "(More on that below.)"):
        parsed = parse_recap("\n\n".join(["Greyhallow pilot recap", f"{_LONG} {tail}", _PARA]))
        assert parsed.paragraphs[0] == f"{_LONG} {tail}", tail


def test_a_line_saying_when_the_show_returns_goes():
    for line, drop in (
        ("Duskwater will return in 2027.", True),
        ("Duskwater will be back for a fourth season.", True),
        ("Orla will return in the spring, she promised.", False),
        ("Tam will be back next week, if he lives.", False),
    ):
        assert (kind_of_drop(Block(PARAGRAPH, line)) is not None) is drop, line


def _bulleted(items: list[str]) -> str:
    intro = "The Fallowmere season 3 premiere began the final run, and it left some big questions behind it."
    return "\n".join(
        [
            "Fallowmere: what the season 3 premiere set up",
            "",
            intro,
            "",
            *(f"- {item}" for item in items),
            "",
            _PARA,
        ]
    )


def test_bulleted_headlines_about_the_same_show_between_paragraphs_are_links():
    items = [
        "Fallowmere fans are mourning Corin's beard",
        "Everything we know about Fallowmere's final season",
    ]
    parsed = parse_recap(_bulleted(items))
    assert not any("beard" in p for p in parsed.paragraphs)
    assert parsed.paragraphs[-1] == _PARA


def test_bullets_that_are_the_recaps_own_points_stay():
    for items in (
        ["Corin finally learns who his father was", "Sela loses her brother to the hill folk"],
        ["Fallowmere's Corin finally learns the truth.", "Fallowmere's Sela loses her brother."],
    ):
        parsed = parse_recap(_bulleted(items))
        assert sum(items[0].rstrip(".") in p for p in parsed.paragraphs) == 1, items
