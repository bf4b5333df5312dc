import { formatErrorPath, type GraphqlErrorView } from '../../../shared/graphql';
import styles from './graphql.module.css';

/** Each error's message, where in the query (line:column) and where in the result (path). */
export function GraphqlErrorList({ errors }: { errors: readonly GraphqlErrorView[] }) {
  return (
    <ol className={styles.errorList}>
      {errors.map((error, i) => (
        <li key={i} className={styles.error}>
          <span className={styles.errorMessage}>{error.message}</span>
          {error.locations.length > 0 ? (
            <span className={styles.errorMeta}>at {error.locations.map((l) => `line ${l.line}, column ${l.column}`).join('; ')}</span>
          ) : null}
          {error.path.length > 0 ? <span className={styles.errorMeta}>path {formatErrorPath(error.path)}</span> : null}
          {error.extensions ? <code className={styles.errorMeta}>{error.extensions}</code> : null}
        </li>
      ))}
    </ol>
  );
}
