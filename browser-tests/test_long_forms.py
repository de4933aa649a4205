"""Forms of real length are accepted (issue "forms of real length are refused").

A web form whose body went past the first chunk the server read from the connection (about
2 KB) used to be refused with 403 "this form has expired": the CSRF middleware looked for
`_csrf` before the streamed body had been collected. Real applications are far longer than
that, and Greek or Bulgarian text takes six bytes a character once form-encoded.

This module proves, in a real browser, that:

1. an applicant can save a draft of the application form with every field filled to the most
   the rules allow (ApplicationRules: 300, 200, 1,000, 2,000 and 5,000 characters), in Greek
   and Bulgarian mixed with Latin script (about 140 KB of form body), find every text back
   exactly on reloading the form, and submit it;
2. after the round's cut-off, an assessor can score an application on the rubric page with a
   comment of the most the rules allow (5,000 characters), and the comment is kept exactly.

Long values are set with JavaScript (typing 5,000 characters with send_keys takes minutes);
every button is clicked for real, so the browser builds and posts the form itself.
"""
import re
import unicodedata

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import PASSWORD, STAFF_EMAIL, api, api_token

# This module's own addresses: the mailbox is shared by the module, and finds the newest
# message to an address.
APPLICANT_EMAIL = "rada@severozapaden.example.bg"
ASSESSED_EMAIL = "eleni@kriti.example.gr"
CALL_TITLE = "Targeted Support to EU regions 2026: long forms"
CUTOFFS = ["2026-03-31", "2026-06-30"]
AFTER_FIRST_CUTOFF = "2026-04-01T08:00:00Z"

# Greek, Bulgarian and Latin, with the characters a form must encode or a page must escape
# (& " ' < > + % = ;). All are single code points of the Basic Multilingual Plane without
# combining marks, so Python, JavaScript (UTF-16 units) and Swift (characters) count them alike.
SENTENCES = (
    "Η Περιφέρεια ζητά υποστήριξη για τη Στρατηγική Έξυπνης Εξειδίκευσης (S3) και τη διαδικασία επιχειρηματικής ανακάλυψης.",
    "Областта търси експертна помощ за стратегията за интелигентна специализация и за мрежата от университети, МСП и клъстери.",
    "R&D budget: 50% ERDF + 50% national co-funding; TRL < 7 => \"pilot\" lines, 'living labs', «αλυσίδες αξίας» и „вериги на стойността“.",
)


def long_text(label, length):
    """Exactly `length` characters of mixed-script prose, opening with `label` so that no two
    fields hold the same text (a value saved into the wrong field would show)."""
    text = f"[{label}] "
    index = 0
    while len(text) < length:
        text += SENTENCES[index % len(SENTENCES)] + " "
        index += 1
    text = text[:length]
    if text[-1] == " ":  # the server trims some fields: end on a letter
        text = text[:-1] + "ω"
    assert len(text) == length
    assert unicodedata.normalize("NFC", text) == text
    assert all(ord(c) < 0x10000 and not unicodedata.combining(c) for c in text)
    return text


CHALLENGES = ["demographic", "geographic", "green", "digital", "development_trap"]
LANGUAGES = "Български, Ελληνικά, English, Deutsch, Français, Română, Српски, Македонски, Türkçe, Español"
TEXTS = {  # input id -> the full value to set (at the most ApplicationRules allows)
    "organisationName": long_text("Областна администрация Видин · Περιφέρεια", 300),
    "contactName": long_text("Радослава Петрова-Παπαδοπούλου", 200),
    "contactPosition": long_text("Ръководител на звено S3 · Προϊσταμένη", 200),
    "otherTopic": long_text("Друга нужда · Άλλη ανάγκη", 1000),
    "needs": long_text("needs · нужди · ανάγκες", 5000),
    "s3Context": long_text("S3 context · контекст · πλαίσιο", 5000),
    "stakeholders": long_text("stakeholders · заинтересовани страни · ενδιαφερόμενοι", 5000),
    "expectedResults": long_text("expected results · очаквани резултати · αναμενόμενα αποτελέσματα", 5000),
    **{f"justification-{kind}": long_text(f"{kind} · предизвикателство · πρόκληση", 2000) for kind in CHALLENGES},
}
TYPED = {  # input id -> a short value typed for real
    "territory": "BG31",
    "contactEmail": APPLICANT_EMAIL,
    "contactPhone": "+359 (0)94 600 123 / +30 (0)2810 123 456",  # 40 characters, the most allowed
    "languages": LANGUAGES,
}
COMMENT = long_text("assessment · оценка · αξιολόγηση", 5000)  # Assessments.commentLength


def difference(name, actual, expected):
    """A readable account of two long texts that differ, without printing 5,000 characters."""
    if actual is None:
        return f"{name}: no value at all"
    at = next((i for i, (a, b) in enumerate(zip(actual, expected)) if a != b), min(len(actual), len(expected)))
    return (f"{name}: {len(actual)} characters instead of {len(expected)}, first difference at {at}: "
            f"{actual[max(0, at - 20):at + 20]!r} instead of {expected[max(0, at - 20):at + 20]!r}")


def set_value(driver, element_id, text):
    """Sets a long value as if pasted: the value, then the input and change events."""
    field = driver.find_element(By.ID, element_id)
    driver.execute_script(
        "arguments[0].value = arguments[1];"
        "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
        "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field, text)
    assert field.get_property("value") == text, difference(element_id, field.get_property("value"), text)


def type_value(driver, element_id, text):
    field = driver.find_element(By.ID, element_id)
    field.clear()
    field.send_keys(text)


def register(server, mailbox, email, name, organisation, territory):
    """An applicant's account, confirmed through the link the server emails, made through the API."""
    api(server, "POST", "/api/v1/accounts", {
        "email": email, "password": PASSWORD, "name": name,
        "organisation": {"name": organisation, "authorityType": "regional_authority", "territory": territory}})
    message = mailbox.wait_for(email, "Confirm your S3Desk account")
    token = re.search(r"token=([\w-]+)", message.get_content()).group(1)
    api(server, "POST", "/api/v1/accounts/confirm", {"token": token})


def sign_in(page, email):
    driver = page.driver
    page.open("/login")
    type_value(driver, "email", email)
    type_value(driver, "password", PASSWORD)
    page.click(page.button("Sign in"))
    assert page.path() != "/login", f"signing in as {email} failed: {page.main_text()[:300]}"


def sign_out(page):
    page.click(page.button("Sign out"))


def answer_of(page):
    """The start of the page, to say in a failure what the server answered instead."""
    return page.main_text()[:400]


def test_application_form_at_full_length_saves_reloads_and_submits(page, mailbox, server):
    box, _ = mailbox
    driver = page.driver
    staff = api_token(server, STAFF_EMAIL)
    api(server, "POST", "/api/v1/calls", {"title": CALL_TITLE, "cutoffs": CUTOFFS}, staff)
    register(server, box, APPLICANT_EMAIL, "Радослава Петрова", "Областна администрация Видин", "BG31")

    sign_in(page, APPLICANT_EMAIL)
    page.open("/")
    call = driver.find_element(By.XPATH, f"//article[contains(@class, 'call')][h3[normalize-space()='{CALL_TITLE}']]")
    page.click(call.find_element(By.XPATH, ".//button[normalize-space()='Start an application']"))
    assert re.fullmatch(r"/applications/[0-9A-F-]+/edit", page.path()), answer_of(page)
    edit_path = page.path()
    application_id = edit_path.split("/")[2]

    # Every field of the form, each at the most the rules allow.
    Select(driver.find_element(By.ID, "authorityType")).select_by_value("regional_authority")
    driver.find_element(By.ID, "s3ResponsibilityConfirmed").click()
    topics = driver.find_elements(By.CSS_SELECTOR, "input[name='topics[]']")
    assert "other" in [topic.get_attribute("value") for topic in topics]
    for topic in topics:
        topic.click()
    challenges = driver.find_elements(By.CSS_SELECTOR, "input[name='challenge[]']")
    assert sorted(challenge.get_attribute("value") for challenge in challenges) == sorted(CHALLENGES)
    for challenge in challenges:
        challenge.click()
    for element_id, text in TYPED.items():
        type_value(driver, element_id, text)
    for element_id, text in TEXTS.items():
        set_value(driver, element_id, text)
    body = driver.execute_script("return new URLSearchParams(new FormData(arguments[0])).toString().length",
                                 driver.find_element(By.CSS_SELECTOR, f"form[action='{edit_path}']"))
    assert body > 100_000, f"the form body is only {body} bytes: not the long form this test is about"

    page.click(page.button("Save draft"))
    assert "Your draft has been saved." in page.main_text(), (
        f"saving a draft of {body} bytes was refused; the server answered: {answer_of(page)}")

    # A fresh load of the form shows every text exactly as it was set.
    page.open(edit_path)
    # A known territory code reads back by name, as the form's list of names offers it.
    for element_id, text in {**TEXTS, **TYPED, "territory": "Severozapaden (BG31)"}.items():
        value = driver.find_element(By.ID, element_id).get_property("value")
        assert value == text, difference(element_id, value, text)
    assert Select(driver.find_element(By.ID, "authorityType")).first_selected_option.get_attribute("value") == "regional_authority"
    assert driver.find_element(By.ID, "s3ResponsibilityConfirmed").is_selected()
    unticked = [tick.get_attribute("value") for tick in
                driver.find_elements(By.CSS_SELECTOR, "input[name='topics[]'], input[name='challenge[]']") if not tick.is_selected()]
    assert not unticked, f"no longer ticked after saving: {unticked}"
    page.check("long-application-form")

    page.click(page.button("Submit the application"))
    assert page.path() == f"/applications/{application_id}", f"submitting was refused: {answer_of(page)}"
    main = page.main_text()
    assert "Submitted" in driver.find_element(By.CSS_SELECTOR, "dl.facts").text, answer_of(page)
    for element_id in ("organisationName", "needs", "expectedResults", "otherTopic"):
        assert TEXTS[element_id] in main, f"the application page does not show all of {element_id}"
    page.check("long-application-submitted")

    # What was stored, as the API gives it back.
    stored = api(server, "GET", f"/api/v1/applications/{application_id}", token=api_token(server, APPLICANT_EMAIL))
    assert stored["status"] == "submitted"
    for field in ("organisationName", "otherTopic", "needs", "s3Context", "stakeholders", "expectedResults"):
        assert stored[field] == TEXTS[field], difference(field, stored[field], TEXTS[field])
    assert stored["contact"]["name"] == TEXTS["contactName"]
    assert stored["contact"]["position"] == TEXTS["contactPosition"]
    assert stored["contact"]["phone"] == TYPED["contactPhone"]
    assert stored["languages"] == LANGUAGES.split(", ")
    assert {c["kind"]: c["justification"] for c in stored["challenges"]} == \
        {kind: TEXTS[f"justification-{kind}"] for kind in CHALLENGES}
    sign_out(page)


def test_assessment_comment_at_full_length_is_kept(page, mailbox, server):
    box, _ = mailbox
    driver = page.driver
    staff = api_token(server, STAFF_EMAIL)
    call = api(server, "POST", "/api/v1/calls", {"title": CALL_TITLE + " (assessed)", "cutoffs": CUTOFFS}, staff)
    register(server, box, ASSESSED_EMAIL, "Ελένη Παπαδάκη", "Περιφέρεια Κρήτης", "EL43")
    applicant = api_token(server, ASSESSED_EMAIL)
    draft = api(server, "POST", f"/api/v1/calls/{call['id']}/applications", {
        "organisationName": "Περιφέρεια Κρήτης", "authorityType": "regional_authority",
        "s3ResponsibilityConfirmed": True, "territory": "EL43",
        "contact": {"name": "Ελένη Παπαδάκη", "email": ASSESSED_EMAIL, "position": "Προϊσταμένη S3"},
        "topics": ["edp"], "needs": long_text("needs · ανάγκες", 500), "s3Context": "Αγροδιατροφή, τουρισμός",
        "stakeholders": "Πανεπιστήμιο Κρήτης, ΜμΕ", "expectedResults": "Μια συνεχής διαδικασία EDP",
        "languages": ["Ελληνικά", "English"], "challenges": []}, applicant)
    application = api(server, "POST", f"/api/v1/applications/{draft['id']}/submit", None, applicant)

    # The day after the cut-off of 31 March: the round is under assessment.
    server.restart(now=AFTER_FIRST_CUTOFF)
    sign_in(page, STAFF_EMAIL)
    page.open(f"/staff/applications/{application['id']}/assessment")
    for criterion in ("relevance", "impact", "ownership", "feasibility"):
        driver.find_element(By.CSS_SELECTOR, f"input[name='{criterion}'][value='4']").click()
    set_value(driver, "comment", COMMENT)
    page.click(page.button("Submit my assessment"))
    main = page.main_text()
    assert "(you)" in main, f"the assessment with a comment of {len(COMMENT)} characters was refused; the server answered: {answer_of(page)}"
    assert COMMENT in main, "the assessment page does not show the whole comment"
    page.check("assessment-long-comment")

    # A token of its own: the one taken before the restart expired (12 hours) on the new clock.
    listed = api(server, "GET", f"/api/v1/applications/{application['id']}/assessments", token=api_token(server, STAFF_EMAIL))
    mine = [item for item in listed["items"] if item["mine"]]
    assert len(mine) == 1, listed
    assert mine[0]["comment"] == COMMENT, difference("comment", mine[0]["comment"], COMMENT)
    assert mine[0]["scores"] == {"relevance": 4, "impact": 4, "ownership": 4, "feasibility": 4}
    sign_out(page)
