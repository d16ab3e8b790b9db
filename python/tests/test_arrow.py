"""`to_arrow` against the CLI's Parquet export, and through Polars and DuckDB."""

import pathlib

import duckdb
import polars
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import dts_job_detail
from common import DOCUMENTS, ROOT, cli

MIXED = ROOT / "tests" / "cli-data" / "mixed"
LOG = ROOT / "tests" / "cli-data" / "log.ndjson"


def exported(tmp_path, *args):
    """The CLI's `export --format parquet` of `args`, read by pyarrow, and the run."""
    out = tmp_path / "rows.parquet"
    run = cli("export", "--format", "parquet", "--no-progress", "--output", out, *args)
    return pq.read_table(out), run


def relative(paths):
    return [str(p.relative_to(ROOT)) for p in paths]


def test_the_rows_of_every_fixture_equal_the_parquet_export_cell_by_cell_and_type_by_type(tmp_path):
    paths = relative(DOCUMENTS)
    expected, run = exported(tmp_path, *paths)
    assert run.returncode == 0, run.stderr
    table = pa.table(dts_job_detail.to_arrow(paths))
    assert table.schema == expected.schema
    assert table.num_rows == expected.num_rows > len(paths)
    for name in expected.column_names:
        assert table.column(name).to_pylist() == expected.column(name).to_pylist(), name
    # every type of column holds values, not only nulls
    for field in expected.schema:
        assert table.column(field.name).null_count < table.num_rows, field.name


def test_documents_given_as_bytes_and_text_give_the_rows_of_their_files(tmp_path):
    paths = relative(DOCUMENTS)
    texts = [(ROOT / p).read_bytes() for p in paths]
    texts[1] = texts[1].decode()  # a str that begins with `{` or `<` is a document
    by_path = pa.table(dts_job_detail.to_arrow(paths))
    by_text = pa.table(dts_job_detail.to_arrow(texts, labels=paths))
    assert by_text.equals(by_path)
    unlabelled = pa.table(dts_job_detail.to_arrow(texts[:2]))
    assert set(unlabelled.column("file").to_pylist()) == {"<input 0>", "<input 1>"}
    # one input, not a list; a path-like object
    one = pa.table(dts_job_detail.to_arrow(ROOT / paths[0]))
    assert one.column("pointer").to_pylist()[0] == ""


def test_an_unreadable_document_raises_with_its_name_or_is_skipped_as_the_export_skips_it(tmp_path):
    paths = relative(sorted(MIXED.rglob("*.json")) + sorted(MIXED.rglob("*.xml")))
    expected, run = exported(tmp_path, *paths)
    assert run.returncode == 2 and "truncated.json" in run.stderr
    skipped = pa.table(dts_job_detail.to_arrow(paths, errors="skip"))
    assert skipped.equals(expected.cast(skipped.schema))
    with pytest.raises(pa.ArrowInvalid, match="^Parser error: tests/cli-data/mixed/notes.json: neither JSON"):
        pa.table(dts_job_detail.to_arrow(paths))
    with pytest.raises(ValueError, match="errors="):
        dts_job_detail.to_arrow(paths, errors="ignore")
    with pytest.raises(pa.ArrowInvalid, match="no-such-file.json"):
        pa.table(dts_job_detail.to_arrow(["no-such-file.json"]))
    with pytest.raises(TypeError, match="not int"):
        dts_job_detail.to_arrow([1])
    with pytest.raises(ValueError, match="1 labels for 2 inputs"):
        dts_job_detail.to_arrow(paths[:2], labels=["a"])


def test_an_ndjson_log_gives_the_rows_of_the_cli_export_line_by_line(tmp_path):
    expected, run = exported(tmp_path, "--ndjson", LOG.relative_to(ROOT))
    rows = pa.table(dts_job_detail.to_arrow(str(LOG.relative_to(ROOT)), ndjson=True, errors="skip"))
    assert rows.equals(expected.cast(rows.schema))
    assert rows.num_rows > 1
    assert set(rows.column("file").to_pylist()) == {f"{LOG.relative_to(ROOT)}:{n}" for n in (1, 3, 5)}
    # the same log given as bytes, with blank lines and no final line feed
    text = LOG.read_bytes().replace(b"\n", b"\n  \n").rstrip(b"\n")
    again = pa.table(dts_job_detail.to_arrow([text], labels=[str(LOG.relative_to(ROOT))], ndjson=True, errors="skip"))
    assert again.drop_columns(["file"]).equals(rows.drop_columns(["file"]))
    # a blank line after each: line n is now line 2n - 1
    numbers = [int(f.rsplit(":", 1)[1]) for f in rows.column("file").to_pylist()]
    assert again.column("file").to_pylist() == [f"{LOG.relative_to(ROOT)}:{2 * n - 1}" for n in numbers]
    # line 4 is broken: the export reports it and goes on, as does `errors="skip"`
    assert run.returncode == 2 and "log.ndjson:4" in run.stderr
    with pytest.raises(pa.ArrowInvalid, match="log.ndjson:4"):
        pa.table(dts_job_detail.to_arrow(str(LOG), ndjson=True))


def test_a_stream_is_read_from_the_start_each_time_and_has_the_export_schema():
    rows = dts_job_detail.to_arrow(relative(DOCUMENTS[:3]))
    first, second = pa.table(rows), pa.table(rows)
    assert first.equals(second) and first.num_rows >= 3
    assert pa.schema(rows) == first.schema
    empty = pa.table(dts_job_detail.to_arrow([]))
    assert empty.num_rows == 0 and empty.schema == first.schema
    assert repr(rows) == "<JobRows of 3 inputs>"


def test_polars_and_duckdb_take_the_stream_without_pyarrow_in_between():
    paths = relative(DOCUMENTS)
    table = pa.table(dts_job_detail.to_arrow(paths))
    by_status = {}
    for status in table.column("status_class").to_pylist():
        by_status[status] = by_status.get(status, 0) + 1
    errors = sum(table.column("errors").to_pylist())

    frame = polars.DataFrame(dts_job_detail.to_arrow(paths))
    assert frame.height == table.num_rows
    assert frame["errors"].sum() == errors
    assert dict(frame.group_by("status_class").len().iter_rows()) == by_status

    rows = dts_job_detail.to_arrow(paths)  # noqa: F841 (DuckDB reads the variable)
    assert duckdb.sql("SELECT count(*), sum(errors) FROM rows").fetchall() == [(table.num_rows, errors)]
    counted = dict(duckdb.sql("SELECT status_class, count(*) FROM rows GROUP BY 1").fetchall())
    assert counted == by_status
    typed = dict(duckdb.sql("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM rows)").fetchall())
    assert typed["checkpoint"] == "TIMESTAMP WITH TIME ZONE" and typed["delay_ms"] == "BIGINT"


def test_a_log_file_with_an_over_long_line_reports_that_line_and_reads_on(tmp_path):
    log = tmp_path / "big.ndjson"
    good = (ROOT / "fixtures" / "seed.json").read_bytes().replace(b"\n", b" ")
    with log.open("wb") as f:
        f.write(good + b"\n")
        f.write(b"{\"RequestId\":\"" + b"x" * (64 * 1024 * 1024 + 1) + b"\"}\n")
        f.write(good + b"\n")
    with pytest.raises(pa.ArrowInvalid, match=r"big.ndjson:2: a line over the size limit"):
        pa.table(dts_job_detail.to_arrow(log, ndjson=True))
    rows = pa.table(dts_job_detail.to_arrow(log, ndjson=True, errors="skip"))
    assert [f.rsplit(":", 1)[1] for f in rows.column("file").to_pylist()] == ["1", "3"]


def test_a_nul_in_a_label_or_a_member_name_is_reported_not_a_crash():
    # the message crosses the C stream as a C string: a NUL used to abort the process
    with pytest.raises(pa.ArrowInvalid, match=r"a\\0b: "):
        pa.table(dts_job_detail.to_arrow([b'{"RequestId":'], labels=["a\0b"]))
    with pytest.raises(pa.ArrowInvalid, match=r"/Sub\\0"):
        pa.table(dts_job_detail.to_arrow([b'{"RequestId":"x","Sub\\u0000":{"a":tru}}']))


def test_what_is_a_document_and_what_a_path(tmp_path):
    seed = (ROOT / "fixtures" / "seed.json").read_text()
    # a byte-order mark before the document, as parse() accepts it
    assert pa.table(dts_job_detail.to_arrow("\ufeff" + seed)).num_rows == 1
    # a mapping is refused: iterating it would give its keys
    with pytest.raises(TypeError, match="not a mapping"):
        dts_job_detail.to_arrow({"fixtures/seed.json": 1})
    # a file name that is not UTF-8, as os.listdir gives it (surrogate escapes)
    name = tmp_path / b"r\xe9ponse.json".decode("utf-8", "surrogateescape")
    name.write_text(seed)
    rows = pa.table(dts_job_detail.to_arrow([str(name)]))
    assert rows.column("file").to_pylist() == [str(tmp_path) + "/r\\xE9ponse.json"]


def test_a_stream_can_be_read_on_another_thread_and_left_unread():
    import threading

    rows = dts_job_detail.to_arrow(relative(DOCUMENTS))
    expected = pa.table(rows)
    reader = pa.RecordBatchReader.from_stream(rows)
    got = []
    thread = threading.Thread(target=lambda: got.append(reader.read_all()))
    thread.start()
    thread.join()
    assert got[0].equals(expected)
    for _ in range(100):  # streams made and dropped unread release their reader
        pa.RecordBatchReader.from_stream(rows)
