#!/usr/bin/env python3
"""A loopback stand-in for the APIs moto lacks, answering in their documented wire formats.

    python3 fixture_server.py DATA.json [--port 0] [--moto http://127.0.0.1:PORT]

Prints `PORT <n>` on stdout once it listens on 127.0.0.1. Standard library only.

Serves (the data shapes are in README.md beside this file):
- CodePipeline, JSON 1.1 (`X-Amz-Target: CodePipeline_20150709.<Op>`): ListPipelines,
  ListPipelineExecutions, GetPipelineState.
- CloudWatch, JSON 1.0 (`GraniteServiceVersion20100801.DescribeAlarms`): MetricAlarms and
  CompositeAlarms, with AlarmTypes, StateValue, AlarmNames, AlarmNamePrefix, MaxRecords and
  NextToken. With --moto, the request is also forwarded, as signed, to moto, and moto's
  metric alarms are merged in (moto checks that signature itself).
- Cost Explorer, JSON 1.1 (`AWSInsightsIndexService.<Op>`): GetCostForecast, GetAnomalies;
  with --moto, GetCostAndUsage is forwarded, as signed, to moto.
- GitHub REST: GET /repos/{owner}/{repo}/actions/runs with page/per_page, status, branch,
  event, and the Link header.

Authentication. Every AWS request must carry `Authorization: AWS4-HMAC-SHA256
Credential=.../<date>/<region>/<service>/aws4_request, SignedHeaders=..., Signature=...`
with an X-Amz-Date of the same day, host and x-amz-date signed, and the service the
target belongs to; otherwise it gets the JSON error AWS sends (403). The signature itself
is checked only when the secret of the access key is known: listed under "credentials" in
the data, or, with --moto, read from moto's /moto-api/data.json (users' keys and the
temporary keys of assumed roles). An unknown key with --moto is rejected; an unknown key
without it passes on the structural checks alone, since nothing can check it.
The account a request belongs to (which data block answers it) comes from the same
lookup; unknown keys get the "default" block.

Control endpoints (not AWS): GET /_fixture/requests (what it saw), POST /_fixture/data
(replace the data with the JSON body), POST /_fixture/reset (forget the requests).
"""

import argparse
import base64
import datetime as dt
import hashlib
import hmac
import json
import re
import sys
import threading
import urllib.parse
import urllib.request
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import orphan_guard
import request_body

AUTH_PATTERN = re.compile(
    r"^AWS4-HMAC-SHA256 Credential=(?P<key>[^/,\s]+)/(?P<date>\d{8})/(?P<region>[^/,\s]+)/"
    r"(?P<service>[^/,\s]+)/aws4_request,\s*SignedHeaders=(?P<signed>[a-z0-9;\-]+),\s*"
    r"Signature=(?P<signature>[0-9a-f]{64})$")
AMZ_DATE = re.compile(r"^\d{8}T\d{6}Z$")

# target prefix -> (signing name, JSON version)
SERVICES = {
    "CodePipeline_20150709": ("codepipeline", "1.1"),
    "GraniteServiceVersion20100801": ("monitoring", "1.0"),
    "AWSInsightsIndexService": ("ce", "1.1"),
}
MAX_LOG = 5000
GITHUB_DOCS = "https://docs.github.com/rest/actions/workflow-runs"


class AWSError(Exception):
    def __init__(self, status, code, message):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class State:
    def __init__(self, data, moto):
        self.lock = threading.Lock()
        self.data = data
        self.moto = moto.rstrip("/") if moto else None
        self.requests = []
        self.moto_keys = {}

    def log(self, entry):
        with self.lock:
            if len(self.requests) < MAX_LOG:
                self.requests.append(entry)

    def key_info(self, access_key):
        """(secret, session token or None, account id or None) for a key, or None."""
        with self.lock:
            known = self.data.get("credentials", {}).get(access_key)
        if known:
            return known.get("secret_access_key"), known.get("session_token"), known.get(
                "account_id")
        if not self.moto:
            return None
        if access_key not in self.moto_keys:
            self.refresh_moto_keys()
        return self.moto_keys.get(access_key)

    def refresh_moto_keys(self):
        with urllib.request.urlopen(self.moto + "/moto-api/data.json", timeout=10) as response:
            models = json.loads(response.read())
        keys = {}
        for role in models.get("sts", {}).get("AssumedRole", []):
            keys[role["access_key_id"]] = (role["secret_access_key"], role["session_token"],
                                           role["account_id"])
        users = {}
        for user in models.get("iam", {}).get("User", []):
            users[user.get("name")] = user.get("account_id")
        for key in models.get("iam", {}).get("AccessKey", []):
            # moto lists no account for a user's key; the user carries it.
            keys.setdefault(key["access_key_id"], (key["secret_access_key"], None,
                                                   users.get(key.get("user_name"))))
        with self.lock:
            self.moto_keys = keys


def sign_check(handler, body, parsed, secret, token):
    """Recomputes the SigV4 signature over exactly the signed headers."""
    names = parsed["signed"].split(";")
    headers = []
    for name in names:
        values = handler.headers.get_all(name) or []
        if not values:
            raise AWSError(403, "IncompleteSignatureException",
                           f"Signed header {name} is missing from the request.")
        joined = ",".join(" ".join(v.strip().split()) for v in values)
        headers.append(f"{name}:{joined}\n")
    url = urllib.parse.urlsplit(handler.path)
    pairs = urllib.parse.parse_qsl(url.query, keep_blank_values=True)
    query = "&".join(f"{urllib.parse.quote(k, safe='-_.~')}={urllib.parse.quote(v, safe='-_.~')}"
                     for k, v in sorted(pairs))
    # Not S3: the path as sent (encoded once) is encoded again.
    path = urllib.parse.quote(url.path or "/", safe="/-_.~")
    payload = handler.headers.get("X-Amz-Content-SHA256") or hashlib.sha256(body).hexdigest()
    canonical = "\n".join([handler.command, path, query, "".join(headers), parsed["signed"],
                           payload])
    scope = f"{parsed['date']}/{parsed['region']}/{parsed['service']}/aws4_request"
    to_sign = "\n".join(["AWS4-HMAC-SHA256", handler.headers["X-Amz-Date"], scope,
                         hashlib.sha256(canonical.encode()).hexdigest()])
    key = ("AWS4" + secret).encode()
    for part in (parsed["date"], parsed["region"], parsed["service"], "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    expected = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, parsed["signature"]):
        raise AWSError(403, "InvalidSignatureException",
                       "The request signature we calculated does not match the signature you "
                       "provided. Check your AWS Secret Access Key and signing method.")
    if token is not None and handler.headers.get("X-Amz-Security-Token") != token:
        raise AWSError(403, "UnrecognizedClientException",
                       "The security token included in the request is invalid.")


def paginate(items, token, size, token_error):
    start = 0
    if token:
        try:
            start = int(base64.urlsafe_b64decode(token.encode()).decode().removeprefix("fx:"))
        except (ValueError, UnicodeDecodeError):
            raise AWSError(400, token_error, "The next token is not valid.") from None
        if start < 0 or start > len(items):
            raise AWSError(400, token_error, "The next token is not valid.")
    end = start + size
    following = (base64.urlsafe_b64encode(f"fx:{end}".encode()).decode()
                 if end < len(items) else None)
    return items[start:end], following


def bounded(value, default, low, high, name):
    if value is None:
        return default
    if not isinstance(value, int) or not low <= value <= high:
        raise AWSError(400, "ValidationException",
                       f"1 validation error detected: Value '{value}' at '{name}' failed to "
                       f"satisfy constraint: Member must have value between {low} and {high}")
    return value


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "OpsDeckFixture/1"
    state: State = None

    def log_message(self, *args):  # requests are logged to /_fixture/requests instead
        pass

    # ---------------------------------------------------------------- plumbing
    def read_body(self):
        return request_body.read_body(self)

    def send(self, status, body, content_type, extra=None):
        data = body if isinstance(body, bytes) else body.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def send_json(self, status, document, version, extra=None):
        headers = {"x-amzn-RequestId": str(uuid.uuid4())}
        headers.update(extra or {})
        self.send(status, json.dumps(document), f"application/x-amz-json-{version}", headers)

    def send_aws_error(self, error, version):
        self.send_json(error.status, {"__type": error.code, "message": error.message}, version,
                       {"x-amzn-ErrorType": error.code})

    # ---------------------------------------------------------------- routing
    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        if url.path == "/_fixture/requests":
            with self.state.lock:
                entries = list(self.state.requests)
            self.send(200, json.dumps({"requests": entries}), "application/json")
            return
        match = re.fullmatch(r"/repos/([^/]+)/([^/]+)/actions/runs", url.path)
        if match:
            self.github_runs(match.group(1), match.group(2), url)
            return
        self.send(404, json.dumps({"message": "Not Found", "documentation_url": GITHUB_DOCS}),
                  "application/json; charset=utf-8")

    def do_POST(self):
        body = self.read_body()
        url = urllib.parse.urlsplit(self.path)
        if url.path == "/_fixture/data":
            with self.state.lock:
                self.state.data = json.loads(body)
            self.send(200, '{"ok":true}', "application/json")
            return
        if url.path == "/_fixture/reset":
            with self.state.lock:
                self.state.requests = []
            self.send(200, '{"ok":true}', "application/json")
            return
        target = self.headers.get("X-Amz-Target", "")
        prefix, _, operation = target.partition(".")
        service, version = SERVICES.get(prefix, (None, "1.1"))
        entry = {"method": "POST", "path": self.path, "target": target}
        try:
            if service is None:
                raise AWSError(400, "UnknownOperationException", f"Unknown target {target!r}")
            account = self.authenticate(body, service, entry)
            try:
                request = json.loads(body or b"{}")
            except ValueError:
                raise AWSError(400, "SerializationException", "The body is not JSON.") from None
            handler = getattr(self, f"op_{prefix}_{operation}", None)
            if handler is None:
                raise AWSError(400, "UnknownOperationException",
                               f"Operation {operation} is not served by the fixture server")
            status, answer = handler(account, entry, request, body)
            entry["status"] = status
            self.state.log(entry)
            self.send_json(status, answer, version)
        except AWSError as error:
            entry["status"] = error.status
            entry["error"] = error.code
            self.state.log(entry)
            self.send_aws_error(error, version)

    def authenticate(self, body, service, entry):
        header = self.headers.get("Authorization")
        if not header:
            raise AWSError(403, "MissingAuthenticationTokenException",
                           "Missing Authentication Token")
        parsed = AUTH_PATTERN.match(header.strip())
        amz_date = self.headers.get("X-Amz-Date", "")
        if not parsed:
            raise AWSError(403, "IncompleteSignatureException",
                           "Authorization header requires 'Credential', 'SignedHeaders' and "
                           "'Signature' in the AWS4-HMAC-SHA256 form.")
        parsed = parsed.groupdict()
        entry.update({"access_key_id": parsed["key"], "region": parsed["region"],
                      "service": parsed["service"]})
        signed = parsed["signed"].split(";")
        if not AMZ_DATE.match(amz_date) or amz_date[:8] != parsed["date"]:
            raise AWSError(403, "IncompleteSignatureException",
                           "X-Amz-Date is missing, malformed or not the credential's date.")
        if "host" not in signed or "x-amz-date" not in signed:
            raise AWSError(403, "IncompleteSignatureException",
                           "SignedHeaders must include host and x-amz-date.")
        if signed != sorted(signed):
            raise AWSError(403, "IncompleteSignatureException",
                           "SignedHeaders must be sorted.")
        if parsed["service"] != service:
            raise AWSError(403, "InvalidSignatureException",
                           f"Credential should be scoped to correct service: '{service}'.")
        info = self.state.key_info(parsed["key"])
        if info is None:
            if self.state.moto:
                raise AWSError(403, "UnrecognizedClientException",
                               "The security token included in the request is invalid.")
            entry["signature_checked"] = False
            entry["account_id"] = None
            return None
        secret, token, account = info
        entry["account_id"] = account
        sign_check(self, body, parsed, secret, token)
        entry["signature_checked"] = True
        return account

    def block(self, section, account, region=None):
        with self.state.lock:
            blocks = self.state.data.get(section, {})
        for key in ([f"{account}/{region}"] if account and region else []) + (
                [account] if account else []) + ([f"default/{region}"] if region else []) + [
                    "default"]:
            if key in blocks:
                return blocks[key]
        return {}

    # ---------------------------------------------------------------- CodePipeline
    def pipeline(self, account, name, region=None):
        pipelines = self.block("codepipeline", account, region).get("pipelines", {})
        if not name or name not in pipelines:
            raise AWSError(400, "PipelineNotFoundException",
                           f"Account '{account or 'unknown'}' does not have a pipeline with name "
                           f"'{name}'")
        return pipelines[name]

    def op_CodePipeline_20150709_ListPipelines(self, account, entry, request, body):
        pipelines = self.block("codepipeline", account, entry.get("region")).get("pipelines", {})
        summaries = [dict(p.get("summary", {}), name=name) for name, p in sorted(pipelines.items())]
        size = bounded(request.get("maxResults"), 1000, 1, 1000, "maxResults")
        page, token = paginate(summaries, request.get("nextToken"), size,
                               "InvalidNextTokenException")
        return 200, {"pipelines": page, **({"nextToken": token} if token else {})}

    def op_CodePipeline_20150709_ListPipelineExecutions(self, account, entry, request, body):
        pipeline = self.pipeline(account, request.get("pipelineName"), entry.get("region"))
        executions = pipeline.get("executions", [])
        stage = (request.get("filter") or {}).get("succeededInStage", {}).get("stageName")
        if stage:
            executions = [e for e in executions if stage in e.get("succeededInStages", [])]
        executions = [{k: v for k, v in e.items() if k != "succeededInStages"}
                      for e in executions]
        size = bounded(request.get("maxResults"), 100, 1, 100, "maxResults")
        page, token = paginate(executions, request.get("nextToken"), size,
                               "InvalidNextTokenException")
        return 200, {"pipelineExecutionSummaries": page, **({"nextToken": token} if token else {})}

    def op_CodePipeline_20150709_GetPipelineState(self, account, entry, request, body):
        pipeline = self.pipeline(account, request.get("name"), entry.get("region"))
        state = dict(pipeline.get("state", {}))
        state["pipelineName"] = request["name"]
        return 200, state

    # ---------------------------------------------------------------- CloudWatch
    def op_GraniteServiceVersion20100801_DescribeAlarms(self, account, entry, request, body):
        data = self.block("cloudwatch", account, entry.get("region"))
        metric = list(data.get("MetricAlarms", []))
        composite = list(data.get("CompositeAlarms", []))
        if self.state.moto:
            status, answer = self.forward_to_moto(body)
            if status != 200:
                return status, answer
            metric = answer.get("MetricAlarms", []) + metric
        types = request.get("AlarmTypes") or ["MetricAlarm"]  # the documented default
        alarms = (metric if "MetricAlarm" in types else []) + (
            composite if "CompositeAlarm" in types else [])
        if request.get("StateValue"):
            alarms = [a for a in alarms if a.get("StateValue") == request["StateValue"]]
        if request.get("AlarmNames"):
            alarms = [a for a in alarms if a.get("AlarmName") in request["AlarmNames"]]
        if request.get("AlarmNamePrefix"):
            alarms = [a for a in alarms
                      if a.get("AlarmName", "").startswith(request["AlarmNamePrefix"])]
        size = bounded(request.get("MaxRecords"), 50, 1, 100, "maxRecords")
        page, token = paginate(alarms, request.get("NextToken"), size, "InvalidNextToken")
        kept = {id(a) for a in page}
        answer = {"MetricAlarms": [a for a in metric if id(a) in kept],
                  "CompositeAlarms": [a for a in composite if id(a) in kept]}
        if token:
            answer["NextToken"] = token
        return 200, answer

    def forward_to_moto(self, body):
        headers = {k: v for k, v in self.headers.items()
                   if k.lower() not in ("content-length", "connection")}
        request = urllib.request.Request(self.state.moto + self.path, data=body, method="POST",
                                         headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return 200, json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            raw = error.read()
            try:
                return error.code, json.loads(raw)
            except ValueError:
                code = re.search(rb"<Code>([^<]+)</Code>", raw)
                message = re.search(rb"<Message>([^<]*)</Message>", raw)
                raise AWSError(error.code, code.group(1).decode() if code else "MotoError",
                               message.group(1).decode() if message else "moto refused") from None

    # ---------------------------------------------------------------- Cost Explorer
    def op_AWSInsightsIndexService_GetCostForecast(self, account, entry, request, body):
        for name in ("TimePeriod", "Metric", "Granularity"):
            if name not in request:
                raise AWSError(400, "ValidationException", f"{name} is required")
        forecast = self.block("costexplorer", account).get("forecast")
        if forecast is None:
            raise AWSError(400, "DataUnavailableException", "Insufficient amount of historical "
                           "data to generate a forecast.")
        return 200, forecast

    def op_AWSInsightsIndexService_GetAnomalies(self, account, entry, request, body):
        interval = request.get("DateInterval")
        if not interval or "StartDate" not in interval:
            raise AWSError(400, "ValidationException", "DateInterval.StartDate is required")
        anomalies = self.block("costexplorer", account).get("anomalies", [])
        start, end = interval["StartDate"], interval.get("EndDate", "9999-12-31")
        anomalies = [a for a in anomalies
                     if start <= a.get("AnomalyStartDate", "")[:10] <= end]
        if request.get("MonitorArn"):
            anomalies = [a for a in anomalies if a.get("MonitorArn") == request["MonitorArn"]]
        if request.get("Feedback"):
            anomalies = [a for a in anomalies if a.get("Feedback") == request["Feedback"]]
        size = bounded(request.get("MaxResults"), 20, 1, 100, "maxResults")
        page, token = paginate(anomalies, request.get("NextPageToken"), size,
                               "InvalidNextTokenException")
        return 200, {"Anomalies": page, **({"NextPageToken": token} if token else {})}

    # ------------------------------------------- Cost Explorer via moto (metrics-cost)
    # With --moto, GetCostAndUsage goes on to moto as signed (moto answers it, from the
    # seeded canned results), so one endpoint can serve every Cost Explorer operation and a
    # test can count them all in one log. Without --moto there is nothing to answer from.
    def op_AWSInsightsIndexService_GetCostAndUsage(self, account, entry, request, body):
        if not self.state.moto:
            raise AWSError(400, "UnknownOperationException",
                           "GetCostAndUsage is answered by moto: start with --moto")
        return self.forward_to_moto(body)

    # ---------------------------------------------------------------- GitHub
    def github_runs(self, owner, repo, url):
        with self.state.lock:
            github = self.state.data.get("github", {})
        entry = {"method": "GET", "path": self.path, "target": "github.list_workflow_runs"}
        token = github.get("token")
        header = self.headers.get("Authorization", "")
        json_type = "application/json; charset=utf-8"
        self.github_note_headers(entry, header)
        if self.github_rate_limited(github, entry, json_type):
            return
        if token and header not in (f"Bearer {token}", f"token {token}"):
            entry["status"] = 401
            self.state.log(entry)
            self.send(401, json.dumps({"message": "Bad credentials",
                                       "documentation_url": "https://docs.github.com/rest"}),
                      json_type)
            return
        runs = github.get("repos", {}).get(f"{owner}/{repo}")
        if runs is None:
            entry["status"] = 404
            self.state.log(entry)
            self.send(404, json.dumps({"message": "Not Found", "documentation_url": GITHUB_DOCS}),
                      json_type)
            return
        query = dict(urllib.parse.parse_qsl(url.query))
        for name in ("branch", "event"):
            if name in query:
                key = "head_branch" if name == "branch" else "event"
                runs = [r for r in runs if r.get(key) == query[name]]
        if "status" in query:
            runs = [r for r in runs
                    if query["status"] in (r.get("status"), r.get("conclusion"))]
        try:
            per_page = min(max(int(query.get("per_page", 30)), 1), 100)
            page = max(int(query.get("page", 1)), 1)
        except ValueError:
            per_page, page = 30, 1
        last = max((len(runs) + per_page - 1) // per_page, 1)
        chunk = runs[(page - 1) * per_page: page * per_page]
        links = []
        base = f"http://{self.headers.get('Host')}{url.path}"

        def link(number, rel):
            params = dict(query, per_page=str(per_page), page=str(number))
            return f'<{base}?{urllib.parse.urlencode(params)}>; rel="{rel}"'

        if page > 1:
            links.append(link(min(page - 1, last), "prev"))
        if page < last:
            links.append(link(page + 1, "next"))
            links.append(link(last, "last"))
        if page > 1:
            links.append(link(1, "first"))
        extra = {"Link": ", ".join(links)} if links else {}
        extra["X-GitHub-Request-Id"] = uuid.uuid4().hex.upper()[:20]
        entry["status"] = 200
        self.state.log(entry)
        self.send(200, json.dumps({"total_count": len(runs), "workflow_runs": chunk}), json_type,
                  extra)

    # ------------------------------------------------ GitHub: headers and rate limit
    # (pipelines-gh) What a client sent, for tests, without the token itself; and the
    # documented rate-limit answer when the data has "rate_limit": {"status", "reset"}.
    def github_note_headers(self, entry, authorization):
        entry["accept"] = self.headers.get("Accept")
        entry["api_version"] = self.headers.get("X-GitHub-Api-Version")
        entry["user_agent"] = self.headers.get("User-Agent")
        entry["auth_scheme"] = authorization.split(" ", 1)[0] if authorization else None

    def github_rate_limited(self, github, entry, json_type):
        limit = github.get("rate_limit")
        if not limit:
            return False
        status = int(limit.get("status", 403))
        reset = int(limit.get("reset", 0))
        headers = {"x-ratelimit-limit": str(limit.get("limit", 5000)),
                   "x-ratelimit-remaining": "0", "x-ratelimit-used": str(limit.get("limit", 5000)),
                   "x-ratelimit-reset": str(reset), "x-ratelimit-resource": "core",
                   "X-GitHub-Request-Id": uuid.uuid4().hex.upper()[:20]}
        entry["status"] = status
        self.state.log(entry)
        message = ("API rate limit exceeded for user ID 1. If you reach out to GitHub Support "
                   "for help, please include the request ID.")
        self.send(status, json.dumps({
            "message": message,
            "documentation_url": "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"}),
            json_type, headers)
        return True


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", help="JSON file with the data to serve")
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: any free)")
    parser.add_argument("--moto", help="moto_server URL, for keys and metric alarms")
    args = parser.parse_args()
    orphan_guard.exit_with_parent()
    with open(args.data, encoding="utf-8") as handle:
        data = json.load(handle)
    Handler.state = State(data, args.moto)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print(f"PORT {server.server_address[1]}", flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
