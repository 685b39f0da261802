//! The browser bundles: the one list that `cargo xtask build` builds (xtask/src/build.rs), the
//! pages link to (app/src/layout.rs) and app/build.rs picks the islands from. `app` is built
//! once per bundle, each exporting only its own islands, so a parent's phone never downloads the
//! office's or the publishing wizard's code. Not a rule of the school or of the register: it
//! lives here because `domain` is the one crate both the build tool and the pages depend on.
//! app/build.rs compiles this file as a module of its own (no build-dependency on `domain`):
//! keep it free of `use crate::…` and of other crates.

/// One browser bundle. Each page loads at most one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bundle {
    /// `hydrate`: the public pages' islands (search filters, absence calculator): what a
    /// parent's phone loads.
    Public,
    /// `hydrate,staff`: the school office's islands (the import form).
    Staff,
    /// `hydrate,consent`: the publishing wizard's first step (`/enti/pubblica`: the privacy
    /// notice's consent, and the draft toolbar), so the first load of the wizard stays small.
    Consent,
    /// `hydrate,publish`: the hosts' publishing wizard (`/enti/pubblica/profilo`).
    Publish,
}

impl Bundle {
    pub const ALL: [Bundle; 4] = [
        Bundle::Public,
        Bundle::Staff,
        Bundle::Consent,
        Bundle::Publish,
    ];

    /// `app`'s features for this bundle.
    pub fn features(self) -> &'static str {
        match self {
            Bundle::Public => "hydrate",
            Bundle::Staff => "hydrate,staff",
            Bundle::Consent => "hydrate,consent",
            Bundle::Publish => "hydrate,publish",
        }
    }

    /// The package that builds it: `app` with [`Bundle::features`], a `cdylib` of its own
    /// (app/bundles/lib.rs says why).
    pub fn package(self) -> &'static str {
        match self {
            Bundle::Public => "bundle-public",
            Bundle::Staff => "bundle-staff",
            Bundle::Consent => "bundle-consent",
            Bundle::Publish => "bundle-publish",
        }
    }

    /// The stem of its wasm and glue files; the boot module's is the same with `boot`.
    pub fn stem(self) -> &'static str {
        match self {
            Bundle::Public => "ponte",
            Bundle::Staff => "ponte-staff",
            Bundle::Consent => "ponte-consent",
            Bundle::Publish => "ponte-publish",
        }
    }

    /// The `cfg` its islands are hydrated under (`#[cfg_attr(islands_public, island)]`): set by
    /// app/build.rs, which reads this list, for the bundle being built and for the server.
    pub fn islands_cfg(self) -> &'static str {
        match self {
            Bundle::Public => "islands_public",
            Bundle::Staff => "islands_staff",
            Bundle::Consent => "islands_consent",
            Bundle::Publish => "islands_publish",
        }
    }

    /// A short name for reports.
    pub fn label(self) -> &'static str {
        match self {
            Bundle::Public => "client",
            Bundle::Staff => "staff",
            Bundle::Consent => "consent",
            Bundle::Publish => "publish",
        }
    }

    pub fn boot_stem(self) -> String {
        self.stem().replacen("ponte", "boot", 1)
    }

    /// The unhashed path of its boot module: what a development build without `cargo xtask
    /// build`'s names serves (`app::assets` gives the hashed one).
    pub fn unhashed_boot_js(self) -> String {
        format!("/pkg/{}.js", self.boot_stem())
    }

    /// Whether a file of `assets/pkg` belongs to this bundle (its wasm, glue or boot module).
    pub fn owns(self, file_name: &str) -> bool {
        let hashed_of = |stem: &str| {
            file_name
                .strip_prefix(stem)
                .and_then(|rest| rest.strip_prefix('.'))
                .is_some_and(|rest| rest.ends_with(".wasm") || rest.ends_with(".js"))
        };
        hashed_of(self.stem()) || hashed_of(&self.boot_stem())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_bundle_owns_only_its_files() {
        let files = [
            ("ponte.0123456789ab.wasm", Bundle::Public),
            ("ponte.0123456789ab.js", Bundle::Public),
            ("boot.0123456789ab.js", Bundle::Public),
            ("ponte-staff.0123456789ab.wasm", Bundle::Staff),
            ("boot-staff.0123456789ab.js", Bundle::Staff),
            ("ponte-consent.0123456789ab.wasm", Bundle::Consent),
            ("boot-consent.0123456789ab.js", Bundle::Consent),
            ("ponte-publish.0123456789ab.js", Bundle::Publish),
            ("boot-publish.0123456789ab.js", Bundle::Publish),
        ];
        for (name, owner) in files {
            for b in Bundle::ALL {
                assert_eq!(b.owns(name), b == owner, "{b:?} and {name}");
            }
        }
        for other in [
            "ponte.0123456789ab.css",
            "pwa.0123456789ab.js",
            "icons.0123.svg",
        ] {
            assert!(!Bundle::ALL.iter().any(|b| b.owns(other)), "{other}");
        }
    }
}
