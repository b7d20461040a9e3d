"""The command palette's provider: every entry is literal text, never markup.

Textual's own system-commands provider parses each title and help line as markup, so a
show called `[@click=app.quit]` would become a clickable action and `[/]` would crash
the palette. This provider draws the same commands as `Content` built from plain text.
"""

from __future__ import annotations

from textual.command import DiscoveryHit, Hit, Hits, Matcher
from textual.content import Content
from textual.system_commands import SystemCommandsProvider


def literal_highlight(matcher: Matcher, title: str) -> Content:
    """The title as plain text, with the letters the query matched styled."""
    content = Content(title)
    score, offsets = matcher.fuzzy_search.match(matcher.query, title)
    if not score:
        return content
    for offset in offsets:
        if offset < len(title) and not title[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class LiteralSystemCommands(SystemCommandsProvider):
    async def discover(self) -> Hits:
        commands = sorted(self.app.get_system_commands(self.screen), key=lambda command: command.title)
        for title, help_text, callback, discover in commands:
            if discover:
                # Content passes through Textual's prompt builder unparsed.
                yield DiscoveryHit(Content(title), callback, text=title, help=Content(help_text))  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback, *_ in self.app.get_system_commands(self.screen):
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score, literal_highlight(matcher, title), callback, text=title, help=Content(help_text)
                )  # type: ignore[arg-type]
