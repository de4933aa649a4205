"""Fuzzes the JSON API with schemathesis against our own OpenAPI document: no server error,
and every response must conform to what the document says."""
import json
import os
import pathlib
import subprocess
import sys
import urllib.request

from conftest import PASSWORD, REPORTS

# Its own account: the fuzzer reuses values it reads (the email of /me) and its failed
# sign-ins would lock that address out (the login throttle), so it must not be a test's.
FUZZ_EMAIL = "fuzz@example.eu"

CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"


def token(server):
    created = server.command("user", "add", "--email", FUZZ_EMAIL, "--name", "Fuzz Secretariat",
                             "--role", "secretariat", stdin=PASSWORD + "\n")
    assert created.returncode == 0, created.stdout + created.stderr
    request = urllib.request.Request(server.url + "/api/v1/auth/token", method="POST",
                                     data=json.dumps({"email": FUZZ_EMAIL, "password": PASSWORD}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        bearer = json.load(response)["token"]
    me = urllib.request.Request(server.url + "/api/v1/me", headers={"Authorization": f"Bearer {bearer}"})
    with urllib.request.urlopen(me) as response:
        assert json.load(response)["role"] == "secretariat", "the fuzzer must be signed in as the secretariat"
    return bearer


def test_api_conforms_to_its_openapi_document(server):
    schemathesis = pathlib.Path(sys.executable).parent / "schemathesis"
    result = subprocess.run([
        str(schemathesis), "run", server.url + "/api/v1/openapi.json", "--url", server.url,
        "--checks", CHECKS, "--max-examples", os.environ.get("S3DESK_FUZZ_EXAMPLES", "30"),
        "-H", f"Authorization: Bearer {token(server)}",
        "--report", "junit", "--report-dir", str(REPORTS / "schemathesis"),
        "--generation-deterministic", "--request-timeout", "10",
    ], capture_output=True, text=True, timeout=600)
    print(result.stdout[-20000:])
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-2000:]
    # A run whose requests all bounced off 401/403 exits 0 yet tested nothing behind the sign-in.
    assert "Authentication failed" not in result.stdout, (
        "schemathesis reports operations that answered only 401/403 to the secretariat's token:\n"
        + result.stdout[result.stdout.find("Authentication failed"):][:2000])
