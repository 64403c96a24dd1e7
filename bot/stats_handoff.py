"""The handoff's part of /stats: cases opened and closed, open now, time to the first staff
reply and cases that timed out (from ``cases`` rows, which hold no text)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from assistant.handoff.model import CaseFigures


@dataclass(frozen=True, slots=True)
class HandoffSection:
    opened: int = 0
    closed: int = 0
    open_now: int = 0
    timed_out: int = 0
    alerts: int = 0
    answered: int = 0
    #: minutes from opening to the first staff reply
    first_reply_p50_min: float | None = None
    first_reply_p95_min: float | None = None

    @classmethod
    def of(cls, figures: CaseFigures) -> HandoffSection:
        waits = np.array(figures.first_reply_s, dtype=float) / 60
        p50 = p95 = None
        if waits.size:
            low, high = np.percentile(waits, [50, 95])
            p50, p95 = round(float(low), 2), round(float(high), 2)
        return cls(
            opened=figures.opened,
            closed=figures.closed,
            open_now=figures.open_now,
            timed_out=figures.timed_out,
            alerts=figures.alerts,
            answered=int(waits.size),
            first_reply_p50_min=p50,
            first_reply_p95_min=p95,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "opened": self.opened,
            "closed": self.closed,
            "open_now": self.open_now,
            "timed_out": self.timed_out,
            "emergency_alerts": self.alerts,
            "first_staff_reply_min": {
                "count": self.answered,
                "p50": self.first_reply_p50_min,
                "p95": self.first_reply_p95_min,
            },
        }

    def lines(self) -> list[str]:
        def minutes(value: float | None) -> str:
            return "-" if value is None else f"{value:,.1f} min"

        return [
            f"Handoff: opened {self.opened:,} · closed {self.closed:,} · open now "
            f"{self.open_now:,} · timed out {self.timed_out:,} · emergency alerts {self.alerts:,}",
            f"First staff reply p50 {minutes(self.first_reply_p50_min)} · p95 "
            f"{minutes(self.first_reply_p95_min)} (n {self.answered:,})",
        ]
