//! `assured-mock`: runs the mock Assured server until Ctrl-C.
//!
//! Run `assured-mock --help` for the flags.

use std::process::ExitCode;
use std::time::Duration;

use assured_mock::{Faults, Latency, MockConfig, MockServer, RateLimit};
use clap::Parser;

/// A faithful local Assured Platform API server.
///
/// Prints the base URL and the ASSURED_* values it serves, then runs until
/// Ctrl-C.
#[derive(Debug, Parser)]
#[command(name = "assured-mock", version)]
struct Args {
    /// Port on 127.0.0.1 (0: a free port).
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// Seeded providers.
    #[arg(long, default_value_t = 300)]
    providers: u32,
    /// Data seed (the same seed gives the same records).
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// API key to accept.
    #[arg(long, env = "ASSURED_MOCK_API_KEY", hide_env_values = true)]
    api_key: Option<String>,
    /// Login e-mail.
    #[arg(long, env = "ASSURED_MOCK_USER_EMAIL")]
    user_email: Option<String>,
    /// Login password.
    #[arg(long, env = "ASSURED_MOCK_USER_PASSWORD", hide_env_values = true)]
    user_password: Option<String>,
    /// Lifetime of login JWTs in seconds.
    #[arg(long, default_value_t = 10_080)]
    jwt_lifetime_secs: u64,
    /// Default page size of lists.
    #[arg(long, default_value_t = 10)]
    page_size: u32,
    /// Personal-info PATCH demands every writable key.
    #[arg(long)]
    strict_personal_info: bool,
    /// Fixed (N) or uniformly random (MIN-MAX) delay per request, in ms.
    #[arg(long, value_name = "N|MIN-MAX", value_parser = parse_latency)]
    latency_ms: Option<Latency>,
    /// Answer every N-th request with 429.
    #[arg(long, value_name = "N")]
    rate_limit_every: Option<u64>,
    /// Retry-After of those 429s, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 1)]
    retry_after: u64,
    /// Rate-limit mode: a token bucket of R requests per second; the
    /// excess gets 429 with the computed Retry-After.
    #[arg(long, value_name = "R", value_parser = parse_rate)]
    rate_limit_rps: Option<f64>,
    /// Bucket size of the rate-limit mode (default: R rounded up).
    #[arg(long, value_name = "N", requires = "rate_limit_rps")]
    rate_limit_burst: Option<u32>,
    /// Answer every N-th request with a 5xx.
    #[arg(long, value_name = "N")]
    server_error_every: Option<u64>,
    /// Status of those 5xx replies.
    #[arg(long, value_name = "CODE", default_value_t = 503)]
    server_error_status: u16,
    /// Close the connection without a reply on every N-th request.
    #[arg(long, value_name = "N")]
    drop_every: Option<u64>,
    /// Send a truncated JSON body on every N-th request.
    #[arg(long, value_name = "N")]
    malformed_every: Option<u64>,
    /// Next/previous links name another origin (`http://api.example.org`).
    #[arg(long)]
    foreign_next_links: bool,
    /// Comma-separated endpoint keys (e.g. PV1,PP1) the faults apply to.
    #[arg(long, value_name = "KEYS", value_delimiter = ',')]
    only_endpoints: Vec<String>,
    /// Log each request (endpoint, method, path, status, latency) to stderr.
    #[arg(short, long)]
    verbose: bool,
}

fn parse_latency(value: &str) -> Result<Latency, String> {
    let millis = |text: &str| {
        text.trim()
            .parse::<u64>()
            .map(Duration::from_millis)
            .map_err(|_| format!("not a number of milliseconds: {text}"))
    };
    match value.split_once('-') {
        Some((min, max)) => Ok(Latency::Random {
            min: millis(min)?,
            max: millis(max)?,
        }),
        None => Ok(Latency::Fixed(millis(value)?)),
    }
}

fn parse_rate(value: &str) -> Result<f64, String> {
    match value.trim().parse::<f64>() {
        Ok(rate) if rate.is_finite() && rate > 0.0 => Ok(rate),
        _ => Err(format!(
            "not a positive number of requests per second: {value}"
        )),
    }
}

impl Args {
    fn into_config(self) -> MockConfig {
        let defaults = MockConfig::default();
        let rate_limit = self.rate_limit_rps.map(|rate| {
            let limit = RateLimit::per_second(rate);
            match self.rate_limit_burst {
                Some(burst) => limit.with_burst(burst),
                None => limit,
            }
        });
        let faults = Faults {
            latency: self.latency_ms.unwrap_or_default(),
            rate_limit_every: self.rate_limit_every,
            retry_after_secs: self.retry_after,
            rate_limit,
            server_error_every: self.server_error_every,
            server_error_status: self.server_error_status,
            drop_connection_every: self.drop_every,
            malformed_json_every: self.malformed_every,
            foreign_next_links: self.foreign_next_links,
            only_endpoints: self
                .only_endpoints
                .into_iter()
                .map(|key| key.trim().to_owned())
                .filter(|key| !key.is_empty())
                .collect(),
        };
        MockConfig {
            port: self.port,
            seed: self.seed,
            providers: self.providers,
            api_key: self.api_key.unwrap_or(defaults.api_key),
            user_email: self.user_email.unwrap_or(defaults.user_email),
            user_password: self.user_password.unwrap_or(defaults.user_password),
            jwt_lifetime: Duration::from_secs(self.jwt_lifetime_secs),
            default_page_size: self.page_size,
            strict_personal_info: self.strict_personal_info,
            faults,
            log_requests: self.verbose,
            ..defaults
        }
    }
}

async fn run(config: MockConfig) -> std::io::Result<()> {
    let providers = config.providers;
    let faults = config.faults.clone();
    let server = MockServer::start(config).await?;
    println!("assured-mock listening on {}", server.base_url());
    println!("  providers: {providers}");
    if faults.any_active() {
        println!("  faults:    {faults:?}");
    }
    println!();
    println!("ASSURED_BASE_URL={}", server.base_url());
    println!("ASSURED_API_KEY={}", server.api_key());
    println!("ASSURED_USER={}", server.user_email());
    println!("ASSURED_PASS={}", server.user_password());
    println!();
    println!("Ctrl-C to stop.");
    server
        .run_until(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await;
    println!("assured-mock stopped.");
    Ok(())
}

fn main() -> ExitCode {
    let config = Args::parse().into_config();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("assured-mock: cannot start the runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("assured-mock: {error}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory as _;

    use super::*;

    fn parse(args: &[&str]) -> Result<MockConfig, clap::Error> {
        Args::try_parse_from(std::iter::once("assured-mock").chain(args.iter().copied()))
            .map(Args::into_config)
    }

    #[test]
    fn the_command_line_is_consistent() {
        Args::command().debug_assert();
    }

    #[test]
    fn flags_parse() {
        let config = parse(&[
            "--port=0",
            "--providers",
            "1000",
            "--seed",
            "7",
            "--latency-ms",
            "5-20",
            "--rate-limit-every",
            "10",
            "--drop-every=3",
            "--foreign-next-links",
            "--only-endpoints",
            "PV1, PP1",
            "--rate-limit-rps",
            "2.5",
            "--verbose",
        ])
        .unwrap();
        assert_eq!(config.providers, 1000);
        assert_eq!(config.seed, 7);
        assert_eq!(
            config.faults.latency,
            Latency::Random {
                min: Duration::from_millis(5),
                max: Duration::from_millis(20)
            }
        );
        assert_eq!(config.faults.rate_limit_every, Some(10));
        assert_eq!(config.faults.drop_connection_every, Some(3));
        assert!(config.faults.foreign_next_links);
        assert_eq!(config.faults.only_endpoints, ["PV1", "PP1"]);
        assert_eq!(
            config.faults.rate_limit,
            Some(RateLimit {
                per_second: 2.5,
                burst: 3
            })
        );
        assert!(config.log_requests);
        assert!(parse(&["--bogus"]).is_err());
        assert!(parse(&["--providers", "many"]).is_err());
        assert!(parse(&["--seed"]).is_err());
        assert!(parse(&["--rate-limit-rps", "0"]).is_err());
        assert!(parse(&["--rate-limit-burst", "4"]).is_err());
    }

    #[test]
    fn defaults_match_the_library_defaults() {
        let config = parse(&[]).unwrap();
        let defaults = MockConfig::default();
        assert_eq!(config.api_key, defaults.api_key);
        assert_eq!(config.user_password, defaults.user_password);
        assert_eq!(config.jwt_lifetime, defaults.jwt_lifetime);
        assert_eq!(config.default_page_size, defaults.default_page_size);
        assert_eq!(
            config.faults,
            Faults {
                retry_after_secs: 1,
                server_error_status: 503,
                ..Faults::default()
            }
        );
        assert!(!config.log_requests);
    }

    #[test]
    fn help_is_generated_and_hides_secret_env_values() {
        let help = Args::command().render_long_help().to_string();
        for flag in [
            "--rate-limit-rps",
            "--api-key",
            "--verbose",
            "ASSURED_MOCK_USER_PASSWORD",
        ] {
            assert!(help.contains(flag), "{flag} missing from --help");
        }
    }
}
