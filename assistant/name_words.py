"""The words the name recognizers read: common words that are not names, relations and
titles before a name, and the given names, surnames and clinical terms in ``assistant/data``.
"""

from __future__ import annotations

from functools import lru_cache

from assistant.word_lists import load_words, word_set

# Words that follow "I'm", "this is", "my son" and are not names.
NOT_NAMES = word_set(
    """
a an the and or but so not no yes very really just also still always never here there
feeling sick ill tired worried scared afraid anxious stressed pregnant diabetic asthmatic
allergic sure sorry fine okay ok good great well better worse bad unwell dizzy nauseous
having getting going taking trying looking wondering asking writing calling thinking dying
in on at of to for with about from by after before since because if when while is has was
have had been be can could will would should may might must do does did my your his her
their our it its this that these those who what which how why where he she they we i you
male female man woman boy girl years year old months weeks days age aged type off hi hello
hey dear thanks thank regards cheers urgent help please re new currently experiencing
suffering struggling concerned curious interested back home out up down over under all any
some every each one two three four five six seven eight nine ten now today tonight
yesterday tomorrow morning evening night week month monday tuesday wednesday thursday
friday saturday sunday
"""
)
#: relatives and carers, as in "my son Lucas"; never part of the name itself.
RELATION_WORDS = word_set(
    """
son daughter husband wife partner boyfriend girlfriend fiance fiancee fiancé fiancée mother
mum mom father dad brother sister child kid baby toddler grandson granddaughter grandmother
grandfather grandma grandpa nan aunt auntie uncle niece nephew cousin friend neighbour
neighbor colleague carer caregiver flatmate roommate stepson stepdaughter stepmother
stepfather gp doctor consultant nurse midwife therapist physio surgeon dentist mother-in-law
father-in-law sister-in-law brother-in-law son-in-law daughter-in-law
"""
)
#: titles before a name ("Dr. Brooks", "Mrs Okafor").
TITLE_WORDS = word_set("dr doctor nurse mr mrs ms miss mx prof sister patient")
# Parts of speech that never start or continue a name ("Dr Gupta said", "I'm Kwame and").
NON_NAME_POS = frozenset(
    {"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "ADV", "NUM", "PUNCT"}
)


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Common given names (lower case), for names typed in lower case after "I'm"."""
    return load_words("first_names.txt")


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return load_words("surnames.txt")


@lru_cache(maxsize=1)
def medical_terms() -> frozenset[str]:
    """Eponyms, medicines, symptoms and conditions that must survive anonymization."""
    return load_words("medical_terms.txt")


@lru_cache(maxsize=1)
def lowercase_first_names() -> frozenset[str]:
    """Given names that no English word shares, so they are names even typed in lower case."""
    return load_words("lowercase_first_names.txt")
