"""Bounded, expiring conversation memory. Holds only anonymized text and the vault."""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field

from assistant.llm.base import ChatTurn
from assistant.placeholders import PlaceholderVault

ConversationKey = tuple[str, str, str]  # (platform, chat_id, user_id)


@dataclass
class Conversation:
    turns: deque[ChatTurn]
    vault: PlaceholderVault = field(default_factory=PlaceholderVault)
    last_seen: float = 0.0


class ConversationMemory:
    """The last ``max_turns`` anonymized turns per (platform, chat, user).

    A conversation idle for ``idle_seconds`` starts afresh, vault included. At most
    ``max_conversations`` are kept; the least recently used goes first.
    """

    def __init__(
        self,
        *,
        max_turns: int,
        idle_seconds: float,
        max_conversations: int,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._max_turns = max_turns
        self._idle_seconds = idle_seconds
        self._max_conversations = max_conversations
        self._clock = clock
        self._conversations: OrderedDict[ConversationKey, Conversation] = OrderedDict()

    def get(self, key: ConversationKey) -> Conversation:
        now = self._clock()
        conversation = self._conversations.get(key)
        if conversation is None or now - conversation.last_seen > self._idle_seconds:
            conversation = Conversation(turns=deque(maxlen=max(self._max_turns, 1)))
            self._conversations[key] = conversation
        conversation.last_seen = now
        self._conversations.move_to_end(key)
        while len(self._conversations) > self._max_conversations:
            self._conversations.popitem(last=False)
        return conversation

    def history(self, key: ConversationKey) -> tuple[ChatTurn, ...]:
        if self._max_turns == 0:
            return ()
        return tuple(self.get(key).turns)

    def append(self, key: ConversationKey, user_text: str, assistant_text: str) -> None:
        if self._max_turns == 0:
            return
        turns = self.get(key).turns
        turns.append(ChatTurn("user", user_text))
        turns.append(ChatTurn("assistant", assistant_text))
        # Keep whole exchanges only.
        while len(turns) > self._max_turns:
            turns.popleft()
        if turns and turns[0].role == "assistant":
            turns.popleft()

    def clear(self, key: ConversationKey) -> bool:
        return self._conversations.pop(key, None) is not None

    def clear_user(self, platform: str, user_id: str) -> int:
        """Forget every conversation of one user on one platform; returns how many."""
        keys = [k for k in self._conversations if k[0] == platform and k[2] == user_id]
        for key in keys:
            del self._conversations[key]
        return len(keys)

    def __len__(self) -> int:
        return len(self._conversations)
