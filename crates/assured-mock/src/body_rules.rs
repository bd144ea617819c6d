//! Which reference model each JSON request body is, and which of its
//! fields are required: the "Request body" column of `spec/ENDPOINTS.md`
//! (a `*` marks a required field), written down as data. Field types come
//! from `spec/models.json` ([`crate::reference`]); bodies that file has no
//! model for list their fields here, with the same type notation.

/// Whether the body is one object or a JSON array of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    Object,
    ArrayOf,
}

/// Where a body's field names and types come from.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Fields {
    /// A model of `spec/models.json`.
    Model(&'static str),
    /// Named here, from ENDPOINTS.md (`name`, `type` in the models.json
    /// notation).
    Inline(&'static [(&'static str, &'static str)]),
}

/// The reference rule of one endpoint's body.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BodyRule {
    pub(crate) shape: Shape,
    pub(crate) fields: Fields,
    /// Fields that must be present (ENDPOINTS.md's `*`).
    pub(crate) required: &'static [&'static str],
    /// At least one of these must be present (two names for one field
    /// that no source settles); the first is named when none is.
    pub(crate) one_of: &'static [&'static str],
}

const fn model(name: &'static str, required: &'static [&'static str]) -> BodyRule {
    BodyRule {
        shape: Shape::Object,
        fields: Fields::Model(name),
        required,
        one_of: &[],
    }
}

const fn array_of(name: &'static str, required: &'static [&'static str]) -> BodyRule {
    BodyRule {
        shape: Shape::ArrayOf,
        fields: Fields::Model(name),
        required,
        one_of: &[],
    }
}

const fn inline(
    fields: &'static [(&'static str, &'static str)],
    required: &'static [&'static str],
) -> BodyRule {
    BodyRule {
        shape: Shape::Object,
        fields: Fields::Inline(fields),
        required,
        one_of: &[],
    }
}

// Users.
pub(crate) const LOGIN: BodyRule = inline(
    &[
        ("email", "string"),
        ("password", "string"),
        ("remember", "boolean?"),
    ],
    &["email", "password"],
);
pub(crate) const PASSWORD_RESET: BodyRule = inline(&[("email", "string")], &["email"]);

// Providers.
pub(crate) const INVITE_PROVIDERS: BodyRule =
    array_of("ProviderInvite", &["email", "first_name", "last_name"]);
pub(crate) const IMPORT_WITH_CAQH: BodyRule = model(
    "ProviderCAQHImport",
    &["email", "caqh_username", "caqh_password"],
);
pub(crate) const CREATE_PROVIDER: BodyRule =
    model("ProviderCreate", &["email", "first_name", "last_name"]);
pub(crate) const ADD_TO_PRACTICE_LOCATION: BodyRule = model(
    "PracticeLocationProvidersCreate",
    &["providers", "practice_location"],
);
pub(crate) const REQUEST_CAQH_IMPORT: BodyRule = model(
    "CaqhImportRequestCreate",
    &["caqh_username", "caqh_password", "full_name", "signature"],
);
/// "`org_joining_date`* (YYYY-MM-DD string or null)".
pub(crate) const ORG_JOINING_DATE: BodyRule =
    inline(&[("org_joining_date", "date?")], &["org_joining_date"]);

// Provider profile. The whole-record rules of the personal-info PATCH
// (quirk 1) depend on the stored record; its handler checks them.
pub(crate) const PERSONAL_INFO: BodyRule = model("ProviderPersonalInfoUpdate", &[]);
/// "ssn* = Base64(IV(16) || AES-256-CTR ciphertext ...)".
pub(crate) const ENCRYPTED_SSN: BodyRule = inline(&[("ssn", "string")], &["ssn"]);
pub(crate) const CERTIFICATION: BodyRule = model("CertificationCreate", &["provider"]);
pub(crate) const LICENSE: BodyRule = model("LicenseCreate", &["provider"]);
pub(crate) const DEA: BodyRule = model("DEARecordCreate", &["provider"]);
pub(crate) const CDS: BodyRule = model("CDSRecordCreate", &["provider"]);
pub(crate) const MEDICAID: BodyRule = model("MedicaidRecordCreate", &["provider"]);
pub(crate) const MEDICARE: BodyRule = model("MedicareRecordCreate", &["provider"]);
pub(crate) const EMPLOYMENT: BodyRule = model("EmploymentCreate", &["provider"]);
pub(crate) const GAP_HISTORY: BodyRule = model("GapHistoryCreate", &["provider"]);
pub(crate) const EDUCATION: BodyRule = model("EducationCreate", &["provider"]);
pub(crate) const TRAINING: BodyRule = model("ProfessionalTrainingCreate", &["provider"]);
pub(crate) const LIABILITY_INSURANCE: BodyRule =
    model("ProfessionalLiabilityInsuranceCreate", &["provider"]);
pub(crate) const DOCUMENT: BodyRule = model("ProviderDocumentCreate", &["provider"]);

// Credentialing.
pub(crate) const CREDENTIALING_REQUEST: BodyRule =
    model("CredentialingRequestCreate", &["provider"]);
pub(crate) const CLOSE_REQUESTS: BodyRule = array_of("CloseRequestItem", &["id"]);
/// "`credentialing_request_ids`* (array of request UUIDs)".
pub(crate) const DOWNLOAD_PACKETS: BodyRule = inline(
    &[("credentialing_request_ids", "array<string>")],
    &["credentialing_request_ids"],
);
pub(crate) const SEND_APPROVAL_LETTER: BodyRule =
    model("ApprovalLetterSend", &["client", "provider", "request"]);

// Tasks.
pub(crate) const UPDATE_EXPIRABLE: BodyRule = model("ExpirableUpdate", &[]);
pub(crate) const CREATE_TASK: BodyRule = model("TaskCreate", &["name"]);

// Practice locations.
pub(crate) const PRACTICE_LOCATION: BodyRule = model("PracticeLocationCreate", &["name"]);
pub(crate) const PRACTICE_LOCATIONS_BULK: BodyRule = model(
    "ProviderPracticeLocationsBulkCreate",
    &["provider", "practice_locations"],
);
/// "`is_primary_location` (boolean; client default true)".
pub(crate) const MARK_PRIMARY: BodyRule = inline(&[("is_primary_location", "boolean?")], &[]);

// Tax entities: the client's model names the field `name`, the spec
// `legal_name` (quirk 17, unsettled): either is accepted.
pub(crate) const TAX_ENTITY: BodyRule = BodyRule {
    one_of: &["legal_name", "name"],
    ..model("TaxEntityCreate", &[])
};

// Payer enrollment. The spec-required fields of the two create bodies
// (quirk 18) are the client's to enforce; ENDPOINTS.md stars none.
pub(crate) const GROUP_ENROLLMENT: BodyRule = model("GroupEnrollmentRequestCreate", &[]);
pub(crate) const PROVIDER_ENROLLMENT: BodyRule = model("ProviderEnrollmentRequestCreate", &[]);
pub(crate) const ENROLLMENT_STATUS: BodyRule = model("EnrollmentRequestStatusUpdate", &[]);
pub(crate) const EXISTING_GROUP_ENROLLMENT: BodyRule = model(
    "ExistingGroupEnrollmentCreate",
    &[
        "tax_entity",
        "state",
        "health_plan",
        "primary_practice_location",
        "par_status",
        "client",
    ],
);
pub(crate) const EXISTING_PROVIDER_ENROLLMENT: BodyRule = model(
    "ExistingProviderEnrollmentCreate",
    &[
        "provider",
        "tax_entity",
        "state",
        "health_plan",
        "primary_practice_location",
        "par_status",
    ],
);
pub(crate) const BULK_OA_ASSIGNMENT: BodyRule =
    model("BulkOaAssignment", &["oas_to_assign", "request_phase"]);

// Hospital affiliations.
pub(crate) const ADMITTING_ARRANGEMENT: BodyRule =
    model("AdmittingArrangementCreate", &["provider"]);
pub(crate) const ADMITTING_PRIVILEGE: BodyRule = model("AdmittingPrivilegeCreate", &["provider"]);
pub(crate) const NON_ADMITTING_AFFILIATION: BodyRule =
    model("NonAdmittingAffiliationCreate", &["provider"]);

// Account: "old_password, new_password (... the spec also lists
// confirm_new_password)"; none starred, the handler answers what is missing.
pub(crate) const CHANGE_PASSWORD: BodyRule = inline(
    &[
        ("old_password", "string"),
        ("new_password", "string"),
        ("confirm_new_password", "string?"),
    ],
    &[],
);

// Files: "JSON {s3_url* (the s3:// URI), presigned_url: "" ...}".
pub(crate) const PRESIGN: BodyRule = inline(
    &[("s3_url", "string"), ("presigned_url", "string?")],
    &["s3_url"],
);
