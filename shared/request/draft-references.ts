import { findVariableReferences, type VariableDescription } from '../variables';
import { authTextFields } from './auth-settings';
import type { RequestDraft } from './draft';
import { isBlankRow, type KeyValueRow } from './rows';
import { PROCESS_ENV_REFERENCE } from './variable-presentation';

interface DraftText {
  /** where the text is, for messages: "URL", "Header Authorization", "Auth: Token" */
  where: string;
  text: string;
}

function rowTexts(rows: readonly KeyValueRow[], what: string): DraftText[] {
  return rows
    .filter((row) => row.enabled && !isBlankRow(row))
    .flatMap((row) => [
      { where: `${what} name`, text: row.name },
      { where: `${what} ${row.name}`, text: row.value },
    ]);
}

/** Every text that is sent with the draft (enabled rows, the selected body kind, the chosen auth), in form order. */
export function draftTexts(draft: RequestDraft): DraftText[] {
  const texts: DraftText[] = [{ where: 'URL', text: draft.url }];
  // the enabled params are already in the URL text
  texts.push(...rowTexts(draft.headers, 'Header'));
  const body = draft.body;
  switch (body.kind) {
    case 'json':
      texts.push({ where: 'Body', text: body.json });
      break;
    case 'text':
      texts.push({ where: 'Body', text: body.text });
      break;
    case 'xml':
      texts.push({ where: 'Body', text: body.xml });
      break;
    case 'form':
      texts.push(...rowTexts(body.form, 'Form field'));
      break;
    case 'multipart':
      for (const part of body.multipart) {
        if (!part.enabled) continue;
        texts.push({ where: 'Part name', text: part.name });
        if (part.kind === 'text') texts.push({ where: `Part ${part.name}`, text: part.value });
      }
      break;
    default:
      break;
  }
  texts.push(...authTextFields(draft.auth).map((field) => ({ where: `Auth: ${field.label}`, text: field.text })));
  for (const [key, text] of Object.entries(draft.settingTemplates ?? {})) if (text) texts.push({ where: `Setting ${key}`, text });
  return texts;
}

export interface ReferenceProblems {
  /** not defined anywhere (or {{$env.NAME}} with NAME unset, when the resolver knows): sent as written */
  unresolved: string[];
  /** secrets the locked vault cannot give */
  locked: string[];
  /** secrets that do not decrypt */
  unreadable: string[];
  /** references that come back to themselves, with the chain when known */
  cycles: { name: string; chain: string | null }[];
}

/**
 * The references in the draft that will not be replaced by a value when it is sent, each name once, in the order
 * they first appear. A plain value that itself holds references is followed, so {{base}} = "{{host}}/v1" with no
 * host reports host.
 */
export function draftReferenceProblems(texts: readonly DraftText[], describe: (name: string) => VariableDescription): ReferenceProblems {
  const problems: ReferenceProblems = { unresolved: [], locked: [], unreadable: [], cycles: [] };
  const seen = new Set<string>();
  const visit = (text: string) => {
    for (const { name } of findVariableReferences(text)) {
      if (seen.has(name)) continue;
      seen.add(name);
      const description = describe(name);
      switch (description.status) {
        case 'unresolved':
          problems.unresolved.push(name);
          break;
        case 'locked':
          problems.locked.push(name);
          break;
        case 'unreadable':
          problems.unreadable.push(name);
          break;
        case 'cycle':
          problems.cycles.push({ name, chain: description.message ?? null });
          break;
        case 'resolved':
          if (!description.secret) visit(description.displayValue);
          break;
        default:
          break;
      }
    }
  };
  for (const { text } of texts) visit(text);
  return problems;
}

/** The names of {{$env.NAME}} references in the texts, for asking the main process whether they are set. */
export function processEnvNames(texts: readonly DraftText[]): string[] {
  const names = new Set<string>();
  for (const { text } of texts) {
    for (const { name } of findVariableReferences(text)) {
      if (name.startsWith(PROCESS_ENV_REFERENCE) && name.length > PROCESS_ENV_REFERENCE.length) names.add(name.slice(PROCESS_ENV_REFERENCE.length));
    }
  }
  return [...names];
}

const braces = (names: readonly string[]) => names.map((name) => `{{${name}}}`).join(', ');

interface ReferenceWarning {
  kind: 'unresolved' | 'locked' | 'unreadable' | 'cycle';
  text: string;
}

/** The lines under the URL bar; sending stays allowed, these say what will happen. */
export function referenceWarnings(problems: ReferenceProblems): ReferenceWarning[] {
  const warnings: ReferenceWarning[] = [];
  const { unresolved, locked, unreadable, cycles } = problems;
  if (unresolved.length > 0) {
    warnings.push({
      kind: 'unresolved',
      text: `Unresolved: ${braces(unresolved)} — ${unresolved.length === 1 ? 'it' : 'they'} will be sent as written`,
    });
  }
  if (locked.length > 0) {
    warnings.push({
      kind: 'locked',
      text: `Locked: ${braces(locked)} ${locked.length === 1 ? 'is a secret' : 'are secrets'} in the locked vault. Unlock the vault to send ${locked.length === 1 ? 'its value' : 'their values'}.`,
    });
  }
  if (unreadable.length > 0) {
    warnings.push({
      kind: 'unreadable',
      text: `Unreadable: ${braces(unreadable)} cannot be decrypted here (another machine's key or a damaged value). Set ${unreadable.length === 1 ? 'it' : 'them'} again.`,
    });
  }
  for (const cycle of cycles) {
    warnings.push({
      kind: 'cycle',
      text: `Circular: {{${cycle.name}}} refers back to itself${cycle.chain ? ` (${cycle.chain})` : ''}; the request will not be sent until the loop is broken`,
    });
  }
  return warnings;
}
