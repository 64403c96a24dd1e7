"""The vetted knowledge base: plain-language topics a clinician can review and edit.

Each YAML file under ``assistant/data/knowledge/`` holds one ``category`` and a list of
``topics``. A topic has:

* ``id``: lower_snake_case, unique across all files (a rule's topic keeps the rule's id);
* ``title``: what the reply names ("Based on: <title>");
* ``source``: the public guidance it follows, e.g. ``"NHS: Pneumonia"`` (written by us, never
  copied from it);
* ``answer``: the general information, in plain language;
* ``get_help``: when and where to get help;
* ``questions``: how patients ask about it (used to find the topic, never shown);
* ``terms`` (optional): words that name the topic ("pneumonia", "chest infection").

Any problem is a :class:`ConfigError` naming the file and the entry, so a bad edit stops
start-up (and ``python -m bot check-config``) with one clear line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import ConfigError
from assistant.yaml_data import compile_regex, load_entries, load_mapping, require_text

#: the public guidance a topic may follow: its ``source`` starts with one of these
#: ("Clinic" is for the clinic's own service information: bookings, this assistant)
SOURCE_PUBLISHERS = ("NHS", "NICE", "MedlinePlus", "Clinic")

_ID_RE = re.compile(r"[a-z0-9_]+")
_TOPIC_KEYS = frozenset({"id", "title", "source", "answer", "get_help", "questions", "terms"})
_SENTENCE_END_RE = re.compile(r"[.!?][\"')\]]*$")
_MIN_QUESTIONS = 3
_MAX_ANSWER_WORDS = 220


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    title: str
    category: str
    source: str
    answer: str
    get_help: str
    questions: tuple[str, ...]
    terms: tuple[str, ...] = ()

    @property
    def passage(self) -> str:
        """What the model is given, and what the patient reads when the passage is the answer."""
        return f"{self.answer} {self.get_help}"


class KnowledgeBase:
    """All topics, in file order. Immutable after loading."""

    def __init__(self, topics: Sequence[Topic]) -> None:
        if not topics:
            raise ConfigError("the knowledge base needs at least one topic")
        self.topics: tuple[Topic, ...] = tuple(topics)
        self._by_id = {topic.id: topic for topic in self.topics}
        if len(self._by_id) != len(self.topics):
            raise ConfigError("the knowledge base has duplicate topic ids")

    def __len__(self) -> int:
        return len(self.topics)

    def __getitem__(self, topic_id: str) -> Topic:
        return self._by_id[topic_id]

    def __contains__(self, topic_id: object) -> bool:
        return topic_id in self._by_id

    @classmethod
    def from_dir(cls, folder: Path) -> KnowledgeBase:
        """Every ``*.yaml`` file in ``folder``; ids must be unique across files."""
        if not folder.is_dir():
            raise ConfigError(f"knowledge.dir {str(folder)!r} is not a folder")
        files = sorted(folder.glob("*.yaml"))
        if not files:
            raise ConfigError(f"knowledge.dir {str(folder)!r} holds no .yaml files")
        topics: list[Topic] = []
        owner: dict[str, str] = {}
        for path in files:
            for topic in _load_file(path):
                if topic.id in owner:
                    raise ConfigError(
                        f"knowledge/{path.name}: topic id {topic.id!r} is already used in "
                        f"knowledge/{owner[topic.id]}"
                    )
                owner[topic.id] = path.name
                topics.append(topic)
        return cls(topics)

    def training_pairs(self) -> Iterator[tuple[str, str, str]]:
        """(question, vetted answer, source) for every example question of every topic.

        For fine-tuning: the answer is the passage a patient would read, get-help part
        included, and the source names the guidance it follows.
        """
        for topic in self.topics:
            for question in topic.questions:
                yield question, topic.passage, topic.source


@dataclass(frozen=True, slots=True)
class CarePointer:
    """Where to turn when no topic answers: the service that fits a question's words."""

    id: str
    source: str
    terms: tuple[str, ...]
    text: str
    #: regular expressions on the lower-cased words, for what a word list cannot say
    patterns: tuple[re.Pattern[str], ...] = ()
    #: shown with every reply it fits, a vetted passage included (emergencies)
    always: bool = False


def load_care_pointers(path: Path) -> tuple[CarePointer, ...]:
    """The pointers of ``path`` in file order (earlier ones win when several fit)."""
    where = path.name
    data = load_mapping(path, "care pointers")
    return tuple(load_entries(data, "pointers", where, _load_pointer))


def _load_pointer(item: object, where: str) -> CarePointer:
    if not isinstance(item, dict):
        raise ConfigError(f"{where} must be a mapping")
    pointer_id = item.get("id")
    if not isinstance(pointer_id, str) or not _ID_RE.fullmatch(pointer_id):
        raise ConfigError(f"{where}: 'id' must be lower_snake_case, got {pointer_id!r}")
    where = f"{where} (id {pointer_id!r})"
    unknown = sorted(set(item) - {"id", "source", "terms", "patterns", "text", "always"})
    if unknown:
        raise ConfigError(f"{where}: unknown keys {unknown}")
    source = _one_line(require_text(item.get("source"), f"{where}: 'source'"))
    if not source.startswith(SOURCE_PUBLISHERS):
        raise ConfigError(f"{where}: 'source' must name the public guidance it follows")
    terms = _strings(item.get("terms"), f"{where}: 'terms'")
    if not terms:
        raise ConfigError(f"{where}: 'terms' must list at least one word")
    patterns = tuple(
        compile_regex(pattern, f"{where}: patterns[{i}]")
        for i, pattern in enumerate(_strings(item.get("patterns", []), f"{where}: 'patterns'"))
    )
    return CarePointer(
        id=pointer_id,
        source=source,
        terms=tuple(t.casefold() for t in terms),
        text=_sentences(item.get("text"), f"{where}: 'text'"),
        patterns=patterns,
        always=_flag(item.get("always", False), f"{where}: 'always'"),
    )


def _flag(value: object, where: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{where} must be true or false")
    return value


# -- loading -------------------------------------------------------------------------------


def _load_file(path: Path) -> list[Topic]:
    where = f"knowledge/{path.name}"
    data = load_mapping(path, "knowledge")
    unknown = sorted(set(data) - {"category", "topics", "version"})
    if unknown:
        raise ConfigError(f"{where}: unknown top-level keys {unknown}")
    category = require_text(data.get("category"), f"{where}: 'category'")
    if not _ID_RE.fullmatch(category):
        raise ConfigError(f"{where}: 'category' must be lower_snake_case, got {category!r}")
    return load_entries(data, "topics", where, lambda item, at: _load_topic(item, at, category))


def _load_topic(item: object, where: str, category: str) -> Topic:
    if not isinstance(item, dict):
        raise ConfigError(f"{where} must be a mapping")
    topic_id = item.get("id")
    if not isinstance(topic_id, str) or not _ID_RE.fullmatch(topic_id):
        raise ConfigError(f"{where}: 'id' must be lower_snake_case, got {topic_id!r}")
    where = f"{where} (id {topic_id!r})"
    unknown = sorted(set(item) - _TOPIC_KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown keys {unknown}; allowed: {sorted(_TOPIC_KEYS)}")
    title = _one_line(require_text(item.get("title"), f"{where}: 'title'"))
    source = _one_line(require_text(item.get("source"), f"{where}: 'source'"))
    if not source.startswith(SOURCE_PUBLISHERS):
        raise ConfigError(
            f"{where}: 'source' must name the public guidance it follows, starting with one "
            f"of {list(SOURCE_PUBLISHERS)} (e.g. 'NHS: Pneumonia'), got {source!r}"
        )
    answer = _sentences(item.get("answer"), f"{where}: 'answer'")
    get_help = _sentences(item.get("get_help"), f"{where}: 'get_help'")
    words = len(answer.split()) + len(get_help.split())
    if words > _MAX_ANSWER_WORDS:
        raise ConfigError(
            f"{where}: answer and get_help hold {words} words; keep them under "
            f"{_MAX_ANSWER_WORDS} so that a patient reads them on a phone"
        )
    questions = _strings(item.get("questions"), f"{where}: 'questions'")
    if len(questions) < _MIN_QUESTIONS:
        raise ConfigError(
            f"{where}: 'questions' needs at least {_MIN_QUESTIONS} ways a patient asks"
        )
    terms = tuple(t.casefold() for t in _strings(item.get("terms", []), f"{where}: 'terms'"))
    return Topic(
        id=topic_id,
        title=title,
        category=category,
        source=source,
        answer=answer,
        get_help=get_help,
        questions=tuple(questions),
        terms=terms,
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _sentences(value: object, where: str) -> str:
    text = _one_line(require_text(value, where))
    if not _SENTENCE_END_RE.search(text):
        raise ConfigError(f"{where} must end with a full stop (a complete sentence)")
    return text


def _strings(value: object, where: str) -> list[str]:
    if not isinstance(value, list):
        raise ConfigError(f"{where} must be a list of strings")
    result: list[str] = []
    for index, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise ConfigError(f"{where}[{index}] must be a non-empty string")
        result.append(_one_line(item))
    return result
