import pytest

from episodetui.core.spoilers import (
    HIDDEN_TITLE,
    EpisodeState,
    RecapShape,
    SpoilerMode,
    SpoilerPolicy,
)

UNWATCHED = EpisodeState(watched=False)
NEXT = EpisodeState(watched=False, is_next=True)
WATCHED = EpisodeState(watched=True)
REVEALED = EpisodeState(watched=False, revealed=True)


@pytest.mark.parametrize(
    "mode, state, recap, details",
    [
        (SpoilerMode.OFF, UNWATCHED, True, True),
        (SpoilerMode.RECAPS, UNWATCHED, False, True),
        (SpoilerMode.RECAPS, NEXT, False, True),
        (SpoilerMode.RECAPS, WATCHED, True, True),
        (SpoilerMode.RECAPS, REVEALED, True, True),
        (SpoilerMode.STRICT, UNWATCHED, False, False),
        (SpoilerMode.STRICT, NEXT, False, True),
        (SpoilerMode.STRICT, WATCHED, True, True),
        (SpoilerMode.STRICT, REVEALED, True, True),
    ],
)
def test_policy_matrix(mode, state, recap, details):
    policy = SpoilerPolicy(mode)
    assert policy.recap_visible(state) is recap
    assert policy.details_visible(state) is details


def test_strict_masks_titles_and_synopses_with_a_label():
    policy = SpoilerPolicy(SpoilerMode.STRICT)
    assert policy.episode_title("The Reveal", UNWATCHED) == HIDDEN_TITLE
    assert "The Reveal" not in policy.synopsis("The Reveal happens", UNWATCHED)
    assert policy.episode_title("The Reveal", NEXT) == "The Reveal"


def test_hidden_label_gives_shape_and_how_to_reveal():
    label = SpoilerPolicy.hidden_recap_label(RecapShape(3, 1), "Press r.")
    assert "3 paragraphs, 1 key moment" in label and label.endswith("Press r.")


def test_notes_mask_spans_unless_revealed():
    assert "secret" not in SpoilerPolicy.note_text("a ||secret|| b")
    assert SpoilerPolicy.note_text("a ||secret|| b", revealed=True) == "a secret b"


def test_parse_mode():
    assert SpoilerMode.parse(" Strict ") is SpoilerMode.STRICT
    from episodetui.core.errors import EpisodeTuiError

    with pytest.raises(EpisodeTuiError, match="off, recaps, strict"):
        SpoilerMode.parse("loud")
