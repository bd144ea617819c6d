//! Generated workflow records: credentialing and enrollment requests,
//! practice-location links.

use serde_json::{Map, Value, json};

use crate::data::{
    CRED_STATUSES, ENROLL_STATUSES, HEALTH_PLANS, STATES, TAX_ENTITIES, client_name, obj,
    plan_name, tax_entity_name, years_later,
};
use crate::seed::{Kind, Rng};
use crate::state::State;

impl State {
    pub(crate) fn credentialing_request(
        &self,
        rng: &mut Rng,
        id: &str,
        owner: u32,
        index: u16,
    ) -> Value {
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

    pub(crate) fn enrollment_request(&self, rng: &mut Rng, id: &str, owner: u32) -> Value {
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
