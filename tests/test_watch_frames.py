"""`w` and `z` say what changed in a toast once the frame that shows the change is out:
the toast's widgets, mounted first, held that frame back. The toast must still come."""

from __future__ import annotations

import re

from pilot_helpers import open_app, settle

ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")


def _record_frames(app) -> list[str]:
    """Every frame sent to the terminal, and TOAST where a toast starts being mounted."""
    from textual.widgets._toast import ToastRack

    frames: list[str] = []
    original = app._display
    rack = app.screen.query_one(ToastRack)
    show = rack.show

    def toast(notifications) -> None:  # type: ignore[no-untyped-def]
        if notifications:
            frames.append("TOAST")
        show(notifications)

    rack.show = toast  # type: ignore[method-assign]

    def record(screen, renderable) -> None:  # type: ignore[no-untyped-def]
        if renderable is not None and hasattr(renderable, "render_segments"):
            frames.append(ANSI.sub("", renderable.render_segments(app.console)))
        original(screen, renderable)

    app._display = record
    return frames


async def test_the_change_is_drawn_before_its_toast_and_the_toast_follows(secret_library):
    async with open_app(secret_library, start_show_id=1) as (app, pilot):
        await settle(pilot)
        frames = _record_frames(app)
        for key, progress, toast in (
            ("w", "2/4 watched", "Press z to undo"),
            ("z", "1/4 watched", "Undone:"),
        ):
            frames.clear()
            await pilot.press(key)
            await settle(pilot)
            showing = next(i for i, frame in enumerate(frames) if progress in frame)
            assert "TOAST" not in frames[:showing], f"{key}: the toast was mounted before the change's frame"
            assert any(toast in frame for frame in frames[showing + 1 :]), f"{key}: no toast after"
