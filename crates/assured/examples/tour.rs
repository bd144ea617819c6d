//! A tour of the Assured SDK, against a local mock of the API.
//!
//! It starts `assured-mock` in-process (250 seeded providers, loopback
//! only), points a client at it, and walks through what the SDK does about
//! the API's traps. Run it with `cargo run -p assured --example tour`.

use std::error::Error as StdError;

use assured::crypto::{Ssn, SsnKey};
use assured::models::catalog::{UpdateEncryptedSsn, UpdatePersonalInfo};
use assured::models::{EncryptedSsnUpdate, ProfileId};
use assured::{Client, Config, Error};
use assured_mock::{Faults, MockConfig, MockServer};

#[tokio::main]
async fn main() -> Result<(), Box<dyn StdError>> {
    println!("assured-rs tour — against a local mock of the Assured API\n");
    let mock = MockServer::start(MockConfig::default().with_providers(250)).await?;
    let client = Client::new(
        Config::builder()
            .base_url(mock.base_url())
            .api_key(mock.api_key())
            .credentials(mock.user_email(), mock.user_password())
            .page_size(40)
            .page_concurrency(4)
            .build()?,
    )?;
    println!("mock at {}; client: {client:?}\n", mock.base_url());

    println!("1. Every provider, pages fetched 4 at a time once `count` is known:");
    let providers = client.providers().list().all().await?;
    println!(
        "   {} providers in {} requests to providers-list",
        providers.len(),
        mock.count("PV1")
    );

    println!("\n2. Two ids per provider, and the type system keeps them apart:");
    let provider = &providers[0];
    let profile: ProfileId = provider
        .provider_profile_id
        .ok_or("the first provider has no profile id")?;
    println!("   account id {}  (AccountId)", provider.id);
    println!("   profile id {profile}  (ProfileId)");
    let info = client
        .provider_profile()
        .get_personal_info(&profile)
        .await?;
    println!(
        "   personal info of {} {}: {} fields kept",
        info.first_name.as_deref().unwrap_or("?"),
        info.last_name.as_deref().unwrap_or("?"),
        serde_json_len(&info)
    );
    // `client.provider_profile().get_personal_info(&provider.id)` does not
    // compile. Forcing the mistake through the raw UUID shows what the API does:
    let wrong = ProfileId::from_uuid(*provider.id.as_uuid());
    let err = client
        .provider_profile()
        .get_personal_info(&wrong)
        .await
        .expect_err("an account id is not a profile id");
    println!("   with the account id forced in: {err}");

    println!("\n3. The SSN goes as a token encrypted with the session JWT:");
    let ssn = Ssn::parse("123-45-6789")?;
    client
        .core()
        .call_with_jwt_body::<UpdateEncryptedSsn, _>(&profile, &(), |jwt| {
            let token = SsnKey::from_jwt(jwt)
                .encrypt(&ssn)
                .map_err(|err| Error::invalid_input(err.to_string()))?;
            Ok(EncryptedSsnUpdate::new(token.into_string()))
        })
        .await?;
    let stored = client
        .provider_profile()
        .get_plaintext_ssn(&profile)
        .await?;
    let confirmed = stored.ssn.as_deref().and_then(|s| Ssn::parse(s).ok());
    println!(
        "   sent {ssn}; the server decrypted it to {} (logins so far: {})",
        confirmed.map_or_else(|| "nothing".to_owned(), |s| s.to_string()),
        mock.count("US5")
    );

    println!("\n4. A partial personal-info PATCH is refused by the API (quirk 1):");
    let mut partial = serde_json::Map::new();
    partial.insert("middle_name".to_owned(), "Q".into());
    match client
        .core()
        .call::<UpdatePersonalInfo>(&profile, &(), &partial)
        .await
    {
        Err(err) if err.is_validation() => {
            let fields = err
                .field_errors()
                .map_or(0, std::collections::BTreeMap::len);
            println!("   400 with {fields} field errors, e.g. {err}");
        }
        other => println!("   unexpected: {other:?}"),
    }

    println!("\n5. Faults: every 2nd request answers 503, GETs are retried:");
    mock.set_faults(Faults {
        server_error_every: Some(2),
        server_error_status: 503,
        ..Faults::default()
    });
    mock.reset_stats();
    let again = client.providers().list().all().await?;
    println!(
        "   {} providers again, in {} requests (retries included)",
        again.len(),
        mock.count("PV1")
    );
    mock.set_faults(Faults::none());

    mock.shutdown().await;
    println!("\nDone.");
    Ok(())
}

fn serde_json_len<T: serde::Serialize>(value: &T) -> usize {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_object().map(serde_json::Map::len))
        .unwrap_or(0)
}
