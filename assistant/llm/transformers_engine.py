"""The transformers engine: hub ids, folders, PEFT adapters and GGUF files via ``gguf_file=``.

Batches run as one left-padded ``model.generate`` call. A per-row stopping criterion ends
each row at its own end-of-turn token, stop sequence or ``max_tokens``, and ends every row
whose caller gave up, so a timed-out request stops costing compute at the next token.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Hashable, Sequence
from pathlib import Path
from typing import Any

import torch
from transformers import (
    AutoModelForCausalLM,
    AutoTokenizer,
    StoppingCriteria,
    StoppingCriteriaList,
)

from assistant.errors import ConfigError
from assistant.llm.models import (
    ModelKind,
    ModelSpec,
    available_cores,
    default_threads,
    hub_reachable,
    resolve_model,
)
from assistant.llm.prompt import ChatTemplate, clean_answer, cut_at_stop, template_for_tokenizer
from assistant.llm.scheduler import Job
from assistant.settings import LLMSettings

log = logging.getLogger(__name__)

# llm.dtype: auto on a CPU. Measured (bench/llm.py) on a 2-core AVX-512 CPU
# with native BF16, SmolLM2-135M, 1 thread: bfloat16 equals float32 for one request (12.0 vs
# 11.5 tokens/s) and is 1.7x faster for a batch of 4 (45.6 vs 26.4), at half the memory.
# Without native BF16 instructions torch emulates it, slower than float32.
_NATIVE_BF16_FLAGS = {"avx512_bf16", "amx_bf16", "bf16"}
_DTYPES = {"float32": torch.float32, "bfloat16": torch.bfloat16, "float16": torch.float16}
# Tokens decoded at the end of each row to look for stop sequences.
_STOP_WINDOW = 12


def resolve_dtype(name: str, *, cuda: bool) -> torch.dtype:
    if name != "auto":
        return _DTYPES[name]
    if cuda:
        return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    return torch.bfloat16 if cpu_has_native_bf16() else torch.float32


def cpu_has_native_bf16() -> bool:
    """Whether the CPU computes bfloat16 natively (x86 AVX512-BF16/AMX, Arm BF16)."""
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return False
    for line in text.splitlines():
        if line.startswith(("flags", "Features")):
            return bool(_NATIVE_BF16_FLAGS & set(line.partition(":")[2].split()))
    return False


class _RowStopper(StoppingCriteria):
    """Ends each row on its own: end-of-turn token, stop sequence, max_tokens or dropped."""

    def __init__(self, jobs: Sequence[Job], tokenizer: Any, prompt_len: int, eos: set[int]):
        self.jobs = jobs
        self.tokenizer = tokenizer
        self.prompt_len = prompt_len
        self.eos = eos
        self.done = [False] * len(jobs)

    def __call__(self, input_ids: torch.LongTensor, scores: Any, **kwargs: Any) -> torch.BoolTensor:
        step = input_ids.shape[1] - self.prompt_len
        last = input_ids[:, -1].tolist()
        for row, job in enumerate(self.jobs):
            if self.done[row]:
                continue
            if step == 1:
                job.mark_first_token()
            reason = ""
            count = step
            if last[row] in self.eos:
                reason, count = "stop", step - 1
            elif job.should_stop():
                reason = "dropped"
            elif job.stop and self._hit_stop(input_ids[row], step, job.stop):
                reason = "stop"
            elif step >= job.max_tokens:
                reason = "length"
            if reason:
                self.done[row] = True
                job.finish_reason = reason
                job.completion_tokens = count
        return torch.tensor(self.done, dtype=torch.bool, device=input_ids.device)  # type: ignore[return-value]

    def _hit_stop(self, ids: torch.Tensor, step: int, stops: tuple[str, ...]) -> bool:
        tail = ids[-min(step, _STOP_WINDOW) :]
        text = self.tokenizer.decode(tail, skip_special_tokens=False)
        return cut_at_stop(text, stops)[1]


def load_pretrained(spec: ModelSpec, *, tokenizer: bool = True, **kwargs: Any) -> tuple[Any, Any]:
    """Model and tokenizer (None with ``tokenizer=False``) of a GGUF file (dequantized), a
    folder or a hub id.

    ``kwargs`` go to the model's ``from_pretrained``; ``local_files_only`` also to the
    tokenizer's. Library errors (offline, missing files) propagate for the caller to map.
    """
    if spec.kind is ModelKind.ADAPTER:
        raise ConfigError(f"{spec.name} is a PEFT adapter, not a base model")
    source = spec.location
    args: dict[str, Any] = {}
    if spec.kind is ModelKind.GGUF:
        path = Path(spec.location)
        log.info("dequantizing %s for transformers (slow; llama.cpp keeps it packed)", path.name)
        source, args = str(path.parent), {"gguf_file": path.name}
    elif kwargs.get("local_files_only"):
        args = {"local_files_only": True}
    # Parsing a GGUF's vocabulary takes seconds: skip it when the caller has a tokenizer.
    tok = AutoTokenizer.from_pretrained(source, **args) if tokenizer else None
    model = AutoModelForCausalLM.from_pretrained(source, **{**args, **kwargs})
    return model, tok


class TransformersEngine:
    name = "transformers"

    def __init__(self, spec: ModelSpec, settings: LLMSettings) -> None:
        self.spec = spec
        self.settings = settings
        self.cuda = torch.cuda.is_available()
        self.threads = settings.threads or default_threads(available_cores())
        self.dtype = resolve_dtype(settings.dtype, cuda=self.cuda)
        self.max_batch_size = settings.max_batch_size
        self.model: Any = None
        self.tokenizer: Any = None
        self.template: ChatTemplate | None = None
        self.context_window = 2048
        self.eos: set[int] = set()

    # -- loading ----------------------------------------------------------------------

    def init_thread(self) -> None:
        # Thread counts are per thread in OpenMP: set them in the thread that generates.
        torch.set_num_threads(self.threads)

    def load(self) -> None:
        self.init_thread()
        spec = self.spec
        common: dict[str, Any] = {"dtype": self.dtype}
        if self.cuda:
            common["device_map"] = "auto"
        quant = self._quantization_config()
        if quant is not None:
            common["quantization_config"] = quant
        if spec.kind is ModelKind.HUB and not hub_reachable():
            # Offline: use the local cache only, which fails in milliseconds when it is empty.
            common["local_files_only"] = True
            log.info("Hugging Face hub unreachable; looking for %s in the local cache", spec.name)
        log.info(
            "loading %s with transformers (%s, device=%s, dtype=%s, threads=%d)...",
            spec.label,
            spec.kind.value,
            "cuda" if self.cuda else "cpu",
            str(self.dtype).removeprefix("torch."),
            self.threads,
        )
        started = time.perf_counter()
        if spec.kind is ModelKind.ADAPTER:
            self._load_adapter(common)
        else:
            self.model, self.tokenizer = load_pretrained(spec, **common)
        self.model.eval()
        self._prepare_tokenizer()
        log.info("loaded %s in %.1f s", spec.label, time.perf_counter() - started)

    def _quantization_config(self) -> Any:
        quant = self.settings.quantization
        if quant == "none":
            return None
        if not self.cuda:
            raise ConfigError(
                f"llm.quantization={quant} needs a CUDA GPU (bitsandbytes); on this CPU-only "
                "machine set llm.quantization: none, or use a GGUF model"
            )
        if self.spec.kind is ModelKind.GGUF:
            raise ConfigError(
                "llm.quantization does not apply to a GGUF model (it is already quantized); "
                "set llm.quantization: none"
            )
        try:
            import bitsandbytes  # noqa: F401
        except ImportError as exc:
            raise ConfigError(
                f"llm.quantization={quant} needs bitsandbytes: pip install bitsandbytes"
            ) from exc
        from transformers import BitsAndBytesConfig

        if quant == "8bit":
            return BitsAndBytesConfig(load_in_8bit=True)
        return BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_compute_dtype=self.dtype)

    def _load_adapter(self, common: dict[str, Any]) -> None:
        from peft import PeftModel

        folder = Path(self.spec.location)
        config = json.loads((folder / "adapter_config.json").read_text())
        base = config.get("base_model_name_or_path")
        if not base:
            raise ConfigError(f"adapter {folder} names no base_model_name_or_path")
        # The base is any model name: a hub id, a folder, a .gguf file or bundled:<name>
        # (what `python -m bot finetune` records when it trains on the bundled model).
        try:
            base_spec = resolve_model(str(base))
        except ConfigError as exc:  # a missing base is a load failure: the fallback may load
            raise FileNotFoundError(f"base model of adapter {folder.name}: {exc}") from exc
        if base_spec.kind is ModelKind.ADAPTER:
            raise ConfigError(f"adapter {folder} names another adapter as its base: {base}")
        log.info("loading base model %s for adapter %s", base_spec.label, folder.name)
        if base_spec.kind is ModelKind.HUB and not hub_reachable():
            common = {**common, "local_files_only": True}
        own_tokenizer = (folder / "tokenizer_config.json").is_file()
        base_model, self.tokenizer = load_pretrained(
            base_spec, tokenizer=not own_tokenizer, **common
        )
        if own_tokenizer:
            self.tokenizer = AutoTokenizer.from_pretrained(str(folder))
        model = PeftModel.from_pretrained(base_model, str(folder))
        # Merging LoRA weights makes generation as fast as the base model.
        self.model = model.merge_and_unload() if hasattr(model, "merge_and_unload") else model

    def _prepare_tokenizer(self) -> None:
        tok = self.tokenizer
        tok.padding_side = "left"  # decoder-only models generate after the padding
        if tok.pad_token_id is None:
            tok.pad_token = tok.eos_token
        eos = self.model.generation_config.eos_token_id
        ids = eos if isinstance(eos, list) else [eos]
        self.eos = {int(i) for i in ids if i is not None} | {int(tok.eos_token_id)}
        self.template = template_for_tokenizer(tok)
        window = getattr(self.model.config, "max_position_embeddings", None)
        self.context_window = int(window) if window else 2048

    # -- generation -------------------------------------------------------------------

    def batch_key(self, job: Job) -> Hashable:
        # One generate() call has one sampling setting.
        return job.temperature

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer(text, add_special_tokens=False)["input_ids"])

    def render(self, job: Job) -> str:
        assert self.template is not None
        return self.template.render(job.messages)

    def run_batch(self, jobs: Sequence[Job], prompts: Sequence[str]) -> None:
        tok = self.tokenizer
        inputs = tok(list(prompts), return_tensors="pt", padding=True, add_special_tokens=False)
        inputs = inputs.to(self.model.device)
        prompt_len = int(inputs["input_ids"].shape[1])
        for row, job in enumerate(jobs):
            job.prompt_tokens = int(inputs["attention_mask"][row].sum())
        stopper = _RowStopper(jobs, tok, prompt_len, self.eos)
        temperature = jobs[0].temperature
        sampling: dict[str, Any] = (
            {"do_sample": True, "temperature": temperature}
            if temperature > 0
            else {"do_sample": False}
        )
        with torch.inference_mode():
            output = self.model.generate(
                **inputs,
                max_new_tokens=max(job.max_tokens for job in jobs),
                stopping_criteria=StoppingCriteriaList([stopper]),
                pad_token_id=tok.pad_token_id,
                eos_token_id=sorted(self.eos),
                **sampling,
            )
        for row, job in enumerate(jobs):
            if not job.finish_reason:  # generate() ended before the criterion saw the row
                job.finish_reason = "length"
                job.completion_tokens = int(output.shape[1]) - prompt_len
            new = output[row, prompt_len : prompt_len + job.completion_tokens]
            text = tok.decode(new, skip_special_tokens=True)
            job.text = clean_answer(text, job.stop, truncated=job.finish_reason == "length")

    def close(self) -> None:
        self.model = None
        self.tokenizer = None
