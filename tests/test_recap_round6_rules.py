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


# ---------------------------------------------------------------- after round 11

_PARA = "The whole valley turns out for it, and nobody leaves before the last boat is in the water."


def test_a_number_glued_to_its_title_by_markup_counts_but_a_lone_one_is_a_word():
    page = (
        "<html><body><article><h1>Ashfall Premiere: 3 Takeaways</h1><p>Here are the takeaways.</p>"
        + "".join(
            f'<h2><span class="num">{n}</span>{title}</h2><p>{_PARA}</p>'
            for n, title in ((1, "The Hope Is Back"), (2, "A Good Plan"), (3, "Why Didn't Anyone Fire?!"))
        )
        + "</article></body></html>"
    )
    assert [m.text for m in parse_recap(page).key_moments] == [
        "The Hope Is Back",
        "A Good Plan",
        "Why Didn't Anyone Fire?!",
    ]
    lone = parse_recap(f"Ashfall Premiere review\n\n7Up Field Day\n\n{_PARA}\n\n4Kids Corner\n\n{_PARA}\n")
    assert lone.key_moments == []


def test_a_number_run_into_the_last_sentence_starts_the_next_entry_but_a_decimal_does_not():
    text = (
        "Saltmarsh: the moments everyone will be talking about\n\n"
        "These are the moments everyone will be talking about.\n\n"
        "1. Pell dies.\nSad, but we saw it coming.\n\n"
        "2. Maud gets a harpoon pointed at her.\nOf course, we knew this was coming.3. The standoff on the pier.\n"
        "The younger Reeve swings the harpoon back and forth.\n\n"
        "4. Edwin offers the brothers every coin from the salt trade in exchange for his sister.\n\n"
        "5. Maud is shot anyway.\nShe went with her head up.\n"
    )
    parsed = parse_recap(text)
    assert [m.text.rstrip(".") + "." for m in parsed.key_moments] == [
        "Pell dies.",
        "Maud gets a harpoon pointed at her.",
        "The standoff on the pier.",
        "Edwin offers the brothers every coin from the salt trade in exchange for his sister.",
        "Maud is shot anyway.",
    ]
    assert "Of course, we knew this was coming." in parsed.paragraphs
    kept = parse_recap(
        f"Saltmarsh review\n\nThe patch moved us to version 2.3. Then the lights went out.\n\n{_PARA}\n"
    )
    assert kept.paragraphs[0] == "The patch moved us to version 2.3. Then the lights went out."


def test_one_sentence_entries_with_no_paragraph_anywhere_are_still_not_a_list():
    text = (
        "Things that are better than episode recaps\n\n"
        "1. Watching the episode with the sound on and the phone in another room.\n\n"
        "2. Not watching the episode at all and reading a book instead.\n\n"
        "3. Arguing about the episode with a friend who has actually seen it.\n"
    )
    assert parse_recap(text).key_moments == []


def test_a_countdown_from_the_headlines_number_may_stop_before_one_but_not_another_number():
    entries = "".join(f"{n}. Title number {n}\n{_PARA}\n\n" for n in (8, 7, 6, 5))
    paged = parse_recap("Nightbloom's 8 Most WTF Moments\n\nWe picked eight.\n\n" + entries)
    assert paged.headline == "Nightbloom's 8 Most WTF Moments"
    assert [m.text for m in paged.key_moments] == [f"Title number {n}" for n in (8, 7, 6, 5)]
    other = parse_recap("Nightbloom's 10 Most WTF Moments\n\nWe picked ten.\n\n" + entries)
    assert other.key_moments == []


def test_a_name_over_a_spoiler_warning_is_a_byline_but_a_heading_over_prose_stays():
    head = "All the questions 'Bellwether' needs to answer\n\n"
    parsed = parse_recap(head + "Dana Whitlock\n\nSpoiler alert! This contains spoilers.\n\n" + _PARA)
    assert parsed.paragraphs == [_PARA]
    kept = parse_recap(head + "Degrees of Change\n\n" + _PARA)
    assert kept.paragraphs[0] == "Degrees of Change"


_QUESTIONS = (
    ("Where is June going?", "What's the plan, June?"),
    ("Is the mayor really leaving?", "Bags packed, allegedly."),
    ("What was in the barn?", ""),
)


def _questions(headline: str, with_quips: bool = True) -> str:
    parts = [headline, "The finale has a lot to answer for. For instance..."]
    for question, quip in _QUESTIONS:
        parts += [question] + ([quip] if quip and with_quips else []) + [_PARA]
    return "\n\n".join(parts) + "\n"


def test_questions_under_a_headline_about_questions_are_moments_and_their_quips_captions():
    parsed = parse_recap(_questions("All the questions 'Bellwether' needs to answer in the finale"))
    assert [m.text for m in parsed.key_moments] == [q for q, _ in _QUESTIONS]
    assert not any(p in ("What's the plan, June?", "Bags packed, allegedly.") for p in parsed.paragraphs)
    assert parsed.paragraphs.count(_PARA) == 3


def test_questions_without_such_a_headline_are_a_q_and_a_not_moments():
    parsed = parse_recap(_questions("Bellwether season 2 finale review", with_quips=False))
    assert parsed.key_moments == []
    assert "Where is June going?" in parsed.paragraphs


def test_lower_case_alt_text_between_questions_goes():
    text = (
        "9 Burning Questions After the Harrowgate Finale\n\nHere are the mysteries we will chew on.\n\n"
        "Why did Corwin follow the boy?\n\n" + _PARA + "\n\nthe prioress\n\n"
        "What is the prioress up to?\n\n" + _PARA + "\n\nWho sent the second letter?\n\n" + _PARA + "\n"
    )
    parsed = parse_recap(text)
    assert len(parsed.key_moments) == 3
    assert "the prioress" not in parsed.paragraphs


def test_about_the_author_promo_lines_and_site_blurbs_are_furniture():
    for line in (
        "About the author: Theo Marsh writes about television and gardens.",
        "More Nightbloom on Garden Noir Weekly.",
        "TV Rewind scours the vast television landscape to find the most interesting, funny and, on a good "
        "day, astonishing moments, and delivers them right to your browser.",
    ):
        assert _kind(line), line
    for line in (
        "More tears on the bridge, and nobody to wipe them.",
        "The author of the letter is never named.",
        "The storm delivers them right to the harbour wall.",
    ):
        assert _kind(line) is None, line


def test_a_bare_season_premiere_takes_its_season_from_the_opening_paragraph():
    head = 'The five biggest takeaways from the "Gallowmoor" season premiere\n\n'
    parsed = parse_recap(head + "The sixth and final season of the thriller started on Sunday.\n\n" + _PARA)
    assert guess_target(parsed, ["Gallowmoor"]).describe() == "Gallowmoor S06E01"
    past = parse_recap(head + "The fifth season was grim from start to finish.\n\n" + _PARA)
    assert guess_target(past, ["Gallowmoor"]).describe() == "Gallowmoor S01E01"


def test_episode_407_is_s4e7_only_when_the_page_says_so():
    head = '"Redwater" Episode 407 Recap: Calling the Wolves\n\n'
    said = parse_recap(
        head + "This recap will have spoilers for Season 4, Episode 7 of Redwater.\n\n" + _PARA
    )
    assert guess_target(said, ["Redwater"]).describe() == "Redwater S04E07"
    assert guess_target(parse_recap(head + _PARA), ["Redwater"]).describe() == "Redwater S01E407"


def test_alt_text_starting_with_a_name_and_its_quip_go_when_there_are_two_pictures():
    long = " ".join([_PARA] * 2)
    body = (
        f"Redwater recap: Calling the Wolves\n\nAt dawn Ollie waits for Jess, and Dee says nothing. {long}\n\n"
        "Jess and her shotgun at the edge of the woods\n\nUp at six, out the door. What a life.\n\n"
        f"{long}\n\n"
        "Ollie and Dee look at Jess with worry\n\nFrankly, I would have run.\n\n"
        f"{long}\n"
    )
    parsed = parse_recap(body)
    assert len(parsed.paragraphs) == 3, parsed.paragraphs
    one = parse_recap(
        f"Redwater recap\n\nAt dawn Ollie waits for Jess, and Dee says nothing. {long}\n\n"
        f"Jess and her shotgun at the edge of the woods\n\n{long}\n\n"
        f"Where the season goes from here now\n\n{long}\n"
    )
    assert "Jess and her shotgun at the edge of the woods" in one.paragraphs  # one alone may be a heading
    assert "Where the season goes from here now" in one.paragraphs
