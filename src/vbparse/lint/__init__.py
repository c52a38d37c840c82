"""The lint of one document: form rules of Nghị định 30/2020/NĐ-CP and the document's own
consistency (`runner` runs the `rules/` over the types of `types`). Submodules are imported where
used, so `vbparse parse` stays fast."""

from .._callable import callable_package

callable_package(__name__, "lint")  # vbparse.lint(path) is the API function
