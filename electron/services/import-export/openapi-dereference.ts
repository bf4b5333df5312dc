import { CourierError } from '../../../shared/contract';
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
 * bounds). External references are not followed: an imported file must not make Courier read other files or reach
 * the network. Documents whose references are all plain local pointers (most, Microsoft Graph's and GitHub's among
 * them) are resolved by resolveLocalReferences with the same result; the rest by swagger-parser.
 */
export async function dereferenceOpenApi(document: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (plainDocument(document)) {
    const resolved = resolveLocalReferences(document);
    if (resolved !== null) return resolved;
  }
  try {
    // loaded on first use: every process that builds the services (the app, web mode, `courier run`) would otherwise
    // pay for it at start, and only an OpenAPI import needs it
    const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
    const parser = new SwaggerParser();
    const result = await parser.dereference(document as never, {
      resolve: { external: false },
      dereference: { circular: true },
      validate: { schema: false, spec: false },
    } as never);
    return result as unknown as Record<string, unknown>;
  } catch (error) {
    throw new CourierError('INVALID_IMPORT', `The OpenAPI document could not be resolved: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}
