//! Imports that cannot go half live (issue 18, point 6; docs/imports.md "Making it live"): a
//! commit waits for the parts still arriving, a part that comes once the import is concluded is
//! refused, and a file of pupils that would delete many needs a confirmation that names them.

use domain::import::{self, GuardianRow, ImportContext, PupilRow};
use e2e::people::{
    assert_error, demo, get, json_of, post_json, send, signed_in, SECRETARY_A, SECRETARY_B,
};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::Path;
use xtask::client::{Answer, Client};
use xtask::stack::import_file;

fn school_of(me: &Value) -> i64 {
    me["staff"][0]["school_id"]
        .as_i64()
        .unwrap_or_else(|| panic!("staff of a school: {me}"))
}

fn new_import(c: &mut Client, school: i64, kind: &str, name: &str, bytes: usize) -> i64 {
    let a = post_json(
        c,
        &format!("/api/v1/schools/{school}/imports"),
        &json!({"kind": kind, "file_name": name, "file_bytes": bytes}),
    );
    assert_eq!(a.status, 201, "new import {name}: {}", a.body);
    json_of(&a)["id"].as_i64().expect("import id")
}

fn send_parts(c: &mut Client, id: i64, bytes: &[u8]) {
    for chunk in import::split_chunks(bytes, 512 * 1024) {
        let a = send(
            c,
            "POST",
            &format!("/api/v1/imports/{id}/parts?first_line={}", chunk.first_line),
            Some(("text/csv", &chunk.bytes)),
        );
        assert_eq!(a.status, 200, "part at {}: {}", chunk.first_line, a.body);
    }
}

fn commit(c: &mut Client, id: i64, body: Option<&Value>) -> Answer {
    let path = format!("/api/v1/imports/{id}/commit");
    match body {
        Some(b) => post_json(c, &path, b),
        None => send(c, "POST", &path, None),
    }
}

fn import_of(c: &mut Client, id: i64) -> Value {
    let a = get(c, &format!("/api/v1/imports/{id}"));
    assert_eq!(a.status, 200, "{}", a.body);
    json_of(&a)
}

/// The demo school's own files again (pupils, then their guardians and absences), when a test
/// removed pupils; also on a panic, so the other tests find the demo as it was.
struct Restore<'a> {
    school: i64,
    dir: &'a Path,
}

impl Restore<'_> {
    fn now(&self) {
        let mut c = e2e::people::browser();
        if let Err(e) = c.sign_in("cie", &demo().person(SECRETARY_B).cf) {
            eprintln!("restore: sign-in: {e}");
            return;
        }
        for kind in ["alunni", "tutori", "assenze"] {
            let r = import_file(
                &mut c,
                self.school,
                kind,
                &self.dir.join(format!("{kind}.csv")),
            );
            match r {
                Ok(r) => assert_eq!(r.answer["status"], "live", "restored {kind}: {}", r.answer),
                Err(e) => panic!("restore {kind}: {e}"),
            }
        }
    }
}

impl Drop for Restore<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.now();
        }
    }
}

#[test]
fn a_pupils_file_that_deletes_many_needs_a_confirmation_that_names_them() {
    let (mut c, me) = signed_in(SECRETARY_B);
    let school = school_of(&me);
    let dir = demo().school_dir_of(&demo().person(SECRETARY_B).cf);
    let alunni = std::fs::read(dir.join("alunni.csv")).expect("alunni.csv");
    let tutori = std::fs::read(dir.join("tutori.csv")).expect("tutori.csv");
    // Pupils no demo person is a guardian of: removing them for a moment disturbs no other test.
    let people: BTreeSet<&str> = demo().people.iter().map(|p| p.cf.as_str()).collect();
    let watched: BTreeSet<String> =
        import::parse_file::<GuardianRow>(&tutori, &ImportContext::format_only())
            .rows
            .into_iter()
            .filter(|(_, g)| people.contains(g.codice_fiscale.as_str()))
            .map(|(_, g)| g.matricola.as_str().to_owned())
            .collect();
    let pupils = import::parse_file::<PupilRow>(&alunni, &ImportContext::format_only());
    assert!(pupils.is_ok(), "{:?}", pupils.errors);
    let total = pupils.rows.len();
    let over = import::CONFIRM_DELETIONS_PUPILS as usize + 1;
    let gone: Vec<&(u32, PupilRow)> = pupils
        .rows
        .iter()
        .filter(|(_, p)| !watched.contains(p.matricola.as_str()))
        .take(over)
        .collect();
    assert_eq!(gone.len(), over, "the demo school has enough pupils");
    let gone_lines: BTreeSet<u32> = gone.iter().map(|(line, _)| *line).collect();
    // The file without their lines (the demo files hold one record per line).
    let reduced: Vec<u8> = alunni
        .split_inclusive(|b| *b == b'\n')
        .enumerate()
        .filter(|(i, _)| !gone_lines.contains(&(*i as u32 + 1)))
        .flat_map(|(_, line)| line.to_vec())
        .collect();
    let _restore = Restore { school, dir: &dir };

    let id = new_import(
        &mut c,
        school,
        "alunni",
        "alunni-ridotto.csv",
        reduced.len(),
    );
    send_parts(&mut c, id, &reduced);
    // Without a confirmation: 409, the names, nothing written.
    let a = commit(&mut c, id, None);
    assert_error(&a, 409, "conflict", "many pupils deleted");
    let v = json_of(&a);
    assert_eq!(v["deletions"]["removed"], over, "{v}");
    assert_eq!(v["deletions"]["total"], total, "{v}");
    let listed: BTreeSet<(String, String, String)> = v["deletions"]["pupils"]
        .as_array()
        .expect("pupils")
        .iter()
        .map(|p| {
            let s = |k: &str| p[k].as_str().expect(k).to_owned();
            (s("surname"), s("name"), s("class_code"))
        })
        .collect();
    let expected: BTreeSet<(String, String, String)> = gone
        .iter()
        .map(|(_, p)| {
            (
                p.surname.as_str().to_owned(),
                p.name.as_str().to_owned(),
                p.class.as_str().to_owned(),
            )
        })
        .collect();
    assert_eq!(listed, expected);
    assert_eq!(
        import_of(&mut c, id)["status"],
        "staging",
        "nothing written"
    );
    // `{}` is no confirmation either.
    let a = commit(&mut c, id, Some(&json!({})));
    assert_eq!(a.status, 409, "{}", a.body);
    // Confirmed: live, the pupils removed.
    let a = commit(&mut c, id, Some(&json!({"confirm_deletions": true})));
    assert_eq!(a.status, 200, "{}", a.body);
    let live = json_of(&a);
    assert_eq!(live["status"], "live");
    // D1 counts the rows that go with the pupils (their absences, guardians) as removed too.
    assert!(
        live["summary"]["removed"].as_u64().unwrap_or(0) >= over as u64,
        "{live}"
    );
    assert_eq!(live["rows"], total - over, "{live}");
    // Committed again: the same answer, nothing written twice.
    let again = commit(&mut c, id, Some(&json!({"confirm_deletions": true})));
    assert_eq!(again.status, 200, "{}", again.body);
    assert_eq!(json_of(&again), live);
    // A part now is refused.
    let a = send(
        &mut c,
        "POST",
        &format!("/api/v1/imports/{id}/parts?first_line=2"),
        Some(("text/csv", &reduced)),
    );
    assert_error(&a, 409, "conflict", "a part after the commit");

    Restore { school, dir: &dir }.now();
    // A file that deletes few pupils goes live without a confirmation (the restore above
    // deleted none).
}

/// A part of `n` rows of absences of pupils the school does not have: every row an error.
fn bad_absences(n: usize) -> Vec<u8> {
    let mut out = b"matricola;data;tipo;ore;minuti;giustificata\n".to_vec();
    for i in 0..n {
        out.extend_from_slice(format!("NESSUNO-{i};01/10/2025;assenza;;;no\n").as_bytes());
    }
    out
}

#[test]
fn a_commit_waits_for_a_part_still_arriving_and_a_late_part_is_refused() {
    let (c, me) = signed_in(SECRETARY_A);
    let school = school_of(&me);
    const BAD_ROWS: usize = 14_000;
    let part = bad_absences(BAD_ROWS);
    assert!(part.len() < 512 * 1024, "one part: {}", part.len());
    // A reading lists at most MAX_ERRORS errors, then one more saying where it stopped.
    let errors_per_part = if BAD_ROWS > domain::import::MAX_ERRORS {
        domain::import::MAX_ERRORS + 1
    } else {
        BAD_ROWS
    };
    const PARTS: usize = 6;
    // Several parts sent at once, and a commit as soon as the import says some are arriving
    // (or none, once they are all answered). Whatever the order the worker takes them in, the
    // import never goes live, a commit that finds parts arriving waits (409, nothing written),
    // and nothing of a refused part is kept. (Under `wrangler dev` the requests are mostly
    // taken one after the other, so the 409 is seldom seen here; its rule is
    // `domain::import::parts_arriving`, tested natively.)
    for round in 0..2 {
        let mut c = c_clone(&c);
        let id = new_import(
            &mut c,
            school,
            "assenze",
            "assenze-in-arrivo.csv",
            part.len() * PARTS / 2 + 1,
        );
        let senders: Vec<_> = (0..PARTS)
            .map(|_| {
                let mut sender = c_clone(&c);
                let body = part.clone();
                std::thread::spawn(move || {
                    send(
                        &mut sender,
                        "POST",
                        &format!("/api/v1/imports/{id}/parts?first_line=2"),
                        Some(("text/csv", &body)),
                    )
                })
            })
            .collect();
        let mut committed = None;
        while committed.is_none() && !senders.iter().all(|t| t.is_finished()) {
            if import_of(&mut c, id)["parts_arriving"]
                .as_i64()
                .unwrap_or(0)
                > 0
            {
                committed = Some(commit(&mut c, id, None));
            }
        }
        let answers: Vec<Answer> = senders
            .into_iter()
            .map(|t| t.join().expect("a part's thread"))
            .collect();
        for a in &answers {
            assert!(
                a.status == 200 || a.status == 409,
                "round {round}: {}",
                a.body
            );
        }
        let landed = answers.iter().filter(|a| a.status == 200).count();
        if let Some(a) = committed {
            match a.status {
                // Found parts arriving: nothing written, still staging.
                409 => {
                    assert_error(&a, 409, "conflict", "a commit while parts arrive");
                    assert!(a.body.contains("ancora in arrivo"), "{}", a.body);
                }
                // The parts landed between the look and the commit (those after it refused).
                422 => {}
                other => panic!("round {round}: commit {other}: {}", a.body),
            }
        }
        // Rejected with every bad row of the parts that landed, never live; nothing of the
        // parts refused.
        let last = commit(&mut c, id, None);
        assert_error(&last, 422, "import_rejected", "the commit after the parts");
        let rejected = json_of(&last)["import"].clone();
        assert_eq!(
            rejected["error_count"],
            landed * errors_per_part,
            "{landed} parts landed"
        );
        assert_eq!(rejected["received_bytes"], landed * part.len());
        assert_eq!(rejected["parts_arriving"], 0);
        // And a part after that is refused, staging nothing.
        let late = send(
            &mut c,
            "POST",
            &format!("/api/v1/imports/{id}/parts?first_line=2"),
            Some(("text/csv", &part[..200])),
        );
        assert_error(&late, 409, "conflict", "a part after the commit");
        assert_eq!(import_of(&mut c, id)["received_bytes"], landed * part.len());
    }
}

/// A second browser with the same cookies and CSRF token (one per thread).
fn c_clone(c: &Client) -> Client {
    c.clone()
}
