"""KeyBar: Textual's footer, rebuilt only when the keys it shows change.

Textual's `Footer` removes and mounts all its key widgets whenever the screen's bindings
are updated: on every screen switch, focus change and many keypresses. Measured with
bench/interact.py, that rebuild was about 22 ms of a 38 ms screen switch in a bare app.
The keys a screen shows rarely change, so this footer keeps what it built unless they do.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeyBar(Footer):
    _shown: tuple | None = None

    def _signature(self, screen: Screen) -> tuple:
        return tuple(
            (binding.key, binding.action, binding.description, enabled)
            for (_, binding, enabled, _tooltip) in screen.active_bindings.values()
            if binding.show or binding.action == "app.command_palette" or binding.action == "command_palette"
        )

    def bindings_changed(self, screen: Screen) -> None:
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            self._bindings_ready = True
            return
        signature = self._signature(screen)
        if signature == self._shown and self._bindings_ready:
            return
        self._shown = signature
        super().bindings_changed(screen)
