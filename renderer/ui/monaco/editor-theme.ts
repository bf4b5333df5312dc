import type * as Monaco from 'monaco-editor/editor/editor.api';

/** The app's colours (renderer/app/theme.css) that the editors take on, by CSS custom property. */
const PALETTE_PROPERTIES = [
  '--surface',
  '--surface-2',
  '--chrome',
  '--border',
  '--border-strong',
  '--text',
  '--text-muted',
  '--text-faint',
  '--accent',
  '--focus',
] as const;

type AppPalette = Partial<Record<(typeof PALETTE_PROPERTIES)[number], string>>;

const LIGHT_THEME = 'courier-light';
const DARK_THEME = 'courier-dark';
const DARK_QUERY = '(prefers-color-scheme: dark)';

/**
 * Monaco takes theme colours as hex only, and the editor foreground only as #rrggbb (it feeds the token colour map,
 * which throws on "#fff" — the form the CSS minifier writes #ffffff in). So: #rgb is widened, #rrggbb kept, anything
 * else (rgba(), a missing variable) dropped, leaving the base theme's colour.
 */
function toSixDigitHex(value: string): string | null {
  const hex = value.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(hex)) return hex;
  if (/^#[0-9a-f]{3}$/.test(hex)) return `#${[...hex.slice(1)].map((digit) => digit + digit).join('')}`;
  return null;
}

/** Reads the palette from the page's computed custom properties, so the editors match whatever theme.css says. */
export function readAppPalette(style: Pick<CSSStyleDeclaration, 'getPropertyValue'>): AppPalette {
  const palette: AppPalette = {};
  for (const property of PALETTE_PROPERTIES) {
    const value = toSixDigitHex(style.getPropertyValue(property));
    if (value) palette[property] = value;
  }
  return palette;
}

/** A Monaco theme on top of vs / vs-dark (their token colours) with the app's surfaces, text and borders. */
export function buildEditorTheme(palette: AppPalette, dark: boolean): Monaco.editor.IStandaloneThemeData {
  const pairs: [string, string | undefined][] = [
    ['editor.background', palette['--surface']],
    ['editor.foreground', palette['--text']],
    ['editorGutter.background', palette['--surface']],
    ['editorLineNumber.foreground', palette['--text-faint']],
    ['editorLineNumber.activeForeground', palette['--text-muted']],
    ['editorCursor.foreground', palette['--text']],
    ['editor.lineHighlightBackground', palette['--surface-2']],
    ['editor.lineHighlightBorder', palette['--surface-2']],
    ['editorIndentGuide.background1', palette['--border']],
    ['editorIndentGuide.activeBackground1', palette['--border-strong']],
    ['editorWhitespace.foreground', palette['--border-strong']],
    ['editorOverviewRuler.border', palette['--border']],
    ['editorWidget.background', palette['--surface-2']],
    ['editorWidget.foreground', palette['--text']],
    ['editorWidget.border', palette['--border-strong']],
    ['editorHoverWidget.background', palette['--surface-2']],
    ['editorHoverWidget.border', palette['--border-strong']],
    ['editorSuggestWidget.background', palette['--surface-2']],
    ['editorSuggestWidget.border', palette['--border-strong']],
    ['menu.background', palette['--surface-2']],
    ['menu.foreground', palette['--text']],
    ['menu.border', palette['--border-strong']],
    ['input.background', palette['--surface']],
    ['input.foreground', palette['--text']],
    ['input.border', palette['--border-strong']],
    ['focusBorder', palette['--focus']],
  ];
  const colors: Monaco.editor.IColors = {};
  for (const [id, value] of pairs) if (value) colors[id] = value;
  return { base: dark ? 'vs-dark' : 'vs', inherit: true, rules: [], colors };
}

type ThemeApi = Pick<typeof Monaco.editor, 'defineTheme' | 'setTheme'>;

/**
 * Defines the light and dark editor themes from the page's colours and keeps Monaco on the one matching the system
 * setting, switching live when it changes (Monaco's theme is global: every editor follows). Call once.
 */
export function followAppTheme(editorApi: ThemeApi, root: HTMLElement = document.documentElement): void {
  const query = window.matchMedia(DARK_QUERY);
  const apply = () => {
    // The custom properties already hold the values for the current scheme when the change event fires.
    const palette = readAppPalette(getComputedStyle(root));
    const theme = query.matches ? DARK_THEME : LIGHT_THEME;
    editorApi.defineTheme(theme, buildEditorTheme(palette, query.matches));
    editorApi.setTheme(theme);
  };
  apply();
  query.addEventListener('change', apply);
}
