export { GraphqlBodyPanel } from './graphql-body-panel';
export { GraphqlResponseErrors } from './graphql-response-errors';
export { SubscriptionLog } from './subscription-log';
export { useGraphqlSubscription, type SubscriptionRun } from './use-graphql-subscription';
