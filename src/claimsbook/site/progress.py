"""What ``make book`` prints: one line per stage and per chapter, with timings (a doit
reporter; doit's own prints a line per task without times)."""

from __future__ import annotations

import sys
import time
from typing import Any

from doit.reporter import ConsoleReporter


class Reporter(ConsoleReporter):
    def __init__(self, outstream: Any, options: dict[str, Any]) -> None:
        super().__init__(outstream, options)
        self.started: dict[str, float] = {}
        self.chapters: list[tuple[float, float]] = []  # (start, end) of each execution

    def say(self, text: str) -> None:
        self.write(f"[claimsbook] {text}\n")
        self.outstream.flush()

    def execute_task(self, task: Any) -> None:
        if not task.actions:  # a group of tasks: its members report
            return
        self.started[task.name] = time.perf_counter()
        doing = "executing" if task.name.startswith("chapter:") else task.doc or "building"
        self.say(f"{task.name.split(':', 1)[-1]}: {doing}")

    def add_success(self, task: Any) -> None:
        if not task.actions:
            return
        seconds = time.perf_counter() - self.started[task.name]
        kind, _, name = task.name.rpartition(":")
        if kind == "chapter":
            self.chapters.append((self.started[task.name], time.perf_counter()))
            self.say(f"{name}: executed in {seconds:.2f} s")
        else:
            self.say(f"{name}: done in {seconds:.1f} s")

    def add_failure(self, task: Any, fail: Any) -> None:
        self.failures.append({"task": task, "exception": fail})
        message = (getattr(fail, "message", "") or fail.get_msg()).strip()
        if getattr(fail, "traceback", None):
            # An exception the action did not expect: its last line says what it was.
            message += f": {''.join(fail.traceback).strip().splitlines()[-1]}"
        self.say(f"{task.name.split(':', 1)[-1]}: FAILED: {message}")

    def skip_uptodate(self, task: Any) -> None:
        pass

    def complete_run(self) -> None:
        if self.chapters:
            wall = max(end for _, end in self.chapters) - min(s for s, _ in self.chapters)
            side_by_side = max(sum(s <= start < e for s, e in self.chapters)
                               for start, _ in self.chapters)
            self.say(f"executed {len(self.chapters)} chapter(s) with {side_by_side} "
                     f"worker(s) in {wall:.2f} s")
        if not self.started and not self.failures:
            self.say("the book is up to date: no input changed since the last build")
        for error in self.runtime_errors:
            print(error, file=sys.stderr)
