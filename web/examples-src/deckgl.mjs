// Kuril Atlas in deck.gl: MVTLayer over the z/x/y tiles of output/tiles/xyz/, the `views` layer coloured by
// who held the land on one day (?date=). The date filter runs on the GPU (DataFilterExtension): a feature
// outside the day is neither drawn nor picked. An ES module: `npm run build` in web/ bundles it with
// @deck.gl/core, geo-layers and extensions (esbuild) into the deckgl.js that deckgl.html loads.
import { Deck } from "@deck.gl/core";
import { DataFilterExtension } from "@deck.gl/extensions";
import { MVTLayer } from "@deck.gl/geo-layers";
import { MVTLoader } from "@loaders.gl/mvt";

{
  const { decimalYear, COLOURS, CONTEXT_LAND, dateFromUrl } = window.kurilDates;
  let date = dateFromUrl();
  const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const OPEN_END = 9999;  // no end_decdate: held to today

  function layer(iso) {
    const d = decimalYear(iso);
    return new MVTLayer({
      id: "kuril-views",
      data: new URL("../../tiles/xyz/", location.href).href + "{z}/{x}/{y}.pbf",
      minZoom: 0, maxZoom: 10, binary: false, pickable: true,  // the views' last zoom: deeper, deck.gl overzooms z10
      // The full MVT loader, parsing on the page (worker: false): by default loaders.gl fetches its MVT worker
      // script from a CDN, which this project never uses.
      loaders: [MVTLoader],
      loadOptions: { mvt: { layers: ["views"] }, worker: false },
      getFillColor: (f) => rgb(COLOURS[f.properties.pov_neutral] || "#e0e0e0"),
      getLineColor: [255, 255, 255], lineWidthMinPixels: 0.5,
      // start_decdate <= d < end_decdate, as [start, end] inside [[-inf, d], [d + 1e-6, +inf]].
      getFilterValue: (f) => [f.properties.start_decdate, f.properties.end_decdate ?? OPEN_END],
      filterRange: [[-1e6, d], [d + 1e-6, 1e6]],
      extensions: [new DataFilterExtension({ filterSize: 2 })],
      updateTriggers: { getFilterValue: [] },
      onViewportLoad: () => loaded && loaded(),
    });
  }
  // The land around the record, under the views: grey, not picked.
  const context = new MVTLayer({
    id: "kuril-context",
    data: new URL("../../tiles/xyz/", location.href).href + "{z}/{x}/{y}.pbf",
    minZoom: 0, maxZoom: 8, binary: false, pickable: false,
    loaders: [MVTLoader],
    loadOptions: { mvt: { layers: ["context"] }, worker: false },
    getFillColor: rgb(CONTEXT_LAND), stroked: false,
  });
  let loaded = null;
  const firstLoad = new Promise((resolve) => { loaded = resolve; });
  const deckgl = new Deck({
    initialViewState: { longitude: 148.5, latitude: 46.3, zoom: 5 },  // 512-pixel zooms: z6 of the others
    controller: true,
    layers: [context, layer(date)],
  });
  const label = document.getElementById("date");
  label.textContent = date;
  const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

  window.example = {
    ready: firstLoad.then(frames),
    async show(iso) {
      date = iso; label.textContent = iso;
      deckgl.setProps({ layers: [context, layer(iso)] });
      await frames(); await frames();
    },
    async zoomTo(lon, lat, zoom) {  // zoom in 256-pixel levels, as the other clients count them
      const done = new Promise((resolve) => { loaded = resolve; });
      deckgl.setProps({ initialViewState: { longitude: lon, latitude: lat, zoom: zoom - 1 } });
      await done; await frames(); await frames();
    },
    async holderAt(lon, lat) {
      const viewport = deckgl.getViewports()[0];
      const [x, y] = viewport.project([lon, lat]);
      const hits = deckgl.pickMultipleObjects({ x, y, radius: 0, depth: 5 });
      return hits.filter((h) => h.object).map((h) => ({ territory: h.object.properties.territory, holder: h.object.properties.pov_neutral }));
    },
  };
}
