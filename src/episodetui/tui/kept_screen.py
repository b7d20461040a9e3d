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
from textual import events, messages
from textual.content import Content
from textual.geometry import Size
from textual.screen import Screen
from textual.visual import visualize
from textual.widgets import Static


def app_closing(app) -> bool:  # type: ignore[no-untyped-def]
    """True once the app is closing: a timer set for work ahead (a spare screen, figures
    read ahead) can still fire then, when there is no screen on the stack to ask about."""
    return not app.is_running or app._exit or not app.screen_stack


class DrawnAhead(Screen):
    """A screen drawn off screen while another is on top (draw_ahead), whose frame is sent
    as it is when it is shown again and nothing on it changed since (show_drawn_ahead):
    Textual's full repaint of a screen shown again took 3-4 ms of Escape's ~10. Any
    update or layout of its widgets drops the frame, and so do pending repaints or
    another size; then Textual's full repaint runs as before.

    Private: Textual's compositor (to draw off screen, as the spare show screen does),
    its resume steps (Screen._on_screen_resume) and App._display; tests compare the first
    frame shown with a full repaint's (tests/test_library_return.py, test_show_prepared.py)."""

    _frame: object | None = None
    _frame_size: Size | None = None

    def _nothing_pending(self) -> bool:
        """No repaint or layout asked for and not done yet, by a widget that is drawn (a
        hidden one, the library's find field, keeps its requests until it is shown)."""
        if self._layout_required:
            return False
        for node in self.walk_children():
            if (node._repaint_required or node._layout_required) and all(
                ancestor.display for ancestor in node.ancestors_with_self if ancestor is not self
            ):
                return False
        return True

    def draw_ahead(self) -> None:
        """Draw it now, off screen, and keep the frame if nothing is pending."""
        app = self.app
        if app_closing(app) or app.screen is self or not self.is_attached:
            return
        if self._layout_required and not self.is_current:
            # Laid out as Textual lays out a screen it shows (Screen._on_timer_update):
            # one not shown is laid out by no one.
            self._layout_required = False
            self._refresh_layout(app.size)
            self._dirty_widgets.clear()
        if self._nothing_pending() and self._compositor.size == app.size:
            self._frame = self._compositor.render_update(full=True)
            self._frame_size = app.size

    def show_drawn_ahead(self, event: events.ScreenResume) -> bool:
        """In a resume: send the frame drawn ahead if it is still right (True), else leave
        the resume to Textual (False)."""
        frame, self._frame = self._frame, None
        size = self.app.size
        if frame is None or size != self._frame_size or self._size != size or not self._nothing_pending():
            return False
        event.prevent_default()
        # Textual's resume (Screen._on_screen_resume) without its full repaint.
        if self.app.SUSPENDED_SCREEN_CLASS:
            self.remove_class(self.app.SUSPENDED_SCREEN_CLASS)
        self.stack_updates += 1
        self.app._refresh_notifications()
        self._update_auto_focus()
        self.app._display(self, frame)
        return True

    async def _on_update(self, message: messages.Update) -> None:
        self._frame = None  # a widget changed: the frame is out of date (Textual's runs too)

    async def _on_layout(self, message: messages.Layout) -> None:
        self._frame = None


class KeptScreen(DrawnAhead):
    _styled_with: tuple[object, ...] | None = None
    _styled_types: set[str] | None = None  # its nodes' types when it was last styled

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
        self._styled_types = self._node_types()

    def _node_types(self) -> set[str]:
        types: set[str] = set()
        for node in self.walk_children(with_self=True):
            types.update(node._css_type_names)
        return types

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
        # first open of a show (4-7 ms). Widgets mounted since were styled as they were
        # mounted, with the CSS of their type (a toast's, added for the first toast).
        types = self._styled_types if self._styled_types is not None else self._node_types()
        return not any(not source.scope or source.scope in types for source in added)

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        signature = self._style_signature()
        styled, self._styled_with = self._styled_with, signature
        still_styled = self._still_styled(styled, signature)
        self._styled_types = self._node_types()  # styled now, or found still styled
        if (still_styled or not event.refresh_styles) and self.show_drawn_ahead(event):
            return
        self._frame = None
        if event.refresh_styles and still_styled:
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
