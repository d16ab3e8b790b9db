"""Interop check run by .ci/run: what the command line writes, read by the
tools people use — DuckDB for `export`, the Prometheus Python client's parser
for `metrics`, the `jsonschema` package for `schema`.

Usage: python check.py PATH/TO/dts-job-detail
"""

import collections
import json
import pathlib
import subprocess
import sys
import tempfile

import duckdb
import jsonschema
from prometheus_client.parser import text_string_to_metric_families

BIN = sys.argv[1]
ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
NASTY = ROOT / "tests" / "interop" / "nasty-names.json"


def run(*args, ok=(0,)):
    done = subprocess.run([BIN, *map(str, args)], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode in ok, (args, done.returncode, done.stderr)
    return done.stdout


def check_export(tmp):
    parquet = tmp / "jobs.parquet"
    ndjson = tmp / "jobs.ndjson"
    run("export", "--no-progress", "--output", parquet, FIXTURES, NASTY)
    run("export", "--no-progress", "--output", ndjson, FIXTURES, NASTY)
    rows = [json.loads(line) for line in ndjson.read_text().splitlines()]
    assert len(rows) > 40, len(rows)
    con = duckdb.connect()
    table = f"read_parquet('{parquet}')"
    (count,) = con.execute(f"SELECT count(*) FROM {table}").fetchone()
    assert count == len(rows), (count, len(rows))
    by_status = dict(con.execute(f"SELECT status, count(*) FROM {table} GROUP BY ALL").fetchall())
    assert by_status == dict(collections.Counter(r["status"] for r in rows)), by_status
    pointers = con.execute(f"SELECT file, pointer FROM {table}").fetchall()
    assert sorted(pointers) == sorted((r["file"], r["pointer"]) for r in rows)
    types = dict(con.execute(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM {table})").fetchall())
    assert types["checkpoint"] == "TIMESTAMP WITH TIME ZONE", types["checkpoint"]
    assert types["delay_ms"] == "BIGINT" and types["data_sync_percent"] == "DOUBLE", types
    assert types["status_known"] == "BOOLEAN" and types["pointer"] == "VARCHAR", types
    assert types["status_class"] == "VARCHAR" and types["delay_raw"] == "BIGINT", types
    # case variants of a status make one group (the raw text is status_raw)
    split = con.execute(
        f"SELECT lower(status) FROM {table} WHERE status_known GROUP BY 1 HAVING count(DISTINCT status) > 1"
    ).fetchall()
    assert split == [], split
    (variants,) = con.execute(
        f"SELECT count(*) FROM {table} WHERE status_known AND status_raw <> status"
    ).fetchone()
    assert variants > 0, "the fixtures have statuses spelled in another case"
    # a typed value survives: the nasty job's delay is 4 s, its checkpoint a UTC instant
    delay, checkpoint = con.execute(
        f"SELECT delay_ms, epoch(checkpoint) FROM {table} WHERE dts_job_id = 'nasty****'"
    ).fetchone()
    assert (delay, checkpoint) == (4000, 1616405159), (delay, checkpoint)
    print(f"export: {count} rows read by DuckDB {duckdb.__version__}; by status: {by_status}")


def check_metrics():
    text = run("metrics", "--no-progress", FIXTURES, NASTY)
    families = {f.name: f for f in text_string_to_metric_families(text)}
    assert set(families) == {
        "dts_job_info",
        "dts_job_delay_seconds",
        "dts_job_checkpoint_timestamp_seconds",
        "dts_job_stage_percent",
        "dts_job_diagnostics",
        "dts_job_error",
    }, set(families)
    codes = {s.labels["code"] for s in families["dts_job_error"].samples}
    assert "Forbidden.InstanceNotFound" in codes and "InvalidParameter" in codes, codes
    info = families["dts_job_info"].samples
    names = {s.labels["job_id"]: s.labels["name"] for s in info}
    nasty = json.loads(NASTY.read_text())
    assert names["nasty****"] == nasty["DtsJobName"], names["nasty****"]
    assert names["sub****"] == nasty["SubSyncJob"][0]["DtsJobName"]
    rows = run("export", "--no-progress", "--format", "ndjson", "--output", "-", FIXTURES, NASTY)
    assert len(info) == len(rows.splitlines()), (len(info), len(rows.splitlines()))
    delay = {s.labels["job_id"]: s.value for s in families["dts_job_delay_seconds"].samples}
    assert delay["nasty****"] == 4.0 and delay["sub****"] == 1.0, delay
    print(f"metrics: {len(info)} jobs parsed by prometheus_client")


def check_schema():
    schema = json.loads(run("schema"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    checked = 0
    for path in sorted(FIXTURES.rglob("*")):
        if path.suffix not in (".json", ".xml"):
            continue
        done = subprocess.run([BIN, "json", "--no-progress", str(path)], capture_output=True, text=True)
        if done.returncode != 0:
            continue
        for line in done.stdout.splitlines():
            errors = list(validator.iter_errors(json.loads(line)))
            assert not errors, (path, [e.message for e in errors])
            checked += 1
    assert checked > 40, checked
    assert not validator.is_valid({"DtsJobId": 5})
    print(f"schema: {checked} canonical documents valid under the jsonschema package")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        check_export(pathlib.Path(tmp))
    check_metrics()
    check_schema()
    print("interop: ok")
