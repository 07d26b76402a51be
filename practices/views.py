"""Practice workspace pages. Every view here goes through practices.scoping.practice_view."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from practices.scoping import practice_view


@practice_view(audit_subject="dashboard")
@require_GET
def dashboard(request):
    return render(request, "practices/dashboard.html", {"practice": request.practice})
