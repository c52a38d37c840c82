"""stub"""

from ..lint import LintContext


def check(ctx: LintContext) -> None:
    return None
