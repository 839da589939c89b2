"""Rules as data: selectors, token vocabularies, phrase tables and thresholds, by role.

Everything here is a constant; `extractors` compiles what needs compiling once at import.
"""

from extractors.rules import boilerplate, metadata, pagination, phrases, sections, thresholds

__all__ = ["boilerplate", "metadata", "pagination", "phrases", "sections", "thresholds"]
