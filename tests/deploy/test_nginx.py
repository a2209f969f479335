"""deploy/nginx.conf in front of the site: what it caches (only what the app marks public), what it
never answers from its cache (no-store searches, form posts, the chat API, result links), its
request limit per client (429), its body limit (413) and gzip.

The site runs under gunicorn as `make run` serves it (tests/gunicorn_server.py), nginx with a copy
of deploy/nginx.conf in which only the two addresses are replaced (and, for the limit test, the
rate), in a scratch folder, both on free ports on 127.0.0.1."""

from __future__ import annotations

import gzip
import http.client
import json
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.conftest import ROOT, STORED_ANSWERS
from tests.deploy.conftest import NGINX
from tests.gunicorn_server import free_port, gunicorn_serving

CONFIG = ROOT / "deploy" / "nginx.conf"
UPSTREAM = "server 127.0.0.1:8000;"
LISTEN = "listen 127.0.0.1:8080 "
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def nginx_config(app_port: int, port: int, *replacements: tuple[str, str]) -> str:
    """deploy/nginx.conf with the app's and nginx's addresses (and `replacements`) swapped in;
    each replaced text must occur exactly once, so a changed config fails here, not silently."""
    text = CONFIG.read_text()
    swaps = (
        (UPSTREAM, f"server 127.0.0.1:{app_port};"),
        (LISTEN, f"listen 127.0.0.1:{port} "),
        *replacements,
    )
    for old, new in swaps:
        assert text.count(old) == 1, f"expected {old!r} once in {CONFIG}"
        text = text.replace(old, new)
    return text


@contextmanager
def nginx_serving(app_port: int, *replacements: tuple[str, str]) -> Iterator[int]:
    """nginx in the foreground with the copied config in a scratch folder; its port. The folder
    is mode 755, since nginx's workers run as an unprivileged user when started as root."""
    folder = Path(tempfile.mkdtemp(prefix="pensionsguiden-nginx-"))
    folder.chmod(0o755)
    for name in ("logs", "temp", "cache"):
        (folder / name).mkdir()
    port = free_port()
    (folder / "nginx.conf").write_text(nginx_config(app_port, port, *replacements))
    error_log = folder / "logs" / "error.log"
    command = [NGINX, "-p", f"{folder}/", "-c", str(folder / "nginx.conf"), "-e", str(error_log)]
    server = subprocess.Popen(
        [*command, "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    problem = server.stderr.read().decode() if server.stderr else ""
                    log = error_log.read_text() if error_log.exists() else ""
                    pytest.fail(f"nginx did not start: {problem}{log}")
                time.sleep(0.02)
        yield port
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGQUIT)  # graceful stop
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=5)
        if server.stderr:
            server.stderr.close()
        shutil.rmtree(folder, ignore_errors=True)


@dataclass
class Reply:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def cache(self) -> str | None:
        return self.headers.get("X-Cache")


def fetch(
    port: int,
    path: str,
    method: str = "GET",
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    connection: http.client.HTTPConnection | None = None,
) -> Reply:
    own = connection is None
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return Reply(response.status, response.headers, response.read())
    finally:
        if own:
            connection.close()


def post_form(port: int, path: str, fields: dict[str, str]) -> Reply:
    return fetch(port, path, "POST", urlencode(fields).encode(), FORM)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[int]:
    data = tmp_path_factory.mktemp("nginx-site")
    with gunicorn_serving(
        data,
        data / "gunicorn.log",
        workers=1,
        PENSIONSGUIDEN_SECRET_KEY="nginx-tests",
        PENSIONSGUIDEN_TRUSTED_PROXIES="127.0.0.1",
    ) as (_base, port):
        yield port


@pytest.fixture(scope="module")
def proxy(site: int) -> Iterator[int]:
    """nginx as deploy/nginx.conf configures it, in front of the site."""
    with nginx_serving(site) as port:
        yield port


def test_an_answer_page_is_a_miss_then_a_hit_with_the_same_body(proxy: int) -> None:
    first = fetch(proxy, "/faq/folkepensionsalder")
    second = fetch(proxy, "/faq/folkepensionsalder")
    assert (first.status, first.cache) == (200, "MISS")
    assert (second.status, second.cache) == (200, "HIT")
    assert second.body == first.body
    assert b"<h1" in first.body
    assert second.headers["ETag"] == first.headers["ETag"]
    assert "public" in second.headers["Cache-Control"]
    assert second.headers["Server"] == "nginx"  # server_tokens off: no version


def test_a_search_that_found_something_is_cached(proxy: int) -> None:
    path = "/search?q=seniorpension+betingelser"
    first, second = fetch(proxy, path), fetch(proxy, path)
    assert "no-store" not in first.headers.get("Cache-Control", "")
    assert (first.cache, second.cache) == ("MISS", "HIT")
    assert second.body == first.body


def test_a_search_that_found_nothing_is_never_a_hit(proxy: int) -> None:
    path = "/search?q=qqqzzzxxx"
    replies = [fetch(proxy, path) for _ in range(3)]
    assert all(reply.status == 200 for reply in replies)
    assert all(reply.headers["Cache-Control"] == "no-store, private" for reply in replies)
    assert [reply.cache for reply in replies] == ["MISS"] * 3


def test_many_making_the_same_search_that_found_nothing_do_not_wait_in_turn(proxy: int) -> None:
    # nginx's cache lock holds back requests for an address that is being fetched; its waiting
    # requests look again only every 500 ms (or at proxy_cache_lock_timeout), and an answer that
    # may not be kept lets one of them on per look. With nginx's default timeout (5 s) eight
    # people making the same new search that finds nothing took about 3.5 s here.
    path = "/search?q=qqqzzzyyy"
    start = threading.Barrier(8)

    def search(_: int) -> Reply:
        start.wait(timeout=10)
        return fetch(proxy, path)

    began = time.monotonic()
    with ThreadPoolExecutor(8) as pool:
        replies = list(pool.map(search, range(8)))
    took = time.monotonic() - began
    assert all(reply.status == 200 for reply in replies)
    assert all(reply.headers["Cache-Control"] == "no-store, private" for reply in replies)
    assert took < 1.5, f"8 searches at once took {took:.2f} s"


def test_questionnaire_posts_always_reach_the_app(proxy: int) -> None:
    # The start page is public and cached under the same address as the posts.
    start = [fetch(proxy, "/tjek") for _ in range(2)]
    assert [reply.cache for reply in start] == ["MISS", "HIT"]
    step = {
        "action": "answer",
        "question": "birth_date",
        "birth_day": "3",
        "birth_month": "5",
        "birth_year": "1966",
    }
    for _ in range(2):
        reply = post_form(proxy, "/tjek", step)
        assert reply.status == 200
        assert reply.cache != "HIT"
        assert reply.body != start[0].body
        assert b"1966-05-03" in reply.body  # the answer travels on in a hidden field


def test_a_browsers_form_post_on_another_port_is_not_refused(proxy: int) -> None:
    # The app refuses a post whose Origin names another host than the request's; nginx passes the
    # Host with its port, so this holds on any port, not only 80 and 443.
    body = urlencode({"message": "Hvornår kan jeg få folkepension?"}).encode()
    origin = {**FORM, "Origin": f"http://127.0.0.1:{proxy}", "Sec-Fetch-Site": "same-origin"}
    assert fetch(proxy, "/chat", "POST", body, origin).status == 200
    other = {**FORM, "Origin": "http://127.0.0.1:1"}
    assert fetch(proxy, "/chat", "POST", body, other).status == 403


def result_link(proxy: int) -> str:
    """The path of a questionnaire result link, as the result page shows it."""
    page = post_form(proxy, "/tjek", {**STORED_ANSWERS, "action": "result"})
    assert page.status == 200
    assert page.cache != "HIT"
    found = re.search(rb"/tjek/resultat/[^\"'<\s]+", page.body)
    assert found, "no result link on the result page"
    return found.group().decode()


def test_result_links_are_never_hits(proxy: int) -> None:
    link = result_link(proxy)
    replies = [fetch(proxy, link) for _ in range(3)]
    assert [reply.status for reply in replies] == [200] * 3
    assert all(reply.cache != "HIT" for reply in replies)
    broken = [fetch(proxy, "/tjek/resultat/anything") for _ in range(2)]
    assert all(reply.cache != "HIT" for reply in broken)


def test_chat_api_posts_are_never_hits(proxy: int) -> None:
    body = json.dumps({"message": "Hvornår kan jeg få folkepension?", "lang": "da"}).encode()
    for _ in range(2):
        reply = fetch(proxy, "/api/v1/chat", "POST", body, {"Content-Type": "application/json"})
        assert reply.status == 200
        assert reply.cache != "HIT"
        assert json.loads(reply.body)["reply"]


def test_html_is_gzipped_when_asked_and_the_cache_keeps_it_plain(proxy: int) -> None:
    plain = fetch(proxy, "/a-z")
    packed = fetch(proxy, "/a-z", headers={"Accept-Encoding": "gzip"})
    again = fetch(proxy, "/a-z")
    assert plain.headers["Content-Type"].startswith("text/html")
    assert packed.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed.headers["Vary"]
    assert packed.cache == "HIT"  # the same cache entry serves both
    assert gzip.decompress(packed.body) == plain.body
    assert len(packed.body) < len(plain.body) / 2
    assert "Content-Encoding" not in again.headers and again.body == plain.body


NGINX_PAGE_HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options")


def assert_own_error_page(reply: Reply, status: int) -> None:
    """nginx's own error page: both languages, the security headers, never kept."""
    assert reply.status == status
    assert b"Noget gik galt" in reply.body and b"Something went wrong" in reply.body
    assert all(name in reply.headers for name in NGINX_PAGE_HEADERS)
    assert reply.headers["Cache-Control"] == "no-store"


def test_a_body_over_the_apps_limit_is_refused_by_nginx(proxy: int) -> None:
    assert_own_error_page(post_form(proxy, "/chat", {"message": "a" * 70_000}), 413)


def test_an_over_long_address_or_a_malformed_request_gets_nginx_s_own_page(proxy: int) -> None:
    assert_own_error_page(fetch(proxy, "/faq/" + "a" * 20_000), 414)
    with socket.create_connection(("127.0.0.1", proxy), timeout=5) as raw:
        raw.sendall(b"NOT A REQUEST\r\n\r\n")
        answer = raw.recv(65536)
    assert answer.startswith(b"HTTP/1.1 400") and b"Noget gik galt" in answer
    assert b"Content-Security-Policy" in answer


def test_slow_clients_do_not_hold_up_the_others(proxy: int) -> None:
    # Slowloris: connections that send their headers a byte at a time. nginx waits for them
    # (client_header_timeout); none of them reaches gunicorn's few threads.
    slow = [socket.create_connection(("127.0.0.1", proxy), timeout=5) for _ in range(30)]
    try:
        for connection in slow:
            connection.sendall(b"GET /faq/tidlig-pension HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: ")
        started = time.monotonic()
        reply = fetch(proxy, "/faq/folkepensionsalder?slow-client-test")
        assert reply.status == 200 and time.monotonic() - started < 2
    finally:
        for connection in slow:
            connection.close()


def test_one_client_over_the_request_limit_gets_429(site: int) -> None:
    # The same config with a lower rate and burst, so that a short burst is enough.
    lower = (("rate=10r/s;", "rate=1r/s;"), ("burst=50 nodelay", "burst=5 nodelay"))
    with nginx_serving(site, *lower) as port:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            statuses = [fetch(port, "/", connection=connection).status for _ in range(30)]
        finally:
            connection.close()
    assert statuses[:5] == [200] * 5
    assert set(statuses) == {200, 429}
    assert statuses.count(429) >= 20
