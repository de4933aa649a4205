"""What a crash or a backup must not lose: the server killed with SIGKILL while applicants
submit keeps every submission it acknowledged, and `s3desk backup` copies the live SQLite
database consistently, checked by reopening the copy."""
import concurrent.futures
import os
import signal
import subprocess
import threading
import time
import urllib.error

from conftest import BINARY, PASSWORD, STAFF_EMAIL, api, api_token

NEEDS = "We need help to run a continuous entrepreneurial discovery process with our universities and SMEs. " * 2
TERRITORIES = ["PL92", "IE05", "FRB0", "ITF6", "EL43", "BG31", "ES61", "PT11"]


def applicant(server, territory):
    email = f"s3@{territory.lower()}.durability.example"
    made = server.command("user", "add", "--email", email, "--name", f"Officer of {territory}", "--role", "applicant",
                          "--authority", f"Authority of {territory}", "--authority-type", "regional_authority",
                          "--territory", territory, stdin=PASSWORD + "\n")
    assert made.returncode == 0, made.stdout + made.stderr
    return email, api_token(server, email)


def draft(territory, email):
    return {"organisationName": f"Authority of {territory}", "authorityType": "regional_authority",
            "s3ResponsibilityConfirmed": True, "territory": territory,
            "contact": {"name": f"Officer of {territory}", "email": email, "position": "S3 officer"},
            "topics": ["edp"], "needs": NEEDS, "s3Context": "Agrifood", "stakeholders": "Universities and SMEs",
            "expectedResults": "A continuous EDP", "languages": ["English"]}


def test_sigkill_during_submissions_loses_no_acknowledged_one(server):
    staff = api_token(server, STAFF_EMAIL)
    call = api(server, "POST", "/api/v1/calls", {"title": "Targeted Support through a crash", "cutoffs": ["2026-03-31"]}, staff)
    people = [(territory, *applicant(server, territory)) for territory in TERRITORIES]
    acknowledged, lock, stop = [], threading.Lock(), threading.Event()

    def submit_until_the_crash(territory, email, token):
        while not stop.is_set():
            try:
                created = api(server, "POST", f"/api/v1/calls/{call['id']}/applications", draft(territory, email), token)
                submitted = api(server, "POST", f"/api/v1/applications/{created['id']}/submit", None, token)
            except (urllib.error.URLError, ConnectionError, OSError):
                return  # the server is gone: what it did not answer is not claimed
            assert submitted["status"] == "submitted"
            with lock:
                acknowledged.append(created["id"])

    with concurrent.futures.ThreadPoolExecutor(max_workers=len(people)) as pool:
        running = [pool.submit(submit_until_the_crash, *person) for person in people]
        deadline = time.time() + 30
        while len(acknowledged) < 40 and time.time() < deadline:
            time.sleep(0.05)
        os.kill(server.process.pid, signal.SIGKILL)
        server.process.wait()
        stop.set()
        for future in running:
            future.result()
    assert len(acknowledged) >= 40, "the applicants were submitting when the server was killed"
    server.start()
    staff = api_token(server, STAFF_EMAIL)
    for application in acknowledged:
        assert api(server, "GET", f"/api/v1/applications/{application}", token=staff)["status"] == "submitted", application


def test_backup_while_serving_is_a_checked_consistent_copy(server, tmp_path):
    staff = api_token(server, STAFF_EMAIL)
    total = api(server, "GET", "/api/v1/applications?limit=1", token=staff)["total"]
    copy = tmp_path / "copy.sqlite"
    made = server.command("backup", "--to", str(copy))
    assert made.returncode == 0, made.stdout + made.stderr
    assert "integrity ok" in made.stdout and f"{total} applications" in made.stdout, made.stdout
    # The copy is a database the server runs on.
    env = dict(server.env, S3DESK_SQLITE=str(copy))
    reopened = subprocess.run([BINARY, "migrate"], env=env, capture_output=True, text=True, timeout=120)
    assert reopened.returncode == 0 and "up to date" in reopened.stdout, reopened.stdout + reopened.stderr
    again = server.command("backup", "--to", str(copy))
    assert again.returncode != 0 and "exists already" in again.stdout + again.stderr
    missing = server.command("backup")
    assert missing.returncode != 0 and "--to FILE" in missing.stdout + missing.stderr


def test_sigterm_finishes_the_request_in_flight(server):
    """A request whose body is still arriving when the server is told to stop gets its answer,
    and the server then exits on its own: a deployment's restart drops nobody's work."""
    import json
    import socket
    body = json.dumps({"email": STAFF_EMAIL, "password": PASSWORD}).encode()
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as connection:
        connection.sendall(b"POST /api/v1/auth/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                           + f"Content-Length: {len(body)}\r\n\r\n".encode() + body[:10])
        time.sleep(0.5)
        server.process.send_signal(signal.SIGTERM)
        time.sleep(0.5)
        assert server.process.poll() is None, "the server waits for the request in flight"
        connection.sendall(body[10:])
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = connection.recv(65536)
            assert chunk, f"the connection closed without an answer: {answer!r}"
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 200"), answer[:200]
    assert server.process.wait(timeout=20) == 0
    server.start()
