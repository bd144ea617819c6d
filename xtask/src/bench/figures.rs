//! The figures the suite prints (one JSON object per line, tagged by
//! `kind`) and the runner measures itself (the cold builds), typed.
//!
//! The same types are embedded in `docs/performance.md`, so a run of a
//! subset keeps the figures of the groups it did not run.

use serde::{Deserialize, Serialize};

/// The groups of scenarios, as named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Group {
    Listing,
    Npi,
    Ssn,
    Memory,
    Faults,
    Build,
}

impl Group {
    pub(crate) const ALL: [Self; 6] = [
        Self::Listing,
        Self::Npi,
        Self::Ssn,
        Self::Memory,
        Self::Faults,
        Self::Build,
    ];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Listing => "listing",
            Self::Npi => "npi",
            Self::Ssn => "ssn",
            Self::Memory => "memory",
            Self::Faults => "faults",
            Self::Build => "build",
        }
    }

    pub(crate) fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|group| group.name() == name)
    }
}

/// One measured figure.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub(crate) enum Figure {
    Listing(Listing),
    NpiCold(NpiCold),
    NpiWarm(NpiWarm),
    NpiConcurrent(NpiConcurrent),
    Ssn(SsnRate),
    Memory(Memory),
    Faults(FaultRun),
    RateLimit(RateLimitRun),
    ColdBuild(ColdBuild),
}

impl Figure {
    pub(crate) fn group(&self) -> Group {
        match self {
            Self::Listing(_) => Group::Listing,
            Self::NpiCold(_) | Self::NpiWarm(_) | Self::NpiConcurrent(_) => Group::Npi,
            Self::Ssn(_) => Group::Ssn,
            Self::Memory(_) => Group::Memory,
            Self::Faults(_) | Self::RateLimit(_) => Group::Faults,
            Self::ColdBuild(_) => Group::Build,
        }
    }
}

/// Item 1: one listing mode, the median of its runs.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Listing {
    /// `sequential` (following `next`) or `concurrent` (the engine).
    pub(crate) mode: String,
    pub(crate) concurrency: u64,
    pub(crate) records: u64,
    pub(crate) pages: u64,
    pub(crate) requests: u64,
    pub(crate) latency_ms: u64,
    /// Every run's wall time, sorted.
    pub(crate) runs: Vec<f64>,
    pub(crate) wall_s: f64,
    pub(crate) bound_round_trips: u64,
    pub(crate) bound_s: f64,
    pub(crate) ratio: f64,
}

/// Item 2: a cold NPI lookup (one index refresh).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct NpiCold {
    pub(crate) providers: u64,
    pub(crate) wall_s: f64,
    pub(crate) list_requests: u64,
    pub(crate) total_requests: u64,
}

/// Item 2: warm lookups from the built index.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct NpiWarm {
    pub(crate) lookups: u64,
    pub(crate) ns_per_lookup: f64,
    pub(crate) extra_requests: u64,
}

/// Item 2: concurrent cold lookups on a fresh client.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct NpiConcurrent {
    pub(crate) lookups: u64,
    pub(crate) wall_s: f64,
    pub(crate) list_requests: u64,
    pub(crate) refresh_pages: u64,
}

/// Item 3: SSN tokens per second on one thread.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct SsnRate {
    /// `cached_key` or `derive_per_token`.
    pub(crate) mode: String,
    pub(crate) tokens: u64,
    pub(crate) secs: f64,
    pub(crate) per_second: f64,
}

/// Item 4: one fresh client process's peak resident set.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Memory {
    /// `baseline`, `stream`, `collect` or `upload`.
    pub(crate) scenario: String,
    pub(crate) outcome: String,
    pub(crate) records: u64,
    pub(crate) bytes: u64,
    pub(crate) vm_hwm_kib: u64,
}

/// Item 5: the listing under counted faults or a dead server.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct FaultRun {
    pub(crate) scenario: String,
    pub(crate) page_size: u64,
    pub(crate) outcome: String,
    pub(crate) wall_s: f64,
    pub(crate) requests: u64,
    pub(crate) throttled: u64,
    pub(crate) server_errors: u64,
    pub(crate) records: u64,
    pub(crate) duplicates: u64,
    pub(crate) missing: u64,
}

/// Item 5: the listing against the mock's token-bucket rate limit.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct RateLimitRun {
    pub(crate) limit_rps: f64,
    pub(crate) burst: u64,
    pub(crate) page_size: u64,
    pub(crate) outcome: String,
    pub(crate) wall_s: f64,
    pub(crate) requests: u64,
    pub(crate) throttled: u64,
    pub(crate) records: u64,
    pub(crate) duplicates: u64,
    pub(crate) missing: u64,
    pub(crate) req_per_s: f64,
    pub(crate) share_of_limit: f64,
    pub(crate) throttled_share: f64,
}

/// Item 6: `cargo build -p assured` from an empty target directory.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct ColdBuild {
    /// `default` or the `--features` given.
    pub(crate) features: String,
    pub(crate) outcome: String,
    pub(crate) secs: f64,
    /// "Compiling" lines of cargo's output.
    pub(crate) crates: u64,
}
