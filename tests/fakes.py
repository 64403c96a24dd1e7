"""Test doubles, all in one place. Each wraps or imitates a real part, and says why."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from assistant.embeddings import Embedder


class CountingEmbedder(Embedder):
    """A real embedder that counts what it is asked to encode.

    Not a fake: every vector comes from the wrapped model. Tests use the counts to prove that
    a message is embedded once and that cached topic vectors are not computed again.
    """

    def __init__(self, inner: Embedder) -> None:
        super().__init__(inner.settings)
        self.inner = inner
        self.name = inner.name  # type: ignore[misc]
        self.calls = 0
        self.texts = 0

    @property
    def dim(self) -> int:
        return self.inner.dim

    @property
    def model(self) -> str:
        return self.inner.model

    def _load(self) -> None:
        self.inner.load()

    def _encode(self, texts: list[str]) -> np.ndarray:
        self.calls += 1
        self.texts += len(texts)
        return self.inner.encode(texts)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return super().encode(texts)
