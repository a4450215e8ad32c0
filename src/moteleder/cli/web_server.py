"""The browser view's server: textual-serve behind a token, a cookie, an Origin check and one live tab.

textual-serve (on aiohttp) runs the app in a subprocess and relays it to xterm.js in the
browser, but it has no authentication and no Origin check, and starts one app per
websocket. `MeetingServer` adds what a meeting needs: it listens on 127.0.0.1 only; the
one-time token from the printed URL is exchanged for a `SameSite=Strict; HttpOnly` cookie
(and the token then dies); every request without that cookie, with a foreign `Origin` or
`Host`, is refused with a Norwegian 403; only one tab holds the meeting at a time; the page
loads nothing from the internet; and no request is logged (the URL carries the token).
"""

from __future__ import annotations

import asyncio
import html
import secrets
import signal
from typing import Any

from aiohttp import WSCloseCode, WSMsgType, web
from aiohttp.web_runner import GracefulExit
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

HOST = "127.0.0.1"
COOKIE = "moteleder_okt"

NO_ACCESS = (
    "Ingen tilgang. Åpne lenken som ble skrevet ut da du startet «moteleder nett» "
    "(den med ?token=…), i samme nettleser. Lenken virker bare én gang; "
    "start «moteleder nett» på nytt for å få en ny."
)
FOREIGN_ORIGIN = "Ingen tilgang: forespørselen kom fra en annen nettside, og er avvist."
OPEN_ELSEWHERE = (
    "Møtet er allerede åpent i en annen fane. Bruk den fanen, "
    "eller lukk den og last inn denne siden på nytt."
)

# textual-serve's page, in Norwegian, and without the web font it fetches from Google.
PAGE_REPLACEMENTS = (
    ('    <link\n      rel="stylesheet"\n      href="https://fonts.googleapis.com/css?family=Roboto%20Mono"\n    />\n', ""),
    ('<div class="message">Session ended.</div>', '<div class="message">Møtet er lukket i denne fanen.</div>'),
    ('onClick="refresh()">Restart</button>', 'onClick="refresh()">Åpne igjen</button>'),
    ("<html>", '<html lang="nb">'),
)

# How long a new tab waits for the previous one's app to finish (a reload closes the old
# websocket just before it opens the new one), and how long Ctrl+C waits for the app.
HANDOVER_SECONDS = 5.0
STOP_SECONDS = 10.0


def message_page(text: str, status: int) -> web.Response:
    """A small Norwegian page for a refusal, readable in the browser and by a script."""
    body = (
        '<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>Møteleder</title></head>'
        '<body style="font-family: sans-serif; font-size: 1.4em; margin: 3em">'
        f"<p>{html.escape(text)}</p></body></html>"
    )
    return web.Response(status=status, text=body, content_type="text/html", charset="utf-8")


class _OwnSessionAppService(AppService):
    """textual-serve's app process, in its own session: Ctrl+C in the terminal reaches the
    server only, and the server ends the app the calm way (the app saves and quits)."""

    async def _open_app_process(self, width: int = 80, height: int = 24):
        environment = self._build_environment(width=width, height=height)
        self._process = process = await asyncio.create_subprocess_shell(
            self.command,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=environment,
            start_new_session=True,
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process


class MeetingServer(Server):
    """textual-serve's server for one meeting leader on this machine (see the module's docstring)."""

    def __init__(self, command: str, port: int, token: str) -> None:
        super().__init__(command, host=HOST, port=port, title="Møteleder")
        self.origin = f"http://{HOST}:{port}"
        self._token: str | None = token
        self._session_secret = secrets.token_urlsafe(32)
        self._live: web.WebSocketResponse | None = None
        self._ended = asyncio.Event()
        self._ended.set()

    # -- the guard ---------------------------------------------------------------------------

    def _has_cookie(self, request: web.Request) -> bool:
        return secrets.compare_digest(request.cookies.get(COOKIE, ""), self._session_secret)

    def _token_matches(self, given: str) -> bool:
        return self._token is not None and secrets.compare_digest(given, self._token)

    @web.middleware
    async def guard(self, request: web.Request, handler) -> web.StreamResponse:
        """Every request: our own Host and Origin, then the token (once) or the cookie."""
        origin = request.headers.get("Origin")
        if request.host != f"{HOST}:{self.port}" or (origin is not None and origin != self.origin):
            return message_page(FOREIGN_ORIGIN, 403)
        token = request.query.get("token")
        if token is not None:
            if self._token_matches(token):
                self._token = None  # one time only: the URL in the history opens nothing
            elif not self._has_cookie(request):
                return message_page(NO_ACCESS, 403)
            response = web.HTTPFound("/")
            response.set_cookie(
                COOKIE, self._session_secret, path="/", httponly=True, samesite="Strict"
            )
            return _hardened(response)
        if not self._has_cookie(request):
            return message_page(NO_ACCESS, 403)
        if request.path in ("/", "/ws") and not await self._free():
            return message_page(OPEN_ELSEWHERE, 409)
        response = await handler(request)
        if request.path == "/" and isinstance(response, web.Response) and response.text:
            response.text = _norwegian_page(response.text)
        return response if response.prepared else _hardened(response)

    async def _free(self) -> bool:
        """No tab holds the meeting, or the one that did lets go within a few seconds."""
        try:
            await asyncio.wait_for(self._ended.wait(), HANDOVER_SECONDS)
        except TimeoutError:
            return False
        return True

    # -- the application and the one live tab ------------------------------------------------

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self.guard)
        return app

    async def on_startup(self, app: web.Application) -> None:
        """Quiet: the command prints its own Norwegian lines (textual-serve's logo is English)."""

    async def on_shutdown(self, app: web.Application) -> None:
        """Ctrl+C: close the live tab's websocket, and wait while its app saves and quits."""
        if self._live is not None:
            await self._live.close(code=WSCloseCode.GOING_AWAY, message=b"")
            try:
                await asyncio.wait_for(self._ended.wait(), STOP_SECONDS)
            except TimeoutError:
                pass

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """textual-serve's websocket, as the one live tab, with its app in its own session."""
        if self._live is not None:  # two tabs raced past the guard
            raise web.HTTPConflict(text=OPEN_ELSEWHERE)
        websocket = web.WebSocketResponse(heartbeat=15)
        self._live = websocket
        self._ended.clear()
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        app_service: AppService | None = None
        try:
            await websocket.prepare(request)
            app_service = _OwnSessionAppService(
                self.command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
                debug=False,
            )
            await app_service.start(width, height)
            await self._process_messages(websocket, app_service)
        except asyncio.CancelledError:
            await websocket.close()
        finally:
            if app_service is not None:
                await app_service.stop()
            self._live = None
            self._ended.set()
        return websocket

    async def _process_messages(self, websocket: web.WebSocketResponse, app_service: AppService) -> None:
        """textual-serve's loop, which ends when the tab goes (a message that is not JSON is ignored)."""
        async for message in websocket:
            if message.type == WSMsgType.TEXT:
                try:
                    await _relay(message.json(), websocket, app_service)
                except (ValueError, TypeError, KeyError, IndexError):
                    continue

    # -- running -----------------------------------------------------------------------------

    def serve(self, debug: bool = False) -> None:
        """Run until Ctrl+C (or SIGTERM); no access log, since the first request carries the token."""
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, self.request_exit)
        try:
            web.run_app(
                self._make_app(), host=HOST, port=self.port, handle_signals=False, loop=loop,
                print=None, access_log=None, shutdown_timeout=STOP_SECONDS,
            )
        except GracefulExit:
            pass


async def _relay(envelope: Any, websocket: web.WebSocketResponse, app_service: AppService) -> None:
    """One message from the browser to the app: keys, a new size, focus; a ping is answered."""
    kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
    if kind == "stdin":
        await app_service.send_bytes(str(data).encode("utf-8"))
    elif kind == "resize":
        await app_service.set_terminal_size(int(data["width"]), int(data["height"]))
    elif kind == "ping":
        await websocket.send_json(["pong", data])
    elif kind == "blur":
        await app_service.blur()
    elif kind == "focus":
        await app_service.focus()


def _norwegian_page(text: str) -> str:
    for english, norwegian in PAGE_REPLACEMENTS:
        text = text.replace(english, norwegian)
    return text


def _hardened(response: web.StreamResponse) -> web.StreamResponse:
    """No other page may frame ours, and no address (with its token) leaks as a referrer."""
    response.headers["Content-Security-Policy"] = "frame-ancestors 'none'"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
