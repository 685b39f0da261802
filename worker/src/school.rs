//! The school's API: imports (secretary and head teacher) and pupils (by role). Every handler
//! finds the object first, then asks `domain::session::Access` whether the signed-in person
//! reaches it; another school's or another family's object answers 404, as if it did not exist.

use crate::auth::{self, check_csrf, require, Session};
use crate::db::school;
use crate::error::{json_response, path_id as id_of, query_pairs, ApiError};
use crate::SharedEnv;
use axum::extract::{Path, RawQuery, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::api::types::{
    CommitOptions, Import, ImportConflict, ImportList, ImportRejected, ImportStatus, PartOutcome,
    Pupil, PupilAbsences,
};
use domain::error::ErrorCode;
use domain::import::{self, ImportKind, Part, RowError};
use domain::messages::Msg;
use domain::query::QueryParams;
use domain::session::{Access, PupilPlace};
use domain::FieldError;
use serde::Deserialize;
use worker::send::SendFuture;
use worker::Env;

/// The signed-in person, their access, and the CSRF check for state-changing requests.
async fn caller(env: &Env, req: &Request) -> Result<(Session, Access), ApiError> {
    let (s, a) = require(env, req.headers()).await?;
    check_csrf(req.method(), req.uri(), req.headers(), &s, None)?;
    Ok((s, a))
}

fn respond<T: serde::Serialize>(r: Result<T, ApiError>, status: StatusCode) -> Response {
    match r {
        Ok(body) => json_response(status, &body),
        Err(e) => e.into_response(),
    }
}

#[derive(Deserialize)]
struct NewImport {
    kind: String,
    file_name: String,
    file_bytes: u64,
}

/// `POST /api/v1/schools/{school_id}/imports` `{"kind","file_name","file_bytes"}`
pub async fn create_import(env: SharedEnv, Path(school): Path<String>, req: Request) -> Response {
    let r = SendFuture::new(async move {
        let school_id = id_of(&school)?;
        let (s, a) = caller(&env, &req).await?;
        if !a.manages(school_id) {
            return Err(FieldError::not_found().into());
        }
        let body = axum::body::to_bytes(req.into_body(), 16 * 1024)
            .await
            .map_err(|_| FieldError::payload_too_large(16 * 1024))?;
        let n: NewImport = crate::error::json_object(&body)
            .map_err(|e| FieldError::invalid_says("body", Msg::BodyInvalid, &[("detail", &e)]))?;
        let kind = ImportKind::parse(&n.kind)?;
        let name = n.file_name.trim();
        if name.is_empty() || name.chars().count() > 200 {
            return Err(FieldError::invalid_says(
                "file_name",
                Msg::TextLengthRange,
                &[("what", &Msg::PhraseFileName), ("max", &200)],
            )
            .into());
        }
        if n.file_bytes == 0 || n.file_bytes > school::MAX_FILE_BYTES {
            return Err(FieldError::invalid_says(
                "file_bytes",
                Msg::FileBytesRange,
                &[("mb", &(school::MAX_FILE_BYTES / 1024 / 1024))],
            )
            .into());
        }
        Ok::<_, ApiError>(
            school::create_import(
                &env,
                school_id,
                kind,
                name,
                n.file_bytes,
                &s.codice_fiscale,
                auth::now(),
            )
            .await?,
        )
    })
    .await;
    respond(r, StatusCode::CREATED)
}

/// The import `id` if the caller manages its school.
async fn managed_import(env: &Env, a: &Access, id: &str) -> Result<Import, ApiError> {
    let id = id_of(id)?;
    match school::import(env, id).await? {
        Some(imp) if a.manages(imp.school_id) => Ok(imp),
        _ => Err(FieldError::not_found().into()),
    }
}

fn staging(imp: &Import) -> Result<(), ApiError> {
    if imp.status == ImportStatus::Staging {
        Ok(())
    } else {
        Err(FieldError::conflict_says(Msg::ImportConcluded, &[]).into())
    }
}

/// `POST /api/v1/imports/{id}/parts?first_line=N` with a part of the file as the body. The part
/// is marked as arriving before it is read, so a commit waits for it; a part that arrives once
/// a commit started is refused (409) and stages nothing.
pub async fn import_part(
    env: SharedEnv,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
    req: Request,
) -> Response {
    let r = SendFuture::new(async move {
        let p = QueryParams::parse(query_pairs(q.as_deref()), &["first_line"])?;
        let first_line: u32 = p
            .get("first_line")
            .unwrap_or("2")
            .parse()
            .ok()
            .filter(|&n| n >= 2)
            .ok_or_else(|| FieldError::invalid_says("first_line", Msg::FirstLineRange, &[]))?;
        let (_, a) = caller(&env, &req).await?;
        let imp = managed_import(&env, &a, &id).await?;
        staging(&imp)?;
        if !school::begin_part(&env, imp.id, auth::now()).await? {
            return Err(moved_on(&env, imp.id).await);
        }
        let staged = stage(&env, &imp, first_line, req).await;
        if staged.is_err() {
            // The part will not land: it no longer holds a commit back.
            if let Err(e) = school::abandon_part(&env, imp.id).await {
                worker::console_error!("import {}: part not released: {e}", imp.id);
            }
        }
        match staged? {
            Some(outcome) => Ok(outcome),
            None => Err(moved_on(&env, imp.id).await),
        }
    })
    .await;
    respond(r, StatusCode::OK)
}

/// Reads and stages one part (after `begin_part`): `None` when a commit started meanwhile.
async fn stage(
    env: &Env,
    imp: &Import,
    first_line: u32,
    req: Request,
) -> Result<Option<PartOutcome>, ApiError> {
    let bytes = axum::body::to_bytes(req.into_body(), school::MAX_PART_BYTES)
        .await
        .map_err(|_| FieldError::payload_too_large(school::MAX_PART_BYTES))?;
    // A part holds at least the header line; an empty body is a malformed request, not an
    // empty file (a file has at least one byte: `import_create`), and stages nothing.
    if bytes.is_empty() {
        return Err(FieldError::invalid_says("body", Msg::PartEmpty, &[]).into());
    }
    if imp.received_bytes as u64 + bytes.len() as u64 > imp.file_bytes as u64 * 2 + 4096 {
        return Err(FieldError::invalid_says("body", Msg::PartsExceedFileSize, &[]).into());
    }
    let part = match imp.kind {
        ImportKind::Calendario if imp.received_bytes > 0 => {
            return Err(FieldError::conflict_says(Msg::CalendarOnePart, &[]).into());
        }
        ImportKind::Calendario => Part::Calendar(import::parse_calendar(&bytes)),
        kind => {
            let ctx = school::import_context(env, imp.school_id).await?;
            Part::parse(kind, &bytes, first_line, &ctx)
        }
    };
    Ok(school::stage_part(env, imp, bytes.len(), part).await?)
}

/// The 409 of a part or a commit that finds the import no longer staging.
async fn moved_on(env: &Env, id: i64) -> ApiError {
    match school::import(env, id).await {
        Ok(Some(i)) if i.status == ImportStatus::Committing => {
            FieldError::conflict_says(Msg::ImportCommitting, &[]).into()
        }
        Ok(_) => FieldError::conflict_says(Msg::ImportConcluded, &[]).into(),
        Err(e) => e.into(),
    }
}

/// How a commit ends.
enum Committed {
    Live(Import),
    Rejected(Import),
    Conflict(ImportConflict),
}

fn conflict(msg: Msg, args: &[(&'static str, &dyn domain::messages::ToArg)]) -> Committed {
    Committed::Conflict(ImportConflict {
        error: FieldError::conflict_says(msg, args),
        deletions: None,
    })
}

/// The commit's options: an empty body is `{}`.
async fn commit_options(req: Request) -> Result<CommitOptions, ApiError> {
    let body = axum::body::to_bytes(req.into_body(), 16 * 1024)
        .await
        .map_err(|_| FieldError::payload_too_large(16 * 1024))?;
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(CommitOptions::default());
    }
    crate::error::json_object(&body)
        .map_err(|e| FieldError::invalid_says("body", Msg::BodyInvalid, &[("detail", &e)]).into())
}

/// `POST /api/v1/imports/{id}/commit` `{"confirm_deletions"?}`: live in one batch, or 422 with
/// every bad row, or 409 (a part still arriving; many pupils deleted without confirmation, with
/// their names). The import first moves to `committing` (no errors, no part arriving, no part
/// landed since the checks), and every statement of the batch is guarded on that state: a
/// second commit answers the same and writes nothing; one that finds the import `committing`
/// (the first was interrupted) completes it.
pub async fn import_commit(env: SharedEnv, Path(id): Path<String>, req: Request) -> Response {
    let r = SendFuture::new(async move {
        let (s, a) = caller(&env, &req).await?;
        let imp = managed_import(&env, &a, &id).await?;
        let options = commit_options(req).await?;
        let now = auth::now();
        match imp.status {
            ImportStatus::Live => return Ok(Committed::Live(imp)),
            ImportStatus::Rejected => return Ok(Committed::Rejected(imp)),
            ImportStatus::Committing => {
                let done = school::commit(&env, &imp, &s.codice_fiscale, now).await?;
                return Ok(Committed::Live(done));
            }
            ImportStatus::Staging => {}
        }
        let progress = school::progress(&env, imp.id).await?;
        if import::parts_arriving(progress.arriving, progress.arriving_since, now) {
            return Ok(conflict(Msg::ImportPartsArriving, &[]));
        }
        // Keys repeated across parts are found only now, whatever the parts said: the answer
        // lists every bad row of the file.
        let mut blocking = school::blocking_errors(&env, &imp).await?;
        // A file without rows, and without errors saying why, imports nothing.
        if imp.error_count == 0 && blocking.is_empty() && imp.rows == 0 {
            blocking.push(RowError {
                line: 1,
                column: None,
                value: String::new(),
                reason: "Il file non contiene righe: non è stato importato nulla.".to_owned(),
            });
        }
        if imp.error_count > 0 || !blocking.is_empty() {
            return Ok(Committed::Rejected(
                school::reject(&env, &imp, blocking, now).await?,
            ));
        }
        if imp.kind == ImportKind::Alunni && !options.confirm_deletions {
            let d = school::pupil_deletions(&env, &imp).await?;
            if import::deletions_need_confirmation(d.total, d.removed) {
                return Ok(Committed::Conflict(ImportConflict {
                    error: FieldError::conflict_says(
                        Msg::ImportDeletionsNeedConfirmation,
                        &[("n", &d.removed), ("total", &d.total)],
                    ),
                    deletions: Some(d),
                }));
            }
        }
        if !school::begin_commit(&env, imp.id, progress.parts, now).await? {
            // A part started or landed meanwhile, or another commit went first.
            let again = school::import(&env, imp.id)
                .await?
                .ok_or_else(FieldError::not_found)?;
            return Ok(match again.status {
                ImportStatus::Live => Committed::Live(again),
                ImportStatus::Rejected => Committed::Rejected(again),
                ImportStatus::Committing => conflict(Msg::ImportCommitting, &[]),
                ImportStatus::Staging => conflict(Msg::ImportPartsArriving, &[]),
            });
        }
        let imp = school::import(&env, imp.id).await?.unwrap_or(imp);
        Ok::<_, ApiError>(Committed::Live(
            school::commit(&env, &imp, &s.codice_fiscale, now).await?,
        ))
    })
    .await;
    match r {
        Ok(Committed::Live(imp)) => json_response(StatusCode::OK, &imp),
        Ok(Committed::Rejected(imp)) => {
            let rejected = ImportRejected {
                error: FieldError::says(
                    ErrorCode::ImportRejected,
                    None,
                    Msg::ImportRejectedErrors,
                    &[("n", &imp.error_count)],
                ),
                import: imp,
            };
            json_response(StatusCode::UNPROCESSABLE_ENTITY, &rejected)
        }
        Ok(Committed::Conflict(c)) => json_response(StatusCode::CONFLICT, &c),
        Err(e) => e.into_response(),
    }
}

/// `GET /api/v1/imports/{id}`
pub async fn import_status(env: SharedEnv, Path(id): Path<String>, req: Request) -> Response {
    let r = SendFuture::new(async move {
        let (_, a) = caller(&env, &req).await?;
        managed_import(&env, &a, &id).await
    })
    .await;
    respond(r, StatusCode::OK)
}

/// `GET /api/v1/schools/{school_id}/imports`
pub async fn imports_list(env: SharedEnv, Path(school): Path<String>, req: Request) -> Response {
    let r = SendFuture::new(async move {
        let school_id = id_of(&school)?;
        let (_, a) = caller(&env, &req).await?;
        if !a.manages(school_id) {
            return Err(FieldError::not_found().into());
        }
        let items = school::imports_of(&env, school_id).await?;
        Ok(ImportList { items })
    })
    .await;
    respond(r, StatusCode::OK)
}

/// The pupil `id` if the caller may read it.
async fn readable_pupil(env: &Env, a: &Access, id: &str) -> Result<Pupil, ApiError> {
    let id = id_of(id)?;
    match school::pupil(env, id).await? {
        Some(p)
            if a.can_read_pupil(PupilPlace {
                pupil_id: p.id,
                school_id: p.school_id,
                class: &p.class_code,
            }) =>
        {
            Ok(p)
        }
        _ => Err(FieldError::not_found().into()),
    }
}

/// `GET /api/v1/pupils/{id}`
pub async fn pupil(env: SharedEnv, Path(id): Path<String>, req: Request) -> Response {
    let r = SendFuture::new(async move {
        let (_, a) = caller(&env, &req).await?;
        readable_pupil(&env, &a, &id).await
    })
    .await;
    respond(r, StatusCode::OK)
}

/// `GET /api/v1/pupils/{id}/absences`
pub async fn pupil_absences(env: SharedEnv, Path(id): Path<String>, req: Request) -> Response {
    let r = SendFuture::new(async move {
        let (_, a) = caller(&env, &req).await?;
        let p = readable_pupil(&env, &a, &id).await?;
        let items = school::absences(&env, p.school_id, p.id).await?;
        Ok(PupilAbsences {
            pupil_id: p.id,
            items,
        })
    })
    .await;
    respond(r, StatusCode::OK)
}
