//! Normalization: what a printed table means, the same for every reader.
//!
//! [`number`] reads Dutch numbers; [`rows`] decides labels, codes, row roles (group, total,
//! waarvan), groups and parents. Runs after footnote markers are split off and overrides applied.

pub mod number;
pub mod rows;
