import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { App } from './app/app';
import { createQueryClient } from './app/query-client';
import { preloadMonaco } from './ui/monaco';
import { preloadResponseViews } from './features/response-viewer';
import './app/theme.css';
import './ui/ui.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);

// Monaco and the response views are kept out of the startup bundle; fetch them once the window is idle so the body
// editor opens, and the first response shows, without waiting for a chunk.
const idle = window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 500));
idle(() => {
  preloadResponseViews();
  preloadMonaco();
});
