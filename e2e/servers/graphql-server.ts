// The same GraphQL server the service tests use (graphql-js over HTTP, graphql-ws on ws), for the browser tests.
export { startGraphqlServer, type GraphqlTestServer } from '../../electron/test-support/graphql-server';
