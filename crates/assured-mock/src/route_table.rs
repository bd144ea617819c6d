//! The prebuilt route table: a request's method and path are looked up in
//! hash maps built once from the catalog and the registered routes, not
//! matched against every descriptor.

use std::collections::HashMap;
use std::sync::LazyLock;

use assured_models::catalog::{self, EndpointDescriptor};

use crate::route::{Refusal, Route};

/// The catalog entry a path and method name, with its route when the mock
/// serves it (dead endpoints and unserved ones have none).
#[derive(Clone, Copy)]
pub(crate) struct Target {
    pub(crate) endpoint: &'static EndpointDescriptor,
    pub(crate) route: Option<&'static Route>,
}

/// Where a request goes.
#[derive(Clone)]
pub(crate) enum Resolved {
    /// A catalog endpoint, with the path's placeholder value.
    Endpoint {
        target: Target,
        param: Option<String>,
    },
    /// A known path refusing this method with its own reply.
    Refused { target: Target, refusal: Refusal },
    /// A known path without this method (405); names the path's first
    /// endpoint.
    WrongMethod { target: Target },
    /// No catalog path (Django's 404 page).
    NotFound,
}

impl Resolved {
    /// The catalog key the request counts under.
    pub(crate) fn key(&self) -> Option<&'static str> {
        match self {
            Self::Endpoint { target, .. }
            | Self::Refused { target, .. }
            | Self::WrongMethod { target } => Some(target.endpoint.key),
            Self::NotFound => None,
        }
    }

    /// The route of the endpoint, if it has one.
    pub(crate) fn route(&self) -> Option<&'static Route> {
        match self {
            Self::Endpoint { target, .. }
            | Self::Refused { target, .. }
            | Self::WrongMethod { target } => target.route,
            Self::NotFound => None,
        }
    }
}

/// The endpoints sharing one path, in catalog order.
type PathEntry = Vec<Target>;

pub(crate) struct RouteTable {
    /// Paths without a placeholder, as written.
    fixed: HashMap<&'static str, PathEntry>,
    /// Paths with a placeholder, the placeholder written `{}`.
    templated: HashMap<String, PathEntry>,
}

/// The table of the registered routes, built on first use.
pub(crate) static ROUTES: LazyLock<RouteTable> =
    LazyLock::new(|| RouteTable::new(crate::routes::all()));

/// `"/a/{id}/b/"` → `"/a/{}/b/"`; `None` for a path without placeholder.
fn pattern(template: &str) -> Option<String> {
    let start = template.find('{')?;
    let end = start + template[start..].find('}')?;
    Some(format!(
        "{}{{}}{}",
        &template[..start],
        &template[end + 1..]
    ))
}

impl RouteTable {
    pub(crate) fn new(routes: Vec<Route>) -> Self {
        // Leaked once per process: routes live as long as any server.
        let routes: &'static [Route] = Vec::leak(routes);
        let mut by_key: HashMap<&'static str, &'static Route> = HashMap::new();
        for route in routes {
            by_key.insert(route.endpoint.key, route);
        }
        let mut table = Self {
            fixed: HashMap::new(),
            templated: HashMap::new(),
        };
        for endpoint in catalog::all() {
            let target = Target {
                endpoint,
                route: by_key.get(endpoint.key).copied(),
            };
            match pattern(endpoint.path) {
                Some(pattern) => table.templated.entry(pattern).or_default().push(target),
                None => table.fixed.entry(endpoint.path).or_default().push(target),
            }
        }
        table
    }

    /// Looks up a request: the fixed paths first, then each segment of the
    /// path in turn taken as the placeholder.
    pub(crate) fn resolve(&self, method: &str, path: &str) -> Resolved {
        if let Some(entry) = self.fixed.get(path) {
            return pick(entry, method, None);
        }
        let mut start = 0;
        for segment in path.split('/') {
            let end = start + segment.len();
            if !segment.is_empty() {
                let candidate = format!("{}{{}}{}", &path[..start], &path[end..]);
                if let Some(entry) = self.templated.get(&candidate) {
                    return pick(entry, method, Some(segment.to_owned()));
                }
            }
            start = end + 1;
        }
        Resolved::NotFound
    }
}

fn pick(entry: &PathEntry, method: &str, param: Option<String>) -> Resolved {
    if let Some(target) = entry.iter().find(|t| t.endpoint.method.as_str() == method) {
        return Resolved::Endpoint {
            target: *target,
            param,
        };
    }
    let refused = entry.iter().find_map(|target| {
        let refusal = target.route?.refusal?;
        (refusal.method.as_str() == method).then_some((target, refusal))
    });
    match (refused, entry.first()) {
        (Some((target, refusal)), _) => Resolved::Refused {
            target: *target,
            refusal,
        },
        (None, Some(target)) => Resolved::WrongMethod { target: *target },
        (None, None) => Resolved::NotFound,
    }
}

#[cfg(test)]
mod tests {
    use assured_models::catalog::{BodyKind, Origin};

    use super::*;
    use crate::body_rules::Fields;
    use crate::reference::REFERENCE;

    /// The former linear scan: the first descriptor whose template matches
    /// with the method, else the first whose template matches.
    fn scan(method: &str, path: &str) -> Option<(&'static str, bool)> {
        let matches = |template: &str| match (template.find('{'), template.find('}')) {
            (Some(start), Some(end)) => path
                .strip_prefix(&template[..start])
                .and_then(|rest| rest.strip_suffix(&template[end + 1..]))
                .is_some_and(|middle| !middle.is_empty() && !middle.contains('/')),
            _ => template == path,
        };
        let on_path: Vec<_> = catalog::all().filter(|d| matches(d.path)).collect();
        on_path
            .iter()
            .find(|d| d.method.as_str() == method)
            .map(|d| (d.key, true))
            .or_else(|| on_path.first().map(|d| (d.key, false)))
    }

    fn render(template: &str, id: &str) -> String {
        pattern(template).map_or_else(|| template.to_owned(), |p| p.replace("{}", id))
    }

    #[test]
    fn every_placeholder_is_a_whole_segment() {
        for endpoint in catalog::all().filter(|d| d.has_path_param()) {
            let pattern = pattern(endpoint.path).unwrap();
            assert!(pattern.contains("/{}/"), "{endpoint:?}");
        }
    }

    #[test]
    fn the_table_agrees_with_a_scan_of_the_catalog() {
        let id = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
        for endpoint in catalog::all() {
            let path = render(endpoint.path, id);
            for method in ["GET", "POST", "PATCH", "PUT", "DELETE"] {
                let found = match ROUTES.resolve(method, &path) {
                    Resolved::Endpoint { target, param } => {
                        assert_eq!(param.is_some(), endpoint.has_path_param());
                        Some((target.endpoint.key, true))
                    }
                    Resolved::Refused { target, .. } | Resolved::WrongMethod { target } => {
                        Some((target.endpoint.key, false))
                    }
                    Resolved::NotFound => None,
                };
                let expected = scan(method, &path);
                let refused = matches!(ROUTES.resolve(method, &path), Resolved::Refused { .. });
                if !refused {
                    assert_eq!(found, expected, "{method} {path}");
                }
            }
        }
        assert!(matches!(
            ROUTES.resolve("GET", "/api/v1/nowhere/"),
            Resolved::NotFound
        ));
        assert!(matches!(ROUTES.resolve("GET", "/"), Resolved::NotFound));
    }

    #[test]
    fn every_live_endpoint_has_a_route_and_no_dead_one_has() {
        for endpoint in catalog::all() {
            let path = render(endpoint.path, "x");
            let resolved = ROUTES.resolve(endpoint.method.as_str(), &path);
            let Resolved::Endpoint { target, .. } = resolved else {
                panic!("{endpoint:?} does not resolve");
            };
            let dead = matches!(endpoint.origin, Origin::Dead { .. });
            assert_eq!(target.route.is_none(), dead, "{endpoint:?}");
        }
    }

    #[test]
    fn every_json_body_has_a_reference_rule_naming_known_fields() {
        for endpoint in catalog::all() {
            let Resolved::Endpoint { target, .. } =
                ROUTES.resolve(endpoint.method.as_str(), &render(endpoint.path, "x"))
            else {
                continue;
            };
            let Some(route) = target.route else { continue };
            let json = matches!(endpoint.body, BodyKind::Json | BodyKind::JsonArray);
            assert_eq!(route.body.is_some(), json, "{endpoint:?}");
            let Some(rule) = route.body else { continue };
            let known: Vec<String> = match rule.fields {
                Fields::Model(name) => REFERENCE
                    .model(name)
                    .unwrap_or_else(|| panic!("{endpoint:?}: no model {name}"))
                    .fields
                    .iter()
                    .map(|(field, _)| field.clone())
                    .collect(),
                Fields::Inline(fields) => fields.iter().map(|(f, _)| (*f).to_owned()).collect(),
            };
            for field in rule.required.iter().chain(rule.one_of) {
                // `legal_name` is the spec's name of the client's `name`.
                let spec_only = *field == "legal_name";
                assert!(
                    spec_only || known.iter().any(|k| k == field),
                    "{endpoint:?}: {field}"
                );
            }
        }
    }
}
