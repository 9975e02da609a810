"""Errors a user can act on. Their message is one plain sentence, shown as is."""


class SourcetraceError(Exception):
    """Base class: `str(err)` is the sentence shown to the user."""


class InputError(SourcetraceError):
    """The input cannot be analysed (missing, empty, binary, not English, too large...)."""


class ModelNotInstalled(SourcetraceError):
    """No spaCy English pipeline is installed."""
