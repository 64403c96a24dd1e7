"""Rounds 182-186 by kind (set 28): emergencies missed and urgent cases not caught. A clot in
the lung on oestrogen (HRT or gender-affirming estradiol): chest pain on breathing with "can't
get a full breath"; wild mushrooms picked and eaten, then sickness or diarrhoea hours later;
a baby under 6 months with whooping cough or its coughing fits (same day; 999 signs stay
999); covid in someone with a transplant or on immunosuppressants (antivirals need a same-day
assessment); myasthenia gravis worse after a new antibiotic; a Parkinson's or epilepsy
medicine down to its last dose with the chemist shut. Each kind with wordings that must reach
the level, and near misses that must keep the other level. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a clot in the lung on oestrogen: chest pain with breathlessness (NICE NG158; NHS
    # pulmonary embolism: 999) -------------------------------------------------------------
    (
        "on HRT gel for a year. today sharp pain in my chest when I breathe and I cant get a "
        "full breath going up the stairs",
        "emergency",
    ),
    (
        "trans woman on oestrogen patches, since lunch a pain on the left of my chest and "
        "breathless just walking to the car",
        "emergency",
    ),
    (
        "taking estradiol tablets. chest hurts and I can't take a deep breath, pulse is fast",
        "emergency",
    ),
    (
        "on the combined pill. chest pain when breathing in and I cant get a proper breath",
        "emergency",
    ),
    # near misses: breathless after a run with no chest pain; the HRT asked about
    (
        "on HRT and I get out of breath running for the bus, is that normal at 52?",
        None,
    ),
    (
        "does oestrogen gel raise the risk of a blood clot? I have just started it",
        None,
    ),
    # -- wild mushrooms picked and eaten, then sickness hours later (NHS poisoning; NHS food
    # poisoning: wild mushrooms, A&E now) ---------------------------------------------------
    (
        "we foraged some mushrooms on a walk and cooked them for dinner, now both of us are "
        "vomiting and have diarrhoea",
        "emergency",
    ),
    (
        "picked mushrooms growing in the field behind us and put them in an omelette last "
        "night, this morning bad stomach cramps and being sick",
        "emergency",
    ),
    (
        "my dad ate wild mushrooms he gathered in the forest yesterday and has had the runs "
        "since early today",
        "emergency",
    ),
    # near misses: mushrooms from the shop, or a tummy bug with no mushroom at all
    (
        "picked blackberries on a walk and ate loads, now a bit of diarrhoea",
        None,
    ),
    (
        "had mushrooms from the supermarket in a risotto and now i've got diarrhoea",
        None,
    ),
    (
        "ate a reheated takeaway curry last night and I've been sick twice this morning",
        None,
    ),
    (
        "are the mushrooms growing on our lawn safe to eat? they look like button ones",
        None,
    ),
    # -- a baby under 6 months with whooping cough or its coughing fits (NHS whooping cough:
    # urgent GP or 111; 999 when blue or not breathing) -------------------------------------
    (
        "my 3 month old has been diagnosed with whooping cough, she coughs a lot but feeds ok",
        "urgent",
    ),
    (
        "10 weeks old and has long coughing fits that end with him being sick, pink in between",
        "urgent",
    ),
    (
        "our 5 month old keeps having coughing bouts and goes red in the face, there is "
        "pertussis at nursery",
        "urgent",
    ),
    # near misses: going blue or stopping breathing; the jab asked about ahead
    (
        "my 2 month old has whooping cough and stopped breathing during a coughing fit",
        "emergency",
    ),
    (
        "my 8 week old has her whooping cough jab booked tomorrow, what are the side effects?",
        None,
    ),
    # -- covid in someone at the highest risk (NHS covid-19 treatments: assessed the same
    # day for antivirals) --------------------------------------------------------------------
    (
        "tested positive for covid today. I had a liver transplant and take tacrolimus, can I "
        "get the antiviral?",
        "urgent",
    ),
    (
        "my husband is on chemo for lymphoma and his lateral flow is positive for covid",
        "urgent",
    ),
    (
        "got covid again, im immunosuppressed after my kidney transplant, only a cough so far",
        "urgent",
    ),
    # near misses: covid with no risk named; breathing trouble stays 999
    (
        "tested positive for covid, sore throat and runny nose, how long should I stay home?",
        None,
    ),
    (
        "kidney transplant, covid positive and now I'm struggling to breathe",
        "emergency",
    ),
    # -- myasthenia worse after a new medicine (BNF fluoroquinolones; NHS myasthenia gravis:
    # same-day review) ---------------------------------------------------------------------
    (
        "i have myasthenia gravis and since starting levofloxacin my eyelids droop much more",
        "urgent",
    ),
    (
        "my wife has myasthenia, she was given clarithromycin on monday and now she's seeing "
        "double and her arms feel weak",
        "urgent",
    ),
    (
        "Myasthenia here. my voice is getting weaker and my jaw is tiring when I chew, worse "
        "than usual this week",
        "urgent",
    ),
    # near misses: a question ahead, and a crisis with breathing trouble
    (
        "got myasthenia gravis and my GP wants to give me ciprofloxacin, is that safe?",
        None,
    ),
    (
        "I have myasthenia gravis, which antibiotics should I avoid if I get an infection?",
        None,
    ),
    (
        "myasthenia gravis, eyelids drooping and now I'm struggling to breathe",
        "emergency",
    ),
    # -- a time-critical medicine down to its last dose, the chemist shut (Parkinson's UK
    # get it on time; NHS 111 emergency supply) ----------------------------------------------
    (
        "mum has parkinsons and we've only got one dose of her madopar left, pharmacy closed",
        "urgent",
    ),
    (
        "only have tonight's tablet of my keppra left and the surgery is shut until tuesday",
        "urgent",
    ),
    (
        "dad's levodopa - we've just got enough for tonight and can't get more till monday",
        "urgent",
    ),
    (
        "we're down to the last patch of her rotigotine and the chemist is closed till monday",
        "urgent",
    ),
    # near misses: a week left, or the repeat collected later today
    (
        "we have a week of sinemet tablets left, how do I order the repeat online?",
        None,
    ),
    (
        "only got one dose of his co-careldopa left but picking up the repeat prescription "
        "this afternoon",
        None,
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round186_missed(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
