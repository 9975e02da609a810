"""Operator logging and user-facing error sentences.

Two audiences, two outputs. The operator gets a log record with context (stage, article
hash, exception type and traceback, a short reference); the user gets one plain sentence,
never a traceback. Call sites do both at once:

    try:
        ...
    except Exception as err:
        st.error(report(err, stage="export", article_hash=analysis.article.content_hash))

The article text itself is never logged: a host must not collect what strangers paste.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import secrets
import sqlite3
import sys
from typing import IO

from sourcetrace.errors import SourcetraceError

LOGGER_NAME = "sourcetrace"
FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
MAX_SENTENCE = 300  # a sentence, not a dump: long exception texts are cut

_HANDLER_FLAG = "_sourcetrace_handler"


def get_logger(name: str | None = None) -> logging.Logger:
    """`sourcetrace` or a child of it (`sourcetrace.export`)."""
    return logging.getLogger(LOGGER_NAME if not name else f"{LOGGER_NAME}.{name}")


def configure(level: str | int | None = None, stream: IO[str] | None = None) -> logging.Logger:
    """Attach one stderr handler to the `sourcetrace` logger (idempotent).

    Level: argument, else SOURCETRACE_LOG_LEVEL, else INFO. Calling again changes the level
    and stream instead of stacking handlers (Streamlit reruns the app script often).
    """
    logger = get_logger()
    chosen = level if level is not None else os.environ.get("SOURCETRACE_LOG_LEVEL", "INFO")
    if isinstance(chosen, str):
        chosen = logging.getLevelName(chosen.upper())
        if not isinstance(chosen, int):  # an unknown name comes back as a string
            chosen = logging.INFO
    logger.setLevel(chosen)
    for h in list(logger.handlers):
        if getattr(h, _HANDLER_FLAG, False):
            logger.removeHandler(h)
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT))
    setattr(handler, _HANDLER_FLAG, True)
    logger.addHandler(handler)
    return logger


def _one_line(text: str) -> str:
    """Collapse whitespace and cut to a sentence's length, ending with a full stop."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) > MAX_SENTENCE:
        text = text[: MAX_SENTENCE - 1].rstrip() + "…"
    if text and text[-1] not in ".!?…":
        text += "."
    return text


def _os_sentence(err: OSError) -> str | None:
    # errno is what the OS says; the message text varies by platform and locale
    if err.errno == errno.ENOSPC:
        return "The disk is full, so the file could not be written."
    if err.errno == errno.EROFS:
        return "The destination is read-only, so the file could not be written."
    if err.errno in (errno.EACCES, errno.EPERM):
        return "Permission was denied, so the file could not be read or written."
    if err.errno == errno.ENOENT:
        return "The file or folder does not exist."
    if err.errno == errno.ETIMEDOUT:
        return "The operation took too long and was stopped."
    return None


def user_message(err: BaseException, *, stage: str | None = None, ref: str | None = None) -> str:
    """One plain sentence for the user; no traceback, no internals beyond a reference.

    A `SourcetraceError` already carries its sentence. Known failures of the environment
    (disk full, read-only, locked or corrupt database, memory, time) get a fixed sentence.
    Anything else is a bug: the sentence says so and gives the reference of the log record.
    """
    if isinstance(err, SourcetraceError):
        return _one_line(str(err)) or "The input could not be analysed."
    if isinstance(err, sqlite3.OperationalError) and "locked" in str(err).lower():
        return "The workspace is busy in another session, so it is open read-only for now."
    if isinstance(err, sqlite3.DatabaseError):
        return "The workspace database is damaged, so it is open read-only."
    if isinstance(err, MemoryError):
        return "The article is too large to analyse on this server."
    if isinstance(err, TimeoutError):
        return "The operation took too long and was stopped."
    if isinstance(err, OSError):
        known = _os_sentence(err)
        if known:
            return known
    where = f" in the {stage} step" if stage else ""
    tail = f" (reference {ref})" if ref else ""
    return f"Something went wrong{where}; the error was logged for the operator{tail}."


def log_error(
    err: BaseException,
    *,
    stage: str,
    article_hash: str | None = None,
    logger: logging.Logger | None = None,
    **context: object,
) -> str:
    """Log `err` with its context; returns the short reference written in the record."""
    ref = secrets.token_hex(4)
    fields = {"ref": ref, "stage": stage, "article": (article_hash or "-")[:12], **context}
    ctx = " ".join(f"{k}={_one_line(str(v)).rstrip('.')!s}" for k, v in fields.items())
    expected = isinstance(err, SourcetraceError)
    (logger or get_logger()).log(
        logging.WARNING if expected else logging.ERROR,
        "%s error=%s: %s",
        ctx,
        type(err).__name__,
        _one_line(str(err)).rstrip("."),
        # a refused input is expected: no traceback; anything else is a bug: full traceback
        exc_info=None if expected else (type(err), err, err.__traceback__),
    )
    return ref


def report(
    err: BaseException,
    *,
    stage: str,
    article_hash: str | None = None,
    logger: logging.Logger | None = None,
    **context: object,
) -> str:
    """Log with context for the operator, return the one sentence for the user."""
    ref = log_error(err, stage=stage, article_hash=article_hash, logger=logger, **context)
    return user_message(err, stage=stage, ref=ref)
