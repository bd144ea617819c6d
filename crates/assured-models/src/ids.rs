//! Typed ids.
//!
//! The API uses bare UUID strings for every id, and a provider has two of
//! them: the **account** id (`id` in the providers list) and the **profile**
//! id (`provider_profile_id`). Passing one where the other is expected gives
//! a silent 404 or 422, so each kind of id is its own type here: a profile
//! endpoint takes a [`ProfileId`] and an [`AccountId`] does not compile there.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// An id string that is not a UUID.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind} must be a UUID (like 3f2504e0-4f89-41d3-9a0c-0305e82c3301), got {input:?}")]
pub struct InvalidId {
    /// Which id was being parsed, e.g. "provider profile id".
    pub kind: &'static str,
    /// The rejected input (ids are not secrets).
    pub input: String,
}

/// Declares a UUID-backed id newtype with `FromStr`, `Display` and serde as a
/// plain string.
macro_rules! uuid_id {
    ($(#[$doc:meta])* $name:ident, $kind:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            /// What this id identifies, for error messages.
            pub const KIND: &'static str = $kind;

            /// Wraps a UUID.
            pub const fn from_uuid(uuid: Uuid) -> Self {
                Self(uuid)
            }

            /// The UUID inside.
            pub const fn as_uuid(&self) -> &Uuid {
                &self.0
            }
        }

        impl From<Uuid> for $name {
            fn from(uuid: Uuid) -> Self {
                Self(uuid)
            }
        }

        /// Lets builder setters take `&id` as well as `id`.
        impl From<&$name> for $name {
            fn from(id: &$name) -> Self {
                *id
            }
        }

        impl From<$name> for Uuid {
            fn from(id: $name) -> Self {
                id.0
            }
        }

        impl FromStr for $name {
            type Err = InvalidId;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s.trim()).map(Self).map_err(|_| InvalidId {
                    kind: $kind,
                    input: s.to_owned(),
                })
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                // Hyphenated lower case, as the API writes them.
                fmt::Display::fmt(&self.0.hyphenated(), f)
            }
        }

        impl crate::catalog::PathArg for $name {
            fn path_segment(&self) -> Option<String> {
                Some(self.to_string())
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.0.hyphenated())
            }
        }
    };
}

uuid_id!(
    /// A provider **account** id: `id` in the providers list, the user record.
    ///
    /// Taken by the providers-list `id_in` filter, credentialing requests and
    /// hospital affiliations. Profile endpoints need a [`ProfileId`] instead.
    AccountId,
    "provider account id"
);
uuid_id!(
    /// A provider **profile** id: `provider_profile_id` in the providers list.
    ///
    /// Taken by every provider-profile endpoint (personal info, SSN,
    /// licenses, DEA, CDS, Medicaid, Medicare, education, employment,
    /// training, gap history, insurance, certifications, documents).
    ProfileId,
    "provider profile id"
);
uuid_id!(
    /// A user id (any user type; for a provider it is the account id).
    UserId,
    "user id"
);
uuid_id!(
    /// A client (customer organisation) id.
    ClientId,
    "client id"
);
uuid_id!(
    /// A credentialing request id.
    CredentialingRequestId,
    "credentialing request id"
);
uuid_id!(
    /// A credentialing packet id.
    CredentialingPacketId,
    "credentialing packet id"
);
uuid_id!(
    /// A task id (task-management tasks).
    TaskId,
    "task id"
);
uuid_id!(
    /// An expirable task id.
    ExpirableId,
    "expirable task id"
);
uuid_id!(
    /// A practice location id.
    PracticeLocationId,
    "practice location id"
);
uuid_id!(
    /// The id of a practice-location-to-provider link.
    PracticeLocationProviderId,
    "practice location provider link id"
);
uuid_id!(
    /// A tax entity id.
    TaxEntityId,
    "tax entity id"
);
uuid_id!(
    /// A facility id.
    FacilityId,
    "facility id"
);
uuid_id!(
    /// A health plan (payer) id.
    HealthPlanId,
    "health plan id"
);
uuid_id!(
    /// A payer enrollment request id.
    EnrollmentRequestId,
    "enrollment request id"
);
uuid_id!(
    /// A provider document id.
    DocumentId,
    "document id"
);
uuid_id!(
    /// An uploaded file record id.
    FileId,
    "file id"
);
uuid_id!(
    /// A hospital affiliation record id (arrangement, privilege or non-admitting).
    AffiliationId,
    "hospital affiliation id"
);
uuid_id!(
    /// A monitoring packet event id.
    MonitoringEventId,
    "monitoring event id"
);
uuid_id!(
    /// An entry of a task's timeline.
    TaskTimelineEntryId,
    "task timeline entry id"
);
uuid_id!(
    /// An entry of an enrollment request's timeline.
    EnrollmentTimelineEntryId,
    "enrollment timeline entry id"
);
uuid_id!(
    /// An active enrollment id.
    ActiveEnrollmentId,
    "active enrollment id"
);
uuid_id!(
    /// An existing (imported) group or provider enrollment id.
    ExistingEnrollmentId,
    "existing enrollment id"
);
uuid_id!(
    /// The id of a record in one of the provider-profile collections
    /// (license, DEA, certification, education, ...).
    RecordId,
    "record id"
);

/// The id of a CAQH import request: the one id in the API that is an
/// integer, not a UUID.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CaqhImportRequestId(pub u64);

impl fmt::Display for CaqhImportRequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl crate::catalog::PathArg for CaqhImportRequestId {
    fn path_segment(&self) -> Option<String> {
        Some(self.0.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_parse_display_and_serialize_as_plain_strings() {
        let text = "3F2504E0-4F89-41D3-9A0C-0305E82C3301";
        let id: ProfileId = text.parse().unwrap();
        assert_eq!(id.to_string(), text.to_lowercase());
        assert_eq!(
            serde_json::to_string(&id).unwrap(),
            format!("\"{}\"", text.to_lowercase())
        );
        let back: ProfileId = serde_json::from_str(&format!("\"{text}\"")).unwrap();
        assert_eq!(back, id);
        assert_eq!(
            format!("{id:?}"),
            "ProfileId(3f2504e0-4f89-41d3-9a0c-0305e82c3301)"
        );
    }

    #[test]
    fn a_non_uuid_is_a_typed_error_naming_the_kind() {
        let err = "1234567893".parse::<AccountId>().unwrap_err();
        assert_eq!(err.kind, "provider account id");
        assert!(err.to_string().contains("must be a UUID"));
    }
}
