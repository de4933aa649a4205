"""Starts the real S3Desk server (SQLite file, pinned clock, SMTP to a local test server) and a
headless Chromium, for browser and API tests that use the product as people and clients do."""
import email
import email.policy
import json
import os
import pathlib
import signal
import socket
import subprocess
import time
import urllib.request

import pytest
from aiosmtpd.controller import Controller
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import WebDriverWait
from selenium_axe_python import Axe

ROOT = pathlib.Path(__file__).resolve().parent.parent
BINARY = os.environ.get("S3DESK_BIN", str(ROOT / ".build" / "debug" / "s3desk"))
PINNED_NOW = "2026-03-01T10:00:00Z"
PASSWORD = "correct horse battery"
STAFF_EMAIL = "sec@example.eu"
REPORTS = ROOT / "test-reports"


def api(server, method, path, body=None, token=None):
    """Calls the JSON API; returns the decoded answer (raises on an error status)."""
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(server.url + path, method=method, data=data, headers=headers)
    with urllib.request.urlopen(request) as response:
        return json.load(response)


def api_token(server, email, password=None):
    return api(server, "POST", "/api/v1/auth/token", {"email": email, "password": password or PASSWORD})["token"]


def fill(driver, element_id, text):
    """Types `text` into the field with that id, replacing what it held."""
    field = driver.find_element(By.ID, element_id)
    field.clear()
    field.send_keys(text)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Mailbox:
    """An SMTP server's handler that keeps every message it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 OK"

    def wait_for(self, to, subject_part, timeout=30):
        """The newest message to `to` whose subject contains `subject_part`, waiting for delivery."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            for message in reversed(self.messages):
                if message["To"] == to and subject_part in message["Subject"]:
                    return message
            time.sleep(0.25)
        raise AssertionError(f"no email to {to} about {subject_part!r} within {timeout}s: {[m['Subject'] for m in self.messages]}")


# One per module, like the server: a message another module's server sent (to an address both
# modules use) must never be the one a test finds.
@pytest.fixture(scope="module")
def mailbox():
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield box, controller.port
    controller.stop()


class Server:
    """The real server on a SQLite file of its own; `restart` brings it back on the same
    database with the clock pinned elsewhere (after a cut-off, say)."""

    def __init__(self, url, port, env, log_path):
        self.url = url
        self.port = port
        self.env = env
        self.log_path = log_path
        self.process = None
        self.log = None

    def command(self, *args, stdin=""):
        return subprocess.run([BINARY, *args], env=self.env, input=stdin, text=True, capture_output=True, timeout=120)

    def start(self):
        self.log = open(self.log_path, "a")
        self.process = subprocess.Popen([BINARY, "serve", "--hostname", "127.0.0.1", "--port", str(self.port)],
                                        env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while True:
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            assert self.process.poll() is None, f"the server stopped; see {self.log_path}"
            assert time.time() < deadline, "the server did not answer /health within 60 s"
            time.sleep(0.3)

    def stop(self):
        # Stopped by its own PID, never by name: other servers may be running on this machine.
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait()
        if self.log is not None:
            self.log.close()

    def restart(self, now):
        self.stop()
        self.env["S3DESK_NOW"] = now
        self.start()


@pytest.fixture(scope="module")
def server(mailbox, tmp_path_factory, request):
    """A server with a database of its own for each test module, so that what one module
    creates (the fuzzer's calls, say) never shows on another module's pages."""
    _, smtp_port = mailbox
    name = request.module.__name__.rpartition(".")[2]
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = dict(os.environ)
    env.update({
        "S3DESK_SQLITE": str(tmp_path_factory.mktemp("db") / "s3desk.sqlite"),
        "S3DESK_NOW": PINNED_NOW,
        "S3DESK_PUBLIC_URL": url,
        "S3DESK_SMTP_HOST": "127.0.0.1",
        "S3DESK_SMTP_PORT": str(smtp_port),
        "S3DESK_SMTP_SECURITY": "none",
        "S3DESK_MAIL_FROM": "noreply@s3desk.example.eu",
        "LOG_LEVEL": "warning",
    })
    REPORTS.mkdir(exist_ok=True)
    log_path = REPORTS / f"server-{name}.log"
    log_path.unlink(missing_ok=True)
    server = Server(url, port, env, log_path)
    created = server.command("user", "add", "--email", STAFF_EMAIL, "--name", "Sam Secretariat",
                             "--role", "secretariat", stdin=PASSWORD + "\n")
    assert created.returncode == 0, created.stdout + created.stderr
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(2)
    yield driver
    driver.quit()


@pytest.fixture
def page(browser, server):
    """The browser with no session, ready to visit the server."""
    browser.delete_all_cookies()
    return Page(browser, server.url)


class Page:
    def __init__(self, driver, base):
        self.driver = driver
        self.base = base

    def open(self, path):
        self.driver.get(self.base + path)

    def click(self, element):
        """Clicks something that loads a new page, and waits until the new page is there."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        element.click()

        def old_page_gone(driver):
            # Chromium reports a replaced page either as a stale element or as a node that
            # "does not belong to the document"; both mean the new page has replaced it.
            try:
                old.is_enabled()
                return False
            except WebDriverException:
                return driver.execute_script("return document.readyState") == "complete"

        WebDriverWait(self.driver, 15).until(old_page_gone)

    def path(self):
        return self.driver.current_url.removeprefix(self.base)

    def check(self, name):
        """Fails on any serious or critical accessibility violation; keeps a screenshot."""
        shots = REPORTS / "screenshots"
        shots.mkdir(parents=True, exist_ok=True)
        self.driver.save_screenshot(str(shots / f"{name}.png"))
        axe = Axe(self.driver)
        axe.inject()
        results = axe.run()
        bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
        lines = []
        for v in bad:
            lines.append(f"- {v['id']} ({v['impact']}): {v['help']}\n  {v['helpUrl']}")
            for node in v["nodes"]:
                lines.append(f"    at {' '.join(map(str, node['target']))}: {node['html'][:200]}")
                lines.extend(f"      {line}" for line in node.get("failureSummary", "").splitlines())
        details = "\n".join(lines)
        if bad:
            print(f"axe-core on {name} ({self.path()}):\n{details}")
        assert not bad, f"serious or critical accessibility violations on {name} ({self.path()}):\n{details}"

    def button(self, text):
        """The button a person would press, found by its visible text."""
        return self.driver.find_element(By.XPATH, f"//button[normalize-space()='{text}']")

    def main_text(self):
        return self.driver.find_element(By.TAG_NAME, "main").text
