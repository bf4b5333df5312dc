import { z } from 'zod';
import { requestAuthSchema } from './auth';
import { httpRequestSpecSchema, keyValueSchema } from './http';
import { savedScriptsSchema, type SavedScripts } from './scripts';

/**
 * What every importer produces, whatever the source: collections of folders and requests, environments, and what
 * could not be carried over. It is neutral on purpose: the workspace decides how to store it (files, tabs).
 */
const IMPORT_FORMATS = ['curl', 'postman', 'insomnia', 'openapi', 'har', 'bruno', 'hoppscotch'] as const;
export const importFormatSchema = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof importFormatSchema>;

export const importedRequestSchema = z.object({
  type: z.literal('request'),
  name: z.string(),
  description: z.string().default(''),
  request: httpRequestSpecSchema,
});
export type ImportedRequest = z.infer<typeof importedRequestSchema>;

export interface ImportedFolder {
  type: 'folder';
  name: string;
  description: string;
  items: ImportedItem[];
  /** run around every request in the folder (Postman folder events) */
  scripts?: SavedScripts;
}
export type ImportedItem = ImportedRequest | ImportedFolder;

const importedFolderSchema: z.ZodType<ImportedFolder> = z.lazy(() =>
  z.object({
    type: z.literal('folder'),
    name: z.string(),
    description: z.string(),
    items: z.array(importedItemSchema),
    scripts: savedScriptsSchema.optional(),
  }),
);
const importedItemSchema: z.ZodType<ImportedItem> = z.lazy(() => z.union([importedRequestSchema, importedFolderSchema]));

export const importedCollectionSchema = z.object({
  name: z.string(),
  description: z.string().default(''),
  /** collection-scope variables; secret values are never invented, only carried over when the file had them */
  variables: z.array(keyValueSchema).default([]),
  /** inherited by requests whose own auth is none (Postman and Insomnia put auth on collections and folders) */
  auth: requestAuthSchema.default({ kind: 'none' }),
  /** run around every request of the collection (Postman collection events) */
  scripts: savedScriptsSchema.optional(),
  items: z.array(importedItemSchema),
});
export type ImportedCollection = z.infer<typeof importedCollectionSchema>;

export const importedEnvironmentSchema = z.object({
  name: z.string(),
  /**
   * secret: the source marked it secret. Its value, when the file had one (Postman), is saved into the vault only,
   * never into the environment; without one (Bruno, Hoppscotch keep it elsewhere) the user sets it in the vault.
   */
  variables: z.array(keyValueSchema.extend({ secret: z.boolean().optional() })),
});
export type ImportedEnvironment = z.infer<typeof importedEnvironmentSchema>;

/** Something the importer could not carry over; `item` is the path of names, e.g. "Users / Get user". */
export const importWarningSchema = z.object({ item: z.string(), message: z.string() });
export type ImportWarning = z.infer<typeof importWarningSchema>;

export const importResultSchema = z.object({
  format: importFormatSchema,
  /** e.g. "Postman Collection v2.1", "OpenAPI 3.1.0" */
  formatLabel: z.string(),
  collections: z.array(importedCollectionSchema),
  environments: z.array(importedEnvironmentSchema).default([]),
  warnings: z.array(importWarningSchema),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** Code snippet targets offered in the export menu: httpsnippet's target and client ids; Rust is Courier's own. */
export const SNIPPET_TARGETS = [
  { id: 'javascript:fetch', label: 'JavaScript (fetch)' },
  { id: 'node:axios', label: 'Node.js (axios)' },
  { id: 'node:fetch', label: 'Node.js (fetch)' },
  { id: 'python:requests', label: 'Python (requests)' },
  { id: 'go:native', label: 'Go (net/http)' },
  { id: 'java:okhttp', label: 'Java (OkHttp)' },
  { id: 'java:nethttp', label: 'Java (java.net.http)' },
  { id: 'csharp:httpclient', label: 'C# (HttpClient)' },
  { id: 'php:guzzle', label: 'PHP (Guzzle)' },
  { id: 'ruby:native', label: 'Ruby (net/http)' },
  { id: 'rust:reqwest', label: 'Rust (reqwest)' },
  { id: 'c:libcurl', label: 'C (libcurl)' },
  { id: 'swift:urlsession', label: 'Swift (URLSession)' },
  { id: 'kotlin:okhttp', label: 'Kotlin (OkHttp)' },
  { id: 'powershell:restmethod', label: 'PowerShell (Invoke-RestMethod)' },
  { id: 'shell:httpie', label: 'HTTPie' },
] as const;
export type SnippetTargetId = (typeof SNIPPET_TARGETS)[number]['id'];
export const snippetTargetSchema = z.enum(SNIPPET_TARGETS.map((target) => target.id) as [SnippetTargetId, ...SnippetTargetId[]]);

/**
 * A request ready to be written out: variables already replaced (plain ones by value) and every secret turned into
 * a named environment-variable slot. It never holds a secret's value.
 */
export const exportableRequestSchema = z.object({
  method: z.string(),
  url: z.string(),
  headers: z.array(z.object({ name: z.string(), value: z.string() })),
  body: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('none') }),
    z.object({ kind: z.literal('text'), text: z.string(), contentType: z.string() }),
    z.object({ kind: z.literal('form'), fields: z.array(z.object({ name: z.string(), value: z.string() })) }),
    z.object({
      kind: z.literal('multipart'),
      parts: z.array(z.object({ name: z.string(), value: z.string(), fileName: z.string().nullable(), contentType: z.string().nullable() })),
    }),
    z.object({ kind: z.literal('binary'), fileName: z.string().nullable(), contentType: z.string() }),
  ]),
  /** Basic and Digest stay separate: curl writes them as -u, other targets as a header (Basic) or not at all */
  auth: z.object({ kind: z.enum(['basic', 'digest']), username: z.string(), password: z.string() }).nullable(),
  /** curl only: flags with no header equivalent */
  insecure: z.boolean(),
  /** names of environment variables the text refers to through ENV_SLOT markers */
  envNames: z.array(z.string()),
  /** for each slot name: one line saying what to put in it (which variable or credential it stands for) */
  envHints: z.record(z.string(), z.string()),
});
export type ExportableRequest = z.infer<typeof exportableRequestSchema>;

/**
 * A name the exported code reads (an environment variable, or a {{variable}} in Postman and HAR) and what to put in
 * it. The export dialog lists exactly these, for the chosen target.
 */
export const exportInputSchema = z.object({ name: z.string(), hint: z.string() });
export type ExportInput = z.infer<typeof exportInputSchema>;
