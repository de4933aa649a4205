"""Fuzzes the JSON API with schemathesis against our own OpenAPI document: no server error,
and every response must conform to what the document says."""
import json
import os
import pathlib
import subprocess
import sys
import urllib.request

from conftest import PASSWORD, REPORTS

# Its own accounts: the fuzzer reuses values it reads (the email of /me) and its failed
# sign-ins would lock that address out (the login throttle), so they must not be a test's.
FUZZ_EMAIL = "fuzz@example.eu"
# Operations only another role may call, each fuzzed with a token of that role: only a
# commission officer endorses a round, only an expert has an expert profile of their own, only an
# administrator manages accounts.
ROLE_ONLY = {"commission": ["endorseRound"], "expert": ["myExpertProfile"],
             "admin": ["listUsers", "inviteUser", "getUser", "updateUser", "updateOrganisation", "resetUserTwoFactor"]}

CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"


def token(server, email, role):
    created = server.command("user", "add", "--email", email, "--name", f"Fuzz {role}",
                             "--role", role, stdin=PASSWORD + "\n")
    assert created.returncode == 0, created.stdout + created.stderr
    request = urllib.request.Request(server.url + "/api/v1/auth/token", method="POST",
                                     data=json.dumps({"email": email, "password": PASSWORD}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        bearer = json.load(response)["token"]
    me = urllib.request.Request(server.url + "/api/v1/me", headers={"Authorization": f"Bearer {bearer}"})
    with urllib.request.urlopen(me) as response:
        assert json.load(response)["role"] == role, f"the fuzzer must be signed in as {role}"
    return bearer


def fuzz(server, bearer, role, operations, report):
    schemathesis = pathlib.Path(sys.executable).parent / "schemathesis"
    result = subprocess.run([
        str(schemathesis), "run", server.url + "/api/v1/openapi.json", "--url", server.url,
        "--checks", CHECKS, "--max-examples", os.environ.get("S3DESK_FUZZ_EXAMPLES", "30"),
        "-H", f"Authorization: Bearer {bearer}", *operations,
        "--report", "junit", "--report-dir", str(REPORTS / report),
        "--generation-deterministic", "--request-timeout", "10",
    ], capture_output=True, text=True, timeout=600)
    print(result.stdout[-20000:])
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-2000:]
    # A run whose requests all bounced off 401/403 exits 0 yet tested nothing behind the sign-in.
    assert "Authentication failed" not in result.stdout, (
        f"schemathesis reports operations that answered only 401/403 to the {role}'s token:\n"
        + result.stdout[result.stdout.find("Authentication failed"):][:2000])


def option_per_operation(option, operations):
    return [part for operation in operations for part in (option, operation)]


def test_api_conforms_to_its_openapi_document(server):
    others = [operation for operations in ROLE_ONLY.values() for operation in operations]
    fuzz(server, token(server, FUZZ_EMAIL, "secretariat"), "secretariat",
         option_per_operation("--exclude-operation-id", others), "schemathesis")
    for role, operations in ROLE_ONLY.items():
        fuzz(server, token(server, f"fuzz-{role}@example.eu", role), role,
             option_per_operation("--include-operation-id", operations), f"schemathesis-{role}")
