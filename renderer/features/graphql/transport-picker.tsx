import type { GraphqlDraft } from '../../../shared/request';
import styles from './graphql.module.css';

const CHOICES: { value: GraphqlDraft['method']; label: string; title: string }[] = [
  { value: 'POST', label: 'POST', title: 'Send as a JSON body' },
  { value: 'GET', label: 'GET', title: 'Send in the URL query string (queries only, on most servers)' },
];

/** How the operation travels: a radio group, so arrow keys move between the two as with any radio group. */
export function TransportPicker({ method, onChange }: { method: GraphqlDraft['method']; onChange: (method: GraphqlDraft['method']) => void }) {
  return (
    <fieldset className={styles.segmented}>
      <legend className="visually-hidden">Send GraphQL as</legend>
      {CHOICES.map((choice) => (
        <label
          key={choice.value}
          title={choice.title}
          className={choice.value === method ? `${styles.segmentedItem} ${styles.segmentedItemOn}` : styles.segmentedItem}
        >
          <input
            type="radio"
            name="graphql-transport"
            value={choice.value}
            checked={choice.value === method}
            onChange={() => onChange(choice.value)}
            className={styles.segmentedRadio}
          />
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}
