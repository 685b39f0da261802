use crate::i18n::{group_digits, Lang};
use crate::islands::{field, pack, read};
use domain::attendance::limits::Limits;
use leptos::either::Either;
use leptos::prelude::*;

pub const DATA_ID: &str = "d-calcolatore";

/// The calculator's data: its labels in the page's language, then the values typed so far.
pub fn data(lang: Lang, weekly: &str, weeks: &str, daily: &str) -> String {
    let t = lang.texts();
    pack(&[
        t.calc_weekly,
        t.calc_weeks,
        t.calc_weeks_hint,
        t.calc_daily,
        t.calc_daily_hint,
        t.calc_submit,
        t.calc_annual,
        t.calc_min,
        t.calc_max,
        t.calc_days,
        t.calc_days_unknown,
        t.calc_result_label,
        weekly,
        weeks,
        daily,
        t.digit_group,
        lang.code(),
    ])
}

/// The calculator: recomputes on every keystroke with `Limits::from_inputs`, the function
/// behind `GET /api/v1/attendance/limits`. Submitting the form (no JavaScript) gives the same.
// In the other bundles this is a plain component nobody calls: not exported, so not shipped.
#[cfg_attr(islands_public, island)]
#[cfg_attr(not(islands_public), component)]
pub fn Calcolatore() -> impl IntoView {
    let f = read(DATA_ID);
    let s = |i| field(&f, i);
    let (l_weekly, l_weeks, l_weeks_hint, l_daily, l_daily_hint, l_submit) =
        (s(0), s(1), s(2), s(3), s(4), s(5));
    let (l_annual, l_min, l_max, l_days, l_days_unknown, l_result) =
        (s(6), s(7), s(8), s(9), s(10), s(11));
    let group = s(15);
    let lang = Lang::from_code(&s(16));
    let n = move |v: u32| group_digits(u64::from(v), &group);
    let weekly = RwSignal::new(s(12));
    let weeks = RwSignal::new(s(13));
    let daily = RwSignal::new(s(14));
    let result = Memo::new(move |_| {
        let w = weekly.get();
        (!w.trim().is_empty()).then(|| Limits::from_inputs(&w, &weeks.get(), &daily.get()))
    });
    let output = move || match result.get() {
        None => None,
        Some(Err(e)) => Some(Either::Left(
            view! { <p class="alert alert-danger">{lang.limits_error(&e)}</p> },
        )),
        Some(Ok(l)) => {
            let days = l
                .max_absence_days
                .map(|d| d.to_string())
                .unwrap_or_else(|| l_days_unknown.clone());
            Some(Either::Right(view! {
                <dl class="calc-figures">
                    <div><dt>{l_annual.clone()}</dt><dd data-k="annual">{n(l.annual_hours)}</dd></div>
                    <div><dt>{l_min.clone()}</dt><dd data-k="min">{n(l.min_attendance_hours)}</dd></div>
                    <div class="calc-main"><dt>{l_max.clone()}</dt><dd data-k="max">{n(l.max_absence_hours)}</dd></div>
                    <div><dt>{l_days.clone()}</dt><dd data-k="days">{days}</dd></div>
                </dl>
            }))
        }
    };
    view! {
        <form class="calc" method="get" action="/calcolo-assenze">
            <div class="field">
                <label for="c-weekly">{l_weekly}</label>
                <input id="c-weekly" name="weekly_hours" type="number" inputmode="numeric" min="1" max="60" required
                    prop:value=weekly on:input=move |ev| weekly.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="c-weeks">{l_weeks}</label>
                <input id="c-weeks" name="weeks" type="number" inputmode="numeric" min="1" max="52" placeholder="33"
                    aria-describedby="c-weeks-hint"
                    prop:value=weeks on:input=move |ev| weeks.set(event_target_value(&ev))/>
                <p id="c-weeks-hint" class="hint">{l_weeks_hint}</p>
            </div>
            <div class="field">
                <label for="c-daily">{l_daily}</label>
                <input id="c-daily" name="daily_hours" type="number" inputmode="numeric" min="1" max="12"
                    aria-describedby="c-daily-hint"
                    prop:value=daily on:input=move |ev| daily.set(event_target_value(&ev))/>
                <p id="c-daily-hint" class="hint">{l_daily_hint}</p>
            </div>
            <button type="submit" class="btn btn-primary">{l_submit}</button>
        </form>
        <section class="calc-result" aria-live="polite" aria-label=l_result>{output}</section>
    }
}
