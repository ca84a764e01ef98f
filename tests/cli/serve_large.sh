#!/usr/bin/env bash
# kuril serve with a file of 4 GiB (sparse, with random data written at random places): 64 clients at
# once, each sending Range requests at random offsets on a keep-alive connection. Every 206 must carry
# exactly the file's bytes and the right Content-Range; the server's peak resident memory (VmHWM) must
# stay under the bound: ranges are read from the file as they are sent, never the whole file.
# Usage: serve_large.sh KURIL MAX_RSS_MB
set -euo pipefail
kuril=$1 max_rss_mb=$2
work=$(mktemp -d)
log="$work/serve.log"
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2> /dev/null; rm -rf "$work"; }
trap cleanup EXIT
mkdir "$work/root"
/usr/bin/python3 - "$work/root/world.pmtiles" <<'PY'
import os, random, sys
size = 4 << 30
rng = random.Random(20261202)
with open(sys.argv[1], "wb") as f:
    f.truncate(size)
    for _ in range(256):  # 256 islands of data in the holes, the last one at the very end
        at = rng.randrange(0, size - 65536)
        f.seek(at); f.write(rng.randbytes(rng.randrange(1, 65536)))
    f.seek(size - 4096); f.write(rng.randbytes(4096))
PY
"$kuril" serve -d "$work/root" -p 0 -q > "$log" 2>&1 &
pid=$!
for _ in $(seq 100); do grep -q "http://" "$log" && break; sleep 0.1; done
port=$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | sed 's/.*://')
[ -n "$port" ] || { echo "kuril serve did not start"; cat "$log"; exit 1; }
/usr/bin/python3 - "$work/root/world.pmtiles" "$port" <<'PY'
import http.client, os, random, sys, threading
path, port = sys.argv[1], int(sys.argv[2])
size = os.path.getsize(path)
errors, done = [], []
def client(seed):
    rng = random.Random(seed)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    with open(path, "rb") as f:
        for _ in range(6):
            first = rng.randrange(0, size)
            last = min(size - 1, first + rng.randrange(0, 4 << 20))  # up to 4 MiB
            if rng.random() < 0.1:
                first, last = size - 5000, size - 1                    # the end of the file
            conn.request("GET", "/world.pmtiles", headers={"Range": f"bytes={first}-{last}"})
            r = conn.getresponse()
            body = r.read()
            f.seek(first)
            want = f.read(last - first + 1)
            if r.status != 206 or r.getheader("Content-Range") != f"bytes {first}-{last}/{size}" or body != want:
                errors.append(f"bytes={first}-{last}: HTTP {r.status} {r.getheader('Content-Range')}, "
                              f"{len(body)} bytes, {'equal' if body == want else 'different'}")
            done.append(len(body))
    conn.close()
threads = [threading.Thread(target=client, args=(i,)) for i in range(64)]
for t in threads: t.start()
for t in threads: t.join()
print(f"{len(done)} range requests from 64 concurrent clients, {sum(done) >> 20} MiB, {len(errors)} wrong")
for e in errors[:10]: print("FAIL", e)
sys.exit(1 if errors or len(done) != 64 * 6 else 0)
PY
rss_kb=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
echo "kuril serve peak RSS: $((rss_kb / 1024)) MB (bound ${max_rss_mb} MB) for a $(( $(stat -c %s "$work/root/world.pmtiles") >> 30 )) GiB file"
[ "$((rss_kb / 1024))" -lt "$max_rss_mb" ] || { echo "FAIL: peak RSS over the bound"; exit 1; }
