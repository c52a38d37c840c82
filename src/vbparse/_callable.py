"""`vbparse.lint(path)` and `vbparse.batch(paths, db=…)` are functions of the API, and
`vbparse.lint`, `vbparse.batch` are also subpackages: importing a submodule sets the package's
attribute to the module, hiding the function. The two subpackages therefore call the API
function when called, so both spellings keep working whatever was imported first."""

from __future__ import annotations

import sys
import types
from typing import Any


class _CallableModule(types.ModuleType):
    _api_function = ""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from . import api

        return getattr(api, self._api_function)(*args, **kwargs)


def callable_package(module_name: str, function: str) -> None:
    """Make the module `module_name` call `vbparse.api.<function>` when called."""
    module = sys.modules[module_name]
    module.__class__ = type(f"{function}_package", (_CallableModule,), {"_api_function": function})
