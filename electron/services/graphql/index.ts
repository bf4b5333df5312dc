export { createIntrospectionService, type IntrospectionService, type IntrospectionServiceOptions, type SendForText } from './introspection';
export { createSubscriptionService, type SubscriptionService, type SubscriptionServiceOptions } from './subscriptions';
export { subscriptionUrl } from './subscription-url';
