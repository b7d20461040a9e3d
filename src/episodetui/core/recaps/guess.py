"""Which show and episode a recap's headline (and a page's other titles) name.

A guess is only ever offered, never applied. Its description never quotes the
headline: it names a show of the library and an episode code, or says that the
headline names a show that is not in the library (the quoted words may be the
episode's title or a plot beat, and the recap may be hidden).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from episodetui.core.codes import format_episode_code
from episodetui.core.titles import normalize_title

if TYPE_CHECKING:
    from episodetui.core.recaps.model import ParsedRecap

_QUOTED = re.compile(
    r"[‘“«„]([^’”»“\n]{1,120})[’”»]|\"([^\"\n]{1,120})\"|(?:(?<=\s)|^)'([^'\n]{1,120})'(?=[\s:,.;!?]|$)"
)
_NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
_ORDINALS = {
    word: value
    for value, word in enumerate(
        "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
    )
    if value
}
_NUM = r"(\d{1,4}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_ORD = r"(" + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + r")"


_ROMAN = {
    n: v
    for v, n in enumerate("_ I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX".split())
    if v
}
# "The Revival Series, Episode Two", "the podcast's episode 12": another series' episode
_OTHER_SERIES = re.compile(r"\b(?:series|podcast|podcast['’]s)\s*[,:]?\s*(?:episode|ep\.?)\s*#?\s*\w+", re.I)
_DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+\d{4})?"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b",
    re.I,
)
# Prose that names the episode it is about: "the season's third episode", "season 2, episode 5"
_PROSE_EPISODE = re.compile(
    rf"\b(?:the|this)\s+(?:season['’]s\s+|series['’]\s+|show['’]s\s+)?{_ORD}\s+episode\b"
    rf"|\b(?:season|series)\s+{_NUM}\s*,?\s*episode\s+{_NUM}\b|\bs\d{{1,3}}\s*e\d{{1,4}}\b"
    # a code in brackets or zero-padded: "the finale (2x10)", "(2.10)"
    r"|\b\d{1,2}[x×]\d{2}\b|\(\d{1,2}\.\d{1,3}\)"
    # a spoiler guard names the episode the post is about: "if you have not seen episode six, stop now"
    rf"|\b(?:have\s+not|haven['’]t|not\s+yet)\s+(?:seen|watched)\s+episode\s+{_NUM}\b",
    re.I,
)


# "After the Pilot", "the series pilot", "Pilot recap": the first episode (not "the pilot crashes")
_PILOT = re.compile(
    r"\b(?:the|series|show['’]s)\s+pilot\b(?!\s+(?:\w+s|was|is)\b)|\bpilot\s+(?:episode|recap|review)\b", re.I
)


# "the fifth episode of the second season", "episode 5 of season 2"
_EPISODE_OF_SEASON = re.compile(
    rf"\b{_ORD}\s+episode\s+of\s+(?:the|its|this)\s+(?:show['’]s\s+|series['’]\s+)?{_ORD}\s+season\b"
    rf"|\bepisode\s+{_NUM}\s+of\s+(?:the\s+)?season\s+{_NUM}\b",
    re.I,
)


def _episode_of_season(text: str) -> tuple[int | None, int | None]:
    match = _EPISODE_OF_SEASON.search(text)
    if not match:
        return None, None
    if match.group(1):
        return _ORDINALS[match.group(2).lower()], _ORDINALS[match.group(1).lower()]
    return _number(match.group(4)), _number(match.group(3))


def episode_in_prose(text: str) -> tuple[int | None, int | None]:
    """(season, episode) that an opening paragraph says it is about, by the explicit
    phrases only (a bare "episode 2" in prose is as often last week's, but not in a
    spoiler guard: "if you haven't seen episode six, stop now")."""
    if _episode_of_season(text)[1] is not None:
        return _episode_of_season(text)
    match = _PROSE_EPISODE.search(text)
    if not match:
        return None, None
    if match.group(1):
        return None, _ORDINALS[match.group(1).lower()]
    return guess_episode(match.group(0))


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def guess_episode(headline: str) -> tuple[int | None, int | None]:
    """(season, episode) named in a headline, or (None, None)."""
    text = re.sub(r"\bseason-(?=\w)", "season ", headline.lower())  # "Season-2 Premiere"
    patterns = (
        (r"\bs(\d{1,3})\s*[,.\-–—]?\s*e(?:p\.?\s*)?(\d{1,4})\b", None),
        (r"\b(\d{1,3})[x×](\d{1,4})\b", None),  # 1x03, 4×15
        (r"\((\d{1,2})\.(\d{1,3})\)", None),  # (1.3)
        (r"\b(?:episode|ep\.?)\s*[,:#]?\s*(\d{1,2})\.(\d{1,3})(?![\d.])", None),  # Episode 5.8
        (r"(?<![\d.$£€])(\d{1,2})\.(\d{2})(?![\d.%])", None),  # 1.03, not 7.16% or $1.50
        (rf"\bseason\s+{_NUM}\s*[,:\-–—]?\s*(?:episode|ep\.?|chapter|part)\s*#?\s*{_NUM}\b", None),
        # British "Series 2, Episode 5" (not "The Revival Series, Episode Two": no number)
        (rf"\bseries\s+{_NUM}\s*[,:\-–—]?\s*(?:episode|ep\.?)\s*#?\s*{_NUM}\b", None),
        (rf"\bseason\s+{_NUM}\s*,?\s*{_ORD}\s+episode\b", "ordinal"),
        (rf"\bseason\s+{_NUM}\s*,?\s*week\s+{_NUM}\b", None),  # a weekly column: "Season 2, Week 4"
        (rf"\bseason\s+{_NUM}\s+(?:premiere|opener)\b", "premiere"),
    )
    roman = re.search(r"\b(?:episode|ep\.?|chapter|part)\s+([IVX]{1,5})\b", headline, re.I)
    if roman and roman.group(1).isupper() and roman.group(1) in _ROMAN:
        text = (
            text[: roman.start()] + f"episode {_ROMAN[roman.group(1)]}" + text[roman.end() :]
        )  # "Episode IV"
    text = _OTHER_SERIES.sub(" ", text)
    text = _DATE.sub(" ", text)  # "Week of April 13": a date, not an episode
    for pattern, special in patterns:
        match = re.search(pattern, text)
        if match:
            season = _number(match.group(1))
            if special == "premiere":
                return season, 1
            if special == "ordinal":
                return season, _ORDINALS[match.group(2)]
            return season, _number(match.group(2))
    season_match = re.search(rf"\bseason\s+{_NUM}\b|\b(\d{{1,2}})(?:st|nd|rd|th)\s+season\b", text)
    named_season = (
        _number(next(g for g in season_match.groups() if g)) if season_match else None
    )  # "3rd Season"
    match = (
        re.search(rf"\b(?:episodes?|eps?\.?|chapter|part)\s*#?\s*\(?{_NUM}\b", text)
        or re.search(r"(?<![\w.])e(\d{1,3})\b", text)
        or re.search(r"제?\s*(\d{1,4})\s*(?:화|회)(?!\w)", text)
    )
    if match:
        return named_season or 1, _number(match.group(1))
    match = re.search(rf"\b{_ORD}\s+(?:episode|chapter|part|instal?lment)\b", text)
    if match:
        return named_season or 1, _ORDINALS[match.group(1)]
    if re.search(r"\b(?:series\s+|season\s+)?premiere\b", text) or _PILOT.search(text):
        return named_season or 1, 1
    # An anime blog's "Title – 04" or "Title - 04 [impressions]": a number after a dash.
    match = re.search(
        r"\s[-–—]\s*(\d{1,3})(?:\s*(?:&|\+|,|and|[-–])\s*\d{1,3})?(?:\s*(?:\[[^\]]*\]|\([^)]*\)))?\s*$", text
    )  # "Title – 05 & 06": the first
    if match:
        return named_season or 1, int(match.group(1))
    # "Bento Knights 12 - The Twins' Weakness": a number between the title and a dash
    match = re.search(r"^[^\d]{2,80}?[a-z](?<!season)(?<!top)(?<!part)\s+(\d{1,3})\s+[-–—]\s+\S", text)
    if match:
        return named_season or 1, int(match.group(1))
    return None, None


@dataclass(frozen=True)
class TargetGuess:
    """What the headline suggests; the user confirms it, it is never applied silently."""

    show_title: str | None  # the library show it names, if any
    names_other_show: bool  # it quotes a title that is not a show of the library
    season: int | None
    number: int | None

    @property
    def code(self) -> str | None:
        return None if self.number is None else format_episode_code(self.season or 1, self.number)

    @property
    def empty(self) -> bool:
        return self.show_title is None and not self.names_other_show and self.number is None

    def describe(self) -> str:
        """Safe to print for any recap: a library show's title and an episode code."""
        if self.show_title:
            return f"{self.show_title} {self.code}" if self.code else f"{self.show_title} (no episode named)"
        if self.names_other_show:
            return (
                f"{self.code} of a show that is not in your library"
                if self.code
                else "a show that is not in your library"
            )
        return f"{self.code} (no show named)" if self.code else "no show or episode"


# "Show Season 2 Finale: … From 'Its Title'": words that say an episode is named after them
_SEASON_WORDS = re.compile(r"\bseason\s+\w+|\b(?:finale|premiere|pilot)\b", re.I)
# The episode's code right after the quotes: ' (Season One, Episode Two)', ' – S1E2', ' (1x02)'
_CODE_NEXT = re.compile(
    rf"\s*[(\[,:–—-]?\s*(?:season\s+{_NUM}\s*[,:]?\s*(?:episode|ep\.?)\s*{_NUM}\b|s\d{{1,3}}\s*e\d{{1,4}}\b|\d{{1,3}}[x×]\d{{1,4}}\b)",
    re.I,
)
# A full code, season and episode: what a "Part Two" in an episode's title gives way to
_FULL_CODE = re.compile(
    rf"\bseason\s+{_NUM}\s*[,:/\-–—]?\s*(?:episode|ep\.?)\s*{_NUM}\b|\bs\d{{1,3}}\s*[,.]?\s*e(?:p\.?\s*)?\d{{1,4}}\b|\b\d{{1,3}}[x×]\d{{1,4}}\b",
    re.I,
)
_PART = re.compile(rf"\bpart\s+(?:{_NUM}|[IVX]{{1,4}})\b", re.I)
# Any sign that a title names its season ("Season 2", "S2E5", "2x05", "(2.05)", "Series 3")
_NAMES_SEASON = re.compile(r"\bseason\b|\bseries\s+\w+|\bs\d{1,3}\s*[,.]?\s*e|\d\s*[x×]\s*\d|\d\.\d", re.I)


def _library_show(texts: list[str], library_titles: list[str]) -> str | None:
    by_key = {normalize_title(title): title for title in library_titles if normalize_title(title)}
    for text in texts:
        flat = normalize_title(text)
        for match in _QUOTED.finditer(text):
            quoted = next(group for group in match.groups() if group)
            before = normalize_title(text[: match.start()])
            names_episode = (
                guess_episode(text[: match.start()])[1] is not None
                or _SEASON_WORDS.search(text[: match.start()])
                or _CODE_NEXT.match(text[match.end() :])  # 'Show: "Deep Water" (Season One, Episode Two)'
            )
            if names_episode and any(key in before for key in by_key):
                flat = before
                break  # 'Show Season 2, Episode 6 Review: "The Long Table"': the quotes hold the episode's title
            if normalize_title(quoted) in by_key:
                return by_key[normalize_title(quoted)]
        # No quotes, or quotes around something else: a library title inside the text, the
        # first one named ("Show – The Other Show's Name" is an episode's title after a
        # dash), and the longer of two titles one inside the other
        found = {key: title for key, title in by_key.items() if key in flat}
        whole = [key for key in found if not any(key != other and key in other for other in found)]
        if whole:
            return found[min(whole, key=lambda key: (flat.find(key), -len(key)))]
    return None


def _season_after_show(text: str, show: str, number: int) -> int | None:
    """ "Show 2 | Episode 10": a number right after the show's name, then the episode
    named apart, is the season (not "Show 12 - Subtitle", where it is the episode)."""
    name = r"\W+".join(re.escape(word) for word in show.split())
    match = re.search(rf"{name}\s+(\d{{1,2}})\s*(?:[|:–—-]|episode\b|ep\b)", text, re.I)
    if match and guess_episode(text[: match.start(1)] + text[match.end(1) :])[1] == number:
        return int(match.group(1))  # the episode is still named without that number
    return None


def _bare_premiere(text: str) -> bool:
    """ "… the Ashgrove Premiere", "… the 'Gallowmoor' season premiere": a premiere, and
    nothing says of which season."""
    return bool(re.search(r"\bpremiere\b", text, re.I)) and not re.search(
        r"\bseason\s+(?!premiere\b)\w|\w+\s+season\s+premiere|\bs\d|\d\s*x\s*\d|\d\.\d|\bepisode\b|\bep\b",
        re.sub(
            r"\b(?:the|a|its|this|new)\s+season\s+premiere\b|[\"'”’]\s+season\s+premiere\b",
            " premiere",
            text,
            flags=re.I,
        ),
        re.I,
    )


# "The sixth and final season of … started on Sunday": the season an opening paragraph names
_SEASON_STARTED = re.compile(
    rf"\b(?:the|its|this)\s+{_ORD}\s+(?:and\s+(?:final|last)\s+)?season\b(?!\s+(?:of\s+\w+\s+)?(?:was|had|ended))",
    re.I,
)


def _premiere_season(paragraphs: list[str]) -> int | None:
    """The season of a "premiere" headline, when an opening paragraph gives the
    premiere's code ("the season premiere (2.01)", "S02E01")."""
    for paragraph in paragraphs:
        for code in re.finditer(
            r"\bs\d{1,3}\s*e\d{1,4}\b|\b\d{1,3}x\d{1,4}\b|\(\d{1,2}\.\d{1,3}\)|\bseason\s+\w+\s+premiere\b",
            paragraph,
            re.I,
        ):
            season, number = guess_episode(code.group(0))
            if number == 1:
                return season
    for paragraph in paragraphs:  # a code anywhere beats an ordinal ("In the first season it was…")
        started = _SEASON_STARTED.search(paragraph)
        if started:
            return _ORDINALS[started.group(1).lower()]
    return None


def _season_code(number: int, texts: list[str]) -> tuple[int, int] | None:
    """ "Episode 407" when another title says "Season 4, Episode 7": a season and an
    episode written as one number."""
    for text in texts:
        season, episode = guess_episode(text)
        if season and episode and episode < 100 and season * 100 + episode == number:
            return season, episode
    return None


# "…, and episode 7 was no exception": a bare episode number in running prose (not "in
# episode one", "as ep 4 ended", "since episode 2", "last week's episode 6")
_BARE_EPISODE = re.compile(
    rf"(?<!\bin\s)(?<!\bas\s)(?<!\bof\s)(?<!\bsince\s)(?<!\bafter\s)(?<!\bfrom\s)(?<!\blike\s)(?<!\bbefore\s)"
    rf"(?<!['’]s\s)(?<!\bprevious\s)(?<!\blast\s)\b(?:episode|ep\.?)\s+{_NUM}\b(?!\s*(?:[-–&,x.]\s*\d|ended|and\b))",
    re.I,
)

# "Last week, episode six …", "Next time, episode 9 …": a bare number about another week
_ANOTHER_WEEK = re.compile(r"\b(?:last|previous(?:ly)?|earlier|next)\b[^.!?]*$", re.I)
_ANY_EPISODE = re.compile(rf"\b(?:episode|ep\.?)\s+{_NUM}\b", re.I)


def _bare_episode(paragraphs: list[str]) -> tuple[int | None, int | None]:
    """The episode an opening paragraph names by a bare "episode 7" in running prose,
    when nothing else names one: the first of the first two paragraphs of at least eight
    words that names exactly one episode number this way (measured over all 337 fixtures:
    such a number was the article's own 44 times in 45; the other is in a recap of two
    episodes, which names both)."""
    for paragraph in paragraphs:
        if len(paragraph.split()) < 8:
            continue
        named = {_number(match.group(1)) for match in _ANY_EPISODE.finditer(paragraph[:600])}
        found = {
            _number(match.group(1))
            for match in _BARE_EPISODE.finditer(paragraph[:600])
            if not _ANOTHER_WEEK.search(paragraph[max(0, match.start() - 30) : match.start()])
        }
        if len(found) == 1 and found == named:
            # "Show season 3 is officially over … episode 8 also opened …": one season named beside it
            seasons = {
                _number(m.group(1)) for m in re.finditer(rf"\bseason\s+{_NUM}\b", paragraph[:600], re.I)
            }
            return (seasons.pop() if len(seasons) == 1 else None), found.pop()
    return None, None


_ADDRESS = re.compile(r"^(?:https?://|www\.)\S+$", re.I)


def _slug_words(text: str) -> str:
    """A copied address ("https://site/tv/show-season-2-episode-5-recap/") as the words of
    its path: the show and the code in a slug read like any title."""
    if not _ADDRESS.match(text.strip()):
        return text
    path = re.sub(r"^(?:https?://)?[^/]+", "", text.strip())
    return " ".join(
        re.sub(r"\.(?:html?|php|aspx?)$", "", path, flags=re.I).replace("_", "-").replace("/", " ").split("-")
    )


def _season_elsewhere(number: int, texts: list[str]) -> int | None:
    """The season of an episode named without one ("Episode 5 Recap"), when another title
    names the same episode with its season ("…-season-2-episode-5-recap", "the fifth
    episode of the second season")."""
    for text in texts:
        season, episode = _episode_of_season(text)
        if season is None and _NAMES_SEASON.search(text):
            season, episode = guess_episode(text)
        if season is not None and episode == number:
            return season
    return None


def guess_target(recap: ParsedRecap | str, library_titles: list[str]) -> TargetGuess:
    """The library show and the episode a recap's headline names; when the headline
    names none, a saved page's other titles (<title>, og:title, kicker)."""
    headline = recap if isinstance(recap, str) else recap.headline
    hints = [] if isinstance(recap, str) else list(recap.title_hints)
    texts = [_slug_words(text[:300]) for text in (headline, *hints)]
    show = _library_show(texts, library_titles)
    season, number = None, None
    for text in texts:
        season, number = guess_episode(text)
        if number is not None:
            if not isinstance(recap, str) and _bare_premiere(text):
                season = _premiere_season(recap.paragraphs[:3] + hints) or season
            if number >= 100:
                season, number = _season_code(number, texts) or (season, number)
            if _PART.search(text) and guess_episode(_PART.sub(" ", text)) == (None, None):
                # "Show - Strangers: Part Two - Season Finale": the part of a two-part episode,
                # unless nothing names the episode better
                coded = next((guess_episode(t) for t in texts if t != text and _FULL_CODE.search(t)), None)
                season, number = coded or (season, number)
            if not isinstance(recap, str) and not _NAMES_SEASON.search(text):
                # "Chapter Five" over "the fifth episode of the second season": its season
                said = next(
                    (
                        found
                        for p in recap.paragraphs[:3]
                        if (found := _episode_of_season(p[:600]))[1] == number
                    ),
                    None,
                )
                season = said[0] if said else season
            if show and number is not None and not _NAMES_SEASON.search(text):
                season = _season_after_show(text, show, number) or season
            if _episode_of_season(text)[1] == number:
                season = _episode_of_season(text)[0]  # "the ninth episode of the second season of Show"
            elif number is not None and not _NAMES_SEASON.search(text):
                season = _season_elsewhere(number, texts) or season
            break
    if number is None and not isinstance(recap, str):
        for paragraph in recap.paragraphs[:2]:
            season, number = episode_in_prose(paragraph[:600])
            if number is not None:
                break
        else:
            season, number = _bare_episode(recap.paragraphs[:2])
    names_other = show is None and any(_QUOTED.search(text) for text in texts[:1])
    return TargetGuess(show, names_other, season, number)
