"""A small, fast HTTP/1.1 server for benchmarks: keep-alive, pre-rendered pages from a pickle,
strong ETags with 304 answers to If-None-Match. Run as a subprocess so it does not share the
benchmark's interpreter: python bench/fastserver.py ROUTES.pickle PORT"""

from __future__ import annotations

import asyncio
import hashlib
import pickle
import sys


def load(path: str) -> dict[str, tuple[bytes, bytes]]:
    """path -> (etag, full 200 response) for every route."""
    with open(path, "rb") as handle:
        routes: dict[str, tuple[str, bytes]] = pickle.load(handle)
    prepared = {}
    for path_key, (content_type, body) in routes.items():
        etag = b'"' + hashlib.sha1(body).hexdigest()[:16].encode() + b'"'
        head = (
            b"HTTP/1.1 200 OK\r\nContent-Type: "
            + content_type.encode()
            + b"\r\nETag: "
            + etag
            + b"\r\nContent-Length: "
            + str(len(body)).encode()
            + b"\r\n\r\n"
        )
        prepared[path_key] = (etag, head + body)
    return prepared


async def serve(routes: dict[str, tuple[bytes, bytes]], port: int) -> None:
    not_found = b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                request = await reader.readline()
                if not request:
                    break
                parts = request.split()
                path = parts[1].decode() if len(parts) > 1 else "/"
                if_none_match = b""
                while True:
                    header = await reader.readline()
                    if header in (b"\r\n", b"\n", b""):
                        break
                    if header[:14].lower() == b"if-none-match:":
                        if_none_match = header[14:].strip()
                found = routes.get(path)
                if found is None:
                    writer.write(not_found)
                elif if_none_match and if_none_match == found[0]:
                    writer.write(b"HTTP/1.1 304 Not Modified\r\nETag: " + found[0] + b"\r\n\r\n")
                else:
                    writer.write(found[1])
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", port, backlog=512)
    print("ready", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(serve(load(sys.argv[1]), int(sys.argv[2])))
