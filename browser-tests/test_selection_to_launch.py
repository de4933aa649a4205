"""Issue 11 end to end: a selected application is carried to a launched assignment through the
pages. The secretariat schedules the topic-definition meeting (its invitation, read back by the
`icalendar` parser, holds the call's time zone), records the scope; the region confirms it; the
secretariat assigns the suggested expert and launches; the region's progress chart shows the
meeting and the launch done with their dates."""
import datetime
import re
import urllib.request

import icalendar
from selenium.webdriver.common.by import By

from conftest import PASSWORD, STAFF_EMAIL, api, api_token
from test_assessment import sign_in, sign_out

REGION_EMAIL = "lucia@regione-calabria.example.it"
COMMISSION_EMAIL = "officer@regio-launch.example.eu"
EXPERT_EMAIL = "marco@experts.example.eu"


def selected_application(server, mailbox):
    """One application through the API up to the Commission's endorsement of its selection."""
    staff = api_token(server, STAFF_EMAIL)
    call = api(server, "POST", "/api/v1/calls", {"title": "Targeted Support 2026", "cutoffs": ["2026-03-31", "2026-06-30"]}, staff)
    api(server, "POST", "/api/v1/accounts", {
        "email": REGION_EMAIL, "password": PASSWORD, "name": "Lucia Greco",
        "organisation": {"name": "Regione Calabria", "authorityType": "regional_authority", "territory": "ITF6"}})
    token = re.search(r"token=([\w-]+)", mailbox.wait_for(REGION_EMAIL, "Confirm your S3Desk account").get_content()).group(1)
    api(server, "POST", "/api/v1/accounts/confirm", {"token": token})
    region = api_token(server, REGION_EMAIL)
    draft = api(server, "POST", f"/api/v1/calls/{call['id']}/applications", {
        "organisationName": "Regione Calabria", "authorityType": "regional_authority", "s3ResponsibilityConfirmed": True,
        "territory": "ITF6", "contact": {"name": "Lucia Greco", "email": REGION_EMAIL, "position": "S3 officer"},
        "topics": ["edp"], "needs": "We need a continuous entrepreneurial discovery process with our universities. " * 2,
        "s3Context": "Agrifood", "stakeholders": "Universities and SMEs", "expectedResults": "A continuous EDP",
        "languages": ["Italian", "English"]}, region)
    submitted = api(server, "POST", f"/api/v1/applications/{draft['id']}/submit", None, region)
    created = server.command("user", "add", "--email", COMMISSION_EMAIL, "--name", "Carla Commission",
                             "--role", "commission", stdin=PASSWORD + "\n")
    assert created.returncode == 0, created.stdout + created.stderr
    server.restart(now="2026-04-01T08:00:00Z")
    staff = api_token(server, STAFF_EMAIL)
    commission = api_token(server, COMMISSION_EMAIL)
    scores = {"relevance": 5, "impact": 5, "ownership": 4, "feasibility": 4}
    for assessor in (staff, commission):
        api(server, "POST", f"/api/v1/applications/{draft['id']}/assessments",
            {"scores": scores, "comment": "Clear needs.", "conflictOfInterest": False}, assessor)
    api(server, "POST", f"/api/v1/applications/{draft['id']}/decision", {"decision": "selected", "reason": "First in the round."}, staff)
    api(server, "POST", f"/api/v1/rounds/{submitted['round']['id']}/endorsement", {"endorsed": True, "comment": ""}, commission)
    api(server, "POST", "/api/v1/experts", {
        "name": "Marco Bianchi", "email": EXPERT_EMAIL, "topics": ["edp"], "methods": ["stakeholder workshops"],
        "countries": ["IT"], "languages": ["Italian"], "availableDays": 60, "availableFrom": "2026-01-01",
        "availableUntil": "2026-12-31", "maxAssignments": 2}, staff)
    return draft["id"], submitted["round"]["id"], submitted["reference"]


def set_value(driver, element_id, value):
    """Date and time inputs take their value as the form sends it (typing depends on the locale)."""
    driver.execute_script("document.getElementById(arguments[0]).value = arguments[1]", element_id, value)


def read_calendar(text):
    calendar = icalendar.Calendar.from_ical(text)
    events = [part for part in calendar.walk("VEVENT")]
    assert len(events) == 1
    return calendar, events[0]


def test_from_selection_to_launch(page, mailbox, server):
    box, _ = mailbox
    driver = page.driver
    application_id, round_id, reference = selected_application(server, box)

    sign_in(page, STAFF_EMAIL)
    page.open(f"/staff/rounds/{round_id}")
    page.click(driver.find_element(By.ID, "selection-link"))
    assert reference in page.main_text()
    page.check("round-selection")
    page.click(driver.find_element(By.LINK_TEXT, reference))
    assert "Schedule the topic-definition meeting." in page.main_text()

    driver.find_element(By.CSS_SELECTOR, "details summary").click()
    # Recorded as it took place this morning (the server's clock says 1 April, 10:00 in Brussels).
    set_value(driver, "startsAt", "2026-04-01T09:00")
    driver.find_element(By.ID, "location").send_keys("Catanzaro, Cittadella regionale")
    driver.find_element(By.ID, "agenda").send_keys("Topics, methods and the work plan")
    driver.find_element(By.ID, "participants").send_keys(COMMISSION_EMAIL)
    page.click(page.button("Schedule and send the invitations"))
    assert "Wednesday 1 April 2026, 09:00–10:30 (Brussels time)" in page.main_text()
    page.check("assignment-meeting-scheduled")

    # The invitation email carries the event; the .ics is the same event, read by a real parser.
    invitation = box.wait_for(REGION_EMAIL, "Topic-definition meeting")
    part = next(p for p in invitation.walk() if p.get_content_type() == "text/calendar")
    assert part.get_param("method") == "REQUEST"
    _, emailed = read_calendar(part.get_content())
    meeting_id = api(server, "GET", f"/api/v1/applications/{application_id}/meetings", token=api_token(server, REGION_EMAIL))["items"][0]["id"]
    request = urllib.request.Request(f"{server.url}/api/v1/meetings/{meeting_id}.ics",
                                     headers={"Authorization": f"Bearer {api_token(server, REGION_EMAIL)}"})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Type"].startswith("text/calendar")
        calendar, event = read_calendar(response.read())
    assert calendar["METHOD"] == "REQUEST"
    assert str(event["UID"]) == str(emailed["UID"]) == f"{meeting_id.lower()}@s3desk"
    start = event.decoded("DTSTART")
    assert str(event["DTSTART"].params["TZID"]) == "Europe/Brussels"
    assert start.astimezone(datetime.timezone.utc) == datetime.datetime(2026, 4, 1, 7, 0, tzinfo=datetime.timezone.utc)
    assert (event.decoded("DTEND") - start) == datetime.timedelta(minutes=90)
    assert [c for c in calendar.walk("VTIMEZONE")][0]["TZID"] == "Europe/Brussels"
    assert any(REGION_EMAIL in str(attendee) for attendee in event.get("ATTENDEE"))
    assert "mailto:" + STAFF_EMAIL in str(event["ORGANIZER"])

    driver.find_element(By.XPATH, "//summary[normalize-space()='Record the agreed scope']").click()
    # The topics the region asked for are ticked to start with.
    assert driver.find_element(By.CSS_SELECTOR, "input[name='topics[]'][value='edp']").is_selected()
    driver.find_element(By.CSS_SELECTOR, "input[name='methods[]'][value='stakeholder workshops']").click()
    driver.find_element(By.ID, "objectives").send_keys("A continuous entrepreneurial discovery process for Calabria.")
    driver.find_element(By.ID, "outputs").send_keys("Three stakeholder workshops\nRecommendations")
    driver.find_element(By.ID, "workPlan").send_keys("Month 1: mapping. Months 2 to 4: workshops. Month 5: recommendations.")
    page.click(page.button("Record the scope"))
    assert "waiting for the region's confirmation" in page.main_text()
    sign_out(page)

    sign_in(page, REGION_EMAIL)
    page.open(f"/applications/{application_id}")
    page.click(driver.find_element(By.ID, "assignment-link"))
    assert "Read the scope below and confirm it." in page.main_text()
    page.check("assignment-region-confirms")
    page.click(page.button("Confirm this scope"))
    assert "confirmed by the region" in page.main_text()
    sign_out(page)

    sign_in(page, STAFF_EMAIL)
    page.open(f"/applications/{application_id}/assignment")
    suggestions = driver.find_element(By.ID, "suggestions").text
    assert "Marco Bianchi" in suggestions and "speaks Italian" in suggestions
    page.check("assignment-suggestions")
    page.click(page.button("Assign Marco Bianchi"))
    assert "Assigned: Marco Bianchi" in page.main_text()
    set_value(driver, "launchDate", "2026-05-04")
    set_value(driver, "plannedEndDate", "2026-07-01")
    page.click(page.button("Launch the assignment"))
    assert "between 4 August 2026 and 4 November 2026" in page.main_text()
    set_value(driver, "plannedEndDate", "2026-09-30")
    page.click(page.button("Launch the assignment"))
    assert "Launched on 4 May 2026, planned end 30 September 2026, 20 expert days." in page.main_text()
    page.check("assignment-launched")
    sign_out(page)

    assert "launched on 4 May 2026" in box.wait_for(EXPERT_EMAIL, f"Targeted Assignment {reference} launched").get_content()
    sign_in(page, REGION_EMAIL)
    page.open(f"/applications/{application_id}")
    stages = driver.find_element(By.CSS_SELECTOR, "ol.stages").text
    assert "Topic-definition meeting: done on 1 April 2026" in stages
    assert "Launch of the assignment: done on 4 May 2026" in stages
    page.check("application-launched")
