import { z } from 'zod';

/** One cookie in the jar, as the Cookies dialog lists it. */
export const storedCookieSchema = z.object({
  /** without a leading dot; hostOnly tells whether subdomains get it too */
  domain: z.string(),
  /** true: sent to exactly this host (no Domain attribute); false: to the domain and its subdomains */
  hostOnly: z.boolean(),
  path: z.string(),
  name: z.string(),
  value: z.string(),
  /** epoch ms; null: a session cookie, kept until Courier quits or the jar is cleared */
  expires: z.number().nullable(),
  secure: z.boolean(),
  httpOnly: z.boolean(),
});
export type StoredCookie = z.infer<typeof storedCookieSchema>;

/** Which cookie to delete: the jar's key is domain, path and name together. */
export const cookieKeySchema = z.object({
  domain: z.string().min(1).max(512),
  path: z.string().min(1).max(4096),
  name: z.string().max(4096),
});
export type CookieKey = z.infer<typeof cookieKeySchema>;
