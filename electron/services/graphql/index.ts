export { createIntrospectionService } from './introspection';
export { createSubscriptionService, type SubscriptionService } from './subscriptions';
