import { referenceWarnings, type ReferenceProblems } from '../../../shared/request';
import { InlineMessage } from '../../ui';

/** Under the URL bar: references that will not be replaced. Sending stays allowed; this says what will happen. */
export function ReferenceWarnings({ problems }: { problems: ReferenceProblems }) {
  const warnings = referenceWarnings(problems);
  if (warnings.length === 0) return null;
  return (
    <div className="rb-ref-warnings">
      {warnings.map((warning) => (
        <InlineMessage key={`${warning.kind}:${warning.text}`} tone="warning">
          {warning.text}
        </InlineMessage>
      ))}
    </div>
  );
}
