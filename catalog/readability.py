"""How easy a patient text is to read: the Dutch Flesch–Douma score and the average sentence length.

Patients read the programme's patient text on the practice's patient page, the leaflet and the keuzehulp advice
sheet (CONTENT.md: B1 Dutch). Two measures, both from `textstat` with its Dutch settings (Pyphen's Dutch
hyphenation for syllables):

- Flesch–Douma (206.84 − 0.93 × words per sentence − 77 × syllables per word): 60–70 reads as "plain", above 70
  as "easy". We ask for at least 65, the level of short everyday Dutch; a text full of long words such as
  "cognitieve gedragstherapie" falls far below it.
- At most 12 words per sentence on average: B1 guidance asks for short sentences, and Flesch–Douma alone lets a
  few very short words hide one long sentence.

A score is a signal, not a guarantee of B1: a curator still reads the text. The publish gate and the content tests
use `problems()`; the admin shows the same sentences.
"""

from dataclasses import dataclass

from django.utils.translation import gettext
from textstat.textstat import textstatistics

MIN_FLESCH_DOUMA = 65
MAX_WORDS_PER_SENTENCE = 12
MIN_WORDS = 25  # below this a text cannot say what the programme is, for whom and what it costs

# An instance of our own: textstat's module-level functions share one global language setting.
_dutch = textstatistics()
_dutch.set_lang("nl")


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    flesch_douma: float

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else float(self.words)


def measure(text: str) -> Readability:
    text = (text or "").strip()
    if not text:
        return Readability(words=0, sentences=0, flesch_douma=0.0)
    return Readability(
        words=_dutch.lexicon_count(text),
        sentences=_dutch.sentence_count(text),
        flesch_douma=round(_dutch.flesch_reading_ease(text), 1),
    )


def problems(text: str) -> list[str]:
    """What makes `text` too hard or too thin for a patient, one sentence each; empty when it passes."""
    result = measure(text)
    if result.words < MIN_WORDS:
        return [
            gettext("The text for patients is too short (%(words)s words; at least %(minimum)s).")
            % {"words": result.words, "minimum": MIN_WORDS}
        ]
    found = []
    if result.flesch_douma < MIN_FLESCH_DOUMA:
        found.append(
            gettext(
                "The text for patients is hard to read (Flesch–Douma %(score)s; at least %(minimum)s): use "
                "shorter words and sentences."
            )
            % {"score": result.flesch_douma, "minimum": MIN_FLESCH_DOUMA}
        )
    if result.words_per_sentence > MAX_WORDS_PER_SENTENCE:
        found.append(
            gettext(
                "The sentences in the text for patients are too long (%(average)s words on average; "
                "at most %(maximum)s)."
            )
            % {"average": round(result.words_per_sentence, 1), "maximum": MAX_WORDS_PER_SENTENCE}
        )
    return found
