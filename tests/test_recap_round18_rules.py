"""The general rules added after round 18 of held-out recap articles, each tested both
ways: the shape it is for, and the look-alike it must leave alone."""

from __future__ import annotations

import pytest

from episodetui.core.html_blocks import ITEM, PARAGRAPH, Block
from episodetui.core.recaps import guess_target, parse_recap
from episodetui.core.recaps.furniture import kind_of_drop, looks_like_caption
from episodetui.core.recaps.lines import chapters

_TITLES = ["Marrow and Vine", "The Linden Files", "Glassmoor", "Duskwater", "Tidewater Hall"]
_PARA = (
    "The whole hour turns on one quiet conversation in the kitchen, and it is the best scene of the year. "
    "Nobody raises a voice, nobody leaves the room, and by the end everything has changed for all of them."
)


def _guess(text: str) -> tuple[str | None, int | None, int | None]:
    found = guess_target(parse_recap(text), _TITLES)
    return found.show_title, found.season, found.number


# -- the guess


def test_a_copied_address_names_the_show_and_the_season():
    text = "\n\n".join(
        [
            "https://www.example.org/tv/marrow-and-vine-season-2-episode-5-recap/",
            "Episode 5 Recap: The Long Way",
            _PARA,
        ]
    )
    assert _guess(text) == ("Marrow and Vine", 2, 5)


def test_an_address_naming_another_episode_does_not_give_its_season():
    text = "\n\n".join(
        [
            "https://www.example.org/tv/marrow-and-vine-season-2-episode-4-recap/",
            "Episode 5 Recap: The Long Way",
            _PARA,
        ]
    )
    assert _guess(text) == ("Marrow and Vine", 1, 5)


def test_an_address_in_prose_is_not_read_as_a_slug():
    found = guess_target("Read it at https://example.org/marrow-and-vine-season-2-episode-5", _TITLES)
    assert (found.season, found.number) == (None, None)


def test_a_pictures_alt_text_names_the_show_of_a_saved_page():
    page = (
        "<html><head><title>Episode 4 Recap: Stones in the River</title></head><body><article>"
        "<h1>Episode 4 Recap: Stones in the River</h1>"
        '<img src="/a.jpg" alt="The Linden Files season 1 promo image">'
        f"<p>{_PARA}</p></article></body></html>"
    )
    assert _guess(page) == ("The Linden Files", 1, 4)


def test_a_headline_naming_a_show_beats_a_pictures_alt_text():
    page = (
        "<html><body><article><h1>Glassmoor Episode 4 Recap</h1>"
        '<img src="/a.jpg" alt="The Linden Files season 1 promo image">'
        f"<p>{_PARA}</p></article></body></html>"
    )
    assert _guess(page) == ("Glassmoor", 1, 4)


def test_the_ninth_episode_of_the_second_season_gives_its_season():
    text = "\n\n".join(
        [
            "The Brass Comet",
            '"The Brass Comet" is the ninth episode of the second season of Glassmoor.',
            _PARA,
        ]
    )
    assert _guess(text) == ("Glassmoor", 2, 9)


def test_a_bare_episode_number_in_the_opening_prose_names_the_episode():
    text = "\n\n".join(
        [
            "The best bits from this week's Tidewater Hall",
            _PARA,
            "Every week it finds a new way to make me cry on the bus, and episode 7 was no exception at all.",
            _PARA,
        ]
    )
    assert _guess(text) == ("Tidewater Hall", None, 7)


def test_a_season_named_beside_a_bare_episode_number_is_its_season():
    text = "\n\n".join(
        [
            "'Duskwater' Season Finale Had Details You Need to Know",
            _PARA,
            "Duskwater season 3 is over. Like every finale before it, episode 8 also opened a handful of questions.",
            _PARA,
        ]
    )
    assert _guess(text) == ("Duskwater", 3, 8)


@pytest.mark.parametrize(
    "opening",
    [
        "The men who laughed at her in episode one are suddenly very polite to Nell, and she lets them wait.",
        "As ep 4 ended with Aki on the pier, this one opens with her in the water, and it never lets up.",
        "Last week, episode six gave us the forge and the fire, and this week is quieter for it.",
        "Last week's episode 6 left the whole street in the rain, and this week nobody has dried off yet.",
        "Episode 4 and episode 5 both spend their time in the orchard, which the show has never done before.",
        "I liked episode 5 a lot.",
    ],
)
def test_a_bare_episode_number_that_points_elsewhere_names_nothing(opening):
    text = "\n\n".join(["The best bits from this week's Tidewater Hall", _PARA, opening, _PARA])
    assert _guess(text) == ("Tidewater Hall", None, None)


# -- furniture


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Image result for paper lantern brigade key visual", "caption"),
        (
            "Nia Fenn (Carys Powell) and Huw Rhee (Tom Idris) Marram Point Series 2 Episode 4 (c) Tidewater Pictures",
            "caption",
        ),
        ("Cara Lowe as DS Dee Holt", "caption"),
        ("Where to watch: Crunchyroll", "availability"),
        ("Saltmarsh Lane is on Thursdays at 8pm.", "availability"),
        ("Gorse Hill is on Sundays on ITV1.", "availability"),
        ("Listen: Apple · Spotify · Overcast · RSS", "prompt"),
        ("Support the show on Patreon. Theme music by Lantern Static.", "prompt"),
        ("This article comes from Screen Hound UK.", "byline"),
        ("This review originally appeared on Night Desk.", "byline"),
        ("MARA QUINN weighs up the alibis, the allotments and one very bad cup of tea", "byline"),
        ("Plus: a reader mailbag, and why I am done with Tuesday premieres", "page_chrome"),
        ("∙ Paid", "page_chrome"),
        ("Alec Marsh (David Penrose) Saltcombe Series 2 Episode 3 (c) ITV", "caption"),
        ("Cross-posted from Orchard Notes.", "byline"),
        ("Business inquiries: hello@example.org", "prompt"),
        ('Music: "Low Ember" by Quietfield (licensed)', "prompt"),
        ("Thanks to my Patreon supporters!", "prompt"),
        ("Listen now", "prompt"),
    ],
)
def test_furniture_of_podcasts_videos_newsletters_and_reprints_goes(line, kind):
    assert kind_of_drop(Block(PARAGRAPH, line)) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Image results were never Nell's strong suit, and the photo album proves it.",
        "Nia (Carys Powell) and Huw (Tom Idris) finally talk, and it is the best scene of the night.",
        "Dee takes over as DS for the whole of the second half, and she is very good at it.",
        "Where to watch it from was the only question left, and the rooftop won.",
        "The market is on Thursdays, so Morwen closes the pub early and goes to sell her jam.",
        "Listen: the quietest scene of the night is the one that matters.",
        "Nobody will support the show's new villain on Patreon or anywhere else, I suspect.",
        "This article of clothing comes back in the final scene, and it is soaked.",
        "THE LIGHTHOUSE SCENE breaks my heart every single time I think about it.",
        "Plus: the bakery burns down, and nobody seems to mind.",
        "Paid in full, Jack says, and walks out.",
        "Marsh (David Penrose) is the best thing in it, and the script knows it (c) or no (c).",
        "Music: the score does the heavy lifting again, and the choir in the last scene is lovely.",
        "Thanks to my sister for watching it with me, because I could not have done it alone.",
        "Listen now, Esme says, and the whole crew goes quiet.",
    ],
)
def test_prose_that_looks_like_that_furniture_stays(line):
    assert kind_of_drop(Block(PARAGRAPH, line)) is None


def test_a_plain_word_paid_is_not_a_newsletter_badge():
    assert kind_of_drop(Block(PARAGRAPH, "Paid")) is None
    assert kind_of_drop(Block(ITEM, "Paid", marker="∙")) == "page_chrome"


def test_chapters_from_zero_go_and_timestamped_highlights_stay():
    def items(texts: list[str]) -> list[Block]:
        return [
            Block(PARAGRAPH, _PARA),
            *(Block(ITEM, t, marker="-") for t in texts),
            Block(PARAGRAPH, _PARA),
        ]

    assert chapters(items(["00:00 Hello again", "03:15 The cold open", "18:40 The weir"])) == {1, 2, 3}
    assert chapters(items(["04:12 – The grill fire", "11:40 – The song", "19:05 – The last page"])) == set()
    assert chapters(items(["0:00 Intro", "1:12 The fire"])) == set()  # two lines: not enough to be sure
    assert chapters(items(["0:00 Intro", "1:12 Kiri walks in and sits down.", "2:30 The end"])) == set()


def test_podcast_show_notes_keep_their_summary_and_drop_the_chapters():
    text = "\n".join(
        [
            '# Episode 42: Kestrel Bay 1x06, "The Weir"',
            "",
            _PARA,
            "",
            "## Chapters",
            "",
            "- 00:00 Hello again",
            "- 03:15 The cold open",
            "- 18:40 The weir",
            "",
            "Support the show on [Patreon](https://example.org/p).",
        ]
    )
    parsed = parse_recap(text)
    assert parsed.paragraphs == [_PARA]
    assert parsed.key_moments == []


def test_a_lower_case_line_that_speaks_is_someone_writing_not_alt_text():
    assert not looks_like_caption("anyway i need 2x04 right now", "")
    assert looks_like_caption("marin and oskar on the lighthouse steps", "")


def test_a_lower_case_last_line_that_speaks_is_not_a_bare_heading():
    text = "\n\n".join(["the tidecaller 2x03 thoughts", _PARA, "anyway i need 2x04 right now", "#tidecaller"])
    assert parse_recap(text).paragraphs[-1] == "anyway i need 2x04 right now"
    text = "\n\n".join(["the tidecaller 2x03 thoughts", _PARA, "More from this blog"])
    assert parse_recap(text).paragraphs == [_PARA]


def test_a_streaming_pages_next_episodes_never_reach_the_recap():
    page = (
        "<html><body><main><h1>Copperline</h1><h2>S2:E3 · The Fuse</h2>"
        f"<p>{_PARA}</p><h3>More Episodes</h3>"
        "<div><h4>S2:E4 · Tailings</h4><p>The second shaft is opened, and Ruth learns who sealed it.</p></div>"
        "</main></body></html>"
    )
    parsed = parse_recap(page)
    assert parsed.paragraphs == [_PARA]
    assert not any("shaft" in p for p in parsed.paragraphs)


def test_a_chapter_at_zero_is_not_a_reaction_count():
    assert kind_of_drop(Block(PARAGRAPH, "0:00 Intro")) is None
    assert kind_of_drop(Block(PARAGRAPH, "👍 56 · 💬 12")) == "community"


def test_chapters_copied_as_plain_lines_go_together():
    text = "\n".join(
        [
            "Ashfall S3E4 Breakdown",
            "",
            _PARA,
            "",
            "0:00 Intro",
            "0:45 The map",
            "6:10 Inside the storm",
            "",
            _PARA,
        ]
    )
    assert parse_recap(text).paragraphs == [_PARA, _PARA]


@pytest.mark.parametrize("line", ["Watch Next", "Up next:"])
def test_a_watch_next_box_ends_the_page(line):
    page = (
        "<html><body><main><h1>Season 3, Episode 2: The Ferry</h1>"
        f"<p>{_PARA}</p><h2>{line}</h2><h3>S3 E3 · The Causeway</h3>"
        "<p>The causeway floods, and Tom's secret comes out in front of the whole village.</p></main></body></html>"
    )
    assert parse_recap(page).paragraphs == [_PARA]


def test_a_subtitle_on_the_line_under_the_title_goes():
    text = "\n".join(
        [
            'The Glass Orchard, episode 3: "Grafting"',
            "Three people, one greenhouse, and the best fight of the season so far",
            "",
            "Priya Anand",
            "Nov 2, 2026",
            "",
            _PARA,
        ]
    )
    assert parse_recap(text).paragraphs == [_PARA]


def test_lines_copied_without_blank_lines_keep_their_first_paragraph():
    opening = "Three people, one greenhouse, and the best fight of the season so far"
    text = "\n".join(['The Glass Orchard, episode 3: "Grafting"', opening, _PARA, _PARA])
    assert parse_recap(text).paragraphs[0] == opening
    text = "\n".join(['The Glass Orchard, episode 3: "Grafting"', "", opening, "", _PARA])
    assert parse_recap(text).paragraphs[0] == opening
