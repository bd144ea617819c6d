//! The `endpoints!` macro: one declaration per endpoint.

/// Declares endpoints: for each, a unit struct implementing
/// [`Endpoint`](super::Endpoint), and the module's `ENDPOINTS` slice.
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
///     }
/// }
/// ```
macro_rules! endpoints {
    ($(
        $(#[$doc:meta])*
        $key:ident $name:ident {
            $method:ident $path:literal,
            auth: $auth:ident, paging: $paging:ident, ids: $ids:ident,
            path_arg: $arg:ty, query: $query:ty, body: $body:ty [$body_kind:ident],
            response: $response:ty,
            origin: $origin:expr
            $(, idempotent: $idempotent:literal)? $(,)?
        }
    )*) => {
        $(
            $(#[$doc])*
            #[doc = ""]
            #[doc = concat!("`", endpoints!(@method_str $method), " ", $path, "` (reference row ", stringify!($key), ").")]
            #[derive(Debug, Clone, Copy, Default)]
            pub struct $name;

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
                        body: $crate::catalog::BodyKind::$body_kind,
                        idempotent: endpoints!(@method $method).is_idempotent()
                            $(|| $idempotent)?,
                        origin: {
                            #[allow(unused_imports)]
                            use $crate::catalog::Origin::*;
                            $origin
                        },
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
        )*

        /// The endpoints of this group, in reference order.
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
}

pub(crate) use endpoints;
