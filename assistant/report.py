"""Report reading: does a message that names an emergency report one happening now?

An emergency red flag (:mod:`assistant.triage`) fires on an emergency's words read in context
(:mod:`assistant.context`: negation, history, hypothetical questions). People use those words
in many more ways than the context cues know: a friend's story that is over, a leaflet, a
myth they read about, a carer's training question. On sets written after the cues were
tuned, a tenth of the not-urgent messages that named an emergency still got the emergency
reply (README, "Report reader").

A :class:`ReportReader` reads the whole message that an emergency flag fired on and gives the
probability that it reports an emergency now. When that probability is low
(``triage.report.unsure_below``) the flag is not dropped: the patient gets the *unsure*
reply (level ``urgent``), which says to call the emergency number now if it is happening now
or if they are not sure, and to get care today otherwise. A wrong reading can therefore turn
"call now" into "call now if this is now", never into silence. Self-harm flags are never
read: their reply carries the crisis line whatever the level.

:class:`ReportReader` is the extension point. :meth:`~ReportReader.review` is the template: it
owns the policy (which flags are read, the threshold, what an unsure flag becomes) and a
subclass implements :meth:`~ReportReader._probability` only. Readers are found by name
(``triage.report.model``):

* ``linear``: one logistic regression over the message's negation-marked words and word
  pairs (tf-idf, the features of :mod:`assistant.acuity_features`), trained by
  ``assistant/data/build/train_report.py`` on our own labelled messages in which an emergency
  flag's words appear, and shipped as plain weights: dictionary lookups, a fraction of a
  millisecond.
"""

from __future__ import annotations

import dataclasses
from abc import ABC, abstractmethod
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from assistant.acuity import read_weights_json, sigmoid
from assistant.acuity_features import features, tfidf
from assistant.errors import ConfigError
from assistant.plugins import load_entry
from assistant.triage import TriageResult

if TYPE_CHECKING:
    from assistant.settings import ReportSettings

_REPORT_READERS: dict[str, str] = {"linear": "assistant.report:LinearReportReader"}


class ReportReader(ABC):
    """Reads whether a message an emergency red flag fired on reports an emergency now."""

    #: registry name, the value of ``triage.report.model``
    name: ClassVar[str] = ""

    def __init__(self, settings: ReportSettings, prepare: Callable[[str], str]) -> None:
        self.settings = settings
        #: the triage's own text preparation (the form red flags are matched against)
        self.prepare = prepare

    def review(self, flag: TriageResult, text: str, self_harm: str) -> TriageResult:
        """``flag`` as it fired on ``text`` (anonymized), or its unsure form: an emergency
        flag, not of the ``self_harm`` category, whose message reads as a report now with a
        probability below ``unsure_below`` becomes an ``urgent`` result marked ``unsure``."""
        bar = self.settings.unsure_below
        if bar is None or flag.level != "emergency" or flag.category == self_harm:
            return flag
        if self.probability(text) >= bar:
            return flag
        return dataclasses.replace(flag, level="urgent", unsure=True)

    def probability(self, text: str) -> float:
        """The probability that ``text`` reports an emergency now, for tests and the eval."""
        return self._probability(self.prepare(text))

    @abstractmethod
    def _probability(self, prepared: str) -> float:
        """The probability in [0, 1] that the prepared text reports an emergency now."""


class LinearReportReader(ReportReader):
    """A logistic regression over tf-idf words and word pairs (unit length)."""

    name = "linear"

    def __init__(self, settings: ReportSettings, prepare: Callable[[str], str]) -> None:
        super().__init__(settings, prepare)
        data = load_weights(settings.model_file)
        self.idf: dict[str, float] = data["idf"]
        self.weights: dict[str, float] = data["word_weights"]
        self.bias = float(data["bias"])
        #: sha256 of each labelled file the weights were trained on (tests check them)
        self.sources_sha256: dict[str, str] = dict(data.get("sources_sha256", {}))

    def _probability(self, prepared: str) -> float:
        words = tfidf(features(prepared), self.idf)
        weights = self.weights
        score = self.bias + sum(value * weights.get(term, 0.0) for term, value in words.items())
        return sigmoid(score)


def load_weights(path: Path) -> dict[str, Any]:
    """The trained weights; a missing or malformed file is a ConfigError naming the key."""
    where = f"triage.report.model_file {str(path)!r}"
    data = read_weights_json(path, where, "train_report.py")
    for key, kind in {"idf": dict, "word_weights": dict, "bias": float}.items():
        if not isinstance(data.get(key), kind):
            raise ConfigError(f"{where}: '{key}' missing or not a {kind.__name__}")
    return dict(data)


def available_report_readers() -> list[str]:
    return sorted(_REPORT_READERS)


def create_report_reader(settings: ReportSettings, prepare: Callable[[str], str]) -> ReportReader:
    """The configured reader (``triage.report.model``)."""
    reader: ReportReader = load_entry(_REPORT_READERS, settings.model, "report reader")(
        settings, prepare
    )
    return reader
