// Monaco's global "Tab moves focus" switch (what Ctrl+M toggles), read to show the editor's keyboard hint. Not part
// of the public API (the tabFocusMode editor option does not follow it), so it is typed here by hand.
declare module 'monaco-editor/editor/browser/config/tabFocus' {
  export const TabFocus: {
    getTabFocusMode(): boolean;
    onDidChangeTabFocus(listener: (tabFocusMode: boolean) => void): { dispose(): void };
  };
}
