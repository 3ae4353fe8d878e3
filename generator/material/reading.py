"""How a clause reads: what it is about (topics), who acts in it, and whether it allows or restricts.

Rules read clauses, not words: "we do not sell your data" mentions selling but restricts the
company; "you may opt out" is a right of the reader; "GitHub may access your content" is something
the company may do. A :class:`Reading` answers each of those questions once per clause, when a rule
first asks, from the clause's words (their topics looked up per word, see
:class:`~.text.WordTable`) and a few bounded patterns, so the cost stays linear in the clause.
"""

from __future__ import annotations

import re
from itertools import compress, count
from typing import Sequence

from .text import LIMITS, NEGATIONS, Anchored, WordTable, negative, once, plain_words

__all__ = ["Reading", "read", "MAY_WORDS", "defines", "explanations", "negating_words", "negation_count", "aliases_of", "last_sentence", "negates", "limiting", "exceptions", "TOPICS", "STOP", "stem", "content_words", "root_stems", "topics_of"]

# What a clause is about, by the starts of its words ("collect" finds "collected"; a trailing "="
# asks for the whole word: "use=" finds "use" but not "users"). Each word is looked up once and
# remembered, so the cost is linear in the clause and small. Rules read the clause itself; topics
# only say whether a rule needs to look.
TOPICS: dict[str, tuple[str, ...]] = {
    "collection": ("collect", "gather", "obtain", "acquir", "receiv", "record", "captur", "scan", "analy", "infer", "deriv", "combin", "log=", "access",
                   "monitor",
                   # checks made on someone: "background checks", "vetting", "screening"
                   "check=", "checks=", "vetting", "screening",
                   # read from a device: "We read the state of charge"
                   "read=", "reads=",
                   # taken from the reader's device to the company's servers: "these images are never uploaded"
                   "upload"),
    "use": ("use=", "uses=", "used=", "using", "process", "purpose", "improv", "develop", "personali", "research", "train"),
    "legal_basis": ("legitimate", "lawful", "consent", "contract", "obligation", "agreed=", "permission=", "agreement=", "opted=", "opt-in=", "accept=", "said=", "told=", "agree=", "subscribe=", "subscribed=", "opt=", "sign=",
                    "agreeing=", "tick="),
    "sharing": ("shar", "disclos", "sell", "sold", "sale", "rent", "transfer", "third", "affiliat", "partner", "advertis",
                "vendor", "processor", "provider", "subsidiar", "recipient", "licen", "grant", "personnel", "employee", "contractor",
                "pass=", "passes=", "passed=", "forward", "transmit",
                # agencies and bureaus that receive what is reported or checked (credit, fraud, government)
                "agenc", "bureau",
                # what others can see: shown to other members, made public
                "visible", "visibility"),
    "retention": ("retain", "retention", "keep", "kept", "store", "stored", "storage", "delet", "eras", "destroy", "backup", "archiv", "anonymi"),
    "transfer": ("transfer", "outside", "international", "countr", "adequacy", "contractual", "safeguard", "border", "abroad", "overseas"),
    "rights": ("right", "opt=", "opt-", "opting", "opts", "delet", "download", "export", "unsubscrib", "withdraw", "object", "restrict", "rectif", "correct", "erasure", "portab", "complain",
               "appeal", "choice", "setting", "access", "request", "limit=", "refus", "off=", "review=", "human=", "disabl", "deactivat",
               # dealing with the company without giving one's name (Australia's APP 2)
               "pseudonym", "anonymously=", "anonymity=",
               # giving it is the reader's choice: "providing your SIN is optional"
               "optional=", "voluntar",
               # the authority a reader may complain to
               "regulator", "ombuds", "commissioner",
               # the reader's choice of how: "by the method you designate"; the browser's opt-out signal
               "designate=", "gpc="),
    "controller": ("controller", "responsible", "operated", "dpo", "officer", "representative", "behalf", "decide", "determine"),
    "contact": ("contact", "e-mail", "email", "write", "call=", "phone", "telephone", "postal", "mailing", "address", "portal"),
    "disputes": ("arbitrat", "class=", "class-action", "jury", "governing", "governed", "law", "jurisdiction", "venue", "court", "injunct", "dispute", "waive", "claim", "ombudsman", "ombudsmen"),
    "notice": ("notif", "notice", "tell", "inform=", "informs=", "informed=", "informing=", "communicated=", "communicate=", "communicates=", "announc"),
    "data": ("information", "data", "content", "personal", "detail", "record", "file", "message", "communication", "activity",
             "history", "identif", "profile", "account", "location", "contacts", "metadata", "readings="),
}


_STARTS = {name: tuple(s for s in starts if not s.endswith("=")) for name, starts in TOPICS.items()}
_WHOLE = {name: frozenset(s[:-1] for s in starts if s.endswith("=")) for name, starts in TOPICS.items()}


def _word_topics(word: str) -> tuple[str, ...]:
    return tuple(name for name in TOPICS if word in _WHOLE[name] or word.startswith(_STARTS[name]))


_TOPICS_OF_WORD = WordTable(_word_topics)


def topics_of(norms: "frozenset[str] | set[str]") -> frozenset[str]:
    """The topics a clause's words touch."""
    return frozenset().union(*_TOPICS_OF_WORD.each(norms))


#: Words that carry no meaning of their own for the rules (articles, pronouns, auxiliaries, linkers).
STOP = frozenset(
    """a an the and or of to in on at by for with from as is are was were be been being it its this that these those
    we us our you your they them their he she his her i me my which who whom whose what when where how than then
    there here such any all each some other also may can will would shall should could might must do does did
    has have had not no if so into about over under out up per via within upon but""".split()
)
_SUFFIX = re.compile(r"(?:'s|ies|ied|ing|ed|es|s|ly)$")

_ACTORS_COMPANY = frozenset({"we", "us", "our", "ours", "company"})
_ACTORS_READER = frozenset({"you", "your", "users", "user"})
# Capitalised first words that do not name the company ("It does not …", "Any person …").
_NOT_NAMES = frozenset(
    "it its this that these those there here any each every all some such no none other others the a an if when "
    "where while they he she users user people anyone everyone someone nobody".split()
)
_GRANTS = ("grant", "give", "allow", "authori", "permit", "licen", "consent")
#: Words that end a clause's subject ("We may …", "Our partners share …").
VERB_START = frozenset(
    "may might will shall must can could would should do does did don't doesn't won't cannot never only also "
    "is are was were has have had agree collect use share sell disclose process keep retain store transfer access "
    "receive obtain provide treat consider require reserve need grant let allow permit delete send offer stay stays remain remains "
    "see sees view views get gets".split()
)
# A condition before the main clause, up to its comma; one that lists places or cases with commas
# of its own ends where a pronoun begins the main clause ("If you live in California, Colorado or
# another US state with a privacy law, you have the right to …").
LEADING_CONDITION = re.compile(
    r"^(?:if|when|where|whenever|unless|until|once|while|although|because|to|in|for|as|after|before|upon|by|with|subject|depending)\b"
    # (a condition may name several things between commas: "If you live in the EEA, the UK or
    # Switzerland, your data may be transferred …")
    r"(?:[^,]{0,200},\s*(?:(?!(?:you|we|they|your)\b)[^,]{0,60},\s*){0,6}?(?=(?:you|we|they|your)\b)|[^,]{0,200},\s*)",
    re.I,
)
# Phrases with a negating word that restrict nothing: "including but not limited to", "whether or not".
_NOT_NEGATION_PHRASES = (
    "not limited to", "without limitation", "not only", "no later than", "no more than", "no less than",
    "not less than", "not more than", "whether or not", "if not", "or not", "no longer than", "no matter",
    # a duty ruled out is a freedom: "The User is under no obligation to provide personal data"
    "under no obligation", "no obligation to",
    # what information is, not what is ruled out: "delete information we no longer need"
    "no longer need", "no longer needed", "no longer necessary", "no longer required",
    # how soon, not what is ruled out: "we will communicate it to you without undue delay"
    "without undue delay", "without delay",
    # the balancing of legitimate interests, which rules nothing out: "provided that those interests
    # are not overridden by your interests or fundamental rights" (GDPR Art. 6(1)(f))
    "not overridden",
)
_NOT_NEGATION = Anchored(re.compile("|".join(rf"\b{phrase}\b" for phrase in _NOT_NEGATION_PHRASES), re.I),
                         starts=tuple(sorted({phrase.split()[0] for phrase in _NOT_NEGATION_PHRASES})))
# (Consent is a way out of a limit too: "we do not sell your data without your consent" sells with it.)
_EXCEPTION = Anchored(re.compile(
    # ("anything other than", "any purpose other than", "no purpose other than": a limit, not an exception)
    r"\bunless\b|\bexcept\b|(?<!anything )(?<!any purpose )(?<!any purposes )(?<!no purpose )(?<!no purposes )(?<!no use )\bother than\b|\bsave (?:as|where|when|if|that|to the extent|insofar as|in so far as)\b|\bwhere (?:required|permitted) by law\b|\bas permitted by\b|(?<=\bwith the )exception of\b"
    r"|\bwhere the law (?:permits|allows)\b|\bsubject to the (?:acquirer|buyer|purchaser|successor|new owner|recipient)(?:'s|s')?\b"
    r"|\bwithout (?:first )?(?:your|their|the user's|the|prior|express|explicit|written)\b(?:\s{1,3}[\w'-]{1,20}){0,2}?\s{1,3}(?:consent|permission|authori[sz]ation|agreement)\b",
    re.I,
), starts=("unless", "except", "other", "save", "where", "as", "without", "exception", "subject"))
# The predicate itself is ruled out or limited: "we do not sell", "will never share", "only access".
_HANDLING = (
    # (giving consent is the reader's act, not handling: "only if you have given your consent")
    r"(?:sell|share|disclose|collect|use|process|access|keep|retain|store|transfer|transmit|track|rent|combine|"
    r"give(?!n?\s(?:us\s)?(?:your|their|my)\s(?:consent|permission|agreement))|provide|send|"
    r"monitor|scan|read|train|profile|target|publish|make\s\w{1,12}\savailable|look at|see|hold|record|listen to|intercept|capture|log|receive|"
    # handing over, in other words: "We do not furnish your driving data to consumer reporting agencies"
    r"furnish|supply|supplie|release|report|pass|handle)"
)
_LIMITS_HANDLING = Anchored(re.compile(
    # (a contraction's "n't" stands inside its word: "we won't share", "we don't sell")
    rf"\b(?:not|never|no longer|n't|cannot|only|solely|exclusively|(?:do|does|did|wo|would|should|could|ca|is|are|was|were|has|have|had|must|need)n't)\b"
    rf"(?:\s{{1,3}}[\w'-]{{1,20}}){{0,3}}?\s{{1,3}}{_HANDLING}\w{{0,3}}\b"
    rf"|\b{_HANDLING}\w{{0,3}}\b(?:\s{{1,3}}[\w'-]{{1,20}}){{0,9}}?\s{{1,3}}(?:only|solely|exclusively)\b"
    # who may handle it, limited: "Only the hiring manager and our HR team see your application"
    r"|^(?:only|solely)\b(?:\s{1,3}[\w'-]{1,20}){1,8}?\s{1,3}(?:(?:can|may|will)\s{1,3})?(?:see|access|view|read|handle|review)\w{0,3}\b",
    re.I,
), starts=(
    "n", "can", "only", "solely", "exclusively", "sell", "share", "disclose", "collect", "use", "process", "access",
    "do", "did", "wo", "would", "should", "could", "ca", "is", "are", "was", "were", "has", "have", "had", "must", "need",
    "keep", "retain", "store", "transfer", "transmit", "track", "rent", "combine", "give", "provide", "send", "monitor", "scan",
    "read", "train", "profile", "target", "publish", "make", "look", "see", "hold", "record", "listen", "intercept", "capture", "log",
    "receive", "furnish", "supply", "supplie", "release", "report", "pass", "handle",
))
# A promise that protects the reader: "we will delete", "we will notify you", "we will ask for your consent".
_PROMISES = Anchored(re.compile(
    # ("we'll tell you": the contraction's "ll", after its apostrophe)
    r"(?:\b(?:will|shall|must|always|commit to|promise to|undertake to)|(?<=\w')ll)\b(?:\s{1,3}[\w'-]{1,20}){0,2}?\s{1,3}"
    r"(?:delete|erase|destroy|anonymi[sz]e|notify|tell|inform|announce|email|e-mail|alert|write to|ask|obtain|seek|protect|encrypt|secure|honou?r|respect|respond|answer|limit|restrict|give you"
    r"|let (?:you|users|customers|members|subscribers|supporters) know|stop (?:collecting|processing|using|sharing|sending|contacting)"
    # the same promise in the passive: "changes will be announced by e-mail", "your data will be deleted"
    r"|deleted|erased|destroyed|anonymi[sz]ed|notified|told|informed|announced|communicated|alerted|protected|encrypted"
    r"|intimate"  # (to notify, in Indian English: "we will intimate you")
    # notice given in other words: "the Platform will submit written notification to the User"
    r"|(?:submit|send|give|provide|issue|deliver)\s{1,3}(?:(?:a|an|written|prior|advance)\s{1,3}){0,2}(?:notice|notification)"
    r"|give (?:customers|users|members|subscribers)"
    r"|bound)\b",  # "the buyer, who will be bound by this policy"
    re.I,
), starts=("will", "shall", "must", "always", "commit", "promise", "undertake", "ll"))
# A limit written with "limited to" or a verb: "access is restricted to our support staff", "we limit
# access to the employees who need it" ("including but not limited to" limits nothing).
_LIMIT_PHRASE = re.compile(
    r"(?<!not )\b(?:limited|restricted) to\b"
    # a precondition the company sets itself: "We require a search warrant before we disclose …"
    r"|\b(?:we|[A-Z][\w-]{1,30})\s{1,3}(?:require|requires|will require)\s{1,3}(?:a|an|your|the)\b[^.;]{0,60}?\bbefore\s{1,3}(?:we|it)\b"
    r"|\b(?:limit|limits|restrict|restricts)\s{1,3}(?:access|it|them|its use|their use|the use of(?:\s{1,3}[\w'-]{1,20}){1,3}?)\s{1,3}to\b"
    # "under contracts that forbid any other use", "… that forbid them to use it for anything else"
    r"|\b(?:forbid|forbids|prohibit|prohibits)\b[^.;]{0,40}?\b(?:other|further|additional|anything\s{1,3}else)\b"
    # a bar on others: "Our developer terms prohibit skills from selling the data"
    r"|\b(?:prohibit|prohibits|prohibited|forbid|forbids|forbidden|bar|bars|barred)\b(?:\s{1,3}[\w'-]{1,20}){0,3}?\s{1,3}from\b"
    # those named and no one else: "disclosed to the following recipients, and to no others"
    r"|\b(?:to|with)\s{1,3}no\s{1,3}(?:others?|one\s{1,3}else|other\s{1,3}(?:parties|recipients|third\s{1,3}parties|companies|organi[sz]ations))\b"
    r"|\bnot?\s{1,3}(?:to|with)\s{1,3}anyone\s{1,3}else\b|\bnobody\s{1,3}else\b"
    # what is needed and no more: "we will disclose no more than the information required", "never more than is necessary"
    r"|\b(?:no|nothing|never|not)\s{1,3}(?:more|longer)\s{1,3}(?:[\w'-]{1,20}\s{1,3}){0,2}?than\b"
    # a bar on any other use: "are not allowed to use your data for anything other than …", "bound by a
    # written contract not to use the information for any purpose other than …"
    r"|\bnot\s{1,3}(?:to|be\s{1,3}allowed\s{1,3}to|allowed\s{1,3}to|permitted\s{1,3}to)\s{1,3}(?:use|disclose|share|process|sell)\b[^.;]{0,60}?\b(?:other\s{1,3}than|any\s{1,3}other\s{1,3}purposes?)\b"
    # (or with a modal verb: "and may not use it for any purpose other than providing those services")
    r"|\b(?:may|must|shall)\s{1,3}not\s{1,3}(?:use|disclose|share|process|sell)\b[^.;]{0,60}?\b(?:other\s{1,3}than|any\s{1,3}other\s{1,3}purposes?)\b"
    # one purpose and no other, in so many words: "to manufacturers, for the sole purpose of a warranty claim"
    r"|\bthe\s{1,3}(?:sole|exclusive)\s{1,3}(?:purposes?|aims?|reasons?|use)\b"
    # "apart from those, nobody": "Apart from the recipients listed below, nobody receives personal data from us"
    r"|\b(?:apart\s{1,3}from|other\s{1,3}than|except(?:\s{1,3}for)?|besides|beyond)\b[^.;]{0,80}?,\s{0,3}(?:nobody|no\s{1,3}one|no\s{1,3}others?|none)\b"
    # one purpose and no other: "To process the payment, and for no other purpose, the payment gateway receives …"
    r"|\bfor\s{1,3}no\s{1,3}other\s{1,3}(?:purposes?|reasons?|use)\b"
    # "to use it for no purpose other than providing services to us"; "the information they need, and no more"
    r"|\bno\s{1,3}(?:purposes?|reasons?|use)\s{1,3}other\s{1,3}than\b|,?\s{0,3}\band\s{1,3}(?:no|nothing)\s{1,3}more\b"
    # what is named and nothing more: "…, and nothing else", "(no other data is shared with them)"
    r"|(?:,|\band)\s{0,3}(?:nothing|no\s{1,3}one|nobody)\s{1,3}else\b"
    r"|\bno\s{1,3}other\s{1,3}(?:data|information|details)\s{1,3}(?:is|are|will\s{1,3}be)\s{1,3}(?:shared|disclosed|passed|given|sent|provided|transferred)\b"
    # those named and no others: "The circumstances listed below are the only ones in which we share it"
    r"|\bthe\s{1,3}only\s{1,3}(?:[\w-]{1,20}\s{1,3})?(?:ones?|part(?:y|ies)|recipients?|circumstances|cases|situations|companies|purposes|ways|people|persons)\b"
    # "all" for "only": "all the Company receives is a confirmation that the payment has gone through"
    r"|\ball\s{1,3}(?:that\s{1,3})?(?:we|they|it|the\s{1,3}[\w-]{1,30}|[A-Z][\w-]{1,30})\s{1,3}(?:ever\s{1,3})?(?:receives?|gets?|sees?|keeps?|stores?|collects?|holds?|has|have|needs?|asks?\s{1,3}for)\s{1,3}(?:is|are)\b",
    re.I,
)


def limiting(text: str) -> "re.Match[str] | None":
    """Where ``text`` limits what it speaks of to some with words ("limited to", "limit access
    to"), or None."""
    if "limit" not in text and "restrict" not in text and "Limit" not in text and "Restrict" not in text \
            and "forbid" not in text and "prohibit" not in text and "no o" not in text and "anyone else" not in text and "nobody" not in text \
            and "bar" not in text and "more" not in text and "longer" not in text and "only" not in text and "no other" not in text \
            and "require" not in text and "sole" not in text and "exclusive" not in text and "other than" not in text and "other purpose" not in text \
            and "all " not in text and "All " not in text and " else" not in text:
        return None
    return _LIMIT_PHRASE.search(text)


_EXCEPT_WORDS = frozenset(("unless", "except", "other", "save", "where", "as", "without", "exception", "subject"))


def exceptions(text: str) -> int:
    """How many exceptions ``text`` makes ("unless", "except where", "without your consent")."""
    return len(_EXCEPTION.finditer(text)) if text else 0


#: The modal verbs of what only may happen ("will notify" made "may notify").
MAY_WORDS = frozenset(("may", "might", "can", "could"))
_PERMISSIVE_WORDS = MAY_WORDS | frozenset(("reserve", "reserves", "reserved", "permitted", "allow", "allows", "allowed", "discretion"))
_FIRM_WORDS = frozenset(("will", "shall", "must", "always", "commit", "promise", "undertake", "required", "guarantee",
                         "we'll", "they'll", "it'll", "i'll"))
_PERMISSIVE = Anchored(re.compile(r"\b(?:may|might|can|could|reserve[sd]? the right|is permitted|are permitted|allow(?:s|ed)? (?:us|github)|at (?:our|its) (?:sole )?discretion)\b", re.I), starts=(
    "may", "might", "can", "could", "reserve", "is", "are", "allow", "at",
))
_NEGATING = NEGATIONS - {"without"}
# A negating word (one of NEGATIONS but "without", or one ending in "n't") standing as a whole run of
# ASCII letters and apostrophes: one search instead of cutting the text into such runs and testing each.
_NEGATING_RUN = re.compile(
    r"(?<![A-Za-z'])(?:" + "|".join(sorted(NEGATIONS - {"without"}, key=len, reverse=True)) + r"|[A-Za-z']*n't)(?![A-Za-z'])",
    re.I | re.A,
)
# The same for a text without an apostrophe, which holds no "n't" (the run of letters the last
# alternative scans at every letter is then work for nothing).
_NEGATING_WORD = re.compile(
    r"(?<![A-Za-z])(?:" + "|".join(sorted(NEGATIONS - {"without"}, key=len, reverse=True)) + r")(?![A-Za-z])",
    re.I | re.A,
)


def _negating(text: str) -> "re.Pattern[str]":
    """:data:`_NEGATING_RUN`, or :data:`_NEGATING_WORD` for a text it matches the same in."""
    return _NEGATING_RUN if "'" in text else _NEGATING_WORD


_ACTOR_WORD = re.compile(r"(?:[^\W\d_]|['’-])+")  # (letters of any script: "CóndorPay" is one word)
# The first ten such words in one match: each group takes a whole run of word characters (its
# repeat is greedy and nothing after it can fail), so the groups that matched are what findall
# finds first, in order.
# (letters of any script: "CóndorPay does not …" is one word, as "Acme" is)
_FIRST_WORDS = re.compile(r"(?:[^\w'’-]|[\d_])*" + r"(?:((?:[^\W\d_]|['’-])+)(?:[^\w'’-]|[\d_])*)?" * 10)
#: :data:`_ACTOR_WORD` in lower-case ASCII text.
_ASCII_ACTOR_WORD = re.compile(r"[a-z'-]+")
_FIRM = Anchored(re.compile(r"(?:\b(?:will|shall|must|always|commit|promise|undertake|are required to|is required to|guarantee)|(?<=\w')ll)\b", re.I), starts=(
    "will", "shall", "must", "always", "commit", "promise", "undertake", "are", "is", "guarantee", "ll",
))


def stem(word: str) -> str:
    """A crude stem for comparing content words ("collects", "collected" → "collect")."""
    return _SUFFIX.sub("", word) if len(word) > 4 else word


def _content(word: str) -> str | None:
    return None if word in STOP or word.isdigit() else stem(word)


_CONTENT = WordTable(_content)


def content_words(norms: "Sequence[str] | frozenset[str] | set[str]") -> set[str]:
    """The stems of a clause's meaningful words (given lower case)."""
    found = set(_CONTENT.each(norms))
    found.discard(None)
    return found  # type: ignore[return-value]


def root_stems(norms: "Sequence[str] | frozenset[str] | set[str]") -> set[str]:
    """:func:`content_words` without a final "e", so that "provide" and "providing", "secure" and
    "securing" are one (:func:`stem` keeps the "e" of "provide" but not of "provided"): for telling
    whether a text says again what another said."""
    return {w[:-1] if w.endswith("e") and len(w) > 4 else w for w in content_words(norms)}


class Reading:
    """What a clause is about and how it reads.

    Each answer is worked out the first time a rule asks for it and kept: most rules ask only who
    acts and whether the clause restricts, and the other answers cost a pattern each.
    """

    def __init__(self, text: str, words: frozenset[str], lead: str = "", aliases: frozenset[str] = frozenset(),
                 key: str | None = None) -> None:
        self.text = text
        #: the clause's words, lower case (its key's words)
        self.words = words
        self.lead = lead
        self.aliases = aliases
        self._key = " ".join(words) if key is None else key

    @once
    def topics(self) -> frozenset[str]:
        """What the clause speaks of (see :data:`TOPICS`)."""
        return topics_of(self.words)

    @once
    def _own_actor(self) -> str:
        return _actor(self.text, self.aliases)

    @once
    def _completes_lead(self) -> bool:
        """True for a list entry that has no subject of its own: the lead-in's subject is its subject."""
        if not self.lead:
            return False
        return self._own_actor == "other" or _completes(self.lead, self.text, self.aliases)

    @once
    def actor(self) -> str:
        """``company``, ``reader`` or ``other``; a list entry without a subject takes its lead-in's."""
        if self._completes_lead:
            return _actor(last_sentence(self.lead), self.aliases)
        return self._own_actor

    @once
    def negated(self) -> bool:
        """True when a negating word governs the clause (or, for an entry without a subject, its lead-in)."""
        negated = _negated_words(self.text, self.words, self._key)
        if self._completes_lead:
            # (not a lead-in whose list a limit after its negation leads: "… does not sell your data,
            # and discloses it only to the following parties:")
            negated = negated or _negated(lead := last_sentence(self.lead)) and not limited_after_negation(lead)
        return negated

    @once
    def limited(self) -> bool:
        """True when the clause limits itself ("only", "unless", "limited to", "we limit access to")."""
        return not LIMITS.isdisjoint(self.words) or limiting(self.text) is not None

    @once
    def excepted(self) -> bool:
        """True when the clause makes an exception ("unless", "except", "other than")."""
        return not _EXCEPT_WORDS.isdisjoint(self.words) and bool(_EXCEPTION.search(self.text))

    @once
    def permissive(self) -> bool:
        """True when the clause allows rather than commits ("may", "reserve the right")."""
        return not _PERMISSIVE_WORDS.isdisjoint(self.words) and bool(_PERMISSIVE.search(self.text))

    @once
    def firm(self) -> bool:
        """True when the clause commits ("will", "must", "always")."""
        return not _FIRM_WORDS.isdisjoint(self.words) and bool(_FIRM.search(self.text))

    @once
    def limits_handling(self) -> bool:
        """True when a negation or limit governs a verb of handling information ("do not sell", "only access")."""
        negated_or_limited = self.limited or _has_negative(self.words, self._key)
        return negated_or_limited and bool(_LIMITS_HANDLING.search(self.text))

    @once
    def promises(self) -> bool:
        """True when the clause promises something that protects the reader ("we will delete", "we will notify you")."""
        return not _FIRM_WORDS.isdisjoint(self.words) and bool(_PROMISES.search(self.text))

    @once
    def restricts(self) -> bool:
        """True when the clause limits or rules out what it speaks of ("we do not sell", "only for support")."""
        return self.negated or self.limited

    def about(self, *topics: str) -> bool:
        """True when the clause speaks of any of ``topics``."""
        return not self.topics.isdisjoint(topics)


_BE = frozenset(("is", "are", "was", "were", "be", "been", "will", "may", "might", "can", "could", "shall", "must", "would", "should"))


#: Forms of "be" that say what the reader's information is ("Your profile is public").
_IS = frozenset(("is", "are", "was", "were"))


def _is_passive(verb: "Sequence[str]") -> bool:
    """True when the words after a subject (lower case) are a passive verb: "is stored", "may be shared", "are kept", "will not be disclosed"."""
    if not verb or verb[0] not in _BE:
        return False
    participle = next((w for w in verb[1:] if w not in _BE and w not in NEGATIONS and w != "never"), "")
    return participle.endswith(("ed", "en")) or participle in _IRREGULAR_PARTICIPLES


_IRREGULAR_PARTICIPLES = frozenset(("kept", "sent", "sold", "held", "made", "shown", "read", "built", "lost", "put"))  # (besides -ed, -en)


def _names_company(words: "Sequence[str]", aliases: frozenset[str]) -> bool:
    return not _ACTORS_COMPANY.isdisjoint(words) or not aliases.isdisjoint(words)


# The company's products in the reader's hands: "Your camera records video …" is the product
# acting for the company, not the reader.
_DEVICES = frozenset((
    "camera", "cameras", "device", "devices", "phone", "app", "apps", "browser", "watch", "tracker", "car", "vehicle",
    "speaker", "doorbell", "thermostat", "wearable", "headphones", "tv", "console", "robot", "sensor", "sensors", "hub",
))


# A short label before a colon that opens a clause: "Why: …", "Legal basis: …" (not a time, "10:30").
_LABEL = re.compile(r"[A-Za-z][A-Za-z ]{0,30}:\s+")
#: Words after "only" that make it a condition: "only if", "only when" …
_ONLY_CONDITIONS = frozenset(("if", "when", "where", "once", "after", "with", "unless"))
#: Words that may open a sentence before its subject ("Otherwise your information is kept …").
_OPENERS = frozenset(("otherwise", "however", "also", "then", "therefore", "additionally", "and", "but", "so", "instead", "normally", "usually"))
#: Those the reader deals with, named after "your": someone else acting ("your employer must …").
_YOUR_OTHERS = frozenset(("employer", "school", "teacher", "doctor", "bank", "parent", "parents", "guardian", "administrator", "admin",
                          "organisation", "organization", "company", "insurer", "landlord", "manager", "provider", "carrier", "agent"))
#: Words that begin a phrase before any subject: "for as long as your account is open".
_PREPOSITIONS = frozenset(("for", "as", "during", "until", "within"))
#: Words that begin a relative or a subordinate clause inside what reads as a subject ("Clips,
#: which you can switch off", "Account data: until you delete your account, then 30 days").
_RELATIVE = frozenset(("which", "that", "who", "whom", "whose", "until", "unless", "if", "when", "whenever", "where", "once", "after", "before", "while", "because"))


# A phrase of place or time that opens a sentence, up to its subject, without a comma.
# (not "In order for you to use our content, we give you …": "you to" is no subject)
_OPENER = re.compile(r"(?!in\s+order\b)(?:in|on|at|for|during|within|under|with|by|upon|across|throughout)\s[^,.;:]{0,60}?\s(?=(?:we|you|they)\s(?!to\s))", re.I)
# "we" and a verb that begins what the company does ("we keep", "we will delete").
_WE_ACT = re.compile(r"\swe\s(?=(?:may|might|will|shall|must|can|could|would|should|do|does|also|then|only|never|keep|delete|use|share|collect|store|send|retain|process|disclose|erase|destroy|transfer|sell)\b)", re.I)
# A clause's own number or letter before it: "8.2 ", "(b) ", "3. ".
NUMBERING = re.compile(r"(?:\d{1,3}(?:\.\d{1,3}){0,3}\.?|\((?:\d{1,3}|[a-z]{1,4})\))\s{1,3}")


def _first_ascii_words(lowered: str) -> list[str]:
    """The first twelve :data:`_ASCII_ACTOR_WORD` words of a lower-case ASCII text. (Most clauses hold
    them in their first hundred characters: a thirteenth found there begins after the twelfth ended,
    so the twelve are whole, and the rest of the text is not read.)"""
    found = _ASCII_ACTOR_WORD.findall(lowered, 0, 100)
    return (found if len(found) > 12 else _ASCII_ACTOR_WORD.findall(lowered))[:12]


def _actor(text: str, aliases: frozenset[str] = frozenset()) -> str:
    # The first ten words after a leading condition (and two more, for a passive verb after a long
    # subject), lower case, read in its next 200 characters
    # (positions read the text without copying it), and where the first verb after the first word
    # ends the subject: looked up at C speed. (The condition can only stand at the start.)
    if ":" in text[:34]:
        label = _LABEL.match(text)
        if label is not None:
            text = text[label.end():]  # "Why: to register your TV, …": what follows the label is the clause
    if text[:1].isdigit() or text[:1] == "(":
        numbering = NUMBERING.match(text)
        if numbering is not None:
            text = text[numbering.end():]  # "8.2 If you have not logged in …": the clause's number is not its subject
    condition = LEADING_CONDITION.match(text)
    start = 0 if condition is None else condition.end()
    if condition is not None:
        # a phrase of place or time with no comma before its subject: "In some stores we use facial
        # recognition …, and signs at the entrance tell you …" (the condition's comma is later)
        opener = _OPENER.match(text)
        if opener is not None and opener.end() < start:
            start = opener.end()
        elif "," not in text[:60]:
            # a condition with no comma after it: "Once the check is complete we keep a copy …, so
            # that you …" — the company, acting after a condition whose own subject is not "we"
            acting = _WE_ACT.search(text, 0, start)
            if acting is not None and not text[:acting.start()].lower().split()[1:2] == ["we"]:
                start = acting.start() + 1
    if text.isascii():
        # lower case first, then the same words with ASCII classes: lower case keeps every position
        more = _first_ascii_words(text[start:start + 200].lower())
        words = more[:10]
    else:
        words = more = list(map(str.lower, filter(None, _FIRST_WORDS.match(text, start, start + 200).groups())))  # type: ignore[union-attr]
    if condition is not None and len(words) > 1 and (words[0] == "only" and words[1] in _ONLY_CONDITIONS or words[0] in ("unless", "until")):
        # "To send you offers by e-mail, only if you have opted in": no main clause after the
        # purpose, only its condition; the reader in it does not act
        return "other"
    if len(words) > 2 and words[0] == "your" and words[1] in _DEVICES:
        return "company"
    verb = next(compress(count(1), map(VERB_START.__contains__, words[1:])), 0)
    if verb:
        subject = words[:verb]
        own = 1 if subject[0] in _OPENERS and len(subject) > 2 else 0  # ("Otherwise your information is kept …")
        if subject[own] == "your" and len(subject) > own + 1 and subject[own + 1] in _YOUR_OTHERS:
            return "other"  # "your Employer must provide you with notice": someone the reader deals with, not the reader
        if subject[own] == "your" and len(subject) > own + 1 and subject[-1] not in _DATA_HEADS \
                and not _SEEING.isdisjoint(more[verb:verb + 3]):
            # "Your upline cannot see your Social Security number", "Your Referring Distributor's upline may
            # see …": someone the reader deals with, who sees what the reader gave
            return "other"
        # ("Your detailed results … will not be disclosed to your employer": the negation between them)
        if subject[own] == "your" and len(subject) > own + 1 and (_is_passive(more[verb:verb + 4]) or words[verb] in _IS
                                                                 or subject[-1] in _DATA_HEADS):
            # "Your data is stored with our provider …", "Your profile is private by default", "your
            # profile will no longer appear in search results": the reader's information is the
            # subject, not the reader; whoever acts on it is not named
            return "company" if _names_company(subject, aliases) else "other"
        of = subject.index("of") if "of" in subject else -1
        if of > 0 and not _OF_READER_HEADS.isdisjoint(subject[:of]) and not _ACTORS_READER.isdisjoint(subject[of + 1:]) \
                and (_is_passive(words[verb:verb + 3]) or words[verb] in _IS):
            # "The personal data of the User will be processed …": the reader's information, as with
            # "your"; "Other uses and disclosures of your PHI … will be made only with …": what is done with it
            return "company" if _names_company(subject, aliases) else "other"
        if not _ACTORS_READER.isdisjoint(subject) and _ACTORS_COMPANY.isdisjoint(subject):
            if _is_passive(words[verb:verb + 3]) and not _TOLD.isdisjoint(words[verb:verb + 4]):
                return "other"  # "Users will be notified in advance": the reader is told, by whoever tells
            if len(subject) > 1 and subject[-1] in _DATA_HEADS and subject[-2] in _ACTORS_READER \
                    and (_is_passive(words[verb:verb + 3]) or words[verb] in _IS):
                # "The user account is used solely to …": the reader's information, named by whose it is
                return "company" if _names_company(subject, aliases) else "other"
            relative = next((i for i, w in enumerate(subject) if w in _RELATIVE), 0)
            head = subject[:relative]
            if subject[0] in _PREPOSITIONS and "you" not in subject:
                return "other"  # "for as long as your account is open": the reader's account, in a phrase of time
            if relative and _ACTORS_READER.isdisjoint(head) and not STOP.issuperset(head):
                # "Clips include audio, which you can switch off": the reader is in a relative
                # (or subordinate) clause; what the clause says is said of its subject (in "and that you will …",
                # "that" begins no relative clause: nothing stands before it to be the subject)
                return "other"
            # "You grant us the right to …", "you allow us to …": what the company may do.
            rest = words[verb: verb + 4]
            if any(t.startswith(_GRANTS) for t in rest) and _names_company(rest, aliases):
                return "company"
            return "reader"
        return "company" if _names_company(subject, aliases) else "other"
    if words and words[0] in _ACTORS_READER and words[0] != "your":
        return "reader"  # (with no verb, "your name and, with your permission, your records" names what is held)
    return "company" if _names_company(words[:3], aliases) else "other"


#: Verbs of seeing what is shown: their subject, named as the reader's ("your upline"), is someone else who sees.
_SEEING = frozenset(("see", "sees", "view", "views", "access", "accesses"))
#: Participles of being told: the reader as their subject does not act.
_TOLD = frozenset(("notified", "informed", "told", "contacted", "emailed", "e-mailed", "alerted"))
#: Words that name the reader's information as a subject ("The personal data of the User").
_DATA_HEADS = frozenset(("data", "information", "details", "records", "record", "profile", "account", "content", "history",
                         "copy", "copies", "document", "documents"))
#: Those, and what is done with it: "The uses and disclosures of your information are …".
_OF_READER_HEADS = _DATA_HEADS | frozenset(("use", "uses", "disclosure", "disclosures", "sharing", "processing", "collection", "transfer", "transfers", "sale"))


# A lead-in left open for its list's entries to complete: it ends in "to", a modal verb or a
# negation, and a colon ("You have the right to:", "you agree that you will not:", "We may:").
_OPEN_LEAD = re.compile(r"\b(?:to|can|may|might|will|shall|must|should|could|would|cannot|not|never)\s{0,3}:\s{0,3}$", re.I)
# Words that begin an entry with a subject of its own ("- we keep …", "- your employer may …").
_SUBJECT_WORDS = frozenset("we you they he she it i our your their its this these those there".split())


def _completes(lead: str, text: str, aliases: frozenset[str]) -> bool:
    """True when ``text``, an entry of a list, completes its open lead-in: the entry is a predicate
    ("ask us to delete your information" after "you have the right to:"), so a pronoun inside it
    ("us") is an object, not who acts."""
    if _OPEN_LEAD.search(lead[-40:]) is None:
        return False
    first = _ACTOR_WORD.match(text.lstrip("\"'([*- "))
    return first is None or (first.group().lower() not in _SUBJECT_WORDS and first.group().lower() not in aliases)


def last_sentence(text: str) -> str:
    """The last sentence of a lead-in: the one that introduces the list."""
    cut = max(text.rfind(". "), text.rfind("! "), text.rfind("? "))
    return text[cut + 2:] if cut >= 0 else text


# A definition of the company's names: 'Lumen Orchard Ltd. ("Lumen Orchard", "we", "us")',
# '"GitHub," "We," and "Us" refer to GitHub, Inc.'
_DEFINES_WE = re.compile(r"[\"“']\s{0,2}(?:we|us|our)\b", re.I)
# (also after "the": "the Trust", "the Company")
_QUOTED_NAME = re.compile(r"[\"“']\s{0,2}(?:the\s{1,2})?([A-Z][\w&.-]{0,40}(?:\s{1,2}[A-Z][\w&.-]{0,40}){0,3})[,.]?\s{0,2}[\"”']")


def aliases_of(texts: "Sequence[str]") -> frozenset[str]:
    """The names a statement defines for the company alongside "we" (lower case, single words) —
    or, in a statement that never calls the company "we", in the brackets after its legal name
    ('MONEDERO CÓNDOR SpA, … (hereinafter, "CóndorPay" or "the Controller")')."""
    names: set[str] = set()
    for text in texts:
        if _DEFINES_WE.search(text):
            names |= _quoted_names(text[:4000])
    if not names:
        for text in texts:
            # (a bracket that names only the document is passed over: "PRIVACY NOTICE OF RILAMOBIL EAD
            # … This Privacy Notice (the "NOTICE") is issued by RILAMOBIL EAD, … (the "OPERATOR")")
            for form in _LEGAL_NAME.finditer(text, 0, 4000):
                bracket = _DEFINED_AFTER.search(text, form.end(), form.end() + 600)
                if bracket is not None:
                    names |= _quoted_names(bracket.group()) - _DOCUMENT_NAMES
                    if names:
                        break
            if names:
                break
    if not names:
        # (or a glossary's entry that names it: "**Controller** is VARDARKO DOOEL Skopje, which determines …")
        for text in texts:
            defined = _DEFINED_AS_COMPANY.match(text)
            if defined is not None and _LEGAL_NAME.match(text, defined.end()) is not None:
                names.add(defined.group(1).lower())
                break
    return frozenset(names)


# A glossary's entry that gives the company's legal name its role's name: "**Controller** is VARDARKO
# DOOEL Skopje", "Company: Acme Ltd".
# (followed by a legal name, :data:`_LEGAL_NAME`)
_DEFINED_AS_COMPANY = re.compile(r"\W{0,4}(?:the\s{1,3})?\*{0,2}(Controller|Company|Operator|Organisation|Organization)\*{0,2}\s{0,3}(?:is|means|:|–|—)\s{1,3}"
                                 r"(?:the\s{1,3}company\s{1,3})?")


# Where a statement defines a term for someone it names in full: a glossary's entry ("5. **Authorised
# Body** – the Personal Data Protection Agency of the Ministry of Justice"), "“the Agency” means …",
# or the full name and the term after it in brackets ("the Office for Personal Data Protection
# (hereinafter the “Office”)").
_GLOSSARY_ENTRY = re.compile(r"(?:\d{1,3}[.)]\s{1,3})?\*{0,2}([A-Z][\w'’-]*(?:\s[A-Za-z][\w'’-]*){0,4})\*{0,2}\s{0,3}[–—:]\s{0,3}(?:means\s{1,3})?(?:the\s{1,3})?([^.;]{3,200})")
_TERM_MEANS = re.compile(r"[\"“]([A-Z][^\"”]{1,40})[\"”]\s{1,3}(?:means|refers\s{1,3}to|shall\s{1,3}mean)\s{1,3}(?:the\s{1,3})?([^.;]{3,200})")
_TERM_AFTER = re.compile(r"((?:[A-Z][\w'’-]*\s{1,3}(?:(?:of|the|for|and|on)\s{1,3}){0,3}){1,12})\((?:hereinafter,?\s{1,3}(?:referred\s{1,3}to\s{1,3}as\s{1,3})?|the\s{1,3})?(?:the\s{1,3})?[\"“]([^\"”]{1,40})[\"”]\)")
#: Small words of a name ("of the Ministry of Justice") that say nothing of whom it names.
SMALL_NAME_WORDS = frozenset(("the", "of", "for", "and", "on", "a", "an", "in"))


def defined_terms(texts: "Sequence[str]") -> dict[str, frozenset[str]]:
    """The terms a statement defines for those it names in full, each (lower case) with the words
    (lower case, without the small ones) of the name it stands for."""
    found: dict[str, frozenset[str]] = {}
    for text in texts:
        if "“" not in text and '"' not in text and "–" not in text and "—" not in text and ":" not in text:
            continue
        for pattern in (_TERM_MEANS, _TERM_AFTER):
            for match in pattern.finditer(text):
                term, name = match.group(2 if pattern is _TERM_AFTER else 1), match.group(1 if pattern is _TERM_AFTER else 2)
                _define(found, term, name)
        match = _GLOSSARY_ENTRY.match(text)
        if match is not None:
            _define(found, match.group(1), match.group(2))
    return found


def _define(found: dict[str, frozenset[str]], term: str, name: str) -> None:
    words = frozenset(w.lower() for w in re.findall(r"[\w'’-]+", name)) - SMALL_NAME_WORDS
    term = " ".join(term.lower().split()).removeprefix("the ")
    if len(words) >= 2 and term and term not in words:
        found.setdefault(term, words)


#: What a statement calls itself: no name of the company's.
_DOCUMENT_NAMES = frozenset(("notice", "policy", "statement", "privacy", "information", "document", "terms"))


def _quoted_names(text: str) -> set[str]:
    return {low for match in _QUOTED_NAME.finditer(text) for word in match.group(1).split()
            if (low := word.lower().strip(".,")) not in ("we", "us", "our") and low not in _NOT_NAMES}


# A company's legal form after its name ("MONEDERO CÓNDOR SpA", "Acme Ltd."), and the first
# bracket after it that defines names in quotes. (The capital comes before the look behind it that
# stands for "\b": a pattern that begins with a set of letters is searched by skipping to them.)
_LEGAL_NAME = re.compile(r"[A-ZÀ-Ý](?<!\w.)[\w&.'-]*(?:\s{1,3}[A-ZÀ-Ý][\w&.'-]*){0,5},?\s{1,3}(?:SpA|S\.A\.|SA|Ltd\.?|Limited|Inc\.?|LLC|GmbH|AG|B\.V\.|N\.V\.|plc|PLC|S\.L\.|S\.r\.l\.|SAS|Pty|Corp\.?|A/S|AB|Oy"
    # (central and eastern Europe's: Bulgaria, the Czech Republic and Slovakia, the former Yugoslavia, Hungary, Romania, the Baltics)
    r"|EAD|EOOD|OOD|AD|DOOEL|DOO|s\.r\.o\.|a\.s\.|d\.o\.o\.|Kft\.|Zrt\.|Nyrt\.|SRL|S\.R\.L\.|UAB|SIA|OÜ"
    # (a public body or an association, named in full: "Riverside Unified School District (the "District")")
    r"|District|Council|Authority|Department|University|College|Association|Trust|Board|Commission)(?!\w)")
_DEFINED_AFTER = re.compile(r"\((?:[^()]{0,40}?)[\"“'][^()]{1,160}\)")


#: A word that limits ("only", "solely", "exclusively").
LIMIT_WORD = re.compile(r"\b(?:only|solely|exclusively)\b", re.I)


def limited_after_negation(sentence: str) -> bool:
    """True when a limit follows the last negation of a list's lead-in: the list is what the limit
    lets through ("… does not sell your data, and discloses it only to the following parties:")."""
    last = None
    for last in _negating(sentence).finditer(sentence):
        pass
    return last is not None and LIMIT_WORD.search(sentence, last.end()) is not None


# A purpose said as what is to be made sure of: "… to ensure that the session has not been manipulated".
_PURPOSE_THAT = re.compile(r"\b(?:to\s{1,3}(?:ensure|make\s{1,3}sure|check|verify|confirm)|so|in\s{1,3}order)\s{1,3}that\b", re.I)


def restricts_what_it_says(reading: Reading, text: str) -> bool:
    """:attr:`Reading.restricts` of the clause ``text``, leaving out a negation that governs only the
    condition it opens with or only what a purpose is to make sure of (see :func:`negates_what_it_says`)."""
    return reading.restricts and (reading.limited or negates_what_it_says(reading, text))


def negates_what_it_says(reading: Reading, text: str) -> bool:
    """:attr:`Reading.negated` of the clause ``text``, leaving out a negation that governs only the
    condition it opens with ("If you are not able to make decisions about your care, we may disclose
    information to …", "Once the law no longer prevents disclosure, you may exercise your right") or
    only what a purpose is to make sure of ("we collect the technical data to ensure that the session
    has not been manipulated"): what its main clause says is done is done."""
    if not reading.negated:
        return False
    if text[:1] in "IiWwOo":
        condition = LEADING_CONDITION.match(text)
        if condition is not None and condition.group()[:2].lower() in ("if", "wh", "on") and not negates(text[condition.end():]):
            return False
    if "that" in reading.words:
        purpose = _PURPOSE_THAT.search(text)
        if purpose is not None and not negates(text[: purpose.start()]):
            return False
    return True


def negates(text: str) -> bool:
    """True when a negating word governs ``text``, a part of a sentence whose words are not known."""
    return _negated(text)


def _negated(text: str) -> bool:
    """:func:`_negated_words` for a text whose words are not known (a list's lead-in)."""
    # "without" qualifies ("with or without notice", "without your consent") rather than negates.
    if _negating(text).search(text) is None:
        return False
    return _negated_plain(text)


# A clause that says what a term means: "A business associate is a company that …", "Global
# Privacy Control is a browser setting that …", "'Sale' means …".
_DEFINITION = re.compile(
    # a term, then "is a … that": "A business associate is a company that", "Global Privacy Control is a browser setting that"
    # (its name written out in brackets after it: "SWIFT (Society for Worldwide Interbank Financial Telecommunication) is a network through which")
    r"(?i:(?:an?\s{1,3})?[\"“']?[\w-]{1,30}(?:\s{1,3}[\w-]{1,30}){0,4}?[\"”']?(?:\s{1,3}\([^()]{1,80}\))?\s{1,3}"
    # (or "the … system, operated by": "My Health Record is the Australian Government's national digital health record system, operated by …")
    # (or "is someone who": "A politically exposed person is someone who has, or has had, an important public function")
    r"(?:is|are)\s{1,3}(?:an?|the|someone|anyone)\s{1,3}(?:[\w'’-]{1,30}\s{1,3}){0,9}?(?:[\w-]{1,30},\s{1,3})?(?:that|which|who|whose|where|(?:in|through|by)\s{1,3}which|licensed|established|appointed|authori[sz]ed|regulated|responsible"
    r"|operated|maintained|run|managed|kept|designed|developed|created|published|issued|administered|owned|supervised|governed|leading|involving|resulting"
    r"|offered|provided|supported|used|aimed|intended|meant))\b"
    # things, then "are" and what they are, without an article: "Cookies are small text files that a website stores …"
    # (not a verb of what is done to them: "Your details are kept on servers that …")
    r"|(?i:(?!(?:your|our|their|we|you|they|it|this|these|those|such)\b)[\w-]{1,30}(?:\s{1,3}[\w-]{1,30}){0,2}?\s{1,3}are\s{1,3}"
    r"(?!(?:not|also|only|then|now|still|always|never|kept|sent|held|sold|shown|made|done|given|taken|used|[\w-]{1,30}ed)\b)"
    r"(?:[\w'’-]{1,30}\s{1,3}){1,6}?(?:that|which|who))\b"
    # a term in quotes or capitals, then "means": "'Sale' means", "Personal Data means" ("By using automated means …" is no term)
    r"|(?:[\"“'][^\"”']{1,60}[\"”']|[A-Z][\w-]*(?:\s{1,3}[A-Z][\w-]*){0,4})\s{1,3}(?i:means|refers\s{1,3}to|is\s{1,3}defined\s{1,3}as)\b"
    # what a practice just named is: "This practice, sometimes called …, involves comparing …"
    r"|(?i:(?:this|that|such\s{1,3}an?)\s{1,3}(?:practice|process|technique|method|term)\b[^.;]{0,80}?\b(?:involves|means|refers\s{1,3}to|consists\s{1,3}of))\b"
)


def defines(clause_text: str, words: frozenset[str], aliases: frozenset[str] = frozenset()) -> bool:
    """True when a clause (``words``: its words, lower case) says what a term means and does not
    name the company ("A business associate is a company that handles protected health information
    …"): it explains, and does not say what the company does."""
    numbering = NUMBERING.match(clause_text) if clause_text[:1] == "(" or clause_text[:1].isdigit() else None
    if numbering is not None:
        clause_text = clause_text[numbering.end():]  # "(1) Cookies are small text files that …"
    head = _RUN_IN_LABEL.match(clause_text)
    if head is not None:
        clause_text = clause_text[head.end():]  # "Pharmacovigilance. Pharmacovigilance is the set of activities aimed at …"
    return _DEFINITION.match(clause_text) is not None and _WE.isdisjoint(words) and "the company" not in clause_text.lower() \
        and (aliases.isdisjoint(words) or not any(word.lower() in aliases for word in _CAPITALISED.findall(clause_text)))


# A paragraph's run-in label, its own short sentence: "Pharmacovigilance. ", "Device Data. ".
_RUN_IN_LABEL = re.compile(r"[A-Z][\w'-]{0,30}(?:\s{1,3}(?:[A-Z][\w'-]{0,30}|and|of|or|the|for|&)){0,4}(?<=[A-Za-z])\.\s{1,3}(?=[A-Z])")


# A word written with a capital: a name the statement defined for the company is written so ("the
# Platform"); the same word in lower case is a common noun ("the national unified access platform").
_CAPITALISED = re.compile(r"\b[A-Z][\w'-]*")


_WE = frozenset(("we", "us", "our", "ours"))


# The opening of a remark in brackets that says what a term means: "(the ISEE is the indicator …".
_EXPLAINING = re.compile(r"\(\s{0,2}(?:the\s{1,3}|an?\s{1,3})?([\w-]{1,30}(?:\s{1,3}[\w-]{1,30}){0,3}?)\s{1,3}(?:is|are|being|means|refers\s{1,3}to|stands\s{1,3}for)\b", re.I)


def explanations(text: str, known: frozenset[str]) -> list[tuple[int, int]]:
    """Where ``text`` explains in brackets a term of ``known`` words (lower case): the start and end
    of each such remark, its own brackets within it ("(the ISEE is the indicator, calculated on
    the basis of the declaration (DSU) …)")."""
    found = []
    for match in _EXPLAINING.finditer(text):
        # (a term the clause named in the singular, explained in the plural: "EAN code" → "(the EAN and EIC codes are …")
        if not all(word in known or word in STOP or word.endswith("s") and word[:-1] in known for word in match.group(1).lower().split()):
            continue
        depth, end = 0, -1
        for index in range(match.start(), min(len(text), match.start() + 2000)):
            char = text[index]
            if char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth == 0:
                    end = index + 1
                    break
        if end > 0:
            found.append((match.start(), end))
    return found


def negation_count(text: str) -> int:
    """How many negating words ``text`` holds, leaving out those of the phrases that negate nothing."""
    return len(_negating(text := _NOT_NEGATION.sub(" ", text)).findall(text))


def negating_words(text: str) -> set[str]:
    """The words of ``text`` (lower case) that negate, leaving out those of the phrases that negate
    nothing ("for no longer than is necessary", "whether or not")."""
    return {w for w in plain_words(_NOT_NEGATION.sub(" ", text)) if negative(w)}


def _negated_plain(text: str) -> bool:
    """True when a run of letters of ``text`` negates once the phrases that negate nothing are taken out."""
    return _negating(text := _NOT_NEGATION.sub(" ", text)).search(text) is not None


def _has_negative(words: frozenset[str], key: str) -> bool:
    """True when one of ``words`` negates; ``key`` (the words one space apart) rules out "n't" at C speed."""
    return not NEGATIONS.isdisjoint(words) or "n't" in key and any(w.endswith("n't") for w in words)


def _negated_words(text: str, words: frozenset[str], key: str) -> bool:
    # "without" qualifies ("with or without notice", "without your consent") rather than negates.
    if _NEGATING.isdisjoint(words) and not ("n't" in key and any(w.endswith("n't") for w in words)):
        return False
    if text.isascii() and not any(map(key.__contains__, _NOT_NEGATION_PHRASES)):
        # Most clauses hold none of the phrases that negate nothing, and the key tells at C speed:
        # in ASCII text a phrase stands between word boundaries, one space between its words, so
        # the words around it stand one space apart in the key too (lower case, as the phrase).
        return _negating(text).search(text) is not None
    return _negated_plain(text)


def read(text: str, norms: "Sequence[str]", lead: str = "", aliases: frozenset[str] = frozenset()) -> Reading:
    """How the clause ``text`` (with its words, lower case, in ``norms``) reads; ``lead`` is the lead-in of the list it is an entry of.

    A list entry without a subject of its own ("- violate the privacy of others") takes its actor and
    its negation from the lead-in ("While using the service, you agree that you will not:").
    ``aliases`` are the names the statement gives the company besides "we" (see :func:`aliases_of`).
    """
    return Reading(text, frozenset(norms), lead, aliases, " ".join(norms))
