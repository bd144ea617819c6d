//! Seeded record generators: every record is a function of
//! `(seed, kind, owner, index)`. They extend [`State`] so they can read
//! what was written over the seeded identities.

mod people;
mod workflows;

use serde_json::{Map, Value, json};

use crate::data::{
    BOARDS, CARRIERS, CITIES, CLIENTS, DEGREES, DOC_TYPES, ENROLL_STATUSES,
    ENROLLMENT_REQUEST_MODEL, HEALTH_PLANS, HOSPITALS, LAST_NAMES, NETWORKS, PLANS,
    PRACTICE_LOCATIONS, SCHOOLS, SPECIALITIES, STATES, STREETS, TASK_STATUSES, TASK_TYPES,
    TAX_ENTITIES, TIMELINE_PER_PARENT, client_name, obj, plan_name, seeded_count,
    seeded_document_url, tax_entity_name, tax_id, years_later,
};
use crate::seed::{Kind, Rng, hash, npi_for};
use crate::state::State;

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
}
