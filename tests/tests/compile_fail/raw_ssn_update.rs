// The SSN must go as a token encrypted with the JWT each attempt sends:
// a body built by hand, with any string in it, does not compile.
use assured::Client;
use assured::models::catalog::UpdateEncryptedSsn;
use assured::models::{EncryptedSsnUpdate, ProfileId};

async fn leak(client: &Client, profile: ProfileId) {
    let body = EncryptedSsnUpdate::new("123-45-6789");
    let _ = client
        .core()
        .call::<UpdateEncryptedSsn>(&profile, &(), &body)
        .await;
}

fn main() {}
