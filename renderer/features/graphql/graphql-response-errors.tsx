import { useQuery } from '@tanstack/react-query';
import type { HttpExchange } from '../../../shared/contract';
import { parseGraphqlResponseText } from '../../../shared/graphql';
import { call } from '../../lib/bridge';
import { GraphqlErrorList } from './graphql-error-list';
import styles from './graphql.module.css';

// A GraphQL answer with errors worth listing is small; a huge body is left to the body viewer alone.
const MAX_READ_BYTES = 2 * 1024 * 1024;

async function readGraphqlView(exchange: HttpExchange) {
  const { bytes } = await call('body.read', { bodyId: exchange.body.id, offset: 0, length: exchange.body.size });
  return parseGraphqlResponseText(new TextDecoder('utf-8').decode(bytes));
}

/**
 * The errors array of a GraphQL response, shown apart from the data above the response tabs: message, where in
 * the query (line:column) and where in the result (path). Nothing is shown for answers without errors.
 */
export function GraphqlResponseErrors({ exchange }: { exchange: HttpExchange }) {
  const eligible = exchange.body.size > 0 && exchange.body.size <= MAX_READ_BYTES && /json/i.test(exchange.body.contentType ?? '');
  const { data } = useQuery({
    queryKey: ['graphql.responseErrors', exchange.body.id],
    queryFn: () => readGraphqlView(exchange),
    enabled: eligible,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
  if (!data || data.errors.length === 0) return null;
  return (
    <section className={styles.errors} aria-label="GraphQL errors">
      <h3 className={styles.errorsTitle}>
        GraphQL errors ({data.errors.length}) <span className={styles.faint}>{data.hasData ? '· partial data in the body below' : '· no data'}</span>
      </h3>
      <GraphqlErrorList errors={data.errors} />
    </section>
  );
}
