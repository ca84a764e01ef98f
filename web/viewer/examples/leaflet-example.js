// Kuril Atlas in Leaflet: the z/x/y tiles of output/tiles/xyz/ (plain files, any static server) drawn by
// protomaps-leaflet on canvas, the `views` layer coloured by who held the land on one day (?date=).
(function () {
  "use strict";
  const { decimalYear, activeOn, COLOURS, CONTEXT_LAND, dateFromUrl } = window.kurilDates;
  let date = dateFromUrl();
  let decdate = decimalYear(date);
  const map = L.map("map", { zoomSnap: 0 }).setView([46.3, 148.5], 6);
  // Two layers over the same tiles, each to its layer's last zoom (context z8, views z10): protomaps-leaflet
  // overzooms a layer's last tiles past its maxDataZoom.
  const tiles = new URL("../../tiles/xyz/", location.href).href + "{z}/{x}/{y}.pbf";
  const context = protomapsL.leafletLayer({
    url: tiles, maxDataZoom: 8, labelRules: [],
    paintRules: [{ dataLayer: "context", symbolizer: new protomapsL.PolygonSymbolizer({ fill: CONTEXT_LAND, opacity: 1, width: 0 }) }],
  });
  const layer = protomapsL.leafletLayer({
    url: tiles,
    maxDataZoom: 10,
    attribution: "Coastline: GSHHG (LGPL); history: Kuril Atlas, sources per record",
    paintRules: [{
      dataLayer: "views",
      filter: (zoom, feature) => activeOn(feature.props, decdate),
      symbolizer: new protomapsL.PolygonSymbolizer({
        fill: (zoom, feature) => COLOURS[feature.props.pov_neutral] || "#e0e0e0", opacity: 1, stroke: "#ffffff", width: 0.5,
      }),
    }],
    labelRules: [],
  });
  context.addTo(map);
  layer.addTo(map);
  const label = document.getElementById("date");
  label.textContent = date;

  // protomaps-leaflet draws each tile's canvas after Leaflet's "load": wait for both, then two frames.
  const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  async function drawn() {
    for (const l of [context, layer]) await new Promise((resolve) => (l.isLoading() ? l.once("load", resolve) : resolve()));
    await new Promise((r) => setTimeout(r, 300));
    await frames();
  }
  // The holder whose colour is drawn at a point: the pixel of the tile canvas under it, nearest colour.
  function holderAt(lon, lat) {
    const p = map.latLngToContainerPoint([lat, lon]);
    const box = map.getContainer().getBoundingClientRect();
    const x = box.left + p.x, y = box.top + p.y;
    for (const canvas of layer.getContainer().querySelectorAll("canvas.leaflet-tile")) {
      const r = canvas.getBoundingClientRect();
      if (x < r.left || x >= r.right || y < r.top || y >= r.bottom) continue;
      const px = Math.floor((x - r.left) * canvas.width / r.width), py = Math.floor((y - r.top) * canvas.height / r.height);
      const [red, green, blue, alpha] = canvas.getContext("2d").getImageData(px, py, 1, 1).data;
      if (alpha < 200) return [];
      let best = null, bestDist = Infinity;
      for (const [holder, hex] of Object.entries(COLOURS)) {
        const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
        const dist = (c[0] - red) ** 2 + (c[1] - green) ** 2 + (c[2] - blue) ** 2;
        if (dist < bestDist) { best = holder; bestDist = dist; }
      }
      return bestDist < 30 * 30 ? [{ holder: best, rgb: [red, green, blue] }] : [{ holder: null, rgb: [red, green, blue] }];
    }
    return [];
  }
  window.example = {
    ready: drawn(),
    async show(iso) {
      date = iso; decdate = decimalYear(iso); label.textContent = iso;
      layer.rerenderTiles();
      await drawn();
    },
    async zoomTo(lon, lat, zoom) {
      map.setView([lat, lon], zoom, { animate: false });
      await drawn();
    },
    holderAt: async (lon, lat) => holderAt(lon, lat),
  };
})();
