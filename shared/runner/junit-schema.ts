/** An element as any DOM parser gives it (happy-dom's in the tests): enough to walk a JUnit document. */
interface XmlElement {
  tagName: string;
  attributes: ArrayLike<{ name: string }>;
  children: ArrayLike<XmlElement>;
  getAttribute(name: string): string | null;
}

// The rules of the JUnit schema CI tools share (Jenkins' junit-10.xsd, which GitLab and the GitHub test reporters
// also read): which elements go where, which attributes each may carry, which are required. No XSD validator is
// installed here, so the schema's rules are written out; the report tests and the CLI tests check files against them.
const ALLOWED: Record<string, { attributes: string[]; required: string[]; children: string[] }> = {
  testsuites: { attributes: ['name', 'tests', 'failures', 'errors', 'skipped', 'time', 'disabled'], required: [], children: ['testsuite'] },
  testsuite: {
    attributes: ['name', 'tests', 'failures', 'errors', 'skipped', 'time', 'timestamp', 'id', 'hostname', 'package', 'disabled'],
    required: ['name', 'tests'],
    children: ['testcase', 'properties', 'system-out', 'system-err'],
  },
  testcase: {
    attributes: ['name', 'classname', 'time', 'assertions', 'status'],
    required: ['name'],
    children: ['skipped', 'error', 'failure', 'system-out', 'system-err'],
  },
  failure: { attributes: ['message', 'type'], required: [], children: [] },
  error: { attributes: ['message', 'type'], required: [], children: [] },
  skipped: { attributes: ['message'], required: [], children: [] },
};

const FORMATS: Record<string, RegExp> = {
  tests: /^\d+$/,
  failures: /^\d+$/,
  errors: /^\d+$/,
  skipped: /^\d+$/,
  time: /^\d+(\.\d+)?$/,
  timestamp: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/,
};

/** What in a JUnit document breaks junit-10.xsd's rules, one line each naming where; empty when it follows them. */
export function junitSchemaProblems(element: XmlElement, where = ''): string[] {
  const here = `${where}/${element.tagName}`;
  const rule = ALLOWED[element.tagName];
  if (rule === undefined) return [`${here}: not a JUnit element`];
  const names = Array.from(element.attributes, (attribute) => attribute.name);
  const problems = [
    ...names.filter((name) => !rule.attributes.includes(name)).map((name) => `${here}@${name}: not allowed`),
    ...rule.required.filter((name) => !names.includes(name)).map((name) => `${here}: needs ${name}`),
    ...names
      .filter((name) => FORMATS[name] !== undefined && !FORMATS[name].test(element.getAttribute(name) ?? ''))
      .map((name) => `${here}@${name}: "${element.getAttribute(name) ?? ''}" is not its format`),
  ];
  for (const child of Array.from(element.children)) {
    if (!rule.children.includes(child.tagName)) problems.push(`${here} > ${child.tagName}: not allowed here`);
    else problems.push(...junitSchemaProblems(child, here));
  }
  return problems;
}
