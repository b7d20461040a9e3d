"""The general rules behind listicles and galleries (recaps/sequence.py), each both
ways, and a bounded property test: numbered lists in random notations, counting up or
down, with random glue between title and paragraph, come out with every title and
every paragraph intact."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from episodetui.core.recaps import guess_target, parse_recap
from episodetui.core.recaps.guess import episode_in_prose, guess_episode
from episodetui.core.recaps.sequence import longest_count, marker, slide_counters, split_title

# ------------------------------------------------------------------ markers


def test_markers_in_every_notation():
    for text, number in [
        ("1. Title", 1),
        ("2) Title", 2),
        ("3.) Title", 3),
        ("#4 Title", 4),
        ("No. 5: Title", 5),
        ("(6) Title", 6),
        ("[7] Title", 7),
        ("8 - Title", 8),
        ("9 | Title", 9),
        ("IV. Title", 4),
        ("XII: Title", 12),
        ("Three — Title", 3),
        ("Five: Title", 5),
        ("Moment 2: Title", 2),
    ]:
        found = marker(text)
        assert found is not None and found.number == number and found.rest == "Title", text


def test_look_alikes_are_not_markers():
    for text in [
        "12:40 The door opens",  # a time
        "1.5 million people watched",  # a decimal
        "one - the night it rained",  # a word mid-thought
        "ill. by the author",  # a word, not a numeral
        "I think the finale worked.",  # the pronoun
        "2026-03-02 posted",
    ]:
        assert marker(text) is None, text


def test_a_sequence_counts_up_or_down_and_ignores_strays():
    def marks(*texts):
        return [(i, marker(t)) for i, t in enumerate(texts)]

    assert len(longest_count(marks("1. A", "2. B", "3. C"))) == 3
    assert len(longest_count(marks("3. A", "2. B", "1. C"))) == 3
    # a stray numbered line elsewhere does not break the run
    assert len(longest_count(marks("7. Stray", "1. A", "2. B", "3. C"))) == 3
    # numbers that do not count are no list; nor is one item
    assert longest_count(marks("1. A", "3. B", "7. C")) == []
    assert longest_count(marks("1. A")) == []
    # notations do not mix: "I." and "2." are two lists of one
    assert longest_count(marks("I. A", "2. B")) == []


# ------------------------------------------------------------------- splits


def test_title_and_glued_paragraph_split_by_structure():
    para = "The storm knocks out the ferry on the one night everybody needs to leave."
    assert split_title(f"Worst Timing: {para}", alone_ok=False) == ("Worst Timing", para)
    assert split_title(f"Worst Timing — {para}", alone_ok=False) == ("Worst Timing", para)
    assert split_title(f"Worst timing. {para}", alone_ok=False) == ("Worst timing", para)
    assert split_title(f"Worst Timing {para}", alone_ok=False) == ("Worst Timing", para)


def test_a_short_line_over_its_paragraphs_is_all_title():
    assert split_title("The waiting game – but good this time", alone_ok=True) == (
        "The waiting game – but good this time",
        "",
    )
    assert split_title("Otto can't keep a secret, and he knows it.", alone_ok=True) == (
        "Otto can't keep a secret, and he knows it.",
        "",
    )


def test_an_abbreviation_is_not_a_sentence_end_and_prose_has_no_title():
    text = "Mr. Pike has hemmed every coat in the harbour for thirty years, and tonight he talks."
    assert split_title(text, alone_ok=False) is None
    assert (
        split_title("the storm knocks out the ferry on the one night everybody leaves.", alone_ok=False)
        is None
    )


# ------------------------------------------------------------ slide counters


def test_slide_counters_count_pictures_both_ways():
    texts = [
        "Intro text here.",
        "2 of 5 Arden TV",
        "Title",
        "Para.",
        "3 of 5 Photo: X/Arden",
        "4 of 5 Arden TV",
    ]
    assert slide_counters(texts) == {1, 4, 5}
    # one "k of N" line alone, or a sentence, is not a counter
    assert slide_counters(["1 of 5 contestants went home", "Para."]) == set()
    assert slide_counters(["3 of 5 judges agreed.", "4 of 5 judges agreed."]) == set()


# --------------------------------------------------------- whole articles


ROMAN_REVIEW = """Copper Valley review: a slow, careful hour

By Ana Ruiz

I. The setup

The first act spends a long time in the mine office, and it earns every minute of it with small talk that turns out to matter.

II. The performances

Everyone is good, but the foreman is extraordinary in a role that could have been a cliché.

III. The verdict

A patient episode that trusts its audience, and mostly deserves the trust.
"""


def test_roman_numbered_sections_of_a_review_are_not_moments_but_with_a_lead_in_they_are():
    parsed = parse_recap(ROMAN_REVIEW)
    assert parsed.key_moments == []
    assert "I. The setup" in parsed.paragraphs
    led = ROMAN_REVIEW.replace("By Ana Ruiz\n", "By Ana Ruiz\n\nHere are the three moments that stood out.\n")
    parsed = parse_recap(led)
    assert [m.text for m in parsed.key_moments] == ["The setup", "The performances", "The verdict"]


def test_spelled_numbers_with_glued_first_sentence():
    text = (
        "Gilded Harbour Episode 5: Three Scenes That Made It\n\n"
        "One — The confession. Mr. Pike finally says whose coat he burned thirty years ago.\n\n"
        "Two — The piano. Lottie plays her mother's song, gets the middle wrong and keeps going.\n\n"
        "Three — The bell. It rings at midnight with nobody on deck and nobody explains it.\n"
    )
    parsed = parse_recap(text)
    assert [m.text for m in parsed.key_moments] == ["The confession", "The piano", "The bell"]
    assert parsed.paragraphs[0].startswith("Mr. Pike finally")


def test_a_timestamp_in_prose_is_still_not_a_moment():
    text = (
        "Harbour Lights Episode 2 recap\n\n"
        "At (09:33) the lights go out, and the whole harbour holds its breath for a long minute.\n\n"
        "Then the generator coughs back to life and everybody pretends nothing happened at all.\n"
    )
    assert parse_recap(text).key_moments == []


def test_a_table_row_per_moment_in_a_saved_page():
    html = (
        "<html><body><main><h1>Paper Kites episode 7, ranked</h1>"
        "<p>We ranked the episode's three biggest moments, from good to unforgettable.</p>"
        "<table><tr><th>Rank</th><th>Moment</th><th>Why</th></tr>"
        "<tr><td>3</td><td>The festival</td><td>Colour, noise, and one kite that never comes down.</td></tr>"
        "<tr><td>2</td><td>The recipe</td><td>She writes it down and leaves out one ingredient on purpose.</td></tr>"
        "<tr><td>1</td><td>The bridge</td><td>Both families on one bridge, and nobody steps back.</td></tr>"
        "</table></main></body></html>"
    )
    parsed = parse_recap(html)
    assert [m.text for m in parsed.key_moments] == ["The festival", "The recipe", "The bridge"]
    assert not any("Rank" in p for p in parsed.paragraphs)


def test_a_gallery_title_copied_into_its_caption_is_said_once():
    slides = "".join(
        f"0{k} of 03\n\n{title}\n\n{title}\nVale Network\n\n{para}\n\n"
        for k, (title, para) in enumerate(
            [
                ("Harlan Dies", "Nobody was ready to watch him fall in the hallway he built himself."),
                ("The Fire", "The match in her pocket makes the ending hard to argue with, for once."),
                ("The Ship", "The last minute pans up to a ship full of people who should have drowned."),
            ],
            start=1,
        )
    )
    parsed = parse_recap("The 3 Most Shocking Moments of the Cinderfall Finale\n\n" + slides)
    assert [m.text for m in parsed.key_moments] == ["Harlan Dies", "The Fire", "The Ship"]
    assert len(parsed.paragraphs) == 3


# ------------------------------------------------------------------ guesses


def test_roman_episode_and_another_series_episode():
    assert guess_episode("Tidecaller Episode IV Recap") == (1, 4)
    assert guess_episode("Podcast: the Season Two Review – The Revival Series, Episode Two") == (None, None)
    assert guess_episode("Revival, Season Two, Episode Two") == (2, 2)


def test_opening_prose_names_the_episode_only_by_explicit_phrases():
    assert episode_in_prose("In terms of action, the season's third episode did not have much.") == (None, 3)
    assert episode_in_prose("It picks up where last week's episode 2 left off.") == (None, None)
    parsed = parse_recap(
        "'Ironvale' recap: a new captain\n\n"
        "In terms of pure action, the season's third episode did not have much, but a lot was laid down.\n"
    )
    assert guess_target(parsed, ["Ironvale"]).number == 3


# ---------------------------------------------------------------- furniture


def test_spoiler_notes_and_ratings_lines_dropped_and_their_look_alikes_kept():
    text = (
        "Larkhaven 2x11 reactions\n\n"
        "Standard Disclaimer: All the Spoilers, All the Time\n\n"
        "[Editor's Note: We kept spoilers out of the titles.]\n\n"
        "Nationwide ratings had this episode at 30.1%.\n\n"
        "The general walks in and everything we thought about the first season is wrong.\n\n"
        "Her ratings at the bakery are the worst in town, and she knows exactly why.\n"
    )
    parsed = parse_recap(text)
    assert parsed.paragraphs == [
        "The general walks in and everything we thought about the first season is wrong.",
        "Her ratings at the bakery are the worst in town, and she knows exactly why.",
    ]


# ------------------------------------------------------------------ property

_WORDS = "lantern harbour ferry orchard ledger bridge piano letter storm garden kettle window".split()
_ROMAN = "I II III IV V VI VII VIII".split()
_SPELLED = "One Two Three Four Five Six Seven Eight".split()
_NOTATIONS = [
    lambda n: f"{n}. ",
    lambda n: f"{n}) ",
    lambda n: f"#{n} ",
    lambda n: f"({n}) ",
    lambda n: f"No. {n}: ",
    lambda n: f"{_ROMAN[n - 1]}. ",
    lambda n: f"{_SPELLED[n - 1]} — ",
    lambda n: f"{n} - ",
]
_GLUES = ["\n", "\n\n", ": ", " — ", " - ", ". ", " | ", " "]

titles = st.lists(st.sampled_from(_WORDS), min_size=2, max_size=4).map(
    lambda ws: " ".join(w.capitalize() for w in ws)
)
paragraphs = st.lists(st.sampled_from(_WORDS), min_size=7, max_size=14).map(
    lambda ws: "The " + " ".join(ws) + " matters here."
)


@settings(max_examples=150, deadline=None)
@given(
    items=st.lists(st.tuples(titles, paragraphs), min_size=2, max_size=8, unique_by=lambda t: t[0]),
    notation=st.sampled_from(_NOTATIONS),
    glue=st.sampled_from(_GLUES),
    down=st.booleans(),
)
def test_numbered_lists_in_any_notation_and_glue_come_out_intact(items, notation, glue, down):
    numbers = list(range(1, len(items) + 1))
    if down:
        numbers.reverse()
    entries = "\n\n".join(
        f"{notation(n)}{title}{glue}{para}" for n, (title, para) in zip(numbers, items, strict=True)
    )
    text = (
        "Glass Harbor Recap: The Moments That Mattered\n\n"
        "Here are the moments that mattered most this week.\n\n" + entries + "\n"
    )
    parsed = parse_recap(text)
    assert [m.text for m in parsed.key_moments] == [title for title, _ in items]
    for _, para in items:
        assert para in parsed.paragraphs


# ------------------------------------------------------------ round 8's rules


def test_a_bare_number_counts_when_zero_padded_or_in_a_heading_only():
    assert marker("01 The tide chart").number == 1
    assert marker("4 The tide chart", heading=True).number == 4
    assert marker("3 Scenes That Made the Hour") is None
    assert marker("10 Minutes later, the ferry is gone.") is None


def test_a_prefix_every_title_shares_is_a_hint_not_the_title():
    items = "\n\n".join(
        f"{n}. Quill & Ink ep. 12: {title}\n{para}"
        for n, (title, para) in enumerate(
            [
                ("The ink spill", "The whole press room ends up blue and nobody looks up from the desk."),
                ("The night shift", "Two typesetters and one lamp, and a conversation about a brother."),
                (
                    "The last edition",
                    "The final front page is blank except for one line, held until the credits.",
                ),
            ],
            start=1,
        )
    )
    parsed = parse_recap("Every Big Moment of the Quill & Ink Finale, Ranked\n\n" + items + "\n")
    assert [m.text for m in parsed.key_moments] == ["The ink spill", "The night shift", "The last edition"]
    guess = guess_target(parsed, ["Quill & Ink"])
    assert (guess.show_title, guess.number) == ("Quill & Ink", 12)
    # titles that merely start alike keep their words
    other = items.replace("Quill & Ink ep. 12: The night shift", "The night shift")
    parsed = parse_recap("Every Big Moment of the Quill & Ink Finale, Ranked\n\n" + other + "\n")
    assert parsed.key_moments[0].text == "Quill & Ink ep. 12: The ink spill"


def test_the_headline_cut_at_its_punctuation_is_a_caption_but_a_section_heading_stays():
    body = "\n\n".join(
        [
            "Doctor Yun Episode 7 Recap And Ending Explained! Does Hye-jin Survive The Crash?",
            "Some series drip melodrama and we still cannot help falling for them every single weekend.",
            "Doctor Yun Episode 7 Recap And Ending Explained",
            "Doctor Yun Episode 7 Recap",
            "Her husband throws a fit when their daughter chooses art school, and she signs the forms.",
        ]
    )
    parsed = parse_recap(body)
    assert "Doctor Yun Episode 7 Recap And Ending Explained" not in parsed.paragraphs
    assert "Doctor Yun Episode 7 Recap" in parsed.paragraphs


def test_a_spoiler_warning_leads_its_line_and_a_paragraph_ending_in_one_stays():
    text = (
        "Saltmarsh Finale: the moments that got us\n\n"
        "Of course, beware of potential spoilers!\n\n"
        "Saltmarsh went out swinging, and here are the moments that surprised us most. Beware the spoilers!\n\n"
        "The wedding that was not, the boat in the fog, and the letter under the floorboards all land.\n"
    )
    parsed = parse_recap(text)
    assert parsed.paragraphs[0].startswith("Saltmarsh went out swinging")
    assert not any(p.startswith("Of course") for p in parsed.paragraphs)


def test_an_episode_caption_goes_and_feeds_the_guess_but_a_sentence_naming_it_stays():
    text = (
        "Best Ever Episode? Glimmer Ward's Eleventh, Reviewed\n\n"
        "We have written about every episode of this show by now, and to celebrate we are looking back at the "
        "one that stood out above all the rest of them.\n\n"
        "Glimmer Ward (2026) – Ep.11: “Our Friend's Second Betrayal”\n\n"
        "With the ward and the world outside blurring into one, Minoa finds herself outside her own shift.\n\n"
        "In Ep.11, “Betrayal” is the word that everyone in the ward avoids saying out loud.\n\n"
        "The show turns the camera on the people making it, and it is the best thing it has done.\n"
    )
    parsed = parse_recap(text)
    assert not any(p.startswith("Glimmer Ward (2026)") for p in parsed.paragraphs)
    assert (
        "In Ep.11, “Betrayal” is the word that everyone in the ward avoids saying out loud."
        in parsed.paragraphs
    )
    assert guess_target(parsed, ["Glimmer Ward"]).number == 11


# ------------------------------------------------------------ round 9's rules


RANKED = (
    "Fenwick Hall Power Rankings, Week 6\n\n"
    "Last week we had a climb up the bell tower and a look inside the archivist's diary. {lead}\n\n"
    "1. Lady Tamsin: Completely outplayed her nephew at dinner while staying perfectly polite.\n"
    "2. Captain Rhys: Picked up the ransom, scared a banker and gave the best speech of the season.\n"
    "3. Young Alder: Going to be a father, and finally stood up to the old duke about it.\n"
)


def test_a_lead_in_must_say_its_list_holds_moments():
    winners = parse_recap(RANKED.format(lead="Here are this episode's biggest winners, ranked."))
    assert winners.key_moments == []
    assert any(p.startswith("1. Lady Tamsin") for p in winners.paragraphs)
    moments = parse_recap(RANKED.format(lead="Here are this episode's biggest moments, ranked."))
    assert [m.text for m in moments.key_moments] == ["Lady Tamsin", "Captain Rhys", "Young Alder"]
    happened = parse_recap(RANKED.format(lead="Here's what happened this week."))
    assert len(happened.key_moments) == 3


def test_one_title_without_a_paragraph_among_titled_entries_is_still_an_entry():
    text = (
        "Vellmoor Week 9: The Best Moments\n\n"
        "Here are this week's best moments, ranked, from the arena to the harbour and back again.\n\n"
        "1. Graceful Exits: The episode goes out on a high note with a set piece in the old arena.\n\n"
        "2. WINGS!!!! Mara! Dreading! Dueling!\n\n"
        "3. The Harbour: The ships burn while the general watches, and he does not move at all.\n"
    )
    assert [m.text for m in parse_recap(text).key_moments] == [
        "Graceful Exits",
        "WINGS!!!! Mara! Dreading! Dueling!",
        "The Harbour",
    ]
    # a plain numbered list (most items without text of their own) is not a listicle
    plain = (
        "Vellmoor Week 9: The Best Moments\n\n"
        "Here are this week's best moments, ranked, from the arena to the harbour and back again.\n\n"
        "1. Graceful Exits: The episode goes out on a high note with a set piece in the old arena.\n"
        "2. The Wings\n"
        "3. The Harbour\n"
    )
    assert parse_recap(plain).key_moments == []


def test_a_date_is_not_an_episode_and_a_weekly_column_counts_weeks():
    assert guess_episode("Last Week in TV - Week of April 13 - Reviews") == (None, None)
    assert guess_episode("Bento Knights 12 - The Twins' Weakness") == (1, 12)
    assert guess_episode("Stonebridge: Rankings After Season 2, Week 4") == (2, 4)
    assert guess_episode("Stonebridge: Rankings, Week 4") == (None, None)


def test_do_not_read_if_you_have_not_seen_is_a_warning_and_a_numbered_name_is_not_a_count():
    text = (
        "Ashcombe Season 3, Episode 4 Power Ranking\n\n"
        "Note: Do not read on if you have not seen Season 3, Episode 4 of Ashcombe.\n\n"
        "In this episode everyone is being played by someone, and the court plots furiously all hour.\n\n"
        "2) Ysra\n\n"
        "Despite being slapped around for lying, Ysra made more progress in fifteen minutes than in years.\n\n"
        "👍 56 · 💬 12\n"
    )
    parsed = parse_recap(text)
    assert not any(p.startswith("Note:") for p in parsed.paragraphs)
    assert "2) Ysra" in parsed.paragraphs
    assert not any("👍" in p for p in parsed.paragraphs)


def test_the_sentence_right_above_a_headline_is_the_article_but_teasers_further_up_are_not():
    text = (
        "Why does it matter that a hospital drama did a rom-com homage this season?\n\n"
        "If You Like This, Watch That\n\n"
        "August 10, 2026\n\n"
        "Every week we rank the characters of Stonebridge as they play the game for the crown.\n\n"
        "Stonebridge Power Alley: Character Rankings After Season 2, Week 4\n\n"
        "Queen Adela went back to her roots and won the battle at the river by herself this week.\n"
    )
    parsed = parse_recap(text)
    assert parsed.paragraphs[0].startswith("Every week we rank")
    assert not any(p.startswith("Why does it matter") for p in parsed.paragraphs)
