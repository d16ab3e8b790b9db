//! Fixtures and naive baselines for the `parse` bench.
//!
//! Everything here is a *reference point* for the crate's own decoders:
//!
//! * [`SEED_JSON`] / [`SEED_XML`]: the documented sample responses, verbatim.
//! * [`large_json`] / [`large_xml`]: one generated response with `n` `SubSyncJob` items, written
//!   from a single in-memory tree so both forms describe the same data (XML uses the flat-list
//!   rule of docs/API.md ("Lists in XML"): repeated sibling elements, no wrapper, empty lists absent).
//! * [`derived`] + [`serde_derive`]: the "obvious" `#[derive(Deserialize)]` model through
//!   `serde_json::from_str` (the members of docs/API.md, every field optional).
//! * [`xml_serde`] + [`quick_xml_serde`]: the same through `quick_xml::de::from_str`
//!   (needs quick-xml's `serialize` feature).
//! * [`quick_xml_events`]: the raw quick-xml event loop with decoded text (the XML floor).
#![allow(
    dead_code,
    reason = "each bench target uses a different subset; model fields exist to be parsed, not read"
)]

use std::fmt::Write as _;

/// The JSON sample of the DescribeDtsJobDetail doc page (tab-indented, 1.6 KB).
pub const SEED_JSON: &str = include_str!("../../fixtures/seed.json");
/// The XML sample of the DescribeDtsJobDetail doc page (indented, no declaration, 2.2 KB).
pub const SEED_XML: &str = include_str!("../../fixtures/seed.xml");

/// Number of `SubSyncJob` items in the large documents measured by [`bench_baselines`].
pub const LARGE_N: usize = 200;

// ---------------------------------------------------------------------------------------------
// Generated documents
// ---------------------------------------------------------------------------------------------

/// A format-neutral value tree; [`Node::write_json`] and [`write_xml_fields`] render it.
enum Node {
    Str(String),
    Int(i64),
    Bool(bool),
    Float(f64),
    Obj(Vec<(&'static str, Node)>),
    List(Vec<Node>),
}

fn s(v: impl Into<String>) -> Node {
    Node::Str(v.into())
}

impl Node {
    fn write_json(&self, out: &mut String) {
        match self {
            Node::Str(v) => write_json_str(out, v),
            Node::Int(v) => write!(out, "{v}").expect("write to String"),
            Node::Bool(v) => out.push_str(if *v { "true" } else { "false" }),
            Node::Float(v) => write!(out, "{v}").expect("write to String"),
            Node::Obj(fields) => {
                out.push('{');
                for (i, (key, value)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_json_str(out, key);
                    out.push(':');
                    value.write_json(out);
                }
                out.push('}');
            }
            Node::List(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write_json(out);
                }
                out.push(']');
            }
        }
    }
}

fn write_json_str(out: &mut String, v: &str) {
    out.push('"');
    for c in v.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                write!(out, "\\u{:04x}", u32::from(c)).expect("write to String");
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Element text: `&`, `<`, `>` escaped, quotes raw, newlines literal.
fn write_xml_text(out: &mut String, v: &str) {
    for c in v.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

/// Children of an element; a list becomes one element per item named after the key, an empty
/// list no element at all (docs/API.md, "Lists in XML").
fn write_xml_fields(out: &mut String, fields: &[(&'static str, Node)]) {
    for (key, value) in fields {
        match value {
            Node::List(items) => {
                for item in items {
                    write_xml_element(out, key, item);
                }
            }
            other => write_xml_element(out, key, other),
        }
    }
}

fn write_xml_element(out: &mut String, name: &str, value: &Node) {
    write!(out, "<{name}>").expect("write to String");
    match value {
        Node::Str(v) => write_xml_text(out, v),
        Node::Int(v) => write!(out, "{v}").expect("write to String"),
        Node::Bool(v) => out.push_str(if *v { "true" } else { "false" }),
        Node::Float(v) => write!(out, "{v}").expect("write to String"),
        Node::Obj(fields) => write_xml_fields(out, fields),
        Node::List(_) => unreachable!("the DTS shape has no list directly inside a list"),
    }
    write!(out, "</{name}>").expect("write to String");
}

/// The seed's `Reserved` value (JSON text; quotes are escaped in JSON, raw in XML).
const RESERVED: &str = r#"{"srcHostPorts":"","whitelist.dms.online.ddl.enable":false,"filterDDL":false,"sqlparser.dms.original.ddl":true,"srcOracleType":"sid","maxRetryTime":43200,"destSSL":"0","destOracleType":"sid","srcSSL":"0","dbListCaseChangeMode":"default","SourceEngineVersion":"8.0.18","srcNetType":"VPC","destNetType":"VPC","srcVpcNetMappingInst":"172.16.1**.**:1****","destVpcNetMappingInst":"172.16.1**.**:1****","useJobTask":"1"}"#;

fn db_object(i: usize) -> String {
    format!(
        r#"{{"dtstest_{i}":{{"name":"dtstest_{i}","all":false,"state":"normal","Table":{{"orders":{{"name":"orders_{i}","all":true,"dml_op":"insert,update,delete","filter":"id>10 and status<>'x'"}},"users":{{"name":"users","all":true}}}}}}}}"#
    )
}

fn error_message(i: usize) -> String {
    format!(
        "DTS-070211: Connect Source DB failed. cause by [com.mysql.jdbc.exceptions.jdbc4.CommunicationsException: \
         Communications link failure <timeout after 60000ms> & retry {i}]\n\
         about more information in [https://help.aliyun.com/document_detail/462133.html?spm=a2c4g&lang=en]"
    )
}

fn endpoint(i: usize, instance: &str, top_level: bool) -> Node {
    let mut fields = vec![
        ("AliyunUid", s("140692647406****")),
        ("DatabaseName", s(format!("dtstest_{i}"))),
        ("EngineName", s("MySQL")),
        ("InstanceID", s(format!("{instance}{i:05}****"))),
        ("InstanceType", s("RDS")),
        ("Ip", s(format!("172.16.88.{}", i % 250))),
        ("OracleSID", s("")),
        ("Port", s("3306")),
        ("Region", s("cn-hangzhou")),
        ("RoleName", s("")),
        ("SslSolutionEnum", s("DISABLE")),
        ("UserName", s("dtstest")),
    ];
    if top_level {
        fields.push(("CanModifyPassword", Node::Bool(true)));
    }
    Node::Obj(fields)
}

fn migration_mode() -> Node {
    Node::Obj(vec![
        ("DataExtractTransformLoad", Node::Bool(false)),
        ("DataInitialization", Node::Bool(true)),
        ("DataSynchronization", Node::Bool(true)),
        ("StructureInitialization", Node::Bool(true)),
    ])
}

fn stage(status: &str, percent: &str, progress: &str) -> Node {
    Node::Obj(vec![
        ("ErrorMessage", s("")),
        ("NeedUpgrade", Node::Bool(false)),
        ("Percent", s(percent)),
        ("Progress", s(progress)),
        ("Status", s(status)),
    ])
}

fn precheck(i: usize) -> Node {
    let detail = |item: &str, ok: bool| {
        let mut f = vec![
            ("CheckItem", s(item)),
            ("CheckItemDescription", s(format!("{item}_DETAIL"))),
            ("CheckResult", s(if ok { "Success" } else { "Failed" })),
        ];
        if !ok {
            f.push((
                "FailedReason",
                s(format!("binlog_row_image is MINIMAL on job {i}")),
            ));
            f.push(("RepairMethod", s("CHECK_ERROR_DEST_CONN_REPAIR2")));
        }
        Node::Obj(f)
    };
    Node::Obj(vec![
        ("ErrorMessage", s("")),
        ("Percent", s("100")),
        ("Status", s("Finished")),
        (
            "Detail",
            Node::List(vec![
                detail("CHECK_CONN_SRC", true),
                detail("CHECK_CONN_DEST", true),
                detail("CHECK_SRC_BINLOG_ROW_IMAGE", !i.is_multiple_of(3)),
            ]),
        ),
    ])
}

fn retry_state(msg_key: &'static str, i: usize) -> Node {
    Node::Obj(vec![
        (msg_key, Node::Str(error_message(i))),
        ("JobId", s(format!("k{i:05}x2b****"))),
        ("MaxRetryTime", Node::Int(7200)),
        ("Module", s("03")),
        ("RetryCount", Node::Int((i % 7) as i64)),
        ("RetryTarget", s("srcDB")),
        ("RetryTime", Node::Int(3600)),
        ("Retrying", Node::Bool(i.is_multiple_of(2))),
    ])
}

fn tag(i: usize, key: &str, value: &str, category: &str) -> Node {
    Node::Obj(vec![
        ("AliUid", Node::Int(1_406_926_474_060_000 + i as i64)),
        ("Creator", Node::Int(1_406_926_474_060_000)),
        ("GmtCreate", s("2022-03-16T08:01:19Z")),
        ("GmtModified", s("2022-03-16T08:01:19Z")),
        ("Id", Node::Int(1_000_000 + i as i64)),
        ("RegionId", s("cn-hangzhou")),
        ("ResourceId", s(format!("dtsk{i:05}x2b****"))),
        ("ResourceType", s("ALIYUN::DTS::INSTANCE")),
        ("Scope", s("1")),
        ("SrcRegion", s("cn-hangzhou")),
        ("TagCategory", s(category)),
        ("TagKey", s(key)),
        ("TagValue", s(value)),
    ])
}

fn subscription_host() -> Node {
    Node::Obj(vec![
        ("PrivateHost", s("dts-cn-****-internal.aliyuncs.com:18002")),
        ("PublicHost", s("dts-cn-****.aliyuncs.com:18001")),
        ("VpcHost", s("dts-cn-****-vpc.aliyuncs.com:18003")),
    ])
}

fn subscription_data_type() -> Node {
    Node::Obj(vec![("Ddl", Node::Bool(true)), ("Dml", Node::Bool(true))])
}

fn reverse_job(i: usize) -> Node {
    Node::Obj(vec![
        ("DtsJobId", s(format!("r{i:05}x2b****"))),
        ("DtsInstanceID", s(format!("dtsr{i:05}x2b****"))),
        ("DtsJobName", s(format!("api_test_{i}_reverse"))),
        ("DtsJobDirection", s("Reverse")),
        ("JobType", s("SYNC")),
        ("Status", s("NotStarted")),
        ("Checkpoint", s("0")),
        ("Delay", Node::Int(0)),
        ("CreateTime", s("2022-03-16T08:01:19Z")),
        ("DbObject", Node::Str(db_object(i))),
        ("Reserved", s(RESERVED)),
        ("SourceEndpoint", endpoint(i, "rm-dst", false)),
        ("DestinationEndpoint", endpoint(i, "rm-src", false)),
        ("MigrationMode", migration_mode()),
        ("DataSynchronizationStatus", stage("NotStarted", "0", "")),
        ("RetryState", retry_state("ErrMsg", i)),
    ])
}

fn sub_job(i: usize) -> Node {
    Node::Obj(vec![
        ("DtsJobId", s(format!("k{i:05}x2b****"))),
        ("DtsInstanceID", s(format!("dtsk{i:05}x2b****"))),
        ("DtsJobName", s(format!("api_test_{i}"))),
        ("JobType", s("SYNC")),
        ("TaskType", s("rds")),
        ("OriginType", s("PTS")),
        ("Status", s("Synchronizing")),
        ("DtsJobClass", s("large")),
        ("DtsJobDirection", s("Forward")),
        ("SynchronizationDirection", s("Forward")),
        ("PayType", s("PostPaid")),
        ("CreateTime", s("2022-03-16T08:01:19Z")),
        ("FinishTime", s("")),
        ("ExpireTime", s("2023-06-16T08:01:19Z")),
        ("BeginTimestamp", s("2022-03-16T08:01:19Z")),
        ("EndTimestamp", s("2022-03-17T08:01:19Z")),
        ("Checkpoint", s(format!("{}", 1_616_405_159 + i))),
        ("Delay", Node::Int((i * 37 % 5000) as i64)),
        ("DatabaseCount", Node::Int(2)),
        ("DbObject", Node::Str(db_object(i))),
        ("Reserved", s(RESERVED)),
        ("ErrorMessage", Node::Str(error_message(i))),
        ("GroupId", s("rg-acfmzawhxxc****")),
        ("IsDemoJob", Node::Bool(false)),
        ("MaxDu", Node::Float(16.0)),
        ("MinDu", Node::Float(1.5)),
        ("DestNetType", s("VPC")),
        ("SourceEndpoint", endpoint(i, "rm-src", false)),
        ("DestinationEndpoint", endpoint(i, "rm-dst", false)),
        ("MigrationMode", migration_mode()),
        ("StructureInitializationStatus", stage("Finished", "100", "1")),
        ("DataInitializationStatus", stage("Finished", "100", "200001")),
        (
            "DataSynchronizationStatus",
            stage("Synchronizing", "95", "0.00RPS/(0.000MB/s)"),
        ),
        ("DataEtlStatus", Node::Obj(Vec::new())),
        ("PrecheckStatus", precheck(i)),
        (
            "Performance",
            Node::Obj(vec![("Flow", s("1")), ("Rps", s("100"))]),
        ),
        ("RetryState", retry_state("ErrMsg", i)),
        (
            "TagList",
            Node::List(vec![
                tag(i, "acs:dts:owner", "dtstest", "System"),
                tag(i, "env", "prod & staging", "Custom"),
            ]),
        ),
        ("SubscriptionHost", subscription_host()),
        ("SubscriptionDataType", subscription_data_type()),
        ("ReverseJob", reverse_job(i)),
        // The opaque job-level list: `[]` in JSON, absent in XML.
        ("SubSyncJob", Node::List(Vec::new())),
    ])
}

fn large_doc(n: usize) -> Node {
    Node::Obj(vec![
        ("RequestId", s("29207299-7C41-493A-BA4F-2FAC5DE4****")),
        ("Success", Node::Bool(true)),
        ("Code", Node::Int(200)),
        ("HttpStatusCode", Node::Int(200)),
        ("ErrCode", s("")),
        ("ErrMessage", s("")),
        ("DynamicMessage", s("")),
        ("DtsJobName", s("API test")),
        ("DtsInstanceID", s("dtsi03e3zty16i****")),
        ("DtsJobId", s("i03e3zty16i****")),
        ("Status", s("synchronizing")),
        ("JobType", s("sync")),
        ("TaskType", s("Distributed_xxx")),
        ("DtsJobClass", s("xlarge")),
        ("DtsJobDirection", s("Forward")),
        ("SynchronizationDirection", s("Forward")),
        ("PayType", s("PostPaid")),
        ("CreateTime", s("2021-03-16T08:01:19Z")),
        ("FinishTime", s("")),
        ("BootTime", s("2022-03-30T03:36:11.000")),
        ("LastUpdateTime", s("1566291090000")),
        ("Checkpoint", Node::Int(1_616_405_159)),
        ("InitCheckpoint", s("1616405100")),
        ("Delay", Node::Int(0)),
        ("ErrorMessage", Node::Str(error_message(0))),
        ("DbObject", Node::Str(db_object(0))),
        ("Reserved", s(RESERVED)),
        ("DatabaseCount", Node::Int(2)),
        ("GroupId", s("rg-acfmzawhxxc****")),
        ("ResourceGroupId", s("rg-acfmzawhxxc****")),
        ("ResourceGroupDisplayName", s("default resource group")),
        ("DtsBisLabel", s("normal")),
        ("DemoJob", Node::Bool(false)),
        ("MaxDu", Node::Float(16.0)),
        ("MinDu", Node::Float(1.0)),
        ("DestNetType", s("VPC")),
        (
            "SubscribeTopic",
            s("cn_hangzhou_rm_bp1162kryivb8****_dtstest_version2"),
        ),
        ("ConsumptionCheckpoint", s("2022-03-16T08:01:19Z")),
        ("ConsumptionClient", s("114.***.***.**:dts********")),
        ("InsightModule", Node::Bool(false)),
        ("SourceEndpoint", endpoint(0, "rm-bp1162kryivb8", true)),
        ("DestinationEndpoint", endpoint(0, "rm-bp1imrtn6fq7h", true)),
        ("MigrationMode", migration_mode()),
        ("SubscriptionHost", subscription_host()),
        ("SubscriptionDataType", subscription_data_type()),
        (
            "DataSynchronizationStatus",
            stage("Synchronizing", "95", "0.00RPS/(0.000MB/s)"),
        ),
        ("RetryState", retry_state("ErrMessage", 0)),
        (
            "DataDeliveryChannelInfo",
            Node::Obj(vec![
                ("PartitionNum", Node::Int(12)),
                ("PublicDproxyUrl", s("dts-cn-****.aliyuncs.com:18001")),
                ("Region", s("cn-hangzhou")),
                ("Topic", s("cn_hangzhou_dts_topic")),
                ("VpcDproxyUrl", s("dts-cn-****-vpc.aliyuncs.com:18003")),
            ]),
        ),
        ("SubSyncJob", Node::List((0..n).map(sub_job).collect())),
    ])
}

/// A compact (no whitespace) JSON response with `n` full `SubSyncJob` items (~6.9 KB each;
/// `n = 200` gives 1.37 MB).
pub fn large_json(n: usize) -> String {
    let mut out = String::with_capacity(4096 + n * 5000);
    large_doc(n).write_json(&mut out);
    out
}

/// The same data as [`large_json`] as compact XML: repeated `<SubSyncJob>`, `<TagList>` and
/// `<Detail>` siblings (each run adjacent), text escaped, quotes raw (~8.7 KB per item).
pub fn large_xml(n: usize) -> String {
    let mut out = String::with_capacity(4096 + n * 6000);
    out.push_str(r#"<?xml version="1.0" encoding="UTF-8"?><DescribeDtsJobDetailResponse>"#);
    let Node::Obj(fields) = large_doc(n) else {
        unreachable!("the document root is an object")
    };
    write_xml_fields(&mut out, &fields);
    out.push_str("</DescribeDtsJobDetailResponse>");
    out
}

// ---------------------------------------------------------------------------------------------
// Naive serde_json baseline
// ---------------------------------------------------------------------------------------------

/// Derived model for `serde_json`, every field optional.
pub mod derived {
    use std::fmt;

    use serde::Deserialize;
    use serde::de::{self, Deserializer, Unexpected, Visitor};

    /// A field that arrives as a JSON number or a JSON string (`Checkpoint`: number at top
    /// level, string in job objects; `Code`/`HttpStatusCode` drift between DTS APIs).
    /// Numeric strings become `Int`; anything else is kept as `Str`.
    /// One `deserialize_any` visitor, as in serde_json `tests/regression/issue845.rs`.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum IntOrString {
        Int(i64),
        Str(String),
    }

    impl IntOrString {
        pub fn as_i64(&self) -> Option<i64> {
            match self {
                IntOrString::Int(v) => Some(*v),
                IntOrString::Str(_) => None,
            }
        }
    }

    impl<'de> Deserialize<'de> for IntOrString {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct IntOrStringVisitor;

            impl Visitor<'_> for IntOrStringVisitor {
                type Value = IntOrString;

                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("an integer or a string")
                }

                fn visit_i64<E: de::Error>(self, v: i64) -> Result<IntOrString, E> {
                    Ok(IntOrString::Int(v))
                }

                fn visit_u64<E: de::Error>(self, v: u64) -> Result<IntOrString, E> {
                    i64::try_from(v)
                        .map(IntOrString::Int)
                        .map_err(|_| E::invalid_value(Unexpected::Unsigned(v), &self))
                }

                fn visit_str<E: de::Error>(self, v: &str) -> Result<IntOrString, E> {
                    Ok(match v.parse::<i64>() {
                        Ok(n) => IntOrString::Int(n),
                        Err(_) => IntOrString::Str(v.to_owned()),
                    })
                }
            }

            deserializer.deserialize_any(IntOrStringVisitor)
        }
    }

    /// Fields shared by every job object (`SubSyncJob[i]`, `SubDistributedJob[i]`, their
    /// `ReverseJob`); `$extra` adds the position-specific ones.
    macro_rules! job_object {
        ($(#[$meta:meta])* $name:ident { $($extra:tt)* }) => {
            $(#[$meta])*
            #[derive(Debug, Default, Deserialize)]
            pub struct $name {
                #[serde(rename = "AppName", default)]
                pub app_name: Option<String>,
                #[serde(rename = "BeginTimestamp", default)]
                pub begin_timestamp: Option<String>,
                #[serde(rename = "Checkpoint", default)]
                pub checkpoint: Option<IntOrString>,
                #[serde(rename = "ConsumptionCheckpoint", default)]
                pub consumption_checkpoint: Option<String>,
                #[serde(rename = "ConsumptionClient", default)]
                pub consumption_client: Option<String>,
                #[serde(rename = "CreateTime", default)]
                pub create_time: Option<String>,
                #[serde(rename = "DataEtlStatus", default)]
                pub data_etl_status: Option<StageStatus>,
                #[serde(rename = "DataInitializationStatus", default)]
                pub data_initialization_status: Option<StageStatus>,
                #[serde(rename = "DataSynchronizationStatus", default)]
                pub data_synchronization_status: Option<StageStatus>,
                #[serde(rename = "DatabaseCount", default)]
                pub database_count: Option<i64>,
                #[serde(rename = "DbObject", default)]
                pub db_object: Option<String>,
                #[serde(rename = "DbObjectOssUrl", default)]
                pub db_object_oss_url: Option<String>,
                #[serde(rename = "DbObjectOssUrlExpireTime", default)]
                pub db_object_oss_url_expire_time: Option<String>,
                #[serde(rename = "DbObjectSize", default)]
                pub db_object_size: Option<i64>,
                #[serde(rename = "Delay", default)]
                pub delay: Option<i64>,
                #[serde(rename = "DestNetType", default)]
                pub dest_net_type: Option<String>,
                #[serde(rename = "DestinationEndpoint", default)]
                pub destination_endpoint: Option<Endpoint>,
                #[serde(rename = "DtsInstanceID", default)]
                pub dts_instance_id: Option<String>,
                #[serde(rename = "DtsJobClass", default)]
                pub dts_job_class: Option<String>,
                #[serde(rename = "DtsJobDirection", default)]
                pub dts_job_direction: Option<String>,
                #[serde(rename = "DtsJobId", default)]
                pub dts_job_id: Option<String>,
                #[serde(rename = "DtsJobName", default)]
                pub dts_job_name: Option<String>,
                #[serde(rename = "EndTimestamp", default)]
                pub end_timestamp: Option<String>,
                #[serde(rename = "ErrorMessage", default)]
                pub error_message: Option<String>,
                #[serde(rename = "EtlCalculator", default)]
                pub etl_calculator: Option<String>,
                #[serde(rename = "ExpireTime", default)]
                pub expire_time: Option<String>,
                #[serde(rename = "FinishTime", default)]
                pub finish_time: Option<String>,
                #[serde(rename = "GroupId", default)]
                pub group_id: Option<String>,
                #[serde(rename = "IsDemoJob", default)]
                pub is_demo_job: Option<bool>,
                #[serde(rename = "JobType", default)]
                pub job_type: Option<String>,
                #[serde(rename = "MaxDu", default)]
                pub max_du: Option<f64>,
                #[serde(rename = "MinDu", default)]
                pub min_du: Option<f64>,
                #[serde(rename = "MigrationMode", default)]
                pub migration_mode: Option<MigrationMode>,
                #[serde(rename = "OriginType", default)]
                pub origin_type: Option<String>,
                #[serde(rename = "PayType", default)]
                pub pay_type: Option<String>,
                #[serde(rename = "Performance", default)]
                pub performance: Option<Performance>,
                #[serde(rename = "PrecheckStatus", default)]
                pub precheck_status: Option<PrecheckStatus>,
                #[serde(rename = "Reserved", default)]
                pub reserved: Option<String>,
                #[serde(rename = "RetryState", default)]
                pub retry_state: Option<RetryState>,
                #[serde(rename = "SourceEndpoint", default)]
                pub source_endpoint: Option<Endpoint>,
                #[serde(rename = "Status", default)]
                pub status: Option<String>,
                #[serde(rename = "StructureInitializationStatus", default)]
                pub structure_initialization_status: Option<StageStatus>,
                #[serde(rename = "SubscribeTopic", default)]
                pub subscribe_topic: Option<String>,
                #[serde(rename = "SubscriptionDataType", default)]
                pub subscription_data_type: Option<SubscriptionDataType>,
                #[serde(rename = "SubscriptionHost", default)]
                pub subscription_host: Option<SubscriptionHost>,
                #[serde(rename = "SynchronizationDirection", default)]
                pub synchronization_direction: Option<String>,
                #[serde(rename = "TagList", default)]
                pub tag_list: Option<Vec<Tag>>,
                #[serde(rename = "TaskType", default)]
                pub task_type: Option<String>,
                $($extra)*
            }
        };
    }

    job_object! {
        /// An item of `SubSyncJob[]` / `SubDistributedJob[]`.
        Job {
            #[serde(rename = "ReverseJob", default)]
            pub reverse_job: Option<Box<ReverseJob>>,
            /// Untyped inner list (GO `[]interface{}`).
            #[serde(rename = "SubSyncJob", default)]
            pub sub_sync_job: Option<serde_json::Value>,
        }
    }

    job_object! {
        /// `Job.ReverseJob`: no inner `SubSyncJob`, an untyped inner `ReverseJob`.
        ReverseJob {
            #[serde(rename = "ReverseJob", default)]
            pub reverse_job: Option<serde_json::Value>,
        }
    }

    /// The root object.
    #[derive(Debug, Default, Deserialize)]
    pub struct Detail {
        #[serde(rename = "RequestId", default)]
        pub request_id: Option<String>,
        #[serde(rename = "Success", default)]
        pub success: Option<bool>,
        #[serde(rename = "Code", default)]
        pub code: Option<IntOrString>,
        #[serde(rename = "HttpStatusCode", default)]
        pub http_status_code: Option<IntOrString>,
        #[serde(rename = "ErrCode", default)]
        pub err_code: Option<String>,
        #[serde(rename = "ErrMessage", default)]
        pub err_message: Option<String>,
        #[serde(rename = "DynamicMessage", default)]
        pub dynamic_message: Option<String>,
        #[serde(rename = "DtsJobId", default)]
        pub dts_job_id: Option<String>,
        #[serde(rename = "DtsInstanceID", default)]
        pub dts_instance_id: Option<String>,
        #[serde(rename = "DtsJobName", default)]
        pub dts_job_name: Option<String>,
        #[serde(rename = "Status", default)]
        pub status: Option<String>,
        #[serde(rename = "JobType", default)]
        pub job_type: Option<String>,
        #[serde(rename = "TaskType", default)]
        pub task_type: Option<String>,
        #[serde(rename = "DtsJobClass", default)]
        pub dts_job_class: Option<String>,
        #[serde(rename = "DtsJobDirection", default)]
        pub dts_job_direction: Option<String>,
        #[serde(rename = "SynchronizationDirection", default)]
        pub synchronization_direction: Option<String>,
        #[serde(rename = "PayType", default)]
        pub pay_type: Option<String>,
        #[serde(rename = "ExpireTime", default)]
        pub expire_time: Option<String>,
        #[serde(rename = "CreateTime", default)]
        pub create_time: Option<String>,
        #[serde(rename = "FinishTime", default)]
        pub finish_time: Option<String>,
        #[serde(rename = "BootTime", default)]
        pub boot_time: Option<String>,
        #[serde(rename = "LastUpdateTime", default)]
        pub last_update_time: Option<String>,
        #[serde(rename = "Checkpoint", default)]
        pub checkpoint: Option<IntOrString>,
        #[serde(rename = "InitCheckpoint", default)]
        pub init_checkpoint: Option<String>,
        #[serde(rename = "Delay", default)]
        pub delay: Option<i64>,
        #[serde(rename = "ErrorMessage", default)]
        pub error_message: Option<String>,
        #[serde(rename = "DbObject", default)]
        pub db_object: Option<String>,
        #[serde(rename = "DbObjectOssUrl", default)]
        pub db_object_oss_url: Option<String>,
        #[serde(rename = "DbObjectOssUrlExpireTime", default)]
        pub db_object_oss_url_expire_time: Option<String>,
        #[serde(rename = "DbObjectSize", default)]
        pub db_object_size: Option<i64>,
        #[serde(rename = "Reserved", default)]
        pub reserved: Option<String>,
        #[serde(rename = "EtlCalculator", default)]
        pub etl_calculator: Option<String>,
        #[serde(rename = "DatabaseCount", default)]
        pub database_count: Option<i64>,
        #[serde(rename = "GroupId", default)]
        pub group_id: Option<String>,
        #[serde(rename = "ResourceGroupId", default)]
        pub resource_group_id: Option<String>,
        #[serde(rename = "ResourceGroupDisplayName", default)]
        pub resource_group_display_name: Option<String>,
        #[serde(rename = "DedicatedClusterId", default)]
        pub dedicated_cluster_id: Option<String>,
        #[serde(rename = "DtsBisLabel", default)]
        pub dts_bis_label: Option<String>,
        #[serde(rename = "DemoJob", default)]
        pub demo_job: Option<bool>,
        #[serde(rename = "MaxDu", default)]
        pub max_du: Option<f64>,
        #[serde(rename = "MinDu", default)]
        pub min_du: Option<f64>,
        #[serde(rename = "AppName", default)]
        pub app_name: Option<String>,
        #[serde(rename = "SubscribeTopic", default)]
        pub subscribe_topic: Option<String>,
        #[serde(rename = "ConsumptionCheckpoint", default)]
        pub consumption_checkpoint: Option<String>,
        #[serde(rename = "ConsumptionClient", default)]
        pub consumption_client: Option<String>,
        #[serde(rename = "BeginTimestamp", default)]
        pub begin_timestamp: Option<String>,
        #[serde(rename = "EndTimestamp", default)]
        pub end_timestamp: Option<String>,
        #[serde(rename = "DestNetType", default)]
        pub dest_net_type: Option<String>,
        #[serde(rename = "Binlog", default)]
        pub binlog: Option<String>,
        #[serde(rename = "BinlogSite", default)]
        pub binlog_site: Option<String>,
        #[serde(rename = "BinlogTime", default)]
        pub binlog_time: Option<String>,
        #[serde(rename = "ApprovalProcessStatus", default)]
        pub approval_process_status: Option<i64>,
        #[serde(rename = "ApprovalProcessUrl", default)]
        pub approval_process_url: Option<String>,
        #[serde(rename = "InsightModule", default)]
        pub insight_module: Option<bool>,
        #[serde(rename = "SourceEndpoint", default)]
        pub source_endpoint: Option<Endpoint>,
        #[serde(rename = "DestinationEndpoint", default)]
        pub destination_endpoint: Option<Endpoint>,
        #[serde(rename = "MigrationMode", default)]
        pub migration_mode: Option<MigrationMode>,
        #[serde(rename = "SubscriptionHost", default)]
        pub subscription_host: Option<SubscriptionHost>,
        #[serde(rename = "SubscriptionDataType", default)]
        pub subscription_data_type: Option<SubscriptionDataType>,
        #[serde(rename = "DataSynchronizationStatus", default)]
        pub data_synchronization_status: Option<StageStatus>,
        #[serde(rename = "RetryState", default)]
        pub retry_state: Option<RetryState>,
        #[serde(rename = "DataDeliveryChannelInfo", default)]
        pub data_delivery_channel_info: Option<DataDeliveryChannelInfo>,
        #[serde(rename = "SubSyncJob", default)]
        pub sub_sync_job: Option<Vec<Job>>,
        #[serde(rename = "SubDistributedJob", default)]
        pub sub_distributed_job: Option<Vec<Job>>,
    }

    /// `SourceEndpoint` / `DestinationEndpoint`.
    #[derive(Debug, Default, Deserialize)]
    pub struct Endpoint {
        #[serde(rename = "AliyunUid", default)]
        pub aliyun_uid: Option<String>,
        #[serde(rename = "CanModifyPassword", default)]
        pub can_modify_password: Option<bool>,
        #[serde(rename = "DatabaseName", default)]
        pub database_name: Option<String>,
        #[serde(rename = "EngineName", default)]
        pub engine_name: Option<String>,
        #[serde(rename = "InstanceID", default)]
        pub instance_id: Option<String>,
        #[serde(rename = "InstanceType", default)]
        pub instance_type: Option<String>,
        #[serde(rename = "Ip", default)]
        pub ip: Option<String>,
        #[serde(rename = "OracleSID", default)]
        pub oracle_sid: Option<String>,
        #[serde(rename = "Port", default)]
        pub port: Option<String>,
        #[serde(rename = "Region", default)]
        pub region: Option<String>,
        #[serde(rename = "RoleName", default)]
        pub role_name: Option<String>,
        #[serde(rename = "SslSolutionEnum", default)]
        pub ssl_solution_enum: Option<String>,
        #[serde(rename = "UserName", default)]
        pub user_name: Option<String>,
    }

    #[derive(Debug, Default, Deserialize)]
    pub struct MigrationMode {
        #[serde(rename = "DataExtractTransformLoad", default)]
        pub data_extract_transform_load: Option<bool>,
        #[serde(rename = "DataInitialization", default)]
        pub data_initialization: Option<bool>,
        #[serde(rename = "DataSynchronization", default)]
        pub data_synchronization: Option<bool>,
        #[serde(rename = "StructureInitialization", default)]
        pub structure_initialization: Option<bool>,
    }

    /// `DataSynchronizationStatus`, `DataInitializationStatus`,
    /// `StructureInitializationStatus`, `DataEtlStatus`.
    #[derive(Debug, Default, Deserialize)]
    pub struct StageStatus {
        #[serde(rename = "ErrorMessage", default)]
        pub error_message: Option<String>,
        #[serde(rename = "NeedUpgrade", default)]
        pub need_upgrade: Option<bool>,
        #[serde(rename = "Percent", default)]
        pub percent: Option<String>,
        #[serde(rename = "Progress", default)]
        pub progress: Option<String>,
        #[serde(rename = "Status", default)]
        pub status: Option<String>,
    }

    #[derive(Debug, Default, Deserialize)]
    pub struct PrecheckStatus {
        #[serde(rename = "Detail", default)]
        pub detail: Option<Vec<PrecheckDetail>>,
        #[serde(rename = "ErrorMessage", default)]
        pub error_message: Option<String>,
        #[serde(rename = "Percent", default)]
        pub percent: Option<String>,
        #[serde(rename = "Status", default)]
        pub status: Option<String>,
    }

    /// `PrecheckStatus.Detail[]`.
    #[derive(Debug, Default, Deserialize)]
    pub struct PrecheckDetail {
        #[serde(rename = "CheckItem", default)]
        pub check_item: Option<String>,
        #[serde(rename = "CheckItemDescription", default)]
        pub check_item_description: Option<String>,
        #[serde(rename = "CheckResult", default)]
        pub check_result: Option<String>,
        #[serde(rename = "FailedReason", default)]
        pub failed_reason: Option<String>,
        #[serde(rename = "RepairMethod", default)]
        pub repair_method: Option<String>,
    }

    #[derive(Debug, Default, Deserialize)]
    pub struct Performance {
        #[serde(rename = "Flow", default)]
        pub flow: Option<String>,
        #[serde(rename = "Rps", default)]
        pub rps: Option<String>,
    }

    /// `RetryState`: the message is `ErrMessage` at top level, `ErrMsg` in job objects; both
    /// are accepted everywhere.
    #[derive(Debug, Default, Deserialize)]
    pub struct RetryState {
        #[serde(rename = "ErrMessage", default)]
        pub err_message: Option<String>,
        #[serde(rename = "ErrMsg", default)]
        pub err_msg: Option<String>,
        #[serde(rename = "JobId", default)]
        pub job_id: Option<String>,
        #[serde(rename = "MaxRetryTime", default)]
        pub max_retry_time: Option<i64>,
        #[serde(rename = "Module", default)]
        pub module: Option<String>,
        #[serde(rename = "RetryCount", default)]
        pub retry_count: Option<i64>,
        #[serde(rename = "RetryTarget", default)]
        pub retry_target: Option<String>,
        #[serde(rename = "RetryTime", default)]
        pub retry_time: Option<i64>,
        #[serde(rename = "Retrying", default)]
        pub retrying: Option<bool>,
    }

    /// `TagList[]`.
    #[derive(Debug, Default, Deserialize)]
    pub struct Tag {
        #[serde(rename = "AliUid", default)]
        pub ali_uid: Option<i64>,
        #[serde(rename = "Creator", default)]
        pub creator: Option<i64>,
        #[serde(rename = "GmtCreate", default)]
        pub gmt_create: Option<String>,
        #[serde(rename = "GmtModified", default)]
        pub gmt_modified: Option<String>,
        #[serde(rename = "Id", default)]
        pub id: Option<i64>,
        #[serde(rename = "RegionId", default)]
        pub region_id: Option<String>,
        #[serde(rename = "ResourceId", default)]
        pub resource_id: Option<String>,
        #[serde(rename = "ResourceType", default)]
        pub resource_type: Option<String>,
        #[serde(rename = "Scope", default)]
        pub scope: Option<String>,
        #[serde(rename = "SrcRegion", default)]
        pub src_region: Option<String>,
        #[serde(rename = "TagCategory", default)]
        pub tag_category: Option<String>,
        #[serde(rename = "TagKey", default)]
        pub tag_key: Option<String>,
        #[serde(rename = "TagValue", default)]
        pub tag_value: Option<String>,
    }

    #[derive(Debug, Default, Deserialize)]
    pub struct SubscriptionHost {
        #[serde(rename = "PrivateHost", default)]
        pub private_host: Option<String>,
        #[serde(rename = "PublicHost", default)]
        pub public_host: Option<String>,
        #[serde(rename = "VpcHost", default)]
        pub vpc_host: Option<String>,
    }

    #[derive(Debug, Default, Deserialize)]
    pub struct SubscriptionDataType {
        #[serde(rename = "Ddl", default)]
        pub ddl: Option<bool>,
        #[serde(rename = "Dml", default)]
        pub dml: Option<bool>,
    }

    #[derive(Debug, Default, Deserialize)]
    pub struct DataDeliveryChannelInfo {
        #[serde(rename = "PartitionNum", default)]
        pub partition_num: Option<i64>,
        #[serde(rename = "PublicDproxyUrl", default)]
        pub public_dproxy_url: Option<String>,
        #[serde(rename = "Region", default)]
        pub region: Option<String>,
        #[serde(rename = "Topic", default)]
        pub topic: Option<String>,
        #[serde(rename = "VpcDproxyUrl", default)]
        pub vpc_dproxy_url: Option<String>,
    }
}

/// `serde_json::from_str` into the derived model.
pub fn serde_derive(json: &str) -> derived::Detail {
    serde_json::from_str(json).expect("serde_derive: JSON matches the derived model")
}

/// `serde_json::from_str` into the untyped DOM.
pub fn serde_value(json: &str) -> serde_json::Value {
    serde_json::from_str(json).expect("serde_value: valid JSON")
}

/// `serde_json::from_str::<IgnoredAny>`: validate and skip, no allocation (the JSON floor).
pub fn ignored_any(json: &str) -> serde::de::IgnoredAny {
    serde_json::from_str(json).expect("ignored_any: valid JSON")
}

// ---------------------------------------------------------------------------------------------
// Naive quick-xml serde baseline
// ---------------------------------------------------------------------------------------------

/// Derived model for `quick_xml::de` (quick-xml 0.42, feature `serialize`). Same fields as
/// [`derived`]; lists are `#[serde(default)] Vec<T>` named after the repeated element (each run
/// of siblings must be adjacent: no `overlapped-lists`); "int or string" fields are
/// `Option<String>` (XML text); other numbers and bools are typed (quick-xml parses the text,
/// but an empty element such as `<Delay/>` would be an error, a known limit of quick-xml's serde layer).
pub mod xml_serde {
    use serde::Deserialize;
    use serde::de::IgnoredAny;

    macro_rules! job_object {
        ($(#[$meta:meta])* $name:ident { $($extra:tt)* }) => {
            $(#[$meta])*
            #[derive(Debug, Default, Deserialize)]
            pub struct $name {
                #[serde(rename = "AppName", default)]
                pub app_name: Option<String>,
                #[serde(rename = "BeginTimestamp", default)]
                pub begin_timestamp: Option<String>,
                #[serde(rename = "Checkpoint", default)]
                pub checkpoint: Option<String>,
                #[serde(rename = "ConsumptionCheckpoint", default)]
                pub consumption_checkpoint: Option<String>,
                #[serde(rename = "ConsumptionClient", default)]
                pub consumption_client: Option<String>,
                #[serde(rename = "CreateTime", default)]
                pub create_time: Option<String>,
                #[serde(rename = "DataEtlStatus", default)]
                pub data_etl_status: Option<StageStatus>,
                #[serde(rename = "DataInitializationStatus", default)]
                pub data_initialization_status: Option<StageStatus>,
                #[serde(rename = "DataSynchronizationStatus", default)]
                pub data_synchronization_status: Option<StageStatus>,
                #[serde(rename = "DatabaseCount", default)]
                pub database_count: Option<i64>,
                #[serde(rename = "DbObject", default)]
                pub db_object: Option<String>,
                #[serde(rename = "DbObjectOssUrl", default)]
                pub db_object_oss_url: Option<String>,
                #[serde(rename = "DbObjectOssUrlExpireTime", default)]
                pub db_object_oss_url_expire_time: Option<String>,
                #[serde(rename = "DbObjectSize", default)]
                pub db_object_size: Option<i64>,
                #[serde(rename = "Delay", default)]
                pub delay: Option<i64>,
                #[serde(rename = "DestNetType", default)]
                pub dest_net_type: Option<String>,
                #[serde(rename = "DestinationEndpoint", default)]
                pub destination_endpoint: Option<Endpoint>,
                #[serde(rename = "DtsInstanceID", default)]
                pub dts_instance_id: Option<String>,
                #[serde(rename = "DtsJobClass", default)]
                pub dts_job_class: Option<String>,
                #[serde(rename = "DtsJobDirection", default)]
                pub dts_job_direction: Option<String>,
                #[serde(rename = "DtsJobId", default)]
                pub dts_job_id: Option<String>,
                #[serde(rename = "DtsJobName", default)]
                pub dts_job_name: Option<String>,
                #[serde(rename = "EndTimestamp", default)]
                pub end_timestamp: Option<String>,
                #[serde(rename = "ErrorMessage", default)]
                pub error_message: Option<String>,
                #[serde(rename = "EtlCalculator", default)]
                pub etl_calculator: Option<String>,
                #[serde(rename = "ExpireTime", default)]
                pub expire_time: Option<String>,
                #[serde(rename = "FinishTime", default)]
                pub finish_time: Option<String>,
                #[serde(rename = "GroupId", default)]
                pub group_id: Option<String>,
                #[serde(rename = "IsDemoJob", default)]
                pub is_demo_job: Option<bool>,
                #[serde(rename = "JobType", default)]
                pub job_type: Option<String>,
                #[serde(rename = "MaxDu", default)]
                pub max_du: Option<f64>,
                #[serde(rename = "MinDu", default)]
                pub min_du: Option<f64>,
                #[serde(rename = "MigrationMode", default)]
                pub migration_mode: Option<MigrationMode>,
                #[serde(rename = "OriginType", default)]
                pub origin_type: Option<String>,
                #[serde(rename = "PayType", default)]
                pub pay_type: Option<String>,
                #[serde(rename = "Performance", default)]
                pub performance: Option<Performance>,
                #[serde(rename = "PrecheckStatus", default)]
                pub precheck_status: Option<PrecheckStatus>,
                #[serde(rename = "Reserved", default)]
                pub reserved: Option<String>,
                #[serde(rename = "RetryState", default)]
                pub retry_state: Option<RetryState>,
                #[serde(rename = "SourceEndpoint", default)]
                pub source_endpoint: Option<Endpoint>,
                #[serde(rename = "Status", default)]
                pub status: Option<String>,
                #[serde(rename = "StructureInitializationStatus", default)]
                pub structure_initialization_status: Option<StageStatus>,
                #[serde(rename = "SubscribeTopic", default)]
                pub subscribe_topic: Option<String>,
                #[serde(rename = "SubscriptionDataType", default)]
                pub subscription_data_type: Option<SubscriptionDataType>,
                #[serde(rename = "SubscriptionHost", default)]
                pub subscription_host: Option<SubscriptionHost>,
                #[serde(rename = "SynchronizationDirection", default)]
                pub synchronization_direction: Option<String>,
                #[serde(rename = "TagList", default)]
                pub tag_list: Vec<Tag>,
                #[serde(rename = "TaskType", default)]
                pub task_type: Option<String>,
                $($extra)*
            }
        };
    }

    job_object! {
        /// One `<SubSyncJob>` / `<SubDistributedJob>` element.
        Job {
            #[serde(rename = "ReverseJob", default)]
            pub reverse_job: Option<Box<ReverseJob>>,
            /// Untyped inner list: repeated `<SubSyncJob>` inside a `<SubSyncJob>`, skipped.
            #[serde(rename = "SubSyncJob", default)]
            pub sub_sync_job: Vec<IgnoredAny>,
        }
    }

    job_object! {
        /// `<ReverseJob>` inside a job; its own `<ReverseJob>` is untyped and skipped.
        ReverseJob {
            #[serde(rename = "ReverseJob", default)]
            pub reverse_job: Option<IgnoredAny>,
        }
    }

    /// `<DescribeDtsJobDetailResponse>` (the root name is not checked by `quick_xml::de`).
    #[derive(Debug, Default, Deserialize)]
    pub struct Detail {
        #[serde(rename = "RequestId", default)]
        pub request_id: Option<String>,
        #[serde(rename = "Success", default)]
        pub success: Option<bool>,
        #[serde(rename = "Code", default)]
        pub code: Option<String>,
        #[serde(rename = "HttpStatusCode", default)]
        pub http_status_code: Option<String>,
        #[serde(rename = "ErrCode", default)]
        pub err_code: Option<String>,
        #[serde(rename = "ErrMessage", default)]
        pub err_message: Option<String>,
        #[serde(rename = "DynamicMessage", default)]
        pub dynamic_message: Option<String>,
        #[serde(rename = "DtsJobId", default)]
        pub dts_job_id: Option<String>,
        #[serde(rename = "DtsInstanceID", default)]
        pub dts_instance_id: Option<String>,
        #[serde(rename = "DtsJobName", default)]
        pub dts_job_name: Option<String>,
        #[serde(rename = "Status", default)]
        pub status: Option<String>,
        #[serde(rename = "JobType", default)]
        pub job_type: Option<String>,
        #[serde(rename = "TaskType", default)]
        pub task_type: Option<String>,
        #[serde(rename = "DtsJobClass", default)]
        pub dts_job_class: Option<String>,
        #[serde(rename = "DtsJobDirection", default)]
        pub dts_job_direction: Option<String>,
        #[serde(rename = "SynchronizationDirection", default)]
        pub synchronization_direction: Option<String>,
        #[serde(rename = "PayType", default)]
        pub pay_type: Option<String>,
        #[serde(rename = "ExpireTime", default)]
        pub expire_time: Option<String>,
        #[serde(rename = "CreateTime", default)]
        pub create_time: Option<String>,
        #[serde(rename = "FinishTime", default)]
        pub finish_time: Option<String>,
        #[serde(rename = "BootTime", default)]
        pub boot_time: Option<String>,
        #[serde(rename = "LastUpdateTime", default)]
        pub last_update_time: Option<String>,
        #[serde(rename = "Checkpoint", default)]
        pub checkpoint: Option<String>,
        #[serde(rename = "InitCheckpoint", default)]
        pub init_checkpoint: Option<String>,
        #[serde(rename = "Delay", default)]
        pub delay: Option<i64>,
        #[serde(rename = "ErrorMessage", default)]
        pub error_message: Option<String>,
        #[serde(rename = "DbObject", default)]
        pub db_object: Option<String>,
        #[serde(rename = "DbObjectOssUrl", default)]
        pub db_object_oss_url: Option<String>,
        #[serde(rename = "DbObjectOssUrlExpireTime", default)]
        pub db_object_oss_url_expire_time: Option<String>,
        #[serde(rename = "DbObjectSize", default)]
        pub db_object_size: Option<i64>,
        #[serde(rename = "Reserved", default)]
        pub reserved: Option<String>,
        #[serde(rename = "EtlCalculator", default)]
        pub etl_calculator: Option<String>,
        #[serde(rename = "DatabaseCount", default)]
        pub database_count: Option<i64>,
        #[serde(rename = "GroupId", default)]
        pub group_id: Option<String>,
        #[serde(rename = "ResourceGroupId", default)]
        pub resource_group_id: Option<String>,
        #[serde(rename = "ResourceGroupDisplayName", default)]
        pub resource_group_display_name: Option<String>,
        #[serde(rename = "DedicatedClusterId", default)]
        pub dedicated_cluster_id: Option<String>,
        #[serde(rename = "DtsBisLabel", default)]
        pub dts_bis_label: Option<String>,
        #[serde(rename = "DemoJob", default)]
        pub demo_job: Option<bool>,
        #[serde(rename = "MaxDu", default)]
        pub max_du: Option<f64>,
        #[serde(rename = "MinDu", default)]
        pub min_du: Option<f64>,
        #[serde(rename = "AppName", default)]
        pub app_name: Option<String>,
        #[serde(rename = "SubscribeTopic", default)]
        pub subscribe_topic: Option<String>,
        #[serde(rename = "ConsumptionCheckpoint", default)]
        pub consumption_checkpoint: Option<String>,
        #[serde(rename = "ConsumptionClient", default)]
        pub consumption_client: Option<String>,
        #[serde(rename = "BeginTimestamp", default)]
        pub begin_timestamp: Option<String>,
        #[serde(rename = "EndTimestamp", default)]
        pub end_timestamp: Option<String>,
        #[serde(rename = "DestNetType", default)]
        pub dest_net_type: Option<String>,
        #[serde(rename = "Binlog", default)]
        pub binlog: Option<String>,
        #[serde(rename = "BinlogSite", default)]
        pub binlog_site: Option<String>,
        #[serde(rename = "BinlogTime", default)]
        pub binlog_time: Option<String>,
        #[serde(rename = "ApprovalProcessStatus", default)]
        pub approval_process_status: Option<i64>,
        #[serde(rename = "ApprovalProcessUrl", default)]
        pub approval_process_url: Option<String>,
        #[serde(rename = "InsightModule", default)]
        pub insight_module: Option<bool>,
        #[serde(rename = "SourceEndpoint", default)]
        pub source_endpoint: Option<Endpoint>,
        #[serde(rename = "DestinationEndpoint", default)]
        pub destination_endpoint: Option<Endpoint>,
        #[serde(rename = "MigrationMode", default)]
        pub migration_mode: Option<MigrationMode>,
        #[serde(rename = "SubscriptionHost", default)]
        pub subscription_host: Option<SubscriptionHost>,
        #[serde(rename = "SubscriptionDataType", default)]
        pub subscription_data_type: Option<SubscriptionDataType>,
        #[serde(rename = "DataSynchronizationStatus", default)]
        pub data_synchronization_status: Option<StageStatus>,
        #[serde(rename = "RetryState", default)]
        pub retry_state: Option<RetryState>,
        #[serde(rename = "DataDeliveryChannelInfo", default)]
        pub data_delivery_channel_info: Option<DataDeliveryChannelInfo>,
        #[serde(rename = "SubSyncJob", default)]
        pub sub_sync_job: Vec<Job>,
        #[serde(rename = "SubDistributedJob", default)]
        pub sub_distributed_job: Vec<Job>,
    }

    #[derive(Debug, Default, Deserialize)]
    pub struct Endpoint {
        #[serde(rename = "AliyunUid", default)]
        pub aliyun_uid: Option<String>,
        #[serde(rename = "CanModifyPassword", default)]
        pub can_modify_password: Option<bool>,
        #[serde(rename = "DatabaseName", default)]
        pub database_name: Option<String>,
        #[serde(rename = "EngineName", default)]
        pub engine_name: Option<String>,
        #[serde(rename = "InstanceID", default)]
        pub instance_id: Option<String>,
        #[serde(rename = "InstanceType", default)]
        pub instance_type: Option<String>,
        #[serde(rename = "Ip", default)]
        pub ip: Option<String>,
        #[serde(rename = "OracleSID", default)]
        pub oracle_sid: Option<String>,
        #[serde(rename = "Port", default)]
        pub port: Option<String>,
        #[serde(rename = "Region", default)]
        pub region: Option<String>,
        #[serde(rename = "RoleName", default)]
        pub role_name: Option<String>,
        #[serde(rename = "SslSolutionEnum", default)]
        pub ssl_solution_enum: Option<String>,
        #[serde(rename = "UserName", default)]
        pub user_name: Option<String>,
    }

    #[derive(Debug, Default, Deserialize)]
    pub struct MigrationMode {
        #[serde(rename = "DataExtractTransformLoad", default)]
        pub data_extract_transform_load: Option<bool>,
        #[serde(rename = "DataInitialization", default)]
        pub data_initialization: Option<bool>,
        #[serde(rename = "DataSynchronization", default)]
        pub data_synchronization: Option<bool>,
        #[serde(rename = "StructureInitialization", default)]
        pub structure_initialization: Option<bool>,
    }

    #[derive(Debug, Default, Deserialize)]
    pub struct StageStatus {
        #[serde(rename = "ErrorMessage", default)]
        pub error_message: Option<String>,
        #[serde(rename = "NeedUpgrade", default)]
        pub need_upgrade: Option<bool>,
        #[serde(rename = "Percent", default)]
        pub percent: Option<String>,
        #[serde(rename = "Progress", default)]
        pub progress: Option<String>,
        #[serde(rename = "Status", default)]
        pub status: Option<String>,
    }

    #[derive(Debug, Default, Deserialize)]
    pub struct PrecheckStatus {
        #[serde(rename = "Detail", default)]
        pub detail: Vec<PrecheckDetail>,
        #[serde(rename = "ErrorMessage", default)]
        pub error_message: Option<String>,
        #[serde(rename = "Percent", default)]
        pub percent: Option<String>,
        #[serde(rename = "Status", default)]
        pub status: Option<String>,
    }

    #[derive(Debug, Default, Deserialize)]
    pub struct PrecheckDetail {
        #[serde(rename = "CheckItem", default)]
        pub check_item: Option<String>,
        #[serde(rename = "CheckItemDescription", default)]
        pub check_item_description: Option<String>,
        #[serde(rename = "CheckResult", default)]
        pub check_result: Option<String>,
        #[serde(rename = "FailedReason", default)]
        pub failed_reason: Option<String>,
        #[serde(rename = "RepairMethod", default)]
        pub repair_method: Option<String>,
    }

    #[derive(Debug, Default, Deserialize)]
    pub struct Performance {
        #[serde(rename = "Flow", default)]
        pub flow: Option<String>,
        #[serde(rename = "Rps", default)]
        pub rps: Option<String>,
    }

    #[derive(Debug, Default, Deserialize)]
    pub struct RetryState {
        #[serde(rename = "ErrMessage", default)]
        pub err_message: Option<String>,
        #[serde(rename = "ErrMsg", default)]
        pub err_msg: Option<String>,
        #[serde(rename = "JobId", default)]
        pub job_id: Option<String>,
        #[serde(rename = "MaxRetryTime", default)]
        pub max_retry_time: Option<i64>,
        #[serde(rename = "Module", default)]
        pub module: Option<String>,
        #[serde(rename = "RetryCount", default)]
        pub retry_count: Option<i64>,
        #[serde(rename = "RetryTarget", default)]
        pub retry_target: Option<String>,
        #[serde(rename = "RetryTime", default)]
        pub retry_time: Option<i64>,
        #[serde(rename = "Retrying", default)]
        pub retrying: Option<bool>,
    }

    #[derive(Debug, Default, Deserialize)]
    pub struct Tag {
        #[serde(rename = "AliUid", default)]
        pub ali_uid: Option<i64>,
        #[serde(rename = "Creator", default)]
        pub creator: Option<i64>,
        #[serde(rename = "GmtCreate", default)]
        pub gmt_create: Option<String>,
        #[serde(rename = "GmtModified", default)]
        pub gmt_modified: Option<String>,
        #[serde(rename = "Id", default)]
        pub id: Option<i64>,
        #[serde(rename = "RegionId", default)]
        pub region_id: Option<String>,
        #[serde(rename = "ResourceId", default)]
        pub resource_id: Option<String>,
        #[serde(rename = "ResourceType", default)]
        pub resource_type: Option<String>,
        #[serde(rename = "Scope", default)]
        pub scope: Option<String>,
        #[serde(rename = "SrcRegion", default)]
        pub src_region: Option<String>,
        #[serde(rename = "TagCategory", default)]
        pub tag_category: Option<String>,
        #[serde(rename = "TagKey", default)]
        pub tag_key: Option<String>,
        #[serde(rename = "TagValue", default)]
        pub tag_value: Option<String>,
    }

    #[derive(Debug, Default, Deserialize)]
    pub struct SubscriptionHost {
        #[serde(rename = "PrivateHost", default)]
        pub private_host: Option<String>,
        #[serde(rename = "PublicHost", default)]
        pub public_host: Option<String>,
        #[serde(rename = "VpcHost", default)]
        pub vpc_host: Option<String>,
    }

    #[derive(Debug, Default, Deserialize)]
    pub struct SubscriptionDataType {
        #[serde(rename = "Ddl", default)]
        pub ddl: Option<bool>,
        #[serde(rename = "Dml", default)]
        pub dml: Option<bool>,
    }

    #[derive(Debug, Default, Deserialize)]
    pub struct DataDeliveryChannelInfo {
        #[serde(rename = "PartitionNum", default)]
        pub partition_num: Option<i64>,
        #[serde(rename = "PublicDproxyUrl", default)]
        pub public_dproxy_url: Option<String>,
        #[serde(rename = "Region", default)]
        pub region: Option<String>,
        #[serde(rename = "Topic", default)]
        pub topic: Option<String>,
        #[serde(rename = "VpcDproxyUrl", default)]
        pub vpc_dproxy_url: Option<String>,
    }
}

/// `quick_xml::de::from_str` into the derived XML model.
pub fn quick_xml_serde(xml: &str) -> xml_serde::Detail {
    quick_xml::de::from_str(xml).expect("quick_xml_serde: XML matches the derived model")
}

// ---------------------------------------------------------------------------------------------
// Raw quick-xml event loop
// ---------------------------------------------------------------------------------------------

/// Visits every event of `xml` with `quick_xml::Reader::from_str` until `Eof`, decoding every
/// text (EOL-normalised), CDATA and entity/character reference; returns a count of names and
/// decoded bytes so the work cannot be optimised away. No tree, no allocation beyond the
/// reader's own and EOL normalisation.
pub fn quick_xml_events(xml: &str) -> usize {
    use quick_xml::Reader;
    use quick_xml::escape::resolve_predefined_entity;
    use quick_xml::events::Event;

    let mut reader = Reader::from_str(xml);
    let mut count = 0usize;
    loop {
        match reader.read_event().expect("quick_xml_events: well-formed XML") {
            Event::Start(e) | Event::Empty(e) => count += e.name().as_ref().len(),
            Event::End(e) => count += e.name().as_ref().len(),
            Event::Text(t) => count += t.xml10_content().len(),
            Event::CData(c) => count += c.xml10_content().len(),
            Event::GeneralRef(r) => {
                let resolved = r
                    .resolve_char_ref()
                    .expect("quick_xml_events: valid character reference");
                count += match resolved {
                    Some(ch) => ch.len_utf8(),
                    None => resolve_predefined_entity(&r)
                        .expect("quick_xml_events: predefined entity")
                        .len(),
                };
            }
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => count += 1,
        }
    }
    count
}

// ---------------------------------------------------------------------------------------------
// Self check and criterion registration
// ---------------------------------------------------------------------------------------------

/// Asserts that every baseline accepts every fixture and that JSON and XML agree on the data.
pub fn self_check() {
    // Seed documents.
    let json = serde_derive(SEED_JSON);
    let xml = quick_xml_serde(SEED_XML);
    assert_eq!(
        json.checkpoint.as_ref().and_then(derived::IntOrString::as_i64),
        Some(1_616_405_159),
        "seed JSON Checkpoint (a string) through IntOrString"
    );
    assert_eq!(xml.checkpoint.as_deref(), Some("1616405159"));
    assert_eq!(json.dts_job_name.as_deref(), Some("API test"));
    assert_eq!(xml.dts_job_name, json.dts_job_name);
    assert_eq!(xml.db_object, json.db_object);
    assert_eq!(xml.reserved, json.reserved);
    assert_eq!(
        xml.source_endpoint.as_ref().and_then(|e| e.role_name.as_deref()),
        Some(""),
        "empty element is Some(\"\")"
    );
    assert_eq!(
        xml.source_endpoint
            .as_ref()
            .and_then(|e| e.instance_id.as_deref()),
        json.source_endpoint
            .as_ref()
            .and_then(|e| e.instance_id.as_deref()),
    );
    serde_value(SEED_JSON);
    ignored_any(SEED_JSON);
    assert!(quick_xml_events(SEED_XML) > 0);

    // Generated documents.
    let (large_j, large_x) = (large_json(3), large_xml(3));
    let json = serde_derive(&large_j);
    let xml = quick_xml_serde(&large_x);
    serde_value(&large_j);
    ignored_any(&large_j);
    assert!(quick_xml_events(&large_x) > quick_xml_events(SEED_XML));

    let jobs_j = json.sub_sync_job.as_deref().expect("JSON SubSyncJob list");
    assert_eq!(jobs_j.len(), 3, "derived JSON model sees 3 sub-jobs");
    assert_eq!(xml.sub_sync_job.len(), 3, "derived XML model sees 3 sub-jobs");
    assert_eq!(json.checkpoint, Some(derived::IntOrString::Int(1_616_405_159)));
    assert_eq!(xml.checkpoint.as_deref(), Some("1616405159"));
    assert_eq!(xml.error_message, json.error_message);
    assert!(
        json.error_message
            .as_deref()
            .is_some_and(|m| m.contains("& retry 0]\n")),
        "ErrorMessage keeps `&` and the newline"
    );
    assert_eq!(
        xml.retry_state.as_ref().and_then(|r| r.err_message.as_deref()),
        json.retry_state.as_ref().and_then(|r| r.err_message.as_deref()),
    );
    assert_eq!(
        xml.data_delivery_channel_info
            .as_ref()
            .and_then(|d| d.partition_num),
        Some(12)
    );
    for (j, x) in jobs_j.iter().zip(&xml.sub_sync_job) {
        let checkpoint = j.checkpoint.as_ref().and_then(derived::IntOrString::as_i64);
        assert_eq!(x.checkpoint.as_deref().map(str::parse), checkpoint.map(Ok));
        assert_eq!(x.dts_job_id, j.dts_job_id);
        assert_eq!(x.error_message, j.error_message);
        assert_eq!(x.db_object, j.db_object);
        assert_eq!(x.reserved, j.reserved);
        assert_eq!(x.delay, j.delay);
        assert_eq!(x.max_du, j.max_du);
        assert_eq!(x.min_du, j.min_du);
        let db_object = j.db_object.as_deref().expect("job DbObject");
        serde_json::from_str::<serde_json::Value>(db_object).expect("DbObject is JSON text");
        let tags_j = j.tag_list.as_deref().expect("JSON TagList");
        assert_eq!((tags_j.len(), x.tag_list.len()), (2, 2));
        assert_eq!(x.tag_list[1].tag_value, tags_j[1].tag_value);
        assert_eq!(x.tag_list[1].ali_uid, tags_j[1].ali_uid);
        let pre_j = j.precheck_status.as_ref().expect("JSON PrecheckStatus");
        let pre_x = x.precheck_status.as_ref().expect("XML PrecheckStatus");
        let detail_j = pre_j.detail.as_deref().expect("JSON Detail");
        assert_eq!((detail_j.len(), pre_x.detail.len()), (3, 3));
        assert_eq!(pre_x.detail[2].failed_reason, detail_j[2].failed_reason);
        let retry_j = j.retry_state.as_ref().expect("JSON RetryState");
        let retry_x = x.retry_state.as_ref().expect("XML RetryState");
        assert_eq!(retry_x.err_msg, retry_j.err_msg);
        assert_eq!(retry_x.retrying, retry_j.retrying);
        let rev_j = j.reverse_job.as_ref().expect("JSON ReverseJob");
        let rev_x = x.reverse_job.as_ref().expect("XML ReverseJob");
        assert_eq!(rev_x.dts_job_id, rev_j.dts_job_id);
        assert_eq!(
            rev_x.source_endpoint.as_ref().and_then(|e| e.ip.as_deref()),
            rev_j.source_endpoint.as_ref().and_then(|e| e.ip.as_deref()),
        );
        assert!(x.data_etl_status.is_some() && j.data_etl_status.is_some());
        assert!(x.sub_sync_job.is_empty());
        assert_eq!(j.sub_sync_job, Some(serde_json::Value::Array(Vec::new())));
    }
}
