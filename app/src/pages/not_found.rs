use crate::i18n::Lang;
use crate::layout::Page;
use leptos::prelude::*;

#[component]
pub fn NotFoundPage(lang: Lang) -> impl IntoView {
    let t = lang.texts();
    view! {
        <Page lang=lang title=t.not_found_title.to_owned()>
            <h1>{t.not_found_title}</h1>
            <p>{t.not_found_text}</p>
            <p><a href="/">{t.nav_home}</a></p>
        </Page>
    }
}
