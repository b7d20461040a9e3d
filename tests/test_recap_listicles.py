"""The general rules added after round 3 of held-out recap articles: listicle titles in
more shapes (run into their paragraph, bold-led list items, unnumbered title lines),
and furniture seen on many real pages. Each rule is tested both ways: the shape it is
for, and the look-alike it must leave alone."""

from __future__ import annotations

import pytest

from episodetui.core.html_blocks import PARAGRAPH, Block, read_html
from episodetui.core.recaps import guess_target, parse_recap
from episodetui.core.recaps.furniture import kind_of_drop

# ------------------------------------------------------------ run-in titles

RUN_IN = """Harbourside Episode 4 Recap: The Top Moments

Harbourside was busy this week. Our top moments of the episode:

3. Best Reveal:
The lighthouse log was forged, and the keeper knew all along.

2. Best Comeback: When the mayor sneers at her, Nell reads his own letter back to him.

1. Best Final Shot:
The ferry leaves without anyone on it, and the camera stays on the pier.
"""


def test_a_numbered_title_run_into_its_paragraph_is_a_moment_and_the_text_stays_in_the_body():
    parsed = parse_recap(RUN_IN)
    assert [m.text for m in parsed.key_moments] == ["Best Reveal", "Best Comeback", "Best Final Shot"]
    assert "When the mayor sneers at her, Nell reads his own letter back to him." in parsed.paragraphs
    assert parsed.key_moments[1].detail.startswith("When the mayor sneers")
    assert not any(p.startswith(("3.", "2.", "1.")) for p in parsed.paragraphs)


def test_a_numbered_title_with_a_colon_that_is_not_a_sentence_stays_whole():
    text = RUN_IN.replace(
        "2. Best Comeback: When the mayor sneers at her, Nell reads his own letter back to him.",
        "2. Harbourside (Episode 4): The Letter\nNell reads the mayor's own letter back to him.",
    )
    parsed = parse_recap(text)
    assert parsed.key_moments[1].text == "Harbourside (Episode 4): The Letter"


def test_run_in_numbered_paragraphs_without_a_lead_in_stay_paragraphs():
    text = RUN_IN.replace("Our top moments of the episode:", "It was good.").replace(
        "The Top Moments", "Review"
    )
    parsed = parse_recap(text)
    assert parsed.key_moments == []
    assert any(p.startswith("2. Best Comeback:") for p in parsed.paragraphs)


# ---------------------------------------------------------- bold-led items

BOLD_ITEMS = """<html><body><article><h1>{headline}</h1>
<p>Episode 4 is where the story turns. {lead_in}</p>
<ul>
<li><strong>The strike is real.</strong> It reaches the street at last.</li>
<li><strong>Agnes chose a side.</strong> She stops setting a place for her uncle.</li>
<li><strong>The ledger matters.</strong> The last scene tells us why.</li>
</ul></article></body></html>"""


def test_bold_led_list_items_of_a_takeaways_article_are_moments():
    parsed = parse_recap(BOLD_ITEMS.format(headline="Three takeaways from Marrow episode 4", lead_in=""))
    assert [m.text for m in parsed.key_moments] == [
        "The strike is real",
        "Agnes chose a side",
        "The ledger matters",
    ]
    assert parsed.paragraphs[1:] == [
        "It reaches the street at last.",
        "She stops setting a place for her uncle.",
        "The last scene tells us why.",
    ]


def test_bold_led_list_items_of_an_ordinary_review_stay_bullets():
    parsed = parse_recap(BOLD_ITEMS.format(headline="Marrow episode 4 review", lead_in="It is good."))
    assert parsed.key_moments == []
    assert parsed.paragraphs[1].startswith("• The strike is real.")


def test_markdown_bold_led_items_with_a_lead_in_are_moments():
    text = (
        "# Marrow episode 4 review\n\nThe story turns. Here is what we took away:\n\n"
        "- **The strike is real.** It reaches the street.\n- **Agnes chose a side.** She says nothing.\n"
    )
    parsed = parse_recap(text)
    assert [m.text for m in parsed.key_moments] == ["The strike is real", "Agnes chose a side"]


def test_a_page_remembers_the_bold_words_a_block_starts_with_only():
    page = read_html(
        "<p><strong>Vera:</strong> It was ominous.</p><p>Plain <b>bold</b> inside.</p><p><b>All bold</b></p>"
    )
    assert [b.lead for b in page.blocks] == ["Vera:", "", ""]


# ------------------------------------------------------ unnumbered titles

UNNUMBERED = """Tidewater episode 3: the {count} moments we can't stop thinking about

Tidewater's third episode is its quietest yet. These are the moments that stuck with us.

The jar of sea glass
Ellis keeps it on the windowsill and says nothing when it falls.

The lifeboat drill
A comic scene that turns into the most frightening thing the show has done.

The last bonfire
The whole village comes down to the beach, and nobody argues.
"""


def test_unnumbered_title_lines_are_moments_when_the_headline_promises_that_many():
    parsed = parse_recap(UNNUMBERED.format(count="three"))
    assert [m.text for m in parsed.key_moments] == [
        "The jar of sea glass",
        "The lifeboat drill",
        "The last bonfire",
    ]
    assert len(parsed.paragraphs) == 4  # the intro and the three paragraphs
    assert parsed.key_moments[2].detail.startswith("The whole village")


def test_unnumbered_title_lines_are_not_moments_when_the_count_disagrees():
    parsed = parse_recap(UNNUMBERED.format(count="five"))
    assert parsed.key_moments == []
    assert "The lifeboat drill" in parsed.paragraphs


def test_section_headings_of_a_review_are_not_moments_even_after_a_colon():
    text = (
        "# Harrow Road—Season 2 Premiere\n\nThe premiere opens new arcs.\n\nThis one goes character by character:\n\n"
        "## Mara\n\nMara avoids the house all hour.\n\n## Teddy\n\nTeddy pretends nothing happened.\n\n"
        "## Joan\n\nJoan finally calls.\n"
    )
    parsed = parse_recap(text)
    assert parsed.key_moments == []
    assert ["Mara", "Teddy", "Joan"] == [p for p in parsed.paragraphs if len(p.split()) == 1]


# ---------------------------------------------------------------- furniture


@pytest.mark.parametrize(
    "line",
    [
        "Rule reminder: no spoilers for future episodes in post titles for 72 hours.",
        "This recap will have spoilers for Season 2, Episode 7 of The Ember Coast",
        "Iron Petal is currently streaming on Hikari+.",
        "Thanks for reading! You can find me on Bluesky @diner_notes.",
        "If you liked this recap, please share it with your fellow drama addicts!",
        "Read more of this content when you subscribe today.",
        "Get all the best moments in pop culture delivered to your inbox.",
        "Listen on Spotify",
        "Podcast: Play in new window | Download",
        "How would you rate episode 9 of Iron Petal ?",
        "Community score: 4.1",
        "Aired: May 10, 2026",
        "Original Air Date: Oct 11, 2026",
    ],
)
def test_furniture_seen_on_real_pages_is_dropped(line):
    assert kind_of_drop(Block(PARAGRAPH, line)) is not None


@pytest.mark.parametrize(
    "line",
    [
        "She asks him to follow her to the lighthouse, and he refuses.",
        "Nobody in the village has spoilers for what the bell means.",
        "The score drops the strings for a single brass band, and it works.",
        "He listens on the stairs while they argue about the will.",
        "Thanks to the storm, the ferry never leaves the harbour.",
        "If you loved the first season, this one will break your heart",
        "Watch the lighthouse in the last shot",
    ],
)
def test_body_sentences_that_share_their_words_are_kept(line):
    assert kind_of_drop(Block(PARAGRAPH, line)) is None


def test_a_credit_under_a_markdown_image_is_dropped_but_a_paragraph_after_a_blank_line_is_not():
    text = "# Orchard House episode 6 recap\n\n![](a.jpg)\nLumen TV\n\nLumen TV\n\nNell finds the ledger under the floorboards.\n"
    parsed = parse_recap(text)
    assert parsed.paragraphs == ["Nell finds the ledger under the floorboards."]
    assert parsed.dropped.get("caption") == 1


def test_a_heading_with_nothing_under_it_ends_the_page():
    parsed = parse_recap(
        "# Orchard House episode 6 recap\n\nNell finds the ledger.\n\nTV and Movies\n\nSign up\n"
    )
    assert parsed.paragraphs == ["Nell finds the ledger."]


def test_a_spoiler_note_that_names_the_episode_suggests_it_when_the_headline_does_not():
    html = (
        "<html><body><article><h1>The Ember Coast Season Two Finale Recap</h1>"
        "<p><em>This recap will have spoilers for Season 2, Episode 7 of The Ember Coast</em></p>"
        "<p>Welcome to our recap of the finale.</p></article></body></html>"
    )
    parsed = parse_recap(html)
    assert parsed.paragraphs == ["Welcome to our recap of the finale."]
    guess = guess_target(parsed, ["The Ember Coast"])
    assert (guess.show_title, guess.season, guess.number) == ("The Ember Coast", 2, 7)


# ------------------------------------------------------------ round 4 rules


def test_word_numbered_headings_are_listicle_titles():
    html = (
        "<html><body><article><h1>Three moments that defined Sable episode 6</h1><p>The payoff came in three scenes.</p>"
        "<h3>Moment 1: The bridge</h3><p>Mara waits on the bridge.</p>"
        "<h3>Moment 2: The ledger burns</h3><p>Ellis burns it page by page.</p>"
        "<h3>Moment 3: The lighthouse goes dark</h3><p>The whole town notices.</p></article></body></html>"
    )
    parsed = parse_recap(html)
    assert [m.text for m in parsed.key_moments] == [
        "The bridge",
        "The ledger burns",
        "The lighthouse goes dark",
    ]
    assert len(parsed.paragraphs) == 4


def test_a_sentence_that_starts_with_scene_and_a_number_is_not_a_title():
    parsed = parse_recap("Sable episode 6 recap\n\nScene 4 of the play goes wrong, and everybody laughs.\n")
    assert parsed.paragraphs == ["Scene 4 of the play goes wrong, and everybody laughs."]


BOLD_PARAGRAPHS = """# The Long Table, Episode 8: "Salt"

### The best scenes, a weak subplot, and what comes next

Welcome back, friends.

## Three scenes I loved

**The toast.** Gran says exactly one sentence.

**The kitchen fire.** Theo has done this before.

## The weak subplot

The critic storyline goes nowhere.
"""


def test_bold_led_paragraphs_under_a_heading_that_names_them_are_moments_and_the_heading_goes_with_them():
    parsed = parse_recap(BOLD_PARAGRAPHS)
    assert [m.text for m in parsed.key_moments] == ["The toast", "The kitchen fire"]
    assert parsed.paragraphs == [
        "The best scenes, a weak subplot, and what comes next",  # the deck under the headline
        "Welcome back, friends.",
        "Gran says exactly one sentence.",
        "Theo has done this before.",
        "The weak subplot",
        "The critic storyline goes nowhere.",
    ]


def test_a_conversation_in_bold_names_is_not_a_list_of_moments():
    text = BOLD_PARAGRAPHS.replace("**The toast.**", "**Vera:**").replace(
        "**The kitchen fire.**", "**Noor:**"
    )
    parsed = parse_recap(text)
    assert parsed.key_moments == []
    assert "Vera: Gran says exactly one sentence." in parsed.paragraphs


@pytest.mark.parametrize(
    "line", ["Story continues below advertisement", "Discussion post ideas? Message the mods."]
)
def test_more_furniture_from_round_4_is_dropped(line):
    assert kind_of_drop(Block(PARAGRAPH, line)) is not None
