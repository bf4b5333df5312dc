export { RequestBuilder } from './request-builder';
