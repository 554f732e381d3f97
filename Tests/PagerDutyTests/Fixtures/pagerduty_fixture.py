#!/usr/bin/env python3
"""A loopback stand-in for PagerDuty's REST API v2, in its documented wire format.

    python3 pagerduty_fixture.py --token TOKEN [--port 0] [--offset-cap 10000]

Prints `PORT <n>` on stdout once it listens on 127.0.0.1. Standard library only.

Serves, each checking `Authorization: Token token=<TOKEN>` (401 otherwise):
- GET /incidents: since, until (on created_at), statuses[], limit (<= 100), offset, total,
  sort_by=created_at:asc; answers {incidents, limit, offset, more, total}. An offset past
  the cap (offset + limit > cap) is refused with 400 / code 2001, as PagerDuty does.
- GET /incidents/{id}: {incident}, 404 for an unknown id.
- PUT /incidents/{id}: {"incident": {"type": "incident_reference", "status" | "assignments"}};
  needs `From`; a resolved incident refuses a status change (400 "Incident Already Resolved").
- POST /incidents/{id}/snooze {"duration": s}: only an acknowledged incident (201).
- POST /incidents/{id}/notes {"note": {"content": ...}} (201).
- GET /log_entries: since, until, is_overview, limit, offset; newest first.
- GET /oncalls: earliest, limit, offset.

Control endpoints (not PagerDuty), no token needed:
- POST /_fixture/incidents {"incidents": [partial incidents]}: adds them (defaults filled).
- POST /_fixture/generate {"count": n, "start": iso, "step_seconds": s}: adds n incidents.
- POST /_fixture/change {"id", "status", "by", "at"}: somebody else changes an incident.
- POST /_fixture/oncalls {"oncalls": [...]}: replaces the on-calls.
- POST /_fixture/fail {"status": 429, "count": 1, "retry_after": "2"} or {"drop": true,
  "count": 1}: the next `count` PagerDuty requests fail that way.
- GET /_fixture/requests: what it saw (the token itself is never echoed: `authorized`).
- POST /_fixture/reset: forgets the requests.
"""

import argparse
import datetime as dt
import json
import os
import socket
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()
STATE = {
    "incidents": {},  # id -> wire incident
    "log_entries": [],
    "oncalls": [],
    "requests": [],
    "failures": [],
    "counter": 0,
}
CONFIG = {"token": "", "offset_cap": 10000}


def exit_with_parent(interval=0.5):
    """Ends this process when the test runner that started it goes away."""
    parent = int(os.environ.get("OPSDECK_PARENT_PID") or os.getppid())

    def watch():
        while os.getppid() == parent:
            time.sleep(interval)
        os._exit(0)

    threading.Thread(target=watch, name="orphan-guard", daemon=True).start()


def iso(moment):
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(text):
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def next_id(prefix):
    STATE["counter"] += 1
    return "%s%06d" % (prefix, STATE["counter"])


def reference(kind, ident, summary):
    return {"id": ident, "type": kind, "summary": summary,
            "self": "https://api.pagerduty.com/%ss/%s" % (kind.replace("_reference", ""), ident)}


def add_log_entry(kind, incident, at, agent=None, details=None):
    entry = {
        "id": next_id("R"), "type": kind, "summary": kind.replace("_log_entry", ""),
        "created_at": at, "incident": reference("incident_reference", incident["id"], incident["title"]),
        "agent": agent,
    }
    if details is not None:
        entry["channel"] = {"type": "api", "details": details}
    STATE["log_entries"].append(entry)
    return entry


def add_incident(partial):
    number = len(STATE["incidents"]) + 1
    ident = partial.get("id") or "Q%07d" % number
    created = partial.get("created_at") or iso(dt.datetime.now(dt.timezone.utc))
    incident = {
        "id": ident, "type": "incident", "incident_number": partial.get("incident_number", number),
        "title": partial.get("title", "Incident %d" % number), "status": partial.get("status", "triggered"),
        "urgency": partial.get("urgency", "high"), "created_at": created,
        "updated_at": partial.get("updated_at", created), "last_status_change_at": created,
        "last_status_change_by": None,
        "service": reference("service_reference", "PSVC001", partial.get("service", "Checkout API")),
        "escalation_policy": reference("escalation_policy_reference", "PEP0001", "Primary"),
        "assignments": [{"assignee": reference("user_reference", "PUSER01", "Alice Example")}],
        "priority": ({"id": "PPRI01", "type": "priority", "summary": partial["priority"]}
                     if partial.get("priority") else None),
        "incident_key": partial.get("incident_key"),
        "html_url": "https://example.pagerduty.com/incidents/%s" % ident,
    }
    STATE["incidents"][ident] = incident
    entry = add_log_entry("trigger_log_entry", incident, created, details=partial.get("alert_body"))
    incident["_first_trigger"] = entry
    return incident


def public(incident, include_first_trigger):
    out = {k: v for k, v in incident.items() if not k.startswith("_")}
    if include_first_trigger:
        out["first_trigger_log_entry"] = incident.get("_first_trigger")
    return out


def error_body(message, code, errors=None):
    body = {"error": {"message": message, "code": code}}
    if errors:
        body["error"]["errors"] = errors
    return body


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        sys.stderr.write("fixture: " + (fmt % args) + "\n")

    def send_json(self, status, body, headers=None):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        if not raw:
            return None
        try:
            return json.loads(raw)
        except ValueError:
            return {"_unparsed": raw.decode("utf-8", "replace")}

    def do_GET(self):
        self.route("GET")

    def do_PUT(self):
        self.route("PUT")

    def do_POST(self):
        self.route("POST")

    def route(self, method):
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        body = self.read_body()
        if url.path.startswith("/_fixture/"):
            with LOCK:
                return self.control(method, url.path, body)
        with LOCK:
            STATE["requests"].append({
                "method": method, "path": url.path, "query": query,
                "authorized": self.headers.get("Authorization") == "Token token=" + CONFIG["token"],
                "accept": self.headers.get("Accept"), "content_type": self.headers.get("Content-Type"),
                "from": self.headers.get("From"), "body": body,
            })
            failure = STATE["failures"].pop(0) if STATE["failures"] else None
        if failure is not None:
            if failure.get("drop"):
                self.close_connection = True
                try:
                    self.connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                return
            headers = {}
            if failure.get("retry_after") is not None:
                headers["Retry-After"] = str(failure["retry_after"])
            if failure.get("ratelimit_reset") is not None:
                headers["ratelimit-reset"] = str(failure["ratelimit_reset"])
            status = failure.get("status", 500)
            message = "Rate Limit Exceeded" if status == 429 else "Internal Server Error"
            return self.send_json(status, error_body(message, 2020 if status == 429 else 2000), headers)
        if self.headers.get("Authorization") != "Token token=" + CONFIG["token"]:
            return self.send_json(401, error_body("Authentication failed", 2006))
        with LOCK:
            return self.api(method, url.path, query, body)

    def api(self, method, path, query, body):
        parts = [p for p in path.split("/") if p]
        if method == "GET" and parts == ["incidents"]:
            return self.list_incidents(query)
        if method == "GET" and parts == ["log_entries"]:
            return self.list_log_entries(query)
        if method == "GET" and parts == ["oncalls"]:
            return self.paged("oncalls", STATE["oncalls"], query)
        if len(parts) >= 2 and parts[0] == "incidents":
            incident = STATE["incidents"].get(parts[1])
            if incident is None:
                return self.send_json(404, error_body("Not Found", 2100))
            include = "first_trigger_log_entries" in query.get("include[]", [])
            if method == "GET" and len(parts) == 2:
                return self.send_json(200, {"incident": public(incident, include)})
            if method in ("PUT", "POST") and not self.headers.get("From"):
                return self.send_json(400, error_body(
                    "Invalid Input Provided", 2001,
                    ["You must specify a user's email address in the \"From\" header to perform this action"]))
            now = iso(dt.datetime.now(dt.timezone.utc))
            agent = reference("user_reference", "PME0001", self.headers.get("From"))
            if method == "PUT" and len(parts) == 2:
                change = (body or {}).get("incident") or {}
                status = change.get("status")
                if status:
                    if incident["status"] == "resolved":
                        return self.send_json(400, error_body(
                            "Invalid Input Provided", 2001, ["Incident Already Resolved"]))
                    incident["status"] = status
                    incident["last_status_change_at"] = now
                    incident["last_status_change_by"] = agent
                    kind = {"acknowledged": "acknowledge_log_entry", "resolved": "resolve_log_entry"}.get(
                        status, "trigger_log_entry")
                    add_log_entry(kind, incident, now, agent)
                if "assignments" in change:
                    incident["assignments"] = [
                        {"assignee": reference("user_reference", a["assignee"]["id"], a["assignee"]["id"])}
                        for a in change["assignments"]]
                    add_log_entry("assign_log_entry", incident, now, agent)
                incident["updated_at"] = now
                return self.send_json(200, {"incident": public(incident, False)})
            if method == "POST" and parts[2:] == ["snooze"]:
                if incident["status"] != "acknowledged":
                    return self.send_json(400, error_body(
                        "Invalid Input Provided", 2001, ["Incident must be acknowledged to be snoozed"]))
                add_log_entry("snooze_log_entry", incident, now, agent)
                return self.send_json(201, {"incident": public(incident, False)})
            if method == "POST" and parts[2:] == ["notes"]:
                content = ((body or {}).get("note") or {}).get("content")
                if not content:
                    return self.send_json(400, error_body("Invalid Input Provided", 2001, ["Note is empty"]))
                note = {"id": next_id("PNOTE"), "content": content, "created_at": now, "user": agent}
                incident.setdefault("_notes", []).append(note)
                return self.send_json(201, {"note": note})
        return self.send_json(404, error_body("Not Found", 2100))

    def window(self, query):
        since = query.get("since", [None])[0]
        until = query.get("until", [None])[0]
        return (parse_iso(since) if since else None, parse_iso(until) if until else None)

    def page_bounds(self, query):
        limit = min(int(query.get("limit", ["25"])[0]), 100)
        offset = int(query.get("offset", ["0"])[0])
        return limit, offset

    def list_incidents(self, query):
        limit, offset = self.page_bounds(query)
        if offset + limit > CONFIG["offset_cap"]:
            return self.send_json(400, error_body(
                "Invalid Input Provided", 2001,
                ["Offset must be less than %d." % (CONFIG["offset_cap"] - limit + 1)]))
        since, until = self.window(query)
        statuses = set(query.get("statuses[]", []))
        rows = []
        for incident in STATE["incidents"].values():
            created = parse_iso(incident["created_at"])
            if since and created < since or until and created >= until:
                continue
            if statuses and incident["status"] not in statuses:
                continue
            rows.append(incident)
        rows.sort(key=lambda i: (i["created_at"], i["id"]))
        include = "first_trigger_log_entries" in query.get("include[]", [])
        page = [public(i, include) for i in rows[offset:offset + limit]]
        total = len(rows) if query.get("total", ["false"])[0] == "true" else None
        return self.send_json(200, {
            "incidents": page, "limit": limit, "offset": offset,
            "more": offset + limit < len(rows), "total": total})

    def list_log_entries(self, query):
        limit, offset = self.page_bounds(query)
        since, until = self.window(query)
        rows = [e for e in STATE["log_entries"]
                if not (since and parse_iso(e["created_at"]) < since)
                and not (until and parse_iso(e["created_at"]) >= until)]
        rows.sort(key=lambda e: (e["created_at"], e["id"]), reverse=True)
        return self.send_json(200, {
            "log_entries": rows[offset:offset + limit], "limit": limit, "offset": offset,
            "more": offset + limit < len(rows), "total": None})

    def paged(self, key, rows, query):
        limit, offset = self.page_bounds(query)
        return self.send_json(200, {
            key: rows[offset:offset + limit], "limit": limit, "offset": offset,
            "more": offset + limit < len(rows), "total": None})

    def control(self, method, path, body):
        body = body or {}
        if method == "GET" and path == "/_fixture/requests":
            return self.send_json(200, {"requests": STATE["requests"]})
        if method == "POST" and path == "/_fixture/reset":
            STATE["requests"].clear()
            return self.send_json(200, {})
        if method == "POST" and path == "/_fixture/incidents":
            added = [add_incident(p)["id"] for p in body.get("incidents", [])]
            return self.send_json(200, {"ids": added})
        if method == "POST" and path == "/_fixture/generate":
            start = parse_iso(body["start"])
            step = dt.timedelta(seconds=body.get("step_seconds", 60))
            for index in range(body["count"]):
                add_incident({"created_at": iso(start + step * index), "status": body.get("status", "resolved"),
                              "title": "Generated %d" % index})
            return self.send_json(200, {"count": len(STATE["incidents"])})
        if method == "POST" and path == "/_fixture/change":
            incident = STATE["incidents"][body["id"]]
            at = body.get("at") or iso(dt.datetime.now(dt.timezone.utc))
            agent = reference("user_reference", "POTHER1", body.get("by", "Somebody Else"))
            incident["status"] = body["status"]
            incident["last_status_change_at"] = at
            incident["last_status_change_by"] = agent
            incident["updated_at"] = at
            kind = {"resolved": "resolve_log_entry", "acknowledged": "acknowledge_log_entry"}.get(
                body["status"], "trigger_log_entry")
            add_log_entry(kind, incident, at, agent)
            return self.send_json(200, {})
        if method == "POST" and path == "/_fixture/oncalls":
            STATE["oncalls"] = body.get("oncalls", [])
            return self.send_json(200, {})
        if method == "POST" and path == "/_fixture/fail":
            count = body.get("count", 1)
            rule = {k: v for k, v in body.items() if k != "count"}
            STATE["failures"].extend([rule] * count)
            return self.send_json(200, {})
        return self.send_json(404, {"error": "unknown control endpoint"})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--token", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--offset-cap", type=int, default=10000)
    args = parser.parse_args()
    CONFIG["token"] = args.token
    CONFIG["offset_cap"] = args.offset_cap
    exit_with_parent()
    ThreadingHTTPServer.allow_reuse_address = True
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print("PORT %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
