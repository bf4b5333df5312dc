// undici publishes no declarations for its files one by one: this is its Client class (undici-client.ts). Loaded
// without undici's index, a Client lacks the convenience methods the index adds to every dispatcher's prototype
// (request, stream, pipeline, connect, upgrade), so the type leaves them out too; dispatch() is what the engine uses.
declare module 'undici/lib/dispatcher/client.js' {
  import { type Client } from 'undici';
  const BareClient: new (url: string | URL, options?: Client.Options) => Omit<Client, 'request' | 'stream' | 'pipeline' | 'connect' | 'upgrade'>;
  export default BareClient;
}
