"""Lint rules, one module per family. Each exposes `check(ctx: LintContext) -> None`."""
