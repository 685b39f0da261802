//! A small HTTP client that behaves like a person's browser: it keeps cookies per origin,
//! follows redirects itself, and signs in through the local OIDC provider's own page (picking
//! a demo identity as a person would click it). The end-to-end tests, `dev`'s demo import and
//! the benchmarks use it; Ponte has no other way in.

use crate::Result;
use std::collections::BTreeMap;
use std::io::Read;
use std::time::Duration;

/// One HTTP answer.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    pub location: Option<String>,
    pub content_type: String,
    /// Every `Set-Cookie` header of the answer, as sent (tests check the attributes).
    pub set_cookies: Vec<String>,
    pub body: String,
    /// The D1 round trips the request made (`x-ponte-d1-round-trips`, sent by a development
    /// worker).
    pub round_trips: Option<u32>,
    /// The milliseconds the request waited for D1 (`x-ponte-d1-ms`, same source).
    pub d1_ms: Option<u32>,
    /// Every header, name in lower case (a repeated header once per value).
    pub headers: Vec<(String, String)>,
}

impl Answer {
    /// The first value of header `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Result<serde_json::Value> {
        serde_json::from_str(&self.body).map_err(|e| {
            format!(
                "not JSON ({e}): {}",
                self.body.chars().take(300).collect::<String>()
            )
        })
    }
}

/// A browser-like session against Ponte (and the identity providers it redirects to). A clone
/// shares the cookies and the CSRF token as they are (a second tab, say).
#[derive(Clone)]
pub struct Client {
    agent: ureq::Agent,
    pub base: String,
    /// origin → cookie name → value.
    jar: BTreeMap<String, BTreeMap<String, String>>,
    /// The session's CSRF token, once read from `/api/v1/me`.
    pub csrf: Option<String>,
    /// Sent as `Origin` on state-changing requests (browsers do); `None` to leave it out.
    pub origin: Option<String>,
    /// Told of every answer from Ponte's own origin, whatever sent the request (method, path
    /// with query, answer): the end-to-end tests check the API's answers against the OpenAPI
    /// document this way ([`Client::observed`]).
    observer: Option<Observer>,
}

/// What a [`Client`] tells of each answer: method, path with query, the answer.
pub type Observer = fn(&str, &str, &Answer);

fn origin_of(url: &str) -> String {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let host = rest.split('/').next().unwrap_or(rest);
    let scheme = url.split_once("://").map(|(s, _)| s).unwrap_or("http");
    format!("{scheme}://{host}")
}

fn absolute(base_url: &str, location: &str) -> String {
    if location.starts_with("http://") || location.starts_with("https://") {
        location.to_owned()
    } else {
        format!("{}{location}", origin_of(base_url))
    }
}

impl Client {
    pub fn new(base: &str) -> Client {
        let agent = ureq::AgentBuilder::new()
            .redirects(0)
            .timeout(Duration::from_secs(60))
            .build();
        Client {
            agent,
            base: base.trim_end_matches('/').to_owned(),
            jar: BTreeMap::new(),
            csrf: None,
            origin: Some(origin_of(base)),
            observer: None,
        }
    }

    /// A client that tells `observer` of every answer from Ponte's origin.
    pub fn observed(base: &str, observer: Observer) -> Client {
        Client {
            observer: Some(observer),
            ..Client::new(base)
        }
    }

    fn url(&self, path_or_url: &str) -> String {
        absolute(&self.base, path_or_url)
    }

    /// The value of cookie `name` kept for Ponte's origin.
    pub fn cookie(&self, name: &str) -> Option<&str> {
        self.jar
            .get(&origin_of(&self.base))
            .and_then(|c| c.get(name))
            .map(String::as_str)
    }

    /// Set or remove a cookie for Ponte's origin (tests use this to play an attacker).
    pub fn set_cookie(&mut self, name: &str, value: Option<&str>) {
        let jar = self.jar.entry(origin_of(&self.base)).or_default();
        match value {
            Some(v) => jar.insert(name.to_owned(), v.to_owned()),
            None => jar.remove(name),
        };
    }

    fn cookie_header(&self, url: &str) -> Option<String> {
        let jar = self.jar.get(&origin_of(url))?;
        (!jar.is_empty()).then(|| {
            jar.iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("; ")
        })
    }

    fn keep_cookies(&mut self, url: &str, resp: &ureq::Response) {
        let jar = self.jar.entry(origin_of(url)).or_default();
        for line in resp.all("set-cookie") {
            let first = line.split(';').next().unwrap_or("");
            let Some((name, value)) = first.split_once('=') else {
                continue;
            };
            let expired = line
                .split(';')
                .any(|a| a.trim().eq_ignore_ascii_case("max-age=0"));
            if value.is_empty() || expired {
                jar.remove(name.trim());
            } else {
                jar.insert(name.trim().to_owned(), value.to_owned());
            }
        }
    }

    /// One request, no redirect followed. `body`: content type and bytes.
    pub fn request(
        &mut self,
        method: &str,
        path_or_url: &str,
        body: Option<(&str, &[u8])>,
        headers: &[(&str, &str)],
    ) -> Result<Answer> {
        let url = self.url(path_or_url);
        let mut req = self.agent.request(method, &url);
        if let Some(c) = self.cookie_header(&url) {
            req = req.set("cookie", &c);
        }
        if method != "GET" && origin_of(&url) == origin_of(&self.base) {
            if let Some(o) = &self.origin {
                req = req.set("origin", o);
            }
            if let Some(t) = &self.csrf {
                req = req.set("x-csrf-token", t);
            }
        }
        for (k, v) in headers {
            req = req.set(k, v);
        }
        let result = match body {
            Some((ct, bytes)) => req.set("content-type", ct).send_bytes(bytes),
            None => req.call(),
        };
        let resp = match result {
            Ok(r) | Err(ureq::Error::Status(_, r)) => r,
            Err(e) => return Err(format!("{method} {url}: {e}")),
        };
        self.keep_cookies(&url, &resp);
        let status = resp.status();
        let location = resp.header("location").map(|l| absolute(&url, l));
        let content_type = resp.header("content-type").unwrap_or("").to_owned();
        let round_trips = resp
            .header("x-ponte-d1-round-trips")
            .and_then(|v| v.parse().ok());
        let d1_ms = resp.header("x-ponte-d1-ms").and_then(|v| v.parse().ok());
        let set_cookies = resp
            .all("set-cookie")
            .into_iter()
            .map(str::to_owned)
            .collect();
        let headers = resp
            .headers_names()
            .into_iter()
            .flat_map(|n| {
                resp.all(&n)
                    .into_iter()
                    .map(|v| (n.to_ascii_lowercase(), v.to_owned()))
                    .collect::<Vec<_>>()
            })
            .collect();
        let mut body = String::new();
        resp.into_reader()
            .take(64 * 1024 * 1024)
            .read_to_string(&mut body)
            .map_err(|e| format!("{method} {url}: reading the body: {e}"))?;
        let answer = Answer {
            status,
            location,
            content_type,
            set_cookies,
            body,
            round_trips,
            d1_ms,
            headers,
        };
        if let Some(observe) = self.observer {
            let own = origin_of(&self.base);
            if origin_of(&url) == own {
                observe(method, url.strip_prefix(&own).unwrap_or(&url), &answer);
            }
        }
        Ok(answer)
    }

    pub fn get(&mut self, path: &str) -> Result<Answer> {
        self.request("GET", path, None, &[])
    }

    pub fn post_json(&mut self, path: &str, json: &serde_json::Value) -> Result<Answer> {
        let body = json.to_string();
        self.request(
            "POST",
            path,
            Some(("application/json", body.as_bytes())),
            &[],
        )
    }

    /// Stop sending the `X-CSRF-Token` header, as a browser submitting a plain HTML form does
    /// (the token then travels in the form's `csrf` field).
    pub fn forget_csrf(&mut self) {
        self.csrf = None;
    }

    pub fn post_form(&mut self, path: &str, pairs: &[(&str, &str)]) -> Result<Answer> {
        let body = pairs
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        self.request(
            "POST",
            path,
            Some(("application/x-www-form-urlencoded", body.as_bytes())),
            &[],
        )
    }

    /// GET, following redirects (at most 10); the last answer and its URL.
    pub fn follow(&mut self, path_or_url: &str) -> Result<(String, Answer)> {
        let mut url = self.url(path_or_url);
        for _ in 0..10 {
            let a = self.get(&url)?;
            match (a.status, &a.location) {
                (301 | 302 | 303 | 307 | 308, Some(next)) => url = next.clone(),
                _ => return Ok((url, a)),
            }
        }
        Err(format!("too many redirects from {path_or_url}"))
    }

    /// Sign in with `provider` ("spid" or "cie") as the demo person with codice fiscale `cf`,
    /// through the provider's page. Returns where Ponte sent the person afterwards.
    pub fn sign_in(&mut self, provider: &str, cf: &str) -> Result<String> {
        let (landed, answer) = self.sign_in_attempt(provider, cf, &[])?;
        if self.cookie("__Host-ponte-sid").is_none() {
            return Err(format!(
                "no session after sign-in (at {landed}, {}): {}",
                answer.status,
                answer.body.chars().take(500).collect::<String>()
            ));
        }
        self.refresh_csrf()?;
        Ok(landed)
    }

    /// Go through the provider's page as `cf`, sending `extra` fields with the choice (the
    /// local SPID provider's `level`: "1" or "2"), and follow the way back to Ponte: where it
    /// ended and Ponte's last answer, whether or not a session came of it.
    pub fn sign_in_attempt(
        &mut self,
        provider: &str,
        cf: &str,
        extra: &[(&str, &str)],
    ) -> Result<(String, Answer)> {
        let (url, page) = self.follow(&format!("/accedi/{provider}?next=/area"))?;
        if !url.contains("/interaction/") || page.status != 200 {
            return Err(format!(
                "expected the provider's page, got {} at {url}: {}",
                page.status,
                page.body.chars().take(300).collect::<String>()
            ));
        }
        let action = form_action(&page.body)
            .ok_or_else(|| format!("no form on the provider's page at {url}"))?;
        let mut fields = vec![("cf", cf)];
        fields.extend_from_slice(extra);
        let posted = self.post_form(&absolute(&url, &action), &fields)?;
        let next = posted.location.ok_or_else(|| {
            format!(
                "the provider did not accept {cf}: {} {}",
                posted.status,
                posted.body.chars().take(300).collect::<String>()
            )
        })?;
        self.follow(&next)
    }

    /// Read the session's CSRF token from `/api/v1/me`.
    pub fn refresh_csrf(&mut self) -> Result<serde_json::Value> {
        let me = self.get("/api/v1/me")?;
        if me.status != 200 {
            return Err(format!("/api/v1/me: {} {}", me.status, me.body));
        }
        let v = me.json()?;
        self.csrf = v["csrf_token"].as_str().map(str::to_owned);
        Ok(v)
    }
}

/// The `action` of the first form on a page.
fn form_action(html: &str) -> Option<String> {
    let form = &html[html.find("<form")?..];
    let rest = &form[form.find("action=\"")? + 8..];
    Some(rest[..rest.find('"')?].replace("&amp;", "&"))
}

/// `application/x-www-form-urlencoded` encoding of one value (the project's one encoder).
pub use domain::query::encode_component as encode;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_forms() {
        assert_eq!(
            origin_of("http://127.0.0.1:8787/a/b"),
            "http://127.0.0.1:8787"
        );
        assert_eq!(
            absolute("http://127.0.0.1:1/x", "/y?z=1"),
            "http://127.0.0.1:1/y?z=1"
        );
        assert_eq!(
            form_action(r#"<p><form method="post" action="/interaction/ab/login"><button>"#),
            Some("/interaction/ab/login".to_owned())
        );
        assert_eq!(encode("a b&c/é"), "a+b%26c%2F%C3%A9");
    }
}
