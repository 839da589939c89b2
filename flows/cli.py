"""The `healthsift` command line. The one-off paths (extract, clean, schema) never import
Prefect; crawl, serve and demo load it only when they run a flow.

Exit codes: 0 success, 1 internal or output error, 2 bad usage or config, 3 fetch failed,
4 the page is not an extractable article.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from extractors.rules.pagination import MAX_PAGES

if TYPE_CHECKING:
    from flows.sources import CrawlSettings, Source

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_FETCH, EXIT_NOT_ARTICLE = 0, 1, 2, 3, 4
FORMATS = ("json", "jsonld", "markdown")


class CliError(Exception):
    """An error to print as one line, with its exit code."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def _seconds(value: str) -> float:
    number = float(value)
    if not math.isfinite(number) or number <= 0:
        raise argparse.ArgumentTypeError("must be a number of seconds more than 0")
    return number


def _write(text: str, target: str | None) -> None:
    if target in (None, "-"):
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from flows.files import write_atomic

    try:
        write_atomic(Path(str(target)), text)
    except OSError as exc:
        raise CliError(f"cannot write {target}: {exc.strerror or exc}", EXIT_ERROR) from exc


def cmd_extract(args: argparse.Namespace) -> int:
    from flows.fetch import FetchError, FetchOptions, warm_tls_context

    warm_tls_context()
    from extractors import NotAnArticle
    from flows.pipeline import run_extract
    from schemas import to_jsonld, to_markdown

    if not args.url.startswith(("http://", "https://")):
        raise CliError(f"{args.url!r} is not an http(s) URL", EXIT_USAGE)
    options = FetchOptions(timeout=args.timeout, max_pages=args.max_pages, retries=args.retries)
    try:
        record = run_extract(args.url, options)
    except FetchError as exc:
        raise CliError(f"could not fetch {exc.url}: {exc.reason}", EXIT_FETCH) from exc
    except NotAnArticle as exc:
        raise CliError(f"not an extractable article: {exc.reason}", EXIT_NOT_ARTICLE) from exc
    if args.format == "jsonld":
        text = json.dumps(to_jsonld(record), indent=2, ensure_ascii=False) + "\n"
    elif args.format == "markdown":
        text = to_markdown(record)
    else:
        text = record.model_dump_json(indent=2) + "\n"
    _write(text, args.output)
    for warning in record.warnings:
        print(f"healthsift: warning: {warning}", file=sys.stderr)
    return EXIT_OK


def cmd_clean(args: argparse.Namespace) -> int:
    from extractors import clean_html

    source: str = args.source
    if source.startswith(("http://", "https://")):
        from flows.fetch import Fetcher, FetchError

        try:
            with Fetcher() as fetcher:
                page = fetcher.fetch(source)
        except FetchError as exc:
            raise CliError(f"could not fetch {exc.url}: {exc.reason}", EXIT_FETCH) from exc
        body, url, content_type = page.body, args.url or page.final_url, page.content_type
    else:
        try:
            body = Path(source).read_bytes()
        except OSError as exc:
            raise CliError(f"cannot read {source}: {exc.strerror or exc}", EXIT_USAGE) from exc
        url, content_type = args.url, None
    cleaned = clean_html(body, url, content_type=content_type)
    if args.format == "json":
        data = {
            "url": cleaned.url,
            "title": cleaned.title,
            "text": cleaned.text,
            "next_page_url": cleaned.next_page_url,
            "removed": cleaned.removed,
            "metadata": {
                "title": cleaned.metadata.title,
                "authors": list(cleaned.metadata.authors),
                "published_at": cleaned.metadata.published_at,
                "modified_at": cleaned.metadata.modified_at,
                "language": cleaned.metadata.language,
                "site_name": cleaned.metadata.site_name,
                "canonical_url": cleaned.metadata.canonical_url,
            },
        }
        _write(json.dumps(data, indent=2, ensure_ascii=False) + "\n", None)
    else:
        _write(cleaned.text + "\n", None)
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from schemas import json_schema_text

    _write(json_schema_text(), args.output)
    return EXIT_OK


@contextmanager
def _loading() -> Iterator[None]:
    """The program's start-up imports, with the cyclic garbage collector paused, and what they
    made then frozen out of its reach (gc.freeze). Importing Prefect makes about 120,000 objects
    that live as long as the program, and the collector walked them again and again while they
    were made: a tenth of a second of every crawl (1.29 -> 1.16 s for a re-crawl). The cost is
    the import's own cyclic garbage, about 6,500 objects, kept for good."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def _prefect_env(home: str | None = None) -> None:
    """Quiet, patient defaults for Prefect's temporary local server; and, for an API over plain
    http, a CA file of one certificate for Prefect's API clients. Why: each client Prefect
    builds loads its CA bundle (about 20 ms, four times in a run, a fifteenth of a re-crawl
    that finds nothing new), and over plain http no TLS is ever made. A CA file already set,
    or an https API, is left as it is."""
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    if os.environ.get("PREFECT_API_URL", "").lower().startswith("http://"):
        ca_file = Path(__file__).with_name("plain_http_api_ca.pem")
        os.environ.setdefault("PREFECT_API_SSL_CERT_FILE", str(ca_file))
    if home:
        os.environ.setdefault("PREFECT_HOME", home)


@contextmanager
def _prefect_reachable(used: bool) -> Iterator[None]:
    """An unreachable Prefect API as a one-line error that says what to do, not an internal
    error. Prefect says so with a RuntimeError "Failed to reach API at <url>"."""
    try:
        yield
    except RuntimeError as exc:
        if not used or "reach API" not in str(exc):
            raise
        raise CliError(
            f"{exc}: start that Prefect server, unset PREFECT_API_URL to use a temporary"
            " local one, or run with --no-prefect",
            EXIT_ERROR,
        ) from exc


def _first_crawl_with_workers(settings: CrawlSettings, out: Path, sources: list[Source]) -> bool:
    """A run that will need the worker processes: the process runner with several workers, and
    a source with no crawl state in the output yet, so every article is fetched in full.
    Re-crawls of known sources often run in one process."""
    from flows.state import state_path  # light: the standard library and flows.files

    return (
        settings.task_runner == "process"
        and settings.workers > 1
        and any(not state_path(out, s.name).exists() for s in sources)
    )


def cmd_crawl(args: argparse.Namespace) -> int:
    with _loading():
        from flows.sources import ConfigError, load_config

        try:
            config = load_config(Path(args.config))
            sources = config.select(args.source)
        except ConfigError as exc:
            raise CliError(str(exc), EXIT_USAGE) from exc
        settings = config.crawl.model_copy(
            update={
                k: v
                for k, v in {
                    "workers": args.workers,
                    "task_runner": args.runner,
                    "dask_address": args.dask_address,
                }.items()
                if v is not None
            }
        )
        if _first_crawl_with_workers(settings, Path(args.out), sources):
            from flows.forkserver import start_fork_server

            start_fork_server()  # imports the crawl code while this process imports it too
        from flows.fetch import warm_tls_context

        warm_tls_context()
        from flows.runner import run_crawl

        if not args.no_prefect:
            _prefect_env()
            import flows.crawl_flow  # noqa: F401  (Prefect and its engines, under _loading)
        from flows.progress import RichReporter, Silent, installed

    with (
        installed(RichReporter() if sys.stderr.isatty() and not args.quiet else Silent()),
        _prefect_reachable(not args.no_prefect),
    ):
        run_crawl(sources, Path(args.out), use_prefect=not args.no_prefect, settings=settings)
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from flows.demo import run_demo

    if not args.no_prefect:
        _prefect_env()
    with _prefect_reachable(not args.no_prefect):
        return run_demo(
            Path(args.out),
            port=args.port,
            serve_only=args.serve_only,
            use_prefect=not args.no_prefect,
        )


def cmd_serve(args: argparse.Namespace) -> int:
    from flows.sources import ConfigError, load_config

    try:
        config = load_config(Path(args.config))
        sources = config.select(args.source)
    except ConfigError as exc:
        raise CliError(str(exc), EXIT_USAGE) from exc
    _prefect_env()
    from flows.serve import serve_sources

    try:
        serve_sources(sources, Path(args.out), config.crawl)
    except ValueError as exc:
        raise CliError(str(exc), EXIT_USAGE) from exc
    return EXIT_OK


class _VersionAction(argparse.Action):
    """--version, reading the installed version only when asked: importlib.metadata takes
    about 20 ms to import, on every run otherwise."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS)

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("healthsift")
        except PackageNotFoundError:  # a source tree that was never installed
            found = "(not installed)"
        print(f"healthsift {found}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="healthsift",
        description=(
            "Turn paginated, ad-heavy consumer-health articles into clean, validated, "
            "structured JSON."
        ),
        epilog=(
            "exit codes: 0 ok, 1 internal or output error, 2 bad usage or config, "
            "3 fetch failed, 4 not an extractable article"
        ),
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    parser.add_argument("--version", action=_VersionAction, help="show the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser(
        "extract",
        help="extract one article (all its pages) as JSON",
        description="Fetch every page of the article at URL, strip ads and prompts, and print "
        "its structured record (no Prefect engine involved).",
    )
    p.add_argument("url", metavar="URL", help="first page of the article (http or https)")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout ('-')")
    p.add_argument(
        "--format",
        choices=FORMATS,
        default="json",
        help="json (the record, default), jsonld (schema.org) or markdown",
    )
    p.add_argument(
        "--max-pages",
        type=_positive,
        default=MAX_PAGES,
        metavar="N",
        help=f"follow at most N pages (default {MAX_PAGES})",
    )
    p.add_argument(
        "--timeout",
        type=_seconds,
        default=10.0,
        metavar="S",
        help="seconds per request phase (default 10)",
    )
    p.add_argument(
        "--retries",
        type=int,
        default=3,
        metavar="N",
        help="retries on 429/5xx/timeouts (default 3)",
    )
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser(
        "clean",
        help="print the cleaned main content of one page",
        description="Clean one HTML page (a file or a URL): main content without ads, widgets "
        "or furniture.",
    )
    p.add_argument("source", metavar="FILE_OR_URL")
    p.add_argument("--url", metavar="BASE", help="the page's URL, to resolve its links")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_clean)

    p = sub.add_parser(
        "crawl",
        help="one crawl run of the configured sources",
        description="Discover, extract and publish the articles of every source in the config "
        "(new and changed ones only) into OUT, as a Prefect flow run.",
    )
    p.add_argument(
        "--config",
        default="sources.toml",
        metavar="FILE",
        help="sources config (default sources.toml)",
    )
    p.add_argument("--out", default="output", metavar="DIR", help="output folder (default output)")
    p.add_argument("--source", metavar="NAME", help="crawl only this source")
    p.add_argument(
        "--no-prefect", action="store_true", help="run the same pipeline without the Prefect engine"
    )
    p.add_argument(
        "--workers",
        type=_positive,
        metavar="N",
        help="batches crawled at once (default: the config's [crawl] workers, else the CPU count)",
    )
    p.add_argument(
        "--runner",
        choices=("thread", "process", "dask"),
        help="where batches run (default: the config's, else process)",
    )
    p.add_argument(
        "--dask-address",
        metavar="ADDR",
        help="Dask scheduler for --runner dask (default: $HEALTHSIFT_DASK_ADDRESS, else a local "
        "cluster)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_crawl)

    p = sub.add_parser(
        "serve",
        help="run scheduled crawls (one Prefect deployment per source)",
        description="Serve one Prefect deployment per source with its cron schedule; runs "
        "until interrupted.",
    )
    p.add_argument("--config", default="sources.toml", metavar="FILE")
    p.add_argument("--out", default="output", metavar="DIR")
    p.add_argument("--source", metavar="NAME", help="serve only this source")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser(
        "demo",
        help="serve the bundled demo site and crawl it into OUT",
        description="Serve the bundled demo site on 127.0.0.1 and crawl it into OUT.",
    )
    p.add_argument("--out", default="output", metavar="DIR", help="output folder (default output)")
    p.add_argument(
        "--port",
        type=int,
        default=8765,
        help="port for the demo site on 127.0.0.1 (default 8765; a free one if busy)",
    )
    p.add_argument(
        "--serve-only", action="store_true", help="only serve the demo site until interrupted"
    )
    p.add_argument("--no-prefect", action="store_true", help="crawl without the Prefect engine")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("schema", help="print the JSON Schema of the record")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.set_defaults(func=cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except CliError as exc:
        for line in str(exc).splitlines() or [""]:
            print(f"healthsift: error: {line}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("healthsift: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:
        if args.debug:
            raise
        print(
            f"healthsift: internal error: {type(exc).__name__}: {exc} (rerun with --debug)",
            file=sys.stderr,
        )
        return EXIT_ERROR


def run() -> NoReturn:
    """The `healthsift` program: `main` on the command line, then exit without the
    interpreter's last garbage collections. Those walk every object still alive, and after a
    Prefect run that is the whole of Prefect: 0.3-0.4 s of a crawl's wall time. gc.freeze
    moves the survivors out of the collector's reach; the exit itself (atexit handlers, flushing,
    closing files, ending the worker processes) is the usual one."""
    code = main()
    gc.freeze()
    raise SystemExit(code)


if __name__ == "__main__":
    run()
