//! The guides: one page per helper, with the pitfall, what the SDK does
//! about it, and an example. Their examples compile as doctests.

#[doc = include_str!("../../../docs/guides/profile-ids.md")]
pub mod profile_ids {}

#[doc = include_str!("../../../docs/guides/npi.md")]
pub mod npi {}

#[doc = include_str!("../../../docs/guides/personal-info.md")]
pub mod personal_info {}

#[doc = include_str!("../../../docs/guides/ssn.md")]
pub mod ssn {}

#[doc = include_str!("../../../docs/guides/uploads.md")]
pub mod uploads {}

#[doc = include_str!("../../../docs/guides/jwt-and-pagination.md")]
pub mod jwt_and_pagination {}
