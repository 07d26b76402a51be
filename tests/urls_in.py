"""Addresses in a chosen language: the URL patterns are translated, so '/en' + a Dutch path is not an English page."""

from django.urls import reverse
from django.utils import translation


def english_url(name, *args, **kwargs):
    with translation.override("en"):
        return reverse(name, args=args or None, kwargs=kwargs or None)
