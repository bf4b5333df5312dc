export { maskedSource } from './mask-transform';
