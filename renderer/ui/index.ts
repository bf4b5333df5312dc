// Shared presentational components. The Monaco wrapper is imported from './monaco' directly so that nobody pulls
// it in by accident through this file; so is './virtual-list' (and @tanstack/virtual with it): no list is on screen
// at start, and what this file exports is taken into the code run before the first paint.
export { Tabs, type TabItem } from './tabs';
export { TabPanel } from './tab-panel';
export { InlineMessage } from './inline-message';
export { KeyValueTable } from './key-value-table';
export { SplitPane } from './split-pane';
export { SidePanel } from './side-panel';
export { useStoredNumber } from './use-stored-number';
export { useElementSize } from './use-element-size';
export { useElementWidth } from './use-element-width';
export { useMediaQuery } from './use-media-query';
export { VariableTextInput } from './variable-text-input';
export { VariableLookupContext, useVariableLookup, type ReferenceView, type VariableLookup } from './variable-lookup';
export { useThrottledValue } from './use-throttled-value';
export { lazyNamed } from './lazy-named';
export { useAutoDismiss, NOTICE_TIMEOUT_MS } from './use-auto-dismiss';
export { useDebouncedSave } from './use-debounced-save';
export { useTabShortcuts } from './use-tab-shortcuts';
export { usePaneFocusKeys } from './use-pane-focus-keys';
export { Button, buttonClass } from './button';
export { Dialog, DialogError } from './dialog';
export { ConfirmDialog, type ConfirmDialogProps } from './confirm-dialog';
export { Field } from './field';
export { Menu, type MenuItem, type MenuProps } from './menu';
export { Toolbar, type ToolbarProps } from './toolbar';
export { UrlBarButton, type UrlBarButtonProps } from './url-bar-button';
export { formControls } from './form-controls';
