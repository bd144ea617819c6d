//! The outermost layer: looks the request up in the route table and
//! leaves the result in the request's extensions. The mock's own
//! presigned-download URLs are answered here, outside the API: they are
//! neither counted nor faulted, like an object store's URLs.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

use crate::handlers::files::{PRESIGNED_PREFIX, presigned_download};
use crate::route_table::ROUTES;
use crate::shared::Shared;

pub(crate) async fn layer(
    State(shared): State<Arc<Shared>>,
    mut request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    if let Some(token) = path.strip_prefix(PRESIGNED_PREFIX) {
        return presigned_download(&shared, token).into_response();
    }
    let resolved = ROUTES.resolve(request.method().as_str(), &path);
    request.extensions_mut().insert(resolved);
    next.run(request).await
}
