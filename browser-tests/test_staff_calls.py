"""The secretariat opens a call through the web pages, as a person would (issue 2)."""
import re

from selenium.webdriver.common.by import By

from conftest import PASSWORD, STAFF_EMAIL

# User text with markup and entities: it must come back as the same text, never as markup.
TITLE = '<b>Regions & "S3"</b> 2026'


def sign_in(page, email=STAFF_EMAIL, password=PASSWORD):
    assert page.driver.find_element(By.TAG_NAME, "h1").text == "Sign in"
    page.driver.find_element(By.ID, "email").send_keys(email)
    page.driver.find_element(By.ID, "password").send_keys(password)
    page.click(page.button("Sign in"))


def header_link(page, text):
    return page.driver.find_element(By.CSS_SELECTOR, ".site-header").find_element(By.LINK_TEXT, text)


def test_secretariat_creates_a_call_and_it_is_on_the_public_page(page):
    driver = page.driver

    def set_date(box_id, value):
        driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, box_id), value)
    page.open("/")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Targeted Support for EU regions"
    assert "No call is open" in page.main_text()
    page.check("home")

    page.click(header_link(page, "Sign in"))
    assert page.path().startswith("/login")
    page.check("login")
    sign_in(page)
    assert page.path() == "/staff/calls", page.main_text()
    assert driver.find_element(By.TAG_NAME, "h1").text == "Calls"
    page.check("calls")

    page.click(driver.find_element(By.LINK_TEXT, "New call"))
    assert page.path() == "/staff/calls/new"
    assert driver.find_element(By.ID, "timeZone").get_attribute("value") == "Europe/Brussels"
    for field in ("capacityPerRound", "expertDaysPerAssignment"):
        assert driver.find_element(By.ID, field).is_displayed()
    page.check("call-form")
    driver.find_element(By.ID, "title").send_keys(TITLE)
    driver.find_element(By.ID, "description").send_keys("Expert support for S3 authorities.")
    assert len(driver.find_elements(By.CSS_SELECTOR, "input[type=date][name='cutoffs[]']")) == 3, "date boxes, no script"
    # A date box gives only real dates, in the browser's own way of typing them: set the values.
    set_date("cutoffs", "2026-06-30")
    set_date("cutoffs-2", "2026-03-31")
    page.click(page.button("Create call"))

    summary = driver.find_element(By.ID, "error-summary")
    assert summary.get_attribute("role") == "alert"
    assert "increasing order" in driver.find_element(By.ID, "cutoffs-error").text
    assert "increasing order" in summary.text
    assert driver.find_element(By.ID, "title").get_attribute("value") == TITLE, "what was typed is kept"
    assert driver.find_element(By.ID, "description").get_attribute("value") == "Expert support for S3 authorities."
    page.check("call-form-with-errors")

    assert driver.find_element(By.ID, "cutoffs").get_attribute("value") == "2026-06-30", "the dates sent are kept"
    set_date("cutoffs", "2026-03-31")
    set_date("cutoffs-2", "2026-06-30")
    page.click(page.button("Create call"))
    assert re.fullmatch(r"/staff/calls/[0-9A-Fa-f-]+/edit", page.path().split("?")[0]), page.path()
    assert "The call has been saved." in driver.find_element(By.CSS_SELECTOR, ".alert-success").text
    assert driver.find_element(By.ID, "title").get_attribute("value") == TITLE
    times = driver.find_elements(By.CSS_SELECTOR, "table td time")
    instants = [cell.get_attribute("datetime") for cell in times]
    assert "2026-03-31T21:59:59.999Z" in instants, f"summer time starts on 31 March in Brussels: {instants}"
    assert "31 March 2026, 23:59 Brussels time" in [cell.text for cell in times], "people read the instant in words"
    preview = driver.find_element(By.ID, "preview")
    assert TITLE in preview.text and "Brussels time" in preview.text, "the editor previews the public page's card"
    page.check("call-saved")

    page.open("/staff/calls")
    link = driver.find_element(By.TAG_NAME, "table").find_element(By.PARTIAL_LINK_TEXT, "Regions")
    assert link.text == TITLE, "user text is shown as text, never as markup"
    assert not link.find_elements(By.TAG_NAME, "b"), "the title's <b> must not become an element"
    page.check("calls-list")

    page.open("/")
    calls = [a for a in driver.find_elements(By.CSS_SELECTOR, "article.call") if a.find_element(By.TAG_NAME, "h3").text == TITLE]
    assert len(calls) == 1, "the new call is on the public page, its title shown as text"
    call = calls[0]
    assert not call.find_element(By.TAG_NAME, "h3").find_elements(By.TAG_NAME, "b")
    assert "Next cut-off" in call.text
    assert "31 March 2026" in call.text
    assert "30 days left" in call.text  # the clock is pinned at 1 March 2026
    assert "No call is open" not in page.main_text()
    page.check("home-with-call")


def test_strangers_are_sent_to_sign_in_and_sign_out_ends_the_session(page):
    driver = page.driver
    page.open("/staff/calls")
    assert page.path() == "/login?next=/staff/calls"
    sign_in(page)
    assert page.path() == "/staff/calls"
    page.click(page.button("Sign out"))
    assert page.path() == "/"
    assert header_link(page, "Sign in").is_displayed()
    assert not driver.find_elements(By.XPATH, "//button[normalize-space()='Sign out']")
    page.open("/staff/calls")
    assert page.path().startswith("/login")
