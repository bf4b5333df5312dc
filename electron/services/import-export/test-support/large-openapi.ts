/**
 * A large OpenAPI 3.0 description in YAML, shaped like Microsoft Graph's (58 MB for v1.0 at the time of writing):
 * deep entity paths with get/patch/delete, OData query parameters with long enums ($select, $expand, $orderby),
 * shared parameters and responses by $ref, and entity schemas that extend a base through allOf with described
 * properties. Written as text (no serializer) so that making 58 MB takes well under a second.
 */
const ENTITIES = [
  'user',
  'group',
  'message',
  'event',
  'calendar',
  'contact',
  'driveItem',
  'team',
  'channel',
  'site',
  'list',
  'plannerTask',
  'device',
  'application',
  'servicePrincipal',
];
const schemaName = (index: number): string => `microsoft.graph.${ENTITIES[index % ENTITIES.length]}${index}`;
const FIELD_TYPES = ['string', 'integer', 'boolean', 'date-time', 'ref'] as const;

function schemaYaml(entity: string, index: number): string {
  const lines = [
    `    ${schemaName(index)}:`,
    '      allOf:',
    "        - $ref: '#/components/schemas/microsoft.graph.entity'",
    '        - title: ' + entity + index,
    '          type: object',
    '          properties:',
  ];
  for (let f = 0; f < 24; f += 1) {
    const kind = FIELD_TYPES[f % FIELD_TYPES.length]!;
    lines.push(`            field${f}Of${entity}:`);
    if (kind === 'ref') lines.push(`              $ref: '#/components/schemas/${schemaName(Math.max(0, index - 1 - (f % 7)))}'`);
    else if (kind === 'date-time')
      lines.push(
        "              pattern: '^[0-9]{4,}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,12})?(Z|[+-][0-9][0-9]:[0-9][0-9])$'",
        '              type: string',
        '              format: date-time',
      );
    else lines.push(`              type: ${kind}`, '              nullable: true');
    lines.push(
      `              description: 'The ${kind} value ${f} of the ${entity}. Returned by default. Supports $filter (eq, ne, not, ge, le, in, startsWith, and eq on null values) and $orderby.'`,
    );
  }
  lines.push('          required:', `            - field0Of${entity}`);
  return lines.join('\n') + '\n';
}

function pathYaml(entity: string, index: number, schemaCount: number): string {
  const schema = schemaName(index % schemaCount);
  const base = `/${entity}s${index}/{${entity}-id}/items/{item-id}`;
  const fields = Array.from({ length: 24 }, (_, f) => `field${f}Of${entity}`);
  const enumOf = (values: string[]) => values.map((value) => `                - ${value}`).join('\n');
  const query = `          - name: $select
            in: query
            description: Select properties to be returned
            style: form
            explode: false
            schema:
              uniqueItems: true
              type: array
              items:
                enum:
${enumOf(['id', ...fields])}
                type: string
          - name: $expand
            in: query
            description: Expand related entities
            style: form
            explode: false
            schema:
              uniqueItems: true
              type: array
              items:
                enum:
${enumOf(["'*'", ...fields.slice(0, 8)])}
                type: string
          - $ref: '#/components/parameters/top'
          - $ref: '#/components/parameters/skip'
          - $ref: '#/components/parameters/search'
          - $ref: '#/components/parameters/filter'
          - $ref: '#/components/parameters/count'`;
  return `  '${base}':
    description: Provides operations to manage the items property of the microsoft.graph.${entity} entity.
    get:
      tags:
        - ${entity}s.${entity}
      summary: Get items from ${entity}s ${index}
      description: 'Retrieve the properties and relationships of a ${entity} object. This operation returns by default only a subset of the more commonly used properties for each ${entity}. These default properties are noted in the Properties section.'
      operationId: ${entity}s${index}.GetItems
      parameters:
${query}
      responses:
        2XX:
          description: Retrieved navigation property
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/${schema}'
        4XX:
          $ref: '#/components/responses/error'
    patch:
      tags:
        - ${entity}s.${entity}
      summary: Update the navigation property items in ${entity}s ${index}
      operationId: ${entity}s${index}.UpdateItems
      requestBody:
        description: New navigation property values
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/${schema}'
        required: true
      responses:
        2XX:
          description: Success
        4XX:
          $ref: '#/components/responses/error'
    delete:
      tags:
        - ${entity}s.${entity}
      summary: Delete navigation property items for ${entity}s ${index}
      operationId: ${entity}s${index}.DeleteItems
      parameters:
        - name: If-Match
          in: header
          description: ETag
          schema:
            type: string
      responses:
        2XX:
          description: Success
        4XX:
          $ref: '#/components/responses/error'
    parameters:
      - name: ${entity}-id
        in: path
        description: The unique identifier of ${entity}
        required: true
        schema:
          type: string
      - name: item-id
        in: path
        description: The unique identifier of item
        required: true
        schema:
          type: string
`;
}

const HEAD = `openapi: 3.0.4
info:
  title: Generated Graph-sized API
  description: 'A generated description the size of Microsoft Graph v1.0, for the import benchmark.'
  version: v1.0
servers:
  - url: https://graph.example.com/v1.0
    description: Core
security:
  - azureaadv2: []
paths:
`;

const COMPONENTS_HEAD = `components:
  schemas:
    microsoft.graph.entity:
      title: entity
      type: object
      properties:
        id:
          type: string
          description: The unique identifier for an entity. Read-only.
    microsoft.graph.ODataErrors.ODataError:
      type: object
      properties:
        error:
          type: object
          properties:
            code: { type: string }
            message: { type: string }
`;

const COMPONENTS_TAIL = `  responses:
    error:
      description: error
      content:
        application/json:
          schema:
            $ref: '#/components/schemas/microsoft.graph.ODataErrors.ODataError'
  parameters:
    top:
      name: $top
      in: query
      description: Show only the first n items
      style: form
      explode: false
      schema:
        minimum: 0
        type: integer
      example: 50
    skip:
      name: $skip
      in: query
      description: Skip the first n items
      style: form
      explode: false
      schema:
        minimum: 0
        type: integer
    search:
      name: $search
      in: query
      description: Search items by search phrases
      style: form
      explode: false
      schema:
        type: string
    filter:
      name: $filter
      in: query
      description: Filter items by property values
      style: form
      explode: false
      schema:
        type: string
    count:
      name: $count
      in: query
      description: Include count of items
      style: form
      explode: false
      schema:
        type: boolean
  securitySchemes:
    azureaadv2:
      type: oauth2
      flows:
        authorizationCode:
          authorizationUrl: https://login.example.com/common/oauth2/v2.0/authorize
          tokenUrl: https://login.example.com/common/oauth2/v2.0/token
          scopes: {}
`;

/** About `targetBytes` of YAML (UTF-8); one schema per 8 paths, as in Graph. Returns the text and its operation count. */
export function largeOpenApiYaml(targetBytes: number): { text: string; operations: number } {
  const pathBytes = pathYaml('user', 0, 1).length;
  const schemaBytes = schemaYaml('user', 0).length;
  const pathCount = Math.max(1, Math.round((targetBytes - HEAD.length - COMPONENTS_HEAD.length - COMPONENTS_TAIL.length) / (pathBytes + schemaBytes / 8)));
  const schemaCount = Math.max(1, Math.ceil(pathCount / 8));
  const parts = [HEAD];
  for (let i = 0; i < pathCount; i += 1) parts.push(pathYaml(ENTITIES[i % ENTITIES.length]!, i, schemaCount));
  parts.push(COMPONENTS_HEAD);
  for (let i = 0; i < schemaCount; i += 1) parts.push(schemaYaml(ENTITIES[i % ENTITIES.length]!, i));
  parts.push(COMPONENTS_TAIL);
  return { text: parts.join(''), operations: pathCount * 3 };
}
