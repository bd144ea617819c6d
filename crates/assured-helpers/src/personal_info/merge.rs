//! Building the personal-info PATCH body from the fetched record (quirk 1).

use assured_models::models::provider_profile::{
    PersonalInfoPatchBody, ProviderPersonalInfo, ProviderPersonalInfoUpdate,
};
use serde_json::{Map, Value};

use crate::error::HelperError;

/// Whether the provider is a US citizen.
pub(crate) const US_CITIZEN: &str = "us_citizen";
/// The country of citizenship.
pub(crate) const CITIZENSHIP_COUNTRY: &str = "citizenship_country";
/// Required of non-US citizens.
pub(crate) const VISA_NUMBER: &str = "visa_number";

/// The whole record to PATCH: the fetched record without its read-only keys
/// (the masked `ssn` above all) and without its null values, with the
/// fields the caller set laid over it (an explicit null is kept, to clear a
/// nullable field). Keys this SDK does not model are carried over as
/// fetched.
pub(crate) fn patch_body(
    mut fetched: Map<String, Value>,
    update: &ProviderPersonalInfoUpdate,
) -> Result<PersonalInfoPatchBody, HelperError> {
    for key in ProviderPersonalInfo::READ_ONLY_KEYS {
        fetched.remove(key);
    }
    fetched.retain(|_, value| !value.is_null());
    // Serializing the update emits only the fields that are not Absent.
    let overlay = match serde_json::to_value(update) {
        Ok(Value::Object(overlay)) => overlay,
        Ok(other) => {
            return Err(HelperError::invalid_input(format!(
                "the personal-info update serialized to {other}, not an object"
            )));
        }
        Err(err) => {
            return Err(HelperError::invalid_input(format!(
                "the personal-info update could not be serialized: {err}"
            )));
        }
    };
    fetched.extend(overlay);
    Ok(fetched)
}

/// The citizenship fields the server will ask for, given the record about
/// to be sent: every write must answer `us_citizen` and
/// `citizenship_country`, and a non-US citizen needs a `visa_number`.
pub(crate) fn unanswered_citizenship(body: &PersonalInfoPatchBody) -> Vec<&'static str> {
    let answered = |key: &str| match body.get(key) {
        None | Some(Value::Null) => false,
        Some(Value::String(text)) => !text.trim().is_empty(),
        Some(_) => true,
    };
    let mut missing: Vec<&'static str> = [US_CITIZEN, CITIZENSHIP_COUNTRY]
        .into_iter()
        .filter(|key| !answered(key))
        .collect();
    if body.get(US_CITIZEN) == Some(&Value::Bool(false)) && !answered(VISA_NUMBER) {
        missing.push(VISA_NUMBER);
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;
    use assured_models::Tristate;
    use serde_json::json;

    fn object(value: Value) -> Map<String, Value> {
        match value {
            Value::Object(map) => map,
            _ => unreachable!("test data is an object"),
        }
    }

    #[test]
    fn read_only_and_null_keys_go_caller_fields_and_unknown_keys_stay() {
        let fetched = object(json!({
            "id": "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
            "ssn": "***-**-6789",
            "updated_at": "2026-01-01T00:00:00Z",
            "first_name": "Ann",
            "middle_name": null,
            "home_city": "Boston",
            "fax_number": "555-0100",
            "field_from_the_future": {"kept": true},
        }));
        let update = ProviderPersonalInfoUpdate {
            home_city: Tristate::Value("Salem".to_owned()),
            fax_number: Tristate::Null,
            ..ProviderPersonalInfoUpdate::default()
        };
        let body = patch_body(fetched, &update).unwrap();
        assert_eq!(
            Value::Object(body),
            json!({
                "first_name": "Ann",
                "home_city": "Salem",
                "fax_number": null,
                "field_from_the_future": {"kept": true},
            })
        );
    }

    #[test]
    fn citizenship_must_be_answered_and_visa_given_to_non_citizens() {
        let empty = Map::new();
        assert_eq!(
            unanswered_citizenship(&empty),
            [US_CITIZEN, CITIZENSHIP_COUNTRY]
        );
        let non_citizen = object(json!({"us_citizen": false, "citizenship_country": "CA"}));
        assert_eq!(unanswered_citizenship(&non_citizen), [VISA_NUMBER]);
        let blank = object(json!({"us_citizen": true, "citizenship_country": "  "}));
        assert_eq!(unanswered_citizenship(&blank), [CITIZENSHIP_COUNTRY]);
        let citizen = object(json!({"us_citizen": true, "citizenship_country": "US"}));
        assert!(unanswered_citizenship(&citizen).is_empty());
    }
}
