import { describe, expect, it } from 'vitest';
import { buildEditorTheme, readAppPalette } from './editor-theme';

function styleOf(values: Record<string, string>) {
  return { getPropertyValue: (name: string) => values[name] ?? '' };
}

// A few of theme.css's dark values; the end-to-end test checks the editors against the real stylesheet.
const DARK = { '--surface': '#1e2125', '--surface-2': '#272b30', '--text': '#e4e7eb', '--text-faint': '#6f7883', '--focus': '#6598ff' };

describe('editor theme', () => {
  it('widens the short hex the CSS minifier writes: Monaco throws on "#fff" as the editor foreground', () => {
    const theme = buildEditorTheme(readAppPalette(styleOf({ '--surface': '#fff', '--text': '#1c2127' })), false);
    expect(theme.colors['editor.background']).toBe('#ffffff');
    expect(theme.colors['editor.foreground']).toBe('#1c2127');
  });

  it('puts the app surface and text colours on top of vs-dark or vs', () => {
    const dark = buildEditorTheme(readAppPalette(styleOf(DARK)), true);
    expect(dark.base).toBe('vs-dark');
    expect(dark.inherit).toBe(true);
    expect(dark.colors).toMatchObject({
      'editor.background': '#1e2125',
      'editorGutter.background': '#1e2125',
      'editor.foreground': '#e4e7eb',
      'editorLineNumber.foreground': '#6f7883',
      'editor.lineHighlightBackground': '#272b30',
      focusBorder: '#6598ff',
    });
    expect(buildEditorTheme(readAppPalette(styleOf({ '--surface': '#ffffff' })), false)).toMatchObject({
      base: 'vs',
      colors: { 'editor.background': '#ffffff' },
    });
  });

  it('leaves out colours Monaco cannot parse, keeping the base theme colour instead', () => {
    const palette = readAppPalette(styleOf({ '--surface': 'rgba(0, 0, 0, 0.5)', '--text': ' #E4E7EB ', '--border': 'var(--x)', '--focus': '#6598ff80' }));
    expect(palette).toEqual({ '--text': '#e4e7eb' });
    const theme = buildEditorTheme(palette, true);
    expect(theme.colors).not.toHaveProperty('editor.background');
    expect(theme.colors['editor.foreground']).toBe('#e4e7eb');
  });
});
