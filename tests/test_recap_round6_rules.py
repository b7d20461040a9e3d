"""The general rules added after rounds 6 and 10 of held-out recap articles, each
tested both ways: the shape it is for, and the look-alike it must leave alone."""

from __future__ import annotations

from episodetui.core.html_blocks import PARAGRAPH, Block
from episodetui.core.recaps import guess_episode, guess_target, parse_recap
from episodetui.core.recaps.furniture import kind_of_drop


def _kind(text: str) -> str | None:
    return kind_of_drop(Block(PARAGRAPH, text))


def test_alt_text_run_into_a_numbered_title_is_a_caption_and_the_title_a_moment():
    text = (
        "The 2 Most Shocking Moments of Deepwater Episode 9\n\n"
        "Episode 9 had deaths, cliffhangers and a wedding that goes wrong, and we loved it.\n\n"
        "Marlow on the pier2. The Sin of the Father\nMarlow shoots the man he has protected all season.\n\n"
        "1. The Last Call\nThe phone rings in the empty office, and nobody answers.\n"
    )
    parsed = parse_recap(text)
    assert [m.text for m in parsed.key_moments] == ["The Sin of the Father", "The Last Call"]
    assert not any("pier" in p for p in parsed.paragraphs)


def test_a_sentence_with_a_number_in_it_is_not_split():
    text = (
        "Deepwater episode 9 review\n\n"
        "We saw it in Room4. Then the door opens, and nobody is there at all.\n\n"
        "It is the best episode of the season so far, by a distance.\n"
    )
    assert parse_recap(text).paragraphs[0].startswith("We saw it in Room4.")


def test_key_scenes_with_time_ranges_are_moments_at_their_start():
    text = (
        "# Gaslight District episode 3 recap\n\nThe antagonist finally shows his hand this week.\n\n"
        "## Key scenes\n\n- 12:40–15:05 – The ledger page turns up\n- 41:10–44:00 – The locket close-up\n"
    )
    moments = parse_recap(text).key_moments
    assert [(m.text, m.at_seconds) for m in moments] == [
        ("The ledger page turns up", 760),
        ("The locket close-up", 2470),
    ]


def test_a_quoted_episode_title_alone_is_the_headline_but_a_quoted_line_of_dialogue_is_not():
    text = (
        '"God Was in a Mood Today"\n\n'
        'Nia Okafor recaps last week\'s episode of "Mercy General"\n\n'
        "The episode starts with Meri trying to get cleared for surgery with fake tears.\n"
    )
    parsed = parse_recap(text)
    assert parsed.headline == '"God Was in a Mood Today"'
    assert guess_target(parsed, ["Mercy General"]).show_title == "Mercy General"
    dialogue = (
        "Finding Spring Episode 7 Recap\n\n"
        'Seo Yeon: "Unless the sky falls, I will never go back." (episode 6\'s title)\n'
        "Kang Min: The sky will fall. Wait for it, and see who is right in the end.\n"
    )
    assert parse_recap(dialogue).headline == "Finding Spring Episode 7 Recap"


def test_a_title_case_section_heading_over_the_first_paragraph_is_kept_but_a_kicker_is_not():
    text = (
        'Wrenfield: "Bad to the Drone"\n\nDegrees of Change\n\n'
        "Zoe is trying to work out how the café serves anything without a menu at all.\n"
    )
    assert parse_recap(text).paragraphs[0] == "Degrees of Change"
    kicker = text.replace("Degrees of Change", "TV RECAPS")
    assert parse_recap(kicker).paragraphs[0].startswith("Zoe is trying")


def test_an_attribution_under_a_quote_stays_but_a_dash_list_is_still_a_list():
    text = (
        "The Best Lines From Larkspur Season 3, Episode 6\n\n"
        '"Family doesn\'t wait to be invited."\n\n— Peter shares a fact of life.\n\n'
        "What else happened:\n— the bake sale goes wrong in the church hall\n— the flood reaches the bakery before the bread\n"
    )
    parsed = parse_recap(text)
    assert "— Peter shares a fact of life." in parsed.paragraphs
    assert "• the bake sale goes wrong in the church hall" in parsed.paragraphs


def test_a_markdown_table_and_the_empty_heading_over_it_are_dropped():
    text = (
        "# A Complete Recap of Last Night's Thornbury Episode\n\nThe whole episode, taken apart like a recipe.\n\n"
        "## Recipe Card\n\n| Course | Recap |\n| --- | --- |\n| Author | Silas |\n\n"
        "## Instructions\n\nThe episode opens exactly where last week left off, at the well.\n"
    )
    parsed = parse_recap(text)
    assert parsed.paragraphs == [
        "The whole episode, taken apart like a recipe.",
        "Instructions",
        "The episode opens exactly where last week left off, at the well.",
    ]


def test_a_credit_split_over_two_lines_is_one_credit():
    text = (
        "Deepwater episode 9 recap\n"
        "Marlow shoots the man he has protected all season, and the show does not look away, not even once, not for a second.\n"
        "Image and video hosting by\nPicHost\n"
        "Carol takes the harbour office hostage, and the standoff lasts a full act.\n"
    )
    assert not any("PicHost" in p for p in parse_recap(text).paragraphs)


def test_links_at_the_end_are_dropped_but_a_list_after_an_ordinary_lead_is_kept():
    text = (
        "The Nightwater Diaries Season 2 Episode 6\n\n"
        "Elena tells Stefan what she saw at the lake, and he does not believe her.\n\n"
        "If you still prefer to read the full recaps, here are some links:\n- Recap at Fang Weekly\n- Review at The Bite\n"
    )
    assert parse_recap(text).paragraphs == [
        "Elena tells Stefan what she saw at the lake, and he does not believe her."
    ]
    kept = text.replace(
        "If you still prefer to read the full recaps, here are some links:", "What we found out:"
    )
    assert len(parse_recap(kept).paragraphs) == 4


def test_grades_scores_and_prompts():
    for line in (
        "Sara M: B+ | Grade It Now!",
        "Final Score: 7/10 Certainly had its flaws, but enjoyable overall",
        "Anyway on to the review, spoilers as usual.",
        "What are your thoughts?",
        "Compiled by Gabi Bernard and Evan Lowe.",
        "Did this recap help? Rate it below.",
    ):
        assert _kind(line), line
    for line in (
        "Sara got a B+ on the test, and it is the happiest we have seen her all season.",
        "What are your thoughts on a show that kills its hero in episode two? Mine are mixed, but hopeful.",
        "Plan b: run.",
    ):
        assert _kind(line) is None, line


def test_episode_numbers_in_more_shapes_and_numbers_that_are_not_episodes():
    assert guess_episode("Brightfall Final Episode (12): That's one way to do it") == (1, 12)
    assert guess_episode("Bento Knights 12 - The Twins' Weakness") == (1, 12)
    assert guess_episode("Team Blue, Sione (and Felipe), -25 pounds total 7.16%") == (None, None)
    assert guess_episode("Top 5 - the moments we loved") == (None, None)
    assert guess_episode("Season 2 - the review") == (None, None)


# ------------------------------------------------------------------- after round 10

_BODY = "Rina wakes in the valley town and does not recognise the face in the bathroom mirror at all.\n\n"


def test_a_kicker_of_recap_words_and_numbers_is_not_the_headline_but_names_the_episode():
    parsed = parse_recap(
        "WELLSPRING: Shave and a Haircut, Two Bits\n\nRECAP - Season 5: Episode 12\n\n" + _BODY
    )
    assert parsed.headline == "WELLSPRING: Shave and a Haircut, Two Bits"
    assert parsed.paragraphs == [_BODY.strip()]
    assert guess_target(parsed, ["Wellspring"]).describe() == "Wellspring S05E12"
    # alone, the same kind of line is still the headline
    assert parse_recap("Episode 7 Recap\n\n" + _BODY).headline == "Episode 7 Recap"


def test_two_sentences_are_body_text_but_a_title_with_a_full_stop_is_a_title():
    text = (
        "Marlow Bay S01 E01 – Emotional music and boy banter.\n\nby Marines November 28, 2026\n\n"
        "The revival came out on Friday. Why not start our journey from the very beginning?\n\n" + _BODY
    )
    parsed = parse_recap(text)
    assert parsed.headline == "Marlow Bay S01 E01 – Emotional music and boy banter."
    assert parsed.paragraphs[0].startswith("The revival came out")


def test_a_flair_glued_to_the_title_it_repeats_goes_but_a_doubled_name_stays():
    parsed = parse_recap('Episode Discussion Episode Discussion: 103 "Ghosts of Veyra"\n\n' + _BODY)
    assert parsed.headline == 'Episode Discussion: 103 "Ghosts of Veyra"'
    assert (
        parse_recap("Bora Bora Nights episode 2 recap\n\n" + _BODY).headline
        == "Bora Bora Nights episode 2 recap"
    )


def test_the_headline_again_with_an_image_number_is_a_caption_but_a_section_heading_stays():
    text = (
        "The Pale Orchard (Season 2), Episode 6: Recap & Ending Explained\n\n"
        "The Pale Orchard Season 2 Episode 6 Recap Ending Explained (1)\n\n"
        + _BODY
        + "The Pale Orchard (Season 2), Episode 6 Recap:\n\n"
        + _BODY.replace("Rina", "Luca")
    )
    parsed = parse_recap(text)
    assert not any(p.endswith("(1)") for p in parsed.paragraphs)
    assert "The Pale Orchard (Season 2), Episode 6 Recap:" in parsed.paragraphs


def test_a_paragraph_of_warnings_and_the_line_that_ends_it_go_but_a_recap_that_mentions_spoilers_stays():
    text = (
        "Ironwake recap: The last Ashfords make their choice\n\nPublished 6:02 a.m. ET May 6, 2026\n\n"
        "Before we get into this, do not read it unless you've watched Episode 4 of Season 2 of the hit "
        "series Ironwake, which aired on Sunday night. "
        "As usual, it contains spoilers. This is your SPOILER ALERT.\n\n"
        "SPOILER ALERT! SPOILERS AHEAD!\n\nAll good? Let's go.\n\n" + _BODY
    )
    parsed = parse_recap(text)
    assert parsed.paragraphs == [_BODY.strip()]
    assert guess_target(parsed, ["Ironwake"]).describe() == "Ironwake S02E04"
    story = (
        "Ironwake recap: The last Ashfords make their choice\n\n"
        "Maren spoils the feast by arriving early. The captains stand. Nobody knows where to look.\n\n"
        "All good? Let's go.\n\n" + _BODY
    )
    assert len(parse_recap(story).paragraphs) == 3


def test_a_line_that_only_restates_the_headline_goes_but_a_first_paragraph_that_adds_words_stays():
    head = "Skyforge Academy 3rd Season Episode 1 & 2 – Anime QandA Review\n\n"
    parsed = parse_recap(
        head + "An Anime QandA review for Skyforge Academy 3rd Season Episode 1 & 2.\n\n" + _BODY
    )
    assert parsed.paragraphs == [_BODY.strip()]
    assert guess_target(parsed, ["Skyforge Academy"]).describe() == "Skyforge Academy S03E01"
    kept = parse_recap(
        head + "Skyforge Academy is back for a 3rd season, and episode 1 is a recap.\n\n" + _BODY
    )
    assert len(kept.paragraphs) == 2


def test_quips_and_alt_text_under_pictures_are_captions_but_short_headings_are_not():
    from episodetui.core.recaps.furniture import looks_like_caption

    for line in ("Pixie Squad making an entrance", "Abs, as far as the eye can see"):
        assert looks_like_caption(line, "Skyforge Academy review"), line
    for line in ("A mother's love", "The bunker", "Is Josh allowed back into the Chapter?", "Yes, Chef"):
        assert not looks_like_caption(line, "Ember Choir review"), line


def test_photo_credits_pleas_tip_lines_and_audio_players_are_furniture():
    for line in (
        "Dev Okafor and Lise Marr | Photo Credits: Ana Ruiz/Northfield",
        "Your support helps us to tell the story",
        "Unlike many other outlets, we choose not to lock you out of our reporting with paywalls.",
        "Got a story? Email the Screen desk.",
        "Which moment got you? Tell us on social.",
        "No thanks, I prefer to read without audio.",
    ):
        assert _kind(line), line
    for line in (
        "The photo credits the wrong man, and the sheriff knows it.",
        "Her support helps nobody: the mill closes anyway.",
        "Tell us the truth, Ned says, and the diner goes quiet.",
    ):
        assert _kind(line) is None, line


def test_an_ordinal_season():
    assert guess_episode("Skyforge Academy 3rd Season Episode 1 & 2") == (3, 1)
    assert guess_episode("Their 3rd place finish, episode 4") == (1, 4)
