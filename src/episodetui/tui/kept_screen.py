"""KeptScreen: a screen kept alive between visits, not styled again on every visit.

Textual applies the whole stylesheet again to every widget of a screen each time it is
pushed (about 4 ms of the 20 ms it takes to open the 1,100-episode show, measured with
bench/interact.py). A kept screen was styled when it was last shown; it needs that again
only if the CSS changed since: a theme, a new stylesheet source, the app's classes.
"""

from __future__ import annotations

from textual import events
from textual.screen import Screen


class KeptScreen(Screen):
    _styled_with: tuple[object, ...] | None = None

    def _style_signature(self) -> tuple[object, ...]:
        app = self.app
        return (
            app._css_update_count,
            len(app.stylesheet.source),
            app.theme,
            tuple(sorted(app.classes)),
            app.size,
            app.app_focus,
        )

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        signature = self._style_signature()
        styled, self._styled_with = self._styled_with, signature
        if event.refresh_styles and styled == signature:
            # Textual's own resume, without styling every widget again.
            event.prevent_default()
            Screen._on_screen_resume(self, events.ScreenResume(refresh_styles=False))
