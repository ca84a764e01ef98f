// The viewer in a real browser: Debian chromium driven by playwright-core, against `kuril serve` on
// 127.0.0.1. Moves the time slider to several dates and asserts the holder drawn at island points,
// switches the point of view and the language, fails on any console error, saves screenshots.
// Usage: node viewer_test.mjs KURIL OUTPUT_DIR [SCREENS_DIR]
import { readFileSync } from 'node:fs';
import { launchChromium, startServer, tally, testArgs } from './browser.mjs';

const { kuril, out, screens } = testArgs();
const t = tally();
const check = t.check;

const { server, base } = await startServer(kuril, out);
const url = `${base}/viewer/`;
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
const errors = [];
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
page.on('pageerror', (e) => errors.push(String(e)));
page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()} for ${r.url()}`); });
const glyphRequests = new Set();
page.on('response', (r) => { if (/\/viewer\/fonts\/.+\.pbf$/.test(r.url()) && r.status() === 200) glyphRequests.add(r.url()); });
await page.goto(url);
await page.evaluate(() => window.kuril.ready);

const PLACES = { Urup: [150.0089, 45.9392], Iturup: [147.8334, 45.1154], Shikotan: [146.6892, 43.7855],
  'south Sakhalin': [142.35, 47.35], Shumshu: [156.4213, 50.7458] };
const J = 'japan', R = 'russia', C = 'japan;russia';
const EXPECT = {
  '1860-01-01': { Urup: R, Iturup: J, Shikotan: J, 'south Sakhalin': C, Shumshu: R },
  '1880-01-01': { Urup: J, Iturup: J, Shikotan: J, 'south Sakhalin': R, Shumshu: J },
  '1910-01-01': { Urup: J, Iturup: J, Shikotan: J, 'south Sakhalin': J, Shumshu: J },
  '1950-01-01': { Urup: R, Iturup: R, Shikotan: R, 'south Sakhalin': R, Shumshu: R },
  today: { Urup: R, Iturup: R, Shikotan: R, 'south Sakhalin': R, Shumshu: R },
};
const holderAt = (place) => page.evaluate(([lon, lat]) => window.kuril.holderAt(lon, lat), PLACES[place]);

for (const [date, expect] of Object.entries(EXPECT)) {
  await page.evaluate((d) => window.kuril.show(d, 'neutral', 'en'), date);
  for (const [place, holder] of Object.entries(expect)) {
    const hits = await holderAt(place);
    check(hits.length === 1 && hits[0].holder === holder,
      `${date}, neutral view: ${place} shows ${JSON.stringify(hits)}, expected ${holder}`);
  }
  await page.screenshot({ path: `${screens}/viewer-${date === 'today' ? 'today' : date.slice(0, 4)}.png` });
}

// The legend names each party as on the day (the regimes of the land drawn), never "Russia / Soviet Union".
for (const [date, names, absent] of [['1860-01-01', ['Russian Empire', 'Tokugawa shogunate'], 'Soviet Union'],
                                      ['1960-01-01', ['Soviet Union'], 'Russian Empire']]) {
  await page.evaluate((d) => window.kuril.show(d, 'neutral', 'en'), date);
  const text = await page.evaluate(() => document.getElementById('legend').textContent);
  for (const n of names) check(text.includes(n), `${date}: the legend names ${n}: ${text}`);
  check(!text.includes(absent) && !text.includes('Russia / Soviet Union'), `${date}: the legend says ${text}`);
}

// Points of view today: the four southern islands change hands, Urup becomes undetermined for Japan.
const VIEWS = { neutral: { Iturup: R, Shikotan: R, Urup: R }, japan: { Iturup: J, Shikotan: J, Urup: 'undetermined' },
  russia: { Iturup: R, Shikotan: R, Urup: R } };
for (const [pov, expect] of Object.entries(VIEWS)) {
  await page.evaluate((p) => window.kuril.show('today', p), pov);
  for (const [place, holder] of Object.entries(expect)) {
    const hits = await holderAt(place);
    check(hits.length === 1 && hits[0].holder === holder, `today, ${pov} view: ${place} shows ${JSON.stringify(hits)}, expected ${holder}`);
  }
  await page.screenshot({ path: `${screens}/viewer-today-${pov}.png` });
}

// Labels: MapLibre's own symbol layer with the SDF glyph ranges kuril build writes (viewer/fonts/).
// For each language the Iturup label must be placed with its name, and drawing it must change pixels
// around its anchor (so the glyphs arrived and rendered, Japanese included).
const changedPixels = (a, b) => page.evaluate(async ([a64, b64]) => {
  const load = async (b64) => {
    const bmp = await createImageBitmap(await (await fetch('data:image/png;base64,' + b64)).blob());
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const g = c.getContext('2d');
    g.drawImage(bmp, 0, 0);
    return g.getImageData(0, 0, bmp.width, bmp.height).data;
  };
  const [pa, pb] = [await load(a64), await load(b64)];
  let n = 0;
  for (let i = 0; i < pa.length; i += 4) {
    if (Math.abs(pa[i] - pb[i]) + Math.abs(pa[i + 1] - pb[i + 1]) + Math.abs(pa[i + 2] - pb[i + 2]) > 90) n++;
  }
  return n;
}, [a.toString('base64'), b.toString('base64')]);
for (const [lang, name] of [['ja', '択捉島'], ['ru', 'Итуруп'], ['ainu', 'Etuworop-sir'], ['en', 'Iturup (Etorofu)']]) {
  await page.evaluate((l) => window.kuril.show('today', 'neutral', l), lang);
  const shown = await page.evaluate(() => window.kuril.labelsShown());
  const label = shown.find((l) => l.text === name);
  check(label !== undefined, `language ${lang}: no placed label "${name}" (placed: ${shown.map((l) => l.text).join(', ')})`);
  check(JSON.stringify(shown[0]?.field ?? '').includes(`name_${lang}`), `language ${lang}: text-field is ${JSON.stringify(shown[0]?.field)}`);
  if (label) {
    const clip = { x: Math.max(0, label.x - 70), y: Math.max(0, label.y - 30), width: 140, height: 60 };
    const withText = await page.screenshot({ clip });
    await page.evaluate(async () => { window.kuril.map.setLayoutProperty('labels', 'visibility', 'none'); await window.kuril.show(); });
    const without = await page.screenshot({ clip });
    await page.evaluate(async () => { window.kuril.map.setLayoutProperty('labels', 'visibility', 'visible'); await window.kuril.show(); });
    const n = await changedPixels(withText, without);
    check(n >= 40, `language ${lang}: the label "${name}" changed only ${n} pixels around its anchor`);
  }
  await page.screenshot({ path: `${screens}/viewer-labels-${lang}.png` });
}
check([...glyphRequests].some((u) => /\/0-255\.pbf$/.test(u)) && [...glyphRequests].some((u) => /\/1024-1279\.pbf$/.test(u))
  && [...glyphRequests].some((u) => /\/25344-25599\.pbf$/.test(u)),
  `glyph ranges fetched: ${[...glyphRequests].map((u) => u.replace(/.*\/fonts\//, '')).join(' ')}`);

// Settlements follow the slider: the town at Toyohara's place is named as the day named it.
const placesShown = () => page.evaluate(() => window.kuril.map.queryRenderedFeatures({ layers: ['places-dot'] })
  .map((f) => f.properties.name_en));
for (const [date, name, not] of [['1890-01-01', 'Vladimirovka', 'Toyohara'], ['1930-01-01', 'Toyohara', 'Yuzhno-Sakhalinsk'],
  ['today', 'Yuzhno-Sakhalinsk', 'Toyohara']]) {
  await page.evaluate((d) => window.kuril.show(d, 'neutral', 'en'), date);
  const names = await placesShown();
  check(names.includes(name) && !names.includes(not), `${date}: settlements shown ${JSON.stringify(names)}, expected ${name} and not ${not}`);
}
await page.evaluate(() => window.kuril.show('1930-01-01', 'neutral', 'ja'));
const ja = await page.evaluate(() => window.kuril.map.queryRenderedFeatures({ layers: ['places'] }).map((f) => f.properties.name_ja));
check(ja.includes('豊原'), `1930 in Japanese: settlement labels placed ${JSON.stringify(ja)}`);
await page.screenshot({ path: `${screens}/viewer-places-1930-ja.png` });

// Occupation drawn as such: north Sakhalin in 1921 (the Japanese occupation) lies under the occupied layer,
// and not in 1930.
const occupiedAt = ([lon, lat]) => page.evaluate(([lo, la]) => {
  const p = window.kuril.map.project([lo, la]);
  return window.kuril.map.queryRenderedFeatures([p.x, p.y], { layers: ['occupied'] }).length;
}, [lon, lat]);
for (const [date, expected] of [['1921-06-01', true], ['1930-01-01', false]]) {
  await page.evaluate((d) => window.kuril.show(d, 'neutral', 'en'), date);
  const n = await occupiedAt([143.0, 51.0]);
  check((n > 0) === expected, `${date}: north Sakhalin under the occupied layer ${n} times, expected ${expected ? 'some' : 'none'}`);
}

// The land around the chain: the Asian mainland drawn in the palette's context grey, the sea beside it not.
const palette = JSON.parse(readFileSync(new URL('../../styles/palette.json', import.meta.url), 'utf8'));
const rgbOf = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const pixelAt = async (lon, lat) => {
  const p = await page.evaluate(([lo, la]) => { const q = window.kuril.map.project([lo, la]); return { x: q.x, y: q.y }; }, [lon, lat]);
  const png = await page.screenshot({ clip: { x: Math.round(p.x), y: Math.round(p.y), width: 1, height: 1 } });
  return page.evaluate(async (b64) => {
    const bmp = await createImageBitmap(await (await fetch('data:image/png;base64,' + b64)).blob());
    const c = new OffscreenCanvas(1, 1);
    const g = c.getContext('2d');
    g.drawImage(bmp, 0, 0);
    return [...g.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  }, png.toString('base64'));
};
const near = (a, b) => a.every((v, i) => Math.abs(v - b[i]) <= 6);
await page.evaluate(async () => { await window.kuril.show('today', 'neutral', 'en'); });
await page.evaluate(() => new Promise((resolve) => { window.kuril.map.once('idle', resolve); window.kuril.map.jumpTo({ center: [139, 50], zoom: 4.6 }); }));
for (const [name, lon, lat] of [['Khabarovsk Krai (Sikhote-Alin)', 136.5, 50.5], ['the lower Amur', 138.5, 52.2]]) {
  const px = await pixelAt(lon, lat);
  check(near(px, rgbOf(palette.context_land)), `${name}: pixel ${px}, expected the context grey ${palette.context_land}`);
}
const seaPx = await pixelAt(139.5, 46.0);
check(near(seaPx, rgbOf(palette.sea)), `the Sea of Japan: pixel ${seaPx}, expected the sea ${palette.sea}`);
await page.screenshot({ path: `${screens}/viewer-context.png` });
// Zoomed in past the last zoom of each layer (context z8, dated land z10, the archive z12): MapLibre overzooms
// their last tiles, so the mainland by the Nevelskoy Strait stays grey and Iturup stays coloured.
const jump = (lon, lat, zoom) => page.evaluate(([lon, lat, zoom]) => new Promise((resolve) => {
  window.kuril.map.once('idle', resolve); window.kuril.map.jumpTo({ center: [lon, lat], zoom });
}), [lon, lat, zoom]);
for (const zoom of [10, 13]) {
  await jump(140.9, 52.1, zoom);
  const px = await pixelAt(140.9, 52.1);
  check(near(px, rgbOf(palette.context_land)), `the mainland at zoom ${zoom}: pixel ${px}, expected the context grey`);
}
for (const zoom of [11, 13, 15]) {
  await jump(...PLACES.Iturup, zoom);
  const hits = await holderAt('Iturup');
  check(hits.length === 1 && hits[0].holder === R, `today at zoom ${zoom}: Iturup shows ${JSON.stringify(hits)}, expected ${R}`);
}
await page.screenshot({ path: `${screens}/viewer-zoom15.png` });
await page.evaluate(() => new Promise((resolve) => { window.kuril.map.once('idle', resolve); window.kuril.map.jumpTo({ center: [148.5, 46.3], zoom: 4.6 }); }));

// The popup on a click: holder, dates, treaty and source.
await page.evaluate(() => window.kuril.show('1880-01-01', 'neutral', 'en'));
const pt = await page.evaluate(([lon, lat]) => { const p = window.kuril.map.project([lon, lat]); return { x: p.x, y: p.y }; }, PLACES.Urup);
await page.mouse.click(pt.x, pt.y);
await page.waitForSelector('.maplibregl-popup-content', { timeout: 5000 });
const popup = await page.textContent('.maplibregl-popup-content');
check(/Empire of Japan/.test(popup) && /1875-08-22/.test(popup) && /Treaty of Saint Petersburg/.test(popup) && /compendium_1992_p2/.test(popup),
  `popup on Urup in 1880: ${popup}`);
await page.screenshot({ path: `${screens}/viewer-popup.png` });

check(errors.length === 0, `console errors: ${errors.join(' | ')}`);
await browser.close();
server.kill('SIGINT');
const code = await new Promise((resolve) => server.on('exit', resolve));
check(code === 0, `kuril serve did not stop cleanly on Ctrl-C (exit ${code})`);
console.log(`viewer: ${t.passed} passed, ${t.failed} failed`);
process.exit(t.failed === 0 ? 0 : 1);
