// A provider's account id is not its profile id: profile endpoints take a
// `ProfileId`, so passing the `id` of a providers-list record does not compile.
use assured::Client;
use assured::models::AccountId;

async fn read(client: &Client, account: AccountId) {
    let _ = client.provider_profile().get_personal_info(&account).await;
}

fn main() {}
