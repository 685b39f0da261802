//! The library half of xtask: building, serving and seeding Ponte, shared by the `cargo xtask`
//! commands and by the end-to-end tests' `spawn_app` helper.

pub mod ars;
pub mod build;
pub mod client;
pub mod crl;
pub mod ipa;
pub mod lingue;
pub mod oidc;
pub mod openapi;
pub mod paths;
pub mod pki;
pub mod reference;
pub mod registry;
pub mod run;
pub mod school;
pub mod seed;
pub mod server;
pub mod stack;
pub mod tidy;
pub mod tools;
pub mod tsl;
pub mod worker_js;

pub type Result<T = ()> = std::result::Result<T, String>;
