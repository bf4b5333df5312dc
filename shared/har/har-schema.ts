import { z } from 'zod';

/** HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/): only what Courier reads is required; the rest passes. */
const nameValue = z.object({ name: z.string(), value: z.string() }).passthrough();

const harContentSchema = z
  .object({
    size: z.number(),
    mimeType: z.string().optional(),
    text: z.string().optional(),
    encoding: z.string().optional(),
  })
  .passthrough();

const harPostDataSchema = z
  .object({
    mimeType: z.string().optional(),
    text: z.string().optional(),
    /** Courier writes binary request bodies as base64 with this (HAR has no encoding field for postData) */
    _encoding: z.string().optional(),
    params: z.array(z.object({ name: z.string(), value: z.string().optional() }).passthrough()).optional(),
  })
  .passthrough();

export const harEntrySchema = z
  .object({
    startedDateTime: z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'expected an ISO 8601 date'),
    time: z.number(),
    request: z
      .object({
        method: z.string().min(1),
        url: z.string().min(1),
        httpVersion: z.string(),
        headers: z.array(nameValue),
        queryString: z.array(nameValue).optional(),
        cookies: z.array(z.unknown()).optional(),
        headersSize: z.number().optional(),
        bodySize: z.number().optional(),
        postData: harPostDataSchema.optional(),
      })
      .passthrough(),
    response: z
      .object({
        status: z.number(),
        statusText: z.string(),
        httpVersion: z.string(),
        headers: z.array(nameValue),
        cookies: z.array(z.unknown()).optional(),
        content: harContentSchema,
        redirectURL: z.string().optional(),
        headersSize: z.number().optional(),
        bodySize: z.number().optional(),
      })
      .passthrough(),
    timings: z
      .object({
        blocked: z.number().optional(),
        dns: z.number().optional(),
        connect: z.number().optional(),
        send: z.number().optional(),
        wait: z.number().optional(),
        receive: z.number().optional(),
        ssl: z.number().optional(),
      })
      .passthrough()
      .optional(),
    serverIPAddress: z.string().optional(),
    /** Courier's own: the error of an exchange that failed before a response (HAR allows "_"-prefixed fields) */
    _error: z.object({ code: z.string(), message: z.string(), detail: z.string().optional() }).optional(),
    _pinned: z.boolean().optional(),
  })
  .passthrough();
export type HarEntry = z.infer<typeof harEntrySchema>;

export const harSchema = z.object({
  log: z
    .object({
      version: z.string(),
      creator: z.object({ name: z.string(), version: z.string() }).passthrough(),
      entries: z.array(harEntrySchema),
    })
    .passthrough(),
});
export type Har = z.infer<typeof harSchema>;
