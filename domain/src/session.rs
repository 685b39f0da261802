//! Sessions and access: how long a sign-in lasts, what makes a state-changing request
//! legitimate, and what each role may reach (docs/design.md §7).
//!
//! The worker keeps the session record in D1 (strongly consistent, so a logout is effective at
//! once everywhere; KV may serve a deleted key for up to a minute) and asks these functions.

use serde::Serialize;

/// A session ends this long after sign-in, whatever happens (seconds).
pub const ABSOLUTE_SECS: i64 = 12 * 3600;
/// A session ends after this long without a request (seconds).
pub const IDLE_SECS: i64 = 60 * 60;
/// `last_seen` is written at most this often, so reading pages costs no write (seconds).
pub const TOUCH_AFTER_SECS: i64 = 5 * 60;
/// A sign-in started at the provider must come back within this time (seconds).
pub const LOGIN_TTL_SECS: i64 = 10 * 60;

/// The cookie holding the session id: `__Host-` makes the browser refuse it unless it is
/// `Secure`, has `Path=/` and no `Domain` (no subdomain can plant or read it).
pub const SESSION_COOKIE: &str = "__Host-ponte-sid";
/// The short-lived cookie binding a sign-in in progress to this browser (its value is `state`).
pub const LOGIN_COOKIE: &str = "__Host-ponte-login";

/// A session's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionClock {
    pub created_at: i64,
    pub last_seen: i64,
}

/// What to do with a session record at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionState {
    /// Valid; `touch` says whether to record `now` as the last activity.
    Live { touch: bool },
    /// Past its absolute lifetime or idle too long: delete it and ask to sign in again.
    Expired,
}

impl SessionClock {
    pub fn state(&self, now: i64) -> SessionState {
        if now >= self.created_at + ABSOLUTE_SECS
            || now >= self.last_seen + IDLE_SECS
            || now < self.created_at - 60
        {
            return SessionState::Expired;
        }
        SessionState::Live {
            touch: now - self.last_seen >= TOUCH_AFTER_SECS,
        }
    }

    /// The `expires_at` to store: the earlier of the absolute and the idle end.
    pub fn expires_at(&self) -> i64 {
        (self.created_at + ABSOLUTE_SECS).min(self.last_seen + IDLE_SECS)
    }
}

/// The `Set-Cookie` value for a session or sign-in cookie.
pub fn cookie(name: &str, value: &str, max_age_secs: i64) -> String {
    format!("{name}={value}; Max-Age={max_age_secs}; Path=/; Secure; HttpOnly; SameSite=Lax")
}

/// The `Set-Cookie` value that removes a cookie.
pub fn clear_cookie(name: &str) -> String {
    format!("{name}=; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=Lax")
}

/// The value of cookie `name` in a `Cookie` header.
pub fn cookie_value<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').find_map(|pair| {
        let (k, v) = pair.trim().split_once('=')?;
        (k == name && !v.is_empty()).then_some(v)
    })
}

/// How a browser secret (session id, login state) is stored: its SHA-256, hex. A copy of the
/// table gives nobody a working cookie.
pub fn token_hash(token: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Where to go after signing in: a local path only (never `//host` or a scheme, which would
/// make Ponte an open redirect); anything else means the person's area.
pub fn safe_next(next: &str) -> &str {
    let local = next.starts_with('/')
        && !next.starts_with("//")
        && next.len() <= 200
        && next.bytes().all(|b| b.is_ascii_graphic() && b != b'\\');
    if local {
        next
    } else {
        "/area"
    }
}

/// Whether an opaque token has the form Ponte issues (base64url of 32 bytes: 43 characters).
pub fn is_token(s: &str) -> bool {
    s.len() == 43
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The facts of a state-changing request that the CSRF defence looks at.
#[derive(Debug, Clone, Copy)]
pub struct CsrfFacts<'a> {
    /// `Origin` header, if sent (browsers send it on every cross-origin and on same-origin
    /// non-GET requests).
    pub origin: Option<&'a str>,
    /// `Sec-Fetch-Site`, if sent.
    pub fetch_site: Option<&'a str>,
    /// Ponte's own origin, e.g. `https://ponte.example`.
    pub own_origin: &'a str,
    /// The token the request carries (`X-CSRF-Token` header or `csrf` form field).
    pub token: Option<&'a str>,
    /// The session's token.
    pub expected: &'a str,
}

/// Two defences, both required: the request comes from Ponte's own pages (Origin /
/// Sec-Fetch-Site, when the browser says), and it carries the session's secret token (which a
/// page of another site cannot read). `SameSite=Lax` on the cookie is a third.
pub fn csrf_ok(f: &CsrfFacts<'_>) -> bool {
    if let Some(origin) = f.origin {
        if origin != f.own_origin {
            return false;
        }
    }
    if let Some(site) = f.fetch_site {
        if site != "same-origin" && site != "none" {
            return false;
        }
    }
    match f.token {
        Some(t) => constant_time_eq(t.as_bytes(), f.expected.as_bytes()),
        None => false,
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A staff role at one school: the `ruolo` of the school's `personale` file.
pub use crate::import::StaffRole;

/// One staff appointment of the signed-in person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "openapi", schemars(rename = "StaffPost"))]
pub struct StaffGrant {
    pub school_id: i64,
    pub role: StaffRole,
    /// Class codes (teachers only).
    pub classes: Vec<String>,
    /// The classes whose council the teacher coordinates (*coordinatore di classe*), among
    /// `classes`.
    pub coordinates: Vec<String>,
}

/// One pupil the signed-in person is guardian of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GuardianGrant {
    pub school_id: i64,
    pub pupil_id: i64,
}

/// Everything the school's data grants the signed-in person: derived from the roster at every
/// request, never stored in the session (a removed guardian loses access at once).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Access {
    pub guardian_of: Vec<GuardianGrant>,
    pub staff: Vec<StaffGrant>,
}

/// Where a pupil is, for access checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PupilPlace<'a> {
    pub pupil_id: i64,
    pub school_id: i64,
    pub class: &'a str,
}

/// How far a staff member reaches at one school: the whole school (the office and the head
/// teacher) or some classes (a teacher). The one answer to "whose data does this person see at
/// this school", used by every page and every API handler.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Scope {
    /// Every class and pupil, the notices' acknowledgement lists, imports, publishing.
    School,
    /// These classes' pupils and requests; the school's notices without the lists.
    Classes(Vec<String>),
}

impl Scope {
    /// Whether a pupil of `class` is within reach.
    pub fn covers(&self, class: &str) -> bool {
        match self {
            Scope::School => true,
            Scope::Classes(cs) => cs.iter().any(|c| c == class),
        }
    }

    /// The classes a teacher is limited to; `None` for the whole school.
    pub fn classes(&self) -> Option<&[String]> {
        match self {
            Scope::School => None,
            Scope::Classes(cs) => Some(cs),
        }
    }
}

impl Access {
    /// No role at any school: the person sees only the page saying so.
    pub fn is_empty(&self) -> bool {
        self.guardian_of.is_empty() && self.staff.is_empty()
    }

    pub fn is_guardian_of(&self, pupil_id: i64) -> bool {
        self.guardian_of.iter().any(|g| g.pupil_id == pupil_id)
    }

    /// The person's reach as staff of `school_id`, over all their appointments there: the whole
    /// school if any of them manages it (secretary, head teacher), else the union of the classes
    /// they teach; `None` if they are not staff there.
    pub fn scope(&self, school_id: i64) -> Option<Scope> {
        let grants: Vec<&StaffGrant> = self
            .staff
            .iter()
            .filter(|g| g.school_id == school_id)
            .collect();
        if grants.is_empty() {
            return None;
        }
        if grants.iter().any(|g| g.role.manages_school()) {
            return Some(Scope::School);
        }
        let mut classes: Vec<String> = grants
            .iter()
            .flat_map(|g| g.classes.iter().cloned())
            .collect();
        crate::sort::sort(&mut classes);
        classes.dedup();
        Some(Scope::Classes(classes))
    }

    /// Staff of `school_id` in any role: they see the school's notices and pending requests
    /// (a teacher only their classes' requests).
    pub fn is_staff_of(&self, school_id: i64) -> bool {
        self.scope(school_id).is_some()
    }

    /// Guardians see their children; teachers their classes; secretaries and head teachers
    /// every pupil of their school.
    pub fn can_read_pupil(&self, p: PupilPlace<'_>) -> bool {
        self.is_guardian_of(p.pupil_id)
            || self.scope(p.school_id).is_some_and(|s| s.covers(p.class))
    }

    /// Who decides a family's request about a pupil of `class` at `school_id`: the class's
    /// teachers, the office and the head teacher (never a guardian as such).
    pub fn can_decide(&self, school_id: i64, class: &str) -> bool {
        self.scope(school_id).is_some_and(|s| s.covers(class))
    }

    /// Who records the class council's decision on a derogation for a pupil of `class` at
    /// `school_id` (seeds 003, 004: the council decides): the head teacher, or the class's
    /// coordinator. Not the office, not any teacher of the class (`family::Ruling`).
    pub fn can_rule_deroga(&self, school_id: i64, class: &str) -> bool {
        self.staff.iter().any(|g| {
            g.school_id == school_id
                && (g.role == StaffRole::Dirigente || g.coordinates.iter().any(|c| c == class))
        })
    }

    /// Secretaries and head teachers of `school_id`: imports, publishing notices, and who has
    /// acknowledged a notice (the list names every family the notice reaches, so a teacher,
    /// whose reach is their classes, does not get it — on the page or through the API).
    pub fn manages(&self, school_id: i64) -> bool {
        self.scope(school_id) == Some(Scope::School)
    }

    /// Where the person belongs after signing in: the school area for staff (also when they are
    /// a guardian too), the family area for a guardian; `None` with no role at all.
    pub fn home(&self) -> Option<&'static str> {
        if !self.staff.is_empty() {
            Some("/scuola")
        } else if !self.guardian_of.is_empty() {
            Some("/famiglia")
        } else {
            None
        }
    }

    /// Schools where the person is staff, each once, in order.
    pub fn staff_schools(&self) -> Vec<i64> {
        let mut v: Vec<i64> = self.staff.iter().map(|s| s.school_id).collect();
        crate::sort::sort(&mut v);
        v.dedup();
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_expires_absolutely_and_when_idle() {
        let c = SessionClock {
            created_at: 1_000,
            last_seen: 1_000,
        };
        assert_eq!(c.state(1_001), SessionState::Live { touch: false });
        assert_eq!(
            c.state(1_000 + TOUCH_AFTER_SECS),
            SessionState::Live { touch: true }
        );
        assert_eq!(c.state(1_000 + IDLE_SECS), SessionState::Expired);
        let busy = SessionClock {
            created_at: 1_000,
            last_seen: 1_000 + ABSOLUTE_SECS - 10,
        };
        assert_eq!(busy.state(1_000 + ABSOLUTE_SECS), SessionState::Expired);
        assert_eq!(busy.expires_at(), 1_000 + ABSOLUTE_SECS);
        assert_eq!(c.expires_at(), 1_000 + IDLE_SECS);
        // A record from the future (clock trouble) is not trusted.
        assert_eq!(c.state(0), SessionState::Expired);
    }

    #[test]
    fn cookies_are_host_only_secure_and_http_only() {
        let c = cookie(SESSION_COOKIE, "abc", 60);
        assert!(c.starts_with("__Host-ponte-sid=abc;"));
        for part in ["Path=/", "Secure", "HttpOnly", "SameSite=Lax"] {
            assert!(c.contains(part), "{c}");
        }
        assert!(!c.contains("Domain"));
        assert!(clear_cookie(SESSION_COOKIE).contains("Max-Age=0"));
        let header = "a=1; __Host-ponte-sid=xyz; b=";
        assert_eq!(cookie_value(header, SESSION_COOKIE), Some("xyz"));
        assert_eq!(cookie_value(header, "b"), None);
        assert_eq!(cookie_value(header, "c"), None);
    }

    #[test]
    fn token_hash_is_sha256_hex() {
        assert_eq!(
            token_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn next_is_a_local_path() {
        assert_eq!(safe_next("/famiglia"), "/famiglia");
        assert_eq!(safe_next("/enti?q=a&b=c"), "/enti?q=a&b=c");
        for bad in [
            "",
            "//evil.example",
            "https://evil.example",
            "/\\evil",
            "/a b",
            "famiglia",
        ] {
            assert_eq!(safe_next(bad), "/area", "{bad}");
        }
    }

    #[test]
    fn tokens_have_one_form() {
        assert!(is_token("abcdefghijklmnopqrstuvwxyzABCDEFGHIJK-_0123"));
        assert!(!is_token("short"));
        assert!(!is_token("abcdefghijklmnopqrstuvwxyzABCDEFGHIJK-_012="));
    }

    #[test]
    fn csrf_needs_the_token_and_our_origin() {
        let ok = CsrfFacts {
            origin: Some("https://p.example"),
            fetch_site: Some("same-origin"),
            own_origin: "https://p.example",
            token: Some("tok"),
            expected: "tok",
        };
        assert!(csrf_ok(&ok));
        assert!(csrf_ok(&CsrfFacts {
            origin: None,
            fetch_site: None,
            ..ok
        }));
        assert!(!csrf_ok(&CsrfFacts { token: None, ..ok }));
        assert!(!csrf_ok(&CsrfFacts {
            token: Some("tok2"),
            ..ok
        }));
        assert!(!csrf_ok(&CsrfFacts {
            origin: Some("https://evil.example"),
            ..ok
        }));
        assert!(!csrf_ok(&CsrfFacts {
            fetch_site: Some("cross-site"),
            ..ok
        }));
    }

    #[test]
    fn access_follows_roles() {
        let a = Access {
            guardian_of: vec![GuardianGrant {
                school_id: 1,
                pupil_id: 10,
            }],
            staff: vec![StaffGrant {
                school_id: 2,
                role: StaffRole::Docente,
                classes: vec!["3A".into()],
                coordinates: vec![],
            }],
        };
        let own = PupilPlace {
            pupil_id: 10,
            school_id: 1,
            class: "1B",
        };
        let other_family = PupilPlace {
            pupil_id: 11,
            school_id: 1,
            class: "1B",
        };
        let my_class = PupilPlace {
            pupil_id: 20,
            school_id: 2,
            class: "3A",
        };
        let other_class = PupilPlace {
            pupil_id: 21,
            school_id: 2,
            class: "3B",
        };
        assert!(a.can_read_pupil(own));
        assert!(!a.can_read_pupil(other_family));
        assert!(a.can_read_pupil(my_class));
        assert!(!a.can_read_pupil(other_class));
        assert!(!a.manages(2));
        assert!(!a.is_empty());
        assert!(Access::default().is_empty());
        let head = Access {
            guardian_of: vec![],
            staff: vec![StaffGrant {
                school_id: 2,
                role: StaffRole::Dirigente,
                classes: vec![],
                coordinates: vec![],
            }],
        };
        assert!(head.manages(2));
        assert!(!head.manages(1));
        assert!(head.can_read_pupil(other_class));
        assert!(!head.can_read_pupil(own));
    }

    fn staff(school_id: i64, role: StaffRole, classes: &[&str]) -> StaffGrant {
        StaffGrant {
            school_id,
            role,
            classes: classes.iter().map(|c| (*c).to_owned()).collect(),
            coordinates: vec![],
        }
    }

    #[test]
    fn the_head_teacher_and_the_class_coordinator_record_a_derogation_decision() {
        let coordinator = StaffGrant {
            coordinates: vec!["3A".into()],
            ..staff(2, StaffRole::Docente, &["3A", "3B"])
        };
        let a = Access {
            staff: vec![coordinator],
            ..Access::default()
        };
        assert!(a.can_rule_deroga(2, "3A"));
        assert!(
            !a.can_rule_deroga(2, "3B"),
            "a teacher of the class, not its coordinator"
        );
        assert!(!a.can_rule_deroga(1, "3A"));
        assert!(
            a.can_decide(2, "3B"),
            "justifications stay with every teacher of the class"
        );
        let office = Access {
            staff: vec![staff(2, StaffRole::Segreteria, &[])],
            ..Access::default()
        };
        assert!(!office.can_rule_deroga(2, "3A"));
        let head = Access {
            staff: vec![staff(2, StaffRole::Dirigente, &[])],
            ..Access::default()
        };
        assert!(head.can_rule_deroga(2, "3A"));
    }

    #[test]
    fn each_role_has_its_scope() {
        let teacher = Access {
            guardian_of: vec![],
            staff: vec![
                staff(2, StaffRole::Docente, &["3A", "1B"]),
                staff(2, StaffRole::Docente, &["3A", "2C"]),
                staff(5, StaffRole::Docente, &["1A"]),
            ],
        };
        let mine = Scope::Classes(vec!["1B".into(), "2C".into(), "3A".into()]);
        assert_eq!(teacher.scope(2), Some(mine.clone()));
        assert!(mine.covers("2C") && !mine.covers("4D"));
        assert_eq!(mine.classes().map(<[String]>::len), Some(3));
        assert_eq!(teacher.scope(3), None);
        assert!(teacher.is_staff_of(5) && !teacher.is_staff_of(3));
        assert!(teacher.can_decide(2, "1B"));
        assert!(!teacher.can_decide(2, "4D"));
        assert!(
            !teacher.can_decide(5, "1B"),
            "classes count at their own school only"
        );
        assert!(
            !teacher.manages(2),
            "a teacher never gets the acknowledgement lists"
        );

        for role in [StaffRole::Segreteria, StaffRole::Dirigente] {
            let office = Access {
                guardian_of: vec![],
                staff: vec![staff(2, role, &[])],
            };
            assert_eq!(office.scope(2), Some(Scope::School));
            assert_eq!(Scope::School.classes(), None);
            assert!(office.manages(2) && !office.manages(1));
            assert!(office.can_decide(2, "any class"));
            assert!(!office.can_decide(1, "1A"));
        }
        // A teacher who is also in the office: the wider reach wins.
        let both = Access {
            guardian_of: vec![],
            staff: vec![
                staff(2, StaffRole::Docente, &["1A"]),
                staff(2, StaffRole::Segreteria, &[]),
            ],
        };
        assert_eq!(both.scope(2), Some(Scope::School));

        let parent = Access {
            guardian_of: vec![GuardianGrant {
                school_id: 2,
                pupil_id: 10,
            }],
            staff: vec![],
        };
        assert_eq!(parent.scope(2), None);
        assert_eq!(parent.home(), Some("/famiglia"));
        assert_eq!(teacher.home(), Some("/scuola"));
        assert_eq!(Access::default().home(), None);
        assert!(!parent.can_decide(2, "1A"), "a guardian never decides");
        assert!(!parent.manages(2));
        assert!(parent.can_read_pupil(PupilPlace {
            pupil_id: 10,
            school_id: 2,
            class: "1A",
        }));
    }
}
