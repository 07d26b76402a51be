"""Catalogue model rules that hold regardless of any page."""

from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.utils import timezone

from catalog.models import Criterion, Programme, QualityAssessment, Resource
from tests import factories

pytestmark = pytest.mark.django_db


def test_published_excludes_drafts_in_review_and_archived():
    shown = factories.programme("Zichtbaar")
    for status in [Programme.Status.DRAFT, Programme.Status.IN_REVIEW, Programme.Status.ARCHIVED]:
        factories.programme(f"Verborgen {status}", status=status)
    assert list(Programme.objects.published()) == [shown]


def test_review_due_means_never_reviewed_or_over_twelve_months_ago():
    today = timezone.localdate()
    never = factories.programme("Nooit", last_reviewed=None)
    stale = factories.programme("Oud", last_reviewed=today - timedelta(days=400))
    factories.programme("Vers", last_reviewed=today - timedelta(days=30))
    assert set(Programme.objects.review_due(today=today)) == {never, stale}


def test_a_programme_has_one_assessment_per_criterion():
    programme = factories.programme()
    with pytest.raises(IntegrityError):
        QualityAssessment.objects.create(programme=programme, criterion=Criterion.SAFETY)


def test_a_resource_needs_a_link_a_file_or_text():
    programme = factories.programme()
    with pytest.raises(IntegrityError):
        Resource.objects.create(programme=programme, kind=Resource.Kind.LEAFLET, title="Leeg")
