import { readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { DEFAULT_HISTORY_RETENTION, historyRetentionSchema, type HistoryRetention } from '../../../shared/contract';

/** Retention lives in a small JSON file beside the database until the app-wide settings store arrives. */
export function loadRetention(file: string): HistoryRetention {
  try {
    const parsed = historyRetentionSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : { ...DEFAULT_HISTORY_RETENTION };
  } catch {
    return { ...DEFAULT_HISTORY_RETENTION };
  }
}

/** Written aside and renamed into place, so a crash leaves the old file or the new one, never half of one. */
export async function saveRetention(file: string, retention: HistoryRetention): Promise<void> {
  const staging = `${file}.${process.pid}.tmp`;
  await writeFile(staging, JSON.stringify(retention, null, 2) + '\n', { mode: 0o600 });
  await rename(staging, file);
}
