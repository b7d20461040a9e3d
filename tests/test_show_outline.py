"""What the show screen reads to open a show without reading every episode: the ids in
order, a few episodes by id, and views made one by one that equal show_view's."""

from __future__ import annotations

from episodetui.core.spoilers import SpoilerMode
from episodetui.core.views import show_outline, show_view


def test_the_outline_has_the_ids_in_show_order_and_views_equal_show_views(library):
    show = library.add_show("Harbour Lights", [3, 2], year=2025)
    specials = library.add_show("Side Roads", [2], first_season=0)
    episodes = library.episodes(show.id)
    library.set_watched(episodes[0].id, True)
    library.set_rating(show.id, episodes[0].id, 8)
    library.set_show_spoiler_mode(show.id, SpoilerMode.STRICT)
    header, views, ids = show_outline(library, show.id)
    assert ids == [e.id for e in episodes]
    full = show_view(library, show.id)
    assert header == full.header
    assert [views.view(e) for e in library.episodes_by_id(ids).values()] == full.episodes
    assert show_outline(library, specials.id)[2] == [e.id for e in library.episodes(specials.id)]


def test_episodes_by_id_reads_those_that_exist(library):
    show = library.add_show("Harbour Lights", [4])
    first, _, third, _ = library.episodes(show.id)
    read = library.episodes_by_id([third.id, first.id, 999_999])
    assert read == {first.id: library.episode(first.id), third.id: library.episode(third.id)}
    assert library.episodes_by_id([]) == {}
