"""Offline reader of Alibaba Cloud DTS DescribeDtsJobDetail responses (JSON and XML).

The Rust crate ``dts-job-detail`` for Python: every rule (tolerance, task
kinds, units, validation, canonical output) is the crate's. ``to_arrow``
hands the CLI export's job rows to Arrow engines; ``dts_job_detail.spark``
reads a folder of saved responses as a Spark DataFrame (``pip install
dts-job-detail[spark]``).
"""

from ._native import (
    Diagnostic,
    Job,
    JobRows,
    ParseError,
    Response,
    __version__,
    _restore,
    _restore_job,
    parse,
    parse_file,
    parse_files,
    to_arrow,
)

__all__ = [
    "Diagnostic",
    "Job",
    "JobRows",
    "ParseError",
    "Response",
    "__version__",
    "parse",
    "parse_file",
    "parse_files",
    "to_arrow",
]
