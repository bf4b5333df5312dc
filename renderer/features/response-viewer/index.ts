export { ResponseViewer } from './response-viewer';
