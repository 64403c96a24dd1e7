"""Every sentence the handoff says, to patients and to staff (no text is logged)."""

from __future__ import annotations

from datetime import UTC, datetime

from assistant.handoff.model import Case, Turn

# -- to the patient ------------------------------------------------------------------------

ASK_QUESTION = (
    "I can pass a question to the clinic team. What would you like to ask them? Write it in "
    "your own words; I'll show you what they would see before anything is sent."
)
CONSENT_ANONYMIZED = (
    "{intro}Before anything is sent: the clinic team (nurses and doctors at the clinic) "
    "would see this, with names, numbers and other personal details replaced by "
    "placeholders such as <PERSON_1>:\n\n{preview}\n\n"
    "They would also see the platform, the time and how long you have been waiting, and any "
    "further messages you send while the case is open. It is kept only until the case is "
    "closed.\n\nSend it to the clinic team? Reply yes or no."
)
CONSENT_ORIGINAL = (
    "{intro}Before anything is sent: the clinic team (nurses and doctors at the clinic) "
    "would see this, with names, numbers and other personal details replaced by "
    "placeholders such as <PERSON_1>:\n\n{preview}\n\n"
    "They would also see the platform, the time and how long you have been waiting, and any "
    "further messages you send while the case is open. It is kept only until the case is "
    "closed.\n\nReply yes to send it like this, original to let them see your exact words "
    "instead (names and numbers included), or no to leave it."
)
OFFER_INTRO = "I couldn't find a reliable answer to that. I can ask the clinic team instead.\n\n"
URGENT_INTRO = "I can also pass this to the clinic team now.\n\n"
REQUEST_INTRO = ""
CONSENT_AGAIN = (
    "Your question for the clinic team is waiting for your answer: reply yes to send it, "
    "or no to leave it."
)
CONSENT_AGAIN_ORIGINAL = (
    "Your question for the clinic team is waiting for your answer: reply yes to send it "
    "as shown, original to share your exact words, or no to leave it."
)
DECLINED = "OK, I haven't sent anything. You can keep asking me questions."
SENT = (
    "Sent to the clinic team as case #{case}. A member of staff will reply here; their "
    "messages are marked as coming from the clinic team. Anything else you write now goes "
    "to them too. Send {prefix}cancel to withdraw it."
)
QUEUED = (
    "Your question is saved as case #{case}, but the clinic team's room is not connected "
    "to this assistant right now, so it waits there until staff open it. If you need help "
    "sooner, contact {contact}. Send {prefix}cancel to withdraw it."
)
ADDED = "Added to case #{case} for the clinic team."
ALREADY_OPEN = (
    "Your case #{case} is already with the clinic team: write here and they will see it. "
    "Send {prefix}cancel to withdraw it."
)
NOTHING_TO_CANCEL = "You have no question waiting for the clinic team."
CANCELLED = "Done: case #{case} is withdrawn and its text deleted. You're talking to me, the AI assistant, again."
CONSENT_CANCELLED = "OK, I haven't sent anything to the clinic team."
GROUP_ONLY_PRIVATE = "To ask the clinic team, please message me in a private chat."
CLOSED_BY_STAFF = (
    "The clinic team has closed case #{case} and its text is deleted. You're talking to me, "
    "the AI assistant, again."
)
TIMEOUT = (
    "No one from the clinic team has answered case #{case} yet. If you need help soon, "
    "contact {contact}. Your case stays open and staff can still reply here."
)
CLAIMED = "A member of the clinic team is looking at case #{case}."
STAFF_LABEL = "From the clinic team (a member of staff, not the AI assistant), case #{case}:"
STAFF_FOOTER = "In an emergency call {number}."

# -- to staff ------------------------------------------------------------------------------

STAFF_HOWTO = (
    "Reply in this thread to answer the patient (every reply is sent once, labelled as the "
    "clinic team's). !claim {case} to take it, !close {case} when done."
)
PLACEHOLDER_NOTE = "Placeholders such as <PERSON_1> stand for details the patient wrote."
PATIENT_SAYS = "Patient ({when}): {text}"
PATIENT_EMERGENCY = (
    "⚠ The patient's message below got the emergency reply at {when} (category {category}); "
    "they were told to call {number}.\n\n{text}"
)
PATIENT_URGENT = (
    "⚠ The patient's message below got the urgent reply at {when} (category {category}): "
    "get care today.\n\n{text}"
)
ALERT = (
    "🚨 Emergency alert, case #{case}: category {category}, {platform}, {when}. The patient "
    "got the emergency reply (call {number}) at once. No text is shared: the patient has not "
    "asked for the clinic team."
)
WITHDRAWN = "The patient withdrew case #{case}; its text is deleted. Replies are no longer sent."
FORGOTTEN = (
    "The patient asked to erase their data (/forget): case #{case} is closed and its text "
    "deleted. Replies are no longer sent."
)
CLOSED_NOTE = "Case #{case} closed by {who}; its text is deleted."
CLAIMED_NOTE = "Case #{case} claimed by {who}."
ALREADY_CLAIMED = (
    "Case #{case} is already claimed by {who} (first claim wins). Anyone on staff can still reply."
)
TIMEOUT_NOTE = (
    "No staff reply within {minutes:g} min: the patient was told how to reach the clinic "
    "directly. Replies here are still sent."
)
UNDELIVERABLE = (
    "Could not deliver this to the patient: they have blocked the bot or left the chat. "
    "Case #{case} stays open; close it with !close {case}."
)
NOT_STAFF = "Only clinic staff can {what}. Nothing was done."
NOT_STAFF_REPLY = "Only clinic staff can answer patients: this message was not sent to the patient."
CASE_CLOSED = "Case #{case} is closed: your message was not sent to the patient."
ALERT_NO_REPLY = (
    "Case #{case} is an emergency alert: the patient has not asked for the clinic team, so "
    "nothing is sent to them."
)
NOT_YET_OPEN = "Case #{case} is not open: the patient has not agreed to share it."
UNKNOWN_THREAD = "This thread is not an open case (it may have been erased): nothing was sent."
UNKNOWN_CASE = "There is no case #{case}. !cases lists the open ones."
CASE_USAGE = "Usage: !{command} N (the case number), or !{command} in the case's thread."
NO_OPEN_CASES = "No open cases."


def clock(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%H:%M UTC")


def minutes(seconds: float) -> str:
    whole = max(0, int(seconds // 60))
    return f"{whole} min" if whole < 120 else f"{whole // 60} h {whole % 60} min"


def quoted(text: str) -> str:
    return "\n".join(f"> {line}" for line in text.splitlines() or [""])


def case_root(case: Case, now: float, *, with_note: bool) -> str:
    """The thread root staff see: number, platform, level, wait, question, earlier turns."""
    opened = case.opened_at or case.created_at
    words = "the patient's own words, shared with consent" if case.share_original else "anonymized"
    lines = [
        f"Case #{case.id} · {case.platform} · triage: {case.level} · opened {clock(opened)}",
        f"Waiting: {minutes(now - case.created_at)}",
        "",
        f"Question ({words}):",
        quoted(case.question or ""),
    ]
    if case.context:
        lines += ["", "Earlier in the conversation:"]
        lines += [f"- {turn_label(turn)}: {turn.text}" for turn in case.context]
    lines += ["", STAFF_HOWTO.format(case=case.id)]
    if with_note and not case.share_original:
        lines.append(PLACEHOLDER_NOTE)
    return "\n".join(lines)


def turn_label(turn: Turn) -> str:
    return "patient" if turn.role == "user" else "assistant"


def case_line(case: Case, now: float) -> str:
    claimed = f" · claimed by {case.claimed_by}" if case.claimed_by else ""
    replied = " · answered" if case.first_reply_at else ""
    unreachable = " · patient unreachable" if case.delivery_error else ""
    opened = case.opened_at or case.created_at
    return (
        f"#{case.id} · {case.platform} · {case.level} · waiting {minutes(now - opened)}"
        f"{claimed}{replied}{unreachable}"
    )
