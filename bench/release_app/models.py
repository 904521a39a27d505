from django.db import models


class ReleaseNote(models.Model):
    """A small district table, as a typical release adds."""

    title = models.CharField(max_length=200)
    published_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.title
