//! Stack for recursion at any depth the limits allow.
//!
//! The readers, the writers and the serde integration recurse once per level
//! of nesting. Each recursive step goes through [`deeper`], which moves to a
//! fresh stack segment on the heap when the current one runs low, so no
//! document overflows the stack: not at [`MAX_DEPTH_CEILING`], not on a small
//! thread stack, not in a debug build (whose frames are several times larger).
//!
//! [`MAX_DEPTH_CEILING`]: crate::MAX_DEPTH_CEILING

/// Runs one recursive step with enough stack: when less than 128 KiB is
/// left, the step runs on a fresh 1 MiB segment.
#[inline]
pub(crate) fn deeper<R>(step: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(128 * 1024, 1024 * 1024, step)
}
