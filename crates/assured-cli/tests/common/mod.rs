//! A mock server in the test process, and the `assured` binary pointed at it.
#![allow(dead_code, unreachable_pub)]

use std::path::Path;

use assert_cmd::Command;
use assured_mock::{MockConfig, MockServer};
use tokio::runtime::Runtime;

/// A running mock (served by its own runtime's threads while the test
/// thread runs the binary).
pub struct Mock {
    pub server: MockServer,
    dir: tempfile::TempDir,
    runtime: Runtime,
}

impl Mock {
    pub fn start(config: MockConfig) -> Self {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let server = runtime.block_on(MockServer::start(config)).unwrap();
        Self {
            server,
            dir: tempfile::tempdir().unwrap(),
            runtime,
        }
    }

    /// The default mock with `providers` providers.
    pub fn with_providers(providers: u32) -> Self {
        Self::start(MockConfig::default().with_providers(providers))
    }

    /// `assured` with the mock's settings in its environment, run in an
    /// empty directory (no `.env` found), nothing else of ours inherited.
    pub fn cmd(&self) -> Command {
        let mut cmd = bare_cmd(self.dir.path());
        cmd.env("ASSURED_BASE_URL", self.server.base_url())
            .env("ASSURED_API_KEY", self.server.api_key())
            .env("ASSURED_USER", self.server.user_email())
            .env("ASSURED_PASS", self.server.user_password());
        cmd
    }

    /// Like [`Mock::cmd`], as a `std` command (to spawn and signal it).
    pub fn std_cmd(&self) -> std::process::Command {
        let mut cmd = bare_std_cmd(self.dir.path());
        cmd.env("ASSURED_BASE_URL", self.server.base_url())
            .env("ASSURED_API_KEY", self.server.api_key())
            .env("ASSURED_USER", self.server.user_email())
            .env("ASSURED_PASS", self.server.user_password());
        cmd
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    pub fn total(&self) -> u64 {
        self.server.stats().total
    }

    /// Requests to one endpoint key.
    pub fn count(&self, key: &str) -> u64 {
        self.server.count(key)
    }

    /// Runs `work` with an SDK client of the mock (to set up records the
    /// way a user would).
    pub fn with_client<T>(&self, work: impl AsyncFnOnce(&assured::Client) -> T) -> T {
        let client = assured::Client::new(
            assured::Config::builder()
                .base_url(self.server.base_url())
                .api_key(self.server.api_key())
                .credentials(self.server.user_email(), self.server.user_password())
                .build()
                .unwrap(),
        )
        .unwrap();
        self.runtime.block_on(work(&client))
    }

    /// A provider's (account id, profile id, NPI), by list position.
    pub fn provider(&self, index: u32) -> (String, String, String) {
        self.server.with_state(|state| {
            let provider = state.provider(index).unwrap();
            (
                provider.account_id,
                provider.profile_id,
                provider.npi.unwrap(),
            )
        })
    }
}

/// `assured` with no `ASSURED_*` variable, in `dir`.
pub fn bare_cmd(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("assured").unwrap();
    for name in [
        "ASSURED_BASE_URL",
        "ASSURED_API_KEY",
        "ASSURED_USER",
        "ASSURED_PASS",
    ] {
        cmd.env_remove(name);
    }
    cmd.current_dir(dir);
    cmd
}

/// `assured` as a `std` command, with no `ASSURED_*` variable, in `dir`.
pub fn bare_std_cmd(dir: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("assured"));
    for name in [
        "ASSURED_BASE_URL",
        "ASSURED_API_KEY",
        "ASSURED_USER",
        "ASSURED_PASS",
    ] {
        cmd.env_remove(name);
    }
    cmd.current_dir(dir);
    cmd
}

/// The text of a captured stream.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}
