"""A real S3 API server for tests: moto's server mode on a free loopback port, and the
portal's object storage pointed at a fresh bucket on it."""

import json
import socket

import boto3
import pytest
from moto.server import ThreadedMotoServer

BUCKET = "portal-media"
# The policy docs/production.md asks for: anyone may read images, nobody documents unsigned.
PUBLIC_MEDIA_POLICY = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": [
                    f"arn:aws:s3:::{BUCKET}/*/images/*",
                    f"arn:aws:s3:::{BUCKET}/*/original_images/*",
                ],
            }
        ],
    }
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3_bucket(s3_endpoint, monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "portal-test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "portal-test-secret")
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1")
    client.create_bucket(Bucket=BUCKET)
    client.put_bucket_policy(Bucket=BUCKET, Policy=PUBLIC_MEDIA_POLICY)
    yield client
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET):
        for item in page.get("Contents", []):
            client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


@pytest.fixture
def object_storage(settings, s3_endpoint, s3_bucket):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "tenants.storage.TenantS3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_endpoint,
                "region_name": "us-east-1",
                "addressing_style": "path",
                "signed_url_seconds": 120,
            },
        },
    }
    settings.WAGTAILDOCS_SERVE_METHOD = "redirect"
    return s3_bucket


@pytest.fixture(params=["file system", "object storage"])
def storage(request):
    """A test asking for this runs twice: on the file system storage and on S3."""
    if request.param == "object storage":
        request.getfixturevalue("object_storage")
    return request.param
