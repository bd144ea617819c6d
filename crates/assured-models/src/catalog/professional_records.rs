//! Professional-record endpoints of the provider profile (reference rows PP6–PP29).
//!
//! Every list takes the provider **profile** id as its required `provider`
//! query parameter; every create body carries it as `provider`.

use super::macros::endpoints;
use crate::models::professional_records::{
    CDSRecord, CDSRecordCreate, Certification, CertificationCreate, DEARecord, DEARecordCreate,
    Education, EducationCreate, Employment, EmploymentCreate, GapHistory, GapHistoryCreate,
    License, LicenseCreate, MedicaidRecord, MedicaidRecordCreate, MedicareRecord,
    MedicareRecordCreate, ProfessionalLiabilityInsurance, ProfessionalLiabilityInsuranceCreate,
    ProfessionalTraining, ProfessionalTrainingCreate, ProviderRecordListParams,
    ProviderRecordOrderedListParams,
};

endpoints! {
    /// Board certifications of a provider.
    PP6 ListCertifications {
        GET "/api/v1/users/provider-certifications/",
        auth: ApiKey, paging: Paged, ids: Profile,
        path_arg: (), query: ProviderRecordListParams, body: () [None],
        response: Certification,
        origin: Spec,
        facade: provider_profile.list_certifications,
        python: ["provider_profile.list_certifications", "provider_profile.list_certifications_all", "provider_profile.list_certifications_df"],
    }
    /// Add a board certification; the reply (201) is the created record.
    PP7 CreateCertification {
        POST "/api/v1/users/provider-certifications/",
        auth: ApiKey, paging: Single, ids: Profile,
        path_arg: (), query: (), body: CertificationCreate [Json],
        response: Certification,
        origin: Spec,
        facade: provider_profile.create_certification,
        python: ["provider_profile.create_certification"],
    }
    /// State licenses of a provider.
    PP8 ListLicenses {
        GET "/api/v1/users/provider-professional-ids-license/",
        auth: ApiKey, paging: Paged, ids: Profile,
        path_arg: (), query: ProviderRecordListParams, body: () [None],
        response: License,
        origin: Spec,
        facade: provider_profile.list_licenses,
        python: ["provider_profile.list_licenses", "provider_profile.list_licenses_all", "provider_profile.list_licenses_df"],
    }
    /// Add a state license; the reply (201) is the created record.
    PP9 CreateLicense {
        POST "/api/v1/users/provider-professional-ids-license/",
        auth: ApiKey, paging: Single, ids: Profile,
        path_arg: (), query: (), body: LicenseCreate [Json],
        response: License,
        origin: Spec,
        facade: provider_profile.create_license,
        python: ["provider_profile.create_license"],
    }
    /// DEA registrations of a provider.
    PP10 ListDeaRecords {
        GET "/api/v1/users/provider-professional-ids-dea/",
        auth: ApiKey, paging: Paged, ids: Profile,
        path_arg: (), query: ProviderRecordListParams, body: () [None],
        response: DEARecord,
        origin: Spec,
        facade: provider_profile.list_dea,
        python: ["provider_profile.list_dea", "provider_profile.list_dea_all", "provider_profile.list_dea_df"],
    }
    /// Add a DEA registration; the reply (201) is the created record.
    PP11 CreateDeaRecord {
        POST "/api/v1/users/provider-professional-ids-dea/",
        auth: ApiKey, paging: Single, ids: Profile,
        path_arg: (), query: (), body: DEARecordCreate [Json],
        response: DEARecord,
        origin: Spec,
        facade: provider_profile.create_dea,
        python: ["provider_profile.create_dea"],
    }
    /// CDS registrations of a provider.
    PP12 ListCdsRecords {
        GET "/api/v1/users/provider-professional-ids-cds/",
        auth: ApiKey, paging: Paged, ids: Profile,
        path_arg: (), query: ProviderRecordListParams, body: () [None],
        response: CDSRecord,
        origin: Spec,
        facade: provider_profile.list_cds,
        python: ["provider_profile.list_cds", "provider_profile.list_cds_all", "provider_profile.list_cds_df"],
    }
    /// Add a CDS registration; the reply (201) is the created record.
    PP13 CreateCdsRecord {
        POST "/api/v1/users/provider-professional-ids-cds/",
        auth: ApiKey, paging: Single, ids: Profile,
        path_arg: (), query: (), body: CDSRecordCreate [Json],
        response: CDSRecord,
        origin: Spec,
        facade: provider_profile.create_cds,
        python: ["provider_profile.create_cds"],
    }
    /// Medicaid ids of a provider.
    PP14 ListMedicaidRecords {
        GET "/api/v1/users/provider-professional-ids-medicaid/",
        auth: ApiKey, paging: Paged, ids: Profile,
        path_arg: (), query: ProviderRecordListParams, body: () [None],
        response: MedicaidRecord,
        origin: Spec,
        facade: provider_profile.list_medicaid,
        python: ["provider_profile.list_medicaid", "provider_profile.list_medicaid_all", "provider_profile.list_medicaid_df"],
    }
    /// Add a Medicaid id; the reply (201) is the created record.
    PP15 CreateMedicaidRecord {
        POST "/api/v1/users/provider-professional-ids-medicaid/",
        auth: ApiKey, paging: Single, ids: Profile,
        path_arg: (), query: (), body: MedicaidRecordCreate [Json],
        response: MedicaidRecord,
        origin: Spec,
        facade: provider_profile.create_medicaid,
        python: ["provider_profile.create_medicaid"],
    }
    /// Medicare ids of a provider.
    PP16 ListMedicareRecords {
        GET "/api/v1/users/provider-professional-ids-medicare/",
        auth: ApiKey, paging: Paged, ids: Profile,
        path_arg: (), query: ProviderRecordListParams, body: () [None],
        response: MedicareRecord,
        origin: Spec,
        facade: provider_profile.list_medicare,
        python: ["provider_profile.list_medicare", "provider_profile.list_medicare_all", "provider_profile.list_medicare_df"],
    }
    /// Add a Medicare id; the reply (201) is the created record.
    PP17 CreateMedicareRecord {
        POST "/api/v1/users/provider-professional-ids-medicare/",
        auth: ApiKey, paging: Single, ids: Profile,
        path_arg: (), query: (), body: MedicareRecordCreate [Json],
        response: MedicareRecord,
        origin: Spec,
        facade: provider_profile.create_medicare,
        python: ["provider_profile.create_medicare"],
    }
    /// Employment history of a provider; the working stand-in for the dead `provider-employments`.
    PP18 ListEmployments {
        GET "/api/v1/users/provider-employment-v1/",
        auth: ApiKey, paging: Paged, ids: Profile,
        path_arg: (), query: ProviderRecordListParams, body: () [None],
        response: Employment,
        origin: ReplacesDead { dead: "PP28" },
        facade: provider_profile.list_employments,
        python: ["provider_profile.list_employments", "provider_profile.list_employments_all", "provider_profile.list_employments_df"],
    }
    /// Add an employment record (v1 names); the reply (201) is the created record.
    PP19 CreateEmployment {
        POST "/api/v1/users/provider-employment-v1/",
        auth: ApiKey, paging: Single, ids: Profile,
        path_arg: (), query: (), body: EmploymentCreate [Json],
        response: Employment,
        origin: ReplacesDead { dead: "PP29" },
        facade: provider_profile.create_employment,
        python: ["provider_profile.create_employment"],
    }
    /// Work-history gaps of a provider.
    PP20 ListGapHistory {
        GET "/api/v1/users/provider-gap-history/",
        auth: ApiKey, paging: Paged, ids: Profile,
        path_arg: (), query: ProviderRecordListParams, body: () [None],
        response: GapHistory,
        origin: Spec,
        facade: provider_profile.list_gap_history,
        python: ["provider_profile.list_gap_history", "provider_profile.list_gap_history_all", "provider_profile.list_gap_history_df"],
    }
    /// Add a work-history gap; the reply (201) is the created record.
    PP21 CreateGapHistory {
        POST "/api/v1/users/provider-gap-history/",
        auth: ApiKey, paging: Single, ids: Profile,
        path_arg: (), query: (), body: GapHistoryCreate [Json],
        response: GapHistory,
        origin: Spec,
        facade: provider_profile.create_gap_history,
        python: ["provider_profile.create_gap_history"],
    }
    /// Education of a provider.
    PP22 ListEducation {
        GET "/api/v1/users/provider-education/",
        auth: ApiKey, paging: Paged, ids: Profile,
        path_arg: (), query: ProviderRecordOrderedListParams, body: () [None],
        response: Education,
        origin: Spec,
        facade: provider_profile.list_education,
        python: ["provider_profile.list_education", "provider_profile.list_education_all", "provider_profile.list_education_df"],
    }
    /// Add an education record; the reply (201) is the created record.
    PP23 CreateEducation {
        POST "/api/v1/users/provider-education/",
        auth: ApiKey, paging: Single, ids: Profile,
        path_arg: (), query: (), body: EducationCreate [Json],
        response: Education,
        origin: Spec,
        facade: provider_profile.create_education,
        python: ["provider_profile.create_education"],
    }
    /// Professional training (internships, residencies, fellowships, ...) of a provider.
    PP24 ListProfessionalTraining {
        GET "/api/v1/users/provider-professional-training/",
        auth: ApiKey, paging: Paged, ids: Profile,
        path_arg: (), query: ProviderRecordOrderedListParams, body: () [None],
        response: ProfessionalTraining,
        origin: Spec,
        facade: provider_profile.list_training,
        python: ["provider_profile.list_training", "provider_profile.list_training_all", "provider_profile.list_training_df"],
    }
    /// Add a professional training record; the reply (201) is the created record.
    PP25 CreateProfessionalTraining {
        POST "/api/v1/users/provider-professional-training/",
        auth: ApiKey, paging: Single, ids: Profile,
        path_arg: (), query: (), body: ProfessionalTrainingCreate [Json],
        response: ProfessionalTraining,
        origin: Spec,
        facade: provider_profile.create_training,
        python: ["provider_profile.create_training"],
    }
    /// Professional liability insurance policies of a provider.
    PP26 ListLiabilityInsurances {
        GET "/api/v1/users/provider-professional-liability-insurances/",
        auth: ApiKey, paging: Paged, ids: Profile,
        path_arg: (), query: ProviderRecordListParams, body: () [None],
        response: ProfessionalLiabilityInsurance,
        origin: Spec,
        facade: provider_profile.list_insurance,
        python: ["provider_profile.list_insurance", "provider_profile.list_insurance_all", "provider_profile.list_insurance_df"],
    }
    /// Add a professional liability insurance policy; the reply (201) is the created record.
    PP27 CreateLiabilityInsurance {
        POST "/api/v1/users/provider-professional-liability-insurances/",
        auth: ApiKey, paging: Single, ids: Profile,
        path_arg: (), query: (), body: ProfessionalLiabilityInsuranceCreate [Json],
        response: ProfessionalLiabilityInsurance,
        origin: Spec,
        facade: provider_profile.create_insurance,
        python: ["provider_profile.create_insurance"],
    }
    /// The documented employment list: dead in production.
    #[deprecated(note = "dead in production; use ListEmployments (PP18)")]
    PP28 ListEmploymentsDead {
        GET "/api/v1/users/provider-employments/",
        auth: ApiKey, paging: Paged, ids: Profile,
        path_arg: (), query: ProviderRecordListParams, body: () [None],
        response: Employment,
        origin: Dead {
            reason: "dead in production; the working path is provider-employment-v1",
            replacement: Some("PP18"),
        },
    }
    /// The documented employment create: dead in production.
    #[deprecated(note = "dead in production; use CreateEmployment (PP19)")]
    PP29 CreateEmploymentDead {
        POST "/api/v1/users/provider-employments/",
        auth: ApiKey, paging: Single, ids: Profile,
        path_arg: (), query: (), body: EmploymentCreate [Json],
        response: Employment,
        origin: Dead {
            reason: "dead in production; the working path is provider-employment-v1",
            replacement: Some("PP19"),
        },
    }
}
