"""Two kinds that came back on later rounds, written generally, in our own words.

Self-harm levels (NHS help for suicidal thoughts; NHS where to get urgent help for mental
health; NICE NG225): thoughts or a wish not to be here with no plan said are urgent even when
the person adds that they are safe right now or mentions self-harm in their history; a plan,
means, a time, a goodbye or not being able to keep safe stay 999. Thoughts only in the past
with a request to go back to a service, a medicine's side effect asked about generally, and a
clear denial of thoughts of self-harm are not urgent.

Emergency contraception (NHS emergency contraception; FSRH missed pill guidance) and HIV PEP
(NHS HIV: PEP within 72 hours): a failed or missing method in the last few days is urgent,
however it is said, and an unrelated old illness in the history does not make it long past.
"""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

SELF_HARM_URGENT = [
    # safe right now, no plan: same-day help
    "keep thinking my kids would be better off without me. no plan, im safe right now, who do i ring today",
    "i dont want to be alive any more but i have no intention of acting, i feel ok right now, just need to talk",
    "my partner says everyone would be better off without him, he says he has no plan and is safe for right now",
    "been feeling suicidal again, no plans, fine right now but scared it will get worse, can i see someone today",
    # self-harm only in the history, thoughts now, no plan
    "I used to self harm as a teenager. Lately I feel everyone would be better off without me, but I have no plan",
    "history of self harm, the feeling that i'd be better off not here is back, no intention to act, crisis team?",
    "ive self harmed in the past and now the thoughts of not being here are back. i dont have any plan. who can i see today?",
    "she has a past history of self-harm and has been saying she'd be better off dead, she denies any plan",
]

SELF_HARM_EMERGENCY = [
    # safety words do not cancel a plan, means, time or a goodbye
    "im safe right now but ive got the tablets saved and tonight is the night",
    "no plan, safe right now, but i have the rope ready and everyone would be better off without me",
    "i self harmed in the past, no plan before but i cut myself again tonight and it wont stop bleeding",
    "used to self harm. no plan but i want to end it today",
    "past history of self harm, no plan, but last night i cut my leg and it needs stitching",
    "i dont want to live any more and i cant keep myself safe, no plan but i dont trust myself right now",
    "i dont have a plan, i wrote goodbye letters to my family, everyone would be better off",
    # a wish with nothing said about a plan stays at 999
    "everyone would be better off if i was not here",
]

SELF_HARM_NOT_URGENT = [
    # the past, asking to go back to a service
    "years ago i had suicidal thoughts and counselling helped; im well now. could i be referred again for a few sessions?",
    "i had a bad time with suicidal feelings a few years back, doing much better now, can i book talking therapies again",
    "Five years ago I was suicidal and saw a psychologist. Fully recovered now, but would like to see the psychologist again for stress",
    # a side effect asked about generally
    "the pharmacist said citalopram can raise suicidal thoughts in under 25s, is that true?",
    "is isotretinoin linked to suicidal feelings? my son might start it for acne",
    "does montelukast increase the risk of suicidal thoughts in children?",
    # a clear denial of thoughts of self-harm
    "I took an overdose years ago. I have no thoughts of harming myself now, I just want smaller packs of painkillers at home",
    "she has never had any thoughts of hurting herself, she's just tired and low after the flu, is it post viral?",
]


@pytest.mark.parametrize("text", SELF_HARM_URGENT)
def test_thoughts_with_no_plan_are_urgent(triage: Triage, text: str) -> None:
    assert flag_level(triage, text) == "urgent"


@pytest.mark.parametrize("text", SELF_HARM_EMERGENCY)
def test_plan_means_time_or_goodbye_stay_emergency(triage: Triage, text: str) -> None:
    assert flag_level(triage, text) == "emergency"


@pytest.mark.parametrize("text", SELF_HARM_NOT_URGENT)
def test_past_side_effects_and_denials_are_not_urgent(triage: Triage, text: str) -> None:
    assert flag_level(triage, text) is None


SEXUAL_HEALTH_URGENT = [
    # missed or late pills said in many ways, with sex in the last few days
    "I missed the last three of my pills and we had sex on saturday, what should I do?",
    "forgot four of my little pills this pack and slept with my boyfriend last night",
    "had sex yesterday and I had forgotten two of my combined pills earlier in the week",
    "my pill was 30 hours late and the condom slipped last night",
    "i was late taking my mini pill by a day and had unprotected sex two days ago",
    "threw up an hour after my pill this morning and we had sex last night, am i covered?",
    "my depo injection is two weeks overdue and we had sex without protection at the weekend",
    "my patch came off for two days and we slept together yesterday, do i need something",
    "my vaginal ring came out during sex on sunday night, what should i do",
    "we had sex this morning and i havent taken my pill for the last three days",
    "I started the next pack three days late and we slept together yesterday, can I get emergency contraception",
    "he pulled out too late last night, we were using the withdrawal method, what now",
    # a failed or missing condom
    "the condom got stuck inside me last night, can i get the morning after pill?",
    "he finished inside me yesterday, were not using anything, what are my options",
    "we had condomless sex three days ago, is it too late for emergency contraception",
    # an old illness in the history is not the time of the sex
    "I had a DVT two years ago so I'm on the mini pill. The condom split last night, what can I take?",
    "had my appendix out months ago. the condom came off yesterday, where can i get the morning after pill",
    # HIV exposure with PrEP said not to be taken
    "the condom broke with a new partner on friday night, his hiv status is unknown and i'm not on prep",
    "unprotected sex last night with someone who is hiv positive, i dont take prep, what do i do",
]

SEXUAL_HEALTH_NOT_URGENT = [
    # long past, already taken, or a plan for later
    "the condom split three weeks ago and my period hasn't come, I did a test today",
    "we had unprotected sex a month ago, can i still get pregnant from that? took a test today",
    "I missed two pills and had sex last night but I already took the morning after pill this morning",
    "if I miss a pill and have sex tonight, will I be protected?",
    "how late can you be with the mini pill before it stops working?",
    "my wedding ring fell out of my pocket yesterday and i cant find it",
    # PEP or PrEP taken
    "condom broke last night with an hiv positive partner but i'm on prep, do i need anything else",
]


@pytest.mark.parametrize("text", SEXUAL_HEALTH_URGENT)
def test_recent_method_failure_is_urgent(triage: Triage, text: str) -> None:
    assert flag_level(triage, text) == "urgent"


@pytest.mark.parametrize("text", SEXUAL_HEALTH_NOT_URGENT)
def test_long_past_covered_or_general_is_not_urgent(triage: Triage, text: str) -> None:
    assert flag_level(triage, text) is None
