//! `daticert.xml`, the certification data a PEC provider attaches to every envelope
//! (DM 2/11/2005, technical rules, and its DTD `postacert.dtd`):
//!
//! ```text
//! <postacert tipo="posta-certificata" errore="nessuno">
//!   <intestazione>
//!     <mittente>…</mittente>
//!     <destinatari tipo="certificato">…</destinatari>   (one per recipient)
//!     <risposte>…</risposte>
//!     <oggetto>…</oggetto>
//!   </intestazione>
//!   <dati>
//!     <gestore-emittente>…</gestore-emittente>
//!     <data zona="+0100"><giorno>…</giorno><ora>…</ora></data>
//!     <identificativo>…</identificativo>
//!     <msgid>…</msgid>
//!   </dati>
//! </postacert>
//! ```
//!
//! The layout is fixed and flat, so a small reader of our own does: no XML crate in the worker.
//! It decodes the five predefined entities, character references and CDATA sections, skips
//! comments, reads ISO-8859-1 when the declaration says so (UTF-8 otherwise), and refuses
//! ambiguity: one `<postacert>`, one `<intestazione>`, one `<mittente>`, one `<oggetto>`.

use super::{addr_spec, MailError};

fn malformed(what: &str) -> MailError {
    MailError::Malformed(format!("daticert.xml: {what}"))
}

/// What `daticert.xml` says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Daticert {
    /// `posta-certificata` for a certified message (receipts and anomalies say otherwise).
    pub tipo: String,
    /// `nessuno` when the provider found nothing wrong.
    pub errore: Option<String>,
    pub mittente: String,
    pub destinatari: Vec<String>,
    pub oggetto: String,
    pub gestore: Option<String>,
    pub identificativo: Option<String>,
    pub msgid: Option<String>,
}

/// The document as text, in the encoding its declaration names.
fn decode(bytes: &[u8]) -> Result<String, MailError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let head = &bytes[..bytes.len().min(200)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let latin1 = head.starts_with("<?xml")
        && ["iso-8859-1", "iso-8859-15", "latin1", "windows-1252"]
            .iter()
            .any(|e| {
                head.contains(&format!("encoding=\"{e}\""))
                    || head.contains(&format!("encoding='{e}'"))
            });
    if latin1 {
        Ok(bytes.iter().map(|&b| char::from(b)).collect())
    } else {
        String::from_utf8(bytes.to_vec()).map_err(|_| malformed("testo non in UTF-8"))
    }
}

/// The text without comments.
fn strip_comments(xml: &str) -> Result<String, MailError> {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        let end = rest[start + 4..]
            .find("-->")
            .ok_or_else(|| malformed("commento non chiuso"))?;
        rest = &rest[start + 4 + end + 3..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Every `<name …>…</name>` in `xml`: its attributes' text and its inner text (empty for
/// `<name/>`). Elements of the same name do not nest in daticert.xml.
fn elements<'a>(xml: &'a str, name: &str) -> Result<Vec<(&'a str, &'a str)>, MailError> {
    let open = format!("<{name}");
    let close = format!("</{name}");
    let boundary = |s: &str| {
        s.chars()
            .next()
            .is_some_and(|c| c == '>' || c == '/' || c.is_whitespace())
    };
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(found) = xml[pos..].find(&open) {
        let start = pos + found + open.len();
        if !boundary(&xml[start..]) {
            pos = start;
            continue;
        }
        let gt = xml[start..]
            .find('>')
            .ok_or_else(|| malformed("elemento non chiuso"))?;
        let attrs = &xml[start..start + gt];
        let body = start + gt + 1;
        if let Some(attrs) = attrs.strip_suffix('/') {
            out.push((attrs, ""));
            pos = body;
            continue;
        }
        let mut search = body;
        let end = loop {
            let at = xml[search..]
                .find(&close)
                .map(|i| search + i)
                .ok_or_else(|| malformed(&format!("<{name}> non chiuso")))?;
            let after = xml[at + close.len()..].trim_start();
            if after.starts_with('>') {
                break at;
            }
            search = at + close.len();
        };
        out.push((attrs, &xml[body..end]));
        let gt = xml[end..].find('>').unwrap_or(0);
        pos = end + gt + 1;
    }
    Ok(out)
}

/// The single `<name>` in `xml`: `None` when absent, an error when repeated.
fn single<'a>(xml: &'a str, name: &str) -> Result<Option<(&'a str, &'a str)>, MailError> {
    let found = elements(xml, name)?;
    match found.as_slice() {
        [] => Ok(None),
        [one] => Ok(Some(*one)),
        _ => Err(malformed(&format!("<{name}> ripetuto"))),
    }
}

/// Character data: entities and character references decoded, CDATA sections taken as they
/// are; markup inside is refused.
fn text(raw: &str) -> Result<String, MailError> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("<![CDATA[") {
            let end = after
                .find("]]>")
                .ok_or_else(|| malformed("sezione CDATA non chiusa"))?;
            out.push_str(&after[..end]);
            rest = &after[end + 3..];
        } else if c == '<' {
            return Err(malformed("elemento inatteso in un testo"));
        } else if c == '&' {
            let end = rest
                .find(';')
                .filter(|&e| e <= 12)
                .ok_or_else(|| malformed("entità non valida"))?;
            let entity = &rest[1..end];
            let decoded = match entity {
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => {
                    let code = if let Some(hex) = entity
                        .strip_prefix("#x")
                        .or_else(|| entity.strip_prefix("#X"))
                    {
                        u32::from_str_radix(hex, 16).ok()
                    } else if let Some(dec) = entity.strip_prefix('#') {
                        dec.parse().ok()
                    } else {
                        None
                    };
                    code.and_then(char::from_u32)
                }
            };
            out.push(
                decoded.ok_or_else(|| malformed(&format!("entità «&{entity};» sconosciuta")))?,
            );
            rest = &rest[end + 1..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    Ok(out)
}

/// The value of attribute `name` in a start tag's attribute text.
fn attribute(attrs: &str, name: &str) -> Result<Option<String>, MailError> {
    let mut rest = attrs;
    while let Some(i) = rest.find(name) {
        let before_ok = i == 0 || rest[..i].ends_with(char::is_whitespace);
        let after = rest[i + name.len()..].trim_start();
        if before_ok {
            if let Some(value) = after.strip_prefix('=') {
                let value = value.trim_start();
                let quote = value
                    .chars()
                    .next()
                    .filter(|&q| q == '"' || q == '\'')
                    .ok_or_else(|| malformed("attributo senza virgolette"))?;
                let inner = &value[1..];
                let end = inner
                    .find(quote)
                    .ok_or_else(|| malformed("attributo non chiuso"))?;
                return text(&inner[..end]).map(Some);
            }
        }
        rest = &rest[i + name.len()..];
    }
    Ok(None)
}

/// Reads `daticert.xml`.
pub(crate) fn parse(bytes: &[u8]) -> Result<Daticert, MailError> {
    let xml = strip_comments(&decode(bytes)?)?;
    let (root_attrs, root) =
        single(&xml, "postacert")?.ok_or_else(|| malformed("manca <postacert>"))?;
    let tipo = attribute(root_attrs, "tipo")?.unwrap_or_default();
    let errore = attribute(root_attrs, "errore")?;
    let (_, head) =
        single(root, "intestazione")?.ok_or_else(|| malformed("manca <intestazione>"))?;
    let (_, mittente) = single(head, "mittente")?.ok_or_else(|| malformed("manca <mittente>"))?;
    let mittente = text(mittente)?;
    let mittente =
        addr_spec(&mittente).ok_or_else(|| malformed("<mittente> non è un indirizzo"))?;
    let mut destinatari = Vec::new();
    for (_, d) in elements(head, "destinatari")? {
        let d = text(d)?;
        destinatari.push(addr_spec(&d).unwrap_or_else(|| d.trim().to_lowercase()));
    }
    let oggetto = match single(head, "oggetto")? {
        Some((_, o)) => text(o)?,
        None => return Err(malformed("manca <oggetto>")),
    };
    let dati = single(root, "dati")?.map(|(_, d)| d).unwrap_or("");
    let field = |name: &str| -> Result<Option<String>, MailError> {
        match single(dati, name)? {
            Some((_, v)) => Ok(Some(text(v)?.trim().to_owned()).filter(|s| !s.is_empty())),
            None => Ok(None),
        }
    };
    Ok(Daticert {
        tipo,
        errore,
        mittente,
        destinatari,
        oggetto: oggetto.trim().to_owned(),
        gestore: field("gestore-emittente")?,
        identificativo: field("identificativo")?,
        msgid: field("msgid")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE postacert SYSTEM "postacert.dtd">
<postacert tipo="posta-certificata" errore="nessuno">
  <intestazione>
    <!-- <mittente>finto@esempio.it</mittente> -->
    <mittente>Protocollo@PEC.Comune.esempio.it</mittente>
    <destinatari tipo="certificato">a@pec.it</destinatari>
    <destinatari tipo="esterno">B@posta.it</destinatari>
    <risposte>protocollo@pec.comune.esempio.it</risposte>
    <oggetto>Dichiarazione &lt;2345-6789-ABCH&gt; &amp; altro &#232;&#xE0; <![CDATA[<ok>]]></oggetto>
  </intestazione>
  <dati>
    <gestore-emittente>ARUBA PEC S.p.A.</gestore-emittente>
    <data zona="+0100"><giorno>02/03/2026</giorno><ora>11:00:00</ora></data>
    <identificativo>opec123.20260302110000@pec.aruba.it</identificativo>
    <msgid>&lt;abc@comune.esempio.it&gt;</msgid>
  </dati>
</postacert>"#;

    #[test]
    fn reads_the_fields() {
        let d = parse(SAMPLE.as_bytes()).unwrap();
        assert_eq!(d.tipo, "posta-certificata");
        assert_eq!(d.errore.as_deref(), Some("nessuno"));
        assert_eq!(d.mittente, "protocollo@pec.comune.esempio.it");
        assert_eq!(d.destinatari, ["a@pec.it", "b@posta.it"]);
        assert_eq!(d.oggetto, "Dichiarazione <2345-6789-ABCH> & altro èà <ok>");
        assert_eq!(d.gestore.as_deref(), Some("ARUBA PEC S.p.A."));
        assert_eq!(
            d.identificativo.as_deref(),
            Some("opec123.20260302110000@pec.aruba.it")
        );
        assert_eq!(d.msgid.as_deref(), Some("<abc@comune.esempio.it>"));
    }

    #[test]
    fn latin1_documents_are_read() {
        let xml = SAMPLE
            .replace("UTF-8", "ISO-8859-1")
            .replace("altro", "altrò");
        let bytes: Vec<u8> = xml
            .chars()
            .map(|c| u8::try_from(u32::from(c)).unwrap())
            .collect();
        assert!(parse(&bytes).unwrap().oggetto.contains("altrò"));
    }

    #[test]
    fn ambiguity_and_damage_are_refused() {
        let twice = SAMPLE.replace("<risposte>", "<mittente>altro@pec.it</mittente><risposte>");
        assert!(matches!(
            parse(twice.as_bytes()),
            Err(MailError::Malformed(_))
        ));
        let none = SAMPLE.replace("mittente>", "x>");
        assert!(parse(none.as_bytes()).is_err());
        let markup = SAMPLE.replace("altro", "<b>altro</b>");
        assert!(parse(markup.as_bytes()).is_err());
        let entity = SAMPLE.replace("&amp;", "&nbsp;");
        assert!(parse(entity.as_bytes()).is_err());
        for cut in 0..SAMPLE.len() {
            if SAMPLE.is_char_boundary(cut) {
                let _ = parse(&SAMPLE.as_bytes()[..cut]);
            }
        }
        assert!(parse(b"\xff\xfe").is_err());
    }
}
