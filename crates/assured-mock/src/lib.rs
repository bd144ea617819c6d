//! A faithful local Assured Platform API server, as a library and a binary.
//!
//! `assured-mock` serves every endpoint of the
//! [`assured_models::catalog`] over HTTP/1.1 on 127.0.0.1, with in-memory,
//! seeded, deterministic data, and reproduces the production quirks that
//! the SDK exists to absorb. It is the other side of every integration test
//! and demo, and it depends on `assured-models` only (never on the SDK's
//! transport, helpers or crypto), so it cannot share a client bug.
//!
//! # Library
//!
//! ```no_run
//! use assured_mock::{Faults, MockConfig, MockServer};
//! use assured_models::catalog::{Endpoint, ListProviders};
//!
//! # async fn demo() -> std::io::Result<()> {
//! let mock = MockServer::start(MockConfig::default().with_providers(1_000)).await?;
//! let client = reqwest::Client::new();
//! let page: serde_json::Value = client
//!     .get(format!("{}{}?limit=100", mock.base_url(), ListProviders::DESCRIPTOR.path))
//!     .header("x-api-key", mock.api_key())
//!     .send()
//!     .await
//!     .unwrap()
//!     .json()
//!     .await
//!     .unwrap();
//! assert_eq!(page["count"], 1_000);
//!
//! // Introspection: counters, recorded bodies, the state itself.
//! assert_eq!(mock.count("PV1"), 1);
//! let profile = page["results"][0]["provider_profile_id"].as_str().unwrap().to_owned();
//! let ssn = mock.with_state(|state| state.ssn(&profile));
//! assert!(ssn.is_some());
//!
//! // Faults can be switched at run time.
//! mock.set_faults(Faults { rate_limit_every: Some(3), ..Faults::default() });
//! mock.shutdown().await;
//! # Ok(())
//! # }
//! ```
//!
//! [`MockServer::start`] binds an ephemeral port (or [`MockConfig::port`])
//! and works inside `#[tokio::test]`. The handle gives the
//! [base URL](MockServer::base_url), the [API key](MockServer::api_key), the
//! login [e-mail](MockServer::user_email) and
//! [password](MockServer::user_password); [`MockServer::stats`] (requests
//! per endpoint key, per credentials carried ([`AuthSeen`]), per status,
//! faults injected, the last request per endpoint, the query parameters
//! each endpoint's handler read, and any reply that did not deserialize
//! into the catalog's response type);
//! [`MockServer::with_state`] reads or changes the [`State`] (personal-info
//! records, plaintext SSNs, uploaded bytes, the password, strict mode, token
//! revocation); [`MockServer::issue_jwt`] mints a token directly (an expired
//! one with `Duration::ZERO`); [`MockServer::shutdown`] stops it.
//!
//! # Request journal
//!
//! [`MockServer::requests`] returns every request received, in order, as
//! [`ReceivedRequest`]s: the endpoint key, method, path, raw query, every
//! header and the body, so tests can assert exact payloads rather than
//! counts. Secrets are redacted ([`REDACTED`]): the `x-api-key`,
//! `Authorization` and `Cookie` values, every password field of a JSON
//! body (the login's `password`, change-password's, CAQH's) and any
//! plaintext `ssn`; the encrypted-SSN PATCH's token is kept, it is no
//! plaintext. The journal is bounded ([`MockConfig::journal_capacity`],
//! default [`DEFAULT_JOURNAL_CAPACITY`], oldest dropped first, so 100 000
//! request tests stay small); [`MockServer::requests_to`] filters one
//! endpoint, [`MockServer::clear_requests`] empties it.
//!
//! ```no_run
//! use assured_mock::{MockConfig, MockServer, REDACTED};
//! use assured_models::catalog::{Endpoint, Login};
//!
//! # async fn demo() -> std::io::Result<()> {
//! let mock = MockServer::start(MockConfig::default()).await?;
//! // ... the code under test logs in ...
//! let login = &mock.requests_to(Login::DESCRIPTOR.key)[0];
//! assert_eq!(login.header("x-api-key"), Some(REDACTED));
//! let body = login.json().unwrap();
//! assert_eq!(body["email"], mock.user_email());
//! assert_eq!(body["password"], REDACTED);
//! # Ok(())
//! # }
//! ```
//!
//! # Behaviour
//!
//! **Routing.** No path is written in this crate: each route is
//! registered for a catalog endpoint type (`route::<ListProviders>(...)`),
//! and a request is looked up by method and path in a table built once
//! from the catalog's templates. Unknown paths get Django's HTML 404; a
//! known path with another method gets 405 (except PATCH on the
//! plaintext-SSN path: 400 "SSN is not updatable via this endpoint.", a
//! property of that route). Dead descriptors (the documented `users-list`
//! and `provider-employments` paths) answer Django's HTML 500 page, while
//! their replacements (`external-users-list`, `provider-employment-v1`)
//! work. The only route outside the catalog is the mock's own
//! presigned-download URL. Routing, statistics and the journal, faults and
//! authentication are middleware layers around the routes, in that order.
//!
//! **Authentication** follows each descriptor: `x-api-key` for API-key
//! endpoints; `Authorization: Bearer` plus the key for JWT endpoints
//! (files, presign, provider documents); the Bearer alone for the JWT-only
//! SSN endpoints (the key alone is refused). Login (`US5`) returns a
//! JWT-shaped token (`header.claims.signature`, base64url, with `exp`,
//! `iat`, `token_type`, `user_id`) at `data.jwt.access`; its lifetime is
//! [`MockConfig::jwt_lifetime`] (changeable with
//! [`MockServer::set_jwt_lifetime`]). Expired, forged, refresh or revoked
//! tokens get 401 with simplejwt's `token_not_valid` body.
//!
//! **Request bodies** (JSON ones) are checked against the reference,
//! as data, not against the SDK's types (so a wrong field name in the
//! models cannot be accepted by both sides): each route names its body's
//! model in `spec/models.json` (field names and types) and the fields
//! `spec/ENDPOINTS.md` marks required. As DRF does, unknown keys are
//! ignored (and not stored), a missing required field is 400 `{"field":
//! ["This field is required."]}`, `null` where the reference does not
//! allow it is "This field may not be null.", and a wrong type gets the
//! DRF field's message (values DRF coerces, e.g. `"true"` for a boolean,
//! pass, and are handled and stored in their field's type, as DRF's
//! validated data is); array bodies are checked item by item. The upload's multipart
//! form is checked by its handler; a body sent to an endpoint that takes
//! none is ignored. **Replies** are checked against the catalog's
//! `Response` type; mismatches are listed in
//! [`Stats::response_type_errors`].
//!
//! **Lists** page with `limit`/`offset` (default page size 10, `limit`
//! clamped to 1000; invalid values fall back as in DRF) and answer
//! `{count, next, previous, results}` with absolute links built from the
//! server's own base URL, keeping the other query parameters (sorted, as
//! Django re-encodes them); `previous` drops `offset` for the first page.
//! Task timelines answer a bare array, or the envelope when `limit` or
//! `offset` is given (quirk 15).
//!
//! **Filters** follow django-filter: `x=value` is a case-insensitive
//! equality (a list field matches when it contains the value); `x_in`,
//! `*_ids`, `individual_npis` are comma-separated memberships; booleans are
//! `true`/`false` (also `1`/`0`, `yes`/`no`); `x_after` keeps `x >= value`
//! and `x_before` keeps `x <= value`, instants compared as instants and a
//! plain date (`2024-05-01`) compared with the field's date, so it covers
//! the whole day (UTC); assured-py's `2024-05-01 10:00:00+00:00` is
//! accepted; a null field never matches a range; an unparsable date is a
//! 400 naming the parameter ("Enter a valid date/time."). `created_at_month`
//! takes `YYYY-MM` or a month number (its format is undocumented). Unknown
//! parameters are ignored, as DRF does. Every list takes `limit`, `offset`
//! and `ordering`; a test checks that each filter the vendor spec or the
//! endpoint reference names for a paged GET is read, and
//! [`Stats::query_params_read`] shows what each handler read. Besides
//! those:
//!
//! | key | filters (`[a, b]` = `a_after`/`a_before` range) |
//! |---|---|
//! | US1, US3 | `is_active`, `user_type`, `user_type_in`, `id_in`, `client`, `search`, `users_deactivated`, `users_invited`, `provider_profile__ready_for_credentialing`; US3 also `include_unverified` (every mock user is verified) |
//! | PV1, PV5 | `id_in` (account ids; a malformed UUID is 400), `npi`, `email`, `first_name`, `last_name`, `is_active`, `client`, `client_in`, `profile_completeness`, `search`; PV5 requires `practice_location` |
//! | PV8 | `provider` |
//! | PP6–PP30, HA1, HA4, HA7 | `provider`, `state`, `number`, `search`; the five professional-id lists also `professional_id_type` (their own type keeps all, another none) |
//! | CR3, CR6 | `provider`, `provider_in`, `status`, `status_in`, `credentialing_type`, `request_type`, `assignee`, `assignee_in`, `requested_by`, `requested_by_in`, `automation_status`, `individual_npis`, `state_codes_in`, `client_ids`, `provider_type`, `verifier_signed_off`, `search`, `created_at_month`, `[assigned_at]`, `[created_at]`, `[oa_completed_at]`, `[request_completed_at]`, `[updated_at]`; CR6 also `[org_joining_date]`, `[recredentialing_date]`, `pending_verification_type_in`; `tab` is ignored (no source says what it selects) |
//! | CR4 | `provider`, `credentialing_request`, `credentialing_status`, `packet_status` |
//! | CR7 | `credentialing_request__provider`, `credentialing_request`, `credentialing_request__credentialing_type`, `credentialing_request__request_type`, `credentialing_request__status`, `credentialing_request__verifier_signed_off`, `professional_id__professional_id_type`, `professional_id__state`, `id`, `result`, `type`, `type_in`, `individual_npis`, `acted_by`, `admin_acknowledgement`, `created_at_month`, `[oa_verified_at]`, `search` |
//! | CR9 | `id_in`, `search` |
//! | TK1 | `archived`, `assignee`, `client_ids`, `search`, `[created_at]`, `[due_on]`, `[updated_at]` |
//! | TK5 | `assignee`, `assignee_in`, `assignee_user_type`, `status`, `status_in`, `task_type`, `task_type_in`, `client`, `client_in`, `facility`, `facility_in`, `is_facility_task`, `created_by`, `created_by_in`, `current_owner`, `enrollment_request` (tasks targeting it), `latest_task_timeline_updated_by`, `latest_task_timeline_updated_by_in`, `search`, `[created_at]`, `[due_on]`, `[updated_at]`, `[latest_task_timeline_updated_at]` |
//! | TK7 | paging only |
//! | PL1 | `client`, `client_ids`, `id_in`, `mailing_state`, `mailing_state_in`, `practice_location_type`, `tax_entity`, `tax_entity_in`, `tax_entity_incorporation_state_in`, `is_archived`, `search` |
//! | PL4 | `provider`, `practice_location`, `practice_location__is_archived`, `practice_location__mailing_state`, `practice_location__mailing_state_in`, `practice_location__tax_entity`, `practice_location__tax_entity_in`, `practice_location__tax_entity__incorporation_state`, `practice_location__tax_entity__incorporation_state_in`, `search` |
//! | TE1 | `client`, `client_ids`, `incorporation_state`, `incorporation_state_in`, `npi`, `tax_id`, `search` |
//! | FA1 | `search` |
//! | PE3 | `name`, `state`, `lob`, `network`, `followup_mode`, `submission_type`, `health_plan_in`, `search` |
//! | PE4 | `status`, `status_in`, `enrollment_type`, `enrollment_type_in`, `client`, `client_ids`, `provider_ids`, `health_plan`, `health_plan_ids`, `tax_entity`, `tax_entity_ids`, `request_type`, `state`, `state_in`, `search` |
//! | PE7 | `enrollment_request`, `change_type`, `status`, `assignee`, `updated_by`, `created_at` (a date: that day; an instant: itself), `search` |
//! | PE8 | `provider`, `provider_ids`, `health_plan`, `health_plan_ids`, `tax_entity`, `tax_entity_ids`, `client_in`, `state`, `state_in`, `existing_enrollment_type`, `enrollment_request__current_contracting_sub_status` (the record's own sub-status), `additional_practice_location_in`, `[effective_date]`, `[re_validation_date]`, `search` |
//! | PE12 | `enrollment_request` (required), `search` |
//!
//! **Data** is generated on demand from `(seed, kind, owner, index)`:
//! nothing is stored until written, so 100 000 providers start instantly.
//! Ids are random-looking version-4 UUIDs that encode what they identify
//! (a keyed permutation), so an account id can never be taken for a profile
//! id. Each seeded provider has a valid, distinct NPI (10 digits, Luhn over
//! `80840` + the first nine), distinct account and profile ids, a full
//! personal-info record, an SSN, 1–2 licenses, employments and education
//! records, and some certifications, DEA/CDS/Medicaid/Medicare ids, training,
//! gap history, insurance, documents, credentialing requests (with packets
//! when completed), monitoring events, tasks with timelines, expirables, a
//! practice-location link, enrollment requests with timelines, active
//! enrollments and hospital affiliations. There are also 3 clients, 7 staff
//! users (the login user and 6 OAs), 8 tax entities, 24 practice locations,
//! 12 facilities and 30 health plans. Providers created at run time get a
//! nearly all-null profile, as production's do.
//!
//! **Quirks reproduced** (ENDPOINTS.md "Production quirks"):
//! * an account id on a profile endpoint: 404 on detail paths, 422 on
//!   `provider=` filters, 400 "does not exist" in a body `provider` (and the
//!   same the other way round on account-id endpoints);
//! * personal-info PATCH (quirk 1): every [writable](WRITABLE) key whose
//!   stored value is non-null must be present (400
//!   `{"field": ["This field is required."]}`), `null` on a
//!   [non-nullable](NON_NULLABLE) key is 400 "This field may not be null.",
//!   the merged record must answer citizenship ("Citizenship country is
//!   required", "Visa number is required for non-US citizens");
//!   [read-only](READ_ONLY) keys (`ssn` among them) are ignored;
//!   [`MockConfig::strict_personal_info`] demands every writable key;
//! * encrypted SSN PATCH: the token is decrypted with SHA-256 of the
//!   request's JWT as AES-256-CTR key and its first 16 bytes as IV; anything
//!   but 9 ASCII digits is a 400; the plaintext is stored. Its GET returns
//!   ciphertext under the caller's JWT. The plaintext SSN endpoint returns
//!   the stored digits and refuses PATCH;
//! * quirk 14: explicit `null` on optional fields of the provider-creation
//!   trio is 400 "This field may not be null.";
//! * uploads (`files/handle/`): multipart `name` + `file`; only PDF, PNG and
//!   JPEG, checked by extension and magic bytes (400 otherwise); the bytes
//!   are stored and the reply is a `FileRecord` whose `file_url` is an
//!   `s3://` URI; presign returns a short-lived loopback URL serving the
//!   bytes without credentials; document association requires an uploaded
//!   `s3://` URI and ignores the client's `"id": ""` and
//!   `"presigned_document_url": ""`.
//!
//! **Fault injection** ([`Faults`], at start in [`MockConfig::faults`] or at
//! run time with [`MockServer::set_faults`]): fixed or random latency, 429
//! with `Retry-After` every N requests, a 5xx (503 by default) every N,
//! connections closed without a reply every N, truncated JSON bodies every
//! N, `next`/`previous` links naming [`FOREIGN_ORIGIN`], optionally only for
//! some endpoint keys. Requests rejected by a fault are not processed.
//!
//! **The rate-limit mode** ([`Faults::rate_limit`], a [`RateLimit`]) is a
//! token bucket in requests per second with a burst size: a request that
//! finds it empty gets 429 with `Retry-After` in whole seconds, rounded
//! up, until the next token (as production sends it; no finer header), and
//! is counted in [`Stats::rate_limited`]. Like the other switches it can
//! be changed at run time ([`MockServer::set_faults`] refills the bucket)
//! and scoped with `only_endpoints`.
//!
//! ```no_run
//! use assured_mock::{Faults, MockConfig, MockServer, RateLimit};
//!
//! # async fn demo() -> std::io::Result<()> {
//! // 20 requests a second, bursts of up to 5.
//! let faults = Faults { rate_limit: Some(RateLimit::per_second(20.0).with_burst(5)), ..Faults::default() };
//! let mock = MockServer::start(MockConfig::default().with_faults(faults)).await?;
//! // ... drive the client ...
//! println!("throttled {} requests", mock.stats().rate_limited);
//! # Ok(())
//! # }
//! ```
//!
//! # Binary
//!
//! `cargo run -p assured-mock -- [FLAGS]` prints the base URL and the
//! `ASSURED_BASE_URL` / `ASSURED_API_KEY` / `ASSURED_USER` / `ASSURED_PASS`
//! values it serves, then runs until Ctrl-C. `--help` lists the flags
//! (parsed with clap); the credentials can also come from the
//! `ASSURED_MOCK_API_KEY`, `ASSURED_MOCK_USER_EMAIL` and
//! `ASSURED_MOCK_USER_PASSWORD` environment variables:
//!
//! | flag | meaning |
//! |---|---|
//! | `--port N` | port on 127.0.0.1 (default 0: a free one) |
//! | `--providers N` | seeded providers (default 300) |
//! | `--seed N` | data seed (default 1) |
//! | `--api-key KEY`, `--user-email E`, `--user-password P` | credentials |
//! | `--jwt-lifetime-secs N` | JWT lifetime (default 10080) |
//! | `--page-size N` | default page size (default 10) |
//! | `--strict-personal-info` | personal-info PATCH demands every writable key |
//! | `--latency-ms N` or `MIN-MAX` | fixed or random delay |
//! | `--rate-limit-every N`, `--retry-after SECS` | 429s |
//! | `--rate-limit-rps R`, `--rate-limit-burst N` | the rate-limit mode |
//! | `--server-error-every N`, `--server-error-status CODE` | 5xx |
//! | `--drop-every N` | dropped connections |
//! | `--malformed-every N` | truncated JSON bodies |
//! | `--foreign-next-links` | links to `http://api.example.org` |
//! | `--only-endpoints KEYS` | restrict faults to these keys (`PV1,PP1`) |
//! | `-v`, `--verbose` | log each request (endpoint, method, path, status, latency) to stderr |
#![forbid(unsafe_code)]
#![recursion_limit = "256"]
// Library code reports bad input as errors; only tests may unwrap.
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

mod body_check;
mod body_rules;
mod config;
mod context;
mod crypto;
mod data;
mod dispatch;
mod fault_plan;
mod filters;
mod generate;
mod handlers;
mod journal;
mod middleware;
mod paging;
mod personal;
mod rate_limit;
mod reference;
mod reply;
mod route;
mod route_table;
mod routes;
mod seed;
mod server;
mod shared;
mod state;
mod stats;
mod sync;
mod time;

pub use config::{
    DEFAULT_JOURNAL_CAPACITY, FOREIGN_ORIGIN, Faults, Latency, MockConfig, RateLimit,
};
pub use journal::{REDACTED, ReceivedRequest};
pub use personal::{NON_NULLABLE, READ_ONLY, WRITABLE};
pub use seed::{is_valid_npi, npi_check_digit};
pub use server::MockServer;
pub use state::{ProviderSummary, State, StoredFile};
pub use stats::{AuthSeen, RecordedRequest, Stats};
