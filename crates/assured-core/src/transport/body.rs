//! The request body: bytes in memory, or a sequence of byte pieces and file
//! regions (a multipart form whose file parts are on disk).
//!
//! A body is a *description* that can be sent any number of times: each
//! attempt gets a fresh stream, and each file is opened afresh and read in
//! chunks, so a retry resends the same bytes and a large file is never held
//! in memory whole.

use std::fmt;
use std::io;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::Arc;

use bytes::{Bytes, BytesMut};
use futures_util::{Stream, StreamExt as _, TryStreamExt as _};
use tokio::io::AsyncReadExt as _;

use super::progress::UploadProgress;

/// Bytes read from a file per chunk.
const CHUNK: usize = 64 * 1024;

/// The body of an [`HttpRequest`](crate::HttpRequest).
///
/// Cheap to clone (the pieces are shared). A transport of your own reads it
/// with [`RequestBody::in_memory`] (no file parts), [`RequestBody::stream`]
/// or [`RequestBody::collect`]. A body with an
/// [`UploadProgress`] attached ([`RequestBody::with_progress`]) reports the
/// chunks its streams yield.
///
/// ```
/// use assured_core::transport::RequestBody;
///
/// # async fn run() -> std::io::Result<()> {
/// let body = RequestBody::from(b"{}".to_vec());
/// assert_eq!(body.len(), 2);
/// assert_eq!(body.collect().await?, b"{}".as_slice());
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Default)]
pub struct RequestBody {
    pieces: Arc<[Piece]>,
    len: u64,
    progress: Option<UploadProgress>,
}

#[derive(Clone)]
pub(crate) enum Piece {
    Bytes(Bytes),
    /// The first `len` bytes of the file at `path` (its length when the body
    /// was made; a file that has changed length since fails the attempt).
    File {
        path: PathBuf,
        len: u64,
    },
}

impl Piece {
    fn len(&self) -> u64 {
        match self {
            Self::Bytes(bytes) => bytes.len() as u64,
            Self::File { len, .. } => *len,
        }
    }
}

/// A stream of body chunks, as a transport sends them.
pub type BodyStream = Pin<Box<dyn Stream<Item = io::Result<Bytes>> + Send + 'static>>;

impl RequestBody {
    /// No body.
    pub fn empty() -> Self {
        Self::default()
    }

    pub(crate) fn from_pieces(pieces: Vec<Piece>) -> Self {
        let len = pieces.iter().map(Piece::len).sum();
        Self {
            pieces: pieces.into(),
            len,
            progress: None,
        }
    }

    /// Reports this body's bytes to `progress` as each attempt's stream
    /// yields them. An observed body is always sent as a stream
    /// ([`RequestBody::in_memory`] is `None`), so that even one in memory
    /// reports as it goes.
    #[must_use]
    pub fn with_progress(mut self, progress: UploadProgress) -> Self {
        self.progress = Some(progress);
        self
    }

    /// Its length in bytes (the `Content-Length`).
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether it has no bytes.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The whole body, when it is all in memory (no file parts) and no
    /// [`UploadProgress`] observes it.
    pub fn in_memory(&self) -> Option<Bytes> {
        if self.progress.is_some() {
            return None;
        }
        match &*self.pieces {
            [] => Some(Bytes::new()),
            [Piece::Bytes(bytes)] => Some(bytes.clone()),
            pieces => {
                let mut out = BytesMut::with_capacity(usize::try_from(self.len).ok()?);
                for piece in pieces {
                    match piece {
                        Piece::Bytes(bytes) => out.extend_from_slice(bytes),
                        Piece::File { .. } => return None,
                    }
                }
                Some(out.freeze())
            }
        }
    }

    /// A fresh stream of the body, in chunks of at most 64 KiB: files are
    /// opened now and read chunk by chunk. A file that is missing, shorter
    /// or longer than when the body was made ends the stream with an
    /// error. Each stream is one attempt for the body's [`UploadProgress`].
    pub fn stream(&self) -> BodyStream {
        let pieces = Arc::clone(&self.pieces);
        let chunks = futures_util::stream::iter(0..pieces.len())
            .map(move |index| piece_stream(pieces[index].clone()))
            .flatten();
        let Some(progress) = self.progress.clone() else {
            return chunks.boxed();
        };
        let total = self.len;
        let attempt = progress.start(total);
        let mut sent = 0u64;
        chunks
            .map_ok(move |chunk| {
                sent = sent.saturating_add(chunk.len() as u64);
                progress.report(sent, total, attempt);
                chunk
            })
            .boxed()
    }

    /// Reads the whole body into memory (for tests and small bodies).
    pub async fn collect(&self) -> io::Result<Bytes> {
        if let Some(bytes) = self.in_memory() {
            return Ok(bytes);
        }
        let mut out = BytesMut::new();
        let mut stream = self.stream();
        while let Some(chunk) = stream.try_next().await? {
            out.extend_from_slice(&chunk);
        }
        Ok(out.freeze())
    }
}

/// One piece as a stream of chunks (slices of the bytes, or reads of the
/// file).
fn piece_stream(piece: Piece) -> BodyStream {
    match piece {
        Piece::Bytes(bytes) => {
            let starts = (0..bytes.len()).step_by(CHUNK);
            futures_util::stream::iter(
                starts.map(move |start| Ok(bytes.slice(start..bytes.len().min(start + CHUNK)))),
            )
            .boxed()
        }
        Piece::File { path, len } => file_stream(path, len),
    }
}

struct OpenFile {
    file: tokio::fs::File,
    remaining: u64,
    path: PathBuf,
}

fn file_stream(path: PathBuf, len: u64) -> BodyStream {
    futures_util::stream::try_unfold(
        (Some(path), None::<OpenFile>),
        move |(path, open)| async move {
            let mut open = match (path, open) {
                (Some(path), _) => OpenFile {
                    file: tokio::fs::File::open(&path)
                        .await
                        .map_err(|err| context(&path, &err))?,
                    remaining: len,
                    path,
                },
                (None, Some(open)) => open,
                (None, None) => return Ok(None),
            };
            if open.remaining == 0 {
                // Sending fewer bytes than the file holds would upload a
                // silently truncated file.
                let mut probe = [0u8; 1];
                if open.file.read(&mut probe).await? > 0 {
                    return Err(changed(&open.path, "grew"));
                }
                return Ok(None);
            }
            let want = usize::try_from(open.remaining).map_or(CHUNK, |left| left.min(CHUNK));
            let mut chunk = vec![0u8; want];
            let read = open.file.read(&mut chunk).await?;
            if read == 0 {
                return Err(changed(&open.path, "shrank"));
            }
            chunk.truncate(read);
            open.remaining -= read as u64;
            Ok(Some((Bytes::from(chunk), (None, Some(open)))))
        },
    )
    .boxed()
}

fn context(path: &std::path::Path, err: &io::Error) -> io::Error {
    io::Error::new(err.kind(), format!("{}: {err}", path.display()))
}

fn changed(path: &std::path::Path, how: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("{} {how} while it was being sent", path.display()),
    )
}

impl From<Bytes> for RequestBody {
    fn from(bytes: Bytes) -> Self {
        if bytes.is_empty() {
            return Self::empty();
        }
        Self::from_pieces(vec![Piece::Bytes(bytes)])
    }
}

impl From<Vec<u8>> for RequestBody {
    fn from(bytes: Vec<u8>) -> Self {
        Bytes::from(bytes).into()
    }
}

impl fmt::Debug for RequestBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let files = self
            .pieces
            .iter()
            .filter(|piece| matches!(piece, Piece::File { .. }))
            .count();
        f.debug_struct("RequestBody")
            .field("len", &self.len)
            .field("file_parts", &files)
            .field("progress", &self.progress.is_some())
            .finish_non_exhaustive()
    }
}
