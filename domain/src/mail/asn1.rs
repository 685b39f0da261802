//! Just enough ASN.1 to read CMS byte for byte: walking DER elements to keep the exact bytes a
//! signature covers (a certificate's `tbsCertificate`, a signer's signed attributes), and
//! turning BER into DER, since `der` refuses indefinite lengths and some signing tools write
//! them (docs/toolchain.md, "E-mail in the worker").

use super::MailError;

/// Deeper nesting than any certificate or CMS structure has: refused, so garbage cannot
/// exhaust the stack.
const MAX_DEPTH: usize = 40;

fn malformed(what: &str) -> MailError {
    MailError::Malformed(what.to_owned())
}

/// One DER element with a one-byte tag: the tag, the whole encoding and the contents.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tlv<'a> {
    pub tag: u8,
    pub raw: &'a [u8],
    pub content: &'a [u8],
}

/// The header of a BER element: its tag bytes, whether it is constructed, its length
/// (`None`: indefinite) and the header's size.
struct Header<'a> {
    tag: &'a [u8],
    constructed: bool,
    length: Option<usize>,
    size: usize,
}

fn header(input: &[u8]) -> Result<Header<'_>, MailError> {
    let first = *input
        .first()
        .ok_or_else(|| malformed("struttura ASN.1 troncata"))?;
    let mut tag_len = 1;
    if first & 0x1f == 0x1f {
        // High tag number: base-128 digits, the last without the top bit. Four are plenty.
        loop {
            let b = *input
                .get(tag_len)
                .ok_or_else(|| malformed("struttura ASN.1 troncata"))?;
            tag_len += 1;
            if b & 0x80 == 0 {
                break;
            }
            if tag_len > 5 {
                return Err(malformed("etichetta ASN.1 troppo lunga"));
            }
        }
    }
    let first_len = *input
        .get(tag_len)
        .ok_or_else(|| malformed("struttura ASN.1 troncata"))?;
    let (length, len_size) = match first_len {
        0x80 => (None, 1),
        b if b < 0x80 => (Some(usize::from(b)), 1),
        b => {
            let n = usize::from(b & 0x7f);
            if n > 4 {
                return Err(malformed("lunghezza ASN.1 eccessiva"));
            }
            let bytes = input
                .get(tag_len + 1..tag_len + 1 + n)
                .ok_or_else(|| malformed("struttura ASN.1 troncata"))?;
            let len = bytes
                .iter()
                .fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
            (Some(len), 1 + n)
        }
    };
    Ok(Header {
        tag: &input[..tag_len],
        constructed: first & 0x20 != 0,
        length,
        size: tag_len + len_size,
    })
}

/// Reads the DER element at the start of `input` (one-byte tag, definite length); returns it
/// and what follows.
pub(crate) fn read(input: &[u8]) -> Result<(Tlv<'_>, &[u8]), MailError> {
    let h = header(input)?;
    if h.tag.len() != 1 {
        return Err(malformed("etichetta ASN.1 inattesa"));
    }
    let len = h
        .length
        .ok_or_else(|| malformed("lunghezza ASN.1 indefinita"))?;
    let end = h
        .size
        .checked_add(len)
        .filter(|&e| e <= input.len())
        .ok_or_else(|| malformed("struttura ASN.1 troncata"))?;
    Ok((
        Tlv {
            tag: h.tag[0],
            raw: &input[..end],
            content: &input[h.size..end],
        },
        &input[end..],
    ))
}

/// Whether `input` is one DER element whose every nested length fits inside its parent, to the
/// end (definite lengths only, nesting at most [`MAX_DEPTH`]). Checked before bytes go to the
/// `der` crate, which may reserve a value's declared length before reading it: a 463-byte CRL
/// whose issuer name declared a 5 MB string made it allocate 5 MB (found by `cargo xtask fuzz`).
pub(crate) fn well_formed(input: &[u8]) -> Result<(), MailError> {
    let taken = element(input, 0)?;
    if taken != input.len() {
        return Err(malformed("dati estranei dopo la struttura ASN.1"));
    }
    Ok(())
}

/// The size of the well-formed element at the start of `input`.
fn element(input: &[u8], depth: usize) -> Result<usize, MailError> {
    if depth > MAX_DEPTH {
        return Err(malformed("struttura ASN.1 annidata troppo in profondità"));
    }
    let h = header(input)?;
    let len = h
        .length
        .ok_or_else(|| malformed("lunghezza ASN.1 indefinita"))?;
    let content = input
        .get(h.size..)
        .and_then(|body| body.get(..len))
        .ok_or_else(|| malformed("struttura ASN.1 troncata"))?;
    if h.constructed {
        let mut pos = 0;
        while pos < len {
            pos += element(&content[pos..], depth + 1)?;
        }
    }
    Ok(h.size + len)
}

/// The elements one after another in `content` (the contents of a SEQUENCE or SET).
pub(crate) fn children(mut content: &[u8]) -> Result<Vec<Tlv<'_>>, MailError> {
    let mut out = Vec::new();
    while !content.is_empty() {
        let (tlv, rest) = read(content)?;
        out.push(tlv);
        content = rest;
    }
    Ok(out)
}

fn push_length(out: &mut Vec<u8>, len: usize) {
    if len < 0x80 {
        out.push(len as u8);
        return;
    }
    let bytes = len.to_be_bytes();
    let skip = bytes.iter().take_while(|&&b| b == 0).count();
    out.push(0x80 | (bytes.len() - skip) as u8);
    out.extend_from_slice(&bytes[skip..]);
}

/// The DER form of a BER encoding: definite, minimal lengths and OCTET STRINGs in one piece
/// (BER may cut them into a constructed string of chunks, as `openssl cms -stream` does). Input
/// that is DER already comes back unchanged. Bytes after the element are refused, except line
/// ends, spaces and zeros that some tools append.
pub(crate) fn ber_to_der(input: &[u8]) -> Result<Vec<u8>, MailError> {
    let mut out = Vec::with_capacity(input.len());
    let used = convert(input, &mut out, 0)?;
    let trailing = input.get(used..).unwrap_or_default();
    if trailing
        .iter()
        .any(|&b| !matches!(b, 0 | b'\r' | b'\n' | b' ' | b'\t'))
    {
        return Err(malformed("dati estranei dopo la struttura firmata"));
    }
    Ok(out)
}

/// Converts the element at the start of `input`, appending its DER to `out`; returns how many
/// bytes of `input` it took.
fn convert(input: &[u8], out: &mut Vec<u8>, depth: usize) -> Result<usize, MailError> {
    if depth > MAX_DEPTH {
        return Err(malformed("struttura ASN.1 annidata troppo in profondità"));
    }
    let h = header(input)?;
    let body = &input[h.size..];
    if !h.constructed {
        let len = h
            .length
            .ok_or_else(|| malformed("lunghezza indefinita in un valore semplice"))?;
        let content = body
            .get(..len)
            .ok_or_else(|| malformed("struttura ASN.1 troncata"))?;
        out.extend_from_slice(h.tag);
        push_length(out, len);
        out.extend_from_slice(content);
        return Ok(h.size + len);
    }
    let mut inner = Vec::new();
    let taken = match h.length {
        Some(len) => {
            let content = body
                .get(..len)
                .ok_or_else(|| malformed("struttura ASN.1 troncata"))?;
            let mut pos = 0;
            while pos < len {
                pos += convert(&content[pos..], &mut inner, depth + 1)?;
            }
            len
        }
        None => {
            let mut pos = 0;
            loop {
                let rest = body
                    .get(pos..)
                    .filter(|r| !r.is_empty())
                    .ok_or_else(|| malformed("struttura ASN.1 troncata"))?;
                if rest.starts_with(&[0, 0]) {
                    break pos + 2;
                }
                pos += convert(rest, &mut inner, depth + 1)?;
            }
        }
    };
    if h.tag == [0x24] {
        // A constructed OCTET STRING: its chunks (now primitive) joined into one.
        let mut data = Vec::with_capacity(inner.len());
        for chunk in children(&inner)? {
            if chunk.tag != 0x04 {
                return Err(malformed("frammento non valido in una stringa di ottetti"));
            }
            data.extend_from_slice(chunk.content);
        }
        out.push(0x04);
        push_length(out, data.len());
        out.extend_from_slice(&data);
    } else {
        out.extend_from_slice(h.tag);
        push_length(out, inner.len());
        out.extend_from_slice(&inner);
    }
    Ok(h.size + taken)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nested_length_past_its_parent_is_not_well_formed() {
        let der = [0x30, 0x06, 0x02, 0x01, 0x05, 0x04, 0x01, 0xaa];
        assert!(well_formed(&der).is_ok());
        // A SET inside the SEQUENCE whose UTF8String declares 5 MB in a few bytes (the shape
        // of the fuzzed CRL's issuer name).
        let lying = [0x30, 0x08, 0x31, 0x06, 0x0c, 0x83, 0x50, 0x6f, 0x6e, 0x41];
        assert!(well_formed(&lying).is_err());
        // Trailing bytes, an indefinite length, nesting past the limit: refused.
        assert!(well_formed(&[0x04, 0x01, 0xaa, 0x00]).is_err());
        assert!(well_formed(&[0x30, 0x80, 0x00, 0x00]).is_err());
        let mut deep = Vec::new();
        for _ in 0..=MAX_DEPTH + 1 {
            deep = [vec![0x30, deep.len() as u8], deep].concat();
        }
        assert!(well_formed(&deep).is_err());
    }

    #[test]
    fn der_is_unchanged() {
        let der = [0x30, 0x06, 0x02, 0x01, 0x05, 0x04, 0x01, 0xaa];
        assert_eq!(ber_to_der(&der).unwrap(), der);
        let (seq, rest) = read(&der).unwrap();
        assert!(rest.is_empty());
        assert_eq!(seq.tag, 0x30);
        let kids = children(seq.content).unwrap();
        assert_eq!(kids.len(), 2);
        assert_eq!(kids[1].content, [0xaa]);
    }

    #[test]
    fn indefinite_lengths_and_chunked_strings_become_der() {
        // SEQUENCE (indefinite) { OCTET STRING constructed (indefinite) { "ab", "c" } }
        let ber = [
            0x30, 0x80, 0x24, 0x80, 0x04, 0x02, b'a', b'b', 0x04, 0x01, b'c', 0x00, 0x00, 0x00,
            0x00,
        ];
        assert_eq!(
            ber_to_der(&ber).unwrap(),
            [0x30, 0x05, 0x04, 0x03, b'a', b'b', b'c']
        );
        // Long lengths are written in the minimal form.
        let mut long = vec![0x04, 0x82, 0x01, 0x00];
        long.extend(std::iter::repeat_n(7u8, 256));
        assert_eq!(ber_to_der(&long).unwrap(), long);
        let mut nonminimal = vec![0x04, 0x82, 0x00, 0x02, 1, 2];
        assert_eq!(ber_to_der(&nonminimal).unwrap(), [0x04, 0x02, 1, 2]);
        nonminimal.extend(b"\r\n");
        assert!(ber_to_der(&nonminimal).is_ok());
        nonminimal.push(b'x');
        assert!(ber_to_der(&nonminimal).is_err());
    }

    #[test]
    fn garbage_is_refused_without_panic() {
        for bad in [
            &[][..],
            &[0x30],
            &[0x30, 0x80],
            &[0x30, 0x85, 1, 1, 1, 1, 1],
            &[0x04, 0x80, 0, 0],
            &[0x30, 0x03, 0x02, 0x05, 0x00],
            &[0x1f, 0xff, 0xff, 0xff, 0xff, 0xff],
        ] {
            assert!(ber_to_der(bad).is_err(), "{bad:?}");
        }
        // Deep nesting is refused, not a stack overflow.
        let mut deep = Vec::new();
        for _ in 0..10_000 {
            deep.extend([0x30, 0x80]);
        }
        assert!(ber_to_der(&deep).is_err());
    }
}
