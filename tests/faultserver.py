"""A misbehaving HTTP/1.1 server for fault-injection tests (127.0.0.1, ephemeral port).

Built on `socketserver.ThreadingTCPServer` with a handler that parses the request itself and
writes raw bytes, so a route can stall, cut a body short, reset the connection, lie about its
length or charset, loop its redirects or paginate forever. Every route is chosen by path:

    /ok/ /ok/2/ /ok/3/            a healthy three-page article ("Next page" links)
    /private/<name>/              the same article under /private/ (disallowed by /robots.txt
                                  when `robots_enabled` is set; /robots.txt is 404 otherwise)
    /status/<code>                that status, always (500, 502, 503, 404, ...)
    /flaky/<key>/<n>/             503 for the first n requests of `key`, then the article
    /429/seconds[/<key>/]         429 with `Retry-After: 1` once per path, then the article
    /429/date[/<key>/]            429 with Retry-After as an HTTP-date ~1 s ahead, once per path
    /429/long                     429 with `Retry-After: 3600`, always
    /stall/headers                sends nothing for 30 s
    /stall/body                   headers and half the body, then nothing for 30 s
    /reset/body                   half the body, then a TCP reset (SO_LINGER 0)
    /short                        Content-Length larger than the body sent, then close
    /redirect/loop                302 to itself
    /redirect/chain/<n>           301 to /redirect/chain/<n+1>, forever
    /endless/<n>                  article page n linking to /endless/<n+1>, forever
    /cycle/1 .. /cycle/3          three pages; page 3 links to /cycle/4, a 302 back to /cycle/1
    /otherhost/1                  one page whose next link is on http://localhost:<port>/
    /big                          50 MB body with a correct Content-Length, streamed
    /big/nolength /big/chunked    50 MB, close-delimited or chunked, no Content-Length
                                  (`body_bytes_sent` tells how much got out before the client left)
    /gzipbomb                     ~1 MB of gzip that inflates to 1 GiB of zeros
    /gzip/garbage /encoding/br    a body that is not the gzip it claims; an unsupported encoding
    /drip                         the body one byte every 0.2 s (never idle long enough to time out)
    /headers/huge /garbage        a 200 KB header line; a response that is not HTTP at all
    /redirect/scheme              302 to an ftp:// URL
    /pagefail/ /pdfpage2/         a good page 1 whose page 2 is a 500 or a PDF
    /hostredirect/                page 1 links to /hostredirect/2/, a 302 to localhost's /ok/2/
    /empty                        200 with an empty body
    /pdf /image.png /json         non-HTML content types
    /charset/cp1252               Windows-1252 bytes labelled `charset=utf-8`
    /charset/sjis                 Shift_JIS bytes, charset only in `<meta charset>`
    /charset/none                 Windows-1252 bytes, no charset anywhere
    /malformed                    broken markup around real article text
    /deep                         the article inside 10,000 nested <div>s

Use `FaultServer` as a context manager (it yields itself: `.base`, `.log`, `.robots_enabled`),
or `serve_faults()`, which yields the base URL and fills an optional `RequestLog`.
"""

from __future__ import annotations

import contextlib
import email.utils
import re
import socket
import socketserver
import struct
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html import escape

STALL_SECONDS = 30.0
BIG_SIZE = 50 * 1024 * 1024
BOMB_SIZE = 1 << 30
CHUNK = 64 * 1024
MAX_HEADER_LINES = 100
IDLE_SECONDS = 15.0
DRIP_INTERVAL = 0.2
HTML = "text/html; charset=utf-8"

# ------------------------------------------------------------------------------ content

TITLE = "Hiccups: Why They Start and How to Make Them Stop"

# An original three-page article in the style of a paginated health site.
ARTICLE_PAGES: tuple[str, ...] = (
    """
<p>Almost everyone knows the sudden, squeaky jolt of a hiccup. A hiccup is an involuntary
spasm of the diaphragm, the dome-shaped muscle under the lungs, followed a split second later by
the vocal cords snapping shut. That quick closure makes the familiar "hic" sound. Most bouts are
harmless and fade within a few minutes, but a long run of them can be tiring and embarrassing.</p>
<h2>What Are Hiccups?</h2>
<p>Doctors call hiccups singultus. The reflex is controlled by nerves that run between the brain
stem, the chest and the abdomen. When something irritates those nerves, the diaphragm contracts
out of rhythm with normal breathing. Babies hiccup often, even before birth, and adults usually
notice them after a large meal or a fizzy drink.</p>
<h2>Common Triggers of Hiccups</h2>
<p>Short bouts nearly always have an everyday cause. Common triggers include:</p>
<ul>
<li>Eating a big meal quickly or swallowing air while chewing</li>
<li>Carbonated drinks, beer and very spicy food</li>
<li>A sudden change in temperature, such as a hot drink followed by a cold one</li>
<li>Excitement, nervousness or a fit of laughter</li>
</ul>
""",
    """
<h2>When Hiccups Last Longer</h2>
<p>Hiccups that continue for more than two days are called persistent, and those lasting longer
than a month are called intractable. Long bouts are uncommon, and they usually point to
something that keeps irritating the nerves that control the diaphragm rather than to a meal or a
drink.</p>
<p>Long-lasting hiccups are more likely in people who:</p>
<ul>
<li>Have acid reflux or another condition that irritates the food pipe</li>
<li>Recently had surgery under general anaesthesia</li>
<li>Take certain steroids, sedatives or chemotherapy medicines</li>
<li>Have diabetes, kidney disease or an electrolyte imbalance</li>
</ul>
<h2>Home Remedies That May Help</h2>
<p>No single trick works for everyone, but many of them slow breathing or stimulate the vagus
nerve. Sipping ice-cold water slowly, holding the breath for a count of ten, breathing into cupped
hands or gently pulling the knees up to the chest are all worth trying. Swallowing a teaspoon of
sugar is an old remedy that some people swear by.</p>
""",
    """
<h2>How to Prevent Hiccups</h2>
<p>Small changes at mealtimes prevent many bouts. Ways to lower the chance of hiccups include:</p>
<ul>
<li>Eating smaller portions and chewing slowly</li>
<li>Choosing still water instead of fizzy drinks</li>
<li>Avoiding very hot and very cold food in the same meal</li>
<li>Cutting down on alcohol</li>
</ul>
<h2>When to See a Doctor</h2>
<p>Hiccups are rarely a sign of anything serious, but they deserve a medical check when they go
on for more than 48 hours, keep you from eating or sleeping, or come with chest pain, shortness of
breath, vomiting or abdominal pain. A doctor will look for an underlying cause and can prescribe
medicine for persistent cases when simple measures have not worked.</p>
<p>This article is for general information and is not a substitute for advice from a qualified
health professional who knows your history.</p>
""",
)

ENDLESS_TOPICS = (
    "drinking a glass of water before breakfast",
    "walking for twenty minutes after dinner",
    "stretching the calves before bed",
    "keeping a regular wake-up time",
    "eating a portion of leafy greens",
    "stepping outside for daylight in the morning",
    "taking the stairs instead of the lift",
)


def page_html(
    title: str,
    body: str,
    *,
    next_href: str | None = None,
    head: str = '<meta charset="utf-8">',
    lang: str = "en",
    next_label: str = "Next page",
) -> str:
    """One article page in a plain WordPress-like template."""
    pager = (
        f'<p class="pagination"><a class="next-page" href="{escape(next_href)}">'
        f"{escape(next_label)} &raquo;</a></p>"
        if next_href
        else ""
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n{head}\n'
        f"<title>{escape(title)}</title>\n</head>\n<body>\n"
        '<header class="site-header"><a href="/">Fault Test Health</a></header>\n'
        '<main><article class="post">\n'
        f'<h1 class="entry-title">{escape(title)}</h1>\n'
        f'<div class="entry-content">\n{body}\n{pager}\n</div>\n'
        "</article></main>\n"
        '<footer class="site-footer"><p>&copy; Fault Test Health</p></footer>\n'
        "</body>\n</html>\n"
    )


def article_page(prefix: str, number: int, pages: int = 3) -> bytes:
    """Page `number` of the healthy article whose first page is `prefix + "/"`."""
    next_href = f"{prefix}/{number + 1}/" if number < pages else None
    return page_html(TITLE, ARTICLE_PAGES[number - 1], next_href=next_href).encode("utf-8")


def endless_page(number: int) -> bytes:
    """Page `number` of an article that never ends; every page says something new."""
    topics = [ENDLESS_TOPICS[(number + i) % len(ENDLESS_TOPICS)] for i in range(3)]
    body = (
        f"<h2>Week {number} of the Small Habits Plan</h2>\n"
        f"<p>In week {number} of the plan the habit to practise is {topics[0]}. Try it on at "
        f"least {number % 5 + 3} days this week and write down how you felt afterwards, because "
        f"a short note makes it easier to notice changes in energy, mood and sleep.</p>\n"
        f"<p>Readers who reached week {number} often pair it with {topics[1]}. Linking a new "
        f"habit to an old one, such as brushing your teeth, helps it stick. If a day goes badly, "
        f"simply start again the next morning; week {number} is about steady progress.</p>\n"
        f"<p>A tip for week {number}: remember {topics[2]}, and share the goal with a friend "
        f"so that you can check in with each other on day {number % 7 + 1} of the week. Small, "
        f"repeated steps add up to real changes over a season.</p>\n"
    )
    return page_html("The Small Habits Plan", body, next_href=f"/endless/{number + 1}").encode(
        "utf-8"
    )


def cycle_page(number: int) -> bytes:
    """Page `number` of /cycle/; page 3 links to /cycle/4, which redirects to /cycle/1."""
    return page_html(TITLE, ARTICLE_PAGES[number - 1], next_href=f"/cycle/{number + 1}").encode(
        "utf-8"
    )


CP1252_TEXT = """
<h2>Caf\u00e9 Culture and Caffeine</h2>
<p>Many people start the day in a caf\u00e9 with a strong coffee. Caffeine is a stimulant that
blocks adenosine, the chemical that builds \u201csleep pressure\u201d during the day. That\u2019s
why a cup feels helpful in the morning \u2013 and why one in the evening can keep you awake.</p>
<p>Doctors often say \u201cthe dose makes the poison\u201d. Up to about 400 mg a day is
considered safe for most healthy adults, roughly four cups of brewed coffee. People who are
pregnant, who have heart rhythm problems or who notice anxiety and a racing heart should drink
less. It\u2019s worth remembering that tea, cola and energy drinks contain caffeine too.</p>
<h2>Cutting Back Gently</h2>
<p>Stopping suddenly can cause headaches, tiredness and irritability for a few days. Cutting back
by half a cup every few days, swapping an afternoon coffee for a decaf or a herbal tea, and
drinking enough water make the change easier. The r\u00e9sum\u00e9 of most studies is simple:
moderate coffee fits well in a healthy routine.</p>
"""

SJIS_TITLE = "睡眠不足のサインと対策"
SJIS_PHRASE = "十分な睡眠は心と体の健康に欠かせません"
SJIS_TEXT = f"""
<p>{SJIS_PHRASE}。大人の場合、一晩に七時間から九時間の睡眠が勧められています。睡眠が足りない状態が続くと、集中力や記憶力が落ち、気分が不安定になりやすくなります。</p>
<h2>睡眠不足のサイン</h2>
<p>朝なかなか起きられない、日中に強い眠気を感じる、週末に長く寝だめをしてしまうといった状態は、睡眠不足のサインかもしれません。仕事や勉強の効率が下がったり、ささいなことでいらいらしたりすることもあります。</p>
<h2>よく眠るための工夫</h2>
<p>毎日同じ時刻に起きること、寝る前の一時間はスマートフォンの画面を見ないこと、夕方以降はカフェインを控えることが役に立ちます。寝室は暗く静かで、少し涼しい温度に保ちましょう。</p>
<p>いびきがひどい、呼吸が止まっていると言われた、十分に寝ても疲れが取れないといった場合は、睡眠時無呼吸症候群などの病気が隠れていることがあるため、医師に相談してください。</p>
"""

MALFORMED_HTML = """<!DOCTYPE html>
<html lang=en><head><meta charset=utf-8><title>Seasonal Allergies: A Practical Guide</title>
<meta name="description" content="hay fever explained>
<body class=post single id=>
<div class="site-header><a href="/">Fault Test Health</a></div></div></div>
<div id=content><article class="post" class="dup" data-empty= title=>
<h1 class=entry-title>Seasonal Allergies: A Practical Guide</h2>
<div class=entry-content data-x=='broken' <p>Seasonal allergies, often called hay fever, happen
when the immune system overreacts to pollen from trees, grasses and weeds. The body releases
histamine, which causes sneezing, an itchy or runny nose, and watery, red eyes during the months
when pollen counts are high.
<p>Symptoms usually follow the seasons: tree pollen peaks in spring, grass pollen in early
summer and weed pollen in late summer and autumn. Some people react to all three, while others
only notice trouble for a few weeks each year.</div></span></td>
<h2>Common Signs of Hay Fever</h3>
<p>Signs of seasonal allergies include:
<ul><li>Sneezing fits, especially in the morning<li>A blocked or runny nose<li>Itchy eyes, throat
or ears<li>Tiredness from poor sleep</ul></ul></li>
<h2><b>Ways to Reduce Exposure</h2>
<p>Checking the daily pollen forecast, keeping windows closed on dry and windy days, showering
and changing clothes after time outdoors, and drying laundry indoors all reduce the amount of
pollen you breathe in. Wraparound sunglasses help to protect the eyes.</i></b>
<p>Antihistamine tablets, nasal sprays and eye drops from a pharmacy relieve most symptoms. See
a doctor if over-the-counter treatment does not help or if allergies trigger wheezing or asthma.
</div></div></div></div></article></article>
<a href=/other class="related>Read more about spring</a>
<p <!-- a comment that never ends
"""

ROBOTS_TXT = b"User-agent: *\nDisallow: /private/\n"


def cp1252_page() -> bytes:
    return page_html("Coffee and Caffeine: How Much Is Too Much?", CP1252_TEXT).encode("cp1252")


def sjis_page() -> bytes:
    return page_html(SJIS_TITLE, SJIS_TEXT, head='<meta charset="shift_jis">', lang="ja").encode(
        "shift_jis"
    )


def deep_page(depth: int = 10_000) -> bytes:
    body = "<div>" * depth + ARTICLE_PAGES[0] + "</div>" * depth
    return page_html(TITLE, body).encode("utf-8")


_bomb: bytes | None = None
_bomb_lock = threading.Lock()


def gzip_bomb(size: int = BOMB_SIZE) -> bytes:
    """A valid gzip stream of `size` zero bytes (a multiple of 1 MiB), about size/1000 long.
    Built once: after a full flush deflate restarts, so every further MiB of zeros compresses
    to the same bytes and is repeated instead of recompressed."""
    global _bomb
    with _bomb_lock:
        if _bomb is None or size != BOMB_SIZE:
            block = bytes(1 << 20)
            count = size // len(block)
            deflate = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
            first = deflate.compress(block) + deflate.flush(zlib.Z_FULL_FLUSH)
            again = deflate.compress(block) + deflate.flush(zlib.Z_FULL_FLUSH)
            crc = 0
            for _ in range(count):
                crc = zlib.crc32(block, crc)
            data = b"".join(
                (
                    b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff",
                    first,
                    again * (count - 1),
                    deflate.flush(zlib.Z_FINISH),
                    struct.pack("<II", crc & 0xFFFFFFFF, size & 0xFFFFFFFF),
                )
            )
            if size != BOMB_SIZE:
                return data
            _bomb = data
        return _bomb


# ------------------------------------------------------------------------------ the log


@dataclass(frozen=True)
class LoggedRequest:
    method: str
    path: str
    headers: dict[str, str]
    at: float


@dataclass
class RequestLog:
    """Every request the server parsed, in arrival order (thread-safe)."""

    requests: list[LoggedRequest] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, entry: LoggedRequest) -> None:
        with self._lock:
            self.requests.append(entry)

    def paths(self) -> list[str]:
        with self._lock:
            return [r.path for r in self.requests]

    def count(self, path: str) -> int:
        return sum(1 for p in self.paths() if p == path)

    def count_prefix(self, prefix: str) -> int:
        return sum(1 for p in self.paths() if p.startswith(prefix))


# ------------------------------------------------------------------------------ the server


class Closed(Exception):
    """The connection is over (the client left, or a route closed it on purpose)."""


@dataclass
class Request:
    method: str
    path: str
    version: str
    headers: dict[str, str]


class _TCPServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True
    block_on_close = False

    owner: FaultServer


class FaultHandler(socketserver.BaseRequestHandler):
    """Reads HTTP/1.1 requests off the socket and writes raw responses; keeps the connection
    alive after well-formed responses, closes it after faults."""

    server: _TCPServer
    request: socket.socket

    def setup(self) -> None:
        self.owner = self.server.owner
        self.request.settimeout(IDLE_SECONDS)
        self.rfile = self.request.makefile("rb")
        self.owner._track(self.request, add=True)

    def finish(self) -> None:
        with contextlib.suppress(OSError):
            self.rfile.close()
        self.owner._track(self.request, add=False)

    def handle(self) -> None:
        try:
            while not self.owner.stopping.is_set():
                request = self._read_request()
                if request is None:
                    return
                self.owner.log.add(
                    LoggedRequest(request.method, request.path, request.headers, time.monotonic())
                )
                keep = self.owner.route(self, request)
                if not keep or request.headers.get("connection", "").lower() == "close":
                    return
        except (Closed, OSError, TimeoutError):
            return
        except Exception as exc:  # a bug in a route: record it for the tests, never crash
            self.owner.errors.append(f"{type(exc).__name__}: {exc}")

    # -------------------------------------------------------------------- reading

    def _read_request(self) -> Request | None:
        line = self.rfile.readline(65537)
        while line in (b"\r\n", b"\n"):  # tolerate stray blank lines between requests
            line = self.rfile.readline(65537)
        if not line:
            return None
        parts = line.decode("latin-1").strip().split()
        if len(parts) != 3 or not parts[2].startswith("HTTP/"):
            self.send(400, b"bad request line\n", {"Content-Type": "text/plain"}, keep=False)
            return None
        headers: dict[str, str] = {}
        for _ in range(MAX_HEADER_LINES):
            raw = self.rfile.readline(65537)
            if raw in (b"\r\n", b"\n", b""):
                break
            name, _, value = raw.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        return Request(parts[0].upper(), parts[1], parts[2], headers)

    # -------------------------------------------------------------------- writing

    def write(self, data: bytes) -> None:
        try:
            self.request.sendall(data)
        except OSError as exc:
            raise Closed from exc

    def head(
        self, status: int, headers: dict[str, str], *, length: int | None, keep: bool = True
    ) -> None:
        reason = REASONS.get(status, "Status")
        lines = [f"HTTP/1.1 {status} {reason}", f"Date: {email.utils.formatdate(usegmt=True)}"]
        lines.append("Server: faultserver/1.0")
        lines += [f"{k}: {v}" for k, v in headers.items()]
        if length is not None:
            lines.append(f"Content-Length: {length}")
        if not keep:
            lines.append("Connection: close")
        self.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))

    def send(
        self, status: int, body: bytes, headers: dict[str, str] | None = None, *, keep: bool = True
    ) -> bool:
        """A complete response; returns whether the connection stays open."""
        self.head(status, {"Content-Type": HTML, **(headers or {})}, length=len(body), keep=keep)
        self.write(body)
        return keep

    def stall(self, seconds: float = STALL_SECONDS) -> None:
        """Say nothing for `seconds` (cut short when the server stops)."""
        self.owner.stopping.wait(seconds)

    def reset(self) -> None:
        """Close the connection with a TCP RST instead of a FIN."""
        with contextlib.suppress(OSError):
            self.rfile.close()
        with contextlib.suppress(OSError):
            self.request.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        with contextlib.suppress(OSError):
            self.request.close()
        raise Closed


REASONS = {
    200: "OK",
    301: "Moved Permanently",
    302: "Found",
    400: "Bad Request",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    410: "Gone",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}

Route = Callable[[FaultHandler, Request, "re.Match[str]"], bool]


class FaultServer:
    """The fault server; a context manager that starts it and yields itself."""

    def __init__(self) -> None:
        self.log = RequestLog()
        self.robots_enabled = False
        """Serve a /robots.txt that disallows /private/ (404 when False)."""
        self.errors: list[str] = []
        """Exceptions raised inside routes (a bug in this server; tests assert it is empty)."""
        self.stopping = threading.Event()
        self.body_bytes_sent: dict[str, int] = {}
        """Body bytes /big* routes managed to send, by path (the client hung up early?)."""
        self._counts: dict[str, int] = {}
        self._counts_lock = threading.Lock()
        self._connections: set[socket.socket] = set()
        self._server: _TCPServer | None = None
        self._thread: threading.Thread | None = None
        self.port = 0
        self.routes: list[tuple[re.Pattern[str], Route]] = [
            (re.compile(pattern), route) for pattern, route in ROUTES
        ]

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    # -------------------------------------------------------------------- lifecycle

    def start(self) -> FaultServer:
        server = _TCPServer(("127.0.0.1", 0), FaultHandler)
        server.owner = self
        self._server = server
        self.port = server.server_address[1]
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        if self._server is not None:
            self._server.shutdown()
            with self._counts_lock:
                connections = list(self._connections)
            for conn in connections:
                with contextlib.suppress(OSError):
                    conn.shutdown(socket.SHUT_RDWR)
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(5)

    def __enter__(self) -> FaultServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _track(self, conn: socket.socket, *, add: bool) -> None:
        with self._counts_lock:
            if add:
                self._connections.add(conn)
            else:
                self._connections.discard(conn)

    # -------------------------------------------------------------------- state

    def hit(self, key: str) -> int:
        """Count one more request for `key`; returns the new count."""
        with self._counts_lock:
            self._counts[key] = self._counts.get(key, 0) + 1
            return self._counts[key]

    def reset(self, key: str | None = None) -> None:
        """Forget the request counts of `key` (flaky keys, 429 paths), or of everything."""
        with self._counts_lock:
            if key is None:
                self._counts.clear()
            else:
                self._counts = {
                    k: v for k, v in self._counts.items() if k != key and k != f"flaky:{key}"
                }

    def route(self, handler: FaultHandler, request: Request) -> bool:
        if request.method != "GET":
            return handler.send(405, b"only GET\n", {"Allow": "GET"})
        path = request.path.split("?")[0]
        for pattern, route in self.routes:
            match = pattern.fullmatch(path)
            if match:
                return route(handler, request, match)
        return handler.send(404, b"<html><body><p>not found</p></body></html>")


@contextlib.contextmanager
def serve_faults(log: RequestLog | None = None) -> Iterator[str]:
    """Run a FaultServer; yields its base URL (requests go to `log` when given)."""
    server = FaultServer()
    if log is not None:
        server.log = log
    with server:
        yield server.base


# ------------------------------------------------------------------------------ routes


def _article(handler: FaultHandler, prefix: str, page: str | None) -> bool:
    return handler.send(200, article_page(prefix, int(page or 1)))


def r_ok(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    return _article(h, "/ok", m["page"])


def r_private(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    return _article(h, f"/private/{m['name']}", m["page"])


def r_robots(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    if not h.owner.robots_enabled:
        return h.send(404, b"no robots.txt\n", {"Content-Type": "text/plain"})
    return h.send(200, ROBOTS_TXT, {"Content-Type": "text/plain"})


def r_status(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    code = int(m["code"])
    body = f"<html><body><h1>{code} {REASONS.get(code, 'Status')}</h1></body></html>"
    return h.send(code, body.encode())


def r_flaky(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    prefix = f"/flaky/{m['key']}/{m['n']}"
    if m["page"] is None and h.owner.hit(f"flaky:{m['key']}") <= int(m["n"]):
        return h.send(503, b"<html><body><h1>503 try again</h1></body></html>")
    return _article(h, prefix, m["page"])


def _once_429(h: FaultHandler, m: re.Match[str], kind: str, retry_after: str) -> bool:
    prefix = f"/429/{kind}" + (f"/{m['key']}" if m["key"] else "")
    if m["page"] is None and h.owner.hit(f"429:{prefix}") == 1:
        return h.send(
            429, b"<html><body><h1>slow down</h1></body></html>", {"Retry-After": retry_after}
        )
    return _article(h, prefix, m["page"])


def r_429_seconds(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    return _once_429(h, m, "seconds", "1")


def r_429_date(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    return _once_429(h, m, "date", email.utils.formatdate(time.time() + 1.5, usegmt=True))


def r_429_long(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    return h.send(
        429, b"<html><body><h1>come back later</h1></body></html>", {"Retry-After": "3600"}
    )


def r_stall_headers(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    h.stall()
    return False


def r_stall_body(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    body = article_page("/stall/body", 1)
    h.head(200, {"Content-Type": HTML}, length=len(body), keep=False)
    h.write(body[: len(body) // 2])
    h.stall()
    return False


def r_reset_body(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    body = article_page("/reset/body", 1)
    h.head(200, {"Content-Type": HTML}, length=len(body), keep=False)
    h.write(body[: len(body) // 2])
    time.sleep(0.05)  # let the half body leave before the reset
    h.reset()
    return False


def r_short(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    body = article_page("/short", 1)
    h.head(200, {"Content-Type": HTML}, length=len(body) + 5000, keep=False)
    h.write(body)
    return False


def r_redirect_loop(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    return h.send(302, b"", {"Location": "/redirect/loop"})


def r_redirect_chain(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    return h.send(301, b"", {"Location": f"/redirect/chain/{int(m['n']) + 1}"})


def r_endless(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    return h.send(200, endless_page(int(m["n"])))


def r_cycle(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    number = int(m["n"])
    if number == 4:
        return h.send(302, b"", {"Location": "/cycle/1"})
    if not 1 <= number <= 3:
        return h.send(404, b"<html><body>no such page</body></html>")
    return h.send(200, cycle_page(number))


def r_otherhost(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    number = int(m["n"])
    if number > 3:
        return h.send(404, b"<html><body>no such page</body></html>")
    next_href = f"http://localhost:{h.owner.port}/otherhost/{number + 1}" if number < 3 else None
    body = page_html(TITLE, ARTICLE_PAGES[number - 1], next_href=next_href).encode("utf-8")
    return h.send(200, body)


def _filler() -> bytes:
    line = b"<p>" + b"filler text for a very large page " * 30 + b"</p>\n"
    return (line * (CHUNK // len(line) + 1))[:CHUNK]


def r_big(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    mode = m["mode"] or "length"
    chunk = _filler()
    headers = {"Content-Type": HTML}
    if mode == "chunked":
        headers["Transfer-Encoding"] = "chunked"
    h.head(200, headers, length=BIG_SIZE if mode == "length" else None, keep=False)
    sent = 0
    try:
        while sent < BIG_SIZE and not h.owner.stopping.is_set():
            piece = chunk[: BIG_SIZE - sent]
            if mode == "chunked":
                h.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            else:
                h.write(piece)
            sent += len(piece)
        if mode == "chunked":
            h.write(b"0\r\n\r\n")
    finally:
        h.owner.body_bytes_sent[req.path] = sent
    return False


def r_gzipbomb(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    return h.send(200, gzip_bomb(), {"Content-Encoding": "gzip"}, keep=False)


def r_empty(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    return h.send(200, b"")


def r_pdf(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    body = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n" + bytes(range(256)) * 8 + b"%%EOF\n"
    return h.send(200, body, {"Content-Type": "application/pdf"})


def r_png(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    row = b"\x00" + b"\xff\x00\x00" * 16  # filter byte, then 16 red RGB pixels
    png = b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 1, 8, 2, 0, 0, 0))
    png += _png_chunk(b"IDAT", zlib.compress(row)) + _png_chunk(b"IEND", b"")
    return h.send(200, png, {"Content-Type": "image/png"})


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def r_json(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    body = b'{"title": "Hiccups", "text": "' + b"not an html page " * 40 + b'"}'
    return h.send(200, body, {"Content-Type": "application/json"})


def r_cp1252(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    return h.send(200, cp1252_page(), {"Content-Type": "text/html; charset=utf-8"})


def r_sjis(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    return h.send(200, sjis_page(), {"Content-Type": "text/html"})


def r_malformed(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    return h.send(200, MALFORMED_HTML.encode("utf-8"))


def r_deep(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    return h.send(200, deep_page())


def r_drip(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    body = article_page("/drip", 1)
    h.head(200, {"Content-Type": HTML}, length=len(body), keep=False)
    for i in range(len(body)):
        if h.owner.stopping.wait(DRIP_INTERVAL):
            break
        h.write(body[i : i + 1])
    return False


def r_redirect_scheme(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    return h.send(302, b"", {"Location": f"ftp://127.0.0.1:{h.owner.port}/ok/"})


def r_gzip_garbage(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    return h.send(200, article_page("/gzip/garbage", 1), {"Content-Encoding": "gzip"})


def r_encoding_br(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    return h.send(200, article_page("/encoding/br", 1), {"Content-Encoding": "br"})


def r_pagefail(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    if m["page"] == "2":
        return h.send(500, b"<html><body><h1>500</h1></body></html>")
    return _article(h, "/pagefail", m["page"])


def r_pdfpage2(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    if m["page"] == "2":
        return r_pdf(h, req, m)
    return _article(h, "/pdfpage2", m["page"])


def r_hostredirect(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    if m["page"] == "2":
        return h.send(302, b"", {"Location": f"http://localhost:{h.owner.port}/ok/2/"})
    return _article(h, "/hostredirect", m["page"])


def r_charset_none(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    body = page_html("Coffee and Caffeine: How Much Is Too Much?", CP1252_TEXT, head="")
    return h.send(200, body.encode("cp1252"), {"Content-Type": "text/html"})


def r_huge_header(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    cookie = "session=" + "x" * 200_000
    return h.send(200, article_page("/headers/huge", 1), {"Set-Cookie": cookie}, keep=False)


def r_garbage(h: FaultHandler, req: Request, m: re.Match[str]) -> bool:
    h.write(b"HELLO THERE, THIS IS NOT HTTP\r\n\r\n" + b"\x00\xff" * 100)
    return False


_PAGE = r"(?:(?P<page>[23])/)?"
ROUTES: list[tuple[str, Route]] = [
    (r"/ok/" + _PAGE, r_ok),
    (r"/private/(?P<name>[\w-]+)/" + _PAGE, r_private),
    (r"/robots\.txt", r_robots),
    (r"/status/(?P<code>[1-5]\d\d)/?", r_status),
    (r"/flaky/(?P<key>[\w-]+)/(?P<n>\d+)/?" + _PAGE, r_flaky),
    (r"/429/seconds(?:/(?P<key>[A-Za-z][\w-]*))?/?" + _PAGE, r_429_seconds),
    (r"/429/date(?:/(?P<key>[A-Za-z][\w-]*))?/?" + _PAGE, r_429_date),
    (r"/429/long/?", r_429_long),
    (r"/stall/headers/?", r_stall_headers),
    (r"/stall/body/?", r_stall_body),
    (r"/reset/body/?", r_reset_body),
    (r"/short/?", r_short),
    (r"/redirect/loop/?", r_redirect_loop),
    (r"/redirect/chain/(?P<n>\d+)/?", r_redirect_chain),
    (r"/endless/(?P<n>\d+)/?", r_endless),
    (r"/cycle/(?P<n>\d+)/?", r_cycle),
    (r"/otherhost/(?P<n>\d+)/?", r_otherhost),
    (r"/big(?:/(?P<mode>nolength|chunked))?/?", r_big),
    (r"/gzipbomb/?", r_gzipbomb),
    (r"/empty/?", r_empty),
    (r"/pdf/?", r_pdf),
    (r"/image\.png", r_png),
    (r"/json/?", r_json),
    (r"/charset/cp1252/?", r_cp1252),
    (r"/charset/sjis/?", r_sjis),
    (r"/malformed/?", r_malformed),
    (r"/deep/?", r_deep),
    (r"/drip/?", r_drip),
    (r"/redirect/scheme/?", r_redirect_scheme),
    (r"/gzip/garbage/?", r_gzip_garbage),
    (r"/encoding/br/?", r_encoding_br),
    (r"/pagefail/" + _PAGE, r_pagefail),
    (r"/pdfpage2/" + _PAGE, r_pdfpage2),
    (r"/hostredirect/" + _PAGE, r_hostredirect),
    (r"/charset/none/?", r_charset_none),
    (r"/headers/huge/?", r_huge_header),
    (r"/garbage/?", r_garbage),
]
