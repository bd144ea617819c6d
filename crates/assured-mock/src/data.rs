//! Seeded record generators: every record is a function of
//! `(seed, kind, owner, index)`.

use serde_json::{Map, Value, json};

use crate::seed::{Kind, Rng, hash, npi_for};
use crate::state::State;

pub(crate) const FIRST_NAMES: &[&str] = &[
    "Ada", "Ben", "Carla", "Deepak", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jamal", "Keiko",
    "Luis", "Maya", "Nikolai", "Olivia", "Priya", "Quentin", "Rosa", "Samuel", "Tara", "Umar",
    "Vera", "Wei", "Ximena", "Yusuf", "Zoe",
];
pub(crate) const LAST_NAMES: &[&str] = &[
    "Abbott",
    "Baptiste",
    "Chen",
    "Dubois",
    "Eriksen",
    "Fischer",
    "Garcia",
    "Haddad",
    "Ito",
    "Johnson",
    "Kowalski",
    "Lopez",
    "Martin",
    "Nguyen",
    "Okafor",
    "Patel",
    "Quinn",
    "Rossi",
    "Schmidt",
    "Tanaka",
    "Usman",
    "Varga",
    "Williams",
    "Xu",
    "Yilmaz",
    "Zimmerman",
];
pub(crate) const STATES: &[&str] = &[
    "CA", "NY", "TX", "FL", "WA", "IL", "MA", "CO", "GA", "AZ", "OR", "NC", "PA", "OH", "MI",
];
const CITIES: &[&str] = &[
    "Springfield",
    "Riverside",
    "Fairview",
    "Franklin",
    "Greenville",
    "Bristol",
    "Clinton",
    "Salem",
    "Madison",
    "Georgetown",
];
const STREETS: &[&str] = &[
    "Main St",
    "Oak Ave",
    "Maple Dr",
    "Cedar Ln",
    "Pine St",
    "Elm St",
    "Washington Blvd",
    "Lake Rd",
    "Hillcrest Ave",
    "Park Pl",
];
const SPECIALITIES: &[&str] = &[
    "Family Medicine",
    "Internal Medicine",
    "Pediatrics",
    "Cardiology",
    "Dermatology",
    "Psychiatry",
    "Radiology",
    "Anesthesiology",
    "Emergency Medicine",
    "Neurology",
];
const PROVIDER_TYPES: &[&str] = &["MD", "DO", "NP", "PA", "LCSW", "PsyD", "CRNA"];
const BOARDS: &[&str] = &[
    "American Board of Internal Medicine",
    "American Board of Family Medicine",
    "American Board of Pediatrics",
    "American Board of Psychiatry and Neurology",
    "American Board of Radiology",
];
const SCHOOLS: &[&str] = &[
    "State University School of Medicine",
    "Northside Medical College",
    "Lakeshore University",
    "Coastal College of Osteopathic Medicine",
    "Mountain View University",
];
const DEGREES: &[&str] = &["MD", "DO", "MSN", "PA-C", "PhD", "BS"];
const CARRIERS: &[&str] = &[
    "MedPro Group",
    "The Doctors Company",
    "ProAssurance",
    "Coverys",
    "MagMutual",
];
const HOSPITALS: &[&str] = &[
    "General Hospital",
    "St. Mary Medical Center",
    "University Hospital",
    "Mercy Regional",
    "Children's Hospital",
    "Veterans Memorial",
];
const PLANS: &[&str] = &[
    "Aetna",
    "Anthem",
    "Blue Cross",
    "Cigna",
    "Humana",
    "Medicaid",
    "Medicare",
    "Molina",
    "UnitedHealthcare",
    "Centene",
];
pub(crate) const CRED_STATUSES: &[&str] = &[
    "NEW",
    "IN_PROGRESS",
    "NEEDS_ACTION",
    "PENDING_APPROVAL",
    "COMPLETED",
    "CANCELLED",
];
const ENROLL_STATUSES: &[&str] = &["NEW", "IN_PROGRESS", "SUBMITTED", "APPROVED", "DENIED"];
const TASK_STATUSES: &[&str] = &["PENDING", "IN_PROGRESS", "COMPLETED", "CANCELLED"];
const TASK_TYPES: &[&str] = &[
    "INCOMPLETE_PROFILE",
    "INFORMATION_REQUIRED",
    "CREDENTIALING_REQUEST",
    "SIGNATURE",
];
pub(crate) const DOC_TYPES: &[&str] = &[
    "CV",
    "DEA_CERTIFICATE",
    "STATE_LICENSE",
    "BOARD_CERTIFICATION",
    "MALPRACTICE_INSURANCE",
    "DIPLOMA",
];

/// Number of seeded global records of each kind.
pub(crate) const CLIENTS: u32 = 3;
pub(crate) const STAFF: u32 = 7;
pub(crate) const TAX_ENTITIES: u32 = 8;
pub(crate) const PRACTICE_LOCATIONS: u32 = 24;
pub(crate) const FACILITIES: u32 = 12;
pub(crate) const HEALTH_PLANS: u32 = 30;

/// `target_model_name` of a task about an enrollment request.
pub(crate) const ENROLLMENT_REQUEST_MODEL: &str = "EnrollmentRequest";

/// Timeline entries per task and per enrollment request.
pub(crate) const TIMELINE_PER_PARENT: u16 = 3;

/// The cheap identity of a provider (what lists show).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Identity {
    pub(crate) first_name: String,
    pub(crate) middle_name: Option<String>,
    pub(crate) last_name: String,
    pub(crate) email: String,
    pub(crate) npi: Option<String>,
    pub(crate) is_active: bool,
    pub(crate) client: u32,
    pub(crate) date_joined: String,
    pub(crate) source_of_joining: String,
    pub(crate) provider_type: Option<String>,
    pub(crate) completeness: f64,
}

impl Identity {
    pub(crate) fn full_name(&self) -> String {
        match &self.middle_name {
            Some(middle) => format!("{} {} {}", self.first_name, middle, self.last_name),
            None => format!("{} {}", self.first_name, self.last_name),
        }
    }
}

pub(crate) fn seeded_identity(seed: u64, index: u32) -> Identity {
    let mut rng = Rng::new(&[seed, Kind::Account as u64, u64::from(index)]);
    let first = rng.pick(FIRST_NAMES);
    let last = rng.pick(LAST_NAMES);
    let middle = rng
        .chance(40)
        .then(|| rng.pick(FIRST_NAMES).chars().take(1).collect::<String>());
    let completeness = f64::from(u32::try_from(40 + rng.below(61)).unwrap_or(100));
    Identity {
        first_name: first.to_owned(),
        middle_name: middle,
        last_name: last.to_owned(),
        email: seeded_email(first, last, index),
        npi: Some(npi_for(seed, index)),
        is_active: !rng.chance(5),
        client: u32::try_from(rng.below(u64::from(CLIENTS))).unwrap_or(0),
        date_joined: rng.datetime(2019, 2024),
        source_of_joining: rng
            .pick(&[
                "FROM_INVITE",
                "FROM_BULK_PROVIDERS_EXCEL_IMPORT",
                "PROVIDER_CREATE_API",
            ])
            .to_owned(),
        provider_type: Some(rng.pick(PROVIDER_TYPES).to_owned()),
        completeness,
    }
}

/// Seeded e-mails end in the provider index, so an e-mail filter is a lookup.
pub(crate) fn seeded_email(first: &str, last: &str, index: u32) -> String {
    format!(
        "{}.{}.{index}@providers.mock.test",
        first.to_lowercase(),
        last.to_lowercase()
    )
}

/// The index a seeded e-mail names, if it has the seeded shape.
pub(crate) fn index_in_email(email: &str) -> Option<u32> {
    let local = email.strip_suffix("@providers.mock.test")?;
    local.rsplit('.').next()?.parse().ok()
}

/// A seeded SSN: 9 digits, area not 000, 666 or 9xx.
pub(crate) fn seeded_ssn(seed: u64, index: u32) -> String {
    let mut rng = Rng::new(&[seed, 0x55_53_4E, u64::from(index)]);
    let area = 1 + rng.below(665);
    let group = 1 + rng.below(99);
    let serial = 1 + rng.below(9999);
    format!("{area:03}{group:02}{serial:04}")
}

/// How many seeded records of `kind` provider `index` owns.
pub(crate) fn seeded_count(seed: u64, kind: Kind, index: u32) -> u16 {
    let (min, max): (u16, u16) = match kind {
        Kind::License | Kind::Employment | Kind::Education => (1, 2),
        Kind::Certification | Kind::Training | Kind::CredRequest => (0, 2),
        Kind::PlProvider => (1, 1),
        Kind::Dea
        | Kind::Cds
        | Kind::Medicaid
        | Kind::Medicare
        | Kind::GapHistory
        | Kind::Insurance
        | Kind::Document
        | Kind::MonitoringEvent
        | Kind::Task
        | Kind::Expirable
        | Kind::EnrollmentRequest
        | Kind::ActiveEnrollment
        | Kind::Arrangement
        | Kind::Privilege
        | Kind::NonAdmitting => (0, 1),
        _ => return 0,
    };
    let spread = u64::from(max - min + 1);
    u16::try_from(u64::from(min) + hash(&[seed, kind as u64, u64::from(index), 0xC0]) % spread)
        .unwrap_or(0)
}

/// Masks an SSN the way the personal-info GET shows it.
pub(crate) fn mask_ssn(ssn: &str) -> String {
    let tail: String = ssn.chars().skip(ssn.len().saturating_sub(4)).collect();
    format!("***-**-{tail}")
}

fn obj(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

impl State {
    fn rng(&self, kind: Kind, owner: u32, index: u16) -> Rng {
        Rng::new(&[
            self.seed,
            kind as u64,
            u64::from(owner),
            u64::from(index),
            0x5EED,
        ])
    }

    /// The full personal-info record of a provider, as generated.
    #[allow(clippy::too_many_lines)]
    pub(crate) fn generated_personal_info(&self, index: u32) -> Map<String, Value> {
        let identity = self.identity(index);
        let profile = self.profile_id(index).to_string();
        let ssn = self.ssn_of(index).map(|ssn| mask_ssn(&ssn));
        if index >= self.seeded {
            // A freshly created profile: almost everything is null.
            let mut record = Map::new();
            for key in crate::personal::WRITABLE {
                record.insert((*key).to_owned(), Value::Null);
            }
            for key in crate::personal::READ_ONLY {
                record.insert((*key).to_owned(), Value::Null);
            }
            record.insert("id".into(), json!(profile));
            record.insert("first_name".into(), json!(identity.first_name));
            record.insert("last_name".into(), json!(identity.last_name));
            record.insert("full_name".into(), json!(identity.full_name()));
            record.insert("primary_email_address".into(), json!(identity.email));
            record.insert("languages".into(), json!([]));
            record.insert("additional_practice_states".into(), json!([]));
            record.insert("other_emails".into(), json!([]));
            record.insert("other_names".into(), json!([]));
            record.insert("management_type".into(), json!("ADMIN_MANAGED"));
            record.insert(
                "personal_completion_info".into(),
                json!({"completed": 3, "total": 40}),
            );
            record.insert("ssn".into(), json!(ssn));
            record.insert("updated_at".into(), json!(identity.date_joined));
            return record;
        }
        let mut rng = Rng::new(&[self.seed, 0x50_49, u64::from(index)]);
        let state = rng.pick(STATES);
        let city = rng.pick(CITIES);
        let street = format!("{} {}", 100 + rng.below(9000), rng.pick(STREETS));
        let zip = rng.digits(5);
        let phone = format!("555{}", rng.digits(7));
        let speciality = rng.pick(SPECIALITIES);
        let military = rng.chance(10);
        let ecfmg = rng.chance(15);
        let caqh = rng.digits(8);
        obj(json!({
            "id": profile,
            "full_name": identity.full_name(),
            "nucc_grouping": "Allopathic & Osteopathic Physicians",
            "nucc_taxonomy_code": format!("207{}00000X", rng.pick(&["Q", "R", "P", "N"])),
            "nucc_classification": speciality,
            "specialization": speciality,
            "provider_type": identity.provider_type,
            "provider_role": rng.pick(&["PCP", "SPECIALIST", "BOTH"]),
            "practice_setting": rng.pick(&["OUTPATIENT", "INPATIENT", "TELEHEALTH"]),
            "primary_practice_state": state,
            "languages": ["English", rng.pick(&["Spanish", "French", "Mandarin", "Hindi", "Arabic"])],
            "additional_practice_states": [rng.pick(STATES)],
            "first_name": identity.first_name,
            "middle_name": identity.middle_name,
            "last_name": identity.last_name,
            "suffix": rng.chance(10).then_some("Jr."),
            "home_street_address_1": street,
            "home_street_address_2": rng.chance(30).then(|| format!("Apt {}", 1 + rng.below(40))),
            "home_city": city,
            "home_state": state,
            "home_zip_code": zip,
            "home_country": "US",
            "primary_email_address": identity.email,
            "public_email": identity.email,
            "personal_email": format!("{}.{}@mail.mock.test", identity.first_name.to_lowercase(), index),
            "business_email": identity.email,
            "other_email": Value::Null,
            "other_emails": [],
            "other_names": [],
            "primary_phone": phone,
            "individual_npi": identity.npi,
            "caqh_id": caqh,
            "last_caqh_attestation_date": rng.date(2023, 2025),
            "ssn": ssn,
            "gender": rng.pick(&["MALE", "FEMALE", "NON_BINARY", "PREFER_NOT_TO_SAY"]),
            "birth_date": rng.date(1955, 1995),
            "us_citizen": true,
            "birth_country": "US",
            "birth_state": rng.pick(STATES),
            "birth_city": rng.pick(CITIES),
            "race": rng.pick(&["ASIAN", "BLACK", "WHITE", "HISPANIC", "OTHER"]),
            "county": format!("{} County", rng.pick(CITIES)),
            "height_inches": 60 + rng.below(18),
            "weight_in_lbs": 110 + rng.below(120),
            "hair_color": rng.pick(&["BLACK", "BROWN", "BLOND", "RED", "GRAY"]),
            "eye_color": rng.pick(&["BROWN", "BLUE", "GREEN", "HAZEL", "GRAY"]),
            "supervising_or_collaborative_physician_name": Value::Null,
            "physician_individual_npi": Value::Null,
            "home_phone_number": phone,
            "fax_number": format!("555{}", rng.digits(7)),
            "correspondence_address_same_as_residence": true,
            "correspondence_street_address_1": street,
            "correspondence_street_address_2": Value::Null,
            "correspondence_city": city,
            "correspondence_state": state,
            "correspondence_country": "US",
            "correspondence_postal_code": zip,
            "upin": Value::Null,
            "visa_number": Value::Null,
            "visa_status": Value::Null,
            "citizenship_country": "US",
            "eligible_to_work_in_us": true,
            "served_military": military,
            "active_or_reserve_duty": military.then_some(false),
            "date_of_service_start": military.then(|| rng.date(1990, 2000)),
            "date_of_service_end": military.then(|| rng.date(2001, 2010)),
            "last_location_of_service": military.then_some("Fort Mock"),
            "branch_of_service": military.then_some("ARMY"),
            "is_ecfmg": ecfmg,
            "ecfmg_number": ecfmg.then(|| rng.digits(8)),
            "ecfmg_issue_date": ecfmg.then(|| rng.date(2000, 2015)),
            "personal_completion_info": {"completed": 38, "total": 40},
            "credentialing_readiness_info": {"ready": identity.completeness >= 80.0},
            "management_type": rng.pick(&["PROVIDER_MANAGED", "ADMIN_MANAGED"]),
            "updated_at": rng.datetime(2024, 2025),
        }))
    }

    fn provider_details(&self, index: u32) -> Value {
        let identity = self.identity(index);
        json!({
            "id": self.account_id(index).to_string(),
            "email": identity.email,
            "first_name": identity.first_name,
            "last_name": identity.last_name,
            "user_type": "provider",
            "is_active": identity.is_active,
            "provider_profile_id": self.profile_id(index).to_string(),
            "individual_npi": identity.npi,
            "provider_type": identity.provider_type,
            "org_joining_date": self.org_joining_date(index),
        })
    }

    pub(crate) fn client_details(&self, client: u32) -> Value {
        json!({
            "id": self.global_id(Kind::Client, client).to_string(),
            "name": client_name(client),
            "sop_file": Value::Null,
        })
    }

    pub(crate) fn staff_name(index: u32) -> (String, String) {
        let first = FIRST_NAMES[(index as usize * 7 + 3) % FIRST_NAMES.len()];
        let last = LAST_NAMES[(index as usize * 5 + 11) % LAST_NAMES.len()];
        (first.to_owned(), last.to_owned())
    }

    /// A seeded record of `kind` owned by provider (or global) `owner`.
    #[allow(clippy::too_many_lines)]
    pub(crate) fn generate(&self, kind: Kind, owner: u32, index: u16) -> Map<String, Value> {
        let mut rng = self.rng(kind, owner, index);
        let id = self.codec.encode(kind, owner, index).to_string();
        let profile = || self.profile_id(owner).to_string();
        let account = || self.account_id(owner).to_string();
        let state = rng.pick(STATES);
        let value = match kind {
            Kind::License => json!({
                "id": id, "state": state, "number": format!("{state}{}", rng.digits(6)),
                "issue_date": rng.date(2005, 2018), "expiration_date": rng.date(2026, 2029),
                "license_type": rng.pick(&["MD", "DO", "RN", "NP", "PA"]), "provider": profile(),
                "override_licenses_status": Value::Null,
                "is_currently_practicing_in_state": rng.chance(80), "document": Value::Null,
            }),
            Kind::Dea => json!({
                "id": id, "state": state, "number": format!("B{}", rng.digits(8)),
                "issue_date": rng.date(2010, 2022), "expiration_date": rng.date(2026, 2028),
                "license_unlimited": rng.chance(50), "provider": profile(),
                "document": Value::Null, "is_available": true,
            }),
            Kind::Cds => json!({
                "id": id, "state": state, "number": format!("CDS{}", rng.digits(6)),
                "issue_date": rng.date(2010, 2022), "expiration_date": rng.date(2026, 2028),
                "provider": profile(), "is_currently_practicing_in_state": true,
                "license_unlimited": false, "document": Value::Null,
            }),
            Kind::Medicaid | Kind::Medicare => json!({
                "id": id, "state": state, "number": rng.digits(10), "provider": profile(),
                "document": Value::Null,
            }),
            Kind::Certification => json!({
                "id": id, "speciality": rng.pick(SPECIALITIES),
                "certifying_board_name": rng.pick(BOARDS), "number": rng.digits(6),
                "initial_date": rng.date(2005, 2015), "expiration_date": rng.date(2026, 2030),
                "speciality_level": if index == 0 { "PRIMARY" } else { "SECONDARY" },
                "document": Value::Null, "provider": profile(),
                "recertification_date": Value::Null, "is_board_certified": true,
                "not_board_certified_reason": Value::Null, "maintenance_of_certification": true,
                "list_in_hmo_directory": true, "list_in_ppo_directory": true,
                "list_in_pos_directory": false, "other_practice_interest_or_focus": Value::Null,
                "board_exam_date": rng.date(2004, 2014),
            }),
            Kind::Employment => {
                let current = index == 0;
                json!({
                    "id": id, "employer_name": format!("{} Medical Group", rng.pick(CITIES)),
                    "position": Value::Null, "type": "EMPLOYMENT",
                    "currently_employed": current, "is_current": Value::Null,
                    "start_date": rng.date(2010, 2018),
                    "end_date": if current { Value::Null } else { json!(rng.date(2019, 2022)) },
                    "gap_explanation": Value::Null, "address": format!("{} {}", 10 + rng.below(900), rng.pick(STREETS)),
                    "city": rng.pick(CITIES), "state": state, "country": "US",
                    "zip_code": rng.digits(5), "phone_number": format!("555{}", rng.digits(7)),
                    "email_address": Value::Null, "contact_information": Value::Null,
                    "reason_for_discontinuance": Value::Null, "reason_for_leaving": Value::Null,
                    "document": Value::Null, "provider": profile(),
                })
            }
            Kind::GapHistory => json!({
                "id": id, "start_date": rng.date(2015, 2016), "end_date": rng.date(2017, 2018),
                "reason": Value::Null, "gap_explanation": "Parental leave", "provider": profile(),
            }),
            Kind::Education => json!({
                "id": id, "name": rng.pick(SCHOOLS), "institution_name": Value::Null,
                "degree": rng.pick(DEGREES), "start_date": rng.date(1990, 2000),
                "end_date": rng.date(2001, 2008), "city": rng.pick(CITIES), "state": state,
                "country": "US", "is_primary": index == 0,
                "address_street_1": format!("{} University Ave", 1 + rng.below(500)),
                "address_street_2": Value::Null, "postal_code": rng.digits(5),
                "document": Value::Null, "provider": profile(),
            }),
            Kind::Training => json!({
                "id": id, "institution_name": rng.pick(HOSPITALS), "program_type": Value::Null,
                "specialty": Value::Null, "training_type": rng.pick(&["Internship", "Residency", "Fellowship"]),
                "speciality": rng.pick(SPECIALITIES), "address": Value::Null,
                "city": rng.pick(CITIES), "state": state, "street_1": format!("{} Hospital Rd", 1 + rng.below(500)),
                "street_2": Value::Null, "postal_code": rng.digits(5), "country": "US",
                "start_date": rng.date(2005, 2010), "end_date": rng.date(2011, 2014),
                "is_program_successfully_completed": true,
                "program_director": format!("Dr. {}", rng.pick(LAST_NAMES)),
                "current_program_director": Value::Null, "document": Value::Null,
                "provider": profile(),
            }),
            Kind::Insurance => json!({
                "id": id, "policy_number": format!("POL-{}", rng.digits(8)), "name": rng.pick(CARRIERS),
                "current_effective_date": rng.date(2024, 2024), "current_expiration_date": rng.date(2026, 2027),
                "per_occurence_limit": 1_000_000.0, "aggregate_limit": 3_000_000.0,
                "document": Value::Null, "provider": profile(), "is_self_insured": false,
                "address_street_1": format!("{} {}", 1 + rng.below(900), rng.pick(STREETS)),
                "address_street_2": Value::Null, "city": rng.pick(CITIES), "state": state,
                "country": "US", "postal_code": rng.digits(5),
                "phone_number": format!("555{}", rng.digits(7)), "coverage_type": "CLAIMS_MADE",
                "length_of_time_with_carrier": "3 years", "carrier_name": Value::Null,
                "coverage_amount_per_occurrence": Value::Null, "coverage_amount_aggregate": Value::Null,
                "effective_date": Value::Null, "expiration_date": Value::Null,
            }),
            Kind::Document => {
                let doc_type = rng.pick(DOC_TYPES);
                json!({
                    "id": id, "provider": profile(), "document_name": format!("{}.pdf", doc_type.to_lowercase()),
                    "document_type": doc_type,
                    "document_url": seeded_document_url(&id),
                    "document_file": Value::Null, "file_checksum": Value::Null,
                    "uploaded_date": rng.date(2023, 2025), "expiration_date": Value::Null,
                    "state": Value::Null, "presigned_document_url": Value::Null,
                })
            }
            Kind::CredRequest => self.credentialing_request(&mut rng, &id, owner, index),
            Kind::Packet => {
                let request = self
                    .codec
                    .encode(Kind::CredRequest, owner, index)
                    .to_string();
                json!({
                    "id": id, "credentialing_request": request,
                    "attestation_url": format!("https://mock-assured-media.s3.amazonaws.com/attestations/{request}.pdf"),
                    "credentialing_date": rng.datetime(2023, 2024),
                    "recredentialing_date": rng.datetime(2026, 2027),
                    "states": state, "credentialing_status": "CREDENTIALED",
                    "packet_status": "CLEAR", "provider": account(),
                })
            }
            Kind::MonitoringEvent => {
                let event_type = rng.pick(&["LICENSE", "DEA", "SANCTION", "OIG"]);
                let source = rng.pick(&["NPDB", "OIG", "STATE_BOARD"]);
                let result = rng.pick(&["CLEAR", "CONCERN", "MISSING_INFO"]);
                let created_at = rng.datetime(2024, 2025);
                let updated_at = rng.datetime(2025, 2025);
                let psv_val = rng.digits(6);
                // Verified by an OA unless information is missing.
                let oa_verified_at = (result != "MISSING_INFO").then(|| rng.datetime(2025, 2025));
                // The provider's first credentialing request, and the
                // professional id a license or DEA event concerns.
                let request = (seeded_count(self.seed, Kind::CredRequest, owner) > 0)
                    .then(|| self.codec.encode(Kind::CredRequest, owner, 0).to_string());
                let professional_id = match event_type {
                    "LICENSE" => Some(Kind::License),
                    "DEA" if seeded_count(self.seed, Kind::Dea, owner) > 0 => Some(Kind::Dea),
                    _ => None,
                }
                .map(|kind| self.codec.encode(kind, owner, 0).to_string());
                json!({
                    "id": id, "type": event_type, "source": source, "result": result,
                    "created_at": created_at, "updated_at": updated_at,
                    "acted_by_user": Value::Null, "psv_field": "license_number",
                    "psv_val": psv_val, "oa_verified_at": oa_verified_at,
                    "provider_details": self.provider_details(owner), "note": Value::Null,
                    "monitoring_concern_notes": Value::Null,
                    "credentialing_request": request,
                    "professional_id": professional_id,
                })
            }
            Kind::Task => {
                let (first, last) = Self::staff_name(1);
                let identity = self.identity(owner);
                let client = identity.client;
                let status = rng.pick(TASK_STATUSES);
                let due_on = rng.datetime(2025, 2026);
                let created_at = rng.datetime(2024, 2024);
                let updated_at = rng.datetime(2025, 2025);
                let task_type = rng.pick(TASK_TYPES);
                // The latest of the task's timeline entries.
                let latest = (0..TIMELINE_PER_PARENT)
                    .filter_map(|n| {
                        let entry =
                            self.generate(Kind::Timeline, owner, index * TIMELINE_PER_PARENT + n);
                        entry
                            .get("updated_at")
                            .and_then(Value::as_str)
                            .map(ToOwned::to_owned)
                    })
                    .max();
                // An information request about the provider's enrollment
                // request targets it.
                let target = (task_type == "INFORMATION_REQUIRED"
                    && seeded_count(self.seed, Kind::EnrollmentRequest, owner) > 0)
                    .then(|| {
                        self.codec
                            .encode(Kind::EnrollmentRequest, owner, 0)
                            .to_string()
                    });
                json!({
                    "id": id, "name": format!("Complete profile of {}", identity.full_name()),
                    "description": "Please complete the missing sections.",
                    "status": status, "due_on": due_on,
                    "assignee": account(), "assignee_name": identity.full_name(),
                    "assignee_user_type": "provider", "created_at": created_at,
                    "updated_at": updated_at,
                    "client_details": self.client_details(client),
                    "client": self.global_id(Kind::Client, client).to_string(),
                    "client_name": client_name(client),
                    "created_by": self.global_id(Kind::Staff, 1).to_string(),
                    "created_by_name": format!("{first} {last}"),
                    "last_updated_by": Value::Null, "last_updated_by_first_name": Value::Null,
                    "last_updated_by_last_name": Value::Null,
                    "task_type": task_type, "facility": Value::Null,
                    "facility_name": Value::Null, "creation_source": "MANUAL", "file": Value::Null,
                    "archived": false, "current_owner": account(),
                    "current_owner_details": {"id": account(), "name": identity.full_name()},
                    "latest_task_timeline_updated_at": latest,
                    "latest_task_timeline_updated_by": latest.as_ref().map(|_| self.global_id(Kind::Staff, 1).to_string()),
                    "latest_task_timeline_updated_by_first_name": latest.as_ref().map(|_| &first),
                    "latest_task_timeline_updated_by_last_name": latest.as_ref().map(|_| &last),
                    "target_instance_metadata": Value::Null, "target_instance_id": target,
                    "target_model_name": target.as_ref().map(|_| ENROLLMENT_REQUEST_MODEL),
                    "task_timelines": [],
                })
            }
            Kind::Timeline => {
                let (first, last) = Self::staff_name(1);
                json!({
                    "id": id, "action": rng.pick(&["CREATED", "STATUS_CHANGED", "COMMENTED"]),
                    "description": "Task updated", "created_at": rng.datetime(2024, 2025),
                    "created_by": self.global_id(Kind::Staff, 1).to_string(),
                    "log_type": "ACTIVITY", "updated_at": rng.datetime(2025, 2025),
                    "updated_by": {"id": self.global_id(Kind::Staff, 1).to_string(), "first_name": first, "last_name": last},
                    "status": rng.pick(TASK_STATUSES), "current_owner": account(),
                    "current_owner_name": self.identity(owner).full_name(), "note": Value::Null,
                    "attachments_url": Value::Null, "due_on": Value::Null, "archived": false,
                })
            }
            Kind::Expirable => {
                let identity = self.identity(owner);
                json!({
                    "id": id, "name": format!("License renewal: {}", identity.full_name()),
                    "description": "A license expires soon.", "due_on": rng.date(2025, 2026),
                    "last_updated_by_name": Value::Null, "created_at": rng.datetime(2024, 2024),
                    "updated_at": rng.datetime(2025, 2025), "assignee": account(),
                    "assignee_name": identity.full_name(), "archived": false,
                    "client_details": self.client_details(identity.client),
                })
            }
            Kind::PlProvider => {
                let location = owner % PRACTICE_LOCATIONS;
                Value::Object(self.pl_provider_record(&id, owner, location, true))
            }
            Kind::EnrollmentRequest => self.enrollment_request(&mut rng, &id, owner),
            Kind::EnrollmentTimeline => {
                // Owner = provider, index = request index * TIMELINE_PER_PARENT + n.
                let request = self
                    .codec
                    .encode(Kind::EnrollmentRequest, owner, index / TIMELINE_PER_PARENT)
                    .to_string();
                json!({
                    "id": id, "enrollment_request": request,
                    "change_type": rng.pick(&["STATUS_CHANGE", "ASSIGNEE_CHANGE", "NEW_FOLLOWUP"]),
                    "status": rng.pick(ENROLL_STATUSES), "updated_by": self.global_id(Kind::Staff, 2).to_string(),
                    "created_at": rng.datetime(2024, 2025), "assignee": Value::Null,
                    "updated_by_full_name": "Mock Operator", "assignee_full_name": Value::Null,
                    "note": Value::Null, "change_description": "Status updated",
                    "client": self.global_id(Kind::Client, self.identity(owner).client).to_string(),
                    "status_reason": Value::Null, "submission_application_id": Value::Null,
                })
            }
            Kind::ActiveEnrollment => {
                let plan = u32::try_from(rng.below(u64::from(HEALTH_PLANS))).unwrap_or(0);
                let effective = rng.date(2022, 2024);
                let identity = self.identity(owner);
                let tax = owner % TAX_ENTITIES;
                let location = |index: u32| {
                    self.global_id(Kind::PracticeLocation, index % PRACTICE_LOCATIONS)
                        .to_string()
                };
                let others: Vec<String> = if owner.is_multiple_of(3) {
                    vec![location(owner + 1)]
                } else {
                    Vec::new()
                };
                let sub_status = ["COMPLETE", "IN_PROGRESS", "ON_HOLD", "PENDING"]
                    [usize::try_from(hash(&[self.seed, 0xAC7, u64::from(owner)]) % 4).unwrap_or(0)];
                json!({
                    "id": id, "provider_full_name": identity.full_name(),
                    "health_plan_name": plan_name(plan), "status": "ACTIVE",
                    "effective_date": effective,
                    "re_validation_date": years_later(&effective, 5),
                    "provider": account(), "provider_npi": identity.npi,
                    "health_plan": self.global_id(Kind::HealthPlan, plan).to_string(),
                    "state": state, "is_active": true,
                    "tax_entity": self.global_id(Kind::TaxEntity, tax).to_string(),
                    "tax_entity_name": tax_entity_name(tax),
                    "client": self.global_id(Kind::Client, identity.client).to_string(),
                    "client_name": client_name(identity.client),
                    "existing_enrollment_type": "PROVIDER",
                    "primary_practice_location": location(owner),
                    "other_practice_locations": others,
                    "current_contracting_sub_status": sub_status,
                })
            }
            Kind::Arrangement => json!({
                "id": id, "hospital_name": rng.pick(HOSPITALS),
                "start_date": rng.date(2015, 2022), "end_date": Value::Null, "provider": account(),
                "state": state, "admitting_arrangement_status": rng.pick(&["ACTIVE", "PENDING"]),
            }),
            Kind::Privilege => json!({
                "id": id, "hospital_name": rng.pick(HOSPITALS),
                "admitting_privilege_type": rng.pick(&["FULL", "PROVISIONAL", "COURTESY"]),
                "start_date": rng.date(2015, 2022), "end_date": Value::Null,
                "provider": account(), "state": state, "privilege_status": "ACTIVE",
            }),
            Kind::NonAdmitting => json!({
                "id": id, "hospital_name": rng.pick(HOSPITALS),
                "start_date": rng.date(2015, 2022), "end_date": Value::Null, "provider": account(),
                "state": state, "non_admitting_affiliation_status": rng.pick(&["CONSULTING", "TELEMEDICINE"]),
            }),
            // Global kinds: owner is the global index.
            Kind::PracticeLocation => {
                let city = rng.pick(CITIES);
                let tax = owner % TAX_ENTITIES;
                json!({
                    "id": id, "name": format!("{city} Clinic #{}", owner + 1),
                    "mailing_street_address_1": format!("{} {}", 1 + rng.below(900), rng.pick(STREETS)),
                    "mailing_street_address_2": Value::Null, "mailing_city": city, "state": state,
                    "mailing_zip_code": rng.digits(5), "phone_number": format!("555{}", rng.digits(7)),
                    "fax_number": Value::Null, "npi": npi_for(self.seed ^ 0xC11, owner),
                    "client": self.global_id(Kind::Client, owner % CLIENTS).to_string(),
                    "practice_location_type": (["CLINIC", "CLINIC", "HOSPITAL", "TELEHEALTH"][owner as usize % 4]),
                    "practice_email": Value::Null,
                    "tax_id": tax_id(self.seed, tax), "archived_at": if owner % 12 == 11 { json!(rng.datetime(2024, 2024)) } else { Value::Null },
                    "mailing_state": state,
                    "tax_entity": self.global_id(Kind::TaxEntity, tax).to_string(),
                    "tax_entity_name": tax_entity_name(tax),
                })
            }
            Kind::TaxEntity => json!({
                "id": id, "tax_id": tax_id(self.seed, owner),
                "npi": npi_for(self.seed ^ 0x7AE, owner), "legal_name": tax_entity_name(owner),
                "incorporation_state": STATES[(owner as usize * 4) % STATES.len()],
                "client": self.global_id(Kind::Client, owner % CLIENTS).to_string(),
            }),
            Kind::Facility => json!({
                "id": id, "facility_name": format!("{} {}", rng.pick(CITIES), rng.pick(&["Surgery Center", "Imaging", "Urgent Care", "Dialysis"])),
                "facility_type": rng.pick(&["ASC", "IMAGING", "URGENT_CARE", "DIALYSIS"]),
                "credentialing_status": rng.pick(&["CREDENTIALED", "IN_PROGRESS"]),
                "npi": npi_for(self.seed ^ 0xFAC, owner), "licensed_states": [state],
                "profile_completeness_percent": 50 + rng.below(51),
            }),
            Kind::HealthPlan => {
                let payer = PLANS[owner as usize % PLANS.len()];
                let lob = match payer {
                    "Medicaid" => "MEDICAID",
                    "Medicare" => "MEDICARE",
                    _ => "COMMERCIAL",
                };
                json!({
                    "id": id, "name": plan_name(owner), "payer_name": payer,
                    "state": [STATES[owner as usize % STATES.len()]], "lob": [lob],
                    "network": [NETWORKS[owner as usize % NETWORKS.len()]],
                    "followup_mode": [(["EMAIL", "PHONE", "PORTAL"][(owner as usize / 3) % 3])],
                    "submission_type": (["PDF", "PORTAL_FULLY_AUTOMATIC", "PORTAL_MANUAL", "PORTAL_SEMI_AUTOMATIC"][owner as usize % 4]),
                })
            }
            Kind::Client => json!({"id": id, "name": client_name(owner)}),
            _ => json!({"id": id}),
        };
        obj(value)
    }

    fn credentialing_request(&self, rng: &mut Rng, id: &str, owner: u32, index: u16) -> Value {
        let identity = self.identity(owner);
        let status = rng.pick(CRED_STATUSES);
        let created = rng.datetime(2023, 2024);
        let completed = (status == "COMPLETED").then(|| rng.datetime(2024, 2025));
        let (first, last) = Self::staff_name(2);
        json!({
            "id": id, "provider_details": self.provider_details(owner),
            "client_details": self.client_details(identity.client),
            "state_codes": [rng.pick(STATES)],
            "assignee": self.global_id(Kind::Staff, 2).to_string(),
            "credentialing_type": if index == 0 { "INITIAL_CREDENTIALING" } else { "RE_CREDENTIALING" },
            "request_completed_at": completed, "oa_completed_at": completed,
            "automation_status": rng.pick(&["STARTED", "FINISHED", "FAILED", "SKIPPED"]),
            "status": status, "created_at": created, "updated_at": rng.datetime(2025, 2025),
            "request_id": format!("CR-{}", rng.digits(6)), "attestation_url": Value::Null,
            "attestation_url_presigned": Value::Null, "request_type": "CREDENTIALING",
            "verifier_signed_off": status == "COMPLETED",
            "is_signoff_allowed": {"value": false, "msg": "Request is not ready for sign-off."},
            "assigned_at": created, "assignee_email": "oa2@mock.assured.test",
            "assignee_full_name": format!("{first} {last}"),
            "requested_by_full_name": "Mock Admin",
            "requested_by": self.global_id(Kind::Staff, 0).to_string(),
            "approval_date": Value::Null, "approver_name": Value::Null,
            "request_closed_by": Value::Null, "sla_days": 30 + rng.below(60),
            // Recredentialing falls due three years after completion (after
            // creation while the request is open).
            "re_credentialing_date": years_later(completed.as_deref().unwrap_or(&created), 3),
            "reason_for_termination": Value::Null,
        })
    }

    fn enrollment_request(&self, rng: &mut Rng, id: &str, owner: u32) -> Value {
        let identity = self.identity(owner);
        let plan = u32::try_from(rng.below(u64::from(HEALTH_PLANS))).unwrap_or(0);
        let tax = owner % TAX_ENTITIES;
        json!({
            "id": id, "request_id": format!("ER-{}", rng.digits(6)),
            "enrollment_type": "PROVIDER", "status": rng.pick(ENROLL_STATUSES),
            "created_at": rng.datetime(2023, 2024), "updated_at": rng.datetime(2025, 2025),
            "health_plan_name": plan_name(plan),
            "health_plan_id": self.global_id(Kind::HealthPlan, plan).to_string(),
            "health_plan": self.global_id(Kind::HealthPlan, plan).to_string(),
            "provider": self.account_id(owner).to_string(),
            "provider_full_name": identity.full_name(),
            "tax_entity": self.global_id(Kind::TaxEntity, tax).to_string(),
            "tax_entity_name": tax_entity_name(tax), "client_name": client_name(identity.client),
            "client": self.global_id(Kind::Client, identity.client).to_string(),
            "followup_oa_completed_at": Value::Null, "created_by": self.global_id(Kind::Staff, 0).to_string(),
            "status_reason": Value::Null, "last_submission_oa": Value::Null,
            "last_followup_oa": Value::Null, "state": rng.pick(STATES), "lobs": "COMMERCIAL",
            "request_type": "NEW", "notes": Value::Null,
            "submission_oa": Value::Null, "followup_oa": Value::Null,
        })
    }

    pub(crate) fn pl_provider_record(
        &self,
        id: &str,
        provider: u32,
        location: u32,
        primary: bool,
    ) -> Map<String, Value> {
        let place = self.generate(Kind::PracticeLocation, location, 0);
        let identity = self.identity(provider);
        let tax = location % TAX_ENTITIES;
        obj(json!({
            "id": id,
            "practice_location": self.global_id(Kind::PracticeLocation, location).to_string(),
            "provider": self.account_id(provider).to_string(),
            "provider_name": identity.full_name(),
            "practice_location_name": place.get("name").cloned().unwrap_or(Value::Null),
            "state": place.get("state").cloned().unwrap_or(Value::Null),
            "mailing_street_address_1": place.get("mailing_street_address_1").cloned().unwrap_or(Value::Null),
            "mailing_street_address_2": Value::Null,
            "mailing_city": place.get("mailing_city").cloned().unwrap_or(Value::Null),
            "mailing_zip_code": place.get("mailing_zip_code").cloned().unwrap_or(Value::Null),
            "phone_number": place.get("phone_number").cloned().unwrap_or(Value::Null),
            "fax_number": Value::Null,
            "tax_entity_name": tax_entity_name(tax),
            "npi": identity.npi,
            "caqh_id": Value::Null,
            "is_primary_location": primary,
            "archived_at": Value::Null,
        }))
    }
}

pub(crate) fn client_name(client: u32) -> String {
    ["Acme Health", "Blue River Clinics", "Northwind Medical"]
        .get(client as usize)
        .map_or_else(|| format!("Client {client}"), |name| (*name).to_owned())
}

pub(crate) fn tax_entity_name(index: u32) -> String {
    format!("{} Physicians LLC", CITIES[index as usize % CITIES.len()])
}

pub(crate) fn tax_id(seed: u64, index: u32) -> String {
    let digits = hash(&[seed, 0x7A, u64::from(index)]) % 10_000_000;
    format!("{:02}-{digits:07}", 10 + index % 89)
}

/// Networks of the health plans (the last word of their names).
const NETWORKS: &[&str] = &["PPO", "HMO", "EPO"];

pub(crate) fn plan_name(index: u32) -> String {
    let payer = PLANS[index as usize % PLANS.len()];
    let state = STATES[index as usize % STATES.len()];
    format!(
        "{payer} {state} {}",
        NETWORKS[index as usize % NETWORKS.len()]
    )
}

/// `YYYY-MM-DD` (or an RFC 3339 instant) `years` later, as a date (seeded
/// days never exceed 28, so the day always exists).
fn years_later(date: &str, years: i32) -> Option<String> {
    let year: i32 = date.get(..4)?.parse().ok()?;
    Some(format!("{:04}{}", year + years, date.get(4..10)?))
}

/// The `s3://` URL of a seeded document (served by presign as a tiny PDF).
pub(crate) fn seeded_document_url(id: &str) -> String {
    format!("s3://{}/seed/{id}.pdf", crate::state::BUCKET)
}
