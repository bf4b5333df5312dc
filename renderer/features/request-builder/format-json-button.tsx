import { formatJson } from '../../../shared/request';
import { Button } from '../../ui';

interface FormatJsonButtonProps {
  json: string;
  onFormat: (json: string) => void;
}

/** Re-indents the JSON body; does nothing for text that does not parse (the editor's notice says why). */
export function FormatJsonButton({ json, onFormat }: FormatJsonButtonProps) {
  return (
    <Button
      size="small"
      disabled={json.trim() === ''}
      onClick={() => {
        const formatted = formatJson(json);
        if (formatted !== null) onFormat(formatted);
      }}
    >
      Format JSON
    </Button>
  );
}
