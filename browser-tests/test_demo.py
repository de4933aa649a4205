"""Issue 13: `s3desk demo` fills an empty database (and refuses a second time); then each role
signs in with the printed logins and walks its pages, the public statistics and the monitoring
among them, without an error and axe-core clean."""
import re

from selenium.webdriver.common.by import By

from test_assessment import sign_out

ERROR_MARKS = ("Error 500", "Error 404", "Error 403", "Something went wrong", "Not Found")


def walk(page, paths, name):
    for path in paths:
        page.open(path)
        text = page.main_text()
        assert not any(mark in text for mark in ERROR_MARKS), f"{name} on {path}: {text[:300]}"


def nav_links(page):
    links = page.driver.find_elements(By.CSS_SELECTOR, "nav[aria-label='Main'] a")
    return [link.get_attribute("href").removeprefix(page.base) for link in links]


def test_demo_fills_the_service_and_every_role_walks_it(page, server):
    made = server.command("demo")
    assert made.returncode == 0, made.stdout + made.stderr
    password = re.search(r"with the password (\S+) as:", made.stdout).group(1)
    logins = dict(re.findall(r"^\s+(admin|secretariat|commission|expert|applicant)\s+(\S+)$", made.stdout, re.M))
    assert set(logins) == {"admin", "secretariat", "commission", "expert", "applicant"}
    again = server.command("demo")
    assert again.returncode != 0 and "holds applications already" in again.stdout + again.stderr

    page.open("/statistics")
    assert "selections endorsed so far" in page.main_text()
    page.check("statistics")

    for role, email in logins.items():
        driver = page.driver
        page.open("/login")
        driver.find_element(By.ID, "email").send_keys(email)
        driver.find_element(By.ID, "password").send_keys(password)
        page.click(page.button("Sign in"))
        links = nav_links(page)
        walk(page, links, role)
        if role == "secretariat":
            page.open("/staff/dashboard")
            assert "Topic meetings on time" in page.main_text()
            # A late meeting of the demonstration is listed and linked.
            assert driver.find_elements(By.XPATH, "//caption[normalize-space()='Late']")
            page.check("demo-dashboard")
            page.open("/staff/applications")
            first = driver.find_element(By.CSS_SELECTOR, "main table a").get_attribute("href").removeprefix(page.base)
            walk(page, [first], role)
        if role == "applicant":
            page.open("/applications")
            for link in driver.find_elements(By.CSS_SELECTOR, "main a"):
                href = link.get_attribute("href").removeprefix(page.base)
                if href.startswith("/applications/") and href.count("/") == 2:
                    walk(page, [href, href + "/assignment"], role)
                    break
            page.check("demo-applicant")
        if role == "expert":
            page.open("/expert")
            assert "My assignments" in driver.title or "assignment" in page.main_text().lower()
        sign_out(page)
