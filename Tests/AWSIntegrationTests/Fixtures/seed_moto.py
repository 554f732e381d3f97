#!/usr/bin/env python3
"""Seeds a moto_server (signature checking on) with a multi-account organization for OpsDeck.

    python3 seed_moto.py --endpoint http://127.0.0.1:PORT [--today YYYY-MM-DD] [--seed 42]
                         [--accounts 13]

Prints one JSON manifest on stdout (schema: README.md beside this file). Progress and
timings go to stderr; nothing secret is ever written to stderr. The manifest carries the
admin secret under "admin_secret_access_key" because the tests sign with it: it is a key
for a throwaway loopback server, but treat the manifest as a secret anyway.

Auth is on for almost everything: the script turns it off only to create the admin user
(moto has no other way in) and, a second time, to give OrganizationAccountAccessRole in
each member account the administrator policy real AWS attaches to it (moto creates the
role with no policy, so the role could be assumed but could do nothing).

Deterministic: moto's random generator is seeded first (`/moto-api/seed`), so account
ids, access key ids and build ids repeat from run to run on a fresh server; cost figures
come from a seeded generator too. Only the dates move, with --today.
"""

import argparse
import datetime as dt
import json
import random
import sys
import time
import urllib.request

import boto3
import botocore.session
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials

MANAGEMENT_ACCOUNT = "123456789012"
REGIONS = ["us-east-1", "us-west-2"]
ADMIN_USER = "opsdeck-admin"
SESSION_NAME = "opsdeck-seed"

# (name, OU path, tags). The OU path is from the root, "/"-separated.
MEMBERS = [
    ("security-audit", "Security", {"Environment": "security", "Team": "secops"}),
    ("log-archive", "Security", {"Environment": "security", "Team": "secops"}),
    ("shared-network", "SharedServices", {"Environment": "shared", "Team": "platform"}),
    ("shared-tooling", "SharedServices", {"Environment": "shared", "Team": "platform"}),
    ("payments-dev", "Workloads/Dev", {"Environment": "dev", "Team": "payments"}),
    ("search-dev", "Workloads/Dev", {"Environment": "dev", "Team": "search"}),
    ("payments-staging", "Workloads/Staging", {"Environment": "staging", "Team": "payments"}),
    ("search-staging", "Workloads/Staging", {"Environment": "staging", "Team": "search"}),
    ("payments-prod", "Workloads/Prod", {"Environment": "prod", "Team": "payments"}),
    ("search-prod", "Workloads/Prod", {"Environment": "prod", "Team": "search"}),
    ("sandbox-alice", "Sandbox", {"Environment": "sandbox", "Team": "alice"}),
    ("sandbox-bob", "Sandbox", {"Environment": "sandbox", "Team": "bob"}),
]
OU_PATHS = ["Security", "SharedServices", "Workloads", "Workloads/Dev", "Workloads/Staging",
            "Workloads/Prod", "Sandbox"]

# Drift from the common role set, which OpsDeck's Roles pane exists to show.
MISSING_DEPLOY_ROLE = "payments-dev"
DRIFTED_ADMIN_TRUST = "search-staging"

READ_ONLY_ACTIONS = [
    "sts:GetCallerIdentity", "organizations:Describe*", "organizations:List*", "iam:Get*",
    "iam:List*", "monitoring:Describe*", "monitoring:Get*", "monitoring:List*",
    "cloudwatch:Describe*", "cloudwatch:Get*", "cloudwatch:List*", "codebuild:BatchGet*",
    "codebuild:List*", "codepipeline:Get*", "codepipeline:List*", "ecs:Describe*", "ecs:List*",
    "budgets:View*", "budgets:Describe*", "ce:Get*", "ce:Describe*", "ce:List*",
]

COST_SERVICES = [
    ("Amazon Elastic Compute Cloud - Compute", 40.0),
    ("Amazon Relational Database Service", 25.0),
    ("Amazon Simple Storage Service", 6.0),
    ("Amazon Elastic Container Service", 12.0),
    ("AWS Lambda", 2.5),
    ("AmazonCloudWatch", 3.0),
]
# How much each environment spends, relative to the service base above.
COST_SCALE = {"prod": 1.0, "staging": 0.35, "dev": 0.2, "shared": 0.4, "security": 0.1,
              "sandbox": 0.05, "management": 0.08}
COST_METRIC = "UnblendedCost"
DAILY_PAGE_TOKEN = "opsdeck-daily-accounts-page-2"


def log(message):
    print(f"seed: {message}", file=sys.stderr, flush=True)


def canonical(document):
    """The one JSON spelling used for every body and policy in the manifest: sorted keys,
    no whitespace, "/" not escaped (Swift's JSONEncoder with .sortedKeys and
    .withoutEscapingSlashes writes the same bytes)."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def allow_all():
    return {"Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}


def trust(principal, condition=None):
    statement = {"Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRole"}
    if condition:
        statement["Condition"] = condition
    return {"Version": "2012-10-17", "Statement": [statement]}


class Moto:
    def __init__(self, endpoint):
        self.endpoint = endpoint.rstrip("/")
        self.session = botocore.session.get_session()
        # No profile, config file or environment credentials may leak in.
        self.session.set_config_variable("config_file", "/dev/null")
        self.session.set_config_variable("credentials_file", "/dev/null")
        self.boto = boto3.Session(botocore_session=self.session)
        self.config = Config(retries={"total_max_attempts": 1, "mode": "standard"},
                             connect_timeout=5, read_timeout=30)
        self.clients = {}
        self.calls = 0

    def control(self, path, body, content_type="text/plain"):
        data = body if isinstance(body, bytes) else body.encode()
        request = urllib.request.Request(self.endpoint + path, data=data, method="POST",
                                         headers={"Content-Type": content_type})
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.read()

    def client(self, service, creds, region="us-east-1"):
        key = (service, creds["AccessKeyId"], region)
        if key not in self.clients:
            self.clients[key] = self.boto.client(
                service, region_name=region, endpoint_url=self.endpoint,
                aws_access_key_id=creds["AccessKeyId"],
                aws_secret_access_key=creds["SecretAccessKey"],
                aws_session_token=creds.get("SessionToken"), config=self.config)
        return self.clients[key]

    def signed_json(self, creds, service, region, target, body, version="1.1"):
        """Sends `body` byte for byte (boto3 would re-serialize it with its own spacing),
        signed with botocore's SigV4, and returns the decoded answer."""
        url = self.endpoint + "/"
        request = AWSRequest(method="POST", url=url, data=body.encode(), headers={
            "Content-Type": f"application/x-amz-json-{version}", "X-Amz-Target": target})
        credentials = Credentials(creds["AccessKeyId"], creds["SecretAccessKey"],
                                  creds.get("SessionToken"))
        SigV4Auth(credentials, service, region).add_auth(request)
        prepared = urllib.request.Request(url, data=body.encode(), method="POST",
                                          headers=dict(request.headers.items()))
        with urllib.request.urlopen(prepared, timeout=30) as response:
            return json.loads(response.read())


# -- --accounts N (benchmarks): the organization's size, the management account included.
# Beyond the 13 above, generated workload accounts fill one OU of their own (more than
# Organizations' page of 20, so ListAccountsForParent pages), each with the common role
# set and an alias; alarms, builds and services stay on the named accounts.
FLEET_OU = "Workloads/Fleet"
FLEET_ENVIRONMENTS = ["dev", "staging", "prod"]


def members_for(total):
    if total < len(MEMBERS) + 1:
        raise SystemExit(f"seed: --accounts must be at least {len(MEMBERS) + 1}")
    if total == len(MEMBERS) + 1:
        return list(MEMBERS), list(OU_PATHS)
    fleet = [(f"fleet-{n:03d}", FLEET_OU,
              {"Environment": FLEET_ENVIRONMENTS[n % 3], "Team": f"fleet-{n % 7}"})
             for n in range(1, total - len(MEMBERS))]
    return list(MEMBERS) + fleet, list(OU_PATHS) + [FLEET_OU]


def seed_everything(moto, today, seed, total_accounts=len(MEMBERS) + 1):
    members, ou_paths = members_for(total_accounts)
    moto.control(f"/moto-api/seed?a={seed}", b"")
    rng = random.Random(seed)

    # -- admin user: the one step moto cannot do with auth on.
    moto.control("/moto-api/reset-auth", "inf")
    bootstrap = {"AccessKeyId": "AKIABOOTSTRAPSEED000", "SecretAccessKey": "bootstrap"}
    iam = moto.client("iam", bootstrap)
    iam.create_user(UserName=ADMIN_USER, Tags=[{"Key": "purpose", "Value": "opsdeck-tests"}])
    iam.put_user_policy(UserName=ADMIN_USER, PolicyName="AdministratorAccess",
                        PolicyDocument=canonical(allow_all()))
    key = iam.create_access_key(UserName=ADMIN_USER)["AccessKey"]
    admin = {"AccessKeyId": key["AccessKeyId"], "SecretAccessKey": key["SecretAccessKey"]}
    moto.control("/moto-api/reset-auth", "0")

    # -- organization, nested OUs, accounts (auth on, as the admin user).
    org = moto.client("organizations", admin)
    organization = org.create_organization(FeatureSet="ALL")["Organization"]
    root_id = org.list_roots()["Roots"][0]["Id"]
    ou_ids = {"": root_id}
    for path in ou_paths:
        parent, _, name = path.rpartition("/")
        ou = org.create_organizational_unit(ParentId=ou_ids[parent], Name=name)
        ou_ids[path] = ou["OrganizationalUnit"]["Id"]

    accounts = []
    for name, ou_path, tags in members:
        status = org.create_account(
            AccountName=name, Email=f"{name}@opsdeck.example",
            Tags=[{"Key": k, "Value": v} for k, v in sorted(tags.items())])
        account_id = status["CreateAccountStatus"]["AccountId"]
        org.move_account(AccountId=account_id, SourceParentId=root_id,
                         DestinationParentId=ou_ids[ou_path])
        accounts.append({"id": account_id, "name": name, "email": f"{name}@opsdeck.example",
                         "ou_path": ou_path, "ou_id": ou_ids[ou_path], "tags": tags,
                         "alias": f"opsdeck-{name}", "management": False})
    org.tag_resource(ResourceId=MANAGEMENT_ACCOUNT,
                     Tags=[{"Key": "Environment", "Value": "management"}])
    management = next(a for a in org.list_accounts()["Accounts"] if a["Id"] == MANAGEMENT_ACCOUNT)
    accounts.insert(0, {"id": MANAGEMENT_ACCOUNT, "name": management["Name"],
                        "email": management["Email"], "ou_path": "", "ou_id": root_id,
                        "tags": {"Environment": "management"}, "alias": "opsdeck-management",
                        "management": True})
    by_name = {a["name"]: a for a in accounts}
    by_name["management"] = accounts[0]

    # -- member credentials through the role real AWS creates, given its real policy.
    sts = moto.client("sts", admin)
    member_creds = {}
    for account in accounts[1:]:
        assumed = sts.assume_role(
            RoleArn=f"arn:aws:iam::{account['id']}:role/OrganizationAccountAccessRole",
            RoleSessionName=SESSION_NAME)
        member_creds[account["id"]] = assumed["Credentials"]
    moto.control("/moto-api/reset-auth", "inf")
    for account in accounts[1:]:
        moto.client("iam", member_creds[account["id"]]).put_role_policy(
            RoleName="OrganizationAccountAccessRole", PolicyName="AdministratorAccess",
            PolicyDocument=canonical(allow_all()))
    moto.control("/moto-api/reset-auth", "0")
    creds_of = dict(member_creds)
    creds_of[MANAGEMENT_ACCOUNT] = admin

    # -- aliases and the role set (auth on from here to the end).
    roles = {}
    drift = []
    tooling_id = by_name["shared-tooling"]["id"]
    for account in accounts:
        iam = moto.client("iam", creds_of[account["id"]])
        iam.create_account_alias(AccountAlias=account["alias"])
        if account["management"]:
            continue
        role_specs = role_set(account, tooling_id)
        created = []
        for spec in role_specs:
            if spec["name"] == "DeployRole" and account["name"] == MISSING_DEPLOY_ROLE:
                drift.append({"account_id": account["id"], "role": "DeployRole",
                              "kind": "missing"})
                continue
            if spec["name"] == "Admin" and account["name"] == DRIFTED_ADMIN_TRUST:
                spec["trust"] = trust({"AWS": f"arn:aws:iam::{tooling_id}:root"})
                drift.append({"account_id": account["id"], "role": "Admin",
                              "kind": "trust_policy"})
            role = iam.create_role(
                RoleName=spec["name"], Path=spec["path"],
                AssumeRolePolicyDocument=canonical(spec["trust"]),
                Description=spec["description"], MaxSessionDuration=spec["max_session"],
                Tags=[{"Key": k, "Value": v} for k, v in sorted(spec["tags"].items())])["Role"]
            iam.put_role_policy(RoleName=spec["name"], PolicyName=spec["policy_name"],
                                PolicyDocument=canonical(spec["policy"]))
            created.append({
                "name": spec["name"], "path": spec["path"], "arn": role["Arn"],
                "id": role["RoleId"],
                "description": spec["description"], "max_session_duration": spec["max_session"],
                "tags": spec["tags"], "trust_policy": canonical(spec["trust"]),
                "inline_policies": {spec["policy_name"]: canonical(spec["policy"])}})
        created.append({
            "name": "OrganizationAccountAccessRole", "path": "/",
            "arn": f"arn:aws:iam::{account['id']}:role/OrganizationAccountAccessRole",
            "id": iam.get_role(RoleName="OrganizationAccountAccessRole")["Role"]["RoleId"],
            "description": "", "max_session_duration": 3600, "tags": {},
            "trust_policy": canonical(trust({"AWS": f"arn:aws:iam::{MANAGEMENT_ACCOUNT}:root"})),
            "inline_policies": {"AdministratorAccess": canonical(allow_all())}})
        roles[account["id"]] = sorted(created, key=lambda r: r["name"])

    alarms = seed_alarms(moto, creds_of, by_name)
    alarm_metrics = seed_alarm_metrics(moto, creds_of, by_name, today)
    builds = seed_codebuild(moto, creds_of, by_name)
    services = seed_ecs(moto, creds_of, by_name)
    budgets = seed_budgets(moto, admin)
    cost = seed_cost(moto, admin, accounts, today, rng)

    return {
        "schema": 1,
        "endpoint": moto.endpoint,
        "today": today.isoformat(),
        "organization": {"id": organization["Id"], "arn": organization["Arn"],
                         "management_account_id": MANAGEMENT_ACCOUNT, "root_id": root_id,
                         "feature_set": organization["FeatureSet"]},
        "organizational_units": [{"path": path, "id": ou_ids[path],
                                  "parent_id": ou_ids[path.rpartition("/")[0]]}
                                 for path in ou_paths],
        "accounts": accounts,
        "regions": REGIONS,
        "admin_user": {"name": ADMIN_USER,
                       "arn": f"arn:aws:iam::{MANAGEMENT_ACCOUNT}:user/{ADMIN_USER}"},
        "admin_access_key_id": admin["AccessKeyId"],
        "admin_secret_access_key": admin["SecretAccessKey"],
        "read_role_name": "OrganizationAccountAccessRole",
        "roles": roles,
        "role_drift": drift,
        "alarms": alarms,
        "codebuild": builds,
        "ecs": services,
        "budgets": budgets,
        "cost_explorer": cost,
        "alarm_metrics": alarm_metrics,
    }


def role_set(account, tooling_id):
    management_root = {"AWS": f"arn:aws:iam::{MANAGEMENT_ACCOUNT}:root"}
    mfa = {"Bool": {"aws:MultiFactorAuthPresent": "true"}}
    return [
        {"name": "OpsDeckReadOnly", "path": "/", "description": "OpsDeck read access",
         "max_session": 3600, "tags": {"opsdeck": "read"}, "trust": trust(management_root),
         "policy_name": "OpsDeckRead",
         "policy": {"Version": "2012-10-17", "Statement": [
             {"Effect": "Allow", "Action": READ_ONLY_ACTIONS, "Resource": "*"}]}},
        {"name": "Admin", "path": "/", "description": "Administrators (MFA)",
         "max_session": 3600, "tags": {"access": "admin"}, "trust": trust(management_root, mfa),
         "policy_name": "AdministratorAccess", "policy": allow_all()},
        {"name": "DeployRole", "path": "/", "description": "CI deployments",
         "max_session": 3600, "tags": {"access": "deploy"},
         "trust": trust({"AWS": f"arn:aws:iam::{tooling_id}:root",
                         "Service": "codebuild.amazonaws.com"}),
         "policy_name": "Deploy", "policy": {"Version": "2012-10-17", "Statement": [
             {"Effect": "Allow", "Action": ["ecs:*", "codebuild:*", "iam:PassRole"],
              "Resource": "*"}]}},
        {"name": "BreakGlassAdmin", "path": "/breakglass/",
         "description": "Emergency access; every use is audited", "max_session": 3600,
         "tags": {"breakglass": "true"}, "trust": trust(management_root, mfa),
         "policy_name": "AdministratorAccess", "policy": allow_all()},
    ]


# (account, region, name, namespace, metric, dimensions, threshold, state)
ALARMS = [
    ("payments-prod", "us-east-1", "payments-api-5xx", "AWS/ApplicationELB",
     "HTTPCode_Target_5XX_Count", {"LoadBalancer": "app/payments-api/0a1b2c"}, 50, "ALARM"),
    ("payments-prod", "us-east-1", "payments-api-latency-p99", "AWS/ApplicationELB",
     "TargetResponseTime", {"LoadBalancer": "app/payments-api/0a1b2c"}, 1.5, "OK"),
    ("payments-prod", "us-west-2", "payments-api-5xx-usw2", "AWS/ApplicationELB",
     "HTTPCode_Target_5XX_Count", {"LoadBalancer": "app/payments-api-w/3d4e5f"}, 50, "ALARM"),
    ("payments-prod", "us-west-2", "payments-db-cpu", "AWS/RDS", "CPUUtilization",
     {"DBInstanceIdentifier": "payments-db"}, 80, "OK"),
    ("search-prod", "us-east-1", "search-cluster-cpu", "AWS/ECS", "CPUUtilization",
     {"ClusterName": "search-prod"}, 85, "ALARM"),
    ("search-prod", "us-west-2", "search-cluster-cpu", "AWS/ECS", "CPUUtilization",
     {"ClusterName": "search-prod-w"}, 85, "OK"),
    ("payments-staging", "us-west-2", "payments-queue-depth", "AWS/SQS",
     "ApproximateNumberOfMessagesVisible", {"QueueName": "payments-staging"}, 1000, "ALARM"),
    ("search-dev", "us-east-1", "search-dev-errors", "AWS/Lambda", "Errors",
     {"FunctionName": "search-indexer"}, 5, "OK"),
    ("search-dev", "us-east-1", "search-dev-throttles", "AWS/Lambda", "Throttles",
     {"FunctionName": "search-indexer"}, 1, "INSUFFICIENT_DATA"),
    ("shared-network", "us-east-1", "nat-gateway-errors", "AWS/NATGateway",
     "ErrorPortAllocation", {"NatGatewayId": "nat-0abc"}, 1, "OK"),
    ("shared-network", "us-west-2", "vpn-tunnel-down", "AWS/VPN", "TunnelState",
     {"VpnId": "vpn-0def"}, 1, "ALARM"),
    ("management", "us-east-1", "billing-estimated-charges", "AWS/Billing",
     "EstimatedCharges", {"Currency": "USD"}, 5000, "ALARM"),
]


def seed_alarms(moto, creds_of, by_name):
    seeded = []
    for name, region, alarm, namespace, metric, dims, threshold, state in ALARMS:
        account = by_name[name]
        cw = moto.client("cloudwatch", creds_of[account["id"]], region)
        billing = namespace == "AWS/Billing"
        cw.put_metric_alarm(
            AlarmName=alarm, AlarmDescription=f"{metric} on {name}", Namespace=namespace,
            MetricName=metric, Dimensions=[{"Name": k, "Value": v} for k, v in dims.items()],
            Statistic="Maximum" if billing else "Sum", Period=21600 if billing else 300,
            EvaluationPeriods=1, Threshold=float(threshold),
            ComparisonOperator="GreaterThanOrEqualToThreshold" if billing
            else "GreaterThanThreshold", ActionsEnabled=True,
            TreatMissingData="missing")
        cw.set_alarm_state(AlarmName=alarm, StateValue=state,
                           StateReason=f"seeded {state} for OpsDeck tests")
        seeded.append({"account_id": account["id"], "region": region, "name": alarm,
                       "arn": f"arn:aws:cloudwatch:{region}:{account['id']}:alarm:{alarm}",
                       "namespace": namespace, "metric": metric, "dimensions": dims,
                       "threshold": float(threshold), "state": state})
    return seeded


# -- metric data for the alarms in ALARM (metrics-cost): what GetMetricData gives back for
# the sparkline of an alarm's detail view. Twelve points, fifteen minutes apart, in the
# three hours before noon UTC of `today` (the injected clock of the refresh tests), each
# alone in its five-minute period, so the period's Sum is the value itself.
ALARM_METRIC_POINTS = 12


def alarm_metric_values(threshold):
    return [round(threshold * (0.5 + 0.1 * i), 2) for i in range(ALARM_METRIC_POINTS)]


def seed_alarm_metrics(moto, creds_of, by_name, today):
    noon = dt.datetime(today.year, today.month, today.day, 12, tzinfo=dt.timezone.utc)
    seeded = []
    for name, region, alarm, namespace, metric, dims, threshold, state in ALARMS:
        if state != "ALARM" or namespace == "AWS/Billing":
            continue
        account = by_name[name]
        cw = moto.client("cloudwatch", creds_of[account["id"]], region)
        values = alarm_metric_values(threshold)
        stamps = [noon - dt.timedelta(minutes=175 - 15 * i) for i in range(ALARM_METRIC_POINTS)]
        cw.put_metric_data(Namespace=namespace, MetricData=[
            {"MetricName": metric, "Dimensions": [{"Name": k, "Value": v} for k, v in dims.items()],
             "Timestamp": stamp, "Value": value} for stamp, value in zip(stamps, values)])
        seeded.append({"account_id": account["id"], "region": region,
                       "arn": f"arn:aws:cloudwatch:{region}:{account['id']}:alarm:{alarm}",
                       "timestamps": [int(stamp.timestamp()) for stamp in stamps], "values": values})
    return seeded


CODEBUILD = [
    ("shared-tooling", "payments-api-build", 2),
    ("shared-tooling", "search-indexer-build", 1),
    ("payments-staging", "payments-integration-tests", 1),
]


def seed_codebuild(moto, creds_of, by_name):
    projects = []
    for name, project, runs in CODEBUILD:
        account = by_name[name]
        cb = moto.client("codebuild", creds_of[account["id"]])
        role_arn = f"arn:aws:iam::{account['id']}:role/DeployRole"
        cb.create_project(
            name=project, description=f"{project} on {name}",
            source={"type": "GITHUB", "location": f"https://github.com/opsdeck-example/{project}"},
            artifacts={"type": "NO_ARTIFACTS"},
            environment={"type": "LINUX_CONTAINER", "image": "aws/codebuild/standard:7.0",
                         "computeType": "BUILD_GENERAL1_SMALL"},
            serviceRole=role_arn)
        build_ids = [cb.start_build(projectName=project, sourceVersion=f"refs/heads/main~{i}")
                     ["build"]["id"] for i in range(runs)]
        projects.append({"account_id": account["id"], "region": "us-east-1", "project": project,
                         "build_ids": build_ids})
    return projects


ECS = [
    ("payments-prod", "us-east-1", "payments-prod", ["payments-api", "payments-worker"]),
    ("payments-prod", "us-west-2", "payments-prod-w", ["payments-api"]),
    ("search-prod", "us-east-1", "search-prod", ["search-api", "search-indexer"]),
]


def seed_ecs(moto, creds_of, by_name):
    clusters = []
    for name, region, cluster, service_names in ECS:
        account = by_name[name]
        ecs = moto.client("ecs", creds_of[account["id"]], region)
        cluster_arn = ecs.create_cluster(clusterName=cluster)["cluster"]["clusterArn"]
        services = []
        for index, service in enumerate(service_names):
            definition = ecs.register_task_definition(
                family=service, containerDefinitions=[{
                    "name": service, "image": f"opsdeck-example/{service}:1.{index}",
                    "memory": 512, "cpu": 256, "essential": True}])
            task_arn = definition["taskDefinition"]["taskDefinitionArn"]
            desired = 2 + index
            created = ecs.create_service(cluster=cluster, serviceName=service,
                                         taskDefinition=task_arn, desiredCount=desired)
            services.append({"name": service, "arn": created["service"]["serviceArn"],
                             "task_definition": task_arn, "desired_count": desired})
        clusters.append({"account_id": account["id"], "region": region, "cluster": cluster,
                         "arn": cluster_arn, "services": services})
    return clusters


BUDGETS = [
    ("monthly-total", "5000.0", "6250.4", "7100.0"),
    ("payments-prod-compute", "2000.0", "812.75", "1650.0"),
    ("sandbox-cap", "100.0", "42.1", "95.0"),
]


def seed_budgets(moto, admin):
    budgets = moto.client("budgets", admin)
    seeded = []
    for name, limit, actual, forecast in BUDGETS:
        budgets.create_budget(AccountId=MANAGEMENT_ACCOUNT, Budget={
            "BudgetName": name, "BudgetLimit": {"Amount": limit, "Unit": "USD"},
            "TimeUnit": "MONTHLY", "BudgetType": "COST",
            "CalculatedSpend": {"ActualSpend": {"Amount": actual, "Unit": "USD"},
                                "ForecastedSpend": {"Amount": forecast, "Unit": "USD"}}})
        seeded.append({"account_id": MANAGEMENT_ACCOUNT, "name": name, "limit": limit,
                       "actual": actual, "forecast": forecast, "unit": "USD",
                       "over_limit": float(actual) > float(limit)})
    return seeded


def month_start(day, months_back):
    year, month = day.year, day.month - months_back
    while month < 1:
        month += 12
        year -= 1
    return dt.date(year, month, 1)


def amount(value):
    return f"{value:.10f}"


def cost_request(granularity, dimension, start, end, token=None):
    body = {"Granularity": granularity, "Metrics": [COST_METRIC],
            "GroupBy": [{"Type": "DIMENSION", "Key": dimension}],
            "TimePeriod": {"Start": start.isoformat(), "End": end.isoformat()}}
    if token:
        body["NextPageToken"] = token
    return body


def seed_cost(moto, admin, accounts, today, rng):
    """Queues one GetCostAndUsage answer per request shape, then sends each request once
    in order, so moto binds body to answer: afterwards the client may ask in any order,
    as long as it sends exactly these bodies."""
    daily_start = today - dt.timedelta(days=90)
    monthly_start = month_start(today, 2)
    first = min(daily_start, monthly_start)
    days = [first + dt.timedelta(days=n) for n in range((today - first).days)]
    env_of = {a["id"]: a["tags"].get("Environment", "management") for a in accounts}
    # cost[day][account][service], rounded so the sums below add up exactly in cents.
    cost = {}
    for day in days:
        weekday = 0.85 if day.weekday() >= 5 else 1.0
        cost[day] = {a["id"]: {s: round(base * COST_SCALE[env_of[a["id"]]] * weekday
                                        * rng.uniform(0.8, 1.2), 4)
                               for s, base in COST_SERVICES}
                     for a in accounts}
    names = {a["id"]: a["name"] for a in accounts}

    def groups(values):
        return [{"Keys": [k], "Metrics": {COST_METRIC: {"Amount": amount(v), "Unit": "USD"}}}
                for k, v in values]

    def by_account(day_list):
        return [(a["id"], sum(cost[d][a["id"]][s] for d in day_list for s, _ in COST_SERVICES))
                for a in accounts]

    def by_service(day_list):
        return [(s, sum(cost[d][a["id"]][s] for d in day_list for a in accounts))
                for s, _ in COST_SERVICES]

    def daily_results(day_list, grouping):
        return [{"TimePeriod": {"Start": d.isoformat(),
                                "End": (d + dt.timedelta(days=1)).isoformat()},
                 "Total": {}, "Groups": groups(grouping([d])),
                 "Estimated": d.month == today.month and d.year == today.year}
                for d in day_list]

    def monthly_results(grouping):
        results = []
        start = monthly_start
        while start < today:
            end = month_start(start, -1)
            period = [d for d in days if start <= d < min(end, today)]
            results.append({"TimePeriod": {"Start": start.isoformat(),
                                           "End": min(end, today).isoformat()},
                            "Total": {}, "Groups": groups(grouping(period)),
                            "Estimated": start.month == today.month})
            start = end
        return results

    account_attributes = [{"Value": a["id"], "Attributes": {"description": names[a["id"]]}}
                          for a in accounts]
    daily_days = [d for d in days if d >= daily_start]
    half = len(daily_days) // 2
    account_group = [{"Type": "DIMENSION", "Key": "LINKED_ACCOUNT"}]
    service_group = [{"Type": "DIMENSION", "Key": "SERVICE"}]
    shapes = [
        ("daily_by_account_page_1", cost_request("DAILY", "LINKED_ACCOUNT", daily_start, today),
         {"GroupDefinitions": account_group, "NextPageToken": DAILY_PAGE_TOKEN,
          "ResultsByTime": daily_results(daily_days[:half], by_account),
          "DimensionValueAttributes": account_attributes}),
        ("daily_by_account_page_2",
         cost_request("DAILY", "LINKED_ACCOUNT", daily_start, today, DAILY_PAGE_TOKEN),
         {"GroupDefinitions": account_group,
          "ResultsByTime": daily_results(daily_days[half:], by_account),
          "DimensionValueAttributes": account_attributes}),
        ("daily_by_service", cost_request("DAILY", "SERVICE", daily_start, today),
         {"GroupDefinitions": service_group,
          "ResultsByTime": daily_results(daily_days, by_service),
          "DimensionValueAttributes": []}),
        ("monthly_by_account", cost_request("MONTHLY", "LINKED_ACCOUNT", monthly_start, today),
         {"GroupDefinitions": account_group, "ResultsByTime": monthly_results(by_account),
          "DimensionValueAttributes": account_attributes}),
        ("monthly_by_service", cost_request("MONTHLY", "SERVICE", monthly_start, today),
         {"GroupDefinitions": service_group, "ResultsByTime": monthly_results(by_service),
          "DimensionValueAttributes": []}),
    ]
    moto.control("/moto-api/static/ce/cost-and-usage-results",
                 canonical({"account_id": MANAGEMENT_ACCOUNT,
                            "results": [result for _, _, result in shapes]}),
                 content_type="application/json")
    requests = []
    for name, body, result in shapes:
        answer = moto.signed_json(admin, "ce", "us-east-1",
                                  "AWSInsightsIndexService.GetCostAndUsage", canonical(body))
        if answer.get("ResultsByTime") != result["ResultsByTime"]:
            raise SystemExit(f"seed: Cost Explorer did not bind {name} to its result")
        totals = {}
        for period in result["ResultsByTime"]:
            for group in period["Groups"]:
                key = group["Keys"][0]
                totals[key] = totals.get(key, 0.0) + float(group["Metrics"][COST_METRIC]["Amount"])
        requests.append({"name": name, "target": "AWSInsightsIndexService.GetCostAndUsage",
                         "body": canonical(body), "request": body,
                         "result_periods": len(result["ResultsByTime"]),
                         "next_page_token": result.get("NextPageToken"),
                         "totals": {k: round(v, 4) for k, v in sorted(totals.items())}})
    return {"account_id": MANAGEMENT_ACCOUNT, "region": "us-east-1", "metric": COST_METRIC,
            "daily_start": daily_start.isoformat(), "monthly_start": monthly_start.isoformat(),
            "end": today.isoformat(), "requests": requests}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoint", required=True, help="moto_server URL, http://127.0.0.1:PORT")
    parser.add_argument("--today", help="the date cost queries end at (YYYY-MM-DD, UTC today)")
    parser.add_argument("--seed", type=int, default=42, help="seed of every random choice")
    parser.add_argument("--accounts", type=int, default=len(MEMBERS) + 1,
                        help="accounts in the organization, the management account included "
                             "(default 13; more adds generated workload accounts)")
    args = parser.parse_args()
    today = (dt.date.fromisoformat(args.today) if args.today
             else dt.datetime.now(dt.timezone.utc).date())
    started = time.monotonic()
    moto = Moto(args.endpoint)
    manifest = seed_everything(moto, today, args.seed, args.accounts)
    manifest["seconds"] = round(time.monotonic() - started, 3)
    log(f"seeded {len(manifest['accounts'])} accounts in {manifest['seconds']} s")
    json.dump(manifest, sys.stdout, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
