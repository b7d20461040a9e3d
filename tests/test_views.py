"""The core's views and undoable marking: the policy applied once, plays put back exactly."""

from __future__ import annotations

import pytest

from conftest import SECRET, fixed_clock
from episodetui.cli import main
from episodetui.core import marking
from episodetui.core.errors import EpisodeTuiError
from episodetui.core.spoilers import HIDDEN_TITLE, SpoilerMode
from episodetui.core.store import Library
from episodetui.core.views import (
    episode_view,
    episode_views,
    library_rows,
    show_header,
    show_view,
    upcoming_views,
)

TITLE_CANARY = "Vermillionth"  # the title of an unwatched episode that is not next


def _strict_library(library: Library) -> tuple[int, list[int]]:
    show = library.add_show("Harbour Lights", [5], year=2025)
    ids = [e.id for e in library.episodes(show.id)]
    library.set_watched(ids[0], True)
    library.update_episode(ids[1], title="The Next One", synopsis="What happens next.")
    library.update_episode(ids[3], title=TITLE_CANARY, synopsis=f"{TITLE_CANARY} again.")
    library.update_episode(ids[4], air_date="2026-12-01", title=f"{TITLE_CANARY} airs")
    library.set_show_spoiler_mode(show.id, SpoilerMode.STRICT)
    return show.id, ids


def test_strict_views_hide_unwatched_titles_except_the_next(library):
    show_id, ids = _strict_library(library)
    view = show_view(library, show_id)
    by_id = {e.id: e for e in view.episodes}
    assert by_id[ids[1]].is_next and by_id[ids[1]].title == "The Next One"
    assert by_id[ids[3]].title == HIDDEN_TITLE and by_id[ids[3]].title_hidden
    assert TITLE_CANARY not in repr(view)
    assert TITLE_CANARY not in repr(library_rows(library))
    assert TITLE_CANARY not in repr(upcoming_views(library, 30))
    assert TITLE_CANARY not in repr(episode_views(library, ids))
    assert view.header.next is not None and view.header.next.title == "The Next One"
    assert not by_id[ids[4]].aired and by_id[ids[0]].aired
    # Watching it shows it; revealing it (a deliberate act) too.
    assert show_view(library, show_id, frozenset({ids[3]})).episodes[3].title == TITLE_CANARY
    library.set_watched(ids[3], True)
    assert TITLE_CANARY in repr(show_view(library, show_id))


def test_hidden_parts_name_what_a_reveal_would_show(library):
    show_id, ids = _strict_library(library)
    library.set_recap(ids[3], "A recap.", key_moments=[])
    assert episode_view(library, ids[3]).hidden_parts == ["the recap", "the title", "the synopsis"]
    assert episode_view(library, ids[3], revealed=True).hidden_parts == []
    assert episode_view(library, ids[1]).hidden_parts == []  # the next one: nothing hidden
    library.set_show_spoiler_mode(show_id, SpoilerMode.RECAPS)
    assert episode_view(library, ids[3]).hidden_parts == ["the recap"]


def test_episode_view_carries_the_recap_only_when_visible(secret_library):
    second = secret_library.episodes(1)[1].id
    hidden = episode_view(secret_library, second)
    assert hidden.recap is None and hidden.recap_hidden
    assert (hidden.recap_shape.paragraphs, hidden.recap_shape.key_moments) == (2, 1)
    assert SECRET not in repr(hidden)
    assert SECRET not in repr(show_view(secret_library, 1)) + repr(library_rows(secret_library))
    assert SECRET in episode_view(secret_library, second, revealed=True).recap.text
    secret_library.set_watched(second, True)
    assert SECRET in episode_view(secret_library, second).recap.text


def test_specials_are_labelled_and_never_next(library):
    show = library.add_show("Harbour Lights", [2])
    library.add_season(show.id, 0, 1)
    views = show_view(library, show.id).episodes
    assert [v.label for v in views] == ["S01E01", "S01E02", "Special 1"]
    assert [v.is_next for v in views] == [True, False, False]


def _plays(library: Library, episode_ids: list[int]) -> list[tuple]:
    return [
        (p.id, p.episode_id, p.watched_at, p.source, p.bulk) for e in episode_ids for p in library.plays(e)
    ]


def test_every_mark_undoes_to_the_same_plays(library):
    show = library.add_show("Harbour Lights", [6])
    ids = [e.id for e in library.episodes(show.id)]
    library.add_play(ids[0], "2026-01-02T10:00:00+00:00", source="trakt")
    library.add_play(ids[0], None, source="tvtime")
    before = _plays(library, ids)
    for act in (
        lambda: marking.mark_watched(library, ids[1]),
        lambda: marking.count_rewatch(library, ids[0]),
        lambda: marking.unmark(library, ids[0]),
        lambda: marking.mark_through(library, ids[4]),
        lambda: marking.unmark_through(library, ids[5]),
    ):
        change = act()
        assert change.changed
        marking.undo(library, change)
        assert _plays(library, ids) == before, change.description
    bulk = marking.mark_through(library, ids[3])
    assert len(bulk.added_play_ids) == 3 and all(p.bulk for p in library.plays(ids[2]))


def test_mark_through_marks_what_it_asked_about_in_one_statement(library):
    """The batched mark marks exactly what the question counted: aired, unwatched, up
    to the episode, across seasons, no specials, nothing in another show."""
    show = library.add_show("Harbour Lights", [3, 3])
    library.add_season(show.id, 0, 1)
    other = library.add_show("Quiet Orbit", [2])
    episodes = library.episodes(show.id)
    library.add_play(episodes[1].id, "2026-01-02T10:00:00+00:00")
    library.update_episode(episodes[2].id, air_date="2099-01-01")  # not aired: skipped
    target = episodes[4]  # S02E02
    asked = [e.id for e in library.aired_unwatched_through(target.id)]
    change = marking.mark_through(library, target.id)
    assert list(change.episode_ids) == asked == [episodes[0].id, episodes[3].id, episodes[4].id]
    assert sorted(change.added_play_ids) == sorted(p.id for e in asked for p in library.plays(e))
    assert all(p.bulk for e in asked for p in library.plays(e))
    assert [e.watched for e in library.episodes(show.id)] == [True, True, False, True, True, False, False]
    assert not any(e.watched for e in library.episodes(other.id))
    single = marking.mark_through(library, episodes[5].id)
    assert [p.bulk for p in library.plays(episodes[5].id)] == [False] and len(single.added_play_ids) == 1


def test_marking_decides_from_the_database(library):
    show = library.add_show("Harbour Lights", [2])
    first = library.episodes(show.id)[0].id
    library.set_watched(first, True)
    again = marking.mark_watched(library, first)
    assert not again.changed and library.episode(first).plays == 1
    library.update_episode(library.episodes(show.id)[1].id, air_date="2027-01-01")
    with pytest.raises(EpisodeTuiError, match="not aired"):
        marking.mark_watched(library, library.episodes(show.id)[1].id)


def test_header_view_matches_progress(secret_library):
    header = show_header(secret_library, 1)
    assert (header.watched, header.total, header.next.code) == (1, 4, "S01E02")


def test_cli_unwatch_through(data_dir, capsys):
    library = Library.open(data_dir, clock=fixed_clock)
    show = library.add_show("Harbour Lights", [5])
    library.watch_through(library.episodes(show.id)[4].id)
    library.close()
    assert main(["--data-dir", str(data_dir), "unwatch", "harbour", "3", "--through"]) == 0
    assert "Marked 3 episodes of Harbour Lights unwatched, through S01E03." in capsys.readouterr().out
    library = Library.open(data_dir)
    assert [e.watched for e in library.episodes(show.id)] == [False, False, False, True, True]
    library.close()
