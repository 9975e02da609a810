"""The URL fetcher behind `load.load_url`: safe to run on a hosted instance open to strangers.

A stranger's URL must not make the server talk to its own network (cloud metadata at
169.254.169.254, an admin page on localhost, a database on 10.x). So every hop, redirects
included, is checked *after* DNS resolution and the connection goes to the very address that was
checked: a second lookup could answer differently (DNS rebinding). Only the standard library is
used, and no proxy from the environment is honoured (a proxy would do its own resolution).
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from urllib.parse import quote, urljoin, urlsplit

from sourcetrace.errors import InputError

MAX_REDIRECTS = 5
_USER_AGENT = "Sourcetrace/0.1 (+article reader)"
_CHUNK = 64 * 1024
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def is_public(ip: IPAddress) -> bool:
    """True for an address on the public internet; False for private, loopback, link-local, etc."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    return ip.is_global and not (
        ip.is_multicast or ip.is_reserved or ip.is_loopback or ip.is_link_local or ip.is_unspecified
    )


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address `host` resolves to (all of them are checked, not only the first)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as e:
        raise InputError(f"The host {host} could not be found.") from e
    out: list[IPAddress] = []
    for info in infos:
        addr = ipaddress.ip_address(info[4][0].split("%", 1)[0])  # drop an IPv6 zone id
        if addr not in out:
            out.append(addr)
    if not out:
        raise InputError(f"The host {host} could not be found.")
    return out


def tls_context() -> ssl.SSLContext:
    """Certificates verified against the system's CAs and the host name (tests swap the CAs)."""
    return ssl.create_default_context()


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """An HTTP connection to a fixed, already-checked IP; the Host header keeps the name."""

    def __init__(self, host: str, port: int, ip: IPAddress, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._ip = ip

    def connect(self) -> None:
        self.sock = socket.create_connection((str(self._ip), self.port), self.timeout)
        self.pinned_sock = self.sock  # kept: http.client drops self.sock once a response owns it


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPS to a fixed IP, with the certificate still verified against the host name (SNI)."""

    def __init__(self, host: str, port: int, ip: IPAddress, timeout: float) -> None:
        self._ctx = tls_context()
        super().__init__(host, port, timeout=timeout, context=self._ctx)
        self._ip = ip

    def connect(self) -> None:
        raw = socket.create_connection((str(self._ip), self.port), self.timeout)
        self.sock = self._ctx.wrap_socket(raw, server_hostname=self.host)
        self.pinned_sock = self.sock  # kept: http.client drops self.sock once a response owns it


def _check_url(url: str) -> tuple[str, str, int, str]:
    """(scheme, host, port, path?query) of an http(s) URL, or InputError."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as e:
        raise InputError(f"The address {url!r} is not a valid URL.") from e
    scheme = parts.scheme.lower()
    if not scheme:
        raise InputError("The address must start with http:// or https://.")
    if scheme not in ("http", "https"):
        raise InputError(f"Only http:// and https:// addresses can be loaded, not {scheme}://.")
    host = parts.hostname
    if not host:
        raise InputError(f"The address {url!r} has no host name.")
    if not host.isascii():
        try:  # an internationalised name travels as IDNA ("xn--..."), in DNS and in the Host header
            host = host.encode("idna").decode("ascii")
        except UnicodeError as e:
            raise InputError(f"The host name in {url!r} is not valid.") from e
    # http.client sends the request line as ASCII: percent-encode the rest, keep existing escapes
    path = quote(parts.path or "/", safe=_PATH_SAFE)
    if parts.query:
        path += "?" + quote(parts.query, safe=_PATH_SAFE + "?")
    return scheme, host, port or (443 if scheme == "https" else 80), path


def _pick_address(host: str, port: int, allow_private: bool) -> IPAddress:
    addresses = resolve(host, port)
    if not allow_private:
        # Refuse if *any* address is internal: the connection must not depend on which one we pick.
        for ip in addresses:
            if not is_public(ip):
                raise InputError(
                    f"The address {host} points to a private or local network ({ip}), which this "
                    "instance does not load."
                )
    return addresses[0]


def fetch_url(
    url: str, *, allow_private: bool = False, max_bytes: int = 5_000_000, timeout: float = 10.0
) -> tuple[bytes, str]:
    """(body, final_url). Raises InputError with a plain sentence on any failure.

    `timeout` bounds the whole fetch (connect, redirects and reading), not each socket call,
    so a server that trickles one byte a second cannot hold a worker for long.
    """
    deadline = time.monotonic() + timeout
    current = url.strip()
    for _hop in range(MAX_REDIRECTS + 1):
        scheme, host, port, path = _check_url(current)
        ip = _pick_address(host, port, allow_private)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise InputError(f"{host} took longer than {timeout:g} seconds to answer.")
        cls = _PinnedHTTPSConnection if scheme == "https" else _PinnedHTTPConnection
        conn = cls(host, port, ip, remaining)
        try:
            try:
                conn.request(
                    "GET",
                    path,
                    headers={
                        "User-Agent": _USER_AGENT,
                        "Accept": "text/html,text/plain;q=0.9,*/*;q=0.5",
                        "Accept-Encoding": "identity",  # we count bytes as they arrive, uncompressed
                    },
                )
                resp = conn.getresponse()
                if resp.status in (301, 302, 303, 307, 308):
                    location = resp.getheader("Location")
                    if not location:
                        raise InputError(f"{host} answered with a redirect that has no target.")
                    current = urljoin(current, location.strip())
                    continue
                if resp.status >= 400:
                    raise InputError(f"{host} answered {resp.status} {resp.reason or ''}".rstrip() + ".")
                body = _read_limited(resp, conn, max_bytes, deadline, host, timeout)
                return body, current
            except TimeoutError as e:
                raise InputError(f"{host} took longer than {timeout:g} seconds to answer.") from e
            except ssl.SSLError as e:
                reason = e.reason or "TLS error"
                raise InputError(f"The secure connection to {host} failed ({reason}).") from e
            except (OSError, ValueError, http.client.HTTPException) as e:
                raise InputError(f"{host} could not be reached ({type(e).__name__}).") from e
        finally:
            conn.close()
            pinned = getattr(conn, "pinned_sock", None)
            if pinned is not None:
                pinned.close()
    raise InputError(f"The address redirected more than {MAX_REDIRECTS} times; giving up.")


def _read_limited(
    resp: http.client.HTTPResponse,
    conn: http.client.HTTPConnection,
    max_bytes: int,
    deadline: float,
    host: str,
    timeout: float,
) -> bytes:
    too_big = f"The page at {host} is larger than the {max_bytes:,} bytes this instance loads."
    length = resp.getheader("Content-Length")
    if length and length.isdigit() and int(length) > max_bytes:
        raise InputError(too_big)
    chunks: list[bytes] = []
    total = 0
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise InputError(f"{host} took longer than {timeout:g} seconds to send the page.")
        sock = getattr(conn, "pinned_sock", None)
        if sock is not None:
            sock.settimeout(remaining)  # each read may only use what is left of the budget
        chunk = resp.read1(_CHUNK)
        if not chunk:
            break
        total += len(chunk)
        if total > max_bytes:
            raise InputError(too_big)
        chunks.append(chunk)
    return b"".join(chunks)
