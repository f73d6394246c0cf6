//! Prints the TypeScript the derive cannot emit: open-enum declarations, the
//! schema-name → type map and the `RuleId` union of the rule registry.
//! `scripts/build-pkg.mjs` writes it into the package's `types.d.ts` next to
//! the tsify-generated interfaces.
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
    println!("/** Every rule id an issue can carry: the structural `shape.*` ids, then each provider's rules. */");
    let ids: Vec<String> = formakit::rules_registry::all_rules().map(|id| format!("{id:?}")).collect();
    println!("export type RuleId =\n    | {};", ids.join("\n    | "));
}
