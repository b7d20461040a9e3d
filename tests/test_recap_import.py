"""Recap import: fixtures written for this project, in the shapes users bring."""

from pathlib import Path

import pytest

from episodetui.core.encoding import decode_text
from episodetui.core.errors import EpisodeTuiError
from episodetui.core.recaps import (
    Moment as KeyMoment,
    detect_format,
    guess_episode,
    guess_target,
    parse_recap,
)
from episodetui.core.recaps.plan import apply_import, plan_import

FIXTURES = Path(__file__).parent / "fixtures" / "recaps"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def parse_fixture(name: str):
    return parse_recap(decode_text((FIXTURES / name).read_bytes(), name))


def test_copied_text_like_a_review_site():
    recap = parse_fixture("copied_text.txt")
    assert recap.headline == "‘Harbour Lights’ episode two recap: salt, rain and a promise kept"
    assert recap.paragraphs == [
        "The second hour opens in the rain. Min-ji has been in town for three days and still has not unpacked, and the room above the noodle stall smells of broth and wet wool.",
        "Do-hyun, meanwhile, is pretending that nothing has changed. He reorganises the spice shelf twice, and the regulars notice before he does.",
        "By the end of the night, the two of them are sitting on the breakwater with a thermos, and the old lighthouse is, for a moment, not quite dark.",
    ]
    assert recap.key_moments == [
        KeyMoment("The umbrella scene: he hands it over without a word and walks home in the rain."),
        KeyMoment("Min-ji hums the unfinished song and stops exactly where she always stops."),
    ]
    assert recap.dropped == {"spoiler_warning": 1, "caption": 1, "availability": 1, "boilerplate": 2}
    assert recap.describe_dropped() == (
        "dropped 1 spoiler warning, 1 image caption or credit, 1 where-to-watch line, "
        "2 blocks of trailing page boilerplate"
    )


def test_markdown_with_headings_quote_image_and_links():
    recap = parse_fixture("markdown.md")
    assert recap.format == "markdown"
    assert (
        recap.headline
        == "'The Quiet Orbit' season 2, episode 3 review – the station that should not be there"
    )
    assert recap.paragraphs == [
        "The crew reach the relay station expecting silence. Instead, someone answers the hail, and the voice on the radio knows every one of their names.",
        "Commander Ives plays it straight for as long as she can. The writing keeps the tension low and steady, which makes the final scene land harder.",
    ]
    assert [m.text for m in recap.key_moments] == [
        "Okafor timing the station clock against her own watch, then quietly starting the count again.",
        "The long shot of the Calliope drifting past the window while nobody on the bridge speaks.",
    ]
    # The image and its credit line are one caption; the share prompt starts the page's tail.
    assert recap.dropped == {"spoiler_warning": 1, "caption": 1, "boilerplate": 3}


def test_html_page_keeps_the_article_and_lists():
    recap = parse_fixture("page.html")
    assert recap.format == "html"
    assert recap.headline == "Ledger of Ash S01E04 recap: the auditor blinks"
    assert recap.paragraphs == [
        "The fourth episode finally puts Marta and Gideon in the same room, and the show is better for it. Their argument over a single missing invoice is funnier than it has any right to be.",
        "The B-plot, about the fire inspector’s night job, is weaker — but it pays off in the last minute.",
    ]
    assert recap.key_moments == [
        KeyMoment("Gideon reading the invoice aloud, very slowly."),
        KeyMoment("The match that does not light.", 2470),
    ]
    assert recap.dropped == {"page_chrome": 5, "spoiler_warning": 1, "caption": 1, "prompt": 1}
    text = recap.text + " ".join(m.text for m in recap.key_moments)
    for never in ("window.location", "font-family", "Home", "Trending", "Subscribe", "Advertisement"):
        assert never not in text


def test_numbered_key_moments():
    recap = parse_fixture("numbered.txt")
    assert [m.text for m in recap.key_moments] == [
        "The first lantern catching fire, and Ren laughing instead of panicking.",
        "Aoi's grandmother fixing the frame with a single strip of paper.",
        "The closing shot of the river, lit end to end.",
    ]
    assert len(recap.paragraphs) == 1
    assert recap.dropped == {"spoiler_warning": 1, "boilerplate": 2}


def test_wrapped_paragraphs_and_bullets_are_joined():
    recap = parse_fixture("wrapped_bullets.txt")
    assert recap.paragraphs == [
        "This one is a slow burn. The ferry leaves late, the fog comes in early, and the passengers start to realise that the captain has not said a word since they left the harbour.",
        "It is the best episode of the season so far, and it is almost entirely set in one room.",
    ]
    assert [m.text for m in recap.key_moments] == [
        "The card game in the galley, which goes on for far too long and is never explained.",
        'The captain finally speaking, two minutes from the end, to say only: "We are not going back."',
    ]
    assert recap.dropped == {"availability": 1}


def test_no_key_moments_at_all():
    recap = parse_fixture("no_key_moments.txt")
    assert recap.key_moments == []
    assert recap.headline == "Garden Notes, season 1 premiere: a greenhouse and a cold case"
    assert len(recap.paragraphs) == 2
    assert recap.dropped == {"spoiler_warning": 1, "prompt": 1, "boilerplate": 2}


def test_korean_recap_keeps_its_script():
    recap = parse_fixture("korean.txt")
    assert recap.headline == "‘바람의 정원’ 3화 리뷰: 온실에 남은 편지"
    assert (
        recap.paragraphs[1]
        == "두 사람은 밤새 편지의 필체를 비교하며 “누가 이 편지를 숨겼을까?”라는 질문에 매달린다."
    )
    assert [m.text for m in recap.key_moments] == [
        "형사가 편지를 읽다가 안경을 벗는 장면.",
        "새벽에 온실 유리창에 맺힌 이슬 위로 수진이 이름을 쓰는 장면.",
    ]
    assert recap.dropped == {"spoiler_warning": 1, "availability": 1}


def test_cp1252_file_keeps_curly_quotes_and_dashes():
    raw = (FIXTURES / "cp1252.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    recap = parse_fixture("cp1252.txt")
    assert recap.headline == "“Ledger of Ash” episode 5 recap — the auditor’s revenge"
    assert recap.paragraphs == [
        "Marta’s plan works, almost. The café scene – all eleven minutes of it – is the show at its best.",
        "Gideon, for once, says nothing at all… and it is the loudest he has been all season.",
    ]
    assert [m.text for m in recap.key_moments] == [
        "The receipt folded into a paper crane.",
        "“Balance,” Marta says, and closes the book.",
    ]


@pytest.mark.parametrize(
    "warning",
    [
        "Spoilers for ‘Harbour Lights’ episode two below",
        "**Spoilers ahead!**",
        "Warning: this review contains spoilers",
        "SPOILER ALERT",
        "Spoiler warning: the whole season is discussed.",
        "Heads up: major spoilers for the finale follow.",
        "This recap contains spoilers for episode 4.",
        "Note: contains full spoilers.",
    ],
)
def test_spoiler_warning_styles_are_dropped(warning):
    recap = parse_recap(f"Show recap\n\n{warning}\n\nThe body paragraph stays here.")
    assert recap.paragraphs == ["The body paragraph stays here."]
    assert recap.dropped == {"spoiler_warning": 1}


def test_a_paragraph_that_mentions_spoilers_stays():
    body = "I will avoid spoilers here, but the last ten minutes change everything we thought we knew about the ferry, the captain and the town itself."
    assert parse_recap(f"Headline\n\n{body}").paragraphs == [body]


@pytest.mark.parametrize(
    "heading",
    [
        "Key Moments",
        "Key moments:",
        "## Highlights",
        "**Best moments**",
        "Standout moments",
        "# Key moments of the episode",
    ],
)
def test_key_moment_heading_styles(heading):
    recap = parse_recap(f"# Headline\n\nBody.\n\n{heading}\n\n- one\n- two\n")
    assert [m.text for m in recap.key_moments] == ["one", "two"]
    assert recap.paragraphs == ["Body."]


def test_lists_outside_key_moments_stay_in_the_body():
    recap = parse_recap("Headline\n\nIntro.\n\n- a point\n- another\n\nOutro.")
    assert recap.paragraphs == ["Intro.", "• a point", "• another", "Outro."]


def test_raw_keeps_everything():
    text = (FIXTURES / "copied_text.txt").read_text()
    recap = parse_recap(text, raw=True)
    assert recap.headline == "" and recap.key_moments == [] and recap.dropped == {}
    assert "More Stories:" in recap.text and "Spoilers for" in recap.text


@pytest.mark.parametrize(
    "text, fmt",
    [
        ("<p>Hello</p><p>there</p><div>x</div>", "html"),
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("# Title\n\nText", "markdown"),
        ("Title\n\nSee [the site](https://example.invalid).", "markdown"),
        ("Title\n\nJust text, with a <3 and 1 < 2.", "text"),
    ],
)
def test_format_is_detected_from_content(text, fmt):
    assert detect_format(text) == fmt


def test_html_never_runs_or_fetches(monkeypatch):
    import socket

    monkeypatch.setattr(
        socket, "socket", lambda *a, **k: (_ for _ in ()).throw(AssertionError("network used"))
    )
    recap = parse_recap(
        '<html><body><article><h1>H</h1><img src="http://example.invalid/x.png">'
        '<script>fetch("http://example.invalid")</script><p>Body text.</p></article></body></html>'
    )
    assert recap.paragraphs == ["Body text."]


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"   \n\n\t ", "empty"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (b"x" * (6 * 1024 * 1024), "MiB"),
        (b"More Stories:\n\nSponsored Stories:", "no recap text"),
        (b"<html><body><nav>Home</nav><footer>c</footer></body></html>", "no recap text"),
    ],
)
def test_bad_input_is_a_clear_error(data, message):
    with pytest.raises(EpisodeTuiError, match=message):
        parse_recap(decode_text(data, "the file"))


def test_a_megabyte_of_text_parses():
    paragraph = "A long recap paragraph that goes on about the episode in some detail. " * 10
    text = "Big recap\n\n" + "\n\n".join([paragraph] * 1500)
    assert len(text.encode()) > 1_000_000
    recap = parse_recap(text)
    assert len(recap.paragraphs) == 1500


@pytest.mark.parametrize(
    "headline, expected",
    [
        ("‘Soundtrack #1’ episode one recap", (1, 1)),
        ("Show episode 1 review", (1, 1)),
        ("Show Ep. 3 recap", (1, 3)),
        ("Show S01E03 recap", (1, 3)),
        ("Show 1x03 recap", (1, 3)),
        ("Show season 2 episode 4 recap", (2, 4)),
        ("Show season two, episode four", (2, 4)),
        ("Show premiere recap", (1, 1)),
        ("Show season 3 premiere recap", (3, 1)),
        ("Show third episode", (1, 3)),
        ("Show 5화 리뷰", (1, 5)),
        ("A recap with no episode", (None, None)),
    ],
)
def test_episode_guesses(headline, expected):
    assert guess_episode(headline) == expected


def test_show_guess_is_case_and_punctuation_insensitive():
    titles = ["Soundtrack #1", "Soundtrack", "Harbour Lights"]
    guess = guess_target("‘SOUNDTRACK 1’ episode one recap", titles)
    assert (guess.show_title, guess.season, guess.number) == ("Soundtrack #1", 1, 1)
    assert guess.describe() == "Soundtrack #1 S01E01"
    unknown = guess_target("“Other Show” episode 2 recap", titles)
    # Never the quoted words: they may be the episode's title or a plot beat.
    assert unknown.show_title is None and unknown.describe() == "S01E02 of a show that is not in your library"


def test_apply_a_planned_import(library):
    show = library.add_show("Harbour Lights", [2])
    episode = library.episodes(show.id)[1]
    plan = plan_import(library, episode.id, "", parsed=parse_fixture("copied_text.txt"), source="a site")
    apply_import(library, plan)
    library.set_watched(episode.id, True)
    recap = library.recap_view(library.episode(episode.id)).recap
    assert recap.title.startswith("‘Harbour Lights’ episode two recap")
    assert recap.source == "a site" and len(recap.key_moments) == 2
    assert recap.text.count("\n\n") == 2


def test_the_seed_article_when_it_is_beside_the_repo():
    """The real article the project was made from (never copied here): its headline, its
    body without the warning, caption and boilerplate, and exactly its two key moments."""
    for seed in sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []:
        recap = parse_recap(decode_text(seed.read_bytes()))
        assert "Soundtrack #1" in recap.headline and "episode one" in recap.headline
        assert len(recap.key_moments) == 2
        assert recap.dropped == {"spoiler_warning": 1, "caption": 1, "availability": 1, "boilerplate": 2}
        assert not any("Spoilers for" in p or "Credit:" in p or "available on" in p for p in recap.paragraphs)
        assert guess_target(recap.headline, ["Soundtrack #1"]).describe() == "Soundtrack #1 S01E01"


def test_the_parser_is_pure_and_tvmaze_does_not_need_it():
    """Parsing loads no store or SQLite; the TVmaze client loads neither the parser nor
    the store (issue 9)."""
    import subprocess
    import sys

    def loaded(code: str) -> set[str]:
        out = subprocess.run(
            [sys.executable, "-c", f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return set(out.split())

    parser = loaded("import episodetui.core.recaps.parse, episodetui.core.recaps.guess")
    assert not {m for m in parser if m.startswith("episodetui.core.store") or m == "sqlite3"}
    tvmaze = loaded("import episodetui.core.tvmaze")
    assert not {m for m in tvmaze if m.startswith(("episodetui.core.recaps", "episodetui.core.store"))}
