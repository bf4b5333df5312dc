/**
 * Every kind of text or folder the importers take, in the words the Import dialog's intro and the "not recognised"
 * error use: one list, so that a format added to detectImport is named in both or in neither.
 */
const ACCEPTED_FORMATS: readonly string[] = [
  'curl commands',
  'Postman collections (v1, v2.0, v2.1) and environments',
  'Insomnia v4 and v5 exports',
  'OpenAPI 3.x and Swagger 2.0 (JSON or YAML)',
  'HAR 1.2 (files or single requests)',
  'Hoppscotch collections and environments',
  'Bruno .bru requests and collection folders',
];

/** "a, b and c" */
export const acceptedFormatsSentence = (): string => `${ACCEPTED_FORMATS.slice(0, -1).join(', ')} and ${ACCEPTED_FORMATS.at(-1)}`;
