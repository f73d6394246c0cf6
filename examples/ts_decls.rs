//! Prints the TypeScript the derive cannot emit: open-enum declarations and
//! the schema-name → type map. `scripts/build-pkg.mjs` writes it into the
//! package's `types.d.ts` next to the tsify-generated interfaces.
fn main() {
    for decl in formakit::schema::ts_declarations() {
        println!("{decl}");
    }
    println!("/** Every schema name and the type `parse` returns for it. */");
    println!("export interface Schemas {{");
    for s in formakit::schema::all() {
        println!("    {:?}: {};", s.name, s.ts_type);
    }
    println!("}}");
}
