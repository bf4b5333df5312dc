import { createElement, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * The floor for renderer_cold_load_vs_blank: React, react-dom and the same two controls the Courier cold load waits
 * for, built by the same Vite config, so the ratio is what Courier adds on top of "a React page" on this machine.
 * (createElement rather than JSX: scripts/ is type-checked as .ts by tsconfig.tools.json.)
 */
function BlankPage() {
  return createElement('main', null, createElement('input', { 'aria-label': 'URL', defaultValue: '' }), createElement('button', { type: 'button' }, 'Send'));
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(createElement(StrictMode, null, createElement(BlankPage)));
