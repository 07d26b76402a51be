"""Print how much of the public catalogue is known and sourced (catalog.content_report)."""

from django.core.management.base import BaseCommand
from django.utils import translation

from catalog.content_report import content_report
from catalog.models import ProgrammeFact, Verdict


class Command(BaseCommand):
    help = (
        "Count, over the public programmes, the facts that are sourced, known without a source and unknown; the "
        "verdicts per level with every unknown one and its public reason; and the sources per publisher."
    )

    def add_arguments(self, parser):
        parser.add_argument("--details", action="store_true", help="Also list each unknown verdict and its reason.")

    def handle(self, *args, details, **options):
        with translation.override("en"):
            self._print(content_report(), details=details)

    def _print(self, report, *, details):
        out = self.stdout.write
        out(f"Public programmes: {report.programmes}")
        out("\nFacts (sourced / known without a source / unknown):")
        for fact, count in report.facts.items():
            out(f"  {ProgrammeFact(fact).label:<32} {count.sourced:>4} {count.unsourced:>4} {count.unknown:>4}")
        totals = report.totals()
        out(f"  {'All facts':<32} {totals.sourced:>4} {totals.unsourced:>4} {totals.unknown:>4}")
        for programme, fact in report.unsourced_facts:
            out(self.style.WARNING(f"  no source: {programme} – {fact}"))
        out(f"\nVerdicts ({report.verdict_total}):")
        for verdict in Verdict:
            out(f"  {verdict.label:<32} {report.verdicts[verdict]:>4}")
        out(f"  unknown share: {report.unknown_verdict_share:.0%}")
        if details:
            for programme, criterion, why in report.unknown_verdicts:
                out(f"  unknown: {programme} – {criterion}: {why}")
        out(f"\nSources per publisher ({sum(report.sources_per_publisher.values())}):")
        for publisher, count in report.sources_per_publisher.most_common():
            out(f"  {count:>4}  {publisher}")
