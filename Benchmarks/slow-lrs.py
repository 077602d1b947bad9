"""A learning record store that takes its time, for `kurs-bench --only lrs` (BENCHMARKS.md):
`python3 slow-lrs.py SECONDS` listens on a free loopback port, prints it, and answers every
POST of statements after SECONDS with their ids, as xAPI asks, storing nothing."""

import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Slow(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        time.sleep(DELAY)
        answer = json.dumps([statement["id"] for statement in json.loads(body)]).encode()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)
        except (BrokenPipeError, ConnectionResetError):
            pass  # kurs stopped waiting: it sends these again next run

    def log_message(self, *arguments):
        pass


DELAY = float(sys.argv[1])
server = ThreadingHTTPServer(("127.0.0.1", 0), Slow)
print(server.server_address[1], flush=True)
server.serve_forever()
