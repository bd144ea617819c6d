// A paged endpoint cannot go through `call`: it pages (`page`, `all`, `stream`).
use assured::Client;
use assured::models::ProviderListParams;
use assured::models::catalog::ListProviders;

async fn list(client: &Client) {
    let _ = client
        .core()
        .call::<ListProviders>(&(), &ProviderListParams::default(), &())
        .await;
}

fn main() {}
