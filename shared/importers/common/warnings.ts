import type { ImportWarning } from '../../contract';
import { ZodError } from 'zod';

/** Collects what an importer could not carry over, each against the path of the item it belongs to. */
export class Warnings {
  readonly list: ImportWarning[] = [];
  add(path: readonly string[], message: string): void {
    this.list.push({ item: path.length === 0 ? '(collection)' : path.join(' / '), message });
  }
}

/** A malformed file: nothing is imported and the message says what is wrong and where. */
export class ImportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFormatError';
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown, fallback = ''): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return fallback;
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

const HOP_BY_HOP = new Set(['content-length', 'host', 'connection', 'transfer-encoding']);

/** Headers a client computes itself: carried over they would be wrong as soon as the body is edited. */
export function isComputedHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith(':') || HOP_BY_HOP.has(lower);
}

/** Why a value did not fit the contract, for a person: the first issue, with where it is ("method: Too big…"). */
function contractWhy(error: ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'it does not fit Courier’s request format';
  return `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`;
}

/**
 * One item of a file converted on its own: a malformed item (a "request" that is a number, a method of 200
 * characters) is left out with a warning under its path saying why, and the rest of the file is imported. Other
 * errors are bugs and still end the import.
 */
export function convertOrLeaveOut<T>(path: readonly string[], warnings: Warnings, convert: () => T): T | null {
  try {
    return convert();
  } catch (error) {
    if (error instanceof ImportFormatError) warnings.add(path, `Not imported: ${error.message}`);
    else if (error instanceof ZodError) warnings.add(path, `Not imported: ${contractWhy(error)}.`);
    else throw error;
    return null;
  }
}
