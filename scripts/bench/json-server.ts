import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

function jsonItem(i: number): string {
  return JSON.stringify({ id: i, name: `item-${i}`, email: `user${i}@example.com`, active: i % 3 === 0, tags: ['alpha', 'beta'], score: (i * 7919) % 1000 });
}

/** A server that answers with a prebuilt JSON document in one write, as an API would; the fixture server streams. */
export async function startJsonServer(sizes: number[]): Promise<{ url: string; items: Map<number, number>; close(): Promise<void> }> {
  const documents = new Map<number, Buffer>();
  // how many items each document holds, so a bench can look for the last one
  const itemCounts = new Map<number, number>();
  for (const size of sizes) {
    const items: string[] = [];
    let length = 2;
    for (let i = 0; length < size; i += 1) {
      const item = jsonItem(i);
      items.push(item);
      length += item.length + 1;
    }
    documents.set(size, Buffer.from(`[${items.join(',')}]`));
    itemCounts.set(size, items.length);
  }
  const server = createServer((req, res) => {
    const size = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('bytes'));
    const body = documents.get(size) ?? Buffer.from('[]');
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    items: itemCounts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
