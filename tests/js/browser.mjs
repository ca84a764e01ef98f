// What the browser tests share: `kuril serve` on a free port of 127.0.0.1, Debian's chromium through
// playwright-core (software WebGL), and a pass/fail tally.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';

// Starts `kuril serve -d out -p 0`; resolves to { server, base } once it prints its address.
export async function startServer(kuril, out) {
  const server = spawn(kuril, ['serve', '-d', out, '-p', '0', '-q'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const base = await new Promise((resolve, reject) => {
    server.stdout.on('data', (d) => { const m = /http:\/\/127\.0\.0\.1:\d+/.exec(String(d)); if (m) resolve(m[0]); });
    server.on('exit', (code) => reject(new Error(`kuril serve exited ${code}`)));
    setTimeout(() => reject(new Error('kuril serve did not start')), 10000);
  });
  return { server, base };
}

export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/lib/chromium/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
      '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

export function tally() {
  const t = { passed: 0, failed: 0 };
  t.check = (ok, what) => { if (ok) t.passed++; else { t.failed++; console.error('FAIL ' + what); } };
  return t;
}

// The arguments every browser test takes: KURIL OUTPUT_DIR [SCREENS_DIR] (made if missing).
export function testArgs() {
  const [kuril, out, screensArg] = process.argv.slice(2);
  const screens = screensArg || `${out}/screens`;
  mkdirSync(screens, { recursive: true });
  return { kuril, out, screens };
}
