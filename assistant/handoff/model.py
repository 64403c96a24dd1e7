"""What a case is, as storage keeps it, and the messages waiting to be relayed."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class CaseKind(StrEnum):
    #: a patient's question for the clinic team
    HANDOFF = "handoff"
    #: an emergency alert: numbered so staff can refer to it, never relayed, no text
    ALERT = "alert"


class CaseStatus(StrEnum):
    #: the patient was asked whether to send it; nothing has reached staff
    CONSENT = "consent"
    #: with the clinic team: staff replies are relayed, the patient's messages go to the thread
    OPEN = "open"
    CLOSED = "closed"


class Origin(StrEnum):
    """What started a case."""

    REQUEST = "request"  # /human or "can I talk to a nurse"
    OFFER = "offer"  # the assistant had no reliable answer and offered
    URGENT = "urgent"  # a triage "urgent" reply, with handoff.on_urgent
    EMERGENCY = "emergency"  # an emergency alert


class CloseReason(StrEnum):
    STAFF = "staff"  # !close
    CANCELLED = "cancelled"  # the patient's /cancel
    DECLINED = "declined"  # "no" to the consent question
    EXPIRED = "expired"  # the consent question lapsed
    FORGOTTEN = "forgotten"  # /forget
    RETENTION = "retention"  # older than storage.retention_days
    ALERT = "alert"  # an emergency alert is closed as it is made


class Direction(StrEnum):
    PATIENT = "patient"
    STAFF = "staff"


class PostKind(StrEnum):
    """What an outbox entry carries (a label for logs and for what to do after it)."""

    ROOT = "root"  # the case's thread root in the staff room
    ALERT = "alert"  # an emergency alert in the staff room
    PATIENT_MESSAGE = "patient_message"  # a patient's message into the case's thread
    STAFF_NOTICE = "staff_notice"  # the bot's note to staff (in a thread or the room)
    STAFF_REPLY = "staff_reply"  # a clinician's reply, to the patient
    PATIENT_NOTICE = "patient_notice"  # the bot's note to the patient (timeout, closed)


@dataclass(frozen=True, slots=True)
class Turn:
    """One earlier message shown to staff: "patient" or "assistant", and its text."""

    role: str
    text: str


@dataclass(frozen=True, slots=True)
class Case:
    """One row of ``cases``. ``question``, ``context`` and ``chat_id`` are kept only while
    the case is not closed; the rest (no text) is kept for /stats until retention."""

    id: int
    kind: CaseKind
    status: CaseStatus
    origin: Origin
    platform: str
    user_hash: str | None
    chat_id: str | None
    level: str
    category: str | None
    share_original: bool
    question: str | None
    context: tuple[Turn, ...]
    created_at: float
    opened_at: float | None = None
    first_reply_at: float | None = None
    closed_at: float | None = None
    close_reason: str | None = None
    claimed_by: str | None = None
    thread_root: str | None = None
    timeout_notified_at: float | None = None
    delivery_error: str | None = None

    @property
    def is_active(self) -> bool:
        return self.status is not CaseStatus.CLOSED


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """A message waiting to be relayed, sent in ``id`` order per direction.

    ``key`` makes each logical message unique (a staff event id, "timeout:12"), so that
    enqueueing it twice (a redelivered event, a restart half-way) stores it once.
    """

    id: int
    case_id: int
    direction: Direction
    kind: PostKind
    key: str
    body: str | None
    platform: str | None
    chat_id: str | None
    #: staff room: the thread to post in (None: the case's thread, or the room itself)
    thread: str | None
    #: staff room: the event this answers
    reply_to: str | None
    attempts: int
    created_at: float
    not_before: float


@dataclass(frozen=True, slots=True)
class CaseFigures:
    """The /stats figures of one window (no text, no ids)."""

    opened: int
    closed: int
    open_now: int
    timed_out: int
    alerts: int
    #: seconds from opening to the first staff reply, one per case opened in the window
    first_reply_s: tuple[float, ...]
