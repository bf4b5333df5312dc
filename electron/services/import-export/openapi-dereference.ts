import { CourierError } from '../../../shared/contract';
import { externalReferences, type ResolvedOpenApi } from '../../../shared/importers';
import { resolveLocalReferences } from './local-references';

/** what swagger-parser accepts (its own list): other versions go to it for its error message */
const OPENAPI_VERSIONS = ['3.1.0', '3.1.1', '3.1.2', '3.0.0', '3.0.1', '3.0.2', '3.0.3', '3.0.4'];

/** a document swagger-parser would take as it is, so that resolving it without the library changes nothing else */
function plainDocument(document: Record<string, unknown>): boolean {
  const info = document.info;
  if (typeof info === 'object' && info !== null && typeof (info as { version?: unknown }).version === 'number') return false;
  if (document.swagger !== undefined) return document.swagger === '2.0';
  return OPENAPI_VERSIONS.includes(document.openapi as string) && document.paths !== undefined;
}

/**
 * Resolves every $ref inside the document (circular ones become real object cycles, which the example generator
 * bounds) and names the references left unresolved. External references are not followed: an imported file must not
 * make Courier read other files or reach the network. Documents whose references are all plain local pointers (most,
 * Microsoft Graph's and GitHub's among them) are resolved by resolveLocalReferences with the same result, its walk
 * noting the external references too (a walk of its own was a twentieth of a 58 MB import); the rest by swagger-parser.
 */
export async function resolveOpenApi(document: Record<string, unknown>): Promise<ResolvedOpenApi> {
  if (plainDocument(document)) {
    const resolved = resolveLocalReferences(document);
    if (resolved !== null) return { document: resolved.document, unresolved: resolved.external };
  }
  // before the library: it may resolve in place, and the resolved graph is far larger (and cyclic)
  const unresolved = externalReferences(document);
  try {
    // loaded on first use: every process that builds the services (the app, web mode, `courier run`) would otherwise
    // pay for it at start, and only an OpenAPI import needs it
    const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
    const parser = new SwaggerParser();
    const result = await parser.dereference(
      document as never,
      {
        resolve: { external: false },
        dereference: { circular: true },
        validate: { schema: false, spec: false },
      } as never,
    );
    return { document: result as unknown as Record<string, unknown>, unresolved };
  } catch (error) {
    throw new CourierError(
      'INVALID_IMPORT',
      `The OpenAPI document could not be resolved: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    );
  }
}

/** resolveOpenApi's document alone */
export async function dereferenceOpenApi(document: Record<string, unknown>): Promise<Record<string, unknown>> {
  return (await resolveOpenApi(document)).document;
}
