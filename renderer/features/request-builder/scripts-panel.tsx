import type { SavedScripts } from '../../../shared/contract';
import styles from './request-builder.module.css';

/**
 * The request's pre-request and post-response scripts. They run in the main process's QuickJS sandbox,
 * after the collection's and folders' scripts; pm.test results and console output come back with the response.
 * Plain text areas for now: Monaco is bundled with JSON only (DESIGN.md), a JavaScript mode with pm completion is
 * the next step.
 */
export function ScriptsPanel({ scripts, onChange }: { scripts: SavedScripts | undefined; onChange: (next: SavedScripts) => void }) {
  const current = scripts ?? {};
  return (
    <div className={styles.scripts}>
      <label className={styles.scriptsField}>
        <span>Pre-request script</span>
        <textarea
          className={styles.scriptsCode}
          rows={6}
          spellCheck={false}
          placeholder={'pm.variables.set("now", Date.now());'}
          value={current.preRequest ?? ''}
          onChange={(event) => onChange({ ...current, preRequest: event.target.value })}
        />
      </label>
      <label className={styles.scriptsField}>
        <span>Post-response script</span>
        <textarea
          className={styles.scriptsCode}
          rows={8}
          spellCheck={false}
          placeholder={'pm.test("status is 200", () => pm.response.to.have.status(200));'}
          value={current.postResponse ?? ''}
          onChange={(event) => onChange({ ...current, postResponse: event.target.value })}
        />
      </label>
    </div>
  );
}
