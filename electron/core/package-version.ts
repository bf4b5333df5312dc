import { readFileSync } from 'node:fs';

/**
 * The app version from package.json, read at start-up by the host that knows where it was built to. A missing or
 * unreadable file is not worth failing the launch for.
 */
export function readPackageVersion(packageJsonPath: string): string {
  try {
    const parsed: unknown = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
    if (parsed && typeof parsed === 'object' && 'version' in parsed && typeof parsed.version === 'string') {
      return parsed.version;
    }
  } catch {
    // fall through
  }
  return '0.0.0';
}
