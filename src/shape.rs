//! Shape descriptors: what JSON each model accepts, as data.
//!
//! `#[model]` writes one [`ModelShape`] per struct from the same declaration
//! serde reads, so the descriptor cannot drift from the decoder. Two checkers
//! read it: [`crate::check`] here (every structural issue, with its path) and
//! the JavaScript checker that `scripts/gen-checkers.mjs` generates from
//! [`descriptors_json`] at build time. Both follow the same rules, and tests
//! hold them to what serde decodes (`tests/shape_differential.rs`,
//! `tests/package/differential.test.mjs`).

use crate::wire::{Json, Nullable, WireDate};

/// What a JSON value must look like.
#[derive(Debug, Clone, Copy)]
pub enum Shape {
    /// Any string.
    String,
    /// A finite number of at most 2^53 − 1 in magnitude.
    Number,
    /// An integer JavaScript holds exactly: `|n| <= 2^53 - 1` (`3.0` is one).
    Integer,
    /// `true` or `false`.
    Boolean,
    /// A string [`crate::dates::Timestamp::parse_wire`] reads (`""` and .NET's MinValue mean "no date").
    Date,
    /// Any JSON value.
    Any,
    /// `null` or the inner shape.
    Nullable(&'static Shape),
    /// An array of the inner shape.
    Array(&'static Shape),
    /// An object with any keys, each value of the inner shape.
    Map(&'static Shape),
    /// One of these strings (a closed enumeration).
    Enum(&'static [&'static str]),
    /// The first alternative that matches (an untagged union).
    OneOf(&'static [Shape]),
    /// An object checked against a model; unknown keys are always allowed.
    Model(fn() -> &'static ModelShape),
}

/// One model: its TypeScript name, the Rust module it lives in, its fields in declaration order.
#[derive(Debug)]
pub struct ModelShape {
    /// The TypeScript (and Rust) type name, e.g. `CegosProduct`.
    pub name: &'static str,
    /// `module_path!()` of the declaration, e.g. `formakit::cegos::models`.
    pub module: &'static str,
    /// The named fields, in declaration order.
    pub fields: &'static [FieldShape],
}

/// One field of a model.
#[derive(Debug)]
pub struct FieldShape {
    /// The wire name.
    pub name: &'static str,
    /// True when the field may be absent.
    pub optional: bool,
    /// What its value must look like.
    pub shape: Shape,
}

/// A type with a shape descriptor (written by `#[model]` for models).
pub trait HasShape {
    /// The descriptor.
    const SHAPE: Shape;
}

/// A struct model's descriptor (written by `#[model]`).
pub trait HasModelShape {
    /// The descriptor, built once.
    fn model_shape() -> &'static ModelShape;
}

macro_rules! leaf {
    ($shape:ident: $($t:ty),+) => { $(impl HasShape for $t { const SHAPE: Shape = Shape::$shape; })+ };
}
leaf!(String: String);
leaf!(Number: f64, f32);
leaf!(Integer: i8, i16, i32, i64, u8, u16, u32, u64, usize, isize);
leaf!(Boolean: bool);
leaf!(Date: WireDate);
leaf!(Any: Json);

impl<T: HasShape> HasShape for Nullable<T> {
    const SHAPE: Shape = Shape::Nullable(&T::SHAPE);
}
impl<T: HasShape> HasShape for Option<T> {
    const SHAPE: Shape = Shape::Nullable(&T::SHAPE);
}
impl<T: HasShape> HasShape for Vec<T> {
    const SHAPE: Shape = Shape::Array(&T::SHAPE);
}
impl<T: HasShape> HasShape for std::collections::BTreeMap<String, T> {
    const SHAPE: Shape = Shape::Map(&T::SHAPE);
}
impl<T: HasShape> HasShape for serde_json::Map<String, T> {
    const SHAPE: Shape = Shape::Map(&T::SHAPE);
}

pub use crate::wire::MAX_SAFE_INTEGER;
