//! Professional records: the per-provider collections keyed by profile id
//! (certifications, licenses, DEA, CDS, Medicaid, Medicare, employment,
//! gap history, education, training, liability insurance), and the
//! provider documents list.

use crate::context::Ctx;
use crate::filters::Filters;
use crate::seed::Kind;
use crate::state::State;

use super::collection::{Collection, PROVIDER_SEARCH, Scope, as_sent};
use super::common::Who;

/// The `professional_id_type` of the professional-id kinds.
pub(crate) fn professional_id_type(kind: Kind) -> Option<&'static str> {
    match kind {
        Kind::License => Some("LICENSE"),
        Kind::Dea => Some("DEA"),
        Kind::Cds => Some("CDS"),
        Kind::Medicaid => Some("MEDICAID"),
        Kind::Medicare => Some("MEDICARE"),
        _ => None,
    }
}

/// `state` and `number` on every per-provider record; on the five
/// professional-id lists also `professional_id_type`: each list holds one
/// type, so its own type keeps every record and another none.
pub(crate) fn record_filters<'a>(
    ctx: &'a Ctx<'_>,
    _: &'a State,
    kind: Kind,
    filters: Filters<'a>,
) -> Filters<'a> {
    let filters = filters
        .eq(ctx, "state", "state")
        .eq(ctx, "number", "number");
    match (professional_id_type(kind), ctx.q("professional_id_type")) {
        (Some(own), Some(wanted)) => {
            let same = wanted.trim().eq_ignore_ascii_case(own);
            filters.with(move |_| same)
        }
        _ => filters,
    }
}

/// A per-provider collection of `kind` whose `provider` is `who`'s id.
pub(crate) const fn per_provider(kind: Kind, who: Who) -> Collection {
    Collection {
        kind,
        scope: Scope::Provider(who),
        search: PROVIDER_SEARCH,
        filters: record_filters,
        on_create: as_sent,
    }
}

pub(crate) const CERTIFICATIONS: Collection = per_provider(Kind::Certification, Who::Profile);
pub(crate) const LICENSES: Collection = per_provider(Kind::License, Who::Profile);
pub(crate) const DEA_RECORDS: Collection = per_provider(Kind::Dea, Who::Profile);
pub(crate) const CDS_RECORDS: Collection = per_provider(Kind::Cds, Who::Profile);
pub(crate) const MEDICAID_RECORDS: Collection = per_provider(Kind::Medicaid, Who::Profile);
pub(crate) const MEDICARE_RECORDS: Collection = per_provider(Kind::Medicare, Who::Profile);
pub(crate) const EMPLOYMENTS: Collection = per_provider(Kind::Employment, Who::Profile);
pub(crate) const GAP_HISTORY: Collection = per_provider(Kind::GapHistory, Who::Profile);
pub(crate) const EDUCATION: Collection = per_provider(Kind::Education, Who::Profile);
pub(crate) const TRAINING: Collection = per_provider(Kind::Training, Who::Profile);
pub(crate) const LIABILITY_INSURANCES: Collection = per_provider(Kind::Insurance, Who::Profile);
/// Provider documents (their create is not plain: see `provider_profile`).
pub(crate) const DOCUMENTS: Collection = per_provider(Kind::Document, Who::Profile);
