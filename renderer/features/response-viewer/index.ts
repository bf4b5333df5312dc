export { ResponseViewer, preloadResponseViews } from './response-viewer';
export { liveSseEvents, listenForLiveSse } from './live-sse-feed';
