import type { AssertionRow, CaptureRow, RequestTests } from '../../../shared/contract';
import { TYPE_NAMES } from '../../../shared/testing/view';
import { AssertionRowEditor } from './assertion-row-editor';
import { CaptureRowEditor } from './capture-row-editor';
import { Button, formControls } from '../../ui';
import table from './tests-table.module.css';
import styles from './tests-editor.module.css';

interface TestsEditorProps {
  tests: RequestTests;
  onChange: (tests: RequestTests) => void;
  /** the request's post-response script, where tests written as pm.test (Postman, Bruno, Insomnia imports) live */
  postResponseScript?: string;
  /** opens the Scripts tab */
  onShowScripts?: () => void;
  /**
   * the scope a new capture sets: the active environment when there is one, else the workspace's variables; a capture
   * into an environment while none is active could only fail, after the send (new-user pass)
   */
  captureScope?: CaptureRow['scope'];
}

/** how many pm.test / test() calls a script has: an imported request's checks are there, not in the rows below */
export function scriptTestCount(script: string | undefined): number {
  return script ? (script.match(/\b(?:pm\.test|test)\s*\(/g) ?? []).length : 0;
}

const newAssertion = (): AssertionRow => ({ enabled: true, target: 'status', property: '', operator: 'equals', expected: '200' });
const newCapture = (scope: CaptureRow['scope']): CaptureRow => ({ enabled: true, source: 'jsonPath', expression: '', variable: '', scope, secret: false });

const replaceAt = <T,>(list: readonly T[], index: number, item: T): T[] => list.map((old, at) => (at === index ? item : old));
const removeAt = <T,>(list: readonly T[], index: number): T[] => list.filter((_, at) => at !== index);

/**
 * The request builder's Tests tab: assertions checked after every send and captures that set variables from the
 * response. Evaluated in the main process (so the runner and CLI do the same); this only edits rows.
 */
export function TestsEditor({ tests, onChange, postResponseScript, onShowScripts, captureScope = 'environment' }: TestsEditorProps) {
  const { assertions, captures } = tests;
  const scripted = scriptTestCount(postResponseScript);
  return (
    <div className={styles.editor}>
      <section aria-labelledby="tests-assertions-title">
        <h3 id="tests-assertions-title" className={styles.heading}>
          Assertions
        </h3>
        {assertions.length > 0 ? (
          <table className={table.table} aria-labelledby="tests-assertions-title">
            <thead>
              <tr>
                <th scope="col">On</th>
                <th scope="col">Target</th>
                <th scope="col">Operator</th>
                <th scope="col">Expected</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {assertions.map((row, index) => (
                <AssertionRowEditor
                  key={index}
                  row={row}
                  index={index + 1}
                  onChange={(next) => onChange({ ...tests, assertions: replaceAt(assertions, index, next) })}
                  onRemove={() => onChange({ ...tests, assertions: removeAt(assertions, index) })}
                />
              ))}
            </tbody>
          </table>
        ) : (
          <p className={formControls.hint}>
            No assertions yet. Add one to check the status, a header, the time, the size or a value in the body after each send.
          </p>
        )}
        {scripted > 0 ? (
          <p className={formControls.hint} role="note">
            This request also has {scripted === 1 ? 'a test' : `${scripted} tests`} written in its post-response script (pm.test); they run after each send and
            their results show with these.{' '}
            {onShowScripts ? (
              <button type="button" className={styles.link} onClick={onShowScripts}>
                Show the script
              </button>
            ) : null}
          </p>
        ) : null}
        <Button onClick={() => onChange({ ...tests, assertions: [...assertions, newAssertion()] })}>Add assertion</Button>
        <datalist id="tests-type-names">
          {TYPE_NAMES.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </section>
      <section aria-labelledby="tests-captures-title">
        <h3 id="tests-captures-title" className={styles.heading}>
          Captures
        </h3>
        {captures.length > 0 ? (
          <table className={table.table} aria-labelledby="tests-captures-title">
            <thead>
              <tr>
                <th scope="col">On</th>
                <th scope="col">From</th>
                <th scope="col">Variable</th>
                <th scope="col">Scope</th>
                <th scope="col">Secret</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {captures.map((row, index) => (
                <CaptureRowEditor
                  key={index}
                  row={row}
                  index={index + 1}
                  onChange={(next) => onChange({ ...tests, captures: replaceAt(captures, index, next) })}
                  onRemove={() => onChange({ ...tests, captures: removeAt(captures, index) })}
                />
              ))}
            </tbody>
          </table>
        ) : (
          <p className={formControls.hint}>
            Set a variable from the response (a login&apos;s token, say) so the next request can use it as <code>{'{{name}}'}</code>.
          </p>
        )}
        <Button onClick={() => onChange({ ...tests, captures: [...captures, newCapture(captureScope)] })}>Add capture</Button>
      </section>
    </div>
  );
}
