"""The general rules added after round 5 of held-out recap articles. Each rule is tested
both ways: the shape it is for, and the look-alike it must leave alone; and the parser
never fails on hostile mixes of these shapes."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from episodetui.core.errors import EpisodeTuiError
from episodetui.core.html_blocks import PARAGRAPH, Block
from episodetui.core.recaps import guess_target, parse_recap
from episodetui.core.recaps.furniture import kind_of_drop, looks_like_caption


def _moments(text: str) -> list[str]:
    return [m.text for m in parse_recap(text).key_moments]


# ------------------------------------------------------------------ listicle titles


def test_a_labelled_number_with_an_adjective_is_a_moment_title():
    text = (
        "Recap: Tern Bay Episode 5 Big Moments\n\n"
        "The episode picks up at the party, where everything goes wrong at once.\n\n"
        "Big moment #1: The fall\n\nHe walks into a glass door and the cameras love it.\n\n"
        "Big moment #2: The shoot\n\nA group date turns into a magazine cover, awkwardly.\n"
    )
    parsed = parse_recap(text)
    assert [m.text for m in parsed.key_moments] == ["The fall", "The shoot"]
    assert not any(p.startswith("Big moment") for p in parsed.paragraphs)


def test_a_title_run_into_its_text_after_a_dash_is_split():
    text = (
        "Quietfloor 1x07 - my favourite moments\n\n"
        "I keep thinking about these two scenes from the episode this week:\n\n"
        "1) The elevator ride - Dana finally says it out loud, and the music keeps playing.\n"
        "2) The vending machine - a tiny scene, but the first kindness anyone shows Milo.\n"
    )
    parsed = parse_recap(text)
    assert [m.text for m in parsed.key_moments] == ["The elevator ride", "The vending machine"]
    assert parsed.paragraphs[1].startswith("Dana finally says it")


def test_a_dash_in_a_numbered_review_section_without_evidence_stays_text():
    text = (
        "Tern Bay review: a slow second week\n\n"
        "The second episode is long and it feels longer than it is.\n\n"
        "1) The setup - it takes twenty minutes to unpack a single crate of maps.\n"
        "2) The verdict - not a bad episode, only a tired one that needs the expedition.\n"
    )
    assert parse_recap(text).key_moments == []


def test_a_title_holding_an_episode_code_is_split_at_its_colon():
    text = (
        "Top 3 Moments from the Ashgrove Premiere\n\n"
        "1. The mirror: I loved that the show opened on the mirror again this week.\n"
        "2. The letter (2.01): The letter from the solicitor changes everything for them.\n"
        "3. The knock: I did not expect the door, or who was standing behind it.\n"
    )
    assert _moments(text) == ["The mirror", "The letter (2.01)", "The knock"]


def test_a_short_sentence_alone_on_its_numbered_line_is_a_title_when_paragraphs_follow():
    text = (
        "The 3 Things We Learned From Quarry Lane Episode 3\n\n"
        "Without further ado, here are the 3 things we learned.\n\n"
        "1. Otto can't keep a secret, and he knows it.\n\nHe answers the question to a goat.\n\n"
        "2. The vicar has a past\n\nA photograph on his desk changes every scene.\n\n"
        "3. Never trust the forecast.\n\nThe storm does not miss the village.\n"
    )
    assert _moments(text)[0] == "Otto can't keep a secret, and he knows it."


def test_numbered_sentences_with_nothing_under_them_are_not_titles():
    text = (
        "Quarry Lane episode 3: what we learned\n\n"
        "Here is what we learned this week.\n\n"
        "1. Otto can't keep a secret, and he knows it.\n"
        "2. The vicar has a past, and it is in a photograph.\n"
        "3. The storm does not miss the village.\n"
    )
    parsed = parse_recap(text)
    assert parsed.key_moments == []
    assert len(parsed.paragraphs) == 4


def test_a_rank_glued_to_a_bold_title_in_a_page_is_a_moment():
    html = (
        "<html><body><article><h1>Driftwood Bay episode 2: the moments that mattered</h1>"
        "<p>The 3, in order.</p><ul>"
        "<li><span>#01</span><strong>The ferry.</strong><span>Everyone on one boat, and a joke for each.</span></li>"
        "<li><span>#02</span><strong>The meeting.</strong><span>Half an hour of shouting about a bridge.</span></li>"
        "<li><span>#03</span><strong>The lamp.</strong><span>No dialogue for four minutes at dusk.</span></li>"
        "</ul></article></body></html>"
    )
    parsed = parse_recap(html)
    assert [m.text for m in parsed.key_moments] == ["The ferry", "The meeting", "The lamp"]
    assert "Everyone on one boat, and a joke for each." in parsed.paragraphs


def test_a_number_inside_the_bold_title_is_not_part_of_the_moment():
    html = (
        "<html><body><article><h1>Best moments from Copperline episode 6</h1>"
        "<p>Here are the best moments, in the order they happen.</p>"
        "<p><strong>1. The signal box</strong><br>Eli climbs it in the rain and finds the log.</p>"
        "<p><strong>2. Margit's lie</strong><br>She says she was home; the show cuts to the station.</p>"
        "</article></body></html>"
    )
    assert _moments(html) == ["The signal box", "Margit's lie"]


def test_an_indented_sentence_under_a_short_numbered_title_is_its_paragraph():
    text = (
        "My 3 favourite bits of Quill & Ink episode 4\n\n"
        "These are my favourites, not ranked.\n"
        "  1. The typewriter fight\n    For the montage of every key jamming at once.\n"
        "  2. Audition day\n    For the landlady singing the whole hymn, badly.\n"
        "  3. The telegram\n    For the last line.\n"
    )
    parsed = parse_recap(text)
    assert [m.text for m in parsed.key_moments] == ["The typewriter fight", "Audition day", "The telegram"]
    assert "For the last line." in parsed.paragraphs


def test_a_wrapped_list_item_still_joins_its_next_line():
    text = (
        "Tern Bay episode 2 recap\n\n"
        "The episode had a lot going on this week, as usual.\n\n"
        "Key moments:\n"
        "- The keeper finally\n  reveals the forged log.\n"
        "- Nell reads the letter\n  aloud at the meeting.\n"
    )
    assert _moments(text) == [
        "The keeper finally reveals the forged log.",
        "Nell reads the letter aloud at the meeting.",
    ]


def test_heading_titles_under_the_lists_own_heading_stop_at_the_next_section():
    text = (
        "# Saltmarsh: What We Learned This Week\n\n"
        "Episode 4 was calm. Here are three things we learned, and what comes next.\n\n"
        "## What We Learned\n\n"
        "### Ada knows\n\nShe finds the deed in her father's coat.\n\n"
        "### Bram is still Bram. Kind of?\n\nHe spends the dinner proving he has not changed.\n\n"
        "### The village stays\n\nNobody moves when the order is read.\n\n"
        "## What Comes Next\n\n### The sea wall\n\nIt was built for a smaller flood.\n"
    )
    parsed = parse_recap(text)
    assert [m.text for m in parsed.key_moments] == [
        "Ada knows",
        "Bram is still Bram. Kind of?",
        "The village stays",
    ]
    assert "What We Learned" not in parsed.paragraphs
    assert "The sea wall" in parsed.paragraphs


# ------------------------------------------------------------------------ furniture


def _kind(text: str) -> str | None:
    return kind_of_drop(Block(PARAGRAPH, text))


def test_credits_and_lines_about_the_post_are_furniture():
    for line in (
        "Directed By Sam Orlov",
        "Aired (Streamline) 1/8/2026",
        "This article is written by a student writer from the Campus Pulse at Riverside chapter.",
        "This entry is part 7 of 16 in the post series Paper Crane Hotel Recap",
        "This content contains pertinent spoilers.",
        "Upvotes",
        "Permalink: You're not real. You're not real.",
        "Where do you stand on the tea? Hit the comments below.",
        "Want to relive past discussions? Take a look at our archive!",
    ):
        assert _kind(line), line


def test_their_look_alikes_in_prose_are_kept():
    for line in (
        "The episode was directed by Sam Orlov, and you can tell from the first shot that he loves the sea.",
        "She aired her grievances at dinner, loudly, and nobody stopped her.",
        "This article of clothing is part of the plot: the coat holds the deed.",
        'Episode Discussion: 1.03 "The Salt Road"',
    ):
        assert _kind(line) is None, line


def test_a_line_that_describes_a_still_or_ends_in_a_file_name_is_a_caption():
    assert looks_like_caption("Jory saying he will reveal who called out Merce", "")
    assert looks_like_caption("Karin commenting on Adam's message.", "")
    assert looks_like_caption("Marla ConvincedHR26", "")
    assert not looks_like_caption("Mara walking to the bridge is the best shot of the whole season.", "")
    assert not looks_like_caption("Something amazing happens at the lake", "")


def test_the_line_naming_the_episode_under_the_headline_is_dropped_but_a_later_one_is_kept():
    text = (
        "Finding Spring Episode 7 Recap\n\n"
        'Episode #7: "It is your first love"\n\n'
        "We start episode 7 replaying the exchange between Kang Min and Seo Yeon.\n\n"
        "Episode 8: the next one looks even better, judging by the preview.\n"
    )
    parsed = parse_recap(text)
    assert parsed.paragraphs[0].startswith("We start")
    assert parsed.paragraphs[-1].startswith("Episode 8:")


def test_reddit_comments_and_forum_rules_are_dropped_but_a_bullet_list_is_kept():
    text = (
        "Lowtide 1x03 - Post-Episode Discussion\n\n"
        "This thread is for discussion of the third episode, released on Thursday this week, and for nothing else.\n"
        "What I noticed on the rewatch:\n"
        "- The salt road map is upside down.\n"
        "- The ferryman never blinks.\n\n"
        "Other things to keep in mind before posting:\n"
        "- Discussing piracy is against our rules.\n"
        "- Critiques must be constructive.\n"
        "u/harbourlight May 20 '26\n"
        "SECRET comment that should never be a paragraph of the recap at all.\n"
    )
    parsed = parse_recap(text)
    joined = "\n".join(parsed.paragraphs)
    assert "The ferryman never blinks." in joined
    assert "piracy" not in joined and "SECRET" not in joined


def test_read_more_between_paragraphs_drops_one_line_and_at_the_end_everything_after():
    middle = (
        "# Stillwater premiere, ranked\n\nWe ranked every big moment of the premiere this week.\n\n"
        "**Read more:** [Stillwater season 1, ranked](/x)\n\n"
        "The flood gauge creeps up by the bridge, and that one shot does more than the dialogue.\n"
    )
    assert parse_recap(middle).paragraphs[-1].startswith("The flood gauge")
    end = (
        middle
        + "\nRead more: Another recap\n\nStillwater episode 2 recap\n\nStillwater: the cast on the flood\n"
    )
    assert parse_recap(end).paragraphs[-1].startswith("The flood gauge")


def test_a_caption_repeated_under_each_picture_and_a_table_of_contents_are_dropped():
    text = (
        "Top 3 Moments From Ferris Lane Episode 4\n\n"
        "- The Parking Lot\n- The Toast\n- The Kiss\n\n"
        "These are the three moments from episode 4 we will still be talking about.\n\n"
        "#3: The Parking Lot\nFerris Lane (2026-)\nTwo neighbours fight over a space for six minutes.\n\n"
        "#2: The Toast\nFerris Lane (2026-)\nGil's toast goes wrong in the first sentence.\n\n"
        "#1: The Kiss\nFerris Lane (2026-)\nWe all saw it coming, and it still landed.\n"
    )
    parsed = parse_recap(text)
    assert [m.text for m in parsed.key_moments] == ["The Parking Lot", "The Toast", "The Kiss"]
    assert not any("2026-" in p or p.startswith("•") for p in parsed.paragraphs)


def test_a_sentence_said_twice_is_not_a_repeated_caption():
    text = (
        "Hollow Pines episode 5 review\n\nZia hears it in the night.\n\n"
        "You're not real.\n\nShe says it again in the morning.\n\nYou're not real.\n"
    )
    assert parse_recap(text).paragraphs.count("You're not real.") == 2


def test_pros_and_cons_stay_together_in_the_body():
    text = (
        "Black Meridian Episode 4 Review\n\n"
        "The story was the weakest so far, but the ending is the best of the series.\n\n"
        "+Tough choices\n+Best ending of the series\n-Weaker story\n\n"
        "—The Review Desk\n"
    )
    parsed = parse_recap(text)
    assert parsed.paragraphs[-1] == "+Tough choices +Best ending of the series -Weaker story"


# ---------------------------------------------------------------------------- guess


def test_the_episode_from_a_deck_when_the_headline_names_none():
    text = "# Saltmarsh: What We Learned\n\n*The flood is coming, and episode 4 knows it.*\n\nA long calm hour before the storm.\n"
    guess = guess_target(parse_recap(text), ["Saltmarsh"])
    assert (guess.show_title, guess.number) == ("Saltmarsh", 4)


def test_episode_with_a_dotted_code_and_a_premieres_season_from_its_code():
    parsed = parse_recap(
        "Gridiron Hearts Episode, 5.8, Live-Tweet Recap\n\nWhat a night of tweeting it was.\n"
    )
    guess = guess_target(parsed, ["Gridiron Hearts"])
    assert (guess.season, guess.number) == (5, 8)
    premiere = parse_recap(
        "Top 5 Moments from the Ashgrove Premiere\n\nThe second season is here, and the premiere (2.01) is great.\n"
    )
    guess = guess_target(premiere, ["Ashgrove"])
    assert (guess.season, guess.number) == (2, 1)
    plain = parse_recap(
        "Top 5 Moments from the Ashgrove Premiere\n\nIt is here, and the premiere is great.\n"
    )
    assert (guess_target(plain, ["Ashgrove"]).season or 1, guess_target(plain, ["Ashgrove"]).number) == (1, 1)


def test_a_kicker_above_the_headline_names_the_show():
    text = "Gauntlet of Rivals\n\n5 Moments in Episode 5\n\nThis week had twists and surprises, and a lot happened.\n"
    assert guess_target(parse_recap(text), ["Gauntlet of Rivals"]).show_title == "Gauntlet of Rivals"


def test_timestamps_in_prose_are_still_not_moments():
    text = (
        "Tern Bay episode 3 recap\n\nAt (09:33) the keeper opens the log, and at (12:10) he burns it.\n\n"
        "1) Then the ferry leaves - nobody is on it, and the camera stays on the pier for a long time.\n"
    )
    assert parse_recap(text).key_moments == []


# ------------------------------------------------------------------------- hostile

_LINES = st.sampled_from(
    [
        "1) A - b c d e f.",
        "#01",
        "  1. T",
        "    For x.",
        "+a",
        "-b",
        "u/x 1h",
        "Read more: x",
        "Other things to keep in mind before posting:",
        "- rule",
        'Episode #7: "x"',
        '"x"',
        "Big moment #1: x",
        "### 1. y",
        "## What We Learned",
        "Ferris Lane (2026-)",
        "x ConvincedHR26",
        "<strong>1.</strong><br>",
        "\ud800",
        "",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINES, max_size=40))
def test_any_mix_of_these_shapes_parses_or_says_why_in_one_line(lines):
    try:
        parsed = parse_recap("Headline of a recap episode 1\n" + "\n".join(lines))
    except EpisodeTuiError as error:
        assert "\n" not in str(error)
    else:
        assert all(p.strip() for p in parsed.paragraphs)


def test_a_huge_listicle_is_read_in_one_pass():
    items = "\n".join(
        f"{n}) Title {n} - the text of moment {n} goes on for a few words." for n in range(1, 99)
    )
    parsed = parse_recap("The 98 best moments of Tern Bay episode 1\n\nHere are the best moments:\n" + items)
    assert len(parsed.key_moments) == 98


def test_a_key_moments_heading_that_comes_twice_is_not_a_repeated_caption():
    text = (
        "Harbour Lights episode 2 recap\n\nThe fog lifts over the breakwater and the town wakes to a statue.\n\n"
        "Key Moments\n\n- The statue appears.\n- The lantern is relit.\n\n"
        "Part two\n\nThe second half is quieter, and better for it, with the whole town at the pier.\n\n"
        "Key Moments\n\n- The ferry leaves.\n"
    )
    assert _moments(text) == ["The statue appears.", "The lantern is relit.", "The ferry leaves."]
