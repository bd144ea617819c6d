//! The seeded data's tables and the per-provider identity: the raw
//! material of the record generators (`generate`).

use serde_json::{Map, Value};

use crate::seed::{Kind, Rng, hash, npi_for};

/// The object-store bucket of uploads and seeded documents.
pub(crate) const BUCKET: &str = "mock-assured-media";

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
pub(crate) const CITIES: &[&str] = &[
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
pub(crate) const STREETS: &[&str] = &[
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
pub(crate) const SPECIALITIES: &[&str] = &[
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
pub(crate) const PROVIDER_TYPES: &[&str] = &["MD", "DO", "NP", "PA", "LCSW", "PsyD", "CRNA"];
pub(crate) const BOARDS: &[&str] = &[
    "American Board of Internal Medicine",
    "American Board of Family Medicine",
    "American Board of Pediatrics",
    "American Board of Psychiatry and Neurology",
    "American Board of Radiology",
];
pub(crate) const SCHOOLS: &[&str] = &[
    "State University School of Medicine",
    "Northside Medical College",
    "Lakeshore University",
    "Coastal College of Osteopathic Medicine",
    "Mountain View University",
];
pub(crate) const DEGREES: &[&str] = &["MD", "DO", "MSN", "PA-C", "PhD", "BS"];
pub(crate) const CARRIERS: &[&str] = &[
    "MedPro Group",
    "The Doctors Company",
    "ProAssurance",
    "Coverys",
    "MagMutual",
];
pub(crate) const HOSPITALS: &[&str] = &[
    "General Hospital",
    "St. Mary Medical Center",
    "University Hospital",
    "Mercy Regional",
    "Children's Hospital",
    "Veterans Memorial",
];
pub(crate) const PLANS: &[&str] = &[
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
pub(crate) const ENROLL_STATUSES: &[&str] =
    &["NEW", "IN_PROGRESS", "SUBMITTED", "APPROVED", "DENIED"];
pub(crate) const TASK_STATUSES: &[&str] = &["PENDING", "IN_PROGRESS", "COMPLETED", "CANCELLED"];
pub(crate) const TASK_TYPES: &[&str] = &[
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

pub(crate) fn obj(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
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
pub(crate) const NETWORKS: &[&str] = &["PPO", "HMO", "EPO"];

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
pub(crate) fn years_later(date: &str, years: i32) -> Option<String> {
    let year: i32 = date.get(..4)?.parse().ok()?;
    Some(format!("{:04}{}", year + years, date.get(4..10)?))
}

/// The `s3://` URL of a seeded document (served by presign as a tiny PDF).
pub(crate) fn seeded_document_url(id: &str) -> String {
    format!("s3://{BUCKET}/seed/{id}.pdf")
}
