export { parseCurl, looksLikeCurl, type CurlParseResult, type CurlFlavour } from './parse-curl';
export { tokenizeBash } from './tokenize-bash';
export { tokenizeCmd, looksLikeCmd } from './tokenize-cmd';
export { encodeFormComponent } from './form-encoding';
