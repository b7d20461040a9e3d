"""What page furniture looks like: the lines around a recap that are not the recap.

Each pattern is for a short line (a long paragraph that mentions spoilers or Twitter
is body text). `kind_of_drop` says which kind of furniture a block is, if any.
"""

from __future__ import annotations

import re

from episodetui.core.html_blocks import CAPTION, HEADING, Block
from episodetui.core.recaps.model import (
    AVAILABILITY,
    BYLINE,
    COMMUNITY,
    IMAGE_CAPTION,
    PAGE_CHROME,
    PROMPT,
    RATING,
    SPOILER_WARNING,
)
from episodetui.core.recaps.platform_lines import platform_drop

SHORT = 45  # words: warnings, captions and prompts are short

SPOILER_WARNING_LINE = re.compile(
    r"^(?:"
    r"spoilers?\b.{0,80}\b(?:below|ahead|follow|inside|within|throughout|abound)\b"
    r"|(?:\w+\s+)?(?:warning|caution|heads[- ]up|note|reminder|beware)\s*[:!\-–—,]?.{0,80}\bspoil"
    r"|spoiler\s+(?:alert|warning)"
    r"|(?:this|the\s+following)\s+(?:review|recap|article|post|piece|story|thread)\s+(?:will\s+)?(?:contains?|includes?|has|have|discuss(?:es)?)\b.{0,20}\bspoilers"
    r"|.{0,80}\bcontains?\s+(?:[\w-]+\s+){0,2}spoilers\b"
    r"|a\s+note\s+on\s+spoilers\b"
    r"|(?:warning|note|heads[- ]up|caution)\s*:\s*this\s+(?:recap|review|article|post|piece)\s+(?:discusses|covers|reveals|details|goes\s+through)\b"
    r"|스포일러\s*(?:주의|경고|있음|포함)"
    r")",
    re.I,
)
# Anywhere in a short line: "This is a recap of episode 5. Spoilers to follow!"
SPOILER_ANYWHERE = re.compile(
    r"\bspoilers?\s+(?:to\s+follow|ahead|below|abound)\b|\bbeware,?\s+spoilers\b|\(\s*spoilers?[^)]{0,30}\)"
    r"|\bno\s+spoilers\s+(?:for|from|of|in|beyond|past)\b|\bspoilers\s+from\s+(?:here|now)\b|\bspoiler\s+(?:policy|rules?|tags?)\b|\bspoilers\s+as\s+(?:usual|always)\b",
    re.I,
)
CREDIT = re.compile(
    r"(?:^|[.(|]\s*)(?:credit|credits|photo|photograph|photos|image|picture|screenshot)s?\s*:"
    r"|(?:^|[.\s(a-z0-9])(?:credit|credits|photo|photograph|photos|image|picture|pictured|screenshot)s?\s+by\b"
    r"|\b(?:photo|image|picture)\s+credits?\s*:|©|\(photo\b|\((?:image|photo|screenshot|gif)s?\s+(?:via|from|by|courtesy)\b|^(?:image|photo|picture)s?\s+(?:via|courtesy\s+of)\b"
    r"|\bcapture\s+from\s+the\b|\b(?:image|video|photo)\s+(?:and\s+video\s+)?hosting\s+by\b|\bphoto\s+rights\b|\ball\s+(?:photo|image)s?\s+(?:rights|credits)\b|^screenshots?\b|^source\s*:\s*\S+$|^\(source\s*:\s*[^()]{1,40}\)$"
    r"|\.(?:jpe?g|png|gif|webp|avif)\b|\bscreen\s*shot\s+\d{4}-\d{2}-\d{2}\b|\s\|\s*source\s*:\s*\S.{0,40}$",
    re.I,
)
# Words alt text and captions use, and a caption's own layout
_CAPTION_WORDS = re.compile(
    r"\b(?:screenshot|screencap|still|stills|pictured|gif|via|courtesy|ep\s*\d+\s+\w+|episode\s+\d+\s+screenshot)\b",
    re.I,
)
AVAILABILITY_LINE = re.compile(
    r"\b(?:is|are)\s+(?:now\s+|currently\s+)?(?:available|streaming|out)\s+(?:(?:to|for)\s+(?:stream|watch|rent|buy)\s+)?(?:now\s+)?(?:on|via|at)\b"
    r"|\bavailable\s+to\s+stream\b|\bnow\s+streaming\s+(?:on|via)\b|\bwatch\s+(?:it\s+)?(?:now\s+)?on\s+\S+\s*$"
    r"|\b(?:airs|premieres)\s+(?:weekly\s+)?on\b.{0,40}$"
    r"|\b(?:airs|streams|is\s+streaming|continues|returns|premieres)\b.{0,30}\b(?:on|at|next|every|weekly|(?:mon|tues|wednes|thurs|fri|satur|sun)days?)\b"
    r"|^new\s+episodes?\s+(?:every|each|drop|air)\b"
    r"|^new\s+episodes?\s+of\b.{1,60}\b(?:arrive|drop|air|stream|land)s?\s+(?:(?:every|each)\s+(?:week|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|on\s+(?-i:[A-Z]))"
    r"|\b(?:is|are)\s+on\s+(?-i:[A-Z])[\w+.&-]*(?:\s+(?-i:[A-Z])[\w+.&-]*)?\s+(?:every|each)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b"
    r"|\bwill\s+(?:return|be\s+back)\s+(?:in\s+\d{4}|for\s+(?:a\s+)?(?:\w+\s+)?(?:season|series)\b|next\s+(?:year|season))[^.!?]{0,20}[.!]?$"
    r"|에서\s*(?:시청|스트리밍|감상)",
    re.I,
)
PROMPT_LINE = re.compile(
    r"^(?:share\s+(?:this|on|via|the)\b|sign\s+up\b|subscribe\b|follow\s+us\b|join\s+(?:our|the)\s+\w+|get\s+(?:our|the)\s+(?:\w+\s+){0,3}newsletter"
    r"|(?:our|the)\s+newsletter\b|click\s+here\b|like\s+us\s+on\b|tweet\s+this|email\s+this|copy\s+link|advertisement(?:\s*[.:\-–—]?\s*(?:scroll|story\s+continues|continue)\b[^.!?]{0,30}[.!]?)?$|ad$|sponsored$"
    r"|(?:join|follow|find)\s+(?:me|us)\s+(?:on|at)\b|continue\s+reading\b|(?:the\s+)?(?:story|article)\s+continues\s+(?:below|after)\b"
    r"|(?:facebook|twitter|x|email|e-mail|print|pinterest|whatsapp|reddit|tumblr|linkedin|telegram|threads|bluesky|mastodon)$)",
    re.I,
)
COMMENTS_PROMPT = re.compile(
    r"\b(?:let\s+(?:me|us)\s+know|tell\s+(?:me|us)|sound\s+off|share\s+your\s+thoughts|leave\s+a\s+comment)\b.{0,40}\b(?:comments?|below)\b"
    r"|^discuss\s+(?:below|here|away)\b|\bin\s+the\s+comments\s+below\b|\bhit\s+(?:up\s+)?the\s+comments\b|^comment\s+below\b|\bdiscuss\s+(?:it\s+)?in\s+the\s+comments\b"
    r"|\bleave\s+(?:a|your)\s+comments?\s*[.!]*$|\bcomments?\s+(?:below|section)\s*[.!]*$"
    r"|^(?:so,?\s+)?what\s+(?:are|were)\s+your\s+thoughts\b[^.]{0,40}\?$"
    r"|^(?:so,?\s+)?what\s+did\s+(?:you|everyone|y['’]all)\s+think\s+(?:of|about)\s+(?:the|this|tonight['’]s|last\s+night['’]s|this\s+week['’]s)\s+(?:\w+\s+){0,2}(?:episode|finale|premiere|season|recap|installment)\s*\?$|\brate\s+(?:it|this|us)\s+below\b"
    r"|^(?:have|did)\s+(?:we|i)\s+miss(?:ed)?\s+(?:one|any|anything|something)\b[^.!?]{0,30}\?(?:\s+let\s+(?:me|us)\s+know[.!]*)?$",
    re.I,
)
# A plea or a sign-off that sends the reader elsewhere, anywhere in a short line
PLEA = re.compile(
    r"\b(?:find|follow|join)\s+(?:me|us)\s+(?:on|at|over\s+on)\b|(?:^|\s)@\w{2,}\s*[.!]?$|^thanks?\s+(?:you\s+)?for\s+reading\b"
    r"|^if\s+you\s+(?:liked|enjoyed|loved)\s+this\s+(?:recap|review|post|article|piece|episode\s+recap)\b|\bplease\s+(?:share|like|subscribe|follow|support)\b"
    r"|\bdelivered\s+(?:straight\s+|right\s+)?to\s+your\s+inbox\b|\bdelivers?\s+them\s+(?:straight\s+|right\s+)?to\s+your\s+(?:browser|inbox|feed)\b"
    r"|^(?-i:More\s+[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*){0,3}\s+(?:on|at)\s+[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*){0,3})[.!]?$|\b(?:when|if|once)\s+you\s+subscribe\b|\bsubscribe\s+(?:today|now)\b"
    r"|^(?:listen|watch)\s+(?:now\s+|to\s+(?:it|us|the\s+episode)\s+)?(?:on|in|at)\s+\S+(?:\s+\S+)?$|^podcast\s*:|^subscribe\s*:"
    r"|^how\s+would\s+you\s+rate\b|\bsee\s+(?:you|y['’]all)\s+(?:next\s+(?:week|time|episode)|then|soon|tomorrow)\b[^.!?]{0,40}[.!]*$"
    r"|\b(?:drop|enter|leave)\s+your\s+e-?mail\b|\b(?:in|into|to)\s+your\s+inbox\b"
    r"|\b(?:listen|subscribe)\s+to\s+(?:our|the|my)\s+podcast\b|^(?:listen|watch)\s+to\s+(?:the|this|our)\s+(?:full\s+)?(?:episode|podcast|show|video)\s+(?:below|here|now)\b"
    r"|\b(?:is|are)\s+on\s+(?:facebook|twitter|instagram|bluesky|mastodon)\b(?:\.\s*and\s+\w+)?[.!]*$|^(?:\w+\s+){0,2}(?:mastodon|facebook|twitter)(?:\s+(?:mastodon|facebook|twitter))+$|^read\s+(?:our|my|the)\b.{0,60}\bhere\s*[.!]?$"
    r"|^(?:youtube|vimeo|instagram|tiktok|twitter|facebook)\s+(?:video|post|embed)$|^\[there\s+(?:was|is)\s+an?\s+\w+\s+here\]$"
    r"|\b(?:drop|share|post|leave)\s+your\s+(?:thoughts|takes?|reactions?|theories)\s+(?:below|here|in\b)"
    # a newsletter's own lines and a poll's: "Reply to this email …", "Forwarded this email?", "Vote in our poll"
    r"|\breply\s+to\s+this\s+(?:e-?mail|newsletter)\b|^forwarded\s+this\s+(?:e-?mail|newsletter)\b|\bvote\s+in\s+(?:our|the|this)\s+(?:\w+\s+){0,2}poll\b"
    r"|\btell\s+(?:me|us)\s+on\s+(?:social|twitter|facebook|instagram|bluesky|threads|x)\b"
    r"|^(?:got|have)\s+an?\s+(?:\w+\s+){0,2}(?:story|tip)\b.{0,40}\b(?:email|contact|get\s+in\s+touch|message)\b"
    r"|\byour\s+support\s+(?:helps|makes|allows|keeps|means)\b|\bpaywalls?\b|\bjournalism\s+(?:must|needs|costs|still)\b"
    r"|\b(?:read|listen)\s+without\s+audio\b|^listen\s+to\s+this\s+(?:article|story|recap)\b"
    r"|^(?:want|looking)\s+(?:to|for)\b[^?]{0,80}\?\s*(?:take\s+a\s+look|check\s+out|head\s+(?:over|to)|click|visit|see)\b"
    r"|^want\s+more\b[^?]{0,40}\?\s*(?:read|check|head|click|visit|see|catch)\b|\bread\s+all\s+(?:of\s+)?(?:our|my|the)\b.{0,60}\bhere\s*[.!]?$"
    r"|\b(?:don['’]t\s+forget|be\s+sure|make\s+sure)\s+to\s+(?:check\s+out|read|listen\s+to|subscribe)\s+(?:our|my|the\s+rest)\b"
    r"|\b(?:have|give\s+(?:it|us))\s+a\s+listen\s+to\s+(?:our|my)\b"
    r"|^next\s+(?:week|time)\s*:\s*[\"“‘][^\"”’]{1,50}[\"”’]\s*[.!]?$"
    r"|\b(?:is|are)\s+(?:now\s+)?(?:up|live|out)\s+on\s+(?:my|our)\s+(?:youtube\s+|twitch\s+)?(?:channel|patreon|podcast|feed)\b[^.!?]{0,20}[.!]*$",
    re.I,
)
BYLINE_LINE = re.compile(
    r"^(?:by|written\s+by|words\s+by|posted\s+by|posted\s+(?:on|in)|published(?:\s+on)?|updated(?:\s+on)?"
    r"|(?:directed|created|developed|produced|teleplay|story)\s+by)\s*:?\s+\S.{0,80}$"
    r"|^aired\b.{0,40}\d{1,4}\s*$|^aired\b.{0,40}\b\d{4}\s+on\s+\S.{0,30}$"
    r"|^at\s*\.\s*updated\s+at\s*\.?$"
    r"|\b\d{1,3}\s+min(?:ute)?s?\s+read\b"
    r"|^(?:labels|filed\s+under|posted\s+in|tags|tagged|categories|category)\s*:?\s+\S"
    r"|^(?:(?:original\s+)?air(?:ed|\s*date)|date\s+of\s+airing|first\s+aired|network|channel|runtime|running\s+time|broadcast)\s*:\s*\S"
    r"|^(?:—|–|-{1,2})\s*\S.{0,50}$",
    re.I,
)
# A line about the post rather than the episode: who wrote it, which series it is part of
ABOUT_POST = re.compile(
    r"^this\s+(?:article|post|piece|recap|review|story)\s+(?:is|was)\s+(?:written|contributed)\s+by\b"
    r"|^this\s+(?:entry|post|article|recap)\s+is\s+part\s+\d+\s+of\s+\d+\b"
    r"|^(?:compiled|edited|additional\s+reporting)\s+by\b|^about\s+the\s+(?:author|writer|reviewer)\s*:",
    re.I,
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATE_LINE = re.compile(
    rf"^(?:on\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH},?(?:\s+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
    r"(?:\s*(?:[|·•,–—-]|at)\s*.{0,40}(?:,?\s+updated\s+.{0,40})?)?$"
    r"|^(?:posted\s+)?(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago$",
    re.I,
)
COMMUNITY_LINE = re.compile(
    r"^(?:r|u)/[\w-]+"
    r"|^[\d,.]+k?\s*(?:points?|votes?|upvotes?|likes?|replies|comments?)?$|^(?:up|down)?votes?$|^points?$|^permalink\s*:"
    r"|^(?:share|report|save|reply|quote|permalink|edit|hide|award|give\s+award|upvote|downvote|like|like\s+loading\.*|loading\.*|more\s+replies|load\s+more\s+comments)$"
    r"|^(?:level|lvl)\s+\d+$|^op$|^•$|^[·•|\-–—]+$"
    r"|^(?:(?:reply|quote|like|share|report|save|permalink|edit|upvote|downvote|award|flag)(?:\s*\(\d+\))?\s*[·•|]?\s*){2,}$"
    r"|^(?:recommended\s+posts|create\s+an\s+account\s+or\s+sign\s+in\s+to\s+comment|post\s+a\s+comment|leave\s+a\s+(?:reply|comment))\b|^(?:episode\s+discussion|discussion\s+thread)$"
    r"|.{0,60}\bmessage\s+the\s+(?:mods|moderators)\b|.{0,60}\bmodmail\b"
    r"|^fill\s+in\s+your\s+details\b|^you\s+are\s+commenting\s+using\b|^(?:newer|older)\s+posts?\b|^jump\s+to\s+content$"
    r"|^(?:go|skip|jump)\s+to\s+(?:main\s+)?(?:content|contents|navigation|comments)$",
    re.I,
)
NAVIGATION_LINE = re.compile(
    r"^(?:<=+|←|«|‹|<)\s*\S.{0,60}$|^\S.{0,60}(?:=+>|→|»|›)$"
    r"|^(?:previous|prev|next)\s*(?:episode|chapter|post|recap)?\s*:?.{0,60}$"
    r"|^\S.{0,30}\s+›\s+\S.{0,30}(?:\s+›\s+\S.{0,30})*$"
    r"|^jump\s+to\s+(?:navigation|search|content|main)\b|^revision\s+as\s+of\b|^retrieved\s+from\s+\S|\((?:diff|hist)\)",
    re.I,
)
RATING_LINE = re.compile(
    r"^(?:(?:our|community|user|users'?|reader|readers'?|audience|critics'?)\s+)?(?:(?:rating|score|grade)\s*:?\s*.{0,30}|verdict\s*(?::\s*.{0,30}|\S.{0,30}))$"
    r"|^(?:final\s+|overall\s+)?(?:rating|score|verdict|grade)\s*:\s*\d+(?:\.\d)?\s*/\s*\d+\b.{0,80}$"
    r"|^[\w .']{1,30}:\s*(?-i:[A-F][+-]?)(?:\s*\|.{0,30})?$|^[^.!?]{3,120}\((?-i:[A-F][+-]?)\)$|^[★☆✩✭⭐½\s]{3,}$|^\d(?:\.\d)?\s*(?:/|out\s+of)\s*(?:5|10)(?:\s+stars?)?$",
    re.I,
)
TRAILING = re.compile(
    r"^(?:more\s+stories|sponsored(?:\s+(?:stories|content|links))?|related(?:\s+(?:stories|articles|posts|reading|content|recaps))?"
    r"|read\s+(?:more|next|also)|recommended(?:\s+(?:for\s+you|stories|reading|articles))?|you\s+(?:may|might)\s+also\s+like"
    r"|also\s+read|external\s+links|more\s+from\b.{0,40}|trending(?:\s+now)?|popular(?:\s+now)?|most\s+(?:read|popular)|comments?(?:\s*\(\d+\))?"
    r"|\d+\s+(?:comments?|thoughts?\s+on\b.{0,80}|responses?(?:\s+to\b.{0,80})?|replies)|no\s+comments?|leave\s+a\s+(?:reply|comment)"
    r"|post\s+a\s+comment|sort(?:ed)?\s+by\b.{0,20}|view\s+(?:all\s+)?comments|join\s+the\s+(?:conversation|discussion)"
    r"|what\s+(?:other\s+)?(?:viewers|readers|fans|people|critics)\s+(?:are\s+)?say(?:ing)?"
    r"|(?:more|other|all)\s+episodes(?:\s+of\s+this\s+season)?|episodes\s+in\s+this\s+season|watch\s+next|up\s+next)\s*:?\s*$"
    r"|^(?:read\s+(?:more|next|also)|related|see\s+also)\s*:\s*\S.{0,100}$",
    re.I,
)
# "Read more: Another Recap" as one line: trailing at the end, a single line mid-article
LABELLED_LINK = re.compile(
    r"^(?:read\s+(?:more|next|also)|related|see\s+also|also\s+read)\s*:\s*\S.{0,100}$", re.I
)
# Only where nothing substantial follows: a share bar can sit mid-article on a page.
WEAK_TRAILING = re.compile(r"^(?:share\s+this(?:\s+\w+)?|like\s+this|tags|labels)\s*:?\s*$", re.I)


# A blog's comment header under the post: "Show Episode 8 Recap — 4 Comments"
COMMENTS_HEADER = re.compile(
    r"^\S.{0,120}?\s[—–|-]\s*\d+\s+(?:comments?|responses?|replies|thoughts)\s*$", re.I
)
# Page chrome of its own kind: a breadcrumb ("Home » Blog » Title"), a video box's
# label ("Recommended Videos", "Watch episode 7:"), links to a run of episodes
# ("Chapter 1 Chapter 2 Chapter 3 …")
_CHROME = re.compile(
    r"^home\s*[»›>|/]\s*\S"
    r"|^(?:recommended|related|featured|latest|trending|more)\s+videos?$"
    r"|^watch\s+(?:the\s+)?(?:episode\s+\d{1,3}|trailer|clip|video|preview|promo|teaser)\b[^.!?]{0,30}:$"
    r"|^(?:(?:chapter|episode|ep\.?|part|page|week|day)\s+\d{1,3}\s*[|·•,/-]?\s*){3,}$",
    re.I,
)
_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+")
# Screenshot files' names left between paragraphs: "mscap0412 mscap0415mscap0417"
_FILE_NAMES = re.compile(r"^(?:[a-z]{2,12}_?\d{3,6}\s*)+$", re.I)
# A photographer and an agency or network, alone on a line: "Helen Vane/Kestrel",
# "Ana Ruiz/Stockline Images" (capitalised words on both sides of one slash, two words at least)
_SLASH_CREDIT = re.compile(
    r"^(?=\S+\s)[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3}/[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3}$"
)
# A picture's id left where the picture was: "51789490 8082 4a9f bca6 70beee4660e8"
IMAGE_ID = re.compile(r"^[0-9a-f]{8}(?:[\s_-]?[0-9a-f]{4}){3}[\s_-]?[0-9a-f]{12}(?:\.\w{3,4})?$", re.I)
# A review site's tabs under an article: "Show Season 3 Episode 18 Review Photos", "Review Quotes Photos"
_TABS = re.compile(r"(?:\b(?:reviews?|recap|quotes|photos|pictures|videos?|news|trailers?)\b\s*){2,}$", re.I)
_TAB_ONLY = re.compile(r"\b(?:quotes|photos|pictures|videos?|news|trailers?)\b", re.I)
# A row of an info box copied as text: "Network | Harbor+ |", "Aired | 4/15/2026 |"
_TEXT_TABLE_ROW = re.compile(r"^[^|]{1,40}\|[^|]{0,60}\|\s*$")
# A review's verdict badge, alone on a line: "On The Fence", "Worth Watching", "Skip It"
_VERDICT = re.compile(
    r"^(?:on\s+the\s+fence|worth\s+(?:watching|it|a\s+watch)|skip\s+it|stream\s+it|must[- ]watch|watch\s+it|mixed\s+bag)$",  # a badge: no full stop
    re.I,
)
# "Scene 1", "Part 2", "Act III": a section of a recap, not a count of reactions
_SECTION_NUMBER = re.compile(
    r"(?:scene|part|act|chapter|round|day|night|week|stage|step)\s+(?:\d{1,3}|[IVX]{1,5})", re.I
)
# A wiki's citation: '1. ^ "Title". Site. Retrieved March 1, 2026.'
_CITATION = re.compile(
    r"^(?:\d{1,3}\.?\s*)?\^\s|\bretrieved\s+(?:on\s+)?(?:\w+\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})\.?$", re.I
)
# A character and the actor who plays them: "Sarah (Tia Mane)"; two of them end a caption
_CAST_CAPTION = re.compile(r"\b[A-Z][\w'’-]+\s+\([A-Z][a-z][\w'’.-]*(?:\s+[A-Z][a-z][\w'’.-]*)+\)")
# A still's caption naming an actor and a role: "Anna Lind as Mirela Voss in Tern's "Glass
# Harbor."" (also with the alt text run into it), ending with the show's Title Case name
_AS_ROLE = re.compile(
    r"[A-Z][\w'’-]+\s+as\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}\s+in\s+(?:[A-Z][\w'’.&-]*['’]s\s+|the\s+)?"
    r"[\"“'‘]?[A-Z][\w'’:-]*(?:\s+(?:[A-Z][\w'’:-]*|of|the|and|a|an|in|on|at))*[.!?]?[\"”'’]?\.?$"
)


def only_links(text: str) -> bool:
    """A block that is links and their labels ("Source URL: https://…", "Links: · [1]
    https://… · [2] https://…"): a printed page's footer, not the recap."""
    found = _URL.findall(text)
    rest = re.sub(r"\[\d{1,3}\]|[·•|:\-–—]", " ", _URL.sub(" ", text))
    return bool(found) and words(rest) <= 2


# "If you still prefer to read the full recaps, here are some links:" over a list of links
LINKS_LEAD = re.compile(r"\b(?:links?|further\s+reading|elsewhere|other\s+recaps)\b.{0,20}:\s*$", re.I)
# A credit that goes on on the next line: "Image and video hosting by" / "PicHost"
DANGLING_CREDIT = re.compile(r"\b(?:by|via|of|from|courtesy)\s*:?$", re.I)


# A site's blurb about itself: "… finds the best moments and delivers them right to your browser."
_SITE_BLURB = re.compile(r"\bdelivers?\s+them\s+(?:straight\s+|right\s+)?to\s+your\b", re.I)


def words(text: str) -> int:
    return len(text.split())


# A title with a spoiler tag at its end: "show 2x05 thoughts (spoilers obvs)", "Episode 5 Recap [SPOILERS]"
_SPOILER_TAG = re.compile(
    r"\s*[(\[]\s*(?:major\s+|minor\s+|some\s+|full\s+)?spoilers?\b[^)\]]{0,20}[)\]]\s*$", re.I
)
_TITLE_WORDS = re.compile(
    r"\b(?:recap|review|thoughts|impressions|discussion|episode|ep|finale|premiere)\b|\d", re.I
)


def _tagged_title(text: str) -> bool:
    """A title that only ends with a spoiler tag, and is not a warning itself."""
    tag = _SPOILER_TAG.search(text)
    if not tag:
        return False
    rest = text[: tag.start()].strip()
    return (
        words(rest) >= 2
        and bool(_TITLE_WORDS.search(rest))
        and not re.search(r"[.!?:]$", rest)
        and not SPOILER_WARNING_LINE.match(rest)
        and not SPOILER_ANYWHERE.search(rest)
        and not _SPOILERS_NOTE.search(rest)
    )


def kind_of_drop(block: Block) -> str | None:
    """Which kind of page furniture a block is, if any (from its text and, in a page,
    from what its markup says)."""
    text = block.text.strip().strip("*_").strip()
    hint = block.hint
    if len(text) > 600 and not hint and block.kind != CAPTION:
        return None  # furniture is short; this also keeps huge blocks cheap
    n = words(text)
    if hint == "caption" or block.kind == CAPTION:
        return IMAGE_CAPTION
    if hint == "byline":
        return BYLINE
    if hint in ("navigation", "kicker", "tags", "related"):
        return PAGE_CHROME
    if hint in ("share", "promo"):
        return PROMPT
    if hint == "comments":
        return COMMUNITY
    if hint == "rating":
        return RATING
    if hint == "table":
        return PAGE_CHROME  # a Markdown table: a recipe card or an info box
    if n <= 30 and (_CHROME.match(text) or only_links(text)):
        return PAGE_CHROME
    if n <= 12 and (_FILE_NAMES.match(text) or IMAGE_ID.match(text) or _SLASH_CREDIT.match(text)):
        return IMAGE_CAPTION
    if n <= 16 and _AS_ROLE.search(text):
        return IMAGE_CAPTION
    if n <= 40 and _CITATION.search(text):
        return PAGE_CHROME
    if n <= 20 and len(_CAST_CAPTION.findall(text)) >= 2 and text.endswith(")"):
        return IMAGE_CAPTION  # "Show, Season 2, Episode 5, Sarah (Tia Mane) and Helen (Tia Mane)"
    if n <= 14 and (
        (_TABS.search(text) and _TAB_ONLY.search(text) and not re.search(r"[.!?:]", text))
        or _TEXT_TABLE_ROW.match(text)
    ):
        return PAGE_CHROME
    if n <= 4 and _VERDICT.match(text):
        return RATING
    if n <= SHORT and SPOILER_WARNING_LINE.match(text):
        return SPOILER_WARNING
    if n <= 30 and (SPOILER_ANYWHERE.search(text) or _SPOILERS_NOTE.search(text)) and not _tagged_title(text):
        return SPOILER_WARNING
    if n <= SHORT and _warning_sentences(text):
        return SPOILER_WARNING
    if n <= SHORT and CREDIT.search(text):
        return IMAGE_CAPTION
    if (
        n <= 25
        and AVAILABILITY_LINE.search(text)
        and (n <= 14 or re.search(r"\b(?:available|streaming)\b", text, re.I))
    ):
        return AVAILABILITY
    if n <= (40 if _SITE_BLURB.search(text) else 25) and (
        PROMPT_LINE.match(text) or COMMENTS_PROMPT.search(text) or PLEA.search(text)
    ):
        return PROMPT
    if n <= 25 and ABOUT_POST.match(text):
        return BYLINE
    if n <= 16 and (BYLINE_LINE.search(text) or DATE_LINE.match(text)) and not re.search(r"[.!?]$", text):
        return BYLINE
    if re.match(r"^at\s*\.\s*updated\s+at\s*\.?$", text, re.I) or (
        block.marker in "—–" and block.marker and n <= 6 and not re.search(r"[.!?]$", text)
    ):
        return BYLINE  # an empty dateline left by a page, a sign-off "— Site Name"
    if n <= 20 and COMMUNITY_LINE.match(text):
        return COMMUNITY
    if (
        n <= 10
        and block.kind != HEADING  # a heading is a title ("Show – 05 & 06"), not a count
        and re.search(r"\d", text)
        and sum(sum(ch.isalpha() for ch in w) >= 2 for w in text.split()) <= 1
        and not re.search(r"[.!?]$", text)
        and not re.match(
            r"\s*(?:#|No\.\s?)?\d{1,2}(?:\.\)|[.):])\s+[A-Z]|\(?(?:\d{1,2}:)?\d{1,2}:\d{2}\)?\s*[-–—|:]?\s*[A-Za-z]",
            text,
        )  # "2) Ysra": a numbered name; "0:00 Intro": a chapter
        and not _SECTION_NUMBER.fullmatch(text)  # "Scene 1", "Part 2": a section's title
    ):
        return COMMUNITY  # reactions and counts: "👍 56 · 💬 12 · Share"
    if n <= 14 and NAVIGATION_LINE.match(text) and not re.search(r"[.!?]$", text):
        return PAGE_CHROME
    if n <= 16 and (
        RATING_LINE.match(text) or (re.search(r"\bratings?\b", text, re.I) and re.search(r"\d%", text))
    ):
        return RATING  # "Nationwide ratings had this episode at 30.1%."
    return platform_drop(text, n, block.marker)


# Alt text that describes a still: "Jory saying he will…", "Karin commenting on…"
_DESCRIBES_STILL = re.compile(
    r"^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}(?:\s+(?:and|&)\s+[A-Z][\w'’-]+)?\s+(?!\w*thing\b)[a-z]+ing\s+(?:on|at|to|with|about|that|his|her|their|the|a|an|he|she|they|who|as)\b"
)
# An image file's name run into its caption: "Marla ConvincedHR26", "…scene_04"
_FILE_RESIDUE = re.compile(r"[a-z][A-Z]{1,4}\d{1,4}$|[a-z]_\d{1,4}$")
# A Reddit comment's first line: "u/name May 20 '26", "u/name · 4h"
COMMENT_START = re.compile(r"^u/[\w-]+(?:\s*[•·|]\s*|\s+)\S.{0,30}$")
# "Other things to keep in mind before posting:", "Thread rules:": forum rules follow
RULES_LEAD = re.compile(
    r"\b(?:before\s+(?:posting|commenting)|(?:thread|subreddit|community|forum|posting|discussion)\s+rules)\b.{0,30}:\s*$",
    re.I,
)


# Alt text describes a picture; a line that says "we" or "I" is someone talking (a deck)
_SPEAKS = re.compile(r"\b(?:we|we['’](?:re|ve|ll)|i|i['’](?:m|ve)|us|our)\b", re.I)


# A note, a disclaimer or a bracketed aside about spoilers: "Standard Disclaimer: All the
# Spoilers, All the Time", "[Editor's Note: … spoilers …]"
_SPOILERS_NOTE = re.compile(
    r"^\[.*\bspoil.*\]$|^[\w'’ ]{0,30}\b(?:disclaimer|note|warning)\s*:.*\bspoil"
    r"|^(?:\W*\w+\W+){0,3}(?:beware|be\s+warned|warn(?:ed|ing)|caution|careful)\b.{0,60}\bspoil|\bspoil\w*\s+(?:warning|minefield)\b"
    r"|^-+\s*.{0,80}\bspoilers?\b.{0,20}-+$"
    r"|\b(?:do\s+not|don['’]t|stop)\s+read(?:ing)?\b.{0,60}\bif\s+you\s+(?:have\s+not|haven['’]t)\s+(?:seen|watched)\b",
    re.I,
)


# One sentence of a warning: "As usual, it contains spoilers.", "You've been warned!",
# "Do not read it unless you've watched Episode 4 …"
_WARNING_SENTENCE = re.compile(
    r"\bspoil|\b(?:been|be)\s+warned\b|\bif\s+you(?:['’]ve|\s+have)\s+(?:already\s+)?(?:seen|watched)\s+it\b.{0,20}\b(?:carry\s+on|read\s+on|keep\s+reading|continue)\b|\b(?:do\s+not|don['’]t)\s+read\b.{0,60}\b(?:unless|if|until|before)\b",
    re.I,
)


def _warning_sentences(text: str) -> bool:
    """A short paragraph of two or more sentences, (nearly) all of them a spoiler warning."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]
    return (
        len(sentences) >= 2
        and sum(bool(_WARNING_SENTENCE.search(s)) for s in sentences) * 3 >= len(sentences) * 2
    )


def warning_tail(text: str) -> str | None:
    """The paragraph before a spoiler warning run into its end ("The best hour the show
    has made, no contest. *Spoilers ahead"): the paragraph, when it is a sentence of
    eight words or more that warns of nothing itself."""
    sentences = [part for part in re.split(r"(?<=[.!?])\s+", text.strip()) if part]
    if len(sentences) < 2:
        return None
    last = sentences[-1].strip("*_()[] ")
    head = " ".join(sentences[:-1])
    warns = SPOILER_WARNING_LINE.match(last) or SPOILER_ANYWHERE.search(last) or _SPOILERS_NOTE.search(last)
    if not warns or words(last) > 12 or words(head) < 8 or _WARNING_SENTENCE.search(head):
        return None
    return head


def looks_like_caption(text: str, nearby: str) -> bool:
    """Alt text or a caption left in copied text: a short line that does not read as a
    sentence and either uses caption words, is in lower case like alt text, or repeats
    the show's name or the headline; or a line that describes a still ("Karin
    commenting on the message."), or ends in a file name's residue."""
    text = text.strip()
    n = words(text)
    ends_sentence = bool(re.search(r"[.!?]$", text))
    if n <= (9 if ends_sentence else 14) and ". " not in text and _DESCRIBES_STILL.match(text):
        return True
    if n <= 8 and not re.search(r"[.!?:;”\"’')]$", text) and _FILE_RESIDUE.search(text):
        return True
    if not text or n > 16 or len(text) > 300 or re.search(r"[.!?:;”\"’')]$", text):
        return False
    if _CAPTION_WORDS.search(text) and not _SPEAKS.search(text):
        return True
    if 5 <= n <= 10 and re.match(r"^[A-Z][\w'’-]*,\s+[a-z]", text):
        return True  # "Abs, as far as the eye can see": a quip under a picture, not a heading
    letters = [ch for ch in text if ch.isalpha()]
    if (
        letters
        and sum(ch.islower() for ch in letters) == len(letters)
        and n >= 3
        and not re.search(r"\w[.!?]\s+\w", text)  # two sentences in lower case: someone writing
        and not re.search(
            r"\bi\s+(?:need|want|think|love|hate|can|can['’]t|am|was|have|just)\b", text
        )  # "i need 2x04"
    ):
        return True
    # "Clara and the Magistrate - Feather & Flint": a name line that ends with the show
    flat = re.sub(r"\W+", " ", nearby.casefold()).split()
    head = " ".join(flat)
    parts = re.split(r"\s+[-–—|]\s+", text)
    return (
        len(parts) == 2
        and len(parts[1].split()) <= 6
        and " ".join(re.sub(r"\W+", " ", parts[1].casefold()).split()) in head
    )


def speaks(text: str) -> bool:
    """A line that says "we" or "I": someone talking, not a picture's alt text."""
    return bool(_SPEAKS.search(text))


def is_trailing(text: str) -> bool:
    return bool(TRAILING.match(text) or COMMENTS_HEADER.match(text))


def is_weak_trailing(text: str) -> bool:
    return bool(WEAK_TRAILING.match(text))
