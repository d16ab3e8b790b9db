"""The Python package against the command line (the same Rust crate) and the
official SDK. The CLI binary is DTS_JOB_DETAIL_BIN, else target/debug's."""

import datetime
import json
import pathlib

import pytest

import dts_job_detail
from common import DOCUMENTS, FIXTURES, ROOT, cli


def test_there_are_fixtures_in_both_forms():
    assert len([p for p in DOCUMENTS if p.suffix == ".json"]) > 20
    assert len([p for p in DOCUMENTS if p.suffix == ".xml"]) > 15


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_every_fixture_reads_as_the_cli_reads_it(path):
    out = cli("json", "--no-progress", path)
    if out.returncode != 0:
        with pytest.raises(dts_job_detail.ParseError):
            dts_job_detail.parse_file(path)
        return
    resp = dts_job_detail.parse_file(path)
    assert resp.to_dict() == json.loads(out.stdout)
    assert json.loads(resp.to_json()) == json.loads(out.stdout)
    # the diagnostics are the CLI's `check --format json`, without "file"
    check = cli("check", "--no-progress", "--format", "json", path)
    expected = [json.loads(line) for line in check.stdout.splitlines()]
    for d in expected:
        del d["file"]
    assert [d.to_dict() for d in resp.validate()] == expected
    # and the summary is `inspect --format json`'s: a line per job of a page
    # (each of its items), else one for the response
    summaries = [json.loads(line) for line in cli("inspect", "--no-progress", "--format", "json", path).stdout.splitlines()]
    views = [j for j in resp.jobs() if j.depth == 0] if resp.kind == "page" else []
    views = views or [resp]
    assert len(views) == len(summaries)
    for view, summary in zip(views, summaries):
        if resp.kind == "page":
            assert view.pointer == summary["Pointer"]
        assert view.task_kind == summary["TaskKind"]
        assert view.status_raw == summary["Status"]
        if view.status_known:
            # the documented spelling of the status sent
            assert view.status.lower() == view.status_raw.strip().lower()
        else:
            assert view.status == view.status_raw
        assert view.status_known == summary["StatusKnown"]
        delay = view.delay
        assert (None if delay is None else delay // datetime.timedelta(milliseconds=1)) == summary["DelayMillis"]
        checkpoint = view.checkpoint_time
        assert (None if checkpoint is None else int(checkpoint.timestamp())) == summary["Checkpoint"]
        assert len(view.sub_jobs()) == summary["SubJobs"]


def test_status_class_is_the_exports():
    # ergonomics v3: the class of every job, as the export's status_class column
    for name in ("sync_subjobs.xml", "migration.json", "change_tracking.json", "gateway_error.json"):
        path = FIXTURES / name
        rows = [json.loads(line) for line in cli("export", "--no-progress", "--format", "ndjson", "--output", "-", path).stdout.splitlines()]
        resp = dts_job_detail.parse_file(path)
        classes = [resp.status_class] + [j.status_class for j in resp.sub_jobs()]
        assert classes == [r["status_class"] for r in rows], name
    assert dts_job_detail.parse(b'{"Status":"Abnormal"}').status_class == "failed"
    lower = dts_job_detail.parse(b'{"JobType":"sync","Status":"synchronizing"}')
    assert (lower.status_class, lower.status, lower.status_raw) == ("running", "Synchronizing", "synchronizing")


def test_sub_jobs_are_the_exported_jobs():
    path = FIXTURES / "sync_subjobs.xml"
    rows = [json.loads(line) for line in cli("export", "--no-progress", "--format", "ndjson", "--output", "-", path).stdout.splitlines()]
    jobs = dts_job_detail.parse_file(path).sub_jobs()
    assert [j.pointer for j in jobs] == [r["pointer"] for r in rows[1:]]
    assert [j.parent_pointer for j in jobs] == [r["parent_pointer"] for r in rows[1:]]
    assert [j.task_kind for j in jobs] == [r["task_kind"] for r in rows[1:]]
    assert [j.depth for j in jobs] == [r["depth"] for r in rows[1:]]
    reverse = jobs[1]
    assert reverse.pointer == "/SubSyncJob/0/ReverseJob"
    assert reverse.dts_job_id == "rev1****"
    assert reverse.to_dict()["DtsJobId"] == "rev1****"


def test_typed_values():
    resp = dts_job_detail.parse(
        b'{"RequestId":"r","JobType":"SYNC","Status":"synchronizing","Delay":"3","Checkpoint":"1616405159",'
        b'"SubSyncJob":[{"Delay":4}],"FutureField":{"a":[1,2]}}'
    )
    assert resp.kind == "detail"
    assert resp.task_kind == "synchronization"
    assert resp.delay == datetime.timedelta(seconds=3)
    assert resp.checkpoint_time == datetime.datetime(2021, 3, 22, 9, 25, 59, tzinfo=datetime.timezone.utc)
    assert resp.sub_jobs()[0].delay == datetime.timedelta(seconds=4)  # the parent's kind
    # members by snake-case name; absent ones are None; unknown ones kept in to_dict()
    assert resp.request_id == "r"
    assert resp.dts_job_id is None
    assert resp.to_dict()["FutureField"] == {"a": [1, 2]}
    with pytest.raises(AttributeError):
        resp.no_such_member
    # a task kind given by the caller reaches every nested job
    migration = dts_job_detail.parse(b'{"Delay":5,"SubSyncJob":[{"Delay":6}]}', task_kind="migration")
    assert migration.delay == datetime.timedelta(milliseconds=5)
    assert migration.sub_jobs()[0].delay == datetime.timedelta(milliseconds=6)
    assert dts_job_detail.parse(b'{"Delay":5}').delay is None


@pytest.mark.parametrize(
    "doc",
    [
        '{"Foo":123456789012345678901234,"Bar":[-99999999999999999999,1.5,-0.0,1e-400]}',
        '{"Foo":1E400,"Delay":"7","SubSyncJob":[{"X":18446744073709551615}]}',
        '{"Foo":{"deep":[1,2,{"x":null,"y":true}]},"Checkpoint":"12x","Success":"TRUE"}',
    ],
)
def test_to_dict_is_json_loads_of_to_json_for_any_number(doc):
    resp = dts_job_detail.parse(doc)
    assert resp.to_dict() == json.loads(resp.to_json())
    assert [j.to_dict() for j in resp.sub_jobs()] == [json.loads(j.to_json()) for j in resp.sub_jobs()]


def test_str_and_bytes_read_the_same():
    text = (FIXTURES / "seed.xml").read_text()
    assert dts_job_detail.parse(text).to_dict() == dts_job_detail.parse(text.encode()).to_dict()
    assert dts_job_detail.parse(text).to_xml().startswith("<?xml")


def test_the_gateway_envelope():
    resp = dts_job_detail.parse_file(FIXTURES / "gateway_error.json")
    assert resp.kind == "error"
    assert resp.task_kind == "unknown"
    assert resp.error["code"] == "Forbidden.InstanceNotFound"
    assert resp.code == "Forbidden.InstanceNotFound"
    assert resp.sub_jobs() == []


def test_errors_carry_their_position():
    with pytest.raises(dts_job_detail.ParseError) as caught:
        dts_job_detail.parse_file(ROOT / "tests" / "cli-data" / "mixed" / "truncated.json")
    e = caught.value
    assert isinstance(e, ValueError)
    assert (e.line, e.column, e.pointer, e.kind) == (1, 29, "/Delay", "syntax")
    assert e.path.endswith("truncated.json")
    with pytest.raises(dts_job_detail.ParseError) as caught:
        dts_job_detail.parse('{"Delay": {"a": 1}}')
    assert (caught.value.pointer, caught.value.kind, caught.value.path) == ("/Delay", "shape", None)
    with pytest.raises(dts_job_detail.ParseError) as caught:
        dts_job_detail.parse(b"<!DOCTYPE x><x/>")
    assert caught.value.kind == "doctype"
    with pytest.raises(dts_job_detail.ParseError) as caught:
        dts_job_detail.parse(b"hello")
    assert caught.value.kind == "unknown-format"
    with pytest.raises(TypeError):
        dts_job_detail.parse(42)
    with pytest.raises(ValueError):
        dts_job_detail.parse(b"{}", task_kind="sideways")
    with pytest.raises(OSError):
        dts_job_detail.parse_file(FIXTURES / "no-such-file.json")


def test_parse_files_keeps_order_and_raises_for_a_bad_one():
    paths = [FIXTURES / "seed.json", FIXTURES / "seed.xml", FIXTURES / "sync_subjobs.json"] * 5
    for threads in (None, 1, 3):
        got = dts_job_detail.parse_files(paths, threads)
        assert [r.to_dict() for r in got] == [dts_job_detail.parse_file(p).to_dict() for p in paths]
    with pytest.raises(dts_job_detail.ParseError) as caught:
        dts_job_detail.parse_files(paths + [ROOT / "tests" / "cli-data" / "mixed" / "truncated.json"])
    assert caught.value.path.endswith("truncated.json")


def differences(a, b, at=""):
    """(pointer, a, b) for every leaf where a and b differ."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            yield from differences(a.get(key), b.get(key), f"{at}/{key}")
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            yield from differences(x, y, f"{at}/{i}")
    elif a != b:
        yield at, a, b


def test_the_official_sdk_reads_to_dict_as_the_original():
    models = pytest.importorskip("alibabacloud_dts20200101.models")
    for name in ("seed.json", "sync_subjobs.json", "published/sdk-sample.json", "migration.json"):
        original = json.loads((FIXTURES / name).read_text())
        ours = dts_job_detail.parse_file(FIXTURES / name).to_dict()
        sdk_original = models.DescribeDtsJobDetailResponseBody().from_map(original).to_map()
        sdk_ours = models.DescribeDtsJobDetailResponseBody().from_map(ours).to_map()
        # The service's own samples send some members in a type other than
        # the declared one (the seed's top-level Checkpoint is a string);
        # canonical JSON has the declared type there, and the same value.
        sent_otherwise = {
            at for at, _, _ in sdk_type_errors(original, models.DescribeDtsJobDetailResponseBody, models, "", set())
        }
        for at, got, sent in differences(sdk_ours, sdk_original):
            assert at in sent_otherwise and str(got) == str(sent), (name, at, got, sent)
        assert sdk_ours["DtsJobId"] == sdk_original["DtsJobId"]


def sdk_type_errors(value, model, models, at, raw):
    """(pointer, declared, value) for each member of `value` whose JSON type
    is not the one the SDK's model class `model` declares for it; members the
    class does not declare, and pointers in `raw`, are not looked at."""
    import inspect

    declared = {
        name.replace("_", ""): parameter.annotation
        for name, parameter in inspect.signature(model.__init__).parameters.items()
        if name != "self"
    }
    for key, member in value.items():
        annotation = declared.get(key.lower())
        if annotation is not None and f"{at}/{key}" not in raw:
            yield from sdk_value_errors(member, annotation, models, f"{at}/{key}", raw)


def sdk_value_errors(value, annotation, models, at, raw):
    if value is None or annotation == "Any":
        return
    scalar = {"str": str, "int": int, "bool": bool, "float": (int, float)}.get(annotation)
    if scalar is not None:
        exact = isinstance(value, scalar) and (annotation == "bool" or not isinstance(value, bool))
        if not exact:
            yield at, annotation, value
    elif annotation.startswith("List[") and annotation.endswith("]"):
        if not isinstance(value, list):
            yield at, annotation, value
            return
        for i, item in enumerate(value):
            yield from sdk_value_errors(item, annotation[5:-1], models, f"{at}/{i}", raw)
    elif annotation.startswith("main_models."):
        if not isinstance(value, dict):
            yield at, annotation, value
            return
        yield from sdk_type_errors(value, getattr(models, annotation[len("main_models.") :]), models, at, raw)
    else:
        raise AssertionError(f"an annotation this test does not know: {annotation} at {at}")


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_canonical_json_has_the_type_the_official_sdk_declares_at_every_position(path):
    # Issue 21: Checkpoint is an integer at the top level and a string in job
    # objects (SubSyncJob[], SubDistributedJob[], ReverseJob); the SDK's
    # generated classes are typed by position. A value kept raw (validation
    # reports it as invalid-number or invalid-bool) is a string by contract.
    models = pytest.importorskip("alibabacloud_dts20200101.models")
    try:
        response = dts_job_detail.parse_file(path)
    except dts_job_detail.ParseError:
        return  # a fixture of a refusal
    if response.kind == "error":
        return  # the gateway envelope: the SDK has no class for it
    raw = {d.path for d in response.validate() if d.code in ("invalid-number", "invalid-bool")}
    document = json.loads(response.to_json())
    assert document == response.to_dict()
    # a list page by the SDK's class of DescribeDtsJobs (an item's Checkpoint a
    # string, DuUsage an integer, ...)
    body = models.DescribeDtsJobsResponseBody if response.kind == "page" else models.DescribeDtsJobDetailResponseBody
    errors = list(sdk_type_errors(document, body, models, "", raw))
    assert errors == []


def test_the_sdk_type_check_notices_a_wrong_type():
    models = pytest.importorskip("alibabacloud_dts20200101.models")
    body = models.DescribeDtsJobDetailResponseBody
    wrong = {"Checkpoint": "1", "SubSyncJob": [{"Checkpoint": 1, "TagList": [{"Id": "7"}]}], "Success": 1}
    assert sorted(at for at, _, _ in sdk_type_errors(wrong, body, models, "", set())) == [
        "/Checkpoint",
        "/SubSyncJob/0/Checkpoint",
        "/SubSyncJob/0/TagList/0/Id",
        "/Success",
    ]
    page = {"PageNumber": "1", "DtsJobList": [{"Checkpoint": 1, "DuUsage": "15", "ErrorDetails": [{"ErrorCode": 1}]}]}
    assert sorted(at for at, _, _ in sdk_type_errors(page, models.DescribeDtsJobsResponseBody, models, "", set())) == [
        "/DtsJobList/0/Checkpoint",
        "/DtsJobList/0/DuUsage",
        "/DtsJobList/0/ErrorDetails/0/ErrorCode",
        "/PageNumber",
    ]


def test_typed_package():
    package = pathlib.Path(dts_job_detail.__file__).parent
    assert (package / "py.typed").exists() and (package / "__init__.pyi").exists()
    assert dts_job_detail.__version__


def test_a_missing_file_is_file_not_found_with_its_errno():
    # issue 20, finding 15: a plain OSError without errno before
    missing = FIXTURES / "no-such-file.json"
    for call in (lambda: dts_job_detail.parse_file(missing), lambda: dts_job_detail.parse_files([missing])):
        with pytest.raises(FileNotFoundError) as caught:
            call()
        assert caught.value.errno == 2
        assert caught.value.filename == str(missing)
    with pytest.raises(IsADirectoryError):
        dts_job_detail.parse_file(FIXTURES)


def test_responses_and_jobs_compare_copy_and_pickle():
    # issue 20, finding 15: parse(x) == parse(x) was False, and nothing could be pickled
    import copy
    import multiprocessing
    import pickle

    for name in ("seed.json", "sync_subjobs.xml", "gateway_error.json"):
        data = (FIXTURES / name).read_bytes()
        a, b = dts_job_detail.parse(data), dts_job_detail.parse(data)
        assert a == b and not (a != b)
        assert a != dts_job_detail.parse(data, task_kind="migration")
        assert copy.copy(a) is a and copy.deepcopy(a) is a
        back = pickle.loads(pickle.dumps(a))
        assert back == a and back.to_json() == a.to_json() and back.status == a.status
        jobs = a.sub_jobs()
        assert jobs == b.sub_jobs()
        for job in jobs:
            again = pickle.loads(pickle.dumps(job))
            assert again == job and again.pointer == job.pointer and again.delay == job.delay
    other = dts_job_detail.parse(b'{"RequestId":"r","Delay":1}')
    assert other != dts_job_detail.parse(b'{"RequestId":"r","Delay":2}')
    assert other != "not a response"
    # options travel with the pickle
    kind = pickle.loads(pickle.dumps(dts_job_detail.parse(b'{"Delay":5}', task_kind="migration")))
    assert kind.delay == datetime.timedelta(milliseconds=5)
    # and a process boundary is crossed
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        (status,) = pool.map(_status_of, [dts_job_detail.parse_file(FIXTURES / "seed.json")])
    assert status == dts_job_detail.parse_file(FIXTURES / "seed.json").status


def _status_of(response):
    return response.status


def test_every_member_name_is_an_attribute_on_every_kind_of_response():
    # ergonomics v3: a gateway envelope raised AttributeError for dts_job_id
    envelope = dts_job_detail.parse_file(FIXTURES / "gateway_error.json")
    assert envelope.kind == "error"
    assert envelope.dts_job_id is None and envelope.status is None
    assert envelope.host_id is not None
    detail = dts_job_detail.parse_file(FIXTURES / "seed.json")
    assert detail.host_id is None and detail.dts_job_id is not None
    with pytest.raises(AttributeError):
        detail.no_such_member
    # dir() lists the members and the attributes, for a response and a job
    for obj in (envelope, detail, dts_job_detail.parse_file(FIXTURES / "sync_subjobs.json").sub_jobs()[0]):
        names = dir(obj)
        for name in ("dts_job_id", "host_id", "checkpoint", "status_class", "to_dict", "task_kind"):
            assert name in names, (obj, name)


def test_parse_takes_a_dict():
    text = (FIXTURES / "sync_subjobs.json").read_text()
    from_dict = dts_job_detail.parse(json.loads(text))
    assert from_dict == dts_job_detail.parse(text)
    # a number beyond 64 bits keeps its digits through the dict
    big = dts_job_detail.parse({"Delay": 123456789012345678901234567890})
    assert big.to_json() == '{"Delay":"123456789012345678901234567890"}'
    models = pytest.importorskip("alibabacloud_dts20200101.models")
    sdk = models.DescribeDtsJobDetailResponseBody().from_map(json.loads(text)).to_map()
    assert dts_job_detail.parse(sdk).dts_job_id == from_dict.dts_job_id
    with pytest.raises(TypeError):
        dts_job_detail.parse([1, 2])


def test_parse_files_can_return_errors_in_place():
    good = FIXTURES / "seed.json"
    bad = ROOT / "tests" / "cli-data" / "mixed" / "truncated.json"
    missing = FIXTURES / "no-such-file.json"
    got = dts_job_detail.parse_files([good, bad, missing, good], errors="return")
    assert [type(x).__name__ for x in got] == ["Response", "ParseError", "FileNotFoundError", "Response"]
    assert got[1].path.endswith("truncated.json")
    with pytest.raises(dts_job_detail.ParseError):
        dts_job_detail.parse_files([good, bad])
    with pytest.raises(ValueError):
        dts_job_detail.parse_files([good], errors="ignore")


def test_the_stubs_type_a_users_script():
    # ergonomics v3: every member typed in the stubs (generated from the
    # model's table), so mypy checks a script, and catches a misspelt member
    mypy = pytest.importorskip("mypy.api")
    here = pathlib.Path(__file__).parent
    out, err, status = mypy.run(["--strict", "--no-incremental", str(here / "typing_sample.py")])
    assert status == 0, out + err
    out, err, status = mypy.run(["--strict", "--no-incremental", str(here / "typing_wrong.py")])
    assert status == 1, out + err
    for line in (6, 7, 8, 9, 10):
        assert f"typing_wrong.py:{line}: error" in out, out


def test_response_and_job_share_the_job_view():
    # ergonomics v3: pointer, error, validate, sub_jobs, status_class on both
    resp = dts_job_detail.parse_file(FIXTURES / "sync_subjobs.json")
    assert (resp.pointer, resp.parent_pointer, resp.depth) == ("", None, 0)
    jobs = resp.sub_jobs()
    first = jobs[0]
    nested = first.sub_jobs()
    assert [j.pointer for j in nested] == [j.pointer for j in jobs if j.pointer.startswith(first.pointer + "/")]
    for obj in (resp, first):
        assert obj.status_class in ("not-started", "running", "paused", "failed", "finished", "unknown")
        assert isinstance(obj.validate(), list)
        assert obj.error is None or set(obj.error) == {"code", "message"}
    # a job's diagnostics are the response's under its pointer
    bad = dts_job_detail.parse(b'{"SubSyncJob":[{"CreateTime":"2021-02-30T00:00:00Z"},{"Delay":"x"}]}')
    (one, two) = bad.sub_jobs()
    assert [d.path for d in one.validate()] == ["/SubSyncJob/0/CreateTime"]
    assert [d.path for d in two.validate()] == ["/SubSyncJob/1/Delay"]
    failed = dts_job_detail.parse(b'{"SubSyncJob":[{"Success":false,"ErrCode":"E","ErrMessage":"m %s","DynamicMessage":"x"}]}')
    assert failed.sub_jobs()[0].error == {"code": "E", "message": "m x"}


def test_a_nested_job_is_written_as_inside_its_response():
    # model v3 review: Job.to_dict() wrote a nested job as a document (Checkpoint a number)
    r = dts_job_detail.parse(b'{"JobType":"sync","Checkpoint":5,"SubSyncJob":[{"DtsJobId":"s","Checkpoint":123}]}')
    (job,) = r.sub_jobs()
    assert r.to_dict()["SubSyncJob"][0] == job.to_dict()
    assert job.to_dict()["Checkpoint"] == "123" and job.checkpoint == "123"
    assert json.loads(job.to_json()) == job.to_dict()
    assert r.checkpoint == 5
    assert repr(job) == "<Job /SubSyncJob/0 s synchronization ->"


def test_a_list_page_reads_with_its_jobs():
    # DescribeDtsJobs: a page is a response of its own; its items are jobs
    page = dts_job_detail.parse_file(FIXTURES / "pages" / "synchronization.xml")
    assert page.kind == "page"
    assert (page.page_number, page.page_record_count, page.total_record_count) == (2, 2, 3)
    assert page.dts_job_id is None and page.host_id is None
    jobs = page.jobs()
    assert [(j.pointer, j.depth, j.task_kind, j.status_class) for j in jobs] == [
        ("/DtsJobList/0", 0, "synchronization", "running"),
        ("/DtsJobList/0/ReverseJob", 1, "synchronization", "running"),
        ("/DtsJobList/1", 0, "synchronization", "paused"),
    ]
    assert jobs[2].delay == datetime.timedelta(seconds=120)
    assert jobs[0].to_dict()["Checkpoint"] == "1616899019"  # a job object's type
    assert [j.pointer for j in page.sub_jobs()] == [j.pointer for j in jobs]
    assert page.to_dict() == json.loads(page.to_json())
    assert page.validate() == []
    assert repr(page) == "<Response page 2 of 2 jobs>"
    failed = dts_job_detail.parse_file(FIXTURES / "pages" / "error.json")
    assert failed.kind == "page" and failed.error["code"] == "InvalidParameter"
    assert failed.jobs() == []
    import pickle

    assert pickle.loads(pickle.dumps(jobs[1])).pointer == "/DtsJobList/0/ReverseJob"
