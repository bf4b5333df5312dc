import { HTTP_TOKEN } from '../contract/values';

/** The methods offered in the picker; anything else is typed as a custom method. */
export const STANDARD_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
type StandardMethod = (typeof STANDARD_METHODS)[number];

export function isStandardMethod(method: string): method is StandardMethod {
  return (STANDARD_METHODS as readonly string[]).includes(method);
}

/** A plain-words reason a typed method cannot be sent, or null when it can. */
export function validateMethod(method: string): string | null {
  const trimmed = method.trim();
  if (trimmed === '') return 'Enter a method name, for example GET or PROPFIND.';
  if (!HTTP_TOKEN.test(trimmed)) return `"${trimmed}" is not a valid method name: use letters, digits and - _ . ! only, no spaces.`;
  return null;
}

/** Methods that conventionally carry no body; the builder says so rather than refusing. */
export function methodUsuallyHasNoBody(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}
