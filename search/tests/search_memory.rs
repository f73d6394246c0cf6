//! 10,000 searches on the sandbox catalog do not grow memory: a counting global
//! allocator (this test binary's only test, so nothing else allocates meanwhile)
//! compares the live bytes before and after.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};

use formakit_search::{CatalogIndex, Filters};

struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size as isize - layout.size() as isize, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

#[tokio::test]
async fn ten_thousand_searches_do_not_grow_memory() {
    let cat = common::load().await;
    let index = CatalogIndex::from_products(&cat.products, Some(&cat.topics), &cat.sessions);
    drop(cat);
    let queries = ["management", "managment", "manag", "excel tab", "l’essentiel", "œuvre", "format ", "zzqxv", "", "négo", "202500030", "rncp"];
    let filters = [
        Filters::default(),
        Filters { cities: vec!["A DISTANCE".into()], cpf: Some(true), ..Filters::default() },
        Filters { max_price: Some(1500.0), ..Filters::default() },
    ];
    let run = |n: usize| {
        for i in 0..n {
            let r = index.search(queries[i % queries.len()], &filters[i % filters.len()], 10, i % 3);
            assert!(r.hits.len() <= 10);
        }
    };
    run(200); // warm up
    let before = LIVE.load(Ordering::Relaxed);
    run(10_000);
    let after = LIVE.load(Ordering::Relaxed);
    println!("live bytes before {before}, after 10,000 searches {after} (diff {})", after - before);
    assert!(after - before < 64 * 1024, "live bytes grew by {} over 10,000 searches", after - before);
}
