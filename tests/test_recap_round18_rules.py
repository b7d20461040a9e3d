"""The general rules added after round 18 of held-out recap articles, each tested both
ways: the shape it is for, and the look-alike it must leave alone."""

from __future__ import annotations

import pytest

from episodetui.core.recaps import guess_target, parse_recap

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
        "Last week's episode 6 left the whole street in the rain, and this week nobody has dried off yet.",
        "Episode 4 and episode 5 both spend their time in the orchard, which the show has never done before.",
        "I liked episode 5 a lot.",
    ],
)
def test_a_bare_episode_number_that_points_elsewhere_names_nothing(opening):
    text = "\n\n".join(["The best bits from this week's Tidewater Hall", _PARA, opening, _PARA])
    assert _guess(text) == ("Tidewater Hall", None, None)
