import type { ScriptConsoleLine } from '../../../shared/contract';

/** The printed lines, each naming the script it came from; also shown under a pre-request script's failure. */
export function ScriptConsoleLines({ lines }: { lines: readonly ScriptConsoleLine[] }) {
  return (
    <ol className="script-console__lines" aria-label="Script console output">
      {lines.map((line, index) => (
        <li key={index} className={`script-console__line script-console__line--${line.level}`} title={line.origin}>
          <span className="script-console__level">{line.level}</span> <span className="script-console__text">{line.text}</span>
        </li>
      ))}
    </ol>
  );
}
