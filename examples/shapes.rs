//! Prints the shape descriptors of every schema as JSON (`src/shape.rs`):
//! the input of `scripts/gen-checkers.mjs`, which writes the JavaScript
//! checkers `parse` and `safeParse` run over `JSON.parse`'s output.
fn main() {
    println!("{}", formakit::schema::descriptors_json());
}
