"""A regional officer registers their authority, confirms the address through the email the
server really delivers over SMTP, applies with one wrong field first, submits, and follows the
progress chart (issue 3)."""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import PASSWORD, STAFF_EMAIL, api, api_token, fill

NEEDS = "We need help to design a continuous entrepreneurial discovery process with our universities and SMEs. " * 2


def open_call(server):
    """A call with cut-offs after the pinned clock (1 March 2026), made through the API."""
    token = api_token(server, STAFF_EMAIL)
    return api(server, "POST", "/api/v1/calls",
               {"title": "Targeted Support to EU regions 2026", "cutoffs": ["2026-03-31", "2026-06-30"]}, token)


def test_register_confirm_apply_and_follow_progress(page, mailbox, server):
    box, _ = mailbox
    open_call(server)
    driver = page.driver
    page.open("/")
    page.click(driver.find_element(By.LINK_TEXT, "Register your authority"))
    assert page.path() == "/register"
    page.check("register")

    fill(driver, "name", "Ola Nowak")
    fill(driver, "email", "ola@mazowsze.example.pl")
    fill(driver, "password", PASSWORD)
    fill(driver, "organisationName", "Urząd Marszałkowski Województwa Mazowieckiego")
    Select(driver.find_element(By.ID, "authorityType")).select_by_value("regional_authority")
    fill(driver, "territory", "PL99")
    page.click(driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))

    assert "PL99 is not an EU-27 NUTS-2 region" in driver.find_element(By.ID, "territory-error").text
    assert driver.find_element(By.ID, "organisationName").get_attribute("value").startswith("Urząd"), "nothing typed is lost"
    page.check("register-with-errors")
    fill(driver, "territory", "PL92")
    fill(driver, "password", PASSWORD)
    page.click(driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
    assert page.path() == "/register/sent"
    page.check("register-sent")

    message = box.wait_for("ola@mazowsze.example.pl", "Confirm your S3Desk account")
    link = re.search(r"http://\S+/accounts/confirm\?token=[\w-]+", message.get_content()).group(0)
    driver.get(link)
    page.check("confirm")
    fill(driver, "confirm-password", PASSWORD)  # the registration's password: only the registrant confirms
    page.click(driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert "confirmed" in driver.find_element(By.TAG_NAME, "h1").text

    page.click(driver.find_element(By.LINK_TEXT, "Sign in"))
    fill(driver, "email", "ola@mazowsze.example.pl")
    fill(driver, "password", PASSWORD)
    page.click(driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
    assert "Ola Nowak" in driver.find_element(By.CSS_SELECTOR, ".site-header").text

    # Apply from the call page.
    page.click(driver.find_element(By.XPATH, "//button[normalize-space()='Start an application']"))
    assert re.fullmatch(r"/applications/[0-9A-F-]+/edit", page.path())
    reference = re.search(r"TS-2026-\d{4}", driver.find_element(By.TAG_NAME, "h1").text).group(0)
    page.check("application-form")
    Select(driver.find_element(By.ID, "authorityType")).select_by_value("regional_authority")
    driver.find_element(By.ID, "s3ResponsibilityConfirmed").click()
    fill(driver, "territory", "PL92")
    fill(driver, "contactName", "Ola Nowak")
    fill(driver, "contactPosition", "Head of the S3 unit")
    fill(driver, "contactEmail", "ola@mazowsze.example.pl")
    driver.find_element(By.CSS_SELECTOR, "input[name='topics[]'][value='edp']").click()
    driver.find_element(By.CSS_SELECTOR, "input[name='challenge[]'][value='development_trap']").click()
    fill(driver, "justification-development_trap", "Growth has stalled for a decade.")  # too short: the one wrong field
    fill(driver, "needs", NEEDS)
    fill(driver, "s3Context", "Smart manufacturing and life sciences")
    fill(driver, "stakeholders", "Universities, SMEs, the regional development agency")
    fill(driver, "expectedResults", "A continuous EDP with yearly cycles")
    fill(driver, "languages", "Polish, English")
    page.click(driver.find_element(By.XPATH, "//button[@value='submit']"))

    summary = driver.find_element(By.ID, "error-summary")
    assert "cannot be submitted yet: 1 field" in summary.text
    assert "at least 50 characters" in driver.find_element(By.ID, "justification-development_trap-error").text
    assert driver.find_element(By.ID, "needs").get_attribute("value").strip() == NEEDS.strip(), "nothing typed is lost"
    page.check("application-form-with-errors")

    fill(driver, "justification-development_trap", "Growth has stalled for a decade while incomes stay below the EU average.")
    page.click(driver.find_element(By.XPATH, "//button[@value='submit']"))
    assert re.fullmatch(r"/applications/[0-9A-F-]+", page.path())
    main = driver.find_element(By.TAG_NAME, "main").text
    assert "Submitted" in main
    assert "Cut-off: in progress, due 31 March 2026" in main
    chart = driver.find_element(By.CSS_SELECTOR, "figure.chart img")
    assert chart.get_attribute("alt").startswith("Progress chart: Application submitted: done")
    assert driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", chart), "the SVG loads"
    page.check("application-submitted")

    received = box.wait_for("ola@mazowsze.example.pl", f"Application {reference} received")
    assert "Smart manufacturing and life sciences" in received.get_content()

    page.click(driver.find_element(By.LINK_TEXT, "My applications"))
    assert reference in driver.find_element(By.TAG_NAME, "table").text
    page.check("my-applications")

    # The secretariat finds it, reads the priority explained, and asks for a clarification.
    page.click(page.button("Sign out"))
    page.open("/login")
    fill(driver, "email", STAFF_EMAIL)
    fill(driver, "password", PASSWORD)
    page.click(page.button("Sign in"))
    page.open("/staff/applications?q=mazowieckiego")
    assert reference in driver.find_element(By.TAG_NAME, "table").text
    page.check("staff-applications")
    page.click(driver.find_element(By.LINK_TEXT, reference))
    main = page.main_text()
    assert "The region is less developed (2021–2027)" in main, "Mazowiecki regionalny is less developed in 2021-2027"
    assert "Mazowiecki regionalny (PL92)" in main, "the territory by its name"
    assert "Priority bonus: 25" in main, "less developed +20, one challenge +5"
    page.check("staff-application")
    driver.find_element(By.CSS_SELECTOR, "input[name='fields[]'][value='stakeholders']").click()
    fill(driver, "clarification-message", "Which universities will take part?")
    driver.find_element(By.ID, "clarification-deadline").send_keys("03152026")
    page.click(page.button("Send the request"))
    assert "Clarification requested" in page.main_text()
    page.check("staff-application-clarification")
    page.open("/staff/regions?category=unknown")
    page.check("staff-regions")
    page.open("/staff/outbox")
    assert "Clarification requested for " + reference in page.main_text()
    page.check("staff-outbox")
    assert box.wait_for("ola@mazowsze.example.pl", "Clarification requested for " + reference)
