#!/usr/bin/env python3
"""Reads a seeded moto_server back with boto3 and compares it with the seed manifest.

    python3 check_seed.py MANIFEST.json

Prints {"ok": bool, "checks": [{"name", "ok", "detail"}]} on stdout and exits 1 when a
check fails. Uses only the admin key from the manifest and roles it assumes, so it also
proves the seeded org works with signature checking on. Never prints a secret.
"""

import json
import sys
import urllib.request

import boto3
import botocore.session
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials
from botocore.exceptions import ClientError

CONFIG = Config(retries={"total_max_attempts": 1, "mode": "standard"}, connect_timeout=5,
                read_timeout=30)


def canonical(document):
    if isinstance(document, str):
        document = json.loads(document)
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class Checker:
    def __init__(self, manifest):
        self.manifest = manifest
        self.endpoint = manifest["endpoint"]
        session = botocore.session.get_session()
        session.set_config_variable("config_file", "/dev/null")
        session.set_config_variable("credentials_file", "/dev/null")
        self.boto = boto3.Session(botocore_session=session)
        self.admin = {"AccessKeyId": manifest["admin_access_key_id"],
                      "SecretAccessKey": manifest["admin_secret_access_key"]}
        self.checks = []

    def client(self, service, creds, region="us-east-1"):
        return self.boto.client(
            service, region_name=region, endpoint_url=self.endpoint, config=CONFIG,
            aws_access_key_id=creds["AccessKeyId"],
            aws_secret_access_key=creds["SecretAccessKey"],
            aws_session_token=creds.get("SessionToken"))

    def record(self, name, ok, detail=""):
        self.checks.append({"name": name, "ok": bool(ok), "detail": detail})

    def expect_equal(self, name, actual, expected):
        ok = actual == expected
        self.record(name, ok, "" if ok else f"expected {expected!r}, got {actual!r}")

    def assume(self, account_id, role="OpsDeckReadOnly"):
        sts = self.client("sts", self.admin)
        arn = f"arn:aws:iam::{account_id}:role/{role}"
        return sts.assume_role(RoleArn=arn, RoleSessionName="opsdeck-check")["Credentials"]

    def run(self):
        m = self.manifest
        accounts = {a["id"]: a for a in m["accounts"]}
        org = self.client("organizations", self.admin)

        identity = self.client("sts", self.admin).get_caller_identity()
        self.expect_equal("admin identity", identity["Arn"], m["admin_user"]["arn"])
        described = org.describe_organization()["Organization"]
        self.expect_equal("organization id", described["Id"], m["organization"]["id"])

        listed = []
        for page in org.get_paginator("list_accounts").paginate(PaginationConfig={"PageSize": 5}):
            listed.extend(page["Accounts"])
        self.expect_equal("accounts listed (paged by 5)",
                          sorted((a["Id"], a["Name"], a["Email"]) for a in listed),
                          sorted((a["id"], a["name"], a["email"]) for a in m["accounts"]))

        ou_names = {ou["id"]: ou["path"] for ou in m["organizational_units"]}
        ou_names[m["organization"]["root_id"]] = ""
        placement = {a["Id"]: ou_names.get(org.list_parents(ChildId=a["Id"])["Parents"][0]["Id"])
                     for a in listed}
        self.expect_equal("accounts in their OUs", placement,
                          {a["id"]: a["ou_path"] for a in m["accounts"]})
        tags = {a["Id"]: {t["Key"]: t["Value"]
                          for t in org.list_tags_for_resource(ResourceId=a["Id"])["Tags"]}
                for a in listed}
        self.expect_equal("account tags", tags, {a["id"]: a["tags"] for a in m["accounts"]})

        # The admin user can take the role AWS creates in every member account.
        first_member = next(a for a in m["accounts"] if not a["management"])
        access = self.assume(first_member["id"], m["read_role_name"])
        self.expect_equal(
            f"admin assumes {m['read_role_name']}",
            self.client("sts", access).get_caller_identity()["Arn"],
            f"arn:aws:sts::{first_member['id']}:assumed-role/{m['read_role_name']}/opsdeck-check")

        # Two member accounts, one of each kind of drift, through the read role.
        drift = {(d["account_id"], d["role"]): d["kind"] for d in m["role_drift"]}
        for account_id in sorted({d["account_id"] for d in m["role_drift"]}):
            creds = self.assume(account_id)
            iam = self.client("iam", creds)
            roles = []
            for page in iam.get_paginator("list_roles").paginate(PaginationConfig={"PageSize": 2}):
                roles.extend(page["Roles"])
            name = accounts[account_id]["name"]
            self.expect_equal(
                f"roles of {name}",
                sorted((r["RoleName"], r["Path"], canonical(r["AssumeRolePolicyDocument"]))
                       for r in roles),
                sorted((r["name"], r["path"], canonical(r["trust_policy"]))
                       for r in m["roles"][account_id]))
            names = {r["RoleName"] for r in roles}
            if drift.get((account_id, "DeployRole")) == "missing":
                self.record(f"{name} lacks DeployRole", "DeployRole" not in names)
            breakglass = iam.list_role_tags(RoleName="BreakGlassAdmin")["Tags"]
            self.expect_equal(f"{name} BreakGlassAdmin tags",
                              {t["Key"]: t["Value"] for t in breakglass}, {"breakglass": "true"})
            self.expect_equal(f"{name} alias", iam.list_account_aliases()["AccountAliases"],
                              [accounts[account_id]["alias"]])
            try:
                iam.create_role(RoleName="NotAllowed", AssumeRolePolicyDocument="{}")
                self.record(f"{name} read role cannot write", False, "CreateRole succeeded")
            except ClientError as error:
                self.expect_equal(f"{name} read role cannot write",
                                  error.response["Error"]["Code"], "AccessDenied")

        # Alarms, every seeded account and both regions.
        seen = []
        for account_id in sorted({a["account_id"] for a in m["alarms"]}):
            creds = (self.admin if accounts[account_id]["management"]
                     else self.assume(account_id))
            for region in m["regions"]:
                cw = self.client("cloudwatch", creds, region)
                for alarm in cw.describe_alarms()["MetricAlarms"]:
                    seen.append((account_id, region, alarm["AlarmName"], alarm["StateValue"]))
        self.expect_equal("alarms in both regions", sorted(seen),
                          sorted((a["account_id"], a["region"], a["name"], a["state"])
                                 for a in m["alarms"]))

        budgets = self.client("budgets", self.admin).describe_budgets(
            AccountId=m["organization"]["management_account_id"])["Budgets"]
        self.expect_equal("budgets", sorted((b["BudgetName"],
                                             b["CalculatedSpend"]["ActualSpend"]["Amount"])
                                            for b in budgets),
                          sorted((b["name"], b["actual"]) for b in m["budgets"]))

        for project in m["codebuild"]:
            creds = self.assume(project["account_id"])
            ids = self.client("codebuild", creds).list_builds_for_project(
                projectName=project["project"])["ids"]
            self.expect_equal(f"builds of {project['project']}", sorted(ids),
                              sorted(project["build_ids"]))
        for cluster in m["ecs"]:
            creds = self.assume(cluster["account_id"])
            arns = self.client("ecs", creds, cluster["region"]).list_services(
                cluster=cluster["cluster"])["serviceArns"]
            self.expect_equal(f"services of {cluster['cluster']}", sorted(arns),
                              sorted(s["arn"] for s in cluster["services"]))

        for request in m["cost_explorer"]["requests"]:
            answer = self.signed_json("ce", "us-east-1", request["target"], request["body"])
            self.expect_equal(f"cost {request['name']} periods", len(answer["ResultsByTime"]),
                              request["result_periods"])
            self.expect_equal(f"cost {request['name']} token", answer.get("NextPageToken"),
                              request["next_page_token"])

        bad = dict(self.admin, SecretAccessKey="not-the-secret")
        try:
            self.client("sts", bad).get_caller_identity()
            self.record("bad signature rejected", False, "GetCallerIdentity succeeded")
        except ClientError as error:
            self.expect_equal("bad signature rejected", error.response["Error"]["Code"],
                              "SignatureDoesNotMatch")
        return all(c["ok"] for c in self.checks)

    def signed_json(self, service, region, target, body):
        url = self.endpoint + "/"
        request = AWSRequest(method="POST", url=url, data=body.encode(), headers={
            "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": target})
        SigV4Auth(Credentials(self.admin["AccessKeyId"], self.admin["SecretAccessKey"]),
                  service, region).add_auth(request)
        prepared = urllib.request.Request(url, data=body.encode(), method="POST",
                                          headers=dict(request.headers.items()))
        with urllib.request.urlopen(prepared, timeout=30) as response:
            return json.loads(response.read())


def main():
    if len(sys.argv) != 2:
        raise SystemExit("usage: check_seed.py MANIFEST.json")
    with open(sys.argv[1], encoding="utf-8") as handle:
        manifest = json.load(handle)
    checker = Checker(manifest)
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
