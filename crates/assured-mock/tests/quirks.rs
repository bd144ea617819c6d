//! The production quirks, reproduced (ENDPOINTS.md "Production quirks").
// The dead endpoints are exercised on purpose: their types are deprecated.
#![allow(deprecated)]
#![allow(missing_docs, clippy::too_many_lines, clippy::cast_possible_truncation)]

mod common;

use aes::Aes256;
use assured_mock::MockConfig;
use assured_models::catalog::{
    CreateDocument, CreateEmployment, CreateEmploymentDead, CreateLicense, CreateProvider,
    GetEncryptedSsn, GetOrgJoiningDate, GetPersonalInfo, GetPlaintextSsn,
    ListCredentialingRequests, ListDocuments, ListEmployments, ListEmploymentsDead, ListLicenses,
    ListProviders, PresignUrl, UploadFile,
};
use base64::Engine as _;
use ctr::cipher::{KeyIvInit, StreamCipher};
use reqwest::Method;
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use common::{client, first_provider, get, login, path, path_with, send, start, url, with_query};

/// The client's SSN token, written here independently of the mock.
fn ssn_token(jwt: &str, digits: &str, iv: [u8; 16]) -> String {
    let key: [u8; 32] = Sha256::digest(jwt.as_bytes()).into();
    let mut data = digits.as_bytes().to_vec();
    ctr::Ctr128BE::<Aes256>::new(&key.into(), &iv.into()).apply_keystream(&mut data);
    let mut out = iv.to_vec();
    out.extend_from_slice(&data);
    base64::engine::general_purpose::STANDARD.encode(out)
}

/// What the SDK sends: the fetched record minus read-only and null keys.
fn patch_body(record: &Value) -> Map<String, Value> {
    record
        .as_object()
        .unwrap()
        .iter()
        .filter(|(key, value)| !assured_mock::READ_ONLY.contains(&key.as_str()) && !value.is_null())
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect()
}

#[tokio::test]
async fn an_account_id_on_a_profile_endpoint_fails_silently() {
    let mock = start(MockConfig::default()).await;
    let (account, profile) = first_provider(&mock).await;
    assert_eq!(
        get(&mock, &path_with::<GetPersonalInfo>(&profile)).await.0,
        200
    );
    let (status, body) = get(&mock, &path_with::<GetPersonalInfo>(&account)).await;
    assert_eq!((status, body), (404, json!({"detail": "Not found."})));
    assert_eq!(
        get(&mock, &path_with::<GetOrgJoiningDate>(&account))
            .await
            .0,
        404
    );

    let (status, page) = get(
        &mock,
        &with_query(path::<ListLicenses>(), &format!("provider={profile}")),
    )
    .await;
    assert_eq!(status, 200);
    assert!(page["count"].as_u64().unwrap() >= 1);
    assert!(
        page["results"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["provider"] == profile.as_str())
    );
    let (status, _) = get(
        &mock,
        &with_query(path::<ListLicenses>(), &format!("provider={account}")),
    )
    .await;
    assert_eq!(status, 422);

    // Account-id endpoints refuse a profile id the same way.
    let (status, _) = get(
        &mock,
        &with_query(
            path::<ListCredentialingRequests>(),
            &format!("provider={profile}"),
        ),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        get(
            &mock,
            &with_query(
                path::<ListCredentialingRequests>(),
                &format!("provider={account}"),
            )
        )
        .await
        .0,
        200
    );

    // A body `provider` of the wrong kind: 400 "does not exist".
    let (status, body) = send(
        &mock,
        Method::POST,
        path::<CreateLicense>(),
        None,
        Some(json!({"provider": account, "state": "CA", "number": "A1"})),
    )
    .await;
    assert_eq!(status, 400, "{body}");
    assert!(
        body["provider"][0]
            .as_str()
            .unwrap()
            .contains("does not exist")
    );
    let (status, created) = send(
        &mock,
        Method::POST,
        path::<CreateLicense>(),
        None,
        Some(json!({"provider": profile, "state": "CA", "number": "A1", "issue_date": null})),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    assert!(created["id"].is_string());
    common::assert_types_agree(&mock);
}

#[tokio::test]
async fn personal_info_patch_wants_the_whole_record() {
    let mock = start(MockConfig::default()).await;
    let (_, profile) = first_provider(&mock).await;
    let path = path_with::<GetPersonalInfo>(&profile);
    let (_, record) = get(&mock, &path).await;
    assert!(record["ssn"].as_str().unwrap().starts_with("***-**-"));

    // Only the changed key: every other non-null writable key is missing.
    let (status, errors) = send(
        &mock,
        Method::PATCH,
        &path,
        None,
        Some(json!({"home_city": "Elsewhere"})),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(errors["first_name"], json!(["This field is required."]));
    assert!(errors.get("home_city").is_none());
    assert!(errors.get("middle_name").is_none() || !record["middle_name"].is_null());

    // The whole record (read-only and null keys dropped) with the change: 200.
    let mut body = patch_body(&record);
    body.insert("home_city".into(), json!("Elsewhere"));
    let (status, updated) = send(
        &mock,
        Method::PATCH,
        &path,
        None,
        Some(Value::Object(body.clone())),
    )
    .await;
    assert_eq!(status, 200, "{updated}");
    assert_eq!(updated["home_city"], "Elsewhere");
    assert_eq!(get(&mock, &path).await.1["home_city"], "Elsewhere");

    // Clearing a nullable field with an explicit null works...
    let mut clear = body.clone();
    clear.insert("suffix".into(), Value::Null);
    assert_eq!(
        send(
            &mock,
            Method::PATCH,
            &path,
            None,
            Some(Value::Object(clear))
        )
        .await
        .0,
        200
    );
    // ...but null on a non-nullable one is refused.
    let mut null = body.clone();
    null.insert("first_name".into(), Value::Null);
    let (status, errors) = send(&mock, Method::PATCH, &path, None, Some(Value::Object(null))).await;
    assert_eq!(status, 400);
    assert_eq!(errors["first_name"], json!(["This field may not be null."]));

    // Strict mode demands every writable key, nulls included.
    mock.with_state(|state| state.set_strict_personal_info(true));
    let (_, record) = get(&mock, &path).await;
    let (status, errors) = send(
        &mock,
        Method::PATCH,
        &path,
        None,
        Some(Value::Object(patch_body(&record))),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(errors["visa_number"], json!(["This field is required."]));
    let full: Map<String, Value> = record
        .as_object()
        .unwrap()
        .iter()
        .filter(|(key, _)| assured_mock::WRITABLE.contains(&key.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    assert_eq!(
        send(&mock, Method::PATCH, &path, None, Some(Value::Object(full)))
            .await
            .0,
        200
    );
    common::assert_types_agree(&mock);
}

#[tokio::test]
async fn a_fresh_profile_needs_citizenship_on_its_first_write() {
    let mock = start(MockConfig::default()).await;
    let (status, created) = send(
        &mock,
        Method::POST,
        path::<CreateProvider>(),
        None,
        Some(
            json!({"email": "new.doctor@example.org", "first_name": "New", "last_name": "Doctor"}),
        ),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    let account = created["id"].as_str().unwrap();
    let (_, page) = get(
        &mock,
        &with_query(path::<ListProviders>(), &format!("id_in={account}")),
    )
    .await;
    let profile = page["results"][0]["provider_profile_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = path_with::<GetPersonalInfo>(&profile);
    let (_, record) = get(&mock, &path).await;
    assert!(record["us_citizen"].is_null() && record["birth_date"].is_null());

    let body = patch_body(&record);
    let (status, errors) = send(
        &mock,
        Method::PATCH,
        &path,
        None,
        Some(Value::Object(body.clone())),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(
        errors["citizenship_country"],
        json!(["Citizenship country is required"])
    );

    let mut foreign = body.clone();
    foreign.insert("us_citizen".into(), json!(false));
    foreign.insert("citizenship_country".into(), json!("CA"));
    let (status, errors) = send(
        &mock,
        Method::PATCH,
        &path,
        None,
        Some(Value::Object(foreign)),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(
        errors["visa_number"],
        json!(["Visa number is required for non-US citizens"])
    );

    let mut citizen = body;
    citizen.insert("us_citizen".into(), json!(true));
    citizen.insert("citizenship_country".into(), json!("US"));
    let (status, updated) = send(
        &mock,
        Method::PATCH,
        &path,
        None,
        Some(Value::Object(citizen)),
    )
    .await;
    assert_eq!(status, 200, "{updated}");

    // Explicit nulls on optional non-nullable creation fields: 400 (quirk 14).
    let (status, errors) = send(
        &mock,
        Method::POST,
        common::path::<CreateProvider>(),
        None,
        Some(json!({"email": "other@example.org", "first_name": "O", "last_name": "P", "client": null})),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(errors["client"], json!(["This field may not be null."]));
}

#[tokio::test]
async fn encrypted_ssn_patch_decrypts_with_the_jwt_and_plaintext_endpoint_confirms() {
    let mock = start(MockConfig::default()).await;
    let (_, profile) = first_provider(&mock).await;
    let jwt = login(&mock).await;
    let encrypted = path_with::<GetEncryptedSsn>(&profile);
    let plain = path_with::<GetPlaintextSsn>(&profile);
    let bearer = |method, path: &str, body: Option<Value>| {
        let mut request = client().request(method, url(&mock, path)).bearer_auth(&jwt);
        if let Some(body) = body {
            request = request.json(&body);
        }
        async move {
            let response = request.send().await.unwrap();
            (
                response.status().as_u16(),
                response.json::<Value>().await.unwrap_or(Value::Null),
            )
        }
    };

    let token = ssn_token(&jwt, "219099999", [7u8; 16]);
    assert_eq!(token.len(), 36);
    let (status, _) = bearer(Method::PATCH, &encrypted, Some(json!({"ssn": token}))).await;
    assert_eq!(status, 200);
    assert_eq!(
        mock.with_state(|s| s.ssn(&profile)).as_deref(),
        Some("219099999")
    );
    let (status, body) = bearer(Method::GET, &plain, None).await;
    assert_eq!((status, body["ssn"].as_str()), (200, Some("219099999")));
    let (_, info) = get(&mock, &path_with::<GetPersonalInfo>(&profile)).await;
    assert_eq!(info["ssn"], "***-**-9999");

    // The GET returns ciphertext only, under the caller's JWT.
    let (_, body) = bearer(Method::GET, &encrypted, None).await;
    let cipher = body["ssn"].as_str().unwrap();
    assert_ne!(cipher, "219099999");
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(cipher)
        .unwrap();
    assert_eq!(
        ssn_token(&jwt, "219099999", bytes[..16].try_into().unwrap()),
        cipher
    );

    // Encrypted under another JWT, or not a token at all: 400, nothing stored.
    let wrong = ssn_token("some-other-jwt", "123456789", [1u8; 16]);
    assert_eq!(
        bearer(Method::PATCH, &encrypted, Some(json!({"ssn": wrong})))
            .await
            .0,
        400
    );
    assert_eq!(
        bearer(
            Method::PATCH,
            &encrypted,
            Some(json!({"ssn": "123-45-6789"}))
        )
        .await
        .0,
        400
    );
    let letters = ssn_token(&jwt, "12345678x", [2u8; 16]);
    assert_eq!(
        bearer(Method::PATCH, &encrypted, Some(json!({"ssn": letters})))
            .await
            .0,
        400
    );
    assert_eq!(
        mock.with_state(|s| s.ssn(&profile)).as_deref(),
        Some("219099999")
    );

    // The plaintext endpoint refuses writes.
    let (status, body) = bearer(Method::PATCH, &plain, Some(json!({"ssn": "123456789"}))).await;
    assert_eq!(status, 400);
    assert_eq!(body["detail"], "SSN is not updatable via this endpoint.");
    common::assert_types_agree(&mock);
}

fn multipart(name: &str, file_name: &str, bytes: &[u8]) -> reqwest::multipart::Form {
    reqwest::multipart::Form::new()
        .text("name", name.to_owned())
        .part(
            "file",
            reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(file_name.to_owned()),
        )
}

const PDF: &[u8] = b"%PDF-1.7\n% a test document\n%%EOF\n";

#[tokio::test]
async fn an_upload_larger_than_axums_default_limit_is_stored_whole() {
    let mock = start(MockConfig::default()).await;
    let jwt = login(&mock).await;
    // 3 MiB: above the multipart extractor's 2 MB default.
    let mut scan = PDF.to_vec();
    scan.resize(3 * 1024 * 1024, b'x');
    let response = client()
        .post(url(&mock, path::<UploadFile>()))
        .header("x-api-key", mock.api_key())
        .bearer_auth(&jwt)
        .multipart(multipart("scan.pdf", "scan.pdf", &scan))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let record: Value = response.json().await.unwrap();
    let s3 = record["file_url"].as_str().unwrap().to_owned();
    let stored = mock.with_state(|s| s.uploaded_file(&s3).map(|f| f.bytes.len()));
    assert_eq!(stored, Some(scan.len()));
}

#[tokio::test]
async fn upload_presign_and_associate_a_document() {
    let mock = start(MockConfig::default()).await;
    let (account, profile) = first_provider(&mock).await;
    let jwt = login(&mock).await;
    let upload = |form| {
        client()
            .post(url(&mock, path::<UploadFile>()))
            .header("x-api-key", mock.api_key())
            .bearer_auth(&jwt)
            .multipart(form)
            .send()
    };

    let response = upload(multipart("3f2504e0.pdf", "license.pdf", PDF))
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let record: Value = response.json().await.unwrap();
    let s3 = record["file_url"].as_str().unwrap().to_owned();
    assert!(s3.starts_with("s3://"));
    assert!(record["file"].as_str().unwrap().starts_with("https://"));
    let stored = mock.with_state(|s| s.uploaded_file(&s3).map(|f| f.bytes.clone()));
    assert_eq!(stored.as_deref(), Some(PDF));

    // Only PDF, PNG and JPEG, by extension and by content.
    let text = upload(multipart("a.txt", "a.txt", b"hello")).await.unwrap();
    assert_eq!(text.status(), 400);
    let disguised = upload(multipart("a.pdf", "a.pdf", b"\x89PNG\r\n\x1a\n...."))
        .await
        .unwrap();
    assert_eq!(disguised.status(), 400);
    let png = upload(multipart("b.png", "b.png", b"\x89PNG\r\n\x1a\nrest"))
        .await
        .unwrap();
    assert_eq!(png.status(), 201);
    let jpeg = upload(multipart(
        "c.JPEG",
        "c.JPEG",
        &[0xFF, 0xD8, 0xFF, 0xE0, 1, 2],
    ))
    .await
    .unwrap();
    assert_eq!(jpeg.status(), 201);
    // Without the JWT: 401.
    let anonymous = client()
        .post(url(&mock, path::<UploadFile>()))
        .header("x-api-key", mock.api_key())
        .multipart(multipart("d.pdf", "d.pdf", PDF))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 401);

    // Presign: a loopback URL that serves the stored bytes without credentials.
    let (status, body) = send(
        &mock,
        Method::POST,
        path::<PresignUrl>(),
        Some(&jwt),
        Some(json!({"s3_url": s3, "presigned_url": ""})),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let presigned = body["presigned_url"].as_str().unwrap();
    assert!(presigned.starts_with(mock.base_url()));
    let download = client().get(presigned).send().await.unwrap();
    assert_eq!(download.status(), 200);
    assert_eq!(download.bytes().await.unwrap().as_ref(), PDF);
    let (status, _) = send(
        &mock,
        Method::POST,
        path::<PresignUrl>(),
        Some(&jwt),
        Some(json!({"s3_url": "s3://mock-assured-media/nothing.pdf", "presigned_url": ""})),
    )
    .await;
    assert_eq!(status, 404);

    // Association needs an uploaded s3:// URL and a profile id.
    let documents = path::<CreateDocument>();
    let body = |provider: &str, document_url: &str| {
        json!({"provider": provider, "document_name": "license.pdf", "document_type": "STATE_LICENSE",
               "document_url": document_url, "document_file": null, "file_checksum": null,
               "uploaded_date": null, "expiration_date": null, "state": null,
               "id": "", "presigned_document_url": ""})
    };
    let (status, created) = send(
        &mock,
        Method::POST,
        documents,
        Some(&jwt),
        Some(body(&profile, &s3)),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["document_url"], s3.as_str());
    let (status, _) = send(
        &mock,
        Method::POST,
        documents,
        Some(&jwt),
        Some(body(&profile, "s3://mock-assured-media/never-uploaded.pdf")),
    )
    .await;
    assert_eq!(status, 400);
    let (status, _) = send(
        &mock,
        Method::POST,
        documents,
        Some(&jwt),
        Some(body(&profile, "https://example.org/a.pdf")),
    )
    .await;
    assert_eq!(status, 400);
    let (status, _) = send(
        &mock,
        Method::POST,
        documents,
        Some(&jwt),
        Some(body(&account, &s3)),
    )
    .await;
    assert_eq!(status, 400);
    let (status, _) = send(
        &mock,
        Method::POST,
        documents,
        None,
        Some(body(&profile, &s3)),
    )
    .await;
    assert_eq!(status, 401);

    let (status, list) = send(
        &mock,
        Method::GET,
        &with_query(path::<ListDocuments>(), &format!("provider={profile}")),
        Some(&jwt),
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        list["results"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["document_url"] == s3.as_str())
    );
    common::assert_types_agree(&mock);
}

#[tokio::test]
async fn documented_employment_paths_are_dead_and_v1_works() {
    let mock = start(MockConfig::default()).await;
    let (_, profile) = first_provider(&mock).await;
    let dead = client()
        .get(url(
            &mock,
            &with_query(
                path::<ListEmploymentsDead>(),
                &format!("provider={profile}"),
            ),
        ))
        .header("x-api-key", mock.api_key())
        .send()
        .await
        .unwrap();
    assert_eq!(dead.status(), 500);
    let (status, _) = send(
        &mock,
        Method::POST,
        path::<CreateEmploymentDead>(),
        None,
        Some(json!({"provider": profile})),
    )
    .await;
    assert_eq!(status, 500);
    let (status, page) = get(
        &mock,
        &with_query(path::<ListEmployments>(), &format!("provider={profile}")),
    )
    .await;
    assert_eq!(status, 200);
    assert!(page["count"].as_u64().unwrap() >= 1);
    let (status, created) = send(
        &mock,
        Method::POST,
        path::<CreateEmployment>(),
        None,
        Some(json!({"provider": profile, "employer_name": "Clinic", "currently_employed": true, "gap_explanation": null})),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    common::assert_types_agree(&mock);
}
