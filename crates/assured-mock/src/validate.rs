//! Request bodies are checked against the catalog's `Body` types, so the
//! mock and the models agree on every field name and type.

use assured_models::catalog::Endpoint;
use axum::http::StatusCode;
use serde::de::DeserializeOwned;

use crate::handlers::parse_json;
use crate::server::{Ctx, Reply};

/// Deserializes the JSON body into `E::Body`; a failure is a DRF-style 400
/// naming the field. Returns the body re-serialized from the typed value.
fn typed<E: Endpoint>(ctx: &Ctx<'_>) -> Result<Option<Vec<u8>>, Reply>
where
    E::Body: DeserializeOwned,
{
    let value = parse_json(ctx)?;
    match serde_path_to_error::deserialize::<_, E::Body>(value) {
        // Re-serialized: aliases (legacy names) become the models' names.
        Ok(body) => Ok(serde_json::to_vec(&body).ok()),
        Err(error) => {
            let path = error.path().to_string();
            let message = error.inner().to_string();
            let field = if path == "." || path.is_empty() {
                message
                    .split('`')
                    .nth(1)
                    .map_or_else(|| "non_field_errors".to_owned(), ToOwned::to_owned)
            } else {
                path
            };
            let text = if message.starts_with("missing field") {
                "This field is required.".to_owned()
            } else {
                format!("Invalid value: {message}")
            };
            Err(Reply::json(
                StatusCode::BAD_REQUEST,
                serde_json::json!({ field: [text] }),
            ))
        }
    }
}

/// Checks the body of the request against its endpoint's `Body` type and
/// returns it in the models' canonical form (`None`: keep the raw body).
pub(crate) fn body(ctx: &Ctx<'_>) -> Result<Option<Vec<u8>>, Reply> {
    use assured_models::catalog as c;
    match ctx.d.key {
        "US5" => typed::<c::Login>(ctx),
        "US6" => typed::<c::PasswordReset>(ctx),
        "PV2" => typed::<c::InviteProviders>(ctx),
        "PV3" => typed::<c::ImportProviderWithCaqh>(ctx),
        "PV4" => typed::<c::CreateProvider>(ctx),
        "PV6" => typed::<c::AddProvidersToPracticeLocation>(ctx),
        "PV7" => typed::<c::RequestCaqhImport>(ctx),
        "PV10" => typed::<c::UpdateOrgJoiningDate>(ctx),
        "PP2" => typed::<c::UpdatePersonalInfo>(ctx),
        "PP4" => typed::<c::UpdateEncryptedSsn>(ctx),
        "PP31" => typed::<c::CreateDocument>(ctx),
        "PP7" => typed::<c::CreateCertification>(ctx),
        "PP9" => typed::<c::CreateLicense>(ctx),
        "PP11" => typed::<c::CreateDeaRecord>(ctx),
        "PP13" => typed::<c::CreateCdsRecord>(ctx),
        "PP15" => typed::<c::CreateMedicaidRecord>(ctx),
        "PP17" => typed::<c::CreateMedicareRecord>(ctx),
        "PP19" => typed::<c::CreateEmployment>(ctx),
        "PP21" => typed::<c::CreateGapHistory>(ctx),
        "PP23" => typed::<c::CreateEducation>(ctx),
        "PP25" => typed::<c::CreateProfessionalTraining>(ctx),
        "PP27" => typed::<c::CreateLiabilityInsurance>(ctx),
        "CR1" => typed::<c::CreateCredentialingRequest>(ctx),
        "CR10" => typed::<c::CloseCredentialingRequests>(ctx),
        "CR11" => typed::<c::DownloadCredentialingPackets>(ctx),
        "CR13" => typed::<c::SendApprovalLetter>(ctx),
        "TK3" => typed::<c::UpdateExpirable>(ctx),
        "TK4" => typed::<c::CreateTask>(ctx),
        "PL3" => typed::<c::CreatePracticeLocation>(ctx),
        "PL7" => typed::<c::CreateProviderPracticeLocationsBulk>(ctx),
        "PL8" => typed::<c::MarkPrimaryPracticeLocation>(ctx),
        "TE3" => typed::<c::CreateTaxEntity>(ctx),
        "PE1" => typed::<c::CreateGroupEnrollmentRequest>(ctx),
        "PE2" => typed::<c::CreateProviderEnrollmentRequest>(ctx),
        "PE6" => typed::<c::UpdateEnrollmentRequestStatus>(ctx),
        "PE9" => typed::<c::AddExistingGroupEnrollment>(ctx),
        "PE10" => typed::<c::AddExistingProviderEnrollment>(ctx),
        "PE11" => typed::<c::BulkAssignOas>(ctx),
        "HA3" => typed::<c::CreateAdmittingArrangement>(ctx),
        "HA6" => typed::<c::CreateAdmittingPrivilege>(ctx),
        "HA9" => typed::<c::CreateNonAdmittingAffiliation>(ctx),
        "AC1" => typed::<c::ChangePassword>(ctx),
        "FI2" => typed::<c::PresignUrl>(ctx),
        _ => Ok(None),
    }
}
