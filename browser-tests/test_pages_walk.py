"""Issue 15: every page each role can reach, at a desktop width (1366 px) and a phone width
(390 px): no page wider than the screen, no machine value in the visible text (ISO dates and
instants, UUIDs, snake_case slugs, bare region codes), and no axe-core violation of any impact.

The service is filled by `s3desk demo`, which has applications in every status, meetings,
assignments and emails; the walk follows every link a page offers, one page per kind of address."""
import re
from urllib.parse import urlsplit

import pytest
from selenium.webdriver.common.by import By
from selenium_axe_python import Axe


WIDTHS = (1366, 390)
MACHINE_VALUES = {
    "an ISO date or instant": re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
    "a UUID": re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b", re.I),
    "a snake_case code": re.compile(r"(?<![@.\w/])[a-z]+_[a-z_]+\b(?![@.])"),
    # A territory is named, its code in brackets: "Severozapaden (BG31)".
    "a region code without its name": re.compile(r"(?<![(\w-])[A-Z]{2}\d[0-9A-Z]{0,2}\b(?!\))"),
}
UUID = MACHINE_VALUES["a UUID"]
# Files and machine documents, not pages.
# The title of the page for a missing address, in each language.
MISSING_PAGE = ("Page not found", "Page introuvable", "Seite nicht gefunden")
NOT_PAGES = ("/logout", "/language/", ".csv", ".ics", ".xlsx", ".json", ".svg", "/api/", "/metrics", "/documents/", "/health")

# What people read: text shown on screen, leaving out what they type into fields (a date input
# holds an ISO date by design) and identifiers set apart as code for the staff who use the API.
VISIBLE_TEXT = """
const skip = 'input, textarea, select, option, code, script, style, template';
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const parts = [];
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const parent = node.parentElement;
  if (!parent || parent.closest(skip) || !parent.checkVisibility()) continue;
  parts.push(node.textContent);
}
return parts.join(' ');
"""


def kind_of(path):
    """One visit per kind of address: ids stand for any id, query values for any value."""
    parts = urlsplit(path)
    keys = ",".join(sorted(pair.split("=")[0] for pair in parts.query.split("&") if pair))
    return UUID.sub("{id}", parts.path) + "?" + keys


def set_width(driver, width):
    if width == 390:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})
    else:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        driver.set_window_size(width, 900)


def problems_of(page, path):
    """What is wrong with the page at `path`, at each width."""
    driver = page.driver
    found = []
    for width in WIDTHS:
        set_width(driver, width)
        page.open(path)
        wide = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if wide > 0:
            found.append(f"{wide} px wider than the screen at {width} px")
        if width == WIDTHS[0]:
            text = driver.execute_script(VISIBLE_TEXT)
            if "⟦" in text:
                found.append(f"a text key with no text: {re.findall(r'⟦[^⟧]+⟧', text)[:5]}")
            for name, pattern in MACHINE_VALUES.items():
                hits = sorted({match.group(0) for match in pattern.finditer(text)})
                if hits:
                    found.append(f"{name}: {hits[:5]}")
        axe = Axe(driver)
        axe.inject()
        for violation in axe.run()["violations"]:
            targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:3]]
            found.append(f"axe {violation['id']} ({violation['impact']}) at {width} px: {targets}")
    return found


# An application's pages differ with its status (draft, under assessment, launched, closed):
# several of each are read, not only the first one linked.
SEVERAL = re.compile(r"^/applications/\{id\}(/assignment)?\?$")
VISITS_OF_SEVERAL = 4


def walk(page, role):
    """Every kind of page reachable from the home page by links, with its problems."""
    driver = page.driver
    queue, visits, report = ["/"], {}, {}

    def wanted(path):
        kind = kind_of(path)
        return path not in report and visits.get(kind, 0) < (VISITS_OF_SEVERAL if SEVERAL.match(kind) else 1)

    while queue:
        path = queue.pop(0)
        if not wanted(path):
            continue
        visits[kind_of(path)] = visits.get(kind_of(path), 0) + 1
        set_width(driver, WIDTHS[0])
        page.open(path)
        assert not any(words in driver.title for words in MISSING_PAGE), f"{role}: a link leads to a missing page: {path}"
        for link in driver.find_elements(By.CSS_SELECTOR, "a[href]"):
            href = link.get_attribute("href") or ""
            if not href.startswith(page.base):
                continue
            target = href.removeprefix(page.base).split("#")[0] or "/"
            if not any(part in target for part in NOT_PAGES) and wanted(target):
                queue.append(target)
        report[path] = problems_of(page, path)
    return report


@pytest.fixture(scope="module")
def logins(server):
    made = server.command("demo")
    assert made.returncode == 0, made.stdout + made.stderr
    password = re.search(r"with the password (\S+) as:", made.stdout).group(1)
    return password, dict(re.findall(r"^\s+(admin|secretariat|commission|expert|applicant)\s+(\S+)$", made.stdout, re.M))


@pytest.mark.parametrize("role", ["public", "applicant", "secretariat", "commission", "expert", "admin"])
def test_every_page_reads_well_at_desktop_and_phone_widths(page, logins, role):
    read_every_page(page, logins, role, "en")


@pytest.mark.parametrize("language", ["fr", "de"])
@pytest.mark.parametrize("role", ["public", "applicant", "secretariat", "commission", "expert", "admin"])
def test_every_role_reads_every_page_in_french_and_german(page, logins, role, language):
    """The switcher's choice holds on every page, which says so in its lang attribute."""
    read_every_page(page, logins, role, language)


def read_every_page(page, logins, role, language):
    password, emails = logins
    driver = page.driver
    page.open(f"/language/{language}?returnTo=/")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == language
    if role != "public":
        page.open("/login")
        driver.find_element(By.ID, "email").send_keys(emails[role])
        driver.find_element(By.ID, "password").send_keys(password)
        page.click(driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    try:
        report = walk(page, role)
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == language
    finally:
        set_width(driver, WIDTHS[0])
    assert len(report) >= 4, f"{role} reached too few pages to be a walk: {list(report)}"
    bad = {path: problems for path, problems in report.items() if problems}
    assert not bad, f"{role}: " + "\n".join(f"{path}:\n  " + "\n  ".join(problems) for path, problems in bad.items())
