"""Issue 4 end to end: three authorities apply before the cut-off; after it the secretariat and a
Commission officer score them on the rubric page, the ranking puts a less developed region with
a lower merit first, the secretariat decides, the Commission endorses, and only then does the
applicant see the decision and receive the email."""
import json
import pathlib
import re
import subprocess
import sys
import tempfile

from selenium.webdriver.common.by import By

from conftest import PASSWORD, ROOT, STAFF_EMAIL, api, api_token

COMMISSION_EMAIL = "officer@regio.example.eu"
NEEDS = "We need help to run a continuous entrepreneurial discovery process with our universities and SMEs. " * 2

# Territory, challenges, and the score both assessors give each criterion. The addresses are this
# module's own: the mailbox is shared by every module, and finds the newest message to an address.
# PL92 less developed +20, one challenge +5: merit 60 + 25 = 85
# IE05 more developed 0: merit 80 + 0 = 80
# FRB0 transition +10: merit 40 (below 50, not selectable) + 10 = 50
APPLICANTS = {
    "PL92": ("anna@lodzkie.example.pl", ["green"], 3),
    "IE05": ("sean@southern-assembly.example.ie", [], 4),
    "FRB0": ("claire@centre-val.example.fr", [], 2),
}


def apply(server, mailbox, call_id, territory, email, challenges):
    """Registers, confirms through the delivered email, applies and submits, through the API."""
    api(server, "POST", "/api/v1/accounts", {
        "email": email, "password": PASSWORD, "name": f"Officer of {territory}",
        "organisation": {"name": f"Authority of {territory}", "authorityType": "regional_authority", "territory": territory}})
    message = mailbox.wait_for(email, "Confirm your S3Desk account")
    token = re.search(r"token=([\w-]+)", message.get_content()).group(1)
    api(server, "POST", "/api/v1/accounts/confirm", {"token": token})
    bearer = api_token(server, email)
    draft = api(server, "POST", f"/api/v1/calls/{call_id}/applications", {
        "organisationName": f"Authority of {territory}", "authorityType": "regional_authority",
        "s3ResponsibilityConfirmed": True, "territory": territory,
        "contact": {"name": f"Officer of {territory}", "email": email, "position": "S3 officer"},
        "topics": ["edp"], "needs": NEEDS, "s3Context": "Agrifood", "stakeholders": "Universities and SMEs",
        "expectedResults": "A continuous EDP", "languages": ["English"],
        "challenges": [{"kind": kind, "justification": "A justification of this challenge, long enough to be read."}
                       for kind in challenges]}, bearer)
    return api(server, "POST", f"/api/v1/applications/{draft['id']}/submit", None, bearer)


def sign_in(page, email):
    driver = page.driver
    page.open("/login")
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    page.click(page.button("Sign in"))


def sign_out(page):
    page.click(page.button("Sign out"))


def assess(page, application_id, score, check_name=None):
    driver = page.driver
    page.open(f"/staff/applications/{application_id}/assessment")
    if check_name:
        page.check(check_name)
    for criterion in ("relevance", "impact", "ownership", "feasibility"):
        driver.find_element(By.CSS_SELECTOR, f"input[name='{criterion}'][value='{score}']").click()
    driver.find_element(By.ID, "comment").send_keys(f"All four criteria at {score}.")
    page.click(page.button("Submit my assessment"))
    assert "(you)" in page.main_text()


def ranking_references(page):
    rows = page.driver.find_elements(By.CSS_SELECTOR, "table.ranking tbody tr th a")
    return [row.text for row in rows]


def test_assess_rank_decide_endorse(page, mailbox, server):
    box, _ = mailbox
    driver = page.driver
    staff = api_token(server, STAFF_EMAIL)
    call = api(server, "POST", "/api/v1/calls", {"title": "Targeted Support to EU regions 2026",
                                                 "cutoffs": ["2026-03-31", "2026-06-30"], "capacityPerRound": 1}, staff)
    submitted = {territory: apply(server, box, call["id"], territory, email, challenges)
                 for territory, (email, challenges, _) in APPLICANTS.items()}
    created = server.command("user", "add", "--email", COMMISSION_EMAIL, "--name", "Carla Commission",
                             "--role", "commission", stdin=PASSWORD + "\n")
    assert created.returncode == 0, created.stdout + created.stderr

    # The day after the cut-off of 31 March: the round is under assessment.
    server.restart(now="2026-04-01T08:00:00Z")
    round_id = submitted["PL92"]["round"]["id"]
    reference = {territory: application["reference"] for territory, application in submitted.items()}

    sign_in(page, STAFF_EMAIL)
    for index, (territory, (_, _, score)) in enumerate(APPLICANTS.items()):
        assess(page, submitted[territory]["id"], score, check_name="assessment-rubric" if index == 0 else None)
    page.check("assessment-submitted")
    sign_out(page)

    sign_in(page, COMMISSION_EMAIL)
    page.open(f"/staff/applications/{submitted['IE05']['id']}/assessment")
    assert "Scores and comments stay hidden until you have submitted your own." in page.main_text()
    for territory, (_, _, score) in APPLICANTS.items():
        assess(page, submitted[territory]["id"], score)
    sign_out(page)

    sign_in(page, STAFF_EMAIL)
    page.open(f"/staff/rounds/{round_id}")
    assert ranking_references(page) == [reference["PL92"], reference["IE05"], reference["FRB0"]]
    first = driver.find_element(By.CSS_SELECTOR, "table.ranking tbody tr")
    first.find_element(By.TAG_NAME, "summary").click()
    assert "Total: merit 60 + priority bonus 25 = 85" in first.text
    page.check("round-ranking")

    for territory, decision, reason in (("PL92", "selected", "Highest total in the round."),
                                        ("IE05", "reserve", "Next in line."),
                                        ("FRB0", "rejected", "Merit below the threshold of 50.")):
        page.open(f"/staff/applications/{submitted[territory]['id']}/assessment")
        driver.find_element(By.CSS_SELECTOR, f"input[name='decision'][value='{decision}']").click()
        driver.find_element(By.ID, "reason").send_keys(reason)
        page.click(page.button("Record the decision"))
        assert "Proposed: the applicant is told once the Commission endorses the round." in page.main_text()
    page.check("assessment-decided")
    sign_out(page)

    # Nothing reaches the applicant before the Commission endorses.
    sign_in(page, "anna@lodzkie.example.pl")
    page.open(f"/applications/{submitted['PL92']['id']}")
    assert "Under assessment" in page.main_text()
    assert "Highest total in the round." not in page.main_text()
    sign_out(page)

    sign_in(page, COMMISSION_EMAIL)
    page.open(f"/staff/rounds/{round_id}/endorsement")
    page.check("endorsement")
    driver.find_element(By.CSS_SELECTOR, "input[name='outcome'][value='endorse']").click()
    page.click(page.button("Record the endorsement"))
    assert "Endorsed by Carla Commission" in page.main_text()
    sign_out(page)

    sign_in(page, "anna@lodzkie.example.pl")
    page.open(f"/applications/{submitted['PL92']['id']}")
    main = page.main_text()
    assert "Decision: Selected" in main
    assert "Highest total in the round." in main
    page.check("applicant-decision")
    email = box.wait_for("anna@lodzkie.example.pl", f"Decision on your application {reference['PL92']}")
    assert "has been selected" in email.get_content()
    assert box.wait_for("claire@centre-val.example.fr", f"Decision on your application {reference['FRB0']}")

    # The round's audit trail, exported with its hashes, checks out away from the service; an
    # entry changed in the file is named.
    export = api(server, "GET", f"/api/v1/rounds/{round_id}/audit-trail", token=api_token(server, STAFF_EMAIL))
    assert {"application.assessed", "application.decision_proposed", "round.endorsed"} <= {entry["action"] for entry in export["entries"]}, export
    path = pathlib.Path(tempfile.mkdtemp()) / "round-trail.json"
    path.write_text(json.dumps(export), encoding="utf-8")
    verified = subprocess.run([sys.executable, str(ROOT / "scripts" / "verify-audit-export"), str(path)], capture_output=True, text=True)
    assert verified.returncode == 0 and f"{len(export['entries'])} entries" in verified.stdout, verified.stderr
    export["entries"][1]["action"] = "round.returned"
    path.write_text(json.dumps(export), encoding="utf-8")
    tampered = subprocess.run([sys.executable, str(ROOT / "scripts" / "verify-audit-export"), str(path)], capture_output=True, text=True)
    assert tampered.returncode == 1 and f"entry {export['entries'][1]['sequence']}" in tampered.stderr, tampered.stderr
