// Kuril Atlas in OpenLayers: the PMTiles archive read by HTTP range requests (ol-pmtiles), the land of the
// `views` layer coloured by who held it on one day (?date=YYYY-MM-DD), with the viewer's date filter.
// An ES module, as OpenLayers apps are written: `npm run build` in web/ bundles it with ol and ol-pmtiles
// (esbuild) into the openlayers.js that openlayers.html loads. (ol-pmtiles' own script build carries a copy
// of OpenLayers' classes that does not mix with ol.js.)
import Map from "ol/Map.js";
import View from "ol/View.js";
import VectorTileLayer from "ol/layer/VectorTile.js";
import { fromLonLat } from "ol/proj.js";
import { Fill, Stroke, Style } from "ol/style.js";
import { PMTilesVectorSource } from "ol-pmtiles";

const { decimalYear, activeOn, COLOURS, CONTEXT_LAND, dateFromUrl } = window.kurilDates;
let date = dateFromUrl();
let decdate = decimalYear(date);
const styles = Object.fromEntries(Object.entries(COLOURS).map(([holder, colour]) =>
  [holder, new Style({ fill: new Fill({ color: colour }), stroke: new Stroke({ color: "#ffffff", width: 0.5 }) })]));

const contextStyle = new Style({ fill: new Fill({ color: CONTEXT_LAND }) });  // the land around the record

// One archive, two sources: each stops at its layer's last zoom (context z8, views z10), so OpenLayers
// overzooms those tiles when the map goes deeper (the archive's own maxzoom is that of its lines and points).
const archive = new URL("../../tiles/kuril.pmtiles", location.href).href;
const contextSource = new PMTilesVectorSource({ url: archive + "?context", maxZoom: 8 });  // its own URL: cached apart
const source = new PMTilesVectorSource({
  url: archive, maxZoom: 10,
  attributions: ["Coastline: GSHHG (LGPL); history: Kuril Atlas, sources per record"],
});
const contextLayer = new VectorTileLayer({
  source: contextSource,
  style: (feature) => (feature.get("layer") === "context" ? contextStyle : undefined),
});
const layer = new VectorTileLayer({
  source,
  style: (feature) => (feature.get("layer") === "views" && activeOn(feature.getProperties(), decdate)
    ? styles[feature.get("pov_neutral")] : undefined),  // undefined: not drawn, and not hit by getFeatures
});
const map = new Map({ target: "map", layers: [contextLayer, layer],
  view: new View({ center: fromLonLat([148.5, 46.3]), zoom: 6 }) });
const label = document.getElementById("date");
label.textContent = date;

// Resolves once every tile in view is loaded and drawn (the source first reads the archive's header).
function rendered() {
  return new Promise((resolve) => {
    const wait = () => map.once("rendercomplete", () => {
      if (source.getState() === "ready" && !map.getAllLayers().some((l) => l.getSource().getState() !== "ready")) resolve();
      else wait();
    });
    wait();
    map.render();
  });
}

// For tests and the console: show a day; who is drawn at a point (features hit at its pixel).
window.example = {
  ready: rendered(),
  async show(iso) {
    date = iso; decdate = decimalYear(iso); label.textContent = iso;
    const done = rendered();
    layer.changed();
    await done;
  },
  async zoomTo(lon, lat, zoom) {
    const done = rendered();
    map.getView().setCenter(fromLonLat([lon, lat]));
    map.getView().setZoom(zoom);
    await done;
  },
  async holderAt(lon, lat) {
    const hits = await layer.getFeatures(map.getPixelFromCoordinate(fromLonLat([lon, lat])));
    return hits.filter((f) => f.get("layer") === "views")
      .map((f) => ({ territory: f.get("territory"), holder: f.get("pov_neutral") }));
  },
};
