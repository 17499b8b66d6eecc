#!/usr/bin/env python3
"""Drives the real application in Debian's headless Chromium, as a clerk would: sign in, open the year overview, add a
payment, see the execution rate change, download the report. Starts `jixiao serve --demo` on a free port with a
temporary database and stops it afterwards. Screenshots go to $SCREENSHOTS (default: a temporary directory).

Usage: Tests/Browser/browser_test.py PATH/TO/jixiao"""
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from io import BytesIO

from PIL import Image
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

binary = os.path.abspath(sys.argv[1])
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
workdir = tempfile.mkdtemp(prefix="jixiao-browser-")
shots = os.environ.get("SCREENSHOTS") or os.path.join(workdir, "shots")
downloads = os.path.join(workdir, "downloads")
os.makedirs(shots, exist_ok=True)
os.makedirs(downloads, exist_ok=True)

with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]

env = dict(os.environ)
env.pop("DATABASE_URL", None)
server = subprocess.Popen(
    # The built-in demo department, started away from the repository as an installed program would be.
    [binary, "serve", "--demo", "--port", str(port), "--log-level", "warning"],
    cwd=workdir, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

checks = []


def check(name, condition):
    checks.append((name, bool(condition)))
    print(("ok     " if condition else "FAILED ") + name, flush=True)


def drawn(element, colour, minimum=200):
    """How many pixels of a colour (±24 per channel) the element shows on screen: proof a chart was painted, not
    only put in the page."""
    data = Image.open(BytesIO(element.screenshot_as_png)).convert("RGB").tobytes()
    count = sum(1 for i in range(0, len(data), 3) if all(abs(data[i + k] - colour[k]) <= 24 for k in range(3)))
    return count >= minimum, count


def left(driver, element, timeout=10):
    """Wait until the browser has left the page that held an element. Chromium reports a node of a page already
    replaced either as stale or as an inspector error ("does not belong to the document"): both mean it is gone."""
    def gone(_):
        try:
            element.is_enabled()
            return False
        except WebDriverException:
            return True
    WebDriverWait(driver, timeout).until(gone)


RED, BLUE, GREEN, AMBER = (155, 28, 28), (31, 95, 168), (31, 111, 67), (183, 121, 31)

password = None
try:
    deadline = time.time() + 60
    for line in server.stdout:
        match = re.search(r"密码均为 (\S+?)，", line)
        if match:
            password = match.group(1)
        if "打开 http://" in line or time.time() > deadline:
            break
    check("the demo server printed its accounts", password)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            if urllib.request.urlopen(base + "/healthz", timeout=1).read() == b"ok":
                break
        except OSError:
            time.sleep(0.1)

    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"download.default_directory": downloads,
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    driver.implicitly_wait(5)
    try:
        driver.get(base + "/public")
        driver.find_element(By.CSS_SELECTOR, "#publications a").click()
        check("a citizen opens the published report without an account",
              "第 1 版" in driver.page_source and len(driver.find_elements(By.CSS_SELECTOR, "#public-files a")) >= 4)
        driver.save_screenshot(os.path.join(shots, "00-public.png"))
        driver.get(base + "/")
        check("a stranger is sent to the sign-in page", "/login" in driver.current_url)
        driver.save_screenshot(os.path.join(shots, "01-login.png"))
        driver.find_element(By.NAME, "username").send_keys("preparer")
        driver.find_element(By.NAME, "password").send_keys(password or "")
        driver.find_element(By.CSS_SELECTOR, "form.stack button").click()
        WebDriverWait(driver, 10).until(lambda d: "/login" not in d.current_url)
        driver.find_element(By.LINK_TEXT, "广州市黄埔区科学技术协会（广州开发区科学技术协会）").click()
        rate_before = driver.find_element(By.ID, "rate").text
        check("the overview shows the seed's execution rate", rate_before == "98.99%")
        check("the overview shows the total score", "97.90" in driver.find_element(By.ID, "total").text)
        charts = driver.find_elements(By.CSS_SELECTOR, ".charts svg")
        check("the overview draws its three charts", len(charts) == 3 and all(c.size["width"] > 200 for c in charts))
        driver.save_screenshot(os.path.join(shots, "02-overview.png"))

        driver.find_element(By.PARTIAL_LINK_TEXT, "支付明细").click()
        Select(driver.find_element(By.ID, "line")).select_by_value("X01")
        driver.find_element(By.ID, "date").send_keys("2022-07-15")
        driver.find_element(By.ID, "amount").send_keys("87,700.00")
        driver.find_element(By.ID, "payee").send_keys("浏览器测试收款单位")
        driver.find_element(By.CSS_SELECTOR, "form.wide button").click()
        try:
            WebDriverWait(driver, 10).until(lambda d: "已保存" in d.page_source)
            saved = True
        except Exception:
            saved = False
        check("the payment was saved", saved)
        driver.save_screenshot(os.path.join(shots, "03-payments.png"))

        # The indicator tree and the activities edited on the web.
        driver.get(base + "/years/440112-KX/2022/indicators/i3/edit")
        actual = driver.find_element(By.ID, "actual")
        actual.clear()
        actual.send_keys("11")
        driver.find_element(By.CSS_SELECTOR, "form.wide button[type=submit]").click()
        WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/indicators#indicator-i3"))
        check("an indicator's actual value is changed on its form", "/indicators" in driver.current_url)
        driver.get(base + "/years/440112-KX/2022/activities")
        # Pasted rows hold tabs (typing a tab would move the focus): set them as a paste does.
        driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.NAME, "rows"),
                              "2022-11-05\t科普讲座进社区\t科普讲座\t1200")
        driver.find_element(By.CSS_SELECTOR, "#add-activities button").click()
        WebDriverWait(driver, 10).until(lambda d: "已添加" in d.page_source)
        check("activities pasted from a spreadsheet are added", "已添加 1 条" in driver.find_element(By.ID, "message").text)
        driver.save_screenshot(os.path.join(shots, "04-activities.png"))

        # 基本情况, a procurement's dates with the deadline check beside them, the assets and an evidence file.
        driver.get(base + "/years/440112-KX/2022/basics")
        overview = driver.find_element(By.ID, "overview")
        driver.execute_script("arguments[0].value = arguments[1]", overview,
                              overview.get_attribute("value") + "\n浏览器测试补充的一句概况。")
        driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
        WebDriverWait(driver, 10).until(lambda d: "saved=1" in d.current_url)
        check("the overview of 基本情况 is saved", "浏览器测试补充的一句概况" in driver.find_element(By.ID, "overview").text)
        driver.get(base + "/years/440112-KX/2022/procurements")
        driver.find_element(By.CSS_SELECTOR, "#procurement-0 summary").click()
        form = driver.find_element(By.CSS_SELECTOR, "#procurement-0 form.stack")
        driver.execute_script("arguments[0].value = '2022-10-01'", form.find_element(By.NAME, "contractSigned"))
        before = driver.find_element(By.TAG_NAME, "html")
        form.find_element(By.CSS_SELECTOR, "button[value=save]").click()
        left(driver, before)
        driver.find_element(By.CSS_SELECTOR, "#procurement-0 summary").click()
        beside = driver.find_element(By.ID, "contractSigned-0-check")
        check("a late contract is flagged beside its date", "已保存" in driver.page_source
              and "超过 30 天" in beside.text and beside.is_displayed())
        driver.save_screenshot(os.path.join(shots, "04-procurement.png"))
        driver.get(base + "/years/440112-KX/2022/assets")
        total = driver.find_element(By.NAME, "total")
        total.clear()
        total.send_keys("1816624.59")
        before = driver.find_element(By.TAG_NAME, "html")
        driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
        left(driver, before)
        check("assets whose total misses its parts by a fen say so in 元",
              "已保存" in driver.page_source and "不一致" in driver.find_element(By.ID, "assets").text)
        driver.get(base + "/years/440112-KX/2022/evidence")
        Select(driver.find_element(By.NAME, "subject")).select_by_value("indicator:i1")
        sign_sheet = os.path.join(workdir, "签到表.pdf")
        with open(sign_sheet, "wb") as file:
            file.write(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
        driver.find_element(By.NAME, "file").send_keys(sign_sheet)
        driver.find_element(By.CSS_SELECTOR, "#upload-evidence button").click()
        WebDriverWait(driver, 10).until(lambda d: "已上传" in d.page_source)
        check("an evidence file is attached to an indicator", "签到表.pdf" in driver.find_element(By.ID, "evidence").text)
        driver.get(base + "/years/440112-KX/2022/evaluation")
        check("the evaluation page links the score to its evidence", "签到表.pdf" in driver.page_source)

        driver.get(base + "/years/440112-KX/2022")
        rate_after = driver.find_element(By.ID, "rate").text
        check(f"the execution rate changed ({rate_before} → {rate_after})", rate_after == "100.00%")

        for page, title, shot in [("evaluation", "自评得分", "04-evaluation.png"),
                                  ("indicators", "绩效指标", "05-indicators.png"),
                                  ("narrative", "报告文字", "06-narrative.png")]:
            driver.get(f"{base}/years/440112-KX/2022/{page}")
            check(f"the {page} page opens", title in driver.find_element(By.TAG_NAME, "h1").text)
            driver.save_screenshot(os.path.join(shots, shot))
        driver.get(base + "/years/440112-KX/2022/monitoring?asOf=2022-06-30")
        charts = driver.find_elements(By.CSS_SELECTOR, ".charts svg")
        check("the monitoring page draws execution and the work-plan timeline", len(charts) == 2)
        red, count = drawn(charts[0], RED)
        check(f"the June execution line is painted red ({count} px)", red)
        blue, count = drawn(charts[1], BLUE)
        check(f"the timeline paints the share done of running tasks blue ({count} px)", blue)
        check("the monitoring table shows the reported cause", "原因：经费保障" in driver.page_source)
        driver.save_screenshot(os.path.join(shots, "08-monitoring.png"))
        driver.find_element(By.PARTIAL_LINK_TEXT, "“科普活动经费”（X01）截至 2022-06-30 执行").click()
        WebDriverWait(driver, 10).until(lambda d: "/payments" in d.current_url)
        check("a warning opens the payments of its line", "line=X01" in driver.current_url
              and Select(driver.find_element(By.NAME, "line")).first_selected_option.get_attribute("value") == "X01")

        driver.set_window_size(1280, 1600)  # the whole timeline on screen for its screenshot
        driver.get(base + "/years/440112-KX/2022/workplan")
        timeline = driver.find_element(By.CSS_SELECTOR, ".charts svg")
        driver.execute_script("arguments[0].scrollIntoView()", timeline)
        green, done_px = drawn(timeline, GREEN)
        red, late_px = drawn(timeline, RED, minimum=100)
        amber, amber_px = drawn(timeline, AMBER, minimum=100)
        check(f"the year-end timeline paints done ({done_px} px), overdue ({late_px} px) and late ({amber_px} px) tasks",
              green and red and amber)
        check("the unfinished task is marked overdue",
              "已逾期" in driver.find_element(By.ID, "task-t7").text)
        driver.save_screenshot(os.path.join(shots, "09-work-plan.png"))
        driver.set_window_size(1280, 900)
        driver.find_element(By.CSS_SELECTOR, "#task-t7 a").click()
        Select(driver.find_element(By.ID, "status")).select_by_value("done")
        driver.find_element(By.ID, "progress").clear()
        driver.find_element(By.ID, "progress").send_keys("100")
        driver.execute_script("document.getElementById('completed').value = '2022-12-28'")
        driver.save_screenshot(os.path.join(shots, "10-task-form.png"))
        driver.find_element(By.CSS_SELECTOR, "form.stack button").click()
        WebDriverWait(driver, 10).until(lambda d: "#task-t7" in d.current_url)
        check("the owner marks a task done and the plan has nothing overdue",
              "已完成" in driver.find_element(By.ID, "task-t7").text and "逾期 0 项" in driver.page_source)

        driver.get(base + "/years/440112-KX/2022/indicators/i4/progress")
        Select(driver.find_element(By.ID, "likelihood")).select_by_value("impossible")
        driver.find_element(By.ID, "actual").clear()
        driver.find_element(By.ID, "actual").send_keys("展品已进场安装")
        driver.find_element(By.ID, "remedy").clear()
        driver.find_element(By.CSS_SELECTOR, "form.stack button").click()
        check("a report short of certain without its remedy is refused beside the field",
              driver.find_elements(By.ID, "remedy-error"))
        driver.find_element(By.ID, "remedy").send_keys("调整展品清单，年内完成验收")
        Select(driver.find_element(By.ID, "cause")).select_by_value("hardware")
        driver.find_element(By.CSS_SELECTOR, "form.stack button").click()
        WebDriverWait(driver, 10).until(lambda d: "/progress" not in d.current_url)
        check("the progress report is saved and shown on the indicator list",
              "/indicators" in driver.current_url and "展品已进场安装" in driver.page_source)
        driver.save_screenshot(os.path.join(shots, "11-indicator-progress.png"))

        # A 履职效能分析 of the seed report's length (about 2,400 characters) typed on the page is saved whole.
        driver.get(base + "/years/440112-KX/2022/narrative")
        analysis = "本年度围绕科普活动、科技创新和学会服务开展工作，各项产出按计划完成。" * 70
        area = driver.find_element(By.NAME, "performance")
        driver.execute_script("arguments[0].value = arguments[1]", area, analysis)
        before = driver.find_element(By.TAG_NAME, "html")
        driver.find_element(By.CSS_SELECTOR, "form[action$='/narrative'] button[type=submit]").click()
        # Wait for the answer page itself: the page being left also has an <h1>.
        left(driver, before)
        check(f"a written analysis of {len(analysis)} characters is saved whole",
              "已保存" in driver.page_source
              and driver.find_element(By.NAME, "performance").get_attribute("value") == analysis)

        driver.find_element(By.LINK_TEXT, "运行监控总览").click()
        Select(driver.find_element(By.NAME, "year")).select_by_value("2022")
        driver.execute_script("document.querySelector('input[name=asOf]').value = '2022-06-30'")
        driver.find_element(By.CSS_SELECTOR, "form.filters button").click()
        WebDriverWait(driver, 10).until(lambda d: "asOf=2022-06-30" in d.current_url)
        check("the overview of departments shows the own department behind 序时进度",
              "16.16 个百分点" in driver.find_element(By.ID, "department-440112-KX").text)
        driver.save_screenshot(os.path.join(shots, "12-departments.png"))

        driver.get(base + "/years/440112-KX/2022/report.html")
        figures = driver.find_elements(By.CSS_SELECTOR, "figure svg")
        check("the HTML report carries its four charts as figures",
              len(figures) == 4 and all(f.size["width"] > 300 for f in figures))
        driver.execute_script("arguments[0].scrollIntoView()", figures[0])
        red, count = drawn(figures[0], RED)
        check(f"the report's execution chart is painted ({count} px)", red)
        driver.save_screenshot(os.path.join(shots, "13-report-figure.png"))

        driver.set_window_size(820, 1180)
        driver.get(base + "/years/440112-KX/2022")
        check("the overview fits a tablet without sideways scrolling",
              driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1"))
        driver.save_screenshot(os.path.join(shots, "07-overview-tablet.png"))
        driver.set_window_size(1280, 900)
        driver.get(base + "/years/440112-KX/2022")
        driver.find_element(By.LINK_TEXT, "Word（公文格式）").click()
        report = None
        for _ in range(100):
            finished = [f for f in os.listdir(downloads) if f.endswith(".docx")]
            if finished:
                report = os.path.join(downloads, finished[0])
                break
            time.sleep(0.1)
        check("the report downloaded as a Word file", report and open(report, "rb").read(2) == b"PK")

        def sign_in_as(username):
            driver.delete_all_cookies()
            driver.get(base + "/login")
            driver.find_element(By.NAME, "username").send_keys(username)
            driver.find_element(By.NAME, "password").send_keys(password or "")
            driver.find_element(By.CSS_SELECTOR, "form.stack button").click()
            WebDriverWait(driver, 10).until(lambda d: "/login" not in d.current_url)

        def fits_a_phone():
            return driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")

        # The three administrators, each on their own page, at a phone's width.
        driver.set_window_size(390, 844)
        sign_in_as("admin")
        driver.get(base + "/admin/users")
        check("the system administrator lists the accounts", "auditadmin" in driver.page_source)
        check("the account list fits a phone (the table scrolls in its box)", fits_a_phone())
        driver.find_element(By.NAME, "username").send_keys("zhang")
        Select(driver.find_element(By.NAME, "role")).select_by_value("reviewer")
        driver.find_element(By.CSS_SELECTOR, "form.stack button").click()
        check("a new account gets an initial password shown once",
              "初始密码" in driver.find_element(By.ID, "message").text)
        driver.save_screenshot(os.path.join(shots, "08-admin-users-phone.png"))
        driver.get(base + "/years/440112-KX/2022")
        check("the system administrator does not see a department's data", "没有权限" in driver.page_source)
        sign_in_as("security")
        driver.get(base + "/admin/security")
        check("the security administrator sees the policy", "密码最短长度" in driver.page_source and fits_a_phone())
        driver.save_screenshot(os.path.join(shots, "09-security-policy-phone.png"))
        sign_in_as("auditadmin")
        driver.get(base + "/audit")
        check("the audit administrator sees a whole trail with sign-ins",
              "审计日志完整" in driver.page_source and "signin.success" in driver.page_source and fits_a_phone())
        driver.save_screenshot(os.path.join(shots, "10-audit-phone.png"))
        # The review cycle: the demo's returned self-evaluation, and the bureau's queue.
        sign_in_as("reviewer")
        driver.get(base + "/")
        queue = driver.find_elements(By.CSS_SELECTOR, "#review-queue tbody tr")
        check("the reviewer's queue lists the departments handed in", len(queue) == 2 and fits_a_phone())
        driver.get(base + "/compare")
        ranked = driver.find_elements(By.CSS_SELECTOR, "#comparison tbody tr")
        check("the comparison ranks every department and fits a phone",
              len(ranked) >= 1 and "等级分布" in driver.page_source and fits_a_phone())
        driver.save_screenshot(os.path.join(shots, "19-comparison-phone.png"))
        # The bureau's other pages, each at a phone's width.
        for path, marker in [("/compare/directory", "单位名录"), ("/compare/results", "评价结果应用"),
                             ("/compare/similar-text", "文字雷同"), ("/compare/what-if", "规则试算"),
                             ("/rectifications", "整改清单"), ("/monitoring", "运行监控总览"),
                             ("/years/440112-KX/2022/review", "待整改的问题")]:
            driver.get(base + path)
            check(f"the bureau's {path} page shows {marker} and fits a phone",
                  marker in driver.page_source and fits_a_phone())
        driver.save_screenshot(os.path.join(shots, "20-review-findings-phone.png"))
        driver.save_screenshot(os.path.join(shots, "12-review-queue-phone.png"))
        # 自评复核: the demo drew the second department; the reviewer re-scores its budget item with a file.
        driver.get(base + "/review/spot-check?year=2023")
        drawn_rows = driver.find_elements(By.CSS_SELECTOR, "#drawn tbody tr")
        check("the spot-check page lists the department drawn with its re-check", len(drawn_rows) == 1
              and "随机抽取（种子 20240501）" in drawn_rows[0].text and fits_a_phone())
        driver.save_screenshot(os.path.join(shots, "14-spot-check-phone.png"))
        drawn_rows[0].find_element(By.TAG_NAME, "a").click()
        WebDriverWait(driver, 10).until(lambda d: "/recheck" in d.current_url)
        evidence = os.path.join(workdir, "抽查记录.pdf")
        with open(evidence, "wb") as file:
            file.write(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
        budget_form = driver.find_element(By.CSS_SELECTOR, "form.rescore")
        budget_form.find_element(By.NAME, "score").clear()
        budget_form.find_element(By.NAME, "score").send_keys("12")
        budget_form.find_element(By.NAME, "reason").send_keys("年末集中支付，按 11 月末执行率计")
        budget_form.find_element(By.NAME, "file").send_keys(evidence)
        budget_form.find_element(By.CSS_SELECTOR, "button").click()
        WebDriverWait(driver, 10).until(lambda d: "已保存" in d.page_source)
        check("the re-score is saved with its file and the department is flagged",
              "抽查记录.pdf" in driver.find_element(By.ID, "recheck").text
              and "等级变化" in driver.find_element(By.ID, "recheck-flag").text and fits_a_phone())
        driver.save_screenshot(os.path.join(shots, "15-recheck-phone.png"))
        driver.get(base + "/years/420000-WJ-DEMO/2023/targets")
        check("the targets page shows the targets' state", "绩效目标：" in driver.page_source and fits_a_phone())
        sign_in_as("preparer")
        # Every page a clerk keeps the year on fits a phone (tables scroll inside their own box).
        for page in ["indicators", "indicators/i3/edit", "basics", "evidence", "activities", "procurements", "assets",
                     "targets", "evaluation", "review", "workplan", "payments", "lines", "narrative", "monitoring",
                     "projects/P02", "projects/P02/edit", "projects/new", "indicators?project=P03",
                     "payments?project=P01"]:
            driver.get(base + "/years/440112-KX/2022/" + page)
            check(f"the {page} page fits a phone", fits_a_phone())
        driver.save_screenshot(os.path.join(shots, "16-monitoring-phone.png"))
        # A project changed on its form: the owner moves to another 处室.
        driver.get(base + "/years/440112-KX/2022/projects/P02")
        driver.find_element(By.ID, "edit-project").click()
        owner = driver.find_element(By.ID, "owner")
        owner.clear()
        owner.send_keys("科普部")
        driver.save_screenshot(os.path.join(shots, "17-project-form-phone.png"))
        form = driver.find_element(By.ID, "project-form")
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        left(driver, form)
        check("a project's owner is changed on its form",
              "实施单位：科普部" in driver.page_source and driver.current_url.endswith("/projects/P02"))
        driver.save_screenshot(os.path.join(shots, "18-project-phone.png"))
        driver.get(base + "/")
        check("the preparer's to-do shows the return and its reason",
              "已退回" in driver.find_element(By.ID, "todo").text)
        driver.find_element(By.CSS_SELECTOR, "#todo a").click()
        driver.find_element(By.CSS_SELECTOR, "#round-selfEvaluation button[value=submit]").click()
        # Wait for the answer's page: its message exists only there.
        WebDriverWait(driver, 10).until(lambda d: "绩效自评：已送审" in d.page_source)
        check("the preparer hands the corrected self-evaluation in again",
              "已送审" in driver.find_element(By.CSS_SELECTOR, "#round-selfEvaluation .review-state").text)
        driver.save_screenshot(os.path.join(shots, "13-review-phone.png"))
        driver.get(base + "/account/second-factor")
        secret = driver.find_element(By.ID, "totp-secret").text.replace(" ", "")
        check("the second factor is offered as a 32-character secret", len(secret) == 32 and fits_a_phone())
        driver.save_screenshot(os.path.join(shots, "11-second-factor-phone.png"))
        driver.set_window_size(1280, 900)
    finally:
        driver.quit()
finally:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
    if not os.environ.get("SCREENSHOTS"):
        shutil.rmtree(workdir, ignore_errors=True)

failed = sum(1 for _, ok in checks if not ok)
print(f"browser: {len(checks) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
