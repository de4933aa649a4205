"""A regional officer registers their authority and confirms the address through the email
the server really delivers over SMTP (issue 3)."""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import PASSWORD


def test_register_confirm_through_smtp_and_sign_in(page, mailbox):
    box, _ = mailbox
    driver = page.driver
    page.open("/")
    page.click(driver.find_element(By.LINK_TEXT, "Register your authority"))
    assert page.path() == "/register"
    page.check("register")

    driver.find_element(By.ID, "name").send_keys("Ola Nowak")
    driver.find_element(By.ID, "email").send_keys("ola@mazowsze.example.pl")
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    driver.find_element(By.ID, "organisationName").send_keys("Urząd Marszałkowski Województwa Mazowieckiego")
    Select(driver.find_element(By.ID, "authorityType")).select_by_value("regional_authority")
    driver.find_element(By.ID, "territory").send_keys("PL99")
    page.click(driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))

    assert "PL99 is not an EU-27 NUTS-2 region" in driver.find_element(By.ID, "territory-error").text
    assert driver.find_element(By.ID, "organisationName").get_attribute("value").startswith("Urząd"), "nothing typed is lost"
    page.check("register-with-errors")
    territory = driver.find_element(By.ID, "territory")
    territory.clear()
    territory.send_keys("PL92")
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    page.click(driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
    assert page.path() == "/register/sent"
    page.check("register-sent")

    message = box.wait_for("ola@mazowsze.example.pl", "Confirm your S3Desk account")
    body = message.get_content()
    link = re.search(r"http://\S+/accounts/confirm\?token=[\w-]+", body).group(0)
    driver.get(link)
    page.check("confirm")
    page.click(driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
    assert "confirmed" in driver.find_element(By.TAG_NAME, "h1").text

    page.click(driver.find_element(By.LINK_TEXT, "Sign in"))
    driver.find_element(By.ID, "email").send_keys("ola@mazowsze.example.pl")
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    page.click(driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
    assert "Ola Nowak" in driver.find_element(By.CSS_SELECTOR, ".site-header").text
