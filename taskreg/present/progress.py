"""The progress bar of a long job (an import, an export) on a terminal's stderr.

The bar is a meter: `begin(total, unit)` says how much there is (rows, or a file's bytes),
`advance(n)` how far it got. The readers of taskreg.formats report to it while
taskreg.formats.csv_json.metered lasts; neither they nor the domain draw anything.
"""

import sys
import time


def progress(total: int | None, label: str):
    """A rich progress bar on a terminal's stderr for long jobs, with its percentage and the
    time left once it has a total; a no-op otherwise."""
    if not sys.stderr.isatty():
        return _NoProgress()
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        Progress,
        ProgressColumn,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Amount(ProgressColumn):
        """How much is done of how much: rows, or a file's bytes (12.3/45.6 MB)."""

        def render(self, task):
            if task.fields.get("unit") == "bytes":
                from rich.filesize import decimal

                done = decimal(int(task.completed))
                return Text(f"{done}/{decimal(int(task.total))}" if task.total is not None else done)
            total = "?" if task.total is None else f"{int(task.total)}"
            return Text(f"{int(task.completed)}/{total}")

    bar = Progress(
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        TaskProgressColumn(),
        Amount(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True, markup=False, highlight=False),
        transient=True,
    )
    return _Progress(bar, bar.add_task(label, total=total, unit="rows"))


class _NoProgress:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def begin(self, total: int | None, unit: str = "rows") -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass


class _Progress(_NoProgress):
    """A rich bar, told at most 20 times a second: a million rows would otherwise cost more
    in the bar's bookkeeping than in the reading."""

    def __init__(self, bar, task):
        self.bar, self.task = bar, task
        self.pending, self.last = 0, 0.0

    def __enter__(self):
        self.bar.start()
        return self

    def __exit__(self, *exc):
        self._flush()
        self.bar.stop()
        return False

    def begin(self, total: int | None, unit: str = "rows") -> None:
        self.pending = 0
        self.bar.reset(self.task, total=total, unit=unit)

    def advance(self, n: int = 1) -> None:
        self.pending += n
        now = time.monotonic()
        if now - self.last >= 0.05:
            self.last = now
            self._flush()

    def _flush(self) -> None:
        if self.pending:
            self.bar.advance(self.task, self.pending)
            self.pending = 0
        task = self.bar.tasks[self.task]
        if task.total is not None and task.completed > task.total:  # the file said less than it held
            self.bar.update(self.task, total=None)
