import { useId } from 'react';
import { completeScript } from '../../../shared/scripts';
import { CodeEditor, type CodeEditorAssist } from '../../ui/monaco';
import styles from './script-editor.module.css';

/** One object for every script editor: the editor attaches its completion once and keeps it. */
const SCRIPT_ASSIST: CodeEditorAssist = {
  // "." opens the list of what the name before it has: pm. → test, expect, response…
  triggerCharacters: ['.'],
  complete: (text, line, column) => Promise.resolve(completeScript(text, line, column)),
  diagnose: () => Promise.resolve([]),
};

/**
 * A pre-request or post-response script, in Monaco with JavaScript colours and completion of the Postman-compatible
 * API the sandbox runs (pm, postman, console, chai's words after pm.expect). Its label is the editor's accessible name.
 */
export function ScriptEditor({ label, value, onChange, height = 160 }: { label: string; value: string; onChange: (next: string) => void; height?: number }) {
  const labelId = useId();
  return (
    <div className={styles.field} role="group" aria-labelledby={labelId}>
      <span id={labelId} className={styles.label}>
        {label}
      </span>
      <div className={styles.editor}>
        <CodeEditor value={value} language="javascript" ariaLabel={label} onChange={onChange} assist={SCRIPT_ASSIST} height={height} />
      </div>
    </div>
  );
}
