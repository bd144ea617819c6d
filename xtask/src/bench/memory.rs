//! Item 4, run as separate processes: the mock in one (`suite serve`),
//! and each client scenario in a fresh one (`suite memory <scenario>`),
//! which reports its own peak resident set.

use std::fs::File;
use std::io::{BufRead as _, BufReader, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};

use serde_json::Value;

use super::figures::{Figure, Memory};
use super::suite;

/// Providers the mock serves for the streaming and collecting scenarios.
pub(crate) const PROVIDERS: u32 = 100_000;
/// Sizes of the uploaded files: the target's 100 MiB, and 60 MiB, under
/// the 64 MiB request-body cap of today's mock, so that one file is sent
/// whole even while the mock refuses the larger one part-way.
pub(crate) const UPLOAD_SIZES: [u64; 2] = [100 * 1024 * 1024, 60 * 1024 * 1024];
/// The listing scenarios, baseline first; then one upload per size.
const SCENARIOS: [&str; 3] = ["baseline", "stream", "collect"];

/// The mock process; killed if the run ends early.
struct Serving {
    child: Child,
    stdout: BufReader<ChildStdout>,
    env: Vec<(&'static str, String)>,
}

impl Drop for Serving {
    fn drop(&mut self) {
        // Only our own child, by its handle; a no-op once it has exited.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub(crate) fn run(suite: &Path) -> Result<Vec<Figure>, String> {
    let mut serving = serve(suite)?;
    let mut figures = Vec::new();
    for scenario in SCENARIOS {
        figures.push(scenario_process(suite, &serving, scenario, None)?);
    }
    for bytes in UPLOAD_SIZES {
        let file = upload_file(bytes)?;
        let result = scenario_process(suite, &serving, "upload", Some(&file));
        let _ = std::fs::remove_file(&file);
        figures.push(result?);
    }
    // Closing its stdin stops the mock; it reports what it was asked.
    drop(serving.child.stdin.take());
    let mut line = String::new();
    let _ = serving.stdout.read_line(&mut line);
    if !line.trim().is_empty() {
        eprintln!("xtask: the memory mock served {}", line.trim());
    }
    Ok(figures)
}

/// Runs `suite memory <scenario>` in a fresh process; its one figure.
fn scenario_process(
    suite: &Path,
    serving: &Serving,
    scenario: &str,
    file: Option<&Path>,
) -> Result<Figure, String> {
    eprintln!("xtask: -- suite memory {scenario} (fresh process)");
    let mut command = Command::new(suite);
    command
        .args(["memory", scenario])
        .envs(serving.env.iter().cloned());
    if let Some(file) = file {
        command.arg("--file").arg(file);
    }
    let output = command
        .stderr(Stdio::inherit())
        .output()
        .map_err(|err| format!("could not start the {scenario} process: {err}"))?;
    if !output.status.success() {
        return Err(format!("memory {scenario} exited with {}", output.status));
    }
    let mut parsed = suite::read_figures(output.stdout.as_slice())?;
    match parsed.pop() {
        Some(figure @ Figure::Memory(Memory { .. })) if parsed.is_empty() => Ok(figure),
        other => Err(format!("memory {scenario} printed {parsed:?} {other:?}")),
    }
}

/// Starts `suite serve` and reads where it listens.
fn serve(suite: &Path) -> Result<Serving, String> {
    let mut child = Command::new(suite)
        .args([
            "serve",
            "--providers",
            &PROVIDERS.to_string(),
            "--latency-ms",
            "20",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|err| format!("could not start the mock process: {err}"))?;
    let stdout = child
        .stdout
        .take()
        .ok_or("the mock process has no stdout")?;
    let mut serving = Serving {
        child,
        stdout: BufReader::new(stdout),
        env: Vec::new(),
    };
    let mut line = String::new();
    serving
        .stdout
        .read_line(&mut line)
        .map_err(|err| format!("reading the mock's address: {err}"))?;
    let serving_line: Value =
        serde_json::from_str(&line).map_err(|err| format!("the mock said {line:?}: {err}"))?;
    let field = |name: &str| {
        serving_line[name]
            .as_str()
            .map(ToOwned::to_owned)
            .ok_or_else(|| format!("the mock did not say its {name}: {line:?}"))
    };
    serving.env = vec![
        ("ASSURED_BASE_URL", field("base_url")?),
        ("ASSURED_API_KEY", field("api_key")?),
        ("ASSURED_USER", field("user")?),
        ("ASSURED_PASS", field("password")?),
    ];
    Ok(serving)
}

/// A PDF-signed file of `size` bytes in the temporary directory.
fn upload_file(size: u64) -> Result<PathBuf, String> {
    let path = std::env::temp_dir().join(format!(
        "assured-bench-upload-{}-{size}.pdf",
        std::process::id()
    ));
    let write = || -> std::io::Result<()> {
        let mut file = std::io::BufWriter::new(File::create(&path)?);
        let chunk: Vec<u8> = (0..1024 * 1024u32)
            .map(|index| (index.wrapping_mul(2_654_435_761) >> 24) as u8)
            .collect();
        file.write_all(b"%PDF-1.7\n")?;
        let mut written = 9u64;
        while written < size {
            let take =
                usize::try_from((size - written).min(chunk.len() as u64)).unwrap_or(chunk.len());
            file.write_all(&chunk[..take])?;
            written += take as u64;
        }
        file.flush()
    };
    write().map_err(|err| format!("writing {}: {err}", path.display()))?;
    Ok(path)
}
