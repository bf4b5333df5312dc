/**
 * Run in a child process by spool-crash.test.ts (bundled with esbuild): a real Courier that unlocks its vault,
 * keeps a secret, sends one request whose large answer echoes it (so the body is spooled), prints the body's
 * reference and waits to be killed with SIGKILL.
 * argv: dataDir, url (with {{apiKey}} in it), secret
 */
import { dispatch } from '../../shared/contract';
import { createCourier } from '../core/create-courier';

const [dataDir, url, secret] = process.argv.slice(2) as [string, string, string];
const courier = createCourier({
  dataDir,
  mode: 'web',
  version: '1.0.0',
  openExternal: () => false,
  scrypt: { N: 1024, r: 8, p: 1 },
  onInternalError: (error) => process.stderr.write(`internal: ${String(error)}\n`),
});
const must = async (method: Parameters<typeof dispatch>[1], input: unknown): Promise<unknown> => {
  const result = await dispatch(courier.handlers, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
};
await must('vault.unlock', { passphrase: 'correct horse battery staple' });
await must('variables.saveScope', { scopeId: 'global', variables: [{ name: 'apiKey', value: secret, secret: true }] });
const exchange = (await must('http.send', { requestId: 'crash-1', request: { method: 'GET', url } })) as { body: unknown };
process.stdout.write(`BODY ${JSON.stringify(exchange.body)}\n`);
setInterval(() => undefined, 60_000);
