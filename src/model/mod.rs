//! The typed model: one struct per shape of the response, nothing else.
//!
//! Every shape is declared once in a table (`shape!` below): Rust field, wire
//! name and type. The table drives the struct, both decoders and the canonical
//! writer, so a field's rule lives in exactly one line. Fields are listed in
//! ASCII order of their wire names, the order of the API reference, which is
//! also the canonical output order.
//!
//! Field types say what tolerance applies:
//!
//! | type            | wire                                   | model                      |
//! |-----------------|----------------------------------------|----------------------------|
//! | [`Text`]        | string (numbers/booleans as their text)| `Option<String>`           |
//! | [`Int`]         | integer or numeric string              | `Option<Scalar<i64>>`      |
//! | [`Bool`]        | boolean or `"true"`/`"false"`          | `Option<Scalar<bool>>`     |
//! | [`Float`]       | number or numeric string               | `Option<Scalar<f64>>`      |
//! | [`Enum<E>`]     | string from an open set                | `Option<Open<E>>`          |
//! | `Option<Box<Shape>>` | object / element with children    | the shape (boxed: a job stays small to move) |
//! | `Vec<Shape>`    | array / repeated sibling elements      | items in order; empty = absent |
//!
//! Scalar tolerance (one implementation, shared by both forms):
//!
//! | target   | accepts                                                    | kept raw ([`Scalar::Invalid`])        |
//! |----------|------------------------------------------------------------|---------------------------------------|
//! | text     | strings; numbers and booleans as their literal text        | —                                     |
//! | integer  | JSON integers, decimal strings (surrounding ASCII spaces)  | fractions, exponents, overflow, words |
//! | boolean  | `true`/`false`, as JSON booleans or strings (any case)     | `0`, `1`, `yes`, numbers              |
//! | float    | JSON numbers, decimal strings, integer literals            | `NaN`, `inf`, words                   |
//!
//! `""` (or only spaces) and `null` mean "present, no value": [`Scalar::Empty`] for
//! typed scalars (written back as `null`) and the empty string for text. An
//! object or array where a scalar belongs fails the parse (wrong shape); `""`
//! or `null` where an object belongs is an empty object or an absent one.

mod enums;
mod value;

pub use enums::{
    CheckResult, DestNetType, Direction, JobType, OriginType, PayType, RetryTarget, SslSolution,
};
pub(crate) use value::merge_repeats;
pub use value::{Number, Open, Scalar, UnknownFields, Value};

/// A text member: `None` when absent.
pub type Text = Option<String>;
/// An integer member (`i64`, never a float): `None` when absent.
pub type Int = Option<Scalar<i64>>;
/// A boolean member: `None` when absent.
pub type Bool = Option<Scalar<bool>>;
/// A float member: `None` when absent.
pub type Float = Option<Scalar<f64>>;
/// A member from an open set of strings: `None` when absent.
pub type Enum<E> = Option<Open<E>>;

/// Declares a shape: the struct, its decoder dispatch and its canonical writer.
macro_rules! shape {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$fmeta:meta])* $field:ident : $ty:ty = $wire:literal, )*
        }
        $( context { $( $(#[$cmeta:meta])* $cfield:ident : $cty:ty, )* } )?
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq)]
        #[non_exhaustive]
        pub struct $name {
            $( $(#[$fmeta])* #[doc = concat!("\n\nWire name `", $wire, "`.")] pub $field: $ty, )*
            /// Members this crate does not know, in arrival order.
            pub unknown: UnknownFields,
            $( $( $(#[$cmeta])* pub(crate) $cfield: $cty, )* )?
        }

        impl $name {
            /// Wire names of the known members, in canonical order.
            pub const FIELDS: &'static [&'static str] = &[$($wire),*];

            /// How many known members are present.
            #[allow(dead_code)]
            pub(crate) fn present_count(&self) -> usize {
                0 $( + usize::from(crate::de::Present::present(&self.$field)) )*
            }
        }

        impl crate::de::Shape for $name {
            fn read_field<'de, S: crate::de::Source<'de>>(
                &mut self,
                key: &str,
                src: S,
            ) -> Result<(), S::Error> {
                match key {
                    $( $wire => crate::de::Slot::read(&mut self.$field, src), )*
                    _ => src.unknown(key, &mut self.unknown),
                }
            }

            fn unknown_mut(&mut self) -> &mut UnknownFields {
                &mut self.unknown
            }
        }

        impl crate::validate::CheckScalars for $name {
            fn check_scalars(&self, path: &crate::validate::Path<'_>, out: &mut crate::validate::Report) {
                $( crate::validate::CheckField::check_field(&self.$field, $wire, path, out); )*
            }
        }

        impl serde::Serialize for $name {
            fn serialize<Ser: serde::Serializer>(&self, s: Ser) -> Result<Ser::Ok, Ser::Error> {
                use serde::ser::SerializeMap;
                let mut map = s.serialize_map(None)?;
                $(
                    if crate::de::Present::present(&self.$field) {
                        map.serialize_entry($wire, &self.$field)?;
                    }
                )*
                self.unknown.serialize_entries(&mut map)?;
                map.end()
            }
        }
    };
}

shape! {
    /// A `DescribeDtsJobDetail` job: the response body's top level, and every job
    /// object nested in it (`SubSyncJob[]`, `SubDistributedJob[]`, `ReverseJob`).
    ///
    /// The API gives the top level and the job objects nearly the same members
    /// (api-facts §2.3); this struct holds their union, so a member the service
    /// moves between levels is still typed. Members that do not belong to a
    /// position are simply absent there.
    JobDetail {
        /// `new` for change tracking of the new version.
        app_name: Text = "AppName",
        /// Undocumented approval status.
        approval_process_status: Int = "ApprovalProcessStatus",
        /// Undocumented approval URL.
        approval_process_url: Text = "ApprovalProcessUrl",
        /// Start of the change-tracking range, `YYYY-MM-DDTHH:MM:SSZ`.
        begin_timestamp: Text = "BeginTimestamp",
        /// Binlog information.
        binlog: Text = "Binlog",
        /// Current binlog position.
        binlog_site: Text = "BinlogSite",
        /// Binlog position range.
        binlog_time: Text = "BinlogTime",
        /// Start time (documented with milliseconds and no zone).
        boot_time: Text = "BootTime",
        /// Incremental offset, UNIX seconds (a number at the top level, a string in
        /// job objects; both read as an integer).
        checkpoint: Int = "Checkpoint",
        /// Legacy code, `200` on success.
        code: Int = "Code",
        /// Consumer checkpoint of a change-tracking task.
        consumption_checkpoint: Text = "ConsumptionCheckpoint",
        /// Downstream client, `<ip>:<id>`.
        consumption_client: Text = "ConsumptionClient",
        /// Creation time.
        create_time: Text = "CreateTime",
        /// Data delivery channel (top level).
        data_delivery_channel_info: Option<Box<DataDeliveryChannelInfo>> = "DataDeliveryChannelInfo",
        /// ETL stage.
        data_etl_status: Option<Box<StageStatus>> = "DataEtlStatus",
        /// Full data stage.
        data_initialization_status: Option<Box<StageStatus>> = "DataInitializationStatus",
        /// Incremental stage.
        data_synchronization_status: Option<Box<StageStatus>> = "DataSynchronizationStatus",
        /// RDS instances behind a PolarDB-X 1.0 source.
        database_count: Int = "DatabaseCount",
        /// Task objects, JSON in a string; see `db_objects()`.
        db_object: Text = "DbObject",
        /// URL of the objects on OSS (undocumented).
        db_object_oss_url: Text = "DbObjectOssUrl",
        /// Expiry of that URL (undocumented).
        db_object_oss_url_expire_time: Text = "DbObjectOssUrlExpireTime",
        /// Size of the objects (undocumented).
        db_object_size: Int = "DbObjectSize",
        /// Dedicated cluster.
        dedicated_cluster_id: Text = "DedicatedClusterId",
        /// Incremental latency; its unit depends on the task kind (see `delay()`).
        delay: Int = "Delay",
        /// Whether the task is a demo task (top level spelling).
        demo_job: Bool = "DemoJob",
        /// Network type of the change-tracking consumer.
        dest_net_type: Enum<DestNetType> = "DestNetType",
        /// Destination endpoint.
        destination_endpoint: Option<Box<Endpoint>> = "DestinationEndpoint",
        /// Environment label, `normal` or `online`.
        dts_bis_label: Text = "DtsBisLabel",
        /// Instance ID (note `ID`).
        dts_instance_id: Text = "DtsInstanceID",
        /// Instance class.
        dts_job_class: Text = "DtsJobClass",
        /// Direction of a two-way synchronization.
        dts_job_direction: Enum<Direction> = "DtsJobDirection",
        /// Task ID.
        dts_job_id: Text = "DtsJobId",
        /// Task name.
        dts_job_name: Text = "DtsJobName",
        /// Value for `%s` in `ErrMessage`.
        dynamic_message: Text = "DynamicMessage",
        /// End of the change-tracking range.
        end_timestamp: Text = "EndTimestamp",
        /// API error code when the call failed.
        err_code: Text = "ErrCode",
        /// API error message, may contain `%s`.
        err_message: Text = "ErrMessage",
        /// Task failure message (free text).
        error_message: Text = "ErrorMessage",
        /// ETL operator graph (JSON-ish text).
        etl_calculator: Text = "EtlCalculator",
        /// Expiry of a subscription instance.
        expire_time: Text = "ExpireTime",
        /// Completion time.
        finish_time: Text = "FinishTime",
        /// Task group ID.
        group_id: Text = "GroupId",
        /// HTTP status echoed in the body.
        http_status_code: Int = "HttpStatusCode",
        /// Initial checkpoint (undocumented, epoch seconds as text).
        init_checkpoint: Text = "InitCheckpoint",
        /// Undocumented.
        insight_module: Bool = "InsightModule",
        /// Whether the task is a demo task (job object spelling).
        is_demo_job: Bool = "IsDemoJob",
        /// Task type vocabulary (`sync`, `online`, `SUBSCRIBE`, …).
        job_type: Enum<JobType> = "JobType",
        /// Last update, epoch milliseconds as text.
        last_update_time: Text = "LastUpdateTime",
        /// Upper DU limit (serverless).
        max_du: Float = "MaxDu",
        /// Stages the task runs.
        migration_mode: Option<Box<MigrationMode>> = "MigrationMode",
        /// Lower DU limit (serverless).
        min_du: Float = "MinDu",
        /// Where the task was created.
        origin_type: Enum<OriginType> = "OriginType",
        /// Billing method.
        pay_type: Enum<PayType> = "PayType",
        /// Throughput.
        performance: Option<Box<Performance>> = "Performance",
        /// Precheck progress and items.
        precheck_status: Option<Box<PrecheckStatus>> = "PrecheckStatus",
        /// Request ID.
        request_id: Text = "RequestId",
        /// Reserved settings, JSON in a string; see `reserved_map()`.
        reserved: Text = "Reserved",
        /// Resource group name.
        resource_group_display_name: Text = "ResourceGroupDisplayName",
        /// Resource group ID.
        resource_group_id: Text = "ResourceGroupId",
        /// Retry state.
        retry_state: Option<Box<RetryState>> = "RetryState",
        /// Reverse task of a two-way synchronization (untyped in the API: an
        /// object, or a placeholder string).
        reverse_job: Option<Nested> = "ReverseJob",
        /// Source endpoint.
        source_endpoint: Option<Box<Endpoint>> = "SourceEndpoint",
        /// Task status; decode with `status()`, which depends on the task kind.
        status: Text = "Status",
        /// Schema stage.
        structure_initialization_status: Option<Box<StageStatus>> = "StructureInitializationStatus",
        /// Distributed sub-tasks.
        sub_distributed_job: Vec<JobDetail> = "SubDistributedJob",
        /// Synchronization sub-tasks (typed jobs at the top level; untyped inside
        /// a job, where items may be plain ids).
        sub_sync_job: Vec<Nested> = "SubSyncJob",
        /// Change-tracking topic.
        subscribe_topic: Text = "SubscribeTopic",
        /// Tracked operation types.
        subscription_data_type: Option<Box<SubscriptionDataType>> = "SubscriptionDataType",
        /// Change-tracking endpoints.
        subscription_host: Option<Box<SubscriptionHost>> = "SubscriptionHost",
        /// Whether the API call succeeded.
        success: Bool = "Success",
        /// Synchronization direction.
        synchronization_direction: Enum<Direction> = "SynchronizationDirection",
        /// Tags.
        tag_list: Vec<Tag> = "TagList",
        /// Business type of the task.
        task_type: Text = "TaskType",
    }
    context {
        /// How the parser was configured, for `validate()`; not part of the data.
        context: crate::Context,
    }
}

shape! {
    /// `SourceEndpoint` / `DestinationEndpoint`.
    Endpoint {
        /// Owning account UID (a string of 16 digits).
        aliyun_uid: Text = "AliyunUid",
        /// Whether the password can be changed (top level only).
        can_modify_password: Bool = "CanModifyPassword",
        /// Database of the objects.
        database_name: Text = "DatabaseName",
        /// Engine, e.g. `MySQL`.
        engine_name: Text = "EngineName",
        /// Instance ID (note `ID`).
        instance_id: Text = "InstanceID",
        /// Instance type, e.g. `RDS`.
        instance_type: Text = "InstanceType",
        /// Address (note `Ip`).
        ip: Text = "Ip",
        /// Oracle SID (non-RAC Oracle only).
        oracle_sid: Text = "OracleSID",
        /// Port, a string.
        port: Text = "Port",
        /// Region.
        region: Text = "Region",
        /// RAM role for cross-account access.
        role_name: Text = "RoleName",
        /// SSL setting.
        ssl_solution_enum: Enum<SslSolution> = "SslSolutionEnum",
        /// Database account.
        user_name: Text = "UserName",
    }
}

shape! {
    /// `MigrationMode`: which stages the task runs.
    MigrationMode {
        /// ETL.
        data_extract_transform_load: Bool = "DataExtractTransformLoad",
        /// Full data.
        data_initialization: Bool = "DataInitialization",
        /// Incremental data.
        data_synchronization: Bool = "DataSynchronization",
        /// Schema.
        structure_initialization: Bool = "StructureInitialization",
    }
}

shape! {
    /// A stage status object (`DataSynchronizationStatus`,
    /// `DataInitializationStatus`, `StructureInitializationStatus`, `DataEtlStatus`).
    StageStatus {
        /// Stage failure message.
        error_message: Text = "ErrorMessage",
        /// Whether an upgrade is needed.
        need_upgrade: Bool = "NeedUpgrade",
        /// Percentage without `%`, a string.
        percent: Text = "Percent",
        /// Free-form progress (`16`, `0.00RPS/(0.000MB/s)`, `0/0`).
        progress: Text = "Progress",
        /// Stage status; values depend on the stage.
        status: Text = "Status",
    }
}

shape! {
    /// `PrecheckStatus` of a job.
    PrecheckStatus {
        /// Check items.
        detail: Vec<PrecheckDetail> = "Detail",
        /// Precheck failure message.
        error_message: Text = "ErrorMessage",
        /// Percentage without `%`, a string.
        percent: Text = "Percent",
        /// Precheck status.
        status: Text = "Status",
    }
}

shape! {
    /// One item of `PrecheckStatus.Detail`.
    PrecheckDetail {
        /// Check item, e.g. `CHECK_CONN_SRC`.
        check_item: Text = "CheckItem",
        /// Description key.
        check_item_description: Text = "CheckItemDescription",
        /// Result.
        check_result: Enum<CheckResult> = "CheckResult",
        /// Why it failed.
        failed_reason: Text = "FailedReason",
        /// How to repair.
        repair_method: Text = "RepairMethod",
    }
}

shape! {
    /// `Performance` of a job.
    Performance {
        /// Throughput volume, a string.
        flow: Text = "Flow",
        /// Rows per second, a string.
        rps: Text = "Rps",
    }
}

shape! {
    /// `RetryState`.
    RetryState {
        /// Message (top-level spelling).
        err_message: Text = "ErrMessage",
        /// Message (job-object spelling).
        err_msg: Text = "ErrMsg",
        /// Retrying job.
        job_id: Text = "JobId",
        /// Retry budget, seconds.
        max_retry_time: Int = "MaxRetryTime",
        /// Stage code such as `03`, a string (leading zero kept).
        module: Text = "Module",
        /// Retries so far.
        retry_count: Int = "RetryCount",
        /// What is retried.
        retry_target: Enum<RetryTarget> = "RetryTarget",
        /// Seconds since the first retry.
        retry_time: Int = "RetryTime",
        /// Whether a retry is under way.
        retrying: Bool = "Retrying",
    }
}

shape! {
    /// One item of `TagList`.
    Tag {
        /// Owner UID.
        ali_uid: Int = "AliUid",
        /// Creator UID.
        creator: Int = "Creator",
        /// Creation time.
        gmt_create: Text = "GmtCreate",
        /// Modification time.
        gmt_modified: Text = "GmtModified",
        /// Tag ID.
        id: Int = "Id",
        /// Region.
        region_id: Text = "RegionId",
        /// Tagged resource.
        resource_id: Text = "ResourceId",
        /// Resource type, e.g. `ALIYUN::DTS::INSTANCE`.
        resource_type: Text = "ResourceType",
        /// `0` public, `1` private (a string).
        scope: Text = "Scope",
        /// Source region.
        src_region: Text = "SrcRegion",
        /// `System` or `Custom`.
        tag_category: Text = "TagCategory",
        /// Key.
        tag_key: Text = "TagKey",
        /// Value.
        tag_value: Text = "TagValue",
    }
}

shape! {
    /// `SubscriptionHost`: change-tracking endpoints, `address:port`.
    SubscriptionHost {
        /// Private endpoint.
        private_host: Text = "PrivateHost",
        /// Public endpoint.
        public_host: Text = "PublicHost",
        /// VPC endpoint.
        vpc_host: Text = "VpcHost",
    }
}

shape! {
    /// `SubscriptionDataType`: tracked operation types.
    SubscriptionDataType {
        /// DDL tracked.
        ddl: Bool = "Ddl",
        /// DML tracked.
        dml: Bool = "Dml",
    }
}

shape! {
    /// `DataDeliveryChannelInfo` (top level).
    DataDeliveryChannelInfo {
        /// Partitions.
        partition_num: Int = "PartitionNum",
        /// Public proxy URL.
        public_dproxy_url: Text = "PublicDproxyUrl",
        /// Region.
        region: Text = "Region",
        /// Topic.
        topic: Text = "Topic",
        /// VPC proxy URL.
        vpc_dproxy_url: Text = "VpcDproxyUrl",
    }
}

shape! {
    /// The gateway error envelope (HTTP 4xx/5xx): a JSON object with `Code`,
    /// `Message`, … or the XML root `<Error>`.
    ErrorEnvelope {
        /// Error code such as `Forbidden.InstanceNotFound` (a string here).
        code: Text = "Code",
        /// Gateway host.
        host_id: Text = "HostId",
        /// Message.
        message: Text = "Message",
        /// Diagnosis URL.
        recommend: Text = "Recommend",
        /// Request ID.
        request_id: Text = "RequestId",
    }
}

/// A position the API leaves untyped (`ReverseJob`, items of a job's own
/// `SubSyncJob`): a job when it is an object, anything else kept as a [`Value`].
///
/// An empty value (`""`, `{}`, an empty XML element) is an empty job.
#[derive(Debug, Clone, PartialEq)]
pub enum Nested {
    /// An object: typed as a job.
    Job(Box<JobDetail>),
    /// Anything else (an id string, a placeholder such as `****`).
    Raw(Value),
}

impl Nested {
    /// The job, if this is one.
    pub fn job(&self) -> Option<&JobDetail> {
        match self {
            Nested::Job(j) => Some(j),
            Nested::Raw(_) => None,
        }
    }
}

impl serde::Serialize for Nested {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Nested::Job(j) => j.serialize(s),
            Nested::Raw(v) => v.serialize(s),
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
            SubscriptionHost::FIELDS,
            SubscriptionDataType::FIELDS,
            DataDeliveryChannelInfo::FIELDS,
            ErrorEnvelope::FIELDS,
        ] {
            assert!(fields.windows(2).all(|w| w[0] < w[1]), "{fields:?}");
        }
        assert_eq!(JobDetail::FIELDS.len(), 73);
    }
}
