"""A user's script, checked by mypy against the package's stubs
(test_the_stubs_type_a_users_script). Not run."""

import datetime
from typing import Optional, Union

from pyspark.sql import DataFrame, SparkSession

import dts_job_detail
import dts_job_detail.spark


def slow_or_failed(path: str) -> list[str]:
    response = dts_job_detail.parse_file(path)
    flagged: list[str] = []
    for job in response.sub_jobs():
        job_id: Optional[str] = job.dts_job_id
        delay: Optional[datetime.timedelta] = job.delay
        if job.status_class == "failed" or (delay is not None and delay > datetime.timedelta(seconds=60)):
            flagged.append(job_id or job.pointer)
    checkpoint: Union[int, str, None] = response.checkpoint
    host: Optional[str] = response.host_id
    if response.kind == "error" and host is not None:
        flagged.append(host)
    del checkpoint
    return flagged


def all_files(paths: list[str]) -> int:
    read = dts_job_detail.parse_files(paths, errors="return")
    return sum(1 for r in read if isinstance(r, dts_job_detail.Response))


def job_rows(paths: list[str], logs: list[bytes]) -> list[dts_job_detail.JobRows]:
    return [
        dts_job_detail.to_arrow(paths, errors="skip"),
        dts_job_detail.to_arrow(logs, labels=["a.log"], ndjson=True),
    ]


def archive(spark: "SparkSession") -> "DataFrame":
    return dts_job_detail.spark.read(spark, "s3a://bucket/archive/", errors="skip")
