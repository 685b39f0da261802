//! FNV-1a, 64 bits: the one non-cryptographic hash of the project. It names the static files
//! by their content (`cargo xtask build`), versions the service worker's cache, and checks a
//! profile draft file for damage ([`crate::profile::DraftFile`]). Fast, tiny, stable across
//! versions and platforms — and **not** a security hash: anybody can make two inputs collide.

/// FNV-1a over `bytes` (offset basis `0xcbf29ce484222325`, prime `0x100000001b3`).
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::fnv1a64;

    #[test]
    fn known_vectors() {
        // The reference values of the FNV authors' test suite.
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }
}
