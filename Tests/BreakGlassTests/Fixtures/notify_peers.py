"""Peers for the break-glass notification tests.

  check                     exits 0 when boto3 and moto[server] can be imported
  moto PORT                 moto_server on 127.0.0.1:PORT (signature checking on)
  seed ENDPOINT             IAM user + key allowed sns:Publish, an SNS topic and an SQS
                            queue subscribed to it; prints JSON
  receive ENDPOINT KEY SECRET QUEUE_URL
                            the queue's messages (SNS envelopes), as a JSON list
  webhook STATUS OUTFILE    an HTTP receiver on a free loopback port answering STATUS to
                            every POST; prints the port, appends each request to OUTFILE

Every server exits when its parent (the test process) goes away.
"""
import json
import os
import signal
import sys
import threading
import time
import urllib.request


def watchdog():
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    parent = os.getppid()

    def watch():
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def reset_auth(endpoint, value):
    request = urllib.request.Request(
        endpoint + "/moto-api/reset-auth", data=value.encode(), headers={"Content-Type": "text/plain"})
    urllib.request.urlopen(request, timeout=5).read()


def client(service, endpoint, key="testing", secret="testing"):
    import boto3
    return boto3.client(
        service, endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id=key,
        aws_secret_access_key=secret)


def seed(endpoint):
    reset_auth(endpoint, "inf")
    iam = client("iam", endpoint)
    iam.create_user(UserName="notifier")
    iam.put_user_policy(
        UserName="notifier", PolicyName="all",
        PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": ["sns:*", "sqs:*"], "Resource": "*"}]}))
    key = iam.create_access_key(UserName="notifier")["AccessKey"]
    sns = client("sns", endpoint)
    sqs = client("sqs", endpoint)
    topic = sns.create_topic(Name="breakglass")["TopicArn"]
    queue_url = sqs.create_queue(QueueName="breakglass-inbox")["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=queue_arn)
    reset_auth(endpoint, "0")
    print(json.dumps({"key": key["AccessKeyId"], "secret": key["SecretAccessKey"], "topic": topic,
                      "queue": queue_url}))


def receive(endpoint, key, secret, queue_url):
    sqs = client("sqs", endpoint, key, secret)
    bodies = []
    for _ in range(5):
        answer = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=1)
        bodies += [json.loads(m["Body"]) for m in answer.get("Messages", [])]
        if bodies:
            break
    print(json.dumps(bodies))


def webhook(status, outfile):
    from http.server import BaseHTTPRequestHandler, HTTPServer

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            with open(outfile, "a") as out:
                out.write(json.dumps({"path": self.path, "contentType": self.headers.get("Content-Type"),
                                      "body": body.decode()}) + "\n")
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    # One write, then stdout is let go: the test reads the port and may close its end.
    os.write(1, ("%d\n" % server.server_address[1]).encode())
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    server.serve_forever()


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "moto":
        watchdog()
        from moto.server import main
        main(["-H", "127.0.0.1", "-p", sys.argv[2]])
    elif command == "check":
        import boto3  # noqa: F401
        import moto.server  # noqa: F401
    elif command == "seed":
        seed(sys.argv[2])
    elif command == "receive":
        receive(*sys.argv[2:6])
    elif command == "webhook":
        watchdog()
        webhook(int(sys.argv[2]), sys.argv[3])
