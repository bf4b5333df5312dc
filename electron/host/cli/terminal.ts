import { requestOutcome, secondsText, type RequestRun, type RunResult } from '../../../shared/runner';
import { type RunEvent } from '../../services/runner';

interface TerminalOptions {
  write: (text: string) => void;
  /** colours and a spinner: only on a terminal (and not with NO_COLOR); CI logs get plain lines */
  tty: boolean;
  color: boolean;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

function paint(enabled: boolean) {
  const wrap = (open: number, close: number) => (text: string) => (enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { green: wrap(32, 39), red: wrap(31, 39), yellow: wrap(33, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}

const pad = (text: string, width: number): string => (text.length >= width ? text : text + ' '.repeat(width - text.length));
const padStart = (text: string, width: number): string => (text.length >= width ? text : ' '.repeat(width - text.length) + text);

/** A line per request as it finishes (a spinner before, on a terminal), and a summary table at the end. */
export function createTerminalReporter(options: TerminalOptions) {
  const c = paint(options.color);
  let spinner: ReturnType<typeof setInterval> | null = null;
  let frame = 0;
  let current = '';
  let iterations = 1;

  const clearLine = () => {
    if (options.tty) options.write('\r\u001b[2K');
  };
  const stopSpinner = () => {
    if (spinner !== null) clearInterval(spinner);
    spinner = null;
    clearLine();
  };
  const startSpinner = (text: string) => {
    current = text;
    if (!options.tty) return;
    if (spinner === null) {
      spinner = setInterval(() => {
        frame = (frame + 1) % SPINNER.length;
        clearLine();
        options.write(`${c.yellow(SPINNER[frame]!)} ${current}`);
      }, 80);
      spinner.unref();
    }
    clearLine();
    options.write(`${c.yellow(SPINNER[frame]!)} ${current}`);
  };

  const line = (run: RequestRun): string => {
    const outcome = requestOutcome(run);
    const icon = outcome === 'skipped' || outcome === 'cancelled' ? c.yellow('–') : outcome === 'failed' ? c.red('✗') : c.green('✓');
    const passed = run.tests.filter((test) => test.outcome === 'passed').length;
    const failedTests = run.tests.filter((test) => test.outcome === 'failed').length;
    const status =
      outcome === 'skipped' || outcome === 'cancelled'
        ? c.yellow(outcome)
        : run.status === null
          ? c.red(run.error?.code ?? 'no response')
          : `${run.status} ${run.statusText}`.trim();
    const time = run.timeMs === null ? '' : `${run.timeMs} ms`;
    const counts = run.tests.length === 0 ? '' : `${c.green(`${passed} ✓`)} ${failedTests > 0 ? c.red(`${failedTests} ✗`) : c.dim('0 ✗')}`;
    const parts = [`${icon} ${pad(run.method, 7)}${run.name}`, status, c.dim(time), counts, run.retried ? c.yellow('(retried after a rate limit)') : ''];
    const details = run.tests
      .filter((test) => test.outcome === 'failed')
      .map((test) => `    ${c.red('✗')} ${test.name}${test.message === undefined ? '' : c.dim(` — ${test.message}`)}`);
    if (run.error !== null && outcome !== 'cancelled') details.unshift(`    ${c.red(run.error.message)}`);
    return [parts.filter(Boolean).join('  '), ...details].join('\n');
  };

  return {
    onEvent(event: RunEvent): void {
      switch (event.type) {
        case 'run-started':
          iterations = event.iterations;
          options.write(
            `${c.bold(event.name)}${c.dim(` — ${event.requests} request${event.requests === 1 ? '' : 's'}${event.iterations > 1 ? ` × ${event.iterations} iterations` : ''}`)}\n`,
          );
          break;
        case 'iteration-started':
          if (iterations > 1) options.write(`${c.dim(`Iteration ${event.iteration}/${event.iterations}`)}\n`);
          break;
        case 'delay':
          if (options.tty) startSpinner(c.dim(`waiting ${secondsText(event.waitMs)} before ${event.name}`));
          break;
        case 'request-started':
          startSpinner(`${event.method} ${event.name}`);
          break;
        case 'rate-limit-wait':
          if (options.tty) startSpinner(`${event.name}: rate limited (${event.source}), retrying in ${Math.ceil(event.remainingMs / 1000)} s`);
          else if (event.remainingMs === event.waitMs)
            options.write(`  ${event.name}: rate limited (${event.source}), waiting ${Math.ceil(event.waitMs / 1000)} s before retrying once\n`);
          break;
        case 'request-finished':
          stopSpinner();
          options.write(`${line(event.result)}\n`);
          break;
        case 'run-finished':
          stopSpinner();
          break;
      }
    },
    summary(result: RunResult): string {
      const t = result.totals;
      const rows: [string, string, string, string, string][] = [
        ['', 'total', 'failed', 'skipped', 'cancelled'],
        ['requests', String(t.requests), String(t.failedRequests), String(t.skippedRequests), String(t.cancelledRequests)],
        ['tests', String(t.tests), String(t.failedTests), String(t.skippedTests), ''],
      ];
      const widths = [10, 8, 8, 8, 9];
      const border = (l: string, m: string, r: string) => `${l}${widths.map((w) => '─'.repeat(w + 2)).join(m)}${r}`;
      const cell = (text: string, index: number) => (index === 0 ? pad(text, widths[0]!) : padStart(text, widths[index]!));
      const body = rows.map(
        (row, r) =>
          `│ ${row
            .map((text, index) => {
              const shown = cell(text, index);
              return r > 0 && index === 2 && text !== '0' ? c.red(shown) : shown;
            })
            .join(' │ ')} │`,
      );
      const elapsed = ((result.finishedAt - result.startedAt) / 1000).toFixed(2);
      const answered = t.requests - t.skippedRequests - t.cancelledRequests;
      const average = answered > 0 ? Math.round(t.timeMs / answered) : 0;
      const verdict = result.cancelled ? c.yellow('Cancelled.') : t.failedRequests > 0 ? c.red(`${t.failedRequests} failed.`) : c.green('All passed.');
      return [
        border('┌', '┬', '┐'),
        body[0],
        border('├', '┼', '┤'),
        body[1],
        body[2],
        border('└', '┴', '┘'),
        `Run took ${elapsed} s, average response ${average} ms${result.bailed ? ', stopped at the first failure (--bail)' : ''}. ${verdict}`,
        '',
      ].join('\n');
    },
    stop: stopSpinner,
  };
}
