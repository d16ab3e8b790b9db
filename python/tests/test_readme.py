"""The README's section "At scale" runs as written (from the repository's root)."""

import contextlib
import io
import os
import re

import pytest

from common import ROOT


def blocks():
    readme = (ROOT / "README.md").read_text()
    section = readme.split("\n## At scale\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, re.S)


def run(code):
    """Runs `code` from the repository's root; its names and what it printed."""
    names = {"__name__": "__readme__"}
    printed = io.StringIO()
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(printed):
            exec(compile(code, "README.md", "exec"), names)
    finally:
        os.chdir(here)
    return names, printed.getvalue()


def test_the_section_has_an_arrow_and_a_spark_example():
    found = blocks()
    assert len(found) == 2
    assert "to_arrow" in found[0] and "dts_job_detail.spark.read" in found[1]


def test_the_arrow_polars_and_duckdb_example_runs():
    names, printed = run(blocks()[0])
    table, slowest = names["table"], names["slowest"]
    # a row per job: more rows than files, and sub-jobs among them
    assert table.num_columns == 32
    assert table.num_rows > len(set(table.column("file").to_pylist())) >= 10
    assert len(slowest) == 3 and slowest[0][1] >= slowest[2][1]
    assert printed.startswith(f"{table.num_rows} {names['by_class'].height} ")


@pytest.mark.filterwarnings("ignore::FutureWarning")
def test_the_spark_example_runs():
    names, printed = run(blocks()[1])
    assert names["jobs"].count() > 67
    assert "|status_class|count|" in printed.replace(" ", "")
    assert "running" in printed and "failed" in printed
