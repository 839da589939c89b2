"""Bytes to text for HTML: BOM, declared charset (header, then meta), then UTF-8, then
Windows-1252. Pure."""

from __future__ import annotations

import codecs
import re

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)""", re.IGNORECASE
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([a-zA-Z0-9_\-:.]+)", re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Labels browsers map to a wider encoding (WHATWG Encoding Standard).
_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    # Shift_JIS is Windows-31J in every browser: its NEC and IBM characters ("①") are on
    # real pages labelled Shift_JIS, and strict Shift_JIS cannot read them
    **dict.fromkeys(
        ("shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis", "ms932"), "cp932"
    ),
    **dict.fromkeys(("euc-kr", "ks_c_5601-1987", "korean", "csksc56011987"), "cp949"),
    "big5": "big5hkscs",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "iso-8859-9": "cp1254",
    "tis-620": "cp874",
    "iso-8859-11": "cp874",
}


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    """The charset the response header or the page's own meta tag declares (a codec name)."""
    if content_type:
        match = _HEADER_CHARSET.search(content_type)
        if match and (codec := _codec(match.group(1))):
            return codec
    meta = _META_CHARSET.search(data[:4096])
    return _codec(meta.group(1).decode("ascii", "replace")) if meta else None


# Single-byte Western codecs whose label often sits on UTF-8 bytes (an old server default).
_WESTERN = frozenset({"cp1252", "iso8859-1", "iso8859-15", "latin-1"})


def _utf8_after_all(data: bytes, declared: str | None) -> bool:
    """Bytes labelled Windows-1252 or Latin-1 that are valid UTF-8 with non-ASCII characters:
    UTF-8 (a server's default label on a UTF-8 page). Why: Western text almost never makes
    valid UTF-8 sequences ("é" is one byte followed by ASCII), so the bytes tell."""
    if declared not in _WESTERN or data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_html(data: bytes | str, content_type: str | None = None) -> str:
    """Decode an HTML body; never raises. A UTF-8 label on bytes that are not UTF-8 falls back
    to Windows-1252, the usual truth behind that mislabel; a Western label on bytes that are
    UTF-8 gives way to UTF-8."""
    if isinstance(data, str):
        return data
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    declared = declared_charset(data, content_type)
    if _utf8_after_all(data, declared):
        declared = "utf-8"
    candidates = [declared] if declared and declared != "utf-8" else []
    candidates += ["utf-8"]
    for codec in candidates:
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    # a page in its declared charset with a few bytes out of it: the rest is still read in
    # it (a Japanese page is not Windows-1252 for one stray byte); UTF-8 or no label gives
    # way to Windows-1252, the usual truth behind those
    return data.decode(candidates[0] if len(candidates) > 1 else "cp1252", errors="replace")


def to_utf8(data: bytes | str, content_type: str | None = None) -> bytes:
    """The page as UTF-8 bytes for the parser, which reads bytes as UTF-8 and is fastest that
    way. Valid UTF-8 (the common case) passes through untouched; other charsets are decoded
    as `decode_html` does and re-encoded, and bytes labelled UTF-8 (or not labelled) that are
    not UTF-8 are read as Windows-1252."""
    utf8, checked = to_utf8_unchecked(data, content_type)
    return utf8 if checked else checked_utf8(utf8)


def to_utf8_unchecked(data: bytes | str, content_type: str | None = None) -> tuple[bytes, bool]:
    """`to_utf8` without its one costly step: (bytes, checked). When `checked` is False the
    bytes are taken for UTF-8 on trust (labelled UTF-8 or not labelled, and not ASCII); a
    caller that sees a U+FFFD in what it read from them should use `checked_utf8`. Why: the
    check decodes the whole page, about 5% of a page's cleanup, and is almost always passed."""
    if isinstance(data, str):
        return data.encode("utf-8", errors="replace"), True
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_html(data, content_type).encode("utf-8", errors="replace"), True
    declared = declared_charset(data, content_type)
    if declared in (None, "utf-8"):
        return data, data.isascii()
    if _utf8_after_all(data, declared):
        return data, True
    return decode_html(data, content_type).encode("utf-8", errors="replace"), True


def checked_utf8(data: bytes) -> bytes:
    """`data` when it is valid UTF-8, else its Windows-1252 reading as UTF-8."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace").encode("utf-8")
    return data
