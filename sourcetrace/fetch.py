"""The URL loader (stub): fetches a page for `load.load_url`."""

from __future__ import annotations


def fetch_url(url: str, *, allow_private: bool = False, max_bytes: int = 5_000_000, timeout: float = 10.0) -> tuple[bytes, str]:
    """(body, final_url). Raises InputError with a plain sentence on any failure."""
    raise NotImplementedError
