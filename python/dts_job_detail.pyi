"""Offline reader of Alibaba Cloud DTS DescribeDtsJobDetail responses (JSON and XML)."""

import datetime
import os
from typing import Any, Literal, Optional, Sequence, Union

__version__: str

TaskKind = Literal["migration", "synchronization", "change-tracking", "unknown"]
StatusClass = Literal["not-started", "running", "paused", "failed", "finished", "unknown"]
_KindOption = Optional[Literal["migration", "synchronization", "change-tracking"]]
_Path = Union[str, "os.PathLike[str]"]

class ParseError(ValueError):
    """A document that could not be read."""

    line: int
    """1-based line of the problem (0 when unknown)."""
    column: int
    """1-based column (0 when unknown)."""
    pointer: str
    """JSON Pointer of the member ("" when none)."""
    kind: str
    """`syntax`, `shape`, `limit`, `encoding`, `unknown-format`, `doctype`, `strict`, `io`."""
    path: Optional[str]
    """The file, for parse_file and parse_files."""

class Diagnostic:
    """One problem found by `Response.validate()`."""

    path: str
    code: str
    severity: Literal["error", "warning"]
    message: str
    def to_dict(self) -> dict[str, str]: ...

class Job:
    """A job nested in a response; members are attributes by snake-case name."""

    pointer: str
    parent_pointer: Optional[str]
    depth: int
    task_kind: TaskKind
    status: Optional[str]
    status_known: bool
    status_class: StatusClass
    delay: Optional[datetime.timedelta]
    checkpoint_time: Optional[datetime.datetime]
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    def __getattr__(self, name: str) -> Any: ...
    def __eq__(self, other: object) -> bool: ...

class Response:
    """A parsed response; members are attributes by snake-case name (`dts_job_id`)."""

    kind: Literal["detail", "error"]
    task_kind: TaskKind
    status: Optional[str]
    status_known: bool
    status_class: StatusClass
    delay: Optional[datetime.timedelta]
    checkpoint_time: Optional[datetime.datetime]
    error: Optional[dict[str, str]]
    def sub_jobs(self) -> list[Job]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    def to_xml(self) -> str: ...
    def validate(self) -> list[Diagnostic]: ...
    def __getattr__(self, name: str) -> Any: ...
    def __eq__(self, other: object) -> bool: ...

def parse(data: Union[bytes, str], *, strict: bool = False, task_kind: _KindOption = None) -> Response: ...
def parse_file(path: _Path, *, strict: bool = False, task_kind: _KindOption = None) -> Response: ...
def parse_files(
    paths: Sequence[_Path],
    threads: Optional[int] = None,
    *,
    strict: bool = False,
    task_kind: _KindOption = None,
) -> list[Response]: ...
