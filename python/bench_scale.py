"""Throughput at scale: responses per second over one folder of saved responses.

    python python/bench_scale.py [COUNT] [CLI]

Writes COUNT responses (default 20,000; the fixtures of every kind, JSON and
XML, each with its own DtsJobId) into 40 folders of a temporary folder, then
reads them three ways and prints responses per second (best of 3 runs each,
the Spark session started beforehand):

- cli:      `CLI export --format parquet FOLDER` (CLI: default target/release's,
            built with `--features cli,parquet`)
- to_arrow: `pyarrow.table(dts_job_detail.to_arrow(paths))`
- spark:    `dts_job_detail.spark.read(spark, FOLDER).count()` on `local[2]`,
            with `spark.sql.files.openCostInBytes` at 64 KiB (and at Spark's
            default, 4 MiB, for comparison)
"""

import os
import pathlib
import subprocess
import sys
import tempfile
import time

import pyarrow as pa

import dts_job_detail
import dts_job_detail.spark

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "tests"))
from common import ROOT, archive  # noqa: E402


def best(run, repeats=3):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    cli = sys.argv[2] if len(sys.argv) > 2 else str(ROOT / "target" / "release" / "dts-job-detail")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp) / "archive"
        archive(root, count)
        paths = sorted(str(p) for p in root.rglob("*.*"))
        out = pathlib.Path(tmp) / "rows.parquet"
        export = [cli, "export", "--format", "parquet", "--no-progress", "--output", str(out), str(root)]
        figures = {
            "cli export": best(lambda: subprocess.run(export, check=True)),
            "to_arrow": best(lambda: pa.table(dts_job_detail.to_arrow(paths))),
        }
        for cost in ("65536", "4194304"):
            spark = (
                SparkSession.builder.master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.files.openCostInBytes", cost)
                .getOrCreate()
            )
            spark.sparkContext.setLogLevel("ERROR")
            frame = dts_job_detail.spark.read(spark, str(root))
            frame.count()  # the workers started
            figures[f"spark local[2], openCostInBytes {cost}"] = best(frame.count)
            spark.stop()
        rows = pa.table(dts_job_detail.to_arrow(paths)).num_rows
        print(f"{count} responses, {rows} job rows")
        for name, seconds in figures.items():
            print(f"{name:45} {seconds:7.3f} s  {count / seconds:10,.0f} responses/s")


if __name__ == "__main__":
    main()
