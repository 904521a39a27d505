"""Uploaded files on S3-compatible object storage, each schema under its own prefix.

Every web node and worker reads and writes the same bucket, so a file uploaded through one node
is served by any other. Images and their renditions get plain URLs (the bucket lets anyone
read them, as the file system storage lets anyone on the schema's hosts); documents are only
reached through Wagtail's document view, which checks the collection's privacy and then
redirects to a signed link that expires within minutes.
"""

import posixpath

from django.db import connection
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

# Wagtail stores documents under this folder (AbstractDocument.file's upload_to).
PRIVATE_FOLDERS = ("documents",)


class TenantS3Storage(S3Storage):
    file_overwrite = False  # two uploads named alike must not replace each other
    querystring_auth = False  # public media: stable URLs a cached page can carry
    signed_url_seconds = 300

    def __init__(self, **settings):
        self.signed_url_seconds = settings.pop("signed_url_seconds", self.signed_url_seconds)
        settings.setdefault("signature_version", "s3v4")  # links carry their own expiry
        super().__init__(**settings)

    @property
    def location(self) -> str:
        return posixpath.join(self._base_location, connection.schema_name)

    @location.setter
    def location(self, value: str) -> None:
        self._base_location = value or ""

    def url(self, name, parameters=None, expire=None, http_method=None):
        if not self.is_private(name):
            return super().url(name, parameters, expire, http_method)
        params = {**(parameters or {}), "Bucket": self.bucket.name}
        params["Key"] = self._normalize_name(clean_name(name))
        return self.connection.meta.client.generate_presigned_url(
            "get_object",
            Params=params,
            ExpiresIn=expire or self.signed_url_seconds,
            HttpMethod=http_method,
        )

    @staticmethod
    def is_private(name: str) -> bool:
        return posixpath.normpath(clean_name(name)).lstrip("/").split("/")[0] in PRIVATE_FOLDERS
