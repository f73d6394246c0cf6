//! Paging: which page to ask next ([`PagePlan`], plain state) and the Rust
//! pager ([`Pages`]) that fetches ahead with bounded concurrency and yields
//! in order. Dropping a `Pages` drops the requests in flight.

use std::collections::VecDeque;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::Poll;

use serde_json::{Map, Value};

use super::{CallOptions, Client, ClientError, ErrorKind, Reply, Transport};
use crate::endpoint::{Endpoint, Paging};
use crate::schema::Model;

/// Pages fetched ahead by default.
pub const DEFAULT_CONCURRENCY: usize = 4;

/// Items per page asked for when a page/limit route is given no `limit` (Campus Skills' default).
pub const DEFAULT_LIMIT: u64 = 100;

/// What to ask next.
#[derive(Debug, Clone, PartialEq)]
pub struct PagePlan {
    page_param: &'static str,
    next: u64,
    last: Option<u64>,
    /// PageLimit: the page size asked for; PageNumber: the server's.
    size: u64,
    kind: Paging,
}

impl PagePlan {
    /// The plan for `paging` starting where `request` says (its page parameter, default 1);
    /// `None` for a route that does not page.
    pub fn new(paging: &Paging, request: &Map<String, Value>) -> Option<Self> {
        let (page_param, size) = match *paging {
            Paging::None => return None,
            Paging::PageNumber { page_param, page_size, .. } => (page_param, u64::from(page_size.unwrap_or(100))),
            Paging::PageLimit { page_param, limit_param, .. } => {
                (page_param, request.get(limit_param).and_then(Value::as_u64).filter(|l| *l > 0).unwrap_or(DEFAULT_LIMIT))
            }
        };
        let next = request.get(page_param).and_then(Value::as_u64).filter(|p| *p > 0).unwrap_or(1);
        Some(PagePlan { page_param, next, last: None, size, kind: *paging })
    }

    /// True once the first page told how many there are.
    pub fn known(&self) -> bool {
        self.last.is_some()
    }

    /// Reads the number of pages from an answered page.
    pub fn learn(&mut self, page: &Value) {
        let last = match self.kind {
            Paging::PageNumber { total_pages, .. } => page.get(total_pages).and_then(Value::as_u64),
            Paging::PageLimit { total, .. } => page.get(total).and_then(Value::as_u64).map(|t| t.div_ceil(self.size.max(1))),
            Paging::None => Some(1),
        };
        // A page without its total ends the walk after it.
        self.last = Some(last.unwrap_or(0));
    }

    /// The next page number to ask, or `None` past the last one.
    pub fn next_page(&mut self) -> Option<u64> {
        match self.last {
            Some(last) if self.next > last => None,
            _ => {
                let p = self.next;
                self.next += 1;
                Some(p)
            }
        }
    }

    /// `request` with its page parameter set to `page`.
    pub fn request_for(&self, request: &Map<String, Value>, page: u64) -> Map<String, Value> {
        let mut r = request.clone();
        r.insert(self.page_param.to_string(), page.into());
        if let Paging::PageLimit { limit_param, .. } = self.kind {
            r.insert(limit_param.to_string(), self.size.into());
        }
        r
    }
}

type Fetch<'c> = Pin<Box<dyn Future<Output = Result<Reply, ClientError>> + 'c>>;

/// The pages of a paged route, fetched ahead (bounded) and yielded in order.
pub struct Pages<'c, T: Transport, P> {
    client: &'c Client<T>,
    endpoint: &'static Endpoint,
    request: Map<String, Value>,
    plan: Option<PagePlan>,
    concurrency: usize,
    inflight: VecDeque<(Fetch<'c>, Option<Result<Reply, ClientError>>)>,
    failed: bool,
    _page: PhantomData<P>,
}

impl<'c, T: Transport, P: Model> Pages<'c, T, P> {
    pub(crate) fn new(client: &'c Client<T>, endpoint: &'static Endpoint, request: Result<Map<String, Value>, ClientError>) -> Result<Self, ClientError> {
        let request = request?;
        let plan = PagePlan::new(&endpoint.paging, &request)
            .ok_or_else(|| ClientError::usage(client.lang(), format!("{} ne pagine pas", endpoint.id()), format!("{} does not page", endpoint.id())))?;
        Ok(Pages {
            client,
            endpoint,
            request,
            plan: Some(plan),
            concurrency: DEFAULT_CONCURRENCY,
            inflight: VecDeque::new(),
            failed: false,
            _page: PhantomData,
        })
    }

    /// Pages fetched ahead (at least 1; default 4).
    pub fn concurrency(mut self, n: usize) -> Self {
        self.concurrency = n.max(1);
        self
    }

    fn launch(&mut self) {
        let Some(plan) = self.plan.as_mut() else { return };
        let room = if plan.known() { self.concurrency } else { 1 };
        while self.inflight.len() < room {
            let Some(page) = plan.next_page() else { break };
            let text = Value::Object(plan.request_for(&self.request, page)).to_string();
            let (client, endpoint) = (self.client, self.endpoint);
            let fut: Fetch<'c> = Box::pin(async move { client.call(endpoint, Some(&text), &CallOptions::default()).await });
            self.inflight.push_back((fut, None));
        }
    }

    /// The next page, `None` after the last (or after an error).
    pub async fn next(&mut self) -> Option<Result<P, ClientError>> {
        if self.failed {
            return None;
        }
        self.launch();
        if self.inflight.is_empty() {
            return None;
        }
        let inflight = &mut self.inflight;
        let reply = std::future::poll_fn(|cx| {
            for (fut, out) in inflight.iter_mut() {
                if out.is_none() {
                    if let Poll::Ready(r) = fut.as_mut().poll(cx) {
                        *out = Some(r);
                    }
                }
            }
            match inflight.front_mut() {
                Some((_, out)) if out.is_some() => Poll::Ready(out.take()),
                Some(_) => Poll::Pending,
                None => Poll::Ready(None),
            }
        })
        .await;
        self.inflight.pop_front();
        let result = match reply? {
            Ok(reply) => {
                let page = decode_reply::<P>(self.client, self.endpoint, &reply);
                if let Some(plan) = self.plan.as_mut().filter(|p| !p.known()) {
                    if let Ok(v) = serde_json::from_slice::<Value>(&reply.body) {
                        plan.learn(&v);
                    }
                }
                page
            }
            Err(e) => Err(e),
        };
        if result.is_err() {
            self.failed = true;
            self.inflight.clear();
        }
        Some(result)
    }

    /// Every remaining page (stops at the first error).
    pub async fn collect(mut self) -> Result<Vec<P>, ClientError> {
        let mut out = Vec::new();
        while let Some(p) = self.next().await {
            out.push(p?);
        }
        Ok(out)
    }
}

/// Reads an answer as `R`, every structural issue reported.
pub(crate) fn decode_reply<R: Model>(client: &Client<impl Transport>, endpoint: &Endpoint, reply: &Reply) -> Result<R, ClientError> {
    crate::model::safe_parse::<R>(&reply.body, client.lang()).map_err(|report| {
        let first = report.issues.first().map(|i| super::error::issue_at(i, client.lang())).unwrap_or_default();
        let mut e = ClientError::new(
            ErrorKind::Decode,
            crate::validate::msg(
                client.lang(),
                format!("la réponse de {} n'est pas un {} : {} problème(s), le premier à {first}", endpoint.id(), endpoint.response, report.issues.len()),
                format!("the answer of {} is not a {}: {} issue(s), the first at {first}", endpoint.id(), endpoint.response, report.issues.len()),
            ),
        );
        e.issues = report.issues;
        e.endpoint = Some(endpoint.id());
        e.method = Some(endpoint.method);
        e.url = Some(reply.url.clone());
        e.status = Some(reply.status);
        e.attempts = reply.attempts;
        e
    })
}
