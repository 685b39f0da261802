//! School data imports: CSV files from the register, validated whole (docs/imports.md).
