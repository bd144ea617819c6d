//! The SSN: written as a token encrypted with the session JWT, read back
//! as ciphertext or compared with the plaintext the server stored.

use assured_core::{Client, Error, RequestOptions, SessionJwt};
use assured_crypto::{Ssn, SsnKey};
use assured_models::ProfileId;
use assured_models::catalog::{GetEncryptedSsn, GetPlaintextSsn, UpdateEncryptedSsn};
use assured_models::models::provider_profile::{EncryptedSsnRecord, EncryptedSsnUpdate};
use subtle::ConstantTimeEq as _;
use zeroize::Zeroize as _;

use crate::error::HelperError;
use crate::helpers::Helpers;

impl Helpers {
    /// Sets a provider's SSN.
    ///
    /// `ssn` is parsed as an [`assured_crypto::Ssn`] first (`123-45-6789`,
    /// `123 45 6789` or nine digits, structurally valid): anything else is
    /// an invalid-input error and nothing is sent. The token is encrypted
    /// with the session JWT of each attempt (the client logs in lazily, and
    /// again once after a 401), so a renewed session re-encrypts it. Returns
    /// the server's reply as sent.
    pub async fn update_ssn(
        &self,
        profile: &ProfileId,
        ssn: &str,
    ) -> Result<serde_json::Value, HelperError> {
        let ssn = Ssn::parse(ssn).map_err(|err| {
            HelperError::Core(Error::invalid_input_for(
                <UpdateEncryptedSsn as assured_models::catalog::Endpoint>::DESCRIPTOR,
                format!("not an SSN: {err}"),
            ))
        })?;
        self.update_ssn_value(profile, &ssn).await
    }

    /// Sets a provider's SSN with a session JWT the caller obtained
    /// elsewhere (assured-py's `update_ssn(provider_id, ssn, jwt)`): the token
    /// is encrypted with `jwt` and sent with it, and the client's own
    /// session is not used. The caller owns the token, so a 401 comes back
    /// as it is, with no re-login.
    pub async fn update_ssn_with_jwt(
        &self,
        profile: &ProfileId,
        ssn: &Ssn,
        jwt: SessionJwt,
    ) -> Result<serde_json::Value, HelperError> {
        let client = self
            .client
            .with_options(RequestOptions::new().session_jwt(jwt))?;
        encrypted_update(&client, profile, ssn).await
    }

    /// Sets a provider's SSN from an already parsed [`Ssn`].
    pub async fn update_ssn_value(
        &self,
        profile: &ProfileId,
        ssn: &Ssn,
    ) -> Result<serde_json::Value, HelperError> {
        encrypted_update(&self.client, profile, ssn).await
    }

    /// The stored SSN as the server's ciphertext (encrypted with the JWT of
    /// the request that read it).
    pub async fn get_ssn(&self, profile: &ProfileId) -> Result<EncryptedSsnRecord, HelperError> {
        Ok(self
            .client
            .call::<GetEncryptedSsn>(profile, &(), &())
            .await?)
    }

    /// Whether the SSN the server stored for this profile is `expected`.
    ///
    /// Reads the plaintext endpoint and compares in constant time; the
    /// digits are never logged or returned, and the copy read is zeroized.
    /// No stored SSN (or a value that is not nine digits) is `false`.
    pub async fn verify_ssn(
        &self,
        profile: &ProfileId,
        expected: &Ssn,
    ) -> Result<bool, HelperError> {
        let mut record = self
            .client
            .call::<GetPlaintextSsn>(profile, &(), &())
            .await?;
        let matches = record
            .ssn
            .as_deref()
            .and_then(|stored| Ssn::parse_format_only(stored).ok())
            .is_some_and(|stored| {
                bool::from(
                    stored
                        .expose_digits()
                        .as_bytes()
                        .ct_eq(expected.expose_digits().as_bytes()),
                )
            });
        if let Some(stored) = record.ssn.as_mut() {
            stored.zeroize();
        }
        Ok(matches)
    }
}

/// Sends the SSN token (a PATCH), encrypted with the JWT of each attempt.
async fn encrypted_update(
    client: &Client,
    profile: &ProfileId,
    ssn: &Ssn,
) -> Result<serde_json::Value, HelperError> {
    let reply = client
        .call_with_jwt_body::<UpdateEncryptedSsn, _>(profile, &(), |jwt| {
            let token = SsnKey::from_jwt(jwt)
                .encrypt(ssn)
                .map_err(|err| Error::invalid_input(format!("SSN token: {err}")))?;
            Ok(EncryptedSsnUpdate::new(token.into_string()))
        })
        .await?;
    Ok(reply)
}
