"""The general rules added after round 12 of held-out recap articles, each tested both
ways: the shape it is for, and the look-alike it must leave alone."""

from __future__ import annotations

from episodetui.core.html_blocks import PARAGRAPH, Block
from episodetui.core.recaps import guess_target, parse_recap
from episodetui.core.recaps.furniture import is_trailing, kind_of_drop, warning_tail

_PARA = (
    "The whole hour turns on one quiet conversation in the kitchen, and it is the best scene of the year. "
    "Nobody raises a voice, nobody leaves the room, and by the end everything has changed for all of them."
)


def _kind(text: str) -> str | None:
    return kind_of_drop(Block(PARAGRAPH, text))


def test_breadcrumbs_video_labels_episode_links_and_link_blocks_are_chrome():
    for line in (
        "Home » Blog » The Brass Meridian Season 2 – All the Easter Eggs We Noticed in Episode 4",
        "Recommended Videos",
        "Watch episode 7:",
        "Chapter 1 Chapter 2 Chapter 3 Chapter 4 Chapter 5",
        "Source URL: https://www.example.com/tv/finale-recap-3381",
        "Links: · [1] https://www.example.com/a · [2] https://www.example.com/b",
    ):
        assert _kind(line) == "page_chrome", line
    for line in (
        "Home is where the lighthouse is, and the keeper knows it.",
        "Watch episode 7 again and you will see the key in the first shot.",
        "Chapter 1 was slow, chapter 2 was slower, and chapter 3 finally moved.",
        "The link between the two murders is https-style neat, says the detective.",
    ):
        assert _kind(line) is None, line


def test_screenshot_file_names_are_captions_but_words_with_numbers_are_not():
    assert _kind("mscap0412 mscap0415mscap0417mscap0419") == "caption"
    assert _kind("Screen Shot 2026-03-11 at 17.47.30Screen Shot 2026-03-11 at 17.47.40") == "caption"
    assert _kind("Episode 407 is the best of the season") is None
    assert _kind("Room 2046 again") is None


def test_promos_for_more_recaps_and_podcasts_are_prompts():
    for line in (
        "Want more Silver Tide? Read all of our Drama Club recaps here.",
        "And don't forget to check out our Easter egg lists for the other episodes:",
        "When you are done with the list, have a listen to our podcast review of Chapter 3.",
    ):
        assert _kind(line) == "prompt", line
    for line in (
        "Want more proof that the mayor lied? Look at the ledger in the first scene.",
        "Don't forget the ferryman: he saw everything and said nothing.",
        "The whole town stops to have a listen when the choir starts.",
    ):
        assert _kind(line) is None, line


def test_a_blog_comment_header_ends_the_post():
    assert is_trailing("The Crown of Two Rivers Episode 8 Recap — 4 Comments")
    assert not is_trailing("The Crown of Two Rivers Episode 8 Recap — the letter")
    text = (
        "The Crown of Two Rivers Episode 8 Recap\n\n" + _PARA + "\n\n"
        "The Crown of Two Rivers Episode 8 Recap — 2 Comments\n\n"
        "1. Oh my, I cried all the way through this one, thank you for the recap.\n\n"
        "2. Thank you so much, I love reading your thoughts every week!\n"
    )
    parsed = parse_recap(text)
    assert parsed.paragraphs == [_PARA]
    assert parsed.key_moments == []


def test_numbered_entries_a_counted_headline_promises_are_a_list():
    entries = "".join(
        f"{n}. {name} (the {place})\n\n{_PARA}\n\n"
        for n, name, place in (
            (3, "Warden Pike", "quarry"),
            (2, "Old Tam", "chapel"),
            (1, "Lady Ashby", "lake"),
        )
    )
    parsed = parse_recap("The 3 most shocking deaths in the Gravemoor finale\n\n" + _PARA + "\n\n" + entries)
    assert [m.text for m in parsed.key_moments] == [
        "Warden Pike (the quarry)",
        "Old Tam (the chapel)",
        "Lady Ashby (the lake)",
    ]
    # the same numbered sections under a headline that counts something else are headings
    other = parse_recap("The 5 most shocking deaths in the Gravemoor finale\n\n" + _PARA + "\n\n" + entries)
    assert other.key_moments == []


def test_easter_egg_heads_are_moments_and_the_list_label_goes():
    text = (
        "Fathomless Episode 3 Easter Eggs & References Explained\n"
        "Here's a breakdown of every Easter egg in Episode 3, and what they tell us.\n"
        "List of key easter eggs and references in Fathomless Episode 3\n"
        "The Diving Bell Shot\n"
        + _PARA
        + "\nThe Captain's Whistle\n"
        + _PARA
        + "\nThe Red Lantern\n"
        + _PARA
        + "\n"
    )
    parsed = parse_recap(text)
    assert [m.text for m in parsed.key_moments] == [
        "The Diving Bell Shot",
        "The Captain's Whistle",
        "The Red Lantern",
    ]
    assert not any(p.startswith("List of key") for p in parsed.paragraphs)
    review = parse_recap(
        "Fathomless Episode 3 review: deep water\n"
        "The Diving Bell Shot\n"
        + _PARA
        + "\nThe Captain's Whistle\n"
        + _PARA
        + "\nThe Red Lantern\n"
        + _PARA
        + "\n"
    )
    assert review.key_moments == []


def test_numbered_questions_under_a_questions_headline_but_not_a_threads_questions_of_the_day():
    questions = "".join(
        f"{n}. {q}\n\n{_PARA}\n\n"
        for n, q in enumerate(("Who rang the bell?", "Where did the boat go?", "Why did Nell stay?"), 1)
    )
    parsed = parse_recap("Willowmere Season 3, Episode 7 Burning Questions\n\n" + _PARA + "\n\n" + questions)
    assert [m.text for m in parsed.key_moments] == [
        "Who rang the bell?",
        "Where did the boat go?",
        "Why did Nell stay?",
    ]
    thread = parse_recap(
        "Willowmere Rewatch — S3E7\n\n"
        + _PARA
        + "\n\nQuestions of the day:\n\n"
        + questions.replace("\n\n" + _PARA, "")
    )
    assert thread.key_moments == []


def test_a_long_question_after_short_ones_is_the_next_title():
    long_q = (
        "Did the priest really walk home with an arrow in his shoulder, sew it up himself "
        "and then sit down to supper like it was nothing?"
    )
    text = (
        "Our 4 Biggest Questions About This Week's Harrowfield\n"
        "Why did Ansel think this was a sensible plan?\n" + _PARA + "\n"
        "Is Tomas sweet or slightly alarming?\n"
        + _PARA
        + "\n"
        + long_q
        + "\nHe died later, presumably from it.\n"
        "Who let the horses out?\n" + _PARA + "\n"
    )
    assert len(parse_recap(text).key_moments) == 4
    # a long question first, before any short one, is prose
    first = parse_recap(
        "Our Biggest Questions About Harrowfield\n" + long_q + "\n" + _PARA + "\n"
        "Who let the horses out?\n" + _PARA + "\n"
    )
    assert not any(m.text == long_q for m in first.key_moments)


def test_a_one_word_credit_under_three_pictures_goes_with_the_caption_above_it():
    body = "".join(
        f"{n}. {name}\n\n{name} standing in the rain at the quarry.\nFernline\n\n{_PARA}\n\n"
        for n, name in ((3, "Warden Pike"), (2, "Old Tam"), (1, "Captain Rooke"))
    )
    parsed = parse_recap("The 3 most shocking deaths in the Gravemoor finale\n\n" + _PARA + "\n\n" + body)
    assert "Fernline" not in parsed.paragraphs
    assert not any("standing in the rain" in p for p in parsed.paragraphs)
    assert len(parsed.paragraphs) == 4
    twice = parse_recap(
        "Gravemoor finale review\n\n"
        + _PARA
        + "\n\nThe rain stops at last.\nFernline\n\n"
        + _PARA
        + "\n\nFernline\n"
    )
    assert "The rain stops at last." in twice.paragraphs  # a word that comes back only twice is no credit


def test_paragraph_items_under_a_numbered_item_title_have_no_bullet():
    html = (
        "<html><body><h1>Top 3 most epic moments of Ashfall episode 9</h1><p>The best hour the show has made, "
        "no contest. *Spoilers ahead</p><ol>"
        "<li><strong>3) The bell tower</strong><br>Mina climbs the tower.</li><li>It seemed right to start here.</li>"
        "<li><strong>2) The bridge</strong><br>The militia hold the bridge.</li><li>The scale of it was astonishing.</li>"
        "<li><strong>1) The fire</strong><br>The valley burns.</li><li>There is nothing else to say about it.</li>"
        "</ol></body></html>"
    )
    parsed = parse_recap(html)
    assert [m.text for m in parsed.key_moments] == ["The bell tower", "The bridge", "The fire"]
    assert "It seemed right to start here." in parsed.paragraphs
    assert parsed.paragraphs[0] == "The best hour the show has made, no contest."
    plain = parse_recap(
        "<html><body><h1>Ashfall episode 9 review</h1><p>" + _PARA + "</p>"
        "<ul><li>The bell tower</li><li>The bridge</li></ul></body></html>"
    )
    assert "• The bell tower" in plain.paragraphs  # an ordinary list keeps its bullets


def test_a_warning_run_into_a_paragraph_goes_but_a_warning_alone_goes_whole():
    assert warning_tail("The best hour the show has made, no contest. *Spoilers ahead") == (
        "The best hour the show has made, no contest."
    )
    assert (
        warning_tail("This is a recap of episode 5. Spoilers to follow!") is None
    )  # all of it is the warning
    assert warning_tail("Spoilers ahead. Read on only if you have seen it.") is None


def test_a_spoiler_guard_names_the_episode_when_the_headline_does_not():
    head = "5 things we learned from Sunday night's episode of 'Ironvale'\n\n"
    guarded = parse_recap(
        head + "This is our weekly recap of Ironvale, and before I dive in, two things: I have not read the "
        "novels, and this post is full of spoilers, so if you have not seen episode six, stop now."
        "\n\n1. One\n\n" + _PARA + "\n\n2. Two\n\n" + _PARA + "\n\n3. Three\n\n" + _PARA
    )
    assert guess_target(guarded, ["Ironvale"]).describe() == "Ironvale S01E06"
    last_week = parse_recap(
        head + "Last week, episode six gave us the forge and the fire and the long walk home; this week is "
        "quieter, and the show is better for it, at least for now.\n\n" + _PARA + "\n\n" + _PARA
    )
    assert guess_target(last_week, ["Ironvale"]).number is None
