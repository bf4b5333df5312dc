export { parseCurl, looksLikeCurl } from './parse-curl';
export { encodeFormComponent } from './form-encoding';
