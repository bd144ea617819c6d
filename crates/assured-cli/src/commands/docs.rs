//! `assured docs`: upload a document and link it to a provider, finish an
//! upload whose link failed, mint a download URL.

use std::path::PathBuf;

use assured::helpers::{DocumentFile, HelperError, S3Url};
use assured::models::ProfileId;
use clap::{Args, Subcommand};

use crate::context::Context;
use crate::exit::{CliError, ExitKind};
use crate::output::{OutputArgs, print_record, progress};

/// The actions of `assured docs`.
#[derive(Debug, Subcommand)]
pub(crate) enum DocsCommand {
    /// Uploads a PDF, PNG or JPEG and links it to the provider; the file is
    /// checked (format, signature, size) before any request.
    Upload(UploadArgs),
    /// Links an already uploaded file (its s3:// URL) to the provider: how
    /// an upload whose link failed is finished.
    Associate(AssociateArgs),
    /// A short-lived HTTPS URL to download an uploaded file.
    Presign(PresignArgs),
}

/// The document's name and type, as the platform files it.
#[derive(Debug, Clone, Args)]
pub(crate) struct DocumentLabel {
    /// Document name (e.g. "State Medical License").
    #[arg(long)]
    name: String,
    /// Document type (e.g. "License").
    #[arg(long = "type", value_name = "TYPE")]
    kind: String,
}

/// `assured docs upload PROFILE_ID FILE --name NAME --type TYPE`
#[derive(Debug, Args)]
pub(crate) struct UploadArgs {
    /// The provider **profile** id.
    profile: ProfileId,
    /// The PDF, PNG or JPEG file.
    file: PathBuf,
    #[command(flatten)]
    label: DocumentLabel,
    #[command(flatten)]
    output: OutputArgs,
}

/// `assured docs associate PROFILE_ID S3_URL --name NAME --type TYPE`
#[derive(Debug, Args)]
pub(crate) struct AssociateArgs {
    /// The provider **profile** id.
    profile: ProfileId,
    /// The uploaded file's s3:// URL.
    s3_url: String,
    #[command(flatten)]
    label: DocumentLabel,
    #[command(flatten)]
    output: OutputArgs,
}

/// `assured docs presign S3_URL`
#[derive(Debug, Args)]
pub(crate) struct PresignArgs {
    /// The uploaded file's s3:// URL.
    s3_url: String,
}

impl DocsCommand {
    pub(crate) async fn run(self, context: &Context) -> Result<(), CliError> {
        match self {
            Self::Upload(args) => upload(args, context).await,
            Self::Associate(args) => {
                args.output.check()?;
                let s3_url = parse_s3_url(&args.s3_url)?;
                let client = context.client()?;
                let document = client
                    .provider_profile()
                    .associate_document(&args.profile, &s3_url, &args.label.name, &args.label.kind)
                    .await?;
                print_record(&document, &args.output)
            }
            Self::Presign(args) => {
                let s3_url = parse_s3_url(&args.s3_url)?;
                let client = context.client()?;
                println!("{}", client.helpers().presign_url(&s3_url).await?);
                Ok(())
            }
        }
    }
}

async fn upload(args: UploadArgs, context: &Context) -> Result<(), CliError> {
    args.output.check()?;
    let size = std::fs::metadata(&args.file)
        .map_err(|err| {
            CliError::new(
                ExitKind::Validation,
                format!("{}: {err}", args.file.display()),
            )
        })?
        .len();
    let client = context.client()?;
    let bar = progress::bytes(size);
    let result = client
        .provider_profile()
        .upload_and_associate_document_with_progress(
            &args.profile,
            DocumentFile::from_path(&args.file),
            &args.label.name,
            &args.label.kind,
            progress::upload_observer(&bar),
        )
        .await;
    match result {
        Ok(document) => {
            bar.finish_and_clear();
            print_record(&document, &args.output)
        }
        Err(HelperError::AssociationFailed { s3_url, source }) => {
            bar.abandon();
            let finish = [
                "assured".to_owned(),
                "docs".to_owned(),
                "associate".to_owned(),
                args.profile.to_string(),
                s3_url.to_string(),
                "--name".to_owned(),
                args.label.name.clone(),
                "--type".to_owned(),
                args.label.kind.clone(),
            ];
            let command = shlex::try_join(finish.iter().map(String::as_str))
                .map_err(|err| CliError::failure(format!("quoting the command: {err}")))?;
            Err(CliError::from(source)
                .note(format!(
                    "the file was uploaded to {s3_url} but not linked to the provider"
                ))
                .note(format!("finish with: {command}")))
        }
        Err(error) => {
            bar.abandon();
            Err(error.into())
        }
    }
}

fn parse_s3_url(text: &str) -> Result<S3Url, CliError> {
    text.parse().map_err(|err: assured::helpers::InvalidS3Url| {
        CliError::new(ExitKind::Validation, err.to_string())
    })
}
