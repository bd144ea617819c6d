//! The [`Ssn`] value type: a US Social Security number that cannot leak by accident.

use std::fmt;
use std::str::FromStr;

use zeroize::{Zeroize, ZeroizeOnDrop};

/// Number of digits in an SSN.
pub(crate) const SSN_LEN: usize = 9;

/// A US Social Security number, held as its nine ASCII digits.
///
/// * Parsing accepts `123-45-6789`, `123 45 6789` and `123456789`, with
///   surrounding whitespace; anything else is an [`SsnError`] saying why.
/// * [`Ssn::parse`] also enforces the structural rules of the SSA: the area
///   (first three digits) is not `000`, `666` or `900`–`999`, the group (next
///   two) is not `00` and the serial (last four) is not `0000`.
/// * `Debug` and `Display` show only the last four digits (`***-**-6789`).
/// * The digits are zeroized when the value is dropped.
/// * There is deliberately no `Serialize`: the only way to put an SSN on the
///   wire is [`SsnKey::encrypt`](crate::SsnKey::encrypt), or the explicit
///   [`Ssn::expose_digits`].
///
/// ```
/// use assured_crypto::Ssn;
///
/// let ssn: Ssn = " 123-45-6789 ".parse()?;
/// assert_eq!(ssn.last_four(), "6789");
/// assert_eq!(format!("{ssn}"), "***-**-6789");
/// assert_eq!(format!("{ssn:?}"), "Ssn(***-**-6789)");
/// # Ok::<(), assured_crypto::SsnError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Zeroize, ZeroizeOnDrop)]
pub struct Ssn {
    digits: [u8; SSN_LEN],
}

/// Why a string is not an acceptable SSN.
///
/// No variant carries the input: an error message must never repeat the
/// digits it was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SsnError {
    /// Nothing but whitespace was given.
    #[error("SSN is empty")]
    Empty,
    /// A character that is neither a digit nor an accepted separator.
    #[error(
        "SSN contains a character that is not a digit at position {position} (only digits, and '-' or ' ' as separators, are allowed)"
    )]
    InvalidCharacter {
        /// Zero-based character position in the trimmed input.
        position: usize,
    },
    /// The input does not contain exactly nine digits.
    #[error("SSN must have exactly 9 digits, found {found}")]
    WrongDigitCount {
        /// How many digits the input had.
        found: usize,
    },
    /// Nine digits, but separated in a layout other than `AAA-GG-SSSS` or
    /// `AAA GG SSSS` (for example `12-345-6789` or mixed separators).
    #[error("SSN separators must be placed as AAA-GG-SSSS or AAA GG SSSS")]
    BadLayout,
    /// The area number is `000`, `666` or in `900`–`999`; the SSA never issues those.
    #[error("SSN area number (first three digits) cannot be 000, 666 or 900-999")]
    InvalidArea,
    /// The group number is `00`.
    #[error("SSN group number (digits 4-5) cannot be 00")]
    InvalidGroup,
    /// The serial number is `0000`.
    #[error("SSN serial number (last four digits) cannot be 0000")]
    InvalidSerial,
}

impl Ssn {
    /// Parses an SSN and checks that it is structurally valid.
    ///
    /// Accepted layouts: `AAA-GG-SSSS`, `AAA GG SSSS` and `AAAGGSSSS`, with any
    /// surrounding whitespace.
    pub fn parse(input: &str) -> Result<Self, SsnError> {
        let ssn = Self::parse_format_only(input)?;
        ssn.check_structure()?;
        Ok(ssn)
    }

    /// Parses an SSN checking only its layout (nine digits, separators in
    /// the accepted places), not the SSA's structural rules.
    ///
    /// For numbers that are deliberately not issuable — the SSA's
    /// advertising range `987-65-4320`–`4329`, test fixtures — and for
    /// reading back what a server stored. Prefer [`Ssn::parse`] for user input.
    pub fn parse_format_only(input: &str) -> Result<Self, SsnError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(SsnError::Empty);
        }
        let mut digits = [0u8; SSN_LEN];
        let mut count = 0usize;
        // Positions (in the trimmed input) and kind of each separator seen.
        let mut separators: [(usize, u8); 2] = [(0, 0); 2];
        let mut separator_count = 0usize;
        for (position, byte) in trimmed.bytes().enumerate() {
            match byte {
                b'0'..=b'9' => {
                    if let Some(slot) = digits.get_mut(count) {
                        *slot = byte;
                    }
                    count += 1;
                }
                b'-' | b' ' => {
                    if let Some(slot) = separators.get_mut(separator_count) {
                        *slot = (position, byte);
                    }
                    separator_count += 1;
                }
                _ => {
                    digits.zeroize();
                    // Report a character position, not a byte offset, for
                    // non-ASCII input.
                    let position = trimmed
                        .char_indices()
                        .take_while(|(offset, _)| *offset < position)
                        .count();
                    return Err(SsnError::InvalidCharacter { position });
                }
            }
        }
        let ssn = Self { digits };
        if count != SSN_LEN {
            return Err(SsnError::WrongDigitCount { found: count });
        }
        let layout_ok = match separator_count {
            0 => true,
            2 => separators[0] == (3, separators[0].1) && separators[1] == (6, separators[0].1),
            _ => false,
        };
        if !layout_ok {
            return Err(SsnError::BadLayout);
        }
        Ok(ssn)
    }

    /// Builds an SSN from exactly nine ASCII digits, checking format only.
    pub(crate) fn from_digit_bytes(bytes: &[u8]) -> Option<Self> {
        let digits: [u8; SSN_LEN] = bytes.try_into().ok()?;
        let ssn = Self { digits };
        ssn.digits.iter().all(u8::is_ascii_digit).then_some(ssn)
    }

    /// Applies the SSA's structural rules to an already well-formed number.
    fn check_structure(&self) -> Result<(), SsnError> {
        let area = &self.digits[0..3];
        if area == b"000" || area == b"666" || area[0] == b'9' {
            return Err(SsnError::InvalidArea);
        }
        if &self.digits[3..5] == b"00" {
            return Err(SsnError::InvalidGroup);
        }
        if &self.digits[5..9] == b"0000" {
            return Err(SsnError::InvalidSerial);
        }
        Ok(())
    }

    /// Whether the number follows the SSA's structural rules (always true for
    /// a value made by [`Ssn::parse`]).
    pub fn is_structurally_valid(&self) -> bool {
        self.check_structure().is_ok()
    }

    /// The last four digits, the only part that is safe to display.
    pub fn last_four(&self) -> &str {
        // The digits are ASCII by construction.
        std::str::from_utf8(&self.digits[5..]).unwrap_or("????")
    }

    /// The nine digits, unformatted. Named so that every place that reveals
    /// the full number is easy to find in a code review.
    pub fn expose_digits(&self) -> &str {
        std::str::from_utf8(&self.digits).unwrap_or("")
    }

    pub(crate) fn digit_bytes(&self) -> &[u8; SSN_LEN] {
        &self.digits
    }
}

impl FromStr for Ssn {
    type Err = SsnError;

    /// Same as [`Ssn::parse`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl fmt::Display for Ssn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "***-**-{}", self.last_four())
    }
}

impl fmt::Debug for Ssn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Ssn(***-**-{})", self.last_four())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_three_layouts_and_surrounding_whitespace() {
        for input in [
            "123-45-6789",
            "123 45 6789",
            "123456789",
            "\t 123-45-6789 \n",
        ] {
            let ssn = Ssn::parse(input).unwrap();
            assert_eq!(ssn.expose_digits(), "123456789", "input {input:?}");
        }
    }

    #[test]
    fn rejects_each_invalid_form_with_its_reason() {
        let cases: &[(&str, SsnError)] = &[
            ("", SsnError::Empty),
            ("   ", SsnError::Empty),
            ("12345678", SsnError::WrongDigitCount { found: 8 }),
            ("1234567890", SsnError::WrongDigitCount { found: 10 }),
            ("123-45-678", SsnError::WrongDigitCount { found: 8 }),
            ("12a-45-6789", SsnError::InvalidCharacter { position: 2 }),
            ("123.45.6789", SsnError::InvalidCharacter { position: 3 }),
            ("ssn 123456789", SsnError::InvalidCharacter { position: 0 }),
            ("é23456789", SsnError::InvalidCharacter { position: 0 }),
            ("12-345-6789", SsnError::BadLayout),
            ("123-45 6789", SsnError::BadLayout),
            ("123-456789", SsnError::BadLayout),
            ("123--456789", SsnError::BadLayout),
            ("1 2 3 4 5 6 7 8 9", SsnError::BadLayout),
            ("000-45-6789", SsnError::InvalidArea),
            ("666-45-6789", SsnError::InvalidArea),
            ("900-45-6789", SsnError::InvalidArea),
            ("999-45-6789", SsnError::InvalidArea),
            ("123-00-6789", SsnError::InvalidGroup),
            ("123-45-0000", SsnError::InvalidSerial),
        ];
        for (input, expected) in cases {
            assert_eq!(Ssn::parse(input), Err(*expected), "input {input:?}");
        }
    }

    #[test]
    fn boundaries_of_the_area_rule_are_accepted() {
        for input in ["001-01-0001", "665-45-6789", "667-45-6789", "899-99-9999"] {
            assert!(Ssn::parse(input).is_ok(), "input {input:?}");
        }
    }

    #[test]
    fn format_only_parse_keeps_layout_rules_but_not_structure() {
        let ssn = Ssn::parse_format_only("987-65-4321").unwrap();
        assert!(!ssn.is_structurally_valid());
        assert_eq!(
            Ssn::parse_format_only("98-765-4321"),
            Err(SsnError::BadLayout)
        );
    }

    #[test]
    fn debug_and_display_show_only_the_last_four() {
        let ssn = Ssn::parse("123-45-6789").unwrap();
        for shown in [format!("{ssn:?}"), format!("{ssn}"), format!("{ssn:#?}")] {
            assert!(!shown.contains("12345"), "{shown}");
            assert!(!shown.contains("123"), "{shown}");
            assert!(
                shown.ends_with("6789") || shown.ends_with("6789)"),
                "{shown}"
            );
        }
    }

    #[test]
    fn errors_never_repeat_the_digits() {
        let err = Ssn::parse("987-65-4321").unwrap_err();
        assert!(!err.to_string().contains("987"));
    }
}
