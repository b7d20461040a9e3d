"""The general rules added after round 17 of held-out recap articles (key-moment lists
and lost paragraphs), each tested both ways: the shape it is for, and the look-alike it
must leave alone."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings, strategies as st

from episodetui.core.html_blocks import HEADING, PARAGRAPH, Block
from episodetui.core.recaps import parse_recap
from episodetui.core.recaps.furniture import kind_of_drop
from episodetui.core.recaps.model import RATING
from episodetui.core.recaps.sequence import marker, split_title
from episodetui.core.recaps.text_blocks import line_blocks

_HEADLINE = "Saltgrass Episode 4 Recap: The Five Best Moments"
_TITLES = ["The ferry that never comes", "Tobias on the roof", "The tide table"]
_TEXTS = [
    "Everyone on the dock knows the timetable by heart, so the empty water is a shock.",
    "He climbs up to fix the aerial and stays there until it is dark.",
    "A whole conversation about tide times that is really about the divorce.",
]


def _listicle(titles: list[str], headline: str = _HEADLINE) -> str:
    entries = [f"{title}\n{text}" for title, text in zip(titles, _TEXTS, strict=True)]
    return "\n\n".join([headline, "Here are the moments we keep replaying.", *entries])


def _moments(text: str) -> list[str]:
    return [moment.text for moment in parse_recap(text).key_moments]


# ------------------------------------------------------------ list notations


@pytest.mark.parametrize("notation", ["{n}º {t}", "{n}ª {t}", "{n}° {t}", "{n} of 3: {t}", "{t} ({n})"])
def test_new_notations_number_a_list(notation):
    titles = [notation.format(n=n, t=title) for n, title in enumerate(_TITLES, start=1)]
    assert _moments(_listicle(titles)) == _TITLES


def test_new_notations_read_their_number():
    assert marker("2º Mirela's confession") == marker("2. Mirela's confession")
    assert (found := marker("3 of 5: Nell is staying")) is not None and found.number == 3
    assert found.rest == "Nell is staying"
    assert (found := marker("Elin's voicemail (4)")) is not None and (found.number, found.rest) == (
        4,
        "Elin's voicemail",
    )


@pytest.mark.parametrize(
    "text",
    [
        "It was 10° below zero on the pier.",  # a temperature, not a numbered title
        "1 of 3 people in the town believe her",  # "k of N" with no separator: prose
        "The director said so in an interview (1).",  # a footnote after a sentence
        "As the show explained last season, the vote was a fraud from the start (2)",  # too long for a title
        "Kestrel Point (2026)",  # a year, not a number
    ],
)
def test_look_alikes_of_the_new_notations_are_not_numbers(text):
    assert marker(text) is None


def test_slide_counters_are_still_pictures_not_a_list():
    text = "\n\n".join(
        [
            _HEADLINE,
            "1 of 3 Vale Network",
            _TEXTS[0],
            "2 of 3 Vale Network",
            _TEXTS[1],
            "3 of 3 Vale Network",
            _TEXTS[2],
        ]
    )
    parsed = parse_recap(text)
    assert parsed.key_moments == []
    assert not any("Vale Network" in p for p in parsed.paragraphs)


def test_trailing_numbers_on_lines_that_do_not_count_make_no_list():
    titles = ["The ferry that never comes (2)", "Tobias on the roof (7)", "The tide table (3)"]
    text = _listicle(titles, headline="Saltgrass Episode 4 Recap")
    assert parse_recap(text).key_moments == []


# ---------------------------------------------------------------- emoji titles


def test_emoji_that_lead_a_title_are_not_the_moment():
    titles = ["🔥 The ferry that never comes", "😭 Tobias on the roof", "❤️ The tide table"]
    text = _listicle(titles, headline="Saltgrass Episode 4: 3 Moments That Made Us Scream")
    assert _moments(text) == _TITLES


def test_an_emoji_inside_a_title_stays():
    titles = ["The ferry 🔥 never comes", "Tobias on the roof", "The tide table"]
    text = _listicle(titles, headline="Saltgrass Episode 4: 3 Moments That Made Us Scream")
    assert _moments(text)[0] == "The ferry 🔥 never comes"


# ------------------------------------------------------- glued question titles


def test_a_question_glued_to_its_answer_is_a_title_and_a_paragraph():
    assert split_title("Who opened the gate?Nobody admits it, but the mud says enough.") == (
        "Who opened the gate?",
        "Nobody admits it, but the mud says enough.",
    )


def test_a_one_word_exclamation_glued_to_a_word_is_a_name_not_a_title():
    found = split_title("Jeopardy!Tonight the champion finally loses on a question about rivers")
    assert found is None or found[0] != "Jeopardy!"


# ------------------------------------------------------------ lines of copied text


def test_short_lines_of_copied_text_are_blocks_of_their_own():
    text = "\n".join(
        [
            "Starfall Academy Episode 11 Live Recap",
            "Posted on May 9, 2026 by quietlamp",
            "HE: You were at the observatory that night.",
            "JH (looks away): Half the school has that bicycle.",
            "She locks the door instead.",
            "Back in the dormitory, the roommates argue about the broken telescope until the lights go out.",
            "The headmaster reads the letter twice, folds it into a tiny square and then burns it in the grate.",
            "He doesn't have to.",
        ]
    )
    assert [b.text for b in line_blocks(text, markdown=False)] == text.split("\n")


def test_a_hand_wrapped_paragraph_is_still_one_block():
    text = (
        "The choir that vanished in the first episode turns up in the harbour,\n"
        "singing, and nobody in town can agree on what they heard or on who\n"
        "should be told first, so the mayor calls a meeting that nobody attends.\n"
        "\n"
        "Ansel spends most of the hour trying to record it, and every tape he\n"
        "brings back to the shop is blank from the first second to the last one."
    )
    blocks = line_blocks(text, markdown=False)
    assert len(blocks) == 2
    assert blocks[0].text.startswith("The choir") and blocks[0].text.endswith("nobody attends.")


def test_a_wrapped_line_with_room_for_the_next_word_ended_its_paragraph():
    text = (
        "The choir that vanished in the first episode turns up in the harbour,\n"
        "singing, and nobody in town agrees.\n"
        "Short.\n"
        "Ansel spends most of the hour trying to record it, and every tape he\n"
        "brings back to the shop is blank from the first second to the last."
    )
    texts = [b.text for b in line_blocks(text, markdown=False)]
    assert texts[1:] == ["Short.", texts[2]] and texts[0].endswith("nobody in town agrees.")
    assert texts[2].startswith("Ansel") and texts[2].endswith("to the last.")


# -------------------------------------------------------------------- furniture


@pytest.mark.parametrize("line", ["Scene 1", "Part 2", "Act III", "Day 3"])
def test_a_numbered_section_title_is_not_a_count_of_reactions(line):
    assert kind_of_drop(Block(PARAGRAPH, line)) is None


@pytest.mark.parametrize("line", ["👍 56", "12 💬", "Likes 4"])
def test_counts_of_reactions_still_go(line):
    assert kind_of_drop(Block(PARAGRAPH, line)) is not None


def test_a_bare_verdict_heading_is_a_section_and_a_verdict_line_a_rating():
    assert kind_of_drop(Block(HEADING, "Verdict", level=2)) is None
    assert kind_of_drop(Block(PARAGRAPH, "Verdict: 8/10")) is not None
    assert kind_of_drop(Block(PARAGRAPH, "Verdict 4 stars")) == RATING


def test_a_longer_see_you_next_week_sign_off_goes_and_prose_about_next_week_stays():
    assert kind_of_drop(Block(PARAGRAPH, "See you next week for episodes 13 and 14!")) is not None
    assert kind_of_drop(Block(PARAGRAPH, "We will see next week whether the treaty holds.")) is None


# ------------------------------------------------------------------- round 17b


def test_moment_k_of_n_numbers_a_list():
    titles = [f"Moment {n} of 3: {title}" for n, title in enumerate(_TITLES, start=1)]
    assert _moments(_listicle(titles)) == _TITLES


def test_a_lead_in_with_a_sentence_before_its_label_is_a_paragraph():
    text = "\n\n".join(
        [
            "Saltgrass 1x04 thoughts and favourite bits",
            "Finally caught up. My favourite bits, in order:",
            *[
                f"{n}) {title}\n{body}"
                for n, (title, body) in enumerate(zip(_TITLES, _TEXTS, strict=True), 1)
            ],
        ]
    )
    parsed = parse_recap(text)
    assert [m.text for m in parsed.key_moments] == _TITLES
    assert parsed.paragraphs[0] == "Finally caught up. My favourite bits, in order:"


def test_a_label_alone_over_a_list_still_belongs_to_the_list():
    text = "\n\n".join(
        [
            "Saltgrass 1x04 thoughts and favourite bits",
            "Episode four was a quiet one, and it was all the better for it.",
            "My favourite bits, in order:",
            *[
                f"{n}) {title}\n{body}"
                for n, (title, body) in enumerate(zip(_TITLES, _TEXTS, strict=True), 1)
            ],
        ]
    )
    assert not any(p.startswith("My favourite bits") for p in parse_recap(text).paragraphs)


def test_a_source_credit_in_brackets_goes_and_a_sentence_about_a_source_stays():
    assert kind_of_drop(Block(PARAGRAPH, "(Source: tvN)")) is not None
    assert kind_of_drop(Block(PARAGRAPH, "(The source of the leak is never named.)")) is None


# ------------------------------------------------------------ property: wrapping

_WORDS = st.sampled_from(
    "the harbour lantern quietly folded letter kitchen storm over under bright silver ferry "
    "rope winter garden walked toward about station candle morning river orchard".split()
)
_SENTENCES = st.lists(_WORDS, min_size=6, max_size=40).map(lambda ws: " ".join(ws).capitalize() + ".")


@settings(max_examples=60, deadline=None)
@given(
    paragraphs=st.lists(st.lists(_SENTENCES, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=5),
    width=st.integers(min_value=50, max_value=95),
)
def test_any_hand_wrapped_text_comes_back_as_its_paragraphs(paragraphs, width):
    text = "\n\n".join(textwrap.fill(p, width) for p in paragraphs)
    assert [b.text for b in line_blocks(text, markdown=False)] == paragraphs


def test_markdown_joins_a_paragraphs_short_lines_as_markdown_does():
    text = (
        "The choir comes back.\n"
        "Nobody in town can agree on what they heard, or on who should be told first about it.\n"
        "Ansel records it."
    )
    assert len(line_blocks(text, markdown=True)) == 1
