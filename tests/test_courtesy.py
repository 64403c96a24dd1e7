"""Greetings, introductions and contact details that open a message are left out before the
rules and the embedding read it; anything else stays."""

from __future__ import annotations

import pytest

from assistant.courtesy import question_part


@pytest.mark.parametrize(
    ("text", "question"),
    [
        (
            "This is <PERSON_1>, my number is <PHONE_NUMBER_1>. What is a normal blood pressure?",
            "What is a normal blood pressure?",
        ),
        (
            "Hello, <PERSON_1> here (email <EMAIL_ADDRESS_1>). What helps a sore throat?",
            "What helps a sore throat?",
        ),
        ("Hi, I'm <PERSON_1>. How do I quit smoking?", "How do I quit smoking?"),
        ("Hello!!\nGood morning doctor.\nI have a cough", "I have a cough"),
        ("Dear Dr <PERSON_1>, thanks in advance! Is flu contagious?", "Is flu contagious?"),
        # a sentence that says anything else stays, and so does everything after it
        ("My son <PERSON_1> is 7. What helps a sore throat?", None),
        ("I'm 34. Is 140/90 high?", None),
        ("Hi, I have a question about my rash", None),
        ("What helps a cold? Hi from <PERSON_1>.", None),
        # nothing but courtesy: the whole text, not an empty one
        ("Hi doctor, thank you.", None),
        ("", None),
    ],
)
def test_question_part(text: str, question: str | None) -> None:
    assert question_part(text) == (text if question is None else question)
