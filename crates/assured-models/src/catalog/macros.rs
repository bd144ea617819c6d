//! The `endpoints!` macro: one declaration per endpoint.

/// Declares endpoints: for each, a unit struct implementing
/// [`Endpoint`](super::Endpoint) and the marker trait of its call shape,
/// and the module's `ENDPOINTS` slice.
///
/// ```text
/// endpoints! {
///     /// Doc comment of the endpoint type.
///     PP1 GetPersonalInfo {
///         GET "/api/v1/users/provider-personal-info/{id}/",
///         auth: ApiKey, paging: Single, ids: Profile,
///         path_arg: ProfileId, query: (), body: () [None],
///         response: ProviderPersonalInfo,
///         origin: Undocumented,
///         // optional, for PATCH/POST that may safely be repeated:
///         idempotent: true,
///         // live endpoints: the facade method (`[helper]` when the
///         // helpers crate provides it) and the Python client's names
///         facade: provider_profile.get_personal_info,
///         python: ["provider_profile.get_personal_info"],
///     }
/// }
/// ```
///
/// The body kind is `None`, `Json`, `JsonArray`, `Multipart`, or `JwtJson`:
/// a JSON body built from the session JWT of each attempt (the SSN token),
/// which only [`JwtBodyEndpoint`](super::JwtBodyEndpoint) entry points send.
macro_rules! endpoints {
    ($(
        $(#[$attr:meta])*
        $key:ident $name:ident {
            $method:ident $path:literal,
            auth: $auth:ident, paging: $paging:ident, ids: $ids:ident,
            path_arg: $arg:ty, query: $query:ty, body: $body:ty [$body_kind:ident],
            response: $response:ty,
            origin: $origin:expr
            $(, idempotent: $idempotent:literal)?
            $(, facade: $group:ident . $facade_method:ident $([$via:ident])?,
              python: [$($python:literal),* $(,)?])? $(,)?
        }
    )*) => {
        $(
            $(#[$attr])*
            #[doc = ""]
            #[doc = concat!("`", endpoints!(@method_str $method), " ", $path, "` (reference row ", stringify!($key), ").")]
            #[derive(Debug, Clone, Copy, Default)]
            pub struct $name;

            #[allow(deprecated)]
            impl $crate::catalog::Endpoint for $name {
                const DESCRIPTOR: &'static $crate::catalog::EndpointDescriptor =
                    &$crate::catalog::EndpointDescriptor {
                        key: stringify!($key),
                        name: stringify!($name),
                        method: endpoints!(@method $method),
                        path: $path,
                        auth: $crate::catalog::Auth::$auth,
                        paging: $crate::catalog::Paging::$paging,
                        ids: $crate::catalog::IdKind::$ids,
                        body: endpoints!(@body_kind $body_kind),
                        idempotent: endpoints!(@method $method).is_idempotent()
                            $(|| $idempotent)?,
                        origin: {
                            #[allow(unused_imports)]
                            use $crate::catalog::Origin::*;
                            $origin
                        },
                        facade: endpoints!(@facade $($group $facade_method [$($via)?] [$($python),*])?),
                        module: module_path!(),
                        path_arg_type: stringify!($arg),
                        query_type: stringify!($query),
                        body_type: stringify!($body),
                        response_type: stringify!($response),
                        check_response: $crate::catalog::check_response::<$response>,
                        canonical_body: $crate::catalog::canonical_body::<$body>,
                    };
                type PathArg = $arg;
                type Query = $query;
                type Body = $body;
                type Response = $response;
            }

            endpoints!(@marker $name $paging $body_kind);
        )*

        /// The endpoints of this group, in reference order.
        #[allow(deprecated)]
        pub(crate) const ENDPOINTS: &[&$crate::catalog::EndpointDescriptor] = &[
            $(<$name as $crate::catalog::Endpoint>::DESCRIPTOR,)*
        ];
    };
    (@method GET) => { $crate::catalog::Method::Get };
    (@method POST) => { $crate::catalog::Method::Post };
    (@method PUT) => { $crate::catalog::Method::Put };
    (@method PATCH) => { $crate::catalog::Method::Patch };
    (@method DELETE) => { $crate::catalog::Method::Delete };
    (@method_str $method:ident) => { stringify!($method) };
    (@body_kind JwtJson) => { $crate::catalog::BodyKind::Json };
    (@body_kind $kind:ident) => { $crate::catalog::BodyKind::$kind };
    (@facade) => { None };
    (@facade $group:ident $method:ident [$($via:ident)?] [$($python:literal),*]) => {
        Some($crate::catalog::Facade {
            group: stringify!($group),
            method: stringify!($method),
            via_helper: endpoints!(@via $($via)?),
            python: &[$($python),*],
        })
    };
    (@via) => { false };
    (@via helper) => { true };
    (@marker $name:ident Paged $kind:ident) => {
        #[allow(deprecated)]
        impl $crate::catalog::PagedEndpoint for $name {}
    };
    (@marker $name:ident ArrayOrPaged $kind:ident) => {
        #[allow(deprecated)]
        impl $crate::catalog::PagedEndpoint for $name {}
    };
    (@marker $name:ident Single Multipart) => {
        impl $crate::catalog::MultipartEndpoint for $name {}
    };
    (@marker $name:ident Single JwtJson) => {
        impl $crate::catalog::JwtBodyEndpoint for $name {}
    };
    (@marker $name:ident Single $kind:ident) => {
        #[allow(deprecated)]
        impl $crate::catalog::SingleEndpoint for $name {}
    };
}

pub(crate) use endpoints;
