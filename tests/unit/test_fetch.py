"""The URL loader's refusals, against real HTTP servers on the loopback interface.

Two servers: "inside" on 127.0.0.1 (stands for the host's own network) and "outside" on
127.0.0.2, which these tests declare public by patching `fetch.is_public`, so that a redirect
from a "public" page to 127.0.0.1 can be exercised without the internet.
"""

from __future__ import annotations

import ipaddress
import shutil
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sourcetrace import fetch
from sourcetrace.errors import InputError

PAGE = b"<html><head><title>A page</title></head><body><p>Body text.</p></body></html>"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:  # keep pytest output clean
        pass

    def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self.server.hits.append(self.path)  # type: ignore[attr-defined]
        inside = self.server.inside_port  # type: ignore[attr-defined]
        p = self.path
        if p == "/page":
            self._send(200, PAGE, {"Content-Type": "text/html; charset=utf-8"})
        elif p.startswith("/caf%C3%A9"):
            self._send(200, p.encode())
        elif p == "/host":
            self._send(200, self.headers.get("Host", "").encode())
        elif p == "/redirect-local":
            self._send(302, headers={"Location": f"http://127.0.0.1:{inside}/page"})
        elif p == "/redirect-relative":
            self._send(301, headers={"Location": "/page"})
        elif p == "/redirect-file":
            self._send(302, headers={"Location": "file:///etc/passwd"})
        elif p.startswith("/loop"):
            n = int(p[len("/loop") :] or 0)
            self._send(302, headers={"Location": f"/loop{n + 1}"})
        elif p == "/big-declared":
            self._send(200, b"x" * 5000)
        elif p == "/big-chunked":  # no Content-Length: the limit must hold while streaming
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for _ in range(10):
                self.wfile.write(b"400\r\n" + b"y" * 1024 + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
        elif p == "/hang":
            time.sleep(3)
            try:
                self._send(200, b"late")
            except OSError:  # the client gave up long ago, as it should
                pass
        elif p == "/trickle":  # headers at once, then one byte at a time: only a total budget stops it
            self.send_response(200)
            self.send_header("Content-Length", "100")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"z")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass
        elif p == "/missing":
            self._send(404, b"no")
        else:
            self._send(500)


def _serve(host: str) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer((host, 0), _Handler)
    server.daemon_threads = True
    server.hits = []  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def servers() -> Iterator[tuple[ThreadingHTTPServer, ThreadingHTTPServer]]:
    inside, outside = _serve("127.0.0.1"), _serve("127.0.0.2")
    for s in (inside, outside):
        s.inside_port = inside.server_address[1]  # type: ignore[attr-defined]
    yield inside, outside
    for s in (inside, outside):
        s.shutdown()
        s.server_close()


@pytest.fixture()
def outside_is_public(monkeypatch: pytest.MonkeyPatch) -> None:
    real = fetch.is_public
    monkeypatch.setattr(fetch, "is_public", lambda ip: str(ip) == "127.0.0.2" or real(ip))


def _url(server: ThreadingHTTPServer, path: str, host: str | None = None) -> str:
    addr, port = server.server_address[:2]
    return f"http://{host or addr}:{port}{path}"


def test_allowed_private_fetch_returns_body_and_url(servers) -> None:
    inside, _ = servers
    body, final = fetch.fetch_url(_url(inside, "/page"), allow_private=True)
    assert body == PAGE
    assert final == _url(inside, "/page")


def test_relative_redirect_is_followed_and_reported(servers) -> None:
    inside, _ = servers
    body, final = fetch.fetch_url(_url(inside, "/redirect-relative"), allow_private=True)
    assert body == PAGE
    assert final == _url(inside, "/page")


def test_default_refuses_loopback(servers) -> None:
    inside, _ = servers
    before = len(inside.hits)
    with pytest.raises(InputError, match=r"private or local network \(127\.0\.0\.1\)"):
        fetch.fetch_url(_url(inside, "/page"))
    assert len(inside.hits) == before  # refused before any connection


def test_default_refuses_localhost_name_after_resolution(servers) -> None:
    inside, _ = servers
    with pytest.raises(InputError, match="The address localhost points to a private or local network"):
        fetch.fetch_url(_url(inside, "/page", host="localhost"))


def test_redirect_from_public_to_loopback_is_refused(servers, outside_is_public) -> None:
    inside, outside = servers
    before = len(inside.hits)
    with pytest.raises(InputError, match=r"The address 127\.0\.0\.1 points to a private or local network"):
        fetch.fetch_url(_url(outside, "/redirect-local"))
    assert outside.hits[-1] == "/redirect-local"
    assert len(inside.hits) == before  # the redirect target was never contacted


def test_public_stand_in_is_fetched(servers, outside_is_public) -> None:
    _, outside = servers
    body, _ = fetch.fetch_url(_url(outside, "/page"))
    assert body == PAGE


def test_name_resolving_to_loopback_is_refused(servers, monkeypatch, outside_is_public) -> None:
    inside, _ = servers
    monkeypatch.setattr(fetch, "resolve", lambda host, port: [ipaddress.ip_address("127.0.0.1")])
    with pytest.raises(InputError, match="The address news.example points to a private or local network"):
        fetch.fetch_url(_url(inside, "/page", host="news.example"))


def test_any_private_address_among_several_is_refused(servers, monkeypatch, outside_is_public) -> None:
    _, outside = servers
    both = [ipaddress.ip_address("127.0.0.2"), ipaddress.ip_address("10.0.0.5")]
    monkeypatch.setattr(fetch, "resolve", lambda host, port: both)
    with pytest.raises(InputError, match=r"\(10\.0\.0\.5\)"):
        fetch.fetch_url(_url(outside, "/page", host="news.example"))


def test_connects_to_the_checked_address_not_a_second_lookup(servers, monkeypatch, outside_is_public) -> None:
    """DNS rebinding: a second lookup would answer 127.0.0.1; only one lookup per hop may happen."""
    inside, outside = servers
    answers = iter([[ipaddress.ip_address("127.0.0.2")]] + [[ipaddress.ip_address("127.0.0.1")]] * 5)
    monkeypatch.setattr(fetch, "resolve", lambda host, port: next(answers))
    inside_before = len(inside.hits)
    body, _ = fetch.fetch_url(_url(outside, "/host", host="news.example"))
    port = outside.server_address[1]
    assert body == f"news.example:{port}".encode()  # the Host header keeps the name
    assert len(inside.hits) == inside_before


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("file:///etc/passwd", "Only http:// and https:// addresses can be loaded, not file://."),
        ("ftp://example.com/a.txt", "Only http:// and https:// addresses can be loaded, not ftp://."),
        ("javascript:alert(1)", "Only http:// and https:// addresses can be loaded, not javascript://."),
        ("example.com/page", "The address must start with http:// or https://."),
        ("http:///nohost", "The address 'http:///nohost' has no host name."),
    ],
)
def test_bad_schemes_and_shapes_are_refused(url: str, message: str) -> None:
    with pytest.raises(InputError) as err:
        fetch.fetch_url(url, allow_private=True)
    assert str(err.value) == message


def test_redirect_to_file_scheme_is_refused(servers) -> None:
    inside, _ = servers
    with pytest.raises(InputError, match=r"not file://\.$"):
        fetch.fetch_url(_url(inside, "/redirect-file"), allow_private=True)


def test_redirect_loop_stops_after_five(servers) -> None:
    inside, _ = servers
    before = len(inside.hits)
    with pytest.raises(InputError, match="redirected more than 5 times"):
        fetch.fetch_url(_url(inside, "/loop"), allow_private=True)
    assert inside.hits[before:] == ["/loop", "/loop1", "/loop2", "/loop3", "/loop4", "/loop5"]


def test_declared_size_over_limit_is_refused(servers) -> None:
    inside, _ = servers
    with pytest.raises(InputError, match="larger than the 1,000 bytes"):
        fetch.fetch_url(_url(inside, "/big-declared"), allow_private=True, max_bytes=1000)


def test_streamed_size_over_limit_is_refused(servers) -> None:
    inside, _ = servers
    with pytest.raises(InputError, match="larger than the 4,000 bytes"):
        fetch.fetch_url(_url(inside, "/big-chunked"), allow_private=True, max_bytes=4000)
    body, _ = fetch.fetch_url(_url(inside, "/big-chunked"), allow_private=True, max_bytes=20_000)
    assert body == b"y" * 10 * 1024


def test_hanging_server_times_out(servers) -> None:
    inside, _ = servers
    with pytest.raises(InputError, match="took longer than 0.5 seconds"):
        fetch.fetch_url(_url(inside, "/hang"), allow_private=True, timeout=0.5)


def test_trickling_server_is_cut_by_the_total_budget(servers) -> None:
    inside, _ = servers
    with pytest.raises(InputError, match="took longer than 0.5 seconds"):
        fetch.fetch_url(_url(inside, "/trickle"), allow_private=True, timeout=0.5)


def test_http_error_status_is_a_sentence(servers) -> None:
    inside, _ = servers
    with pytest.raises(InputError) as err:
        fetch.fetch_url(_url(inside, "/missing"), allow_private=True)
    assert str(err.value) == "127.0.0.1 answered 404 Not Found."


def test_non_ascii_path_is_percent_encoded(servers) -> None:
    inside, _ = servers
    body, _ = fetch.fetch_url(_url(inside, "/café?q=é ü"), allow_private=True)
    assert body == b"/caf%C3%A9?q=%C3%A9%20%C3%BC"


def test_numeric_host_spelling_of_loopback_is_refused(servers) -> None:
    inside, _ = servers
    port = inside.server_address[1]
    with pytest.raises(InputError, match=r"private or local network \(127\.0\.0\.1\)"):
        fetch.fetch_url(f"http://2130706433:{port}/page")  # 2130706433 == 127.0.0.1


def test_internationalised_host_name_is_looked_up_as_idna(monkeypatch) -> None:
    asked: list[str] = []

    def fake_resolve(host: str, port: int):
        asked.append(host)
        raise InputError(f"The host {host} could not be found.")

    monkeypatch.setattr(fetch, "resolve", fake_resolve)
    with pytest.raises(InputError, match="could not be found"):
        fetch.fetch_url("http://bücher.example/")
    assert asked == ["xn--bcher-kva.example"]


def test_unknown_host_is_a_sentence() -> None:
    with pytest.raises(InputError) as err:
        fetch.fetch_url("http://no-such-host.invalid/", allow_private=True)
    assert str(err.value) == "The host no-such-host.invalid could not be found."


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.216.34", True),
        ("2606:4700::1111", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("0.0.0.0", False),
        ("224.0.0.1", False),
        ("240.0.0.1", False),
        ("::1", False),
        ("fe80::1", False),
        ("fd00::1", False),
        ("::ffff:127.0.0.1", False),
        ("::ffff:10.0.0.1", False),
    ],
)
def test_is_public(address: str, public: bool) -> None:
    assert fetch.is_public(ipaddress.ip_address(address)) is public


@pytest.mark.skipif(
    shutil.which("openssl") is None, reason="needs the openssl command to make a test certificate"
)
def test_https_to_the_pinned_address_verifies_the_host_name(tmp_path, monkeypatch) -> None:
    """TLS goes to the checked IP, yet SNI and certificate checks use the name from the URL."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=news.example", "-addext", "subjectAltName=DNS:news.example",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    server = ThreadingHTTPServer(("127.0.0.2", 0), _Handler)
    server.inside_port = 0  # type: ignore[attr-defined]
    server.hits = []  # type: ignore[attr-defined]
    server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_ctx.load_cert_chain(cert, key)
    server.socket = server_ctx.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        port = server.server_address[1]
        monkeypatch.setattr(fetch, "is_public", lambda ip: str(ip) == "127.0.0.2")
        monkeypatch.setattr(fetch, "resolve", lambda host, p: [ipaddress.ip_address("127.0.0.2")])
        monkeypatch.setattr(fetch, "tls_context", lambda: ssl.create_default_context(cafile=str(cert)))
        body, final = fetch.fetch_url(f"https://news.example:{port}/page", timeout=5)
        assert (body, final) == (PAGE, f"https://news.example:{port}/page")
        with pytest.raises(InputError, match="The secure connection to other.example failed"):
            fetch.fetch_url(f"https://other.example:{port}/page", timeout=5)
    finally:
        server.shutdown()
        server.server_close()
