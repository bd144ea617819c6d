//! The resource handles of the facade: one per resource of the Python
//! client, in the order the reference lists them.

/// One handle: the group name used in the catalog rows, the Rust type, and
/// what it covers.
pub(crate) struct Group {
    /// As in the catalog rows and the Python client (`provider_profile`).
    pub(crate) name: &'static str,
    /// The handle type (`ProviderProfile`).
    pub(crate) type_name: &'static str,
    /// One sentence for the handle's docs.
    pub(crate) about: &'static str,
}

/// Every handle.
pub(crate) const GROUPS: &[Group] = &[
    Group {
        name: "users",
        type_name: "Users",
        about: "Users of the organisation, the logged-in user, login and password reset.",
    },
    Group {
        name: "providers",
        type_name: "Providers",
        about: "Provider accounts: listing (the only account → profile mapping), invitations, CAQH imports, organisation joining dates.",
    },
    Group {
        name: "provider_profile",
        type_name: "ProviderProfile",
        about: "A provider's profile: personal info, SSN, licenses, DEA/CDS/Medicare/Medicaid ids, certifications, education, training, employment, gaps, insurance and documents. Every id here is a profile id.",
    },
    Group {
        name: "credentialing",
        type_name: "Credentialing",
        about: "Credentialing requests, packets, needed actions, monitoring events and approval letters.",
    },
    Group {
        name: "tasks",
        type_name: "Tasks",
        about: "Expirables and tasks, with their timelines.",
    },
    Group {
        name: "practice_locations",
        type_name: "PracticeLocations",
        about: "Practice locations and the providers assigned to them.",
    },
    Group {
        name: "tax_entities",
        type_name: "TaxEntities",
        about: "Tax entities of the organisation.",
    },
    Group {
        name: "facilities",
        type_name: "Facilities",
        about: "Facility profiles.",
    },
    Group {
        name: "payer_enrollment",
        type_name: "PayerEnrollment",
        about: "Payer enrollment: group and provider enrollment requests, health plans, timelines, active and existing enrollments, OA assignment.",
    },
    Group {
        name: "hospital_affiliations",
        type_name: "HospitalAffiliations",
        about: "Hospital affiliations: admitting arrangements, admitting privileges and non-admitting affiliations.",
    },
    Group {
        name: "account",
        type_name: "Account",
        about: "The account of the logged-in user (password change).",
    },
    Group {
        name: "files",
        type_name: "Files",
        about: "File uploads and presigned URLs (both use the session JWT).",
    },
];

/// Facade methods the helpers crate provides rather than the generator:
/// the Python name, and the Rust spelling shown in the parity table.
/// Catalog rows marked `[helper]` must appear here by method.
pub(crate) const HELPER_METHODS: &[(&str, &str)] = &[
    ("providers.get", "client.providers().get(&account).await"),
    (
        "providers.get_profile_id",
        "client.providers().get_profile_id(&account).await",
    ),
    (
        "providers.get_by_npi",
        "client.providers().get_by_npi(\"1234567893\").await",
    ),
    (
        "provider_profile.update_personal_info",
        "client.provider_profile().update_personal_info(&profile, update).await",
    ),
    (
        "provider_profile.update_ssn",
        "client.provider_profile().update_ssn(&profile, \"123-45-6789\").await",
    ),
    (
        "provider_profile.upload_and_associate_document",
        "client.provider_profile().upload_and_associate_document(&profile, file, name, kind).await",
    ),
];
