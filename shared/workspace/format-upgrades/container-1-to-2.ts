import type { FileObject } from './step';

/**
 * collection.json / folder.json 1 → 2: version 1 is every container file written without a "format" key.
 * Nothing in them changed meaning (a container's "none" auth always meant no auth; "scripts" is an optional key), so
 * the step only adds the number, which from now on lets a later change be told apart.
 */
export function containerFormat1To2(file: FileObject): FileObject {
  return { ...file, format: 2 };
}
