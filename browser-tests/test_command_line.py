"""The command line as a newcomer meets it: help and mistakes touch no database, a short password
is named once and plainly, an applicant is made with the authority they act for, and a server
started on another port without S3DESK_PUBLIC_URL sends links to the port it really serves."""
import os
import re
import sqlite3
import subprocess

from conftest import BINARY, PASSWORD, REPORTS, Server, api, free_port


def run(args, cwd, stdin="", env=None):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("S3DESK_") and k != "DATABASE_URL"}
    environment.update(env or {})
    return subprocess.run([BINARY, *args], cwd=cwd, env=environment, input=stdin, text=True, capture_output=True, timeout=120)


def test_help_and_mistakes_touch_no_database(tmp_path):
    shown = run(["--help"], tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert "serve" in shown.stdout and "user" in shown.stdout
    assert run(["user", "add", "--help"], tmp_path).returncode == 0
    unknown = run(["frobnicate"], tmp_path)
    assert unknown.returncode != 0
    assert "frobnicate" in unknown.stdout + unknown.stderr
    short = run(["user", "add", "--email", "ana@example.eu", "--name", "Ana", "--role", "admin"], tmp_path, stdin="short\n")
    assert short.returncode != 0
    said = short.stdout + short.stderr
    assert said.count("Use at least 12 characters") == 1, said
    assert "--password" not in said, said
    assert list(tmp_path.iterdir()) == [], "no s3desk.sqlite (or anything else) was created"


def test_applicant_needs_the_authority_they_act_for(tmp_path):
    base = ["user", "add", "--email", "ioana@nord-est.example.ro", "--name", "Ioana Popescu", "--role", "applicant"]
    refused = run(base, tmp_path, stdin=PASSWORD + "\n")
    assert refused.returncode != 0
    assert "--authority" in refused.stdout + refused.stderr and "/register" in refused.stdout + refused.stderr
    wrong = run(base + ["--authority", "ADR Nord-Est", "--authority-type", "council", "--territory", "RO99"], tmp_path,
                stdin=PASSWORD + "\n")
    assert wrong.returncode != 0
    assert "--authority-type:" in wrong.stdout + wrong.stderr and "--territory: RO99" in wrong.stdout + wrong.stderr
    created = run(base + ["--authority", "ADR Nord-Est", "--authority-type", "regional_authority", "--territory", "RO21"],
                  tmp_path, stdin=PASSWORD + "\n")
    assert created.returncode == 0, created.stdout + created.stderr

    port = free_port()
    server = Server(f"http://127.0.0.1:{port}", port, {**os.environ, "S3DESK_SQLITE": str(tmp_path / "s3desk.sqlite"),
                                                       "LOG_LEVEL": "warning"}, REPORTS / "server-command-line.log")
    server.start()
    try:
        token = api(server, "POST", "/api/v1/auth/token", {"email": "ioana@nord-est.example.ro", "password": PASSWORD})["token"]
        authority = api(server, "GET", "/api/v1/organisation", token=token)
        assert authority["name"] == "ADR Nord-Est" and authority["territory"] == "RO21"
    finally:
        server.stop()


def test_emails_link_to_the_port_the_server_serves(tmp_path, mailbox):
    mailbox, smtp_port = mailbox
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "S3DESK_PUBLIC_URL"}
    env.update({"S3DESK_SQLITE": str(tmp_path / "s3desk.sqlite"), "S3DESK_SMTP_HOST": "127.0.0.1",
                "S3DESK_SMTP_PORT": str(smtp_port), "S3DESK_SMTP_SECURITY": "none",
                "S3DESK_MAIL_FROM": "noreply@s3desk.example.eu", "LOG_LEVEL": "warning"})
    server = Server(f"http://127.0.0.1:{port}", port, env, REPORTS / "server-public-url.log")
    server.start()
    try:
        address = "nikos@attiki.example.gr"
        api(server, "POST", "/api/v1/accounts", {
            "email": address, "password": PASSWORD, "name": "Νίκος Παπαδόπουλος",
            "organisation": {"name": "Περιφέρεια Αττικής", "authorityType": "regional_authority", "territory": "EL30"}})
        message = mailbox.wait_for(address, "Confirm your S3Desk account")
        link = re.search(r"https?://\S+token=[\w-]+", message.get_content()).group(0)
        assert link.startswith(f"http://127.0.0.1:{port}/"), link
        token = link.rpartition("token=")[2]
        api(server, "POST", "/api/v1/accounts/confirm", {"token": token})
    finally:
        server.stop()


def test_failed_job_runs_are_listed_and_sent_back(tmp_path):
    env = {"S3DESK_SQLITE": str(tmp_path / "s3desk.sqlite")}
    listed = run(["jobs", "failed"], tmp_path, env=env)
    assert listed.returncode == 0, listed.stdout + listed.stderr
    assert "No failed run." in listed.stdout
    vague = run(["jobs", "retry"], tmp_path, env=env)
    assert vague.returncode != 0
    assert "--job and --key" in vague.stdout + vague.stderr
    unknown = run(["jobs", "retry", "--job", "round-cutoff", "--key", "nowhere"], tmp_path, env=env)
    assert unknown.returncode != 0
    assert "A run of round-cutoff for nowhere was not found" in unknown.stdout + unknown.stderr


def test_audit_verify_names_the_entry_edited_behind_the_service(tmp_path):
    env = {"S3DESK_SQLITE": str(tmp_path / "s3desk.sqlite")}
    for email in ("ana@example.eu", "bo@example.eu", "cy@example.eu"):
        made = run(["user", "add", "--email", email, "--name", "Staff", "--role", "secretariat"], tmp_path, stdin=PASSWORD + "\n", env=env)
        assert made.returncode == 0, made.stdout + made.stderr
    holds = run(["audit", "verify"], tmp_path, env=env)
    assert holds.returncode == 0, holds.stdout + holds.stderr
    assert "The audit trail holds" in holds.stdout, holds.stdout
    with sqlite3.connect(tmp_path / "s3desk.sqlite") as db:
        db.execute("UPDATE audit_events SET subject_id = 'someone-else' WHERE sequence = 2")
    broken = run(["audit", "verify"], tmp_path, env=env)
    assert broken.returncode != 0
    said = broken.stdout + broken.stderr
    assert "broken at entry 2" in said and "does not match its hash" in said, said


def test_reset_two_factor_and_retention_from_the_command_line(tmp_path):
    env = {"S3DESK_SQLITE": str(tmp_path / "s3desk.sqlite")}
    made = run(["user", "add", "--email", "eleni@example.eu", "--name", "Ελένη", "--role", "secretariat"], tmp_path,
               stdin=PASSWORD + "\n", env=env)
    assert made.returncode == 0, made.stdout + made.stderr
    nothing = run(["user", "reset-2fa", "--email", "ELENI@example.eu"], tmp_path, env=env)
    assert nothing.returncode == 0 and "has no two-factor sign-in to reset" in nothing.stdout, nothing.stdout + nothing.stderr
    with sqlite3.connect(tmp_path / "s3desk.sqlite") as db:
        db.execute("UPDATE users SET totp_secret = 'JBSWY3DPEHPK3PXP', totp_last_counter = 5 WHERE email = 'eleni@example.eu'")
    reset = run(["user", "reset-2fa", "--email", "eleni@example.eu"], tmp_path, env=env)
    assert reset.returncode == 0 and "Two-factor sign-in is off for eleni@example.eu" in reset.stdout, reset.stdout + reset.stderr
    with sqlite3.connect(tmp_path / "s3desk.sqlite") as db:
        assert db.execute("SELECT totp_secret, totp_last_counter FROM users WHERE email = 'eleni@example.eu'").fetchone() == (None, None)
        assert db.execute("SELECT count(*) FROM audit_events WHERE action = 'user.two_factor_disabled'").fetchone() == (1,)
    unknown = run(["user", "reset-2fa", "--email", "nobody@example.eu"], tmp_path, env=env)
    assert unknown.returncode != 0 and "no account has the address nobody@example.eu" in unknown.stdout + unknown.stderr

    counted = run(["retention", "--dry-run"], tmp_path, env=env)
    assert counted.returncode == 0 and "0 ended applications" in counted.stdout, counted.stdout + counted.stderr
    wrong = run(["retention", "--years", "0"], tmp_path, env=env)
    assert wrong.returncode != 0 and "--years: give a whole number of years from 1 to 30" in wrong.stdout + wrong.stderr
    done = run(["retention", "--years", "3"], tmp_path, env=env)
    assert done.returncode == 0 and "from 0 applications" in done.stdout, done.stdout + done.stderr
