"""Issue 12 end to end: a launched assignment is carried to closure through the pages. The expert
logs days until the budget refuses one, uploads a deliverable that the region downloads, the
parties write in the thread, the expert submits the final report, the region gives feedback, the
secretariat approves the timesheet and closes; the region's progress chart shows completion with
the days used. axe-core checks every state of the page."""
import hashlib
import pathlib
import re
import urllib.request

from selenium.webdriver.common.by import By

from conftest import PASSWORD, STAFF_EMAIL, api, api_token
from test_assessment import sign_in, sign_out
from test_selection_to_launch import EXPERT_EMAIL, REGION_EMAIL, selected_application, set_value

DELIVERABLE = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def launched_assignment(server, mailbox):
    """The selected application's scope confirmed, its expert assigned and the assignment
    launched on 4 May 2026 until 4 August 2026, through the API; the expert's password chosen."""
    application_id, _, reference = selected_application(server, mailbox)
    staff = api_token(server, STAFF_EMAIL)
    region = api_token(server, REGION_EMAIL)
    scope = api(server, "POST", f"/api/v1/applications/{application_id}/scope", {
        "topics": ["edp"], "methods": ["stakeholder workshops"], "objectives": "A continuous EDP for Calabria.",
        "outputs": ["Three workshops", "Recommendations"], "workPlan": "Month 1 mapping, months 2 to 3 workshops."}, staff)
    api(server, "POST", f"/api/v1/applications/{application_id}/scope/confirm", {"version": scope["scopeVersion"]}, region)
    expert = api(server, "GET", "/api/v1/experts", token=staff)["items"][0]
    api(server, "POST", f"/api/v1/assignments/{scope['id']}/expert", {"expertId": expert["id"]}, staff)
    api(server, "POST", f"/api/v1/assignments/{scope['id']}/launch", {"launchDate": "2026-05-04", "plannedEndDate": "2026-08-04"}, staff)
    invitation = mailbox.wait_for(EXPERT_EMAIL, "expert pool").get_content()
    token = re.search(r"token=([\w-]+)", invitation).group(1)
    api(server, "POST", "/api/v1/invitations/accept", {"token": token, "name": "Marco Bianchi", "password": PASSWORD})
    return application_id, scope["id"], reference


def log_days(page, date, days, activity):
    driver = page.driver
    set_value(driver, "log-days-date", date)
    field = driver.find_element(By.ID, "log-days-days")
    field.clear()
    field.send_keys(days)
    driver.find_element(By.ID, "log-days-activity").send_keys(activity)
    page.click(page.button("Log the days"))


def test_from_launch_to_closure(page, mailbox, server, tmp_path):
    box, _ = mailbox
    driver = page.driver
    application_id, assignment_id, reference = launched_assignment(server, box)
    space = f"/applications/{application_id}/assignment"
    # 19 days through the API; the last day on the page, in two halves, then one half too many.
    expert_token = api_token(server, EXPERT_EMAIL)
    for day in range(1, 20):
        api(server, "POST", f"/api/v1/assignments/{assignment_id}/timesheet",
            {"date": f"2026-06-{day:02d}", "days": 1, "activity": "Interviews with stakeholders"}, expert_token)

    sign_in(page, EXPERT_EMAIL)
    page.open("/expert")
    assert "Log your expert days: 1 day left." in page.main_text()
    page.click(driver.find_element(By.LINK_TEXT, reference))
    page.check("delivery-expert")
    log_days(page, "2026-07-01", "0.5", "Εργαστήριο με τους φορείς")
    assert "0.5 days" in driver.find_element(By.ID, "remaining").text
    log_days(page, "2026-07-02", "1", "Analysis of the survey")
    assert "the remaining balance is 0.5 days" in page.main_text()
    # The refused entry keeps what was typed.
    assert driver.find_element(By.ID, "log-days-activity").get_attribute("value") == "Analysis of the survey"
    page.check("delivery-refused-entry")
    field = driver.find_element(By.ID, "log-days-days")
    field.clear()
    field.send_keys("0.5")
    page.click(page.button("Log the days"))
    assert driver.find_element(By.ID, "remaining").text == "0 days"

    deliverable = tmp_path / "Ανάλυση έρευνας.pdf"
    deliverable.write_bytes(DELIVERABLE)
    driver.find_element(By.XPATH, "//summary[normalize-space()='Upload a document']").click()
    driver.find_element(By.ID, "upload-file").send_keys(str(deliverable))
    driver.find_element(By.ID, "upload-title").send_keys("Survey analysis")
    driver.find_element(By.CSS_SELECTOR, "#upload-kind option[value='deliverable']").click()
    page.click(page.button("Upload"))
    assert "Survey analysis" in driver.find_element(By.ID, "document-list").text
    driver.find_element(By.ID, "message-body").send_keys("Καλημέρα, the survey analysis is uploaded.")
    page.click(page.button("Post the message"))
    sign_out(page)

    sign_in(page, REGION_EMAIL)
    page.open(space)
    link = driver.find_element(By.LINK_TEXT, "Survey analysis")
    # The download as the browser fetches it, with the region's session cookie.
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    request = urllib.request.Request(link.get_attribute("href"), headers={"Cookie": cookie})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Disposition"].startswith("attachment;")
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        body = response.read()
    assert body == DELIVERABLE
    assert hashlib.sha256(body).hexdigest() in page.main_text()
    assert "Καλημέρα, the survey analysis is uploaded." in driver.find_element(By.ID, "thread").text
    driver.find_element(By.ID, "message-body").send_keys("Благодаря! We will read it this week.")
    page.click(page.button("Post the message"))
    page.check("delivery-region-thread")
    sign_out(page)

    sign_in(page, EXPERT_EMAIL)
    page.open(space)
    report = tmp_path / "Final report.pdf"
    report.write_bytes(DELIVERABLE)
    driver.find_element(By.ID, "final-report-file").send_keys(str(report))
    driver.find_element(By.ID, "final-report-summary").send_keys("Three workshops held; the survey analysed; recommendations for the S3 revision.")
    page.click(page.button("Submit the final report"))
    assert "Final report.pdf" in driver.find_element(By.ID, "final-report-view").text
    sign_out(page)

    sign_in(page, REGION_EMAIL)
    page.open("/applications")
    assert "Read the final report and give your feedback." in page.main_text()
    page.open(space)
    driver.find_element(By.CSS_SELECTOR, "#feedback-satisfaction option[value='5']").click()
    driver.find_element(By.ID, "feedback-comment").send_keys("Πολύ χρήσιμη υποστήριξη.")
    page.click(page.button("Give the feedback"))
    assert "satisfaction 5 of 5" in driver.find_element(By.ID, "feedback-view").text
    sign_out(page)

    sign_in(page, STAFF_EMAIL)
    page.open("/staff/calls")
    assert "timesheet entries to approve, ready to close" in driver.find_element(By.ID, "delivery-queue").text
    page.click(driver.find_element(By.LINK_TEXT, reference))
    assert "Closure waits: 21 timesheet entries await approval." in page.main_text()
    page.check("delivery-secretariat")
    # One entry on its own, the rest at once.
    page.click(page.button("Approve"))
    assert "Closure waits: 20 timesheet entries await approval." in page.main_text()
    page.click(page.button("Approve all 20 entries awaiting approval"))
    assert "await approval" not in page.main_text()
    page.click(page.button("Close the assignment"))
    assert "Closed" in driver.find_element(By.ID, "closed").text
    sign_out(page)

    assert "closed" in box.wait_for(REGION_EMAIL, f"Targeted Assignment {reference} closed").get_content()
    sign_in(page, REGION_EMAIL)
    page.open(f"/applications/{application_id}")
    stages = driver.find_element(By.CSS_SELECTOR, "ol.stages").text
    assert "Completion: done on 1 April 2026" in stages
    assert "20 of 20 expert days used" in stages
    page.check("application-completed")
