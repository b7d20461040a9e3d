"""Helpers for pilot tests that act like a person: keys, not widget values."""

from __future__ import annotations

from textual.command import CommandList, CommandPalette


async def settle(pilot, rounds: int = 3) -> None:
    for _ in range(rounds):
        await pilot.pause()


async def palette_choices(pilot, query: str) -> list[str]:
    """Open the palette with ctrl+p, type `query`, and return the entries it lists."""
    await pilot.press("ctrl+p")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*query)
    # The palette searches on a worker and draws results in batches.
    await settle(pilot)
    await pilot.app.workers.wait_for_complete()
    await settle(pilot)
    options = pilot.app.screen.query_one(CommandList)
    return [str(options.get_option_at_index(i).prompt).split("\n")[0] for i in range(options.option_count)]


async def run_palette(pilot, query: str, expect: str | None = None) -> None:
    """Type `query` in the palette and press Enter on the first entry (which must start
    with `expect` when given)."""
    choices = await palette_choices(pilot, query)
    assert choices, f"the palette offers nothing for {query!r}"
    if expect is not None:
        assert choices[0].startswith(expect), (query, choices)
    await pilot.press("enter")
    await settle(pilot)
