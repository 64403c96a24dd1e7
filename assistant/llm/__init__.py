"""LLM backends: one abstract base and an explicit registry."""

from assistant.llm.base import ChatTurn, GenerationRequest, GenerationResult, LLMBackend
from assistant.llm.registry import available_backends, create_backend

__all__ = [
    "ChatTurn",
    "GenerationRequest",
    "GenerationResult",
    "LLMBackend",
    "available_backends",
    "create_backend",
]
