"""Saved responses as a Spark DataFrame of job rows.

    from pyspark.sql import SparkSession
    import dts_job_detail.spark

    spark = SparkSession.builder.getOrCreate()
    jobs = dts_job_detail.spark.read(spark, "s3a://bucket/dts-archive/")
    jobs.groupBy("status_class").count().show()

The rows and columns are ``export --format parquet``'s (Spark holds the
time columns in microseconds). Built on Spark's own sources: ``binaryFile``
lists and reads the files (any URI Spark reads: a local folder, HDFS, S3,
OSS), and ``mapInArrow`` parses each batch of them in the workers with
:func:`dts_job_detail.to_arrow`, so the workers need only this package
installed, with pyarrow and pandas (``mapInArrow`` needs both): the
``spark`` extra (``pip install dts-job-detail[spark]``) brings them with
PySpark 4; ``import dts_job_detail`` needs none of them.

What Spark's file source decides, and the CLI's folder walk does not:

- files and folders whose names begin with ``_`` or ``.`` are not read
  (Spark takes them for metadata);
- each file is read whole into memory (an NDJSON log too), and a file over
  2 GiB fails the job, whatever ``errors`` says.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Optional, Sequence

from . import to_arrow

if TYPE_CHECKING:
    import pyarrow
    from pyspark.sql import DataFrame, SparkSession

__all__ = ["read", "DOCUMENT_EXTENSIONS", "LOG_EXTENSIONS"]

DOCUMENT_EXTENSIONS = ("json", "xml")
"""The files read by default, as the CLI walks a folder (any case)."""

LOG_EXTENSIONS = ("ndjson", "jsonl", "log")
"""The files read with ``ndjson=True``, as the CLI walks a folder (any case)."""


def path_glob(extensions: Sequence[str]) -> str:
    """The Hadoop glob of file names ending in one of ``extensions``, in any
    case: ``*.{[jJ][sS][oO][nN],[xX][mM][lL]}``."""
    any_case = ("".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in e) for e in extensions)
    return "*.{" + ",".join(any_case) + "}"


def read(
    spark: "SparkSession",
    path: str,
    *,
    recursive: bool = True,
    ndjson: bool = False,
    strict: bool = False,
    task_kind: Optional[str] = None,
    errors: str = "raise",
) -> "DataFrame":
    """A DataFrame of job rows over every ``*.json`` and ``*.xml`` file under
    ``path`` (with ``ndjson=True``: every ``*.ndjson``, ``*.jsonl`` and
    ``*.log`` file, one response per line). ``recursive``: also in the
    folders below; without it, only the files directly in the folder
    ``path`` (no partition discovery). ``strict``, ``task_kind``: as in
    :func:`dts_job_detail.parse`. ``errors="raise"`` fails the job on a response that cannot be read (the
    error names its file); ``"skip"`` leaves it out, as the CLI's export does.
    The ``file`` column holds the URI Spark gives the file (``file:/…``).
    """
    import pyarrow as pa
    from pyspark.sql.pandas.types import from_arrow_schema

    options = {"ndjson": ndjson, "strict": strict, "task_kind": task_kind, "errors": errors}
    # the options are checked here, not in a worker; Spark's TimestampType is
    # held in microseconds: the batches are cast to it
    rows_schema = pa.RecordBatchReader.from_stream(to_arrow([], **options)).schema
    spark_schema = from_arrow_schema(rows_schema)
    schema = pa.schema(
        [
            pa.field(f.name, pa.timestamp("us", tz="UTC"), f.nullable) if pa.types.is_timestamp(f.type) else f
            for f in rows_schema
        ]
    )

    def rows(batches: Iterator["pyarrow.RecordBatch"]) -> Iterator["pyarrow.RecordBatch"]:
        for batch in batches:
            files = to_arrow(
                batch.column("content").to_pylist(),
                labels=batch.column("path").to_pylist(),
                **options,
            )
            for out in pa.RecordBatchReader.from_stream(files):
                yield out.cast(schema)

    names = path_glob(LOG_EXTENSIONS if ndjson else DOCUMENT_EXTENSIONS)
    source = spark.read.format("binaryFile")
    if recursive:
        files = source.option("pathGlobFilter", names).option("recursiveFileLookup", "true").load(path)
    else:
        # a glob of the folder's own files: Spark lists nothing below it
        files = source.load(path.rstrip("/") + "/" + names)
    files = files.select("path", "content")
    return files.mapInArrow(rows, spark_schema)
