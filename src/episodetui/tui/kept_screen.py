"""Redrawing less: a screen kept alive between visits is not styled again on every visit
(KeptScreen), and a Static whose height does not change is updated without a layout.

Textual applies the whole stylesheet again to every widget of a screen each time it is
pushed (about 4 ms of the 20 ms it takes to open the 1,100-episode show, measured with
bench/interact.py). A kept screen was styled when it was last shown; it needs that again
only if the CSS changed since: a theme, a new stylesheet source that can apply to it,
the app's classes.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.content import Content
from textual.screen import Screen
from textual.visual import visualize
from textual.widgets import Static


def app_closing(app) -> bool:  # type: ignore[no-untyped-def]
    """True once the app is closing: a timer set for work ahead (a spare screen, figures
    read ahead) can still fire then, when there is no screen on the stack to ask about."""
    return not app.is_running or app._exit or not app.screen_stack


class KeptScreen(Screen):
    _styled_with: tuple[object, ...] | None = None

    def _style_signature(self) -> tuple[object, ...]:
        app = self.app
        return (
            app._css_update_count,
            frozenset(app.stylesheet.source),
            app.theme,
            tuple(sorted(app.classes)),
            app.size,
            app.app_focus,
        )

    def styled_now(self) -> None:
        """Every widget of the screen has just been styled with the CSS in force (a
        screen built ahead, before it is first shown): its first visit need not again."""
        self._styled_with = self._style_signature()

    def styles_current(self) -> bool:
        """Styled with the CSS in force: nothing changed since that can style it."""
        return self._still_styled(self._styled_with, self._style_signature())

    def _still_styled(self, styled: tuple[object, ...] | None, now: tuple[object, ...]) -> bool:
        if styled is None or styled[:1] + styled[2:] != now[:1] + now[2:]:
            return False
        before, sources = styled[1], self.app.stylesheet.source
        assert isinstance(before, frozenset)
        added = [sources[key] for key in now[1] - before]  # type: ignore[operator]
        if not added:
            return True
        # A source added since counts only if it can style this screen: not scoped, or
        # scoped to a type one of its nodes has. Another screen's CSS and the default
        # CSS of widgets only it uses (the statistics screen's, built ahead after the
        # spare show screen was styled) cannot: counting them restyled the spare on the
        # first open of a show (4-7 ms). Widgets mounted since were styled as they were.
        types: set[str] = set()
        for node in self.walk_children(with_self=True):
            types.update(node._css_type_names)
        return not any(not source.scope or source.scope in types for source in added)

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        signature = self._style_signature()
        styled, self._styled_with = self._styled_with, signature
        if event.refresh_styles and self._still_styled(styled, signature):
            # Textual's own resume, without styling every widget again.
            event.prevent_default()
            Screen._on_screen_resume(self, events.ScreenResume(refresh_styles=False))


def update_in_place(static: Static, content: Content | Text) -> None:
    """Update a Static, laying the screen out again only if its height changes: a layout
    redraws the whole screen (`w` changes the show's progress line, a keystroke in the
    search the count of matches; rarely the height of either)."""
    width = static.content_size.width
    same_height = bool(width) and (
        visualize(static, content, markup=False).get_height(static.styles, width)
        == static.content_size.height
    )
    static.update(content, layout=not same_height)
