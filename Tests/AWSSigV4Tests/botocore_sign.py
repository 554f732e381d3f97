#!/usr/bin/env python3
"""Sign requests with botocore's SigV4 signers: the reference for BotocoreDifferentialTests.

Reads a JSON list of cases on stdin and writes a JSON list of results on stdout, one per
case, in order. Each case (written by BotocoreDifferentialTests.swift):

  id, mode ("header" | "presign"), s3 (bool), method, host, path (as sent),
  params ([[name, value], ...], unencoded), headers ([[name, value], ...]),
  body_b64, payload ("signed" | "unsigned" | "precomputed"), payload_hash,
  content_sha_header (bool), epoch (seconds, may have a fraction), region, service,
  access_key, secret_key, token (absent or null without one), expires

Each result: id, timestamp, canonical_request, and authorization (header mode) or url
(presign mode).

The clock is frozen by replacing botocore.auth.get_current_datetime (botocore >= 1.34),
or botocore.auth.datetime on older versions; the script checks that the timestamp botocore
signed with is the one asked for, so a patch that stops working fails loudly.

Exit status 3 means botocore is not installed (`pip install botocore`).
"""

import base64
import datetime
import hashlib
import json
import sys
import types

try:
    import botocore.auth as auth
    from botocore.awsrequest import AWSRequest
    from botocore.config import Config
    from botocore.credentials import Credentials
except ImportError:
    print("botocore is not installed (pip install botocore)", file=sys.stderr)
    sys.exit(3)


def freeze_clock(fixed):
    if hasattr(auth, "get_current_datetime"):
        auth.get_current_datetime = lambda *args, **kwargs: fixed
    else:
        class Frozen(datetime.datetime):
            @classmethod
            def utcnow(cls):
                return fixed

        auth.datetime = types.SimpleNamespace(datetime=Frozen)


def recording(base):
    """A subclass of a botocore signer that keeps the canonical request it signed."""

    class Recording(base):
        last_canonical_request = None

        def string_to_sign(self, request, canonical_request):
            self.last_canonical_request = canonical_request
            return super().string_to_sign(request, canonical_request)

    return Recording


def sign(case):
    fixed = datetime.datetime.fromtimestamp(case["epoch"], datetime.timezone.utc).replace(tzinfo=None)
    freeze_clock(fixed)
    credentials = Credentials(case["access_key"], case["secret_key"], case.get("token"))
    url = "https://" + case["host"] + case["path"]
    body = base64.b64decode(case["body_b64"])
    params = [(name, value) for name, value in case["params"]]

    if case["mode"] == "header":
        request = AWSRequest(method=case["method"], url=url, data=body, params=params or None)
        for name, value in case["headers"]:
            request.headers[name] = value  # HTTPMessage appends: repeated names are kept
        if case["s3"]:
            signer = recording(auth.S3SigV4Auth)(credentials, case["service"], case["region"])
            if case["payload"] == "unsigned":
                request.context["client_config"] = Config(s3={"payload_signing_enabled": False})
        else:
            signer = recording(auth.SigV4Auth)(credentials, case["service"], case["region"])
            if case["payload"] == "unsigned":
                request.context["payload_signing_enabled"] = False
            elif case["payload"] == "precomputed":
                request.headers["X-Amz-Content-SHA256"] = case["payload_hash"]
            elif case["content_sha_header"]:
                request.headers["X-Amz-Content-SHA256"] = hashlib.sha256(body).hexdigest()
        signer.add_auth(request)
        result = {"authorization": request.headers["Authorization"]}
    else:
        request = AWSRequest(method=case["method"], url=url, data=b"", params=dict(params))
        for name, value in case["headers"]:
            request.headers[name] = value
        base = auth.S3SigV4QueryAuth if case["s3"] else auth.SigV4QueryAuth
        signer = recording(base)(credentials, case["service"], case["region"], expires=case["expires"])
        signer.add_auth(request)
        result = {"url": request.url}

    timestamp = request.context["timestamp"]
    expected = fixed.strftime("%Y%m%dT%H%M%SZ")
    if timestamp != expected:
        raise SystemExit(f"clock patch failed: botocore signed at {timestamp}, not {expected}")
    result.update(id=case["id"], timestamp=timestamp, canonical_request=signer.last_canonical_request)
    return result


def main():
    cases = json.load(sys.stdin)
    json.dump([sign(case) for case in cases], sys.stdout)


if __name__ == "__main__":
    main()
