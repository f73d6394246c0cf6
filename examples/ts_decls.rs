//! Prints the TypeScript the derive cannot emit: open-enum declarations, the
//! schema-name → type map, the page and list schema names and the `RuleId`
//! union of the rule registry.
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
    println!("/** The page and list schemas: the ones whose items `dropInvalidItems` may drop. */");
    let lists: Vec<String> = formakit::schema::all().filter(|s| s.items.is_some()).map(|s| format!("{:?}", s.name)).collect();
    println!("export type ListSchemaName = {};", if lists.is_empty() { "never".to_string() } else { lists.join(" | ") });
    println!("/** Every rule id an issue can carry: the structural `shape.*` ids, then each provider's rules. */");
    let ids: Vec<String> = formakit::rules_registry::all_rules().map(|id| format!("{id:?}")).collect();
    println!("export type RuleId =\n    | {};", ids.join("\n    | "));
}
