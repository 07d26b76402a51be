"""A stand-in for practices' request.practice_context, so training tests need no practice in the database.

Install it with monkeypatch.setattr("practices.middleware.practice_context_of", practice_provider.provide).
"""

from practices.middleware import PracticeContext

current: PracticeContext | None = None


def provide(request):
    return current if request.user.is_authenticated else None
