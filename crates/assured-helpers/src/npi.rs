//! The NPI (National Provider Identifier) value: 10 digits whose last one
//! is a Luhn check digit computed over the prefix `80840` and the first nine.

use std::fmt;

use crate::error::HelperError;

/// How strictly an NPI is checked before a lookup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum NpiCheck {
    /// Ten digits and a valid check digit (the default).
    #[default]
    Strict,
    /// Ten digits only: sandbox data often fails the check digit (the
    /// Python client's own docs use `1234567890`).
    FormatOnly,
}

/// A National Provider Identifier that passed its check.
///
/// ```
/// use assured_helpers::{Npi, NpiCheck};
///
/// assert!(Npi::parse("1234567893", NpiCheck::Strict).is_ok());
/// assert!(Npi::parse("1234567890", NpiCheck::Strict).is_err());
/// assert!(Npi::parse("1234567890", NpiCheck::FormatOnly).is_ok());
/// assert!(Npi::parse("123456789", NpiCheck::FormatOnly).is_err());
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Npi(String);

/// Number of digits in an NPI.
const NPI_LEN: usize = 10;

/// The card-issuer prefix the NPI check digit is computed over.
const ISSUER_PREFIX: &[u8] = b"80840";

impl Npi {
    /// Parses an NPI (surrounding whitespace ignored) under `check`.
    pub fn parse(input: &str, check: NpiCheck) -> Result<Self, HelperError> {
        let text = input.trim();
        if text.len() != NPI_LEN || !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(HelperError::invalid_input(format!(
                "an NPI is {NPI_LEN} digits, got {text:?}"
            )));
        }
        if check == NpiCheck::Strict {
            let (payload, last) = text.split_at(NPI_LEN - 1);
            let expected = check_digit(payload.as_bytes());
            if last.as_bytes() != [b'0' + expected] {
                return Err(HelperError::invalid_input(format!(
                    "NPI {text} fails its check digit (expected {expected} last); \
                     sandbox data often does: relax the check with NpiCheck::FormatOnly"
                )));
            }
        }
        Ok(Self(text.to_owned()))
    }

    /// The ten digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The Luhn check digit of `80840` followed by the nine payload digits.
fn check_digit(payload: &[u8]) -> u8 {
    let sum: u32 = ISSUER_PREFIX
        .iter()
        .chain(payload)
        .rev()
        .enumerate()
        .map(|(position, byte)| {
            let digit = u32::from(byte - b'0');
            // Counted from the right, the check digit would be position 0,
            // so the payload's rightmost digit is the first to be doubled.
            if position % 2 == 0 {
                let doubled = digit * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                digit
            }
        })
        .sum();
    // `sum % 10` is below 10, so the result fits a digit.
    u8::try_from((10 - sum % 10) % 10).unwrap_or(0)
}

impl fmt::Display for Npi {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Npi {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Npi({})", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_npis_pass_and_a_changed_digit_fails() {
        for valid in ["1234567893", "1245319599", "1003000126"] {
            assert!(Npi::parse(valid, NpiCheck::Strict).is_ok(), "{valid}");
        }
        let err = Npi::parse("1234567890", NpiCheck::Strict).unwrap_err();
        assert!(err.is_invalid_input());
        assert!(err.to_string().contains("expected 3"), "{err}");
    }

    #[test]
    fn format_is_checked_in_both_modes() {
        for bad in [
            "",
            "123456789",
            "12345678901",
            "12345678a3",
            "１２３４５６７８９３",
        ] {
            for check in [NpiCheck::Strict, NpiCheck::FormatOnly] {
                assert!(Npi::parse(bad, check).is_err(), "{bad:?} {check:?}");
            }
        }
        assert_eq!(
            Npi::parse(" 1234567890 ", NpiCheck::FormatOnly)
                .unwrap()
                .as_str(),
            "1234567890"
        );
    }
}
