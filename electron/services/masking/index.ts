export { createMaskTransform, maskedSource, type RandomAccessSource } from './mask-transform';
