// The MapLibre style against the MapLibre style specification and against what the build wrote:
// valid by @maplibre/maplibre-gl-style-spec (the validator MapLibre GL JS itself uses), every
// source-layer in the tiles' vector_layers (TileJSON 3.0.0), every property it reads a field of that
// layer, its glyphs template resolving to the ranges in output/viewer/fonts/, and every layer drawn from
// a source whose maxzoom is at most its source-layer's last zoom (vector_layers[].maxzoom), so MapLibre
// overzooms that layer's last tiles instead of showing nothing past them.
// Usage: node style_test.mjs STYLE.json OUTPUT_DIR WEB_DIR
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [stylePath, out, web] = process.argv.slice(2);
const require = createRequire(path.resolve(web, 'package.json'));
const { validateStyleMin } = require('@maplibre/maplibre-gl-style-spec');
let passed = 0, failed = 0;
const check = (ok, what) => { if (ok) passed++; else { failed++; console.error('FAIL ' + what); } };

const style = JSON.parse(readFileSync(stylePath, 'utf8'));
const errors = validateStyleMin(style);
check(errors.length === 0, `style spec: ${errors.map((e) => e.message).join('; ')}`);

const tilejson = JSON.parse(readFileSync(path.join(out, 'tiles/xyz/tiles.json'), 'utf8'));
const fields = Object.fromEntries(tilejson.vector_layers.map((l) => [l.id, new Set(Object.keys(l.fields))]));
const lastZoom = Object.fromEntries(tilejson.vector_layers.map((l) => [l.id, l.maxzoom]));
// Property names an expression reads with ["get", name] / ["has", name].
const reads = (expr, acc = new Set()) => {
  if (Array.isArray(expr)) {
    if ((expr[0] === 'get' || expr[0] === 'has') && typeof expr[1] === 'string' && expr.length === 2) acc.add(expr[1]);
    for (const e of expr) reads(e, acc);
  } else if (expr && typeof expr === 'object') {
    for (const v of Object.values(expr)) reads(v, acc);
  }
  return acc;
};
// The viewer's language switch: island labels in four languages, settlements in three (Ainu falls back to English).
const viewerReads = { labels: ['name_ja', 'name_ru', 'name_ainu'], places: ['name_ja', 'name_ru'] };
for (const layer of style.layers.filter((l) => l.source in style.sources)) {
  const known = fields[layer['source-layer']];
  check(known !== undefined, `layer ${layer.id}: source-layer ${layer['source-layer']} is not in the tiles`);
  if (!known) continue;
  const sourceMax = style.sources[layer.source].maxzoom ?? tilejson.maxzoom;
  check(sourceMax <= lastZoom[layer['source-layer']], `layer ${layer.id}: source ${layer.source} reads to z${sourceMax}, ` +
    `but ${layer['source-layer']} stops at z${lastZoom[layer['source-layer']]}: nothing would be drawn past it`);
  for (const name of reads([layer.filter, layer.layout, layer.paint])) {
    check(known.has(name), `layer ${layer.id}: reads '${name}', which ${layer['source-layer']} does not have`);
  }
  if (layer.type === 'symbol') {
    for (const name of viewerReads[layer['source-layer']] || ['name_ja', 'name_ru', 'name_ainu']) {
      check(known.has(name), `${layer.id}: no '${name}' for the language switch`);
    }
    const stack = layer.layout['text-font'].join(',');
    for (const range of ['0-255', '1024-1279', '25344-25599']) {
      const file = style.glyphs.replace('{fontstack}', stack).replace('{range}', range);
      check(existsSync(path.join(out, 'viewer', file)), `glyphs: no ${file} under ${out}/viewer`);
    }
  }
}
// One archive, each source at its own URL of it (a query string of its own: no two share a browser cache entry).
const urls = Object.values(style.sources).map((s) => s.url);
for (const [name, source] of Object.entries(style.sources)) {
  check(source.url.split('?')[0] === style.sources.kuril.url, `source ${name}: ${source.url}, not the archive ${style.sources.kuril.url}`);
  check(urls.filter((u) => u === source.url).length === 1, `source ${name}: ${source.url} is another source's URL too`);
}
check(style.sources.kuril.url.startsWith('pmtiles://'), `source url ${style.sources.kuril.url}`);
console.log(`style: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
