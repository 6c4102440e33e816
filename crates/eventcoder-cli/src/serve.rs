//! `eventcoder serve`: an interactive coding page and a JSON API over HTTP/1.1.
//!
//! Routes:
//! - `GET /` the page (`assets/serve.html`, with `/serve.css` and `/serve.js`; everything is
//!   compiled into the binary, nothing is fetched from elsewhere). `/?text=...&published=...`
//!   prefills the form and codes it on load.
//! - `POST /api/code` with `{"text": "...", "published": "YYYY-MM-DD" | null, "id": "..."}`
//!   (`published` and `id` optional) returns a JSON array of the events, each the JSONL
//!   contract object of `eventcoder code` ([`EventRecord`]). With `?explain=1` each object
//!   gets one more field, `"explanation"`, the readable text of
//!   [`eventcoder::Event::explain`].
//!
//! Errors are JSON objects `{"error": "..."}`: 400 for a body that is not the request above
//! or a bad date, 411 without a `Content-Length`, 413 for a body over [`MAX_BODY`] (refused
//! from its `Content-Length`, before it is read) or an article over the library's limit, 404,
//! 405, 408 for a request that takes longer than [`REQUEST_TIMEOUT`] to arrive.
//!
//! The server is written on [`httparse`] and `std::net` rather than on `tiny_http`: its latest
//! release (0.12) drains a request body left unread into one buffer of the size the client
//! declared, so a single request with a huge `Content-Length` could abort the process. Here a
//! body over the limit is never stored: it is refused from its `Content-Length`, and of a
//! client that keeps sending it at most [`MAX_BODY`] bytes (for at most 2 s) are read into a
//! small scratch buffer and thrown away, so that the client reads the 413 instead of a reset.
//!
//! Threads: the accepting thread hands each connection to a thread of its own (at most
//! [`MAX_CONNECTIONS`] at once; more are answered 503), which reads the request and writes
//! the response; coding runs on a fixed pool of `--threads` workers that share one [`Coder`]
//! through a bounded queue. Every response closes its connection, so an idle browser
//! connection never holds a coding worker.

use std::borrow::Cow;
use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use eventcoder::output::{CharIndex, EventRecord};
use eventcoder::{Article, Coder, parse_iso_date};
use serde::Serialize;

use crate::error::{CliError, report};

/// The largest request body accepted, in bytes (1 MiB).
pub const MAX_BODY: usize = 1 << 20;
/// The largest request head (request line and headers) accepted, in bytes. The page's
/// `/?text=...` links carry their text in the request line, so this is generous.
pub const MAX_HEAD: usize = 64 << 10;
/// How long a request may take to arrive, head and body, from the connection's start.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// How long writing a response may block.
const WRITE_TIMEOUT: Duration = Duration::from_secs(30);
/// Connections served at once; more are answered 503 and closed.
pub const MAX_CONNECTIONS: usize = 64;
/// After a refused body: how much of it is read and thrown away, and for how long, so that
/// the client (still sending) gets the response instead of a connection reset.
const LINGER_BYTES: usize = MAX_BODY;
const LINGER_TIME: Duration = Duration::from_secs(2);
/// Headers parsed per request.
const MAX_HEADERS: usize = 64;

const PAGE_HTML: &str = include_str!("../assets/serve.html");
const PAGE_CSS: &str = include_str!("../assets/serve.css");
const PAGE_JS: &str = include_str!("../assets/serve.js");

/// The page's policy: its own scripts, styles and API only (no other origin, no inline code).
const PAGE_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     connect-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; \
     frame-ancestors 'none'";

/// Runs `eventcoder serve` until the process is stopped: binds `host:port` (port 0 picks a
/// free one), prints `eventcoder serve: listening on http://ADDR/` on stderr and serves.
pub(crate) fn run(
    host: &str,
    port: u16,
    dictionaries: &crate::dictionaries::DictionaryArgs,
    threads: Option<usize>,
) -> Result<(), CliError> {
    let workers = match threads {
        Some(0) => return Err(CliError::failed("--threads 0", "give at least 1")),
        Some(n) => n,
        None => thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let coder = dictionaries.build(false, false, false)?;
    let listener = TcpListener::bind((host, port)).map_err(|e| {
        CliError::failed(
            format!("cannot listen on {host}:{port}: {e}"),
            "choose another --port (--port 0 picks a free one) or --host",
        )
    })?;
    let addr = listener
        .local_addr()
        .map_err(|e| CliError::io("the listening socket", e))?;
    if !addr.ip().is_loopback() {
        report(format_args!(
            "warning: listening on {addr}: anyone who can reach this address can use the \
             server (it has no authentication)"
        ));
    }
    let (jobs, queue) = mpsc::sync_channel::<Job>(workers.saturating_mul(4));
    let queue = Mutex::new(queue);
    let active = AtomicUsize::new(0);
    // `Coder` is `Send + Sync`: the workers share one by reference.
    let (coder, queue, active) = (&coder, &queue, &active);
    thread::scope(move |s| {
        for i in 0..workers {
            thread::Builder::new()
                .name(format!("code-{i}"))
                .spawn_scoped(s, move || worker(coder, queue))
                .map_err(|e| CliError::Failed {
                    message: format!("cannot start worker threads: {e}"),
                    hint: Some("try a smaller --threads".to_string()),
                })?;
        }
        let _ = writeln!(
            io::stderr().lock(),
            "eventcoder serve: listening on http://{addr}/"
        );
        for conn in listener.incoming() {
            let stream = match conn {
                Ok(stream) => stream,
                Err(e) => {
                    // Out of file descriptors and the like: wait a little rather than spin.
                    report(format_args!("serve: accepting a connection: {e}"));
                    thread::sleep(Duration::from_millis(50));
                    continue;
                }
            };
            if active.fetch_add(1, Ordering::AcqRel) >= MAX_CONNECTIONS {
                active.fetch_sub(1, Ordering::AcqRel);
                refuse(stream);
                continue;
            }
            let jobs = jobs.clone();
            let spawned = thread::Builder::new()
                .name("connection".to_string())
                .spawn_scoped(s, move || {
                    let _slot = Slot(active);
                    // A bug in request handling closes this connection, not the server.
                    let _ =
                        panic::catch_unwind(AssertUnwindSafe(|| serve_connection(stream, &jobs)));
                });
            if let Err(e) = spawned {
                active.fetch_sub(1, Ordering::AcqRel);
                report(format_args!("serve: cannot start a connection thread: {e}"));
            }
        }
        // `incoming` never ends; the workers stop once `jobs` is dropped here.
        Ok(())
    })
}

/// A connection's place among the [`MAX_CONNECTIONS`]; given back when dropped.
struct Slot<'a>(&'a AtomicUsize);

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Answers a connection over the limit with 503 from the accepting thread, which must not
/// wait: the request is not read.
fn refuse(mut stream: TcpStream) {
    let _ = stream.set_write_timeout(Some(Duration::from_millis(100)));
    let r = Response::error(503, "too many connections; try again");
    let _ = write_response(&mut stream, &r, false);
    close(stream);
}

/// Closes a connection after its response without waiting: what already arrived and was not
/// read (a request not served, a pipelined one) is thrown away first, since closing a socket
/// with unread data resets the connection, and the client could lose the response.
fn close(mut stream: TcpStream) {
    let _ = stream.shutdown(Shutdown::Write);
    if stream.set_nonblocking(true).is_ok() {
        let mut scratch = [0u8; 8192];
        for _ in 0..8 {
            match stream.read(&mut scratch) {
                Ok(n) if n > 0 => {}
                _ => break,
            }
        }
    }
}

/// A request to code one article, and where to send the answer.
struct Job {
    article: Article,
    explain: bool,
    reply: mpsc::SyncSender<Response>,
}

/// A coding worker: codes queued articles until the queue is closed.
fn worker(coder: &Coder, queue: &Mutex<mpsc::Receiver<Job>>) {
    loop {
        let job = queue.lock().unwrap_or_else(PoisonError::into_inner).recv();
        let Ok(job) = job else { return };
        let response =
            panic::catch_unwind(AssertUnwindSafe(|| code(coder, &job.article, job.explain)))
                .unwrap_or_else(|_| {
                    Response::error(
                        500,
                        "internal error while coding (a bug; please report it with the text)",
                    )
                });
        // The client may have gone away meanwhile: nothing to do then.
        let _ = job.reply.send(response);
    }
}

/// An event record with its explanation (`?explain=1`).
#[derive(Serialize)]
struct Explained<'a> {
    #[serde(flatten)]
    record: &'a EventRecord,
    explanation: String,
}

/// Codes one article: the JSON array of its events, as `eventcoder code` writes them.
fn code(coder: &Coder, article: &Article, explain: bool) -> Response {
    let doc = match coder.code(article) {
        Ok(doc) => doc,
        Err(e @ eventcoder::Error::InputTooLarge { .. }) => {
            return Response::error(413, &e.to_string());
        }
        Err(e) => return Response::error(400, &e.to_string()),
    };
    let mut ix = CharIndex::new(&article.text);
    let mut out = b"[".to_vec();
    for (i, e) in doc.events.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        let record = EventRecord::new(e, &mut ix);
        let written = if explain {
            let explanation = e.explain(&article.text);
            serde_json::to_writer(
                &mut out,
                &Explained {
                    record: &record,
                    explanation,
                },
            )
        } else {
            serde_json::to_writer(&mut out, &record)
        };
        if let Err(e) = written {
            return Response::error(500, &format!("cannot write the events: {e}"));
        }
    }
    out.push(b']');
    Response::new(200, "application/json", out)
}

/// A response: status, content type and body. Every response closes its connection.
struct Response {
    status: u16,
    content_type: &'static str,
    body: Cow<'static, [u8]>,
    /// The methods a 405 names.
    allow: Option<&'static str>,
    /// Whether the page's content security policy is sent.
    page: bool,
}

impl Response {
    fn new(status: u16, content_type: &'static str, body: impl Into<Cow<'static, [u8]>>) -> Self {
        Response {
            status,
            content_type,
            body: body.into(),
            allow: None,
            page: false,
        }
    }

    /// A JSON error `{"error": message}`.
    fn error(status: u16, message: &str) -> Self {
        let body = serde_json::json!({ "error": message }).to_string();
        Response::new(status, "application/json", body.into_bytes())
    }

    /// An asset of the page.
    fn asset(content_type: &'static str, text: &'static str) -> Self {
        Response {
            page: true,
            ..Response::new(200, content_type, text.as_bytes())
        }
    }

    fn method_not_allowed(allow: &'static str) -> Self {
        Response {
            allow: Some(allow),
            ..Response::error(405, &format!("method not allowed here; use {allow}"))
        }
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        411 => "Length Required",
        413 => "Content Too Large",
        414 => "URI Too Long",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        _ => "Unknown",
    }
}

/// Writes `r` (its headers only when `head_only`) and flushes.
fn write_response(stream: &mut TcpStream, r: &Response, head_only: bool) -> io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\
         Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n\
         Referrer-Policy: no-referrer\r\n",
        r.status,
        reason(r.status),
        r.content_type,
        r.body.len()
    );
    if let Some(allow) = r.allow {
        head.push_str(&format!("Allow: {allow}\r\n"));
    }
    if r.page {
        head.push_str(&format!("Content-Security-Policy: {PAGE_CSP}\r\n"));
    }
    head.push_str("\r\n");
    let mut out = head.into_bytes();
    if !head_only {
        out.extend_from_slice(&r.body);
    }
    stream.write_all(&out)?;
    stream.flush()
}

/// Reads the rest of what the client sends, up to [`LINGER_BYTES`] or [`LINGER_TIME`], and
/// throws it away: closing a socket with unread data resets the connection, and a client still
/// sending a refused body could lose the response it has not read yet.
fn linger(stream: &mut TcpStream) {
    let _ = stream.shutdown(Shutdown::Write);
    let deadline = Instant::now() + LINGER_TIME;
    let mut scratch = [0u8; 8192];
    let mut total = 0;
    while total < LINGER_BYTES {
        match read_some(stream, &mut scratch, deadline) {
            Ok(0) | Err(_) => break,
            Ok(n) => total += n,
        }
    }
}

/// One read, failing with `TimedOut` once `deadline` has passed.
fn read_some(stream: &mut TcpStream, buf: &mut [u8], deadline: Instant) -> io::Result<usize> {
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::ErrorKind::TimedOut.into());
        }
        stream.set_read_timeout(Some(left))?;
        match stream.read(buf) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                return Err(io::ErrorKind::TimedOut.into());
            }
            r => return r,
        }
    }
}

/// The parts of a request head the server uses.
struct Head {
    method: String,
    path: String,
    query: String,
    /// The minor version: 0 for HTTP/1.0, 1 for HTTP/1.1.
    version: u8,
    /// `Some` when a `Content-Length` was given.
    content_length: Option<u64>,
    /// Whether a `Transfer-Encoding` was given (not supported: 411).
    transfer_encoding: bool,
    expect_continue: bool,
    /// Bytes read past the head: the start of the body.
    rest: Vec<u8>,
}

/// Why no request could be read.
enum ReadFailure {
    /// The client closed or reset the connection, or sent nothing in time: no answer.
    Gone,
    /// Answer this and close.
    Respond(Response),
}

fn bad_request(message: &str) -> ReadFailure {
    ReadFailure::Respond(Response::error(400, message))
}

/// Reads a request head: at most [`MAX_HEAD`] bytes, within `deadline`.
fn read_head(stream: &mut TcpStream, deadline: Instant) -> Result<Head, ReadFailure> {
    let mut buf: Vec<u8> = Vec::with_capacity(4096);
    let mut chunk = [0u8; 4096];
    loop {
        let n = match read_some(stream, &mut chunk, deadline) {
            Ok(0) => return Err(ReadFailure::Gone),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::TimedOut && !buf.is_empty() => {
                return Err(ReadFailure::Respond(Response::error(
                    408,
                    "the request took too long to arrive",
                )));
            }
            Err(_) => return Err(ReadFailure::Gone),
        };
        buf.extend_from_slice(&chunk[..n]);
        let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
        let mut req = httparse::Request::new(&mut headers);
        match req.parse(&buf) {
            Ok(httparse::Status::Complete(len)) => {
                let (Some(method), Some(target), Some(version)) =
                    (req.method, req.path, req.version)
                else {
                    return Err(bad_request("malformed request line"));
                };
                let (path, query) = target.split_once('?').unwrap_or((target, ""));
                let mut head = Head {
                    method: method.to_string(),
                    path: path.to_string(),
                    query: query.to_string(),
                    version,
                    content_length: None,
                    transfer_encoding: false,
                    expect_continue: false,
                    rest: Vec::new(),
                };
                for h in req.headers.iter() {
                    if h.name.eq_ignore_ascii_case("content-length") {
                        let n = std::str::from_utf8(h.value)
                            .ok()
                            .map(str::trim)
                            .filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
                            .map(|v| v.parse::<u64>().unwrap_or(u64::MAX));
                        match (n, head.content_length) {
                            (None, _) => return Err(bad_request("malformed Content-Length")),
                            (Some(n), Some(m)) if n != m => {
                                return Err(bad_request("conflicting Content-Length headers"));
                            }
                            (Some(n), _) => head.content_length = Some(n),
                        }
                    } else if h.name.eq_ignore_ascii_case("transfer-encoding") {
                        head.transfer_encoding = true;
                    } else if h.name.eq_ignore_ascii_case("expect") {
                        head.expect_continue = h.value.eq_ignore_ascii_case(b"100-continue");
                    }
                }
                head.rest = buf.split_off(len);
                return Ok(head);
            }
            Ok(httparse::Status::Partial) if buf.len() > MAX_HEAD => {
                return Err(ReadFailure::Respond(if buf.contains(&b'\n') {
                    Response::error(431, "request headers too large")
                } else {
                    Response::error(414, "request line too long: send long texts with POST")
                }));
            }
            Ok(httparse::Status::Partial) => {}
            Err(httparse::Error::TooManyHeaders) => {
                return Err(ReadFailure::Respond(Response::error(
                    431,
                    "too many request headers",
                )));
            }
            Err(e) => return Err(bad_request(&format!("malformed request: {e}"))),
        }
    }
}

/// Serves one connection: one request, one response, then the connection is closed.
fn serve_connection(mut stream: TcpStream, jobs: &mpsc::SyncSender<Job>) {
    let _ = stream.set_nodelay(true);
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    let deadline = Instant::now() + REQUEST_TIMEOUT;
    let head = match read_head(&mut stream, deadline) {
        Ok(head) => head,
        Err(ReadFailure::Gone) => return,
        Err(ReadFailure::Respond(r)) => {
            let _ = write_response(&mut stream, &r, false);
            linger(&mut stream);
            return close(stream);
        }
    };
    // Whether the client may still be sending a body this server did not read.
    let mut unread = head.transfer_encoding || head.content_length.is_some_and(|n| n > 0);
    let head_only = head.method == "HEAD";
    let response = match head.path.as_str() {
        "/" | "/serve.css" | "/serve.js" if head.method == "GET" || head_only => {
            match head.path.as_str() {
                "/serve.css" => Response::asset("text/css; charset=utf-8", PAGE_CSS),
                "/serve.js" => Response::asset("text/javascript; charset=utf-8", PAGE_JS),
                _ => Response::asset("text/html; charset=utf-8", PAGE_HTML),
            }
        }
        "/" | "/serve.css" | "/serve.js" => Response::method_not_allowed("GET, HEAD"),
        "/api/code" if head.method == "POST" => match read_body(&mut stream, &head, deadline) {
            Ok(body) => {
                unread = false;
                code_request(&body, &head.query, jobs)
            }
            Err(ReadFailure::Gone) => return,
            Err(ReadFailure::Respond(r)) => r,
        },
        "/api/code" => Response::method_not_allowed("POST"),
        _ => Response::error(404, "not found: the page is at / and the API at /api/code"),
    };
    let _ = write_response(&mut stream, &response, head_only);
    if unread {
        linger(&mut stream);
    }
    close(stream);
}

/// Reads the body of `head`: at most [`MAX_BODY`] bytes, as its `Content-Length` says.
fn read_body(
    stream: &mut TcpStream,
    head: &Head,
    deadline: Instant,
) -> Result<Vec<u8>, ReadFailure> {
    if head.transfer_encoding {
        return Err(ReadFailure::Respond(Response::error(
            411,
            "send the body with a Content-Length header (Transfer-Encoding is not supported)",
        )));
    }
    let Some(len) = head.content_length else {
        return Err(ReadFailure::Respond(Response::error(
            411,
            "send the JSON body with a Content-Length header",
        )));
    };
    let len = match usize::try_from(len) {
        Ok(len) if len <= MAX_BODY => len,
        _ => {
            let size = if len == u64::MAX {
                "a request body of more bytes than can be counted".to_string()
            } else {
                format!("a request body of {len} bytes")
            };
            return Err(ReadFailure::Respond(Response::error(
                413,
                &format!("{size} exceeds the limit of {MAX_BODY} bytes (1 MiB)"),
            )));
        }
    };
    if head.expect_continue && head.version == 1 {
        let _ = stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n");
    }
    let mut body = head.rest.clone();
    // Bytes past the body would be a pipelined request: not served (every response closes).
    body.truncate(len);
    let mut have = body.len();
    body.resize(len, 0);
    while have < len {
        match read_some(stream, &mut body[have..], deadline) {
            Ok(0) => return Err(ReadFailure::Gone),
            Ok(n) => have += n,
            Err(e) if e.kind() == io::ErrorKind::TimedOut => {
                return Err(ReadFailure::Respond(Response::error(
                    408,
                    "the request body took too long to arrive",
                )));
            }
            Err(_) => return Err(ReadFailure::Gone),
        }
    }
    Ok(body)
}

/// Whether the query string asks for explanations (`explain=1` or `explain=true`).
fn wants_explain(query: &str) -> bool {
    query
        .split('&')
        .any(|kv| matches!(kv, "explain" | "explain=1" | "explain=true"))
}

/// Parses a `POST /api/code` body, codes it on a worker and answers.
fn code_request(body: &[u8], query: &str, jobs: &mpsc::SyncSender<Job>) -> Response {
    let article = match parse_request(body) {
        Ok(article) => article,
        Err(message) => return Response::error(400, &message),
    };
    let (reply, answer) = mpsc::sync_channel(1);
    let job = Job {
        article,
        explain: wants_explain(query),
        reply,
    };
    if jobs.send(job).is_err() {
        return Response::error(503, "the server is shutting down");
    }
    answer
        .recv()
        .unwrap_or_else(|_| Response::error(500, "the coding worker stopped"))
}

/// The request object: `{"text": "...", "published": "YYYY-MM-DD" | null, "id": "..."}`.
fn parse_request(body: &[u8]) -> Result<Article, String> {
    const USAGE: &str = r#"send {"text": "...", "published": "YYYY-MM-DD" or null}"#;
    let value: serde_json::Value = serde_json::from_slice(body)
        .map_err(|e| format!("the body is not valid JSON ({e}): {USAGE}"))?;
    let serde_json::Value::Object(mut map) = value else {
        return Err(format!("the body is not a JSON object: {USAGE}"));
    };
    if let Some(k) = map
        .keys()
        .find(|k| !matches!(k.as_str(), "text" | "published" | "id"))
    {
        return Err(format!(
            "unknown field {k:?}: the fields are \"text\", \"published\" and \"id\""
        ));
    }
    let text = match map.remove("text") {
        Some(serde_json::Value::String(text)) => text,
        Some(_) => return Err(format!("\"text\" must be a string: {USAGE}")),
        None => return Err(format!("missing \"text\": {USAGE}")),
    };
    let id = match map.remove("id") {
        None | Some(serde_json::Value::Null) => "api".to_string(),
        Some(serde_json::Value::String(id)) => id,
        Some(_) => return Err("\"id\" must be a string".to_string()),
    };
    let mut article = Article::new(id, text);
    article.published = match map.remove("published") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(date)) => {
            Some(parse_iso_date(&date).map_err(|e| e.to_string())?)
        }
        Some(_) => return Err("\"published\" must be a string YYYY-MM-DD or null".to_string()),
    };
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_fields_are_checked() {
        let a = parse_request(br#"{"text": "Iran protested.", "published": "2024-05-02"}"#)
            .map_err(|e| e.to_string());
        let a = a
            .as_ref()
            .map(|a| (a.id.as_str(), a.published.map(|d| d.to_string())));
        assert_eq!(a, Ok(("api", Some("2024-05-02".to_string()))));
        for (body, wanted) in [
            (&b"{"[..], "not valid JSON"),
            (b"[1]", "not a JSON object"),
            (b"{}", "missing \"text\""),
            (br#"{"text": 5}"#, "\"text\" must be a string"),
            (
                br#"{"text": "x", "publised": null}"#,
                "unknown field \"publised\"",
            ),
            (
                br#"{"text": "x", "published": "2024-02-30"}"#,
                "invalid date",
            ),
            (
                br#"{"text": "x", "published": 20240230}"#,
                "YYYY-MM-DD or null",
            ),
        ] {
            match parse_request(body) {
                Ok(_) => panic!("{:?} was accepted", String::from_utf8_lossy(body)),
                Err(e) => assert!(e.contains(wanted), "{e:?} lacks {wanted:?}"),
            }
        }
    }

    #[test]
    fn an_article_over_the_library_limit_is_413() {
        let text = "a".repeat(eventcoder::MAX_ARTICLE_BYTES + 1);
        let r = code(&Coder::new(), &Article::new("big", text), false);
        assert_eq!(r.status, 413);
        let body: serde_json::Value = serde_json::from_slice(&r.body).expect("JSON");
        let message = body["error"].as_str().unwrap_or_default();
        assert!(message.contains("exceeds the limit"), "{message}");
    }

    #[test]
    fn explain_is_asked_by_the_query() {
        assert!(wants_explain("explain=1"));
        assert!(wants_explain("a=b&explain=true"));
        assert!(!wants_explain(""));
        assert!(!wants_explain("explain=0"));
        assert!(!wants_explain("noexplain=1"));
    }
}
