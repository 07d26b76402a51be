from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = _("Training, manuals and funding")

    def ready(self):
        # The open API shows funding schemes; a change to one must change the API's ETags.
        from catalog.overview_cache import connect_revision_signals
        from training.models import FundingScheme, Insurer, InsurerRule

        connect_revision_signals(
            [FundingScheme, InsurerRule, Insurer], [FundingScheme.sources.through, InsurerRule.sources.through]
        )
