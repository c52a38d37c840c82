"""stub"""

from ..lint import LintContext


def check_repeated(ctx: LintContext) -> None:
    return None


def check_spelling(ctx: LintContext) -> None:
    return None
