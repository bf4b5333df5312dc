import type { ExportableRequest } from '../contract';
import { asWrittenBy } from './auth-slots';
import { splitSlots } from './env-slot';

/**
 * Rust (reqwest + tokio), written here because httpsnippet has no Rust target. Slots become std::env::var lookups
 * through format!, so secrets are read from the environment at run time.
 */
function literal(text: string): string {
  // a raw string needs more # than the longest run of # after a quote in the text
  const hashes = '#'.repeat(Math.max(1, ...[...text.matchAll(/"(#+)/g)].map((match) => match[1]!.length + 1)));
  return /["\\\n]/.test(text) ? `r${hashes}"${text}"${hashes}` : `"${text}"`;
}

function value(text: string): string {
  const parts = splitSlots(text);
  if (parts.every((part) => 'literal' in part)) return literal(text);
  const template = parts.map((part) => ('env' in part ? '{}' : part.literal.replace(/\{/g, '{{').replace(/\}/g, '}}'))).join('');
  const args = parts.filter((part): part is { env: string } => 'env' in part).map((part) => `std::env::var("${part.env}")?`);
  return `&format!(${literal(template)}, ${args.join(', ')})`;
}

function bodyLines(request: ExportableRequest): string[] {
  const body = request.body;
  switch (body.kind) {
    case 'text':
      return [`.body(${value(body.text).replace(/^&/, '')}.to_string())`];
    case 'form':
      return [`.form(&[${body.fields.map((field) => `(${value(field.name)}, ${value(field.value)})`).join(', ')}])`];
    case 'multipart': {
      const parts = body.parts.map((part) =>
        part.fileName === null
          ? `.text(${value(part.name).replace(/^&/, '')}.to_string(), ${value(part.value).replace(/^&/, '')}.to_string())`
          : `.part(${literal(part.name)}, reqwest::multipart::Part::bytes(std::fs::read(${literal(part.fileName)})?).file_name(${literal(part.fileName)}))`,
      );
      return [`.multipart(reqwest::multipart::Form::new()${parts.join('')})`];
    }
    case 'binary':
      return [`.body(std::fs::read(${literal(body.fileName ?? 'file')})?)`];
    default:
      return [];
  }
}

export function toRustReqwest(original: ExportableRequest): string {
  const request = asWrittenBy('rust:reqwest', original);
  const chain = [
    `.request(reqwest::Method::from_bytes(${literal(request.method)}.as_bytes())?, ${value(request.url)})`,
    ...request.headers.map((header) => `.header(${value(header.name)}, ${value(header.value)})`),
    ...(request.body.kind === 'text' && !request.headers.some((h) => h.name.toLowerCase() === 'content-type')
      ? [`.header("Content-Type", ${literal(request.body.contentType)})`]
      : []),
    ...(request.auth?.kind === 'basic' ? [`.basic_auth(${value(request.auth.username)}, Some(${value(request.auth.password)}))`] : []),
    ...bodyLines(request),
  ];
  const digest = original.auth?.kind === 'digest' ? ['    // Digest authentication is not built into reqwest; add it with a crate such as diqwest.'] : [];
  return [
    '// Cargo.toml: reqwest = { version = "0.12", features = ["multipart"] }, tokio = { version = "1", features = ["full"] }',
    '#[tokio::main]',
    'async fn main() -> Result<(), Box<dyn std::error::Error>> {',
    `    let client = reqwest::Client::builder()${request.insecure ? '.danger_accept_invalid_certs(true)' : ''}.build()?;`,
    ...digest,
    '    let response = client',
    ...chain.map((line) => `        ${line}`),
    '        .send()',
    '        .await?;',
    '    println!("{}", response.text().await?);',
    '    Ok(())',
    '}',
  ].join('\n');
}
