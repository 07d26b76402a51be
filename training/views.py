"""Pages of the training app: e-learning, certificates and their public check, manuals, funding."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from training import quiz_rules, selectors, services
from training.filters import InsurerRuleFilter, ResourceFilter
from training.forms import CertificateLookupForm, QuizForm
from training.models import InsurerRule, QuizAttempt

MANUALS_PER_PAGE = 25


def _course(slug):
    return get_object_or_404(selectors.published_courses(), slug=slug)


def _progress_or_redirect(request, course):
    """The learner's progress, or a redirect to the course page when they have not started it."""
    enrolment = selectors.enrolment_for(user=request.user, course=course)
    if enrolment is None:
        messages.info(request, _("Start the course first; then your progress is saved."))
        return None, redirect(course)
    return selectors.course_progress(course=course, enrolment=enrolment), None


def _quiz(course):
    quiz = getattr(course, "quiz", None)
    if quiz is None:
        raise Http404
    return quiz


@require_GET
def course_list(request):
    courses = list(selectors.published_courses())
    summaries = selectors.course_summaries(user=request.user, course_ids=[course.pk for course in courses])
    rows = [(course, summaries.get(course.pk)) for course in courses]
    return render(request, "training/course_list.html", {"rows": rows})


@require_GET
def course_detail(request, slug):
    course = _course(slug)
    enrolment = selectors.enrolment_for(user=request.user, course=course)
    progress = selectors.course_progress(course=course, enrolment=enrolment)
    quiz = getattr(course, "quiz", None)
    return render(request, "training/course_detail.html", {"course": course, "progress": progress, "quiz": quiz})


@login_required
@require_POST
def course_enrol(request, slug):
    course = _course(slug)
    enrolment = services.enrolment_create(user=request.user, course=course)
    progress = selectors.course_progress(course=course, enrolment=enrolment)
    return redirect(progress.resume.lesson if progress.resume else course)


@login_required
@require_GET
def lesson_detail(request, slug, lesson_id):
    course = _course(slug)
    lesson = get_object_or_404(course.lessons, pk=lesson_id)
    progress, response = _progress_or_redirect(request, course)
    if response:
        return response
    previous, following = progress.neighbours(lesson)
    context = {
        "course": course,
        "lesson": lesson,
        "progress": progress,
        "status": progress.status_of(lesson),
        "previous": previous,
        "following": following,
        "skipped": progress.skipped_before(lesson),
        "has_quiz": hasattr(course, "quiz"),
    }
    return render(request, "training/lesson_detail.html", context)


@login_required
@require_POST
def lesson_complete(request, slug, lesson_id):
    course = _course(slug)
    lesson = get_object_or_404(course.lessons, pk=lesson_id)
    progress, response = _progress_or_redirect(request, course)
    if response:
        return response
    certificate = services.lesson_complete(enrolment=progress.enrolment, lesson=lesson)
    if certificate:
        return redirect("training:certificate_detail", slug=course.slug)
    progress = selectors.course_progress(course=course, enrolment=progress.enrolment)
    following = progress.next_after(lesson)
    if following:
        return redirect(following.lesson)
    return redirect("training:quiz", slug=course.slug) if hasattr(course, "quiz") else redirect(course)


@login_required
@require_http_methods(["GET", "POST"])
def quiz(request, slug):
    course = _course(slug)
    quiz = _quiz(course)
    progress, response = _progress_or_redirect(request, course)
    if response:
        return response
    context = {"course": course, "quiz": quiz, "progress": progress, "wait_minutes": settings.QUIZ_RETRY_WAIT_MINUTES}
    wait_until = quiz_rules.retry_at(progress.enrolment)
    if wait_until is not None:
        return _quiz_wait(request, context, wait_until)
    seed = quiz_rules.attempt_seed(progress.enrolment)
    questions = quiz_rules.shuffle(selectors.quiz_questions(quiz), seed)
    # Not `request.POST or None`: a submission with nothing ticked must still be validated (and refused).
    form = QuizForm(request.POST if request.method == "POST" else None, questions=questions)
    if request.method == "POST" and progress.all_lessons_done and form.is_valid():
        try:
            attempt = services.quiz_attempt_submit(
                enrolment=progress.enrolment, questions=questions, answers=form.answers()
            )
        except services.QuizWait as exc:  # a second submit that came in at the same moment
            return _quiz_wait(request, context, exc.retry_at)
        return redirect("training:attempt_detail", slug=course.slug, attempt_id=attempt.pk)
    context["form"] = form
    status = 409 if request.method == "POST" and not progress.all_lessons_done else 200
    return render(request, "training/quiz.html", context, status=status)


def _quiz_wait(request, context, wait_until):
    context["retry_at"] = timezone.localtime(wait_until)
    status = 429 if request.method == "POST" else 200
    return render(request, "training/quiz.html", context, status=status)


@login_required
@require_GET
def attempt_detail(request, slug, attempt_id):
    course = _course(slug)
    quiz = _quiz(course)
    # Scoped to the visitor's own enrolment: someone else's attempt is a 404.
    attempt = get_object_or_404(QuizAttempt, pk=attempt_id, enrolment__user=request.user, enrolment__course=course)
    progress = selectors.course_progress(course=course, enrolment=attempt.enrolment)
    questions = selectors.quiz_questions(quiz)
    context = {"course": course, "quiz": quiz, "attempt": attempt, "progress": progress}
    if attempt.passed:
        context["review"] = selectors.attempt_review(attempt, questions)
    else:
        # Until it passes, only the lessons to reread: which question or answer was wrong would give it away.
        context["advice"] = quiz_rules.reread_advice(attempt, questions)
        wait_until = quiz_rules.retry_at(attempt.enrolment)
        context["retry_at"] = timezone.localtime(wait_until) if wait_until else None
    return render(request, "training/attempt_detail.html", context)


@login_required
@require_GET
def certificate_detail(request, slug):
    """The learner's own certificate, made for printing. Others see it only through the verify page."""
    course = _course(slug)
    certificate = request.user.certificates.filter(course=course).first()
    if certificate is None:
        messages.info(request, _("Your certificate appears here once all lessons are done and the quiz is passed."))
        return redirect(course)
    verify_url = request.build_absolute_uri(certificate.get_absolute_url())
    context = {"course": course, "certificate": certificate, "verify_url": verify_url}
    return render(request, "training/certificate_detail.html", context)


@require_GET
def certificate_lookup(request):
    form = CertificateLookupForm(request.GET or None)
    if form.is_valid():
        return redirect("training:certificate_verify", code=form.cleaned_data["code"])
    return render(request, "training/certificate_lookup.html", {"form": form})


@require_GET
def certificate_verify(request, code):
    """Public: anyone holding a code can check the certificate, logged in or not."""
    certificate = selectors.certificate_by_code(code)
    if certificate is None:
        form = CertificateLookupForm(initial={"code": code})
        return render(request, "training/certificate_not_found.html", {"code": code, "form": form}, status=404)
    if certificate.code != code:
        return redirect(certificate)
    return render(request, "training/certificate_verify.html", {"certificate": certificate})


@require_GET
def manual_list(request):
    resource_filter = ResourceFilter(request.GET or None, queryset=selectors.manual_resources())
    page = Paginator(resource_filter.qs, MANUALS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "training/manual_list.html", {"filter": resource_filter, "page": page})


@require_GET
def funding_list(request):
    rule_filter = InsurerRuleFilter(request.GET or None, queryset=InsurerRule.objects.all())
    practice = getattr(request, "practice_context", None)  # practices.middleware, when installed
    overview = selectors.funding_overview(
        rules=rule_filter.qs, contracted_insurer_ids=practice.insurer_ids if practice else ()
    )
    selected = rule_filter.form.cleaned_data.get("insurer") if rule_filter.is_bound and rule_filter.is_valid() else None
    context = {
        "filter": rule_filter,
        "overview": overview,
        "practice": practice,
        "selected_insurer": selected,
        "overdue_count": sum(item.check_overdue for item in overview),
    }
    return render(request, "training/funding_list.html", context)
