"""Turn the first version's unchecked defaults into "not known yet", and move working notes out of public text.

How a value is judged "set on purpose": the programme's history (django-simple-history) has a row written by a
curator (a user) in which the fact changed to its current value, and no later row without a user changed it
again. A value that only ever came from the model default, a fixture or a bulk import is no fact anyone checked,
so it becomes unknown. Reading level, approach and cost had defaults too (B1, complaint-focused, free); the same
rule applies to them.
"""

from django.db import migrations

# fact -> the first version's default; a value nobody set on purpose is unknown now.
OLD_DEFAULTS = {
    "offers_self_help": False,
    "offers_guided": False,
    "offers_blended": False,
    "anonymous_use": False,
    "on_web": True,
    "on_ios": False,
    "on_android": False,
    "suits_mild": True,
    "suits_moderate": False,
    "his_feedback": False,
    "available_after_treatment": False,
    "reading_level": "B1",
    "approach": "complaint",
    "cost": "free",
}
UNKNOWN = {
    **{name: None for name in OLD_DEFAULTS},
    "reading_level": "unknown",
    "approach": "unknown",
    "cost": "unknown",
}
# Sentences in public rationales that were notes to colleagues, not statements to the public.
WORKING_NOTE_MARKERS = ("nog uitzoeken", "voorlopige keuze", "nog worden bevestigd", "todo")


def set_on_purpose(rows, field, current) -> bool:
    """True when the last change of `field` in `rows` (oldest first) was a curator's and gave `current`."""
    previous, by_curator = OLD_DEFAULTS[field], False
    for row in rows:
        value = getattr(row, field)
        if value != previous:
            by_curator = row.history_user_id is not None
            previous = value
    return by_curator and previous == current


def split_working_notes(text: str) -> tuple[str, str]:
    """(public text, working notes): sentences with a working-note marker move to the notes."""
    public, notes = [], []
    for sentence in _sentences(text):
        (notes if any(marker in sentence.lower() for marker in WORKING_NOTE_MARKERS) else public).append(sentence)
    return " ".join(public), " ".join(notes)


def _sentences(text: str) -> list[str]:
    sentences, current = [], ""
    for char in text:
        current += char
        if char in ".!?":
            sentences.append(current.strip())
            current = ""
    if current.strip():
        sentences.append(current.strip())
    return sentences


def forwards(apps, schema_editor):
    Programme = apps.get_model("catalog", "Programme")
    HistoricalProgramme = apps.get_model("catalog", "HistoricalProgramme")
    QualityAssessment = apps.get_model("catalog", "QualityAssessment")
    for programme in Programme.objects.all():
        rows = list(HistoricalProgramme.objects.filter(id=programme.pk).order_by("history_date", "history_id"))
        changed = []
        for field in OLD_DEFAULTS:
            if not set_on_purpose(rows, field, getattr(programme, field)):
                setattr(programme, field, UNKNOWN[field])
                changed.append(field)
        if changed:
            programme.save(update_fields=changed)
    for assessment in QualityAssessment.objects.exclude(rationale=""):
        public, notes = split_working_notes(assessment.rationale)
        if notes:
            assessment.rationale = public
            assessment.curator_notes = "\n\n".join(part for part in (assessment.curator_notes, notes) if part)
            assessment.save(update_fields=["rationale", "curator_notes"])


class Migration(migrations.Migration):
    dependencies = [("catalog", "0006_trustworthy_catalogue")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
