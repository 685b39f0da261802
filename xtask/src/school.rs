//! The demo schools: deterministic CSV exports of a register (docs/imports.md) and the demo identities.
