export { RequestBuilder, preloadRequestSections } from './request-builder';
