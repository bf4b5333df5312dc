import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface KeyPair {
  key: string;
  cert: string;
}

export interface TestCertificates {
  /** the CA a test passes as extraCaCertificates */
  ca: string;
  /** signed by ca, valid for localhost and 127.0.0.1 */
  valid: KeyPair;
  /** signed by ca, expired in 2021 */
  expired: KeyPair;
  /** signed by ca, valid only for wrong.example */
  wrongHost: KeyPair;
  /** self-signed, for localhost and 127.0.0.1 */
  selfSigned: KeyPair;
  /** signed by a CA nobody trusts */
  untrusted: KeyPair;
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
const LOCAL_SANS = 'DNS:localhost,IP:127.0.0.1';

function stamp(date: Date): string {
  return `${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

/** Generates a throwaway PKI with the openssl CLI (EC keys, so it takes well under a second). */
export async function generateTestCertificates(): Promise<TestCertificates> {
  const dir = await mkdtemp(join(tmpdir(), 'courier-certs-'));
  try {
    const file = (name: string): string => join(dir, name);
    const makeCa = async (name: string): Promise<void> => {
      await run('openssl', [
        'req',
        '-x509',
        '-new',
        ...EC,
        '-keyout',
        file(`${name}.key`),
        '-out',
        file(`${name}.pem`),
        '-subj',
        `/CN=${name}`,
        '-days',
        '3',
        '-addext',
        'basicConstraints=critical,CA:TRUE',
        '-addext',
        'keyUsage=critical,keyCertSign,cRLSign',
      ]);
    };
    await Promise.all([makeCa('courier-test-ca'), makeCa('untrusted-ca')]);
    await writeFile(file('serial'), '1000\n');
    await writeFile(file('index.txt'), '');
    await writeFile(
      file('ca.cnf'),
      [
        '[ca]',
        'default_ca = local',
        '[local]',
        `dir = ${dir}`,
        `database = ${file('index.txt')}`,
        `new_certs_dir = ${dir}`,
        `serial = ${file('serial')}`,
        'default_md = sha256',
        'policy = any',
        'unique_subject = no',
        'copy_extensions = none',
        '[any]',
        'commonName = supplied',
      ].join('\n'),
    );
    // openssl ca keeps a database and serial file, so leaves are issued one after another.
    const leaf = async (name: string, cn: string, sans: string, start: Date, end: Date, signer: string): Promise<KeyPair> => {
      await run('openssl', ['req', '-new', ...EC, '-keyout', file(`${name}.key`), '-out', file(`${name}.csr`), '-subj', `/CN=${cn}`]);
      await writeFile(file(`${name}.ext`), `subjectAltName=${sans}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
      await run('openssl', [
        'ca',
        '-batch',
        '-notext',
        '-config',
        file('ca.cnf'),
        '-cert',
        file(`${signer}.pem`),
        '-keyfile',
        file(`${signer}.key`),
        '-in',
        file(`${name}.csr`),
        '-out',
        file(`${name}.pem`),
        '-startdate',
        stamp(start),
        '-enddate',
        stamp(end),
        '-extfile',
        file(`${name}.ext`),
      ]);
      return { key: await readFile(file(`${name}.key`), 'utf8'), cert: await readFile(file(`${name}.pem`), 'utf8') };
    };
    const now = Date.now();
    const yesterday = new Date(now - 86_400_000);
    const tomorrow = new Date(now + 86_400_000);
    const valid = await leaf('valid', 'localhost', LOCAL_SANS, yesterday, tomorrow, 'courier-test-ca');
    const expired = await leaf('expired', 'localhost', LOCAL_SANS, new Date('2020-01-01T00:00:00Z'), new Date('2021-01-01T00:00:00Z'), 'courier-test-ca');
    const wrongHost = await leaf('wrong', 'wrong.example', 'DNS:wrong.example', yesterday, tomorrow, 'courier-test-ca');
    const untrusted = await leaf('untrusted', 'localhost', LOCAL_SANS, yesterday, tomorrow, 'untrusted-ca');
    await run('openssl', [
      'req',
      '-x509',
      '-new',
      ...EC,
      '-keyout',
      file('self.key'),
      '-out',
      file('self.pem'),
      '-subj',
      '/CN=localhost',
      '-days',
      '3',
      '-addext',
      `subjectAltName=${LOCAL_SANS}`,
    ]);
    const selfSigned = { key: await readFile(file('self.key'), 'utf8'), cert: await readFile(file('self.pem'), 'utf8') };
    const ca = await readFile(file('courier-test-ca.pem'), 'utf8');
    return { ca, valid, expired, wrongHost, selfSigned, untrusted };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
