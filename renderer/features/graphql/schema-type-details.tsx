import type { SchemaFieldEntry, SchemaTypeEntry } from '../../../shared/graphql';
import styles from './graphql.module.css';

interface SchemaTypeDetailsProps {
  type: SchemaTypeEntry;
  onOpenType: (name: string) => void;
  onBack: () => void;
  onInsert: (text: string) => void;
}

/** "[User!]!" → "User": the named type a field's type refers to. */
function namedType(printed: string): string {
  return printed.replace(/[[\]!]/g, '');
}

function TypeLink({ printed, onOpenType }: { printed: string; onOpenType: (name: string) => void }) {
  return (
    <button type="button" className={`${styles.link} ${styles.type}`} onClick={() => onOpenType(namedType(printed))} title={`Open ${namedType(printed)}`}>
      {printed}
    </button>
  );
}

interface FieldItemProps {
  field: SchemaFieldEntry;
  isEnum: boolean;
  onOpenType: (name: string) => void;
  onInsert: ((text: string) => void) | null;
}

function FieldItem({ field, isEnum, onOpenType, onInsert }: FieldItemProps) {
  return (
    <li className={field.deprecated ? styles.fieldDeprecated : undefined}>
      <div>
        {onInsert ? (
          <button
            type="button"
            className={`${styles.link} ${styles.fieldName}`}
            title="Insert into the query at the cursor"
            aria-label={`Insert ${field.name}`}
            onClick={() => onInsert(field.name)}
          >
            {field.name}
          </button>
        ) : (
          <span className={styles.fieldName}>{field.name}</span>
        )}
        {field.args.length > 0 ? (
          <span className={styles.faint}>
            (
            {field.args.map((arg, i) => (
              <span key={arg.name}>
                {i > 0 ? ', ' : ''}
                {arg.name}: <TypeLink printed={arg.type} onOpenType={onOpenType} />
                {arg.defaultValue !== null ? ` = ${arg.defaultValue}` : ''}
              </span>
            ))}
            )
          </span>
        ) : null}
        {isEnum ? null : (
          <>
            {': '}
            <TypeLink printed={field.type} onOpenType={onOpenType} />
          </>
        )}
      </div>
      {field.description ? <p className={styles.description}>{field.description}</p> : null}
      {field.deprecated ? <p className={styles.deprecation}>Deprecated{field.deprecationReason ? `: ${field.deprecationReason}` : ''}</p> : null}
    </li>
  );
}

/** One type: its description, fields (with arguments and types that open their own type), members or values. */
export function SchemaTypeDetails({ type, onOpenType, onBack, onInsert }: SchemaTypeDetailsProps) {
  // Fields of output types go into a selection set; input fields and enum values are not typed that way.
  const insert = type.kind === 'object' || type.kind === 'interface' ? onInsert : null;
  return (
    <section aria-label={`Type ${type.name}`}>
      <button type="button" className={styles.link} onClick={onBack}>
        ← All types
      </button>
      <h3 className={styles.typeTitle}>
        {type.name} <span className={styles.faint}>{type.root ? `${type.root} root` : type.kind}</span>
      </h3>
      {type.description ? <p className={styles.description}>{type.description}</p> : null}
      {type.possibleTypes.length > 0 ? (
        <p className={styles.description}>
          {type.kind === 'union' ? 'One of: ' : 'Implemented by: '}
          {type.possibleTypes.map((name, i) => (
            <span key={name}>
              {i > 0 ? ', ' : ''}
              <TypeLink printed={name} onOpenType={onOpenType} />
            </span>
          ))}
        </p>
      ) : null}
      {type.fields.length > 0 ? (
        <ul className={styles.fields} aria-label={type.kind === 'enum' ? 'Values' : 'Fields'}>
          {type.fields.map((field) => (
            <FieldItem key={field.name} field={field} isEnum={type.kind === 'enum'} onOpenType={onOpenType} onInsert={insert} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
