import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { buildSchema, execute, GraphQLError, parse, subscribe, validate, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';

/**
 * A real GraphQL server for tests and the benchmark: graphql-js over node:http (POST JSON and GET) at /graphql,
 * and graphql-ws's server (graphql-transport-ws) on the same port and path for subscriptions.
 */
export interface GraphqlTestServer {
  /** http://127.0.0.1:port/graphql */
  url: string;
  /** ws://127.0.0.1:port/graphql */
  wsUrl: string;
  /** every HTTP request, in arrival order */
  requests(): RecordedGraphqlRequest[];
  /** graphql-ws connections accepted so far, with their upgrade request headers */
  socketConnections(): IncomingHttpHeaders[];
  close(): Promise<void>;
}

export interface RecordedGraphqlRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export const TEST_SCHEMA_SDL = /* GraphQL */ `
  "A person who writes posts"
  type User {
    id: ID!
    name: String!
    "Where to write to"
    email: String @deprecated(reason: "Use contact instead")
    contact: String
    posts: [Post!]!
  }

  type Post {
    id: ID!
    title: String!
    author: User!
  }

  type Query {
    "Greets someone"
    hello(name: String = "world"): String!
    user(id: ID!): User
    users: [User!]!
    "Always fails: for testing how errors are shown"
    broken: String
  }

  type Mutation {
    addPost(title: String!, authorId: ID!): Post!
  }

  type Subscription {
    "Counts down to 1, one number every intervalMs"
    countdown(from: Int! = 3, intervalMs: Int = 20): Int!
  }
`;

interface PostRow {
  id: string;
  title: string;
  authorId: string;
}

function createRoot() {
  const users = [
    { id: '1', name: 'Ada', email: 'ada@example.com', contact: 'ada@example.com' },
    { id: '2', name: 'Grace', email: 'grace@example.com', contact: 'grace@example.com' },
  ];
  const posts: PostRow[] = [{ id: '1', title: 'Hello', authorId: '1' }];
  const withPosts = (user: (typeof users)[number]) => ({
    ...user,
    posts: () => posts.filter((post) => post.authorId === user.id).map(withAuthor),
  });
  const withAuthor = (post: PostRow) => ({ ...post, author: () => withPosts(users.find((u) => u.id === post.authorId)!) });
  return {
    hello: ({ name }: { name: string }) => `Hello, ${name}!`,
    user: ({ id }: { id: string }) => {
      const user = users.find((u) => u.id === id);
      return user ? withPosts(user) : null;
    },
    users: () => users.map(withPosts),
    broken: () => {
      throw new GraphQLError('The broken field is broken on purpose', { extensions: { code: 'BROKEN' } });
    },
    addPost: ({ title, authorId }: { title: string; authorId: string }) => {
      if (!users.some((u) => u.id === authorId)) throw new GraphQLError(`No user with id ${authorId}`);
      const post = { id: String(posts.length + 1), title, authorId };
      posts.push(post);
      return withAuthor(post);
    },
  };
}

const subscriptionRoots = {
  countdown: async function* ({ from, intervalMs }: { from: number; intervalMs: number }) {
    for (let n = from; n >= 1; n--) {
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
      yield { countdown: n };
    }
  },
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

interface GraphqlParams {
  query: string;
  variables: Record<string, unknown> | undefined;
  operationName: string | undefined;
}

function paramsOf(req: IncomingMessage, body: string): GraphqlParams {
  if (req.method === 'GET') {
    const search = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const variables = search.get('variables');
    return {
      query: search.get('query') ?? '',
      variables: variables ? JSON.parse(variables) : undefined,
      operationName: search.get('operationName') ?? undefined,
    };
  }
  const parsed = JSON.parse(body) as Partial<GraphqlParams>;
  return { query: parsed.query ?? '', variables: parsed.variables ?? undefined, operationName: parsed.operationName ?? undefined };
}

async function answer(schema: GraphQLSchema, root: unknown, req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
  const send = (status: number, value: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(value));
  };
  let params: GraphqlParams;
  try {
    params = paramsOf(req, body);
  } catch {
    send(400, { errors: [{ message: 'Request body is not valid JSON' }] });
    return;
  }
  let document;
  try {
    document = parse(params.query);
  } catch (error) {
    send(400, { errors: [(error as GraphQLError).toJSON()] });
    return;
  }
  const problems = validate(schema, document);
  if (problems.length > 0) {
    send(400, { errors: problems.map((problem) => problem.toJSON()) });
    return;
  }
  // the request's headers as context: a test schema can echo one back (to check that echoes are masked)
  const result = await execute({
    schema,
    document,
    rootValue: root,
    contextValue: { headers: req.headers },
    variableValues: params.variables,
    operationName: params.operationName,
  });
  send(200, result);
}

export async function startGraphqlServer(options: { schema?: GraphQLSchema; rootValue?: unknown } = {}): Promise<GraphqlTestServer> {
  const schema = options.schema ?? buildSchema(TEST_SCHEMA_SDL);
  const root = options.rootValue ?? createRoot();
  const recorded: RecordedGraphqlRequest[] = [];
  const upgrades: IncomingHttpHeaders[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    void readBody(req)
      .then((body) => {
        recorded.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        if (!(req.url ?? '').startsWith('/graphql')) {
          res.writeHead(404).end();
          return;
        }
        return answer(schema, root, req, res, body);
      })
      .catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const wss = new WebSocketServer({ server, path: '/graphql' });
  wss.on('connection', (_socket, request) => upgrades.push(request.headers));
  // Our graphql functions, not graphql-ws's own import: under a test runner the two can be different copies of
  // graphql (ESM and CJS), and graphql refuses a schema from the other copy.
  const disposable = useServer(
    {
      schema,
      execute,
      subscribe,
      validate,
      roots: { query: root as Record<string, never>, mutation: root as Record<string, never>, subscription: subscriptionRoots },
    },
    wss,
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    requests: () => [...recorded],
    socketConnections: () => [...upgrades],
    close: async () => {
      await disposable.dispose();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
