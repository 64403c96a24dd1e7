"""The URL and e-mail recognizers skip texts that cannot hold a match and lose nothing."""

from __future__ import annotations

import pytest
from presidio_analyzer.predefined_recognizers import EmailRecognizer, UrlRecognizer

from assistant.recognizers import GatedUrlRecognizer, OfflineEmailRecognizer
from bot.evaluation import LABEL_DIR, load_jsonl

TEXTS = [
    "see www.example.org for the leaflet",
    "Visit NHS.UK/conditions/flu or https://clinic.example.com/book?x=1",
    "the clinic site is 'portal.health-care.co.uk'",
    "Mail me at jo.bloggs@example.com or JO@EXAMPLE.ORG",
    "my number is 07700 900123. What helps a sore throat?",
    "I took 2.5mg at 8.30, e.g. after food. Is that ok?",
    "no links here at all",
]


class _StockEmail(OfflineEmailRecognizer):
    """The offline recognizer without its gate: what the gate must agree with."""

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):  # type: ignore[no-untyped-def]
        return EmailRecognizer.analyze(self, text, entities, nlp_artifacts, regex_flags)


def _spans(recognizer: UrlRecognizer | EmailRecognizer, text: str, entity: str) -> list[tuple]:
    return [(r.start, r.end, round(r.score, 3)) for r in recognizer.analyze(text, [entity], None)]


def _our_texts() -> list[str]:
    names = ("pii_extra", "pii_chat_heldout", "pii_chat_heldout2", "intents_extra")
    return TEXTS + [
        case["text"] for name in names for case in load_jsonl(LABEL_DIR / f"{name}.jsonl")
    ]


@pytest.mark.parametrize(
    ("gated", "stock", "entity"),
    [
        (GatedUrlRecognizer(), UrlRecognizer(), "URL"),
        (OfflineEmailRecognizer(), _StockEmail(), "EMAIL_ADDRESS"),
    ],
)
def test_the_gate_finds_exactly_what_the_stock_recognizer_finds(
    gated: UrlRecognizer | EmailRecognizer, stock: UrlRecognizer | EmailRecognizer, entity: str
) -> None:
    texts = _our_texts()
    found = 0
    for text in texts:
        expected = _spans(stock, text, entity)
        assert _spans(gated, text, entity) == expected, text
        found += len(expected)
    assert found >= 4  # the table above holds real URLs and addresses


@pytest.mark.parametrize(
    ("text", "entity", "count"),
    [
        (TEXTS[0], "URL", 1),
        (TEXTS[3], "EMAIL_ADDRESS", 2),
        (TEXTS[4], "URL", 0),
        (TEXTS[6], "EMAIL_ADDRESS", 0),
    ],
)
def test_gated_recognizers_still_find_their_values(text: str, entity: str, count: int) -> None:
    recognizer = GatedUrlRecognizer() if entity == "URL" else OfflineEmailRecognizer()
    assert len(recognizer.analyze(text, [entity], None)) == count
