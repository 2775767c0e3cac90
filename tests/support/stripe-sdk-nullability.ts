// Answers "may this field be null?" from the stripe SDK's own type declarations (generated from
// Stripe's OpenAPI spec), so the conformance test accepts a null only where Stripe itself may send
// one, and not because someone listed it by hand.
import path from "node:path";
import ts from "typescript";

export type StripeResourceName = "checkout.session" | "payment_intent" | "refund" | "event";

const TYPE_OF_RESOURCE: Record<StripeResourceName, string> = {
  "checkout.session": "Stripe.Checkout.Session",
  payment_intent: "Stripe.PaymentIntent",
  refund: "Stripe.Refund",
  event: "Stripe.Event",
};

export type NullabilityOracle = (resource: StripeResourceName, fieldPath: readonly string[]) => boolean;

/** Compiles a one-line probe against node_modules/stripe (about 2 s) and walks its types. */
export function loadStripeNullability(root = process.cwd()): NullabilityOracle {
  // The probe lives (virtually) in the project so "stripe" resolves as the app's code resolves it.
  const probeFile = path.join(root, "__stripe_nullability_probe__.ts");
  const probeSource = [
    'import type Stripe from "stripe";',
    ...Object.entries(TYPE_OF_RESOURCE).map(([name, type]) => `export type ${aliasOf(name)} = ${type};`),
  ].join("\n");
  const host = ts.createCompilerHost({});
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => (file === probeFile ? probeSource : readFile(file));
  host.fileExists = (file) => file === probeFile || fileExists(file);
  host.getSourceFile = (file, language, onError) =>
    file === probeFile ? ts.createSourceFile(file, probeSource, language) : getSourceFile(file, language, onError);
  const program = ts.createProgram(
    [probeFile],
    {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
    },
    host,
  );
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(probeFile);
  if (!source) throw new Error("the nullability probe did not compile");
  const roots = new Map<string, ts.Type>();
  ts.forEachChild(source, (node) => {
    if (ts.isTypeAliasDeclaration(node)) roots.set(node.name.text, checker.getTypeAtLocation(node.name));
  });
  const unresolved = Object.keys(TYPE_OF_RESOURCE).filter(
    (name) => (roots.get(aliasOf(name))?.flags ?? ts.TypeFlags.Any) & ts.TypeFlags.Any,
  );
  if (unresolved.length > 0) throw new Error(`stripe types not found for ${unresolved.join(", ")}`);

  const includesNull = (type: ts.Type) =>
    type.isUnion() ? type.types.some((member) => member.flags & ts.TypeFlags.Null) : !!(type.flags & ts.TypeFlags.Null);

  return (resource, fieldPath) => {
    let type = roots.get(aliasOf(resource));
    if (type === undefined || fieldPath.length === 0) return false;
    for (const segment of fieldPath) {
      const container: ts.Type = checker.getNonNullableType(type);
      if (segment === "[]") {
        type = checker.getIndexTypeOfType(container, ts.IndexKind.Number);
      } else {
        const property = checker.getPropertyOfType(container, segment);
        type = property ? checker.getTypeOfSymbol(property) : undefined;
      }
      if (type === undefined) throw new Error(`${resource}: no field ${fieldPath.join(".")} in the stripe SDK types`);
    }
    return includesNull(type);
  };
}

function aliasOf(resource: string): string {
  return `Probe_${resource.replace(/\W/g, "_")}`;
}
