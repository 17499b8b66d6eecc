#!/usr/bin/env python3
"""Past one server: two `jixiao serve` behind nginx on one PostgreSQL through PgBouncer in transaction pooling mode,
the bureau's read-only lists on a streaming replica — all started here, on loopback, and removed at the end.

    python3 scripts/two-servers.py [path/to/jixiao]

Checks that the application servers keep no state of their own: a person signed in through one server continues
through the other (pages, API writes and reads); nginx spreads a signed-in person's requests over both, 64 at a
time through PgBouncer; the comparison read from the replica trails the primary while the replica's replay is
paused and catches up when it resumes, while a department's own page always reads the primary. Needs PostgreSQL,
PgBouncer and nginx (Debian packages; .ci/run installs them). Exits 1 naming each check that failed.
"""
import concurrent.futures
import glob
import http.cookiejar
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "jixiao"))
IS_ROOT = os.geteuid() == 0
failures = []
processes = []


def log(text):
    print(text, flush=True)


def check(name, condition, detail=""):
    log(("  ✓ " if condition else "  ✗ ") + name + ("" if condition else f" — {detail}"))
    if not condition:
        failures.append(name)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def as_postgres(command):
    """A command as the postgres account when this runs as root (PostgreSQL and PgBouncer refuse root)."""
    return ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(command)] if IS_ROOT else command


def run(command, **kwargs):
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, **kwargs)


def sql(port, statement, database="postgres"):
    return subprocess.run([PGBIN + "/psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", database,
                           "-Atqc", statement], check=True, capture_output=True, text=True).stdout.strip()


def session():
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.cookiejar = jar
    return opener


def fetch(opener, url, method="GET", data=None, headers=None):
    """(status, body) of a request; errors answer with their status too."""
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with opener.open(request, timeout=60) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def sign_in(opener, base, username, password):
    form = fetch(opener, base + "/login")[1]
    csrf = re.search(r'name="_csrf" value="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode({"username": username, "password": password, "_csrf": csrf}).encode()
    return fetch(opener, base + "/login", method="POST", data=data)


def wait_for(url, seconds=120):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def start(command, env=None, **kwargs):
    process = subprocess.Popen(command, env=env, **kwargs)
    processes.append(process)
    return process


def rate_of(csv_text, code):
    """The execution rate the comparison CSV gives a department."""
    for line in csv_text.splitlines():
        cells = line.split(",")
        if len(cells) > 7 and cells[1] == code:
            return cells[7]
    return None


def program(name):
    """A program on the PATH, else in /usr/sbin (where Debian puts nginx and PgBouncer)."""
    return shutil.which(name) or os.path.join("/usr/sbin", name)


PGBIN = (sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: [int(x) for x in re.findall(r"\d+", p)])
         or [""])[-1]


def main():
    nginx, pgbouncer = program("nginx"), program("pgbouncer")
    for tool, path in [("PostgreSQL", PGBIN + "/postgres"), ("PgBouncer", pgbouncer), ("nginx", nginx),
                       ("jixiao", BINARY)]:
        if not os.path.exists(path):
            sys.exit(f"{tool} is not installed ({path}); .ci/run installs what this needs")
    work = tempfile.mkdtemp(prefix="jixiao-two-servers-")
    os.chmod(work, 0o777)
    primary, replica = os.path.join(work, "primary"), os.path.join(work, "replica")
    ports = {name: free_port() for name in ("primary", "replica", "bouncer", "a", "b", "nginx")}
    try:
        log("== PostgreSQL primary, streaming replica, PgBouncer (transaction pooling) ==")
        run(as_postgres([PGBIN + "/initdb", "-D", primary, "-U", "postgres", "--auth=trust", "-E", "UTF8",
                         "--locale=C.UTF-8"]))
        options = (f"-c listen_addresses=127.0.0.1 -p {ports['primary']} -k {work} -c wal_level=replica "
                   "-c max_wal_senders=5 -c fsync=off -c max_connections=100")
        run(as_postgres([PGBIN + "/pg_ctl", "-D", primary, "-l", primary + ".log", "-w", "-o", f"'{options}'", "start"]))
        sql(ports["primary"], "CREATE DATABASE jixiao")
        run(as_postgres([PGBIN + "/pg_basebackup", "-h", "127.0.0.1", "-p", str(ports["primary"]), "-U", "postgres",
                         "-D", replica, "-R", "-X", "stream", "-c", "fast"]))
        replica_options = f"-c listen_addresses=127.0.0.1 -p {ports['replica']} -k {work} -c hot_standby=on"
        run(as_postgres([PGBIN + "/pg_ctl", "-D", replica, "-l", replica + ".log", "-w", "-o", f"'{replica_options}'",
                         "start"]))
        check("the replica is in recovery, streaming from the primary",
              sql(ports["replica"], "SELECT pg_is_in_recovery()") == "t")
        with open(os.path.join(work, "userlist.txt"), "w") as users:
            users.write('"postgres" ""\n')
        with open(os.path.join(work, "pgbouncer.ini"), "w") as ini:
            ini.write(f"""[databases]
jixiao = host=127.0.0.1 port={ports['primary']} dbname=jixiao user=postgres
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {ports['bouncer']}
unix_socket_dir =
auth_type = trust
auth_file = {work}/userlist.txt
pool_mode = transaction
max_client_conn = 400
default_pool_size = 20
ignore_startup_parameters = extra_float_digits,options
logfile = {work}/pgbouncer.log
""")
        start(as_postgres(["exec", pgbouncer, os.path.join(work, "pgbouncer.ini")]), stdout=subprocess.DEVNULL,
              stderr=subprocess.DEVNULL)
        time.sleep(1)

        log("== two jixiao servers on PgBouncer, reading the bureau's lists from the replica ==")
        env = dict(os.environ,
                   DATABASE_URL=f"postgres://postgres@127.0.0.1:{ports['bouncer']}/jixiao?sslmode=disable",
                   DATABASE_READ_URL=f"postgres://postgres@127.0.0.1:{ports['replica']}/jixiao?sslmode=disable",
                   JIXIAO_AUDIT_KEY=secrets.token_hex(32))
        first = start([BINARY, "serve", "--demo", "--port", str(ports["a"]), "--log-level", "warning"], env=env,
                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=work)
        password = None
        for line in first.stdout:
            match = re.search(r"密码均为 (\S+?)，", line)
            password = password or (match.group(1) if match else None)
            if "打开 http://" in line:
                break
        check("server A loaded the demo through PgBouncer and printed its accounts", password is not None)
        start([BINARY, "serve", "--port", str(ports["b"]), "--log-level", "warning"], env=env, cwd=work,
              stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "b.log"), "w"))
        a, b = f"http://127.0.0.1:{ports['a']}", f"http://127.0.0.1:{ports['b']}"
        check("server B answers /readyz on the same store", wait_for(b + "/readyz"))

        with open(os.path.join(work, "nginx.conf"), "w") as conf:
            conf.write(f"""worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log;
daemon off;
{"user root;" if IS_ROOT else ""}
events {{ worker_connections 512; }}
http {{
    log_format upstream '$upstream_addr $status $request';
    access_log {work}/nginx-access.log upstream;
    client_body_temp_path {work}/nginx-body;
    proxy_temp_path {work}/nginx-proxy;
    fastcgi_temp_path {work}/nginx-fastcgi;
    uwsgi_temp_path {work}/nginx-uwsgi;
    scgi_temp_path {work}/nginx-scgi;
    upstream jixiao {{ server 127.0.0.1:{ports['a']}; server 127.0.0.1:{ports['b']}; }}
    server {{
        listen 127.0.0.1:{ports['nginx']};
        location / {{ proxy_pass http://jixiao; proxy_set_header Host $host;
                     proxy_set_header X-Forwarded-For $remote_addr; }}
    }}
}}
""")
        start([nginx, "-c", os.path.join(work, "nginx.conf"), "-p", work], stderr=subprocess.DEVNULL)
        proxy = f"http://127.0.0.1:{ports['nginx']}"
        check("nginx answers in front of both", wait_for(proxy + "/healthz"))

        log("== signed in through one server, continued through the other ==")
        reviewer = session()
        status, _ = sign_in(reviewer, a, "reviewer", password)
        check("the reviewer signs in through server A", status == 200, f"status {status}")
        status, page = fetch(reviewer, b + "/years/440112-KX/2022")
        check("server B knows the reviewer's session (the year's overview, not the sign-in form)",
              status == 200 and "黄埔区科学技术协会" in page and 'name="password"' not in page, f"status {status}")
        preparer = session()
        sign_in(preparer, b, "preparer", password)
        token = json.loads(fetch(preparer, a + "/api/v1/session")[1])["csrfToken"]
        listing = json.loads(fetch(preparer, a + "/api/v1/years/440112-KX/2022/payments?size=1")[1])
        payment = listing["payments"][0]
        body = {key: payment[key] for key in ("line", "date", "payee", "voucher", "memo")}
        body.update(amount="1234.56", version=payment["version"])
        status, _ = fetch(preparer, f"{a}/api/v1/years/440112-KX/2022/payments/{payment['id']}", method="PUT",
                          data=json.dumps(body).encode(),
                          headers={"X-CSRF-Token": token, "Content-Type": "application/json"})
        check("a payment changed through server A with the session and CSRF token server B issued", status == 200,
              f"status {status}")
        changed = json.loads(fetch(preparer, f"{b}/api/v1/years/440112-KX/2022/payments?size=500")[1])["payments"]
        check("server B reads the change back", any(p["id"] == payment["id"] and p["amount"] == "1234.56"
                                                      for p in changed))

        log("== through nginx, 64 at a time, over PgBouncer ==")
        through = session()
        status, _ = sign_in(through, proxy, "reviewer", password)
        check("the reviewer signs in through nginx", status == 200, f"status {status}")
        paths = ["/years/440112-KX/2022", "/monitoring?year=2022", "/compare?year=2022", "/rectifications",
                 "/api/v1/comparison?year=2022", "/years/420000-WJ-DEMO/2023"] * 32
        with concurrent.futures.ThreadPoolExecutor(max_workers=64) as pool:
            statuses = list(pool.map(lambda path: fetch(through, proxy + path)[0], paths))
        check(f"{len(paths)} signed-in requests, 64 at a time, all answered", statuses.count(200) == len(paths),
              f"{len(paths) - statuses.count(200)} failed: {sorted(set(statuses))}")
        with open(os.path.join(work, "nginx-access.log")) as access:
            upstreams = {line.split()[0] for line in access if line.strip()}
        check("nginx spread them over both servers",
              {f"127.0.0.1:{ports['a']}", f"127.0.0.1:{ports['b']}"} <= upstreams, str(upstreams))

        log("== the bureau's lists on the replica ==")
        def compare_rate(base):
            return rate_of(fetch(reviewer, base + "/compare.csv?year=2022")[1], "440112-KX")
        caught_up = time.time() + 30
        while compare_rate(a) != compare_rate(b) and time.time() < caught_up:
            time.sleep(0.2)
        before = compare_rate(b)
        sql(ports["replica"], "SELECT pg_wal_replay_pause()", database="jixiao")
        body.update(amount="2000000.00", version=payment["version"] + 1)
        status, _ = fetch(preparer, f"{b}/api/v1/years/440112-KX/2022/payments/{payment['id']}", method="PUT",
                          data=json.dumps(body).encode(),
                          headers={"X-CSRF-Token": token, "Content-Type": "application/json"})
        check("a payment changed while the replica's replay is paused", status == 200, f"status {status}")
        listed = json.loads(fetch(preparer, f"{a}/api/v1/years/440112-KX/2022/payments?size=500")[1])["payments"]
        check("the department's own records read the primary at once",
              any(p["id"] == payment["id"] and p["amount"] == "2000000.00" for p in listed))
        check("the comparison, read from the paused replica, still shows the rate before",
              compare_rate(a) == before and before is not None, f"{compare_rate(a)} vs {before}")
        sql(ports["replica"], "SELECT pg_wal_replay_resume()", database="jixiao")
        deadline = time.time() + 30
        while compare_rate(b) == before and time.time() < deadline:
            time.sleep(0.2)
        after = compare_rate(b)
        check("after replay resumes the comparison shows the new rate", after is not None and after != before,
              f"{before} → {after}")
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        subprocess.run(["pkill", "-f", os.path.join(work, "pgbouncer.ini")], stderr=subprocess.DEVNULL)
        for directory in (replica, primary):
            if os.path.exists(directory):
                subprocess.run(as_postgres([PGBIN + "/pg_ctl", "-D", directory, "-m", "fast", "stop"]),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if failures:
            for name in ("b.log", "pgbouncer.log", "nginx-error.log", "primary.log", "replica.log"):
                path = os.path.join(work, name)
                if os.path.exists(path):
                    log(f"--- {name} (last lines) ---")
                    with open(path, errors="replace") as file:
                        log("".join(file.readlines()[-15:]))
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        sys.exit(f"{len(failures)} check(s) failed")
    log("two servers: every check passed")


if __name__ == "__main__":
    main()
