//! The page frame every page shares: head, skip link, header, footer.

use crate::assets::{self, Bundle};
use crate::erased::{IntoErased, PageChildren};
use crate::i18n::Lang;
use leptos::prelude::*;

/// The signed-in person, for the header: their name and the session's CSRF token (the sign-out
/// form posts it).
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub name: String,
    pub csrf: String,
}

/// A whole HTML document. `islands` adds the module of the bundle that hydrates the page's
/// islands; pages without islands load no script file and no wasm. `pwa` (the family pages) adds the web app
/// manifest, the service worker's registration and the note shown when the page is a copy
/// kept for offline use (docs/pwa.md): `offline_note` is that note's text when the page knows
/// when it was made (otherwise a note that says only that the copy is not current).
/// `lang_menu` (the family's pages, the sign-in page): the language menu, which posts the
/// choice and comes back to that path.
#[component]
pub fn Page(
    lang: Lang,
    title: String,
    #[prop(optional)] islands: Option<Bundle>,
    #[prop(default = None, into)] user: Option<SignedIn>,
    #[prop(optional)] pwa: bool,
    #[prop(optional, into)] offline_note: Option<String>,
    #[prop(optional, into)] lang_menu: Option<String>,
    children: PageChildren,
) -> impl IntoView {
    let t = lang.texts();
    let csrf = user.as_ref().map(|u| u.csrf.clone());
    let menu = lang_menu.map(|next| view! { <LangMenu lang=lang next=next csrf=csrf/> });
    let offline_note = offline_note.unwrap_or_else(|| t.offline_note.to_owned());
    // Who is signed in, as a link to their area, and "Esci"; or "Accedi". On a phone the
    // header is two rows (brand and account; the site's links), the words "accesso effettuato
    // come" read by screen readers only (style/ponte.css).
    let account = match user {
        Some(u) => view! {
            <div class="account">
                <a class="account-link" href="/area">
                    <Icon name="it-user"/>
                    <span class="visually-hidden">{t.nav_area} " — "</span>
                    <span class="account-prefix">{t.signed_in_prefix} " "</span>
                    <span class="account-name">{u.name}</span>
                </a>
                <form method="post" action="/esci">
                    <input type="hidden" name="csrf" value=u.csrf/>
                    <button type="submit" class="link-button">{t.nav_signout}</button>
                </form>
            </div>
        }
        .erased(),
        None => view! {
            <div class="account">
                <a class="account-link" href="/accedi">{t.nav_signin}</a>
            </div>
        }
        .erased(),
    };
    view! {
        <!DOCTYPE html>
        <html lang=lang.code() dir=lang.dir()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <title>{format!("{title} · {}", t.site_name)}</title>
                <meta name="description" content=t.site_tagline/>
                <meta name="theme-color" content="#0066cc"/>
                <link rel="stylesheet" href=assets::css()/>
                <link rel="icon" href=assets::FAVICON type="image/svg+xml"/>
                {islands.map(|b| view! { <script type="module" src=assets::boot_js(b)></script> })}
                {pwa
                    .then(|| {
                        view! {
                            <link rel="manifest" href=assets::MANIFEST/>
                            <link rel="apple-touch-icon" href=assets::APPLE_TOUCH_ICON/>
                            <script type="module" src=assets::pwa_js()></script>
                        }
                    })}
            </head>
            <body>
                <a class="skip-link" href="#contenuto">{t.skip_to_content}</a>
                <header class="site-header">
                    <div class="wrap">
                        <a class="brand" href="/">
                            <Icon name="it-pa"/>
                            <span class="brand-name">{t.site_name}</span>
                            <span class="brand-tagline">{t.site_tagline}</span>
                        </a>
                        {account}
                        {menu}
                        <nav aria-label=t.nav_label>
                            <ul class="nav">
                                <li><a href="/enti">{t.nav_hosts}</a></li>
                                <li><a href="/calcolo-assenze">{t.nav_calculator}</a></li>
                            </ul>
                        </nav>
                    </div>
                </header>
                <main id="contenuto" class="wrap">
                    {pwa
                        .then(|| {
                            view! {
                                <p class="offline-note" role="status" hidden=true>
                                    {offline_note.clone()}
                                </p>
                            }
                        })}
                    {children.render()}
                </main>
                <footer class="site-footer">
                    <div class="wrap">
                        {(lang != Lang::It)
                            .then(|| {
                                view! {
                                    <p class="translation-note">
                                        {t.translation_note} " "
                                        <a href="/traduzioni">{t.translation_link}</a>
                                    </p>
                                }
                            })}
                        <p>{t.footer_note}</p>
                        <ul class="footer-links">
                            <li><a href="/privacy">{lang.info().footer_privacy}</a></li>
                            <li><a href="/accessibilita">{lang.info().footer_accessibility}</a></li>
                            <li><a href="/fonti">{t.footer_sources}</a></li>
                        </ul>
                    </div>
                </footer>
            </body>
        </html>
    }
}

/// The language menu: each language named in itself, in its own script and direction, one tap
/// each (a plain form: no script). The current one is marked; the summary is a globe,
/// recognisable whatever the page's language, with the current language's name beside it on a
/// wide screen (on a phone the account's name needs the room; screen readers hear it always).
#[component]
fn LangMenu(lang: Lang, next: String, csrf: Option<String>) -> impl IntoView {
    let t = lang.texts();
    view! {
        <details class="lang-menu">
            <summary>
                <Icon name="it-world"/>
                <span class="visually-hidden">{t.lang_menu} ": "</span>
                <span class="lang-name" lang=lang.code() dir=lang.dir()>{lang.name()}</span>
            </summary>
            <form method="post" action="/lingua" class="lang-list">
                <input type="hidden" name="next" value=next/>
                {csrf.map(|c| view! { <input type="hidden" name="csrf" value=c/> })}
                <ul>
                    {Lang::ALL
                        .into_iter()
                        .map(|l| {
                            view! {
                                <li>
                                    <button
                                        type="submit"
                                        name="lingua"
                                        value=l.code()
                                        lang=l.code()
                                        dir=l.dir()
                                        aria-current=(l == lang).then_some("true")
                                    >
                                        {l.name()}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </form>
        </details>
    }
}

/// One checkbox or radio button with its label beside it, on a line of its own (`kind`:
/// `checkbox` or `radio`): the label's whole words wrap, never cut.
#[component]
pub fn Choice(
    kind: &'static str,
    id: String,
    name: &'static str,
    value: String,
    label: String,
    #[prop(optional)] checked: bool,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    view! {
        <div class="choice">
            <input type=kind id=id.clone() name=name value=value checked=checked required=required/>
            <label for=id>{label}</label>
        </div>
    }
}

/// An icon from the self-hosted sprite (Bootstrap Italia's set, only the icons used).
#[component]
pub fn Icon(name: &'static str) -> impl IntoView {
    view! {
        <svg class="icon" aria-hidden="true" focusable="false">
            <use_ href=format!("{}#{name}", crate::assets::icons())></use_>
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::IT;

    /// The service worker's offline page and the manifest are static files: their words must be
    /// the catalogue's.
    #[test]
    fn static_pwa_files_say_what_the_catalogue_says() {
        let offline = include_str!("../../style/offline.html");
        for text in [
            IT.offline_title,
            IT.offline_unsaved,
            IT.offline_retry,
            IT.site_name,
            IT.site_tagline,
        ] {
            assert!(offline.contains(text), "style/offline.html lacks {text:?}");
        }
        assert!(offline.contains(&format!(
            "<title>{} · {}</title>",
            IT.offline_title, IT.site_name
        )));
        let manifest: serde_json::Value =
            serde_json::from_str(include_str!("../../assets/manifest.webmanifest"))
                .expect("the manifest is JSON"); // ok: test
        assert_eq!(manifest["name"], IT.site_name);
        assert_eq!(manifest["description"], IT.site_tagline);
    }
}
