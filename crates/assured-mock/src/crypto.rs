//! The mock's own few lines of cryptography: JWT-shaped session tokens and
//! the SSN token decryption (independent of `assured-crypto`, on purpose).

use aes::Aes256;
use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use ctr::cipher::{KeyIvInit, StreamCipher};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

type Aes256Ctr = ctr::Ctr128BE<Aes256>;

/// Why an SSN token was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SsnTokenError {
    /// Not standard Base64.
    Base64,
    /// Not IV (16) + 9 bytes.
    Length,
    /// Decrypts to something other than 9 ASCII digits.
    NotDigits,
}

/// Decrypts an SSN token: Base64(IV ‖ AES-256-CTR(SHA-256(jwt), IV, digits)).
pub(crate) fn decrypt_ssn_token(jwt: &str, token: &str) -> Result<String, SsnTokenError> {
    let bytes = STANDARD
        .decode(token.trim())
        .map_err(|_| SsnTokenError::Base64)?;
    if bytes.len() != 16 + 9 {
        return Err(SsnTokenError::Length);
    }
    let key: [u8; 32] = Sha256::digest(jwt.as_bytes()).into();
    let mut iv = [0u8; 16];
    iv.copy_from_slice(&bytes[..16]);
    let mut plain = bytes[16..].to_vec();
    Aes256Ctr::new(&key.into(), &iv.into()).apply_keystream(&mut plain);
    if plain.iter().all(u8::is_ascii_digit) {
        String::from_utf8(plain).map_err(|_| SsnTokenError::NotDigits)
    } else {
        Err(SsnTokenError::NotDigits)
    }
}

/// Encrypts SSN digits the way the client does (used for the ciphertext the
/// encrypted-SSN GET returns).
pub(crate) fn encrypt_ssn(jwt: &str, digits: &str, iv: [u8; 16]) -> String {
    let key: [u8; 32] = Sha256::digest(jwt.as_bytes()).into();
    let mut data = digits.as_bytes().to_vec();
    Aes256Ctr::new(&key.into(), &iv.into()).apply_keystream(&mut data);
    let mut out = iv.to_vec();
    out.extend_from_slice(&data);
    STANDARD.encode(out)
}

/// A JWT-shaped token: `base64url(header).base64url(claims).signature`,
/// signed with SHA-256 over a server secret (not HMAC: nobody but the mock
/// verifies these).
pub(crate) fn issue_jwt(secret: &[u8; 32], claims: &Value) -> String {
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD.encode(claims.to_string());
    let signing_input = format!("{header}.{payload}");
    format!("{signing_input}.{}", sign(secret, &signing_input))
}

fn sign(secret: &[u8; 32], signing_input: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(secret);
    hasher.update(b".");
    hasher.update(signing_input.as_bytes());
    let digest: [u8; 32] = hasher.finalize().into();
    URL_SAFE_NO_PAD.encode(digest)
}

/// Checks the signature and returns the claims.
pub(crate) fn verify_jwt(secret: &[u8; 32], token: &str) -> Option<Value> {
    let (signing_input, signature) = token.rsplit_once('.')?;
    let (_, payload) = signing_input.split_once('.')?;
    if sign(secret, signing_input) != signature {
        return None;
    }
    let claims = URL_SAFE_NO_PAD.decode(payload).ok()?;
    serde_json::from_slice(&claims).ok()
}

/// When and in which revocation epoch a token is issued.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Issue {
    pub(crate) issued: u64,
    pub(crate) expires: u64,
    pub(crate) epoch: u64,
}

/// Claims of a new token.
pub(crate) fn claims(kind: &str, user_id: &str, issue: Issue, jti: &str) -> Value {
    json!({
        "token_type": kind,
        "exp": issue.expires,
        "iat": issue.issued,
        "epoch": issue.epoch,
        "jti": jti,
        "user_id": user_id,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jwt_round_trip_and_tamper() {
        let secret = [7u8; 32];
        let token = issue_jwt(
            &secret,
            &claims(
                "access",
                "u",
                Issue {
                    issued: 1,
                    expires: 2,
                    epoch: 0,
                },
                "j",
            ),
        );
        assert_eq!(token.split('.').count(), 3);
        assert_eq!(verify_jwt(&secret, &token).unwrap()["exp"], 2);
        assert!(verify_jwt(&[8u8; 32], &token).is_none());
        assert!(verify_jwt(&secret, &format!("{token}x")).is_none());
    }

    #[test]
    fn decrypts_the_shared_known_answer_vectors() {
        let vectors: Value =
            serde_json::from_str(include_str!("../tests/data/ssn-token.json")).unwrap();
        let vectors = vectors["vectors"].as_array().unwrap();
        assert!(vectors.len() >= 4);
        for vector in vectors {
            let jwt = vector["jwt"].as_str().unwrap();
            let token = vector["token_base64"].as_str().unwrap();
            let digits = vector["ssn_digits"].as_str().unwrap();
            assert_eq!(decrypt_ssn_token(jwt, token).unwrap(), digits, "{vector}");
            let iv: Vec<u8> = (0..16)
                .map(|i| {
                    u8::from_str_radix(&vector["iv_hex"].as_str().unwrap()[2 * i..2 * i + 2], 16)
                        .unwrap()
                })
                .collect();
            assert_eq!(encrypt_ssn(jwt, digits, iv.try_into().unwrap()), token);
        }
    }

    #[test]
    fn ssn_round_trip() {
        let token = encrypt_ssn("jwt", "123456789", [3u8; 16]);
        assert_eq!(decrypt_ssn_token("jwt", &token).unwrap(), "123456789");
        assert_eq!(
            decrypt_ssn_token("other", &token),
            Err(SsnTokenError::NotDigits)
        );
    }
}
