"""A TCP proxy adding network latency, for benchmarks against a local database server (benchmarks/team_load.py).

Each chunk of bytes is forwarded half the round trip after it arrived, in order, in both directions; it runs in a
thread of the process that starts it.
"""

from __future__ import annotations

import asyncio
import threading
import time


async def _pipe(reader, writer, delay: float) -> None:
    """Forward bytes, each chunk `delay` seconds after it arrived, in order."""
    queue: asyncio.Queue = asyncio.Queue()

    async def deliver() -> None:
        while True:
            due, chunk = await queue.get()
            if chunk is None:
                break
            await asyncio.sleep(max(0.0, due - time.monotonic()))
            writer.write(chunk)
            await writer.drain()
        writer.close()

    sender = asyncio.create_task(deliver())
    while chunk := await reader.read(65536):
        queue.put_nowait((time.monotonic() + delay, chunk))
    queue.put_nowait((0, None))
    await sender


def start_proxy(host: str, port: int, latency_ms: float) -> int:
    """Listen on a free local port, forwarding to host:port with latency_ms / 2 each way; returns the port."""
    found: dict[str, int] = {}
    ready = threading.Event()

    async def handle(client_reader, client_writer) -> None:
        server_reader, server_writer = await asyncio.open_connection(host, port)
        half = latency_ms / 2000
        await asyncio.gather(_pipe(client_reader, server_writer, half), _pipe(server_reader, client_writer, half),
                             return_exceptions=True)

    async def serve() -> None:
        server = await asyncio.start_server(handle, "127.0.0.1", 0)
        found["port"] = server.sockets[0].getsockname()[1]
        ready.set()
        await server.serve_forever()

    threading.Thread(target=lambda: asyncio.run(serve()), daemon=True).start()
    ready.wait(10)
    return found["port"]
