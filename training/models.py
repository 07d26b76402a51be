"""E-learning, manuals and funding overviews."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Insurer(models.Model):
    """A Dutch health insurer (zorgverzekeraar); practices record which ones they have contracts with."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("health insurer")
        verbose_name_plural = _("health insurers")

    def __str__(self):
        return self.name
