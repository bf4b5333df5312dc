import { lazyNamed } from '../../ui';

// The editor and the subscription log bring the graphql parser with them: loaded when first shown.
export const GraphqlBodyPanel = lazyNamed(() => import('./graphql-body-panel'), 'GraphqlBodyPanel');
export const SubscriptionLog = lazyNamed(() => import('./subscription-log'), 'SubscriptionLog');
export { GraphqlResponseErrors } from './graphql-response-errors';
export { useGraphqlSubscriptions, type GraphqlSubscriptions } from './use-graphql-subscription';
