"""The one exception users see: a clear message, no traceback."""
from __future__ import annotations

__all__ = ["KgError", "InputError"]


class KgError(Exception):
    """A user-facing error. ``exit_code`` is what the CLI exits with (1 unless said otherwise)."""

    def __init__(self, message: str, exit_code: int = 1):
        super().__init__(message)
        self.exit_code = exit_code


class InputError(KgError):
    """An input path or record that cannot be read."""
