"""The secretariat opens a call through the web pages (issue 2)."""
from selenium.webdriver.common.by import By

from conftest import PASSWORD, STAFF_EMAIL


def sign_in(page, email=STAFF_EMAIL, password=PASSWORD):
    page.driver.find_element(By.ID, "email").send_keys(email)
    page.driver.find_element(By.ID, "password").send_keys(password)
    page.click(page.driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))


def test_secretariat_creates_a_call_and_it_is_on_the_public_page(page):
    driver = page.driver
    page.open("/")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Targeted Support for EU regions"
    page.check("home")

    page.click(driver.find_element(By.LINK_TEXT, "Sign in"))
    assert page.path().startswith("/login")
    page.check("login")
    sign_in(page)
    assert page.path() == "/staff/calls", driver.find_element(By.TAG_NAME, "main").text
    assert driver.find_element(By.TAG_NAME, "h1").text == "Calls"
    page.check("calls")

    page.click(driver.find_element(By.LINK_TEXT, "New call"))
    assert driver.find_element(By.ID, "timeZone").get_attribute("value") == "Europe/Brussels"
    title = '<b>Regions & "S3"</b> 2026'
    driver.find_element(By.ID, "title").send_keys(title)
    driver.find_element(By.ID, "description").send_keys("Expert support for S3 authorities.")
    driver.find_element(By.ID, "cutoffs").send_keys("2026-02-30")
    page.click(driver.find_element(By.CSS_SELECTOR, "form.form button[type=submit]"))

    summary = driver.find_element(By.ID, "error-summary")
    assert summary.get_attribute("role") == "alert"
    assert "does not exist" in driver.find_element(By.ID, "cutoffs-error").text
    assert driver.find_element(By.ID, "title").get_attribute("value") == title, "what was typed is kept"
    page.check("call-form-with-errors")

    cutoffs = driver.find_element(By.ID, "cutoffs")
    cutoffs.clear()
    cutoffs.send_keys("2026-03-31\n2026-06-30")
    page.click(driver.find_element(By.CSS_SELECTOR, "form.form button[type=submit]"))
    assert "The call has been saved." in driver.find_element(By.CSS_SELECTOR, ".alert-success").text
    instants = [cell.text for cell in driver.find_elements(By.CSS_SELECTOR, "td time")]
    assert "2026-03-31T21:59:59.999Z" in instants, "summer time starts on 31 March in Brussels"
    page.check("call-saved")

    page.open("/staff/calls")
    link = driver.find_element(By.PARTIAL_LINK_TEXT, "Regions")
    assert link.text == title, "user text is shown as text, never as markup"
    page.check("calls-list")

    page.open("/")
    calls = [a for a in driver.find_elements(By.CSS_SELECTOR, "article.call") if a.find_element(By.TAG_NAME, "h3").text == title]
    assert len(calls) == 1, "the new call is on the public page, its title shown as text"
    call = calls[0]
    assert "31 March 2026" in call.text
    assert "30 days left" in call.text
    page.check("home-with-call")


def test_strangers_are_sent_to_sign_in_and_sign_out_ends_the_session(page):
    driver = page.driver
    page.open("/staff/calls")
    assert page.path() == "/login?next=/staff/calls"
    sign_in(page)
    assert page.path() == "/staff/calls"
    page.click(driver.find_element(By.CSS_SELECTOR, ".site-header form button"))
    assert page.path() == "/"
    assert driver.find_element(By.LINK_TEXT, "Sign in")
    page.open("/staff/calls")
    assert page.path().startswith("/login")
