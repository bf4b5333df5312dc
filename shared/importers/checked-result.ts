import { z } from 'zod';
import {
  importedCollectionSchema,
  importedRequestSchema,
  importResultSchema,
  savedScriptsSchema,
  type HttpRequestSpec,
  type ImportedFolder,
  type ImportedItem,
} from '../contract';

/**
 * The contract's check of an import result around requests that were each parsed with httpRequestSpecSchema as they
 * were made (the OpenAPI converter does): collections, folders, names, environments and warnings are checked and
 * defaulted as by importResultSchema, the requests are taken as they are. Parsing Microsoft Graph's 37,845 requests
 * a second time was a tenth of its import.
 */
const madeRequestSchema = z.custom<HttpRequestSpec>((value) => typeof value === 'object' && value !== null, 'a request is missing');

const requestItemSchema = importedRequestSchema.extend({ request: madeRequestSchema });
const folderSchema: z.ZodType<ImportedFolder> = z.lazy(() =>
  z.object({
    type: z.literal('folder'),
    name: z.string(),
    description: z.string(),
    items: z.array(itemSchema),
    scripts: savedScriptsSchema.optional(),
  }),
);
const itemSchema: z.ZodType<ImportedItem> = z.lazy(() => z.union([requestItemSchema, folderSchema]));

export const resultAroundRequestsSchema = importResultSchema.extend({
  collections: z.array(importedCollectionSchema.extend({ items: z.array(itemSchema) })),
});
