"""The whole pipeline on the shared eval sets, scored as `python -m bot eval` scores them."""

from __future__ import annotations

from bot.config import AppConfig
from bot.evaluation import answer_all, score_intents, score_triage

from .conftest import MakeChat, load_jsonl


async def test_triage_set_through_the_pipeline(make_chat: MakeChat, app_config: AppConfig) -> None:
    cases = load_jsonl("triage_public.jsonl")
    replies = await answer_all((await make_chat()).service, cases)
    score = score_triage(
        cases, {k: (r.source.value, r.category, r.text) for k, r in replies.items()}
    )
    assert score.caught == score.emergencies, f"missed emergencies: {score.missed}"
    assert len(score.false_positives) <= 1, score.false_positives
    assert not score.wrong_category, score.wrong_category
    for case in cases:
        reply = replies[case["id"]]
        if case.get("category") == "self_harm":
            assert app_config.triage.crisis_line in reply.text
        if case["expect"] == "emergency":
            assert app_config.triage.emergency_number in reply.text
        assert reply.text.endswith(app_config.disclaimer.text)


async def test_intent_set_through_the_pipeline(make_chat: MakeChat, app_config: AppConfig) -> None:
    cases = load_jsonl("intents_public.jsonl")
    replies = await answer_all((await make_chat()).service, cases)
    score = score_intents(cases, {k: (r.source.value, r.intent) for k, r in replies.items()})
    assert score.hit_rate >= 0.85, f"intent misses: {score.misses}"
    assert score.null_to_llm == score.null_total, f"forced onto a rule: {score.null_misrouted}"
    assert all(r.text.endswith(app_config.disclaimer.text) for r in replies.values())
