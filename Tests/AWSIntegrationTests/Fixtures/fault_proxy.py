#!/usr/bin/env python3
"""A loopback HTTP proxy that injects AWS-shaped faults in front of moto or the fixture server.

    python3 fault_proxy.py --upstream http://127.0.0.1:PORT [--rules RULES.json]

Prints `PORT <n>` on stdout once it listens on 127.0.0.1. Standard library only. The
client points its endpoint at the proxy; requests are forwarded with their Host header
untouched, so SigV4 signatures made for the proxy's address still verify upstream.

Rule file (also POST /_proxy/rules), every part optional; README.md has the details:

    {"accounts": {"AKIA...": "123456789012"},
     "routes": [{"match": {"target_prefix": "CodePipeline_20150709."},
                 "upstream": "http://127.0.0.1:FIXTURE"}],
     "rules": [{"id": "prod-throttled", "match": {"account": "183667525459"},
                "fault": "throttle", "times": 3, "skip": 0}]}

Faults: "throttle" (400 ThrottlingException JSON / Throttling XML; 403 rate limit for
REST), "error" (status, default 500, InternalFailure), "reset" (TCP RST, no answer),
"close" (FIN, no answer), "delay" (wait delay_ms, then forward). Each rule injects into at
most `times` matching requests (default 1, at most 1000000) after letting `skip` through.
The match field "body_contains" picks requests whose body (raw or form-decoded) contains
a text, such as the page token of page 2 of a paged list.

The account of a request is learned from what passes through: STS AssumeRole answers give
the temporary key's account, GetCallerIdentity answers the caller's, and "accounts" in the
rules adds static keys.

Control (never forwarded): GET /_proxy/stats, GET /_proxy/log, POST /_proxy/rules,
POST /_proxy/reset.
"""

import argparse
import http.client
import json
import re
import socket
import struct
import sys
import threading
import time
import urllib.parse
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import orphan_guard
import request_body

CREDENTIAL = re.compile(r"Credential=([^/,\s]+)/\d{8}/([^/,\s]+)/([^/,\s]+)/aws4_request")
ASSUMED = re.compile(r"<AccessKeyId>([^<]+)</AccessKeyId>.*?<Arn>arn:[^:]+:sts::(\d{12}):",
                     re.S)
ASSUMED_REVERSED = re.compile(
    r"<Arn>arn:[^:]+:sts::(\d{12}):[^<]*</Arn>.*?<AccessKeyId>([^<]+)</AccessKeyId>", re.S)
CALLER_ACCOUNT = re.compile(r"<GetCallerIdentityResult>.*?<Account>(\d{12})</Account>", re.S)
# Not forwarded: the proxy reads the whole body and sends it with its own length.
HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
              "trailer", "transfer-encoding", "upgrade", "content-length", "expect"}
FAULTS = {"throttle", "error", "reset", "close", "delay"}
MATCH_FIELDS = {"account", "access_key", "service", "region", "target", "target_prefix",
                "action", "method", "path_prefix"} | {"body_contains"}
MAX_TIMES = 1_000_000
MAX_DELAY_MS = 60_000
MAX_LOG = 5000


class RuleError(ValueError):
    pass


def validate(config):
    if not isinstance(config, dict):
        raise RuleError("the rules must be a JSON object")
    rules = []
    for index, rule in enumerate(config.get("rules", [])):
        name = rule.get("id", f"rule-{index}")
        fault = rule.get("fault")
        if fault not in FAULTS:
            raise RuleError(f"{name}: fault must be one of {sorted(FAULTS)}")
        unknown = set(rule.get("match", {})) - MATCH_FIELDS
        if unknown:
            raise RuleError(f"{name}: unknown match fields {sorted(unknown)}")
        times = rule.get("times", 1)
        skip = rule.get("skip", 0)
        delay = rule.get("delay_ms", 0)
        if not isinstance(times, int) or not 1 <= times <= MAX_TIMES:
            raise RuleError(f"{name}: times must be 1...{MAX_TIMES}")
        if not isinstance(skip, int) or skip < 0:
            raise RuleError(f"{name}: skip must be 0 or more")
        if not isinstance(delay, int) or not 0 <= delay <= MAX_DELAY_MS:
            raise RuleError(f"{name}: delay_ms must be 0...{MAX_DELAY_MS}")
        rules.append({"id": name, "match": rule.get("match", {}), "fault": fault,
                      "times": times, "skip": skip, "delay_ms": delay,
                      "status": rule.get("status"), "code": rule.get("code"),
                      "message": rule.get("message"), "matched": 0, "injected": 0})
    routes = []
    for route in config.get("routes", []):
        unknown = set(route.get("match", {})) - MATCH_FIELDS
        if unknown or "upstream" not in route:
            raise RuleError(f"route needs an upstream and known match fields: {route}")
        routes.append({"match": route.get("match", {}),
                       "upstream": urllib.parse.urlsplit(route["upstream"])})
    return rules, routes, dict(config.get("accounts", {}))


class State:
    def __init__(self, upstream):
        self.lock = threading.Lock()
        self.upstream = urllib.parse.urlsplit(upstream)
        self.rules, self.routes, self.accounts = [], [], {}
        self.reset()

    def reset(self):
        self.seen = 0
        self.forwarded = 0
        self.injected = {fault: 0 for fault in sorted(FAULTS)}
        self.log = []
        for rule in self.rules:
            rule["matched"] = rule["injected"] = 0

    def configure(self, config):
        rules, routes, accounts = validate(config)
        with self.lock:
            self.rules, self.routes = rules, routes
            self.accounts.update(accounts)

    def stats(self):
        return {"requests": self.seen, "forwarded": self.forwarded, "injected": self.injected,
                "rules": [{"id": r["id"], "fault": r["fault"], "matched": r["matched"],
                           "injected": r["injected"],
                           "remaining": r["times"] - r["injected"]} for r in self.rules],
                "accounts": dict(self.accounts)}


def matches(match, facts):
    for field, wanted in match.items():
        if field == "body_contains":
            if not body_contains(facts, wanted):
                return False
        elif field == "path_prefix":
            if not facts["path"].startswith(wanted):
                return False
        elif field == "target_prefix":
            if not (facts["target"] or "").startswith(wanted):
                return False
        elif field == "method":
            if facts["method"].upper() != str(wanted).upper():
                return False
        elif facts.get(field) != wanted:
            return False
    return True


# -- mode "body_contains" (a match field): picks requests by a piece of their body, such as
# the page token of a paged list, so a fault can land on page 2 and nothing else. The
# text is compared with the raw body (JSON as sent, or the form of a query request), and
# with the form decoded, so "Marker=abc" and "abc" both find a query page token.
def body_contains(facts, wanted):
    body = facts.get("body") or b""
    text = body.decode("utf-8", "replace")
    if str(wanted) in text:
        return True
    return str(wanted) in urllib.parse.unquote_plus(text)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "OpsDeckFaultProxy/1"
    state: State = None

    def log_message(self, *args):  # the log is at /_proxy/log
        pass

    def finish(self):
        try:
            super().finish()
        except (OSError, ValueError):  # the socket was reset or closed on purpose
            pass

    def do_GET(self):
        self.handle_any()

    def do_POST(self):
        self.handle_any()

    def do_PUT(self):
        self.handle_any()

    def do_DELETE(self):
        self.handle_any()

    def do_HEAD(self):
        self.handle_any()

    def reply(self, status, body, content_type, extra=None):
        data = body if isinstance(body, bytes) else body.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)
        self.close_connection = True

    def handle_any(self):
        body = request_body.read_body(self)
        path = urllib.parse.urlsplit(self.path).path
        if path.startswith("/_proxy/"):
            self.control(path, body)
            return
        facts = self.facts(body)
        state = self.state
        chosen = None
        with state.lock:
            state.seen += 1
            facts["account"] = state.accounts.get(facts["access_key"])
            for rule in state.rules:
                if not matches(rule["match"], facts):
                    continue
                rule["matched"] += 1
                if rule["matched"] <= rule["skip"] or rule["injected"] >= rule["times"]:
                    continue
                rule["injected"] += 1
                state.injected[rule["fault"]] += 1
                chosen = dict(rule)
                break
            upstream = next((r["upstream"] for r in state.routes
                             if matches(r["match"], facts)), state.upstream)
            entry = {k: facts[k] for k in ("method", "path", "service", "region", "access_key",
                                            "account", "target", "action")}
            entry["fault"] = chosen["fault"] if chosen else None
            entry["rule"] = chosen["id"] if chosen else None
            if not chosen or chosen["fault"] == "delay":
                # Counted when decided, so a delayed request the client gave up on counts
                # at once rather than whenever its answer comes back.
                state.forwarded += 1
            if len(state.log) < MAX_LOG:
                state.log.append(entry)
        if chosen and chosen["fault"] != "delay":
            self.inject(chosen, facts)
            entry["status"] = None if chosen["fault"] in ("reset", "close") else "injected"
            return
        if chosen:
            time.sleep(chosen["delay_ms"] / 1000)
        entry["status"] = self.forward(upstream, body, facts)

    def facts(self, body):
        authorization = self.headers.get("Authorization", "")
        credential = CREDENTIAL.search(authorization)
        url = urllib.parse.urlsplit(self.path)
        if not credential:  # presigned requests carry the credential in the query
            query = urllib.parse.parse_qs(url.query)
            credential = CREDENTIAL.search("Credential=" + query.get("X-Amz-Credential",
                                                                     [""])[0])
        target = self.headers.get("X-Amz-Target")
        action = None
        if target:
            action = target.rpartition(".")[2]
        else:
            form = body.decode("utf-8", "replace") if "x-www-form-urlencoded" in (
                self.headers.get("Content-Type", "")) else ""
            params = urllib.parse.parse_qs(form or url.query)
            action = params.get("Action", [None])[0]
        return {"method": self.command, "path": url.path, "target": target, "action": action,
                "access_key": credential.group(1) if credential else None,
                "region": credential.group(2) if credential else None,
                "service": credential.group(3) if credential else None,
                "protocol": "json" if target else ("query" if action else "rest"),
                "body": body}

    def inject(self, rule, facts):
        fault = rule["fault"]
        if fault in ("reset", "close"):
            if fault == "reset":
                # Linger 0: close sends RST instead of FIN.
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                           struct.pack("ii", 1, 0))
            else:
                self.connection.shutdown(socket.SHUT_RDWR)
            self.connection.close()
            self.close_connection = True
            return
        if fault == "throttle":
            status = rule["status"] or (400 if facts["protocol"] != "rest" else 403)
            code = rule["code"] or ("ThrottlingException" if facts["protocol"] == "json"
                                    else "Throttling")
            message = rule["message"] or "Rate exceeded"
        else:
            status = rule["status"] or 500
            code = rule["code"] or "InternalFailure"
            message = rule["message"] or "We encountered an internal error. Please try again."
        request_id = str(uuid.uuid4())
        if facts["protocol"] == "json":
            version = "1.0" if (facts["target"] or "").startswith("Granite") else "1.1"
            self.reply(status, json.dumps({"__type": code, "message": message}),
                       f"application/x-amz-json-{version}",
                       {"x-amzn-ErrorType": code, "x-amzn-RequestId": request_id})
        elif facts["protocol"] == "query":
            kind = "Sender" if status < 500 else "Receiver"
            xml = ('<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error>'
                   f"<Type>{kind}</Type><Code>{code}</Code><Message>{message}</Message>"
                   f"</Error><RequestId>{request_id}</RequestId></ErrorResponse>")
            self.reply(status, xml, "text/xml", {"x-amzn-RequestId": request_id})
        elif fault == "throttle":
            reset_at = str(int(time.time()) + 60)
            self.reply(status, json.dumps({
                "message": "API rate limit exceeded",
                "documentation_url": "https://docs.github.com/rest/using-the-rest-api/"
                                     "rate-limits-for-the-rest-api"}),
                "application/json; charset=utf-8",
                {"x-ratelimit-limit": "5000", "x-ratelimit-remaining": "0",
                 "x-ratelimit-reset": reset_at, "retry-after": "60"})
        else:
            self.reply(status, json.dumps({"message": message}),
                       "application/json; charset=utf-8")

    def forward(self, upstream, body, facts):
        connection = http.client.HTTPConnection(upstream.hostname, upstream.port or 80,
                                                timeout=60)
        try:
            connection.putrequest(self.command, self.path, skip_host=True,
                                  skip_accept_encoding=True)
            for name, value in self.headers.items():
                if name.lower() not in HOP_BY_HOP:
                    connection.putheader(name, value)
            connection.putheader("Content-Length", str(len(body)))
            connection.endheaders(body)
            response = connection.getresponse()
            data = response.read()
            headers = [(k, v) for k, v in response.getheaders() if k.lower() not in HOP_BY_HOP]
            status = response.status
        except OSError as error:
            self.reply(502, json.dumps({"message": f"upstream failed: {error}"}),
                       "application/json")
            return 502
        finally:
            connection.close()
        self.learn(data, facts)
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)
        self.close_connection = True
        return status

    def learn(self, data, facts):
        if facts["service"] != "sts" or b"<" not in data[:64]:
            return
        text = data.decode("utf-8", "replace")
        learned = {}
        for key, account in ASSUMED.findall(text):
            learned[key] = account
        for account, key in ASSUMED_REVERSED.findall(text):
            learned[key] = account
        caller = CALLER_ACCOUNT.search(text)
        if caller and facts["access_key"]:
            learned[facts["access_key"]] = caller.group(1)
        if learned:
            with self.state.lock:
                self.state.accounts.update(learned)

    def control(self, path, body):
        state = self.state
        if path == "/_proxy/stats" and self.command == "GET":
            with state.lock:
                answer = state.stats()
            self.reply(200, json.dumps(answer), "application/json")
        elif path == "/_proxy/log" and self.command == "GET":
            with state.lock:
                answer = {"requests": list(state.log)}
            self.reply(200, json.dumps(answer), "application/json")
        elif path == "/_proxy/rules" and self.command == "POST":
            try:
                state.configure(json.loads(body or b"{}"))
            except (RuleError, ValueError) as error:
                self.reply(400, json.dumps({"error": str(error)}), "application/json")
                return
            with state.lock:
                answer = state.stats()
            self.reply(200, json.dumps(answer), "application/json")
        elif path == "/_proxy/reset" and self.command == "POST":
            with state.lock:
                state.reset()
                answer = state.stats()
            self.reply(200, json.dumps(answer), "application/json")
        else:
            self.reply(404, json.dumps({"error": f"no control endpoint {self.command} {path}"}),
                       "application/json")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--upstream", required=True, help="default upstream, http://HOST:PORT")
    parser.add_argument("--rules", help="JSON rule file")
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: any free)")
    args = parser.parse_args()
    orphan_guard.exit_with_parent()
    Handler.state = State(args.upstream)
    if args.rules:
        with open(args.rules, encoding="utf-8") as handle:
            try:
                Handler.state.configure(json.load(handle))
            except RuleError as error:
                raise SystemExit(f"fault_proxy: {args.rules}: {error}") from None
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print(f"PORT {server.server_address[1]}", flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
