import { z } from 'zod';
import { OAUTH2_GRANTS } from './values';

/**
 * Authentication as composed in the request builder. Every text field may hold {{variables}}; the main process
 * resolves them, applies the scheme and never sends the resolved values back to the renderer.
 */

const text = (max = 64 * 1024) => z.string().max(max);

export const oauth2AuthSchema = z.object({
  kind: z.literal('oauth2'),
  grant: z.enum(OAUTH2_GRANTS).default('client_credentials'),
  /** token endpoint (both grants) */
  tokenUrl: text(8192).default(''),
  /** authorization endpoint (authorization code only) */
  authorizationUrl: text(8192).default(''),
  clientId: text().default(''),
  clientSecret: text().default(''),
  scope: text().default(''),
  /** extra audience parameter some servers want (Auth0 and others); empty = not sent */
  audience: text().default(''),
  /** how the client authenticates at the token endpoint */
  clientAuth: z.enum(['basic', 'body']).default('basic'),
  /** fixed loopback port for the redirect (RFC 8252 §7.3); 0 = any free port */
  redirectPort: z.number().int().min(0).max(65535).default(0),
  /** what goes before the token in Authorization */
  headerPrefix: text(64).default('Bearer'),
  /** refresh (or fetch again, for client credentials) when the token expires within a minute */
  autoRefresh: z.boolean().default(true),
});
export type OAuth2Auth = z.infer<typeof oauth2AuthSchema>;

export const requestAuthSchema = z.discriminatedUnion('kind', [
  /** a request in a collection: the auth of its nearest folder or collection that has one (none if no parent has) */
  z.object({ kind: z.literal('inherit') }),
  /** really none: nothing is sent, whatever the collection has */
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('basic'), username: text(), password: text() }),
  z.object({ kind: z.literal('bearer'), token: text(), prefix: text(64).default('Bearer') }),
  z.object({ kind: z.literal('apikey'), name: text(8192), value: text(), in: z.enum(['header', 'query']).default('header') }),
  z.object({ kind: z.literal('digest'), username: text(), password: text() }),
  oauth2AuthSchema,
]);
export type RequestAuth = z.infer<typeof requestAuthSchema>;
export type RequestAuthInput = z.input<typeof requestAuthSchema>;
export type AuthKind = RequestAuth['kind'];

/** What the renderer may know of an OAuth token: never the token itself. */
export const oauth2TokenInfoSchema = z.object({
  tokenType: z.string(),
  /** first and last characters only, e.g. "eyJh…Xw9c" */
  preview: z.string(),
  scope: z.string().nullable(),
  obtainedAt: z.number(),
  /** epoch ms; null when the server did not say */
  expiresAt: z.number().nullable(),
  hasRefreshToken: z.boolean(),
});
export type OAuth2TokenInfo = z.infer<typeof oauth2TokenInfoSchema>;
