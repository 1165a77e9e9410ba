"""python-telegram-bot's transport on aiohttp instead of httpx.

Why: on a busy evening the bot's own CPU is the limit, and most of it went to the HTTP client.
httpx (PTB's default) builds each request in pure Python; aiohttp parses HTTP in C. Measured with
bench/throughput.py, the same 600 replies cost far less CPU (see README's figures). PTB documents
`BaseRequest` as the place to plug another client in; everything above it (retries, rate limits,
error classes) stays PTB's.
"""

from __future__ import annotations

import re
import urllib.request

import aiohttp
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

POOL_SIZE = 256  # connections to the Bot API, as python-telegram-bot sizes its own pool


class AiohttpRequest(BaseRequest):
    """One aiohttp session per request object, opened in `initialize` (inside the event loop)."""

    def __init__(self, timeout_s: float = 10.0, pool_size: int = POOL_SIZE) -> None:
        self._timeout_s = timeout_s
        self._pool_size = pool_size
        self._session: aiohttp.ClientSession | None = None
        self._proxies: dict[str, str | None] = {}

    @property
    def read_timeout(self) -> float | None:
        return self._timeout_s

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._pool_size, ttl_dns_cache=300)
            self._session = aiohttp.ClientSession(connector=connector, headers={"User-Agent": self.USER_AGENT})

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    def _seconds(self, value: object) -> float | None:
        """PTB passes a DefaultValue sentinel for "use yours", None for "no limit", or seconds."""
        if isinstance(value, int | float) or value is None:
            return None if value is None else float(value)
        return self._timeout_s

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = BaseRequest.DEFAULT_NONE,
        write_timeout: object = BaseRequest.DEFAULT_NONE,
        connect_timeout: object = BaseRequest.DEFAULT_NONE,
        pool_timeout: object = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("AiohttpRequest is not initialized")
        read = self._seconds(read_timeout)
        connect = self._seconds(connect_timeout)
        pool = self._seconds(pool_timeout)
        write = self._seconds(write_timeout)
        # aiohttp's `connect` covers waiting for a pooled connection plus opening one.
        waiting = None if connect is None or pool is None else connect + pool
        # A total deadline too: an answer dribbled a byte at a time passes every per-read timeout.
        parts = (waiting, write, read)
        total = None if any(part is None for part in parts) else sum(part for part in parts if part is not None)
        timeout = aiohttp.ClientTimeout(total=total, connect=waiting, sock_connect=connect, sock_read=read)
        try:
            origin = url[: url.find("/", url.find("//") + 2)]
            if origin not in self._proxies:
                self._proxies[origin] = environment_proxy(origin)
            async with self._session.request(
                method,
                url,
                data=_body(request_data),
                timeout=timeout,
                allow_redirects=False,
                proxy=self._proxies[origin],
            ) as response:
                return response.status, await response.read()
        except aiohttp.ConnectionTimeoutError:
            # Never reached Telegram: safe to try again (a NetworkError, which callers retry).
            raise NetworkError(f"connecting to the Bot API timed out ({method} {_redacted(url)})") from None
        except TimeoutError:
            # Sent, but no (whole) answer in time: Telegram may have acted. TimedOut tells callers not to
            # re-send blindly (a reply would arrive twice).
            raise TimedOut(f"no answer in time ({_redacted(url)})") from None
        except aiohttp.ClientError as error:
            # aiohttp's messages carry the URL, and the URL carries the token: never let it through, not even
            # in a traceback's chained exception (hence `from None`).
            raise NetworkError(f"aiohttp.{type(error).__name__}: {_redacted(str(error))}") from None


_TOKEN_IN_URL = re.compile(r"/bot\d+:[A-Za-z0-9_-]+")


def _redacted(text: str) -> str:
    """A Bot API URL (or an error quoting one) without the token: `/bot<token>/` becomes `/bot<redacted>/`."""
    return _TOKEN_IN_URL.sub("/bot<redacted>", text)


def environment_proxy(origin: str) -> str | None:
    """The proxy HTTPS_PROXY/HTTP_PROXY/NO_PROXY name for `scheme://host[:port]`, as httpx honoured them.

    Read once per host: aiohttp's own `trust_env` reads the environment on every request, which
    measured as a third of the transport's CPU."""
    scheme, _, host = origin.partition("://")
    if urllib.request.proxy_bypass(host.rsplit(":", 1)[0]):
        return None
    return urllib.request.getproxies().get(scheme)


def _body(request_data: RequestData | None) -> aiohttp.FormData | dict[str, str] | None:
    """Form-encoded parameters as PTB's httpx transport sends them; multipart when a file is attached."""
    if request_data is None:
        return None
    parameters = request_data.json_parameters
    if not request_data.contains_files:
        return parameters
    form = aiohttp.FormData()
    for name, value in parameters.items():
        form.add_field(name, value)
    for name, (filename, content, mime_type) in request_data.multipart_data.items():
        form.add_field(name, content, filename=filename, content_type=mime_type)
    return form
