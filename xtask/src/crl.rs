//! The local CRL server of `cargo xtask dev` and the tests: the test PKI's CRLs over plain HTTP
//! on 127.0.0.1, at the port its certificates' CRL distribution points name
//! ([`crate::pki::Pki::crl_port`]), so the worker fetches them as it fetches a real CA's.
//!
//! A thread of this process, not a child: it serves `GET /<name>.crl` from the PKI's
//! directory (a name of letters, digits and dashes; anything else is 404), counts the
//! requests (the tests read the count to see the worker's KV cache at work), and stops when
//! dropped.

use crate::Result;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// A running CRL server; stopped when dropped.
pub struct CrlServer {
    pub port: u16,
    stop: Arc<AtomicBool>,
    served: Arc<AtomicU64>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl CrlServer {
    /// Serves the `.crl` files of `dir` on 127.0.0.1:`port`.
    pub fn start(dir: PathBuf, port: u16) -> Result<CrlServer> {
        let listener = TcpListener::bind(("127.0.0.1", port)).map_err(|e| {
            format!(
                "the test CRL server cannot listen on 127.0.0.1:{port} ({e}): another `cargo \
                 xtask dev` or test run of this clone is using it; stop it, or delete the test \
                 PKI ({}) to pick another port",
                dir.display()
            )
        })?;
        let stop = Arc::new(AtomicBool::new(false));
        let served = Arc::new(AtomicU64::new(0));
        let thread = std::thread::spawn({
            let stop = stop.clone();
            let served = served.clone();
            move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    if let Ok(stream) = stream {
                        let _ = answer(stream, &dir, &served);
                    }
                }
            }
        });
        Ok(CrlServer {
            port,
            stop,
            served,
            thread: Some(thread),
        })
    }

    /// How many CRLs it has served.
    pub fn served(&self) -> u64 {
        self.served.load(Ordering::SeqCst)
    }
}

impl Drop for CrlServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn answer(stream: TcpStream, dir: &std::path::Path, served: &AtomicU64) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    // The headers, up to the blank line (no body is expected).
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
            break;
        }
    }
    let mut parts = request.split_whitespace();
    let (method, path) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let name = path.strip_prefix('/').unwrap_or("");
    let file = name
        .strip_suffix(".crl")
        .filter(|stem| {
            !stem.is_empty() && stem.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
        .map(|_| dir.join(name))
        .filter(|f| f.is_file());
    let mut out = stream;
    match (method, file.and_then(|f| std::fs::read(f).ok())) {
        ("GET", Some(bytes)) => {
            served.fetch_add(1, Ordering::SeqCst);
            write!(
                out,
                "HTTP/1.1 200 OK\r\nContent-Type: application/pkix-crl\r\n\
                 Content-Length: {}\r\nConnection: close\r\n\r\n",
                bytes.len()
            )?;
            out.write_all(&bytes)?;
        }
        _ => {
            out.write_all(
                b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            )?;
        }
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn get(port: u16, path: &str) -> String {
        let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        write!(s, "GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").expect("write");
        let mut out = String::new();
        let _ = s.read_to_string(&mut out);
        out
    }

    #[test]
    fn serves_crl_files_only_and_stops() {
        let dir = crate::paths::target().join("xtask-test-crl-server");
        std::fs::create_dir_all(&dir).expect("dir");
        std::fs::write(dir.join("ca.crl"), b"CRL").expect("write");
        std::fs::write(dir.join("secret.key"), b"KEY").expect("write");
        let port = crate::server::free_port().expect("port");
        let server = CrlServer::start(dir, port).expect("start");
        let ok = get(port, "/ca.crl");
        assert!(ok.starts_with("HTTP/1.1 200"), "{ok}");
        assert!(ok.ends_with("CRL"), "{ok}");
        for bad in ["/secret.key", "/../ca.crl", "/missing.crl", "/.crl"] {
            assert!(get(port, bad).starts_with("HTTP/1.1 404"), "{bad}");
        }
        assert_eq!(server.served(), 1);
        drop(server);
        // The server no longer answers. (Not checked by binding the port again: the port came
        // from the ephemeral range, where another process's outgoing connection may hold it;
        // and another program started meanwhile — a second test run on this machine — may
        // already listen on the freed port, so a connection alone proves nothing: whoever
        // answers must not serve our file.)
        if let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)) {
            s.set_read_timeout(Some(std::time::Duration::from_secs(2)))
                .expect("timeout");
            let _ = write!(
                s,
                "GET /ca.crl HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
            );
            let mut out = String::new();
            let _ = s.read_to_string(&mut out);
            assert!(!out.ends_with("CRL"), "still serving: {out}");
        }
    }
}
