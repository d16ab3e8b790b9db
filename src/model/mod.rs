//! The typed model: one struct per shape of the response, nothing else.
//!
//! Every shape is declared once, in the table of `for_each_shape!` (in `src/model/mod.rs`): Rust
//! field, wire name and type. The table is expanded by every module that
//! needs to know the members — the structs and their canonical `Serialize`
//! here, the decoders in `de`, validation in `validate` — so a member's rule
//! lives in exactly one line, and this module depends on nothing but the value
//! types. Fields are listed in ASCII order of their wire names, the order of
//! the API reference, which is also the canonical output order.
//!
//! Field types say what tolerance applies:
//!
//! | type            | wire                                   | model                      |
//! |-----------------|----------------------------------------|----------------------------|
//! | [`Text`]        | string (numbers/booleans as their text)| `Option<Str>` (a `&str` by deref, short ones inline) |
//! | [`Int`]         | integer or numeric string              | `Option<Scalar<i64>>`      |
//! | [`Bool`]        | boolean or `"true"`/`"false"`          | `Option<Scalar<bool>>`     |
//! | [`Float`]       | number or numeric string               | `Option<Scalar<f64>>`      |
//! | [`Enum<E>`]     | string from an open set                | `Option<Open<E>>`          |
//! | `Option<Box<Shape>>` | object / element with children    | the shape (boxed: a job stays small to move) |
//! | `Vec<Shape>`    | array / repeated sibling elements      | items in order; empty = absent |
//! | `Option<JobOrValue>`, `Vec<JobOrValue>` | anything (the API leaves the position untyped) | a job for each object, a list for each array, a [`Value`] otherwise |
//!
//! Scalar tolerance (one implementation, shared by both forms):
//!
//! | target   | accepts                                                    | kept raw ([`Scalar::Invalid`])        |
//! |----------|------------------------------------------------------------|---------------------------------------|
//! | text     | strings; numbers and booleans as their literal text        | —                                     |
//! | integer  | numbers and numeric text that denote an integer in `i64` range, in any spelling (`7`, `"7"`, `" 7 "`, `7.0`, `7e0`, `-0`) | fractions, values beyond `i64`, words |
//! | boolean  | `true`/`false`, as JSON booleans or text (any case)        | `0`, `1`, `yes`, numbers              |
//! | float    | numbers and numeric text a finite `f64` can hold            | `NaN`, `inf`, `1e400`, `1e-400`, words |
//!
//! A value kept raw keeps its exact text: a number's digits as written, a
//! string as sent. `""` (or only white space) and `null` mean "present, no
//! value": [`Scalar::Empty`] for typed scalars (written back as `null`) and
//! the empty string for text. An object or array where a scalar belongs fails
//! the parse (wrong shape); `""` or `null` where an object belongs is an empty
//! object or an absent one.

mod enums;
pub(crate) mod meaning;

use serde::ser::{Serialize, SerializeMap, Serializer};

pub use crate::value::{Number, Open, Scalar, Str, UnknownFields, Value};
pub use enums::{
    CheckResult, DestNetType, Direction, JobType, OriginType, PayType, RetryTarget, SslSolution,
};
use meaning::Position;
pub use meaning::Stage;

/// A text member: `None` when absent.
pub type Text = Option<Str>;
/// An integer member (`i64`, never a float): `None` when absent.
pub type Int = Option<Scalar<i64>>;
/// A boolean member: `None` when absent.
pub type Bool = Option<Scalar<bool>>;
/// A float member: `None` when absent.
pub type Float = Option<Scalar<f64>>;
/// A member from an open set of strings: `None` when absent.
pub type Enum<E> = Option<Open<E>>;

/// Calls `$callback!` once for every shape of the model, with its table
/// (members spelled with their full types, `Option<Str>` rather than the
/// alias [`Text`], so the structs' documentation shows that every member
/// may be absent):
///
/// ```text
/// #[doc…] Name { #[doc…] field: Type = "WireName", … } [extra { #[doc…] field: Type, … }]
/// ```
///
/// `extra` fields are not wire members (they are neither read nor written as
/// members); a callback that does not need them ignores them.
macro_rules! for_each_shape {
    ($callback:ident) => {
        $callback! {
            /// A `DescribeDtsJobDetail` job: the response body's top level, and every job
            /// object nested in it (`SubSyncJob[]`, `SubDistributedJob[]`, `ReverseJob`).
            ///
            /// The API gives the top level and the job objects nearly the same members
            /// ; this struct holds their union, so a member the service
            /// moves between levels is still typed. Members that do not belong to a
            /// position are simply absent there.
            JobDetail {
                /// `new` for change tracking of the new version.
                app_name: Option<Str> = "AppName",
                /// Undocumented approval status.
                approval_process_status: Option<Scalar<i64>> = "ApprovalProcessStatus",
                /// Undocumented approval URL.
                approval_process_url: Option<Str> = "ApprovalProcessUrl",
                /// Start of the change-tracking range, `YYYY-MM-DDTHH:MM:SSZ`.
                begin_timestamp: Option<Str> = "BeginTimestamp" [timestamp(Calendar), tracking],
                /// Binlog information.
                binlog: Option<Str> = "Binlog",
                /// Current binlog position.
                binlog_site: Option<Str> = "BinlogSite",
                /// Binlog position range.
                binlog_time: Option<Str> = "BinlogTime",
                /// Start time (documented with milliseconds and no zone).
                boot_time: Option<Str> = "BootTime" [timestamp(Calendar)],
                /// Incremental offset, UNIX seconds (a number at the top level, a string in
                /// job objects; both read as an integer).
                checkpoint: Option<Scalar<i64>> = "Checkpoint" [in_job_objects(String)],
                /// Legacy code, `200` on success.
                code: Option<Scalar<i64>> = "Code",
                /// Consumer checkpoint of a change-tracking task.
                consumption_checkpoint: Option<Str> = "ConsumptionCheckpoint" [timestamp(Calendar), after(begin_timestamp), before(end_timestamp), tracking],
                /// Downstream client, `<ip>:<id>`.
                consumption_client: Option<Str> = "ConsumptionClient",
                /// CPU usage in percent, a string (list pages).
                cpu_usage: Option<Str> = "CpuUsage",
                /// Creation time.
                create_time: Option<Str> = "CreateTime" [timestamp(Calendar)],
                /// Physical-gateway migration stage (list pages; no documented
                /// vocabulary, so no stage checks).
                data_cloud_status: Option<Box<StageStatus>> = "DataCloudStatus",
                /// Data delivery channel (top level).
                data_delivery_channel_info: Option<Box<DataDeliveryChannelInfo>> = "DataDeliveryChannelInfo",
                /// ETL stage.
                data_etl_status: Option<Box<StageStatus>> = "DataEtlStatus" [stage(DataEtl)],
                /// Full data stage.
                data_initialization_status: Option<Box<StageStatus>> = "DataInitializationStatus" [stage(DataInitialization)],
                /// Incremental stage.
                data_synchronization_status: Option<Box<StageStatus>> = "DataSynchronizationStatus" [stage(DataSynchronization)],
                /// RDS instances behind a PolarDB-X 1.0 source.
                database_count: Option<Scalar<i64>> = "DatabaseCount",
                /// Task objects, JSON in a string; see `db_objects()`.
                db_object: Option<Str> = "DbObject" [json_text],
                /// URL of the objects on OSS (undocumented).
                db_object_oss_url: Option<Str> = "DbObjectOssUrl",
                /// Expiry of that URL (undocumented).
                db_object_oss_url_expire_time: Option<Str> = "DbObjectOssUrlExpireTime",
                /// Size of the objects (undocumented).
                db_object_size: Option<Scalar<i64>> = "DbObjectSize",
                /// Dedicated cluster.
                dedicated_cluster_id: Option<Str> = "DedicatedClusterId",
                /// Incremental latency; its unit depends on the task kind (see `delay()`).
                delay: Option<Scalar<i64>> = "Delay",
                /// Whether the task is a demo task (top level spelling).
                demo_job: Option<Scalar<bool>> = "DemoJob",
                /// Network type of the change-tracking consumer.
                dest_net_type: Option<Open<DestNetType>> = "DestNetType",
                /// Destination endpoint.
                destination_endpoint: Option<Box<Endpoint>> = "DestinationEndpoint",
                /// Environment label, `normal` or `online`.
                dts_bis_label: Option<Str> = "DtsBisLabel",
                /// Instance ID (note `ID`).
                dts_instance_id: Option<Str> = "DtsInstanceID",
                /// Instance class.
                dts_job_class: Option<Str> = "DtsJobClass",
                /// Direction of a two-way synchronization.
                dts_job_direction: Option<Open<Direction>> = "DtsJobDirection",
                /// Task ID.
                dts_job_id: Option<Str> = "DtsJobId",
                /// Task name.
                dts_job_name: Option<Str> = "DtsJobName",
                /// DUs in use, e.g. `12.0%` (list pages).
                du_real_usage: Option<Str> = "DuRealUsage",
                /// DUs used, in DU (list pages).
                du_usage: Option<Scalar<i64>> = "DuUsage",
                /// Value for `%s` in `ErrMessage`.
                dynamic_message: Option<Str> = "DynamicMessage",
                /// End of the change-tracking range.
                end_timestamp: Option<Str> = "EndTimestamp" [timestamp(Calendar), after(begin_timestamp)],
                /// API error code when the call failed.
                err_code: Option<Str> = "ErrCode",
                /// API error message, may contain `%s`.
                err_message: Option<Str> = "ErrMessage",
                /// Error codes with their help pages (list pages).
                error_details: Vec<ErrorDetail> = "ErrorDetails",
                /// Task failure message (free text).
                error_message: Option<Str> = "ErrorMessage",
                /// ETL operator graph (JSON-ish text).
                etl_calculator: Option<Str> = "EtlCalculator",
                /// ETL safe checkpoint, UNIX seconds as text (list pages; unit undocumented).
                etl_safe_checkpoint: Option<Str> = "EtlSafeCheckpoint",
                /// Expiry of a subscription instance.
                expire_time: Option<Str> = "ExpireTime" [timestamp(Calendar), after(create_time)],
                /// Completion time.
                finish_time: Option<Str> = "FinishTime" [timestamp(Calendar), after(create_time)],
                /// Full data check stage (list pages).
                full_data_check_status: Option<Box<StageStatus>> = "FullDataCheckStatus" [stage(FullDataCheck)],
                /// Task group ID.
                group_id: Option<Str> = "GroupId",
                /// HTTP status echoed in the body.
                http_status_code: Option<Scalar<i64>> = "HttpStatusCode",
                /// Incremental data check stage (list pages).
                inc_data_check_status: Option<Box<StageStatus>> = "IncDataCheckStatus" [stage(IncDataCheck)],
                /// Initial checkpoint (undocumented, epoch seconds as text).
                init_checkpoint: Option<Str> = "InitCheckpoint",
                /// Undocumented.
                insight_module: Option<Scalar<bool>> = "InsightModule",
                /// Whether the task is a demo task (job object spelling).
                is_demo_job: Option<Scalar<bool>> = "IsDemoJob",
                /// Task type vocabulary (`sync`, `online`, `SUBSCRIBE`, …).
                job_type: Option<Open<JobType>> = "JobType",
                /// Last update, epoch milliseconds as text.
                last_update_time: Option<Str> = "LastUpdateTime" [timestamp(CalendarOrEpoch)],
                /// Upper DU limit (serverless).
                max_du: Option<Scalar<f64>> = "MaxDu",
                /// Memory usage in MB, a string (list pages).
                mem_usage: Option<Str> = "MemUsage",
                /// Error code of a failed migration (list pages).
                migration_err_code: Option<Str> = "MigrationErrCode",
                /// Help document of that error, a string (list pages).
                migration_err_help_doc_id: Option<Str> = "MigrationErrHelpDocId",
                /// Help document key of that error (list pages).
                migration_err_help_doc_key: Option<Str> = "MigrationErrHelpDocKey",
                /// Message of that error (list pages).
                migration_err_msg: Option<Str> = "MigrationErrMsg",
                /// Type of that error (list pages).
                migration_err_type: Option<Str> = "MigrationErrType",
                /// Workaround for that error (list pages).
                migration_err_workaround: Option<Str> = "MigrationErrWorkaround",
                /// Stages the task runs.
                migration_mode: Option<Box<MigrationMode>> = "MigrationMode",
                /// Lower DU limit (serverless).
                min_du: Option<Scalar<f64>> = "MinDu",
                /// Where the task was created.
                origin_type: Option<Open<OriginType>> = "OriginType",
                /// Billing method.
                pay_type: Option<Open<PayType>> = "PayType",
                /// Throughput.
                performance: Option<Box<Performance>> = "Performance",
                /// Precheck progress and items.
                precheck_status: Option<Box<PrecheckStatus>> = "PrecheckStatus" [stage(Precheck)],
                /// Request ID.
                request_id: Option<Str> = "RequestId",
                /// Reserved settings, JSON in a string; see `reserved_map()`.
                reserved: Option<Str> = "Reserved" [json_text],
                /// Resource group name.
                resource_group_display_name: Option<Str> = "ResourceGroupDisplayName",
                /// Resource group ID.
                resource_group_id: Option<Str> = "ResourceGroupId",
                /// Retry state.
                retry_state: Option<Box<RetryState>> = "RetryState",
                /// Reverse task of a two-way synchronization (untyped in the API: an
                /// object, or a placeholder string).
                reverse_job: Option<JobOrValue> = "ReverseJob" [jobs],
                /// Source endpoint.
                source_endpoint: Option<Box<Endpoint>> = "SourceEndpoint",
                /// Task status; decode with `status()`, which depends on the task kind.
                status: Option<Str> = "Status",
                /// Schema check stage (list pages).
                structure_data_check_status: Option<Box<StageStatus>> = "StructureDataCheckStatus" [stage(StructureDataCheck)],
                /// Schema stage.
                structure_initialization_status: Option<Box<StageStatus>> = "StructureInitializationStatus" [stage(StructureInitialization)],
                /// Distributed sub-tasks.
                sub_distributed_job: Vec<JobDetail> = "SubDistributedJob" [jobs],
                /// Synchronization sub-tasks (typed jobs at the top level; untyped inside
                /// a job, where items may be plain ids).
                sub_sync_job: Vec<JobOrValue> = "SubSyncJob" [jobs],
                /// Change-tracking topic.
                subscribe_topic: Option<Str> = "SubscribeTopic" [tracking],
                /// Tracked operation types.
                subscription_data_type: Option<Box<SubscriptionDataType>> = "SubscriptionDataType",
                /// Change-tracking endpoints.
                subscription_host: Option<Box<SubscriptionHost>> = "SubscriptionHost" [tracking],
                /// Whether the API call succeeded.
                success: Option<Scalar<bool>> = "Success",
                /// Synchronization direction.
                synchronization_direction: Option<Open<Direction>> = "SynchronizationDirection",
                /// Tags.
                tag_list: Vec<Tag> = "TagList",
                /// Business type of the task.
                task_type: Option<Str> = "TaskType",
                /// Time-window data check stage (list pages; undocumented, so no
                /// stage checks).
                time_window_data_check_status: Option<Box<StageStatus>> = "TimeWindowDataCheckStatus",
            }
            extra {
                /// What reading the document noticed beyond members (kept so
                /// `validate()` can report it).
                notes: Option<Box<ReadNotes>>,
            }
        }

        $callback! {
            /// `SourceEndpoint` / `DestinationEndpoint`.
            Endpoint {
                /// Owning account UID (a string of 16 digits).
                aliyun_uid: Option<Str> = "AliyunUid",
                /// Whether the password can be changed (top level only).
                can_modify_password: Option<Scalar<bool>> = "CanModifyPassword",
                /// Database of the objects.
                database_name: Option<Str> = "DatabaseName",
                /// Engine, e.g. `MySQL`.
                engine_name: Option<Str> = "EngineName",
                /// Instance ID (note `ID`).
                instance_id: Option<Str> = "InstanceID",
                /// Instance type, e.g. `RDS`.
                instance_type: Option<Str> = "InstanceType",
                /// Address (note `Ip`).
                ip: Option<Str> = "Ip",
                /// Oracle SID (non-RAC Oracle only).
                oracle_sid: Option<Str> = "OracleSID",
                /// Port, a string.
                port: Option<Str> = "Port",
                /// Region.
                region: Option<Str> = "Region",
                /// RAM role for cross-account access.
                role_name: Option<Str> = "RoleName",
                /// SSL setting.
                ssl_solution_enum: Option<Open<SslSolution>> = "SslSolutionEnum",
                /// Database account.
                user_name: Option<Str> = "UserName",
            }
        }

        $callback! {
            /// `MigrationMode`: which stages the task runs.
            MigrationMode {
                /// ETL.
                data_extract_transform_load: Option<Scalar<bool>> = "DataExtractTransformLoad",
                /// Full data.
                data_initialization: Option<Scalar<bool>> = "DataInitialization",
                /// Incremental data.
                data_synchronization: Option<Scalar<bool>> = "DataSynchronization",
                /// Full data check (list pages).
                full_data_check: Option<Scalar<bool>> = "FullDataCheck",
                /// Incremental data check (list pages).
                inc_data_check: Option<Scalar<bool>> = "IncDataCheck",
                /// Schema check (list pages).
                structure_data_check: Option<Scalar<bool>> = "StructureDataCheck",
                /// Schema.
                structure_initialization: Option<Scalar<bool>> = "StructureInitialization",
                /// Time-window check (list pages).
                time_window_check: Option<Scalar<bool>> = "TimeWindowCheck",
            }
        }

        $callback! {
            /// A stage status object (`DataSynchronizationStatus`,
            /// `DataInitializationStatus`, `StructureInitializationStatus`, `DataEtlStatus`,
            /// and the list pages' data checks and `DataCloudStatus`).
            StageStatus {
                /// Whether the task can be switched over (a full data check's).
                can_switch: Option<Scalar<bool>> = "CanSwitch",
                /// Stage failure message.
                error_message: Option<Str> = "ErrorMessage",
                /// Whether an upgrade is needed.
                need_upgrade: Option<Scalar<bool>> = "NeedUpgrade",
                /// Percentage without `%`, a string.
                percent: Option<Str> = "Percent",
                /// Free-form progress (`16`, `0.00RPS/(0.000MB/s)`, `0/0`).
                progress: Option<Str> = "Progress",
                /// Stage status; values depend on the stage.
                status: Option<Str> = "Status",
            }
        }

        $callback! {
            /// `PrecheckStatus` of a job.
            PrecheckStatus {
                /// Check items.
                detail: Vec<PrecheckDetail> = "Detail",
                /// Precheck failure message.
                error_message: Option<Str> = "ErrorMessage",
                /// Percentage without `%`, a string.
                percent: Option<Str> = "Percent",
                /// Precheck status.
                status: Option<Str> = "Status",
            }
        }

        $callback! {
            /// One item of `PrecheckStatus.Detail`.
            PrecheckDetail {
                /// Check item, e.g. `CHECK_CONN_SRC`.
                check_item: Option<Str> = "CheckItem",
                /// Description key.
                check_item_description: Option<Str> = "CheckItemDescription",
                /// Result.
                check_result: Option<Open<CheckResult>> = "CheckResult",
                /// Why it failed.
                failed_reason: Option<Str> = "FailedReason",
                /// How to repair.
                repair_method: Option<Str> = "RepairMethod",
            }
        }

        $callback! {
            /// `Performance` of a job.
            Performance {
                /// Throughput volume, a string.
                flow: Option<Str> = "Flow",
                /// Rows per second, a string.
                rps: Option<Str> = "Rps",
            }
        }

        $callback! {
            /// `RetryState`.
            RetryState {
                /// Message (top-level spelling).
                err_message: Option<Str> = "ErrMessage",
                /// Message (job-object spelling).
                err_msg: Option<Str> = "ErrMsg",
                /// Retrying job.
                job_id: Option<Str> = "JobId",
                /// Retry budget, seconds.
                max_retry_time: Option<Scalar<i64>> = "MaxRetryTime",
                /// Error code of a failed migration (list pages).
                migration_err_code: Option<Str> = "MigrationErrCode",
                /// Help document of that error, a string (list pages).
                migration_err_help_doc_id: Option<Str> = "MigrationErrHelpDocId",
                /// Help document key of that error (list pages).
                migration_err_help_doc_key: Option<Str> = "MigrationErrHelpDocKey",
                /// Message of that error (list pages).
                migration_err_msg: Option<Str> = "MigrationErrMsg",
                /// Type of that error (list pages).
                migration_err_type: Option<Str> = "MigrationErrType",
                /// Workaround for that error (list pages).
                migration_err_workaround: Option<Str> = "MigrationErrWorkaround",
                /// Stage code such as `03`, a string (leading zero kept).
                module: Option<Str> = "Module",
                /// Retries so far.
                retry_count: Option<Scalar<i64>> = "RetryCount",
                /// What is retried.
                retry_target: Option<Open<RetryTarget>> = "RetryTarget",
                /// Seconds since the first retry.
                retry_time: Option<Scalar<i64>> = "RetryTime",
                /// Whether a retry is under way.
                retrying: Option<Scalar<bool>> = "Retrying",
            }
        }

        $callback! {
            /// One item of `TagList`.
            Tag {
                /// Owner UID.
                ali_uid: Option<Scalar<i64>> = "AliUid",
                /// Creator UID.
                creator: Option<Scalar<i64>> = "Creator",
                /// Creation time.
                gmt_create: Option<Str> = "GmtCreate" [timestamp(Calendar)],
                /// Modification time.
                gmt_modified: Option<Str> = "GmtModified" [timestamp(Calendar)],
                /// Tag ID.
                id: Option<Scalar<i64>> = "Id",
                /// Region.
                region_id: Option<Str> = "RegionId",
                /// Tagged resource.
                resource_id: Option<Str> = "ResourceId",
                /// Resource type, e.g. `ALIYUN::DTS::INSTANCE`.
                resource_type: Option<Str> = "ResourceType",
                /// `0` public, `1` private (a string).
                scope: Option<Str> = "Scope",
                /// Source region.
                src_region: Option<Str> = "SrcRegion",
                /// `System` or `Custom`.
                tag_category: Option<Str> = "TagCategory",
                /// Key.
                tag_key: Option<Str> = "TagKey",
                /// Value.
                tag_value: Option<Str> = "TagValue",
            }
        }

        $callback! {
            /// One item of `ErrorDetails` (list pages).
            ErrorDetail {
                /// Error code, e.g. `DTS-31009`.
                error_code: Option<Str> = "ErrorCode",
                /// Help page of the error.
                help_url: Option<Str> = "HelpUrl",
            }
        }

        $callback! {
            /// `SubscriptionHost`: change-tracking endpoints, `address:port`.
            SubscriptionHost {
                /// Private endpoint.
                private_host: Option<Str> = "PrivateHost",
                /// Public endpoint.
                public_host: Option<Str> = "PublicHost",
                /// VPC endpoint.
                vpc_host: Option<Str> = "VpcHost",
            }
        }

        $callback! {
            /// `SubscriptionDataType`: tracked operation types.
            SubscriptionDataType {
                /// DDL tracked.
                ddl: Option<Scalar<bool>> = "Ddl",
                /// DML tracked.
                dml: Option<Scalar<bool>> = "Dml",
            }
        }

        $callback! {
            /// `DataDeliveryChannelInfo` (top level).
            DataDeliveryChannelInfo {
                /// Partitions.
                partition_num: Option<Scalar<i64>> = "PartitionNum",
                /// Public proxy URL.
                public_dproxy_url: Option<Str> = "PublicDproxyUrl",
                /// Region.
                region: Option<Str> = "Region",
                /// Topic.
                topic: Option<Str> = "Topic",
                /// VPC proxy URL.
                vpc_dproxy_url: Option<Str> = "VpcDproxyUrl",
            }
        }

        $callback! {
            /// The gateway error envelope (HTTP 4xx/5xx): a JSON object with `Code`,
            /// `Message`, … or the XML root `<Error>`.
            ErrorEnvelope {
                /// Error code such as `Forbidden.InstanceNotFound` (a string here).
                code: Option<Str> = "Code" [not_integer],
                /// Gateway host.
                host_id: Option<Str> = "HostId" [evidence],
                /// Message.
                message: Option<Str> = "Message" [evidence],
                /// Diagnosis URL.
                recommend: Option<Str> = "Recommend",
                /// Request ID.
                request_id: Option<Str> = "RequestId",
            }
            extra {
                /// What reading the document noticed beyond members (kept so
                /// `validate()` can report it).
                notes: Option<Box<ReadNotes>>,
            }
        }

        $callback! {
            /// A `DescribeDtsJobs` response: one page of the job list. Its items
            /// are jobs (`JobDetail`, whose table holds the members a list item has
            /// beyond a detail's job), each seen as a job of its own (see
            /// `JobPage::jobs`). The page's own members (the `evidence` markers)
            /// are what tell a page from a detail.
            JobPage {
                /// The jobs of the page.
                dts_job_list: Vec<JobDetail> = "DtsJobList" [jobs, evidence],
                /// Dynamic error code (deprecated by the API).
                dynamic_code: Option<Str> = "DynamicCode" [evidence],
                /// Value for `%s` in `ErrMessage`.
                dynamic_message: Option<Str> = "DynamicMessage",
                /// API error code when the call failed.
                err_code: Option<Str> = "ErrCode",
                /// API error message, may contain `%s`.
                err_message: Option<Str> = "ErrMessage",
                /// ETL demo jobs, with the members of `DtsJobList`'s items (when the
                /// service fills it is undocumented).
                etl_demo_list: Vec<JobDetail> = "EtlDemoList" [jobs, evidence],
                /// HTTP status echoed in the body.
                http_status_code: Option<Scalar<i64>> = "HttpStatusCode",
                /// The kind of the jobs listed, sent by older versions of the API
                /// (each item has its own `JobType`; this is the kind of an item
                /// without one).
                job_type: Option<Open<JobType>> = "JobType",
                /// The page's number (from 1).
                page_number: Option<Scalar<i64>> = "PageNumber" [evidence],
                /// The most items a page holds (the request's page size).
                page_record_count: Option<Scalar<i64>> = "PageRecordCount" [evidence],
                /// Request ID.
                request_id: Option<Str> = "RequestId",
                /// Whether the API call succeeded.
                success: Option<Scalar<bool>> = "Success",
                /// How many jobs match the request, on every page.
                total_record_count: Option<Scalar<i64>> = "TotalRecordCount" [evidence],
            }
            extra {
                /// What reading the document noticed beyond members (kept so
                /// `validate()` can report it).
                notes: Option<Box<ReadNotes>>,
            }
        }
    };
}
pub(crate) use for_each_shape;

/// Whether a member is written out (absent members and empty lists are not).
pub(crate) trait Present {
    fn present(&self) -> bool;
}

/// A shape's members by wire name and type (see `take_shared`).
pub(crate) trait TakeMember {
    /// The member named `wire` when it has the type `T`; `None` when the
    /// shape has no such member of that type.
    fn member_mut<T: 'static>(&mut self, wire: &str) -> Option<&mut T>;

    /// Takes the member named `wire`, leaving it absent (see `member_mut`).
    fn take_member<T: Default + 'static>(&mut self, wire: &str) -> Option<T> {
        self.member_mut::<T>(wire).map(std::mem::take)
    }
}

impl<T> Present for Option<T> {
    fn present(&self) -> bool {
        self.is_some()
    }
}

impl<T> Present for Vec<T> {
    fn present(&self) -> bool {
        !self.is_empty()
    }
}

/// A member's value as canonical JSON at a position (see `meaning::Position`):
/// a job writes its members as the API declares them there.
pub(crate) trait SerializeAt: Serialize {
    fn serialize_at<S: Serializer>(&self, s: S, at: Position) -> Result<S::Ok, S::Error> {
        let _ = at;
        self.serialize(s)
    }

    /// As a string, for a member the API declares a string where it sits.
    fn serialize_text<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.serialize(s)
    }
}

impl SerializeAt for Str {}
impl<E> SerializeAt for Open<E> {}
impl SerializeAt for Scalar<bool> {}
impl SerializeAt for Scalar<f64> {}

impl SerializeAt for Scalar<i64> {
    fn serialize_text<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Scalar::Value(n) => s.collect_str(n),
            _ => self.serialize(s),
        }
    }
}

impl<T: SerializeAt> SerializeAt for Option<T> {
    fn serialize_at<S: Serializer>(&self, s: S, at: Position) -> Result<S::Ok, S::Error> {
        match self {
            Some(v) => v.serialize_at(s, at),
            None => s.serialize_none(),
        }
    }

    fn serialize_text<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Some(v) => v.serialize_text(s),
            None => s.serialize_none(),
        }
    }
}

impl<T: SerializeAt> SerializeAt for Box<T> {
    fn serialize_at<S: Serializer>(&self, s: S, at: Position) -> Result<S::Ok, S::Error> {
        (**self).serialize_at(s, at)
    }
}

impl<T: SerializeAt> SerializeAt for Vec<T> {
    fn serialize_at<S: Serializer>(&self, s: S, at: Position) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.len()))?;
        for item in self {
            seq.serialize_element(&At {
                value: item,
                at,
                text: false,
            })?;
        }
        seq.end()
    }
}

/// A member's value with where it sits, for `Serialize`.
struct At<'a, T> {
    value: &'a T,
    at: Position,
    /// Written as a string (the member's `in_job_objects(String)`, in a job object).
    text: bool,
}

impl<T: SerializeAt> Serialize for At<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.text {
            self.value.serialize_text(s)
        } else {
            self.value.serialize_at(s, self.at)
        }
    }
}

/// Declares a shape's struct and its canonical `Serialize`.
/// The wire names of the shape `S`'s members, as associated constants named
/// like its fields (generated from the table by `define_shape!`).
pub(crate) struct Wire<S>(std::marker::PhantomData<S>);

macro_rules! define_shape {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$fmeta:meta])* $field:ident : $ty:ty = $wire:literal $([$($mark:tt)*])?, )*
        }
        $( extra { $( $(#[$xmeta:meta])* $xfield:ident : $xty:ty, )* } )?
    ) => {
        $(#[$meta])*
        #[derive(Default)]
        #[non_exhaustive]
        pub struct $name {
            $( $(#[$fmeta])* #[doc = concat!("\n\nWire name `", $wire, "`.")] pub $field: $ty, )*
            /// Members this crate does not know, in arrival order.
            pub unknown: UnknownFields,
            $( $( $(#[$xmeta])* pub(crate) $xfield: $xty, )* )?
        }

        /// Each member's wire name, by the member's field name
        /// (`Wire::<JobDetail>::checkpoint == "Checkpoint"`): code outside
        /// the model names members through these, so a misspelled name does
        /// not compile.
        #[allow(non_upper_case_globals, dead_code)]
        impl Wire<$name> {
            $( pub(crate) const $field: &'static str = $wire; )*
        }

        impl $name {
            /// Wire names of the known members, in canonical order.
            pub const FIELDS: &'static [&'static str] = &[$($wire),*];

            /// What each member is beyond its type, in canonical order: its
            /// table line's markers (see `model::meaning`).
            #[allow(dead_code)]
            pub(crate) const MEANINGS: &'static [meaning::Meaning<$name>] = &[$(
                meaning::meaning!($name, $field, meaning::Meaning::plain($wire) $(, $($mark)*)?)
            ),*];

            /// The members each marker selects (computed when compiling).
            #[allow(dead_code)]
            pub(crate) const MARKED: meaning::Marked = meaning::marked_lists!($name);

            /// The meanings of the members that carry a marker, e.g.
            /// `JobDetail::marked(|m| m.stages)`.
            #[allow(dead_code)]
            pub(crate) fn marked(
                list: impl FnOnce(&meaning::Marked) -> &'static [usize],
            ) -> impl Iterator<Item = &'static meaning::Meaning<$name>> {
                meaning::at(Self::MEANINGS, list(&Self::MARKED))
            }

            /// Whether the shape has a member named `key` (one `match`).
            #[allow(dead_code)]
            pub(crate) fn has_member(key: &str) -> bool {
                matches!(key, $($wire)|*)
            }

            /// The meaning of the member named `wire`, if the shape has one
            /// (found by binary search: the table is in ASCII order).
            #[allow(dead_code)]
            pub(crate) fn meaning(wire: &str) -> Option<&'static meaning::Meaning<$name>> {
                Self::FIELDS.binary_search(&wire).ok().and_then(|i| Self::MEANINGS.get(i))
            }

            $( meaning::timestamp_accessor!($field, $wire $(, $($mark)*)?); )*

            /// The known members as (Rust field name, wire name), in canonical
            /// order: the snake-case names bindings use (`dts_instance_id` for
            /// `DtsInstanceID`).
            pub const MEMBERS: &'static [(&'static str, &'static str)] = &[$((stringify!($field), $wire)),*];

            /// The known members as (Rust field name, Rust type as written in
            /// the table), for bindings that generate typed stubs.
            #[doc(hidden)]
            pub const MEMBER_TYPES: &'static [(&'static str, &'static str)] = &[$((stringify!($field), stringify!($ty))),*];

            /// How many known members are present.
            #[allow(dead_code)]
            pub(crate) fn present_count(&self) -> usize {
                0 $( + usize::from(Present::present(&self.$field)) )*
            }

            /// The wire names of the known members that are present.
            #[allow(dead_code)]
            pub(crate) fn present_members(&self) -> impl Iterator<Item = &'static str> {
                [$( (Present::present(&self.$field), $wire) ),*]
                    .into_iter()
                    .filter_map(|(present, wire)| present.then_some(wire))
            }

            /// Takes from `other` every member this shape shares with it: the
            /// same wire name with the same type (a list page's `RequestId`,
            /// `Success`, … read as a detail's before the page was told).
            #[allow(dead_code)]
            pub(crate) fn take_shared<O: TakeMember>(&mut self, other: &mut O) {
                $( if let Some(value) = other.take_member::<$ty>($wire) {
                    self.$field = value;
                } )*
            }
        }

        impl TakeMember for $name {
            fn member_mut<T: 'static>(&mut self, wire: &str) -> Option<&mut T> {
                let member: &mut dyn std::any::Any = match wire {
                    $( $wire => &mut self.$field, )*
                    _ => return None,
                };
                member.downcast_mut::<T>()
            }
        }

        // Clone, PartialEq and Debug by hand: derived ones would recurse
        // through nested jobs without the stack guard.
        impl Clone for $name {
            fn clone(&self) -> Self {
                crate::stack::deeper(|| $name {
                    $( $field: self.$field.clone(), )*
                    unknown: self.unknown.clone(),
                    $( $( $xfield: self.$xfield.clone(), )* )?
                })
            }
        }

        /// Compares the data: the members, known and unknown. What reading
        /// noticed beside them (`extra` fields: XML attributes, members
        /// given twice) is not compared.
        impl PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                crate::stack::deeper(|| {
                    true $( && self.$field == other.$field )*
                        && self.unknown == other.unknown
                })
            }
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                crate::stack::deeper(|| {
                    f.debug_struct(stringify!($name))
                        $( .field(stringify!($field), &self.$field) )*
                        .field("unknown", &self.unknown)
                        $( $( .field(stringify!($xfield), &self.$xfield) )* )?
                        .finish()
                })
            }
        }

        /// The canonical document: known members in table order, then unknown
        /// members in arrival order; absent members and empty lists left out.
        impl Serialize for $name {
            fn serialize<Ser: Serializer>(&self, s: Ser) -> Result<Ser::Ok, Ser::Error> {
                self.serialize_at(s, Position::Top)
            }
        }

        impl SerializeAt for $name {
            #[allow(unused_variables)] // `at` matters to a job only
            fn serialize_at<Ser: Serializer>(&self, s: Ser, at: Position) -> Result<Ser::Ok, Ser::Error> {
                crate::stack::deeper(|| {
                    let mut map = s.serialize_map(None)?;
                    $(
                        if Present::present(&self.$field) {
                            map.serialize_entry($wire, &At {
                                value: &self.$field,
                                at: Position::of_member(meaning::marked!(jobs; $($($mark)*)?)),
                                text: meaning::marked!(in_job_objects; $($($mark)*)?)
                                    && at == Position::JobObject,
                            })?;
                        }
                    )*
                    self.unknown.serialize_entries(&mut map)?;
                    map.end()
                })
            }
        }
    };
}

for_each_shape!(define_shape);

/// What reading a document noticed that the response's members have no
/// place for: an unexpected XML root element name, XML attributes, members
/// given twice. Kept with the document so validation reports it
/// (`unexpected-root`, `xml-attribute`, `repeated-member`).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct ReadNotes {
    /// The root element's name, when it was none of the API's.
    pub(crate) root: Option<String>,
    /// Every attribute, in document order.
    pub(crate) attributes: Vec<XmlAttribute>,
    /// The pointer of every member given again after a value, which replaced it.
    pub(crate) repeated: Vec<String>,
}

/// An attribute of an XML element: not part of the response's members, so
/// not kept in them; reported by validation.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct XmlAttribute {
    /// JSON Pointer of the element that carried it.
    pub pointer: String,
    /// The attribute's name as written (`xmlns`, `xml:lang`, …).
    pub name: String,
    /// Its value, references decoded.
    pub value: String,
}

/// The accessors of what an XML document carried beyond members.
macro_rules! read_notes_accessors {
    ($($shape:ident),*) => {
        $(impl $shape {
            /// The XML root element's name, when the document was XML and its
            /// root was none of `DescribeDtsJobDetailResponse`,
            /// `DescribeDtsJobsResponse` and `Error`.
            pub fn unexpected_root(&self) -> Option<&str> {
                self.notes.as_ref()?.root.as_deref()
            }

            /// The attributes the XML document's elements carried (none in
            /// what the API sends), with the pointer of each element.
            pub fn xml_attributes(&self) -> &[XmlAttribute] {
                self.notes.as_ref().map_or(&[], |m| m.attributes.as_slice())
            }

            /// The pointers of the members the document gave more than once:
            /// the last value is kept, the earlier ones were replaced.
            /// (A list member, or a member without a type, accumulates
            /// instead; it is never here.)
            pub fn repeated_members(&self) -> &[String] {
                self.notes.as_ref().map_or(&[], |m| m.repeated.as_slice())
            }

            /// Records what reading the document noticed beyond members.
            pub(crate) fn set_notes(&mut self, markup: ReadNotes) {
                self.notes = (markup != ReadNotes::default()).then(|| Box::new(markup));
            }
        }

        impl TopLevel for $shape {
            fn notes(&self) -> Option<&ReadNotes> {
                self.notes.as_deref()
            }

            fn request_id(&self) -> Option<&str> {
                self.request_id.as_deref()
            }
        })*
    };
}

/// What every kind of response has at its top level, for validation.
pub(crate) trait TopLevel {
    /// What reading the document noticed beyond members.
    fn notes(&self) -> Option<&ReadNotes>;
    /// `RequestId`.
    fn request_id(&self) -> Option<&str>;
}

read_notes_accessors!(JobDetail, ErrorEnvelope, JobPage);

/// A parsed response: a job detail, a page of the job list, or the
/// gateway's error envelope.
///
/// Which one a document is, is decided from its members by one rule for
/// both forms, read from the tables' markers: a **list page** has a member
/// only a page has (`DtsJobList`, `EtlDemoList`, `PageNumber`,
/// `PageRecordCount`, `TotalRecordCount`, `DynamicCode`: the page's
/// `evidence`); the gateway **envelope** carries `HostId` or `Message` (as
/// scalars), and nothing of a job detail but `RequestId` and a `Code` that is
/// not an integer (the gateway's codes are names such as
/// `Forbidden.InstanceNotFound`; a detail's `Code` is a number). Everything
/// else — including an HTTP-200 body with `Success=false` — is a **detail**.
// Not boxed on purpose: a 1.6 KB box takes glibc's slow allocation path, which
// measured 2.15 µs → 2.45 µs per seed parse; the move it saves is cheaper.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Response {
    /// A `DescribeDtsJobDetail` body, including an HTTP-200 body with
    /// `Success=false` (see [`JobDetail::success`]).
    Detail(JobDetail),
    /// The gateway error body (HTTP 4xx/5xx).
    Error(ErrorEnvelope),
    /// A `DescribeDtsJobs` page: its jobs and paging.
    Page(JobPage),
}

impl Response {
    /// Records what reading the document noticed beyond members, on the
    /// top-level shape, whichever the response is.
    pub(crate) fn set_notes(&mut self, notes: ReadNotes) {
        match self {
            Response::Detail(d) => d.set_notes(notes),
            Response::Error(e) => e.set_notes(notes),
            Response::Page(p) => p.set_notes(notes),
        }
    }

    /// The job detail, if this is one.
    ///
    /// ```
    /// let resp = dts_job_detail::from_slice(br#"{"RequestId":"r","DtsJobId":"j"}"#)?;
    /// assert_eq!(resp.detail().and_then(|d| d.dts_job_id.as_deref()), Some("j"));
    /// assert!(resp.envelope().is_none());
    /// # Ok::<(), dts_job_detail::Error>(())
    /// ```
    pub fn detail(&self) -> Option<&JobDetail> {
        match self {
            Response::Detail(d) => Some(d),
            Response::Error(_) | Response::Page(_) => None,
        }
    }

    /// The job detail, if this is one, by value.
    ///
    /// ```
    /// let detail = dts_job_detail::from_slice(br#"{"Delay":5}"#)?.into_detail().unwrap();
    /// assert_eq!(detail.delay.and_then(|d| d.get()), Some(5));
    /// # Ok::<(), dts_job_detail::Error>(())
    /// ```
    pub fn into_detail(self) -> Option<JobDetail> {
        match self {
            Response::Detail(d) => Some(d),
            Response::Error(_) | Response::Page(_) => None,
        }
    }

    /// The gateway envelope, if this is one.
    ///
    /// ```
    /// let resp = dts_job_detail::from_slice(
    ///     br#"{"RequestId":"r","HostId":"dts.aliyuncs.com","Code":"Forbidden.InstanceNotFound","Message":"gone"}"#)?;
    /// let envelope = resp.envelope().unwrap();
    /// assert_eq!(envelope.code.as_deref(), Some("Forbidden.InstanceNotFound"));
    /// # Ok::<(), dts_job_detail::Error>(())
    /// ```
    pub fn envelope(&self) -> Option<&ErrorEnvelope> {
        match self {
            Response::Error(e) => Some(e),
            Response::Detail(_) | Response::Page(_) => None,
        }
    }

    /// The list page, if this is one.
    ///
    /// ```
    /// let resp = dts_job_detail::from_slice(
    ///     br#"{"RequestId":"r","PageNumber":1,"DtsJobList":[{"DtsJobId":"a"},{"DtsJobId":"b"}]}"#)?;
    /// let page = resp.page().unwrap();
    /// assert_eq!(page.dts_job_list.len(), 2);
    /// assert!(resp.detail().is_none());
    /// # Ok::<(), dts_job_detail::Error>(())
    /// ```
    pub fn page(&self) -> Option<&JobPage> {
        match self {
            Response::Page(p) => Some(p),
            Response::Detail(_) | Response::Error(_) => None,
        }
    }
}

impl Serialize for Response {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Response::Detail(d) => d.serialize(s),
            Response::Error(e) => e.serialize(s),
            Response::Page(p) => p.serialize(s),
        }
    }
}

/// A job written as a *job object* — as it sits inside another job
/// (`SubSyncJob[]`, `SubDistributedJob[]`, `ReverseJob`) — rather than as a
/// document: members the API types differently there take that type
/// (`Checkpoint` a string). For a nested job seen on its own (a
/// [`Job`](crate::Job) at depth 1 or more), so its canonical form is the one
/// it has inside its response.
///
/// ```
/// use dts_job_detail::model::JobObject;
/// let resp = dts_job_detail::json::from_str(r#"{"Checkpoint":7,"SubSyncJob":[{"Checkpoint":7}]}"#)?;
/// let detail = resp.detail().unwrap();
/// let nested = detail.job_at("/SubSyncJob/0").unwrap();
/// assert_eq!(dts_job_detail::json::to_string(nested), r#"{"Checkpoint":7}"#);
/// assert_eq!(dts_job_detail::json::to_string(&JobObject(nested)), r#"{"Checkpoint":"7"}"#);
/// # Ok::<(), dts_job_detail::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct JobObject<'a>(pub &'a JobDetail);

impl Serialize for JobObject<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_at(s, Position::JobObject)
    }
}

/// A position the API leaves untyped (`ReverseJob`, the items of a job's own
/// `SubSyncJob`): whatever the response carried there, typed where it can be.
///
/// An object is a [`JobDetail`] (the API's examples put jobs there), an array
/// a list of such values, anything else a [`Value`] (an id string, a
/// placeholder such as `****`). An empty XML element is an empty job.
pub enum JobOrValue {
    /// An object: typed as a job.
    Job(Box<JobDetail>),
    /// An array (or, in XML, repeated elements of one name where the API has
    /// one value).
    List(Vec<JobOrValue>),
    /// A string, number, boolean or `null`.
    Value(Value),
}

impl JobOrValue {
    /// The job, if this is one.
    pub fn job(&self) -> Option<&JobDetail> {
        match self {
            JobOrValue::Job(j) => Some(j),
            _ => None,
        }
    }

    /// Adds `value` after this one: the first repeat makes a list (repeated XML
    /// elements, or a JSON key given twice).
    pub(crate) fn append(slot: &mut Option<JobOrValue>, value: JobOrValue) {
        *slot = Some(match slot.take() {
            None => value,
            Some(JobOrValue::List(mut items)) => {
                items.push(value);
                JobOrValue::List(items)
            }
            Some(first) => JobOrValue::List(vec![first, value]),
        });
    }
}

impl Clone for JobOrValue {
    fn clone(&self) -> Self {
        crate::stack::deeper(|| match self {
            JobOrValue::Job(j) => JobOrValue::Job(j.clone()),
            JobOrValue::List(items) => JobOrValue::List(items.clone()),
            JobOrValue::Value(v) => JobOrValue::Value(v.clone()),
        })
    }
}

impl PartialEq for JobOrValue {
    fn eq(&self, other: &Self) -> bool {
        crate::stack::deeper(|| match (self, other) {
            (JobOrValue::Job(a), JobOrValue::Job(b)) => a == b,
            (JobOrValue::List(a), JobOrValue::List(b)) => a == b,
            (JobOrValue::Value(a), JobOrValue::Value(b)) => a == b,
            _ => false,
        })
    }
}

impl std::fmt::Debug for JobOrValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::stack::deeper(|| match self {
            JobOrValue::Job(j) => f.debug_tuple("Job").field(j).finish(),
            JobOrValue::List(items) => f.debug_tuple("List").field(items).finish(),
            JobOrValue::Value(v) => f.debug_tuple("Value").field(v).finish(),
        })
    }
}

/// Only ever in a member that holds jobs: its jobs are job objects.
impl Serialize for JobOrValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.serialize_at(s, Position::JobObject)
    }
}

impl SerializeAt for JobOrValue {
    fn serialize_at<S: Serializer>(&self, s: S, at: Position) -> Result<S::Ok, S::Error> {
        match self {
            JobOrValue::Job(j) => j.serialize_at(s, at),
            JobOrValue::List(items) => items.serialize_at(s, at),
            JobOrValue::Value(v) => v.serialize(s),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shape_lists_fields_in_ascii_order() {
        for fields in [
            JobDetail::FIELDS,
            Endpoint::FIELDS,
            MigrationMode::FIELDS,
            StageStatus::FIELDS,
            PrecheckStatus::FIELDS,
            PrecheckDetail::FIELDS,
            Performance::FIELDS,
            RetryState::FIELDS,
            Tag::FIELDS,
            ErrorDetail::FIELDS,
            SubscriptionHost::FIELDS,
            SubscriptionDataType::FIELDS,
            DataDeliveryChannelInfo::FIELDS,
            ErrorEnvelope::FIELDS,
        ] {
            assert!(fields.windows(2).all(|w| w[0] < w[1]), "{fields:?}");
        }
        assert_eq!(JobDetail::FIELDS.len(), 90);
    }
}
