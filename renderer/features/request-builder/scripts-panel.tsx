import type { SavedScripts } from '../../../shared/contract';
import { ScriptEditor } from '../scripts';
import styles from './request-builder.module.css';

/**
 * The request's pre-request and post-response scripts. They run in the main process's QuickJS sandbox,
 * after the collection's and folders' scripts; pm.test results and console output come back with the response.
 */
export function ScriptsPanel({ scripts, onChange }: { scripts: SavedScripts | undefined; onChange: (next: SavedScripts) => void }) {
  const current = scripts ?? {};
  return (
    <div className={styles.scripts}>
      <ScriptEditor label="Pre-request script" height={140} value={current.preRequest ?? ''} onChange={(preRequest) => onChange({ ...current, preRequest })} />
      <ScriptEditor
        label="Post-response script"
        height={180}
        value={current.postResponse ?? ''}
        onChange={(postResponse) => onChange({ ...current, postResponse })}
      />
    </div>
  );
}
