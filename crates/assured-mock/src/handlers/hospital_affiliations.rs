//! Hospital affiliations: three per-provider collections keyed by
//! **account** id.

use crate::seed::Kind;

use super::collection::Collection;
use super::common::Who;
use super::professional_records::per_provider;

pub(crate) const ADMITTING_ARRANGEMENTS: Collection = per_provider(Kind::Arrangement, Who::Account);
pub(crate) const ADMITTING_PRIVILEGES: Collection = per_provider(Kind::Privilege, Who::Account);
pub(crate) const NON_ADMITTING_AFFILIATIONS: Collection =
    per_provider(Kind::NonAdmitting, Who::Account);
