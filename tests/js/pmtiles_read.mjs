// Reads Kuril Atlas's PMTiles with the npm `pmtiles` reader (the one web maps use) and checks the
// header, the metadata and a sample of tiles, byte for byte against the same tiles in the MBTiles
// (read with the sqlite3 CLI) and in the z/x/y directory.
// Usage: node pmtiles_read.mjs TILES.pmtiles TILES.mbtiles XYZ_DIR
import { PMTiles, zxyToTileId, tileIdToZxy } from 'pmtiles';
import { openSync, readSync, readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';

class NodeFileSource {
  constructor(path) { this.path = path; this.fd = openSync(path, 'r'); }
  getKey() { return this.path; }
  async getBytes(offset, length) {
    const b = Buffer.alloc(length);
    const n = readSync(this.fd, b, 0, length, offset);
    return { data: b.buffer.slice(b.byteOffset, b.byteOffset + n) };
  }
}

const [pmPath, mbPath, xyzDir] = process.argv.slice(2);
let failures = 0;
const fail = (msg) => { console.error('FAIL ' + msg); failures++; };

const p = new PMTiles(new NodeFileSource(pmPath));
const h = await p.getHeader();
if (h.specVersion !== 3) fail(`specVersion ${h.specVersion}`);
if (h.tileType !== 1) fail(`tileType ${h.tileType} (1 = MVT)`);
if (h.tileCompression !== 2 || h.internalCompression !== 2) fail('tile and internal compression must be gzip (2)');
if (!h.clustered) fail('archive not clustered');
if (h.rootDirectoryOffset + h.rootDirectoryLength > 16384) fail('root directory beyond the first 16 KiB');
const meta = await p.getMetadata();
const layers = (meta.vector_layers || []).map((l) => l.id).sort();
for (const want of ['boundaries', 'islands', 'labels', 'sovereignty', 'territories', 'views']) {
  if (!layers.includes(want)) fail(`metadata.vector_layers has no ${want}`);
}
if (!/GSHHG/.test(meta.attribution || '')) fail('metadata.attribution does not credit GSHHG');
if (!Array.isArray(meta.bounds) || !Array.isArray(meta.center)) fail('metadata lacks bounds or center');

// A sample of tiles: every zoom up to 6, and every 150th row of the MBTiles.
const rows = execFileSync('sqlite3', ['-separator', ' ', mbPath,
  'SELECT zoom_level, tile_column, tile_row, hex(tile_data) FROM tiles WHERE zoom_level <= 6 OR rowid % 150 = 0'],
  { maxBuffer: 1 << 30 }).toString().trim().split('\n');
let compared = 0;
for (const row of rows) {
  const [z, x, tmsRow, hex] = row.split(' ');
  const zi = Number(z), xi = Number(x), yi = (1 << zi) - 1 - Number(tmsRow);
  const fromMb = gunzipSync(Buffer.from(hex, 'hex'));
  const r = await p.getZxy(zi, xi, yi);
  if (!r) { fail(`pmtiles has no tile ${zi}/${xi}/${yi}`); continue; }
  const fromPm = Buffer.from(r.data);
  if (Buffer.compare(fromPm, fromMb) !== 0) fail(`tile ${zi}/${xi}/${yi} differs between PMTiles and MBTiles`);
  const file = `${xyzDir}/${zi}/${xi}/${yi}.pbf`;
  if (!existsSync(file) || Buffer.compare(readFileSync(file), fromMb) !== 0) fail(`tile ${zi}/${xi}/${yi} differs in ${xyzDir}`);
  const id = zxyToTileId(zi, xi, yi);
  const [bz, bx, by] = tileIdToZxy(id);
  if (bz !== zi || bx !== xi || by !== yi) fail(`tile id round trip ${zi}/${xi}/${yi}`);
  compared++;
}
// A tile outside the data is absent.
if (await p.getZxy(14, 0, 0)) fail('pmtiles returns a tile where there is no data');
if (compared < 100) fail(`only ${compared} tiles compared`);
console.log(`pmtiles reader: header v${h.specVersion}, ${h.numAddressedTiles} addressed tiles, ${h.numTileContents} distinct, ` +
  `layers ${layers.join(',')}; ${compared} tiles byte-equal in PMTiles, MBTiles and ${xyzDir}`);
console.log(`${compared - failures > 0 ? compared : 0} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
