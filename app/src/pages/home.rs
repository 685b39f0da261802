use crate::i18n::Lang;
use crate::layout::{Icon, Page, SignedIn};
use leptos::prelude::*;

/// `/`: who are you? Three doors.
#[component]
pub fn HomePage(lang: Lang, user: Option<SignedIn>) -> impl IntoView {
    let t = lang.texts();
    view! {
        <Page lang=lang title=t.home_title.to_owned() user=user>
            <h1>{t.home_title}</h1>
            <p class="lead">{t.home_lead}</p>
            <ul class="doors">
                <li>
                    <a class="door" href="/famiglia">
                        <Icon name="it-user"/>
                        <span class="door-title">{t.home_family}</span>
                        <span class="door-text">{t.home_family_text}</span>
                    </a>
                </li>
                <li>
                    <a class="door" href="/scuola">
                        <Icon name="it-pa"/>
                        <span class="door-title">{t.home_school}</span>
                        <span class="door-text">{t.home_school_text}</span>
                    </a>
                </li>
                <li>
                    <a class="door" href="/enti/pubblica">
                        <Icon name="it-settings"/>
                        <span class="door-title">{t.home_host}</span>
                        <span class="door-text">{t.home_host_text}</span>
                    </a>
                </li>
            </ul>
        </Page>
    }
}
