"""A small circuit breaker: after repeated failures, refuse at once for a while.

A dead LLM server would otherwise cost every patient the whole timeout. Closed: requests
pass. After ``failure_threshold`` failures in a row: open, requests fail in microseconds.
After ``reset_after_s``: half-open, one trial request passes; its outcome closes or re-opens
the circuit. Used from one event loop only, so no lock is needed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import StrEnum


class CircuitState(StrEnum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


class CircuitBreaker:
    def __init__(
        self,
        *,
        failure_threshold: int,
        reset_after_s: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if failure_threshold < 1:
            raise ValueError("failure_threshold must be at least 1")
        self.failure_threshold = failure_threshold
        self.reset_after_s = reset_after_s
        self._clock = clock
        self._state = CircuitState.CLOSED
        self._failures = 0
        self._opened_at = 0.0
        self._trial_running = False
        #: how often the circuit has opened, for metrics
        self.times_opened = 0

    @property
    def state(self) -> CircuitState:
        if (
            self._state is CircuitState.OPEN
            and self._clock() - self._opened_at >= self.reset_after_s
        ):
            self._state = CircuitState.HALF_OPEN
            self._trial_running = False
        return self._state

    def retry_in_s(self) -> float:
        """Seconds until a trial request is allowed (0 when one would pass now)."""
        if self.state is not CircuitState.OPEN:
            return 0.0
        return max(0.0, self.reset_after_s - (self._clock() - self._opened_at))

    def allow(self) -> bool:
        """True if a request may go out now. In half-open state only one trial passes."""
        state = self.state
        if state is CircuitState.CLOSED:
            return True
        if state is CircuitState.HALF_OPEN and not self._trial_running:
            self._trial_running = True
            return True
        return False

    def record_success(self) -> None:
        self._state = CircuitState.CLOSED
        self._failures = 0
        self._trial_running = False

    def record_failure(self) -> None:
        self._trial_running = False
        if self._state is CircuitState.HALF_OPEN:
            self._open()
            return
        self._failures += 1
        if self._state is CircuitState.CLOSED and self._failures >= self.failure_threshold:
            self._open()

    def release_trial(self) -> None:
        """A trial request ended without an outcome (cancelled): let another one try."""
        self._trial_running = False

    def _open(self) -> None:
        self._state = CircuitState.OPEN
        self._opened_at = self._clock()
        self._failures = 0
        self.times_opened += 1
