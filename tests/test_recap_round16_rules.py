"""The general rules added after round 16 of held-out recap articles, each tested both
ways: the shape it is for, and the look-alike it must leave alone."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from episodetui.core.html_blocks import HEADING, PARAGRAPH, Block
from episodetui.core.recaps import guess_target, parse_recap
from episodetui.core.recaps.furniture import kind_of_drop
from episodetui.core.recaps.guess import episode_in_prose
from episodetui.core.recaps.model import IMAGE_CAPTION, PAGE_CHROME, RATING

_PARA = (
    "The whole hour turns on one quiet conversation in the kitchen, and it is the best scene of the year. "
    "Nobody raises a voice, nobody leaves the room, and by the end everything has changed for all of them."
)
_MORE = "Then the storm comes in off the marsh, and the power goes out across the whole town for the night."


def _kind(text: str, kind: str = PARAGRAPH) -> str | None:
    return kind_of_drop(Block(kind, text))


def _article(*lines: str, headline: str = "Switchyard Episode 5 Recap: The Long Shift") -> str:
    return "\n\n".join([headline, *lines])


# ------------------------------------------------------------------ furniture


@pytest.mark.parametrize(
    "line",
    [
        "Okay. Spoilers from here.",
        "If you haven't seen the episode or don't want any spoilers then stop reading now. "
        "If you've already seen it then carry on reading.",
        "Advertisement. Scroll to continue reading.",
        "Directed by: Paul Okafor",
        "Written by: Rina Maddox",
        "on April 30, 2026 at 2:14 PM, updated May 07, 2026 at 11:47 AM",
        "That's it for this week. Reply to this email and tell me what you thought – I read everything.",
        "Forwarded this email? Subscribe here.",
        "Vote in our poll below!",
        "What did you think of the finale?",
        "Bellmoor Season 3 Episode 18 Review Photos",
        "Review Quotes Photos",
        "Network | Harbor+ |",
        "On The Fence",
        'Mirela VossAnna Lind as Mirela Voss in Tern\'s "Glass Harbor."',
        'Marigold Lane: Season 1, Episode 5 "The Wishing Well" (B+)',
    ],
)
def test_furniture_worded_new_ways_goes(line):
    assert _kind(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Spoilers from her mother's diary would have been a better story, honestly.",
        "Max had to carry on alone. If you've seen it, you know why.",
        "The advertisement Nadia films for the station is the funniest scene of the season.",
        "Directed by: the same man who made the pilot, and it shows in every frame of the cold open.",
        "On April 30 the village floods.",
        "Nadia never replies to the email from her sister, and that silence is the episode.",
        "What did you think of Dana's choice? I still can't decide.",
        "Bellmoor Season 3 Episode 18 Recap and Review",
        "She keeps the photos and the news clippings in a shoebox under the bed.",
        "Lou picks the lock | Joyce keeps watch",
        "I'm on the fence about Lou.",
        "Anna Lind as Mirela is the best thing in the show.",
        "Anna Lind as Mirela Voss in The Avengers is great.",
        "We went with Plan (B).",
    ],
)
def test_prose_that_looks_like_that_furniture_stays(line):
    assert _kind(line) is None


def test_the_kinds_of_the_new_furniture():
    assert _kind("Network | Harbor+ |") == PAGE_CHROME
    assert _kind("On The Fence") == RATING
    assert _kind('Anna Lind as Mirela Voss in Tern\'s "Glass Harbor."') == IMAGE_CAPTION


def test_a_wikis_references_end_the_recap():
    parsed = parse_recap(
        _article(_PARA, "References", '1. ^ "Schedule". Example Listings. Retrieved March 1, 2026.')
    )
    assert parsed.paragraphs == [_PARA]


def test_a_paragraph_that_starts_with_references_stays():
    line = "References to the first season are everywhere in this episode, from the bell to the quarry."
    parsed = parse_recap(_article(_PARA, line))
    assert parsed.paragraphs == [_PARA, line]


def test_double_dashes_mark_bullets():
    parsed = parse_recap(_article(_PARA, "-- Pell stays behind.\n-- Lio pours the wine."))
    assert parsed.paragraphs == [_PARA, "• Pell stays behind.", "• Lio pours the wine."]


def test_double_dashes_inside_a_sentence_are_prose():
    line = "Nadia -- of course -- takes the shift, and regrets it from the first call."
    parsed = parse_recap(_article(_PARA, line))
    assert parsed.paragraphs == [_PARA, line]


def test_a_markdown_heading_with_episode_numbers_is_the_headline_not_a_count():
    text = "[Lantern Hours](https://example.org/)\n\n# Saltlantern – 05 & 06\n\n" + _PARA
    parsed = parse_recap(text)
    assert parsed.headline == "Saltlantern – 05 & 06"
    found = guess_target(parsed, ["Saltlantern"])
    assert (found.show_title, found.season, found.number) == ("Saltlantern", 1, 5)


def test_reaction_counts_in_a_paragraph_still_go():
    assert _kind("👍 56 · 💬 12") is not None
    assert _kind("Saltlantern – 05 & 06", HEADING) is None


def test_a_deck_printed_twice_is_said_once():
    deck = "Lou may have overreached, and now her whole world starts to come down around her."
    parsed = parse_recap(_article(deck, "Spoiler Alert: This review contains spoilers.", deck, _PARA))
    assert parsed.paragraphs == [deck, _PARA]


def test_two_different_sentences_in_a_row_both_stay():
    parsed = parse_recap(_article(_PARA, _MORE))
    assert parsed.paragraphs == [_PARA, _MORE]


# ---------------------------------------------------------------------- lines


def test_alt_text_glued_to_a_paragraphs_first_word_goes():
    headline = "Frostmarch Season Two Recap: Episode 5"
    glued = "FrostmarchAvalanches, shouting, and all-round panic drive Sten and Lena up the ridge."
    parsed = parse_recap(_article(_PARA, glued, headline=headline))
    assert parsed.paragraphs == [
        _PARA,
        "Avalanches, shouting, and all-round panic drive Sten and Lena up the ridge.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "McAllister finally tells the truth about the night of the fire, and nobody believes him at all.",
        "YouTube comments under the trailer had guessed it weeks ago, which makes the reveal land softer.",
        "FrostbiteSeason is what the fans call these long winter arcs, and this one is the longest yet.",
    ],
)
def test_capitals_inside_a_first_word_that_are_not_the_headlines_stay(line):
    headline = "Frostmarch Season Two Recap: Episode 5 – You Can Play"
    parsed = parse_recap(_article(_PARA, line, headline=headline))
    assert parsed.paragraphs == [_PARA, line]


def test_a_subtitle_naming_the_headlines_episode_goes():
    headline = "Frostmarch Season Two Recap: Episode 5"
    parsed = parse_recap(_article(_PARA, "Season Two: Episode Five – Wolfsbane", _MORE, headline=headline))
    assert parsed.paragraphs == [_PARA, _MORE]


def test_a_subtitle_naming_another_episode_stays():
    headline = "Frostmarch Season Two Recap: Episode 5"
    line = "Season Two: Episode Six – Nightshade"
    parsed = parse_recap(_article(_PARA, line, _MORE, headline=headline))
    assert parsed.paragraphs == [_PARA, line, _MORE]


def test_the_headline_again_with_a_code_under_a_picture_goes_and_names_the_episode():
    headline = "The Fenwick Files season 2 Reflection recap"
    parsed = parse_recap(_article(_PARA, "The Fenwick Files season 2 episode 5", _MORE, headline=headline))
    assert parsed.paragraphs == [_PARA, _MORE]
    found = guess_target(parsed, ["The Fenwick Files"])
    assert (found.show_title, found.season, found.number) == ("The Fenwick Files", 2, 5)


def test_a_sentence_with_the_headlines_words_and_a_code_stays():
    headline = "The Fenwick Files season 2 Reflection recap"
    line = "The Fenwick Files season 2 episode 5 was the best yet."
    parsed = parse_recap(_article(_PARA, line, headline=headline))
    assert parsed.paragraphs == [_PARA, line]


def test_an_earlier_title_that_says_more_is_the_headline():
    text = "\n".join(
        [
            "TV",
            "The Fenwick Files season 2 Reflection recap",
            "By Sam Ortiz",
            "The Fenwick Files season 2 episode 5",
            _PARA,
        ]
    )
    assert parse_recap(text).headline == "The Fenwick Files season 2 Reflection recap"


def test_a_kicker_with_only_the_shows_name_does_not_take_the_headline():
    text = "\n".join(["Fenwick Files", "By Sam Ortiz", "The Fenwick Files Season 2 Episode 5 Recap", _PARA])
    assert parse_recap(text).headline == "The Fenwick Files Season 2 Episode 5 Recap"


# ---------------------------------------------------------------------- guess


def _guess(headline: str, titles: list[str]) -> tuple[str | None, int | None, int | None]:
    found = guess_target(headline, titles)
    return found.show_title, found.season, found.number


def test_a_times_sign_code_names_the_episode():
    headline = "Good Neighbours Series Finale Review – Top of the Street (4×15 and 4×16)"
    assert _guess(headline, ["Good Neighbours"]) == ("Good Neighbours", 4, 15)


def test_a_times_sign_between_other_numbers_is_not_a_code():
    assert _guess("Good Neighbours in 1920×1080: the remaster reviewed", ["Good Neighbours"])[2] is None


def test_an_anime_blogs_two_episodes_after_a_dash_name_the_first():
    assert _guess("Saltlantern – 05 & 06", ["Saltlantern"]) == ("Saltlantern", 1, 5)
    assert _guess("Saltlantern – 05-06", ["Saltlantern"]) == ("Saltlantern", 1, 5)


def test_a_dash_and_a_number_followed_by_words_is_not_an_episode():
    assert _guess("Saltlantern – 05 & more", ["Saltlantern"])[2] is None


def test_quotes_between_the_show_and_the_code_hold_the_episodes_title():
    titles = ["Brackenfold", "Deepwater"]
    headline = 'Summering in Brackenfold: "Deep Water" (Season One, Episode Two)'
    assert _guess(headline, titles) == ("Brackenfold", 1, 2)


def test_quotes_with_no_show_before_them_still_name_a_show():
    titles = ["Brackenfold", "Deepwater"]
    assert _guess('Rewatch: "Deep Water" (Season One, Episode Two)', titles)[0] == "Deepwater"


def test_a_part_in_an_episodes_title_gives_way_to_a_full_code_on_the_page():
    text = "\n\n".join(
        [
            "Bellmoor - Strangers: Part Two - Season Finale Review",
            _PARA,
            _MORE,
            "Bellmoor Season 3 Episode 18 Review Photos",
        ]
    )
    found = guess_target(parse_recap(text), ["Bellmoor"])
    assert (found.season, found.number) == (3, 18)


def test_a_part_alone_still_names_the_episode():
    assert _guess("Ironbridge Part 2 Review", ["Ironbridge"]) == ("Ironbridge", 1, 2)
    text = "\n\n".join(["Bellmoor - Strangers: Part Two - Season Finale Review", _PARA, _MORE])
    found = guess_target(parse_recap(text), ["Bellmoor"])
    assert (found.season, found.number) == (1, 2)


def test_the_opening_paragraph_gives_the_season_of_a_chapter():
    lead = '"Chapter Five" is the fifth episode of the second season of Quarrybank.'
    parsed = parse_recap("\n\n".join(["Chapter Five (Quarrybank)", lead, _PARA]))
    found = guess_target(parsed, ["Quarrybank"])
    assert (found.show_title, found.season, found.number) == ("Quarrybank", 2, 5)


def test_a_season_said_of_another_episode_is_not_taken():
    lead = "Last week's fourth episode of the second season was better, if I am honest about it."
    parsed = parse_recap("\n\n".join(["Chapter Five (Quarrybank)", lead, _PARA]))
    found = guess_target(parsed, ["Quarrybank"])
    assert (found.season, found.number) == (1, 5)


def test_the_prose_names_an_episode_of_a_season():
    assert episode_in_prose("It was the fifth episode of its second season.") == (2, 5)
    assert episode_in_prose("This is episode 5 of season 2, and it shows.") == (2, 5)
    assert episode_in_prose("The fifth season of anything is hard.") == (None, None)


def test_british_series_numbers_and_a_dashed_code_name_the_season():
    assert _guess("Harrow Point series 2, episode 5 review", ["Harrow Point"]) == ("Harrow Point", 2, 5)
    assert _guess("Harrow Point S2 – E5", ["Harrow Point"]) == ("Harrow Point", 2, 5)


def test_another_series_episode_is_still_not_the_recaps():
    assert _guess("Harrow Point and The Revival Series, Episode Two", ["Harrow Point"])[2] is None


def test_a_finales_code_in_the_opening_prose_names_it():
    assert episode_in_prose("The season finale (2x10) was the best hour yet.") == (2, 10)
    assert episode_in_prose("The season finale (2.10) was the best hour yet.") == (2, 10)


def test_measurements_in_the_prose_are_not_codes():
    assert episode_in_prose("The set is a 3x4 room with a 1920x1080 screen in it.") == (None, None)


# ------------------------------------------------------------- round 16b's rules


def test_a_heading_per_episode_in_a_recap_of_two_stays():
    line = "Episode 7 – “Everything Shattered”"
    parsed = parse_recap(_article(_PARA, line, _MORE, headline="Mossgiel Season 1 – Episodes 7 & 8 Recap"))
    assert parsed.paragraphs == [_PARA, line, _MORE]


def test_the_same_line_in_a_recap_of_that_one_episode_goes():
    line = "Episode 7 – “Everything Shattered”"
    parsed = parse_recap(_article(_PARA, line, _MORE, headline="Mossgiel Season 1 – Episode 7 Recap"))
    assert parsed.paragraphs == [_PARA, _MORE]


def test_a_label_with_no_season_names_the_headlines_season():
    headline = "Thistledown Season 2 Episode 7 Recap: We Need To Know More"
    parsed = parse_recap(_article(_PARA, "Episode seven", _MORE, headline=headline))
    assert parsed.paragraphs == [_PARA, _MORE]


def test_a_label_naming_another_season_stays():
    headline = "Thistledown Season 2 Episode 7 Recap: We Need To Know More"
    parsed = parse_recap(_article(_PARA, "Season 1 Episode 7", _MORE, headline=headline))
    assert parsed.paragraphs == [_PARA, "Season 1 Episode 7", _MORE]


def test_an_image_files_name_glued_to_a_paragraph_goes():
    glued = (
        "OmakeGif-Hollin-Episode5-UtaPocky_zps76f968While we have seen Kato be lively, she rarely shows it."
    )
    parsed = parse_recap(_article(_PARA, glued))
    assert parsed.paragraphs == [_PARA, "While we have seen Kato be lively, she rarely shows it."]


@pytest.mark.parametrize(
    "line",
    [
        "Jean-Luc finally tells the crew the truth about the night of the fire, and nobody believes him.",
        "Area-51 Tours are the running joke of the episode, and the best one arrives in the last minute.",
    ],
)
def test_hyphenated_words_at_a_paragraphs_start_stay(line):
    parsed = parse_recap(_article(_PARA, line))
    assert parsed.paragraphs == [_PARA, line]


def test_the_headlines_words_reordered_under_a_picture_go():
    headline = "[RECAP] KBC Korean Drama Paper Crowns Episode 8"
    parsed = parse_recap(
        _article(_PARA, "Korean KBC Drama Paper Crowns Episode 8 Recap", _MORE, headline=headline)
    )
    assert parsed.paragraphs == [_PARA, _MORE]


def test_the_headlines_words_in_its_order_are_a_section_heading():
    headline = "Paper Crowns Episode 8 Recap and Review: The Spymaster's Pipe"
    parsed = parse_recap(_article(_PARA, "Paper Crowns Episode 8 Review", _MORE, headline=headline))
    assert parsed.paragraphs == [_PARA, "Paper Crowns Episode 8 Review", _MORE]


def test_a_number_after_the_shows_name_and_an_episode_apart_is_the_season():
    assert _guess("K-Drama Reaction: Lantern Ward 2 | Episode 10", ["Lantern Ward"]) == (
        "Lantern Ward",
        2,
        10,
    )


def test_a_number_after_the_shows_name_alone_is_the_episode():
    assert _guess("Bento Knights 12 - The Twins' Weakness", ["Bento Knights"]) == ("Bento Knights", 1, 12)


def test_the_first_library_title_named_is_the_show():
    assert _guess("Emberline – The Glass Orchard", ["Emberline", "Glass Orchard"])[0] == "Emberline"


def test_a_title_inside_a_longer_one_gives_way_to_it():
    assert _guess("Tidewater Blues Episode 3", ["Tidewater", "Tidewater Blues"])[0] == "Tidewater Blues"


# ------------------------------------------------------------- round 16c's rules


@pytest.mark.parametrize(
    "line",
    [
        "Aired Sunday 9:00 PM Nov 13, 2026 on Kite",
        "Listen to the episode below!",
        "Wrenfield Row, Season 2, Episode 5, Sarah (Tia Mane) and Helen (Tia Mane)",
    ],
)
def test_more_furniture_goes(line):
    assert _kind(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Aired on a Sunday night in 2026, it deserved a bigger audience than it got.",
        "Listen to the episode's score below the dialogue, and you hear the old theme.",
        "Sarah (Tia Mane) finally snaps at Helen (Tia Mane).",
        "PODCAST! – Around the Water Cooler: the Revival Series, Episode Two (MAJOR SPOILERS)",
        "Bellmoor Finale (Part Two)",
    ],
)
def test_prose_and_titles_like_that_furniture_stay(line):
    assert _kind(line) is None


def test_a_short_sentence_said_twice_under_pictures_goes():
    quip = "He did a lot of this."
    parsed = parse_recap(_article(_PARA, quip, _MORE, quip))
    assert parsed.paragraphs == [_PARA, _MORE]


def test_a_short_sentence_said_once_stays():
    parsed = parse_recap(_article(_PARA, "He did a lot of this.", _MORE, "Nothing."))
    assert parsed.paragraphs == [_PARA, "He did a lot of this.", _MORE, "Nothing."]


def test_a_bare_recap_label_under_the_headline_goes():
    text = "\n".join(["Ravenscar: Wolf Moon Recap", "Episode Recap", _PARA])
    assert parse_recap(text).paragraphs == [_PARA]


def test_a_section_heading_under_the_headline_stays():
    text = "\n".join(["Ravenscar: Wolf Moon Recap", "Degrees of Change", _PARA])
    assert parse_recap(text).paragraphs == ["Degrees of Change", _PARA]


def test_the_episodes_title_over_its_code_is_the_headline():
    text = "\n".join(["Ravenscar", "Wolf Moon", "Season 2 Episode 5", "Episode Recap", _PARA])
    parsed = parse_recap(text)
    assert parsed.headline == "Wolf Moon"
    found = guess_target(parsed, ["Ravenscar"])
    assert (found.show_title, found.season, found.number) == ("Ravenscar", 2, 5)


def test_a_headline_over_a_kicker_and_a_code_line_stays_the_headline():
    text = "\n".join(
        ["Ravenscar Recap: The Night the Bridge Fell", "By Sam Ortiz", "Season 2 Episode 5", _PARA]
    )
    assert parse_recap(text).headline == "Ravenscar Recap: The Night the Bridge Fell"


def test_a_stills_alt_text_named_with_a_code_goes():
    headline = "Duskmere Season 1 Episode 5: Truths Recap"
    parsed = parse_recap(
        _article(_PARA, "Duskmere 104 Jonas as Seen from Inside the Cave", _MORE, headline=headline)
    )
    assert parsed.paragraphs == [_PARA, _MORE]


def test_a_heading_with_the_shows_name_and_a_year_stays():
    headline = "Duskmere Season 1 Episode 5: Truths Recap"
    line = "Duskmere 1986 and the Boy in the Cave"
    parsed = parse_recap(_article(_PARA, line, _MORE, headline=headline))
    assert parsed.paragraphs == [_PARA, line, _MORE]


def test_a_references_heading_over_the_episodes_callbacks_stays():
    callbacks = "The bell is the one from the pilot, and the hymn is the sexton's from the first season."
    parsed = parse_recap(_article(_PARA, "References", callbacks))
    assert parsed.paragraphs == [_PARA, "References", callbacks]


def test_a_closing_verdict_sentence_stays():
    for line in ("Watch it.", "Skip it.", "Stream it!"):
        assert _kind(line) is None, line
    assert _kind("Skip It") == RATING


# ---------------------------------------------------- codes in any of their shapes

_WORDS = "one two three four five six seven eight nine ten eleven twelve".split()
_CODES = [
    lambda s, e: f"S{s} E{e}",
    lambda s, e: f"S{s:02}E{e:02}",
    lambda s, e: f"S{s} – E{e}",
    lambda s, e: f"{s}x{e:02}",
    lambda s, e: f"{s}×{e:02}",
    lambda s, e: f"({s}.{e:02})",
    lambda s, e: f"Season {s}, Episode {e}",
    lambda s, e: f"Season {_WORDS[s - 1].title()}, Episode {_WORDS[e - 1].title()}",
    lambda s, e: f"Series {s}, Episode {e}",
    lambda s, e: f"Season {s} Ep. {e}",
    lambda s, e: f"Season {s}/ Episode {e}",
    lambda s, e: f"{s} | Episode {e}",  # "Show 2 | Episode 10"
]
_TAILS = ["Recap", "Review: The Long Table", "– “The Salt Road”", "Recap and Review (with Spoilers)", ""]


@settings(max_examples=150, deadline=None)
@given(
    code=st.sampled_from(_CODES),
    season=st.integers(1, 12),
    episode=st.integers(1, 12),
    tail=st.sampled_from(_TAILS),
    lead=st.sampled_from(["", "Recap: ", "TV Review – "]),
)
def test_a_code_in_any_shape_names_its_season_and_episode(code, season, episode, tail, lead):
    headline = f"{lead}Gullhaven Point {code(season, episode)} {tail}".strip()
    assert _guess(headline, ["Gullhaven Point", "The Long Table"]) == ("Gullhaven Point", season, episode)


_NOT_CODES = [
    lambda n, year: f"Gullhaven Point ({year}) Review",
    lambda n, year: f"Gullhaven Point {year} - The Year in Review",
    lambda n, year: f"Gullhaven Point Review: {n}/10",
    lambda n, year: f"Gullhaven Point: {n} Things We Learned",
    lambda n, year: f"Top {n} Gullhaven Point Moments",
    lambda n, year: f"Gullhaven Point Season {n} Review",
]


@settings(max_examples=60, deadline=None)
@given(shape=st.sampled_from(_NOT_CODES), n=st.integers(2, 12), year=st.integers(1950, 2030))
def test_numbers_that_are_not_codes_name_no_episode(shape, n, year):
    assert _guess(shape(n, year), ["Gullhaven Point"])[2] is None


# ------------------------------------------------------------- round 16d's rules


def test_a_newsletter_box_asking_for_an_email_goes():
    line = "Stay right here for exclusive updates! Drop your email to get insights into your inbox…"
    assert _kind(line) is not None


def test_a_sentence_about_someones_inbox_stays():
    assert _kind("Nadia finds the letter in her inbox, unopened, three years late.") is None


def test_a_title_that_ends_with_a_spoiler_tag_is_the_headline():
    text = "\n".join(
        [
            "lindenfall 2x05 thoughts (spoilers obvs)",
            "ok so. that episode.",
            "also can we talk about the music. the same four notes from the pilot, but slower",
            _PARA,
        ]
    )
    parsed = parse_recap(text)
    assert parsed.headline == "lindenfall 2x05 thoughts (spoilers obvs)"
    assert parsed.paragraphs == [
        "ok so. that episode.",
        "also can we talk about the music. the same four notes from the pilot, but slower",
        _PARA,
    ]
    assert _guess(parsed.headline, ["Lindenfall"]) == ("Lindenfall", 2, 5)


@pytest.mark.parametrize("line", ["(Spoilers ahead)", "[Spoilers]", "Read on (spoilers)"])
def test_a_spoiler_tag_with_no_title_is_still_a_warning(line):
    assert _kind(line) is not None


def test_lower_case_alt_text_is_still_a_caption():
    parsed = parse_recap(_article(_PARA, "kiri on the harbour wall at dusk", _MORE))
    assert parsed.paragraphs == [_PARA, _MORE]


def test_a_caption_sentence_and_its_alt_text_under_it_both_go():
    quip = "You know, that picture is creepy. Just sayin."
    parsed = parse_recap(_article(_PARA, quip, quip, _MORE))
    assert parsed.paragraphs == [_PARA, _MORE]


def test_a_title_repeated_under_itself_is_said_once():
    parsed = parse_recap(_article(_PARA, "The Glass Orchard", "The Glass Orchard", _MORE))
    assert parsed.paragraphs == [_PARA, "The Glass Orchard", _MORE]


def test_a_heading_glued_to_its_paragraph_by_a_repeated_word_is_split():
    glued = "What is KestrelfordKestrelford is a TV show based on a series of very long books about rain."
    parsed = parse_recap(_article(_PARA, glued))
    assert parsed.paragraphs == [
        _PARA,
        "What is Kestrelford",
        "Kestrelford is a TV show based on a series of very long books about rain.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Bora Bora is where the whole family ends up, and nobody is happy about it at all.",
        "The CanCan dancers return for the wedding, and the show gives them the best scene of the night.",
    ],
)
def test_words_said_twice_with_a_space_or_short_stay_whole(line):
    parsed = parse_recap(_article(_PARA, line))
    assert parsed.paragraphs == [_PARA, line]
