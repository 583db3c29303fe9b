"""System calls and database bytes per durable ingest request.

Starts the bench's service process (`Feedback.Bench.dll serve service`), creates the bench template and an ingest key,
warms up with 3 000 events, then sends N events at C connections while `strace -f -y` counts pwrite64, pread64, fsync
and fdatasync per file of the service, and reads `dbstat` (table and index bytes) before and after. Needs strace.

    python3 bench/tools/ingest_syscalls.py bench/Feedback.Bench/bin/Release/net10.0/Feedback.Bench.dll 10000 32 /tmp/out

writes /tmp/out.json (per-request calls by file, bytes per event by table and index). KEEP=1 keeps the raw trace.
"""
import asyncio, json, os, re, signal, sqlite3, subprocess, sys, time, collections
DLL, N, C, OUT = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
ADMIN = "bench-admin-key-0123456789abcdef"
TEMPLATE = {"name": "Bench NPS", "kind": "nps", "trigger": "ticket.resolved", "delay": "PT0S", "reminderAfter": "P2D",
  "expiresAfter": "P14D", "quietPeriod": "P30D", "sampleRate": 1.0, "defaultLocale": "en",
  "content": {"en": {"subject": "How likely are you to recommend us, {{ customer.name }}?",
    "question": "How likely are you to recommend us after {{ subject.id }}?", "lowLabel": "Not likely",
    "highLabel": "Very likely", "commentPrompt": "Why?", "thankYou": "Thank you!"}}}
def event(run, n):
    return {"id": f"evt-{run}-{n}", "type": "ticket.resolved", "occurredAt": "2026-11-23T10:00:00Z", "subjectId": f"ticket-{run}-{n}",
      "customer": {"id": f"c-{run}-{n}", "email": f"customer{n}@example.com", "name": "Jana", "locale": "en-GB", "timeZone": "Europe/Bratislava"},
      "properties": {"channel": "email", "agent": f"agent{n % 20}", "category": f"category{n % 5}"}}
class Conn:
    def __init__(s, host, port): s.host, s.port = host, port
    async def open(s): s.r, s.w = await asyncio.open_connection(s.host, s.port)
    async def post(s, path, key, body):
        data = json.dumps(body).encode()
        s.w.write(f"POST {path} HTTP/1.1\r\nHost: {s.host}\r\nAuthorization: Bearer {key}\r\nContent-Type: application/json\r\nContent-Length: {len(data)}\r\n\r\n".encode() + data)
        await s.w.drain()
        status = int((await s.r.readline()).split()[1]); length = 0; chunked = False
        while (line := await s.r.readline()) not in (b"\r\n", b""):
            k, _, v = line.decode().partition(":")
            if k.lower() == "content-length": length = int(v)
            if k.lower() == "transfer-encoding" and "chunked" in v: chunked = True
        if not chunked: return status, await s.r.readexactly(length)
        body = b""
        while (size := int((await s.r.readline()).strip(), 16)) > 0:
            body += await s.r.readexactly(size); await s.r.readline()
        await s.r.readline(); return status, body
async def load(host, port, key, run, n, c):
    counter = iter(range(n)); ok = collections.Counter()
    async def worker():
        conn = Conn(host, port); await conn.open()
        for i in counter:
            st, _ = await conn.post("/v1/events", key, event(run, i)); ok[st] += 1
    await asyncio.gather(*[worker() for _ in range(c)]); return ok
def sizes(db):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = dict(con.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall()); con.close(); return rows
async def main():
    proc = subprocess.Popen(["dotnet", DLL, "serve", "service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    while not line.startswith("listening "): line = proc.stdout.readline()
    m = re.match(r"listening http://([\d.]+):(\d+)", line.strip()); host, port = m.group(1), int(m.group(2))
    try:
        a = Conn(host, port); await a.open()
        st, body = await a.post("/v1/templates", ADMIN, TEMPLATE); assert st == 201, (st, body)
        st, body = await a.post("/v1/api-keys", ADMIN, {"name": "m", "scopes": ["ingest"]}); key = json.loads(body)["key"]
        print("warm", await load(host, port, key, "warm", 3000, C))
        db = next(os.path.realpath(f"/proc/{proc.pid}/fd/{f}") for f in os.listdir(f"/proc/{proc.pid}/fd") if os.path.realpath(f"/proc/{proc.pid}/fd/{f}").endswith("feedback.db"))
        before = sizes(db)
        tr = subprocess.Popen(["strace", "-f", "-y", "-s", "0", "-e", "trace=pwrite64,pread64,fsync,fdatasync", "-p", str(proc.pid), "-o", OUT + ".strace"], stderr=subprocess.DEVNULL)
        time.sleep(2)
        t = time.time(); res = await load(host, port, key, "run", N, C); el = time.time() - t
        time.sleep(1); tr.send_signal(signal.SIGINT); tr.wait()
        after = sizes(db)
    finally:
        proc.stdin.close(); proc.wait()
    calls = collections.Counter()
    for l in open(OUT + ".strace"):
        m = re.search(r"(pwrite64|pread64|fsync|fdatasync)\(\d+<([^>]*)>", l)
        if m: calls[(m.group(1), os.path.basename(m.group(2)))] += 1
    reqs = res[202]
    out = {"requests": reqs, "status": dict(res), "concurrency": C, "seconds": round(el, 1),
           "perRequest": {f"{k[0]} {k[1]}": round(v / reqs, 2) for k, v in sorted(calls.items())},
           "bytesPerEvent": {k: round((after.get(k, 0) - before.get(k, 0)) / reqs, 1) for k in sorted(set(after) | set(before)) if after.get(k, 0) != before.get(k, 0)},
           "bytesPerEventTotal": round((sum(after.values()) - sum(before.values())) / reqs, 1)}
    if not os.environ.get("KEEP"):
        os.remove(OUT + ".strace")
    json.dump(out, open(OUT + ".json", "w"), indent=1); print(json.dumps(out, indent=1))
asyncio.run(main())
