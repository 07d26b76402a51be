"""The lookups say what they mean: age band, low literacy and migration background on target groups, the prevalence
key on themes, the home language on languages. The rules (keuzehulp, suggestions, expected numbers) read these fields
instead of the slug sets they each kept in code, which disagreed.

The data step sets them for the slugs those sets named, reconciled into one classification: "jongvolwassenen"
(young adults) is an adult group, as the keuzehulp had it; low literacy is the three slugs that say so
("laagopgeleiden", lower educated, is not the same thing and stays unflagged: a curator can flag it in the admin).
"""

from django.db import migrations, models

AGE_BANDS = {
    "youth": ("jongeren", "jeugd", "jeugdigen", "adolescenten"),
    "adult": ("volwassenen", "jongvolwassenen", "studenten"),
    "older": ("ouderen", "senioren", "65-plussers"),
}
LOW_LITERACY = ("laaggeletterden", "laaggeletterdheid", "lage-geletterdheid")
MIGRATION_BACKGROUND = ("migranten", "mensen-met-een-migratieachtergrond", "nieuwkomers")
PREVALENCE_KEYS = {
    "depression": ("depressieve-klachten", "depressie", "somberheid", "stemming"),
    "anxiety": ("angstklachten", "angst", "paniek", "piekeren"),
    "alcohol": ("problematisch-alcoholgebruik", "alcohol", "alcoholgebruik", "minder-drinken"),
}
HOME_LANGUAGES = ("nl",)


def classify(apps, schema_editor):
    db = schema_editor.connection.alias
    target_groups = apps.get_model("catalog", "TargetGroup").objects.using(db)
    for band, slugs in AGE_BANDS.items():
        target_groups.filter(slug__in=slugs).update(age_band=band)
    target_groups.filter(slug__in=LOW_LITERACY).update(low_literacy=True)
    target_groups.filter(slug__in=MIGRATION_BACKGROUND).update(migration_background=True)
    themes = apps.get_model("catalog", "Theme").objects.using(db)
    for key, slugs in PREVALENCE_KEYS.items():
        themes.filter(slug__in=slugs).update(prevalence_key=key)
    apps.get_model("catalog", "Language").objects.using(db).filter(code__in=HOME_LANGUAGES).update(
        is_home_language=True
    )


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0009_redactie_sources_and_link_checks"),
    ]

    operations = [
        migrations.AddField(
            model_name="language",
            name="is_home_language",
            field=models.BooleanField(
                default=False,
                help_text="The language every programme in the catalogue is expected to speak (Dutch): offering it is no reason to mention, and the keuzehulp asks for it first.",
                verbose_name="home language",
            ),
        ),
        migrations.AddField(
            model_name="targetgroup",
            name="age_band",
            field=models.CharField(
                choices=[
                    ("youth", "Young people (under 18)"),
                    ("adult", "Adults (18 to 65)"),
                    ("older", "Older adults (65 and over)"),
                    ("none", "Says nothing about age"),
                ],
                default="none",
                help_text="The age this group is made for, as the keuzehulp and the suggestions read it.",
                max_length=10,
                verbose_name="age band",
            ),
        ),
        migrations.AddField(
            model_name="targetgroup",
            name="low_literacy",
            field=models.BooleanField(
                default=False,
                help_text="Programmes for this group count as suitable for people who read with difficulty.",
                verbose_name="for people with low literacy",
            ),
        ),
        migrations.AddField(
            model_name="targetgroup",
            name="migration_background",
            field=models.BooleanField(
                default=False,
                help_text="Programmes for this group are suggested to practices with many such patients.",
                verbose_name="for people with a migration background",
            ),
        ),
        migrations.AddField(
            model_name="theme",
            name="prevalence_key",
            field=models.CharField(
                blank=True,
                choices=[
                    ("depression", "Depressive complaints"),
                    ("anxiety", "Anxiety complaints"),
                    ("alcohol", "Problematic alcohol use"),
                ],
                help_text="The problem in the expected numbers of patients this theme addresses; empty if none.",
                max_length=20,
                verbose_name="counted in the population figures as",
            ),
        ),
        # Reversing drops the columns, so there is nothing to undo.
        migrations.RunPython(classify, migrations.RunPython.noop),
    ]
