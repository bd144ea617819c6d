//! The generated facade and parity table are current, and complete: every
//! Python-client method has a Rust equivalent and every live endpoint a
//! facade method (generation fails otherwise, naming what is missing).

use xtask::codegen;

#[test]
fn generated_files_are_current() {
    let stale = codegen::check(&xtask::repo_root()).unwrap_or_else(|err| panic!("{err}"));
    assert!(
        stale.is_empty(),
        "stale generated files (run `cargo xtask codegen`): {stale:?}"
    );
}

#[test]
fn every_python_method_and_live_endpoint_is_mapped() {
    let files = codegen::generate(&xtask::repo_root()).unwrap_or_else(|err| panic!("{err}"));
    let parity = &files
        .iter()
        .find(|(path, _)| path.ends_with(codegen::PARITY_FILE))
        .expect("the parity page is generated")
        .1;
    let python =
        std::fs::read_to_string(xtask::repo_root().join("spec/python-client-methods.txt")).unwrap();
    let listed: Vec<&str> = python
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| line.split('(').next().unwrap())
        .collect();
    assert_eq!(listed.len(), 169, "the Python client lists 169 methods");
    for name in &listed {
        assert!(
            parity.contains(&format!("| `{name}` |")),
            "{name} is not in the parity table"
        );
    }
    for descriptor in assured_models::catalog::all() {
        assert_eq!(
            descriptor.facade.is_some(),
            descriptor.origin.is_live(),
            "{descriptor:?}: live endpoints have a facade method, dead ones none"
        );
    }
}

#[test]
fn every_paged_endpoint_has_a_current_cli_listing() {
    let root = xtask::repo_root();
    let files = codegen::generate(&root).unwrap_or_else(|err| panic!("{err}"));
    let cli: Vec<&(std::path::PathBuf, String)> = files
        .iter()
        .filter(|(path, _)| path.starts_with(codegen::CLI_DIR))
        .collect();
    for (path, contents) in &cli {
        assert_eq!(
            std::fs::read_to_string(root.join(path)).ok().as_deref(),
            Some(contents.as_str()),
            "{} is stale (run `cargo xtask codegen`)",
            path.display()
        );
    }
    let listed = cli
        .iter()
        .map(|(_, contents)| contents.matches("(reference row ").count())
        .sum::<usize>();
    let paged = assured_models::catalog::all()
        .filter(|d| d.paging.is_paged() && d.facade.is_some_and(|f| !f.via_helper))
        .count();
    assert_eq!(listed, paged, "one `list` command per paged endpoint");
}
