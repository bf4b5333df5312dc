import type { ReactNode } from 'react';
import { EnvironmentPicker, VaultIndicator } from '../features/environments';
import { Button } from '../ui';
import { useConnectionStatus } from './connection-lost-banner';

// navigator.platform is deprecated but still the most reliable synchronous signal; a wrong guess only changes a hint.
const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

interface TopBarProps {
  historyOpen: boolean;
  onToggleHistory: () => void;
  collectionsOpen: boolean;
  onToggleCollections: () => void;
  /** more buttons after History (Import) */
  actions?: ReactNode;
  onOpenEnvironments: () => void;
  onOpenVault: () => void;
  /** the keyboard shortcut list (also F1 and Ctrl/⌘+/) */
  onOpenShortcuts: () => void;
}

export function TopBar({
  historyOpen,
  onToggleHistory,
  collectionsOpen,
  onToggleCollections,
  actions,
  onOpenEnvironments,
  onOpenVault,
  onOpenShortcuts,
}: TopBarProps) {
  // The vault's last known state is not news while the host is gone: say that instead.
  const connected = useConnectionStatus().kind === 'connected';
  return (
    <header className="app-top-bar">
      <h1 className="app-top-bar__name">
        <span className="app-top-bar__logo" aria-hidden="true" />
        Courier
      </h1>
      <Button
        className="app-top-bar__toggle"
        aria-expanded={collectionsOpen}
        aria-controls={collectionsOpen ? 'collections-panel' : undefined}
        onClick={onToggleCollections}
      >
        <span className="app-top-bar__toggle-icon" aria-hidden="true" />
        Collections
      </Button>
      <Button className="app-top-bar__toggle" aria-expanded={historyOpen} aria-controls={historyOpen ? 'history-panel' : undefined} onClick={onToggleHistory}>
        <span className="app-top-bar__toggle-icon" aria-hidden="true" />
        History
      </Button>
      {actions}
      <p className="app-top-bar__hint">
        Send <kbd>{isMac ? '⌘' : 'Ctrl'}</kbd>+<kbd>Enter</kbd>
      </p>
      <div className="app-top-bar__environment">
        <EnvironmentPicker />
        <Button className="app-top-bar__toggle app-top-bar__environments" aria-haspopup="dialog" onClick={onOpenEnvironments}>
          <span className="app-top-bar__environments-icon" aria-hidden="true" />
          Environments
        </Button>
        {connected ? <VaultIndicator onOpen={onOpenVault} /> : <span className="app-top-bar__offline">Not connected</span>}
        <Button
          className="app-top-bar__toggle app-top-bar__help"
          aria-label="Keyboard shortcuts"
          aria-haspopup="dialog"
          aria-keyshortcuts="F1 Control+/ Shift+?"
          title={`Keyboard shortcuts (?, F1 or ${isMac ? '⌘' : 'Ctrl'}+/)`}
          onClick={onOpenShortcuts}
        >
          ?
        </Button>
      </div>
    </header>
  );
}
