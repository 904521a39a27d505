from django.core.management.base import BaseCommand
from tqdm import tqdm


def progress_bar(
    command: BaseCommand, total: int, description: str, hidden: bool = False, unit: str = "district"
) -> tqdm:
    """A tqdm bar on the command's error stream (the wrapped stream: tqdm writes bare \\r)."""
    return tqdm(
        total=total,
        unit=unit,
        desc=description,
        disable=hidden,
        file=command.stderr._out,
        dynamic_ncols=True,
    )
