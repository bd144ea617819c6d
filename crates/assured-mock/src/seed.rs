//! Deterministic pseudo-randomness: a splitmix64 generator, ids that encode
//! what they identify, and valid NPIs.
//!
//! Every seeded record is a pure function of `(seed, kind, owner, index)`,
//! so nothing is generated until a request asks for it, and 100 000
//! providers cost nothing at start-up.

use uuid::Uuid;

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

/// The splitmix64 finaliser: a bijective 64-bit mixer.
pub(crate) const fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Hashes a few words into one.
pub(crate) fn hash(parts: &[u64]) -> u64 {
    parts.iter().fold(0x6A09_E667_F3BC_C908, |acc, &part| {
        mix(acc.wrapping_add(GOLDEN) ^ mix(part.wrapping_add(GOLDEN)))
    })
}

/// A splitmix64 sequence.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    /// A generator whose sequence depends on `parts` only.
    pub(crate) fn new(parts: &[u64]) -> Self {
        Self(hash(parts))
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(GOLDEN);
        mix(self.0)
    }

    /// A number in `0..n` (`n > 0`).
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// True with probability `percent` / 100.
    pub(crate) fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// One element of a non-empty slice.
    pub(crate) fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        let len = u64::try_from(items.len()).unwrap_or(1);
        items
            .get(usize::try_from(self.below(len)).unwrap_or(0))
            .copied()
            .unwrap_or_default()
    }

    /// `n` decimal digits.
    pub(crate) fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + u8::try_from(self.below(10)).unwrap_or(0)))
            .collect()
    }

    /// A `YYYY-MM-DD` date with the year in `from..=to`.
    pub(crate) fn date(&mut self, from: i64, to: i64) -> String {
        let span = u64::try_from(to - from + 1).unwrap_or(1);
        let year = from + i64::try_from(self.below(span)).unwrap_or(0);
        let month = 1 + self.below(12);
        let day = 1 + self.below(28);
        format!("{year:04}-{month:02}-{day:02}")
    }

    /// An RFC 3339 instant in the given years.
    pub(crate) fn datetime(&mut self, from: i64, to: i64) -> String {
        let date = self.date(from, to);
        let hour = self.below(24);
        let minute = self.below(60);
        let second = self.below(60);
        format!("{date}T{hour:02}:{minute:02}:{second:02}Z")
    }

    /// Random bytes.
    pub(crate) fn bytes<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0u8; N];
        for chunk in out.chunks_mut(8) {
            let word = self.next_u64().to_le_bytes();
            chunk.copy_from_slice(&word[..chunk.len()]);
        }
        out
    }
}

/// What an id identifies. The tag is part of the encoded id, so an account
/// id can never be mistaken for a profile id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
#[non_exhaustive]
pub(crate) enum Kind {
    /// Provider account (user) id.
    Account = 1,
    /// Provider profile id.
    Profile,
    /// A non-provider user (admins, OAs).
    Staff,
    /// Client organisation.
    Client,
    /// State license.
    License,
    /// DEA registration.
    Dea,
    /// CDS registration.
    Cds,
    /// Medicaid id.
    Medicaid,
    /// Medicare id.
    Medicare,
    /// Board certification.
    Certification,
    /// Employment (v1).
    Employment,
    /// Gap history entry.
    GapHistory,
    /// Education.
    Education,
    /// Professional training.
    Training,
    /// Liability insurance.
    Insurance,
    /// Provider document.
    Document,
    /// Credentialing request.
    CredRequest,
    /// Credentialing packet.
    Packet,
    /// Monitoring packet event.
    MonitoringEvent,
    /// Task.
    Task,
    /// Task timeline entry.
    Timeline,
    /// Expirable.
    Expirable,
    /// Practice location.
    PracticeLocation,
    /// Practice-location-to-provider link.
    PlProvider,
    /// Tax entity.
    TaxEntity,
    /// Facility.
    Facility,
    /// Health plan.
    HealthPlan,
    /// Payer enrollment request.
    EnrollmentRequest,
    /// Enrollment timeline entry.
    EnrollmentTimeline,
    /// Active enrollment.
    ActiveEnrollment,
    /// Existing group enrollment.
    ExistingGroupEnrollment,
    /// Existing provider enrollment.
    ExistingProviderEnrollment,
    /// Admitting arrangement.
    Arrangement,
    /// Admitting privilege.
    Privilege,
    /// Non-admitting affiliation.
    NonAdmitting,
    /// Uploaded file.
    File,
}

impl Kind {
    const ALL: [Self; 36] = [
        Self::Account,
        Self::Profile,
        Self::Staff,
        Self::Client,
        Self::License,
        Self::Dea,
        Self::Cds,
        Self::Medicaid,
        Self::Medicare,
        Self::Certification,
        Self::Employment,
        Self::GapHistory,
        Self::Education,
        Self::Training,
        Self::Insurance,
        Self::Document,
        Self::CredRequest,
        Self::Packet,
        Self::MonitoringEvent,
        Self::Task,
        Self::Timeline,
        Self::Expirable,
        Self::PracticeLocation,
        Self::PlProvider,
        Self::TaxEntity,
        Self::Facility,
        Self::HealthPlan,
        Self::EnrollmentRequest,
        Self::EnrollmentTimeline,
        Self::ActiveEnrollment,
        Self::ExistingGroupEnrollment,
        Self::ExistingProviderEnrollment,
        Self::Arrangement,
        Self::Privilege,
        Self::NonAdmitting,
        Self::File,
    ];

    fn from_tag(tag: u8) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| *kind as u8 == tag)
    }
}

/// Owner numbers at or above this mark records created at run time (the
/// rest are seeded, their owner being the provider or global index).
pub(crate) const CREATED: u32 = 0x8000_0000;

/// Turns `(kind, owner, index)` into a random-looking UUID and back.
///
/// The 64-bit payload (kind, owner, index, check byte) goes through a
/// keyed Feistel permutation; the remaining UUID bits are a keyed hash of
/// the result, so ids of another seed (or typed by hand) do not decode.
#[derive(Debug, Clone, Copy)]
pub(crate) struct IdCodec {
    key: u64,
}

const CHECK: u64 = 0xA5;

impl IdCodec {
    pub(crate) fn new(seed: u64) -> Self {
        Self {
            key: hash(&[seed, 0x1D]),
        }
    }

    fn round(self, round: u64, half: u32) -> u32 {
        // Truncation is the point: a 32-bit round function.
        #[allow(clippy::cast_possible_truncation)]
        let out = mix(self.key ^ round.wrapping_mul(GOLDEN) ^ u64::from(half)) as u32;
        out
    }

    fn permute(self, block: u64) -> u64 {
        #[allow(clippy::cast_possible_truncation)]
        let (mut left, mut right) = ((block >> 32) as u32, block as u32);
        for round in 0..6 {
            let next = left ^ self.round(round, right);
            left = right;
            right = next;
        }
        (u64::from(left) << 32) | u64::from(right)
    }

    fn unpermute(self, block: u64) -> u64 {
        #[allow(clippy::cast_possible_truncation)]
        let (mut left, mut right) = ((block >> 32) as u32, block as u32);
        for round in (0..6).rev() {
            let previous = right ^ self.round(round, left);
            right = left;
            left = previous;
        }
        (u64::from(left) << 32) | u64::from(right)
    }

    pub(crate) fn encode(self, kind: Kind, owner: u32, index: u16) -> Uuid {
        let payload = (u64::from(kind as u8) << 56)
            | (u64::from(index) << 40)
            | (u64::from(owner) << 8)
            | CHECK;
        let block = self.permute(payload);
        let tag = mix(block ^ self.key).to_be_bytes();
        let body = block.to_be_bytes();
        let mut bytes = [0u8; 16];
        bytes[..6].copy_from_slice(&tag[..6]);
        bytes[6] = 0x40 | (tag[6] & 0x0F);
        bytes[7] = body[0];
        bytes[8] = 0x80 | (tag[7] & 0x3F);
        bytes[9..].copy_from_slice(&body[1..]);
        Uuid::from_bytes(bytes)
    }

    pub(crate) fn decode(self, id: &Uuid) -> Option<(Kind, u32, u16)> {
        let bytes = id.as_bytes();
        let mut body = [0u8; 8];
        body[0] = bytes[7];
        body[1..].copy_from_slice(&bytes[9..]);
        let block = u64::from_be_bytes(body);
        let tag = mix(block ^ self.key).to_be_bytes();
        if bytes[..6] != tag[..6]
            || bytes[6] != 0x40 | (tag[6] & 0x0F)
            || bytes[8] != 0x80 | (tag[7] & 0x3F)
        {
            return None;
        }
        let payload = self.unpermute(block);
        if payload & 0xFF != CHECK {
            return None;
        }
        #[allow(clippy::cast_possible_truncation)]
        let decoded = (
            Kind::from_tag((payload >> 56) as u8)?,
            (payload >> 8) as u32,
            (payload >> 40) as u16,
        );
        Some(decoded)
    }

    /// Decodes an id string of the expected kind.
    pub(crate) fn decode_str(self, text: &str, kind: Kind) -> Option<(u32, u16)> {
        let id = Uuid::parse_str(text.trim()).ok()?;
        match self.decode(&id) {
            Some((found, owner, index)) if found == kind => Some((owner, index)),
            _ => None,
        }
    }
}

/// The Luhn check digit of an NPI's first nine digits (computed over the
/// prefix `80840` followed by them, as the NPI standard says).
pub fn npi_check_digit(first_nine: &str) -> Option<u8> {
    if first_nine.len() != 9 || !first_nine.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let payload = format!("80840{first_nine}");
    let mut sum = 0u32;
    for (position, byte) in payload.bytes().rev().enumerate() {
        let mut digit = u32::from(byte - b'0');
        // The rightmost payload digit is doubled (the check digit will sit
        // to its right).
        if position % 2 == 0 {
            digit *= 2;
            if digit > 9 {
                digit -= 9;
            }
        }
        sum += digit;
    }
    u8::try_from((10 - sum % 10) % 10).ok()
}

/// Whether a string is a valid NPI (10 digits, Luhn with prefix 80840).
pub fn is_valid_npi(npi: &str) -> bool {
    npi.len() == 10
        && npi.bytes().all(|b| b.is_ascii_digit())
        && npi_check_digit(&npi[..9]).is_some_and(|check| npi.as_bytes()[9] - b'0' == check)
}

/// The NPI of seeded provider `index`: distinct for every index below 200
/// million, first digit 1 or 2.
pub(crate) fn npi_for(seed: u64, index: u32) -> String {
    // 7_654_321 is coprime with 200_000_000, so the map is a bijection.
    let offset = hash(&[seed, 0x4E_50_49]) % 200_000_000;
    let body = 100_000_000 + (u64::from(index) * 7_654_321 + offset) % 200_000_000;
    let first_nine = body.to_string();
    let check = npi_check_digit(&first_nine).unwrap_or(0);
    format!("{first_nine}{check}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_are_kind_checked() {
        let codec = IdCodec::new(42);
        for (kind, owner, index) in [
            (Kind::Account, 0, 0),
            (Kind::Profile, 99_999, 0),
            (Kind::License, 7, 3),
            (Kind::File, CREATED | 5, 0),
        ] {
            let id = codec.encode(kind, owner, index);
            assert_eq!(id.get_version_num(), 4);
            assert_eq!(codec.decode(&id), Some((kind, owner, index)));
        }
        let account = codec.encode(Kind::Account, 1, 0);
        let profile = codec.encode(Kind::Profile, 1, 0);
        assert_ne!(account, profile);
        assert_eq!(codec.decode_str(&account.to_string(), Kind::Profile), None);
        assert_eq!(IdCodec::new(43).decode(&account), None);
        assert_eq!(codec.decode(&Uuid::nil()), None);
    }

    #[test]
    fn npis_are_valid_and_distinct() {
        assert!(is_valid_npi("1234567893"));
        assert!(!is_valid_npi("1234567890"));
        let mut seen = std::collections::HashSet::new();
        for index in 0..10_000 {
            let npi = npi_for(7, index);
            assert!(is_valid_npi(&npi), "{npi}");
            assert!(seen.insert(npi));
        }
    }
}
