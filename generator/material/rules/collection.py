"""What is collected (GDPR Art. 13(1), 14(1)(d); CCPA § 1798.100): a new kind of information, or a new source.

Material: a new entry in a list whose lead-in says it lists what is collected; a new clause in
which the company (or someone for it) collects, receives, records or accesses information; an
edited such clause that now names more in what it collects (words added between its verb and the
end of its object, not to why or when). Substantive: an entry or clause removed (less collected).
"""

from __future__ import annotations

import re

from ..changes import ClauseChange
from ..clauses import split
from ..findings import Finding
from ..reading import LEADING_CONDITION, STOP, VERB_START, content_words, restricts_what_it_says, root_stems
from ..text import LIMITS, NEGATIONS, Anchored, fold, plain_words, quote
from .context import ACCESS_SAFEGUARD, ACCESS_SAFEGUARD_WORDS, Context, added_between, contact_line, illustrates, in_examples, named_beside, states

# "Access" named as a measure of security, not done to information: "access controls", "access
# management" (and "access rights", "access requests": the reader's).
_NOT_A_VERB = r"(?!(?<=access)\s{1,3}(?:controls?|management|restrictions?|rights?|requests?|permissions?|levels?)\b)"
# The company gets information: the verbs of collection, with information as their object.
_COLLECTS = Anchored(re.compile(
    # (access kept from others, or given to staff, is security: "controls access to computer rooms and data
    # storage rooms", "granting access according to each employee's job function")
    r"\b(?<!control )(?<!controls )(?<!controlling )(?<!restrict )(?<!restricts )(?<!limit )(?<!limits )(?<!grant )(?<!granting )(?<!grants )(?<!with )(?<!every )(?<!each )(?<!any )"
    # ("the records", "our records": a noun; "receive … training": not information)
    r"(?:collect|gather|obtain|receiv(?!\w{0,4}\b[^.;]{0,60}\btraining\b)|(?<!the )(?<!our )(?<!your )(?<!these )(?<!those )(?<!such )record|captur|scan|analy[sz]|infer|deriv|access|log)\w{0,4}\b"
    + _NOT_A_VERB + r"[^.;]{0,80}"
    r"\b(?:information|data|content|details|identifiers?|messages?|communications?|history|location|contacts|files|activity"
    r"|video|audio|sound|voice|images?|photos?|recordings?|clips?)\b"
    r"|\b(?:information|data|content)\b[^.;]{0,60}\b(?:we|us)\b[^.;]{0,30}\b(?:collect|receive|obtain|get|access)\w{0,3}\b"
    r"|\b(?:log|record)s?\b(?:\s{1,3}[\w-]{1,20}){0,2}?\s{1,3}(?:contains?|includes?)\b"  # "a log entry contains …"
    # "records your position" ("the recording of your conversation" is a noun)
    # (not the reader's request received: "within one month of receiving your request")
    r"|\b(?:collect|gather|obtain|receiv|(?<!the )(?<!our )(?<!your )(?<!a )record|captur|scan|analy[sz]|infer|deriv|access|log|read)\w{0,4}\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,2}?(?:your|their)\b"
    r"(?!\s{1,3}(?:requests?|complaints?|applications?|quer(?:y|ies)|enquir(?:y|ies)|inquir(?:y|ies)|instructions?|appeals?|objections?)\b)"
    r"|\b(?:upload|sync|synchronis|synchroniz|cop|transmitt|sent)\w{0,4}\s{1,3}to\s{1,3}(?:our|its)\s{1,3}(?:servers?|cloud|systems?)\b"  # "photos are uploaded to our servers"
    r"|\bpermissions?\s{1,3}to\s{1,3}(?:use|access)\b"  # a permission of the device: "asks for permission to use your camera"
    # a background check: "our screening provider checks criminal records, … and your credit history"
    r"|\b(?:checks?|checked|checking|searches|searched|screens?|screened)\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,3}?(?:records?|registry|registries|history|histories|databases?)\b"
    r"|\b(?:add|enrich|append|supplement|combin)\w{0,4}\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,2}?(?:information|data|details)\s{1,3}(?:about|on|from)\b",  # "we add information about you from LinkedIn"
    re.I,
), starts=(
    "collect", "gather", "obtain", "receiv", "record", "captur", "scan", "analy", "infer", "deriv", "access", "log",
    "information", "data", "content", "read", "upload", "sync", "synchronis", "synchroniz", "cop", "transmitt", "sent", "permission",
    "add", "enrich", "append", "supplement", "combin", "check", "search", "screen",
))


def _collects(text: str) -> bool:
    """True when ``text`` says information is collected, outside a condition that opens it ("Before
    collecting any information, the Field Officer must show you his or her identity card" says what
    happens before, not that anything is collected)."""
    found = _COLLECTS.search(text)
    if found is None:
        return False
    if LEADING_CONDITION.match(text) is None:
        return True
    # (the condition read to its first comma: "With your written authorization, our screening provider …
    # checks …" says it after the condition)
    comma = text.find(",")
    return comma < 0 or found.start() > comma or _COLLECTS.search(text[comma + 1:]) is not None


#: The words of a check made of records (see :data:`_COLLECTS`): "checks criminal records".
_CHECKING = frozenset(("check", "checks", "checked", "checking", "screen", "screens", "screened", "searches", "searched"))


_VERB = re.compile(r"\bpermissions?\s{1,3}to\s{1,3}(?:use|access)\b|\b(?:collect|gather|obtain|receiv|record|captur|scan|analy[sz]|infer|deriv|access|log)\w{0,4}\b"
                   r"|\b(?:contains?|includes?|checks?|checked|searche[sd]|screen(?:s|ed)?)\b", re.I)


def judge(change: ClauseChange, context: Context) -> Finding | None:
    """Collection widened (material) or narrowed (substantive)."""
    listed = context.list_topic(change)
    if listed in ("recipients", "rights") or contact_line(change):
        # an entry of those who receive information: what it "receives" goes to them, not to the
        # company (the recipients rule reads it); an entry of the reader's rights: what the reader
        # may "obtain" is theirs (the rights rule reads it)
        return None
    if listed == "collection" and change.kind == "edited" and not change.new.lead and _sentences(change):  # type: ignore[union-attr]
        # (an entry that is a sentence of its own under a heading, "2. The Company does not store complete
        # payment card data. …", says what it says as a sentence would: it is read as one)
        listed = None
    if listed == "collection" or _enumerated(change, context):
        if change.kind != "edited" and listed == "collection" and context.list_rules_out(change):
            return None  # (an entry of what the company rules out collecting: the commitments rule's)
        if change.kind == "inserted":
            if _restates(change, context):
                return change.finding("collection", "substantive", f"{quote(change.new_text)} is now listed among the information collected; "
                                      "the statement already said it collects this.")
            return change.finding("collection", "material", f"{quote(change.new_text)} is now listed among the information collected.")
        if change.kind == "removed":
            return change.finding("collection", "substantive", f"{quote(change.old_text)} is no longer listed among the information collected.")
        # (an item put in of words the entry had elsewhere is one more too: "date of birth, signature" →
        # "date of birth, birth number, signature")
        if (change.added_words or _item_put_in(change)) and not illustrates(change):
            if not NEGATIONS.isdisjoint(change.changed_new_words) and _COLLECTS.search(change.changed_new_text()):
                # "(card details … never reach us)" → "(we never receive your card details …)": what is not collected
                return change.finding("collection", "substantive", f"An entry of the information collected was reworded: it now reads {quote(change.new_text)}.")
            if in_examples(change, including=True) and _examples_said(change, context):
                # (a sensitive kind named among them is the practices rule's: "such as your DNA")
                return change.finding("collection", "substantive", f"An entry of the information collected gives other examples of what it covers: {quote(change.new_text)}.")
            if _reworded(change):
                return change.finding("collection", "substantive", f"An entry of the information collected was reworded: it now reads {quote(change.new_text)}.")
            if _narrowed_in_brackets(change):
                return None  # (a limit on what it names: the commitments rule's)
            return change.finding("collection", "material", f"An entry of the information collected now reads {quote(change.new_text)}.")
        return None
    if "collection" not in change.topics and "access" not in change.vocabulary and _CHECKING.isdisjoint(change.vocabulary):
        return None
    reading = change.reading
    if reading.actor == "reader" or (restricts_what_it_says(reading, change.new_text) if change.kind == "edited" else reading.restricts) \
            or not _collects(change.new_text or change.old_text):
        return None
    if "access" in change.vocabulary and (not ACCESS_SAFEGUARD_WORDS.isdisjoint(change.vocabulary) and ACCESS_SAFEGUARD.search(change.new_text or change.old_text)
                                          or not _ACCESS_ENDING.isdisjoint(change.vocabulary) and _ACCESS_ENDS.search(change.new_text or change.old_text)):
        # "Every access to clinical information is recorded and reviewed": an audit trail, a safeguard;
        # "Access of the courier to the data of an order is closed automatically 24 hours after …": a limit
        return None
    words = (change.new or change.old).wordset  # type: ignore[union-attr]
    if "us" in words and "we" not in words and _FROM_US.search(change.new_text or change.old_text):
        return None  # "Companies that host our servers receive personal information from us": sharing (the recipients rule's)
    if reading.actor == "other" and _OTHERS_RECEIVE.match(change.new_text or change.old_text) is not None:
        return None  # "The processors listed above receive your personal data …": sharing (the recipients rule's)
    if change.kind == "inserted":
        # (or its section said it on the old side, in the same words: a paragraph rewritten)
        if _restates(change, context) or context.said_in_section(change):
            return change.finding("collection", "substantive", "A new clause says information is collected that the statement already said it collects.")
        if _EXAMPLE_OPENS.match(change.new_text) is not None:
            # "For example, the cloud provider that hosts our trip records is a data intermediary":
            # an example of what the sentence before it says, which the rules read there
            return None
        return change.finding("collection", "material", "A new clause says information is collected or accessed.")
    if change.kind == "removed":
        return change.finding("collection", "substantive", "A clause about information collected or accessed was removed.")
    if not change.added_words:
        return None
    old_restricts = restricts_what_it_says(change.old_reading, change.old_text)  # type: ignore[arg-type]
    if not old_restricts and _added_to_what_is_collected(change) \
            and not _introduces_examples(change) and not (in_examples(change, including=True) and _examples_said(change, context)):  # type: ignore[union-attr]
        return change.finding("collection", "material", "A clause about information collected or accessed now says more.")
    # (or around them: "at the time of login" → "while the App is in use", "the" kept)
    # (one that said when already may gain another: "while the app is open" → "… or running in the background")
    often = _MORE_OFTEN.search(change.changed_new_text()) if not old_restricts else None
    if often is not None and _when(often.group()) not in {_when(m.group()) for m in _MORE_OFTEN.finditer(change.old_text)} \
            or not old_restricts and often is None and change.gained_matches(_MORE_OFTEN.finditer(change.new_text)) and not _MORE_OFTEN.search(change.old_text):
        return change.finding("collection", "material", "A clause about information collected or accessed now collects it more often or all the time.")
    return None


# Collecting again and again rather than on one occasion: "when you apply for an overdraft" → "…
# and from time to time while you have one"; location "in the background".
_MORE_OFTEN = re.compile(
    r"\bfrom time to time\b|\bperiodically\b|\bregularly\b|\bcontinuous(?:ly)?\b|\bcontinually\b|\bat any time\b|\bat all times\b"
    r"|\bin the background\b|\bwhenever\b|\bevery time\b|\beach time\b|\bon an ongoing basis\b|\bmonthly\b|\bweekly\b|\bdaily\b"
    # all the while something is used: "at the time of login" → "while the App is in use"
    r"|\bwhile\s{1,3}(?:the\s{1,3}[\w-]{1,20}|you|it)\s{1,3}(?:is|are)\s{1,3}(?:in\s{1,3}use|running|open|active)\b|\bwhile\s{1,3}you\s{1,3}(?:use|are\s{1,3}using)\b",
    re.I,
)


#: Phrases of :data:`_MORE_OFTEN` that say the same ("at any time", "whenever"), by the one they say it as.
_SAME_WHEN = {"whenever": "at any time", "every time": "at any time", "each time": "at any time", "at all times": "at any time",
              "continually": "continuously", "continuous": "continuously"}


def _when(phrase: str) -> str:
    """A phrase of :data:`_MORE_OFTEN`, as the one of its meaning (lower case, one space apart)."""
    phrase = " ".join(phrase.lower().split())
    return _SAME_WHEN.get(phrase, phrase)


#: The words without which :data:`_ACCESS_ENDS` does not match.
_ACCESS_ENDING = frozenset(("closed", "revoked", "removed", "withdrawn", "disabled", "ended", "terminated", "blocked", "cut"))
# Access taken away: "Access of the courier to the data … is closed automatically", "access is revoked when …".
_ACCESS_ENDS = re.compile(
    r"\baccess\b[^.;]{0,80}?\b(?:is|are|will\s{1,3}be|gets|get)\s{1,3}(?:automatically\s{1,3})?(?:closed|revoked|removed|withdrawn|disabled|ended|terminated|blocked|cut\s{1,3}off)\b", re.I)
# Others named as who receive it, the clause's subject: "The processors listed above receive your personal data".
_OTHERS_RECEIVE = re.compile(r"[^.;]{0,300}?\b(?:receive|receives|are\s{1,3}given|get|gets)\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,3}?(?:information|data|details)\b", re.I)
# Others getting information from the company: "… receive personal information from us".
_FROM_US = re.compile(r"\b(?:receiv|obtain|get|access)\w{0,4}\b[^.;]{0,60}?\bfrom\s{1,3}us\b", re.I)


# A sentence that opens as an example of the one before it.
_EXAMPLE_OPENS = re.compile(r"\W{0,3}(?:for example|for instance|e\.\s?g\.)[,:]?\s", re.I)


def _narrowed_in_brackets(change: ClauseChange) -> bool:
    """True when every run of words an entry gained stands in brackets of its own and limits what
    the entry names ("approximate location (at the level of city or district only)", "card number
    (only its last four digits)"): less is said to be collected, not more."""
    text = change.new_text
    gained = [span for span in change.spans if span.new]
    return bool(gained) and all(_in_brackets(text, span.new[0].start, span.new[-1].end) and not LIMITS.isdisjoint(w.norm for w in span.new)
                                for span in gained)


def _in_brackets(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` stands within one pair of brackets."""
    opened = text.rfind("(", 0, start)
    if opened < 0 or text.rfind(")", 0, start) > opened:
        return False
    closed, reopened = text.find(")", end), text.find("(", end)
    return closed >= 0 and (reopened < 0 or closed < reopened)


def _reworded(change: ClauseChange) -> bool:
    """True when an entry's words were only put in place of others, a word or two for a word or two,
    at most one more than went ("quiz scores" → "quiz results", "crash logs" → "crash reports",
    "couriers" → "delivery companies"): a
    rewording of what it names. Words added beside the old ones ("your name" → "your name and
    photo"), or a longer stretch put in place of a shorter one ("during a workout" → "also when you
    are not working out"), say more."""
    for span in change.spans:
        if span.new and content_words([w.norm for w in span.new]) and (not span.old or len(span.new) > 2 or len(span.old) > 2):
            return False
    # (two words may name what one did: "couriers" → "delivery companies")
    return len(change.added_words) <= len(change.removed_words) + 1


# A short label and a colon that open an enumeration: "From children's profiles: a first name, …".
# (after the clause's own number, where it has one: "3.4 Network and traffic data: Call Detail Records, …")
_LABEL = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){1,3}\.?\s{1,3})?[^.;:]{1,60}:\s")


def _label(text: str) -> "re.Match[str] | None":
    """``_LABEL.match(text)``, without the pattern for a text with no colon where the label's can
    stand; None for a sentence before its colon ("Payments by card are handled directly by the
    bank: …" is no label: a label has no verb "to be" and no modal verb)."""
    found = _LABEL.match(text) if text.find(":", 1, 76) >= 0 else None
    if found is not None and not _NOT_IN_A_LABEL.isdisjoint(plain_words(found.group())):
        return None
    return found


#: Words a label does not hold: a form of "to be" or a modal verb makes a sentence.
_NOT_IN_A_LABEL = frozenset(("is", "are", "was", "were", "be", "been", "will", "shall", "must", "may", "can", "would", "should"))


# A label that says what follows is the information collected, whatever the heading: "What: an
# advertising identifier, your approximate location …".
_COLLECTION_LABEL = re.compile(r"(?:what|data|information|what we collect|data we collect|categories of (?:personal )?(?:data|information))\s{0,2}:", re.I)


def _enumerated(change: ClauseChange, context: Context) -> bool:
    """True for a clause that enumerates information after a label and a colon, under a heading
    about what is collected ("What we collect" — "From parents: name, email address and payment
    details"), or after a label that says so ("What: an advertising identifier, …"): without a verb
    of its own, it lists what is collected as a list's entries do."""
    clause = change.new if change.new is not None else change.old
    if clause is None or clause.item:
        return False
    if _label(clause.text) is None:
        return _after_run_in_head(change, context)
    if context.section_topic(change) != "collection" and _COLLECTION_LABEL.match(clause.text) is None:
        return False
    if change.kind != "edited":
        return True
    colon = _label(change.new_text)
    return colon is not None and added_between(change, colon.end(), len(change.new_text)) or not change.added_words


def _item_put_in(change: ClauseChange) -> bool:
    """True when an edited entry gained, between two commas, a run of words of substance where it
    had none, whatever words it was made of ("date of birth, birth number, signature")."""
    text = change.new_text
    return any(span.new and not span.old and content_words([w.norm for w in span.new])
               and text[:span.new[0].start].rstrip().endswith(",") and text[span.new[-1].end:].lstrip().startswith(",")
               for span in change.spans)


def _sentences(change: ClauseChange) -> bool:
    """True when both sides of an edited entry are sentences with a subject and a verb, each
    ending in a full stop: "The Company does not store complete payment card data.", not "your
    name and address;"."""
    return all(text[:1].isupper() and text.rstrip().endswith(".") and not VERB_START.isdisjoint(plain_words(text)[1:8])
               for text in (change.old_text, change.new_text))


# A paragraph's run-in head, its own sentence: "4.5 Device Data. ", "(b) Contact and Account Data. ".
_RUN_IN_HEAD = re.compile(
    r"(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?\s{1,3}|\(?[a-z]\)\s{1,3})?"
    r"[A-Z][\w'/-]*(?:\s{1,3}(?:[A-Z][\w'/-]*|and|of|or|the|for|on|&)){0,5}(?<=[A-Za-z])\.\s{1,3}(?=[A-Z])")


def _after_run_in_head(change: ClauseChange, context: Context) -> bool:
    """True for a clause that names things, with no verb before its first comma, and follows its
    paragraph's run-in head, under a heading about what is collected ("4.5 Device Data. The IMEI of
    your handset, the device make and model …"): the head is its label, and it lists what is
    collected as a list's entries do."""
    clause = change.new if change.new is not None else change.old
    assert clause is not None
    block = context.block_text(change, "new" if change.new is not None else "old")
    head = _RUN_IN_HEAD.match(block) if block else None
    if head is None or not block.startswith(clause.text, head.end()) or context.section_topic(change) != "collection":  # type: ignore[union-attr]
        return False
    first = clause.text.split(",", 1)[0]  # (what it names first: a verb there is the clause's own)
    return VERB_START.isdisjoint(plain_words(first)) and _VERB.search(first) is None


# Words that name information in general, not a kind of it ("personal information", "the following data").
_GENERAL = frozenset((
    "personal", "information", "data", "details", "detail", "following", "categories", "category", "kinds", "kind",
    "types", "type", "certain", "some", "basic",
))
# Words that introduce examples of what goes before them.
_INTRODUCING = re.compile(r"\b(?:such as|including|like|for example|for instance|e\.g|namely|following)$")


def _introduces_examples(change: ClauseChange) -> bool:
    """True when every run of words an edited clause gained names information only in general and
    introduces what stood there before as its examples ("we collect your name, postal address …"
    → "we collect personal information such as your name, postal address …"): nothing more is
    collected."""
    added = [span for span in change.spans if span.new]
    if not added or any(span.old for span in change.spans):
        return False
    for span in added:
        norms = [w.norm for w in span.new]
        if not all(w in _GENERAL or w in STOP or w in ("such", "as", "including", "like", "example", "instance", "e.g", "namely") for w in norms):
            return False
        if _INTRODUCING.search(" ".join(norms)) is None:
            return False
    return True


# Where what is collected ends: its purpose ("to suggest notes"), a condition, the next clause.
_OBJECT_END = re.compile(r"\s(?:to|for|so|when|whenever|if|in order|because|while|which|that)\s|[;:.(]")


#: Stems of words that join or recast what a clause names without naming more ("relating to",
#: "for example", "in the course of").
_RECASTING = frozenset(("relat", "regard", "concern", "example", "instanc", "includ", "such", "like", "namely", "manner", "way",
                        "cours", "whether", "either", "respect", "connection", "connect", "order", "purpos", "part"))


def _added_to_what_is_collected(change: ClauseChange) -> bool:
    """True when words were added to what the clause collects — between its verb of collection and
    the end of its object ("collects your location" → "collects your location and contacts") —
    not to why or when (the purpose rule reads purposes)."""
    text = change.new_text
    if all(named_beside(change, span) for span in change.spans if span.new):
        return False  # "Our direct debit provider, PayStream Collections Ltd, which collects …": its name
    verb = _VERB.search(text)
    if verb is None:
        return True  # "information we receive": the object stands before the verb
    end = _OBJECT_END.search(text, verb.end())
    stop = end.start() if end is not None else len(text)
    if end is not None and text[stop] in "(:" and ":" in text[stop: stop + 30]:
        # the object goes on in an enumeration after a colon: "we collect information about how you
        # use Parley (metadata): when you were last online, …"
        stop = len(text)
    if not added_between(change, verb.start(), stop):
        return False
    # (a word of substance the old clause did not have, among the words gained there: a clause
    # recast in its own words — "personal data about our clients and about other individuals …" →
    # "personal data relating to our clients, and to other individuals …" — collects no more)
    had = root_stems(change.old.wordset) if change.old is not None else set()  # type: ignore[union-attr]
    # (the verb itself aside: "… and record the date, time and location" → "For each read, the system
    # records the date, time and location" names the same)
    gained = root_stems([w.norm for span in change.spans if span.new for w in span.new if verb.end() <= w.start < stop])
    return bool(gained - had - _RECASTING)


# -- restating what is already collected ---------------------------------------------------------
#
# A statement often says again what it collects in a new form: a table of data and purposes, a
# section for a state's law that lists the law's categories of information (CCPA § 1798.140(v)(1):
# "identifiers", "commercial information", "internet or other electronic network activity
# information" …). A new clause or entry that names only kinds of information the old version
# already said it collects discloses no new collection.

#: The categories of personal information of CCPA § 1798.140(v)(1) and (ae) (sensitive personal
#: information), by a word of their name, with the words of the kinds of information each covers
#: (the statute's own examples). A category is already collected when one of its kinds is.
_CATEGORIES: dict[str, tuple[str, ...]] = {
    "identifier": ("name", "alias", "address", "email", "e-mail", "ip", "account", "username", "device", "phone",
                   "telephone", "cookie", "id", "identifier", "signature"),
    "customer": ("name", "address", "phone", "telephone", "signature", "payment", "card", "bank", "insurance"),
    "commercial": ("purchase", "order", "transaction", "payment", "subscription", "product", "billing", "receipt"),
    "internet": ("browsing", "browser", "log", "page", "visit", "usage", "interaction", "click", "search", "cookie"),
    "network": ("browsing", "browser", "log", "page", "visit", "usage", "interaction", "click", "search", "cookie"),
    "geolocation": ("location", "geolocation", "gps"),
    "audio": ("photo", "image", "video", "recording", "voice", "audio", "picture", "call"),
    "visual": ("photo", "image", "video", "recording", "picture", "camera"),
    "professional": ("employer", "job", "employment", "occupation", "title", "work"),
    "employment": ("employer", "job", "employment", "occupation", "title", "work"),
    "employment-related": ("employer", "job", "employment", "occupation", "title", "work"),
    "education": ("school", "education", "student", "degree", "grade"),
    "inference": ("preference", "profile", "interest", "inference", "characteristic"),
    "biometric": ("biometric", "fingerprint", "face", "voiceprint", "faceprint"),
    "protected": ("age", "gender", "sex", "race", "birth", "nationality", "disability", "marital"),
    "classification": ("age", "gender", "sex", "race", "birth", "nationality", "disability", "marital"),
    "characteristic": ("age", "gender", "sex", "race", "birth", "nationality", "disability", "marital"),
}

#: Words of a disclosure that name no kind of information ("In the past 12 months we collected the
#: following categories of personal information").
_NAMES_NO_KIND = frozenset((
    "information", "data", "personal", "category", "categorie", "following", "such", "example", "including",
    "include", "like", "past", "last", "month", "year", "twelve", "type", "kind", "certain", "specific", "similar",
    "related", "described", "above", "below", "listed", "list", "statute", "law", "california", "federal",
    "state", "consumer", "resident", "record", "history", "online", "unique", "electronic", "activity",
    "other", "drawn", "create", "sensitive", "non-public", "thermal", "olfactory", "collect", "gather",
    "obtain", "receive", "access", "get", "provide", "give", "process", "store", "source", "service",
    "collected", "gathered", "obtained", "received", "accessed", "provided", "processed", "stored", "collects",
    "receives", "we've", "describe", "set", "out", "section", "policy", "notice", "statement", "privacy",
))


def _kind(norm: str) -> str:
    """A word as the kind of information it names: a plural made singular ("addresses" → "address",
    "categories" → "category", "names" → "name")."""
    if len(norm) <= 3 or not norm.endswith("s") or norm.endswith(("ss", "us", "is")):
        return norm
    if norm.endswith("ies"):
        return norm[:-3] + "y"
    if norm.endswith(("sses", "xes", "ches", "shes")):
        return norm[:-2]
    return norm[:-1]


_CATEGORY_KINDS = {name: frozenset(kinds) for name, kinds in _CATEGORIES.items()}
#: Words that name a kind of the reader's information: the statute's examples, and the usual others.
INFORMATION_KINDS = frozenset(kind for kinds in _CATEGORIES.values() for kind in kinds) | frozenset((
    "postcode", "postal", "zip", "mobile", "contacts", "searches", "dni", "passport", "licence", "license", "plate", "salary", "income",
    "health", "medical", "diagnosis", "prescription", "claims", "religion", "ethnicity", "orientation", "criminal", "genetic",
))
_NO_KIND = _NAMES_NO_KIND | STOP


def _kinds(norms: "frozenset[str] | set[str]") -> set[str]:
    """The kinds of information words name (words that name none, and numbers, left out)."""
    return {_kind(w) for w in norms if not w.isdigit()} - _NO_KIND


def _restates(change: ClauseChange, context: Context) -> bool:
    """True when every kind of information a new clause names is one the old version already said it
    collects (a category counting as said when one of its kinds was)."""
    if change.new is None:
        return False
    collected = collected_kinds(context)
    return bool(collected) and kinds_covered(change.new.wordset, collected)


#: Kinds of information that are categories of their own in the law (CCPA § 1798.140(v)(1)(A), (G),
#: (H): identifiers, geolocation, audio and visual information), whatever category they are named
#: as an example of.
_CATEGORIES_OF_THEIR_OWN = frozenset((
    "identifier", "identifiers", "location", "geolocation", "recording", "recordings", "audio", "voice", "photo", "photos", "video", "videos",
))


def _examples_said(change: ClauseChange, context: Context) -> bool:
    """True unless the examples an edited clause gained name a category of its own in the law that
    the old version did not say it collects: "such as your IP address" → "… and the approximate
    location derived from it, your device identifiers" names geolocation and identifiers, not more of
    the technical information it gave as examples before ("… and the browser you use" would be)."""
    gained = _CATEGORIES_OF_THEIR_OWN.intersection(w.norm for span in change.spans for w in span.new)
    return not gained or kinds_covered(frozenset(gained), collected_kinds(context))


def kinds_covered(words: "frozenset[str]", collected: frozenset[str]) -> bool:
    """True when every kind of information ``words`` name is in ``collected`` (a category counting
    as collected when one of its kinds is)."""
    return all(kind in collected or not _CATEGORY_KINDS.get(kind, frozenset()).isdisjoint(collected) for kind in _kinds(words))


def collected_kinds(context: Context) -> frozenset[str]:
    """The kinds of information the old version says it collects (worked out once per diff)."""
    return context.memo("collected", lambda: _collected(context))  # type: ignore[no-any-return]


def _collected(context: Context) -> frozenset[str]:
    """The kinds of information the old version says it collects: the words of its clauses in which
    it (or someone for it) collects information, not ruling it out, and of the entries of its lists of
    what is collected."""
    found: set[str] = set()
    lead = ""
    for block in context.old_blocks:
        if block.kind == "heading":
            lead = ""
            continue
        if block.kind in ("item", "row"):
            topic = context.lead_topic(lead) if lead else context.heading_topic(tuple(block.section))
            if topic == "collection":
                for clause in split(block.text, item=True):
                    found |= _kinds(clause.wordset)
            continue
        lead = " ".join(fold(block.text).split())[-400:]
        in_section = context.heading_topic(tuple(block.section)) == "collection"
        for clause in split(block.text):
            if clause.item:
                if context.lead_topic(clause.lead) == "collection":
                    found |= _kinds(clause.wordset)
                continue
            if states(clause) and (in_section or _COLLECTS.search(clause.text)):
                found |= _kinds(clause.wordset)
    return frozenset(found)
