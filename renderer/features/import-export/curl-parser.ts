import type { CurlParseResult } from '../../../shared/importers/curl';

type ParseCurl = (text: string) => CurlParseResult;

/**
 * The curl parser is loaded on its own: it fills its requests in through the contract's schemas, which would bring
 * zod into the start-up bundle. It is loaded on the first pasted command rather than at idle: loading it at idle
 * put zod's evaluation into the start-up window whenever the page was idle waiting for a lazy panel's chunk.
 */
let parser: ParseCurl | null = null;
let loading: Promise<ParseCurl> | null = null;

export function loadCurlParser(): Promise<ParseCurl> {
  loading ??= import('../../../shared/importers/curl/parse-curl').then((module) => {
    parser = module.parseCurl;
    return module.parseCurl;
  });
  return loading;
}

/** The parser if it has been loaded, for the synchronous path of a paste. */
export function loadedCurlParser(): ParseCurl | null {
  return parser;
}
