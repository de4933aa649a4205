"""Two S3Desk servers on one PostgreSQL database behind a real nginx (Debian's package) on
loopback, as the README's deployment section lays them out: sign-ins, registrations and
submissions go through nginx to either server, every email reaches the SMTP sink exactly
once (both servers run an outbox worker), and the sign-in throttle holds across both."""
import concurrent.futures
import json
import os
import pathlib
import re
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import Counter

import pytest

from conftest import PASSWORD, PINNED_NOW, REPORTS, Server, free_port

NEEDS = "We need help to run a continuous entrepreneurial discovery process with our universities and SMEs. " * 2
STAFF = "sec@two-servers.example.eu"
# Twelve regions, each an authority registering and applying through nginx at the same time.
TERRITORIES = ["PL92", "IE05", "FRB0", "ITF6", "EL43", "BG31", "ES61", "PT11", "RO11", "CZ08", "DE40", "SK04"]


def admin_url():
    url = os.environ.get("TEST_DATABASE_URL")
    assert url, "TEST_DATABASE_URL is not set: scripts/test starts PostgreSQL and sets it"
    return url


def psql(url, sql):
    subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-qAtc", sql], check=True, capture_output=True, text=True)


@pytest.fixture(scope="module")
def cluster(mailbox, tmp_path_factory):
    """nginx on a free port in front of two servers sharing a database made for this module."""
    _, smtp_port = mailbox
    base = admin_url()
    database = "two_servers_" + uuid.uuid4().hex[:8]
    psql(base, f"CREATE DATABASE {database}")
    work = tmp_path_factory.mktemp("two-servers")
    nginx_port = free_port()
    url = f"http://127.0.0.1:{nginx_port}"
    env = dict(os.environ)
    env.update({
        "DATABASE_URL": base.rsplit("/", 1)[0] + "/" + database,
        "S3DESK_NOW": PINNED_NOW,
        "S3DESK_PUBLIC_URL": url,
        "S3DESK_SMTP_HOST": "127.0.0.1",
        "S3DESK_SMTP_PORT": str(smtp_port),
        "S3DESK_SMTP_SECURITY": "none",
        "S3DESK_MAIL_FROM": "noreply@s3desk.example.eu",
        "LOG_LEVEL": "warning",
    })
    servers = []
    nginx = None
    try:
        for number in (1, 2):
            port = free_port()
            server = Server(f"http://127.0.0.1:{port}", port, dict(env), REPORTS / f"server-two-servers-{number}.log")
            if number == 1:
                made = server.command("user", "add", "--email", STAFF, "--name", "Sam Secretariat", "--role", "secretariat",
                                      stdin=PASSWORD + "\n")
                assert made.returncode == 0, made.stdout + made.stderr
            server.start()  # one after the other: the first brings the schema up to date
            servers.append(server)
        config = work / "nginx.conf"
        config.write_text(pathlib.Path(__file__).with_name("two_servers_nginx.conf").read_text()
                          .replace("{prefix}", str(work)).replace("{listen}", str(nginx_port))
                          .replace("{upstreams}", "".join(f"server 127.0.0.1:{s.port};\n        " for s in servers)))
        nginx = subprocess.Popen(["/usr/sbin/nginx", "-p", str(work), "-c", str(config), "-g", "daemon off;"],
                                 stdout=subprocess.DEVNULL, stderr=open(REPORTS / "nginx-two-servers.log", "w"))
        deadline = time.time() + 20
        while True:
            try:
                with urllib.request.urlopen(url + "/health", timeout=2):
                    break
            except OSError:
                assert nginx.poll() is None, f"nginx stopped; see {REPORTS / 'nginx-two-servers.log'}"
                assert time.time() < deadline, "nginx did not answer within 20 s"
                time.sleep(0.2)
        yield url, servers
    finally:
        if nginx is not None:
            nginx.terminate()
            nginx.wait(timeout=10)
        for server in servers:
            server.stop()
        psql(base, f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")


def call_api(url, method, path, body=None, token=None):
    """(status, decoded body, the server nginx chose) for one request through nginx."""
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url + path, method=method, headers=headers,
                                     data=None if body is None else json.dumps(body).encode())
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.load(response), response.headers["X-Upstream"]
    except urllib.error.HTTPError as error:
        return error.code, json.load(error), error.headers["X-Upstream"]


def test_throttle_holds_across_both_servers(cluster):
    url, servers = cluster
    upstreams = set()
    for _ in range(5):
        status, body, upstream = call_api(url, "POST", "/api/v1/auth/token", {"email": STAFF, "password": "a wrong guess"})
        assert status == 401, body
        upstreams.add(upstream)
    assert upstreams == {f"127.0.0.1:{s.port}" for s in servers}, "nginx spread the guesses over both servers"
    # The right password now waits, whichever server answers.
    for _ in range(2):
        status, body, _ = call_api(url, "POST", "/api/v1/auth/token", {"email": STAFF, "password": PASSWORD})
        assert status == 429, body
        assert body["error"]["code"] == "too_many_attempts"


def test_registrations_and_submissions_send_each_email_once(cluster, mailbox):
    url, servers = cluster
    box, _ = mailbox
    # A staff account the throttle test left alone.
    made = servers[0].command("user", "add", "--email", "calls@two-servers.example.eu", "--name", "Cleo Calls",
                              "--role", "secretariat", stdin=PASSWORD + "\n")
    assert made.returncode == 0, made.stdout + made.stderr
    status, token, _ = call_api(url, "POST", "/api/v1/auth/token", {"email": "calls@two-servers.example.eu", "password": PASSWORD})
    assert status == 200, token
    status, call, _ = call_api(url, "POST", "/api/v1/calls", {"title": "Targeted Support behind nginx",
                                                              "cutoffs": ["2026-03-31", "2026-06-30"]}, token["token"])
    assert status == 201, call

    def apply(territory):
        email = f"s3@{territory.lower()}.two-servers.example"
        status, body, _ = call_api(url, "POST", "/api/v1/accounts", {
            "email": email, "password": PASSWORD, "name": f"Officer of {territory}",
            "organisation": {"name": f"Authority of {territory}", "authorityType": "regional_authority", "territory": territory}})
        assert status == 201, body
        message = box.wait_for(email, "Confirm your S3Desk account")
        confirmation = re.search(r"token=([\w-]+)", message.get_content()).group(1)
        assert call_api(url, "POST", "/api/v1/accounts/confirm", {"token": confirmation})[0] == 200
        status, bearer, _ = call_api(url, "POST", "/api/v1/auth/token", {"email": email, "password": PASSWORD})
        assert status == 200, bearer
        status, draft, _ = call_api(url, "POST", f"/api/v1/calls/{call['id']}/applications", {
            "organisationName": f"Authority of {territory}", "authorityType": "regional_authority",
            "s3ResponsibilityConfirmed": True, "territory": territory,
            "contact": {"name": f"Officer of {territory}", "email": email, "position": "S3 officer"},
            "topics": ["edp"], "needs": NEEDS, "s3Context": "Agrifood", "stakeholders": "Universities and SMEs",
            "expectedResults": "A continuous EDP", "languages": ["English"]}, bearer["token"])
        assert status == 201, draft
        status, submitted, upstream = call_api(url, "POST", f"/api/v1/applications/{draft['id']}/submit", None, bearer["token"])
        assert status == 200, submitted
        return email, submitted["reference"], upstream

    with concurrent.futures.ThreadPoolExecutor(max_workers=6) as pool:
        applied = list(pool.map(apply, TERRITORIES))
    assert {upstream for _, _, upstream in applied} == {f"127.0.0.1:{s.port}" for s in servers}
    for email, reference, _ in applied:
        box.wait_for(email, f"Application {reference} received")
    # Both workers have had several passes (every 5 s) since the last email was queued.
    time.sleep(12)
    ours = Counter((m["To"], m["Subject"]) for m in box.messages if m["To"].endswith(".two-servers.example"))
    assert len(ours) == 2 * len(TERRITORIES), sorted(ours)
    assert set(ours.values()) == {1}, [key for key, count in ours.items() if count > 1]
