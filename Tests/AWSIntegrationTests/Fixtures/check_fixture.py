#!/usr/bin/env python3
"""Exercises fixture_server.py with boto3 (whose parsers follow the AWS service models) and
urllib (GitHub), against the data in fixture_data.json.

    python3 check_fixture.py http://127.0.0.1:PORT DATA.json

Prints {"ok": bool, "checks": [{"name", "ok", "detail"}]} and exits 1 when a check fails.
"""

import datetime as dt
import json
import sys
import urllib.error
import urllib.request

import boto3
import botocore.session
from botocore.config import Config
from botocore.exceptions import ClientError

CONFIG = Config(retries={"total_max_attempts": 1, "mode": "standard"}, connect_timeout=5,
                read_timeout=30)
KEY_ONE = "AKIAFIXTURE000000001"
KEY_TWO = "AKIAFIXTURE000000002"


def unparsed_keys(data, parsed, path=""):
    """Keys present in the served data that botocore's parser dropped: a member the model
    does not have, so the data (or the server) is off the documented shape."""
    missing = []
    if isinstance(data, dict):
        for key, value in data.items():
            if not isinstance(parsed, dict) or key not in parsed:
                missing.append(f"{path}.{key}")
            else:
                missing += unparsed_keys(value, parsed[key], f"{path}.{key}")
    elif isinstance(data, list) and isinstance(parsed, list):
        for index, (a, b) in enumerate(zip(data, parsed)):
            missing += unparsed_keys(a, b, f"{path}[{index}]")
    return missing


class Checker:
    def __init__(self, endpoint, data):
        self.endpoint = endpoint.rstrip("/")
        self.data = data
        session = botocore.session.get_session()
        session.set_config_variable("config_file", "/dev/null")
        session.set_config_variable("credentials_file", "/dev/null")
        self.boto = boto3.Session(botocore_session=session)
        self.checks = []

    def client(self, service, key=KEY_ONE, region="us-east-1", secret=None):
        secret = secret or self.data["credentials"].get(key, {}).get(
            "secret_access_key", "unknown")
        return self.boto.client(service, region_name=region, endpoint_url=self.endpoint,
                                aws_access_key_id=key, aws_secret_access_key=secret,
                                config=CONFIG)

    def record(self, name, ok, detail=""):
        self.checks.append({"name": name, "ok": bool(ok), "detail": detail})

    def expect_equal(self, name, actual, expected):
        ok = actual == expected
        self.record(name, ok, "" if ok else f"expected {expected!r}, got {actual!r}")

    def expect_error(self, name, call, code):
        try:
            call()
            self.record(name, False, f"expected {code}, the call succeeded")
        except ClientError as error:
            self.expect_equal(name, error.response["Error"]["Code"], code)

    def run(self):
        self.codepipeline()
        self.cloudwatch()
        self.cost_explorer()
        self.authentication()
        self.github()
        return all(c["ok"] for c in self.checks)

    def codepipeline(self):
        pipelines = self.data["codepipeline"]
        cp = self.client("codepipeline")
        listed = cp.list_pipelines(maxResults=1)
        names = [p["name"] for p in listed["pipelines"]]
        names += [p["name"] for p in cp.list_pipelines(nextToken=listed["nextToken"])["pipelines"]]
        self.expect_equal("ListPipelines pages", names, sorted(pipelines["default"]["pipelines"]))
        other = self.client("codepipeline", KEY_TWO).list_pipelines()["pipelines"]
        self.expect_equal("ListPipelines per account", [p["name"] for p in other],
                          sorted(pipelines["222222222222"]["pipelines"]))

        served = pipelines["default"]["pipelines"]["payments-api-deploy"]
        executions = []
        for page in cp.get_paginator("list_pipeline_executions").paginate(
                pipelineName="payments-api-deploy", PaginationConfig={"PageSize": 2}):
            executions += page["pipelineExecutionSummaries"]
        self.expect_equal("ListPipelineExecutions pages",
                          [(e["pipelineExecutionId"], e["status"]) for e in executions],
                          [(e["pipelineExecutionId"], e["status"]) for e in served["executions"]])
        first = served["executions"][0]
        self.expect_equal("execution startTime is epoch seconds",
                          executions[0]["startTime"],
                          dt.datetime.fromtimestamp(first["startTime"], dt.timezone.utc))
        expected = [{k: v for k, v in e.items() if k != "succeededInStages"}
                    for e in served["executions"]]
        raw = [dict(e) for e in executions]
        self.expect_equal("executions in the documented shape", unparsed_keys(expected, raw), [])
        deployed = cp.list_pipeline_executions(
            pipelineName="payments-api-deploy",
            filter={"succeededInStage": {"stageName": "Deploy"}})["pipelineExecutionSummaries"]
        self.expect_equal("ListPipelineExecutions succeededInStage filter", len(deployed),
                          sum("Deploy" in e["succeededInStages"] for e in served["executions"]))

        state = cp.get_pipeline_state(name="payments-api-deploy")
        self.expect_equal("GetPipelineState stages",
                          [(s["stageName"], s["latestExecution"]["status"])
                           for s in state["stageStates"]],
                          [(s["stageName"], s["latestExecution"]["status"])
                           for s in served["state"]["stageStates"]])
        self.expect_equal("pipeline state in the documented shape",
                          unparsed_keys(served["state"], state), [])
        self.expect_error("unknown pipeline",
                          lambda: cp.get_pipeline_state(name="no-such-pipeline"),
                          "PipelineNotFoundException")

    def cloudwatch(self):
        block = self.data["cloudwatch"]["default/us-east-1"]
        cw = self.client("cloudwatch")
        default = cw.describe_alarms()
        self.expect_equal("DescribeAlarms without AlarmTypes: metric alarms only",
                          (len(default["MetricAlarms"]), len(default["CompositeAlarms"])),
                          (len(block["MetricAlarms"]), 0))
        both = cw.describe_alarms(AlarmTypes=["CompositeAlarm", "MetricAlarm"])
        self.expect_equal("DescribeAlarms composite alarms",
                          [(a["AlarmName"], a["StateValue"], a["AlarmRule"])
                           for a in both["CompositeAlarms"]],
                          [(a["AlarmName"], a["StateValue"], a["AlarmRule"])
                           for a in block["CompositeAlarms"]])
        self.expect_equal("composite alarms in the documented shape",
                          unparsed_keys(block["CompositeAlarms"], both["CompositeAlarms"]), [])
        self.expect_equal("metric alarms in the documented shape",
                          unparsed_keys(block["MetricAlarms"], both["MetricAlarms"]), [])
        firing = cw.describe_alarms(AlarmTypes=["CompositeAlarm", "MetricAlarm"],
                                    StateValue="ALARM")
        self.expect_equal("DescribeAlarms StateValue filter",
                          sorted(a["AlarmName"] for a in firing["MetricAlarms"]
                                 + firing["CompositeAlarms"]),
                          sorted(a["AlarmName"] for a in block["MetricAlarms"]
                                 + block["CompositeAlarms"] if a["StateValue"] == "ALARM"))
        names, token, pages = [], None, 0
        while pages < 20:
            page = cw.describe_alarms(AlarmTypes=["CompositeAlarm", "MetricAlarm"], MaxRecords=1,
                                      **({"NextToken": token} if token else {}))
            names += [a["AlarmName"] for a in page["MetricAlarms"] + page["CompositeAlarms"]]
            pages += 1
            token = page.get("NextToken")
            if not token:
                break
        self.expect_equal("DescribeAlarms NextToken pages", (pages, len(names)),
                          (len(block["MetricAlarms"]) + len(block["CompositeAlarms"]),) * 2)
        west = self.client("cloudwatch", region="us-west-2").describe_alarms(
            AlarmTypes=["CompositeAlarm"])
        west_block = self.data["cloudwatch"]["default/us-west-2"]
        self.expect_equal("DescribeAlarms per region",
                          [a["AlarmName"] for a in west["CompositeAlarms"]],
                          [a["AlarmName"] for a in west_block["CompositeAlarms"]])
        self.expect_error("DescribeAlarms bad NextToken",
                          lambda: cw.describe_alarms(NextToken="bm90LWEtdG9rZW4="),
                          "InvalidNextToken")

    def cost_explorer(self):
        block = self.data["costexplorer"]["default"]
        ce = self.client("ce")
        forecast = ce.get_cost_forecast(TimePeriod={"Start": "2026-11-24", "End": "2026-12-01"},
                                        Metric="UNBLENDED_COST", Granularity="MONTHLY")
        self.expect_equal("GetCostForecast total", forecast["Total"], block["forecast"]["Total"])
        self.expect_equal("forecast in the documented shape",
                          unparsed_keys(block["forecast"], forecast), [])
        anomalies, token, pages = [], None, 0
        while pages < 20:
            page = ce.get_anomalies(DateInterval={"StartDate": "2026-11-01",
                                                  "EndDate": "2026-11-30"}, MaxResults=1,
                                    **({"NextPageToken": token} if token else {}))
            anomalies += page["Anomalies"]
            pages += 1
            token = page.get("NextPageToken")
            if not token:
                break
        expected = [a for a in block["anomalies"] if "2026-11-01" <= a["AnomalyStartDate"]
                    <= "2026-11-30"]
        self.expect_equal("GetAnomalies interval and pages", [a["AnomalyId"] for a in anomalies],
                          [a["AnomalyId"] for a in expected])
        self.expect_equal("anomalies in the documented shape",
                          unparsed_keys(expected, anomalies), [])

    def authentication(self):
        def post(headers, body=b"{}"):
            request = urllib.request.Request(self.endpoint + "/", data=body, method="POST",
                                             headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    return response.status, json.loads(response.read())
            except urllib.error.HTTPError as error:
                return error.code, json.loads(error.read())

        target = {"X-Amz-Target": "CodePipeline_20150709.ListPipelines",
                  "Content-Type": "application/x-amz-json-1.1"}
        self.expect_equal("no Authorization header", post(target),
                          (403, {"__type": "MissingAuthenticationTokenException",
                                 "message": "Missing Authentication Token"}))
        status, body = post(dict(target, Authorization="Bearer something"))
        self.expect_equal("not SigV4", (status, body["__type"]),
                          (403, "IncompleteSignatureException"))
        self.expect_error("wrong secret", lambda: self.client(
            "codepipeline", secret="not-the-secret").list_pipelines(),
            "InvalidSignatureException")
        # Signed for Cost Explorer, sent to CodePipeline.
        ce = self.client("ce")
        ce.meta.events.register("before-sign.ce.GetCostForecast", lambda request, **_: (
            request.headers.replace_header("X-Amz-Target", target["X-Amz-Target"])))
        self.expect_error("credential scoped to another service", lambda: ce.get_cost_forecast(
            TimePeriod={"Start": "2026-11-24", "End": "2026-12-01"}, Metric="UNBLENDED_COST",
            Granularity="MONTHLY"), "InvalidSignatureException")
        unknown = self.client("codepipeline", key="AKIAUNKNOWNFIXTURE00")
        self.expect_equal("unknown key passes on structure alone",
                          len(unknown.list_pipelines()["pipelines"]),
                          len(self.data["codepipeline"]["default"]["pipelines"]))
        with urllib.request.urlopen(self.endpoint + "/_fixture/requests", timeout=10) as response:
            log = json.loads(response.read())["requests"]
        unchecked = [r for r in log if r.get("access_key_id") == "AKIAUNKNOWNFIXTURE00"]
        checked = [r for r in log if r.get("access_key_id") == KEY_ONE and r.get("status") == 200]
        self.expect_equal("request log marks what was verified",
                          ({r.get("signature_checked") for r in unchecked},
                           {r.get("signature_checked") for r in checked},
                           {r.get("account_id") for r in checked}),
                          ({False}, {True}, {"111111111111"}))

    def github(self):
        github = self.data["github"]
        runs = github["repos"]["opsdeck-example/payments-api"]

        def get(path, token=github["token"]):
            headers = {"Accept": "application/vnd.github+json"}
            if token:
                headers["Authorization"] = f"Bearer {token}"
            request = urllib.request.Request(path if path.startswith("http")
                                             else self.endpoint + path, headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    return response.status, dict(response.headers), json.loads(response.read())
            except urllib.error.HTTPError as error:
                return error.code, dict(error.headers), json.loads(error.read())

        def links(header):
            found = {}
            for part in (header or "").split(","):
                if ";" in part:
                    url, rel = part.split(";", 1)
                    found[rel.strip().removeprefix('rel="').removesuffix('"')] = url.strip()[1:-1]
            return found

        path = "/repos/opsdeck-example/payments-api/actions/runs?per_page=3"
        status, headers, body = get(path)
        first_links = links(headers.get("Link"))
        self.expect_equal("GitHub first page", (status, body["total_count"],
                                                len(body["workflow_runs"]),
                                                sorted(first_links)),
                          (200, len(runs), 3, ["last", "next"]))
        seen = [r["id"] for r in body["workflow_runs"]]
        following, pages = first_links.get("next"), 1
        while following and pages < 20:
            status, headers, body = get(following)
            seen += [r["id"] for r in body["workflow_runs"]]
            following = links(headers.get("Link")).get("next")
            pages += 1
        self.expect_equal("GitHub Link pages", (pages, seen), (3, [r["id"] for r in runs]))
        self.expect_equal("GitHub last page links", sorted(links(headers.get("Link"))),
                          ["first", "prev"])
        status, _, body = get("/repos/opsdeck-example/payments-api/actions/runs?status=success")
        self.expect_equal("GitHub status filter", [r["id"] for r in body["workflow_runs"]],
                          [r["id"] for r in runs if r["conclusion"] == "success"])
        status, _, body = get("/repos/opsdeck-example/payments-api/actions/runs", token=None)
        self.expect_equal("GitHub without a token", (status, body["message"]),
                          (401, "Bad credentials"))
        status, _, body = get("/repos/opsdeck-example/missing/actions/runs")
        self.expect_equal("GitHub unknown repository", (status, body["message"]),
                          (404, "Not Found"))


def main():
    if len(sys.argv) != 3:
        raise SystemExit("usage: check_fixture.py ENDPOINT DATA.json")
    with open(sys.argv[2], encoding="utf-8") as handle:
        data = json.load(handle)
    checker = Checker(sys.argv[1], data)
    try:
        ok = checker.run()
    except Exception as error:  # report, as a failed check, whatever stopped the run
        checker.record("check run", False, f"{type(error).__name__}: {error}")
        ok = False
    json.dump({"ok": ok, "checks": checker.checks}, sys.stdout)
    sys.stdout.write("\n")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
