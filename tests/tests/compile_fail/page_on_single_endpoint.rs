// A single endpoint cannot be paged.
use assured::Client;
use assured::models::ProfileId;
use assured::models::catalog::GetPersonalInfo;

async fn page(client: &Client, profile: ProfileId) {
    let _ = client.core().page::<GetPersonalInfo>(&profile, &(), 0, None).await;
}

fn main() {}
