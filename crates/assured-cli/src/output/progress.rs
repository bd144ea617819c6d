//! Progress bars on stderr. indicatif draws nothing when stderr is not a
//! terminal, so pipes and logs stay clean.

use assured::engine::transport::{Transferred, UploadProgress};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Records received out of the listing's `count` (set once the first page
/// tells it).
pub(crate) fn records() -> ProgressBar {
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} records ({per_sec}, {eta} left)")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

/// Bytes of an upload (sized to the file until the first attempt tells
/// the whole form's length).
pub(crate) fn bytes(total: u64) -> ProgressBar {
    bytes_to(total, ProgressDrawTarget::stderr())
}

fn bytes_to(total: u64, target: ProgressDrawTarget) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(total), target);
    bar.set_style(
        ProgressStyle::with_template("{msg} {bar:40} {bytes}/{total_bytes}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_message("uploading");
    bar
}

/// Moves `bar` with the bytes the transport has read; a retry starts the
/// bar again from 0 and says so.
pub(crate) fn upload_observer(bar: &ProgressBar) -> UploadProgress {
    let bar = bar.clone();
    UploadProgress::new(move |step: Transferred| {
        if step.sent == 0 {
            bar.set_length(step.total);
            if step.attempt > 1 {
                bar.set_message(format!("uploading (attempt {})", step.attempt));
            }
        }
        bar.set_position(step.sent);
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use assured::engine::MultipartForm;
    use futures_util::TryStreamExt as _;

    /// The bar follows the body's chunks as a transport reads them, and a
    /// second attempt starts it again.
    #[tokio::test]
    async fn the_upload_bar_counts_the_bytes_as_they_are_read()
    -> Result<(), Box<dyn std::error::Error>> {
        let bar = bytes_to(1, ProgressDrawTarget::hidden());
        let file = vec![7u8; 300 * 1024];
        let form = MultipartForm::new()
            .file("file", "a.pdf", "application/pdf", file)
            .progress(upload_observer(&bar));
        let body = form.body().await?;
        let mut stream = body.stream();
        let first = stream.try_next().await?.ok_or("no chunk")?;
        assert_eq!(bar.length(), Some(body.len()));
        assert_eq!(bar.position(), first.len() as u64);
        assert!(bar.position() < body.len());
        while stream.try_next().await?.is_some() {}
        assert_eq!(bar.position(), body.len());
        let _retry = body.stream();
        assert_eq!(bar.position(), 0);
        assert_eq!(bar.message(), "uploading (attempt 2)");
        Ok(())
    }
}
