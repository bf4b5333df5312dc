// The static checks of `npm test` in two lanes, because CI has two cores and these are CPU-bound: type-aware lint
// (~140 s of CPU) alone in one lane, type-check → format check → dead code (~110 s) in the other. In a row they took
// ~250 s. Each lane's output is printed whole when it ends, so the two never interleave. A failing step stops its
// lane; the run fails if either lane failed, after both ended (every error of the run is shown at once).
// A dozen lines of spawn rather than a task-runner dependency: nothing here needs more than `npm run` twice.
import { spawn } from 'node:child_process';

// `--build` (npm test) ends the shorter lane with the build the end-to-end tests need: ~10 s that ran alone after the
// unit tests now end about when lint does (dist/ is ignored by lint, Prettier and knip, and no unit test reads it).
const build = process.argv.includes('--build') ? ['build'] : [];
const lanes = [['lint'], ['typecheck', 'format:check', 'deadcode', ...build]];

function runScript(name) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn('npm', ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ name, code: code ?? 1, output, seconds: (Date.now() - started) / 1000 }));
  });
}

async function runLane(names) {
  for (const name of names) {
    const result = await runScript(name);
    const verdict = result.code === 0 ? 'passed' : `FAILED (exit ${result.code})`;
    process.stdout.write(`\n> npm run ${name} — ${verdict} in ${result.seconds.toFixed(1)} s\n${result.output}`);
    if (result.code !== 0) return false;
  }
  return true;
}

const results = await Promise.all(lanes.map(runLane));
process.exit(results.every(Boolean) ? 0 : 1);
