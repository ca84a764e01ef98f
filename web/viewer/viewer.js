// Kuril Atlas viewer: MapLibre GL JS over the PMTiles archive, a time slider over the dated layers
// (OpenHistoricalMap decimal years), a point-of-view switch, a language switch and a click popup.
(function () {
  "use strict";
  const COLOURS = { japan: "#dc4539", russia: "#223974", "japan;russia": "#61b778", undetermined: "#b4b4b4" };
  const HOLDER_NAMES = { japan: "Japan", russia: "Russia", "japan;russia": "Japan and Russia jointly (condominium)",
    undetermined: "Undetermined" };
  const STOPS = [["1855", "1855-02-07"], ["1875", "1875-08-22"], ["1905", "1905-10-15"], ["1945", "1945-09-05"],
    ["1956", "1956-12-12"], ["today", null]];
  const DATED = ["holder", "occupied", "disputed", "records", "boundary-de-jure", "boundary-de-facto", "boundary-claimed"];
  const BOUNDARY_KIND = { "boundary-de-jure": "de_jure", "boundary-de-facto": "de_facto", "boundary-claimed": "claimed" };

  const todayIso = new Date().toISOString().slice(0, 10);
  const state = { date: todayIso, pov: "neutral", lang: "en" };

  // OpenHistoricalMap: year + days since 1 January / days in the year.
  function decimalYear(iso) {
    const [y, m, d] = iso.split("-").map(Number);
    const start = Date.UTC(y, 0, 1), next = Date.UTC(y + 1, 0, 1);
    return y + (Date.UTC(y, m - 1, d) - start) / (next - start);
  }
  function isoFromDay(day) { return new Date(day * 86400000).toISOString().slice(0, 10); }
  function dayFromIso(iso) { return Math.round(Date.parse(iso + "T00:00:00Z") / 86400000); }

  function dateFilter(extra) {
    const d = decimalYear(state.date);
    const f = ["all", ["<=", ["get", "start_decdate"], d],
      ["any", ["!", ["has", "end_decdate"]], [">", ["get", "end_decdate"], d]]];
    if (extra) f.push(extra);
    return f;
  }

  const protocol = new pmtiles.Protocol();
  maplibregl.addProtocol("pmtiles", protocol.tile);

  const ready = (async () => {
    const style = await (await fetch("kuril.style.json")).json();
    // The style's sources (kuril, kuril-dated, kuril-context) are one archive read to different maxzooms, each
    // at the URL with its own query string (?dated, ?context): the browser caches each apart, so no source
    // waits on another's Range request for the same tile (Chromium then failed some with "Failed to fetch").
    const archive = new URL("../tiles/kuril.pmtiles", location.href).href;
    for (const source of Object.values(style.sources)) source.url = "pmtiles://" + archive + new URL(source.url.slice(10), location.href).search;
    // The glyph ranges beside this page (kuril build writes them); string concatenation, as URL()
    // would escape the {fontstack} and {range} placeholders.
    style.glyphs = new URL(".", location.href).href + style.glyphs;
    const map = new maplibregl.Map({ container: "map", style, center: [148.5, 46.3], zoom: 4.6,
      attributionControl: { compact: false },
      localIdeographFontFamily: false });  // Japanese names from the same glyph ranges, not the browser
    map.addControl(new maplibregl.NavigationControl(), "top-right");
    window.kuril.map = map;
    await new Promise((resolve) => map.on("load", resolve));
    apply();
    map.on("click", "holder", popup);
    map.on("mouseenter", "holder", () => { map.getCanvas().style.cursor = "pointer"; });
    map.on("mouseleave", "holder", () => { map.getCanvas().style.cursor = ""; });
    map.on("moveend", legend);  // panned or zoomed: the regimes of the land now in view
    await idle(map);
    return map;
  })();

  function idle(map) {
    return new Promise((resolve) => { if (map.loaded() && !map.isMoving()) { map.once("idle", resolve); map.triggerRepaint(); } else { map.once("idle", resolve); } });
  }

  function apply() {
    const map = window.kuril.map;
    if (!map || !map.isStyleLoaded()) return;
    const pov = "pov_" + state.pov;
    map.setPaintProperty("holder", "fill-color", ["match", ["get", pov], ...Object.entries(COLOURS).flat(), "#e0e0e0"]);
    map.setFilter("holder", dateFilter());
    map.setFilter("occupied", dateFilter(["==", ["get", "status_" + state.pov], "occupied"]));
    map.setFilter("records", dateFilter());
    map.setFilter("disputed", dateFilter(["!=", ["get", "pov_japan"], ["get", "pov_russia"]]));
    for (const [layer, kind] of Object.entries(BOUNDARY_KIND)) {
      map.setFilter(layer, dateFilter(["==", ["get", pov], kind]));  // "hidden" in this view: not drawn
    }
    map.setLayoutProperty("labels", "text-field", labelText());
    // Settlements under the names of the day: the slider's date picks the period, the language the name.
    map.setFilter("places", dateFilter());
    map.setFilter("places-dot", dateFilter());
    map.setLayoutProperty("places", "text-field", ["coalesce", ["get", "name_" + (state.lang === "ainu" ? "en" : state.lang)], ["get", "name_en"], ""]);
    for (const r of document.querySelectorAll("input[name=pov]")) r.checked = r.value === state.pov;
    for (const r of document.querySelectorAll("input[name=lang]")) r.checked = r.value === state.lang;
    document.getElementById("date-label").textContent = state.date === todayIso ? `today (${todayIso})` : state.date;
    document.getElementById("date").value = dayFromIso(state.date);
    legend();
  }

  // The label in the chosen language, English where a name is not known in it.
  function labelText() {
    return ["coalesce", ["get", "name_" + state.lang], ["get", "name_en"], ""];
  }

  // Each party named as on the day: the regimes its land on screen names (holder_name, the neutral view's),
  // "Russian Empire" in 1860, "Soviet Union" in 1960; the party's name where none of its land is drawn.
  function regimeNames() {
    const map = window.kuril && window.kuril.map, names = {};
    if (!map || !map.isStyleLoaded()) return names;
    for (const f of map.queryRenderedFeatures({ layers: ["holder"] })) {
      const holder = f.properties.pov_neutral, name = f.properties.holder_name;
      if (!holder || !name || holder.includes(";")) continue;
      (names[holder] = names[holder] || new Set()).add(name);
    }
    return names;
  }

  function legend() {
    const regimes = regimeNames();
    const named = (k) => (regimes[k] ? [...regimes[k]].sort().join(", ") : HOLDER_NAMES[k]);
    const items = Object.entries(COLOURS).map(([k, c]) =>
      `<div class="item"><span class="swatch" style="background:${c}"></span>${named(k)}</div>`);
    items.push(`<div class="item"><span class="swatch" style="background:linear-gradient(rgba(255,255,255,.45),rgba(255,255,255,.45)),${COLOURS.russia}"></span>Occupied (lighter: held by force, no claim to title)</div>`);
    items.push('<div class="item"><span class="swatch" style="background:#fff;border:2px dashed #222"></span>Disputed (the views differ)</div>');
    items.push('<div class="item"><span class="line"></span>Treaty (de jure) boundary</div>');
    items.push('<div class="item"><span class="line" style="border-top:2px dashed #6a3d9a"></span>De facto line</div>');
    items.push('<div class="item"><span class="line" style="border-top:2px dotted #b35806"></span>Claimed line</div>');
    document.getElementById("legend").innerHTML = items.join("");
  }

  function popup(e) {
    const map = window.kuril.map;
    const f = e.features[0];
    const p = f.properties;
    const pov = state.pov;
    const records = map.queryRenderedFeatures(e.point, { layers: ["records"] })
      .filter((r) => r.properties.lane === "held");
    const rec = records.length ? records[0].properties : {};
    const rows = [
      ["Territory", p.territory], ["Holder", `${HOLDER_NAMES[p["pov_" + pov]] || p["pov_" + pov]} (${p.holder_name || ""})`],
      ["Status", p["status_" + pov]], ["From", p.start_date], ["Until", p.end_date || "today"],
      ["Treaty / event", rec.basis_name || p.basis], ["Source", rec.source || ""],
    ];
    new maplibregl.Popup().setLngLat(e.lngLat)
      .setHTML("<table>" + rows.map(([k, v]) => `<tr><td>${k}</td><td>${v ?? ""}</td></tr>`).join("") + "</table>")
      .addTo(map);
  }

  // Controls.
  const slider = document.getElementById("date");
  slider.min = dayFromIso("1855-02-07");
  slider.max = dayFromIso(todayIso);
  const list = document.getElementById("stops");
  const buttons = document.getElementById("stop-buttons");
  for (const [label, iso] of STOPS) {
    const day = iso ? iso : todayIso;
    const opt = document.createElement("option");
    opt.value = dayFromIso(day);
    opt.label = label;
    list.appendChild(opt);
    const b = document.createElement("button");
    b.textContent = label;
    b.onclick = () => { state.date = day; apply(); };
    buttons.appendChild(b);
  }
  slider.addEventListener("input", () => { state.date = isoFromDay(Number(slider.value)); apply(); });
  for (const r of document.querySelectorAll("input[name=pov]")) r.addEventListener("change", () => { state.pov = r.value; apply(); });
  for (const r of document.querySelectorAll("input[name=lang]")) r.addEventListener("change", () => { state.lang = r.value; apply(); });

  // For scripts and tests: set the state and wait until the map has drawn it.
  window.kuril = {
    ready,
    state,
    async show(date, pov, lang) {
      const map = await ready;
      if (date) state.date = date === "today" ? todayIso : date;
      if (pov) state.pov = pov;
      if (lang) state.lang = lang;
      apply();
      await idle(map);
      legend();  // the regimes of the land now drawn
    },
    holderAt(lon, lat) {
      const map = window.kuril.map;
      const hits = map.queryRenderedFeatures(map.project([lon, lat]), { layers: ["holder"] });
      return hits.map((h) => ({ territory: h.properties.territory, holder: h.properties["pov_" + state.pov],
        status: h.properties["status_" + state.pov], start: h.properties.start_date, end: h.properties.end_date || null }));
    },
    // The island labels MapLibre placed on screen, with the text each shows.
    labelsShown() {
      const map = window.kuril.map;
      const field = map.getLayoutProperty("labels", "text-field");
      return map.queryRenderedFeatures({ layers: ["labels"] }).map((f) => {
        const p = f.properties;
        const text = p["name_" + state.lang] || p.name_en;
        const at = map.project(f.geometry.coordinates);
        return { text, field, x: at.x, y: at.y, area: p.area_km2 || 0 };
      });
    },
  };
})();
