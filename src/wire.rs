//! Wire conventions shared by every provider model.
//!
//! Models keep the wire form losslessly: parse → serialize → parse is the
//! identity and no field present in the input is dropped.
//! - [`Nullable<T>`] tells "absent", `null` and a value apart.
//! - [`Extra`] keeps the fields a model does not name (flattened into it).
//! - [`WireDate`] keeps a date exactly as sent and parses it on demand.
//! - [`open_enum!`] types a documented enumeration and keeps tomorrow's values.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::dates::{DateError, Timestamp};

/// A field the provider may omit *or* send as `null`.
///
/// In TypeScript this is `field?: T | null`. Use it with
/// `#[serde(default, skip_serializing_if = "Nullable::is_absent")]` and
/// `#[tsify(optional)]` so an absent field stays absent on serialize.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Nullable<T> {
    /// The field was not in the input.
    #[default]
    Absent,
    /// The field was `null`.
    Null,
    /// The field had a value.
    Value(T),
}

impl<T> Nullable<T> {
    /// True when the field was not in the input (serde's `skip_serializing_if`).
    pub fn is_absent(&self) -> bool {
        matches!(self, Nullable::Absent)
    }
    /// The value, when there is one.
    pub fn value(&self) -> Option<&T> {
        match self {
            Nullable::Value(v) => Some(v),
            _ => None,
        }
    }
}

impl<T> From<Option<T>> for Nullable<T> {
    fn from(v: Option<T>) -> Self {
        v.map_or(Nullable::Null, Nullable::Value)
    }
}

impl<T: Serialize> Serialize for Nullable<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Nullable::Value(v) => v.serialize(s),
            // Absent is skipped by the field attribute; if not, null is the closest.
            Nullable::Null | Nullable::Absent => s.serialize_none(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Nullable<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Option::<T>::deserialize(d).map(Nullable::from)
    }
}

#[cfg(feature = "ts")]
impl<T: tsify::Tsify> tsify::Tsify for Nullable<T> {
    type JsType = wasm_bindgen::JsValue;
    // Declared once in the boundary's hand-written section: `type Nullable<T> = T | null`.
    const DECL: &'static str = "";
}

/// Fields of a provider object that this version of formakit does not name.
///
/// They are kept (in key order: serde_json's map is sorted) and written back on serialize, so a field a
/// provider adds tomorrow survives a round trip. Flatten it into every model:
/// `#[serde(flatten)] pub extra: Extra`. In TypeScript it is an empty
/// interface: such fields exist at run time but are not part of the type.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Extra(pub serde_json::Map<String, serde_json::Value>);

impl Extra {
    /// True when the input had no field beyond the named ones.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(feature = "ts")]
impl tsify::Tsify for Extra {
    type JsType = wasm_bindgen::JsValue;
    const DECL: &'static str = "";
}

/// An object key as `#[model]`'s `Deserialize` reads it: borrowed from the
/// input when it has no escape, so known fields cost no allocation.
#[doc(hidden)]
pub struct Key<'de>(std::borrow::Cow<'de, str>);

impl Key<'_> {
    /// The key.
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// The key, owned (for `extra`).
    pub fn into_string(self) -> String {
        self.0.into_owned()
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a field name")
            }
            fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Borrowed(v)))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Owned(v.to_string())))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

/// The largest integer JavaScript holds exactly (`Number.MAX_SAFE_INTEGER`):
/// integer fields accept at most this in absolute value.
pub const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;

/// True when JavaScript's `JSON.parse` holds `n` as sent: its magnitude is at
/// most 2^53 − 1. Beyond it, doubles skip integers, so `9007199254740993` reads
/// `…992` and `123456789012345678901234567890` is written back
/// `1.2345678901234568e+29`. Such a number is refused anywhere in a document
/// (declared integer or number fields, unknown fields, `any` values): nothing
/// is silently changed on its way through JavaScript.
pub fn is_safe_number(n: &serde_json::Number) -> bool {
    if let Some(i) = n.as_i64() {
        return i.unsigned_abs() <= MAX_SAFE_INTEGER as u64;
    }
    if n.as_u64().is_some() {
        return false;
    }
    n.as_f64().is_some_and(|f| f.abs() <= MAX_SAFE_INTEGER as f64)
}

/// The byte range of the first number token of JSON text `input` (outside
/// strings) that [`is_safe_number`] refuses. `input` is text serde_json has
/// already read whole, so every token is well formed.
pub(crate) fn first_unsafe_number(input: &[u8]) -> Option<(usize, usize)> {
    let mut i = 0;
    // Jump from one string or number to the next (`position` runs fast over long strings).
    while let Some(off) = input.get(i..).and_then(|rest| rest.iter().position(|b| matches!(b, b'"' | b'-' | b'0'..=b'9'))) {
        i += off;
        if input.get(i) == Some(&b'"') {
            i += 1;
            loop {
                let off = input.get(i..).and_then(|rest| rest.iter().position(|b| matches!(b, b'"' | b'\\')))?;
                i += off;
                if input.get(i) == Some(&b'"') {
                    i += 1;
                    break;
                }
                i += 2;
            }
            continue;
        }
        let start = i;
        let len = input.get(i..).map_or(0, |rest| rest.iter().take_while(|b| matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')).count());
        i += len.max(1);
        let token = input.get(start..i).unwrap_or_default();
        // Fewer than 16 digits and no exponent: below 10^15 whatever the dot.
        let digits = token.iter().filter(|b| b.is_ascii_digit()).count();
        if digits >= 16 || token.iter().any(|b| matches!(b, b'e' | b'E')) {
            let n = std::str::from_utf8(token).ok().and_then(|t| serde_json::from_str::<serde_json::Number>(t).ok());
            if !n.is_some_and(|n| is_safe_number(&n)) {
                return Some((start, i));
            }
        }
    }
    None
}

/// Any JSON value, kept as sent (TypeScript `unknown`).
pub type Json = serde_json::Value;

/// A date or date-time exactly as the provider sent it.
///
/// Providers disagree on the form (`2025-03-15T09:00:00`, `…Z`, `…+02:00`,
/// `2018-02-08T15:02:45.73`, .NET's `0001-01-01T00:00:00` for "no date"); the
/// wire text is kept and written back unchanged. [`WireDate::timestamp`] reads it.
///
/// Reading one checks it: a string that is not a real date (`"2025-13-45T00:00:00"`)
/// is a decode error, so a parsed model only holds dates [`WireDate::timestamp`] reads.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct WireDate(pub String);

impl<'de> Deserialize<'de> for WireDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        match Timestamp::parse_wire(&s) {
            Ok(_) => Ok(WireDate(s)),
            Err(e) => Err(serde::de::Error::custom(format_args!("impossible date {s:?}: {}", e.reason))),
        }
    }
}

/// Integer fields: `#[model]` reads every integer through these, so Rust
/// accepts exactly what the JavaScript checker accepts: an integral number
/// (`3` or `3.0`) of at most 2^53 − 1 in absolute value, which `JSON.parse`
/// holds without rounding. A larger id would be silently changed in
/// JavaScript, so it is refused on both sides.
pub mod int {
    use serde::{Deserialize, Deserializer};

    use crate::wire::Nullable;
    use crate::wire::MAX_SAFE_INTEGER;

    fn from_f64<T: TryFrom<i64>, E: serde::de::Error>(f: f64) -> Result<T, E> {
        if f.fract() != 0.0 || !f.is_finite() || f.abs() > MAX_SAFE_INTEGER as f64 {
            return Err(E::custom(format_args!("expected an integer of at most 2^53 - 1 in absolute value, found {f}")));
        }
        // Exact: |f| <= 2^53 - 1 and integral.
        #[allow(clippy::cast_possible_truncation)]
        let i = f as i64;
        T::try_from(i).map_err(|_| E::custom(format_args!("integer {i} out of range")))
    }

    struct Visitor<T>(std::marker::PhantomData<T>);

    impl<T: TryFrom<i64>> serde::de::Visitor<'_> for Visitor<T> {
        type Value = T;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an integer")
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<T, E> {
            if v.unsigned_abs() > MAX_SAFE_INTEGER as u64 {
                return Err(E::custom(format_args!("integer {v} is beyond 2^53 - 1, which JavaScript cannot hold exactly")));
            }
            T::try_from(v).map_err(|_| E::custom(format_args!("integer {v} out of range")))
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<T, E> {
            match i64::try_from(v) {
                Ok(i) => self.visit_i64(i),
                Err(_) => Err(E::custom(format_args!("integer {v} is beyond 2^53 - 1, which JavaScript cannot hold exactly"))),
            }
        }
        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<T, E> {
            from_f64(v)
        }
    }

    /// Reads an integer field.
    pub fn exact<'de, D: Deserializer<'de>, T: TryFrom<i64>>(d: D) -> Result<T, D::Error> {
        d.deserialize_any(Visitor(std::marker::PhantomData))
    }

    /// An integer read exactly (see the module).
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct Exact<T>(pub T);
    impl<'de, T: TryFrom<i64>> Deserialize<'de> for Exact<T> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            exact(d).map(Exact)
        }
    }

    /// A `Nullable` integer read exactly.
    #[derive(Debug, Clone, PartialEq)]
    pub struct NullableExact<T>(pub Nullable<T>);
    impl<'de, T: TryFrom<i64>> Deserialize<'de> for NullableExact<T> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            Ok(NullableExact(Option::<Exact<T>>::deserialize(d)?.map(|e| e.0).into()))
        }
    }

    /// An `Option` integer read exactly.
    #[derive(Debug, Clone, PartialEq)]
    pub struct OptionExact<T>(pub Option<T>);
    impl<'de, T: TryFrom<i64>> Deserialize<'de> for OptionExact<T> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            Ok(OptionExact(Option::<Exact<T>>::deserialize(d)?.map(|e| e.0)))
        }
    }
}

impl WireDate {
    /// The wire text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// The parsed date: `Ok(None)` for "no date" (.NET `DateTime.MinValue`, an
    /// empty string), an error for text that is not an ISO-8601 date.
    pub fn timestamp(&self) -> Result<Option<Timestamp>, DateError> {
        Timestamp::parse_wire(&self.0)
    }
    /// True for the "no date" sentinels (`0001-01-01T00:00:00`, empty string).
    pub fn is_no_date(&self) -> bool {
        matches!(self.timestamp(), Ok(None))
    }
}

#[cfg(feature = "ts")]
impl tsify::Tsify for WireDate {
    type JsType = wasm_bindgen::JsValue;
    const DECL: &'static str = "";
}

/// Declares an enumeration whose documented values are typed and whose
/// unknown values parse and are kept raw (`Unknown(raw)`), so a value a
/// provider adds tomorrow neither fails nor is rewritten.
///
/// Two forms: string-valued (`enum Status: str { Open = "Open", … }`) and
/// integer-valued (`enum Language: int { French = 1, … }`). Each also
/// registers its TypeScript declaration, e.g.
/// `type CegosSessionStatus = "Open" | "Valid" | (string & {})`.
#[macro_export]
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident : str {
            $( $(#[$vmeta:meta])* $variant:ident = $value:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value the documents do not list, kept as sent.
            Unknown(String),
        }
        impl $name {
            /// The wire value.
            pub fn as_str(&self) -> &str {
                match self { $( $name::$variant => $value, )+ $name::Unknown(s) => s.as_str() }
            }
            /// Every documented value.
            pub const KNOWN: &'static [&'static str] = &[$($value),+];
        }
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let raw = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(d)?;
                Ok(match raw.as_ref() { $( $value => $name::$variant, )+ _ => $name::Unknown(raw.into_owned()) })
            }
        }
        impl $name {
            /// Its TypeScript declaration (documented values, then any string).
            pub const TS_DECL: &'static str = concat!(
                "export type ", stringify!($name), " = ",
                $( "\"", $value, "\" | ", )+ "(string & {});"
            );
        }
        #[cfg(feature = "ts")]
        impl ::tsify::Tsify for $name {
            type JsType = ::wasm_bindgen::JsValue;
            const DECL: &'static str = $name::TS_DECL;
        }
        impl $crate::shape::HasShape for $name {
            const SHAPE: $crate::shape::Shape = $crate::shape::Shape::String;
        }
    };
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident : int {
            $( $(#[$vmeta:meta])* $variant:ident = $value:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value the documents do not list, kept as sent.
            Unknown(i64),
        }
        impl $name {
            /// The wire value.
            pub fn value(&self) -> i64 {
                match self { $( $name::$variant => $value, )+ $name::Unknown(v) => *v }
            }
            /// Every documented value.
            pub const KNOWN: &'static [i64] = &[$($value),+];
            /// The variant for a wire value (`Unknown` when undocumented).
            pub fn from_value(raw: i64) -> Self {
                match raw { $( $value => $name::$variant, )+ other => $name::Unknown(other) }
            }
        }
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_i64(self.value())
            }
        }
        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                Ok($name::from_value($crate::wire::int::exact(d)?))
            }
        }
        impl $name {
            /// Its TypeScript declaration (documented values, then any number).
            pub const TS_DECL: &'static str = concat!(
                "export type ", stringify!($name), " = ",
                $( stringify!($value), " | ", )+ "(number & {});"
            );
        }
        #[cfg(feature = "ts")]
        impl ::tsify::Tsify for $name {
            type JsType = ::wasm_bindgen::JsValue;
            const DECL: &'static str = $name::TS_DECL;
        }
        impl $crate::shape::HasShape for $name {
            const SHAPE: $crate::shape::Shape = $crate::shape::Shape::Integer;
        }
    };
}
