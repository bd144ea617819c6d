//! One handler per endpoint key of the catalog.

// Handlers share one signature (`Result<Reply, Reply>`), even those that
// cannot fail.
#![allow(clippy::unnecessary_wraps, clippy::single_match_else)]

use axum::http::StatusCode;
use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::crypto;
use crate::data::{self, Identity};
use crate::paging::{self, Filters, as_text, paginate};
use crate::personal;
use crate::seed::{Kind, Rng};
use crate::server::{Ctx, Reply, ReplyBody, now_rfc3339, now_secs};
use crate::state::{BUCKET, State, StoredFile};

type HResult = Result<Reply, Reply>;

/// Path prefix of the mock's own presigned-download route (not in the catalog).
pub(crate) const PRESIGNED_PREFIX: &str = "/__mock/presigned/";

/// Lifetime of presigned URLs.
const PRESIGN_SECS: u64 = 300;

/// Which provider id a field or filter takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Profile,
    Account,
    /// Kind not stated by any source: either is accepted.
    Any,
}

fn resolve(state: &State, who: Who, text: &str) -> Option<u32> {
    match who {
        Who::Profile => state.profile_index(text),
        Who::Account => state.account_index(text),
        Who::Any => state.provider_index_any(text),
    }
}

/// Routes a request to its handler by endpoint key.
#[allow(clippy::too_many_lines)]
pub(crate) fn dispatch(ctx: &Ctx<'_>) -> Reply {
    let result = match ctx.d.key {
        "US1" => users_list(ctx, false),
        "US3" => users_list(ctx, true),
        "US4" => Ok(logged_in_user(ctx)),
        "US5" => login(ctx),
        "US6" => password_reset(ctx),
        "PV1" => providers_list(ctx),
        "PV2" => invite_providers(ctx),
        "PV3" => caqh_import_provider(ctx),
        "PV4" => create_provider(ctx),
        "PV5" => providers_not_in_location(ctx),
        "PV6" => add_providers_to_location(ctx),
        "PV7" => caqh_request_create(ctx),
        "PV8" => caqh_request_list(ctx),
        "PV9" => org_joining_get(ctx),
        "PV10" => org_joining_patch(ctx),
        "PP1" => personal_get(ctx),
        "PP2" => personal_patch(ctx),
        "PP3" => ssn_encrypted_get(ctx),
        "PP4" => ssn_encrypted_patch(ctx),
        "PP5" => ssn_plain_get(ctx),
        "PP6" => sub_list(ctx, Kind::Certification, Who::Profile),
        "PP7" => sub_create(ctx, Kind::Certification, Who::Profile),
        "PP8" => sub_list(ctx, Kind::License, Who::Profile),
        "PP9" => sub_create(ctx, Kind::License, Who::Profile),
        "PP10" => sub_list(ctx, Kind::Dea, Who::Profile),
        "PP11" => sub_create(ctx, Kind::Dea, Who::Profile),
        "PP12" => sub_list(ctx, Kind::Cds, Who::Profile),
        "PP13" => sub_create(ctx, Kind::Cds, Who::Profile),
        "PP14" => sub_list(ctx, Kind::Medicaid, Who::Profile),
        "PP15" => sub_create(ctx, Kind::Medicaid, Who::Profile),
        "PP16" => sub_list(ctx, Kind::Medicare, Who::Profile),
        "PP17" => sub_create(ctx, Kind::Medicare, Who::Profile),
        "PP18" => sub_list(ctx, Kind::Employment, Who::Profile),
        "PP19" => sub_create(ctx, Kind::Employment, Who::Profile),
        "PP20" => sub_list(ctx, Kind::GapHistory, Who::Profile),
        "PP21" => sub_create(ctx, Kind::GapHistory, Who::Profile),
        "PP22" => sub_list(ctx, Kind::Education, Who::Profile),
        "PP23" => sub_create(ctx, Kind::Education, Who::Profile),
        "PP24" => sub_list(ctx, Kind::Training, Who::Profile),
        "PP25" => sub_create(ctx, Kind::Training, Who::Profile),
        "PP26" => sub_list(ctx, Kind::Insurance, Who::Profile),
        "PP27" => sub_create(ctx, Kind::Insurance, Who::Profile),
        "PP30" => sub_list(ctx, Kind::Document, Who::Profile),
        "PP31" => document_create(ctx),
        "CR1" => credentialing_create(ctx),
        "CR2" => detail(ctx, Kind::CredRequest),
        "CR3" => credentialing_list(ctx),
        "CR4" => packets_list(ctx),
        "CR5" => detail(ctx, Kind::Packet),
        "CR6" => need_action_list(ctx),
        "CR7" => monitoring_list(ctx),
        "CR8" => credentialing_overview(ctx),
        "CR9" => providers_with_states(ctx),
        "CR10" => close_requests(ctx),
        "CR11" => credentialing_download(ctx),
        "CR12" => approval_letter(ctx),
        "CR13" => send_approval_letter(ctx),
        "TK1" => expirables_list(ctx),
        "TK2" => detail(ctx, Kind::Expirable),
        "TK3" => expirable_patch(ctx),
        "TK4" => task_create(ctx),
        "TK5" => tasks_list(ctx),
        "TK6" => detail(ctx, Kind::Task),
        "TK7" => task_timeline(ctx),
        "PL1" => global_list(ctx, Kind::PracticeLocation, data::PRACTICE_LOCATIONS),
        "PL2" => detail(ctx, Kind::PracticeLocation),
        "PL3" => global_create(ctx, Kind::PracticeLocation),
        "PL4" => location_links_list(ctx),
        "PL5" => detail(ctx, Kind::PlProvider),
        "PL6" => location_link_delete(ctx),
        "PL7" => location_links_bulk(ctx),
        "PL8" => mark_primary(ctx),
        "TE1" => global_list(ctx, Kind::TaxEntity, data::TAX_ENTITIES),
        "TE2" => detail(ctx, Kind::TaxEntity),
        "TE3" => global_create(ctx, Kind::TaxEntity),
        "FA1" => global_list(ctx, Kind::Facility, data::FACILITIES),
        "PE1" => enrollment_create(ctx, true),
        "PE2" => enrollment_create(ctx, false),
        "PE3" => global_list(ctx, Kind::HealthPlan, data::HEALTH_PLANS),
        "PE4" => enrollment_list(ctx),
        "PE5" => detail(ctx, Kind::EnrollmentRequest),
        "PE6" => enrollment_status(ctx),
        "PE7" => enrollment_timeline(ctx),
        "PE8" => active_enrollment_list(ctx),
        "PE9" => existing_enrollment(ctx, Kind::ExistingGroupEnrollment),
        "PE10" => existing_enrollment(ctx, Kind::ExistingProviderEnrollment),
        "PE11" => bulk_oa_assignment(ctx),
        "PE12" => selectable_oa_users(ctx),
        "HA1" => sub_list(ctx, Kind::Arrangement, Who::Account),
        "HA2" => detail(ctx, Kind::Arrangement),
        "HA3" => sub_create(ctx, Kind::Arrangement, Who::Account),
        "HA4" => sub_list(ctx, Kind::Privilege, Who::Account),
        "HA5" => detail(ctx, Kind::Privilege),
        "HA6" => sub_create(ctx, Kind::Privilege, Who::Account),
        "HA7" => sub_list(ctx, Kind::NonAdmitting, Who::Account),
        "HA8" => detail(ctx, Kind::NonAdmitting),
        "HA9" => sub_create(ctx, Kind::NonAdmitting, Who::Account),
        "AC1" => change_password(ctx),
        "FI1" => upload(ctx),
        "FI2" => presign(ctx),
        other => Err(Reply::detail(
            StatusCode::NOT_IMPLEMENTED,
            &format!("assured-mock does not implement endpoint {other}"),
        )),
    };
    result.unwrap_or_else(|reply| reply)
}

// ----- helpers -----

fn object(ctx: &Ctx<'_>) -> Result<Map<String, Value>, Reply> {
    as_object(parse_json(ctx)?)
}

/// The body as received, before canonicalisation: for the checks that must
/// see explicit nulls (quirk 14).
fn raw_object(ctx: &Ctx<'_>) -> Result<Map<String, Value>, Reply> {
    as_object(parse_bytes(ctx.raw_body)?)
}

fn as_object(value: Value) -> Result<Map<String, Value>, Reply> {
    match value {
        Value::Object(map) => Ok(map),
        other => Err(Reply::field(
            "non_field_errors",
            &format!(
                "Invalid data. Expected a dictionary, but got {}.",
                json_type(&other)
            ),
        )),
    }
}

fn array(ctx: &Ctx<'_>) -> Result<Vec<Value>, Reply> {
    as_array(parse_json(ctx)?)
}

fn raw_array(ctx: &Ctx<'_>) -> Result<Vec<Value>, Reply> {
    as_array(parse_bytes(ctx.raw_body)?)
}

fn as_array(value: Value) -> Result<Vec<Value>, Reply> {
    match value {
        Value::Array(items) => Ok(items),
        other => Err(Reply::field(
            "non_field_errors",
            &format!(
                "Expected a list of items but got type \"{}\".",
                json_type(&other)
            ),
        )),
    }
}

pub(crate) fn parse_json(ctx: &Ctx<'_>) -> Result<Value, Reply> {
    parse_bytes(ctx.body)
}

fn parse_bytes(bytes: &[u8]) -> Result<Value, Reply> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Value::Object(Map::new()));
    }
    serde_json::from_slice(bytes).map_err(|error| {
        Reply::detail(
            StatusCode::BAD_REQUEST,
            &format!("JSON parse error - {error}"),
        )
    })
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "int",
        Value::String(_) => "str",
        Value::Array(_) => "list",
        Value::Object(_) => "dict",
    }
}

/// Required keys: missing -> "This field is required.", null -> "This
/// field may not be null.".
fn require(body: &Map<String, Value>, keys: &[&str]) -> Result<(), Reply> {
    let mut errors = Map::new();
    for key in keys {
        match body.get(*key) {
            None => {
                errors.insert((*key).to_owned(), json!(["This field is required."]));
            }
            Some(Value::Null) => {
                errors.insert((*key).to_owned(), json!(["This field may not be null."]));
            }
            Some(_) => {}
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Reply::fields(errors))
    }
}

/// Optional keys that refuse an explicit null (quirk 14).
fn no_nulls(body: &Map<String, Value>, keys: &[&str]) -> Result<(), Reply> {
    let mut errors = Map::new();
    for key in keys {
        if body.get(*key) == Some(&Value::Null) {
            errors.insert((*key).to_owned(), json!(["This field may not be null."]));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Reply::fields(errors))
    }
}

fn text<'a>(body: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    body.get(key).and_then(Value::as_str)
}

fn invalid_pk(field: &str, value: &str) -> Reply {
    Reply::field(
        field,
        &format!("Invalid pk \"{value}\" - object does not exist."),
    )
}

/// The provider a body field names; a wrong kind of id is "does not exist".
fn body_provider(
    state: &State,
    body: &Map<String, Value>,
    field: &str,
    who: Who,
) -> Result<u32, Reply> {
    let value = body
        .get(field)
        .map(|value| as_text(value).unwrap_or_default());
    match value {
        None => Err(Reply::field(field, "This field is required.")),
        Some(value) => resolve(state, who, &value).ok_or_else(|| invalid_pk(field, &value)),
    }
}

/// A provider query filter: a wrong kind of id gives a bare 422 (quirk 4).
fn filter_provider(
    ctx: &Ctx<'_>,
    state: &State,
    param: &str,
    who: Who,
) -> Result<Option<u32>, Reply> {
    match ctx.q(param) {
        None => Ok(None),
        Some(value) => resolve(state, who, value).map(Some).ok_or_else(|| {
            Reply::json(
                StatusCode::UNPROCESSABLE_ENTITY,
                json!({ param: ["Select a valid choice. That choice is not one of the available choices."] }),
            )
        }),
    }
}

/// The provider a path names; a wrong kind of id is a bare 404 (quirk 4).
fn path_provider(ctx: &Ctx<'_>, state: &State, who: Who) -> Result<u32, Reply> {
    ctx.param
        .and_then(|param| resolve(state, who, param))
        .ok_or_else(Reply::not_found)
}

/// The record a path names.
fn path_record(
    ctx: &Ctx<'_>,
    state: &State,
    kind: Kind,
) -> Result<(Uuid, Map<String, Value>), Reply> {
    ctx.param
        .and_then(|param| state.get_str(kind, param))
        .ok_or_else(Reply::not_found)
}

/// The full key set of a kind, all null (the shape of a created record).
fn template(state: &State, kind: Kind) -> Map<String, Value> {
    let mut record = state.generate(kind, 0, 0);
    for value in record.values_mut() {
        *value = Value::Null;
    }
    record
}

/// Overlays a body onto a template, skipping `id`.
fn overlay(mut record: Map<String, Value>, body: &Map<String, Value>) -> Map<String, Value> {
    for (key, value) in body {
        if key != "id" {
            record.insert(key.clone(), value.clone());
        }
    }
    record
}

fn valid_date(text: &str) -> bool {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok()
}

fn detail(ctx: &Ctx<'_>, kind: Kind) -> HResult {
    let state = ctx.shared.state();
    let (_, record) = path_record(ctx, &state, kind)?;
    Ok(Reply::ok(Value::Object(record)))
}

/// The `professional_id_type` of the professional-id kinds.
fn professional_id_type(kind: Kind) -> Option<&'static str> {
    match kind {
        Kind::License => Some("LICENSE"),
        Kind::Dea => Some("DEA"),
        Kind::Cds => Some("CDS"),
        Kind::Medicaid => Some("MEDICAID"),
        Kind::Medicare => Some("MEDICARE"),
        _ => None,
    }
}

fn sub_list(ctx: &Ctx<'_>, kind: Kind, who: Who) -> HResult {
    let state = ctx.shared.state();
    let owner = filter_provider(ctx, &state, "provider", who)?;
    let ids = state.ids_of(kind, owner);
    let mut filters = Filters::new()
        .search(
            ctx,
            &[
                "provider_full_name",
                "health_plan_name",
                "hospital_name",
                "name",
            ],
        )
        .eq(ctx, "state", "state")
        .eq(ctx, "number", "number");
    // Each professional-id list holds one type: its own type keeps every
    // record, another type none.
    if let Some(own) = professional_id_type(kind)
        && let Some(wanted) = ctx.q("professional_id_type")
    {
        let same = wanted.trim().eq_ignore_ascii_case(own);
        filters = filters.with(move |_| same);
    }
    Ok(paginate(ctx, &ids, |id| state.get(kind, id), &filters))
}

fn sub_create(ctx: &Ctx<'_>, kind: Kind, who: Who) -> HResult {
    let body = object(ctx)?;
    require(&body, &["provider"])?;
    let mut state = ctx.shared.state();
    let owner = body_provider(&state, &body, "provider", who)?;
    for date_key in [
        "issue_date",
        "expiration_date",
        "start_date",
        "end_date",
        "initial_date",
    ] {
        if let Some(date) = text(&body, date_key)
            && !valid_date(date)
            && kind != Kind::Arrangement
            && kind != Kind::Privilege
            && kind != Kind::NonAdmitting
        {
            return Err(Reply::field(
                date_key,
                "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.",
            ));
        }
    }
    let record = overlay(template(&state, kind), &body);
    let record = state.insert(kind, Some(owner), record);
    Ok(Reply::created(Value::Object(record)))
}

fn global_list(ctx: &Ctx<'_>, kind: Kind, seeded: u32) -> HResult {
    let state = ctx.shared.state();
    let state = &*state;
    let ids = state.global_ids(kind, seeded);
    let mut filters = Filters::new().search(
        ctx,
        &[
            "name",
            "legal_name",
            "facility_name",
            "payer_name",
            "mailing_city",
            "mailing_street_address_1",
            "tax_id",
            "npi",
        ],
    );
    match kind {
        Kind::PracticeLocation => {
            filters = filters
                .eq(ctx, "client", "client")
                .any_of(ctx, "client_ids", "client")
                .any_of(ctx, "id_in", "id")
                .eq(ctx, "mailing_state", "mailing_state")
                .any_of(ctx, "mailing_state_in", "mailing_state")
                .eq(ctx, "practice_location_type", "practice_location_type")
                .eq(ctx, "tax_entity", "tax_entity")
                .any_of(ctx, "tax_entity_in", "tax_entity")
                .any_of_by(ctx, "tax_entity_incorporation_state_in", move |record| {
                    incorporation_state(state, record.get("tax_entity"))
                });
            if let Some(archived) = ctx.q("is_archived").and_then(paging::parse_bool) {
                filters = filters.with(move |record| {
                    record
                        .get("archived_at")
                        .is_some_and(|value| !value.is_null())
                        == archived
                });
            }
        }
        Kind::TaxEntity => {
            filters = filters
                .eq(ctx, "client", "client")
                .any_of(ctx, "client_ids", "client")
                .eq(ctx, "incorporation_state", "incorporation_state")
                .any_of(ctx, "incorporation_state_in", "incorporation_state")
                .eq(ctx, "npi", "npi")
                .eq(ctx, "tax_id", "tax_id");
        }
        Kind::HealthPlan => {
            filters = filters
                .eq(ctx, "followup_mode", "followup_mode")
                .any_of(ctx, "health_plan_in", "id")
                .eq(ctx, "lob", "lob")
                .eq(ctx, "name", "name")
                .eq(ctx, "network", "network")
                .eq(ctx, "state", "state")
                .eq(ctx, "submission_type", "submission_type");
        }
        _ => {}
    }
    Ok(paginate(ctx, &ids, |id| state.get(kind, id), &filters))
}

/// The incorporation state of the tax entity a record points to.
fn incorporation_state(state: &State, tax_entity: Option<&Value>) -> Option<String> {
    let (_, entity) = state.get_str(Kind::TaxEntity, tax_entity?.as_str()?)?;
    entity.get("incorporation_state").and_then(as_text)
}

fn global_create(ctx: &Ctx<'_>, kind: Kind) -> HResult {
    let body = object(ctx)?;
    if kind == Kind::TaxEntity {
        // The spec's `legal_name`; the client's legacy `name` is accepted too.
        if !body.contains_key("legal_name") && body.contains_key("name") {
            require(&body, &["name"])?;
        } else {
            require(&body, &["legal_name"])?;
        }
    } else {
        require(&body, &["name"])?;
    }
    let mut state = ctx.shared.state();
    let mut record = overlay(template(&state, kind), &body);
    if kind == Kind::TaxEntity {
        let name = body.get("legal_name").or_else(|| body.get("name")).cloned();
        record.insert("legal_name".into(), name.unwrap_or(Value::Null));
        record.remove("name");
    }
    let record = state.insert(kind, None, record);
    Ok(Reply::created(Value::Object(record)))
}

// ----- users -----

#[derive(Debug, Clone, Copy)]
enum UserRef {
    Staff(u32),
    Provider(u32),
}

fn staff_record(ctx: &Ctx<'_>, state: &State, index: u32) -> Map<String, Value> {
    let (first, last, email, user_type) = if index == 0 {
        (
            "Mock".to_owned(),
            "Admin".to_owned(),
            ctx.shared.user_email.clone(),
            "client_admin",
        )
    } else {
        let (first, last) = State::staff_name(index);
        (first, last, format!("oa{index}@mock.assured.test"), "oa")
    };
    let client = 0;
    let mut record = Map::new();
    record.insert(
        "id".into(),
        json!(state.global_id(Kind::Staff, index).to_string()),
    );
    record.insert("email".into(), json!(email));
    record.insert("first_name".into(), json!(first));
    record.insert("middle_name".into(), Value::Null);
    record.insert("last_name".into(), json!(last));
    record.insert("name".into(), json!(format!("{first} {last}")));
    record.insert("is_active".into(), json!(true));
    record.insert("user_type".into(), json!(user_type));
    record.insert("date_joined".into(), json!("2019-01-02T09:00:00Z"));
    record.insert("email_verified_at".into(), json!("2019-01-02T09:05:00Z"));
    record.insert("invited_at".into(), Value::Null);
    record.insert("activated_at".into(), json!("2019-01-02T09:05:00Z"));
    record.insert("deactivated_at".into(), Value::Null);
    record.insert(
        "source_of_joining".into(),
        json!("SINGLE_USER_ADDED_FROM_BACKEND"),
    );
    record.insert(
        "client".into(),
        json!(state.global_id(Kind::Client, client).to_string()),
    );
    record.insert("client_name".into(), json!(data::client_name(client)));
    record
}

fn provider_user_record(state: &State, index: u32) -> Map<String, Value> {
    let identity = state.identity(index);
    let mut record = Map::new();
    record.insert("id".into(), json!(state.account_id(index).to_string()));
    record.insert("email".into(), json!(identity.email));
    record.insert("first_name".into(), json!(identity.first_name));
    record.insert("middle_name".into(), json!(identity.middle_name));
    record.insert("last_name".into(), json!(identity.last_name));
    record.insert("name".into(), json!(identity.full_name()));
    record.insert("is_active".into(), json!(identity.is_active));
    record.insert("user_type".into(), json!("provider"));
    record.insert("date_joined".into(), json!(identity.date_joined));
    record.insert("email_verified_at".into(), json!(identity.date_joined));
    record.insert("invited_at".into(), json!(identity.date_joined));
    record.insert("activated_at".into(), json!(identity.date_joined));
    record.insert(
        "deactivated_at".into(),
        if identity.is_active {
            Value::Null
        } else {
            json!(identity.date_joined)
        },
    );
    record.insert(
        "source_of_joining".into(),
        json!(identity.source_of_joining),
    );
    record.insert(
        "client".into(),
        json!(state.global_id(Kind::Client, identity.client).to_string()),
    );
    record.insert(
        "client_name".into(),
        json!(data::client_name(identity.client)),
    );
    record
}

const SLIM_KEYS: &[&str] = &[
    "id",
    "email",
    "first_name",
    "last_name",
    "is_active",
    "user_type",
];

fn users_list(ctx: &Ctx<'_>, slim: bool) -> HResult {
    let state = ctx.shared.state();
    let state = &*state;
    let mut items: Vec<UserRef> = (0..data::STAFF).map(UserRef::Staff).collect();
    items.extend((0..state.provider_count()).map(UserRef::Provider));
    let mut filters = Filters::new()
        .boolean(ctx, "is_active", "is_active")
        .eq(ctx, "user_type", "user_type")
        .any_of(ctx, "user_type_in", "user_type")
        .any_of(ctx, "id_in", "id")
        .eq(ctx, "client", "client")
        .search(ctx, &["email", "first_name", "last_name", "name"]);
    if let Some(flag) = ctx.q("users_deactivated").and_then(paging::parse_bool) {
        filters = filters.with(move |record| {
            record
                .get("deactivated_at")
                .is_some_and(|value| !value.is_null())
                == flag
        });
    }
    if let Some(flag) = ctx.q("users_invited").and_then(paging::parse_bool) {
        filters = filters.with(move |record| {
            record
                .get("invited_at")
                .is_some_and(|value| !value.is_null())
                == flag
        });
    }
    // Providers whose profile is ready for credentialing (the personal
    // info's `credentialing_readiness_info.ready`); staff users have no
    // profile and match neither value.
    if let Some(flag) = ctx
        .q("provider_profile__ready_for_credentialing")
        .and_then(paging::parse_bool)
    {
        filters = filters.with(move |record| {
            text(record, "user_type") == Some("provider")
                && text(record, "id")
                    .and_then(|id| state.account_index(id))
                    .is_some_and(|index| (state.identity(index).completeness >= 80.0) == flag)
        });
    }
    // The slim list hides users whose e-mail is unverified unless
    // `include_unverified=true`; every mock user is verified, so the
    // parameter is read but removes nobody.
    if slim {
        let _ = ctx.q("include_unverified");
    }
    let render = |item: &UserRef| {
        let record = match *item {
            UserRef::Staff(index) => staff_record(ctx, state, index),
            UserRef::Provider(index) => provider_user_record(state, index),
        };
        Some(if slim {
            record
                .into_iter()
                .filter(|(key, _)| SLIM_KEYS.contains(&key.as_str()) || key == "client")
                .collect()
        } else {
            record
        })
    };
    Ok(paginate(ctx, &items, render, &filters))
}

fn logged_in_user(ctx: &Ctx<'_>) -> Reply {
    let state = ctx.shared.state();
    let user = staff_record(ctx, &state, 0);
    Reply::ok(json!({
        "id": user["id"],
        "email": user["email"],
        "first_name": user["first_name"],
        "middle_name": Value::Null,
        "last_name": user["last_name"],
        "user_type": user["user_type"],
        "is_active": true,
        "provider_profile": Value::Null,
        "extra_data": {"client_exists": true, "client_details": state.client_details(0)},
        "provider_profile_completion_info": Value::Null,
        "user_associated_features": ["CREDENTIALING", "PAYER_ENROLLMENT", "MONITORING"],
        "credentialing_readiness_info": Value::Null,
        "assured_user_id": user["id"],
    }))
}

fn login(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    require(&body, &["email", "password"])?;
    let email = text(&body, "email").unwrap_or_default();
    let password = text(&body, "password").unwrap_or_default();
    let ok = email.eq_ignore_ascii_case(&ctx.shared.user_email)
        && password == ctx.shared.state().password();
    if !ok {
        return Err(Reply::detail(
            StatusCode::UNAUTHORIZED,
            "No active account found with the given credentials",
        ));
    }
    let (access, refresh) = ctx.shared.issue_tokens(None);
    let state = ctx.shared.state();
    let user = staff_record(ctx, &state, 0);
    Ok(Reply::ok(json!({
        "data": {
            "id": user["id"],
            "email": user["email"],
            "first_name": user["first_name"],
            "last_name": user["last_name"],
            "user_type": user["user_type"],
            "is_active": true,
            "jwt": {"access": access, "refresh": refresh},
        },
        "msg": "Login successful",
        "extra_data": {
            "client_exists": true,
            "client_details": state.client_details(0),
            "tax_entity_exists": true,
            "provider_profile_id": Value::Null,
            "min_profile_completed": true,
            "caqh_account_exists": false,
            "user_associated_features": ["CREDENTIALING", "PAYER_ENROLLMENT", "MONITORING"],
            "is_mfa_enabled": false,
        },
    })))
}

fn password_reset(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    require(&body, &["email"])?;
    // Production answers 200 with an empty body, known e-mail or not.
    Ok(Reply::empty(StatusCode::OK))
}

// ----- providers -----

pub(crate) fn provider_record(state: &State, index: u32) -> Map<String, Value> {
    let identity = state.identity(index);
    let mut record = Map::new();
    record.insert("id".into(), json!(state.account_id(index).to_string()));
    record.insert("email".into(), json!(identity.email));
    record.insert("first_name".into(), json!(identity.first_name));
    record.insert("middle_name".into(), json!(identity.middle_name));
    record.insert("last_name".into(), json!(identity.last_name));
    record.insert("npi".into(), json!(identity.npi));
    record.insert("full_name".into(), json!(identity.full_name()));
    record.insert(
        "provider_profile_id".into(),
        json!(state.profile_id(index).to_string()),
    );
    record.insert(
        "profile_completeness_percentage".into(),
        json!(identity.completeness),
    );
    record.insert("is_active".into(), json!(identity.is_active));
    record.insert("user_type".into(), json!("provider"));
    record
}

fn uuid_list(ctx: &Ctx<'_>, param: &str) -> Result<Option<Vec<String>>, Reply> {
    let Some(value) = ctx.q(param) else {
        return Ok(None);
    };
    let mut ids = Vec::new();
    for part in value
        .split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
    {
        if Uuid::parse_str(part).is_err() {
            return Err(Reply::field(param, "Enter a valid UUID."));
        }
        ids.push(part.to_lowercase());
    }
    Ok(Some(ids))
}

fn provider_filters(ctx: &Ctx<'_>, state: &State) -> Filters<'static> {
    let mut filters = Filters::new()
        .eq(ctx, "email", "email")
        .eq(ctx, "first_name", "first_name")
        .eq(ctx, "last_name", "last_name")
        .eq(ctx, "npi", "npi")
        .boolean(ctx, "is_active", "is_active")
        .search(
            ctx,
            &["first_name", "last_name", "email", "npi", "full_name"],
        );
    if let Some(flag) = ctx.q("profile_completeness").and_then(paging::parse_bool) {
        filters = filters.with(move |record| {
            let complete = record
                .get("profile_completeness_percentage")
                .and_then(Value::as_f64)
                .unwrap_or(0.0)
                >= 100.0;
            complete == flag
        });
    }
    let clients: Vec<String> = ctx
        .q("client")
        .into_iter()
        .chain(ctx.q("client_in"))
        .flat_map(|value| value.split(','))
        .map(|value| value.trim().to_lowercase())
        .filter(|value| !value.is_empty())
        .collect();
    if !clients.is_empty() {
        let allowed: Vec<u32> = (0..data::CLIENTS)
            .filter(|client| clients.contains(&state.global_id(Kind::Client, *client).to_string()))
            .collect();
        let codec = state.codec;
        let seed = state.seed;
        let seeded = state.seeded;
        filters = filters.with(move |record| {
            let index = record
                .get("id")
                .and_then(Value::as_str)
                .and_then(|id| codec.decode_str(id, Kind::Account))
                .map(|(index, _)| index);
            index.is_some_and(|index| {
                let client = if index < seeded {
                    data::seeded_identity(seed, index).client
                } else {
                    0
                };
                allowed.contains(&client)
            })
        });
    }
    filters
}

fn providers_list(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let items: Vec<u32> = match uuid_list(ctx, "id_in")? {
        Some(ids) => ids
            .iter()
            .filter_map(|id| state.account_index(id))
            .collect(),
        None => match (ctx.q("npi"), ctx.q("email")) {
            // Fast paths for exact lookups.
            (_, Some(email)) => state.provider_by_email(email).into_iter().collect(),
            (Some(npi), None) => (0..state.provider_count())
                .filter(|index| state.identity(*index).npi.as_deref() == Some(npi.trim()))
                .collect(),
            (None, None) => (0..state.provider_count()).collect(),
        },
    };
    let filters = provider_filters(ctx, &state);
    Ok(paginate(
        ctx,
        &items,
        |index| Some(provider_record(&state, *index)),
        &filters,
    ))
}

fn new_identity(body: &Map<String, Value>, state: &State, source: &str) -> Identity {
    let client = text(body, "client")
        .and_then(|client| state.global_index(Kind::Client, client))
        .unwrap_or(0);
    Identity {
        first_name: text(body, "first_name").unwrap_or_default().to_owned(),
        middle_name: None,
        last_name: text(body, "last_name").unwrap_or_default().to_owned(),
        email: text(body, "email").unwrap_or_default().trim().to_owned(),
        npi: None,
        is_active: true,
        client,
        date_joined: now_rfc3339(),
        source_of_joining: source.to_owned(),
        provider_type: None,
        completeness: 5.0,
    }
}

/// Checks the fields shared by the provider-creation trio.
fn check_new_provider(
    state: &State,
    body: &Map<String, Value>,
    required: &[&str],
) -> Result<(), Reply> {
    require(body, required)?;
    no_nulls(
        body,
        &[
            "first_name",
            "last_name",
            "client",
            "document_url",
            "document_type",
            "provider_practice_locations",
            "primary_practice_location",
            "org_joining_date",
            "cc_emails",
        ],
    )?;
    let email = text(body, "email").unwrap_or_default();
    if !email.contains('@') {
        return Err(Reply::field("email", "Enter a valid email address."));
    }
    if state.provider_by_email(email).is_some() {
        return Err(Reply::field(
            "email",
            "user with this email already exists.",
        ));
    }
    if let Some(date) = text(body, "org_joining_date")
        && !valid_date(date)
    {
        return Err(Reply::field(
            "org_joining_date",
            "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.",
        ));
    }
    for location in location_ids(body) {
        if state
            .global_index(Kind::PracticeLocation, &location)
            .is_none()
            && state.get_str(Kind::PracticeLocation, &location).is_none()
        {
            return Err(invalid_pk("provider_practice_locations", &location));
        }
    }
    Ok(())
}

fn location_ids(body: &Map<String, Value>) -> Vec<String> {
    let mut ids: Vec<String> = body
        .get("provider_practice_locations")
        .and_then(Value::as_array)
        .map(|items| items.iter().filter_map(as_text).collect())
        .unwrap_or_default();
    if let Some(primary) = text(body, "primary_practice_location")
        && !ids.iter().any(|id| id == primary)
    {
        ids.push(primary.to_owned());
    }
    ids
}

/// Creates a provider from a creation body; returns its index.
fn create_provider_from(state: &mut State, body: &Map<String, Value>, source: &str) -> u32 {
    let identity = new_identity(body, state, source);
    let index = state.add_provider(identity);
    if let Some(date) = text(body, "org_joining_date") {
        state.org_joining.insert(index, Some(date.to_owned()));
    }
    let primary = text(body, "primary_practice_location").map(ToOwned::to_owned);
    for location in location_ids(body) {
        link_location(
            state,
            index,
            &location,
            primary.as_deref() == Some(location.as_str()),
        );
    }
    index
}

fn link_location(
    state: &mut State,
    provider: u32,
    location: &str,
    primary: bool,
) -> Option<Map<String, Value>> {
    let (_, place) = state.get_str(Kind::PracticeLocation, location)?;
    let id = state.new_id(Kind::PlProvider);
    let mut record = match state.global_index(Kind::PracticeLocation, location) {
        Some(seeded) => state.pl_provider_record(&id.to_string(), provider, seeded, primary),
        None => {
            let mut record = state.pl_provider_record(&id.to_string(), provider, 0, primary);
            record.insert("practice_location".into(), json!(location));
            record.insert(
                "practice_location_name".into(),
                place.get("name").cloned().unwrap_or(Value::Null),
            );
            record
        }
    };
    record.insert("id".into(), json!(id.to_string()));
    let collection = state.collection_mut(Kind::PlProvider);
    collection.created.push((Some(provider), id));
    collection.written.insert(id, record.clone());
    Some(record)
}

fn invite_providers(ctx: &Ctx<'_>) -> HResult {
    let items = raw_array(ctx)?;
    let mut state = ctx.shared.state();
    let mut errors = Vec::new();
    let mut failed = false;
    let mut seen = std::collections::HashSet::new();
    for item in &items {
        let Value::Object(body) = item else {
            errors.push(json!({"non_field_errors": ["Invalid data. Expected a dictionary."]}));
            failed = true;
            continue;
        };
        match check_new_provider(&state, body, &["email", "first_name", "last_name"]) {
            Err(Reply {
                body: ReplyBody::Json(error),
                ..
            }) => {
                errors.push(error);
                failed = true;
            }
            Err(_) => failed = true,
            Ok(()) => {
                let email = text(body, "email").unwrap_or_default().to_lowercase();
                if seen.insert(email) {
                    errors.push(json!({}));
                } else {
                    errors.push(json!({"email": ["Duplicate e-mail in this request."]}));
                    failed = true;
                }
            }
        }
    }
    if failed {
        return Err(Reply::json(StatusCode::BAD_REQUEST, Value::Array(errors)));
    }
    let mut created = Vec::new();
    for item in &items {
        if let Value::Object(body) = item {
            let index = create_provider_from(&mut state, body, "FROM_INVITE");
            let identity = state.identity(index);
            created.push(json!({
                "id": state.account_id(index).to_string(),
                "email": identity.email,
                "first_name": identity.first_name,
                "last_name": identity.last_name,
                "provider_practice_locations": location_ids(body),
            }));
        }
    }
    Ok(Reply::ok(Value::Array(created)))
}

fn caqh_import_provider(ctx: &Ctx<'_>) -> HResult {
    let body = raw_object(ctx)?;
    let mut state = ctx.shared.state();
    check_new_provider(&state, &body, &["email", "caqh_username", "caqh_password"])?;
    let index = create_provider_from(&mut state, &body, "FROM_SINGLE_PROVIDER_IMPORT");
    let identity = state.identity(index);
    Ok(Reply::ok(json!({
        "id": state.account_id(index).to_string(),
        "email": identity.email,
        "first_name": identity.first_name,
        "last_name": identity.last_name,
        "provider_practice_locations": location_ids(&body),
    })))
}

fn create_provider(ctx: &Ctx<'_>) -> HResult {
    let body = raw_object(ctx)?;
    let mut state = ctx.shared.state();
    check_new_provider(&state, &body, &["email", "first_name", "last_name"])?;
    let index = create_provider_from(&mut state, &body, "PROVIDER_CREATE_API");
    let identity = state.identity(index);
    Ok(Reply::created(json!({
        "id": state.account_id(index).to_string(),
        "email": identity.email,
        "first_name": identity.first_name,
        "last_name": identity.last_name,
        "provider_practice_locations": body.get("provider_practice_locations").cloned().unwrap_or(json!([])),
        "primary_practice_location": body.get("primary_practice_location").cloned().unwrap_or(Value::Null),
        "client": state.global_id(Kind::Client, identity.client).to_string(),
        "document_url": body.get("document_url").cloned().unwrap_or(Value::Null),
        "document_type": body.get("document_type").cloned().unwrap_or(Value::Null),
        "source_of_joining": "PROVIDER_CREATE_API",
    })))
}

/// The (provider, practice-location id) of a link, cheaply for seeded links.
fn link_of(state: &State, id: &Uuid) -> Option<(u32, String)> {
    let written = state
        .collection(Kind::PlProvider)
        .and_then(|collection| collection.written.get(id));
    let provider = state.owner_of(Kind::PlProvider, id)?;
    match written {
        Some(record) => Some((provider, text(record, "practice_location")?.to_owned())),
        None => Some((
            provider,
            state
                .global_id(Kind::PracticeLocation, provider % data::PRACTICE_LOCATIONS)
                .to_string(),
        )),
    }
}

fn providers_not_in_location(ctx: &Ctx<'_>) -> HResult {
    let Some(location) = ctx.q("practice_location") else {
        return Err(Reply::field("practice_location", "This field is required."));
    };
    let state = ctx.shared.state();
    if state.get_str(Kind::PracticeLocation, location).is_none() {
        return Err(Reply::field(
            "practice_location",
            "Select a valid choice. That choice is not one of the available choices.",
        ));
    }
    let location = location.trim().to_lowercase();
    let mut linked = std::collections::HashSet::new();
    for id in state.ids_of(Kind::PlProvider, None) {
        if let Some((provider, place)) = link_of(&state, &id)
            && place == location
        {
            linked.insert(provider);
        }
    }
    let wanted: Option<Vec<u32>> = uuid_list(ctx, "id_in")?.map(|ids| {
        ids.iter()
            .filter_map(|id| state.account_index(id))
            .collect()
    });
    let items: Vec<u32> = (0..state.provider_count())
        .filter(|index| !linked.contains(index))
        .filter(|index| wanted.as_ref().is_none_or(|wanted| wanted.contains(index)))
        .collect();
    let filters = provider_filters(ctx, &state);
    Ok(paginate(
        ctx,
        &items,
        |index| Some(provider_record(&state, *index)),
        &filters,
    ))
}

fn add_providers_to_location(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    require(&body, &["providers", "practice_location"])?;
    let mut state = ctx.shared.state();
    let location = text(&body, "practice_location")
        .unwrap_or_default()
        .to_owned();
    if state.get_str(Kind::PracticeLocation, &location).is_none() {
        return Err(invalid_pk("practice_location", &location));
    }
    let providers: Vec<String> = body
        .get("providers")
        .and_then(Value::as_array)
        .map(|items| items.iter().filter_map(as_text).collect())
        .unwrap_or_default();
    let mut indices = Vec::new();
    for provider in &providers {
        indices.push(
            resolve(&state, Who::Any, provider).ok_or_else(|| invalid_pk("providers", provider))?,
        );
    }
    for index in indices {
        link_location(&mut state, index, &location, false);
    }
    Ok(Reply::created(
        json!({"providers": providers, "practice_location": location}),
    ))
}

fn caqh_request_create(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    require(
        &body,
        &["caqh_username", "caqh_password", "full_name", "signature"],
    )?;
    let mut state = ctx.shared.state();
    let id = state.caqh_requests.len() + 1;
    let mut record = Map::new();
    record.insert("id".into(), json!(id));
    for key in ["caqh_username", "caqh_password", "full_name", "signature"] {
        record.insert(key.into(), body.get(key).cloned().unwrap_or(Value::Null));
    }
    record.insert("status".into(), json!("PENDING"));
    record.insert("created_at".into(), json!(now_rfc3339()));
    state.caqh_requests.push((None, record.clone()));
    Ok(Reply::created(Value::Object(record)))
}

fn caqh_request_list(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let owner = filter_provider(ctx, &state, "provider", Who::Any)?;
    let items: Vec<&Map<String, Value>> = state
        .caqh_requests
        .iter()
        .filter(|(provider, _)| owner.is_none() || *provider == owner)
        .map(|(_, record)| record)
        .collect();
    Ok(paginate(
        ctx,
        &items,
        |record| Some((*record).clone()),
        &Filters::new(),
    ))
}

fn org_joining_get(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let index = path_provider(ctx, &state, Who::Profile)?;
    Ok(Reply::ok(json!({
        "id": state.profile_id(index).to_string(),
        "org_joining_date": state.org_joining_date(index),
    })))
}

fn org_joining_patch(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    let mut state = ctx.shared.state();
    let index = path_provider(ctx, &state, Who::Profile)?;
    let date = match body.get("org_joining_date") {
        None => return Err(Reply::field("org_joining_date", "This field is required.")),
        Some(Value::Null) => None,
        Some(Value::String(date)) if valid_date(date) => Some(date.clone()),
        Some(_) => {
            return Err(Reply::field(
                "org_joining_date",
                "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.",
            ));
        }
    };
    state.org_joining.insert(index, date.clone());
    Ok(Reply::ok(json!({
        "id": state.profile_id(index).to_string(),
        "org_joining_date": date,
    })))
}

// ----- provider profile -----

fn personal_get(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let index = path_provider(ctx, &state, Who::Profile)?;
    Ok(Reply::ok(Value::Object(state.personal_info_of(index))))
}

fn personal_patch(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    let mut state = ctx.shared.state();
    let index = path_provider(ctx, &state, Who::Profile)?;
    let stored = state.personal_info_of(index);
    let mut merged =
        personal::apply_patch(&stored, &body, state.strict_personal_info).map_err(Reply::fields)?;
    merged.insert("updated_at".into(), json!(now_rfc3339()));
    state.personal.insert(index, merged.clone());
    Ok(Reply::ok(Value::Object(merged)))
}

fn ssn_encrypted_get(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let index = path_provider(ctx, &state, Who::Profile)?;
    let jwt = ctx.bearer.unwrap_or_default();
    let mut rng = Rng::new(&[now_secs(), u64::from(index), state.counter]);
    let ssn = state
        .ssn_of(index)
        .map(|ssn| crypto::encrypt_ssn(jwt, &ssn, rng.bytes()));
    Ok(Reply::ok(
        json!({"id": state.profile_id(index).to_string(), "ssn": ssn}),
    ))
}

fn ssn_encrypted_patch(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    let mut state = ctx.shared.state();
    let index = path_provider(ctx, &state, Who::Profile)?;
    require(&body, &["ssn"])?;
    let Some(token) = text(&body, "ssn") else {
        return Err(Reply::field("ssn", "Not a valid string."));
    };
    let jwt = ctx.bearer.unwrap_or_default();
    let ssn = crypto::decrypt_ssn_token(jwt, token).map_err(|_| {
        Reply::field(
            "ssn",
            "Invalid SSN: the value could not be decrypted to 9 digits.",
        )
    })?;
    state.store_ssn(index, ssn);
    Ok(Reply::ok(
        json!({"id": state.profile_id(index).to_string(), "ssn": token}),
    ))
}

fn ssn_plain_get(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let index = path_provider(ctx, &state, Who::Profile)?;
    Ok(Reply::ok(
        json!({"id": state.profile_id(index).to_string(), "ssn": state.ssn_of(index)}),
    ))
}

fn document_create(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    require(&body, &["provider"])?;
    let mut state = ctx.shared.state();
    let owner = body_provider(&state, &body, "provider", Who::Profile)?;
    let url = text(&body, "document_url")
        .unwrap_or_default()
        .trim()
        .to_owned();
    if !url.starts_with("s3://") {
        return Err(Reply::field(
            "document_url",
            "Enter the s3:// URI returned by the file upload (files/handle file_url).",
        ));
    }
    if !state.files.contains_key(&url) {
        return Err(Reply::field(
            "document_url",
            "No uploaded file has this URI; upload it through files/handle first.",
        ));
    }
    let mut record = template(&state, Kind::Document);
    for (key, value) in &body {
        // The client's "id": "" and "presigned_document_url": "" are ignored.
        if key != "id" && key != "presigned_document_url" {
            record.insert(key.clone(), value.clone());
        }
    }
    let presigned = presign_url(ctx, &mut state, &url);
    record.insert("presigned_document_url".into(), json!(presigned));
    let record = state.insert(Kind::Document, Some(owner), record);
    Ok(Reply::created(Value::Object(record)))
}

// ----- credentialing -----

fn credentialing_create(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    require(&body, &["provider"])?;
    let mut state = ctx.shared.state();
    let owner = body_provider(&state, &body, "provider", Who::Account)?;
    let kind = text(&body, "credentialing_type")
        .unwrap_or("INITIAL_CREDENTIALING")
        .to_owned();
    let states = body.get("state_codes").cloned().unwrap_or(json!([]));
    let now = now_rfc3339();
    let mut record = state.generate(Kind::CredRequest, owner, 0);
    for key in [
        "request_completed_at",
        "oa_completed_at",
        "approval_date",
        "approver_name",
        "re_credentialing_date",
    ] {
        record.insert(key.into(), Value::Null);
    }
    record.insert("status".into(), json!("NEW"));
    record.insert("credentialing_type".into(), json!(kind));
    record.insert("state_codes".into(), states.clone());
    record.insert("created_at".into(), json!(now));
    record.insert("updated_at".into(), json!(now));
    record.insert("verifier_signed_off".into(), json!(false));
    let record = state.insert(Kind::CredRequest, Some(owner), record);
    Ok(Reply::created(json!({
        "id": record["id"],
        "provider": state.account_id(owner).to_string(),
        "status": "NEW",
        "credentialing_type": kind,
        "state_codes": states,
        "requested_by": ctx.shared.user_id,
        "created_at": now,
        "updated_at": now,
    })))
}

fn credentialing_filters(ctx: &Ctx<'_>) -> Filters<'static> {
    // `tab` (a UI tab, no documented semantics) is not implemented.
    Filters::new()
        .datetime_range(ctx, "assigned_at", "assigned_at")
        .datetime_range(ctx, "created_at", "created_at")
        .month(ctx, "created_at_month", "created_at")
        .datetime_range(ctx, "oa_completed_at", "oa_completed_at")
        .datetime_range(ctx, "request_completed_at", "request_completed_at")
        .datetime_range(ctx, "updated_at", "updated_at")
        .eq(ctx, "automation_status", "automation_status")
        .eq(ctx, "requested_by", "requested_by")
        .any_of(ctx, "requested_by_in", "requested_by")
        .eq(ctx, "status", "status")
        .any_of(ctx, "status_in", "status")
        .eq(ctx, "credentialing_type", "credentialing_type")
        .eq(ctx, "request_type", "request_type")
        .eq(ctx, "assignee", "assignee")
        .any_of(ctx, "assignee_in", "assignee")
        .any_of(ctx, "provider_in", "provider_details.id")
        .any_of(ctx, "individual_npis", "provider_details.individual_npi")
        .any_of(ctx, "state_codes_in", "state_codes")
        .any_of(ctx, "client_ids", "client_details.id")
        .eq(ctx, "provider_type", "provider_details.provider_type")
        .boolean(ctx, "verifier_signed_off", "verifier_signed_off")
        .search(
            ctx,
            &[
                "request_id",
                "provider_details.first_name",
                "provider_details.last_name",
                "provider_details.email",
            ],
        )
}

fn credentialing_list(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let owner = filter_provider(ctx, &state, "provider", Who::Account)?;
    let ids = state.ids_of(Kind::CredRequest, owner);
    let filters = credentialing_filters(ctx);
    Ok(paginate(
        ctx,
        &ids,
        |id| state.get(Kind::CredRequest, id),
        &filters,
    ))
}

fn packets_list(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let owner = filter_provider(ctx, &state, "provider", Who::Any)?;
    let ids = state.ids_of(Kind::Packet, owner);
    let filters = Filters::new()
        .eq(ctx, "credentialing_request", "credentialing_request")
        .eq(ctx, "credentialing_status", "credentialing_status")
        .eq(ctx, "packet_status", "packet_status");
    Ok(paginate(
        ctx,
        &ids,
        |id| state.get(Kind::Packet, id),
        &filters,
    ))
}

/// The keys of a need-action record taken from its credentialing request.
const NEED_ACTION_KEYS: &[&str] = &[
    "id",
    "provider_details",
    "state_codes",
    "status",
    "created_at",
    "credentialing_type",
    "sla_days",
    "client_details",
    "assigned_at",
    "requested_by_full_name",
    "request_id",
    "assignee",
    "request_type",
    "verifier_signed_off",
    "assignee_details",
    "verification_event_tasks",
];

/// Verification types of the need-action list's `verification_event_tasks`.
const VERIFICATION_TYPES: &[&str] = &[
    "DEA_VERIFICATION",
    "BOARD_CERTIFICATION_VERIFICATION",
    "EDUCATION_VERIFICATION",
];

fn need_action_list(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let owner = filter_provider(ctx, &state, "provider", Who::Any)?;
    let ids = state.ids_of(Kind::CredRequest, owner);
    let mut filters = credentialing_filters(ctx)
        .with(|record| text(record, "status") == Some("NEEDS_ACTION"))
        .date_range(ctx, "org_joining_date", "provider_details.org_joining_date")
        .date_range(ctx, "recredentialing_date", "re_credentialing_date");
    if let Some(wanted) = ctx.q("pending_verification_type_in") {
        let wanted = paging::split_list(wanted);
        filters = filters.with(move |record| {
            record
                .get("verification_event_tasks")
                .and_then(Value::as_array)
                .is_some_and(|tasks| {
                    tasks.iter().any(|task| {
                        task.get("status").and_then(Value::as_str) == Some("PENDING")
                            && task
                                .get("type")
                                .and_then(Value::as_str)
                                .is_some_and(|kind| wanted.contains(&kind.to_lowercase()))
                    })
                })
        });
    }
    // Filters see the whole request; the reply shows the need-action view.
    let render = |id: &Uuid| {
        let mut record = state.get(Kind::CredRequest, id)?;
        let (first, last) = State::staff_name(2);
        record.insert(
            "assignee_details".into(),
            json!({"id": record.get("assignee"), "email": "oa2@mock.assured.test", "first_name": first,
                   "middle_name": Value::Null, "last_name": last, "suffix": Value::Null,
                   "user_type": "oa", "is_active": true}),
        );
        // A pending license verification, and one more whose type and
        // status follow from the id.
        let bits = id.as_u128();
        let other = VERIFICATION_TYPES[usize::try_from(bits % 3).unwrap_or(0)];
        let other_status = if (bits >> 8).is_multiple_of(2) {
            "PENDING"
        } else {
            "COMPLETED"
        };
        record.insert(
            "verification_event_tasks".into(),
            json!([
                {"type": "LICENSE_VERIFICATION", "status": "PENDING"},
                {"type": other, "status": other_status},
            ]),
        );
        Some(record)
    };
    let view = |record: Map<String, Value>| {
        record
            .into_iter()
            .filter(|(key, _)| NEED_ACTION_KEYS.contains(&key.as_str()))
            .collect()
    };
    Ok(paging::paginate_view(ctx, &ids, render, &filters, view))
}

fn monitoring_list(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let state = &*state;
    let owner = filter_provider(ctx, state, "credentialing_request__provider", Who::Any)?;
    let ids = state.ids_of(Kind::MonitoringEvent, owner);
    // Fields of the event's credentialing request and professional id.
    let request_field = move |record: &Map<String, Value>, key: &str| {
        let (_, request) =
            state.get_str(Kind::CredRequest, text(record, "credentialing_request")?)?;
        request.get(key).cloned()
    };
    let professional_id = move |record: &Map<String, Value>| {
        let uuid = Uuid::parse_str(text(record, "professional_id")?).ok()?;
        let (kind, _, _) = state.codec.decode(&uuid)?;
        Some((kind, state.get(kind, &uuid)?))
    };
    let mut filters = Filters::new()
        .datetime_range(ctx, "oa_verified_at", "oa_verified_at")
        .month(ctx, "created_at_month", "created_at")
        .eq(ctx, "acted_by", "acted_by_user")
        .eq(ctx, "admin_acknowledgement", "admin_acknowledgement")
        .eq_by(
            ctx,
            "credentialing_request__credentialing_type",
            move |record| {
                request_field(record, "credentialing_type")
                    .as_ref()
                    .and_then(as_text)
            },
        )
        .eq_by(ctx, "credentialing_request__request_type", move |record| {
            request_field(record, "request_type")
                .as_ref()
                .and_then(as_text)
        })
        .eq_by(ctx, "credentialing_request__status", move |record| {
            request_field(record, "status").as_ref().and_then(as_text)
        })
        .eq_by(
            ctx,
            "professional_id__professional_id_type",
            move |record| {
                professional_id(record)
                    .and_then(|(kind, _)| professional_id_type(kind))
                    .map(ToOwned::to_owned)
            },
        )
        .eq_by(ctx, "professional_id__state", move |record| {
            professional_id(record).and_then(|(_, id)| id.get("state").and_then(as_text))
        });
    if let Some(flag) = ctx
        .q("credentialing_request__verifier_signed_off")
        .and_then(paging::parse_bool)
    {
        filters = filters.with(move |record| {
            request_field(record, "verifier_signed_off").and_then(|value| value.as_bool())
                == Some(flag)
        });
    }
    let filters = filters
        .eq(ctx, "result", "result")
        .eq(ctx, "type", "type")
        .any_of(ctx, "type_in", "type")
        .eq(ctx, "id", "id")
        .eq(ctx, "credentialing_request", "credentialing_request")
        .any_of(ctx, "individual_npis", "provider_details.individual_npi")
        .search(
            ctx,
            &[
                "provider_details.first_name",
                "provider_details.last_name",
                "psv_val",
            ],
        );
    Ok(paginate(
        ctx,
        &ids,
        |id| state.get(Kind::MonitoringEvent, id),
        &filters,
    ))
}

fn credentialing_overview(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let index = path_provider(ctx, &state, Who::Any)?;
    let identity = state.identity(index);
    let last_request = state
        .ids_of(Kind::CredRequest, Some(index))
        .last()
        .and_then(|id| state.get(Kind::CredRequest, id))
        .map(|request| {
            json!({
                "id": request.get("id"), "status": request.get("status"),
                "request_completed_at": request.get("request_completed_at"),
                "state_codes": request.get("state_codes"),
                "oa_completed_at": request.get("oa_completed_at"),
                "packet_events_data": [], "attestation_url": request.get("attestation_url"),
                "approver_name": request.get("approver_name"), "approval_date": request.get("approval_date"),
            })
        });
    let last_packet = state
        .ids_of(Kind::Packet, Some(index))
        .last()
        .and_then(|id| state.get(Kind::Packet, id))
        .map(|packet| {
            json!({
                "id": packet.get("id"), "credentialing_date": packet.get("credentialing_date"),
                "next_credentialing_date": packet.get("recredentialing_date"),
                "states": packet.get("states").and_then(Value::as_str).map(|s| vec![s.to_owned()]),
                "credentialing_status": packet.get("credentialing_status"),
                "packet_status": packet.get("packet_status"), "provider": packet.get("provider"),
                "attestation_url": packet.get("attestation_url"),
            })
        });
    Ok(Reply::ok(json!({
        "id": state.account_id(index).to_string(),
        "email": identity.email,
        "last_credentialing_request": last_request,
        "provider_type": identity.provider_type,
        "last_packet": last_packet,
        "org_joining_date": state.org_joining_date(index),
    })))
}

fn providers_with_states(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let items: Vec<u32> = match uuid_list(ctx, "id_in")? {
        Some(ids) => ids
            .iter()
            .filter_map(|id| state.provider_index_any(id))
            .collect(),
        None => (0..state.provider_count()).collect(),
    };
    let filters = Filters::new().search(ctx, &["first_name", "last_name", "email"]);
    let render = |index: &u32| {
        let identity = state.identity(*index);
        let states: Vec<Value> = state
            .ids_of(Kind::License, Some(*index))
            .iter()
            .filter_map(|id| state.get(Kind::License, id))
            .filter_map(|license| license.get("state").cloned())
            .collect();
        let mut record = Map::new();
        record.insert("id".into(), json!(state.account_id(*index).to_string()));
        record.insert("email".into(), json!(identity.email));
        record.insert("first_name".into(), json!(identity.first_name));
        record.insert("last_name".into(), json!(identity.last_name));
        record.insert("states_selector".into(), Value::Array(states));
        Some(record)
    };
    Ok(paginate(ctx, &items, render, &filters))
}

fn close_requests(ctx: &Ctx<'_>) -> HResult {
    let items = array(ctx)?;
    let mut state = ctx.shared.state();
    let mut errors = Vec::new();
    let mut failed = false;
    let mut found = Vec::new();
    for item in &items {
        let Value::Object(body) = item else {
            errors.push(json!({"non_field_errors": ["Invalid data. Expected a dictionary."]}));
            failed = true;
            continue;
        };
        if let Err(Reply {
            body: ReplyBody::Json(error),
            ..
        }) = require(body, &["id"])
        {
            errors.push(error);
            failed = true;
            continue;
        }
        let status = text(body, "status").unwrap_or("CANCELLED");
        if status != "CANCELLED" {
            errors.push(json!({"status": [format!("\"{status}\" is not a valid choice.")]}));
            failed = true;
            continue;
        }
        let id = body.get("id").and_then(as_text).unwrap_or_default();
        match state.get_str(Kind::CredRequest, &id) {
            Some((uuid, record)) => {
                found.push((uuid, record, body.clone()));
                errors.push(json!({}));
            }
            None => {
                errors
                    .push(json!({"id": [format!("Invalid pk \"{id}\" - object does not exist.")]}));
                failed = true;
            }
        }
    }
    if failed {
        return Err(Reply::json(StatusCode::BAD_REQUEST, Value::Array(errors)));
    }
    let mut closed = Vec::new();
    for (uuid, mut record, body) in found {
        record.insert("status".into(), json!("CANCELLED"));
        record.insert("updated_at".into(), json!(now_rfc3339()));
        for key in ["approval_date", "approver_name", "request_closed_by"] {
            if let Some(value) = body.get(key) {
                record.insert(key.into(), value.clone());
            }
        }
        if let Some(reason) = body.get("reason") {
            record.insert("reason_for_termination".into(), reason.clone());
        }
        closed.push(json!({"id": uuid.to_string(), "status": "CANCELLED"}));
        state.put(Kind::CredRequest, uuid, record);
    }
    Ok(Reply::ok(
        json!({"message": "Requests closed successfully.", "results": closed}),
    ))
}

fn credentialing_download(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    require(&body, &["credentialing_request_ids"])?;
    let state = ctx.shared.state();
    let ids: Vec<String> = body
        .get("credentialing_request_ids")
        .and_then(Value::as_array)
        .ok_or_else(|| Reply::field("credentialing_request_ids", "Expected a list of items."))?
        .iter()
        .filter_map(as_text)
        .collect();
    for id in &ids {
        if state.get_str(Kind::CredRequest, id).is_none() {
            return Err(invalid_pk("credentialing_request_ids", id));
        }
    }
    Ok(Reply::ok(json!({"credentialing_request_ids": ids})))
}

fn approval_letter(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let (uuid, request) = path_record(ctx, &state, Kind::CredRequest)?;
    let email = request
        .get("provider_details")
        .and_then(|details| details.get("email"))
        .cloned()
        .unwrap_or(Value::Null);
    let sent = state
        .collection(Kind::CredRequest)
        .and_then(|collection| collection.written.get(&uuid))
        .and_then(|record| record.get("_approval_letter").cloned());
    let name = request
        .get("provider_details")
        .and_then(|details| details.get("first_name"))
        .and_then(Value::as_str)
        .unwrap_or("Provider")
        .to_owned();
    Ok(Reply::ok(json!({
        "cc_emails": [],
        "recipient_email": email,
        "last_sent_date": sent.as_ref().and_then(|s| s.get("date").cloned()),
        "last_sent_status": sent.as_ref().map(|_| "SENT"),
        "last_sent_id": sent.as_ref().and_then(|s| s.get("id").cloned()),
        "html_preview": format!("<p>Dear {name}, your credentialing has been approved.</p>"),
        "markdown_preview": format!("Dear {name}, your credentialing has been approved."),
    })))
}

fn send_approval_letter(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    require(&body, &["client", "provider", "request"])?;
    let mut state = ctx.shared.state();
    let request = text(&body, "request").unwrap_or_default().to_owned();
    let Some((uuid, mut record)) = state.get_str(Kind::CredRequest, &request) else {
        return Err(invalid_pk("request", &request));
    };
    let provider = text(&body, "provider").unwrap_or_default().to_owned();
    if resolve(&state, Who::Any, &provider).is_none() {
        return Err(invalid_pk("provider", &provider));
    }
    let id = state.new_id(Kind::Document).to_string();
    record.insert(
        "_approval_letter".into(),
        json!({"date": now_rfc3339(), "id": id}),
    );
    state.put(Kind::CredRequest, uuid, record);
    Ok(Reply::ok(
        json!({"message": "Approval letter sent successfully.", "id": id}),
    ))
}

// ----- tasks -----

fn expirables_list(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let ids = state.ids_of(Kind::Expirable, None);
    let filters = Filters::new()
        .datetime_range(ctx, "created_at", "created_at")
        .datetime_range(ctx, "due_on", "due_on")
        .datetime_range(ctx, "updated_at", "updated_at")
        .boolean(ctx, "archived", "archived")
        .eq(ctx, "assignee", "assignee")
        .any_of(ctx, "client_ids", "client_details.id")
        .search(ctx, &["name", "description", "assignee_name"]);
    Ok(paginate(
        ctx,
        &ids,
        |id| state.get(Kind::Expirable, id),
        &filters,
    ))
}

fn expirable_patch(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    let mut state = ctx.shared.state();
    let (uuid, mut record) = path_record(ctx, &state, Kind::Expirable)?;
    if let Some(archived) = body.get("archived") {
        if !archived.is_boolean() {
            return Err(Reply::field("archived", "Must be a valid boolean."));
        }
        record.insert("archived".into(), archived.clone());
    }
    record.insert("updated_at".into(), json!(now_rfc3339()));
    state.put(Kind::Expirable, uuid, record.clone());
    Ok(Reply::ok(Value::Object(record)))
}

fn task_create(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    require(&body, &["name"])?;
    let mut state = ctx.shared.state();
    if let Some(status) = text(&body, "status")
        && !["PENDING", "IN_PROGRESS", "COMPLETED", "CANCELLED"].contains(&status)
    {
        return Err(Reply::field(
            "status",
            &format!("\"{status}\" is not a valid choice."),
        ));
    }
    let owner = text(&body, "assignee").and_then(|assignee| state.account_index(assignee));
    let mut record = overlay(template(&state, Kind::Task), &body);
    let now = now_rfc3339();
    if record.get("status").is_none_or(Value::is_null) {
        record.insert("status".into(), json!("PENDING"));
    }
    record.insert("created_at".into(), json!(now));
    record.insert("updated_at".into(), json!(now));
    record.insert("created_by".into(), json!(ctx.shared.user_id));
    record.insert("created_by_name".into(), json!("Mock Admin"));
    record.insert("archived".into(), json!(false));
    record.insert("task_timelines".into(), json!([]));
    record.insert(
        "client".into(),
        json!(state.global_id(Kind::Client, 0).to_string()),
    );
    record.insert("client_details".into(), state.client_details(0));
    record.insert("client_name".into(), json!(data::client_name(0)));
    record.insert("creation_source".into(), json!("API"));
    if let Some(owner) = owner {
        record.insert(
            "assignee_name".into(),
            json!(state.identity(owner).full_name()),
        );
        record.insert("assignee_user_type".into(), json!("provider"));
    }
    let record = state.insert(Kind::Task, owner, record);
    Ok(Reply::created(Value::Object(record)))
}

fn tasks_list(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let ids = state.ids_of(Kind::Task, None);
    let mut filters = Filters::new()
        .eq(ctx, "assignee", "assignee")
        .any_of(ctx, "assignee_in", "assignee")
        .eq(ctx, "assignee_user_type", "assignee_user_type")
        .eq(ctx, "status", "status")
        .any_of(ctx, "status_in", "status")
        .eq(ctx, "task_type", "task_type")
        .any_of(ctx, "task_type_in", "task_type")
        .eq(ctx, "client", "client")
        .any_of(ctx, "client_in", "client")
        .eq(ctx, "facility", "facility")
        .any_of(ctx, "facility_in", "facility")
        .eq(ctx, "created_by", "created_by")
        .any_of(ctx, "created_by_in", "created_by")
        .eq(ctx, "current_owner", "current_owner")
        .datetime_range(ctx, "created_at", "created_at")
        .datetime_range(ctx, "due_on", "due_on")
        .datetime_range(ctx, "updated_at", "updated_at")
        .datetime_range(
            ctx,
            "latest_task_timeline_updated_at",
            "latest_task_timeline_updated_at",
        )
        .eq(
            ctx,
            "latest_task_timeline_updated_by",
            "latest_task_timeline_updated_by",
        )
        .any_of(
            ctx,
            "latest_task_timeline_updated_by_in",
            "latest_task_timeline_updated_by",
        )
        // A task about an enrollment request targets it.
        .eq_by(ctx, "enrollment_request", |record| {
            (text(record, "target_model_name") == Some(data::ENROLLMENT_REQUEST_MODEL))
                .then(|| text(record, "target_instance_id").map(ToOwned::to_owned))
                .flatten()
        })
        .search(ctx, &["name", "description", "assignee_name"]);
    if let Some(flag) = ctx.q("is_facility_task").and_then(paging::parse_bool) {
        filters = filters.with(move |record| {
            record.get("facility").is_some_and(|value| !value.is_null()) == flag
        });
    }
    Ok(paginate(
        ctx,
        &ids,
        |id| state.get(Kind::Task, id),
        &filters,
    ))
}

fn task_timeline(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let (uuid, _) = path_record(ctx, &state, Kind::Task)?;
    let ids: Vec<Uuid> = match state.codec.decode(&uuid) {
        Some((_, owner, index)) if owner < crate::seed::CREATED => (0..data::TIMELINE_PER_PARENT)
            .map(|n| {
                state
                    .codec
                    .encode(Kind::Timeline, owner, index * data::TIMELINE_PER_PARENT + n)
            })
            .collect(),
        _ => Vec::new(),
    };
    if ctx.q("limit").is_some() || ctx.q("offset").is_some() {
        return Ok(paginate(
            ctx,
            &ids,
            |id| state.get(Kind::Timeline, id),
            &Filters::new(),
        ));
    }
    // Without paging parameters production answers a bare array (quirk 15).
    let entries: Vec<Value> = ids
        .iter()
        .filter_map(|id| state.get(Kind::Timeline, id))
        .map(Value::Object)
        .collect();
    Ok(Reply::ok(Value::Array(entries)))
}

// ----- practice locations -----

fn location_links_list(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let state = &*state;
    let owner = filter_provider(ctx, state, "provider", Who::Any)?;
    let ids = state.ids_of(Kind::PlProvider, owner);
    // Fields of the linked practice location.
    let location = move |record: &Map<String, Value>| {
        state
            .get_str(Kind::PracticeLocation, text(record, "practice_location")?)
            .map(|(_, location)| location)
    };
    let tax_entity =
        move |record: &Map<String, Value>| location(record)?.get("tax_entity").and_then(as_text);
    let incorporation = move |record: &Map<String, Value>| {
        incorporation_state(state, location(record)?.get("tax_entity"))
    };
    let mut filters = Filters::new()
        .eq(ctx, "practice_location", "practice_location")
        .eq(ctx, "practice_location__mailing_state", "state")
        .any_of(ctx, "practice_location__mailing_state_in", "state")
        .eq_by(ctx, "practice_location__tax_entity", tax_entity)
        .any_of_by(ctx, "practice_location__tax_entity_in", tax_entity)
        .eq_by(
            ctx,
            "practice_location__tax_entity__incorporation_state",
            incorporation,
        )
        .any_of_by(
            ctx,
            "practice_location__tax_entity__incorporation_state_in",
            incorporation,
        )
        .search(ctx, &["provider_name", "practice_location_name", "npi"]);
    if let Some(archived) = ctx
        .q("practice_location__is_archived")
        .and_then(paging::parse_bool)
    {
        filters = filters.with(move |record| {
            location(record).is_some_and(|location| {
                location
                    .get("archived_at")
                    .is_some_and(|value| !value.is_null())
                    == archived
            })
        });
    }
    Ok(paginate(
        ctx,
        &ids,
        |id| state.get(Kind::PlProvider, id),
        &filters,
    ))
}

fn location_link_delete(ctx: &Ctx<'_>) -> HResult {
    let mut state = ctx.shared.state();
    let (uuid, _) = path_record(ctx, &state, Kind::PlProvider)?;
    state.delete(Kind::PlProvider, uuid);
    Ok(Reply::empty(StatusCode::NO_CONTENT))
}

fn location_links_bulk(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    require(&body, &["provider", "practice_locations"])?;
    let mut state = ctx.shared.state();
    let provider = body_provider(&state, &body, "provider", Who::Any)?;
    let locations: Vec<String> = body
        .get("practice_locations")
        .and_then(Value::as_array)
        .ok_or_else(|| Reply::field("practice_locations", "Expected a list of items."))?
        .iter()
        .filter_map(as_text)
        .collect();
    for location in &locations {
        if state.get_str(Kind::PracticeLocation, location).is_none() {
            return Err(invalid_pk("practice_locations", location));
        }
    }
    let existing: Vec<String> = state
        .ids_of(Kind::PlProvider, Some(provider))
        .iter()
        .filter_map(|id| link_of(&state, id))
        .map(|(_, location)| location)
        .collect();
    let (mut created, mut skipped) = (0, 0);
    for location in locations {
        if existing.contains(&location.to_lowercase()) {
            skipped += 1;
        } else if link_location(&mut state, provider, &location, false).is_some() {
            created += 1;
        }
    }
    Ok(Reply::created(json!({
        "message": "Practice locations added.",
        "created_count": created,
        "skipped_count": skipped,
    })))
}

fn mark_primary(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    let mut state = ctx.shared.state();
    let (uuid, mut record) = path_record(ctx, &state, Kind::PlProvider)?;
    let primary = match body.get("is_primary_location") {
        None => true,
        Some(Value::Bool(flag)) => *flag,
        Some(_) => {
            return Err(Reply::field(
                "is_primary_location",
                "Must be a valid boolean.",
            ));
        }
    };
    if primary && let Some(provider) = state.owner_of(Kind::PlProvider, &uuid) {
        for other in state.ids_of(Kind::PlProvider, Some(provider)) {
            if other != uuid
                && let Some(mut link) = state.get(Kind::PlProvider, &other)
                && link.get("is_primary_location") == Some(&Value::Bool(true))
            {
                link.insert("is_primary_location".into(), json!(false));
                state.put(Kind::PlProvider, other, link);
            }
        }
    }
    record.insert("is_primary_location".into(), json!(primary));
    state.put(Kind::PlProvider, uuid, record.clone());
    Ok(Reply::ok(Value::Object(record)))
}

// ----- payer enrollment -----

fn enrollment_create(ctx: &Ctx<'_>, group: bool) -> HResult {
    let body = object(ctx)?;
    let required: &[&str] = if group {
        &[
            "tax_entity",
            "state",
            "health_plan",
            "lobs",
            "enroll_providers",
            "group_providers",
            "primary_practice_location",
        ]
    } else {
        &[
            "tax_entity",
            "state",
            "health_plan",
            "lobs",
            "provider",
            "primary_practice_location",
            "request_type",
        ]
    };
    require(&body, required)?;
    let mut state = ctx.shared.state();
    let owner = if group {
        None
    } else {
        Some(body_provider(&state, &body, "provider", Who::Any)?)
    };
    for (key, kind) in [
        ("tax_entity", Kind::TaxEntity),
        ("health_plan", Kind::HealthPlan),
        ("primary_practice_location", Kind::PracticeLocation),
    ] {
        let value = body.get(key).and_then(as_text).unwrap_or_default();
        if state.get_str(kind, &value).is_none() {
            return Err(invalid_pk(key, &value));
        }
    }
    let mut record = match owner {
        Some(owner) => state.generate(Kind::EnrollmentRequest, owner, 0),
        None => template(&state, Kind::EnrollmentRequest),
    };
    let now = now_rfc3339();
    record = overlay(record, &body);
    record.insert("status".into(), json!("NEW"));
    record.insert(
        "enrollment_type".into(),
        json!(if group { "GROUP" } else { "PROVIDER" }),
    );
    record.insert("created_at".into(), json!(now));
    record.insert("updated_at".into(), json!(now));
    let plan = text(&body, "health_plan").unwrap_or_default().to_owned();
    if let Some(index) = state.global_index(Kind::HealthPlan, &plan) {
        record.insert("health_plan_name".into(), json!(data::plan_name(index)));
        record.insert("health_plan_id".into(), json!(plan));
    }
    let record = state.insert(Kind::EnrollmentRequest, owner, record);
    let mut reply = body.clone();
    reply.insert("id".into(), record["id"].clone());
    Ok(Reply::created(Value::Object(reply)))
}

fn enrollment_list(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let ids = state.ids_of(Kind::EnrollmentRequest, None);
    let filters = Filters::new()
        .eq(ctx, "status", "status")
        .any_of(ctx, "status_in", "status")
        .eq(ctx, "enrollment_type", "enrollment_type")
        .any_of(ctx, "enrollment_type_in", "enrollment_type")
        .eq(ctx, "client", "client")
        .any_of(ctx, "client_ids", "client")
        .any_of(ctx, "provider_ids", "provider")
        .eq(ctx, "health_plan", "health_plan")
        .any_of(ctx, "health_plan_ids", "health_plan")
        .eq(ctx, "tax_entity", "tax_entity")
        .any_of(ctx, "tax_entity_ids", "tax_entity")
        .eq(ctx, "request_type", "request_type")
        .eq(ctx, "state", "state")
        .any_of(ctx, "state_in", "state")
        .search(
            ctx,
            &["provider_full_name", "health_plan_name", "request_id"],
        );
    Ok(paginate(
        ctx,
        &ids,
        |id| state.get(Kind::EnrollmentRequest, id),
        &filters,
    ))
}

fn enrollment_status(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    let mut state = ctx.shared.state();
    let (uuid, mut record) = path_record(ctx, &state, Kind::EnrollmentRequest)?;
    if text(&body, "status_reason") == Some("OTHER")
        && text(&body, "note").is_none_or(|note| note.trim().is_empty())
    {
        return Err(Reply::field(
            "note",
            "A note is required when the status reason is OTHER.",
        ));
    }
    for key in ["status", "status_reason"] {
        if let Some(value) = body.get(key) {
            record.insert(key.into(), value.clone());
        }
    }
    record.insert("updated_at".into(), json!(now_rfc3339()));
    let status = record.get("status").cloned().unwrap_or(Value::Null);
    state.put(Kind::EnrollmentRequest, uuid, record);
    Ok(Reply::ok(
        json!({"status": status, "proof_of_documents": []}),
    ))
}

fn enrollment_timeline(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let ids = match ctx.q("enrollment_request") {
        Some(request) => match state.get_str(Kind::EnrollmentRequest, request) {
            Some((uuid, _)) => match state.codec.decode(&uuid) {
                Some((_, owner, index)) if owner < crate::seed::CREATED => (0
                    ..data::TIMELINE_PER_PARENT)
                    .map(|n| {
                        state.codec.encode(
                            Kind::EnrollmentTimeline,
                            owner,
                            index * data::TIMELINE_PER_PARENT + n,
                        )
                    })
                    .collect(),
                _ => Vec::new(),
            },
            None => {
                return Err(Reply::json(
                    StatusCode::BAD_REQUEST,
                    json!({"enrollment_request": ["Select a valid choice. That choice is not one of the available choices."]}),
                ));
            }
        },
        None => state.ids_of(Kind::EnrollmentTimeline, None),
    };
    let filters = Filters::new()
        .eq(ctx, "change_type", "change_type")
        .on_date(ctx, "created_at", "created_at")
        .eq(ctx, "status", "status")
        .eq(ctx, "assignee", "assignee")
        .eq(ctx, "updated_by", "updated_by")
        .search(ctx, &["note", "change_description", "updated_by_full_name"]);
    Ok(paginate(
        ctx,
        &ids,
        |id| state.get(Kind::EnrollmentTimeline, id),
        &filters,
    ))
}

fn active_enrollment_list(ctx: &Ctx<'_>) -> HResult {
    let state = ctx.shared.state();
    let owner = filter_provider(ctx, &state, "provider", Who::Any)?;
    let ids = state.ids_of(Kind::ActiveEnrollment, owner);
    let filters = Filters::new()
        .any_of(
            ctx,
            "additional_practice_location_in",
            "other_practice_locations",
        )
        .any_of(ctx, "client_in", "client")
        .date_range(ctx, "effective_date", "effective_date")
        .date_range(ctx, "re_validation_date", "re_validation_date")
        // The record's own sub-status stands for its enrollment request's.
        .eq(
            ctx,
            "enrollment_request__current_contracting_sub_status",
            "current_contracting_sub_status",
        )
        .eq(ctx, "existing_enrollment_type", "existing_enrollment_type")
        .eq(ctx, "health_plan", "health_plan")
        .any_of(ctx, "health_plan_ids", "health_plan")
        .any_of(ctx, "provider_ids", "provider")
        .eq(ctx, "state", "state")
        .any_of(ctx, "state_in", "state")
        .eq(ctx, "tax_entity", "tax_entity")
        .any_of(ctx, "tax_entity_ids", "tax_entity")
        .search(
            ctx,
            &["provider_full_name", "health_plan_name", "tax_entity_name"],
        );
    Ok(paginate(
        ctx,
        &ids,
        |id| state.get(Kind::ActiveEnrollment, id),
        &filters,
    ))
}

fn existing_enrollment(ctx: &Ctx<'_>, kind: Kind) -> HResult {
    let body = object(ctx)?;
    let provider_enrollment = kind == Kind::ExistingProviderEnrollment;
    if provider_enrollment {
        require(
            &body,
            &[
                "provider",
                "tax_entity",
                "state",
                "health_plan",
                "primary_practice_location",
                "par_status",
            ],
        )?;
    } else {
        require(
            &body,
            &[
                "tax_entity",
                "state",
                "health_plan",
                "primary_practice_location",
                "par_status",
                "client",
            ],
        )?;
    }
    let mut state = ctx.shared.state();
    let owner = if provider_enrollment {
        Some(body_provider(&state, &body, "provider", Who::Any)?)
    } else {
        None
    };
    let mut record = Map::new();
    for (key, value) in &body {
        if key != "id" {
            record.insert(key.clone(), value.clone());
        }
    }
    record.insert("created_at".into(), json!(now_rfc3339()));
    let record = state.insert(kind, owner, record);
    Ok(Reply::created(Value::Object(record)))
}

fn bulk_oa_assignment(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    require(&body, &["oas_to_assign", "request_phase"])?;
    let list = |key: &str| -> Vec<String> {
        body.get(key)
            .and_then(Value::as_array)
            .map(|items| items.iter().filter_map(as_text).collect())
            .unwrap_or_default()
    };
    let oas = list("oas_to_assign");
    let phases = list("request_phase");
    if oas.is_empty() {
        return Err(Reply::field("oas_to_assign", "This list may not be empty."));
    }
    for phase in &phases {
        if phase != "SUBMISSION_PHASE" && phase != "FOLLOWUP_PHASE" {
            return Err(Reply::field(
                "request_phase",
                &format!("\"{phase}\" is not a valid choice."),
            ));
        }
    }
    let mut state = ctx.shared.state();
    for oa in &oas {
        if state.global_index(Kind::Staff, oa).is_none() {
            return Err(invalid_pk("oas_to_assign", oa));
        }
    }
    let wanted_ids = list("enrollment_request_ids");
    let plans = list("health_plan_ids");
    let states = list("states");
    let candidates: Vec<Uuid> = if wanted_ids.is_empty() {
        state.ids_of(Kind::EnrollmentRequest, None)
    } else {
        wanted_ids
            .iter()
            .filter_map(|id| {
                state
                    .get_str(Kind::EnrollmentRequest, id)
                    .map(|(uuid, _)| uuid)
            })
            .collect()
    };
    let mut assigned: Vec<(String, Vec<String>)> =
        oas.iter().map(|oa| (oa.clone(), Vec::new())).collect();
    let mut n = 0;
    for uuid in candidates {
        let Some(mut record) = state.get(Kind::EnrollmentRequest, &uuid) else {
            continue;
        };
        let plan_ok = plans.is_empty()
            || record
                .get("health_plan")
                .and_then(as_text)
                .is_some_and(|p| plans.contains(&p));
        let state_ok = states.is_empty()
            || record
                .get("state")
                .and_then(as_text)
                .is_some_and(|s| states.contains(&s));
        if !(plan_ok && state_ok) {
            continue;
        }
        let slot = n % assigned.len();
        n += 1;
        let oa = assigned[slot].0.clone();
        for phase in &phases {
            let key = if phase == "SUBMISSION_PHASE" {
                "submission_oa"
            } else {
                "followup_oa"
            };
            record.insert(key.into(), json!(oa));
        }
        assigned[slot].1.push(uuid.to_string());
        state.put(Kind::EnrollmentRequest, uuid, record);
    }
    Ok(Reply::ok(json!({
        "message": format!("Assigned {n} enrollment requests."),
        "assigned_oas_data": assigned
            .into_iter()
            .map(|(oa, ids)| json!({"oa": oa, "enrollment_request_ids": ids}))
            .collect::<Vec<_>>(),
    })))
}

fn selectable_oa_users(ctx: &Ctx<'_>) -> HResult {
    let Some(request) = ctx.q("enrollment_request") else {
        return Err(Reply::field(
            "enrollment_request",
            "This field is required.",
        ));
    };
    let state = ctx.shared.state();
    if state.get_str(Kind::EnrollmentRequest, request).is_none() {
        return Err(Reply::field(
            "enrollment_request",
            "Select a valid choice. That choice is not one of the available choices.",
        ));
    }
    let items: Vec<u32> = (1..data::STAFF).collect();
    let filters = Filters::new().search(ctx, &["oa_full_name"]);
    let render = |index: &u32| {
        let (first, last) = State::staff_name(*index);
        let mut record = Map::new();
        record.insert(
            "id".into(),
            json!(state.global_id(Kind::Staff, *index).to_string()),
        );
        record.insert("oa_full_name".into(), json!(format!("{first} {last}")));
        Some(record)
    };
    Ok(paginate(ctx, &items, render, &filters))
}

// ----- account -----

fn change_password(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    require(&body, &["old_password", "new_password"])?;
    let mut state = ctx.shared.state();
    if text(&body, "old_password") != Some(state.password()) {
        return Err(Reply::field("old_password", "Wrong password."));
    }
    let new = text(&body, "new_password").unwrap_or_default();
    if new.len() < 8 {
        return Err(Reply::field(
            "new_password",
            "This password is too short. It must contain at least 8 characters.",
        ));
    }
    if let Some(confirm) = text(&body, "confirm_new_password")
        && confirm != new
    {
        return Err(Reply::field(
            "confirm_new_password",
            "Passwords do not match.",
        ));
    }
    new.clone_into(&mut state.password);
    Ok(Reply::ok(
        json!({"message": "Password updated successfully"}),
    ))
}

// ----- files -----

/// The format a file name and its bytes agree on, if supported.
pub(crate) fn detect_format(name: &str, bytes: &[u8]) -> Option<&'static str> {
    let extension = name.rsplit_once('.').map(|(_, ext)| ext.to_lowercase())?;
    let by_magic = if bytes.starts_with(b"%PDF-") {
        "application/pdf"
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        "image/png"
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        "image/jpeg"
    } else {
        return None;
    };
    let by_extension = match extension.as_str() {
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        _ => return None,
    };
    (by_magic == by_extension).then_some(by_magic)
}

fn upload(ctx: &Ctx<'_>) -> HResult {
    let parts = match &ctx.multipart {
        Some(Ok(parts)) => parts,
        Some(Err(error)) => {
            return Err(Reply::detail(
                StatusCode::BAD_REQUEST,
                &format!("Multipart form parse error - {error}"),
            ));
        }
        None => {
            return Err(Reply::detail(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "Unsupported media type.",
            ));
        }
    };
    let name = parts
        .iter()
        .find(|part| part.name == "name" && part.file_name.is_none())
        .map(|part| String::from_utf8_lossy(&part.bytes).trim().to_owned());
    let Some(file) = parts.iter().find(|part| part.name == "file") else {
        return Err(Reply::field("file", "No file was submitted."));
    };
    let Some(name) = name.filter(|name| !name.is_empty()) else {
        return Err(Reply::field("name", "This field is required."));
    };
    if file.bytes.is_empty() {
        return Err(Reply::field("file", "The submitted file is empty."));
    }
    let check_name = file
        .file_name
        .as_deref()
        .filter(|file_name| file_name.contains('.'))
        .unwrap_or(&name);
    let content_type = detect_format(&name, &file.bytes)
        .filter(|format| detect_format(check_name, &file.bytes) == Some(*format))
        .ok_or_else(|| {
            Reply::field(
                "file",
                "Unsupported file type. Allowed types: pdf, png, jpg, jpeg (checked by extension and content).",
            )
        })?;
    let mut state = ctx.shared.state();
    let id = state.new_id(Kind::File).to_string();
    let key = format!("provider-documents/{id}/{name}");
    let s3 = format!("s3://{BUCKET}/{key}");
    let https = format!("https://{BUCKET}.s3.amazonaws.com/{key}");
    state.files.insert(
        s3.clone(),
        StoredFile {
            name: name.clone(),
            original_filename: file.file_name.clone(),
            content_type: content_type.to_owned(),
            bytes: file.bytes.clone(),
        },
    );
    Ok(Reply::created(json!({
        "id": id,
        "file": https,
        "file_url": s3,
        "name": name,
        "created_at": now_rfc3339(),
        "storage_metadata": {
            "storage_backend": "s3",
            "storage_backend_class": "storages.backends.s3boto3.S3Boto3Storage",
            "bucket_name": BUCKET,
            "region": "us-east-1",
            "endpoint_url": Value::Null,
            "custom_domain": Value::Null,
            "use_s3_for_media": true,
            "acl": "private",
            "signature_version": "s3v4",
            "file_overwrite": false,
            "querystring_auth": true,
            "object_parameters": {},
            "original_filename": file.file_name,
            "content_type": content_type,
            "file_size_bytes": file.bytes.len(),
            "upload_path": key,
            "uploaded_by_user_id": ctx.shared.user_id,
            "s3_object_url": https,
            "s3_uri": s3,
            "django_env": "mock",
            "debug_mode": false,
            "uploaded_file_url": https,
            "uploaded_file_uri": s3,
        },
        "uploaded_file_uri": s3,
    })))
}

fn presign_url(ctx: &Ctx<'_>, state: &mut State, s3_url: &str) -> String {
    state.counter += 1;
    let token = format!(
        "{:016x}{:016x}",
        crate::seed::hash(&[state.seed, state.counter, now_secs()]),
        crate::seed::hash(&[state.counter, 0x9E5])
    );
    let expires = now_secs() + PRESIGN_SECS;
    state
        .presigned
        .insert(token.clone(), (s3_url.to_owned(), expires));
    format!(
        "{}{PRESIGNED_PREFIX}{token}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires={PRESIGN_SECS}&X-Amz-Signature={token}",
        ctx.shared.base_url
    )
}

fn presign(ctx: &Ctx<'_>) -> HResult {
    let body = object(ctx)?;
    require(&body, &["s3_url"])?;
    let url = text(&body, "s3_url").unwrap_or_default().trim().to_owned();
    if !url.starts_with("s3://") {
        return Err(Reply::field("s3_url", "Enter an s3:// URI."));
    }
    let mut state = ctx.shared.state();
    let seeded = url.starts_with(&format!("s3://{BUCKET}/seed/"));
    if !seeded && !state.files.contains_key(&url) {
        return Err(Reply::detail(StatusCode::NOT_FOUND, "File not found."));
    }
    let presigned = presign_url(ctx, &mut state, &url);
    Ok(Reply::ok(json!({"presigned_url": presigned})))
}

/// A minimal valid PDF, served for seeded documents.
const SEED_PDF: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

/// Serves the bytes behind a presigned URL (no credentials: the URL is the
/// credential, as with S3).
pub(crate) fn presigned_download(
    shared: &crate::server::Shared,
    token: &str,
    _query: Option<&str>,
) -> Reply {
    let state = shared.state();
    let denied = |message: &str| {
        Reply {
            status: StatusCode::FORBIDDEN,
            body: ReplyBody::Bytes {
                content_type: "application/xml".to_owned(),
                bytes: format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code><Message>{message}</Message></Error>").into_bytes(),
            },
            headers: Vec::new(),
        }
    };
    let Some((url, expires)) = state.presigned.get(token) else {
        return denied("Access Denied");
    };
    if now_secs() > *expires {
        return denied("Request has expired");
    }
    let (content_type, bytes) = match state.files.get(url) {
        Some(file) => (file.content_type.clone(), file.bytes.clone()),
        None => ("application/pdf".to_owned(), SEED_PDF.to_vec()),
    };
    Reply {
        status: StatusCode::OK,
        body: ReplyBody::Bytes {
            content_type,
            bytes,
        },
        headers: Vec::new(),
    }
}
