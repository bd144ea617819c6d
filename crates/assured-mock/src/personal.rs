//! The personal-info PATCH rules (production quirk 1).

use serde_json::{Map, Value, json};

/// Keys the PATCH may write (the record minus [`READ_ONLY`]).
pub const WRITABLE: &[&str] = &[
    "full_name",
    "nucc_grouping",
    "nucc_taxonomy_code",
    "nucc_classification",
    "specialization",
    "provider_type",
    "provider_role",
    "practice_setting",
    "primary_practice_state",
    "languages",
    "additional_practice_states",
    "first_name",
    "middle_name",
    "last_name",
    "suffix",
    "home_street_address_1",
    "home_street_address_2",
    "home_city",
    "home_state",
    "home_zip_code",
    "home_country",
    "primary_email_address",
    "public_email",
    "personal_email",
    "business_email",
    "other_email",
    "primary_phone",
    "individual_npi",
    "caqh_id",
    "gender",
    "birth_date",
    "us_citizen",
    "birth_country",
    "birth_state",
    "birth_city",
    "race",
    "county",
    "height_inches",
    "weight_in_lbs",
    "hair_color",
    "eye_color",
    "supervising_or_collaborative_physician_name",
    "physician_individual_npi",
    "home_phone_number",
    "fax_number",
    "correspondence_address_same_as_residence",
    "correspondence_street_address_1",
    "correspondence_street_address_2",
    "correspondence_city",
    "correspondence_state",
    "correspondence_country",
    "correspondence_postal_code",
    "upin",
    "visa_number",
    "visa_status",
    "citizenship_country",
    "eligible_to_work_in_us",
    "served_military",
    "active_or_reserve_duty",
    "date_of_service_start",
    "date_of_service_end",
    "last_location_of_service",
    "branch_of_service",
    "is_ecfmg",
    "ecfmg_number",
    "ecfmg_issue_date",
    "credentialing_readiness_info",
];

/// Keys the PATCH ignores (DRF read-only fields); `ssn` is among them: SSNs
/// are written through the encrypted endpoint only.
pub const READ_ONLY: &[&str] = &[
    "id",
    "updated_at",
    "management_type",
    "personal_completion_info",
    "other_emails",
    "other_names",
    "last_caqh_attestation_date",
    "ssn",
];

/// Writable keys that refuse `null` ("This field may not be null.").
pub const NON_NULLABLE: &[&str] = &[
    "first_name",
    "last_name",
    "primary_email_address",
    "languages",
    "additional_practice_states",
];

/// Applies a PATCH body to the stored record, or returns the DRF-style
/// error object (field -> messages). The body's value types were checked
/// against the reference model (`ProviderPersonalInfoUpdate`) before; what
/// is left are the whole-record rules of quirk 1.
pub(crate) fn apply_patch(
    stored: &Map<String, Value>,
    body: &Map<String, Value>,
    strict: bool,
) -> Result<Map<String, Value>, Map<String, Value>> {
    let mut errors = Map::new();
    let error = |errors: &mut Map<String, Value>, key: &str, message: &str| {
        errors.insert(key.to_owned(), json!([message]));
    };
    for key in WRITABLE {
        let stored_value = stored.get(*key).unwrap_or(&Value::Null);
        match body.get(*key) {
            None if strict || !stored_value.is_null() => {
                error(&mut errors, key, "This field is required.");
            }
            Some(Value::Null) if NON_NULLABLE.contains(key) => {
                error(&mut errors, key, "This field may not be null.");
            }
            _ => {}
        }
    }
    let mut merged = stored.clone();
    for (key, value) in body {
        if WRITABLE.contains(&key.as_str()) {
            merged.insert(key.clone(), value.clone());
        }
    }
    if errors.is_empty() {
        let answered = |key: &str| {
            merged.get(key).is_some_and(|value| match value {
                Value::Null => false,
                Value::String(text) => !text.trim().is_empty(),
                _ => true,
            })
        };
        if !answered("us_citizen") {
            error(&mut errors, "us_citizen", "This field is required.");
        }
        if !answered("citizenship_country") {
            error(
                &mut errors,
                "citizenship_country",
                "Citizenship country is required",
            );
        }
        if merged.get("us_citizen") == Some(&Value::Bool(false)) && !answered("visa_number") {
            error(
                &mut errors,
                "visa_number",
                "Visa number is required for non-US citizens",
            );
        }
    }
    if errors.is_empty() {
        Ok(merged)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writable_and_read_only_cover_the_record() {
        assert_eq!(WRITABLE.len() + READ_ONLY.len(), 75);
        for key in READ_ONLY {
            assert!(!WRITABLE.contains(key));
        }
    }
}
