import { CourierError } from '../../../shared/contract';

/**
 * Resolves every $ref inside the document (circular ones become real object cycles, which the example generator
 * bounds). External references are not followed: an imported file must not make Courier read other files or reach
 * the network.
 */
export async function dereferenceOpenApi(document: Record<string, unknown>): Promise<Record<string, unknown>> {
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
