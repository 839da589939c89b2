"""URL normalisation and record ids. Pure."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from extractors.safeurl import PLAIN_URL, split_url

# Query parameters that only track the visitor. Why: the same article must get the same id.
TRACKING_PARAMS: frozenset[str] = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "mc_cid",
        "mc_eid",
        "igshid",
        "ref",
        "ref_src",
        "_ga",
        "_gl",
        "yclid",
        "spm",
        "share",
        "amp",
        "cmpid",
        "ocid",
        "sr_share",
        "hslang",  # HubSpot puts it in every internal link
        "hs_amp",
        "wcmmode",  # Adobe Experience Manager's author mode, leaked into published links
    }
)
# Parameters that track the reader only beside others that name the page: Mailchimp's campaign
# archive names an email by `u` (the account) and `id`, and adds `e`, the subscriber's token.
TRACKING_BESIDE: dict[str, frozenset[str]] = {"e": frozenset({"u", "id"})}
# Session ids that old sites put in every link, a new one on every view: dropped always, or (the
# generic names) when the value looks like a token. Why: each view of a listing otherwise named
# every article anew, and a re-crawl published them all again.
SESSION_PARAMS: frozenset[str] = frozenset(
    {"phpsessid", "jsessionid", "sessionid", "session_id", "cfid", "cftoken", "aspsessionid"}
)
SESSION_LIKE_PARAMS: frozenset[str] = frozenset({"sid", "s_id", "sess"})
_SESSION_TOKEN = re.compile(r"[0-9A-Za-z_-]{16,}")
# A session id as a path parameter: "/article.php;jsessionid=0A1B2C?id=63".
_PATH_SESSION = re.compile(r";(?:jsessionid|phpsessid|sessionid|sid)=[^/;?#]*", re.IGNORECASE)


def is_tracking(key: str, value: str) -> bool:
    """The query parameter only tracks the visitor or their session."""
    low = key.lower()
    return (
        low.startswith("utm_")
        or low in TRACKING_PARAMS
        or low in SESSION_PARAMS
        or (low in SESSION_LIKE_PARAMS and _SESSION_TOKEN.fullmatch(value) is not None)
    )


def without_tracking(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Query pairs less those that only track the visitor (`is_tracking`, `TRACKING_BESIDE`)."""
    kept = [(k, v) for k, v in pairs if not is_tracking(k, v)]
    if not any(k.lower() in TRACKING_BESIDE for k, _ in kept):
        return kept
    keys = {k.lower() for k, _ in kept}
    return [
        (k, v)
        for k, v in kept
        if (beside := TRACKING_BESIDE.get(k.lower())) is None or not beside <= keys
    ]


def without_session(path: str) -> str:
    """`path` without a session id path parameter."""
    return _PATH_SESSION.sub("", path) if ";" in path else path


_DEFAULT_PORTS = {"http": 80, "https": 443}
_SLUG = re.compile(r"[^a-z0-9]+")


def normalize_url(url: str) -> str:
    """Lowercase scheme and host, no default port, no fragment, no tracking parameters, sorted
    query, unreserved characters in the path unescaped ("common%2Dmoles" is "common-moles",
    RFC 3986 6.2.2.2), and a path's other characters in one spelling: escapes in upper case,
    non-ASCII text in Unicode's composed form (NFC) as UTF-8 escapes ("/qué-es/", "/qu%c3%a9-es/"
    and "/que%CC%81-es/" are "/qu%C3%A9-es/"). A malformed URL (a port that is no number, a
    broken IPv6 host) comes back stripped but otherwise as it is: never an exception."""
    plain = PLAIN_URL.fullmatch(url) if "%" not in url and url.isascii() else None
    if plain:
        port = plain["port"]
        if port is None or (
            port[0] != "0" and int(port) <= 65535 and int(port) != _DEFAULT_PORTS[plain["scheme"]]
        ):
            return url
    return _normalize(url)


def _normalize(url: str) -> str:
    parts = split_url(url.strip())
    if parts is None:
        return url.strip()
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if parts.port and parts.port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{parts.port}"
    query = without_tracking(parse_qsl(parts.query, keep_blank_values=True))
    path = without_session(parts.path or "/")
    if "%" in path or not path.isascii():
        path = _one_spelling(path)
    return urlunsplit((scheme, host, path, urlencode(sorted(query)), ""))


def _one_spelling(path: str) -> str:
    """A path's escapes and non-ASCII text in one spelling (see normalize_url)."""
    path = _UNRESERVED_ESCAPE.sub(lambda m: chr(int(m[1], 16)), path)
    # escaped UTF-8 read as text, so that its composed form is taken with the letters before it
    text = _HIGH_ESCAPES.sub(_decoded, path)
    if not text.isascii():
        text = quote(unicodedata.normalize("NFC", text), safe=_PATH_SAFE)
    return _ANY_ESCAPE.sub(lambda m: m[0].upper(), text)


def _decoded(match: re.Match[str]) -> str:
    try:
        return unquote(match[0], errors="strict")
    except UnicodeDecodeError:
        return match[0]  # bytes that are no UTF-8 stay escaped as they are


# A run of escapes of bytes above ASCII (UTF-8 sequences, or some other charset's bytes).
_HIGH_ESCAPES = re.compile(r"(?:%[89A-Fa-f][0-9A-Fa-f])+")
_ANY_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
# What a path keeps as it is when its non-ASCII text is escaped: every ASCII character a path
# may hold, and "%" (escapes already there stay).
_PATH_SAFE = "/!$&'()*+,;=:@-._~%"


# A percent-escape of a character that never needs one: a letter, a digit, "-", ".", "_", "~".
_UNRESERVED_ESCAPE = re.compile(r"%(4[1-9A-F]|5[0-9A]|6[1-9A-F]|7[0-9A]|3[0-9]|2[DE]|5F|7E)", re.I)


def record_id(canonical_url: str) -> str:
    """Filename-safe id: host and path words, then 10 hex digits of the URL's SHA-1."""
    normal = normalize_url(canonical_url)
    parts = urlsplit(normal)
    words = _SLUG.sub("-", f"{parts.netloc} {parts.path}".lower()).strip("-")
    digest = hashlib.sha1(normal.encode("utf-8")).hexdigest()[:10]
    return f"{words[:80].strip('-') or 'article'}-{digest}"


def site_of(url: str) -> str:
    """The site of `url`: its host name's last two labels ("health.example.com" and
    "www.example.com" are one site), or the address with its port for an IP; http and https
    alike."""
    parts = split_url(url)
    name = (parts.hostname or "") if parts is not None else ""
    if name.replace(".", "").isdigit() or ":" in name:  # an address: its port tells sites apart
        return f"{name}:{parts.port}" if parts is not None and parts.port else name
    return ".".join(name.split(".")[-2:])
