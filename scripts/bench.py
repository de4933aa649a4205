"""S3Desk's benchmark (run through scripts/bench): a release server on a database seeded by
`s3desk seed`, measured with wrk page by page, then 16 applicants creating and submitting at once.

Prints one table per database and writes it to Benchmarks/results/<database>-<size>.md.
Standard library only, so it runs with the machine's python3."""
import argparse
import base64
import http.client
import json
import os
import pathlib
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parent.parent
BIN = ROOT / ".build" / "release" / "s3desk"
CACHE = ROOT / ".bench"
TICKS = os.sysconf("SC_CLK_TCK")
PAGE = 4096


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Client:
    """Keep-alive HTTP to the server, with the session cookie a browser would keep."""

    def __init__(self, port):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookie = None

    def request(self, method, path, body=None, headers=None, form=None):
        headers = dict(headers or {})
        if self.cookie:
            headers["Cookie"] = self.cookie
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif body is not None:
            body = json.dumps(body)
            headers["Content-Type"] = "application/json"
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        data = response.read()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie" and value.startswith("s3desk_session="):
                self.cookie = value.split(";", 1)[0]
        return response.status, data

    def json(self, method, path, body=None, token=None):
        status, data = self.request(method, path, body, {"Authorization": f"Bearer {token}"} if token else None)
        if status >= 300:
            raise RuntimeError(f"{method} {path}: {status} {data[:300]!r}")
        return json.loads(data)


def sign_in(port, email, password):
    client = Client(port)
    status, page = client.request("GET", "/login")
    token = re.search(rb'name="_csrf" value="([^"]+)"', page).group(1).decode()
    status, _ = client.request("POST", "/login", form={"_csrf": token, "email": email, "password": password})
    if status not in (302, 303) or not client.cookie:
        raise RuntimeError(f"sign-in as {email} failed: {status}")
    return client.cookie


class Server:
    def __init__(self, env, log):
        self.port = free_port()
        # Production, as deployed: Leaf keeps its parsed templates (development re-reads them per page).
        inherited = {k: v for k, v in os.environ.items() if k != "DATABASE_URL" and not k.startswith("S3DESK_")}
        self.env = dict(inherited, VAPOR_ENV="production", LOG_LEVEL="error", S3DESK_PUBLIC_URL=f"http://127.0.0.1:{self.port}",
                        S3DESK_OPERATOR_NAME="Benchmark secretariat", S3DESK_CONTACT_EMAIL="bench@s3desk.example.eu",
                        S3DESK_DATA_KEY=base64.b64encode(os.urandom(32)).decode())
        self.env.update(env)
        self.process = subprocess.Popen([str(BIN), "serve", "--hostname", "127.0.0.1", "--port", str(self.port)],
                                        env=self.env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                if Client(self.port).request("GET", "/health")[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the server did not start")

    def cpu_seconds(self):
        fields = pathlib.Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS

    def memory_mb(self, field):
        for line in pathlib.Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
        return 0

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def wrk(server, path, headers, duration):
    # wrk counts a redirect as an answer: a lost session would measure the sign-in redirect.
    status, _ = Client(server.port).request("GET", path, headers=headers)
    if status != 200:
        raise RuntimeError(f"GET {path} answers {status}, not 200: not measured")
    command = ["wrk", "-t2", "-c16", f"-d{duration}s", "--latency", "--timeout", "10s"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    before = server.cpu_seconds()
    out = subprocess.run(command + [f"http://127.0.0.1:{server.port}{path}"], capture_output=True, text=True, check=True).stdout
    cpu = server.cpu_seconds() - before

    def latency(percent):
        match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), "p50": latency(50), "p99": latency(99),
            "errors": errors, "cpu_ms": 1000 * cpu / max(requests, 1), "requests": requests}


def create_and_submit(server, tokens, call_id, region_of, duration):
    """16 applicants at once, each creating an application and submitting it, for `duration` s."""
    done, failed, ids = [0], [], []
    lock = threading.Lock()
    stop_at = time.time() + duration

    def applicant(token, territory):
        client = Client(server.port)
        while time.time() < stop_at:
            body = {"organisationName": f"Authority of {territory}", "authorityType": "regional_authority",
                    "s3ResponsibilityConfirmed": True, "territory": territory,
                    "contact": {"name": "S3 unit", "email": f"s3@{territory.lower()}.seed.example", "phone": "", "position": "Head"},
                    "topics": ["edp"], "challenges": [], "languages": ["en"],
                    "needs": "Our stakeholders meet once a year and the priorities have not moved. We ask for support to set up a continuous entrepreneurial discovery process, with a method we can run ourselves.",
                    "s3Context": "Agrifood and tourism", "stakeholders": "Universities, clusters",
                    "expectedResults": "A governance model for the EDP"}
            try:
                created = client.json("POST", f"/api/v1/calls/{call_id}/applications", body, token)
                client.json("POST", f"/api/v1/applications/{created['id']}/submit", {}, token)
                with lock:
                    done[0] += 1
                    ids.append(created["id"])
            except Exception as error:  # counted and shown: the table reports errors
                with lock:
                    failed.append(str(error)[:200])
                client = Client(server.port)

    before = server.cpu_seconds()
    started = time.time()
    threads = [threading.Thread(target=applicant, args=(token, region_of[i])) for i, token in enumerate(tokens)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.time() - started
    cpu = server.cpu_seconds() - before
    return {"rps": done[0] / elapsed, "p50": None, "p99": None, "errors": len(failed), "cpu_ms": 1000 * cpu / max(done[0], 1),
            "requests": done[0], "ids": ids, "failures": failed[:3]}


def prepare_sqlite(size, largest, work):
    seeded = CACHE / f"seed-{size}-{largest}.sqlite"
    if not seeded.exists():
        print(f"seeding {size} applications on SQLite (once; kept in {seeded})", flush=True)
        CACHE.mkdir(exist_ok=True)
        seed({"S3DESK_SQLITE": str(seeded) + ".tmp"}, size, largest, seeded.with_suffix(".password"))
        for suffix in ("-wal", ""):  # a WAL not yet checkpointed holds committed rows
            if pathlib.Path(str(seeded) + ".tmp" + suffix).exists():
                pathlib.Path(str(seeded) + ".tmp" + suffix).rename(str(seeded) + suffix)
    target = work / "bench.sqlite"
    for suffix in ("-wal", "-shm"):
        pathlib.Path(str(target) + suffix).unlink(missing_ok=True)
        if pathlib.Path(str(seeded) + suffix).exists():
            shutil.copy(str(seeded) + suffix, str(target) + suffix)
    shutil.copy(seeded, target)
    return {"S3DESK_SQLITE": str(target)}, seeded.with_suffix(".password").read_text().strip()


def seed(env, size, largest, password_file):
    inherited = {k: v for k, v in os.environ.items() if k != "DATABASE_URL" and not k.startswith("S3DESK_")}
    result = subprocess.run([str(BIN), "seed", "--applications", str(size), "--largest-round", str(largest)],
                            env=dict(inherited, **env, LOG_LEVEL="warning"), capture_output=True, text=True)
    print(result.stdout.strip(), flush=True)
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-2000:])
    password = re.search(r"the password (\S+) as", result.stdout).group(1)
    password_file.write_text(password)


def prepare_postgres(size, largest, admin_url):
    """A database copied from a seeded template (made once per size) on the given server."""
    template = f"bench_seed_{size}_{largest}"
    psql = ["psql", admin_url, "-v", "ON_ERROR_STOP=1", "-qAtc"]
    exists = subprocess.run(psql + [f"SELECT 1 FROM pg_database WHERE datname = '{template}'"], capture_output=True, text=True, check=True).stdout.strip()
    base = admin_url.rsplit("/", 1)[0]
    CACHE.mkdir(exist_ok=True)
    password_file = CACHE / f"{template}.password"
    if not exists:
        print(f"seeding {size} applications on PostgreSQL (once; kept as {template})", flush=True)
        subprocess.run(psql + [f"CREATE DATABASE {template}"], check=True)
        try:
            seed({"DATABASE_URL": f"{base}/{template}"}, size, largest, password_file)
        except Exception:
            subprocess.run(psql + [f"DROP DATABASE {template}"], check=True)
            raise
    subprocess.run(psql + ["DROP DATABASE IF EXISTS bench_run"], check=True)
    subprocess.run(psql + [f"CREATE DATABASE bench_run TEMPLATE {template}"], check=True)
    return {"DATABASE_URL": f"{base}/bench_run"}, password_file.read_text().strip()


def measure(database, env, password, args, work):
    log = open(work / f"server-{database}.log", "w")
    server = Server(env, log)
    rows = []
    try:
        staff = {"Cookie": sign_in(server.port, "secretariat@demo.s3desk.example", password)}
        api = Client(server.port)
        token = api.json("POST", "/api/v1/auth/token", {"email": "secretariat@demo.s3desk.example", "password": password})["token"]
        bearer = {"Authorization": f"Bearer {token}"}
        call = api.json("GET", "/api/v1/calls")["items"][0]
        largest = call["rounds"][0]["id"]
        application = api.json("GET", f"/api/v1/applications?roundId={largest}&limit=1", token=token)["items"][0]["id"]
        endpoints = [
            ("GET /health", "/health", {}),
            ("public home /", "/", {}),
            ("public statistics", "/statistics", {}),
            ("sign-in page", "/login", {}),
            ("staff home", "/", staff),
            ("staff list", "/staff/applications", staff),
            ("staff list, one round", f"/staff/applications?roundId={largest}", staff),
            ("application page (staff)", f"/applications/{application}", staff),
            ("round page", f"/staff/rounds/{largest}", staff),
            ("dashboard", "/staff/dashboard", staff),
            ("calls (staff)", "/staff/calls", staff),
            ("regions (staff)", "/staff/regions", staff),
            ("outbox (staff)", "/staff/outbox", staff),
            ("API ranking ?limit=50", f"/api/v1/rounds/{largest}/ranking?limit=50", bearer),
            ("API applications ?limit=50", "/api/v1/applications?limit=50", bearer),
            ("API application", f"/api/v1/applications/{application}", bearer),
            ("API progress", f"/api/v1/applications/{application}/progress", bearer),
            ("API reports/summary", "/api/v1/reports/summary", bearer),
            ("API topics", "/api/v1/topics", {}),
            ("API calls", "/api/v1/calls", {}),
        ]
        for name, path, headers in endpoints:
            if args.only and not re.search(args.only, name):
                continue
            result = wrk(server, path, headers, args.duration)
            rows.append((name, result))
            print(f"  {name:30} {result['rps']:8.1f} req/s  p99 {result['p99']:8.2f} ms  errors {result['errors']}", flush=True)
        if not args.only or re.search(args.only, "create and submit"):
            applicants = [f"s3@{code.lower()}.seed.example" for code in
                          [r["code"] for r in api.json("GET", "/api/v1/regions?limit=16")["items"]]]
            tokens = [api.json("POST", "/api/v1/auth/token", {"email": e, "password": password})["token"] for e in applicants]
            regions = [e.split("@")[1].split(".")[0].upper() for e in applicants]
            result = create_and_submit(server, tokens, call["id"], regions, args.duration)
            # None lost: every acknowledged submission is there, submitted.
            missing = [i for i in result["ids"] if api.json("GET", f"/api/v1/applications/{i}", token=token)["status"] != "submitted"]
            result["errors"] += len(missing)
            # Two requests each: the rate and the CPU are per application, not per request.
            rows.append(("create + submit, 16 applicants (per application)", result))
            print(f"  create and submit: {result['rps']:.1f}/s, {result['requests']} submitted, {len(missing)} lost, "
                  f"errors {result['errors']} {result['failures']}", flush=True)
        peak = server.memory_mb("VmHWM")
        time.sleep(5)
        idle = server.memory_mb("VmRSS")
    finally:
        server.stop()
        log.close()
    return rows, peak, idle


def table(database, args, rows, peak, idle):
    lines = [f"### {database}, {args.applications} applications (largest round {args.largest_round}), "
             f"wrk -t2 -c16 -d{args.duration}s, {time.strftime('%Y-%m-%d')}", "",
             "| page | req/s | p50 ms | p99 ms | errors | server CPU ms/request |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for name, r in rows:
        p50 = "" if r["p50"] is None else f"{r['p50']:.2f}"
        p99 = "" if r["p99"] is None else f"{r['p99']:.2f}"
        lines.append(f"| {name} | {r['rps']:.1f} | {p50} | {p99} | {r['errors']} | {r['cpu_ms']:.2f} |")
    lines += ["", f"Server RSS: peak {peak:.0f} MB, idle {idle:.0f} MB.", ""]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--applications", type=int, default=10_000)
    parser.add_argument("--largest-round", type=int, default=10_000)
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--only", help="a pattern: measure only the pages whose name matches")
    parser.add_argument("--postgres", help="an admin URL of a PostgreSQL server (the script creates its databases there)")
    args = parser.parse_args()
    work = pathlib.Path(os.environ.get("BENCH_WORK", "/tmp/s3desk-bench"))
    work.mkdir(parents=True, exist_ok=True)
    out = ROOT / "Benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    for database in args.databases.split(","):
        print(f"== {database}", flush=True)
        if database == "sqlite":
            env, password = prepare_sqlite(args.applications, args.largest_round, work)
        else:
            if not args.postgres:
                sys.exit("--postgres URL is needed for PostgreSQL (scripts/bench starts a throwaway server and passes it)")
            env, password = prepare_postgres(args.applications, args.largest_round, args.postgres)
        rows, peak, idle = measure(database, env, password, args, work)
        text = table(database, args, rows, peak, idle)
        print(text, flush=True)
        if not args.only:
            (out / f"{database}-{args.applications}.md").write_text(text)


if __name__ == "__main__":
    main()
