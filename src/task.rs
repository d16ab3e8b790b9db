//! Task kinds, per-kind statuses and units.

use strum::{Display, EnumString, IntoStaticStr};

/// What a task does; decides its status vocabulary and `Delay` unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Display, EnumString, IntoStaticStr)]
#[strum(serialize_all = "kebab-case", ascii_case_insensitive)]
pub enum TaskKind {
    /// Data migration (`Delay` in milliseconds).
    Migration,
    /// Data synchronization (`Delay` in seconds).
    Synchronization,
    /// Change tracking (subscription; `Delay` in seconds).
    ChangeTracking,
    /// Not decidable from the response.
    Unknown,
}
