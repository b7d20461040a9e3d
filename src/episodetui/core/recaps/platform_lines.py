"""Furniture of the places recaps are copied from besides articles: podcast show notes,
video descriptions, streaming and newsletter pages, search-engine image boxes, reprints.

Each rule reads one short line; `furniture.kind_of_drop` asks these after its own rules.
"""

from __future__ import annotations

import re

from episodetui.core.recaps.model import AVAILABILITY, BYLINE, IMAGE_CAPTION, PAGE_CHROME, PROMPT

_DAYS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?"

# A search engine's alt text left in a copied page: "Image result for show key visual"
_IMAGE_RESULT = re.compile(r"^image\s+result\s+for\s+\S", re.I)
# A picture's cast caption that ends with its copyright: "Nia (Carys Powell) and Huw
# (Tom Idris) Show Series 2 Episode 4 (c) Studio Pictures"
_CAST = re.compile(r"\b[A-Z][\w'’-]+\s+\([A-Z][a-z][\w'’.-]*(?:\s+[A-Z][a-z][\w'’.-]*)+\)")
_COPYRIGHT_END = re.compile(r"\((?:c|C)\)\s*(?-i:[A-Z])[\w&.'’-]*(?:\s+(?-i:[A-Z])[\w&.'’-]*){0,3}$")
# An actor and the role, alone: "Cara Lowe as DS Dee Holt" (two names at least before "as")
_ACTOR_AS_ROLE = re.compile(
    r"^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}\s+as\s+(?:[A-Z]{1,4}\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}$"
)
# "Where to watch: Crunchyroll", and a schedule line "Show is on Thursdays at 8pm."
_WHERE_TO_WATCH = re.compile(r"^where\s+to\s+(?:watch|stream)\s*:\s*\S", re.I)
_SCHEDULE = re.compile(
    rf"\b(?:is|are)\s+on\s+(?:every\s+)?{_DAYS}\s+(?:at\s+\d{{1,2}}(?:[:.]\d{{2}})?\s*(?:am|pm|[ap]\.m\.)|on\s+(?-i:[A-Z]))"
    r"[^.!?]{0,30}[.!]?$",
    re.I,
)
# A row of places to listen: "Listen: Apple · Spotify · RSS"
_LISTEN_ROW = re.compile(
    r"^(?:listen|watch|subscribe|follow)(?:\s+(?:on|at|now))?\s*:[*_\s]*\S+(?:\s+\S+)?(?:\s*[·•|,/]\s*\S+(?:\s+\S+)?){1,8}$",
    re.I,
)
# Support pleas of podcasts and newsletters: "Support the show on Patreon."
_SUPPORT = re.compile(
    r"\bsupport\s+(?:the|this|our|my)\s+(?:show|podcast|channel|newsletter|blog|site|work)\s+(?:on|at|via|through)\b",
    re.I,
)
# A reprint notice: "This article comes from Site UK.", "This review originally appeared on Site."
_REPRINT = re.compile(
    r"^this\s+(?:article|post|piece|recap|review|story)\s+(?:comes|is\s+republished)\s+from\b"
    r"|^this\s+(?:article|post|piece|recap|review|story)\s+(?:originally\s+|first\s+)?(?:appeared|ran)\s+(?:in|on|at)\b"
    r"|^this\s+(?:article|post|piece|recap|review|story)\s+was\s+(?:originally\s+|first\s+)?published\s+(?:in|on|at|by)\b"
    r"|^cross-?posted\s+(?:from|to|with)\s+\S",
    re.I,
)
# A deck that starts with its writer's name in capitals: "MARA QUINN weighs up the alibis …"
_CAPS_NAME_DECK = re.compile(
    r"^(?-i:(?!(?:THE|A|AN|THIS|THAT|WHAT|WHY|OMG|OH|MY|AND|I|WE)\s)[A-Z][A-Z'’-]+(?:\s+(?!(?:THE|AND)\s)[A-Z][A-Z'’-]+){1,2})\s+"
    r"(?:shares|weighs|looks|takes|reviews|recaps|rounds|picks|digs|dives|unpacks|ranks|considers|explains|asks|argues"
    r"|reflects|writes|gives|offers|walks|breaks\s+down|sums\s+up)\b"
)
# A newsletter's own header lines: "∙ Paid", and its deck "Plus: a reader mailbag, and …"
_NEWSLETTER_BADGE = re.compile(
    r"^[∙·•]\s*(?:paid|free|preview|subscriber\s+only|\d{1,3}\s*min(?:s|utes?)?(?:\s+(?:read|listen))?)$",
    re.I,
)
# A video description's own lines: "Business inquiries: …", "Music: "Track" by Artist
# (licensed)", "Thanks to my Patreon supporters!", an audio player's "Listen now"
_VIDEO_DESCRIPTION = re.compile(
    r"^(?:business|brand|sponsorship|press)\s+(?:inquiries|enquiries|contact|email)\s*:"
    r"|^(?:music|outro\s+music|intro\s+music|theme)\s*(?:by)?\s*:\s*\S.{0,80}\b(?:by|licensed|courtesy|via)\b[^.!?]{0,40}$"
    r"|^(?:thanks|thank\s+you)\s+to\s+(?:all\s+)?(?:my|our|the)\s+(?:patreon\s+|channel\s+)?(?:supporters|patrons|members)\b"
    r"|^listen\s+now$",
    re.I,
)
_PLUS_DECK = re.compile(r"^plus\s*:\s+[^.!?]{3,140}$", re.I)


def platform_drop(text: str, words: int, marker: str = "") -> str | None:
    """Which kind of furniture a short line of one of these places is, if any."""
    if words <= 16 and _IMAGE_RESULT.match(text):
        return IMAGE_CAPTION
    if words <= 30 and _CAST.search(text) and _COPYRIGHT_END.search(text):
        return IMAGE_CAPTION
    if words <= 8 and _ACTOR_AS_ROLE.match(text):
        return IMAGE_CAPTION
    if words <= 10 and _WHERE_TO_WATCH.match(text):
        return AVAILABILITY
    if words <= 14 and _SCHEDULE.search(text):
        return AVAILABILITY
    if words <= 20 and (_LISTEN_ROW.match(text) or _SUPPORT.search(text)):
        return PROMPT
    if words <= 16 and _REPRINT.match(text):
        return BYLINE
    if words <= 25 and _CAPS_NAME_DECK.match(text):
        return BYLINE
    if words <= 3 and _NEWSLETTER_BADGE.match(f"{marker} {text}".strip()):
        return PAGE_CHROME
    if words <= 16 and _VIDEO_DESCRIPTION.match(text):
        return PROMPT
    if words <= 25 and _PLUS_DECK.match(text):
        return PAGE_CHROME
    return None
