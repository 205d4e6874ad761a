"""Evaluate an engineering program against the Excellent Engineer plan (卓越工程师教育培养计划).

    import zhuoyue

    pack = zhuoyue.Pack.builtin()                     # the plan's rules
    report = pack.evaluate("examples/failing.json")   # a path, JSON text or a dict
    print(report.overall)                             # passed_not_met
    print(report.criterion("5.2").witnesses)          # ['T02']
    print(report.to_text(lang="en"))

A compiled Pack and a loaded Dossier are immutable and may be shared across threads;
compiling, loading and evaluating release the GIL. Problems in rule text or a dossier raise
RuleError or DossierError, whose ``diagnostics`` locate each one.
"""

import decimal
import enum
import errno
import json
import os

__all__ = [
    "Verdict",
    "Error",
    "RuleError",
    "DossierError",
    "NotFoundError",
    "Diagnostic",
    "Pack",
    "Dossier",
    "Report",
    "evaluate",
]


# Verdict and the exceptions come first: _zhuoyue, imported below, takes them from this
# package when it loads.


class Verdict(str, enum.Enum):
    """A three-valued verdict; its value is the report's wire name ("met", …).

    Pending means unknown data or a judgement not yet given, never false.
    """

    MET = "met"
    NOT_MET = "not_met"
    PENDING = "pending"

    def __str__(self):
        return self.value


class Error(Exception):
    """Something zhuoyue could not do. ``diagnostics`` lists the located problems, if any."""

    def __init__(self, message, diagnostics=()):
        super().__init__(message)
        self.diagnostics = list(diagnostics)

    def render(self, color=False):
        """Every diagnostic for people (source line, span, help), or the message when none."""
        if not self.diagnostics:
            return str(self) + "\n"
        return "".join(d.render(color) for d in self.diagnostics)


class RuleError(Error):
    """The rule text has errors; ``diagnostics`` holds them with file, line and column."""


class DossierError(Error):
    """The dossier has errors; ``diagnostics`` holds them with the file and JSON pointer."""


class NotFoundError(Error, FileNotFoundError):
    """A file or folder that does not exist (``str()`` says "cannot open …")."""

    def __init__(self, message, filename=None):
        super().__init__(message)
        self.errno = errno.ENOENT
        self.strerror = message
        self.filename = filename

    def __str__(self):
        return self.strerror


from . import _zhuoyue  # noqa: E402  (needs the types above)
from ._zhuoyue import Diagnostic, Report  # noqa: E402

__version__ = _zhuoyue.__version__


def _param_text(name, value):
    """A parameter value in the text form the library parses ("0.3", "true", "per_student")."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, decimal.Decimal)):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return value
    raise TypeError(f"parameter {name}: expected a number, bool or str, "
                    f"not {type(value).__name__}")


# EvaluateOptions::max_steps in the C++ API.
_DEFAULT_MAX_STEPS = 10**9

class Pack:
    """A compiled rule pack: the built-in one, a folder or file of ``.zy`` rules, or rule text.

    Immutable and thread-safe: compile once, evaluate any number of dossiers with it.
    """

    __slots__ = ("_pack",)

    def __init__(self, handle):
        """Use builtin(), open() or compile()."""
        self._pack = handle

    @classmethod
    def builtin(cls, max_nesting=3):
        """The plan's own rules (dsl/zhuoyue), embedded in the library.

        ``max_nesting``: iterations nested deeper than this get a ZY1203 warning.
        """
        return cls(_zhuoyue.Pack.builtin(max_nesting))

    @classmethod
    def open(cls, path, max_nesting=3):
        """A pack from a folder (all its ``*.zy`` files) or a single ``.zy`` file.

        Raises RuleError when the rules have errors, NotFoundError when path does not exist.
        """
        return cls(_zhuoyue.Pack.from_path(os.fspath(path), max_nesting))

    @classmethod
    def compile(cls, text, name="rules.zy", max_nesting=3):
        """A pack from rule text; ``name`` names it in diagnostics.

        ``text`` may also be a mapping of file name → text for a pack of several files.
        Such a pack can import only the built-in pack (``import zhuoyue``). Raises RuleError.
        """
        files = text.items() if hasattr(text, "items") else [(name, text)]
        return cls(_zhuoyue.Pack.from_sources(list(files), max_nesting))

    @property
    def name(self):
        """The pack's name (``pack NAME version …``)."""
        return self._pack.name

    @property
    def version(self):
        """The pack's version."""
        return self._pack.version

    @property
    def params(self):
        """The parameters and their default values, name → value, in declaration order."""
        return {name: json.loads(value) for name, value in self._pack.params}

    @property
    def warnings(self):
        """The lints found while compiling: a list of Diagnostic."""
        return self._pack.warnings

    def load(self, source, name=None):
        """Loads a dossier with this pack and returns the Dossier.

        ``source`` is a path (str or os.PathLike), JSON text (str or bytes), a dict, or a
        Dossier (returned as it is). A str whose first non-blank character is ``{`` is JSON
        text, any other str a path; Dossier.from_path and from_json say which explicitly.
        ``name`` names JSON text or a dict in diagnostics. Raises DossierError when the
        dossier has errors, NotFoundError when the file does not exist.
        """
        if isinstance(source, Dossier):
            return source
        if isinstance(source, dict):
            return Dossier.from_dict(self, source, name or "<dict>")
        if isinstance(source, (bytes, bytearray)):
            return Dossier.from_json(self, source.decode("utf-8"), name or "<string>")
        if isinstance(source, str) and source.lstrip().startswith("{"):
            return Dossier.from_json(self, source, name or "<string>")
        if isinstance(source, (str, os.PathLike)):
            return Dossier.from_path(self, source)
        raise TypeError(f"a dossier is a path, JSON text or a dict, not {type(source).__name__}")

    def evaluate(self, dossier, params=None, max_steps=None):
        """Evaluates a dossier (anything load() takes) and returns its Report.

        ``params`` overrides pack parameters, name → value (a number, bool or str), e.g.
        ``{"industry_years_min": 3}``. ValueError for an unknown parameter or a value it
        does not take, or a Dossier loaded with another pack. ``max_steps`` bounds the
        evaluation (default 10**9 steps, about a minute): a costlier rule raises Error,
        naming the criterion.
        """
        if max_steps is None:
            max_steps = _DEFAULT_MAX_STEPS
        if isinstance(max_steps, bool) or not isinstance(max_steps, int) or max_steps < 1:
            raise ValueError(f"max_steps must be a positive int, not {max_steps!r}")
        dossier = self.load(dossier)
        texts = [(name, _param_text(name, value)) for name, value in (params or {}).items()]
        return self._pack.evaluate(dossier._dossier, texts, max_steps)

    def __repr__(self):
        return f"<zhuoyue.Pack {self.name} {self.version}>"


class Dossier:
    """A program's dossier, loaded and checked against a pack's schema. Immutable.

    ``pack`` is the Pack it was loaded with; evaluate it with that pack.
    """

    __slots__ = ("pack", "name", "_dossier")

    def __init__(self, pack, name, handle):
        """Use Pack.load() or the from_* constructors."""
        self.pack = pack
        self.name = name
        self._dossier = handle

    @classmethod
    def from_path(cls, pack, path):
        """Reads a dossier file (zhuoyue.dossier/1 JSON)."""
        path = os.fspath(path)
        return cls(pack, path, pack._pack.load_file(path))

    @classmethod
    def from_json(cls, pack, text, name="<string>"):
        """Reads a dossier from JSON text; ``name`` names it in diagnostics."""
        return cls(pack, name, pack._pack.load_json(text, name))

    @classmethod
    def from_dict(cls, pack, data, name="<dict>"):
        """Reads a dossier from its JSON as Python data (a dict)."""
        return cls.from_json(pack, json.dumps(data, ensure_ascii=False), name)

    def evaluate(self, params=None, max_steps=None):
        """Evaluates this dossier with its pack (see Pack.evaluate)."""
        return self.pack.evaluate(self, params, max_steps)

    def __repr__(self):
        return f"<zhuoyue.Dossier {self.name}>"


def evaluate(pack, dossier, params=None, max_steps=None):
    """Evaluates ``dossier`` (a Dossier, a path, JSON text or a dict) with ``pack``.

    Same as ``pack.evaluate(dossier, params, max_steps)``.
    """
    return pack.evaluate(dossier, params, max_steps)
