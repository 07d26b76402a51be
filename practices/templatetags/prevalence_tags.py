"""`{% prevalence_facts as facts %}`: the years and sources of the figures, so no template hard-codes them."""

from django import template

from practices import prevalence

register = template.Library()


@register.simple_tag
def prevalence_facts():
    return {
        "measured": prevalence.MEASURED,
        "published": prevalence.PUBLISHED,
        "age_range": prevalence.AGE_RANGE,  # the ages the shares were measured in
        "patient_age_range": prevalence.PATIENT_AGE_RANGE,  # the practice's patients they are applied to
        "reach_year": str(prevalence.REACH_YEAR),  # a year, so never "2.014" with the thousands separator
        "reach_source": prevalence.REACH_SOURCE,
        "reach_today": prevalence.REACH_TODAY,
        "reach_expected": prevalence.REACH_EXPECTED,
    }
