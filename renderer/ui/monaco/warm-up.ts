import { monaco } from './monaco-setup';
import { JSON_VIEW_LANGUAGE } from './json-view-language';

/**
 * Creates and throws away one hidden editor. Monaco's first editor pays for instantiating its services, injecting
 * styles and measuring fonts (hundreds of ms on a slow machine); doing that while the app is idle keeps it out of
 * the first response's loading.
 */
export function warmUpMonaco(): void {
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = 'position:fixed;left:-10000px;top:0;width:400px;height:200px;visibility:hidden';
  document.body.append(host);
  const model = monaco.editor.createModel('{\n  "warm": true\n}', JSON_VIEW_LANGUAGE);
  const editor = monaco.editor.create(host, { model, readOnly: true, minimap: { enabled: false }, editContext: false });
  requestAnimationFrame(() => {
    editor.dispose();
    model.dispose();
    host.remove();
  });
}
