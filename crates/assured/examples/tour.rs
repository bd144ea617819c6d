//! A tour of the Assured SDK.
//!
//! With no `ASSURED_*` variables set, it starts `assured-mock` in-process
//! (loopback only, 250 seeded providers) and runs every smart helper end to
//! end, printing what each one did and how many requests it cost. With
//! `ASSURED_BASE_URL` and `ASSURED_API_KEY` set, it runs only the read-only
//! steps against that server.
//!
//! `cargo run -p assured --example tour`

use std::error::Error as StdError;
use std::time::Duration;

use assured::crypto::Ssn;
use assured::helpers::DocumentFile;
use assured::models::{ProfileId, ProviderPersonalInfoUpdate};
use assured::{Client, Config, RetryPolicy};
use assured_mock::{Faults, Latency, MockConfig, MockServer};
use futures_util::future::join_all;

type Result<T = ()> = std::result::Result<T, Box<dyn StdError>>;

/// Request counts of the mock, when the tour runs against one.
struct Counter<'a>(Option<&'a MockServer>);

impl Counter<'_> {
    /// Requests to these endpoint keys so far (0 against a real server).
    fn of(&self, keys: &[&str]) -> u64 {
        self.0
            .map_or(0, |mock| keys.iter().map(|key| mock.count(key)).sum())
    }

    fn say(&self, what: &str, before: u64, keys: &[&str]) {
        if self.0.is_some() {
            println!("   {what}: {} requests", self.of(keys) - before);
        }
    }
}

#[tokio::main]
async fn main() -> Result {
    if std::env::var_os("ASSURED_BASE_URL").is_some() {
        println!("assured-rs tour: read-only steps against $ASSURED_BASE_URL\n");
        let client = Client::from_env()?;
        read_only(&client, &Counter(None)).await?;
        return Ok(());
    }
    println!("assured-rs tour: against a local mock of the Assured API\n");
    let mock = MockServer::start(MockConfig::default().with_providers(250)).await?;
    let client = Client::new(
        Config::builder()
            .base_url(mock.base_url())
            .api_key(mock.api_key())
            .credentials(mock.user_email(), mock.user_password())
            .allow_insecure_http(true)
            .page_size(40)
            .page_concurrency(4)
            .build()?,
    )?;
    println!("mock at {}\n", mock.base_url());
    let counter = Counter(Some(&mock));
    let profile = read_only(&client, &counter).await?;
    writes(&client, &mock, &counter, &profile).await?;
    mock.shutdown().await;
    println!("\nDone.");
    Ok(())
}

/// Listing, id resolution, NPI lookups and reads: safe on any server.
async fn read_only(client: &Client, count: &Counter<'_>) -> Result<ProfileId> {
    println!("1. Every provider, pages fetched concurrently once `count` is known:");
    let before = count.of(&["PV1"]);
    let providers = client.providers().list().all().await?;
    println!("   {} providers", providers.len());
    count.say("listing", before, &["PV1"]);

    println!("\n2. Two ids per provider; the account id resolves to the profile id once:");
    let provider = providers.first().ok_or("the server has no providers")?;
    let account = provider.id;
    let before = count.of(&["PV1"]);
    let profile = client.providers().get_profile_id(&account).await?;
    count.say(
        &format!("account {account} -> profile {profile}"),
        before,
        &["PV1"],
    );
    let before = count.of(&["PV1"]);
    client.providers().get_profile_id(&account).await?;
    count.say("the same resolution again", before, &["PV1"]);

    println!("\n3. NPI lookups through a cached index of the full provider list:");
    if let Some(npi) = providers.iter().find_map(|p| p.npi.clone()) {
        let before = count.of(&["PV1"]);
        let found = client.providers().get_by_npi(&npi).await?;
        count.say(
            &format!("cold lookup of {npi} -> {}", found.id),
            before,
            &["PV1"],
        );
        let before = count.of(&["PV1"]);
        client.providers().get_by_npi(&npi).await?;
        count.say("second NPI lookup", before, &["PV1"]);
        client.providers().invalidate_npi_cache();
        let before = count.of(&["PV1"]);
        let providers = client.providers();
        let lookups = (0..50).map(|_| providers.get_by_npi(&npi));
        let found = join_all(lookups).await.into_iter().flatten().count();
        count.say(
            &format!("50 concurrent cold lookups ({found} found), one shared refresh"),
            before,
            &["PV1"],
        );
    }
    let before = count.of(&["PV1"]);
    let err = client
        .providers()
        .get_by_npi("1234567890")
        .await
        .unwrap_err();
    println!("   invalid NPI: {err}");
    count.say("invalid NPI", before, &["PV1"]);

    println!("\n4. Profile endpoints take a ProfileId (an AccountId does not compile):");
    let info = client
        .provider_profile()
        .get_personal_info(&profile)
        .await?;
    let licenses = client
        .provider_profile()
        .list_licenses(&profile)
        .all()
        .await?;
    println!(
        "   {} {}: {} licenses",
        info.first_name.as_deref().unwrap_or("?"),
        info.last_name.as_deref().unwrap_or("?"),
        licenses.len()
    );
    Ok(profile)
}

/// The writes: only against the mock.
async fn writes(
    client: &Client,
    mock: &MockServer,
    count: &Counter<'_>,
    profile: &ProfileId,
) -> Result {
    println!("\n5. Fetch-merge-patch: the API wants the whole record; one field changes:");
    let before = count.of(&["PP1", "PP2"]);
    let update = ProviderPersonalInfoUpdate {
        home_city: "Salem".to_owned().into(),
        ..ProviderPersonalInfoUpdate::default()
    };
    let info = client
        .provider_profile()
        .update_personal_info(profile, update)
        .await?;
    println!("   home_city is now {:?}", info.home_city);
    count.say("fetch + whole-record PATCH", before, &["PP1", "PP2"]);

    println!("\n6. The SSN goes as a token encrypted with the session JWT:");
    let before = count.of(&["US5", "PP4", "PP5"]);
    client
        .provider_profile()
        .update_ssn(profile, "219-09-9999")
        .await?;
    let ssn = Ssn::parse("219-09-9999")?;
    let stored = client.provider_profile().verify_ssn(profile, &ssn).await?;
    println!("   sent {ssn}; the server stored the same digits: {stored}");
    count.say("login + PATCH + verify", before, &["US5", "PP4", "PP5"]);
    let err = client
        .provider_profile()
        .update_ssn(profile, "000-12-3456")
        .await
        .unwrap_err();
    println!("   an invalid SSN, refused before sending: {err}");

    println!("\n7. Two-stage upload, checked before any byte is sent:");
    let pdf = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer\n%%EOF\n".as_slice();
    let before = count.of(&["FI1", "PP31"]);
    let document = client
        .provider_profile()
        .upload_and_associate_document(
            profile,
            DocumentFile::from_bytes("licence.pdf", pdf),
            "State Medical License",
            "License",
        )
        .await?;
    println!("   linked {:?}", document.document_url);
    count.say("upload + association", before, &["FI1", "PP31"]);
    let before = count.of(&["FI1"]);
    let err = client
        .provider_profile()
        .upload_and_associate_document(
            profile,
            DocumentFile::from_bytes("licence.pdf", b"MZ not a pdf".as_slice()),
            "x",
            "License",
        )
        .await
        .unwrap_err();
    println!("   a disguised file: {err}");
    count.say("disguised file", before, &["FI1"]);

    println!("\n8. Faults: every 3rd request answers 503, with 5 ms latency; GETs retry");
    println!("   (here with a per-call retry policy of 8 attempts):");
    mock.set_faults(Faults {
        server_error_every: Some(3),
        server_error_status: 503,
        latency: Latency::Fixed(Duration::from_millis(5)),
        ..Faults::default()
    });
    let before = count.of(&["PV1"]);
    let again = client
        .providers()
        .list()
        .retry_policy(RetryPolicy::default().max_attempts(8))
        .all()
        .await?;
    println!("   {} providers again", again.len());
    count.say(
        "listing through faults (retries included)",
        before,
        &["PV1"],
    );
    mock.set_faults(Faults::none());
    Ok(())
}
