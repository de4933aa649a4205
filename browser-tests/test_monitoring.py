"""Issue 13: the monitoring dashboard in a real browser, axe-core clean at desktop and phone
widths, and its exports opened as a spreadsheet program would (openpyxl for the workbook)."""
import csv
import io
import urllib.request

import openpyxl
from selenium.webdriver.common.by import By

from conftest import STAFF_EMAIL, api, api_token
from test_assessment import sign_in
from test_launch_to_closure import launched_assignment


def download(server, path, token):
    request = urllib.request.Request(server.url + path, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request) as response:
        return response.headers, response.read()


def test_dashboard_and_exports(page, mailbox, server):
    box, _ = mailbox
    driver = page.driver
    application_id, assignment_id, reference = launched_assignment(server, box)
    staff = api_token(server, STAFF_EMAIL)
    summary = api(server, "GET", "/api/v1/reports/summary", token=staff)
    assert summary["selected"] == 1
    assert summary["launches"]["onTime"] == 1

    sign_in(page, STAFF_EMAIL)
    page.open("/staff/dashboard")
    main = page.main_text()
    assert "Monitoring" in main
    assert "Launches on time" in main
    # The launch is on time and the chart says so in words, not only by shape.
    timeline = driver.find_element(By.CSS_SELECTOR, "svg.timeline-chart")
    assert "1 launches on time and 0 late" in timeline.find_element(By.TAG_NAME, "desc").get_attribute("textContent")
    assert driver.find_element(By.CSS_SELECTOR, "svg.gantt-chart title").get_attribute("textContent").startswith("Running assignments")
    page.check("dashboard")
    # Each chart's figures sit in a table a screen reader can reach.
    driver.find_element(By.XPATH, "//summary[contains(., 'Applications by status')]").click()
    assert driver.find_element(By.XPATH, "//th[@scope='row' and normalize-space()='Selected']/following-sibling::td").text == "0"
    driver.set_window_size(390, 900)
    page.open("/staff/dashboard")
    width = driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390, f"the dashboard is {width} px wide on a 390 px screen"
    page.check("dashboard-phone")
    driver.set_window_size(1280, 900)

    headers, body = download(server, "/api/v1/reports/applications.csv", staff)
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0][:2] == ["Reference", "Organisation"]
    row = dict(zip(rows[0], rows[1]))
    assert row["Reference"] == reference
    assert row["Launch"] == "2026-05-04" and row["Launch late"] == "no"

    headers, body = download(server, "/api/v1/reports/applications.xlsx", staff)
    assert "spreadsheetml" in headers["Content-Type"]
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    header = [cell.value for cell in sheet[1]]
    values = dict(zip(header, [cell.value for cell in sheet[2]]))
    assert values["Reference"] == reference
    assert values["Expert days budget"] == 20
    assert values["Status"] == "Launched"
    assert sheet.freeze_panes == "A2"
