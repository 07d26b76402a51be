"""Themes carry the ICPC codes a GP registers the complaint under, so the keuzehulp's entry for the HIS can quote them.

The data step links the themes of fixtures/catalog_lookups.json to the codes that fixture already holds, where both
exist (a database that loaded the fixture before this migration). Codes that do not exist are not created here: the
labels come from the fixture, whose source docs/icpc.md names. A curator changes the links in the admin.
"""

from django.db import migrations, models

# Theme slug -> ICPC-1 codes (chapter P, psychological). Rouw, mentale fitheid and general mental health have no
# code of their own in the fixture and stay without one until a curator adds it.
THEME_CODES = {
    "depressie": ("P03", "P76"),
    "angst": ("P01", "P74"),
    "paniek": ("P74",),
    "alcohol": ("P15", "P16"),
    "burn-out": ("P78",),
    "slaap": ("P06",),
}


def link_codes(apps, schema_editor):
    db = schema_editor.connection.alias
    Theme = apps.get_model("catalog", "Theme")
    IcpcCode = apps.get_model("catalog", "IcpcCode")
    for slug, codes in THEME_CODES.items():
        theme = Theme.objects.using(db).filter(slug=slug).first()
        if theme is not None:
            theme.icpc_codes.add(*IcpcCode.objects.using(db).filter(code__in=codes))


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0013_resource_file_allow_list"),
    ]

    operations = [
        migrations.AddField(
            model_name="theme",
            name="icpc_codes",
            field=models.ManyToManyField(
                blank=True,
                help_text="The ICPC codes a GP registers this complaint under; shown in the keuzehulp's entry for the HIS.",
                related_name="themes",
                to="catalog.icpccode",
                verbose_name="ICPC codes",
            ),
        ),
        migrations.RunPython(link_codes, migrations.RunPython.noop),
    ]
