"""A stand-in for the practices app's practice-context provider, so training tests need no practices."""

from toolkit.practice_context import PracticeContext

current: PracticeContext | None = None


def provide(request):
    return current if request.user.is_authenticated else None
