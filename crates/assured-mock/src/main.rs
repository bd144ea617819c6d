//! `assured-mock`: runs the mock Assured server until Ctrl-C.
//!
//! Run `assured-mock --help` for the flags.

use std::process::ExitCode;
use std::time::Duration;

use assured_mock::{Faults, Latency, MockConfig, MockServer};

const HELP: &str = "\
assured-mock: a faithful local Assured Platform API server

USAGE:
    assured-mock [FLAGS]

FLAGS:
    --port N                   port on 127.0.0.1 (default 0: a free port)
    --providers N              seeded providers (default 300)
    --seed N                   data seed (default 1)
    --api-key KEY              API key to accept
    --user-email EMAIL         login e-mail
    --user-password PASSWORD   login password
    --jwt-lifetime-secs N      lifetime of login JWTs (default 10080)
    --page-size N              default page size (default 10)
    --strict-personal-info     personal-info PATCH demands every writable key
    --latency-ms N | MIN-MAX   fixed or uniformly random delay per request
    --rate-limit-every N       answer every N-th request with 429
    --retry-after SECS         Retry-After of those 429s (default 1)
    --server-error-every N     answer every N-th request with a 5xx
    --server-error-status CODE status of those 5xx (default 503)
    --drop-every N             close the connection without a reply on every N-th request
    --malformed-every N        send a truncated JSON body on every N-th request
    --foreign-next-links       next/previous links name http://api.example.org
    --only-endpoints KEYS      comma-separated endpoint keys (e.g. PV1,PP1) the faults apply to
    -h, --help                 this help
";

fn parse_number<T: std::str::FromStr>(flag: &str, value: Option<String>) -> Result<T, String> {
    let value = value.ok_or_else(|| format!("{flag} needs a value"))?;
    value
        .trim()
        .parse()
        .map_err(|_| format!("{flag}: not a number: {value}"))
}

fn parse_latency(value: Option<String>) -> Result<Latency, String> {
    let value = value.ok_or("--latency-ms needs a value")?;
    let millis = |text: &str| {
        text.trim()
            .parse::<u64>()
            .map(Duration::from_millis)
            .map_err(|_| format!("--latency-ms: not a number: {text}"))
    };
    match value.split_once('-') {
        Some((min, max)) => Ok(Latency::Random {
            min: millis(min)?,
            max: millis(max)?,
        }),
        None => Ok(Latency::Fixed(millis(&value)?)),
    }
}

/// Parses the command line; `Ok(None)` means help was printed.
fn parse_args(args: impl Iterator<Item = String>) -> Result<Option<MockConfig>, String> {
    let mut config = MockConfig::default();
    let mut faults = Faults::default();
    let mut args = args.peekable();
    while let Some(flag) = args.next() {
        // Accept --flag=value as well as --flag value.
        let (flag, inline) = match flag.split_once('=') {
            Some((flag, value)) => (flag.to_owned(), Some(value.to_owned())),
            None => (flag, None),
        };
        let mut value = || inline.clone().or_else(|| args.next());
        match flag.as_str() {
            "-h" | "--help" => {
                print!("{HELP}");
                return Ok(None);
            }
            "--port" => config.port = parse_number(&flag, value())?,
            "--providers" => config.providers = parse_number(&flag, value())?,
            "--seed" => config.seed = parse_number(&flag, value())?,
            "--api-key" => config.api_key = value().ok_or("--api-key needs a value")?,
            "--user-email" => config.user_email = value().ok_or("--user-email needs a value")?,
            "--user-password" => {
                config.user_password = value().ok_or("--user-password needs a value")?;
            }
            "--jwt-lifetime-secs" => {
                config.jwt_lifetime = Duration::from_secs(parse_number(&flag, value())?);
            }
            "--page-size" => config.default_page_size = parse_number(&flag, value())?,
            "--strict-personal-info" => config.strict_personal_info = true,
            "--latency-ms" => faults.latency = parse_latency(value())?,
            "--rate-limit-every" => faults.rate_limit_every = Some(parse_number(&flag, value())?),
            "--retry-after" => faults.retry_after_secs = parse_number(&flag, value())?,
            "--server-error-every" => {
                faults.server_error_every = Some(parse_number(&flag, value())?);
            }
            "--server-error-status" => faults.server_error_status = parse_number(&flag, value())?,
            "--drop-every" => faults.drop_connection_every = Some(parse_number(&flag, value())?),
            "--malformed-every" => {
                faults.malformed_json_every = Some(parse_number(&flag, value())?);
            }
            "--foreign-next-links" => faults.foreign_next_links = true,
            "--only-endpoints" => {
                faults.only_endpoints = value()
                    .ok_or("--only-endpoints needs a value")?
                    .split(',')
                    .map(|key| key.trim().to_owned())
                    .filter(|key| !key.is_empty())
                    .collect();
            }
            other => return Err(format!("unknown flag {other} (see --help)")),
        }
    }
    config.faults = faults;
    Ok(Some(config))
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
    let config = match parse_args(std::env::args().skip(1)) {
        Ok(Some(config)) => config,
        Ok(None) => return ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("assured-mock: {message}");
            return ExitCode::from(2);
        }
    };
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
    use super::*;

    fn parse(args: &[&str]) -> Result<Option<MockConfig>, String> {
        parse_args(args.iter().map(|arg| (*arg).to_owned()))
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
        ])
        .unwrap()
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
        assert!(parse(&["--bogus"]).is_err());
        assert!(parse(&["--providers", "many"]).is_err());
        assert!(parse(&["--seed"]).is_err());
    }
}
