// The example pages for other map clients (output/viewer/examples/), each in Debian chromium driven by
// playwright-core against `kuril serve`: OpenLayers + ol-pmtiles on the PMTiles, Leaflet + protomaps-leaflet
// on the z/x/y tiles, deck.gl's MVTLayer (WebGL2) on the z/x/y tiles. For 1860 and today, the holder drawn
// at five island points must be the record's (OpenLayers and deck.gl: the feature hit at the pixel;
// Leaflet: the colour of the pixel), also zoomed in past the tiles' last zoom, with no console error or
// failed request. Screenshots to SCREENS_DIR.
// Usage: node examples_test.mjs KURIL OUTPUT_DIR [SCREENS_DIR]
import { launchChromium, startServer, tally, testArgs } from './browser.mjs';

const { kuril, out, screens } = testArgs();
const t = tally();
const check = t.check;

const { server, base } = await startServer(kuril, out);
const browser = await launchChromium();

const PLACES = { Urup: [150.0089, 45.9392], Iturup: [147.8334, 45.1154], Shikotan: [146.6892, 43.7855],
  'south Sakhalin': [142.35, 47.35], Shumshu: [156.4213, 50.7458] };
const J = 'japan', R = 'russia', C = 'japan;russia';
const today = new Date().toISOString().slice(0, 10);
const EXPECT = {
  '1860-01-01': { Urup: R, Iturup: J, Shikotan: J, 'south Sakhalin': C, Shumshu: R },
  [today]: { Urup: R, Iturup: R, Shikotan: R, 'south Sakhalin': R, Shumshu: R },
};

for (const example of ['openlayers', 'leaflet', 'deckgl']) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  // A request the client cancels itself (net::ERR_ABORTED: deck.gl drops tiles it no longer needs) is no error.
  page.on('requestfailed', (r) => { if (r.failure()?.errorText !== 'net::ERR_ABORTED') errors.push(`request failed: ${r.url()} (${r.failure()?.errorText})`); });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()} for ${r.url()}`); });
  await page.goto(`${base}/viewer/examples/${example}.html?date=1860-01-01`);
  try {
    await page.waitForFunction(() => window.example !== undefined, null, { timeout: 30000 });
    await page.evaluate(() => window.example.ready);
  } catch (e) {
    check(false, `${example}: the page did not get ready: ${e.message.split('\n')[0]}; errors: ${errors.join(' | ')}`);
    await page.close();
    continue;
  }
  for (const [date, expect] of Object.entries(EXPECT)) {
    await page.evaluate((d) => window.example.show(d), date);
    for (const [place, holder] of Object.entries(expect)) {
      const hits = await page.evaluate(([lon, lat]) => window.example.holderAt(lon, lat), PLACES[place]);
      check(hits.length >= 1 && hits.every((h) => h.holder === holder),
        `${example}, ${date}: ${place} shows ${JSON.stringify(hits)}, expected ${holder}`);
    }
    await page.screenshot({ path: `${screens}/example-${example}-${date === today ? 'today' : date.slice(0, 4)}.png` });
  }
  // Past the last zoom of the views (z10) and of the archive (z12): the client overzooms, the land stays coloured.
  for (const zoom of [11, 13]) {
    await page.evaluate(([lon, lat, z]) => window.example.zoomTo(lon, lat, z), [...PLACES.Iturup, zoom]);
    const hits = await page.evaluate(([lon, lat]) => window.example.holderAt(lon, lat), PLACES.Iturup);
    check(hits.length >= 1 && hits.every((h) => h.holder === R), `${example}, ${today}, zoom ${zoom}: Iturup shows ${JSON.stringify(hits)}, expected ${R}`);
  }
  await page.screenshot({ path: `${screens}/example-${example}-zoom13.png` });
  check(errors.length === 0, `${example}: console errors: ${errors.join(' | ')}`);
  await page.close();
}
await browser.close();
server.kill('SIGINT');
await new Promise((resolve) => server.on('exit', resolve));
console.log(`examples: ${t.passed} passed, ${t.failed} failed`);
process.exit(t.failed === 0 ? 0 : 1);
