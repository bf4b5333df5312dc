import { parse, type OperationTypeNode } from 'graphql';

type OperationType = `${OperationTypeNode}`;

interface OperationInfo {
  /** null for an anonymous operation */
  name: string | null;
  type: OperationType;
}

// While the user types, the document is often unparsable; a scan for operation headers still finds the names.
const HEADER = /(?:^|[\s}])(query|mutation|subscription)\b\s*([_A-Za-z][_0-9A-Za-z]*)?/g;

function scanOperations(query: string): OperationInfo[] {
  const withoutComments = query.replace(/#[^\n\r]*/g, '').replace(/"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"/g, '""');
  const found: OperationInfo[] = [];
  for (const match of withoutComments.matchAll(HEADER)) found.push({ type: match[1] as OperationType, name: match[2] ?? null });
  if (found.length === 0 && /^\s*\{/.test(withoutComments)) found.push({ type: 'query', name: null });
  return found;
}

/** The operations a document defines, in order. */
export function listOperations(query: string): OperationInfo[] {
  try {
    const document = parse(query, { noLocation: true });
    return document.definitions.flatMap((definition) =>
      definition.kind === 'OperationDefinition' ? [{ name: definition.name?.value ?? null, type: definition.operation as OperationType }] : [],
    );
  } catch {
    return scanOperations(query);
  }
}

/**
 * The operation that will run: the named one, or the only one. Null when the choice is ambiguous (several
 * operations and no name) or the name matches none; the server will say so, we only need it to route subscriptions.
 */
export function selectedOperation(query: string, operationName: string): OperationInfo | null {
  const operations = listOperations(query);
  const name = operationName.trim();
  if (name !== '') return operations.find((operation) => operation.name === name) ?? null;
  return operations.length === 1 ? operations[0]! : null;
}

export function isSubscription(query: string, operationName: string): boolean {
  return selectedOperation(query, operationName)?.type === 'subscription';
}
