/** A workspace file as JSON.parse gave it: one version's shape, before any schema has looked at it. */
export type FileObject = { readonly [key: string]: unknown };

/** Turns a file of version n into the same file at version n + 1; pure, so it is tested with plain objects. */
export type UpgradeStep = (file: FileObject) => FileObject;
