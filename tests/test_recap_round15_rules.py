"""The general rules added after round 15 of held-out recap articles, each tested both
ways: the shape it is for, and the look-alike it must leave alone."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from episodetui.core.html_blocks import PARAGRAPH, Block
from episodetui.core.recaps import guess_target, parse_recap
from episodetui.core.recaps.furniture import kind_of_drop

_PARA = (
    "The whole hour turns on one quiet conversation in the kitchen, and it is the best scene of the year. "
    "Nobody raises a voice, nobody leaves the room, and by the end everything has changed."
)
_TITLES = ["The rooftop umbrella", "Grandmother's rice cakes", "The accountant's slip"]


def _numbered(marks: list[str], headline: str = "Moonlit Ledger ep 8 - the moments I keep replaying") -> str:
    parts = [headline, "", "Ep 8 was a lot, so here goes.", ""]
    for mark, title in zip(marks, _TITLES, strict=True):
        parts += [f"{mark}{title}", "Short, sharp and the best thing in the episode, I think.", ""]
    return "\n".join(parts)


def test_numbers_with_a_slash_number_a_list():
    parsed = parse_recap(_numbered(["1/ ", "2/ ", "3/ "]))
    assert [m.text for m in parsed.key_moments] == _TITLES
    assert parsed.paragraphs.count("Short, sharp and the best thing in the episode, I think.") == 3


def test_a_slash_between_numbers_is_not_a_marker():
    # "1/2" stays part of the line. Since round 17 each short line of this copied text is
    # its own block, so under a "moments" headline they may still be unnumbered titles,
    # but never titles with the "1/2" taken off as a number.
    for marks in (["1/2 ", "2/2 ", "3/2 "], ["24/7 ", "24/7 ", "24/7 "]):
        moments = [m.text for m in parse_recap(_numbered(marks)).key_moments]
        assert all(text.startswith(mark.strip()) for text, mark in zip(moments, marks, strict=False))
        assert not set(moments) & set(_TITLES)


def _alternating(items: list[str], headline: str = "5 WTF moments from Hollow Crown Inn episode 9") -> str:
    lis = "".join(f"<li>{item}</li>" for item in items)
    return (
        f"<html><head><title>{headline}</title></head><body><article><h1>{headline}</h1>"
        f"<p>Hollow Crown Inn has never been a subtle show, but episode 9 went further than ever before.</p>"
        f"<ol>{lis}</ol><p>See you next week, when it can only get stranger.</p></article></body></html>"
    )


_PAIRS = [
    "<strong>The innkeeper's twin</strong>",
    "We had no idea Bertram had a brother, and neither, it seems, did Bertram.",
    "<strong>A goat in the ballroom</strong>",
    "No explanation is given, and the goat stays for the rest of the episode.",
    "<strong>The portrait that blinks</strong>",
    "It happens twice, and the second time the camera holds on it for a long while.",
]


def test_list_items_taking_turns_as_title_and_text_are_key_moments():
    parsed = parse_recap(_alternating(_PAIRS))
    assert [m.text for m in parsed.key_moments] == [
        "The innkeeper's twin",
        "A goat in the ballroom",
        "The portrait that blinks",
    ]
    assert parsed.key_moments[1].detail.startswith("No explanation is given")
    assert "No explanation is given, and the goat stays for the rest of the episode." in parsed.paragraphs


def test_list_items_taking_turns_need_the_words_of_a_list_or_every_item_to_fit():
    parsed = parse_recap(_alternating(_PAIRS, headline="Hollow Crown Inn episode 9 recap"))
    assert parsed.key_moments == []
    parsed = parse_recap(_alternating([*_PAIRS, "<strong>A title with nothing under it</strong>"]))
    assert parsed.key_moments == []
    sentences = [p for p in _PAIRS if not p.startswith("<strong>")]
    parsed = parse_recap(_alternating(sentences * 2))
    assert parsed.key_moments == []


_QUOTES = [
    "\"You don't get to be tired, you're the one who wanted the shop.\"",
    '"Then I\'ll carry it."',
    '"Close the shutters, love."',
]


def _quoted(lead_in: str, headline: str = "Brassfield episode 4") -> str:
    parts = [headline, "", lead_in, ""]
    for quote in _QUOTES:
        parts += [quote, _PARA, ""]
    return "\n".join(parts)


def test_quotation_lines_over_prose_after_a_lead_in_are_titles():
    parsed = parse_recap(_quoted("These are the lines, and the moments around them, we loved most."))
    assert [m.text for m in parsed.key_moments] == _QUOTES
    assert parsed.paragraphs.count(_PARA) == 3


def test_quotation_lines_over_prose_without_a_lead_in_stay_paragraphs():
    parsed = parse_recap(
        _quoted("Brassfield has always lived on its dialogue, and this week was no different.")
    )
    assert parsed.key_moments == []
    assert _QUOTES[1] in parsed.paragraphs


def _weekly(
    intro: str, under: str | None, headline: str = "Paper Cranes Week 3: The Moments That Broke Us"
) -> str:
    parts = [headline, "", intro, ""]
    for number, title in enumerate(
        ["The crane on the sill", "Grandfather's radio", "The bus stop in the rain"], 1
    ):
        parts += [f"{number}. {title}"] + ([under.format(number + 4)] if under else []) + [_PARA, ""]
    return "\n".join(parts)


def test_an_episode_line_under_the_first_title_is_not_the_headline_after_a_short_intro():
    for under in ('Episode {}, "Long Field"', "Episode {}"):
        parsed = parse_recap(_weekly("Two episodes this week, four moments.", under))
        assert parsed.headline == "Paper Cranes Week 3: The Moments That Broke Us", under
        assert [m.text for m in parsed.key_moments] == [
            "The crane on the sill",
            "Grandfather's radio",
            "The bus stop in the rain",
        ], under


def test_an_episode_line_that_opens_the_page_is_still_its_headline():
    parsed = parse_recap("\n\n".join(['Episode 5: "Long Field"', _PARA, _PARA + " Again."]))
    assert parsed.headline == 'Episode 5: "Long Field"'


def test_bare_episode_lines_under_each_title_are_the_entries_text_and_name_no_episode():
    parsed = parse_recap(_weekly("Two episodes this week, four moments.", "Episode {}"))
    assert [p for p in parsed.paragraphs if p.startswith("Episode ")] == [
        "Episode 5",
        "Episode 6",
        "Episode 7",
    ]
    assert parsed.key_moments[0].detail.startswith("Episode 5")
    found = guess_target(parsed, ["Paper Cranes"])
    assert (found.show_title, found.number) == ("Paper Cranes", None)


def test_a_bare_episode_line_between_paragraphs_still_goes():
    parsed = parse_recap("\n\n".join(["Paper Cranes episode 6 recap", _PARA, "Episode 5", _PARA + " Again."]))
    assert "Episode 5" not in parsed.paragraphs


def test_a_first_line_that_reads_like_a_label_is_the_headline_over_prose():
    intro = (
        "Two episodes this week, four moments, and not nearly enough tissues for any of us watching at home, "
        "which is a real problem for everyone involved."
    )
    for headline in ("The Moments That Broke Us", "Paper Cranes: best moments"):
        parsed = parse_recap(_weekly(intro, None, headline=headline))
        assert parsed.headline == headline
        assert len(parsed.key_moments) == 3


def test_a_label_over_its_own_list_is_not_a_headline():
    parsed = parse_recap(
        "Key moments:\n- The crane on the sill\n- Grandfather's radio\n- The bus stop in the rain\n"
    )
    assert parsed.headline == ""
    assert [m.text for m in parsed.key_moments] == [
        "The crane on the sill",
        "Grandfather's radio",
        "The bus stop in the rain",
    ]


_DETAILS = [
    "Gil has spent two seasons dodging the question, and he answers it in a single sentence while mending a net.",
    "It is the first time the show has let her win outright, and she does it with a kitchen match.",
    "Everyone waits on the slipway for the morning boat, and it never arrives at all that day.",
]
_SALT = ["The Harbour Master's Confession", "Nessa Burns the Ledger", "The Ferry Does Not Come"]


def _saltmarsh(marks: list[str], tail: list[str] | None = None, sep: str = "\n", headline: str = "") -> str:
    parts = [
        headline or "Saltmarsh Lane 2x06: the three best moments",
        "",
        "After a slow build, the village boils over.",
        "",
    ]
    for mark, title, detail in zip(marks, _SALT, _DETAILS, strict=True):
        parts += [f"{mark}{title}{sep}{detail}", ""]
    return "\n".join(parts + (tail or []))


def test_ordinal_words_and_more_number_notations_count_a_list():
    for marks in (
        ["First: ", "Second: ", "Third: "],
        ["1.- ", "2.- ", "3.- "],
        ["1 . ", "2 . ", "3 . "],
        ["1\ufe0f\u20e3 ", "2\ufe0f\u20e3 ", "3\ufe0f\u20e3 "],
    ):
        parsed = parse_recap(_saltmarsh(marks))
        assert [m.text for m in parsed.key_moments] == _SALT, marks


def test_ordinal_words_in_prose_are_not_markers():
    parsed = parse_recap(
        "\n\n".join(
            [
                "Saltmarsh Lane 2x06 recap",
                "First, the good news: the ferry runs again, and the whole village turns out to watch it go.",
                "Second, the bad news: Gil has not said a word to anyone since the storm, and nobody asks.",
                "Third, and worst, the key is gone, and the lighthouse is dark for the first time in years.",
            ]
        )
    )
    assert parsed.key_moments == []
    assert len(parsed.paragraphs) == 3


def test_bold_run_in_titles_in_copied_text_are_read_as_markdown():
    parsed = parse_recap(_saltmarsh(["**1. ", "**2. ", "**3. "], sep=".** "))
    assert [m.text for m in parsed.key_moments] == _SALT
    assert all(not p.startswith("*") for p in parsed.paragraphs)
    assert _DETAILS[0] in parsed.paragraphs


def test_one_bold_run_in_line_is_not_enough_to_read_markdown():
    parsed = parse_recap("Saltmarsh Lane 2x06 recap\n\n**Gil** has spent two seasons dodging the question.\n")
    assert parsed.format == "text"


_LINKS = ["Saltmarsh Lane season 2: every episode ranked", "Who is the stranger on the Saltmarsh Lane ferry?"]


def test_links_to_more_coverage_after_a_list_go_and_do_not_stop_it():
    for marks in (["1. ", "2. ", "3. "], ["", "", ""]):
        parsed = parse_recap(_saltmarsh(marks, ["Advertisement", *_LINKS, "Advertisement"]))
        assert [m.text for m in parsed.key_moments] == _SALT, marks
        assert not set(_LINKS) & set(parsed.paragraphs), marks
        assert parsed.key_moments[-1].detail == _DETAILS[-1], marks


def test_short_lines_after_a_list_that_name_no_show_stay():
    tail = ["Until next week", "Stay dry out there"]
    parsed = parse_recap(_saltmarsh(["1. ", "2. ", "3. "], tail))
    assert [m.text for m in parsed.key_moments] == _SALT
    assert parsed.key_moments[-1].detail.endswith(
        "Until next week\n\nStay dry out there"
    )  # not cut off as links


def test_questions_under_words_that_say_the_article_asks_are_titles():
    questions = ["Who sent the letter?", "Why did the miller stay behind?", "Is Vane coming back?"]
    for headline in ("Gloamwood finale: what we still want to know", "Gloamwood finale: the mysteries left"):
        parts = [headline, "", "The finale answered one thing and nothing else.", ""]
        for question, detail in zip(questions, _DETAILS, strict=True):
            parts += [question, detail, ""]
        parsed = parse_recap("\n".join(parts))
        assert [m.text for m in parsed.key_moments] == questions, headline


def test_question_lines_in_a_recap_that_says_nothing_of_asking_stay():
    questions = ["Who sent the letter?", "Why did the miller stay behind?", "Is Vane coming back?"]
    parts = ["Gloamwood finale recap", "", "The finale answered one thing and nothing else.", ""]
    for question, detail in zip(questions, _DETAILS, strict=True):
        parts += [question, detail, ""]
    parsed = parse_recap("\n".join(parts))
    assert parsed.key_moments == []
    assert questions[0] in parsed.paragraphs


def test_where_to_watch_lines_worded_a_new_way_go():
    for line in (
        "Brassfield is on Larkspur every Wednesday at 9.",
        "New episodes of Starfall Courier arrive every Saturday on Kumo Stream.",
    ):
        assert kind_of_drop(Block(PARAGRAPH, line)) == "availability", line


def test_a_character_who_is_somewhere_every_week_is_not_where_to_watch():
    for line in (
        "She is on the ferry every Sunday, and nobody asks her why.",
        "New episodes of grief arrive every time the bell rings.",
    ):
        assert kind_of_drop(Block(PARAGRAPH, line)) is None, line


def test_a_forums_row_of_actions_is_community_furniture():
    assert kind_of_drop(Block(PARAGRAPH, "Reply  Quote  Like (12)")) == "community"
    assert kind_of_drop(Block(PARAGRAPH, "Quote the line, like she did.")) is None


def _page(items: str, headline: str = "Saltmarsh Lane 2x06: the three best moments") -> str:
    return (
        f"<html><head><title>{headline}</title></head><body><article><h1>{headline}</h1>"
        "<p>After last week's slow build, the village finally boils over. Here are the moments we keep replaying.</p>"
        f"{items}<p>Saltmarsh Lane airs Tuesdays on Brineline.</p></article></body></html>"
    )


def test_the_numbers_an_ordered_list_shows_number_its_title_items():
    pairs = list(zip(_SALT, _DETAILS, strict=True))
    one_item_lists = "".join(
        f'<ol start="{n}"><li><strong>{t}</strong></li></ol><p>{d}</p>' for n, (t, d) in enumerate(pairs, 1)
    )
    nested = "<ol>" + "".join(f"<li><strong>{t}</strong><p>{d}</p></li>" for t, d in pairs) + "</ol>"
    for items in (one_item_lists, nested):
        parsed = parse_recap(_page(items))
        assert [m.text for m in parsed.key_moments] == _SALT, items
        assert _DETAILS[1] in parsed.paragraphs


def test_an_ordered_list_of_titles_with_no_prose_under_them_is_not_a_list_of_moments():
    toc = "<ol>" + "".join(f"<li>{t}</li>" for t in _SALT) + "</ol>"
    parsed = parse_recap(
        _page(toc + "".join(f"<p>{d}</p>" for d in _DETAILS), headline="Saltmarsh Lane 2x06 recap")
    )
    assert parsed.key_moments == []
    assert all(d in parsed.paragraphs for d in _DETAILS)


def test_a_bare_number_before_a_bold_title_numbers_it():
    items = "".join(
        f'<div class="item"><span class="num">{n}</span><strong>{t}</strong></div><p>{d}</p>'
        for n, (t, d) in enumerate(zip(_SALT, _DETAILS, strict=True), 1)
    )
    parsed = parse_recap(_page(items))
    assert [m.text for m in parsed.key_moments] == _SALT


def test_a_bare_number_before_plain_words_is_not_a_marker():
    items = "".join(f"<p>{n} {d}</p>" for n, d in enumerate(_DETAILS, 1))
    parsed = parse_recap(_page(items, headline="Saltmarsh Lane 2x06 recap"))
    assert parsed.key_moments == []


def test_unnumbered_titles_ending_in_a_colon_or_bulleted_over_prose_are_titles():
    for marks in (["", "", ""], ["• ", "• ", "• "], ["- **", "- **", "- **"]):
        text = _saltmarsh(marks, sep="**\n" if marks[0].endswith("**") else "\n")
        parsed = parse_recap(text)
        assert [m.text for m in parsed.key_moments] == _SALT, marks
    parsed = parse_recap(_saltmarsh(["", "", ""], sep=":\n"))
    assert [m.text for m in parsed.key_moments] == _SALT
    assert parsed.paragraphs[1:] == _DETAILS


def test_colon_and_bulleted_titles_need_a_headline_or_lead_in_that_says_list():
    for sep, marks in ((":\n", ["", "", ""]), ("\n", ["• ", "• ", "• "])):
        parsed = parse_recap(_saltmarsh(marks, sep=sep, headline="Saltmarsh Lane 2x06 recap"))
        assert parsed.key_moments == [], marks
        assert _DETAILS[0] in parsed.paragraphs


def test_bullets_in_a_row_over_one_paragraph_are_not_titles():
    parsed = parse_recap(
        "\n".join(["Saltmarsh Lane 2x06: the best moments", "", *[f"• {t}" for t in _SALT], "", _DETAILS[0]])
    )
    assert parsed.key_moments == []
    assert parsed.paragraphs == [f"• {t}" for t in _SALT] + [_DETAILS[0]]


_LONG = [
    "Toby's face of utter shock when Kevin describes the exhausting step-by-step process of meeting anyone at all.",
    "When Randall spits the truth about it being better to have three good friends than lots of fake ones.",
    "When William drags Randall on a long journey to find the perfect pair of sunglasses for the summer.",
]


def _tidewater(sep: str, titles: list[str]) -> str:
    parts = [
        "6 of the Best Moments From This Week's Tidewater Hall",
        "",
        "Every week the show finds a new way to make me cry on the bus home. Here are the best moments from this week.",
        "",
    ]
    for number, (title, detail) in enumerate(zip(titles, _DETAILS, strict=True), 1):
        parts += [f"{number}. {title}{sep}{detail}", ""]
    return "\n".join(parts)


def test_a_long_one_sentence_title_alone_on_its_line_over_its_text_is_a_title():
    parsed = parse_recap(_tidewater("\n", _LONG))
    assert [m.text for m in parsed.key_moments] == _LONG
    quotes = [
        '"Do you know how many people in the harbour would love to see the mayor\'s name on a gravestone?"',
        '"I never asked you to stay, I asked you to stop pretending you were leaving every single night."',
        '"If the bell rings again tonight, you will all know exactly who was standing in the tower."',
    ]
    parsed = parse_recap(_tidewater("\n", quotes))
    assert [m.text for m in parsed.key_moments] == quotes


def test_a_numbered_line_longer_than_a_sentence_title_is_not_one():
    longer = [
        t[:-1] + ", and then the whole room goes quiet for a very long time before anyone speaks."
        for t in _LONG
    ]
    parsed = parse_recap(_tidewater("\n", longer))
    assert parsed.key_moments == []


def test_two_spaces_after_a_long_first_sentence_set_a_run_in_title_apart():
    parsed = parse_recap(_tidewater("  ", _LONG))
    assert [m.text for m in parsed.key_moments] == [t.rstrip(".") for t in _LONG]
    assert _DETAILS[2] in parsed.paragraphs


def test_two_spaces_after_every_sentence_set_nothing_apart():
    details = [d.replace(", and ", ".  And ") for d in _DETAILS]
    parts = ["6 of the Best Moments From This Week's Tidewater Hall", "", "Here are the best moments.", ""]
    for number, (title, detail) in enumerate(zip(_LONG, details, strict=True), 1):
        parts += [f"{number}. {title}  {detail}", ""]
    parsed = parse_recap("\n".join(parts))
    assert parsed.key_moments == []


def _sections(intro: str) -> str:
    heads = "".join(
        f"<h2>{t}</h2><p>{d}</p>"
        for t, d in zip(["The soup", "The fish", "The roast"], _DETAILS, strict=True)
    )
    return (
        "<html><body><article><h1>Greyharbour recap, season 2 episode 4</h1>"
        f"<p>{intro}</p>{heads}</article></body></html>"
    )


def test_a_lead_in_that_only_talks_about_highlights_does_not_make_sections_a_list():
    parsed = parse_recap(
        _sections("The highlights of this season have all been quiet scenes, and this is the quietest yet.")
    )
    assert parsed.key_moments == []
    assert "The fish" in parsed.paragraphs


def test_a_lead_in_that_points_at_the_highlights_makes_them_a_list():
    for lead_in in (
        "It was a quiet one, but it had its moments. Here are the highlights.",
        "It was a quiet one, but three moments stood out.",
        "It was a quiet one, with three scenes worth a second look.",
    ):
        parsed = parse_recap(_sections(lead_in))
        assert [m.text for m in parsed.key_moments] == ["The soup", "The fish", "The roast"], lead_in


_ASKED = ["Can Ada's Map Work?", "Can Ada Trust Her Sister?", "Why Did The Ferryman Lie?"]


def _asked(pointer: str) -> str:
    parts = ["Vesper Bay: 3 Questions Fans Have After Episode 2", "", _DETAILS[0], "", pointer, ""]
    for question, detail in zip(_ASKED, _DETAILS, strict=True):
        parts += [question, detail, ""]
    return "\n".join(parts)


def test_a_here_are_line_ending_in_a_colon_right_above_a_list_only_points_at_it():
    for pointer in (
        'Here are 3 questions we have after episode 2, "Low Water":',
        "Here are the three questions we keep coming back to after this one:",
    ):
        parsed = parse_recap(_asked(pointer))
        assert [m.text for m in parsed.key_moments] == _ASKED, pointer
        assert pointer not in parsed.paragraphs, pointer


def test_a_colon_line_that_says_something_of_its_own_stays():
    line = "Ada says only one thing to the ferryman all night, and it is this:"
    parsed = parse_recap(_asked(line))
    assert line in parsed.paragraphs


_ORDINALS = "First Second Third Fourth Fifth Sixth Seventh Eighth".split()
_NEW_NOTATIONS = [
    lambda n: f"{n}/ ",
    lambda n: f"{_ORDINALS[n - 1]}: ",
    lambda n: f"{n}.- ",
    lambda n: f"{n} . ",
    lambda n: f"{n}\ufe0f\u20e3 ",
    lambda n: f"{n}.",
    lambda n: f"{n})",
]
_WORDS = "lantern harbour ferry orchard ledger bridge piano letter storm garden kettle window".split()


@settings(max_examples=120, deadline=None)
@given(
    items=st.lists(
        st.tuples(
            st.lists(st.sampled_from(_WORDS), min_size=2, max_size=4).map(
                lambda ws: " ".join(w.capitalize() for w in ws)
            ),
            st.lists(st.sampled_from(_WORDS), min_size=7, max_size=14).map(
                lambda ws: "The " + " ".join(ws) + " matters here."
            ),
        ),
        min_size=3,
        max_size=8,
        unique_by=lambda t: t[0],
    ),
    notation=st.sampled_from(_NEW_NOTATIONS),
    glue=st.sampled_from(["\n", "\n\n", " — ", ": "]),
    down=st.booleans(),
)
def test_round_15s_notations_in_any_glue_and_order_come_out_intact(items, notation, glue, down):
    numbers = list(range(1, len(items) + 1))
    if down:
        numbers.reverse()
    entries = "\n\n".join(f"{notation(n)}{t}{glue}{p}" for n, (t, p) in zip(numbers, items, strict=True))
    parsed = parse_recap(
        "Glass Harbor Recap: The Moments That Mattered\n\nHere are the moments that mattered most.\n\n"
        + entries
    )
    assert [m.text for m in parsed.key_moments] == [t for t, _ in items]
    for _, paragraph in items:
        assert paragraph in parsed.paragraphs
