#!/usr/bin/env python3
"""The calls of one `opsdeck refresh`, made with boto3 one after another: the baseline of
the AWS refresh benchmark (docs/performance.md, "AWS refresh against moto").

    AWS_ACCESS_KEY_ID=... AWS_SECRET_ACCESS_KEY=... \\
    python3 boto3_refresh.py --endpoint http://127.0.0.1:PORT [--region us-east-1 --region us-west-2]
                             [--role-name OrganizationAccountAccessRole] [--today YYYY-MM-DD]

Prints one JSON object on stdout: {"seconds", "calls", "by_action": {"service Action": n},
"accounts", "regions"}. Nothing secret is printed.

The same calls as OpsDeckSync.Refresher on main, in the same order within each fetch:
- organization (management keys): GetCallerIdentity, DescribeOrganization, ListRoots, then
  breadth first ListAccountsForParent and ListOrganizationalUnitsForParent for each
  parent, then ListTagsForResource for each account (every list followed to its end);
- cost (management keys, us-east-1): GetCostAndUsage daily by linked account and by
  service (90 days), monthly by both (3 months), GetCostForecast (unless today is the
  month's last day), GetAnomalies (30 days), DescribeBudgets;
- each active account: one AssumeRole of the read role (the management account uses its
  own keys); roles: ListRoles, ListRoleTags for each role listed without tags,
  ListAccountAliases; then in each region alarms: DescribeAlarms for metric and composite
  alarms (an endpoint without composite alarms, moto, is asked again for metric alarms),
  GetMetricData (500 queries a call) for the newest 100 single-metric alarms in ALARM
  over the last 3 hours; pipelines: ListPipelines, ListPipelineExecutions (newest 10)
  for each pipeline and GetPipelineState for a pipeline with a running, queued, failed
  or stopped execution (an endpoint without executions, moto, ends the CodePipeline
  part at the first), ListProjects, ListBuildsForProject (newest 20) for each project,
  BatchGetBuilds, ListClusters, ListServices for each cluster, DescribeServices (10 a call).

One attempt per call, as a refresh without faults makes: botocore's retries would turn
moto's HTML 500 for a missing operation into three calls where OpsDeck makes one.
Cost Explorer bodies are sent with sorted keys and no spaces, as OpsDeck sends them,
because moto answers the seeded Cost Explorer results by exact body.
"""

import argparse
import collections
import datetime as dt
import json
import os
import sys
import time

import boto3
import botocore.session
from botocore.config import Config
from botocore.exceptions import ClientError

COMPOSITE_AND_METRIC = ["CompositeAlarm", "MetricAlarm"]
BUILDS_PER_PROJECT = 20
DESCRIBE_SERVICES_LIMIT = 10
BATCH_GET_BUILDS_LIMIT = 100
EXECUTIONS_PER_PIPELINE = 10
SERIES_LIMIT = 100
METRIC_QUERIES_PER_CALL = 500
SERIES_WINDOW = dt.timedelta(hours=3)
ANOMALY_DAYS = 30
NEEDS_STATE = {"Failed", "InProgress", "Stopping", "Stopped", "Cancelled"}
KNOWN_STATUSES = NEEDS_STATE | {"Succeeded", "Superseded"}


class Refresh:
    def __init__(self, endpoint, management_keys, role_name):
        session = botocore.session.get_session()
        # No profile, config file or environment setting may change what is called.
        session.set_config_variable("config_file", "/dev/null")
        session.set_config_variable("credentials_file", "/dev/null")
        self.boto = boto3.Session(botocore_session=session)
        self.endpoint = endpoint
        self.config = Config(retries={"total_max_attempts": 1, "mode": "standard"},
                             connect_timeout=5, read_timeout=60)
        self.management_keys = management_keys
        self.role_name = role_name
        self.clients = {}
        self.calls = collections.Counter()
        self.session_events = self.boto.events
        # Registered first, so the body is final before the signature and the count.
        self.session_events.register("before-sign.ce.*", canonical_body)
        self.session_events.register("before-sign", self.count)

    def count(self, operation_name=None, signing_name=None, **_):
        """One count per signed attempt, keyed like the proxy's log: signing name, action."""
        self.calls[f"{signing_name or '?'} {operation_name or '?'}"] += 1

    def client(self, service, keys, region="us-east-1"):
        key = (service, keys["AccessKeyId"], region)
        if key not in self.clients:
            self.clients[key] = self.boto.client(
                service, region_name=region, endpoint_url=self.endpoint,
                aws_access_key_id=keys["AccessKeyId"], aws_secret_access_key=keys["SecretAccessKey"],
                aws_session_token=keys.get("SessionToken"), config=self.config)
        return self.clients[key]

    @staticmethod
    def pages(call, result_key, token_in, token_out, **parameters):
        items = []
        token = None
        while True:
            page = call(**parameters, **({token_in: token} if token else {}))
            items += page.get(result_key, [])
            token = page.get(token_out)
            if not token:
                return items

    def organization(self):
        keys = self.management_keys
        self.client("sts", keys).get_caller_identity()
        org = self.client("organizations", keys)
        organization = org.describe_organization()["Organization"]
        queue = [root["Id"] for root in self.pages(org.list_roots, "Roots", "NextToken", "NextToken")]
        accounts = []
        while queue:
            parent = queue.pop(0)
            accounts += self.pages(org.list_accounts_for_parent, "Accounts", "NextToken",
                                   "NextToken", ParentId=parent)
            queue += [unit["Id"] for unit in self.pages(
                org.list_organizational_units_for_parent, "OrganizationalUnits", "NextToken",
                "NextToken", ParentId=parent)]
        for account in accounts:
            self.pages(org.list_tags_for_resource, "Tags", "NextToken", "NextToken",
                       ResourceId=account["Id"])
        return organization["MasterAccountId"], [a for a in accounts if a["Status"] == "ACTIVE"]

    def cost(self, management_id, today):
        keys = self.management_keys
        ce = self.client("ce", keys)
        end = today
        daily_start = end - dt.timedelta(days=90)
        month = dt.date(end.year, end.month, 1)
        monthly_start = add_months(month, -2)
        for start, granularity in ((daily_start, "DAILY"), (monthly_start, "MONTHLY")):
            for dimension in ("LINKED_ACCOUNT", "SERVICE"):
                self.pages(ce.get_cost_and_usage, "ResultsByTime", "NextPageToken", "NextPageToken",
                           TimePeriod={"Start": start.isoformat(), "End": end.isoformat()},
                           Granularity=granularity, Metrics=["UnblendedCost"],
                           GroupBy=[{"Type": "DIMENSION", "Key": dimension}])
        next_month = add_months(month, 1)
        if end + dt.timedelta(days=1) < next_month:
            try:
                ce.get_cost_forecast(
                    TimePeriod={"Start": end.isoformat(), "End": next_month.isoformat()},
                    Metric="UNBLENDED_COST", Granularity="MONTHLY")
            except ClientError:
                pass  # moto lacks it (HTML 500); OpsDeck carries on without a forecast too
        try:
            self.pages(ce.get_anomalies, "Anomalies", "NextPageToken", "NextPageToken",
                       DateInterval={"StartDate": (end - dt.timedelta(days=ANOMALY_DAYS)).isoformat(),
                                     "EndDate": end.isoformat()})
        except ClientError as error:
            if status_of(error) != 500:
                raise
        self.pages(self.client("budgets", keys).describe_budgets, "Budgets", "NextToken",
                   "NextToken", AccountId=management_id)

    def member_keys(self, account_id, management_id):
        if account_id == management_id:
            return self.management_keys
        assumed = self.client("sts", self.management_keys).assume_role(
            RoleArn=f"arn:aws:iam::{account_id}:role/{self.role_name}",
            RoleSessionName="opsdeck-refresh")
        return assumed["Credentials"]

    def roles(self, keys):
        iam = self.client("iam", keys)
        for role in self.pages(iam.list_roles, "Roles", "Marker", "Marker"):
            if not role.get("Tags"):
                self.pages(iam.list_role_tags, "Tags", "Marker", "Marker",
                           RoleName=role["RoleName"])
        self.pages(iam.list_account_aliases, "AccountAliases", "Marker", "Marker")

    def alarms(self, keys, region):
        cloudwatch = self.client("cloudwatch", keys, region)
        try:
            alarms = self.pages(cloudwatch.describe_alarms, "MetricAlarms", "NextToken",
                                "NextToken", AlarmTypes=COMPOSITE_AND_METRIC)
        except ClientError as error:
            if status_of(error) != 500:
                raise
            alarms = self.pages(cloudwatch.describe_alarms, "MetricAlarms", "NextToken",
                                "NextToken", AlarmTypes=["MetricAlarm"])
        targets = [a for a in alarms if a.get("StateValue") == "ALARM" and a.get("Namespace")
                   and a.get("MetricName") and (a.get("Statistic") or a.get("ExtendedStatistic"))
                   and a.get("Period", 0) > 0]
        targets.sort(key=lambda a: a["AlarmArn"])
        targets.sort(key=lambda a: a.get("StateUpdatedTimestamp"), reverse=True)
        queries = [{"Id": f"m{index}", "MetricStat": {
            "Metric": {"Namespace": a["Namespace"], "MetricName": a["MetricName"],
                       "Dimensions": a.get("Dimensions", [])},
            "Period": a["Period"], "Stat": a.get("Statistic") or a["ExtendedStatistic"]}}
            for index, a in enumerate(targets[:SERIES_LIMIT])]
        now = dt.datetime.now(dt.timezone.utc)
        for start in range(0, len(queries), METRIC_QUERIES_PER_CALL):
            try:
                self.pages(cloudwatch.get_metric_data, "MetricDataResults", "NextToken",
                           "NextToken", MetricDataQueries=queries[start:start + METRIC_QUERIES_PER_CALL],
                           StartTime=now - SERIES_WINDOW, EndTime=now, ScanBy="TimestampAscending")
            except ClientError:
                break  # OpsDeck keeps the alarms without sparklines

    def pipelines(self, keys, region):
        codepipeline = self.client("codepipeline", keys, region)
        for pipeline in self.pages(codepipeline.list_pipelines, "pipelines", "nextToken",
                                   "nextToken"):
            executions, token = [], None
            try:
                while len(executions) < EXECUTIONS_PER_PIPELINE:
                    page = codepipeline.list_pipeline_executions(
                        pipelineName=pipeline["name"], **({"nextToken": token} if token else {}))
                    executions += page.get("pipelineExecutionSummaries", [])
                    token = page.get("nextToken")
                    if not token:
                        break
            except ClientError as error:
                if status_of(error) != 500:
                    raise
                break  # moto lists pipelines but not executions
            statuses = {e.get("status") for e in executions[:EXECUTIONS_PER_PIPELINE]}
            if statuses & NEEDS_STATE or statuses - KNOWN_STATUSES:
                codepipeline.get_pipeline_state(name=pipeline["name"])
        codebuild = self.client("codebuild", keys, region)
        build_ids = []
        for project in self.pages(codebuild.list_projects, "projects", "nextToken", "nextToken"):
            ids, token = [], None
            while len(ids) < BUILDS_PER_PROJECT:
                page = codebuild.list_builds_for_project(
                    projectName=project, sortOrder="DESCENDING", **({"nextToken": token} if token else {}))
                ids += page.get("ids", [])
                token = page.get("nextToken")
                if not token:
                    break
            build_ids += ids[:BUILDS_PER_PROJECT]
        for start in range(0, len(build_ids), BATCH_GET_BUILDS_LIMIT):
            codebuild.batch_get_builds(ids=build_ids[start:start + BATCH_GET_BUILDS_LIMIT])
        ecs = self.client("ecs", keys, region)
        for cluster in self.pages(ecs.list_clusters, "clusterArns", "nextToken", "nextToken"):
            services = self.pages(ecs.list_services, "serviceArns", "nextToken", "nextToken",
                                  cluster=cluster)
            for start in range(0, len(services), DESCRIBE_SERVICES_LIMIT):
                ecs.describe_services(cluster=cluster,
                                      services=services[start:start + DESCRIBE_SERVICES_LIMIT])


def status_of(error):
    return error.response.get("ResponseMetadata", {}).get("HTTPStatusCode")


def canonical_body(request, **_):
    """Cost Explorer bodies with sorted keys and no spaces, byte for byte as OpsDeck's."""
    if request.body:
        body = json.dumps(json.loads(request.body), sort_keys=True, separators=(",", ":"),
                          ensure_ascii=False).encode()
        request.data = body
        request.headers["Content-Length"] = str(len(body))


def add_months(day, months):
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoint", required=True, help="http://127.0.0.1:PORT")
    parser.add_argument("--region", action="append", dest="regions",
                        help="region read (repeat; default us-east-1 and us-west-2)")
    parser.add_argument("--role-name", default="OrganizationAccountAccessRole")
    parser.add_argument("--today", help="the day cost queries end at (default: UTC today)")
    args = parser.parse_args()
    regions = args.regions or ["us-east-1", "us-west-2"]
    today = (dt.date.fromisoformat(args.today) if args.today
             else dt.datetime.now(dt.timezone.utc).date())
    try:
        keys = {"AccessKeyId": os.environ["AWS_ACCESS_KEY_ID"],
                "SecretAccessKey": os.environ["AWS_SECRET_ACCESS_KEY"]}
    except KeyError:
        raise SystemExit("boto3_refresh: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY "
                         "(the management account's keys)") from None

    started = time.monotonic()
    refresh = Refresh(args.endpoint, keys, args.role_name)
    management_id, accounts = refresh.organization()
    refresh.cost(management_id, today)
    for account in accounts:
        member = refresh.member_keys(account["Id"], management_id)
        refresh.roles(member)
        for region in regions:
            refresh.alarms(member, region)
            refresh.pipelines(member, region)
    seconds = time.monotonic() - started
    json.dump({"seconds": round(seconds, 3), "calls": sum(refresh.calls.values()),
               "by_action": dict(sorted(refresh.calls.items())), "accounts": len(accounts),
               "regions": regions}, sys.stdout, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
