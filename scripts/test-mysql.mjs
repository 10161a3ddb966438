// `npm run test:mysql`: the database-touching suites (e2e and db specs) on MySQL/MariaDB.
// TEST_DATABASE_URL defaults to the local MariaDB; the tests refuse a database without
// "test" in its name and create it (one per Jest worker) when it is missing.
import { spawnSync } from 'node:child_process';

const url = process.env.TEST_DATABASE_URL || 'mariadb://root@127.0.0.1:3306/wagetrack_test';
const name = new URL(url).pathname.slice(1);
if (!/^(mysql|mariadb):\/\//.test(url)) {
  console.error(`test:mysql: TEST_DATABASE_URL must be a mysql:// or mariadb:// URL, got ${url}`);
  process.exit(2);
}
if (!/test/i.test(name)) {
  console.error(`test:mysql: refusing database "${name}": its name must contain "test"`);
  process.exit(2);
}
const jest = new URL('../node_modules/jest/bin/jest.js', import.meta.url).pathname;
// The caller's arguments (files, -t …) go first: `--selectProjects` takes every word after it.
const result = spawnSync(process.execPath, [jest, ...process.argv.slice(2), '--selectProjects', 'db'], {
  stdio: 'inherit',
  env: { ...process.env, TEST_DATABASE_URL: url },
});
process.exit(result.status ?? 1);
