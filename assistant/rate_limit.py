"""Per-user token buckets for incoming messages, used by the conversation service.

Each user gets ``burst`` tokens that refill at ``per_minute`` per minute; a message takes
one. A message that finds the bucket empty is refused. ``notice_due`` has the service send
one polite notice per run of refused messages rather than one per message, so a user who
floods the bot does not make it flood them back.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class _Bucket:
    tokens: float
    updated: float
    notified: bool = False


@dataclass(frozen=True, slots=True)
class Decision:
    allowed: bool
    #: True for the first refused message of a run: send the notice for this one
    notice_due: bool = False


class UserRateLimiter:
    """Token bucket per user key. Not thread-safe: call it from the event loop only."""

    def __init__(
        self,
        per_minute: float,
        burst: int,
        *,
        max_users: int = 100_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if per_minute <= 0 or burst < 1:
            raise ValueError("per_minute must be > 0 and burst >= 1")
        self.rate_per_s = per_minute / 60.0
        self.burst = float(burst)
        self.max_users = max_users
        self._clock = clock
        # Oldest-used first, so memory stays bounded by evicting idle users (a full bucket
        # is what an evicted user gets back anyway once enough time has passed).
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()

    def check(self, key: str) -> Decision:
        now = self._clock()
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = _Bucket(tokens=self.burst, updated=now)
            self._buckets[key] = bucket
            while len(self._buckets) > self.max_users:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
            elapsed = max(0.0, now - bucket.updated)
            bucket.tokens = min(self.burst, bucket.tokens + elapsed * self.rate_per_s)
            bucket.updated = now
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            bucket.notified = False
            return Decision(allowed=True)
        notice_due = not bucket.notified
        bucket.notified = True
        return Decision(allowed=False, notice_due=notice_due)

    def __len__(self) -> int:
        return len(self._buckets)
