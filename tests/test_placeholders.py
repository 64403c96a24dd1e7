from __future__ import annotations

import pytest

from assistant.disclaimer import with_disclaimer
from assistant.memory import ConversationMemory
from assistant.placeholders import PlaceholderVault, restore


def _vault() -> PlaceholderVault:
    vault = PlaceholderVault()
    assert vault.placeholder_for("PERSON", "Sarah Mitchell") == "<PERSON_1>"
    assert vault.placeholder_for("PHONE_NUMBER", "555-867-5309") == "<PHONE_NUMBER_1>"
    assert vault.placeholder_for("PERSON", "Tom") == "<PERSON_2>"
    return vault


def test_same_value_keeps_its_placeholder() -> None:
    vault = _vault()
    assert vault.placeholder_for("PERSON", "sarah  mitchell") == "<PERSON_1>"
    assert vault.placeholder_for("LOCATION", "Sarah Mitchell") == "<LOCATION_1>"


@pytest.mark.parametrize(
    ("model_text", "expected"),
    [
        (
            "Hello <PERSON_1>, I hope you feel better.",
            "Hello Sarah Mitchell, I hope you feel better.",
        ),
        ("Hello PERSON_1!", "Hello Sarah Mitchell!"),
        ("Hello <person_1> and <PERSON_2>.", "Hello Sarah Mitchell and Tom."),
        (
            "We will call <PHONE_NUMBER_1> or phone number 1.",
            "We will call 555-867-5309 or 555-867-5309.",
        ),
        ("Dear <PERSON_7>, rest well.", "Dear, rest well."),
        ("Contact <EMAIL_ADDRESS_1> today.", "Contact today."),
        ("Take 2 tablets every 4 hours.", "Take 2 tablets every 4 hours."),
    ],
)
def test_restore_is_tolerant_and_drops_unknown(model_text: str, expected: str) -> None:
    assert restore(model_text, _vault()) == expected


def test_disclaimer_is_appended_once() -> None:
    once = with_disclaimer("Drink water.", "Not medical advice.")
    assert once == "Drink water.\n\nNot medical advice."
    assert with_disclaimer(once, "Not medical advice.") == once
    assert with_disclaimer("", "Not medical advice.") == "Not medical advice."


def test_memory_is_bounded_and_expires() -> None:
    now = [0.0]
    memory = ConversationMemory(
        max_turns=4, idle_seconds=60, max_conversations=2, clock=lambda: now[0]
    )
    key = ("telegram", "c1", "u1")
    for i in range(5):
        memory.append(key, f"q{i}", f"a{i}")
    assert [t.content for t in memory.history(key)] == ["q3", "a3", "q4", "a4"]
    now[0] = 61.0
    assert memory.history(key) == ()
    memory.append(("telegram", "c2", "u2"), "q", "a")
    memory.append(("telegram", "c3", "u3"), "q", "a")
    memory.append(("telegram", "c4", "u4"), "q", "a")
    assert len(memory) == 2
    assert memory.clear_user("telegram", "u4") == 1
