"""Text plumbing for the coach: masking quoted and code-like text, splitting sentences and
clauses, and the signals that tell a specific observation from a general verdict.

Everything here keeps character offsets: a masked string has the same length as the original, so
a match in the masked text points at the same characters in the text the user typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from journal.domain.coach_words import phrases_regex, word_set, word_set_of

# Masked characters become this: not a word character, not a space, not sentence punctuation.
MASK = "\u2022"

# Quoted words are the person's own words, code is code, flag names are names: none of them is
# the writer's judgement, so the rules never look inside them. These also mark a sentence as
# specific (someone's exact words, a named artifact).
_ARTIFACTS = (
    r"```[\s\S]*?```"
    r"|`[^`\n]*`"
    r"|\"[^\"\n]*\""
    r"|\u201c[^\u201d\n]*\u201d"
    r"|\u201e[^\u201c\u201d\n]*[\u201c\u201d]"
    r"|\u00ab[^\u00bb\n]*\u00bb"
    r"|\u300c[^\u300d\n]*\u300d"
    r"|(?<!\w)['\u2018][^'\u2018\u2019\n]*?['\u2019](?!\w)"
    r"|https?://\S+"
    r"|(?<![\w-])--?[A-Za-z][\w.=-]*"  # --never-retry, -always
    r"|(?<![\w-])[#@][\w-]+"  # #incident-42, @alice
    r"|(?<![\w-])[A-Za-z]\w*(?:[_.:/]\w+)+"  # always_on, careless_mode, retry.never, a/b
    r"|(?<![\w-])\w*[a-z][A-Z]\w*"  # camelCase: alwaysOn, neverRetry
)
_SPECIFIC_ARTIFACT = re.compile(_ARTIFACTS)
# Also blanked, but ordinary prose: abbreviations (so their dots end no sentence) and hyphenated
# words ("always-on", "never-ending", "on-call").
_ABBREVIATIONS = r"(?<!\w)(?:[eE]\.g|[iI]\.e|etc|vs|approx|incl|cf|Mr|Mrs|Ms|Dr)\."
_MASKED = re.compile(_ABBREVIATIONS + "|" + _ARTIFACTS + r"|(?<![\w-])\w+(?:-\w+)+")
_MASKED_KEEPING_HYPHENS = re.compile(_ABBREVIATIONS + "|" + _ARTIFACTS)


def mask(text: str, *, hyphenated: bool = True) -> str:
    """`text` with quotations, code, links and identifier-like words blanked out (same length).
    With `hyphenated=False`, ordinary hyphenated words ("half-hearted") are kept readable."""
    pattern = _MASKED if hyphenated else _MASKED_KEEPING_HYPHENS
    return pattern.sub(lambda m: MASK * (m.end() - m.start()), text)


# A sentence ends at . ! ? or … followed by a space, or at a line break. Masking first keeps a
# dot inside "e.g.", a version or a quotation from ending a sentence.
_SENTENCE_END = re.compile(r"(?<=[.!?\u2026])\s+|\s*\n\s*")


def sentences(masked: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank sentence, without surrounding whitespace."""
    pos = 0
    for boundary in _SENTENCE_END.finditer(masked):
        yield from _trimmed(masked, pos, boundary.start())
        pos = boundary.end()
    yield from _trimmed(masked, pos, len(masked))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end


_CLAUSE_BREAK = re.compile(
    r"[,;:()\u2014\u2013]|\s-\s"
    r"|\b(?:and|but|because|so|while|when|although|though|whereas|until|after|before|which)\b",
    re.IGNORECASE,
)


def clause_start(masked: str, sentence_start: int, pos: int) -> int:
    """Where the clause holding `pos` begins (at or after the sentence start)."""
    start = sentence_start
    for brk in _CLAUSE_BREAK.finditer(masked, sentence_start, pos):
        start = brk.end()
    return start


# Punctuation ends a clause only before a space, so "02:10", "1,000" and "v2.3" stay whole.
_CLAUSE_END = re.compile(r"[,;:.!?\u2026](?=\s|$)|[()\u2014\u2013]|\s-\s")


def clause_end(masked: str, pos: int, limit: int) -> int:
    """Where the clause holding `pos` ends (trailing spaces excluded), at most `limit`."""
    found = _CLAUSE_END.search(masked, pos, limit)
    end = found.start() if found else limit
    while end > pos and masked[end - 1].isspace():
        end -= 1
    return end


# -- signals of a specific, bounded observation ----------------------------------------------
_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|twenty|thirty|forty|fifty|hundred|dozen|zero|once|twice|thrice|both|first|second|third|fourth"
    r"|fifth|last\s+(?:couple|few)"
)
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:['\u2019]s)?(?!s)"
_RELATIVE = (
    r"yesterday|today|tonight|this\s+(?:morning|afternoon|evening|week|sprint|quarter|month)"
    r"|last\s+(?:night|week|sprint|month|quarter|year|" + _WEEKDAY + r")|earlier\s+today"
    r"|the\s+other\s+day"
)
_SPECIFIC = re.compile(
    r"\d"
    rf"|\b(?:{_NUMBER_WORDS})\b"
    rf"|\b{_WEEKDAY}"
    rf"|\b(?:{_RELATIVE})\b",
    re.IGNORECASE,
)
# Month names only when capitalised: "may" and "march" are ordinary words too.
_MONTH = re.compile(
    r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|March|April|May|June|July|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b(?=\s*\d|\s+\w+\s+\d)"
    r"|(?<=\d\s)(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
)


def specific_detail(text: str) -> bool:
    """True when `text` holds a date, a time, a count, or a quoted / code / named artifact."""
    if _SPECIFIC.search(text) or _MONTH.search(text):
        return True
    return _SPECIFIC_ARTIFACT.search(text) is not None


def has_event(text: str) -> bool:
    """True when `text` names one occasion (a meeting, an incident, a deploy...) in the singular."""
    return phrases_regex("event_words").search(text) is not None


_COPULA = word_set_of(
    "is are was were be been being am seem seems seemed look looks felt feel feels get got very so "
    "too really quite"
)
_NOT_PAST = word_set_of(
    "need speed feed seed weed bed red shed bleed breed greed deed indeed proceed succeed exceed "
    "embed shred sled wed hundred sacred naked wicked kindred rugged ragged"
)
_IRREGULAR_PAST = word_set_of(
    # "read", "put", "set" and the like are past and present alike; only unambiguous ones count,
    # except a few that are common in incident notes ("set", "put", "hit", "cut", "let").
    "said wrote did made took went ran sent gave got left told found saw came kept brought thought "
    "built spent began broke chose drove fell forgot held knew led lost met paid put rode rose set "
    "shut sat spoke stood caught fought hid hit hurt let meant quit shook sold sought split stuck "
    "became rewrote undid reran overrode withdrew drew flew grew threw woke won wore understood "
    "stole struck swore taught bought dealt dug fed fled heard laid lent lit slept swept "
    "swung sped didn't hadn't hung rang sang swam drank ate beat bent bit bled blew bore bound "
    "burnt clung crept dove dreamt flung forbade forgave froze ground knelt leapt mistook overran "
    "overtook overheard shone shot shrank slid slung sprang spun stank strove strung stung tore "
    "trod upheld wept withheld wound wrung wove rebuilt misread"
)
_WORD = re.compile(r"[A-Za-z]+(?:['\u2019][a-z]+)?")


def has_past_action(text: str) -> bool:
    """True when `text` has a verb in the past tense that is an action, not a description
    ("you rolled back", "she wrote", but not "you were unprepared")."""
    previous = ""
    for match in _WORD.finditer(text):
        word = match.group().lower()
        if word in _IRREGULAR_PAST or (
            word.endswith("ed") and len(word) > 3 and word not in _NOT_PAST
            and not word.endswith("eed") and previous not in _COPULA
        ):
            return True
        previous = word
    return False


def bounded(text: str) -> bool:
    """A sentence about one occasion or a counted set of them, which makes "always"/"never" an
    observation rather than a verdict on the person."""
    return specific_detail(text) or (has_event(text) and has_past_action(text))


_REPORTING = re.compile(
    r"\b(?:said|say|says|told|tell|wrote|write|asked|mentioned|explained|admitted|shared|posted"
    r"|replied|confirmed|commented|messaged|announced|argued|suggested|agreed)\b",
    re.IGNORECASE,
)


def reported(masked_prefix: str) -> bool:
    """True when the words before a phrase report someone's speech ("you said you wanted to")."""
    return _REPORTING.search(masked_prefix) is not None


def words(text: str) -> list[str]:
    """Lower-case words of `text` (apostrophes kept, so "don't" is one word)."""
    return [w.lower().replace("\u2019", "'") for w in _WORD.findall(text)]


def imperative_start(masked_sentence: str) -> bool:
    """True when a sentence opens with an instruction ("Take more initiative.")."""
    lead = words(masked_sentence[:60])
    while lead and lead[0] in ("please", "just", "maybe", "also", "and", "so", "honestly"):
        lead = lead[1:]
    if not lead:
        return False
    verbs = word_set("imperative_verbs")
    if lead[0] in ("always", "never"):
        following = masked_sentence.lstrip()[len(lead[0]):].lstrip()
        return len(lead) > 1 and lead[1] in verbs or following.startswith(MASK)
    return lead[0] in verbs
