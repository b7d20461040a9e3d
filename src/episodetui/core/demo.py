"""A demo library of invented shows, for `episodetui --demo`, screenshots and tests.

Every title, synopsis, recap and note here was written for this project.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from episodetui.core.store import Clock, KeyMoment, Library, utc_now

HARBOUR_TITLES = [
    "The Ferry at Dawn",
    "Salt on the Window",
    "A Lantern for Two",
    "What the Tide Keeps",
    "Borrowed Umbrellas",
    "The Night Market",
    "Letters Never Sent",
    "Fog Horn",
    "Second Crossing",
    "The Keeper's Log",
    "High Water",
    "Harbour Lights",
]

ORBIT_TITLES = [
    [
        "Cold Start",
        "Telemetry",
        "The Long Burn",
        "Dead Reckoning",
        "Occultation",
        "Perihelion",
        "Ghost Signal",
        "Escape Velocity",
    ],
    [
        "Parking Orbit",
        "Tidal Lock",
        "The Lagrange Point",
        "Blackout",
        "Slingshot",
        "Debris Field",
        "Reentry",
        "Splashdown",
    ],
]

HARBOUR_E1_RECAP = """\
Min-ji returns to the port town she left a decade ago, carrying one suitcase and a song she cannot finish. The first thing she sees from the ferry is the old lighthouse, dark for years, and the first person she meets on the pier is Do-hyun, who still runs his late grandmother's noodle stall and still pretends not to be pleased to see her.

The episode takes its time. We watch the two of them fall back into an easy rhythm, bickering over broth and arguing about whether the town has changed. Under the jokes is an old wound: she left without saying goodbye, and he never asked why.

By the end of the night Min-ji has rented the room above the stall, and Do-hyun has agreed, against his better judgement, to help her find the person who used to light the lighthouse."""

HARBOUR_E1_MOMENTS = [
    KeyMoment(
        "The ferry horn cuts off Min-ji's song mid-line, and she laughs for the first time in the episode.",
        4 * 60 + 12,
    ),
    KeyMoment(
        "Do-hyun slides a bowl across the counter without asking what she wants: he still remembers.",
        23 * 60 + 40,
    ),
]

HARBOUR_E4_RECAP = """\
The harbour fog rolls in and the search for the lighthouse keeper finally turns up a name. Min-ji learns that the keeper kept a log of every ship that passed, and that the last entry was written on the night she left town.

Do-hyun confesses he read the log years ago and said nothing. Their argument on the breakwater is the best scene of the series so far.

The episode closes on the lamp at the top of the lighthouse flickering on by itself."""

HARBOUR_E4_MOMENTS = [
    KeyMoment("The last line of the keeper's log is read aloud by Do-hyun, voice breaking.", 38 * 60 + 5),
    KeyMoment("The lamp flickers on with nobody in the tower.", 61 * 60 + 30),
]

ORBIT_S2E3_RECAP = """\
The crew of the Calliope reach the Lagrange point to find the relay station already occupied. Commander Ives negotiates with a voice that claims to be a rescue crew from a ship that was lost twelve years earlier.

A tense middle act aboard the station ends with the engineer Okafor discovering the station's clocks are running backwards."""


def build_demo_library(data_dir: Path, clock: Clock = utc_now) -> Library:
    """Create (or reuse) the demo library in `data_dir`."""
    library = Library.open(data_dir, clock)
    if library.show_count():
        return library
    now = clock()

    def days_ago(days: float) -> str:
        return (now - timedelta(days=days)).date().isoformat()

    harbour = library.add_show(
        "Harbour Lights",
        [12],
        year=2025,
        network="Streamline+",
        status="Ended",
        synopsis=(
            "A songwriter comes home to a port town and a friend she left behind, and the two "
            "of them go looking for whoever once kept the lighthouse lit."
        ),
    )
    episodes = library.episodes(harbour.id)
    for episode, title in zip(episodes, HARBOUR_TITLES, strict=True):
        library.update_episode(
            episode.id,
            title=title,
            air_date=days_ago(120 - 7 * episode.number),
            runtime=64,
            synopsis=f"Min-ji and Do-hyun, chapter {episode.number}.",
        )
    library.update_episode(
        episodes[0].id,
        synopsis="Min-ji steps off the ferry into the town she swore she was done with.",
    )
    for episode in episodes[:3]:
        library.set_watched(episode.id, True)
    library.set_recap(
        episodes[0].id,
        HARBOUR_E1_RECAP,
        title="Harbour Lights episode 1: a homecoming that takes its time",
        source="demo",
        key_moments=HARBOUR_E1_MOMENTS,
    )
    library.set_recap(
        episodes[3].id,
        HARBOUR_E4_RECAP,
        title="Harbour Lights episode 4: the keeper's log",
        source="demo",
        key_moments=HARBOUR_E4_MOMENTS,
    )
    library.add_note(
        harbour.id,
        "The noodle stall sign is hand-painted: look for it in later episodes.",
        episode_id=episodes[0].id,
        at_seconds=2 * 60 + 5,
    )
    library.add_note(
        harbour.id,
        "Best line of the episode, at the counter.",
        episode_id=episodes[0].id,
        at_seconds=23 * 60 + 50,
    )
    library.add_note(
        harbour.id,
        "I think ||the keeper is her aunt|| - check the photo on the wall.",
        episode_id=episodes[1].id,
        at_seconds=41 * 60 + 10,
    )
    library.add_note(harbour.id, "Recommended by a friend; watch with subtitles.")

    orbit = library.add_show(
        "The Quiet Orbit",
        [8, 8],
        year=2023,
        network="Northlight",
        status="Running",
        synopsis="A salvage crew far from home answers a distress call nobody else can hear.",
    )
    library.add_season(orbit.id, 0, 2)
    for episode in library.episodes(orbit.id):
        if episode.season == 0:
            library.update_episode(episode.id, title=f"Mission Log {episode.number}", runtime=12)
            continue
        library.update_episode(
            episode.id,
            title=ORBIT_TITLES[episode.season - 1][episode.number - 1],
            air_date=days_ago(700 - 365 * (episode.season - 1) - 7 * episode.number),
            runtime=52,
        )
        if episode.season == 1 or episode.number <= 2:
            library.set_watched(episode.id, True)
        if episode.season == 2 and episode.number == 3:
            library.set_recap(episode.id, ORBIT_S2E3_RECAP, title="The Lagrange Point", source="demo")
            library.add_note(
                orbit.id,
                "Pause here: ||the clocks|| detail in the background.",
                episode_id=episode.id,
                at_seconds=17 * 60,
            )

    ledger = library.add_show(
        "Ledger of Ash",
        [10, 10, 10],
        year=2021,
        network="Channel 9",
        status="Ended",
        synopsis="Forensic accountants follow the money through a city that burns its records.",
    )
    for episode in library.episodes(ledger.id):
        library.update_episode(
            episode.id, air_date=days_ago(1500 - 3 * episode.number - 100 * episode.season)
        )

    lanterns = library.add_show(
        "Paper Lanterns",
        [12],
        year=2024,
        network="Animix",
        status="Ended",
        synopsis="Two apprentices at a lantern workshop prepare for the festival of a lifetime.",
    )
    lantern_episodes = library.episodes(lanterns.id)
    for episode in lantern_episodes:
        library.update_episode(episode.id, title=f"Lantern No. {episode.number}", runtime=24)
    library.watch_through(lantern_episodes[-1].id)

    garden = library.add_show(
        "바람의 정원 (Garden of Wind)",
        [16],
        year=2022,
        network="Streamline+",
        status="Ended",
        synopsis="A botanist and a retired detective share a greenhouse and a cold case.",
    )
    garden_episodes = library.episodes(garden.id)
    for episode in garden_episodes:
        library.update_episode(episode.id, air_date=days_ago(900 - 7 * episode.number))
    library.watch_through(garden_episodes[4].id)
    return library
