import { useDeferredValue, useMemo } from 'react';
import { checkJson } from '../../../shared/request';
import { InlineMessage, useVariableLookup } from '../../ui';
import { CodeEditor, type CodeEditorLanguage } from '../../ui/monaco';
import styles from './request-builder.module.css';

interface BodyCodeEditorProps {
  value: string;
  language: Extract<CodeEditorLanguage, 'json' | 'plaintext' | 'xml'>;
  label: string;
  onChange: (value: string) => void;
}

/** Monaco for typed bodies. Invalid JSON is pointed out but never blocks sending: testing bad input is legitimate. */
export function BodyCodeEditor({ value, language, label, onChange }: BodyCodeEditorProps) {
  // Parsing a large body on every keystroke would make typing lag; check the settled text instead.
  const settled = useDeferredValue(value);
  // {{references}} in a body are resolved before sending: `{"n": {{count}}}` is valid JSON by then
  const problem = useMemo(() => (language === 'json' ? checkJson(settled, { references: true }) : null), [language, settled]);
  const variables = useVariableLookup()?.suggestions;

  return (
    <div className={styles.code}>
      <div className={styles.codeEditor}>
        <CodeEditor value={value} language={language} ariaLabel={label} onChange={onChange} variables={variables} jsonReferences />
      </div>
      {problem ? <InlineMessage tone="warning">{problem.message}. You can still send it.</InlineMessage> : null}
    </div>
  );
}
