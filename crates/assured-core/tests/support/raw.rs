//! A loopback server that writes raw bytes: for replies no well-behaved
//! server library would send (lying lengths, endless chunked bodies, slow
//! answers), and for a listener that never accepts.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpSocket, TcpStream};

/// What the raw server does with one request.
pub struct RawReply {
    /// Waits this long before answering.
    pub delay: Duration,
    /// Writes these bytes, then closes the connection.
    pub bytes: Vec<u8>,
}

impl RawReply {
    /// A complete HTTP/1.1 reply with a `Content-Length` body.
    pub fn json(status: u16, body: &str) -> Self {
        Self {
            delay: Duration::ZERO,
            bytes: format!(
                "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            )
            .into_bytes(),
        }
    }

    /// A chunked reply whose body is `chunks` chunks of `chunk` bytes each.
    pub fn chunked(status: u16, chunk: usize, chunks: usize) -> Self {
        let mut bytes = format!(
            "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n"
        )
        .into_bytes();
        for _ in 0..chunks {
            bytes.extend_from_slice(format!("{chunk:x}\r\n").as_bytes());
            bytes.extend(std::iter::repeat_n(b' ', chunk));
            bytes.extend_from_slice(b"\r\n");
        }
        bytes.extend_from_slice(b"0\r\n\r\n");
        Self {
            delay: Duration::ZERO,
            bytes,
        }
    }

    /// Answers after `delay`.
    pub fn after(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }
}

/// A running raw server.
#[derive(Clone)]
pub struct RawServer {
    addr: std::net::SocketAddr,
    requests: Arc<AtomicUsize>,
    heads: Arc<std::sync::Mutex<Vec<String>>>,
}

impl RawServer {
    /// Starts a server; `reply` gets the index of each request.
    pub async fn start(reply: impl Fn(usize) -> RawReply + Send + Sync + 'static) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let requests = Arc::new(AtomicUsize::new(0));
        let heads = Arc::new(std::sync::Mutex::new(Vec::new()));
        let reply = Arc::new(reply);
        let (count, seen) = (Arc::clone(&requests), Arc::clone(&heads));
        tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    return;
                };
                let (count, seen, reply) =
                    (Arc::clone(&count), Arc::clone(&seen), Arc::clone(&reply));
                tokio::spawn(async move {
                    let (mut stream, head) = read_request(stream).await;
                    seen.lock().unwrap().push(head);
                    let index = count.fetch_add(1, Ordering::SeqCst);
                    let reply = reply(index);
                    tokio::time::sleep(reply.delay).await;
                    // The client may have given up already.
                    let _ = stream.write_all(&reply.bytes).await;
                    let _ = stream.shutdown().await;
                });
            }
        });
        Self {
            addr,
            requests,
            heads,
        }
    }

    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Requests received so far.
    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }

    /// The request heads (request line and headers) received so far.
    pub fn heads(&self) -> Vec<String> {
        self.heads.lock().unwrap().clone()
    }
}

/// Reads one request: its head, and as much body as it announces.
async fn read_request(mut stream: TcpStream) -> (TcpStream, String) {
    let mut data = Vec::new();
    let mut buf = [0u8; 4096];
    let head_end = loop {
        if let Some(at) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => break data.len(),
            Ok(n) => data.extend_from_slice(&buf[..n]),
        }
    };
    let head = String::from_utf8_lossy(&data[..head_end]).into_owned();
    let length: usize = head
        .lines()
        .find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse().ok())?
        })
        .unwrap_or(0);
    let mut have = data.len() - head_end;
    while have < length {
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => break,
            Ok(n) => have += n,
        }
    }
    (stream, head)
}

/// A listener whose accept queue is full and never drained: a connect to it
/// hangs until the client's connect timeout (Linux drops the SYN of a
/// connection it has no room for). Keep the value alive for the test.
pub struct FullListener {
    _listener: std::net::TcpListener,
    _queued: Vec<std::net::TcpStream>,
    addr: std::net::SocketAddr,
}

impl FullListener {
    pub fn start() -> Self {
        let socket = TcpSocket::new_v4().unwrap();
        socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
        let addr = socket.local_addr().unwrap();
        // A backlog of 0 leaves room for one queued connection; fill it.
        let listener = socket.listen(0).unwrap().into_std().unwrap();
        let queued = (0..2)
            .filter_map(|_| {
                std::net::TcpStream::connect_timeout(&addr, Duration::from_millis(200)).ok()
            })
            .collect();
        Self {
            _listener: listener,
            _queued: queued,
            addr,
        }
    }

    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }
}
