use crate::i18n::Lang;
use domain::attendance::limits::Limits;
use leptos::either::Either;
use leptos::prelude::*;

/// The calculator: recomputes on every keystroke with `Limits::from_inputs`, the function
/// behind `GET /api/v1/attendance/limits`. Submitting the form (no JavaScript) gives the same.
#[island]
pub fn Calcolatore(lang: Lang, weekly: String, weeks: String, daily: String) -> impl IntoView {
    let t = lang.texts();
    let weekly = RwSignal::new(weekly);
    let weeks = RwSignal::new(weeks);
    let daily = RwSignal::new(daily);
    let result = Memo::new(move |_| {
        let w = weekly.get();
        (!w.trim().is_empty()).then(|| Limits::from_inputs(&w, &weeks.get(), &daily.get()))
    });
    let output = move || match result.get() {
        None => None,
        Some(Err(e)) => Some(Either::Left(
            view! { <p class="alert alert-danger">{e.message}</p> },
        )),
        Some(Ok(l)) => {
            let days = l
                .max_absence_days
                .map(|d| d.to_string())
                .unwrap_or_else(|| t.calc_days_unknown.to_owned());
            Some(Either::Right(view! {
                <dl class="calc-figures">
                    <div><dt>{t.calc_annual}</dt><dd data-k="annual">{l.annual_hours}</dd></div>
                    <div><dt>{t.calc_min}</dt><dd data-k="min">{l.min_attendance_hours}</dd></div>
                    <div class="calc-main"><dt>{t.calc_max}</dt><dd data-k="max">{l.max_absence_hours}</dd></div>
                    <div><dt>{t.calc_days}</dt><dd data-k="days">{days}</dd></div>
                </dl>
            }))
        }
    };
    view! {
        <form class="calc" method="get" action="/calcolo-assenze">
            <div class="field">
                <label for="c-weekly">{t.calc_weekly}</label>
                <input id="c-weekly" name="weekly_hours" type="number" inputmode="numeric" min="1" max="60" required
                    prop:value=weekly on:input=move |ev| weekly.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="c-weeks">{t.calc_weeks}</label>
                <input id="c-weeks" name="weeks" type="number" inputmode="numeric" min="1" max="52" placeholder="33"
                    aria-describedby="c-weeks-hint"
                    prop:value=weeks on:input=move |ev| weeks.set(event_target_value(&ev))/>
                <p id="c-weeks-hint" class="hint">{t.calc_weeks_hint}</p>
            </div>
            <div class="field">
                <label for="c-daily">{t.calc_daily}</label>
                <input id="c-daily" name="daily_hours" type="number" inputmode="numeric" min="1" max="12"
                    aria-describedby="c-daily-hint"
                    prop:value=daily on:input=move |ev| daily.set(event_target_value(&ev))/>
                <p id="c-daily-hint" class="hint">{t.calc_daily_hint}</p>
            </div>
            <button type="submit" class="btn btn-primary">{t.calc_submit}</button>
        </form>
        <section class="calc-result" aria-live="polite" aria-label=t.calc_result_label>{output}</section>
    }
}
