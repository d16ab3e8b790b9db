"""Offline reader of Alibaba Cloud DTS DescribeDtsJobDetail responses (JSON and XML)."""

import datetime
import os
from typing import Any, Iterable, Literal, Optional, Sequence, Union, overload

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
    status_raw: Optional[str]
    status_known: bool
    status_class: StatusClass
    delay: Optional[datetime.timedelta]
    checkpoint_time: Optional[datetime.datetime]
    error: Optional[dict[str, str]]
    # members: generated from the model's table (python/src/stubs.rs)
    app_name: Optional[str]
    approval_process_status: Union[int, str, None]
    approval_process_url: Optional[str]
    begin_timestamp: Optional[str]
    binlog: Optional[str]
    binlog_site: Optional[str]
    binlog_time: Optional[str]
    boot_time: Optional[str]
    checkpoint: Union[int, str, None]
    code: Union[int, str, None]
    consumption_checkpoint: Optional[str]
    consumption_client: Optional[str]
    cpu_usage: Optional[str]
    create_time: Optional[str]
    data_cloud_status: Optional[dict[str, Any]]
    data_delivery_channel_info: Optional[dict[str, Any]]
    data_etl_status: Optional[dict[str, Any]]
    data_initialization_status: Optional[dict[str, Any]]
    data_synchronization_status: Optional[dict[str, Any]]
    database_count: Union[int, str, None]
    db_object: Optional[str]
    db_object_oss_url: Optional[str]
    db_object_oss_url_expire_time: Optional[str]
    db_object_size: Union[int, str, None]
    dedicated_cluster_id: Optional[str]
    demo_job: Union[bool, str, None]
    dest_net_type: Optional[str]
    destination_endpoint: Optional[dict[str, Any]]
    dts_bis_label: Optional[str]
    dts_instance_id: Optional[str]
    dts_job_class: Optional[str]
    dts_job_direction: Optional[str]
    dts_job_id: Optional[str]
    dts_job_name: Optional[str]
    du_real_usage: Optional[str]
    du_usage: Union[int, str, None]
    dynamic_message: Optional[str]
    end_timestamp: Optional[str]
    err_code: Optional[str]
    err_message: Optional[str]
    error_details: Optional[list[dict[str, Any]]]
    error_message: Optional[str]
    etl_calculator: Optional[str]
    etl_safe_checkpoint: Optional[str]
    expire_time: Optional[str]
    finish_time: Optional[str]
    full_data_check_status: Optional[dict[str, Any]]
    group_id: Optional[str]
    http_status_code: Union[int, str, None]
    inc_data_check_status: Optional[dict[str, Any]]
    init_checkpoint: Optional[str]
    insight_module: Union[bool, str, None]
    is_demo_job: Union[bool, str, None]
    job_type: Optional[str]
    last_update_time: Optional[str]
    max_du: Union[float, str, None]
    mem_usage: Optional[str]
    migration_err_code: Optional[str]
    migration_err_help_doc_id: Optional[str]
    migration_err_help_doc_key: Optional[str]
    migration_err_msg: Optional[str]
    migration_err_type: Optional[str]
    migration_err_workaround: Optional[str]
    migration_mode: Optional[dict[str, Any]]
    min_du: Union[float, str, None]
    origin_type: Optional[str]
    pay_type: Optional[str]
    performance: Optional[dict[str, Any]]
    precheck_status: Optional[dict[str, Any]]
    request_id: Optional[str]
    reserved: Optional[str]
    resource_group_display_name: Optional[str]
    resource_group_id: Optional[str]
    retry_state: Optional[dict[str, Any]]
    reverse_job: Any
    source_endpoint: Optional[dict[str, Any]]
    structure_data_check_status: Optional[dict[str, Any]]
    structure_initialization_status: Optional[dict[str, Any]]
    sub_distributed_job: Optional[list[dict[str, Any]]]
    sub_sync_job: Optional[list[Any]]
    subscribe_topic: Optional[str]
    subscription_data_type: Optional[dict[str, Any]]
    subscription_host: Optional[dict[str, Any]]
    success: Union[bool, str, None]
    synchronization_direction: Optional[str]
    tag_list: Optional[list[dict[str, Any]]]
    task_type: Optional[str]
    time_window_data_check_status: Optional[dict[str, Any]]
    dts_job_list: Optional[list[dict[str, Any]]]
    dynamic_code: Optional[str]
    etl_demo_list: Optional[list[dict[str, Any]]]
    page_number: Union[int, str, None]
    page_record_count: Union[int, str, None]
    total_record_count: Union[int, str, None]
    host_id: Optional[str]
    message: Optional[str]
    recommend: Optional[str]
    # end of members
    def sub_jobs(self) -> list[Job]: ...
    def validate(self) -> list[Diagnostic]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    def __eq__(self, other: object) -> bool: ...

class Response:
    """A parsed response; members are attributes by snake-case name (`dts_job_id`)."""

    kind: Literal["detail", "page", "error"]
    pointer: Literal[""]
    parent_pointer: None
    depth: int
    task_kind: TaskKind
    status: Optional[str]
    status_raw: Optional[str]
    status_known: bool
    status_class: StatusClass
    delay: Optional[datetime.timedelta]
    checkpoint_time: Optional[datetime.datetime]
    error: Optional[dict[str, str]]
    # members: generated from the model's table (python/src/stubs.rs)
    app_name: Optional[str]
    approval_process_status: Union[int, str, None]
    approval_process_url: Optional[str]
    begin_timestamp: Optional[str]
    binlog: Optional[str]
    binlog_site: Optional[str]
    binlog_time: Optional[str]
    boot_time: Optional[str]
    checkpoint: Union[int, str, None]
    code: Union[int, str, None]
    consumption_checkpoint: Optional[str]
    consumption_client: Optional[str]
    cpu_usage: Optional[str]
    create_time: Optional[str]
    data_cloud_status: Optional[dict[str, Any]]
    data_delivery_channel_info: Optional[dict[str, Any]]
    data_etl_status: Optional[dict[str, Any]]
    data_initialization_status: Optional[dict[str, Any]]
    data_synchronization_status: Optional[dict[str, Any]]
    database_count: Union[int, str, None]
    db_object: Optional[str]
    db_object_oss_url: Optional[str]
    db_object_oss_url_expire_time: Optional[str]
    db_object_size: Union[int, str, None]
    dedicated_cluster_id: Optional[str]
    demo_job: Union[bool, str, None]
    dest_net_type: Optional[str]
    destination_endpoint: Optional[dict[str, Any]]
    dts_bis_label: Optional[str]
    dts_instance_id: Optional[str]
    dts_job_class: Optional[str]
    dts_job_direction: Optional[str]
    dts_job_id: Optional[str]
    dts_job_name: Optional[str]
    du_real_usage: Optional[str]
    du_usage: Union[int, str, None]
    dynamic_message: Optional[str]
    end_timestamp: Optional[str]
    err_code: Optional[str]
    err_message: Optional[str]
    error_details: Optional[list[dict[str, Any]]]
    error_message: Optional[str]
    etl_calculator: Optional[str]
    etl_safe_checkpoint: Optional[str]
    expire_time: Optional[str]
    finish_time: Optional[str]
    full_data_check_status: Optional[dict[str, Any]]
    group_id: Optional[str]
    http_status_code: Union[int, str, None]
    inc_data_check_status: Optional[dict[str, Any]]
    init_checkpoint: Optional[str]
    insight_module: Union[bool, str, None]
    is_demo_job: Union[bool, str, None]
    job_type: Optional[str]
    last_update_time: Optional[str]
    max_du: Union[float, str, None]
    mem_usage: Optional[str]
    migration_err_code: Optional[str]
    migration_err_help_doc_id: Optional[str]
    migration_err_help_doc_key: Optional[str]
    migration_err_msg: Optional[str]
    migration_err_type: Optional[str]
    migration_err_workaround: Optional[str]
    migration_mode: Optional[dict[str, Any]]
    min_du: Union[float, str, None]
    origin_type: Optional[str]
    pay_type: Optional[str]
    performance: Optional[dict[str, Any]]
    precheck_status: Optional[dict[str, Any]]
    request_id: Optional[str]
    reserved: Optional[str]
    resource_group_display_name: Optional[str]
    resource_group_id: Optional[str]
    retry_state: Optional[dict[str, Any]]
    reverse_job: Any
    source_endpoint: Optional[dict[str, Any]]
    structure_data_check_status: Optional[dict[str, Any]]
    structure_initialization_status: Optional[dict[str, Any]]
    sub_distributed_job: Optional[list[dict[str, Any]]]
    sub_sync_job: Optional[list[Any]]
    subscribe_topic: Optional[str]
    subscription_data_type: Optional[dict[str, Any]]
    subscription_host: Optional[dict[str, Any]]
    success: Union[bool, str, None]
    synchronization_direction: Optional[str]
    tag_list: Optional[list[dict[str, Any]]]
    task_type: Optional[str]
    time_window_data_check_status: Optional[dict[str, Any]]
    dts_job_list: Optional[list[dict[str, Any]]]
    dynamic_code: Optional[str]
    etl_demo_list: Optional[list[dict[str, Any]]]
    page_number: Union[int, str, None]
    page_record_count: Union[int, str, None]
    total_record_count: Union[int, str, None]
    host_id: Optional[str]
    message: Optional[str]
    recommend: Optional[str]
    # end of members
    def jobs(self) -> list[Job]:
        """Every job: a detail's top level and its nested jobs, a page's
        items and theirs; none for an error."""
    def sub_jobs(self) -> list[Job]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    def to_xml(self) -> str: ...
    def validate(self) -> list[Diagnostic]: ...
    def __eq__(self, other: object) -> bool: ...

def parse(
    data: Union[bytes, str, dict[str, Any]], *, strict: bool = False, task_kind: _KindOption = None
) -> Response: ...
def parse_file(path: _Path, *, strict: bool = False, task_kind: _KindOption = None) -> Response: ...
@overload
def parse_files(
    paths: Sequence[_Path],
    threads: Optional[int] = None,
    *,
    strict: bool = False,
    task_kind: _KindOption = None,
    errors: Literal["raise"] = "raise",
) -> list[Response]: ...
@overload
def parse_files(
    paths: Sequence[_Path],
    threads: Optional[int] = None,
    *,
    strict: bool = False,
    task_kind: _KindOption = None,
    errors: Literal["return"],
) -> list[Union[Response, Exception]]: ...

_Input = Union[bytes, bytearray, str, "os.PathLike[str]"]

class JobRows:
    """The job rows of some inputs as an Arrow stream (the Arrow PyCapsule
    interface): `pyarrow.table(rows)`, `polars.DataFrame(rows)`, DuckDB's
    `FROM rows`. The columns and types are `export --format parquet`'s; each
    stream reads the inputs from the first."""

    def __arrow_c_stream__(self, requested_schema: object = None) -> object: ...
    def __arrow_c_schema__(self) -> object: ...

def to_arrow(
    inputs: Union[_Input, Iterable[_Input]],
    *,
    labels: Optional[Sequence[str]] = None,
    ndjson: bool = False,
    strict: bool = False,
    task_kind: _KindOption = None,
    errors: Literal["raise", "skip"] = "raise",
) -> JobRows:
    """The job rows of `inputs`: `bytes` and a `str` that begins with `{` or
    `<` are documents, any other `str` and an `os.PathLike` are paths.
    `labels` fills the `file` column (default: the path, or `<input N>`).
    `ndjson=True`: each input is a log of one response per line. A response
    that cannot be read ends the stream with an error naming it
    (`errors="raise"`) or gives no row (`errors="skip"`, as the CLI's export)."""
