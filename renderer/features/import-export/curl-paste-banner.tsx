import type { CurlPasteNotice } from './use-curl-paste';
import { Button } from '../../ui';
import banner from './notice-banner.module.css';

interface CurlPasteBannerProps {
  notice: CurlPasteNotice | null;
  onUndo: () => void;
  onDismiss: () => void;
  /** opens the import preview with the whole paste */
  onImportAll: (text: string) => void;
}

/** What a pasted curl command did, with the way back. */
export function CurlPasteBanner({ notice, onUndo, onDismiss, onImportAll }: CurlPasteBannerProps) {
  if (!notice) return null;
  return (
    <div className={banner.banner} role="status">
      <span>{notice.message}</span>
      {notice.warnings.length > 0 ? (
        <ul className={banner.warnings} aria-label="Not carried over">
          {notice.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
      <span className={banner.actions}>
        {notice.several ? <Button onClick={() => onImportAll(notice.several!.text)}>Import all {notice.several.count}…</Button> : null}
        <Button onClick={onUndo}>Undo</Button>
        <Button variant="quiet" onClick={onDismiss} aria-label="Dismiss">
          ×
        </Button>
      </span>
    </div>
  );
}
