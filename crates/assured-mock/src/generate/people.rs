//! Generated people: personal info, provider and client details.

use serde_json::{Map, Value, json};

use crate::data::{
    CITIES, FIRST_NAMES, LAST_NAMES, SPECIALITIES, STATES, STREETS, client_name, mask_ssn, obj,
};
use crate::seed::{Kind, Rng};
use crate::state::State;

impl State {
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

    pub(crate) fn provider_details(&self, index: u32) -> Value {
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
}
