//! `#[model]`: one declaration per formakit model.
//!
//! Put on a struct of a provider module, it writes everything a model needs
//! besides its fields and their docs:
//!
//! - the derives (`Debug`, `Clone`, `PartialEq`, serde's `Serialize` and
//!   `Deserialize`, and tsify's `Tsify` behind the crate's `ts` feature);
//! - the wire conventions: `rename_all = "camelCase"` unless the struct says
//!   otherwise (`#[model(wire = "snake_case")]` or its own `rename_all`),
//!   `default` + `skip_serializing_if` + TypeScript `optional` on every
//!   `Nullable<T>` field, the flattened `extra: Extra` field that keeps unknown
//!   fields, `transparent` on a one-field tuple struct, and the integer reader
//!   that refuses what JavaScript cannot hold (`3.5`, `2^60`);
//! - the shape descriptor (`formakit::shape`) that the structural checker and
//!   the generated JavaScript checker both read;
//! - with `schema = "cegos.product"`, the `Model` impl (schema name, TypeScript
//!   name, the item array of a page with `items = "data"`). `build.rs` finds
//!   the attribute and puts the model in the schema registry.
//!
//! The macro expands to paths under `crate::`, so it serves the formakit crate
//! itself; it is not meant for other crates.

use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as TokenStream2};
use quote::quote;
use syn::parse::Parser;
use syn::spanned::Spanned;
use syn::{parse_macro_input, Attribute, Field, Fields, GenericArgument, ItemStruct, LitStr, PathArguments, Type};

#[derive(Default)]
struct Args {
    schema: Option<LitStr>,
    items: Option<LitStr>,
    wire: Option<LitStr>,
}

/// See the crate documentation.
#[proc_macro_attribute]
pub fn model(args: TokenStream, input: TokenStream) -> TokenStream {
    let mut parsed = Args::default();
    let parser = syn::meta::parser(|meta| {
        let slot = if meta.path.is_ident("schema") {
            &mut parsed.schema
        } else if meta.path.is_ident("items") {
            &mut parsed.items
        } else if meta.path.is_ident("wire") {
            &mut parsed.wire
        } else {
            return Err(meta.error("expected `schema = \"…\"`, `items = \"…\"` or `wire = \"…\"`"));
        };
        *slot = Some(meta.value()?.parse()?);
        Ok(())
    });
    parse_macro_input!(args with parser);
    let item = parse_macro_input!(input as ItemStruct);
    match expand(parsed, item) {
        Ok(ts) => ts.into(),
        Err(e) => e.to_compile_error().into(),
    }
}

fn expand(args: Args, mut item: ItemStruct) -> syn::Result<TokenStream2> {
    let name = item.ident.clone();
    let ts_name = name.to_string();
    let serde_container = serde_words(&item.attrs)?;
    let mut container_attrs: Vec<Attribute> = Vec::new();

    match &mut item.fields {
        Fields::Named(named) => {
            let rule = match (&args.wire, serde_container.rename_all.as_ref()) {
                (Some(w), _) => w.value(),
                (None, Some(r)) => r.clone(),
                (None, None) => "camelCase".to_string(),
            };
            if let Some(w) = &args.wire {
                container_attrs.push(syn::parse_quote!(#[serde(rename_all = #w)]));
            } else if serde_container.rename_all.is_none() {
                container_attrs.push(syn::parse_quote!(#[serde(rename_all = "camelCase")]));
            }
            let mut has_extra = false;
            let mut infos = Vec::new();
            for field in named.named.iter_mut() {
                if let Some(f) = process_field(field, &rule, &mut has_extra)? {
                    infos.push(f);
                }
            }
            let shape_fields: Vec<TokenStream2> = infos
                .iter()
                .map(|f| {
                    let (wire, optional, ty) = (&f.wire, f.optional, &f.ty);
                    quote!(crate::shape::FieldShape { name: #wire, optional: #optional, shape: <#ty as crate::shape::HasShape>::SHAPE })
                })
                .collect();
            let de = deserialize_impl(&name, &infos);
            if !has_extra {
                let extra: Field = Field::parse_named.parse2(quote! {
                    /// Fields this version does not name, kept as sent.
                    #[serde(flatten)]
                    pub extra: crate::wire::Extra
                })?;
                named.named.push(extra);
            }
            let shape_body = quote! {
                const SHAPE: crate::shape::Shape = crate::shape::Shape::Model(<#name as crate::shape::HasModelShape>::model_shape);
            };
            let model_shape = quote! {
                impl crate::shape::HasModelShape for #name {
                    fn model_shape() -> &'static crate::shape::ModelShape {
                        static SHAPE: crate::shape::ModelShape = crate::shape::ModelShape {
                            name: #ts_name,
                            module: ::core::module_path!(),
                            fields: &[#(#shape_fields),*],
                        };
                        &SHAPE
                    }
                }
                #de
            };
            Ok(finish(item, container_attrs, shape_body, Some(model_shape), &args, &name, &ts_name, false))
        }
        Fields::Unnamed(unnamed) if unnamed.unnamed.len() == 1 => {
            if !serde_container.transparent {
                container_attrs.push(syn::parse_quote!(#[serde(transparent)]));
            }
            let inner = unnamed.unnamed.first().map(|f| f.ty.clone()).ok_or_else(|| syn::Error::new(item.span(), "one field expected"))?;
            let shape_body = quote! { const SHAPE: crate::shape::Shape = <#inner as crate::shape::HasShape>::SHAPE; };
            Ok(finish(item, container_attrs, shape_body, None, &args, &name, &ts_name, true))
        }
        _ => Err(syn::Error::new(item.span(), "#[model] takes a struct with named fields or a one-field tuple struct")),
    }
}

// The pieces `expand` computed, passed on as they are; a struct for them would only rename them.
#[allow(clippy::too_many_arguments)]
fn finish(
    mut item: ItemStruct,
    container_attrs: Vec<Attribute>,
    shape_body: TokenStream2,
    model_shape: Option<TokenStream2>,
    args: &Args,
    name: &syn::Ident,
    ts_name: &str,
    serde_deserialize: bool,
) -> TokenStream2 {
    // Struct models get the hand-rolled Deserialize above; newtypes serde's (transparent).
    let derives: Attribute = if serde_deserialize {
        syn::parse_quote!(#[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, ::serde::Serialize, ::serde::Deserialize)])
    } else {
        syn::parse_quote!(#[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, ::serde::Serialize)])
    };
    let ts: Attribute = syn::parse_quote!(#[cfg_attr(feature = "ts", derive(::tsify::Tsify))]);
    let mut attrs = vec![derives, ts];
    attrs.append(&mut item.attrs);
    attrs.extend(container_attrs);
    item.attrs = attrs;
    let model_impl = args.schema.as_ref().map(|schema| {
        let items = match &args.items {
            Some(i) => quote!(::core::option::Option::Some(#i)),
            None => quote!(::core::option::Option::None),
        };
        quote! {
            impl crate::model::Model for #name {
                const SCHEMA: &'static str = #schema;
                const TS_NAME: &'static str = #ts_name;
                const ITEMS: ::core::option::Option<&'static str> = #items;
                fn run_rules(&self, v: &mut crate::validate::Validator) {
                    #[allow(unused_imports)]
                    use crate::validate::dispatch::{ViaNothing as _, ViaValidate as _};
                    (&crate::validate::dispatch::Rules(self)).run_rules(v)
                }
            }
        }
    });
    quote! {
        #item
        impl crate::shape::HasShape for #name { #shape_body }
        #model_shape
        #model_impl
    }
}

#[derive(Default)]
struct SerdeWords {
    skip_serializing_if: bool,
    rename: Option<String>,
    rename_all: Option<String>,
    default: bool,
    flatten: bool,
    skip: bool,
    transparent: bool,
    deserialize_with: bool,
}

fn serde_words(attrs: &[Attribute]) -> syn::Result<SerdeWords> {
    let mut w = SerdeWords::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            let key = meta.path.get_ident().map(|i| i.to_string()).unwrap_or_default();
            match key.as_str() {
                "rename" => w.rename = Some(meta.value()?.parse::<LitStr>()?.value()),
                "rename_all" => w.rename_all = Some(meta.value()?.parse::<LitStr>()?.value()),
                "default" => {
                    w.default = true;
                    if meta.input.peek(syn::Token![=]) {
                        meta.value()?.parse::<LitStr>()?;
                    }
                }
                "flatten" => w.flatten = true,
                "skip_serializing_if" => {
                    w.skip_serializing_if = true;
                    meta.value()?.parse::<LitStr>()?;
                }
                "skip" | "skip_deserializing" => w.skip = true,
                "transparent" => w.transparent = true,
                "deserialize_with" | "with" => {
                    w.deserialize_with = true;
                    meta.value()?.parse::<LitStr>()?;
                }
                _ => {
                    if meta.input.peek(syn::Token![=]) {
                        meta.value()?.parse::<syn::Expr>()?;
                    }
                }
            }
            Ok(())
        })?;
    }
    Ok(w)
}

/// The last path segment of a type and its first generic argument.
fn head(ty: &Type) -> Option<(String, Option<&Type>)> {
    let Type::Path(p) = ty else { return None };
    let seg = p.path.segments.last()?;
    let arg = match &seg.arguments {
        PathArguments::AngleBracketed(a) => a.args.iter().find_map(|g| match g {
            GenericArgument::Type(t) => Some(t),
            _ => None,
        }),
        _ => None,
    };
    Some((seg.ident.to_string(), arg))
}

const INTEGERS: &[&str] = &["i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "usize", "isize"];

fn is_integer(ty: Option<&Type>) -> bool {
    ty.and_then(head).is_some_and(|(h, a)| a.is_none() && INTEGERS.contains(&h.as_str()))
}

/// How a field is read.
struct FieldInfo {
    ident: syn::Ident,
    wire: String,
    ty: Type,
    /// Absent is fine: the field takes its `Default` (`Nullable::Absent`, `None`, …).
    optional: bool,
    /// Integers go through `crate::wire::int` (exact, at most 2^53 − 1).
    reader: Reader,
}

enum Reader {
    Plain,
    Int,
    NullableInt,
    OptionInt,
}

/// Adds the wire attributes to one field; returns how it is read (`None` for `extra` and skipped fields).
fn process_field(field: &mut Field, rule: &str, has_extra: &mut bool) -> syn::Result<Option<FieldInfo>> {
    let words = serde_words(&field.attrs)?;
    let (head_name, arg) = head(&field.ty).map_or((String::new(), None), |(h, a)| (h, a));
    // TypeScript attributes only exist with the `ts` feature.
    for attr in field.attrs.iter_mut() {
        if attr.path().is_ident("tsify") {
            let meta = &attr.meta;
            *attr = syn::parse_quote!(#[cfg_attr(feature = "ts", #meta)]);
        }
    }
    if head_name == "Extra" {
        *has_extra = true;
        if !words.flatten {
            field.attrs.push(syn::parse_quote!(#[serde(flatten)]));
        }
        return Ok(None);
    }
    if words.skip {
        return Ok(None);
    }
    let ident = field.ident.clone().ok_or_else(|| syn::Error::new(field.span(), "named field expected"))?;
    let mut optional = words.default;
    let has_tsify = field.attrs.iter().any(|a| a.to_token_stream_string().contains("tsify"));
    let mut reader = Reader::Plain;
    match head_name.as_str() {
        "Nullable" => {
            if !words.skip_serializing_if {
                field.attrs.push(syn::parse_quote!(#[serde(skip_serializing_if = "crate::wire::Nullable::is_absent")]));
            }
            if !has_tsify {
                field.attrs.push(syn::parse_quote!(#[cfg_attr(feature = "ts", tsify(optional))]));
            }
            optional = true;
            if is_integer(arg) {
                reader = Reader::NullableInt;
            }
        }
        // serde reads a missing Option as None; so do we.
        "Option" => {
            optional = true;
            if is_integer(arg) {
                reader = Reader::OptionInt;
            }
        }
        h if INTEGERS.contains(&h) => reader = Reader::Int,
        _ => {}
    }
    let rust_name = ident.to_string();
    let rust_name = rust_name.strip_prefix("r#").unwrap_or(&rust_name).to_string();
    let wire = match words.rename {
        Some(r) => r,
        None => rename(&rust_name, rule).ok_or_else(|| syn::Error::new(Span::call_site(), format!("unsupported rename_all {rule:?}")))?,
    };
    Ok(Some(FieldInfo { ident, wire, ty: field.ty.clone(), optional, reader }))
}

/// The `Deserialize` impl of a struct with named fields: one pass over the
/// object's keys, known fields read in place, every other key kept in
/// `extra`. (serde's derive with `flatten` buffers the whole object and reads
/// each field twice over: this one measured about a third of the wasm size.)
fn deserialize_impl(name: &syn::Ident, fields: &[FieldInfo]) -> TokenStream2 {
    let slots = fields.iter().enumerate().map(|(i, f)| {
        let slot = quote::format_ident!("__f{}", i);
        let ty = &f.ty;
        quote!(let mut #slot: ::core::option::Option<#ty> = ::core::option::Option::None;)
    });
    let arms = fields.iter().enumerate().map(|(i, f)| {
        let slot = quote::format_ident!("__f{}", i);
        let wire = &f.wire;
        let read = match f.reader {
            Reader::Plain => quote!(__map.next_value()?),
            Reader::Int => quote!(__map.next_value::<crate::wire::int::Exact<_>>()?.0),
            Reader::NullableInt => quote!(__map.next_value::<crate::wire::int::NullableExact<_>>()?.0),
            Reader::OptionInt => quote!(__map.next_value::<crate::wire::int::OptionExact<_>>()?.0),
        };
        quote! {
            #wire => {
                if #slot.is_some() {
                    return ::core::result::Result::Err(<__A::Error as ::serde::de::Error>::duplicate_field(#wire));
                }
                #slot = ::core::option::Option::Some(#read);
            }
        }
    });
    let inits = fields.iter().enumerate().map(|(i, f)| {
        let slot = quote::format_ident!("__f{}", i);
        let ident = &f.ident;
        let wire = &f.wire;
        if f.optional {
            quote!(#ident: #slot.unwrap_or_default(),)
        } else {
            quote!(#ident: match #slot {
                ::core::option::Option::Some(v) => v,
                ::core::option::Option::None => return ::core::result::Result::Err(<__A::Error as ::serde::de::Error>::missing_field(#wire)),
            },)
        }
    });
    quote! {
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<__D: ::serde::Deserializer<'de>>(__d: __D) -> ::core::result::Result<Self, __D::Error> {
                struct __Visitor;
                impl<'de> ::serde::de::Visitor<'de> for __Visitor {
                    type Value = #name;
                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str("an object")
                    }
                    fn visit_map<__A: ::serde::de::MapAccess<'de>>(self, mut __map: __A) -> ::core::result::Result<#name, __A::Error> {
                        #(#slots)*
                        let mut __extra = ::serde_json::Map::new();
                        while let ::core::option::Option::Some(__key) = __map.next_key::<crate::wire::Key<'de>>()? {
                            match __key.as_str() {
                                #(#arms)*
                                _ => {
                                    let __v: ::serde_json::Value = __map.next_value()?;
                                    __extra.insert(__key.into_string(), __v);
                                }
                            }
                        }
                        ::core::result::Result::Ok(#name { #(#inits)* extra: crate::wire::Extra(__extra) })
                    }
                }
                __d.deserialize_map(__Visitor)
            }
        }
    }
}

trait TokenString {
    fn to_token_stream_string(&self) -> String;
}

impl TokenString for Attribute {
    fn to_token_stream_string(&self) -> String {
        quote!(#self).to_string()
    }
}

/// serde's `rename_all` rules, applied to a snake_case field name.
fn rename(field: &str, rule: &str) -> Option<String> {
    let words: Vec<&str> = field.split('_').filter(|w| !w.is_empty()).collect();
    let cap = |w: &str| {
        let mut c = w.chars();
        c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
    };
    Some(match rule {
        "camelCase" => {
            let mut out = String::new();
            for (i, w) in words.iter().enumerate() {
                if i == 0 {
                    out.push_str(w);
                } else {
                    out.push_str(&cap(w));
                }
            }
            out
        }
        "PascalCase" => words.iter().map(|w| cap(w)).collect(),
        "snake_case" => field.to_string(),
        "lowercase" => field.to_lowercase(),
        "UPPERCASE" => field.to_uppercase(),
        "SCREAMING_SNAKE_CASE" => field.to_uppercase(),
        "kebab-case" => field.replace('_', "-"),
        _ => return None,
    })
}
