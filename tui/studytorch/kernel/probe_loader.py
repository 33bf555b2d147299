"""Kernel-side: install the probe's sources as the package `_studytorch_probe`.

Executed as source in the kernel (by boot.py, and by the warm-up cell of an attached kernel),
never imported by studytorch. The sources travel as text, so the kernel needs no studytorch
of its own: any environment with ipykernel and torch will do. Standard library only.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import linecache
import sys
import types

PACKAGE = "_studytorch_probe"


class ProbeSources(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finds and loads `_studytorch_probe` and its modules from source text kept in memory."""

    def __init__(self, sources: dict[str, tuple[str, str]]) -> None:
        self.sources = sources
        """Module name -> (file name for tracebacks, source)."""

    def find_spec(
        self, fullname: str, path: object = None, target: object = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in self.sources:
            return None
        filename = self.sources[fullname][0]
        package = fullname == PACKAGE
        return importlib.util.spec_from_loader(fullname, self, origin=filename, is_package=package)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> None:
        return None  # the default module

    def exec_module(self, module: types.ModuleType) -> None:
        filename, source = self.sources[module.__name__]
        # Tracebacks through probe frames need its lines, wherever the kernel runs.
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        module.__file__ = filename
        exec(compile(source, filename, "exec"), module.__dict__)


def load_probe(sources: dict[str, tuple[str, str]]) -> types.ModuleType:
    """Import `_studytorch_probe` from `sources`, replacing a probe loaded earlier."""
    for name in [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")]:
        del sys.modules[name]
    sys.meta_path[:] = [f for f in sys.meta_path if type(f).__name__ != ProbeSources.__name__]
    sys.meta_path.insert(0, ProbeSources(sources))
    return importlib.import_module(PACKAGE)
