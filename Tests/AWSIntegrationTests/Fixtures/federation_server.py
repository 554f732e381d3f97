"""A loopback stand-in for the AWS federation endpoint (signin.aws.amazon.com/federation).

Answers as AWS documents for a custom identity broker:
  GET /federation?Action=getSigninToken&Session=<url-encoded JSON>
      Session = {"sessionId": AccessKeyId, "sessionKey": SecretAccessKey,
                 "sessionToken": SessionToken}
      -> 200 {"SigninToken": "..."}; 400 when the session is incomplete
  GET /federation?Action=login&Issuer=...&Destination=...&SigninToken=...
      -> 302 to Destination for a token it issued, else 400
  GET /_fixture/requests -> {"requests": [...]} (key ids only, never the secret)

Prints "PORT <n>" once listening on 127.0.0.1.
"""
import argparse
import json
import secrets
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import orphan_guard

LOCK = threading.Lock()
REQUESTS = []
TOKENS = {}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, status, body, content_type="application/json", extra=None):
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urlparse(self.path)
        query = parse_qs(url.query, keep_blank_values=True)
        if url.path == "/_fixture/requests":
            with LOCK:
                self.reply(200, json.dumps({"requests": REQUESTS}))
            return
        if url.path != "/federation":
            self.reply(404, "not found", "text/plain")
            return
        action = query.get("Action", [""])[0]
        if action == "getSigninToken":
            self.signin_token(query)
        elif action == "login":
            self.login(query)
        else:
            self.reply(400, "unknown Action", "text/plain")

    def signin_token(self, query):
        entry = {"action": "getSigninToken"}
        try:
            session = json.loads(query.get("Session", [""])[0])
        except ValueError:
            session = None
        complete = isinstance(session, dict) and all(
            isinstance(session.get(key), str) and session.get(key)
            for key in ("sessionId", "sessionKey", "sessionToken"))
        entry["sessionId"] = session.get("sessionId") if isinstance(session, dict) else None
        entry["complete"] = complete
        entry["sessionDuration"] = query.get("SessionDuration", [None])[0]
        with LOCK:
            REQUESTS.append(entry)
        if not complete:
            self.reply(400, "incomplete Session", "text/plain")
            return
        token = secrets.token_urlsafe(48)
        with LOCK:
            TOKENS[token] = session["sessionId"]
        self.reply(200, json.dumps({"SigninToken": token}))

    def login(self, query):
        token = query.get("SigninToken", [""])[0]
        destination = query.get("Destination", [""])[0]
        with LOCK:
            known = token in TOKENS
            REQUESTS.append({"action": "login", "known": known,
                             "issuer": query.get("Issuer", [""])[0], "destination": destination})
        if not known or not destination:
            self.reply(400, "bad SigninToken or Destination", "text/plain")
            return
        self.reply(302, "", "text/plain", {"Location": destination})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: any free)")
    args = parser.parse_args()
    orphan_guard.exit_with_parent()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print(f"PORT {server.server_address[1]}", flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
