"""Round 108 by kind: messages typed as it happens ("update:", "edit:", "10 mins later"), whose
last update stands the alarm down. A person feared unconscious who was asleep, a droop from a
dental anaesthetic wearing off, a product got at with nothing swallowed, a rash under a strap,
a panic attack that passed, a story's character, a heart attack fear checked fine, a fever down
in a well child, doses under the limit, a slip read as a collapse, a headache that built up
slowly, blood from the gums, a magnet taken out of a mouth whole, a cleared choke, beetroot, a
rash that faded under a glass. Near misses stay emergencies: worse in the last update, a stroke
sign that went (TIA), a battery, anaphylaxis after adrenaline, a first fit, chest pain that
went unchecked, a real person, an overdose, a collapse that recovered. Our own words
throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a person feared unconscious who was asleep
    (
        "my husband is unresponsive on the sofa!! update: sorry false alarm, he was fast asleep "
        "with earplugs in, he's up now and grumpy. is napping this much normal at 60?",
        None,
    ),
    (
        "dad's passed out in the garden chair. edit: no he hasn't, he was just asleep in the sun, "
        "woke up when the dog barked. how much sun cream does he need?",
        None,
    ),
    (
        "my daughter won't wake up!! update: she's just asleep, she was up late at a sleepover "
        "and she grumbled at me when I opened the curtains. how much sleep do 12 year olds need",
        None,
    ),
    # -- a droop or numb lip from a dental anaesthetic wearing off (NHS: numbness after a filling
    # lasts a few hours)
    (
        "my face has gone droopy on the left - update: I had a tooth out this morning and the "
        "numbing injection is wearing off, I can feel my lip again and my smile is back to "
        "normal. when can I have a hot drink?",
        None,
    ),
    (
        "grandad's mouth is drooping at one side! edit: sorry, he had a filling at the dentist at "
        "2 and they said the numb side would last a few hours. it's wearing off now and he's "
        "smiling normally again. can he eat soup?",
        None,
    ),
    (
        "one side of my son's lip looks droopy and he's dribbling. update: he had two fillings "
        "after school, the dentist said the anaesthetic would take 3 hours to wear off, it's worn "
        "off now and he's back to normal. are fillings in milk teeth worth it?",
        None,
    ),
    # -- a product got at with nothing swallowed (NHS poisoning: nothing swallowed, no treatment)
    (
        "my 2 year old got into the washing capsules!! update: false alarm, the box was already "
        "empty, she was just playing with the cardboard, nothing in her mouth. where's the safest "
        "place to store them?",
        None,
    ),
    (
        "toddler found the bleach under the sink!!! edit: the cap was still on tight, no she "
        "didn't drink any, nothing on her hands or face. what locks work on cupboard doors?",
        None,
    ),
    (
        "my son got hold of the dishwasher tabs. update: nothing missing, all 30 accounted for in "
        "the tub and he hadn't opened it. should I move them higher?",
        None,
    ),
    # -- a rash where a strap or jewellery sits, mouth and breathing fine (NHS contact dermatitis)
    (
        "allergic reaction?? itchy red bumps on my neck. update, ok no: it's exactly where my new "
        "necklace sits. lips, tongue and breathing all fine. is nickel allergy common?",
        None,
    ),
    (
        "severe allergic reaction!! hives all over my ankle. edit: ok no, it's just where the new "
        "sock elastic sits. nothing else, breathing fine, lips fine. which cream helps?",
        None,
    ),
    (
        "anaphylaxis?? my wrist has come up in a red rash. update: it's from my new fitness "
        "tracker strap, only under the strap, face and throat are fine. should I stop wearing it?",
        None,
    ),
    # -- a panic attack that has passed (NHS panic disorder: see a GP about repeated attacks)
    (
        "I can't breathe!! edit: ok it was a panic attack, it's passed now, I did the box "
        "breathing and I'm calm. how do I stop them coming back?",
        None,
    ),
    (
        "struggling to breathe - update: it was panic, it's settled after 15 minutes of slow "
        "breathing and I feel fine now. should I see someone about anxiety?",
        None,
    ),
    (
        "can't catch my breath and my heart is racing. update: 10 mins later it's passed, it was "
        "a panic attack like I get before exams, I'm calm now. any tips for exam nerves?",
        None,
    ),
    # -- the alarming word is about a character in a book or film
    (
        "suicidal - bad way to start, sorry. update: not me! it's a character in the novel we're "
        "studying at school, how do I lead a class discussion about it safely?",
        None,
    ),
    (
        "overdose... edit: not a person here, I'm reading a book about the opioid crisis. how "
        "does methadone treatment work?",
        None,
    ),
    (
        "wants to end it all - update: not me, that's the main character in the film we watched. "
        "how do you talk to teenagers about films like that?",
        None,
    ),
    # -- a feared heart attack checked fine by paramedics or A&E (NHS chest pain)
    (
        "thought my dad was having a heart attack. update: paramedics came and did an ECG, they "
        "said his heart is fine and it's muscular, the pain has gone. what painkiller is best for "
        "a pulled muscle?",
        None,
    ),
    (
        "I was sure it was a heart attack. edit: the ambulance crew checked me over, ECG normal, "
        "they said it was heartburn and left me at home. the pain has gone now. what can I take "
        "for heartburn?",
        None,
    ),
    (
        "chest pain!! update: went to A&E, ECG and bloods normal, doctor said it was indigestion "
        "and sent me home. pain has gone. what foods should I avoid?",
        None,
    ),
    # -- a child's fever down to normal and the child well (NICE NG143 traffic lights: green)
    (
        "my daughter's temp was 38.6, sepsis?? update: gave her ibuprofen, an hour later she's "
        "37.2, running around, eating a banana, had a wee, no rash. is it fine to go to nursery "
        "tomorrow?",
        None,
    ),
    (
        "sepsis?? son's temperature was 38.4. update: 30 mins after calpol he's 37.1, bouncing on "
        "the sofa and asking for toast. how long do colds last in kids?",
        None,
    ),
    (
        "worried about sepsis, my little girl had a temp of 38.2. edit: she's down to 36.9 now, "
        "laughing and playing with her sister, drinking loads. when can she have more calpol?",
        None,
    ),
    # -- doses counted and under the daily limit (NHS paracetamol for adults)
    (
        "took too many painkillers? update: added it up, 6 paracetamol since this morning, that's "
        "3g, which is under the max for a day isn't it?",
        None,
    ),
    (
        "did I take too many tablets? edit: I've had 4 ibuprofen 200mg today, well under the "
        "daily limit. ok to have one more tonight?",
        None,
    ),
    (
        "took too much paracetamol?? update: counted, it's 7 tablets since yesterday lunch, so "
        "below the maximum. just checking",
        None,
    ),
    # -- a 'collapse' that was a slip, no faint, no head knock, up and walking
    (
        "my mum collapsed in the kitchen! update: she tripped over the dog, she didn't pass out "
        "and didn't hit her head, she's up and walking about. her wrist is a bit sore, ice?",
        None,
    ),
    (
        "nan collapsed on the path. edit: she slipped on ice, never blacked out, she's up and "
        "walking and cross with herself. should her hip be sore tomorrow?",
        None,
    ),
    (
        "my husband collapsed at the bottom of the stairs. update: he slipped on a sock, he did "
        "not pass out, didn't bang his head and he's up and about. his ankle is swollen, rest or "
        "move it?",
        None,
    ),
    # -- a 'worst headache' that built up slowly and has gone (NICE CKS headache: thunderclap is
    # sudden)
    (
        "worst headache of my life!! update: ok I'm being dramatic, it built up slowly over the "
        "day after staring at my laptop, had paracetamol and water and it's gone. is it eye "
        "strain?",
        None,
    ),
    (
        "thunderclap headache?? edit: no, it came on gradually during a long drive and it's gone "
        "now after a nap. could it be dehydration?",
        None,
    ),
    (
        "worst headache ever - update: it came on slowly through the morning, ibuprofen and a "
        "coffee and it's passed. do I need an eye test?",
        None,
    ),
    # -- blood spat from the gums, not coughed up (NHS bleeding gums: see a dentist)
    (
        "coughing up blood!! update: it's from my gums, I flossed too hard and spat pink. when I "
        "actually cough there's nothing. dentist or hygienist?",
        None,
    ),
    (
        "I'm spitting up blood - edit: it's from my gums, brushed with a new hard brush. coughing "
        "brings nothing up. should I change toothpaste?",
        None,
    ),
    (
        "coughing blood?? update: it's from my gums, they bleed when I brush and the spit was "
        "pink. when I cough it's clear. is this gum disease?",
        None,
    ),
    # -- a magnet held in the mouth and taken out whole, nothing missing (NHS: swallowed magnets
    # need A&E)
    (
        "my 3 year old swallowed a magnet - update: no he didn't, he had a fridge magnet in his "
        "mouth and I pulled it out, it's whole, nothing missing. he's fine. are big magnets "
        "dangerous?",
        None,
    ),
    (
        "think my toddler swallowed a magnet!! edit: found it, I got it out of his mouth, it's in "
        "one piece and nothing is missing. how do I childproof the fridge?",
        None,
    ),
    (
        "my daughter had a magnet in her mouth, I took it out straight away and it's whole, "
        "nothing missing. she's fine. are magnet toys safe for 4 year olds?",
        None,
    ),
    # -- a choke that coughing cleared, talking and breathing normally (NHS choking)
    (
        "wife choking on a bit of chicken - edit: she coughed it up herself, she's talking "
        "normally and breathing fine. how do you do back blows properly?",
        None,
    ),
    (
        "my son is choking on a sweet! update: he coughed it out, he's breathing fine and talking "
        "normally. what sweets are safest for a 6 year old?",
        None,
    ),
    (
        "dad choking on his dinner. update: he coughed it up on his own, talking normally and "
        "breathing fine now. should he chew more slowly?",
        None,
    ),
    # -- red or pink urine after beetroot, back to normal (NHS blood in urine: beeturia)
    (
        "blood in my wee!! update: I had beetroot soup last night, drank lots of water and it's "
        "back to normal colour now. is that normal?",
        None,
    ),
    (
        "red urine!! edit: oh I ate a whole bag of beetroot crisps yesterday, it's back to normal "
        "colour now. harmless?",
        None,
    ),
    (
        "my daughter's wee is pink!! update: she had beetroot at nursery, it's back to normal "
        "colour now. nothing to worry about?",
        None,
    ),
    # -- spots that faded under a glass in a well child (NHS meningitis glass test)
    (
        "meningitis rash?!? update: did the glass test and the spots faded completely, she's "
        "playing, no temperature. probably heat rash?",
        None,
    ),
    (
        "is this a meningitis rash? edit: pressed a glass on it and it faded completely, he's "
        "fine, eating, no fever. eczema flare?",
        None,
    ),
    (
        "spots on my son's legs, meningitis?? update: glass test, they faded completely under the "
        "glass. he's happy and playing, no temperature.",
        None,
    ),
    # -- near misses: worse in the last update
    (
        "chest felt tight on the bus. update: it eased off after 10 mins. update: now it's back "
        "and spreading to my left arm and I'm sweating",
        "emergency",
    ),
    (
        "my son's temp came down with calpol. update: now he's floppy and there are purple spots "
        "that don't fade under a glass",
        "emergency",
    ),
    (
        "wheezy earlier but it settled with the inhaler. edit: it's come back worse, he can't "
        "finish a sentence and his lips look blue",
        "emergency",
    ),
    # -- near misses: a stroke sign that went is a TIA (NHS TIA: call 999)
    (
        "dad's face drooped and his arm went weak. update: it's all gone after 20 minutes and "
        "he's back to normal",
        "emergency",
    ),
    (
        "my speech went slurred and my right hand was numb. edit: it passed after 10 mins and I "
        "feel fine now",
        "emergency",
    ),
    (
        "mum's mouth was lopsided and she couldn't lift her arm. update: it's gone now, she's "
        "back to herself",
        "emergency",
    ),
    # -- near misses: a button battery in the mouth or swallowed (NHS button batteries: A&E now)
    (
        "my toddler swallowed a button battery. update: I got it out of her mouth, she's fine now",
        "emergency",
    ),
    (
        "my son had a button battery from the remote in his mouth, I took it out. update: he "
        "seems fine now",
        "emergency",
    ),
    (
        "baby swallowed a watch battery!! edit: she's back to normal, playing happily now",
        "emergency",
    ),
    # -- near misses: anaphylaxis after adrenaline (Resuscitation Council UK: A&E after adrenaline)
    (
        "his throat swelled after a peanut and we used his epipen. update: he's fine now and "
        "breathing normally",
        "emergency",
    ),
    (
        "she's having anaphylaxis from a wasp sting, we used her epipen. edit: the swelling has "
        "gone down and she's fine now",
        "emergency",
    ),
    (
        "my lips and tongue swelled up after prawns, used my epi pen. update: it's settled and I "
        "feel ok now",
        "emergency",
    ),
    # -- near misses: a first fit that stopped (NHS epilepsy: call 999 for a first seizure)
    (
        "my son just had a fit, he's never had one before. update: it stopped after 2 minutes and "
        "he's back to normal",
        "emergency",
    ),
    (
        "my wife just had a seizure, first ever. edit: it's stopped and she's fine now, talking "
        "normally",
        "emergency",
    ),
    (
        "my 30 year old brother just had his first ever seizure at dinner. update: it's over and "
        "he says he's fine",
        "emergency",
    ),
    # -- near misses: chest pain that went without a check (NHS chest pain)
    ("crushing chest pain going down my arm. update: it's gone now and I feel fine", "emergency"),
    (
        "heart attack?? pain in my chest and jaw. edit: it passed after 15 minutes, I'm ok now",
        "emergency",
    ),
    (
        "bad chest pain and sweating. update: 20 mins later it's settled, back to normal",
        "emergency",
    ),
    # -- near misses: a real person, not a story; an overdose told as feeling fine (NHS paracetamol
    # overdose: A&E even if well)
    (
        "suicidal. update: not me, my flatmate, she says she has pills saved and wants to die "
        "tonight",
        "emergency",
    ),
    ("took 24 paracetamol an hour ago. update: I feel fine now", "emergency"),
    (
        "my sister took an overdose of her tablets. edit: she says she's fine now and wants to "
        "sleep",
        "emergency",
    ),
    # -- near misses: a collapse or faint that recovered
    ("my grandad collapsed in the shop. update: he came round and says he's fine", "emergency"),
    (
        "my dad just collapsed and hit his head on the kitchen floor. edit: he's up now and back "
        "to normal",
        "emergency",
    ),
    (
        "my wife just passed out in the kitchen for a minute. update: she's back to normal now",
        "emergency",
    ),
    # -- urgent stays: a fever that keeps coming back on day 5 (NICE NG143)
    (
        "my son has had a temperature since Sunday, day 5 now. update: calpol brings it down and "
        "he's still playing, but it keeps coming back to 39 every night",
        "urgent",
    ),
    # -- near misses: magnets still missing, worse after a panic attack
    (
        "my son put two magnets in his mouth, I got one out but I can't find the other one. "
        "update: he seems fine",
        "emergency",
    ),
    (
        "my toddler had the magnets from the fridge letters in her mouth. update: I got it out "
        "but one is missing and she's drooling",
        "emergency",
    ),
    (
        "I thought it was just a panic attack and it passed. update: now I have crushing chest "
        "pain going into my left arm and jaw",
        "emergency",
    ),
    # -- near misses: a heavy bleed that pressure stopped (NHS cuts and grazes: A&E for a wound
    # that bled heavily or may need stitches)
    (
        "heavy bleeding from a cut on my hand, won't stop. update: stopped now after pressing on "
        "it for 10 mins, back to normal",
        "emergency",
    ),
    (
        "blood pouring from my son's knee after he fell on glass. edit: pressure stopped it, he's "
        "fine now",
        "emergency",
    ),
    (
        "my leg is bleeding heavily from a deep cut. update: it's stopped with a towel pressed on, "
        "I feel ok now",
        "emergency",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round111_updates(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
