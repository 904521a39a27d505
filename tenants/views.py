import posixpath

from django.conf import settings
from django.db import connection
from django.http import Http404
from django.views.static import serve

# Wagtail stores documents under this folder; they are served only by its document view, which
# checks the collection's privacy.
DOCUMENTS_FOLDER = "documents"


def serve_schema_media(request, schema_name: str, path: str):
    """Serve an uploaded file, but only on a host of the schema it was uploaded in."""
    if schema_name != connection.schema_name:
        raise Http404("No such file.")
    # Normalized as django.views.static.serve does, so "images/../documents/x" is caught too.
    if posixpath.normpath(path).lstrip("/").split("/")[0] == DOCUMENTS_FOLDER:
        raise Http404("No such file.")
    return serve(request, path, document_root=settings.MEDIA_ROOT / schema_name)
