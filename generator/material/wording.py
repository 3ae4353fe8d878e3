"""The findings' sentences in the reader's language.

The detector states each finding as one English sentence (``Finding.message``) made from a fixed
pattern and quoted text of the statement. This module knows those patterns as gettext messages
(``PATTERNS``, extracted like every other message), reads the quoted parts back out of an English
sentence, and writes the sentence again from the translated pattern: the quotes are the
statement's own words and stay as they are. A sentence that matches no pattern (a rule added later)
is shown in English rather than guessed at; ``tests/test_i18n_findings.py`` keeps the patterns
in step with the rules.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..i18n import DEFAULT, N_, gettext

__all__ = ["PATTERNS", "finding_text"]

#: Every sentence pattern of the detector, as it writes it in English. A placeholder's name says
#: what it holds (see ``_PARTS``): quoted text of the statement, a count, a place phrase, a listing.
PATTERNS: tuple[str, ...] = (
    # verdict.py
    N_("Only formatting changed in %(num)s place (spacing, emphasis, list markers, line breaks or markup); the words are the same."),
    N_("Only formatting changed in %(num)s places (spacing, emphasis, list markers, line breaks or markup); the words are the same."),
    N_("%(message)s (%(num)s clauses like this here; the first is quoted.)"),
    N_("%(quote)s moved to another place in the statement; its wording did not change."),
    N_("%(quote)s moved to another place in the statement and was edited there."),
    N_("The e-mail address behind a link is now gone, not %(old_items)s."),  # before the next, which would take "gone"
    N_("The e-mail address behind a link is now %(items)s, not %(old_items)s."),
    N_("The e-mail address behind a link is now %(items)s."),
    N_("A link now points to %(new_url)s instead of %(old_url)s; the linked words stay the same."),
    N_("A link to %(url)s was added; the words stay the same."),
    N_("A link to %(url)s was removed; the words stay the same."),
    N_("A section's anchor (the address of a link to it) changed; its words stay the same."),
    N_("A sentence moved to another place in the statement; its wording did not change."),
    N_("A sentence moved to another place in the statement and was edited there."),
    N_("A sentence was rewritten as a list or as other sentences%(where)s; every word of substance it had is still there."),
    N_("Text was rearranged%(where)s (a list written as sentences, or sentences as a list); its words of substance are the same."),
    N_("A section titled %(quote)s was added."),
    N_("A section titled %(quote)s was removed."),
    N_("A clause was reworded%(where)s; no rule of substance (collection, use, recipients, retention, transfers, rights, controller, disputes, commitments) applies to it."),
    N_("A clause was added%(where)s; no rule of substance (collection, use, recipients, retention, transfers, rights, controller, disputes, commitments) applies to it."),
    N_("A clause was removed%(where)s; no rule of substance (collection, use, recipients, retention, transfers, rights, controller, disputes, commitments) applies to it."),
    N_("Spelling, punctuation, capitalisation or an abbreviation changed%(where)s%(example)s; the words mean the same."),
    N_("A name or title changed%(where)s%(example)s; what the text says of it stays the same."),
    N_("Numbering or a cross-reference changed%(where)s%(example)s; the words stay the same."),
    N_("The address of a link or page changed%(where)s%(example)s; the words stay the same."),
    N_("The date written in the text changed%(example)s."),
    N_("Only the Markdown source changed (blank lines, comments or markup that does not show); the text reads the same."),
    # rules/collection.py
    N_("%(quote)s is now listed among the information collected; the statement already said it collects this."),
    N_("%(quote)s is now listed among the information collected."),
    N_("%(quote)s is no longer listed among the information collected."),
    N_("%(quote)s must now be given (it was optional)."),
    N_("%(quote)s is now optional (it had to be given)."),
    N_("An entry of the information collected now reads %(quote)s."),
    N_("An entry of the information collected gives other examples of what it covers: %(quote)s."),
    N_("An entry of the information collected was reworded: it now reads %(quote)s."),
    N_("An entry of those who receive information was reworded: it now reads %(quote)s."),
    N_("A new clause says information is collected or accessed."),
    N_("A new clause says information is collected that the statement already said it collects."),
    N_("A clause about information collected or accessed was removed."),
    N_("A clause about information collected or accessed now says more."),
    N_("A clause about information collected or accessed now collects it more often or all the time."),
    # rules/commitments.py
    N_("A new clause limits what is done with information."),
    N_("A clause that limited or committed what is done with information was removed."),
    N_("The clause no longer says %(quote)s."),
    N_("The limit is no longer absolute: %(quote)s was added."),
    N_("The limit's exception now asks for less."),
    N_("The clause no longer limits itself with %(quote)s."),
    N_("The limit now has an exception."),
    N_("The limit's exception no longer waits for the reader to ask: it applies unless the reader objects."),
    N_("%(quote)s is no longer off by default."),
    N_("A commitment (will, must) now only allows (may)."),
    N_("A protection the clause said is given is now only one that may be given."),
    N_("Notice the clause promised ahead of time now comes after the fact."),
    N_("A commitment now holds only on a condition it did not have."),
    N_("The statement is not written in English, the one language the detector's rules read: no change of its words can be found material. Declare a material change yourself (material: true in the version's front-matter)."),
    N_("An entry was added to a list of what the statement rules out."),
    N_("An entry was taken out of a list of what the statement rules out."),
    N_("The clause no longer promises to tell the reader directly."),
    N_("A commitment now promises less."),
    N_("The limit now binds only some: %(quote)s was added to whom it binds."),
    N_("What the limit allows now includes more."),
    N_("What the limit lets through changed: %(quote)s."),
    N_("The limit now allows less."),
    N_("The clause now rules out more."),
    N_("The clause now rules out less."),
    N_("The clause now limits itself with %(quote)s."),
    N_("The clause no longer waits for a choice: %(quote)s was removed."),
    N_("The information is no longer said to be %(quote)s."),
    N_("A clause that promised to tell the reader directly was removed."),
    N_("A clause that limited what is done with information was reworded."),
    N_("The limit's exception now lets more through."),
    N_("The commitment now depends on the company's own judgement."),
    N_("The limit now accepts less than a warrant: %(quote)s."),
    N_("What the clause rules out is now narrower: %(quote)s was added."),
    N_("What the clause rules out is now narrower: %(quote)s in place of all information."),
    N_("The limit no longer binds %(quote)s."),
    N_("A case was added to a list the lead-in limits itself to."),
    N_("A case was taken out of a list of what is done only with the reader's consent."),
    N_("A case was added to a list of what is done only with the reader's consent."),
    N_("A case was taken out of a list the lead-in limits itself to."),
    N_("What the clause allows no longer depends on the condition it had."),
    # rules/contact.py
    N_("The %(kind)s %(old_items)s is now %(items)s."),
    N_("A new %(kind)s is given: %(items)s."),
    N_("The %(kind)s %(old_items)s is no longer given."),
    # rules/controller.py
    N_("The company named is now %(items)s, not %(old_items)s."),
    N_("The clause now names %(items)s."),
    N_("The clause no longer names %(old_items)s."),
    N_("A clause about who is responsible for information changed."),
    N_("The clause names %(items)s as responsible for information, as the statement already did."),
    N_("A clause about the data protection officer or a representative changed."),
    N_("A new clause says a recipient the statement named is a controller of its own."),
    N_("A clause saying another party is a controller of its own was reworded; its section still says so."),
    # rules/cookies.py
    N_("A new cookie or tracker, %(name)s, is set by %(quote)s, whom the statement's cookie tables did not name before."),
    N_("The cookie or tracker %(name)s is now set by %(quote)s, whom the statement's cookie tables did not name before."),
    N_("A new cookie or tracker, %(name)s, is set by a third party (%(quote)s)."),
    N_("The cookie or tracker %(name)s is now set by a third party (%(quote)s)."),
    N_("A new cookie or tracker, %(name)s, is used for advertising or tracking (%(quote)s)."),
    N_("The cookie or tracker %(name)s is now used for advertising or tracking (%(quote)s)."),
    N_("A new cookie or tracker is listed: %(name)s."),
    N_("A cookie or tracker is no longer listed: %(name)s."),
    # rules/disputes.py
    N_("A new clause about resolving disputes, courts or the law that applies."),
    N_("A clause about resolving disputes, courts or the law that applies was removed."),
    N_("A clause about resolving disputes, courts or the law that applies changed."),
    N_("A clause about resolving disputes was reworded; it names the same ways, courts and law."),
    # rules/legal_basis.py
    N_("The legal basis now names %(bases)s and no longer names %(old_bases)s."),
    N_("The legal basis now names %(bases)s."),
    N_("The legal basis no longer names %(old_bases)s."),
    N_("Consent is now taken as given by accepting the statement or using the service."),
    # rules/practices.py
    N_("The clause now speaks of %(items)s."),
    N_("The clause no longer speaks of %(old_items)s."),
    N_("The clause no longer says a person takes part in the decision."),
    N_("A clause that said a person takes part in decisions about the reader was removed."),
    # rules/purpose.py
    N_("%(quote)s is now listed among the purposes information is used for."),
    N_("%(quote)s is now listed among the purposes; its section already said it."),
    N_("%(quote)s is no longer listed among the purposes."),
    N_("A listed purpose now reads %(quote)s."),
    N_("A listed purpose now reads %(quote)s; it names no further purpose."),
    N_("A new clause says what public authorities use information for."),
    N_("A new clause says what information is used for."),
    N_("A new clause says what information is used for, as its section already said."),
    N_("A clause saying what information is used for was removed."),
    N_("A clause saying what information is used for now says more."),
    N_("A clause saying what information is used for now says more of the purposes it named."),
    N_("The clause now also names %(quote)s as a purpose."),
    # rules/quantities.py
    N_("%(old_quote)s is now %(quote)s."),
    N_("The %(quantity)s %(quote)s was removed."),
    N_("The %(quantity)s %(quote)s was added."),
    # rules/recipients.py
    N_("A new clause says information goes to the recipients of the list that follows, which names them."),
    N_("Those who receive information now receive more kinds of it."),
    N_("An entry of those who receive information now limits what they may do with it."),
    N_("%(quote)s is now listed among those who receive information."),
    N_("%(quote)s is now listed among those who receive information; a sentence its section no longer has said it."),
    N_("%(quote)s is no longer listed among those who receive information."),
    N_("An entry of those who receive information now reads %(quote)s."),
    N_("The lead-in of the list of those who receive information was reworded; the list names the recipients."),
    N_("An entry of those who receive information now names the recipient: %(quote)s."),
    N_("A clause about who receives information now names a recipient it already described."),
    N_("A clause about service providers now gives more examples of the work they do for the company."),
    N_("A clause about service providers was reworded; it gives the same examples of them."),
    N_("A clause about who receives information now gives more examples; it names no new recipient."),
    N_("A new clause says information is shared with, sold to or accessed by others."),
    N_("A new clause says information goes to the service providers the statement already named."),
    N_("A new clause says information is shared with those its section already named."),
    N_("A clause saying information is shared with or accessed by others was removed."),
    N_("A clause saying who receives or accesses information now says more."),
    N_("An entry of those who receive information names the same recipient in other words: %(quote)s."),
    N_("A clause now says in so many words that information goes to those it named; it names no new recipient."),
    # rules/retention.py
    N_("How long information is kept now depends on the company's own judgement."),
    N_("A new clause limits how long information is kept."),
    N_("A new clause says how long information is kept."),
    N_("A clause that limited how long information is kept was removed."),
    N_("A clause about keeping information was removed."),
    N_("A clause about how long information is kept changed."),
    N_("A clause about how long information is kept was reworded; nothing is kept longer."),
    # rules/rights.py
    N_("A clause stating a right or choice of the reader was reworded."),
    N_("What was off until the reader turned it on is now on until they turn it off."),
    N_("A clause now bars some readers from using the service because of who they are."),
    N_("A clause stating a right or choice of the reader was removed."),
    N_("A new clause says the reader cannot do something about their information."),
    N_("A new clause states a right or choice of the reader."),
    N_("A clause stating a right or choice of the reader now negates it."),
    N_("A clause no longer states the right or choice it stated."),
    N_("A right or choice of the reader now comes with a condition or limit."),
    N_("A clause stating a right or choice of the reader now says less."),
    N_("A clause stating a right or choice of the reader now says more."),
    N_("Exercising a right of the reader is now harder: a way to ask was removed, or a condition added."),
    N_("A person now reviews fewer decisions about the reader, or only when asked."),
    N_("A person's review of decisions about the reader is now only possible, no longer assured."),
    # rules/tables.py
    N_("The table now answers %(quote)s to %(header)s for %(name)s (it answered %(old_quote)s)."),
    N_("%(quote)s is now listed, as information not collected."),
    N_("%(quote)s is now listed among the purposes; the statement already said it uses information for this."),
    N_("%(quote)s is now listed among the places where information is processed."),
    N_("%(quote)s is no longer listed among the places where information is processed."),
    # rules/transfers.py
    N_("A new clause limits transfers of information abroad."),
    N_("A new clause says information is transferred abroad or how."),
    N_("A clause naming a safeguard for transfers abroad was removed."),
    N_("A clause about transfers abroad was removed."),
    N_("A new clause speaks of a place the section already said information goes to."),
    N_("A clause about transfers abroad, or their safeguards, changed."),
    N_("A clause about transfers abroad was reworded; it names no new place, way or safeguard."),
    N_("A clause about transfers abroad now names a further safeguard."),
    N_("A clause about transfers abroad now limits them."),
)

#: Words the detector puts into its sentences: kinds of contact detail and of quantity, legal bases.
WORDS: tuple[str, ...] = (
    N_("e-mail address"), N_("telephone number"), N_("postal address"),
    N_("age"), N_("amount"), N_("percentage"), N_("period"), N_("quantity"), N_("group size"),
    N_("consent"), N_("contract"), N_("legitimate interests"), N_("legal obligation"), N_("vital interests"),
    N_("public interest"),
)

_QUOTE = r"“[^”]*”"
#: What each placeholder may hold, by its name (a name not listed holds any text).
_PARTS = {
    "num": r"\d+",
    "quote": _QUOTE,
    "old_quote": _QUOTE,
    "name": _QUOTE,
    "header": _QUOTE,
    "where": rf"(?: in {_QUOTE}| in \d+ places)?",
    "example": rf"(?: \(e\.g\. {_QUOTE} → {_QUOTE}\))?",
    "kind": r"e-mail address|telephone number|postal address",
    "quantity": r"age|amount|percentage|period|quantity|group size",
    "message": r".+",
}
_SECTION_WHERE = re.compile(r" in “(?P<section>[^”]*)”")
_PLACES_WHERE = re.compile(r" in (?P<num>\d+) places")
_EXAMPLE = re.compile(rf" \(e\.g\. (?P<old>{_QUOTE}) → (?P<new>{_QUOTE})\)")
_PLACE_MESSAGES = (N_(" in “%(section)s”"), N_(" in %(num)s places"), N_(" (e.g. %(old)s → %(new)s)"), N_(" and "))


@lru_cache(maxsize=None)
def _compiled() -> tuple[tuple[re.Pattern[str], str], ...]:
    out = []
    for pattern in PATTERNS:
        parts = re.split(r"%\((\w+)\)s", pattern)
        regex = "".join(
            re.escape(part) if n % 2 == 0 else f"(?P<{part}>{_PARTS.get(part, '.+?')})" for n, part in enumerate(parts)
        )
        out.append((re.compile(rf"\A{regex}\Z", re.S), pattern))
    return tuple(out)


def _listing(text: str, language: str) -> str:
    """A listing ("a, b and c") with its last " and " in ``language``."""
    head, sep, tail = text.rpartition(" and ")
    return head + gettext(" and ", language) + tail if sep else text


def _value(name: str, value: str, language: str) -> str:
    if name == "message":
        return finding_text(value, language)
    if name == "where" and value:
        m = _SECTION_WHERE.fullmatch(value)
        if m:
            return gettext(" in “%(section)s”", language) % m.groupdict()
        m = _PLACES_WHERE.fullmatch(value)
        return gettext(" in %(num)s places", language) % m.groupdict() if m else value
    if name == "example" and value:
        m = _EXAMPLE.fullmatch(value)
        return gettext(" (e.g. %(old)s → %(new)s)", language) % m.groupdict() if m else value
    if name in ("kind", "quantity"):
        return gettext(value, language)
    if name in ("bases", "old_bases"):
        return ", ".join(gettext(basis, language) for basis in value.split(", "))
    if name in ("items", "old_items"):
        return _listing(value, language)
    return value


def finding_text(message: str, language: str) -> str:
    """``message`` (a finding's English sentence) in ``language``; English when no pattern fits."""
    if not language or language == DEFAULT:
        return message
    for regex, pattern in _compiled():
        match = regex.match(message)
        if match:
            values = {name: _value(name, value, language) for name, value in match.groupdict().items()}
            return gettext(pattern, language) % values
    return message
