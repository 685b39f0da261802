use crate::assets::Bundle;
use crate::i18n::Lang;
use crate::islands::calcolatore::{self, Calcolatore};
use crate::islands::{IslandData, IslandDataHolder};
use crate::layout::{Page, SignedIn};
use domain::attendance::limits::{Limits, SEED_PROFILES};
use domain::attendance::{LessonWeeks, WeeklyHours};
use leptos::prelude::*;

/// `/calcolo-assenze`: the public calculator. The island computes as the person types, with
/// the same `domain` function as the API; the form also works without JavaScript.
#[component]
pub fn CalcoloPage(
    lang: Lang,
    user: Option<SignedIn>,
    weekly: String,
    weeks: String,
    daily: String,
) -> impl IntoView {
    let t = lang.texts();
    let rows = SEED_PROFILES
        .iter()
        .zip(t.calc_table_rows.iter())
        .filter_map(|(weekly, label)| {
            let w = WeeklyHours::new(*weekly).ok()?;
            let l = Limits::compute(w, LessonWeeks::DEFAULT, None);
            Some(view! {
                <tr>
                    <th scope="row">{*label}</th>
                    <td>{l.weekly_hours}</td>
                    <td>{lang.number(u64::from(l.annual_hours))}</td>
                    <td>{lang.number(u64::from(l.min_attendance_hours))}</td>
                    <td>{lang.number(u64::from(l.max_absence_hours))}</td>
                </tr>
            })
        })
        .collect_view();
    let calc_data = calcolatore::data(lang, &weekly, &weeks, &daily);
    provide_context(IslandData::new(vec![(
        calcolatore::DATA_ID,
        calc_data.clone(),
    )]));
    let rules = t
        .calc_rules
        .iter()
        .map(|r| view! { <li>{*r}</li> })
        .collect_view();
    view! {
        <Page lang=lang title=t.calc_title.to_owned() islands=Bundle::Public user=user>
            <h1>{t.calc_title}</h1>
            <p class="lead">{t.calc_lead}</p>
            <IslandDataHolder id=calcolatore::DATA_ID data=calc_data/>
            <Calcolatore/>
            <h2>{t.calc_table_title}</h2>
            <div class="table-wrap" tabindex="0" role="region" aria-label=t.calc_table_title>
                <table class="limits-table">
                    <caption>{t.calc_table_caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t.calc_col_profile}</th>
                            <th scope="col">{t.calc_col_weekly}</th>
                            <th scope="col">{t.calc_annual}</th>
                            <th scope="col">{t.calc_min}</th>
                            <th scope="col">{t.calc_max}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <h2>{t.calc_rules_title}</h2>
            <ul>{rules}</ul>
        </Page>
    }
}
