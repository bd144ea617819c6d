//! `assured mock`: the local mock server, in this process, until Ctrl-C.

use std::time::Duration;

use assured::engine::config::{ENV_API_KEY, ENV_BASE_URL, ENV_PASS, ENV_USER};
use assured_mock::{Faults, Latency, MockConfig, MockServer};
use clap::Args;

use crate::exit::CliError;

/// `assured mock [--providers N] [--latency-ms MS]`
#[derive(Debug, Args)]
pub(crate) struct MockArgs {
    /// Seeded providers.
    #[arg(long, default_value_t = 300)]
    providers: u32,
    /// Delay before each reply, in milliseconds.
    #[arg(long, value_name = "MS")]
    latency_ms: Option<u64>,
    /// Port on 127.0.0.1 (0: a free one).
    #[arg(long, default_value_t = 0)]
    port: u16,
}

impl MockArgs {
    /// Starts the server, prints the `export` lines that point every other
    /// command at it, and serves until Ctrl-C.
    pub(crate) async fn run(self) -> Result<(), CliError> {
        let mut config = MockConfig::default().with_providers(self.providers);
        config.port = self.port;
        if let Some(ms) = self.latency_ms {
            let mut faults = Faults::none();
            faults.latency = Latency::Fixed(Duration::from_millis(ms));
            config = config.with_faults(faults);
        }
        let server = MockServer::start(config)
            .await
            .map_err(|err| CliError::failure(format!("the mock server did not start: {err}")))?;
        let lines = [
            (ENV_BASE_URL, server.base_url()),
            (ENV_API_KEY, server.api_key()),
            (ENV_USER, server.user_email()),
            (ENV_PASS, server.user_password()),
        ];
        for (name, value) in lines {
            let value = shlex::try_quote(value)
                .map_err(|err| CliError::failure(format!("quoting {name}: {err}")))?;
            println!("export {name}={value}");
        }
        eprintln!(
            "assured mock: {} providers at {}; paste the lines above into another shell. Ctrl-C stops it.",
            self.providers,
            server.base_url()
        );
        server
            .run_until(async {
                // An error here means no handler could be installed: stop.
                let _ = tokio::signal::ctrl_c().await;
            })
            .await;
        eprintln!("assured mock: stopped");
        Ok(())
    }
}
