import type { ReactNode } from 'react';

interface TabPanelProps {
  idPrefix: string;
  id: string;
  children: ReactNode;
  className?: string;
}

/** The panel a Tabs tab controls; render only the selected one. */
export function TabPanel({ idPrefix, id, children, className }: TabPanelProps) {
  return (
    <div
      role="tabpanel"
      id={`${idPrefix}-panel-${id}`}
      aria-labelledby={`${idPrefix}-tab-${id}`}
      className={className ? `ui-tab-panel ${className}` : 'ui-tab-panel'}
    >
      {children}
    </div>
  );
}
