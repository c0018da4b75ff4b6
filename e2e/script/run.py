#!/usr/bin/python3
"""Drive the real Sightglass binary with boto3 and the AWS CLI.

    /usr/bin/python3 e2e/script/run.py bin/sightglass

Starts `sightglass serve` on a free loopback port with a fresh data
directory, then checks, with Debian's python3-boto3 (botocore 1.29) and
awscli 2.9 as unmodified clients: user registration (including a name with
spaces, '/' and '+'), describe/update/delete, listing with pagination, an
IAM user made with `sightglass admin` and its allowed and denied calls,
the modeled error cases, presigned GET URLs, and a PostgreSQL data source
(the local server, postgres/postgres) with a custom-SQL SPICE dataset
ingested, polled to COMPLETED and described. Prints one line per check
and ends with "N passed, M failed"; exits non-zero on any failure.

Standard library and boto3/botocore only. Every network call and
subprocess has a timeout, and the server is always stopped.
"""

import configparser
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request

import boto3
import botocore
from botocore.config import Config
from botocore.exceptions import ClientError

ACCOUNT = "123456789012"  # the account a fresh server bootstraps
REGION = "us-east-1"
NS = "default"
AWS_CLI = "/usr/bin/aws"  # Debian's awscli 2.9, not whatever `aws` is on PATH
SLASH_USER = "bob name/x+y"  # path label that needs %20, %2F and %2B
CLI_USER = "erin smith/ops team"
GLOBAL_DEADLINE = 150  # seconds; a hung run is killed (normal run: well under 60)


# ---------------------------------------------------------------- checks

class Checks:
    """Counts and prints checks: one line each."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print(f"ok    {name}", flush=True)
        else:
            self.failed += 1
            print(f"FAIL  {name}" + (f": {detail}" if detail else ""), flush=True)
        return ok

    def eq(self, name, got, want):
        return self.check(name, got == want, f"got {got!r}, want {want!r}")

    def skip(self, name, why):
        print(f"skip  {name}: {why}", flush=True)


C = Checks()


def section(name, fn, *args):
    """Runs one group of checks; an unexpected exception fails the group
    and the run goes on with the next one."""
    print(f"--- {name}", flush=True)
    try:
        return fn(*args)
    except Exception as e:  # noqa: BLE001 - report anything and carry on
        C.check(f"{name}: no unexpected exception", False, f"{type(e).__name__}: {e}")
        traceback.print_exc(file=sys.stdout)
        return None


def check_ok(name, resp, status):
    """A successful response: body Status equals the HTTP status (botocore
    lets a body Status override the HTTP one), and the body RequestId equals
    the x-amzn-RequestId header."""
    meta = resp["ResponseMetadata"]
    C.eq(f"{name}: HTTP {status}", meta["HTTPStatusCode"], status)
    C.eq(f"{name}: body Status == HTTP status", resp.get("Status"), meta["HTTPStatusCode"])
    rid = meta.get("RequestId", "")
    C.check(f"{name}: RequestId in header and body, equal", rid != "" and resp.get("RequestId") == rid,
            f"header {rid!r}, body {resp.get('RequestId')!r}")


def expect_error(name, fn, code, status):
    """Calls fn, which must raise a ClientError with this code and HTTP
    status, a non-empty request id and a message."""
    try:
        fn()
    except ClientError as e:
        got_code = e.response.get("Error", {}).get("Code")
        meta = e.response.get("ResponseMetadata", {})
        got_status = meta.get("HTTPStatusCode")
        rid = meta.get("RequestId", "")
        msg = e.response.get("Error", {}).get("Message", "")
        C.check(f"{name}: {code} HTTP {status}, RequestId, Message",
                got_code == code and got_status == status and rid != "" and msg != "",
                f"got code={got_code!r} status={got_status!r} RequestId={rid!r} Message={msg!r}")
        return e
    C.check(f"{name}: {code} HTTP {status}", False, "the call succeeded")
    return None


# ---------------------------------------------------------------- processes

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def clean_env(**extra):
    """An environment for child processes that cannot see the user's AWS
    configuration: HOME and the AWS config files point into the temp dir."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("AWS_", "PYTHON", "SIGHTGLASS_"))}
    env.update(extra)
    return env


def run(cmd, env, timeout=30):
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)


class Server:
    """A `sightglass serve` subprocess on a fresh data directory."""

    def __init__(self, binary, tmp):
        self.binary = binary
        self.data_dir = os.path.join(tmp, "data")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.stdout_path = os.path.join(tmp, "server.stdout")
        self.stderr_path = os.path.join(tmp, "server.stderr")
        # The local PostgreSQL of check_data; set as the environment form of
        # --data-source-hosts, as an operator may.
        self.env = clean_env(HOME=tmp, SIGHTGLASS_DATA_SOURCE_HOSTS="127.0.0.1")
        self.proc = None

    def start(self, wait=15):
        with open(self.stdout_path, "w") as out, open(self.stderr_path, "w") as err:
            self.proc = subprocess.Popen(
                [self.binary, "serve", "--listen", f"127.0.0.1:{self.port}", "--data-dir", self.data_dir],
                stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=self.env)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode} during startup")
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=1) as r:
                    if r.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.1)
        raise RuntimeError(f"server not healthy after {wait}s")

    def stop(self, timeout=10):
        """SIGTERM, then SIGKILL if it does not exit in time. Returns the
        exit code (None if it had to be killed)."""
        if self.proc is None or self.proc.poll() is not None:
            return self.proc.returncode if self.proc else None
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=5)
            return None

    def stdout(self):
        with open(self.stdout_path) as f:
            return f.read()

    def stderr_tail(self, n=40):
        try:
            with open(self.stderr_path) as f:
                return "".join(f.readlines()[-n:])
        except OSError:
            return ""

    def admin(self, *args):
        """Runs `sightglass admin ARGS --data-dir DIR`; returns stdout."""
        p = run([self.binary, "admin", *args, "--data-dir", self.data_dir], self.env)
        if p.returncode != 0:
            raise RuntimeError(f"admin {' '.join(args)}: exit {p.returncode}: {p.stderr.strip()}")
        return p.stdout


def parse_exports(text):
    """The `export AWS_…=…` lines of a command's output, as a dict."""
    return dict(re.findall(r"^export (AWS_[A-Z_]+)=(\S*)$", text, re.M))


# ---------------------------------------------------------------- clients

def client(url, key_id, secret):
    session = boto3.session.Session(aws_access_key_id=key_id, aws_secret_access_key=secret,
                                    region_name=REGION)
    # total_max_attempts=1: no retries at all. (botocore's `max_attempts`
    # counts retries, so max_attempts=1 would still allow one.)
    cfg = Config(retries={"total_max_attempts": 1}, connect_timeout=5, read_timeout=15)
    # botocore 1.29 ignores AWS_ENDPOINT_URL_QUICKSIGHT: endpoint_url it is.
    return session.client("quicksight", endpoint_url=url, config=cfg)


def user_arn(name):
    return f"arn:aws:quicksight:{REGION}:{ACCOUNT}:user/{NS}/{name}"


# ---------------------------------------------------------------- checks: bootstrap

def check_bootstrap(srv):
    """The credentials file and the printed export lines agree; returns
    (key id, secret)."""
    cp = configparser.ConfigParser()
    C.check("credentials file exists", cp.read(os.path.join(srv.data_dir, "credentials")) != [])
    prof = cp["default"]
    key_id, secret = prof.get("aws_access_key_id", ""), prof.get("aws_secret_access_key", "")
    C.check("credentials file: profile default has a key id and secret", key_id != "" and secret != "")
    C.eq("credentials file: region", prof.get("region"), REGION)
    exports = parse_exports(srv.stdout())
    C.eq("first start prints AWS_ACCESS_KEY_ID = credentials file", exports.get("AWS_ACCESS_KEY_ID"), key_id)
    C.eq("first start prints AWS_SECRET_ACCESS_KEY = credentials file", exports.get("AWS_SECRET_ACCESS_KEY"), secret)
    C.eq("first start prints AWS_DEFAULT_REGION", exports.get("AWS_DEFAULT_REGION"), REGION)
    C.eq("first start prints AWS_ENDPOINT_URL_QUICKSIGHT", exports.get("AWS_ENDPOINT_URL_QUICKSIGHT"), srv.url)
    line = f"sightglass admin mint-url --user admin --entry /dashboards/sample-sales-dashboard --public-url {srv.url}"
    C.check("first start prints how to open the sample dashboard", line in srv.stdout(), srv.stdout())
    return key_id, secret


# ---------------------------------------------------------------- checks: boto3

def check_account(qs):
    r = qs.describe_account_settings(AwsAccountId=ACCOUNT)
    check_ok("DescribeAccountSettings", r, 200)
    s = r["AccountSettings"]
    C.eq("DescribeAccountSettings: Edition", s.get("Edition"), "ENTERPRISE")
    C.eq("DescribeAccountSettings: DefaultNamespace", s.get("DefaultNamespace"), NS)
    C.eq("DescribeAccountSettings: AccountName", s.get("AccountName"), f"sightglass-{ACCOUNT}")
    r = qs.describe_account_subscription(AwsAccountId=ACCOUNT)
    check_ok("DescribeAccountSubscription", r, 200)
    info = r["AccountInfo"]
    C.eq("DescribeAccountSubscription: Edition", info.get("Edition"), "ENTERPRISE")
    C.eq("DescribeAccountSubscription: AccountSubscriptionStatus", info.get("AccountSubscriptionStatus"), "ACCOUNT_CREATED")


def check_users(qs):
    """Registers QuickSight users; returns {name: PrincipalId}."""
    r = qs.describe_user(AwsAccountId=ACCOUNT, Namespace=NS, UserName="admin")
    check_ok("DescribeUser admin (bootstrap)", r, 200)
    C.eq("bootstrap user: IdentityType, Role", (r["User"]["IdentityType"], r["User"]["Role"]), ("IAM", "ADMIN"))

    principals = {}
    for name, role in [("alice", "AUTHOR"), (SLASH_USER, "READER"), ("carol", "READER"), ("dave", "ADMIN")]:
        email = name.split()[0] + "@example.com"
        r = qs.register_user(AwsAccountId=ACCOUNT, Namespace=NS, IdentityType="QUICKSIGHT",
                             UserName=name, Email=email, UserRole=role)
        check_ok(f"RegisterUser {name!r}", r, 201)
        C.eq(f"RegisterUser {name!r}: returned UserName", r["User"]["UserName"], name)
        C.check(f"RegisterUser {name!r}: UserInvitationUrl", r.get("UserInvitationUrl", "").startswith(qs.meta.endpoint_url + "/invitation/"),
                r.get("UserInvitationUrl"))
        principals[name] = r["User"]["PrincipalId"]

    r = qs.describe_user(AwsAccountId=ACCOUNT, Namespace=NS, UserName=SLASH_USER)
    check_ok(f"DescribeUser {SLASH_USER!r}", r, 200)
    want = {
        "Arn": user_arn(SLASH_USER),
        "UserName": SLASH_USER,
        "Email": "bob@example.com",
        "Role": "READER",
        "IdentityType": "QUICKSIGHT",
        "Active": False,  # until the user accepts the invitation
        "PrincipalId": principals[SLASH_USER],
    }
    C.eq(f"DescribeUser {SLASH_USER!r}: every field", r["User"], want)
    C.check(f"DescribeUser {SLASH_USER!r}: PrincipalId shape", principals[SLASH_USER].startswith("federated/quicksight/"),
            principals[SLASH_USER])

    e = expect_error("RegisterUser duplicate", lambda: qs.register_user(
        AwsAccountId=ACCOUNT, Namespace=NS, IdentityType="QUICKSIGHT", UserName="alice",
        Email="alice@example.com", UserRole="READER"), "ResourceExistsException", 409)
    if e:
        C.eq("RegisterUser duplicate: ResourceType", e.response.get("ResourceType"), "USER")
    return principals


def check_iam_user(srv, qs):
    """An IAM user made with `sightglass admin`, registered as a QuickSight
    user; its key may describe users but not delete them, nor describe admin."""
    arn = srv.admin("create-user", "--name", "svc").strip()
    C.eq("admin create-user prints the IAM ARN", arn, f"arn:aws:iam::{ACCOUNT}:user/svc")
    policy = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": ["quicksight:DescribeUser", "quicksight:ListUsers"], "Resource": "*"},
        {"Effect": "Deny", "Action": "quicksight:DescribeUser", "Resource": user_arn("admin")},
    ]}
    srv.admin("put-policy", "--user", "svc", "--policy-name", "readusers", "--document", json.dumps(policy))
    exports = parse_exports(srv.admin("create-access-key", "--user", "svc"))
    C.check("admin create-access-key prints key id, secret and region",
            exports.get("AWS_ACCESS_KEY_ID", "") != "" and exports.get("AWS_SECRET_ACCESS_KEY", "") != ""
            and exports.get("AWS_DEFAULT_REGION") == REGION, repr(exports))

    r = qs.register_user(AwsAccountId=ACCOUNT, Namespace=NS, IdentityType="IAM", IamArn=arn,
                         Email="svc@example.com", UserRole="READER")
    check_ok("RegisterUser IAM identity svc", r, 201)
    u = r["User"]
    C.eq("RegisterUser IAM: UserName, IdentityType, Arn", (u["UserName"], u["IdentityType"], u["Arn"]),
         ("svc", "IAM", user_arn("svc")))
    C.check("RegisterUser IAM: PrincipalId federated/iam/…", u["PrincipalId"].startswith("federated/iam/"), u["PrincipalId"])

    svc = client(srv.url, exports["AWS_ACCESS_KEY_ID"], exports["AWS_SECRET_ACCESS_KEY"])
    r = svc.describe_user(AwsAccountId=ACCOUNT, Namespace=NS, UserName=SLASH_USER)
    check_ok("svc key: allowed DescribeUser", r, 200)
    C.eq("svc key: DescribeUser sees the user", r["User"]["UserName"], SLASH_USER)
    expect_error("svc key: DeleteUser not allowed (implicit deny)", lambda: svc.delete_user(
        AwsAccountId=ACCOUNT, Namespace=NS, UserName="alice"), "AccessDeniedException", 401)
    expect_error("svc key: DescribeUser admin (explicit Deny beats Allow)", lambda: svc.describe_user(
        AwsAccountId=ACCOUNT, Namespace=NS, UserName="admin"), "AccessDeniedException", 401)
    r = qs.describe_user(AwsAccountId=ACCOUNT, Namespace=NS, UserName="alice")
    C.eq("denied DeleteUser left alice in place", r["User"]["UserName"], "alice")


def list_all(qs, page_size):
    """Follows NextToken; returns (names, pages)."""
    names, pages, token = [], 0, None
    while True:
        kw = {"NextToken": token} if token else {}
        r = qs.list_users(AwsAccountId=ACCOUNT, Namespace=NS, MaxResults=page_size, **kw)
        pages += 1
        if pages == 1:
            check_ok("ListUsers first page", r, 200)
        C.check(f"ListUsers page {pages}: at most {page_size} users", len(r["UserList"]) <= page_size,
                f"{len(r['UserList'])} users")
        names += [u["UserName"] for u in r["UserList"]]
        token = r.get("NextToken")
        if not token or pages > 50:
            return names, pages


def check_listing(qs, expected):
    names, pages = list_all(qs, 2)
    C.eq("ListUsers MaxResults=2 + NextToken: every user exactly once", sorted(names), sorted(expected))
    C.eq("ListUsers MaxResults=2: page count", pages, (len(expected) + 1) // 2)
    r = qs.list_users(AwsAccountId=ACCOUNT, Namespace=NS)
    C.eq("ListUsers without MaxResults: one page, no NextToken",
         (sorted(u["UserName"] for u in r["UserList"]), "NextToken" in r), (sorted(expected), False))
    full = {u["UserName"]: u for u in r["UserList"]}
    C.eq(f"ListUsers: {SLASH_USER!r} listed with its Arn", full.get(SLASH_USER, {}).get("Arn"), user_arn(SLASH_USER))
    if qs.can_paginate("list_users"):
        pager = qs.get_paginator("list_users")
        got = [u["UserName"] for page in pager.paginate(AwsAccountId=ACCOUNT, Namespace=NS,
                                                         PaginationConfig={"PageSize": 2}) for u in page["UserList"]]
        C.eq("boto3 paginator list_users", sorted(got), sorted(expected))
    else:
        C.skip("boto3 get_paginator('list_users')",
               f"botocore {botocore.__version__} has no ListUsers paginator; NextToken followed by hand above")
    expect_error("ListUsers bad NextToken", lambda: qs.list_users(
        AwsAccountId=ACCOUNT, Namespace=NS, NextToken="not-a-token"), "InvalidNextTokenException", 400)
    # botocore checks only the minimum; the maximum is the server's job.
    expect_error("ListUsers MaxResults=101", lambda: qs.list_users(
        AwsAccountId=ACCOUNT, Namespace=NS, MaxResults=101), "ValidationException", 400)


def check_errors(srv, qs, key_id):
    e = expect_error("DescribeUser missing user", lambda: qs.describe_user(
        AwsAccountId=ACCOUNT, Namespace=NS, UserName="nobody here"), "ResourceNotFoundException", 404)
    if e:
        C.eq("DescribeUser missing user: ResourceType", e.response.get("ResourceType"), "USER")
    # botocore 1.29 does not validate enums, so the bad role reaches the server.
    expect_error("RegisterUser bad role", lambda: qs.register_user(
        AwsAccountId=ACCOUNT, Namespace=NS, IdentityType="QUICKSIGHT", UserName="zed",
        Email="zed@example.com", UserRole="SUPERUSER"), "ValidationException", 400)
    expect_error("RegisterUser IAM identity with a UserName", lambda: qs.register_user(
        AwsAccountId=ACCOUNT, Namespace=NS, IdentityType="IAM", UserName="x",
        IamArn=f"arn:aws:iam::{ACCOUNT}:user/admin", Email="x@example.com", UserRole="READER"),
        "InvalidParameterValueException", 400)
    expect_error("DescribeUser in a missing namespace", lambda: qs.describe_user(
        AwsAccountId=ACCOUNT, Namespace="other", UserName="alice"), "ResourceNotFoundException", 404)
    expect_error("DescribeUser of another account", lambda: qs.describe_user(
        AwsAccountId="210987654321", Namespace=NS, UserName="alice"), "AccessDeniedException", 401)
    unknown = client(srv.url, "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    expect_error("unknown access key", lambda: unknown.describe_user(
        AwsAccountId=ACCOUNT, Namespace=NS, UserName="alice"), "UnrecognizedClientException", 403)
    wrong = client(srv.url, key_id, "0" * 40)
    expect_error("right key id, wrong secret", lambda: wrong.describe_user(
        AwsAccountId=ACCOUNT, Namespace=NS, UserName="alice"), "InvalidSignatureException", 403)


def check_update_delete(qs, principals):
    r = qs.update_user(AwsAccountId=ACCOUNT, Namespace=NS, UserName=SLASH_USER,
                       Email="bob.new@example.com", Role="AUTHOR")
    check_ok(f"UpdateUser {SLASH_USER!r}", r, 200)
    C.eq("UpdateUser: returned Email, Role", (r["User"]["Email"], r["User"]["Role"]), ("bob.new@example.com", "AUTHOR"))
    r = qs.describe_user(AwsAccountId=ACCOUNT, Namespace=NS, UserName=SLASH_USER)
    C.eq("UpdateUser: DescribeUser sees the change, PrincipalId kept",
         (r["User"]["Email"], r["User"]["Role"], r["User"]["PrincipalId"]),
         ("bob.new@example.com", "AUTHOR", principals[SLASH_USER]))
    expect_error("UpdateUser missing user", lambda: qs.update_user(
        AwsAccountId=ACCOUNT, Namespace=NS, UserName="nobody", Email="n@example.com", Role="READER"),
        "ResourceNotFoundException", 404)

    r = qs.delete_user(AwsAccountId=ACCOUNT, Namespace=NS, UserName="carol")
    check_ok("DeleteUser carol", r, 200)
    expect_error("DescribeUser after DeleteUser", lambda: qs.describe_user(
        AwsAccountId=ACCOUNT, Namespace=NS, UserName="carol"), "ResourceNotFoundException", 404)
    expect_error("DeleteUser again", lambda: qs.delete_user(
        AwsAccountId=ACCOUNT, Namespace=NS, UserName="carol"), "ResourceNotFoundException", 404)

    r = qs.delete_user_by_principal_id(AwsAccountId=ACCOUNT, Namespace=NS, PrincipalId=principals["dave"])
    check_ok("DeleteUserByPrincipalId dave", r, 200)
    expect_error("DescribeUser after DeleteUserByPrincipalId", lambda: qs.describe_user(
        AwsAccountId=ACCOUNT, Namespace=NS, UserName="dave"), "ResourceNotFoundException", 404)
    expect_error("DeleteUserByPrincipalId again", lambda: qs.delete_user_by_principal_id(
        AwsAccountId=ACCOUNT, Namespace=NS, PrincipalId=principals["dave"]), "ResourceNotFoundException", 404)


# ---------------------------------------------------------------- checks: presigned URLs

def http_get(url):
    """GET without any auth header; returns (status, headers, parsed JSON)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, r.headers, json.loads(r.read() or b"{}")
    except urllib.error.HTTPError as e:
        body = e.read()
        try:
            return e.code, e.headers, json.loads(body or b"{}")
        except ValueError:
            return e.code, e.headers, {"_raw": body.decode(errors="replace")}


def check_presigned_error(name, url, code, message_part=""):
    status, headers, body = http_get(url)
    C.check(f"{name}: 403 {code}", status == 403 and headers.get("X-Amzn-ErrorType") == code,
            f"got {status} {headers.get('X-Amzn-ErrorType')!r} {body}")
    C.check(f"{name}: body RequestId = header", body.get("RequestId") and body.get("RequestId") == headers.get("x-amzn-RequestId"),
            f"{body}")
    if message_part:
        C.check(f"{name}: Message mentions {message_part!r}", message_part.lower() in body.get("Message", "").lower(),
                body.get("Message"))


def check_presign(qs):
    params = {"AwsAccountId": ACCOUNT, "Namespace": NS, "UserName": SLASH_USER}
    url = qs.generate_presigned_url("describe_user", Params=params, ExpiresIn=60)
    parsed = urllib.parse.urlsplit(url)
    C.check("presigned URL path encodes the user name per segment", parsed.path.endswith("/users/bob%20name%2Fx%2By"), parsed.path)
    status, headers, body = http_get(url)
    C.eq("presigned DescribeUser: HTTP 200", status, 200)
    C.eq("presigned DescribeUser: UserName, Arn, Status",
         (body.get("User", {}).get("UserName"), body.get("User", {}).get("Arn"), body.get("Status")),
         (SLASH_USER, user_arn(SLASH_USER), 200))
    C.check("presigned DescribeUser: RequestId header = body", body.get("RequestId") and body.get("RequestId") == headers.get("x-amzn-RequestId"),
            f"{headers.get('x-amzn-RequestId')!r} vs {body.get('RequestId')!r}")

    q = urllib.parse.parse_qs(parsed.query)
    sig = q["X-Amz-Signature"][0]
    flipped = ("0" if sig[-1] != "0" else "1")
    check_presigned_error("presigned URL with a tampered signature",
                          url.replace(f"X-Amz-Signature={sig}", f"X-Amz-Signature={sig[:-1]}{flipped}"),
                          "InvalidSignatureException")
    check_presigned_error("presigned URL for another user name",
                          url.replace("bob%20name%2Fx%2By", "alice"), "InvalidSignatureException")

    short = qs.generate_presigned_url("describe_user", Params=params, ExpiresIn=1)
    time.sleep(2.1)
    check_presigned_error("presigned URL after ExpiresIn", short, "InvalidSignatureException", "expired")


# ---------------------------------------------------------------- checks: AWS CLI

class Cli:
    """/usr/bin/aws with only the given key, the region and a clean HOME."""

    def __init__(self, url, key_id, secret, tmp):
        self.url = url
        self.env = clean_env(
            HOME=tmp, AWS_ACCESS_KEY_ID=key_id, AWS_SECRET_ACCESS_KEY=secret, AWS_DEFAULT_REGION=REGION,
            AWS_SHARED_CREDENTIALS_FILE=os.path.join(tmp, "aws-credentials"),
            AWS_CONFIG_FILE=os.path.join(tmp, "aws-config"),
            AWS_MAX_ATTEMPTS="1", AWS_PAGER="")

    def __call__(self, *args):
        """Runs `aws quicksight ARGS`; returns (exit code, parsed JSON or None, stderr)."""
        p = run([AWS_CLI, "quicksight", *args, "--endpoint-url", self.url, "--output", "json"], self.env, timeout=30)
        out = None
        if p.returncode == 0 and p.stdout.strip():
            out = json.loads(p.stdout)
        return p.returncode, out, p.stderr

    def ok(self, name, *args):
        rc, out, err = self(*args)
        C.check(f"{name}: exit 0", rc == 0, err.strip()[-300:])
        return out or {}


def check_cli(cli, expected):
    base = ["--aws-account-id", ACCOUNT, "--namespace", NS]
    out = cli.ok("aws describe-user admin", "describe-user", *base, "--user-name", "admin")
    C.eq("aws describe-user admin: UserName, Role, Status",
         (out.get("User", {}).get("UserName"), out.get("User", {}).get("Role"), out.get("Status")), ("admin", "ADMIN", 200))

    out = cli.ok(f"aws register-user {CLI_USER!r}", "register-user", *base, "--identity-type", "QUICKSIGHT",
                 "--user-name", CLI_USER, "--email", "erin@example.com", "--user-role", "AUTHOR")
    C.eq("aws register-user: UserName, Arn, Status",
         (out.get("User", {}).get("UserName"), out.get("User", {}).get("Arn"), out.get("Status")),
         (CLI_USER, user_arn(CLI_USER), 201))
    out = cli.ok(f"aws describe-user {CLI_USER!r}", "describe-user", *base, "--user-name", CLI_USER)
    C.eq("aws describe-user: Email, Role, IdentityType",
         (out.get("User", {}).get("Email"), out.get("User", {}).get("Role"), out.get("User", {}).get("IdentityType")),
         ("erin@example.com", "AUTHOR", "QUICKSIGHT"))
    expected = expected + [CLI_USER]

    # Listing, one page of 2 at a time, following --next-token.
    names, token, pages = [], None, 0
    while pages < 50:
        rc, out, err = cli("list-users", *base, "--max-results", "2", *(["--next-token", token] if token else []))
        pages += 1
        if not C.check(f"aws list-users --max-results 2, page {pages}: exit 0, at most 2 users",
                       rc == 0 and len(out.get("UserList", [])) <= 2, err.strip()[-300:]):
            break
        names += [u["UserName"] for u in out["UserList"]]
        token = out.get("NextToken")
        if not token:
            break
    C.eq("aws list-users --max-results/--next-token: every user exactly once", sorted(names), sorted(expected))

    # --max-items/--page-size exist only when the CLI's model has a
    # ListUsers paginator; awscli 2.9.19's has none.
    rc, out, err = cli("list-users", *base, "--max-items", "100", "--page-size", "2")
    if rc == 252 and "Unknown options" in err:
        C.skip("aws list-users --max-items/--page-size",
               "awscli's model has no ListUsers paginator, so the CLI rejects them (paged by hand above)")
    else:
        C.check("aws list-users --page-size 2 (auto-pagination): every user", rc == 0 and
                sorted(u["UserName"] for u in out.get("UserList", [])) == sorted(expected), err.strip()[-300:])

    rc, out, err = cli("describe-user", *base, "--user-name", "nobody")
    C.check("aws describe-user missing user: non-zero exit, ResourceNotFoundException on stderr",
            rc != 0 and "ResourceNotFoundException" in err, f"exit {rc}, stderr {err.strip()[-300:]!r}")
    rc, out, err = cli("register-user", *base, "--identity-type", "QUICKSIGHT", "--user-name", "zed",
                       "--email", "zed@example.com", "--user-role", "SUPERUSER")
    C.check("aws register-user bad role: non-zero exit, ValidationException on stderr",
            rc != 0 and "ValidationException" in err, f"exit {rc}, stderr {err.strip()[-300:]!r}")

    out = cli.ok(f"aws delete-user {CLI_USER!r}", "delete-user", *base, "--user-name", CLI_USER)
    C.eq("aws delete-user: Status", out.get("Status"), 200)

    # One embed URL through the CLI, then opened once as the SDK's frame
    # would open it, and refused the second time (single use).
    out = cli.ok("aws generate-embed-url-for-registered-user", "generate-embed-url-for-registered-user",
                 "--aws-account-id", ACCOUNT, "--user-arn", user_arn("admin"),
                 "--session-lifetime-in-minutes", "15", "--allowed-domains", "https://app.example.com",
                 "--experience-configuration", '{"QuickSightConsole":{"InitialPath":"/start/dashboards"}}')
    url = out.get("EmbedUrl", "")
    C.check("aws generate-embed-url-for-registered-user: Status 200, console URL for /start/dashboards",
            out.get("Status") == 200 and re.match(r"^https?://[^/]+/embedding/[0-9a-f]{32}/start/dashboards"
                                                   r"\?code=[A-Za-z0-9_-]{43}&identityprovider=quicksight&isauthcode=true$", url),
            f"{out.get('Status')} {url!r}")
    def open_page(u):
        try:
            with urllib.request.urlopen(u, timeout=10) as r:
                return r.status, r.headers
        except urllib.error.HTTPError as e:
            return e.code, e.headers

    if url:
        status, headers = open_page(url)
        C.check("embed URL opens once: 200, frame-ancestors https://app.example.com",
                status == 200 and headers.get("Content-Security-Policy", "").endswith("frame-ancestors https://app.example.com"),
                f"{status} {headers.get('Content-Security-Policy')!r}")
        status, _ = open_page(url)
        C.eq("embed URL opened again: 403", status, 403)


def check_anonymous(qs, cli):
    """Anonymous embedding through boto3 and the AWS CLI: the URL and the
    AnonymousUserArn, single use, and the modeled errors."""
    dash = f"arn:aws:quicksight:{REGION}:{ACCOUNT}:dashboard/sample-sales-dashboard"
    experience = {"Dashboard": {"InitialDashboardId": "sample-sales-dashboard"}}
    resp = qs.generate_embed_url_for_anonymous_user(
        AwsAccountId=ACCOUNT, Namespace=NS, AuthorizedResourceArns=[dash], ExperienceConfiguration=experience,
        SessionTags=[{"Key": "region", "Value": "EU"}], SessionLifetimeInMinutes=30)
    check_ok("GenerateEmbedUrlForAnonymousUser", resp, 200)
    C.eq("GenerateEmbedUrlForAnonymousUser: AnonymousUserArn", resp.get("AnonymousUserArn"),
         f"arn:aws:quicksight:{REGION}:{ACCOUNT}:user/{NS}/QuickSightEmbeddingAnonymousUser")
    url = resp.get("EmbedUrl", "")
    C.check("GenerateEmbedUrlForAnonymousUser: dashboard experience URL",
            re.match(r"^https?://[^/]+/embed/[0-9a-f]{32}/dashboards/sample-sales-dashboard"
                     r"\?code=[A-Za-z0-9_-]{43}&identityprovider=quicksight&isauthcode=true$", url), repr(url))
    C.eq("anonymous embed URL opens once", http_status(url), 200)
    C.eq("anonymous embed URL opened again: 403", http_status(url), 403)
    expect_error("GenerateEmbedUrlForAnonymousUser, initial dashboard not authorized",
                 lambda: qs.generate_embed_url_for_anonymous_user(
                     AwsAccountId=ACCOUNT, Namespace=NS, ExperienceConfiguration=experience,
                     AuthorizedResourceArns=[f"arn:aws:quicksight:{REGION}:{ACCOUNT}:dashboard/other"]),
                 "InvalidParameterValueException", 400)
    expect_error("GenerateEmbedUrlForAnonymousUser, unknown dashboard",
                 lambda: qs.generate_embed_url_for_anonymous_user(
                     AwsAccountId=ACCOUNT, Namespace=NS, ExperienceConfiguration={"Dashboard": {"InitialDashboardId": "nope"}},
                     AuthorizedResourceArns=[f"arn:aws:quicksight:{REGION}:{ACCOUNT}:dashboard/nope"]),
                 "ResourceNotFoundException", 404)
    expect_error("GenerateEmbedUrlForAnonymousUser, lifetime 601",
                 lambda: qs.generate_embed_url_for_anonymous_user(
                     AwsAccountId=ACCOUNT, Namespace=NS, ExperienceConfiguration=experience,
                     AuthorizedResourceArns=[dash], SessionLifetimeInMinutes=601),
                 "SessionLifetimeInMinutesInvalidException", 400)
    expect_error("GenerateEmbedUrlForAnonymousUser, Q search bar",
                 lambda: qs.generate_embed_url_for_anonymous_user(
                     AwsAccountId=ACCOUNT, Namespace=NS, AuthorizedResourceArns=[dash],
                     ExperienceConfiguration={"QSearchBar": {"InitialTopicId": "t1"}}),
                 "UnsupportedUserEditionException", 403)
    resp = qs.get_dashboard_embed_url(AwsAccountId=ACCOUNT, DashboardId="sample-sales-dashboard", IdentityType="ANONYMOUS",
                                      Namespace=NS, UndoRedoDisabled=True, ResetDisabled=True)
    check_ok("GetDashboardEmbedUrl ANONYMOUS", resp, 200)
    C.eq("GetDashboardEmbedUrl ANONYMOUS URL opens", http_status(resp.get("EmbedUrl", "")), 200)

    out = cli.ok("aws generate-embed-url-for-anonymous-user", "generate-embed-url-for-anonymous-user",
                 "--aws-account-id", ACCOUNT, "--namespace", NS, "--authorized-resource-arns", dash,
                 "--session-tags", "Key=tenant,Value=t-1",
                 "--experience-configuration", json.dumps(experience))
    C.eq("aws generate-embed-url-for-anonymous-user: Status, AnonymousUserArn",
         (out.get("Status"), out.get("AnonymousUserArn")),
         (200, f"arn:aws:quicksight:{REGION}:{ACCOUNT}:user/{NS}/QuickSightEmbeddingAnonymousUser"))
    C.eq("CLI anonymous embed URL opens", http_status(out.get("EmbedUrl", "")), 200)
    rc, out, err = cli("generate-embed-url-for-anonymous-user", "--aws-account-id", ACCOUNT, "--namespace", NS,
                       "--authorized-resource-arns", "sales", "--experience-configuration", json.dumps(experience))
    C.check("aws generate-embed-url-for-anonymous-user bad ARN: non-zero exit, InvalidParameterValueException",
            rc != 0 and "InvalidParameterValueException" in err, f"exit {rc}, stderr {err.strip()[-300:]!r}")


def http_status(url):
    """GETs url as a frame would and returns the HTTP status (0 for no URL)."""
    if not url:
        return 0
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


# ---------------------------------------------------------------- main

PG_DSN = dict(Host="127.0.0.1", Port=5432, Database="postgres")  # the local PostgreSQL
PG_PASSWORD = "postgres"


def wait_ingestion(qs, data_set_id, ingestion_id, timeout=60):
    """Polls DescribeIngestion, as a client does, until the ingestion
    finishes; returns the last response."""
    deadline = time.monotonic() + timeout
    while True:
        resp = qs.describe_ingestion(AwsAccountId=ACCOUNT, DataSetId=data_set_id, IngestionId=ingestion_id)
        if resp["Ingestion"]["IngestionStatus"] in ("COMPLETED", "FAILED", "CANCELLED") or time.monotonic() > deadline:
            return resp
        time.sleep(0.05)


def check_data(qs):
    """A PostgreSQL data source and a SPICE custom-SQL dataset on it, ingested
    and described through boto3."""
    resp = qs.create_data_source(
        AwsAccountId=ACCOUNT, DataSourceId="pg", Name="Local PostgreSQL", Type="POSTGRESQL",
        DataSourceParameters={"PostgreSqlParameters": PG_DSN},
        Credentials={"CredentialPair": {"Username": "postgres", "Password": PG_PASSWORD}})
    check_ok("CreateDataSource", resp, 202)
    C.eq("CreateDataSource: CreationStatus", resp.get("CreationStatus"), "CREATION_SUCCESSFUL")
    ds = qs.describe_data_source(AwsAccountId=ACCOUNT, DataSourceId="pg")["DataSource"]
    C.eq("DescribeDataSource: Status", ds.get("Status"), "CREATION_SUCCESSFUL")
    C.eq("DescribeDataSource: parameters", ds.get("DataSourceParameters"), {"PostgreSqlParameters": PG_DSN})
    # (the password equals the database name here, so look for the members)
    C.check("DescribeDataSource: no credentials", all(k not in json.dumps(ds, default=str) for k in ("Credentials", "Password", "Username")),
            json.dumps(ds, default=str))

    physical = {"q": {"CustomSql": {
        "DataSourceArn": ds["Arn"], "Name": "numbers",
        "SqlQuery": "SELECT n, n * n AS square, 'row ' || n AS label FROM generate_series(1, 25) AS g(n)",
        "Columns": [{"Name": "n", "Type": "INTEGER"}, {"Name": "square", "Type": "INTEGER"}, {"Name": "label", "Type": "STRING"}]}}}
    logical = {"l": {"Alias": "numbers", "Source": {"PhysicalTableId": "q"}, "DataTransforms": [
        {"CreateColumnsOperation": {"Columns": [{"ColumnName": "half", "ColumnId": "half", "Expression": "{square} / 2"}]}}]}}
    resp = qs.create_data_set(AwsAccountId=ACCOUNT, DataSetId="numbers", Name="Numbers", ImportMode="SPICE",
                              PhysicalTableMap=physical, LogicalTableMap=logical)
    check_ok("CreateDataSet", resp, 201)
    ingestion_id = resp.get("IngestionId", "")
    C.check("CreateDataSet: starts an ingestion", ingestion_id != "" and resp.get("IngestionArn", "").endswith("/ingestion/" + ingestion_id),
            json.dumps(resp, default=str))
    ing = wait_ingestion(qs, "numbers", ingestion_id)
    check_ok("DescribeIngestion", ing, 200)
    C.eq("DescribeIngestion: COMPLETED", ing["Ingestion"]["IngestionStatus"], "COMPLETED")
    C.eq("DescribeIngestion: rows", ing["Ingestion"].get("RowInfo", {}).get("RowsIngested"), 25)

    resp = qs.create_ingestion(AwsAccountId=ACCOUNT, DataSetId="numbers", IngestionId="refresh-1")
    check_ok("CreateIngestion", resp, 201)
    ing = wait_ingestion(qs, "numbers", "refresh-1")
    C.eq("CreateIngestion: COMPLETED", ing["Ingestion"]["IngestionStatus"], "COMPLETED")
    listed = qs.list_ingestions(AwsAccountId=ACCOUNT, DataSetId="numbers")
    C.eq("ListIngestions", sorted(i["IngestionId"] for i in listed["Ingestions"]), sorted([ingestion_id, "refresh-1"]))

    d = qs.describe_data_set(AwsAccountId=ACCOUNT, DataSetId="numbers")["DataSet"]
    C.eq("DescribeDataSet: PhysicalTableMap round-trips", d.get("PhysicalTableMap"), physical)
    C.eq("DescribeDataSet: LogicalTableMap round-trips", d.get("LogicalTableMap"), logical)
    C.eq("DescribeDataSet: OutputColumns", [(c["Name"], c["Type"]) for c in d.get("OutputColumns", [])],
         [("n", "INTEGER"), ("square", "INTEGER"), ("label", "STRING"), ("half", "DECIMAL")])
    C.check("DescribeDataSet: SPICE bytes", d.get("ConsumedSpiceCapacityInBytes", 0) > 0, str(d.get("ConsumedSpiceCapacityInBytes")))
    summaries = qs.list_data_sets(AwsAccountId=ACCOUNT)["DataSetSummaries"]
    # (the first start created the Sample sales dataset)
    C.eq("ListDataSets", [s["DataSetId"] for s in summaries], ["numbers", "sample-sales"])

    expect_error("CreateDataSet with a write", lambda: qs.create_data_set(
        AwsAccountId=ACCOUNT, DataSetId="evil", Name="evil", ImportMode="SPICE",
        PhysicalTableMap={"q": {"CustomSql": {"DataSourceArn": ds["Arn"], "Name": "x", "SqlQuery": "DROP TABLE pg_class",
                                              "Columns": [{"Name": "x", "Type": "STRING"}]}}}),
        "InvalidParameterValueException", 400)
    bad = qs.create_data_source(
        AwsAccountId=ACCOUNT, DataSourceId="pg-nodb", Name="missing db", Type="POSTGRESQL",
        DataSourceParameters={"PostgreSqlParameters": dict(PG_DSN, Database="no_such_database")},
        Credentials={"CredentialPair": {"Username": "postgres", "Password": PG_PASSWORD}})
    C.eq("CreateDataSource missing database: CREATION_FAILED", bad.get("CreationStatus"), "CREATION_FAILED")
    info = qs.describe_data_source(AwsAccountId=ACCOUNT, DataSourceId="pg-nodb")["DataSource"].get("ErrorInfo", {})
    C.eq("DescribeDataSource: ErrorInfo type", info.get("Type"), "GENERIC_SQL_FAILURE")
    check_ok("DeleteDataSet", qs.delete_data_set(AwsAccountId=ACCOUNT, DataSetId="numbers"), 200)
    check_ok("DeleteDataSource", qs.delete_data_source(AwsAccountId=ACCOUNT, DataSourceId="pg"), 200)


def wait_status(describe, key, timeout=30):
    """Polls a Describe call, as a client does, until the resource leaves the
    *_IN_PROGRESS statuses; returns the last response."""
    deadline = time.monotonic() + timeout
    while True:
        resp = describe()
        status = key(resp)
        if not status.endswith("_IN_PROGRESS") or time.monotonic() > deadline:
            return resp
        time.sleep(0.05)


SAMPLE_DATASET_ARN = f"arn:aws:quicksight:{REGION}:{ACCOUNT}:dataset/sample-sales"


def sales_definition():
    """A definition over the first start's Sample sales dataset, written as
    Terraform users write one: two sheets, a calculated field, a parameter
    with its control, a filter group scoped to one visual, and a word cloud
    (a visual type Sightglass does not render)."""
    col = lambda name: {"DataSetIdentifier": "sales", "ColumnName": name}  # noqa: E731
    revenue = {"NumericalMeasureField": {"FieldId": "rev", "Column": col("revenue"),
                                         "AggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}
    return {
        "DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": SAMPLE_DATASET_ARN}],
        "CalculatedFields": [{"DataSetIdentifier": "sales", "Name": "unit_margin", "Expression": "{profit} / {quantity}"}],
        "ParameterDeclarations": [{"StringParameterDeclaration": {
            "Name": "Region", "ParameterValueType": "SINGLE_VALUED", "DefaultValues": {"StaticValues": ["West"]}}}],
        "FilterGroups": [{"FilterGroupId": "fg", "CrossDataset": "SINGLE_DATASET", "Filters": [{"CategoryFilter": {
            "FilterId": "f-region", "Column": col("region"),
            "Configuration": {"CustomFilterConfiguration": {"MatchOperator": "EQUALS", "ParameterName": "Region", "NullOption": "NON_NULLS_ONLY"}}}}],
            "ScopeConfiguration": {"SelectedSheets": {"SheetVisualScopingConfigurations": [
                {"SheetId": "main", "Scope": "SELECTED_VISUALS", "VisualIds": ["bar"]}]}}}],
        "Sheets": [
            {"SheetId": "main", "Name": "Main",
             "ParameterControls": [{"Dropdown": {"ParameterControlId": "pc", "Title": "Region", "SourceParameterName": "Region"}}],
             "Visuals": [
                 {"BarChartVisual": {"VisualId": "bar", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {
                     "Category": [{"CategoricalDimensionField": {"FieldId": "cat", "Column": col("category")}}],
                     "Values": [revenue]}}, "Orientation": "VERTICAL"}}},
                 {"KPIVisual": {"VisualId": "kpi", "ChartConfiguration": {"FieldWells": {"Values": [
                     {"NumericalMeasureField": {"FieldId": "m", "Column": col("unit_margin"),
                                                "AggregationFunction": {"SimpleNumericalAggregation": "AVERAGE"}}}]}}}}]},
            {"SheetId": "words", "Name": "Words", "Visuals": [
                {"WordCloudVisual": {"VisualId": "cloud", "ChartConfiguration": {"FieldWells": {"WordCloudAggregatedFieldWells": {
                    "GroupBy": [{"CategoricalDimensionField": {"FieldId": "city", "Column": col("city")}}],
                    "Size": [revenue]}}}}}]},
        ],
    }


def check_content(qs):
    """Analyses and dashboards through boto3: background checks, the
    definition round trip, versions, the recovery window."""
    definition = sales_definition()
    resp = qs.create_analysis(AwsAccountId=ACCOUNT, AnalysisId="boto-analysis", Name="boto3 analysis", Definition=definition)
    check_ok("CreateAnalysis", resp, 202)
    C.eq("CreateAnalysis: CreationStatus", resp.get("CreationStatus"), "CREATION_IN_PROGRESS")
    an = wait_status(lambda: qs.describe_analysis(AwsAccountId=ACCOUNT, AnalysisId="boto-analysis"),
                     lambda r: r["Analysis"]["Status"])["Analysis"]
    C.eq("DescribeAnalysis: CREATION_SUCCESSFUL", (an.get("Status"), an.get("Errors")), ("CREATION_SUCCESSFUL", None))
    C.eq("DescribeAnalysis: Sheets", an.get("Sheets"), [{"SheetId": "main", "Name": "Main"}, {"SheetId": "words", "Name": "Words"}])
    C.eq("DescribeAnalysis: DataSetArns", an.get("DataSetArns"), [SAMPLE_DATASET_ARN])
    got = qs.describe_analysis_definition(AwsAccountId=ACCOUNT, AnalysisId="boto-analysis")
    C.eq("DescribeAnalysisDefinition: round trip", got.get("Definition"), definition)

    broken = sales_definition()
    broken["Sheets"][0]["Visuals"][0]["BarChartVisual"]["ChartConfiguration"]["FieldWells"]["BarChartAggregatedFieldWells"]["Category"][0][
        "CategoricalDimensionField"]["Column"]["ColumnName"] = "no_such_column"
    qs.create_analysis(AwsAccountId=ACCOUNT, AnalysisId="boto-broken", Name="broken", Definition=broken)
    an = wait_status(lambda: qs.describe_analysis(AwsAccountId=ACCOUNT, AnalysisId="boto-broken"),
                     lambda r: r["Analysis"]["Status"])["Analysis"]
    C.eq("DescribeAnalysis: CREATION_FAILED", (an.get("Status"), [e.get("Type") for e in an.get("Errors", [])]),
         ("CREATION_FAILED", ["COLUMN_REPLACEMENT_MISSING"]))

    resp = qs.delete_analysis(AwsAccountId=ACCOUNT, AnalysisId="boto-analysis", RecoveryWindowInDays=7)
    check_ok("DeleteAnalysis", resp, 200)
    C.check("DeleteAnalysis: DeletionTime", resp.get("DeletionTime") is not None, json.dumps(resp, default=str))
    C.eq("DescribeAnalysis: DELETED", qs.describe_analysis(AwsAccountId=ACCOUNT, AnalysisId="boto-analysis")["Analysis"]["Status"], "DELETED")
    check_ok("RestoreAnalysis", qs.restore_analysis(AwsAccountId=ACCOUNT, AnalysisId="boto-analysis"), 200)
    C.eq("ListAnalyses", sorted(a["AnalysisId"] for a in qs.list_analyses(AwsAccountId=ACCOUNT)["AnalysisSummaryList"]),
         ["boto-analysis", "boto-broken", "sample-sales-analysis"])
    expect_error("CreateAnalysis from a template", lambda: qs.create_analysis(
        AwsAccountId=ACCOUNT, AnalysisId="from-template", Name="t",
        SourceEntity={"SourceTemplate": {"Arn": f"arn:aws:quicksight:{REGION}:{ACCOUNT}:template/t",
                                         "DataSetReferences": [{"DataSetPlaceholder": "s", "DataSetArn": SAMPLE_DATASET_ARN}]}}),
        "InvalidParameterValueException", 400)

    resp = qs.create_dashboard(AwsAccountId=ACCOUNT, DashboardId="boto-dashboard", Name="boto3 dashboard", Definition=definition)
    check_ok("CreateDashboard", resp, 202)
    describe = lambda n: qs.describe_dashboard(AwsAccountId=ACCOUNT, DashboardId="boto-dashboard", VersionNumber=n)  # noqa: E731
    d = wait_status(lambda: describe(1), lambda r: r["Dashboard"]["Version"]["Status"])["Dashboard"]
    C.eq("DescribeDashboard: version 1", (d["Version"].get("VersionNumber"), d["Version"].get("Status")), (1, "CREATION_SUCCESSFUL"))
    v2 = sales_definition()
    v2["Sheets"] = v2["Sheets"][:1]
    resp = qs.update_dashboard(AwsAccountId=ACCOUNT, DashboardId="boto-dashboard", Name="boto3 dashboard", Definition=v2)
    check_ok("UpdateDashboard", resp, 200)
    wait_status(lambda: describe(2), lambda r: r["Dashboard"]["Version"]["Status"])
    C.eq("DescribeDashboard: still publishes version 1",
         qs.describe_dashboard(AwsAccountId=ACCOUNT, DashboardId="boto-dashboard")["Dashboard"]["Version"]["VersionNumber"], 1)
    check_ok("UpdateDashboardPublishedVersion",
             qs.update_dashboard_published_version(AwsAccountId=ACCOUNT, DashboardId="boto-dashboard", VersionNumber=2), 200)
    got = qs.describe_dashboard_definition(AwsAccountId=ACCOUNT, DashboardId="boto-dashboard")
    C.eq("DescribeDashboardDefinition: the published version", got.get("Definition"), v2)
    versions = qs.list_dashboard_versions(AwsAccountId=ACCOUNT, DashboardId="boto-dashboard")["DashboardVersionSummaryList"]
    C.eq("ListDashboardVersions", [(v["VersionNumber"], v["Status"]) for v in versions],
         [(1, "CREATION_SUCCESSFUL"), (2, "CREATION_SUCCESSFUL")])
    found = qs.search_dashboards(AwsAccountId=ACCOUNT, MaxResults=10,
                                 Filters=[{"Name": "DASHBOARD_NAME", "Operator": "StringLike", "Value": "BOTO3"}])
    check_ok("SearchDashboards", found, 200)
    C.eq("SearchDashboards: name like BOTO3", [(d["DashboardId"], d["PublishedVersionNumber"]) for d in found["DashboardSummaryList"]],
         [("boto-dashboard", 2)])
    expect_error("SearchDashboards: DASHBOARD_NAME takes StringLike",
                 lambda: qs.search_dashboards(AwsAccountId=ACCOUNT, Filters=[
                     {"Name": "DASHBOARD_NAME", "Operator": "StringEquals", "Value": "boto3 dashboard"}]),
                 "InvalidParameterValueException", 400)
    check_ok("DeleteDashboard", qs.delete_dashboard(AwsAccountId=ACCOUNT, DashboardId="boto-dashboard"), 200)


def check_themes(qs):
    """Themes through boto3: a custom theme's versions, an alias, the
    starting themes, and modeled errors."""
    acct = ACCOUNT
    conf = {"DataColorPalette": {"Colors": ["#1B4F72", "#F39C12"]}, "UIColorPalette": {"PrimaryBackground": "#101820"}}
    r = qs.create_theme(AwsAccountId=acct, ThemeId="script-brand", Name="Brand", BaseThemeId="MIDNIGHT", Configuration=conf)
    check_ok("CreateTheme", r, 200)
    C.eq("CreateTheme VersionArn", r["VersionArn"], r["Arn"] + "/version/1")
    r = qs.update_theme(AwsAccountId=acct, ThemeId="script-brand", BaseThemeId="CLASSIC",
                        Configuration={"DataColorPalette": {"Colors": ["#222222"]}})
    check_ok("UpdateTheme", r, 200)
    r = qs.create_theme_alias(AwsAccountId=acct, ThemeId="script-brand", AliasName="prod", ThemeVersionNumber=1)
    check_ok("CreateThemeAlias", r, 200)
    r = qs.describe_theme(AwsAccountId=acct, ThemeId="script-brand", AliasName="prod")
    check_ok("DescribeTheme by alias", r, 200)
    C.eq("DescribeTheme by alias: version 1's colors", r["Theme"]["Version"]["Configuration"]["DataColorPalette"]["Colors"], ["#1B4F72", "#F39C12"])
    r = qs.describe_theme(AwsAccountId=acct, ThemeId="script-brand")
    C.eq("DescribeTheme latest", (r["Theme"]["Version"]["VersionNumber"], r["Theme"]["Type"]), (2, "CUSTOM"))
    r = qs.list_theme_versions(AwsAccountId=acct, ThemeId="script-brand")
    C.eq("ListThemeVersions", [v["VersionNumber"] for v in r["ThemeVersionSummaryList"]], [1, 2])
    r = qs.list_themes(AwsAccountId=acct, Type="QUICKSIGHT")
    C.eq("ListThemes QUICKSIGHT", [t["Arn"] for t in r["ThemeSummaryList"]],
         ["arn:aws:quicksight::aws:theme/" + t for t in ("CLASSIC", "MIDNIGHT", "RAINIER", "SEASIDE")])
    expect_error("CreateTheme again", lambda: qs.create_theme(
        AwsAccountId=acct, ThemeId="script-brand", Name="Brand", BaseThemeId="MIDNIGHT", Configuration=conf),
        "ResourceExistsException", 409)
    expect_error("CreateTheme on a base that is no starting theme", lambda: qs.create_theme(
        AwsAccountId=acct, ThemeId="script-other", Name="Other", BaseThemeId="script-brand", Configuration=conf),
        "InvalidParameterValueException", 400)
    expect_error("DescribeTheme version 9", lambda: qs.describe_theme(
        AwsAccountId=acct, ThemeId="script-brand", VersionNumber=9), "ResourceNotFoundException", 404)
    r = qs.delete_theme(AwsAccountId=acct, ThemeId="script-brand")
    check_ok("DeleteTheme", r, 200)
    expect_error("DescribeTheme deleted", lambda: qs.describe_theme(AwsAccountId=acct, ThemeId="script-brand"),
                 "ResourceNotFoundException", 404)


def group_arn(ns, name):
    return f"arn:aws:quicksight:{REGION}:{ACCOUNT}:group/{ns}/{name}"


def check_groups(qs):
    """A group and a namespace round trip through boto3."""
    r = qs.create_group(AwsAccountId=ACCOUNT, Namespace=NS, GroupName="bi team", Description="BI")
    check_ok("CreateGroup 'bi team'", r, 200)
    C.eq("CreateGroup: Arn, GroupName, Description", (r["Group"]["Arn"], r["Group"]["GroupName"], r["Group"].get("Description")),
         (group_arn(NS, "bi team"), "bi team", "BI"))
    expect_error("CreateGroup duplicate", lambda: qs.create_group(AwsAccountId=ACCOUNT, Namespace=NS, GroupName="bi team"),
                 "ResourceExistsException", 409)
    r = qs.create_group_membership(AwsAccountId=ACCOUNT, Namespace=NS, GroupName="bi team", MemberName="alice")
    check_ok("CreateGroupMembership alice", r, 200)
    C.eq("CreateGroupMembership: member Arn", r["GroupMember"]["Arn"], user_arn("alice"))
    r = qs.list_user_groups(AwsAccountId=ACCOUNT, Namespace=NS, UserName="alice")
    check_ok("ListUserGroups alice", r, 200)
    C.eq("ListUserGroups alice: groups", [g["GroupName"] for g in r["GroupList"]], ["bi team"])
    r = qs.search_groups(AwsAccountId=ACCOUNT, Namespace=NS,
                         Filters=[{"Operator": "StartsWith", "Name": "GROUP_NAME", "Value": "bi"}])
    C.eq("SearchGroups StartsWith 'bi'", [g["GroupName"] for g in r["GroupList"]], ["bi team"])
    expect_error("DescribeGroupMembership non-member", lambda: qs.describe_group_membership(
        AwsAccountId=ACCOUNT, Namespace=NS, GroupName="bi team", MemberName="admin"), "ResourceNotFoundException", 404)
    check_ok("DeleteGroupMembership alice", qs.delete_group_membership(
        AwsAccountId=ACCOUNT, Namespace=NS, GroupName="bi team", MemberName="alice"), 200)
    check_ok("DeleteGroup 'bi team'", qs.delete_group(AwsAccountId=ACCOUNT, Namespace=NS, GroupName="bi team"), 200)
    expect_error("DescribeGroup deleted", lambda: qs.describe_group(AwsAccountId=ACCOUNT, Namespace=NS, GroupName="bi team"),
                 "ResourceNotFoundException", 404)

    r = qs.create_namespace(AwsAccountId=ACCOUNT, Namespace="tenant-a", IdentityStore="QUICKSIGHT")
    check_ok("CreateNamespace tenant-a", r, 200)
    C.eq("CreateNamespace: CreationStatus, IdentityStore", (r["CreationStatus"], r["IdentityStore"]), ("CREATING", "QUICKSIGHT"))
    deadline = time.monotonic() + 10
    while True:  # poll as a client does
        status = qs.describe_namespace(AwsAccountId=ACCOUNT, Namespace="tenant-a")["Namespace"]["CreationStatus"]
        if status != "CREATING" or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    C.eq("DescribeNamespace tenant-a: CREATED", status, "CREATED")
    r = qs.list_namespaces(AwsAccountId=ACCOUNT)
    C.eq("ListNamespaces", [n["Name"] for n in r["Namespaces"]], ["default", "tenant-a"])
    r = qs.register_user(AwsAccountId=ACCOUNT, Namespace="tenant-a", IdentityType="QUICKSIGHT", UserName="tom",
                         Email="tom@example.com", UserRole="READER")
    check_ok("RegisterUser tom in tenant-a", r, 201)
    qs.create_group(AwsAccountId=ACCOUNT, Namespace="tenant-a", GroupName="readers")
    qs.create_group_membership(AwsAccountId=ACCOUNT, Namespace="tenant-a", GroupName="readers", MemberName="tom")
    r = qs.list_group_memberships(AwsAccountId=ACCOUNT, Namespace="tenant-a", GroupName="readers")
    C.eq("ListGroupMemberships tenant-a/readers", [m["MemberName"] for m in r["GroupMemberList"]], ["tom"])
    expect_error("DeleteNamespace default", lambda: qs.delete_namespace(AwsAccountId=ACCOUNT, Namespace=NS),
                 "InvalidParameterValueException", 400)
    check_ok("DeleteNamespace tenant-a", qs.delete_namespace(AwsAccountId=ACCOUNT, Namespace="tenant-a"), 200)
    expect_error("DescribeUser in the deleted namespace", lambda: qs.describe_user(
        AwsAccountId=ACCOUNT, Namespace="tenant-a", UserName="tom"), "ResourceNotFoundException", 404)
    expect_error("RegisterUser into an unknown namespace", lambda: qs.register_user(
        AwsAccountId=ACCOUNT, Namespace="tenant-a", IdentityType="QUICKSIGHT", UserName="tom",
        Email="tom@example.com", UserRole="READER"), "ResourceNotFoundException", 404)


def check_cli_groups(cli):
    """A group and a namespace round trip through the AWS CLI."""
    base = ["--aws-account-id", ACCOUNT, "--namespace", NS]
    out = cli.ok("aws create-group ops", "create-group", *base, "--group-name", "ops")
    C.eq("aws create-group: Arn, Status", (out.get("Group", {}).get("Arn"), out.get("Status")), (group_arn(NS, "ops"), 200))
    cli.ok("aws create-group-membership", "create-group-membership", *base, "--group-name", "ops", "--member-name", "admin")
    out = cli.ok("aws list-user-groups admin", "list-user-groups", *base, "--user-name", "admin")
    C.eq("aws list-user-groups admin", [g["GroupName"] for g in out.get("GroupList", [])], ["ops"])
    cli.ok("aws delete-group ops", "delete-group", *base, "--group-name", "ops")
    rc, out, err = cli("describe-group", *base, "--group-name", "ops")
    C.check("aws describe-group deleted: non-zero exit, ResourceNotFoundException on stderr",
            rc != 0 and "ResourceNotFoundException" in err, f"exit {rc}, stderr {err.strip()[-300:]!r}")
    out = cli.ok("aws create-namespace tenant-b", "create-namespace", "--aws-account-id", ACCOUNT,
                 "--namespace", "tenant-b", "--identity-store", "QUICKSIGHT")
    C.eq("aws create-namespace: CreationStatus", out.get("CreationStatus"), "CREATING")
    out = cli.ok("aws describe-namespace tenant-b", "describe-namespace", "--aws-account-id", ACCOUNT, "--namespace", "tenant-b")
    C.eq("aws describe-namespace: Arn", out.get("Namespace", {}).get("Arn"),
         f"arn:aws:quicksight:{REGION}:{ACCOUNT}:namespace/tenant-b")
    cli.ok("aws delete-namespace tenant-b", "delete-namespace", "--aws-account-id", ACCOUNT, "--namespace", "tenant-b")


def main(argv):
    if len(argv) != 2:
        print("usage: run.py path/to/sightglass", file=sys.stderr)
        return 2
    binary = os.path.abspath(argv[1])
    started = time.monotonic()

    def on_alarm(signum, frame):
        raise TimeoutError(f"run exceeded {GLOBAL_DEADLINE}s")
    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(GLOBAL_DEADLINE)

    tmp = tempfile.mkdtemp(prefix="sightglass-script-")
    # boto3 in this process must never read ~/.aws or the caller's AWS_* settings.
    for k in [k for k in os.environ if k.startswith("AWS_")]:
        del os.environ[k]
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.path.join(tmp, "aws-credentials")
    os.environ["AWS_CONFIG_FILE"] = os.path.join(tmp, "aws-config")

    srv = Server(binary, tmp)
    started_ok = False
    try:
        srv.start()
        started_ok = C.check("server healthy on " + srv.url, True)
        key_id, secret = check_bootstrap(srv)
        qs = client(srv.url, key_id, secret)
        section("boto3: account", check_account, qs)
        principals = section("boto3: register and describe users", check_users, qs) or {}
        section("boto3: IAM user from `sightglass admin`", check_iam_user, srv, qs)
        section("boto3: errors", check_errors, srv, qs, key_id)
        section("boto3: list users with pagination", check_listing, qs,
                ["admin", "svc", "alice", SLASH_USER, "carol", "dave"])
        section("presigned GET", check_presign, qs)
        if principals:
            section("boto3: update and delete users", check_update_delete, qs, principals)
        section("boto3: data source, dataset and SPICE ingestion", check_data, qs)
        section("boto3: analyses and dashboards", check_content, qs)
        section("boto3: groups and namespaces", check_groups, qs)
        section("boto3: themes", check_themes, qs)
        section("AWS CLI", check_cli, Cli(srv.url, key_id, secret, tmp), ["admin", "svc", "alice", SLASH_USER])
        section("AWS CLI: groups and namespaces", check_cli_groups, Cli(srv.url, key_id, secret, tmp))
        section("boto3 and AWS CLI: anonymous embedding", check_anonymous, qs, Cli(srv.url, key_id, secret, tmp))
    except Exception as e:  # noqa: BLE001
        C.check("run completes", False, f"{type(e).__name__}: {e}")
        traceback.print_exc(file=sys.stdout)
    finally:
        signal.alarm(0)
        code = srv.stop()
        if started_ok:
            C.eq("server exits 0 on SIGTERM", code, 0)
        if C.failed:
            print("--- server stderr (tail)\n" + srv.stderr_tail(), flush=True)
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"took {time.monotonic() - started:.1f}s")
    print(f"{C.passed} passed, {C.failed} failed")
    return 1 if C.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
