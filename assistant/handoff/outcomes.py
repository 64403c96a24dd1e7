"""What the handoff reads off the assistant's reply: was there a reliable answer, and how
urgent was it. The one place that knows which reply fields say so."""

from __future__ import annotations

from assistant.messages import Reply, Source

ROUTINE = "routine"
EMERGENCY = "emergency"
URGENT = "urgent"


def no_reliable_answer(reply: Reply) -> bool:
    """The assistant read a question but had no answer it could stand behind: the LLM
    stage is off or failed (``llm.error``), so the patient got the fallback."""
    return reply.source is Source.FALLBACK and bool(reply.anonymized)


def triage_level(reply: Reply) -> str:
    if reply.source is Source.EMERGENCY:
        return EMERGENCY
    return ROUTINE


def is_urgent(reply: Reply) -> bool:
    """A triage "urgent" reply (get care today), which ``handoff.on_urgent`` follows up."""
    return triage_level(reply) == URGENT
