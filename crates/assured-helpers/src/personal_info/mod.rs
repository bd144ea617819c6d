//! Fetch-merge-patch of a provider's personal info.

mod merge;

use assured_models::ProfileId;
use assured_models::catalog::{
    Endpoint, EndpointDescriptor, GetPersonalInfo, SingleEndpoint, UpdatePersonalInfo,
};
use assured_models::models::provider_profile::{ProviderPersonalInfo, ProviderPersonalInfoUpdate};
use serde_json::{Map, Value};

use crate::error::HelperError;
use crate::helpers::Helpers;

/// The personal-info GET of the catalog, read as raw JSON so that the merge
/// keeps every key the server sent, exactly as sent.
struct GetPersonalInfoRaw;

impl Endpoint for GetPersonalInfoRaw {
    const DESCRIPTOR: &'static EndpointDescriptor = GetPersonalInfo::DESCRIPTOR;
    type PathArg = ProfileId;
    type Query = ();
    type Body = ();
    type Response = Map<String, Value>;
}

impl SingleEndpoint for GetPersonalInfoRaw {}

impl Helpers {
    /// Applies `update` to a provider's personal info and returns the
    /// updated record.
    ///
    /// Production takes only a whole-record PATCH, so this fetches the
    /// record, drops its read-only keys (the masked `ssn` among them) and
    /// null values, lays the fields set in `update` over it and sends the
    /// result. Keys this SDK does not model travel unchanged.
    ///
    /// Updates of one profile through clones of these helpers run one at a
    /// time, so concurrent updates of different fields both survive.
    ///
    /// A record that would leave citizenship unanswered is
    /// [`HelperError::CitizenshipUnanswered`], naming the fields to set, and
    /// is not sent; any other refusal is the server's validation error with
    /// its field errors.
    pub async fn update_personal_info(
        &self,
        profile: &ProfileId,
        update: ProviderPersonalInfoUpdate,
    ) -> Result<ProviderPersonalInfo, HelperError> {
        // Held until the PATCH is answered: the read-modify-write of one
        // profile must not interleave with another.
        let _turn = self.shared.personal_info_locks.lock(profile).await;
        let fetched = self
            .client
            .call::<GetPersonalInfoRaw>(profile, &(), &())
            .await?;
        let body = merge::patch_body(fetched, &update)?;
        let unanswered = merge::unanswered_citizenship(&body);
        if !unanswered.is_empty() {
            return Err(HelperError::CitizenshipUnanswered {
                fields: unanswered,
                source: None,
            });
        }
        self.client
            .call::<UpdatePersonalInfo>(profile, &(), &body)
            .await
            .map_err(citizenship_refusal)
    }
}

/// Names the citizenship fields of a server refusal, for the case where the
/// server asks for more than the local check knows.
fn citizenship_refusal(error: assured_core::Error) -> HelperError {
    let fields: Vec<&'static str> = error
        .field_errors()
        .filter(|_| error.is_validation())
        .map(|errors| {
            [
                merge::US_CITIZEN,
                merge::CITIZENSHIP_COUNTRY,
                merge::VISA_NUMBER,
            ]
            .into_iter()
            .filter(|field| errors.contains_key(*field))
            .collect()
        })
        .unwrap_or_default();
    if fields.is_empty() {
        HelperError::Core(error)
    } else {
        HelperError::CitizenshipUnanswered {
            fields,
            source: Some(error),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use assured_core::{ApiFailure, Error};

    use super::*;

    fn refusal(fields: &[&str]) -> Error {
        Error::Validation(Box::new(ApiFailure {
            endpoint: UpdatePersonalInfo::DESCRIPTOR.into(),
            status: 400,
            message: None,
            field_errors: fields
                .iter()
                .map(|field| ((*field).to_owned(), vec!["required".to_owned()]))
                .collect::<BTreeMap<_, _>>(),
            body: String::new(),
            retry_after: None,
            hint: None,
        }))
    }

    #[test]
    fn a_server_refusal_naming_citizenship_becomes_the_typed_error() {
        let err = citizenship_refusal(refusal(&["citizenship_country", "home_city"]));
        let HelperError::CitizenshipUnanswered { fields, source } = &err else {
            panic!("{err:?}");
        };
        assert_eq!(fields, &["citizenship_country"]);
        assert_eq!(source.as_ref().and_then(Error::status), Some(400));
        assert!(err.core().is_some_and(Error::is_validation));
    }

    #[test]
    fn other_refusals_stay_the_core_error() {
        let err = citizenship_refusal(refusal(&["home_city"]));
        assert!(
            matches!(err, HelperError::Core(Error::Validation(_))),
            "{err:?}"
        );
    }
}
