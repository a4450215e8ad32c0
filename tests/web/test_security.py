"""`moteleder nett` refuses what it must, over plain HTTP: no token, a wrong token, a used
token, a foreign Origin or Host (even with the cookie); and it listens on 127.0.0.1 only."""

from __future__ import annotations

import socket
import urllib.error
import urllib.request

import pytest

from moteleder.cli.web_server import COOKIE


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], str]:
    """Status, headers and body of one GET, without following a redirect."""
    opener = urllib.request.build_opener(_NoRedirect)
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8")
    except urllib.error.HTTPError as refused:
        return refused.code, dict(refused.headers), refused.read().decode("utf-8")


def cookie_from(served) -> str:
    """The token exchanged for the cookie, as the browser does on the first visit."""
    status, headers, _ = fetch(served.url)
    assert status == 302 and headers["Location"] == "/"
    set_cookie = headers["Set-Cookie"]
    assert "HttpOnly" in set_cookie and "SameSite=Strict" in set_cookie
    assert served.token not in set_cookie  # the cookie is not the token
    return set_cookie.split(";", 1)[0]


def test_without_the_token_every_path_is_refused_in_norwegian(served):
    for path in ("/", "/ws", "/static/js/textual.js", "/download/x"):
        status, _, body = fetch(served.origin + path)
        assert status == 403, path
        assert "Ingen tilgang" in body


def test_a_wrong_token_is_refused(served):
    status, headers, body = fetch(f"{served.origin}/?token=feil{served.token}")
    assert status == 403 and "Ingen tilgang" in body and "Set-Cookie" not in headers


def test_the_token_works_once_and_the_cookie_opens_the_page(served):
    cookie = cookie_from(served)
    status, _, body = fetch(served.url)  # a second browser with the same link
    assert status == 403 and "Ingen tilgang" in body
    status, _, page = fetch(served.origin + "/", {"Cookie": cookie})
    assert status == 200 and 'id="terminal"' in page
    assert "googleapis" not in page and "Session ended" not in page  # nothing from the internet
    status, _, _ = fetch(served.origin + "/static/js/textual.js", {"Cookie": cookie})
    assert status == 200
    status, _, _ = fetch(served.origin + "/", {"Cookie": f"{COOKIE}=gjettet"})
    assert status == 403


def test_a_foreign_origin_is_refused_even_with_the_cookie(served):
    cookie = cookie_from(served)
    for path in ("/", "/ws"):
        status, _, body = fetch(served.origin + path, {"Cookie": cookie, "Origin": "http://evil.example"})
        assert status == 403 and "annen nettside" in body
    status, _, _ = fetch(served.origin + "/", {"Cookie": cookie, "Host": f"evil.example:{served.port}"})
    assert status == 403


def test_it_listens_on_the_loopback_address_only(served):
    addresses = _listening_addresses(served.port)
    if not addresses:
        pytest.skip("no /proc/net/tcp here to read the listening sockets from")
    assert addresses == {"0100007F"}  # 127.0.0.1, and nothing on 0.0.0.0 or ::
    outward = _outward_address()
    if outward is not None:
        with pytest.raises(OSError):
            socket.create_connection((outward, served.port), timeout=2).close()


def _listening_addresses(port: int) -> set[str]:
    """The local addresses with a socket listening on `port` (from /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = open(table).read().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


def _outward_address() -> str | None:
    """This machine's address towards the network (no packet is sent), if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed anywhere
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address
