"""The overview's programme cards, written out in Python: what catalog/includes/programme_card.html renders.

A first visit of a filter combination renders up to twenty cards the card cache does not hold yet; through the
template (with its includes for the quality badges, each verdict and every unknown fact) that cost ~2 ms a card,
most of a first visit. The template stays the reference (the provider page uses it) and
tests/catalog/test_cards.py checks these cards are the same, byte for byte, in both languages.
"""

from django.template.defaultfilters import urlencode
from django.urls import reverse
from django.utils import timezone
from django.utils.html import conditional_escape, escape
from django.utils.translation import gettext

from catalog import facts, quality, selectors
from catalog.models import Criterion, Programme, QualityAssessment


def _unknown() -> str:
    return f'<span class="fact-unknown">{escape(gettext("Not known yet"))}</span>'


def _names(names: list[str]) -> str:
    names = ", ".join(conditional_escape(name) for name in names)
    return names or _unknown()


def _delivery(programme) -> str:
    # catalog/includes/flags.html
    summary = facts.flag_summary(programme, "delivery")
    if summary.all_unknown:
        return _unknown()
    if summary.none_offered:
        return escape(gettext("None of these"))
    html = ", ".join(conditional_escape(label) for label in summary.yes)
    if summary.unknown:
        lead = gettext("not known yet:") if summary.yes else gettext("Not known yet:")
        unknown = ", ".join(conditional_escape(label) for label in summary.unknown)
        html += f'{"; " if summary.yes else ""}<span class="fact-unknown">{escape(lead)} {unknown}</span>'
    return html


def _cost(programme) -> str:
    # catalog/includes/choice_fact.html
    if facts.is_unknown_choice(programme.cost):
        return _unknown()
    return conditional_escape(programme.get_cost_display())


def _verdict(wording, how_we_assess: str) -> str:
    # catalog/includes/verdict.html, with the criterion shown
    verdict = conditional_escape(wording.verdict)
    overdue = " verdict-overdue" if wording.overdue else ""
    stale = f' <span class="verdict-stale">{escape(gettext("being checked again"))}</span>' if wording.overdue else ""
    return (
        f'<span class="verdict verdict-{verdict}{overdue}"><span class="verdict-icon" aria-hidden="true">'
        f'{conditional_escape(wording.symbol)}</span> <span class="verdict-criterion">'
        f'{conditional_escape(wording.criterion_label)}:</span> <a class="verdict-label" '
        f'href="{how_we_assess}#verdict-{verdict}">{conditional_escape(wording.dated)}</a>{stale}</span>'
    )


def _badges(rows: str) -> str:
    # catalog/includes/quality_badges.html
    label = escape(gettext("Quality criteria"))
    return f'\n\n<ul class="quality-badges list-unstyled mb-0" aria-label="{label}">\n{rows}  \n</ul>\n'


class _Verdicts:
    """The four quality rows of a card, as selectors.quality_rows() words them, from plain (verdict, date) pairs.

    Many programmes share a verdict and its date: each distinct row is worded and written once per batch.
    """

    def __init__(self):
        self.how_we_assess = escape(reverse("catalog:how_we_assess"))
        self.written: dict[tuple, str] = {}

    def rows(self, assessments: dict[str, tuple], overdue: bool) -> str:
        html = []
        for criterion in Criterion.values:
            verdict, assessed_on = assessments.get(criterion, (None, None))
            # A verdict without an assessment date is not an assessment (as in quality_rows).
            if assessed_on is None:
                verdict = None
            key = (criterion, verdict, assessed_on, overdue)
            if key not in self.written:
                wording = quality.verdict_wording(criterion, verdict, assessed_on, overdue=overdue)
                self.written[key] = f"  \n    <li>{_verdict(wording, self.how_we_assess)}</li>\n"
            html.append(self.written[key])
        return "".join(html)


def _names_by_programme(field_name: str, programme_ids) -> dict[int, list[str]]:
    """{programme id: names} of one many-to-many lookup, in the lookup's own order (as a prefetch gives it)."""
    field = Programme._meta.get_field(field_name)
    target = field.m2m_reverse_field_name()
    ordering = [f"{target}__{name}" for name in field.related_model._meta.ordering]
    links = field.remote_field.through.objects.filter(**{f"{field.m2m_field_name()}__in": programme_ids})
    names: dict[int, list[str]] = {}
    for programme_id, name in links.order_by(*ordering).values_list(field.m2m_field_name(), f"{target}__name"):
        names.setdefault(programme_id, []).append(name)
    return names


CARD_FIELDS = ["pk", "slug", "name", "summary", "cost", *facts.FLAG_GROUPS["delivery"], "next_review", "provider__name"]


def programme_cards(programme_ids, back_query: str) -> dict[int, str]:
    """{id: card HTML} of these published programmes; `back_query` as the template's, unescaped.

    Four plain queries (programmes, themes, languages, verdicts), no model instances beyond the programmes'.
    """
    programmes = list(
        Programme.objects.published().filter(pk__in=programme_ids).select_related("provider").only(*CARD_FIELDS)
    )
    ids = [programme.pk for programme in programmes]
    themes_of = _names_by_programme("themes", ids)
    languages_of = _names_by_programme("languages", ids)
    assessments: dict[int, dict[str, tuple]] = {}
    verdicts = QualityAssessment.objects.filter(programme__in=ids).order_by(selectors.criterion_order())
    for programme_id, criterion, verdict, assessed_on in verdicts.values_list(
        "programme_id", "criterion", "verdict", "assessed_on"
    ):
        assessments.setdefault(programme_id, {})[criterion] = (verdict, assessed_on)
    verdict_rows = _Verdicts()
    themes, delivery, cost = escape(gettext("Themes")), escape(gettext("Delivery")), escape(gettext("Cost"))
    languages, compare = escape(gettext("Languages")), escape(gettext("Compare"))
    back = f"?back={escape(_urlencode(back_query))}" if back_query else ""
    overdue_notice = f'<p class="small overdue-notice mb-2">{conditional_escape(quality.overdue_notice())}</p>'
    today = timezone.localdate()
    cards = {}
    for programme in programmes:
        slug, name = conditional_escape(programme.slug), conditional_escape(programme.name)
        by = gettext("by %(provider)s") % {"provider": conditional_escape(programme.provider.name)}
        overdue = programme.is_overdue(today=today)
        cards[programme.pk] = (
            f'\n<article class="card programme-card h-100" aria-labelledby="programme-{slug}">\n'
            f'  <div class="card-body d-flex flex-column">\n'
            f'    <h3 class="h5 card-title mb-1" id="programme-{slug}"><a href="'
            f'{conditional_escape(programme.get_absolute_url())}{back}">{name}</a></h3>\n'
            f'    <p class="small text-muted mb-2">{by}</p>\n'
            f'    <p class="mb-2">{conditional_escape(programme.summary)}</p>\n'
            f'    <dl class="programme-facts small mb-2">\n'
            f"      <dt>{themes}</dt>\n"
            f"      <dd>{_names(themes_of.get(programme.pk, []))}</dd>\n"
            f"      <dt>{delivery}</dt>\n"
            f"      <dd>{_delivery(programme)}</dd>\n"
            f"      <dt>{cost}</dt>\n"
            f"      <dd>{_cost(programme)}</dd>\n"
            f"      <dt>{languages}</dt>\n"
            f"      <dd>{_names(languages_of.get(programme.pk, []))}</dd>\n"
            f"    </dl>\n"
            f"    {overdue_notice if overdue else ''}\n"
            f"    {_badges(verdict_rows.rows(assessments.get(programme.pk, {}), overdue))}\n"
            f'    <div class="form-check mt-auto pt-2">\n'
            f'      <input class="form-check-input" type="checkbox" name="p" value="{slug}" id="compare-{slug}" '
            f'form="compare-form">\n'
            f'      <label class="form-check-label" for="compare-{slug}">{compare}<span '
            f'class="visually-hidden"> {name}</span></label>\n'
            f"    </div>\n"
            f"  </div>\n"
            f"</article>\n"
        )
    return cards


def _urlencode(value: str) -> str:
    return urlencode(value, "")
