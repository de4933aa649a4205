"""Issue 16's "Done when": a French-speaking regional authority uses S3Desk in French from
registration to its decision email. The officer picks Français with the switcher, registers,
confirms through the delivered email, applies with one wrong field first, submits and follows the
application; staff assess, decide and endorse; the officer reads the decision on its page and in
its email. Every page the officer sees is `lang="fr"`, axe-clean, and holds no English sentence
of the catalogues; so does every email."""
import json
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import PASSWORD, ROOT, STAFF_EMAIL, api, api_token, fill

OFFICER = "elodie@centre-val.example.fr"
COMMISSION_EMAIL = "officier@regio.example.eu"
NEEDS = ("Nous avons besoin d'aide pour concevoir un processus de découverte entrepreneuriale continu "
         "avec nos universités et nos PME. ") * 2
REASON = "Le meilleur total du cycle ; le besoin est clairement décrit."


def english_sentences():
    """The catalogues' English texts of three words or more, split at their blanks: none of them
    may show on a French page or in a French email."""
    found = set()
    for path in (ROOT / "Sources" / "S3DeskApp" / "Resources" / "Locales" / "en").glob("*.json"):
        for text in json.loads(path.read_text(encoding="utf-8")).values():
            for part in re.split(r"\{\d+\}", text):
                part = part.strip(" .,:;()–—\n")
                if len(part.split()) >= 3:
                    found.add(part)
    return found


ENGLISH = english_sentences()


def assert_french(text, where):
    leftovers = sorted(sentence for sentence in ENGLISH if sentence in text)
    assert not leftovers, f"English on {where}: {leftovers[:5]}"
    assert "⟦" not in text, f"a raw key on {where}"


ATTRIBUTES = """return [document.title].concat(Array.from(document.querySelectorAll('[aria-label],[alt],[title],[placeholder]'))
    .flatMap(e => ['aria-label', 'alt', 'title', 'placeholder'].map(a => e.getAttribute(a) || '')))"""


def check_french(page, name):
    """The page's text, its title and the words it gives screen readers (labels, alternatives)."""
    driver = page.driver
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr", name
    assert_french(driver.find_element(By.TAG_NAME, "body").text, name)
    assert_french("\n".join(driver.execute_script(ATTRIBUTES)), f"{name} (attributes)")
    page.check(f"fr-{name}")


def submit(page):
    page.click(page.driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))


def test_a_french_authority_from_registration_to_its_decision_email(page, mailbox, server):
    box, _ = mailbox
    driver = page.driver
    staff = api_token(server, STAFF_EMAIL)
    call = api(server, "POST", "/api/v1/calls", {
        "title": "Targeted Support to EU regions 2026", "cutoffs": ["2026-03-31", "2026-06-30"],
        "translations": {"fr": {"title": "Soutien ciblé aux régions de l'UE 2026"}}}, staff)

    page.open("/")
    page.click(driver.find_element(By.CSS_SELECTOR, "a[href^='/language/fr']"))
    assert "Soutien ciblé aux régions de l'UE 2026" in page.main_text(), "the call's own French title"
    check_french(page, "home")
    page.click(driver.find_element(By.CSS_SELECTOR, "main a[href='/register']"))
    check_french(page, "register")
    fill(driver, "name", "Élodie Martin")
    fill(driver, "email", OFFICER)
    fill(driver, "password", PASSWORD)
    fill(driver, "organisationName", "Région Centre-Val de Loire")
    Select(driver.find_element(By.ID, "authorityType")).select_by_value("regional_authority")
    fill(driver, "territory", "Val de Loire")  # a name, not a code: the error suggests codes, in French
    submit(page)
    assert "VAL DE LOIRE" in driver.find_element(By.ID, "territory-error").text, "the wrong region is named"
    assert driver.find_element(By.ID, "organisationName").get_attribute("value") == "Région Centre-Val de Loire", "nothing typed is lost"
    check_french(page, "register-with-errors")
    fill(driver, "territory", "FRB0")
    fill(driver, "password", PASSWORD)
    submit(page)
    assert page.path() == "/register/sent"
    check_french(page, "register-sent")

    confirmation = box.wait_for(OFFICER, "Confirmez votre compte S3Desk")
    assert_french(confirmation.get_content(), "the confirmation email")
    driver.get(re.search(r"http://\S+/accounts/confirm\?token=[\w-]+", confirmation.get_content()).group(0))
    check_french(page, "confirm")
    fill(driver, "confirm-password", PASSWORD)  # the registration's password: only the registrant confirms
    submit(page)
    check_french(page, "confirmed")

    page.open("/login")
    check_french(page, "login")
    fill(driver, "email", OFFICER)
    fill(driver, "password", PASSWORD)
    submit(page)
    assert "Élodie Martin" in driver.find_element(By.CSS_SELECTOR, ".site-header").text
    check_french(page, "signed-in-home")

    page.click(driver.find_element(By.CSS_SELECTOR, f"main form[action='/calls/{call['id']}/apply'] button[type=submit]"))
    assert re.fullmatch(r"/applications/[0-9A-F-]+/edit", page.path())
    reference = re.search(r"TS-2026-\d{4}", driver.find_element(By.TAG_NAME, "h1").text).group(0)
    check_french(page, "application-form")
    Select(driver.find_element(By.ID, "authorityType")).select_by_value("regional_authority")
    driver.find_element(By.ID, "s3ResponsibilityConfirmed").click()
    fill(driver, "territory", "FRB0")
    fill(driver, "contactName", "Élodie Martin")
    fill(driver, "contactPosition", "Cheffe du service S3")
    fill(driver, "contactEmail", OFFICER)
    driver.find_element(By.CSS_SELECTOR, "input[name='topics[]'][value='edp']").click()
    driver.find_element(By.CSS_SELECTOR, "input[name='challenge[]'][value='development_trap']").click()
    fill(driver, "justification-development_trap", "La croissance stagne.")  # too short: the one wrong field
    fill(driver, "needs", NEEDS)
    fill(driver, "s3Context", "Cosmétique, pharmacie et agriculture de précision")
    fill(driver, "stakeholders", "Universités d'Orléans et de Tours, pôles de compétitivité, PME")
    fill(driver, "expectedResults", "Un processus de découverte entrepreneuriale annuel")
    fill(driver, "languages", "français")
    page.click(driver.find_element(By.XPATH, "//button[@value='submit']"))
    assert "50" in driver.find_element(By.ID, "justification-development_trap-error").text
    assert driver.find_element(By.ID, "needs").get_attribute("value").strip() == NEEDS.strip(), "nothing typed is lost"
    check_french(page, "application-form-with-errors")
    fill(driver, "justification-development_trap", "La croissance stagne depuis dix ans et les revenus restent sous la moyenne de l'UE.")
    page.click(driver.find_element(By.XPATH, "//button[@value='submit']"))
    assert re.fullmatch(r"/applications/[0-9A-F-]+", page.path())
    application_id = page.path().rpartition("/")[2]
    assert "31 mars 2026" in page.main_text(), "the cut-off, dated in French"
    assert driver.find_element(By.CSS_SELECTOR, "figure.chart img").get_attribute("alt"), "the progress chart is described"
    check_french(page, "application-submitted")
    received = box.wait_for(OFFICER, f"Candidature {reference} reçue")
    assert_french(received.get_content(), "the receipt email")
    assert "Cosmétique, pharmacie" in received.get_content()
    page.open("/applications")
    assert reference in driver.find_element(By.TAG_NAME, "table").text
    check_french(page, "my-applications")
    page.click(driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button[type=submit]"))

    # After the cut-off two assessors score it, the secretariat selects it, the Commission endorses.
    created = server.command("user", "add", "--email", COMMISSION_EMAIL, "--name", "Carla Commission",
                             "--role", "commission", stdin=PASSWORD + "\n")
    assert created.returncode == 0, created.stdout + created.stderr
    server.restart(now="2026-04-01T08:00:00Z")
    scores = {"relevance": 4, "impact": 4, "ownership": 4, "feasibility": 4}
    for email in (STAFF_EMAIL, COMMISSION_EMAIL):
        api(server, "POST", f"/api/v1/applications/{application_id}/assessments",
            {"scores": scores, "comment": "Un besoin précis et une autorité engagée."}, api_token(server, email))
    api(server, "POST", f"/api/v1/applications/{application_id}/decision", {"decision": "selected", "reason": REASON},
        api_token(server, STAFF_EMAIL))
    round_id = api(server, "GET", f"/api/v1/applications/{application_id}", token=api_token(server, STAFF_EMAIL))["round"]["id"]
    api(server, "POST", f"/api/v1/rounds/{round_id}/endorsement", {"endorsed": True}, api_token(server, COMMISSION_EMAIL))

    page.open("/login")
    fill(driver, "email", OFFICER)
    fill(driver, "password", PASSWORD)
    submit(page)
    page.open(f"/applications/{application_id}")
    assert REASON in page.main_text()
    check_french(page, "decision")
    decision = box.wait_for(OFFICER, f"Décision sur votre candidature {reference}")
    assert REASON in decision.get_content()
    assert_french(decision.get_content(), "the decision email")
