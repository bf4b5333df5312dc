export { ResponseViewer, preloadResponseViews } from './response-viewer';
