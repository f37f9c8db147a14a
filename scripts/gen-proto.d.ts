/** The files of `pkg`'s generated/ (name → text) as committed, and as `pnpm gen-proto` makes them afresh. */
export function generatedFiles(pkg: string): { readonly committed: ReadonlyMap<string, string>; readonly fresh: ReadonlyMap<string, string> };
