//! Grammatical cases as bits of a set: a form may stand for several ("март" is nominative
//! and accusative). Shared by the temporal lexicons and the name morphology.

/// Nominative.
pub const NOM: u8 = 1;
/// Genitive.
pub const GEN: u8 = 2;
/// Dative.
pub const DAT: u8 = 4;
/// Accusative.
pub const ACC: u8 = 8;
/// Instrumental.
pub const INS: u8 = 16;
/// Prepositional (locative).
pub const PREP: u8 = 32;
/// Any case: nothing is known.
pub const ANY: u8 = 63;

/// The bit of a case named as in the lexicons: `nom gen dat acc ins`, and `prep` or `loc`
/// for the prepositional.
pub fn from_name(name: &str) -> Option<u8> {
    Some(match name {
        "nom" => NOM,
        "gen" => GEN,
        "dat" => DAT,
        "acc" => ACC,
        "ins" => INS,
        "prep" | "loc" => PREP,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_map_to_bits() {
        assert_eq!(super::from_name("prep"), super::from_name("loc"));
        assert_eq!(super::from_name("gen"), Some(super::GEN));
        assert_eq!(super::from_name("voc"), None);
    }
}
