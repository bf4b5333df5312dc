import { isOnlyReferences } from './references';

// Below this a secret's letters turn up by chance in URLs, JSON and headers the server sends back.
const SHORT_SECRET_LENGTH = 8;

// Words people use as throwaway passwords and tokens: they occur in ordinary text (paths, field names) all the time.
const COMMON_WORDS = new Set([
  'password',
  'passwd',
  'passw0rd',
  'secret',
  'secrets',
  'changeme',
  'letmein',
  'welcome',
  'admin',
  'administrator',
  'root',
  'test',
  'testing',
  'tester',
  'qwerty',
  'qwertyuiop',
  'abc123',
  '123456',
  '12345678',
  '123456789',
  'token',
  'apikey',
  'api_key',
  'default',
  'example',
  'sample',
  'demo',
  'guest',
  'user',
  'username',
  'login',
  'master',
  'dragon',
  'monkey',
  'football',
  'baseball',
  'sunshine',
  'iloveyou',
  'trustno1',
  'hello',
  'development',
  'production',
  'staging',
  'localhost',
  'undefined',
  'null',
  'true',
  'false',
]);

/**
 * What to tell the user about a secret value before it is used: a short or common value is masked wherever it
 * appears in what servers send back and in history, where its letters will often be something else. Null for a
 * value that is fine, empty, or only {{references}} (their values are checked where they are defined).
 */
export function weakSecretWarning(value: string): string | null {
  if (value === '' || isOnlyReferences(value, /^[\s:]*$/)) return null;
  if (value.length < SHORT_SECRET_LENGTH) return 'This value is short; it will be masked wherever it appears in responses and history.';
  if (COMMON_WORDS.has(value.trim().toLowerCase())) return 'This value is a common word; it will be masked wherever it appears in responses and history.';
  return null;
}
