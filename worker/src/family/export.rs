//! `GET /api/v1/me/export`: everything Ponte holds about a guardian and their children, as
//! JSON or one CSV table (seed 001, portability).

use super::{caller, csv_file, csv_wanted, private, rome, today};
use crate::auth;
use crate::error::{json_response, ApiError};
use crate::SharedEnv;
use axum::extract::{RawQuery, Request};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::api::types::{Export, Guardian};
use domain::family;
use domain::FieldError;
use worker::send::SendFuture;

/// `GET /api/v1/me/export?format=json|csv`: everything Ponte holds about the guardian and their
/// children (seed 001, portability).
pub async fn export(env: SharedEnv, RawQuery(q): RawQuery, req: Request) -> Response {
    let r = SendFuture::new(async move {
        let csv = csv_wanted(q.as_deref())?;
        let (s, a) = caller(&env, &req).await?;
        if a.guardian_of.is_empty() {
            return Err(FieldError::not_found().into());
        }
        let f = super::family(&env, &s, &a, today(&env)?).await?;
        let export = Export {
            generated_at: rome(auth::now()),
            guardian: Guardian {
                codice_fiscale: s.codice_fiscale,
                given_name: s.given_name,
                family_name: s.family_name,
            },
            children: f.children,
            notices: f.notices,
        };
        Ok::<_, ApiError>((csv, export))
    })
    .await;
    let (csv, export) = match r {
        Ok(x) => x,
        Err(e) => return e.into_response(),
    };
    if !csv {
        let mut r = json_response(StatusCode::OK, &export);
        r.headers_mut().insert(
            header::CONTENT_DISPOSITION,
            axum::http::HeaderValue::from_static("attachment; filename=\"ponte-dati.json\""),
        );
        return private(r);
    }
    // One table: each row a record, the first cell saying which.
    let mut out = String::from("\u{feff}");
    out.push_str(&family::csv_row(&[
        "tipo",
        "alunno",
        "data",
        "voce",
        "ore_minuti",
        "stato",
        "dettaglio",
    ]));
    let g = &export.guardian;
    out.push_str(&family::csv_row(&[
        "genitore",
        &format!("{} {}", g.given_name, g.family_name),
        "",
        "codice_fiscale",
        "",
        "",
        &g.codice_fiscale,
    ]));
    for c in &export.children {
        let who = format!("{} {} ({})", c.name, c.surname, c.class_code);
        let d = &c.dashboard;
        for (k, v) in [
            ("monte_ore_annuale", d.annual_hours.to_string()),
            ("massimo_ore_assenza", d.max_absence_hours.to_string()),
            (
                "minuti_assenza_conteggiati",
                d.counted_absence_minutes.to_string(),
            ),
            ("minuti_residui", d.remaining_minutes.to_string()),
            ("giorni_residui", d.remaining_days.to_string()),
            ("minuti_in_deroga", d.derogated_minutes.to_string()),
        ] {
            out.push_str(&family::csv_row(&[
                "situazione",
                &who,
                &d.as_of.to_string(),
                k,
                &v,
                "",
                "",
            ]));
        }
        for a in &c.absences {
            let j = a.absence.justification.as_ref();
            out.push_str(&family::csv_row(&[
                "assenza",
                &who,
                &a.absence.date.to_string(),
                a.absence.kind.code(),
                &a.absence.minutes.map(|m| m.to_string()).unwrap_or_default(),
                if a.absence.justified {
                    "giustificata"
                } else {
                    "da giustificare"
                },
                &j.map(|j| format!("{} ({})", j.reason.as_str(), j.status.as_str()))
                    .unwrap_or_default(),
            ]));
        }
        for r in &c.derogations {
            out.push_str(&family::csv_row(&[
                "deroga",
                &who,
                &format!("{} / {}", r.from, r.to),
                r.category.as_str(),
                "",
                r.status.as_str(),
                "",
            ]));
        }
    }
    for n in &export.notices {
        let acks = n
            .pupils
            .iter()
            .filter_map(|p| p.acknowledged_at.map(rome))
            .collect::<Vec<_>>()
            .join(" ");
        out.push_str(&family::csv_row(&[
            "avviso",
            "",
            &rome(n.published_at),
            &n.title,
            "",
            if n.read { "letto" } else { "non letto" },
            &acks,
        ]));
    }
    csv_file(out, "ponte-dati.csv")
}
