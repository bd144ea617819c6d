//! The in-memory state: seeded records generated on demand, plus
//! everything written at run time.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};
use uuid::Uuid;

use crate::data::{self, Identity};
use crate::seed::{CREATED, IdCodec, Kind};

/// Records of one kind written at run time (created, patched, deleted).
#[derive(Debug, Default, Clone)]
pub(crate) struct Collection {
    /// Full records that differ from their generated form (or are new).
    pub(crate) written: HashMap<Uuid, Map<String, Value>>,
    /// Created records in creation order, with the owning provider index.
    pub(crate) created: Vec<(Option<u32>, Uuid)>,
    /// Deleted ids.
    pub(crate) deleted: HashSet<Uuid>,
}

/// An uploaded file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFile {
    /// The `name` form field.
    pub name: String,
    /// The file part's file name.
    pub original_filename: Option<String>,
    /// The detected content type (`application/pdf`, `image/png`, `image/jpeg`).
    pub content_type: String,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// The in-memory state of a mock server.
///
/// Reach it with [`MockServer::with_state`](crate::MockServer::with_state):
/// seeded records are generated on demand from the seed, and only what was
/// written is stored.
#[derive(Debug)]
pub struct State {
    pub(crate) seed: u64,
    pub(crate) codec: IdCodec,
    pub(crate) seeded: u32,
    pub(crate) created_providers: Vec<Identity>,
    pub(crate) email_index: HashMap<String, u32>,
    pub(crate) collections: HashMap<Kind, Collection>,
    pub(crate) personal: HashMap<u32, Map<String, Value>>,
    pub(crate) ssn: HashMap<u32, Option<String>>,
    pub(crate) org_joining: HashMap<u32, Option<String>>,
    pub(crate) files: HashMap<String, StoredFile>,
    pub(crate) presigned: HashMap<String, (String, u64)>,
    pub(crate) caqh_requests: Vec<(Option<u32>, Map<String, Value>)>,
    pub(crate) password: String,
    pub(crate) strict_personal_info: bool,
    /// Tokens carry the epoch they were issued in; revocation moves it on.
    pub(crate) token_epoch: u64,
    pub(crate) counter: u64,
}

/// A provider as the mock knows it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ProviderSummary {
    /// Index (seeded providers first, then created ones).
    pub index: u32,
    /// Account id (`id` in the providers list).
    pub account_id: String,
    /// Profile id (`provider_profile_id`).
    pub profile_id: String,
    /// NPI (none for providers created at run time).
    pub npi: Option<String>,
    /// E-mail.
    pub email: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
}

impl State {
    pub(crate) fn new(seed: u64, providers: u32, password: String, strict: bool) -> Self {
        Self {
            seed,
            codec: IdCodec::new(seed),
            seeded: providers,
            created_providers: Vec::new(),
            email_index: HashMap::new(),
            collections: HashMap::new(),
            personal: HashMap::new(),
            ssn: HashMap::new(),
            org_joining: HashMap::new(),
            files: HashMap::new(),
            presigned: HashMap::new(),
            caqh_requests: Vec::new(),
            password,
            strict_personal_info: strict,
            token_epoch: 0,
            counter: 0,
        }
    }

    // ----- public introspection API -----

    /// Number of providers (seeded and created).
    pub fn provider_count(&self) -> u32 {
        self.seeded + u32::try_from(self.created_providers.len()).unwrap_or(u32::MAX - self.seeded)
    }

    /// The provider at `index`, if any.
    pub fn provider(&self, index: u32) -> Option<ProviderSummary> {
        (index < self.provider_count()).then(|| {
            let identity = self.identity(index);
            ProviderSummary {
                index,
                account_id: self.account_id(index).to_string(),
                profile_id: self.profile_id(index).to_string(),
                npi: identity.npi,
                email: identity.email,
                first_name: identity.first_name,
                last_name: identity.last_name,
            }
        })
    }

    /// The provider with this account or profile id.
    pub fn provider_by_id(&self, id: &str) -> Option<ProviderSummary> {
        self.provider_index_any(id)
            .and_then(|index| self.provider(index))
    }

    /// The stored personal-info record of a profile (as the GET shows it).
    pub fn personal_info(&self, profile_id: &str) -> Option<Map<String, Value>> {
        self.profile_index(profile_id)
            .map(|index| self.personal_info_of(index))
    }

    /// Replaces the personal-info record of a profile (keys not given are
    /// kept; `id` is kept).
    pub fn set_personal_info(&mut self, profile_id: &str, fields: Map<String, Value>) -> bool {
        let Some(index) = self.profile_index(profile_id) else {
            return false;
        };
        let mut record = self.personal_info_of(index);
        for (key, value) in fields {
            if key != "id" {
                record.insert(key, value);
            }
        }
        self.personal.insert(index, record);
        true
    }

    /// The plaintext SSN stored for a profile (9 digits), if any.
    pub fn ssn(&self, profile_id: &str) -> Option<String> {
        self.profile_index(profile_id)
            .and_then(|index| self.ssn_of(index))
    }

    /// Sets (or clears) the plaintext SSN of a profile.
    pub fn set_ssn(&mut self, profile_id: &str, ssn: Option<&str>) -> bool {
        let Some(index) = self.profile_index(profile_id) else {
            return false;
        };
        self.ssn.insert(index, ssn.map(ToOwned::to_owned));
        self.refresh_masked_ssn(index);
        true
    }

    /// The uploaded file behind an `s3://` URL.
    pub fn uploaded_file(&self, s3_url: &str) -> Option<&StoredFile> {
        self.files.get(s3_url)
    }

    /// Every uploaded file, by `s3://` URL.
    pub fn uploaded_files(&self) -> impl Iterator<Item = (&str, &StoredFile)> {
        self.files.iter().map(|(url, file)| (url.as_str(), file))
    }

    /// The current password of the login user (change-password changes it).
    pub fn password(&self) -> &str {
        &self.password
    }

    /// Turns the strict personal-info PATCH on or off at run time.
    pub fn set_strict_personal_info(&mut self, strict: bool) {
        self.strict_personal_info = strict;
    }

    /// Makes every JWT issued so far invalid (as if the server rotated its
    /// keys): the next JWT request gets 401.
    pub fn revoke_tokens(&mut self) {
        self.token_epoch += 1;
    }

    /// A record of the store by id (any kind), as the API shows it.
    pub fn record(&self, id: &str) -> Option<Map<String, Value>> {
        let uuid = Uuid::parse_str(id).ok()?;
        let (kind, _, _) = self.codec.decode(&uuid)?;
        self.get(kind, &uuid)
    }

    // ----- ids -----

    pub(crate) fn account_id(&self, index: u32) -> Uuid {
        self.codec.encode(Kind::Account, index, 0)
    }

    pub(crate) fn profile_id(&self, index: u32) -> Uuid {
        self.codec.encode(Kind::Profile, index, 0)
    }

    pub(crate) fn global_id(&self, kind: Kind, index: u32) -> Uuid {
        self.codec.encode(kind, index, 0)
    }

    pub(crate) fn account_index(&self, text: &str) -> Option<u32> {
        self.codec
            .decode_str(text, Kind::Account)
            .map(|(index, _)| index)
            .filter(|index| *index < self.provider_count())
    }

    pub(crate) fn profile_index(&self, text: &str) -> Option<u32> {
        self.codec
            .decode_str(text, Kind::Profile)
            .map(|(index, _)| index)
            .filter(|index| *index < self.provider_count())
    }

    /// For ids of unstated kind: an account or a profile id.
    pub(crate) fn provider_index_any(&self, text: &str) -> Option<u32> {
        self.account_index(text)
            .or_else(|| self.profile_index(text))
    }

    pub(crate) fn global_index(&self, kind: Kind, text: &str) -> Option<u32> {
        let (index, _) = self.codec.decode_str(text, kind)?;
        let count = match kind {
            Kind::Client => data::CLIENTS,
            Kind::Staff => data::STAFF,
            Kind::TaxEntity => data::TAX_ENTITIES,
            Kind::PracticeLocation => data::PRACTICE_LOCATIONS,
            Kind::Facility => data::FACILITIES,
            Kind::HealthPlan => data::HEALTH_PLANS,
            _ => 0,
        };
        (index < count).then_some(index)
    }

    pub(crate) fn identity(&self, index: u32) -> Identity {
        if index < self.seeded {
            let mut identity = data::seeded_identity(self.seed, index);
            if let Some(written) = self.personal.get(&index) {
                overlay_identity(&mut identity, written);
            }
            identity
        } else {
            let mut identity = self
                .created_providers
                .get((index - self.seeded) as usize)
                .cloned()
                .unwrap_or_else(|| data::seeded_identity(self.seed, index));
            if let Some(written) = self.personal.get(&index) {
                overlay_identity(&mut identity, written);
            }
            identity
        }
    }

    pub(crate) fn provider_by_email(&self, email: &str) -> Option<u32> {
        let wanted = email.trim().to_lowercase();
        if let Some(index) = data::index_in_email(&wanted)
            && index < self.seeded
            && self.identity(index).email.to_lowercase() == wanted
        {
            return Some(index);
        }
        self.email_index.get(&wanted).copied()
    }

    pub(crate) fn add_provider(&mut self, identity: Identity) -> u32 {
        let index = self.provider_count();
        self.email_index
            .insert(identity.email.to_lowercase(), index);
        self.created_providers.push(identity);
        index
    }

    pub(crate) fn personal_info_of(&self, index: u32) -> Map<String, Value> {
        self.personal
            .get(&index)
            .cloned()
            .unwrap_or_else(|| self.generated_personal_info(index))
    }

    pub(crate) fn ssn_of(&self, index: u32) -> Option<String> {
        match self.ssn.get(&index) {
            Some(stored) => stored.clone(),
            None if index < self.seeded => Some(data::seeded_ssn(self.seed, index)),
            None => None,
        }
    }

    fn refresh_masked_ssn(&mut self, index: u32) {
        if let Some(record) = self.personal.get_mut(&index) {
            let masked = self
                .ssn
                .get(&index)
                .cloned()
                .flatten()
                .map(|ssn| data::mask_ssn(&ssn));
            record.insert("ssn".into(), masked.map_or(Value::Null, Value::String));
        }
    }

    pub(crate) fn store_ssn(&mut self, index: u32, ssn: String) {
        self.ssn.insert(index, Some(ssn));
        self.refresh_masked_ssn(index);
    }

    pub(crate) fn org_joining_date(&self, index: u32) -> Option<String> {
        match self.org_joining.get(&index) {
            Some(stored) => stored.clone(),
            None if index < self.seeded => {
                Some(crate::seed::Rng::new(&[self.seed, 0x0D, u64::from(index)]).date(2018, 2024))
            }
            None => None,
        }
    }

    /// A new id for a record created at run time.
    pub(crate) fn new_id(&mut self, kind: Kind) -> Uuid {
        self.counter += 1;
        let serial = u32::try_from(self.counter).unwrap_or(u32::MAX);
        self.codec.encode(kind, CREATED | serial, 0)
    }

    // ----- collections -----

    pub(crate) fn collection(&self, kind: Kind) -> Option<&Collection> {
        self.collections.get(&kind)
    }

    pub(crate) fn collection_mut(&mut self, kind: Kind) -> &mut Collection {
        self.collections.entry(kind).or_default()
    }

    /// Stores a new record and returns it (its `id` set).
    pub(crate) fn insert(
        &mut self,
        kind: Kind,
        owner: Option<u32>,
        mut record: Map<String, Value>,
    ) -> Map<String, Value> {
        let id = self.new_id(kind);
        record.insert("id".into(), Value::String(id.to_string()));
        let collection = self.collection_mut(kind);
        collection.created.push((owner, id));
        collection.written.insert(id, record.clone());
        record
    }

    /// Replaces a record (seeded or created).
    pub(crate) fn put(&mut self, kind: Kind, id: Uuid, record: Map<String, Value>) {
        self.collection_mut(kind).written.insert(id, record);
    }

    pub(crate) fn delete(&mut self, kind: Kind, id: Uuid) {
        self.collection_mut(kind).deleted.insert(id);
    }

    /// The record with this id, if it exists (written, else generated).
    pub(crate) fn get(&self, kind: Kind, id: &Uuid) -> Option<Map<String, Value>> {
        if let Some(collection) = self.collection(kind) {
            if collection.deleted.contains(id) {
                return None;
            }
            if let Some(record) = collection.written.get(id) {
                return Some(record.clone());
            }
        }
        let (found, owner, index) = self.codec.decode(id)?;
        if found != kind || owner >= CREATED {
            return None;
        }
        self.exists_seeded(kind, owner, index)
            .then(|| self.generate(kind, owner, index))
    }

    pub(crate) fn get_str(&self, kind: Kind, id: &str) -> Option<(Uuid, Map<String, Value>)> {
        let uuid = Uuid::parse_str(id.trim()).ok()?;
        self.get(kind, &uuid).map(|record| (uuid, record))
    }

    fn exists_seeded(&self, kind: Kind, owner: u32, index: u16) -> bool {
        match kind {
            Kind::Client => owner < data::CLIENTS,
            Kind::Staff => owner < data::STAFF,
            Kind::TaxEntity => owner < data::TAX_ENTITIES,
            Kind::PracticeLocation => owner < data::PRACTICE_LOCATIONS,
            Kind::Facility => owner < data::FACILITIES,
            Kind::HealthPlan => owner < data::HEALTH_PLANS,
            Kind::Packet => {
                owner < self.seeded
                    && index < data::seeded_count(self.seed, Kind::CredRequest, owner)
                    && self.packet_exists(owner, index)
            }
            Kind::Timeline => {
                owner < self.seeded
                    && index / data::TIMELINE_PER_PARENT
                        < data::seeded_count(self.seed, Kind::Task, owner)
            }
            Kind::EnrollmentTimeline => {
                owner < self.seeded
                    && index / data::TIMELINE_PER_PARENT
                        < data::seeded_count(self.seed, Kind::EnrollmentRequest, owner)
            }
            _ => owner < self.seeded && index < data::seeded_count(self.seed, kind, owner),
        }
    }

    /// A seeded request has a packet when it was seeded as completed.
    pub(crate) fn packet_exists(&self, owner: u32, index: u16) -> bool {
        self.generate(Kind::CredRequest, owner, index)
            .get("status")
            .and_then(Value::as_str)
            == Some("COMPLETED")
    }

    /// Ids of the seeded records of `kind` owned by provider `owner`.
    pub(crate) fn seeded_ids(&self, kind: Kind, owner: u32) -> impl Iterator<Item = Uuid> + '_ {
        let count = if owner < self.seeded {
            match kind {
                Kind::Packet => data::seeded_count(self.seed, Kind::CredRequest, owner),
                Kind::Timeline => {
                    data::seeded_count(self.seed, Kind::Task, owner) * data::TIMELINE_PER_PARENT
                }
                Kind::EnrollmentTimeline => {
                    data::seeded_count(self.seed, Kind::EnrollmentRequest, owner)
                        * data::TIMELINE_PER_PARENT
                }
                _ => data::seeded_count(self.seed, kind, owner),
            }
        } else {
            0
        };
        (0..count)
            .filter(move |index| kind != Kind::Packet || self.packet_exists(owner, *index))
            .map(move |index| self.codec.encode(kind, owner, index))
    }

    /// Ids of every live record of a per-provider kind owned by `owner`
    /// (`None`: all providers), seeded first, then created.
    pub(crate) fn ids_of(&self, kind: Kind, owner: Option<u32>) -> Vec<Uuid> {
        let collection = self.collection(kind);
        let live = |id: &Uuid| collection.is_none_or(|c| !c.deleted.contains(id));
        let mut ids: Vec<Uuid> = match owner {
            Some(owner) => self.seeded_ids(kind, owner).filter(live).collect(),
            None => (0..self.seeded)
                .flat_map(|owner| self.seeded_ids(kind, owner))
                .filter(live)
                .collect(),
        };
        if let Some(collection) = collection {
            ids.extend(
                collection
                    .created
                    .iter()
                    .filter(|(created_owner, id)| {
                        (owner.is_none() || *created_owner == owner) && live(id)
                    })
                    .map(|(_, id)| *id),
            );
        }
        ids
    }

    /// Ids of every live record of a global kind (seeded then created).
    pub(crate) fn global_ids(&self, kind: Kind, seeded: u32) -> Vec<Uuid> {
        let collection = self.collection(kind);
        let live = |id: &Uuid| collection.is_none_or(|c| !c.deleted.contains(id));
        let mut ids: Vec<Uuid> = (0..seeded)
            .map(|index| self.global_id(kind, index))
            .filter(live)
            .collect();
        if let Some(collection) = collection {
            ids.extend(collection.created.iter().map(|(_, id)| *id).filter(live));
        }
        ids
    }

    /// The owning provider of a record id (seeded or created).
    pub(crate) fn owner_of(&self, kind: Kind, id: &Uuid) -> Option<u32> {
        let (_, owner, _) = self.codec.decode(id)?;
        if owner < CREATED {
            return Some(owner);
        }
        self.collection(kind)?
            .created
            .iter()
            .find(|(_, created)| created == id)
            .and_then(|(owner, _)| *owner)
    }
}

fn overlay_identity(identity: &mut Identity, written: &Map<String, Value>) {
    let text = |key: &str| {
        written
            .get(key)
            .and_then(Value::as_str)
            .map(ToOwned::to_owned)
    };
    if let Some(first) = text("first_name") {
        identity.first_name = first;
    }
    if let Some(last) = text("last_name") {
        identity.last_name = last;
    }
    if written.contains_key("middle_name") {
        identity.middle_name = text("middle_name");
    }
    if written.contains_key("individual_npi") {
        identity.npi = text("individual_npi");
    }
    if written.contains_key("provider_type") {
        identity.provider_type = text("provider_type");
    }
}
