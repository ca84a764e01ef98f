// Rasterises SVG files in Debian chromium (playwright-core), the way a browser shows a map: each SVG at
// a resolution given in dpi, on white, to a PNG beside it named NAME-chromium.png.
// Usage: node svg_raster.mjs DPI FILE.svg...
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [dpi, ...files] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/lib/chromium/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-sync'],
});
for (const file of files) {
  // The SVG's size in points (width="841.89pt"): CSS pixels are 1/96 inch, so the device scale makes dpi.
  const svg = readFileSync(file, 'utf8');
  const pt = (name) => Number(new RegExp(`${name}="([0-9.]+)pt"`).exec(svg)[1]);
  const [w, h] = [pt('width'), pt('height')];
  const context = await browser.newContext({
    viewport: { width: Math.ceil(w * 96 / 72), height: Math.ceil(h * 96 / 72) }, deviceScaleFactor: Number(dpi) / 96,
  });
  const page = await context.newPage();
  await page.goto(pathToFileURL(file).href);  // the SVG document itself, drawn at its size in points
  await page.screenshot({ path: file.replace(/\.svg$/, '-chromium.png'), omitBackground: false,
    clip: { x: 0, y: 0, width: w * 96 / 72, height: h * 96 / 72 } });
  await context.close();
}
await browser.close();
