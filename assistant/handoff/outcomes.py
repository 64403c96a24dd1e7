"""The triage level a case records, read off the assistant's reply. Whether a reply offers
a person at all is the conversation service's call (``ConversationService.escalation``)."""

from __future__ import annotations

from assistant.messages import Reply, Source

ROUTINE = "routine"
EMERGENCY = "emergency"
URGENT = "urgent"


def triage_level(reply: Reply) -> str:
    if reply.source is Source.EMERGENCY:
        return EMERGENCY
    return reply.level or ROUTINE


def is_triaged(reply: Reply) -> bool:
    """Triage answered it with fixed guidance (an emergency, or "get care today")."""
    return triage_level(reply) != ROUTINE
