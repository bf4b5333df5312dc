export { parseCurl, looksLikeCurl, type CurlParseResult } from './parse-curl';
export { encodeFormComponent } from './form-encoding';
export { hasCurlCommandLine } from './looks-like-curl';
