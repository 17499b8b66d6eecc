#!/usr/bin/env python3
"""The province benchmark: a synthetic province through a release build of jixiao, side by side with the peers
doing the same work in the same run (sqlite3 .import, PostgreSQL COPY, DuckDB), as a Markdown table of medians.

    swift build -c release --product jixiao
    scripts/with-postgres.sh python3 scripts/bench-province.py [--departments 10000] [--payments 10000000]

Measures: payment ingest (one department-year, --ingest rows) against sqlite3 .import and, when DATABASE_URL is set,
against psql's \\copy — each into a bare table, and again followed by an INSERT … SELECT into a table of the store's
own shape (its keys and indexes); the batch import of the province (bundles with their payments); evaluate --all; the bureau's
overview and its CSV against DuckDB computing the same sums from its own tables; the province re-scored under other
rules (what-if) against DuckDB scaling stored scores; copied report text (MinHash) against DuckDB grouping exact
copies; one department page under
`wrk -c64` against /healthz (when wrk is installed); one payment changed through the API on a year of --year-payments
payments. Peak RSS of each process from /usr/bin/time. Needs: the release binary, sqlite3, python3 with duckdb (pip),
optionally wrk and PostgreSQL. Nothing here is part of the test suite.
"""
import argparse
import csv
import http.cookiejar
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(ROOT, "examples", "hp-kexie-2022.json")
YEAR = 2022
HEADER = ["日期", "金额", "项目编码", "收款人", "凭证号", "摘要"]

parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
parser.add_argument("--departments", type=int, default=10_000)
parser.add_argument("--payments", type=int, default=10_000_000, help="payments of the whole province")
parser.add_argument("--ingest", type=int, default=1_000_000, help="rows of the single ingest CSV")
parser.add_argument("--year-payments", type=int, default=100_000, help="payments of the year a change is timed on")
parser.add_argument("--rounds", type=int, default=3)
parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "jixiao"))
parser.add_argument("--keep", help="a directory to generate into and keep (default: a temporary one)")
args = parser.parse_args()

rows = []  # (measure, jixiao, peer, ratio, note), each a cell's text


def log(text):
    print(text, file=sys.stderr, flush=True)


def timed(command, env=None, text_in=None):
    """Runs a command under /usr/bin/time; returns (seconds, peak RSS in MiB, stdout)."""
    started = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "RSS %M"] + command, env=env, input=text_in,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr[-3000:]}")
    rss = int(re.findall(r"RSS (\d+)", result.stderr)[-1]) / 1024
    return seconds, rss, result.stdout


def alternate(ours, peer, rounds):
    """A B A B …: each side's median seconds and largest peak RSS."""
    samples = {"ours": [], "peer": []}
    for _ in range(rounds):
        for side, run in (("ours", ours), ("peer", peer)):
            samples[side].append(run())
    return [(statistics.median(s for s, _ in samples[side]), max(r for _, r in samples[side]))
            for side in ("ours", "peer")]


def record(measure, ours, peer=None, target=None, note=""):
    """A row of (seconds, peak RSS MiB) figures, the ratio of times when there is a peer."""
    def cell(value):
        if value is None:
            return "—"
        return f"{value[0]:.3f} s" + (f", {value[1]:.0f} MiB" if value[1] else "")
    ratio = ""
    if peer:
        ratio = f"{ours[0] / peer[0]:.2f}× the peer's time"
        if target:
            ratio += f" (target {target})"
    rows.append((measure, cell(ours), cell(peer), ratio, note))
    log(f"  {measure}: {cell(ours)} vs {cell(peer)}")


# SQLite's step from its raw table (`raw`, loaded by .import) into a table of the store's shape: ids in order (as the
# store's are time-ordered), the seed year's id and organisation, amounts in fen.
SHAPED_INSERT = """INSERT INTO shaped_payments (id, year_id, position, line_code, date, amount_fen, payee, voucher, memo,
    version, organisation_id)
SELECT printf('00000000-0000-7000-8000-%012X', r.rowid), f.id, r.rowid - 1, r.line, r.date,
       CAST(round(CAST(r.amount AS REAL) * 100) AS INTEGER), r.payee, r.voucher, r.memo, 1, f.organisation_id
FROM raw r, (SELECT id, organisation_id FROM fiscal_years LIMIT 1) f"""


def payment_rows(count, lines, generator):
    for index in range(count):
        month = generator.randint(1, 12)
        yield (f"{YEAR}-{month:02d}-{generator.randint(1, 28):02d}", f"{generator.randint(1, 5_000_000) / 100:.2f}",
               generator.choice(lines), f"收款单位{generator.randint(1, 500)}", f"V{index:08d}", "日常支出")


def main():
    if not os.path.exists(args.binary):
        raise SystemExit(f"{args.binary} is missing: swift build -c release --product jixiao")
    work = args.keep or tempfile.mkdtemp(prefix="jixiao-province-")
    os.makedirs(work, exist_ok=True)
    log(f"working in {work}")
    seed = json.load(open(SEED, encoding="utf-8"))
    lines = [line["code"] for line in seed["budget"]["lines"]]
    generator = random.Random(20221231)
    sqlite_env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    postgres = os.environ.get("DATABASE_URL")

    # 1. Ingest of one CSV into one stored year, against the databases' own loaders.
    ingest = os.path.join(work, "ingest.csv")
    with open(ingest, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(HEADER)
        writer.writerows(payment_rows(args.ingest, lines, generator))
    log(f"ingest: {args.ingest:,} rows")
    # Each round loads into a fresh copy of a store holding the seed year, as the peer loads into a new table.
    pristine, store = os.path.join(work, "seed.sqlite"), os.path.join(work, "ingest.sqlite")
    for leftover in (pristine, pristine + "-wal", pristine + "-shm"):
        if os.path.exists(leftover):
            os.remove(leftover)
    timed([args.binary, "import", SEED, "--database", pristine], env=sqlite_env)

    def ours_sqlite():
        for suffix in ("-wal", "-shm"):
            if os.path.exists(store + suffix):
                os.remove(store + suffix)
        shutil.copyfile(pristine, store)
        return timed([args.binary, "import-payments", ingest, "--year", f"440112-KX/{YEAR}", "--database", store],
                     env=sqlite_env)[:2]

    peer_db = os.path.join(work, "peer.sqlite")
    columns = "date TEXT, amount TEXT, line TEXT, payee TEXT, voucher TEXT, memo TEXT"

    def sqlite_peer():
        if os.path.exists(peer_db):
            os.remove(peer_db)
        script = f"CREATE TABLE payments({columns});\n.import --csv --skip 1 {ingest} payments\n"
        return timed(["sqlite3", peer_db], text_in=script)[:2]

    ours, peer = alternate(ours_sqlite, sqlite_peer, args.rounds)
    record(f"ingest {args.ingest:,} payments, SQLite (jixiao import-payments vs sqlite3 .import)", ours, peer,
           "≤ 1.43×, i.e. ≥ 0.7× the peer's speed", "jixiao checks every row as it loads and keeps three indexes; the peer loads into a bare table")
    # The same rows loaded by SQLite alone into a table of the store's own shape (its columns, keys, indexes and
    # reference to the year, with the store's cache size): what the indexes cost, whoever loads.
    shaped_db = os.path.join(work, "shaped.sqlite")
    store_ddl = subprocess.run(["sqlite3", pristine, "SELECT sql || ';' FROM sqlite_master WHERE tbl_name = 'payments' "
                                "AND sql IS NOT NULL"], capture_output=True, text=True, check=True).stdout
    shaped_ddl = store_ddl.replace('"payments', '"shaped_payments')

    def sqlite_shaped_peer():
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(shaped_db + suffix):
                os.remove(shaped_db + suffix)
        shutil.copyfile(pristine, shaped_db)
        script = (f"PRAGMA cache_size = -32768;\nPRAGMA foreign_keys = ON;\nCREATE TEMP TABLE raw({columns});\n"
                  f".import --csv --skip 1 {ingest} raw\n{shaped_ddl}\n{SHAPED_INSERT};\n")
        return timed(["sqlite3", shaped_db], text_in=script)[:2]

    ours, peer = alternate(ours_sqlite, sqlite_shaped_peer, args.rounds)
    record(f"ingest {args.ingest:,} payments, SQLite (jixiao import-payments vs sqlite3 .import and INSERT … SELECT into "
           "a table of the store's shape)", ours, peer, "informative",
           "the same keys and indexes on both sides: what is left is jixiao's checking and statement building")
    if postgres:
        timed([args.binary, "import", SEED, "--replace"])
        subprocess.run(["psql", postgres, "-qc", f"DROP TABLE IF EXISTS peer_payments; CREATE TABLE peer_payments({columns})"],
                       check=True)

        def copy_peer():
            subprocess.run(["psql", postgres, "-qc", "TRUNCATE peer_payments"], check=True)
            return timed(["psql", postgres, "-qc", f"\\copy peer_payments FROM '{ingest}' CSV HEADER"])[:2]

        def ours_postgres():
            timed([args.binary, "import", SEED, "--replace"])  # the seed year afresh, outside the time
            return timed([args.binary, "import-payments", ingest, "--year", f"440112-KX/{YEAR}"])[:2]

        ours, peer = alternate(ours_postgres, copy_peer, args.rounds)
        record(f"ingest {args.ingest:,} payments, PostgreSQL (jixiao import-payments vs psql \\copy)", ours, peer,
               "≤ 1.43×", "peer RSS is psql's; the server's is not counted on either side")
        subprocess.run(["psql", postgres, "-qc", "DROP TABLE IF EXISTS shaped_payments; CREATE TABLE shaped_payments "
                        "(LIKE payments INCLUDING ALL, FOREIGN KEY (year_id, organisation_id) REFERENCES fiscal_years "
                        "(id, organisation_id) ON DELETE CASCADE)"], check=True)

        def copy_shaped_peer():
            subprocess.run(["psql", postgres, "-qc", "TRUNCATE shaped_payments"], check=True)
            script = (f"CREATE TEMP TABLE raw(n bigserial, {columns});\n"
                      f"\\copy raw (date, amount, line, payee, voucher, memo) FROM '{ingest}' CSV HEADER\n"
                      "INSERT INTO shaped_payments (id, year_id, position, line_code, date, amount_fen, payee, voucher, "
                      "memo, version, organisation_id) SELECT CAST(lpad(to_hex(r.n), 32, '0') AS uuid), f.id, r.n - 1, "
                      "r.line, r.date, CAST(round(CAST(r.amount AS numeric) * 100) AS bigint), r.payee, r.voucher, "
                      "r.memo, 1, f.organisation_id FROM raw r, (SELECT id, organisation_id FROM fiscal_years "
                      "LIMIT 1) f;\n")
            return timed(["psql", postgres, "-q", "-v", "ON_ERROR_STOP=1"], text_in=script)[:2]

        ours, peer = alternate(ours_postgres, copy_shaped_peer, args.rounds)
        record(f"ingest {args.ingest:,} payments, PostgreSQL (jixiao import-payments vs psql \\copy and INSERT … "
               "SELECT into a table of the store's shape)", ours, peer, "informative",
               "the same keys, indexes and reference on both sides")

    # 2. The province: one bundle per department with its payments, and the same rows for DuckDB.
    bundles = os.path.join(work, "bundles")
    os.makedirs(bundles, exist_ok=True)
    per_department = args.payments // args.departments
    all_payments = os.path.join(work, "province-payments.csv")
    all_lines = os.path.join(work, "province-lines.csv")
    template = dict(seed)
    template.pop("payments")
    with open(all_payments, "w", newline="", encoding="utf-8") as pay, \
            open(all_lines, "w", newline="", encoding="utf-8") as budget:
        pay_writer, line_writer = csv.writer(pay), csv.writer(budget)
        pay_writer.writerow(["department", "line", "date", "amount_fen"])
        line_writer.writerow(["department", "line", "adjusted_fen"])
        for index in range(args.departments):
            code = f"P{index:05d}"
            year = dict(template)
            year["department"] = dict(seed["department"], code=code, name=f"模拟部门{index:05d}")
            year["payments"] = [{"line": line, "date": date, "amount": amount}
                                for date, amount, line, *_ in payment_rows(per_department, lines, generator)]
            for payment in year["payments"]:
                pay_writer.writerow([code, payment["line"], payment["date"],
                                     int(round(float(payment["amount"]) * 100))])
            for line in seed["budget"]["lines"]:
                line_writer.writerow([code, line["code"], int(round(float(line["adjusted"]) * 100))])
            with open(os.path.join(bundles, f"{code}.json"), "w", encoding="utf-8") as file:
                json.dump(year, file, ensure_ascii=False)
    log(f"province: {args.departments:,} departments, {per_department * args.departments:,} payments")
    province = os.path.join(work, "province.sqlite")
    if os.path.exists(province):
        os.remove(province)
    seconds, rss, _ = timed([args.binary, "import", bundles, "--jobs", str(args.jobs), "--database", province],
                            env=sqlite_env)
    record(f"batch import of the province ({args.departments:,} bundles, SQLite, {args.jobs} jobs)", (seconds, rss),
           note=f"{args.departments / seconds:.0f} departments/s, {per_department * args.departments / seconds:,.0f} payments/s")

    # 3. evaluate --all and the overview against DuckDB over the same rows.
    import duckdb
    duck = duckdb.connect()
    duck.execute(f"CREATE TABLE payments AS SELECT * FROM read_csv('{all_payments}', header=true)")
    duck.execute(f"CREATE TABLE lines AS SELECT * FROM read_csv('{all_lines}', header=true)")
    as_of = f"{YEAR}-06-30"

    def duck_run(query):
        started = time.perf_counter()
        duck.execute(query).fetchall()
        return time.perf_counter() - started, 0.0

    evaluate_peer = f"""
        COPY (SELECT l.department, l.line, l.adjusted_fen, m.month, m.paid
              FROM lines l LEFT JOIN (SELECT department, line, month(CAST(date AS DATE)) AS month,
                                             SUM(amount_fen) AS paid
                                      FROM payments GROUP BY ALL) m USING (department, line)
              ORDER BY ALL) TO '{work}/duck-evaluate.csv' (HEADER)"""
    ours, peer = alternate(
        lambda: timed([args.binary, "evaluate", "--all", "--year", str(YEAR), "--csv", "--jobs", str(args.jobs),
                       "--database", province], env=sqlite_env)[:2], lambda: duck_run(evaluate_peer), args.rounds)
    record("evaluate --all (every department scored, with findings) vs DuckDB line × month sums to CSV", ours, peer,
           "≤ 2×", "DuckDB computes sums only; jixiao scores every indicator and runs every finding rule")

    # 4. What-if: the province re-scored under Hubei's budget weight, against DuckDB doing the same sums.
    rules = '{"budget": {"weight": "20"}, "levels": {"产出指标": "40"}}'
    seed_scores = json.loads(timed([args.binary, "evaluate", SEED, "--json"], env=sqlite_env)[2])
    levels = {indicator["id"]: indicator["level1"] for indicator in seed["indicators"]}
    scores_csv = os.path.join(work, "indicator-scores.csv")
    with open(scores_csv, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["department", "level1", "score"])
        for index in range(args.departments):
            for entry in seed_scores["indicators"]:
                writer.writerow([f"P{index:05d}", levels[entry["id"]], entry["score"]])
    duck.execute(f"CREATE TABLE indicator_scores AS SELECT * FROM read_csv('{scores_csv}', header=true)")
    what_if_peer = f"""
        COPY (WITH budget AS (SELECT department, SUM(adjusted_fen) AS adjusted FROM lines GROUP BY ALL),
                   paid AS (SELECT department, SUM(amount_fen) AS executed FROM payments GROUP BY ALL),
                   points AS (SELECT department, SUM(CASE WHEN level1 = '产出指标' THEN score * 0.8 ELSE score END) AS points
                              FROM indicator_scores GROUP BY ALL)
              SELECT department, round(points + 20 * least(COALESCE(executed, 0) / adjusted, 1), 2) AS total,
                     CASE WHEN total >= 90 THEN '优' WHEN total >= 80 THEN '良' WHEN total >= 60 THEN '中' ELSE '差' END
              FROM budget LEFT JOIN paid USING (department) JOIN points USING (department) ORDER BY 1)
        TO '{work}/duck-what-if.csv' (HEADER)"""
    ours, peer = alternate(
        lambda: timed([args.binary, "what-if", "--year", str(YEAR), "--rules", rules, "--csv",
                       "--database", province], env=sqlite_env)[:2], lambda: duck_run(what_if_peer), args.rounds)
    record("what-if: every department re-scored under Hubei's budget weight (jixiao what-if vs DuckDB sums)", ours,
           peer, "seconds at 10⁴", "jixiao re-scores every indicator exactly from the snapshots' inputs, twice (own "
           "and tried rules); DuckDB scales stored scores and adds a budget score")

    # 5. Copied report text: MinHash pairs over every department's paragraphs, against DuckDB grouping exact copies.
    paragraphs_csv = os.path.join(work, "paragraphs.csv")
    with open(paragraphs_csv, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["department", "place", "text"])
        for index in range(args.departments):
            for section, text in seed.get("narrative", {}).items():
                for number, paragraph in enumerate(p for p in text.split("\n") if p):
                    writer.writerow([f"P{index:05d}", f"{section}#{number + 1}", paragraph])
    duck.execute(f"CREATE TABLE paragraphs AS SELECT * FROM read_csv('{paragraphs_csv}', header=true)")
    copies_peer = f"""COPY (SELECT text, count(*) AS departments, min(department) AS first FROM paragraphs
                             GROUP BY text HAVING count(*) > 1 ORDER BY 2 DESC) TO '{work}/duck-copies.csv' (HEADER)"""
    ours, peer = alternate(
        lambda: timed([args.binary, "similar-text", "--year", str(YEAR), "--csv", "--database", province],
                      env=sqlite_env)[:2], lambda: duck_run(copies_peer), args.rounds)
    record("copied report text: jixiao similar-text (MinHash, near copies) vs DuckDB grouping exact copies", ours,
           peer, "seconds at 10⁴", "every synthetic department carries the seed's narrative, the worst case for "
           "banding; DuckDB finds only identical paragraphs")

    overview_peer = f"""
        SELECT l.department, l.budget, COALESCE(p.paid, 0), COALESCE(p.paid, 0) / l.budget
        FROM (SELECT department, SUM(adjusted_fen) AS budget FROM lines GROUP BY department) l
        LEFT JOIN (SELECT department, SUM(amount_fen) AS paid FROM payments WHERE date <= '{as_of}'
                   GROUP BY department) p USING (department) ORDER BY 1"""
    server_measures(province, sqlite_env, lambda: duck_run(overview_peer), ingest)
    print_table()


def server_measures(province, env, overview_peer, ingest):
    """The overview, a department page under load, one payment change: through `jixiao serve --demo` on the
    province's store (the demo adds its accounts and departments)."""
    port = free_port()
    server = subprocess.Popen([args.binary, "serve", "--demo", "--database", province, "--port", str(port),
                               "--log-level", "warning"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True)
    try:
        password = None
        for line in server.stdout:
            match = re.search(r"密码均为 (\S+?)，", line)
            password = password or (match.group(1) if match else None)
            if "打开 http://" in line:
                break
        base = f"http://127.0.0.1:{port}"
        reviewer = session(base, "reviewer", password)
        ours, peer = alternate(lambda: timed_fetch(reviewer, f"{base}/monitoring?year={YEAR}&asOf={YEAR}-06-30"),
                               overview_peer, args.rounds)
        record(f"bureau overview page ({args.departments:,} departments, SQLite) vs DuckDB", ours, peer, "≤ 2×")
        ours, peer = alternate(lambda: timed_fetch(reviewer, f"{base}/monitoring.csv?year={YEAR}&asOf={YEAR}-06-30"),
                               overview_peer, args.rounds)
        record("bureau overview CSV vs DuckDB", ours, peer, "≤ 2×")

        # A department of --year-payments payments: its page under load, one payment changed.
        year_csv = os.path.join(os.path.dirname(ingest), "year.csv")
        with open(ingest, encoding="utf-8") as source, open(year_csv, "w", encoding="utf-8") as target:
            for number, line in enumerate(source):
                if number > args.year_payments:
                    break
                target.write(line)
        timed([args.binary, "import-payments", year_csv, "--year", f"440112-KX/{YEAR}", "--replace",
               "--database", province], env=env)
        preparer = session(base, "preparer", password)
        page = f"{base}/years/440112-KX/{YEAR}"
        if shutil.which("wrk"):
            cookie = "; ".join(f"{c.name}={c.value}" for c in preparer.cookiejar)
            healthz = wrk(f"{base}/healthz", cookie)
            department = wrk(page, cookie)
            rows.append((f"department page under wrk -c64 ({args.year_payments:,} payments) vs /healthz",
                         f"{department:.0f} requests/s", f"{healthz:.0f} requests/s",
                         f"{department / healthz:.0%} of /healthz's throughput (target ≥ 25 %)", ""))
            log(f"  page {department:.0f}/s vs healthz {healthz:.0f}/s")
        token = json.loads(fetch(preparer, f"{base}/api/v1/session"))["csrfToken"]
        listing = json.loads(fetch(preparer, f"{base}/api/v1/years/440112-KX/{YEAR}/payments?size=1"))
        payment = listing["payments"][0]
        samples = []
        for round_number in range(20):
            body = {key: payment[key] for key in ("line", "date", "payee", "voucher", "memo")}
            body["amount"] = f"{100 + round_number}.00"
            body["version"] = payment["version"] + round_number
            started = time.perf_counter()
            fetch(preparer, f"{base}/api/v1/years/440112-KX/{YEAR}/payments/{payment['id']}", method="PUT",
                  data=json.dumps(body).encode(), headers={"X-CSRF-Token": token, "Content-Type": "application/json"})
            samples.append(time.perf_counter() - started)
        record(f"one payment changed through the API on a year of {args.year_payments:,} payments",
               (statistics.median(samples), 0.0), note="median of 20 PUTs, HTTP included; target ≤ 20 ms")
    finally:
        server.terminate()
        server.wait(timeout=30)


def free_port():
    import socket
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def session(base, username, password):
    """An opener signed in as `username` (the sign-in form with its CSRF field)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.cookiejar = jar
    for _ in range(100):
        try:
            form = opener.open(base + "/login", timeout=5).read().decode()
            break
        except OSError:
            time.sleep(0.2)
    csrf = re.search(r'name="_csrf" value="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode({"username": username, "password": password, "_csrf": csrf}).encode()
    opener.open(base + "/login", data=data, timeout=30).read()
    return opener


def fetch(opener, url, method="GET", data=None, headers=None):
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    return opener.open(request, timeout=300).read().decode()


def timed_fetch(opener, url):
    started = time.perf_counter()
    fetch(opener, url)
    return time.perf_counter() - started, 0.0


def wrk(url, cookie):
    result = subprocess.run(["wrk", "-t2", "-c64", "-d10s", "-H", f"Cookie: {cookie}", url], capture_output=True,
                            text=True, check=True)
    return float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))


def print_table():
    print(f"\nProvince benchmark: {args.departments:,} departments, {args.payments:,} payments, ingest {args.ingest:,} "
          f"rows, {args.rounds} rounds A B A B (medians), {os.cpu_count()} cores\n")
    print("| Measure | jixiao | peer | ratio | note |")
    print("|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
