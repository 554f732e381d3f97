#!/usr/bin/env python3
"""Drives fault_proxy.py (in front of a seeded moto) with boto3 and checks every fault kind,
including one account failing while the others pass.

    python3 check_proxy.py http://127.0.0.1:PROXY MANIFEST.json

Prints {"ok": bool, "checks": [{"name", "ok", "detail"}]} and exits 1 when a check fails.
Never prints a secret.
"""

import json
import sys
import urllib.error
import urllib.request

import boto3
import botocore.session
from botocore.config import Config
from botocore.exceptions import ClientError, HTTPClientError, ReadTimeoutError


def config(read_timeout=30):
    return Config(retries={"total_max_attempts": 1, "mode": "standard"}, connect_timeout=5,
                  read_timeout=read_timeout)


class Checker:
    def __init__(self, proxy, manifest):
        self.proxy = proxy.rstrip("/")
        self.manifest = manifest
        session = botocore.session.get_session()
        session.set_config_variable("config_file", "/dev/null")
        session.set_config_variable("credentials_file", "/dev/null")
        self.boto = boto3.Session(botocore_session=session)
        self.admin = {"AccessKeyId": manifest["admin_access_key_id"],
                      "SecretAccessKey": manifest["admin_secret_access_key"]}
        self.checks = []
        self.by_name = {a["name"]: a for a in manifest["accounts"]}

    def client(self, service, creds, region="us-east-1", read_timeout=30):
        return self.boto.client(
            service, region_name=region, endpoint_url=self.proxy, config=config(read_timeout),
            aws_access_key_id=creds["AccessKeyId"],
            aws_secret_access_key=creds["SecretAccessKey"],
            aws_session_token=creds.get("SessionToken"))

    def control(self, path, document=None):
        data = json.dumps(document).encode() if document is not None else None
        request = urllib.request.Request(self.proxy + path, data=data,
                                         method="POST" if data is not None else "GET")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())

    def record(self, name, ok, detail=""):
        self.checks.append({"name": name, "ok": bool(ok), "detail": detail})

    def expect_equal(self, name, actual, expected):
        ok = actual == expected
        self.record(name, ok, "" if ok else f"expected {expected!r}, got {actual!r}")

    def outcome(self, call):
        """What a call came to: "ok", the AWS error code and status, or the exception."""
        try:
            call()
            return "ok"
        except ClientError as error:
            return (error.response["Error"]["Code"],
                    error.response["ResponseMetadata"]["HTTPStatusCode"])
        except ReadTimeoutError:
            return "read timeout"
        except HTTPClientError as error:  # reset or closed without an answer
            return "connection: " + type(error).__name__

    def run(self):
        m = self.manifest
        prod = self.by_name["payments-prod"]["id"]
        search = self.by_name["search-prod"]["id"]
        status, _ = self.control("/_proxy/rules", {"rules": [{"fault": "nope"}]})
        self.expect_equal("a bad rule is refused", status, 400)
        status, _ = self.control("/_proxy/rules", {
            "accounts": {self.admin["AccessKeyId"]: m["organization"]["management_account_id"]},
            "rules": [
                {"id": "prod-throttled", "match": {"account": prod, "service": "monitoring"},
                 "fault": "throttle", "times": 2},
                {"id": "roles-throttled", "match": {"action": "ListRoles", "account": search},
                 "fault": "throttle", "times": 1},
                {"id": "ce-500", "match": {"target": "AWSInsightsIndexService.GetCostAndUsage"},
                 "fault": "error", "times": 1},
                {"id": "budgets-503", "match": {"target_prefix": "AWSBudgetServiceGateway."},
                 "fault": "error", "status": 503, "code": "ServiceUnavailable", "times": 1},
                {"id": "caller-reset", "match": {"action": "GetCallerIdentity"},
                 "fault": "reset", "times": 1},
                {"id": "caller-close", "match": {"action": "GetCallerIdentity"},
                 "fault": "close", "times": 1},
                {"id": "orgs-slow", "match": {"target_prefix": "AWSOrganizationsV20161128."},
                 "fault": "delay", "delay_ms": 1500, "times": 1, "skip": 1},
            ]})
        self.expect_equal("rules accepted", status, 200)

        sts = self.client("sts", self.admin)
        creds = {}
        for account in (prod, search):
            creds[account] = sts.assume_role(
                RoleArn=f"arn:aws:iam::{account}:role/OpsDeckReadOnly",
                RoleSessionName="opsdeck-proxy-check")["Credentials"]
        _, stats = self.control("/_proxy/stats")
        self.expect_equal("accounts learned from AssumeRole",
                          {stats["accounts"].get(creds[a]["AccessKeyId"]) for a in creds},
                          {prod, search})

        # One account throttled (twice), the other untouched.
        prod_cw = self.client("cloudwatch", creds[prod])
        search_cw = self.client("cloudwatch", creds[search], "us-west-2")
        self.expect_equal("other account passes", self.outcome(search_cw.describe_alarms), "ok")
        self.expect_equal("throttled account, JSON protocol",
                          [self.outcome(prod_cw.describe_alarms) for _ in range(3)],
                          [("ThrottlingException", 400)] * 2 + ["ok"])
        self.expect_equal("throttled, query protocol (XML)",
                          [self.outcome(self.client("iam", creds[a]).list_roles)
                           for a in (prod, search, search)],
                          ["ok", ("Throttling", 400), "ok"])

        body = m["cost_explorer"]["requests"][0]["request"]
        ce = self.client("ce", self.admin)
        self.expect_equal("HTTP 500, JSON", [self.outcome(lambda: ce.get_cost_and_usage(**body))
                                             for _ in range(2)],
                          [("InternalFailure", 500), "ok"])
        budgets = self.client("budgets", self.admin)
        self.expect_equal("HTTP 503 with a chosen code", self.outcome(
            lambda: budgets.describe_budgets(AccountId=m["organization"]["management_account_id"])),
            ("ServiceUnavailable", 503))

        caller = self.client("sts", self.admin).get_caller_identity
        first, second, third = (self.outcome(caller) for _ in range(3))
        self.expect_equal("reset then close then answered",
                          (first.startswith("connection:"), second.startswith("connection:"),
                           third), (True, True, "ok"))

        # Only the delayed call has a short read timeout: the 1.5 s delay always outlasts
        # it, while a busy machine cannot make the undelayed calls time out.
        orgs = self.client("organizations", self.admin)
        impatient = self.client("organizations", self.admin, read_timeout=0.3)
        self.expect_equal("delay (skip 1, then slower than the read timeout, then normal)",
                          [self.outcome(orgs.describe_organization),
                           self.outcome(impatient.describe_organization),
                           self.outcome(orgs.describe_organization)],
                          ["ok", "read timeout", "ok"])

        _, stats = self.control("/_proxy/stats")
        self.expect_equal("per-rule counters",
                          {r["id"]: (r["matched"], r["injected"], r["remaining"])
                           for r in stats["rules"]},
                          {"prod-throttled": (3, 2, 0), "roles-throttled": (2, 1, 0),
                           "ce-500": (2, 1, 0), "budgets-503": (1, 1, 0),
                           "caller-reset": (3, 1, 0), "caller-close": (2, 1, 0),
                           "orgs-slow": (3, 1, 0)})
        self.expect_equal("fault counters", stats["injected"],
                          {"close": 1, "delay": 1, "error": 2, "reset": 1, "throttle": 3})
        self.expect_equal("requests seen and forwarded",
                          (stats["requests"], stats["forwarded"]),
                          (2 + 1 + 3 + 3 + 2 + 1 + 3 + 3, 2 + 1 + 1 + 2 + 1 + 1 + 3))
        _, log = self.control("/_proxy/log")
        self.expect_equal("log names the fault per request",
                          sum(1 for r in log["requests"] if r["fault"]), 8)
        status, stats = self.control("/_proxy/reset", {})
        self.expect_equal("reset zeroes the counters", (status, stats["requests"],
                                                        stats["rules"][0]["injected"]), (200, 0, 0))
        return all(c["ok"] for c in self.checks)


def main():
    if len(sys.argv) != 3:
        raise SystemExit("usage: check_proxy.py PROXY MANIFEST.json")
    with open(sys.argv[2], encoding="utf-8") as handle:
        manifest = json.load(handle)
    checker = Checker(sys.argv[1], manifest)
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
