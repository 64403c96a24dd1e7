"""The ``handoff`` section of config.yaml."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from assistant.settings import StrictModel


class HandoffSettings(StrictModel):
    #: false: no /human, no offers, no emergency alerts (the assistant works alone)
    enabled: bool = True
    #: the staff room: a room id (!abc:server) or alias (#staff:server); empty: cases queue
    #: in storage (the patient is told so) until a room is configured
    matrix_room: str = ""
    #: staff by Matrix id or glob (@*:clinic.example); room members with at least
    #: ``staff_power_level`` count as staff too
    staff: list[str] = Field(default_factory=list)
    #: null: only ``staff`` counts
    staff_power_level: int | None = Field(50, ge=0)
    #: what staff see: anonymized text, or (original) the patient's own words for patients
    #: who chose that in the consent question
    share: Literal["anonymized", "original"] = "anonymized"
    #: a triage "urgent" reply also offers the clinic team
    on_urgent: bool = False
    #: a short alert (category, platform, time, case number; no text) for each emergency
    notify_emergencies: bool = True
    #: no staff reply this long after a case opens: the patient is told once how to reach
    #: the clinic directly
    reply_within_minutes: float = Field(30.0, gt=0)
    clinic_contact: str = "the clinic reception on 020 7946 0000 (weekdays 8:00 to 18:30)"
    #: earlier turns of the conversation shown to staff with the question
    context_turns: int = Field(4, ge=0, le=20)
    #: an unanswered consent question lapses after this long
    consent_minutes: float = Field(10.0, gt=0)
    #: how often open cases are checked against ``reply_within_minutes``
    check_interval_s: float = Field(30.0, gt=0)
    #: longest pause between two tries of a relay that failed (network, homeserver down)
    retry_max_s: float = Field(60.0, gt=0)
