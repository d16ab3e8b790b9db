//! Known values of the open string enumerations.
//!
//! Each enum lists the spellings this crate knows; matching is ASCII
//! case-insensitive, and values outside the list stay readable through
//! [`Open::raw`](crate::Open::raw). Wire spellings are kept exactly, including the
//! service's own typos (`ENABLE_ONLY_4_MONGODB_ALTAS`, `Catched`).

use strum_macros::{Display, EnumString, IntoStaticStr};

macro_rules! open_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $wire:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumString, IntoStaticStr, Display)]
        #[strum(ascii_case_insensitive)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$vmeta])* #[strum(serialize = $wire)] $variant,)+
        }

        impl $name {
            /// Every known variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The documented wire spelling.
            pub fn as_str(self) -> &'static str {
                self.into()
            }
        }
    };
}

open_enum! {
    /// `JobType`: top level `sync`/`subSync`, job objects `online`/`SYNC`/`SUBSCRIBE`,
    /// `DescribeDtsJobs` `MIGRATION`.
    JobType {
        /// `sync` / `SYNC`: a synchronization task.
        Sync = "sync",
        /// `subSync`: a sub-task created by modifying synchronization objects.
        SubSync = "subSync",
        /// `online`: a migration task.
        Online = "online",
        /// `MIGRATION`: a migration task.
        Migration = "MIGRATION",
        /// `SUBSCRIBE`: a change-tracking task.
        Subscribe = "SUBSCRIBE",
    }
}

open_enum! {
    /// `PayType`: billing method.
    PayType {
        /// Subscription.
        PrePaid = "PrePaid",
        /// Pay-as-you-go.
        PostPaid = "PostPaid",
    }
}

open_enum! {
    /// `SslSolutionEnum` of an endpoint.
    SslSolution {
        /// SSL disabled.
        Disable = "DISABLE",
        /// SSL with an uploaded CA certificate.
        EnableWithCertificate = "ENABLE_WITH_CERTIFICATE",
        /// SSL for MongoDB Atlas (the service spells it `ALTAS`).
        EnableOnly4MongodbAltas = "ENABLE_ONLY_4_MONGODB_ALTAS",
        /// SCRAM-SHA-256 for Kafka.
        EnableOnly4KafkaScramSha256 = "ENABLE_ONLY_4_KAFKA_SCRAM_SHA_256",
    }
}

open_enum! {
    /// `PrecheckStatus.Detail[].CheckResult`.
    CheckResult {
        /// The check passed.
        Success = "Success",
        /// The check failed; `FailedReason` and `RepairMethod` explain.
        Failed = "Failed",
    }
}

open_enum! {
    /// `RetryState.RetryTarget`.
    RetryTarget {
        /// The source database.
        SrcDb = "srcDB",
        /// The destination database.
        DestDb = "destDB",
        /// A DTS-internal module.
        InnerModule = "inner_module",
    }
}

open_enum! {
    /// `DestNetType`: network of the change-tracking consumer.
    DestNetType {
        /// Classic network.
        Classic = "CLASSIC",
        /// Virtual private cloud.
        Vpc = "VPC",
    }
}

open_enum! {
    /// `DtsJobDirection` / `SynchronizationDirection`.
    Direction {
        /// Forward direction (the default).
        Forward = "Forward",
        /// Reverse direction of a two-way synchronization.
        Reverse = "Reverse",
    }
}

open_enum! {
    /// `OriginType`: where the task was created.
    OriginType {
        /// Created from PTS.
        Pts = "PTS",
        /// Created from DMS.
        Dms = "DMS",
        /// Created in DTS.
        Dts = "DTS",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matching_is_case_insensitive_and_spelling_is_kept() {
        assert_eq!("SYNC".parse::<JobType>().ok(), Some(JobType::Sync));
        assert_eq!("sync".parse::<JobType>().ok(), Some(JobType::Sync));
        assert_eq!("subsync".parse::<JobType>().ok(), Some(JobType::SubSync));
        assert_eq!(
            "enable_only_4_mongodb_altas".parse::<SslSolution>().ok(),
            Some(SslSolution::EnableOnly4MongodbAltas)
        );
        assert!("ATLAS".parse::<SslSolution>().is_err());
        assert_eq!(PayType::PrePaid.as_str(), "PrePaid");
        assert_eq!(RetryTarget::ALL.len(), 3);
    }
}
