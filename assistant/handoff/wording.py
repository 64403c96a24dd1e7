"""Reading a patient's plain words: a request for a person, and yes or no to consent.

Kept deliberately narrow: a health question that mentions a doctor ("should I see a doctor
about this rash?", "my nurse said...") is a question, not a request to be put through, so a
request needs a verb of contact ("talk to", "speak with", "put me through to") or a short
message that is only the request ("a nurse please", "real person").
"""

from __future__ import annotations

import re
from enum import Enum

from assistant.normalize import normalize_text

_PERSON = (
    r"(?:a |an |the |your |some |one of the |one of your |any )?"
    r"(?:real |actual |live |human )?"
    r"(?:nurse|doctor|gp|clinician|human|person|human being|somebody|someone|"
    r"member of (?:the )?staff|staff member|staff|receptionist|practitioner|pharmacist|"
    r"clinic team|medical team|care team|team)s?"
)
_CONTACT = (
    r"(?:talk|speak|chat|write|message)\s+(?:to|with)|"
    r"(?:put|connect|transfer|pass)\s+me\s+(?:through\s+)?(?:to|with)|"
    r"(?:get|give)\s+me|contact|reach"
)
_REQUEST = re.compile(
    rf"\b(?:{_CONTACT})\s+{_PERSON}\b"
    rf"|^(?:i\s+(?:want|need|would\s+like)\s+)?(?:{_PERSON})(?:\s+please)?[.!]*$"
    r"|^(?:please\s+)?(?:a\s+)?(?:real\s+person|human|nurse|doctor)(?:\s+please)?[.!]*$"
    r"|\bnot\s+(?:a\s+|the\s+)?(?:bot|robot|ai|machine)\b.*\b(?:person|human|nurse|doctor)\b"
    r"|\b(?:real|actual)\s+(?:person|human)\b",
    re.IGNORECASE,
)
# "my nurse told me to talk to a pharmacist" is advice reported, not a request of us.
_REPORTED = re.compile(r"\b(?:told|said|advised|asked)\s+(?:me\s+)?to\b", re.IGNORECASE)


def asks_for_a_person(text: str) -> bool:
    """Whether ``text`` asks to be put in touch with a person at the clinic."""
    words = " ".join(normalize_text(text).split())
    if not words or len(words) > 200:
        return False
    return bool(_REQUEST.search(words)) and not _REPORTED.search(words)


_FILLER = re.compile(
    r"\b(?:can|could|may|i|id|please|would|like|to|want|need|let|me|just|now|thanks|thank|"
    r"you|hi|hello|hey|a|an|the|is|it|possible|there|so|ok|okay|speak|talk|with|rather|"
    r"not|bot|robot|ai|machine|real|actual|person|human|nurse|doctor|someone|somebody)\b",
    re.IGNORECASE,
)


def request_details(text: str) -> str:
    """What a request says besides asking for a person ("can I talk to a nurse about my
    rash" -> "about my rash"); empty when it is only the request."""
    words = " ".join(normalize_text(text).split()).replace("'", "")
    rest = _FILLER.sub(" ", _REQUEST.sub(" ", words))
    return " ".join(re.sub(r"[^\w\s]", " ", rest).split())


class Consent(Enum):
    YES = "yes"
    #: yes, and staff may see the patient's exact words (``handoff.share: original`` only)
    ORIGINAL = "original"
    NO = "no"


_YES = {
    "yes", "y", "yeah", "yep", "yup", "ok", "okay", "sure", "please", "yes please",
    "ok please", "go ahead", "send it", "send", "please send it", "yes send it", "do it",
    "yes please send it", "of course", "alright", "fine", "agreed", "i agree", "confirm",
}  # fmt: skip
_NO = {
    "no", "n", "nope", "nah", "no thanks", "no thank you", "don't", "dont", "do not",
    "don't send it", "dont send it", "do not send it", "cancel", "stop", "leave it",
    "never mind", "nevermind", "not now",
}  # fmt: skip
_ORIGINAL = {
    "original", "yes original", "original please", "yes, original", "send original",
    "my own words", "exact words", "yes exact words", "send my own words",
}  # fmt: skip


def read_consent(text: str) -> Consent | None:
    """The patient's answer to the consent question, or None when it is not one."""
    words = " ".join(normalize_text(text).casefold().split())
    words = re.sub(r"[.!,]+$", "", words).replace("’", "'")
    words = re.sub(r"\s*,\s*", " ", words) if words not in _ORIGINAL else words
    if words in _ORIGINAL:
        return Consent.ORIGINAL
    if words in _YES:
        return Consent.YES
    if words in _NO:
        return Consent.NO
    return None
