"""Views: what a surface may show, with the spoiler policy already applied.

Every screen and CLI command renders these and nothing else. The rules of the library
live here once: whether an episode has aired, which one is next, how a special is
labelled, and what of an episode the spoiler policy lets through (its title, synopsis and
recap). A surface never reads recap text or decides visibility itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from episodetui.core.codes import title_or_number
from episodetui.core.spoilers import EpisodeState, RecapShape, SpoilerMode, SpoilerPolicy

if TYPE_CHECKING:
    from episodetui.core.store import Episode, Library, NextEpisode, Recap, Show, ShowSummary
    from episodetui.core.store.ratings import RatingSummary
    from episodetui.core.store.rewatch import PassProgress


def aired(air_date: str | None, today: date) -> bool:
    """An episode without a date counts as aired: it was added by hand."""
    return air_date is None or air_date <= today.isoformat()


def episode_label(season: int, number: int, code: str) -> str:
    """What names an episode in a list: its code, or "Special N" in season 0."""
    return f"Special {number}" if season == 0 else code


@dataclass(frozen=True, slots=True)
class EpisodeView:
    """One episode as it may be shown. `title` and `synopsis` are what the policy allows
    ("(title hidden)" in strict mode), `recap` is the recap only when it is visible, and
    `recap_shape` its size whether visible or not."""

    id: int
    show_id: int
    season: int
    number: int
    code: str
    label: str
    title: str
    title_hidden: bool
    synopsis: str
    synopsis_hidden: bool
    air_date: str | None
    airstamp: str | None
    runtime: int | None
    aired: bool
    watched: bool
    watched_at: str | None
    plays: int
    note_count: int
    is_next: bool
    delisted: bool
    has_recap: bool
    recap_visible: bool
    recap_shape: RecapShape | None = None
    recap: Recap | None = None
    rating: int | None = None  # the user's rating of the episode, 1-10

    @property
    def display_title(self) -> str:
        """The title, or "Episode N" where there is none."""
        return title_or_number(self.title, self.number)

    @property
    def recap_hidden(self) -> bool:
        return self.has_recap and not self.recap_visible

    @property
    def hidden_parts(self) -> list[str]:
        """What a reveal would show, in words; empty when nothing is hidden."""
        parts = []
        if self.recap_hidden:
            moments = self.recap_shape is not None and self.recap_shape.key_moments
            parts.append("the recap and its key moments" if moments else "the recap")
        if self.title_hidden:
            parts.append("the title")
        if self.synopsis_hidden:
            parts.append("the synopsis")
        return parts


def make_episode_view(
    episode: Episode,
    policy: SpoilerPolicy,
    today: date,
    next_id: int | None,
    revealed: bool = False,
    rating: int | None = None,
) -> EpisodeView:
    """The view of one episode row; no recap text is read (see `episode_view`)."""
    state = EpisodeState(watched=episode.watched, is_next=episode.id == next_id, revealed=revealed)
    details = policy.details_visible(state)
    return EpisodeView(
        id=episode.id,
        show_id=episode.show_id,
        season=episode.season,
        number=episode.number,
        code=episode.code,
        label=episode_label(episode.season, episode.number, episode.code),
        title=policy.episode_title(episode.title, state),
        title_hidden=bool(episode.title) and not details,
        synopsis=policy.synopsis(episode.synopsis, state) if episode.synopsis else "",
        synopsis_hidden=bool(episode.synopsis) and not details,
        air_date=episode.air_date,
        airstamp=episode.airstamp,
        runtime=episode.runtime,
        aired=aired(episode.air_date, today),
        watched=episode.watched,
        watched_at=episode.watched_at,
        plays=episode.plays,
        note_count=episode.note_count,
        is_next=episode.id == next_id,
        delisted=episode.delisted,
        has_recap=episode.has_recap,
        recap_visible=episode.has_recap and policy.recap_visible(state),
        rating=rating,
    )


@dataclass(frozen=True, slots=True)
class NextView:
    """The next (or upcoming) episode of a show as a library row names it."""

    id: int
    code: str
    season: int
    number: int
    title: str


@dataclass(frozen=True, slots=True)
class ShowHeaderView:
    """A show's details and progress, as the show screen's header and `show` print them."""

    id: int
    title: str
    year: int | None
    network: str | None
    status: str | None
    synopsis: str
    mode: SpoilerMode
    count_specials: bool
    watched: int
    total: int
    next: NextView | None
    rating: int | None = None  # the user's rating of the show, 1-10
    episode_rating_average: float | None = None
    rewatch: PassProgress | None = None  # a rewatch in progress (next title through the policy)

    @property
    def landing_id(self) -> int | None:
        """Where opening the show puts the cursor: the rewatch's next episode during a
        rewatch, else the next episode to watch."""
        if self.rewatch is not None and self.rewatch.next_id is not None:
            return self.rewatch.next_id
        return self.next.id if self.next else None


@dataclass(frozen=True, slots=True)
class ShowView:
    header: ShowHeaderView
    episodes: list[EpisodeView]

    @property
    def next_id(self) -> int | None:
        return self.header.next.id if self.header.next else None

    @property
    def landing_id(self) -> int | None:
        return self.header.landing_id


@dataclass(frozen=True, slots=True)
class LibraryRowView:
    """A show in the library list: progress, next episode (through the policy) and
    the next one to air, whose title is never shown (it is unwatched)."""

    id: int
    title: str
    year: int | None
    watched: int
    total: int
    status: str
    last_watched_at: str | None
    next: NextView | None
    upcoming_code: str | None
    upcoming_in_days: int | None
    rating: RatingSummary | None = None  # the show's rating, or its episodes' average
    rewatch: PassProgress | None = None  # a rewatch in progress (its next title through the policy)


@dataclass(frozen=True, slots=True)
class UpcomingView:
    show_title: str
    episode: EpisodeView
    in_days: int
    airs_at: datetime | None  # in the user's timezone, when TVmaze gave a time


def _next_view(nxt: NextEpisode | None, policy: SpoilerPolicy, *, is_next: bool) -> NextView | None:
    if nxt is None:
        return None
    # The next episode to watch is unwatched; strict mode lets its title through.
    title = policy.episode_title(nxt.title, EpisodeState(watched=False, is_next=is_next))
    return NextView(nxt.id, nxt.code, nxt.season, nxt.number, title)


def library_row(
    summary: ShowSummary,
    policy: SpoilerPolicy,
    today: date,
    rating: RatingSummary | None = None,
    rewatch: PassProgress | None = None,
) -> LibraryRowView:
    upcoming = summary.upcoming
    return LibraryRowView(
        id=summary.id,
        title=summary.title,
        year=summary.year,
        watched=summary.watched,
        total=summary.total,
        status=summary.status,
        last_watched_at=summary.last_watched_at,
        next=_next_view(summary.next_episode, policy, is_next=True),
        upcoming_code=upcoming.code if upcoming else None,
        upcoming_in_days=summary.upcoming_in_days(today) if upcoming else None,
        rating=rating if rating is not None and rating.describe() else None,
        rewatch=rewatch,
    )


def library_rows(library: Library, summaries: list[ShowSummary] | None = None) -> list[LibraryRowView]:
    """Every show of the library (from `summaries` if already read), in title order."""
    if summaries is None:
        summaries = library.summaries()
    default = library.spoiler_mode
    today = library.today()
    ratings = library.rating_summaries()
    passes = library.active_pass_progress()
    return [
        library_row(s, SpoilerPolicy(s.spoiler_mode or default), today, ratings.get(s.id), passes.get(s.id))
        for s in summaries
    ]


def library_row_of(library: Library, show_id: int) -> LibraryRowView:
    summary = library.summary(show_id)
    return library_row(
        summary,
        SpoilerPolicy(summary.spoiler_mode or library.spoiler_mode),
        library.today(),
        library.rating_summary(show_id),
        library.pass_progress(show_id),
    )


def _header(library: Library, show: Show, summary: ShowSummary, policy: SpoilerPolicy) -> ShowHeaderView:
    rating = library.rating_summary(show.id)
    return ShowHeaderView(
        id=show.id,
        title=show.title,
        year=show.year,
        network=show.network,
        status=show.status,
        synopsis=show.synopsis,
        mode=policy.mode,
        count_specials=show.count_specials,
        watched=summary.watched,
        total=summary.total,
        next=_next_view(summary.next_episode, policy, is_next=True),
        rating=rating.own,
        episode_rating_average=rating.average,
        rewatch=library.pass_progress(show.id),
    )


def show_header(library: Library, show_id: int) -> ShowHeaderView:
    show = library.show(show_id)
    return _header(library, show, library.summary(show_id), library.policy_for(show))


@dataclass(frozen=True, slots=True)
class EpisodeViews:
    """What the views of one show's episodes depend on besides each episode: its spoiler
    policy, today, its next episode and the user's ratings. A list can read and view
    only the episodes it draws (1,100 views cost ~12 ms, a screenful well under 1)."""

    policy: SpoilerPolicy
    today: date
    next_id: int | None
    ratings: dict[int, int]

    def view(self, episode: Episode, revealed: bool = False) -> EpisodeView:
        return make_episode_view(
            episode, self.policy, self.today, self.next_id, revealed, self.ratings.get(episode.id)
        )


def show_outline(library: Library, show_id: int) -> tuple[ShowHeaderView, EpisodeViews, list[int]]:
    """A show's header, what its episodes' views depend on, and its episode ids in order
    (specials last): everything a list of the show needs before it draws a row."""
    show = library.show(show_id)
    summary = library.summary(show_id)
    policy = library.policy_for(show)
    views = EpisodeViews(
        policy=policy,
        today=library.today(),
        next_id=summary.next_episode.id if summary.next_episode else None,
        ratings=library.episode_ratings(show_id),
    )
    return _header(library, show, summary, policy), views, library.episode_ids(show_id)


def show_view(library: Library, show_id: int, revealed: frozenset[int] = frozenset()) -> ShowView:
    """A show and every episode, in order (specials last). `revealed`: episodes whose
    hidden details the user chose to see."""
    show = library.show(show_id)
    summary = library.summary(show_id)
    policy = library.policy_for(show)
    next_id = summary.next_episode.id if summary.next_episode else None
    today = library.today()
    ratings = library.episode_ratings(show_id)
    episodes = [
        make_episode_view(e, policy, today, next_id, e.id in revealed, ratings.get(e.id))
        for e in library.episodes(show_id)
    ]
    return ShowView(_header(library, show, summary, policy), episodes)


def episode_views(
    library: Library, episode_ids: list[int], revealed: frozenset[int] = frozenset()
) -> list[EpisodeView]:
    """Some episodes of one or more shows, without reading whole shows."""
    views = []
    cache: dict[int, tuple[SpoilerPolicy, int | None, dict[int, int]]] = {}
    today = library.today()
    for episode_id in episode_ids:
        episode = library.episode(episode_id)
        if episode.show_id not in cache:
            show = library.show(episode.show_id)
            cache[episode.show_id] = (
                library.policy_for(show),
                library.next_episode_id(show.id),
                library.episode_ratings(show.id),
            )
        policy, next_id, ratings = cache[episode.show_id]
        views.append(
            make_episode_view(
                episode, policy, today, next_id, episode_id in revealed, ratings.get(episode_id)
            )
        )
    return views


def episode_view(library: Library, episode_id: int, revealed: bool = False) -> EpisodeView:
    """One episode with its recap when the policy lets it be shown (the episode screen):
    `recap` is None while it is hidden, `recap_shape` says its size."""
    return episode_views_with_recaps(
        library, [episode_id], frozenset({episode_id}) if revealed else frozenset()
    )[0]


def episode_views_with_recaps(
    library: Library, episode_ids: list[int], revealed: frozenset[int] = frozenset()
) -> list[EpisodeView]:
    """Episodes with their recaps as `episode_view` gives them (`show --spoilers` asks for
    every recap of a show): the show's progress is read once, not once an episode."""
    from dataclasses import replace

    views = []
    for view in episode_views(library, episode_ids, revealed):
        state = EpisodeState(watched=view.watched, is_next=view.is_next, revealed=view.id in revealed)
        recap = library.recap_view(library.episode(view.id), state=state)
        views.append(
            replace(
                view, recap_shape=recap.shape, recap=recap.recap, recap_visible=recap.exists and recap.visible
            )
        )
    return views


def upcoming_views(library: Library, days: int) -> list[UpcomingView]:
    """What airs from today through `days` days ahead, soonest first."""
    today = library.today()
    default = library.spoiler_mode
    modes: dict[int, SpoilerPolicy] = {}
    items = []
    for item in library.upcoming(days):
        episode = item.episode
        policy = modes.get(episode.show_id)
        if policy is None:
            policy = modes[episode.show_id] = SpoilerPolicy(
                library.show(episode.show_id).spoiler_mode or default
            )
        # An unaired episode is never "next": strict mode keeps its title hidden.
        view = make_episode_view(episode, policy, today, next_id=None)
        in_days = (date.fromisoformat(episode.air_date) - today).days if episode.air_date else 0
        items.append(UpcomingView(item.show_title, view, in_days, item.local_time()))
    return items
