import type { statusTone } from '../../../shared/history-view';
import styles from './history-list.module.css';

type Tone = ReturnType<typeof statusTone> | 'cancelled';

const TONE_CLASS: Record<Tone, string | undefined> = {
  info: styles.statusInfo,
  success: styles.statusSuccess,
  redirect: styles.statusRedirect,
  'client-error': styles.statusClientError,
  'server-error': styles.statusServerError,
  failed: styles.statusFailed,
  cancelled: styles.statusCancelled,
};

/** A status (or test count) drawn in its tone's colour: the same in the list's rows and in the comparison. */
export function statusClassName(tone: Tone): string {
  return `${styles.status} ${TONE_CLASS[tone]}`;
}
