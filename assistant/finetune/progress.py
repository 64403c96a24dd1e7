"""A one-line progress bar: step, loss, tokens/s and ETA.

On a terminal the line is redrawn in place; into a file or pipe it is written about twenty
times per run, so that logs of long runs stay short.
"""

from __future__ import annotations

from typing import TextIO

from assistant.finetune.trainer import StepInfo

_BAR_WIDTH = 20
_LINES_WHEN_PIPED = 20


def clock(seconds: float) -> str:
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def render(info: StepInfo) -> str:
    done = round(_BAR_WIDTH * info.step / info.total_steps)
    bar = "#" * done + "-" * (_BAR_WIDTH - done)
    return (
        f"[{bar}] step {info.step}/{info.total_steps} (epoch {info.epoch}/{info.epochs}) | "
        f"loss {info.loss:.3f} | {info.tokens_per_s:.0f} tok/s | "
        f"elapsed {clock(info.elapsed_s)} | ETA {clock(info.eta_s)}"
    )


class ProgressBar:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.live = bool(getattr(stream, "isatty", lambda: False)())
        self._open = False

    def __call__(self, info: StepInfo) -> None:
        line = render(info)
        if self.live:
            self.stream.write("\r" + line + "\033[K")
            self._open = True
            if info.step == info.total_steps:
                self.close()
        else:
            every = max(1, info.total_steps // _LINES_WHEN_PIPED)
            if info.step % every == 0 or info.step in (1, info.total_steps):
                self.stream.write(line + "\n")
        self.stream.flush()

    def close(self) -> None:
        """End the redrawn line (also after an interrupt) so that the next output starts clean."""
        if self._open:
            self.stream.write("\n")
            self.stream.flush()
            self._open = False
