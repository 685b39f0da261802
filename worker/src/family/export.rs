//! `GET /api/v1/me/export`: everything Ponte holds about a guardian and their children, as
//! JSON (the API's codes) or one CSV table in words (`app::exports`; seed 001, portability).

use super::{caller, csv_file, csv_wanted, private, rome, today};
use crate::auth;
use crate::error::{json_response, ApiError};
use crate::SharedEnv;
use axum::extract::{RawQuery, Request};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::api::types::{Export, Guardian};
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
        let lang = crate::lingue::family_lang(&env, req.headers(), s.lang.as_deref()).await;
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
        Ok::<_, ApiError>((csv, export, lang))
    })
    .await;
    let (csv, export, lang) = match r {
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
    // In words, in the family's language (app::exports); the JSON above keeps the codes.
    csv_file(app::exports::family_csv_in(&export, lang), "ponte-dati.csv")
}
