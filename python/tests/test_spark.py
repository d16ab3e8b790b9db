"""`dts_job_detail.spark.read` on a local Spark (`local[2]`) against the
CLI's export of the same folders. Needs Java (17) and PySpark 4."""

import os
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from pyspark.sql import SparkSession

import dts_job_detail.spark
from common import FIXTURES, ROOT, archive, cli


@pytest.fixture(scope="module")
def spark():
    # the workers run this interpreter, where the package is installed
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("dts-job-detail tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        # small files: a partition holds ~2,000 of them, not the 32 the 4 MB default
        # cost per file gives (625 tasks for 20,000 files: 22 s instead of 6 s here)
        .config("spark.sql.files.openCostInBytes", "65536")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def exported(tmp_path, *args, code=0):
    out = tmp_path / "rows.parquet"
    run = cli("export", "--format", "parquet", "--no-progress", "--output", out, *args)
    assert run.returncode == code, run.stderr
    return pq.read_table(out)


def counts(table, column):
    found = {}
    for value in table.column(column).to_pylist():
        found[value] = found.get(value, 0) + 1
    return found


def test_the_fixtures_read_by_spark_equal_the_export_of_the_folder_row_by_row(spark, tmp_path):
    expected = exported(tmp_path, FIXTURES.relative_to(ROOT))
    frame = dts_job_detail.spark.read(spark, str(FIXTURES))
    table = frame.toArrow()
    assert table.num_rows == expected.num_rows > 67
    # Spark names a file by its URI: the rest of each row is the export's
    prefix = "file:" + str(ROOT) + "/"
    files = [f.removeprefix(prefix) for f in table.column("file").to_pylist()]
    table = table.set_column(0, "file", pa.array(files))
    key = [("file", "ascending"), ("pointer", "ascending")]
    expected = expected.cast(table.schema).sort_by(key)
    assert table.sort_by(key).to_pylist() == expected.to_pylist()


def test_twenty_thousand_files_in_many_folders_give_the_exports_counts(spark, tmp_path):
    root = tmp_path / "archive"
    archive(root, 20_000)
    expected = exported(tmp_path, root)
    frame = dts_job_detail.spark.read(spark, str(root))
    assert frame.count() == expected.num_rows > 20_000
    by_status = {row["status"]: row["count"] for row in frame.groupBy("status").count().collect()}
    assert by_status == counts(expected, "status")
    assert frame.select("file").distinct().count() == 20_000


def test_not_recursive_reads_the_top_folder_only_and_logs_are_read_line_by_line(spark, tmp_path):
    archive(tmp_path / "top", 10, folders=1)  # top/part-0/day-0
    (tmp_path / "top" / "here.JSON").write_bytes((FIXTURES / "seed.json").read_bytes())
    assert dts_job_detail.spark.read(spark, str(tmp_path / "top"), recursive=False).count() == 1
    assert dts_job_detail.spark.read(spark, str(tmp_path / "top")).count() == exported(
        tmp_path, tmp_path / "top"
    ).num_rows
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "a.ndjson").write_bytes((ROOT / "tests" / "cli-data" / "log.ndjson").read_bytes())
    rows = dts_job_detail.spark.read(spark, str(logs), ndjson=True, errors="skip")
    assert rows.count() == exported(tmp_path, "--ndjson", logs, code=2).num_rows


def test_a_response_that_cannot_be_read_fails_the_job_with_its_name_unless_skipped(spark, tmp_path):
    (tmp_path / "good.json").write_bytes((FIXTURES / "seed.json").read_bytes())
    (tmp_path / "bad.json").write_bytes(b'{"RequestId":')
    with pytest.raises(Exception, match=r"bad.json: EOF while parsing"):
        dts_job_detail.spark.read(spark, str(tmp_path)).count()
    assert dts_job_detail.spark.read(spark, str(tmp_path), errors="skip").count() == 1
    with pytest.raises(ValueError, match="errors="):
        dts_job_detail.spark.read(spark, str(tmp_path), errors="ignore")


def test_hidden_names_are_left_to_spark_and_key_value_folders_are_no_partitions(spark, tmp_path):
    seed = (FIXTURES / "seed.json").read_bytes()
    for name in ("a.json", "_b.json", ".c.json", "_d/e.json", "k=v/f.json", "plain/g.xml"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(seed if name.endswith(".json") else (FIXTURES / "seed.xml").read_bytes())
    files = lambda frame: sorted(f.rsplit("/", 1)[1] for f in frame.toArrow().column("file").to_pylist())  # noqa: E731
    # Spark takes names that begin with `_` or `.` for metadata (documented)
    assert files(dts_job_detail.spark.read(spark, str(tmp_path))) == ["a.json", "f.json", "g.xml"]
    # not recursive: the folder's own files, and `k=v` is no partition column
    top = dts_job_detail.spark.read(spark, str(tmp_path), recursive=False)
    assert files(top) == ["a.json"] and "k" not in top.columns
