//! The SSN token: how the Assured API wants an SSN on the wire.
//!
//! key = SHA-256(JWT as UTF-8); AES-256-CTR with a 16-byte IV as the initial
//! counter block (big-endian increment of the whole block); token = standard
//! padded Base64 of `IV || ciphertext`, the plaintext being the nine ASCII
//! digits.

use std::fmt;

use aes::Aes256;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use ctr::cipher::{KeyIvInit, StreamCipher};
use sha2::{Digest, Sha256};
use zeroize::{Zeroize, Zeroizing};

use crate::ssn::{SSN_LEN, Ssn};

type Aes256Ctr = ctr::Ctr128BE<Aes256>;

/// Length of the IV that prefixes every token.
pub const IV_LEN: usize = 16;

/// Length of a decoded token: the IV followed by the nine encrypted digits.
const TOKEN_BYTES: usize = IV_LEN + SSN_LEN;

/// The AES-256 key for one session JWT, derived once and reused.
///
/// Deriving hashes the JWT; keep the `SsnKey` while the JWT stays the same to
/// encrypt many SSNs without re-hashing. The key bytes are zeroized on drop
/// and never shown by `Debug`.
///
/// ```
/// use assured_crypto::{Ssn, SsnKey};
///
/// let key = SsnKey::from_jwt("eyJhbGciOi...session-jwt");
/// let ssn: Ssn = "123-45-6789".parse()?;
/// let token = key.encrypt(&ssn)?;
/// assert_eq!(token.as_str().len(), 36); // Base64 of 16 + 9 bytes
/// assert_eq!(key.decrypt(token.as_str())?, ssn);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct SsnKey {
    key: Zeroizing<[u8; 32]>,
}

/// An encrypted SSN ready to send (the `ssn` field of the encrypted-SSN PATCH).
///
/// Anyone holding the session JWT can decrypt it, so `Debug` does not print
/// it; use [`SsnToken::as_str`] to put it in a request body.
#[derive(Clone, PartialEq, Eq)]
pub struct SsnToken(String);

/// Why a token could not be made or read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TokenError {
    /// The operating system's random number generator failed, so no IV could
    /// be drawn. Nothing was encrypted.
    #[error("could not draw a random IV from the operating system: {0}")]
    Random(getrandom::Error),
    /// The token is not valid standard Base64.
    #[error("SSN token is not valid Base64")]
    Base64(#[source] base64::DecodeError),
    /// The decoded token is not 16 IV bytes plus 9 ciphertext bytes.
    #[error("SSN token must decode to {TOKEN_BYTES} bytes (16-byte IV + 9 digits), got {len}")]
    WrongLength {
        /// Decoded length in bytes.
        len: usize,
    },
    /// The token decrypted to something other than nine ASCII digits: almost
    /// always a token made under a different JWT.
    #[error(
        "SSN token does not decrypt to 9 digits under this key (was it made with another JWT?)"
    )]
    NotAnSsn,
}

impl SsnKey {
    /// Derives the key from the session JWT (SHA-256 of its UTF-8 bytes).
    pub fn from_jwt(jwt: &str) -> Self {
        let mut key = Zeroizing::new([0u8; 32]);
        let mut digest = Sha256::digest(jwt.as_bytes());
        key.copy_from_slice(&digest);
        digest.zeroize();
        Self { key }
    }

    /// Encrypts with a fresh random IV from the operating system.
    pub fn encrypt(&self, ssn: &Ssn) -> Result<SsnToken, TokenError> {
        let mut iv = [0u8; IV_LEN];
        getrandom::fill(&mut iv).map_err(TokenError::Random)?;
        Ok(self.encrypt_with_iv(ssn, iv))
    }

    /// Encrypts with a caller-chosen IV.
    ///
    /// Only for known-answer tests: reusing an IV under one key reveals the
    /// XOR of the two SSNs. Use [`SsnKey::encrypt`] for real data.
    pub fn encrypt_with_iv(&self, ssn: &Ssn, iv: [u8; IV_LEN]) -> SsnToken {
        let mut buffer = Zeroizing::new([0u8; TOKEN_BYTES]);
        buffer[..IV_LEN].copy_from_slice(&iv);
        buffer[IV_LEN..].copy_from_slice(ssn.digit_bytes());
        self.cipher(&iv).apply_keystream(&mut buffer[IV_LEN..]);
        SsnToken(BASE64.encode(&buffer[..]))
    }

    /// Decrypts a token back to the SSN it carries.
    ///
    /// Only the layout is checked (nine digits), not the SSA's structural
    /// rules: this reads what was stored, whatever it is.
    pub fn decrypt(&self, token: &str) -> Result<Ssn, TokenError> {
        let mut bytes = Zeroizing::new(BASE64.decode(token.trim()).map_err(TokenError::Base64)?);
        if bytes.len() != TOKEN_BYTES {
            return Err(TokenError::WrongLength { len: bytes.len() });
        }
        let (iv, ciphertext) = bytes.split_at_mut(IV_LEN);
        let iv: [u8; IV_LEN] = (&*iv)
            .try_into()
            .map_err(|_| TokenError::WrongLength { len: TOKEN_BYTES })?;
        self.cipher(&iv).apply_keystream(ciphertext);
        Ssn::from_digit_bytes(ciphertext).ok_or(TokenError::NotAnSsn)
    }

    fn cipher(&self, iv: &[u8; IV_LEN]) -> Aes256Ctr {
        Aes256Ctr::new(&(*self.key).into(), &(*iv).into())
    }

    #[cfg(test)]
    pub(crate) fn key_bytes(&self) -> &[u8; 32] {
        &self.key
    }
}

impl fmt::Debug for SsnKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SsnKey(<redacted>)")
    }
}

impl SsnToken {
    /// The Base64 token, for the request body.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Consumes the token into its Base64 string.
    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Debug for SsnToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SsnToken(<{} chars redacted>)", self.0.len())
    }
}

/// Encrypts `ssn` for the session `jwt` with a random IV.
///
/// Derives the key on every call; use [`SsnKey`] to encrypt several SSNs
/// under one JWT.
pub fn encrypt_ssn(jwt: &str, ssn: &Ssn) -> Result<SsnToken, TokenError> {
    SsnKey::from_jwt(jwt).encrypt(ssn)
}

/// Decrypts a token made for the session `jwt`.
pub fn decrypt_ssn_token(jwt: &str, token: &str) -> Result<Ssn, TokenError> {
    SsnKey::from_jwt(jwt).decrypt(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_is_sha256_of_the_jwt_for_every_shared_vector() {
        let file: serde_json::Value =
            serde_json::from_str(include_str!("../tests/data/ssn-token.json")).unwrap();
        let vectors = file["vectors"].as_array().unwrap();
        assert!(!vectors.is_empty());
        for vector in vectors {
            let key = SsnKey::from_jwt(vector["jwt"].as_str().unwrap());
            assert_eq!(
                hex::encode(key.key_bytes()),
                vector["key_sha256_hex"].as_str().unwrap()
            );
        }
    }

    #[test]
    fn debug_of_key_and_token_reveals_nothing() {
        let key = SsnKey::from_jwt("jwt");
        let token = key.encrypt_with_iv(&Ssn::parse("123456789").unwrap(), [0; IV_LEN]);
        assert_eq!(format!("{key:?}"), "SsnKey(<redacted>)");
        assert_eq!(format!("{token:?}"), "SsnToken(<36 chars redacted>)");
    }
}
