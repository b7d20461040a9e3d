"""KeyBar: Textual's footer, rebuilt only when the keys it shows change.

Textual's `Footer` removes and mounts all its key widgets whenever the screen's bindings
are updated: on every screen switch, focus change and many keypresses. Measured with
bench/interact.py, that rebuild was about 22 ms of a 38 ms screen switch in a bare app.
The keys a screen shows rarely change, so this footer keeps what it built unless they do.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeyBar(Footer):
    _shown: tuple | None = None

    def _signature(self, screen: Screen) -> tuple:
        return tuple(
            (binding.key, binding.action, binding.description, enabled)
            for (_, binding, enabled, _tooltip) in screen.active_bindings.values()
            if binding.show or binding.action == "app.command_palette" or binding.action == "command_palette"
        )

    def compose(self):
        # Remember what this build shows, read when it is built.
        self._shown = self._signature(self.screen) if self._bindings_ready else None
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # A FooterKey starts compact, gets its class when mounted and is then
                # bound to the footer's (not compact): two restyles of every key at
                # start-up (~1 ms each). Set both before it is mounted. (FooterKey is
                # Textual's, in a private module: tests/test_first_frame.py.)
                # The palette's key is the one not bound: it stays compact, as Textual
                # makes it.
                compact = True if widget.has_class("-command-palette") else self.compact
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen) -> None:
        if (
            self._shown is not None
            and screen.app.app_focus
            and self.is_attached
            and screen is self.screen
            and self._signature(screen) == self._shown
        ):
            return
        if self._shown is None and screen.app.app_focus and self.is_attached and screen is self.screen:
            # The first build with keys: now, not after the next frame (Footer waits
            # for a refresh), so the first frame has the screen's keys in its footer.
            self._bindings_ready = True
            self.call_next(self.recompose)
            return
        super().bindings_changed(screen)
