"""The coach's second look: families of vague wording that a label list cannot catch (issue 16).

Each rule first finds a family of wording in one sentence (an adverb that guesses intent, a trait,
a judged verb, a grade, an effect nobody could measure, a stretch of time) and then asks the
question an experienced reviewer asks: does the sentence also report something a camera or a
transcript could have caught? In Behavior that is an act together with a quote, a count, a time or
a date; in Impact a number, a time or a system or outcome that changed; in Situation one dated or
named occasion. Evidence wins over surface words, so "you always posted the timeline within 10
minutes, on all 6 incidents" and `careless_mode` are left alone. Notes that drop the subject
("Condescending with the vendor.") are read with "you" put back.

The word families live in `journal/data/` (see its README); this module only holds the structure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from journal.domain.coach_text import (
    MASK,
    clause_end,
    clause_start,
    has_past_action,
    mask,
    reported,
    specific_detail,
)
from journal.domain.coach_words import entries, phrase_pattern, phrases_regex, word_set_of

# (rule, start, end, message) before it becomes a Hint in coach.py.
Finding = tuple[str, int, int, str]

_PERSON = r"(?:you|he|she|they)"
_PERSON_WORDS = word_set_of("you your you're you've you'd yourself he she they his her their him "
                            "them he's she's they're")
_BE = (rf"(?:{_PERSON}\s+(?:are|were|was|is|have\s+been|has\s+been|had\s+been|can\s+be|could\s+be"
       r"|tend\s+to\s+be|tended\s+to\s+be|got|get|became|become|felt|feel|seem|seemed|seems"
       r"|seem\s+to\s+be|seemed\s+to\s+be|look|looked|looks|sound|sounded|sounds|appear|appeared"
       r"|appears|came\s+across\s+as|come\s+across\s+as|came\s+off\s+as|remained|stayed)"
       r"|you['\u2019](?:re|ve\s+been|ve\s+become|ve\s+grown|ve\s+gotten|ve\s+got)"
       r"|(?:he|she)['\u2019]s|they['\u2019]re)")
_DEGREE = (r"(?:so|very|really|too|quite|a\s+bit|a\s+little|kind\s+of|sort\s+of|pretty|extremely"
           r"|incredibly|always|often|sometimes|just|being|generally|totally|completely|clearly"
           r"|obviously|visibly|noticeably|rather|fairly|super|truly|genuinely|particularly"
           r"|especially|more|less|somewhat|slightly|overly|unusually|increasingly|not|never"
           r"|consistently|also|all|absolutely|amazingly|remarkably|exceptionally|hugely|such)")
_GUESS_VERBS = (r"(?:seem|seemed|seems|look|looked|looks|sound|sounded|sounds|appear|appeared"
                r"|appears|came\s+across|come\s+across|comes\s+across|came\s+off|come\s+off)")
# "You looked at the graph", "you appeared in the channel" are acts, not guesses.
_GUESS_ACT = r"(?!\s+(?:at|into|for|up|through|over|around|after|back|in|on|to\s+be\s+on)\b)"
_HAVE = (r"(?:(?:(?:['\u2019]ve|have|has|had|['\u2019]d)\s+)?(?:have|has|had|got|lack|lacks|lacked"
         r"|lacking|possess|possesses|show|shows|showed|shown|display|displays|displayed"
         r"|demonstrate|demonstrates|demonstrated|exhibit|exhibits|exhibited|bring|brings|brought"
         r"|been\s+showing|been\s+lacking)|['\u2019]ve(?:\s+got)?)")
_AMOUNT = (r"(?:no|zero|little|not\s+much|not\s+enough|a|an|the|some|real|great|good|strong|poor"
           r"|weak|a\s+lot\s+of|lots\s+of|so\s+much|such|true|genuine|tremendous|huge|big|serious"
           r"|natural|amazing|incredible|excellent|impressive|outstanding|exceptional|remarkable"
           r"|short|quick|bad|terrible|any|much|more|less|very|really|an\s+excellent|a\s+great"
           r"|a\s+real|a\s+good|a\s+strong|a\s+bad|a\s+poor|a\s+natural|a\s+keen|keen|total"
           r"|complete|massive|limited|clear|obvious|visible)")
_PRAISE_AMOUNT = (r"(?:great|real|a\s+lot\s+of|lots\s+of|true|strong|tremendous|huge|so\s+much"
                  r"|such|excellent|good|incredible|amazing|genuine|serious|impressive|outstanding"
                  r"|exceptional|remarkable|a\s+ton\s+of|massive|fantastic|awesome|solid|real)")
_PERSONA_ADJ = (r"(?:born|natural|real|true|total|complete|great|good|bad|poor|terrible|fantastic"
                r"|excellent|strong|weak|go-to|model|consummate|brilliant|amazing|awesome|huge"
                r"|big|real|proper|genuine|absolute|gifted|skilled|seasoned|decent|lousy|horrible"
                r"|awful|wonderful|superb|stellar|fine|top|first-class|world-class)")
_OBJECT_START = re.compile(
    r"\s+(?:(?i:the|a|an|this|that|these|those|his|her|their|our|your|its|my|all|every|each|both"
    r"|some|prod|production|staging)\b|\d|" + MASK + r"|[A-Z])")


@cache
def _words_alternation(name: str) -> str:
    items = sorted(entries(name), key=lambda e: (-e.count(" "), -len(e)))
    return "(?:" + "|".join(phrase_pattern(e) for e in items) + ")"


def _regex(body: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", re.IGNORECASE)


@cache
def _behavior_patterns() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    feeling = f'(?:{_words_alternation("feeling_words")}|{_words_alternation("trait_words")})'
    virtue = _words_alternation("virtue_words")
    quality, judge = _words_alternation("quality_nouns"), _words_alternation("judgement_words")
    degree = rf"(?:\s+{_DEGREE}){{0,3}}"
    return (
        ("trait_not_act", _regex(rf"{_BE}{degree}\s+{feeling}"),
         "guesses at a feeling or grades a manner; describe what they did or said that showed it."),
        ("trait_not_act",
         _regex(rf"{_BE}(?:\s+(?:way|far|a\s+bit|a\s+little|much|slightly|just|really|often|always"
                rf"|sometimes|still))?\s+(?:too|overly)\s+[\w-]+|{_BE}\s+not\s+[\w-]+\s+enough"),
         "grades the person against a yardstick you did not show; describe what they did."),
        ("trait_not_act",
         _regex(rf"{_BE}{degree}\s+(?:hard|easy|difficult|impossible|tough|a\s+pain|painful)\s+to"
                r"\s+[\w-]+"),
         "describes the person, not an act; say what happened when you tried."),
        ("trait_not_act",
         _regex(rf"{_PERSON}(?:\s+(?:don['\u2019]t|didn['\u2019]t|do\s+not|did\s+not|never|always"
                rf"|often|sometimes|really|just|kind\s+of|sort\s+of))?\s+{_GUESS_VERBS}{_GUESS_ACT}"),
         "is a guess from the outside; say what you saw or heard that made you think so."),
        ("verdict_as_behavior", _regex(rf"{_BE}{degree}\s+{virtue}"),
         "is a verdict on the person; write the act that earned it."),
        ("verdict_as_behavior",
         _regex(rf"(?:your|the\s+way\s+you|how\s+you|(?:the|that|this)\s+[\w-]+(?:\s+[\w-]+)?"
                rf"\s+{_PERSON}\s+[\w-]+)\s[^.!?;:{MASK}]{{0,70}}?\b(?:was|were|is"
                rf"|are|has\s+been|have\s+been|remains|felt|looked|seemed){degree}\s+"
                rf"(?:{virtue}|{judge})"),
         "grades the work instead of describing it; say what they did."),
        ("verdict_as_behavior",
         _regex(rf"{_PERSON}\s+(?:showed|demonstrated|displayed|exhibited|brought|added|provided"
                rf"|gave|put\s+in|contributed|show|bring|add){degree}\s+{_PRAISE_AMOUNT}"),
         "is praise without the act; write what they did that showed it."),
        ("trait_not_act",
         _regex(rf"{_PERSON}(?:\s+|(?=['\u2019])){_HAVE}{degree}(?:\s+{_AMOUNT}){{0,3}}\s+{quality}"),
         "names a trait, not an act; describe one thing they did."),
        ("trait_not_act",
         _regex(rf"(?:{_BE}|you['\u2019]re){degree}\s+(?:a|an|the|such\s+a|such\s+an)"
                rf"(?:\s+{_DEGREE})*\s+(?:(?:{_PERSONA_ADJ}|{virtue}|{feeling})\s+[\w-]+|natural"
                r"|born\s+[\w-]+"
                r"|(?:kind|type|sort)\s+of\s+[\w-]+|team\s+player|one\s+who)"),
         "labels the person; describe what they did."),
        ("trait_not_act",
         _regex(rf"{_BE}\s+(?:someone|one\s+of\s+those|the\s+one)\s+(?:who|that|people)"
                rf"|{_BE}{degree}\s+(?:a\s+bit\s+of\s+an?|something\s+of\s+an?|quite\s+the"
                r"|an?\s+(?:real|total|complete|proper|absolute))\s+[\w-]+"),
         "labels the person; describe what they did."),
        ("trait_not_act",
         _regex(rf"{_BE}{degree}(?:\s+(?:a\s+bit|something|kind|sort)\s+of)?\s+(?:an?|the|such\s+an?"
                rf"|quite\s+an?)(?:\s+[\w-]+){{0,2}}?\s+{_words_alternation('persona_nouns')}"),
         "labels the person; describe what they did."),
        ("verdict_as_behavior",
         _regex(rf"{_PERSON}(?:['\u2019](?:ve|re)|\s+(?:have|are|were|had))?\s+(?:did|do|does|done"
                rf"|doing)(?:\s+an?)?{degree}\s+(?:{virtue}|{judge})\s+(?:job|work|effort|stuff)"),
         "grades the work instead of describing it; say what they did."),
        ("trait_not_act",
         _regex(r"your\s+(?:tone|demeanou?r|manner|body\s+language|vibe|behaviou?r|conduct"
                rf"|{quality})"),
         "names a manner or a lack, not an act; quote or describe what they did."),
        ("trait_not_act",
         _regex(r"(?:in\s+an?\s+(?![\w-]*(?:raised|loud|quiet|low|calm|clear|short|written|shared)\b)"
                r"[\w-]+(?:\s+[\w-]+)?\s+(?:tone|manner|fashion|voice)"
                r"|with\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:attitude|tone))"),
         "grades a manner; quote what they said, or how, as you heard it."),
        ("judged_verb", phrases_regex("judged_verbs"),
         "judges the act instead of showing it; describe what they did, as you saw it."),
        ("guessed_intent", phrases_regex("intent_adverbs"),
         "guesses at intent or attitude; keep only what they did."),
        ("guessed_intent", phrases_regex("comparisons"),
         "compares instead of describing; say what they did."),
        ("verdict_as_behavior", phrases_regex("grade_adverbs"),
         "grades how it was done; describe what they did that made it so."),
    )


@cache
def _reaction_regex() -> re.Pattern[str]:
    verbs = _words_alternation("reaction_verbs")
    return _regex(rf"{_PERSON}(?:\s+(?:just|completely|totally|kind\s+of|sort\s+of|basically"
                  rf"|visibly|clearly|then|simply|a\s+bit|a\s+little))?\s+{verbs}")


# A grade adverb that is part of something else: "as well", "well before the deadline".
_NOT_A_GRADE = re.compile(r"as\s*$|^\s*(?:before|after|over|under|within|ahead|past|into|beyond"
                          r"|above|below|outside|inside|enough|known)\b", re.IGNORECASE)


def readable(text: str) -> str:
    """`text` masked for the families: quotes and code blanked, hyphenated words kept, so that
    "half-heartedly" and "detail-oriented" can be found."""
    return mask(text, hyphenated=False)


def behavior_findings(text: str, masked: str, words: str, s_start: int, s_end: int
                      ) -> list[Finding]:
    """Vague Behavior in the sentence text[s_start:s_end], unless it reports something
    observable. `masked` is `mask(text)` and `words` is `readable(text)`."""
    if masked[s_start:s_end].rstrip().endswith("?"):
        return []  # a question asserts nothing ("You panicked? No: ...")
    found = list(_triggers(words, s_start, s_end)) or _without_subject(words, s_start, s_end)
    if not found or observed(text, s_start, s_end, [(a, b) for _, a, b, _ in found]):
        return []
    kept: list[Finding] = []  # one hint for a run of words, the widest: "You seemed stressed"
    for finding in sorted(found, key=lambda f: (f[1], f[1] - f[2])):
        if not kept or finding[1] >= kept[-1][2]:
            kept.append(finding)
    return kept


# Notes often drop the subject ("Condescending with the vendor.", "Froze during the failover.",
# "No sense of urgency."). Such a sentence is read again with the subject put back, and a match
# counts only when it starts at the subject put back: the fragment's head is the trigger.
_SUBJECTS = ("you were ", "you ", "you have ")
_HAS_SUBJECT = re.compile(r"^\W*(?:the|a|an|this|that|these|those|it|its|it's|there|we|our|i|my|"
                          r"you|your|he|she|they|his|her|their|[A-Z][\w-]*\s+(?:is|was|has|had"
                          r"|did|were|are))\b", re.IGNORECASE)


def _without_subject(words: str, s_start: int, s_end: int) -> list[Finding]:
    sentence = words[s_start:s_end]
    if _HAS_SUBJECT.match(sentence) or any(w in _PERSON_WORDS for w in
                                           re.findall(r"[\w']+", sentence.lower())):
        return []
    for subject in _SUBJECTS:
        shift, read = len(subject), subject + sentence
        # "Stressed the cluster at 10:00" is a verb with its object, not "you were stressed".
        found = [(rule, s_start, s_start + b - shift, message)
                 for rule, a, b, message in _triggers(read, 0, len(read))
                 if a == 0 and b > shift and not (subject == "you were "
                                                  and _OBJECT_START.match(read, b))]
        if found:
            return found
    return []


def _triggers(masked: str, s_start: int, s_end: int) -> Iterator[Finding]:
    for rule, pattern, message in _behavior_patterns():
        for match in pattern.finditer(masked, s_start, s_end):
            a, b = match.span()
            if not _about_the_person(masked, s_start, s_end, a, b):
                continue
            if rule == "verdict_as_behavior" and pattern is phrases_regex("grade_adverbs") and (
                    _NOT_A_GRADE.search(masked[max(s_start, a - 4):a])
                    or _NOT_A_GRADE.match(masked[b:s_end])):
                continue
            if reported(masked[max(s_start, a - 80):a]):
                continue  # "you told the bridge you were overwhelmed" is a transcript
            if pattern is phrases_regex("judged_verbs") and specific_detail(
                    masked[b:clause_end(masked, b, s_end)]):
                continue  # the verb takes a counted or timed object: "stepped up to IC at 02:15"
            yield rule, a, b, message
    for match in _reaction_regex().finditer(masked, s_start, s_end):
        if _OBJECT_START.match(masked, match.end(), s_end):
            continue  # "you froze the deploy pipeline" is an act
        if reported(masked[max(s_start, match.start() - 80):match.start()]):
            continue
        yield ("judged_verb", match.start(), match.end(),
               "names a reaction, not what happened; describe what they did or said.")


def _about_the_person(masked: str, s_start: int, s_end: int, a: int, b: int) -> bool:
    """The clause holding the match is about a person ("the dashboard clearly showed" is not)."""
    begin = clause_start(masked, s_start, a)
    end = clause_end(masked, b, s_end)
    words = re.findall(r"[\w'\u2019]+", masked[begin:end].lower().replace("\u2019", "'"))
    return any(w in _PERSON_WORDS for w in words) or begin == s_start == a


# -- evidence -------------------------------------------------------------------------------------
# What makes a Behavior sentence observable: an act (a past-tense verb that is not itself the
# judgement) together with a quote, a count, a time or a date. Stretches of time ("this quarter")
# place a sentence but do not make what it says checkable.
_SPANS = re.compile(
    r"\b(?:this|last|next|past)\s+(?:week|sprint|quarter|month|year|half)\b"
    r"|\b(?:weeks|months|quarters|years|sprints)\b", re.IGNORECASE)
_TIMES = re.compile(r"\b\d{1,2}:\d{2}\b")
_QUOTED = re.compile(r"`[^`\n]+`|\"[^\"\n]+\"|\u201c[^\u201d\n]+\u201d"
                     r"|(?<!\w)['\u2018][^'\u2018\u2019\n]+['\u2019](?!\w)")
# Acts has_past_action does not see: "you had the rollback command ready", "by paging 6 teams",
# "..., assigning 3 people to 3 tasks", and a counted record of work in a note ("23 comments on
# PR #4410"; a count of minutes or weeks is a duration, not a record).
_OTHER_ACT = re.compile(r"\b(?:had|has|have)\s+(?:the|a|an|all|each|every|both|your|their|his|her"
                        r"|its|our|no|\d)\b|\bby\s+\w+ing\b|[,;:]\s*\w+ing\s+(?:the|a|an|all"
                        r"|each|every|both|your|their|his|her|its|our|\d)\b"
                        r"|\b\d+\s+(?!(?:seconds|minutes|hours|days|weeks|months|quarters|years"
                        r"|sprints|times)\b)[a-z]+s\b", re.IGNORECASE)
# Subordinate clauses report what others did ("when the DBA joined the call"): not the act.
_SUBORDINATE = re.compile(r"\b(?:when|while|whenever|as\s+soon\s+as|after|before|until|once|if"
                          r"|because|since|where)\b[^,;:.!?\u2014]*", re.IGNORECASE)


def observed(text: str, s_start: int, s_end: int, triggers: list[tuple[int, int]]) -> bool:
    """Does the sentence report an act together with a quote, a count, a time or a date, once
    the `triggers` (the words under suspicion) are set aside? "You have zero sense of ownership"
    holds no count: the "zero" belongs to the trait."""
    def without_triggers(source: str) -> str:
        chars = list(source[s_start:s_end])
        for a, b in triggers:
            chars[a - s_start:b - s_start] = " " * (b - a)
        return "".join(chars)

    sentence = without_triggers(text)
    if not specific_detail(_SPANS.sub(" ", sentence)):
        return False
    if _QUOTED.search(sentence) or len(_TIMES.findall(sentence)) > 1:
        return True  # someone's words, a command as typed, or a timeline: a record of the acts
    # Hyphenated words are read too: "you re-ran the checks" is an act.
    acts = _SUBORDINATE.sub(lambda m: " " * len(m.group()), without_triggers(readable(text)))
    return has_past_action(acts) or _OTHER_ACT.search(acts) is not None


# Advice is advice whatever follows it; a verdict ("you handled the outage well") may be the
# heading of an observation ("...: first update at 02:04, rollback at 02:11").
_ADVICE = re.compile(r"\b(?:should|shouldn['\u2019]t|need|must|have\s+to|ought|could|might|may"
                     r"|like\s+you|want\s+you|would|next\s+time|going\s+forward|future|try"
                     r"|make\s+sure|please|be\s+more|be\s+less|more|take|step\s+up)\b",
                     re.IGNORECASE)


def observed_verdict(text: str, s_start: int, s_end: int, span: tuple[int, int]) -> bool:
    """A verdict phrase (not advice) in a sentence that also reports what was done."""
    a, b = span
    return _ADVICE.search(text, a, b) is None and observed(text, s_start, s_end, [span])


# -- Impact ---------------------------------------------------------------------------------------
def vague_effect(text: str, masked: str) -> Finding | None:
    """An Impact whose effect nobody could check ("it set us back", "that created friction")."""
    markers = list(phrases_regex("vague_effects").finditer(readable(text)))
    if not markers or specific_detail(text):
        return None
    # A system or outcome elsewhere in the Impact may carry the effect ("it made things easier
    # for the on-call: zero pages overnight"); inside a vague clause it is only its object
    # ("it cast a shadow over the launch"), and a second vague clause is no evidence either.
    rest_text, rest_masked = list(text), list(masked)
    for marker in markers:
        begin, end = _clause_around(masked, marker.start(), marker.end())
        rest_text[begin:end] = rest_masked[begin:end] = " " * (end - begin)
    if checkable_effect("".join(rest_text)) or has_past_action("".join(rest_masked)):
        return None
    first = markers[0]
    return ("vague_effect", first.start(), first.end(),
            "names an effect nobody could check; say what changed, for whom, and by how much.")


def checkable_effect(text: str) -> bool:
    """A number, a time, a quote, or a system or outcome that someone could go and look at."""
    return specific_detail(text) or phrases_regex("outcome_nouns").search(text) is not None


_BREAK = re.compile(r"[,;:()\u2014\u2013]|\s-\s|[.!?](?=\s|$)|\b(?:and|but|so|because|which"
                    r"|who|when|while|after|until|then)\b", re.IGNORECASE)


def _clause_around(masked: str, start: int, end: int) -> tuple[int, int]:
    begin = 0
    for brk in _BREAK.finditer(masked, 0, start):
        begin = brk.end()
    after = _BREAK.search(masked, end)
    return begin, after.start() if after else len(masked)


# -- Situation ------------------------------------------------------------------------------------
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s?(?:am|pm)\b|\b\d{4}-\d{2}-\d{2}\b"
                    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug"
                    r"|Sep|Oct|Nov|Dec)[a-z]*\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov"
                    r"|Dec)[a-z]*\s+\d{1,2}\b", re.IGNORECASE)
_DAY = re.compile(r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tonight"
                  r"|last\s+night|this\s+(?:morning|afternoon|evening)|(?:this|last|the)"
                  r"\s+weekend|weekend['\u2019]s|the\s+other\s+day)\b", re.IGNORECASE)
_ID = re.compile(r"(?<![\w-])(?:[A-Za-z]+-\d+|#\w+|v\d+(?:\.\d+)+)\b|[`\"\u201c\u201d]")
_STRETCH_UNITS = word_set_of("sprint sprints rotation rotations quarter quarters half year years "
                             "month months week weeks project projects program programme period "
                             "season cycle term")
# A Situation whose subject is itself a stretch: "during the migration project", "in Q3".
_STRETCH = re.compile(r"\b(?:project|projects|programme|program|quarter|half|year|month|period"
                      r"|season|initiative|workstream|sprint|rotation|week|q[1-4]|h[12])\b",
                      re.IGNORECASE)
_COUNT = (r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|both|all|each"
          r"|first|second|third|last)")


@cache
def _occasion_regex() -> re.Pattern[str]:
    items = sorted(entries("event_words"), key=lambda e: (-e.count(" "), -len(e)))
    body = "|".join(phrase_pattern(e) for e in items)
    return re.compile(rf"(?<![\w-])(?:{body})(s|es)?(?![\w-])(\s+[\w-]+)?", re.IGNORECASE)


def time_span(text: str, masked: str) -> Finding | None:
    """A Situation that names a stretch of time and no single occasion inside it."""
    span = phrases_regex("time_spans").search(masked) or _STRETCH.search(masked)
    # "Since the migration" names where a stretch starts, not an occasion: only a date or a time
    # bounds it.
    starts = span is not None and span.group().lower().endswith("since")
    if span is None or _names_an_occasion(text, events=not starts):
        return None
    return ("time_span", span.start(), span.end(),
            "covers a stretch of time; pick one occasion in it: a day, a meeting, an incident.")


def _names_an_occasion(text: str, *, events: bool = True) -> bool:
    if _CLOCK.search(text) or _DAY.search(text) or _ID.search(text):
        return True
    if not events:
        return False
    for match in _occasion_regex().finditer(text):
        word = match.group(0).split()[0].lower()
        following = (match.group(2) or "").strip().lower()
        if word in _STRETCH_UNITS or following in _STRETCH_UNITS:
            continue
        before = text[max(0, match.start() - 40):match.start()]
        if match.group(1):  # plural: an occasion only when counted ("the 4 handovers")
            if re.search(rf"\b{_COUNT}\b(?:\W+[\w-]+){{0,3}}\W*$", before, re.IGNORECASE):
                return True
            continue
        if not re.search(r"\b(?:every|each|any|most|all)\s+(?:[\w-]+\s+)?$", before,
                         re.IGNORECASE):
            return True
    return False
