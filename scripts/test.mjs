// `npm test`: the layer rule and formatting (npm run lint), type check, unit and component tests, dataset validation, then browser tests
// against the production build. Stops at the first failing stage.
import { spawnSync } from 'node:child_process';

const stages = [
  ['layers and format', 'npm', ['run', '--silent', 'lint']],
  ['type check', 'npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human']],
  ['unit + component tests', 'npx', ['vitest', 'run']],
  ['dataset validation', 'npx', ['tsx', 'scripts/validate.ts']],
  ['browser check', 'node', ['scripts/ensure-browser.mjs']],
  ['production build', 'npx', ['vite', 'build', '--logLevel', 'warn']],
  ['initial-load size budget', 'node', ['scripts/size-budget.mjs']],
  ['browser tests', 'npx', ['playwright', 'test']],
];

for (const [name, command, args] of stages) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, TZ: 'America/Los_Angeles' } });
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
